"""Candidate search for event clustering: which pairs of articles, and of articles and existing
events, are similar enough to be worth an edge.

This is the part of clustering whose work grows with the collection (sparse products over a
window of publish dates, MinHash over shingles), so it is cut into :class:`SearchTask` objects:
plain data (term encodings, the idf of their columns, dates) and one pure function,
:func:`search`, that an executor runs in-process, in a process pool or on Dask workers. The
clustering driver (:class:`khabar.events.cluster.EventIndex`) only plans the tasks and merges
their edges, so the result does not depend on where the tasks ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse

from khabar.events.neardup import near_duplicate_groups
from khabar.events.vectors import Encoded, prune_rows, weigh

CANDIDATE_MIN = 0.10
"""Pairs below this cosine are not kept as edges at all (they cannot lift a mean over the link
threshold enough to matter, and dropping them keeps the graph sparse)."""

BLOCK_TERMS = 25
"""Heaviest terms per undated article used to find its candidates (its name-like words)."""

MIN_SHARED_BLOCK_TERMS = 2
"""Undated articles become candidates when they share at least this many of their heaviest
terms: one shared word (a country name) is too weak to be worth an exact comparison."""

BLOCK_MAX_POSTING = 500
"""Terms shared by more articles than this are too common to block on (for undated articles:
dated ones are blocked by publish date instead)."""

CHUNK_ROWS = 512
"""Rows per sparse product when searching candidates (bounds peak memory)."""

MEMBERS_PER_TASK = 2000
"""Members of existing events compared in one task (incremental mode). A day's comparison with
the events near it is split into tasks of about this many member rows, so a large collection's
day spreads over the workers while a small one stays one task (each task costs a round trip
and the new articles' weights)."""


@dataclass(frozen=True, slots=True)
class Group:
    """A cluster formed earlier, entering agglomeration as one item (incremental mode)."""

    size: int
    """Its number of members."""
    selfdot: float
    """|sum of its members' unit vectors|², counting only pairs that would be edges."""


@dataclass(frozen=True, slots=True, eq=False)
class EventBlock:
    """An existing event to compare with the new articles."""

    members: tuple[Encoded, ...]
    """Its members' term encodings."""
    days: tuple[date | None, ...]
    """Its members' publish dates."""
    candidates: tuple[int, ...]
    """The new articles (indices into :attr:`SearchTask.new`) its publish dates allow."""


@dataclass(frozen=True, slots=True, eq=False)
class SearchTask:
    """One unit of candidate search over new articles of one publish day (or undated ones).

    Weights are shipped as the idf of the columns the task's encodings use, not the whole
    vocabulary, so a task stays small however large the collection grows.
    """

    columns: np.ndarray
    """Sorted vocabulary columns the encodings below use."""
    idf: np.ndarray
    """The idf of each of :attr:`columns`."""
    new: tuple[Encoded, ...]
    """The new articles' term encodings."""
    published: tuple[date | None, ...]
    """The new articles' publish dates."""
    max_gap_days: int
    events: tuple[EventBlock, ...] = ()
    """Existing events to compare with the new articles."""
    terms: tuple[tuple[str, ...], ...] | None = None
    """The new articles' ordered terms: when given, the task also searches pairs among the new
    articles and groups their near-duplicates."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The edges one task found."""

    groups: tuple[Group, ...] = ()
    """Each of the task's events as one agglomeration item, in task order."""
    event_edges: tuple[tuple[int, int, float], ...] = ()
    """(event in the task, new article, summed cosine of its members with the article)."""
    pairs: tuple[tuple[int, int, float], ...] = ()
    """(new article, new article, cosine), first index lower."""
    duplicates: tuple[tuple[int, ...], ...] = ()
    """Groups of new articles that are copies or light rewrites of each other."""


def plan(
    idf: np.ndarray,
    new: Sequence[Encoded],
    published: Sequence[date | None],
    terms: Sequence[Sequence[str]],
    events: Sequence[EventBlock],
    max_gap_days: int,
    members_per_task: int = MEMBERS_PER_TASK,
) -> list[SearchTask]:
    """Cut one day's search into tasks: one for the new articles among themselves, and the
    existing events in runs of about ``members_per_task`` members. ``idf`` is the idf of every
    vocabulary column."""
    runs: list[list[EventBlock]] = [[]]
    load = 0
    for block in events:
        if runs[-1] and load + len(block.members) > members_per_task:
            runs.append([])
            load = 0
        runs[-1].append(block)
        load += len(block.members)
    new_t, published_t = tuple(new), tuple(published)
    tasks = []
    for i, run in enumerate(runs):
        encodings = [*new_t, *(m for block in run for m in block.members)]
        used = [c for c, _ in encodings]
        columns = np.unique(np.concatenate(used)) if used else np.zeros(0, dtype=np.int64)
        tasks.append(
            SearchTask(
                columns,
                idf[columns],
                new_t,
                published_t,
                max_gap_days,
                tuple(run),
                tuple(tuple(t) for t in terms) if i == 0 else None,
            )
        )
    return tasks


def search(task: SearchTask) -> SearchResult:
    """Run one task: the edges and near-duplicate groups it is responsible for."""
    matrix = _weigh(task.new, task)
    pairs: tuple[tuple[int, int, float], ...] = ()
    duplicates: tuple[tuple[int, ...], ...] = ()
    if task.terms is not None:
        found = candidate_pairs(matrix, task.published, task.max_gap_days)
        pairs = tuple((a, b, v) for (a, b), v in found.items())
        duplicates = tuple(tuple(g) for g in near_duplicate_groups([list(t) for t in task.terms]))
    groups: list[Group] = []
    edges: dict[tuple[int, int], float] = {}
    for e, block in enumerate(task.events):
        rows = _weigh(block.members, task)
        days = block.days
        selfdot = float(len(days))
        if len(days) > 1:
            for r, c, v in _entries(sparse.triu(rows @ rows.T, k=1)):
                if v >= CANDIDATE_MIN and _within(days[r], days[c], task.max_gap_days):
                    selfdot += 2 * v
        groups.append(Group(len(days), selfdot))
        cols = list(block.candidates)
        if not cols:
            continue
        for r, c, v in _entries(rows @ matrix[cols].T):
            j = cols[c]
            if v >= CANDIDATE_MIN and _within(days[r], task.published[j], task.max_gap_days):
                edges[(e, j)] = edges.get((e, j), 0.0) + v
    return SearchResult(
        tuple(groups), tuple((e, j, v) for (e, j), v in edges.items()), pairs, duplicates
    )


def _weigh(rows: Sequence[Encoded], task: SearchTask) -> sparse.csr_matrix:
    """TF-IDF rows of encodings, over the task's own columns (same floats as the driver's)."""
    local = [(np.searchsorted(task.columns, c), v) for c, v in rows]
    return weigh(local, task.idf)


def candidate_pairs(
    matrix: sparse.csr_matrix,
    published: Sequence[date | None],
    max_gap_days: int,
    min_similarity: float = CANDIDATE_MIN,
) -> dict[tuple[int, int], float]:
    """Cosine of row pairs (i < j) at or above ``min_similarity`` within the date window."""
    n = matrix.shape[0]
    dated = sorted((i for i in range(n) if published[i] is not None), key=lambda i: published[i])
    undated = [i for i in range(n) if published[i] is None]
    pairs: dict[tuple[int, int], float] = {}
    days = np.array([published[i].toordinal() for i in dated], dtype=np.int64)  # type: ignore[union-attr]
    for lo in range(0, len(dated), CHUNK_ROWS):
        rows = dated[lo : lo + CHUNK_ROWS]
        first = np.searchsorted(days, days[lo] - max_gap_days, side="left")
        last = np.searchsorted(days, days[lo + len(rows) - 1] + max_gap_days, side="right")
        window = dated[first:last]
        _collect(
            matrix,
            rows,
            window,
            min_similarity,
            pairs,
            lambda a, b: _within(published[a], published[b], max_gap_days),
        )
    if undated:
        _collect_undated(matrix, undated, min_similarity, pairs)
    return pairs


def _collect_undated(
    matrix: sparse.csr_matrix,
    undated: list[int],
    min_similarity: float,
    pairs: dict[tuple[int, int], float],
) -> None:
    """Pairs of undated articles with any article, found through their heaviest terms.

    Each article is cut to its BLOCK_TERMS heaviest terms and terms carried by more than
    BLOCK_MAX_POSTING articles are ignored, so the candidates per article are bounded and the
    search grows linearly with the collection; candidates then get their exact cosine.
    """
    pruned = prune_rows(matrix, BLOCK_TERMS).tocsc()
    postings = np.diff(pruned.indptr)
    pruned = (pruned @ sparse.diags((postings <= BLOCK_MAX_POSTING).astype(np.float64))).tocsr()
    pruned.eliminate_zeros()
    pruned.data[:] = 1.0
    for lo in range(0, len(undated), CHUNK_ROWS):
        rows = undated[lo : lo + CHUNK_ROWS]
        shared = (pruned[rows] @ pruned.T).tocoo()
        enough = shared.data >= min(MIN_SHARED_BLOCK_TERMS, BLOCK_TERMS)
        left = np.asarray(rows, dtype=np.int64)[shared.row[enough]]
        right = shared.col[enough].astype(np.int64)
        keep = left != right
        left, right = left[keep], right[keep]
        if not len(left):
            continue
        cosine = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
        for a, b, v in zip(left.tolist(), right.tolist(), cosine.tolist(), strict=True):
            if v >= min_similarity:
                pairs.setdefault((a, b) if a < b else (b, a), float(v))


def _collect(
    matrix: sparse.csr_matrix,
    rows: list[int],
    cols: list[int],
    min_similarity: float,
    pairs: dict[tuple[int, int], float],
    keep: Callable[[int, int], bool],
) -> None:
    """Add pairs of ``rows`` × ``cols`` whose cosine reaches ``min_similarity``."""
    if not rows or not cols:
        return
    product = (matrix[rows] @ matrix[cols].T).tocoo()
    strong = product.data >= min_similarity
    for r, c, v in zip(
        product.row[strong].tolist(),
        product.col[strong].tolist(),
        product.data[strong].tolist(),
        strict=True,
    ):
        a, b = rows[r], cols[c]
        if a == b:
            continue
        key = (a, b) if a < b else (b, a)
        if key not in pairs and keep(a, b):
            pairs[key] = float(v)


def _entries(matrix: sparse.spmatrix) -> Iterator[tuple[int, int, float]]:
    """(row, column, value) of a sparse matrix's stored entries."""
    coo = matrix.tocoo()
    return zip(coo.row.tolist(), coo.col.tolist(), coo.data.tolist(), strict=True)


def _within(a: date | None, b: date | None, max_gap_days: int) -> bool:
    """Whether two publish dates lie within the window (an unknown date is within any)."""
    return a is None or b is None or abs((a - b).days) <= max_gap_days
