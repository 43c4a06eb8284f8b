"""The ANT event-clustering development set: read the corpus, load the labels, score baselines.

The labels (tests/quality/data/ant_events_dev.tsv) hold only ANT document numbers and event
labels; the articles themselves are read at run time from the ANT corpus, either the shipped
archive (../shared/data/ant/ant-multisource-v2.1.tar.xz) or a copy extracted from it.

Usage:
    python scripts/ant_devset.py days        # days with the most cross-outlet coverage
    python scripts/ant_devset.py show DAY    # titles of one day's articles (for labelling)
    python scripts/ant_devset.py check       # every article of the labelled days has a label
    python scripts/ant_devset.py baselines   # BCubed and pairwise scores of two baselines
    python scripts/ant_devset.py baselines --khabar --by-day   # and of khabar's build_events
    python scripts/ant_devset.py --tsv tests/quality/data/ant_events_test.tsv check  # held out
    python scripts/ant_devset.py score A.tsv [B.tsv ...]  # events and stories per day-window
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
import tarfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from khabar.arabic.ant import RESERVED_ANT_DAYS  # noqa: E402
from khabar.events.metrics import ClusterScores, evaluate  # noqa: E402  (needs sys.path above)

SHARED_ANT = ROOT.parent / "shared" / "data" / "ant"
DEVSET_TSV = ROOT / "tests" / "quality" / "data" / "ant_events_dev.tsv"
HELDOUT_TSV = ROOT / "tests" / "quality" / "data" / "ant_events_test.tsv"
"""Held-out days labelled before tuning (issue 5): score clustering on them, never tune on them."""
ARCHIVE_SUFFIXES = (".tar.xz", ".tar.gz", ".tar.bz2", ".tar")
DEFAULT_CATEGORIES = ("middleEast", "internationalNews")
OUTLETS = ("Alarabia", "BBC", "CNN", "France24", "SkyNews")
RESERVED_DAYS = RESERVED_ANT_DAYS
"""UTC days that ../shared/EVENTS.md reserves for independent evaluation: never labelled, read
closely or tuned on. ``days`` leaves them out and ``show`` refuses them."""

# Cosine similarity (0–1) of TF-IDF vectors above which the single-link baseline joins two
# articles; picked by a sweep over 0.08–0.5 on the dev set: the best BCubed F1 (see README).
BASELINE_COSINE_THRESHOLD = 0.18
# Days (UTC calendar days) two articles may lie apart and still be linked by the baseline: one,
# so follow-ups published the day after a happening can join it.
BASELINE_MAX_DAYS_APART = 1
# Characters of each article's text the baseline vectorises: the lead carries the happening,
# and CNN's trailing teasers of other stories stay out.
BASELINE_TEXT_CHARS = 1500
# Fallback encodings tried in order after UTF-8 (Arabic Windows and ISO code pages).
FALLBACK_ENCODINGS = ("cp1256", "iso-8859-6")

_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.S)
_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|\Z)", re.S)


def decode_bytes(raw: bytes) -> str:
    """Decode one ANT file: UTF-8 (with or without BOM), else an Arabic code page."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is not None:
            return str(best)
    except ImportError:  # optional: the code pages below still apply
        pass
    for encoding in FALLBACK_ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def parse_time(value: str) -> datetime | None:
    """Parse an ANT TIME field (RFC 2822, any offset) into an aware UTC datetime."""
    value = value.strip()
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _clean_field(value: str) -> str:
    """Unescape entities and trim blank edges of one field's text."""
    return html.unescape(value).strip()


def parse_documents(text: str, fallback_category: str = "") -> list[dict[str, Any]]:
    """Parse the TREC-like <DOC> records of one file's text into article dicts."""
    articles = []
    for body in _DOC.findall(text) or [text]:
        fields = {name: _clean_field(value) for name, value in _FIELD.findall(body)}
        docno = fields.get("DOCNO", "")
        if not docno:
            continue
        articles.append(
            {
                "docno": docno,
                "outlet": fields.get("SRC", ""),
                "category": fields.get("CAT", "") or fallback_category,
                "title": fields.get("TITLE", ""),
                "published": parse_time(fields.get("TIME", "")),
                "abstract": fields.get("ABSTRACT", ""),
                "text": fields.get("TEXT", ""),
                "url": fields.get("URL", ""),
            }
        )
    return articles


def _iter_files(root: Path, categories: Sequence[str]) -> Iterator[tuple[str, bytes]]:
    """Yield (category folder, raw bytes) of every corpus file in the wanted categories."""
    archive = _find_archive(root)
    if archive is None:
        for path in sorted(root.rglob("*.txt")):
            if path.parent.name in categories:
                yield path.parent.name, path.read_bytes()
        return
    with tarfile.open(archive) as tar:
        for member in tar:
            parts = Path(member.name).parts
            if not member.isfile() or len(parts) < 2 or parts[-2] not in categories:
                continue
            handle = tar.extractfile(member)
            if handle is not None:
                yield parts[-2], handle.read()


def _find_archive(root: Path) -> Path | None:
    """The corpus archive ``root`` is or holds, or None when it is an extracted folder."""
    if root.is_file():
        return root
    if any((root / outlet).is_dir() for outlet in OUTLETS):
        return None
    for suffix in ARCHIVE_SUFFIXES:
        found = sorted(root.glob(f"*{suffix}"))
        if found:
            return found[0]
    raise FileNotFoundError(
        f"{root} holds neither the ANT outlet folders nor an ANT archive; pass the extracted "
        "corpus folder or ../shared/data/ant"
    )


def day_of(article: Mapping[str, Any]) -> str:
    """The UTC calendar day (YYYY-MM-DD) an article was published, or '' when unknown."""
    published = article.get("published")
    return published.strftime("%Y-%m-%d") if isinstance(published, datetime) else ""


def on_reserved_day(article: Mapping[str, Any]) -> bool:
    """Whether an article is dated a reserved day by its UTC publication day or its DOCNO."""
    docno = re.search(r"-(\d{4})(\d{2})(\d{2})$", article["docno"])
    return day_of(article) in RESERVED_DAYS or (
        docno is not None and "-".join(docno.groups()) in RESERVED_DAYS
    )


def load_ant(
    root: Path,
    categories: Sequence[str] = DEFAULT_CATEGORIES,
    days: set[str] | None = None,
) -> list[dict[str, Any]]:
    """Read ANT articles of ``categories`` from ``root``, only those of UTC ``days`` if given."""
    seen: set[str] = set()
    articles = []
    for folder, raw in _iter_files(Path(root), categories):
        for article in parse_documents(decode_bytes(raw), fallback_category=folder):
            if article["category"] not in categories or article["docno"] in seen:
                continue
            if days is not None and day_of(article) not in days:
                continue
            seen.add(article["docno"])
            articles.append(article)
    articles.sort(key=lambda a: (day_of(a), a["published"] or datetime.min, a["docno"]))
    return articles


def default_root() -> Path:
    """The shipped corpus archive's folder (../shared/data/ant); reading it takes seconds."""
    return SHARED_ANT


@dataclass(frozen=True)
class LabelSet:
    """Event and story labels of one or more TSV files, and what could not be read."""

    events: dict[str, str]
    """ANT docno → event label."""
    stories: dict[str, str]
    """ANT docno → story label (only for rows of files with a ``story`` column)."""
    errors: tuple[str, ...] = ()
    """One line per file or row that was skipped: the file and the reason."""


def load_labels(paths: Sequence[Path]) -> LabelSet:
    """Read event (and, where the file has the column, story) labels of TSV files.

    Files hold ``docno<TAB>event[<TAB>story]<TAB>note`` under a header. A missing or unreadable
    file, a row without an event label or a docno labelled twice is reported in ``errors``
    (naming the file and the reason) and skipped; the other files and rows are still read.
    """
    events: dict[str, str] = {}
    stories: dict[str, str] = {}
    errors: list[str] = []
    for path in paths:
        try:
            with Path(path).open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                fields = reader.fieldnames or []
                if "docno" not in fields or "event" not in fields:
                    errors.append(f"{path}: no 'docno' and 'event' header columns ({fields})")
                    continue
                for line, row in enumerate(reader, start=2):
                    docno = (row.get("docno") or "").strip()
                    event = (row.get("event") or "").strip()
                    story = (row.get("story") or "").strip()
                    if not docno or docno.startswith("#"):
                        continue
                    if not event:
                        errors.append(f"{path}:{line}: {docno} has no event label; skipped")
                    elif docno in events:
                        errors.append(f"{path}:{line}: {docno} is labelled twice; kept the first")
                    elif "story" in fields and not story:
                        errors.append(f"{path}:{line}: {docno} has no story label; skipped")
                    else:
                        events[docno] = event
                        if "story" in fields:
                            stories[docno] = story
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            errors.append(f"{path}: cannot be read ({exc})")
    return LabelSet(events, stories, tuple(errors))


def day_windows(days: Iterable[str]) -> list[tuple[str, ...]]:
    """Group ISO days into windows of consecutive days (2018-04-14 and -15 are one window)."""
    ordered = sorted({d for d in days if d}, key=date.fromisoformat)
    windows: list[list[str]] = []
    for day in ordered:
        if windows and (date.fromisoformat(day) - date.fromisoformat(windows[-1][-1])).days == 1:
            windows[-1].append(day)
        else:
            windows.append([day])
    return [tuple(w) for w in windows]


def load_devset(tsv_path: Path = DEVSET_TSV) -> dict[str, str]:
    """Read the labelled dev set: ANT docno → event label."""
    labels: dict[str, str] = {}
    with Path(tsv_path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        for row in reader:
            docno = (row.get("docno") or "").strip()
            event = (row.get("event") or "").strip()
            if not docno or docno.startswith("#"):
                continue
            if not event:
                raise ValueError(f"{tsv_path}: {docno} has no event label")
            if docno in labels:
                raise ValueError(f"{tsv_path}: {docno} is labelled twice")
            labels[docno] = event
    return labels


def devset_days(gold: Mapping[str, str], articles: Iterable[Mapping[str, Any]]) -> set[str]:
    """The UTC days of the labelled articles."""
    return {day_of(a) for a in articles if a["docno"] in gold}


def coverage_by_day(
    articles: Iterable[Mapping[str, Any]], threshold: float = BASELINE_COSINE_THRESHOLD
) -> list[tuple[str, int, int, Counter[str]]]:
    """Per day: articles with a similar article from another outlet, outlets, count per outlet.

    Days come sorted by the first number, the articles that have a TF-IDF cosine of at least
    ``threshold`` with a same-day article of another outlet: a rough count of cross-outlet
    coverage, to help choose days worth labelling.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    per_day: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for article in articles:
        if day_of(article):
            per_day[day_of(article)].append(article)
    rows = []
    for day, members in per_day.items():
        counts = Counter(a["outlet"] for a in members)
        linked = 0
        if len(counts) > 1:
            vectors = TfidfVectorizer(sublinear_tf=True).fit_transform(
                _article_text(a) for a in members
            )
            similarity = (vectors @ vectors.T).toarray()
            outlets = [a["outlet"] for a in members]
            for i, row in enumerate(similarity):
                if any(
                    row[j] >= threshold and outlets[j] != outlets[i] for j in range(len(members))
                ):
                    linked += 1
        rows.append((day, linked, len(counts), counts))
    return sorted(rows, key=lambda r: (-r[1], -r[2], r[0]))


def _article_text(article: Mapping[str, Any]) -> str:
    """Title and lead of one article, as the baseline sees it."""
    return f"{article['title']}\n{article['text'][:BASELINE_TEXT_CHARS]}"


def _day_ordinal(article: Mapping[str, Any]) -> int:
    """Publication day as a day number (0 when unknown)."""
    published = article.get("published")
    return published.date().toordinal() if isinstance(published, datetime) else 0


def tfidf_single_link(
    articles: Sequence[Mapping[str, Any]], threshold: float = BASELINE_COSINE_THRESHOLD
) -> dict[str, str]:
    """Baseline: link articles a day or less apart whose TF-IDF cosine passes ``threshold``."""
    import numpy as np
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer

    docnos = [a["docno"] for a in articles]
    if not docnos:
        return {}
    vectors = TfidfVectorizer(sublinear_tf=True, min_df=1).fit_transform(
        _article_text(a) for a in articles
    )
    similarity = (vectors @ vectors.T).tocsr()
    ordinals = [_day_ordinal(a) for a in articles]
    rows, cols = similarity.nonzero()
    close = np.array(
        [
            abs(ordinals[r] - ordinals[c]) <= BASELINE_MAX_DAYS_APART
            for r, c in zip(rows, cols, strict=True)
        ],
        dtype=bool,
    )
    similarity.data = ((similarity.data >= threshold) & close).astype(float)
    similarity.eliminate_zeros()
    _, component = connected_components(similarity, directed=False)
    return {docno: f"c{label}" for docno, label in zip(docnos, component, strict=True)}


def baseline_scores(
    articles: Sequence[Mapping[str, Any]],
    gold: Mapping[str, str],
    threshold: float = BASELINE_COSINE_THRESHOLD,
) -> dict[str, ClusterScores]:
    """Scores of the all-singletons and TF-IDF single-link baselines on the labelled articles."""
    labelled = [a for a in articles if a["docno"] in gold]
    singletons = {a["docno"]: a["docno"] for a in labelled}
    return {
        "singletons": evaluate(singletons, gold),
        f"tfidf-single-link@{threshold:.2f}": evaluate(
            tfidf_single_link(labelled, threshold), gold
        ),
    }


def to_khabar_article(article: Mapping[str, Any]) -> Any:
    """One ANT article as a ``khabar.model.Article`` (id = docno)."""
    from khabar.model import Article

    published = article.get("published")
    paragraphs = tuple(p.strip() for p in article["text"].splitlines() if p.strip())
    return Article(
        id=article["docno"],
        source=article["docno"],
        title=article["title"] or None,
        published=published.date() if isinstance(published, datetime) else None,
        outlet=article["outlet"] or None,
        language="ar",
        paragraphs=paragraphs,
        url=article.get("url") or None,
    )


def khabar_scores(
    articles: Sequence[Mapping[str, Any]], gold: Mapping[str, str], annotate: bool = True
) -> ClusterScores:
    """Scores of khabar's own event clustering (``build_events``) on the labelled articles."""
    from khabar.config import Config
    from khabar.events import build_events
    from khabar.model import AnnotatedArticle

    config = Config()
    clean = [to_khabar_article(a) for a in articles if a["docno"] in gold]
    entities: list[Any] = []
    if annotate:
        from khabar.annotate import Annotator
        from khabar.entities import resolve_entities

        annotator = Annotator(config)
        annotated, entities = resolve_entities([annotator(a) for a in clean], config.entities)
    else:
        annotated = [AnnotatedArticle(article=a) for a in clean]
    events, _ = build_events(annotated, entities, config.events)
    predicted = {docno: event.id for event in events for docno in event.articles}
    return evaluate(predicted, gold)


TFIDF_SWEEP = tuple(round(0.08 + 0.02 * i, 2) for i in range(17))
"""Thresholds (cosine 0.08–0.40) tried for the TF-IDF baseline; the one with the best mean
event BCubed F1 over the windows is reported (and, apart, the best for stories)."""


def annotate_records(records: Sequence[Mapping[str, Any]]) -> tuple[list[Any], list[Any]]:
    """ANT records annotated and entity-resolved as ``khabar analyze`` does."""
    from khabar.annotate import Annotator
    from khabar.config import Config
    from khabar.entities import resolve_entities

    config = Config()
    annotator = Annotator(config)
    annotated = [annotator(to_khabar_article(r)) for r in records]
    return resolve_entities(annotated, config.entities)


def khabar_labels(
    annotated: Sequence[Any], entities: Sequence[Any]
) -> tuple[dict[str, str], dict[str, str]]:
    """khabar's events and stories of annotated articles: (docno → event, docno → story)."""
    from khabar.config import Config
    from khabar.events import build_events

    events, _ = build_events(annotated, entities, Config().events)
    by_event = {docno: e.id for e in events for docno in e.articles}
    by_story = {docno: e.story or e.id for e in events for docno in e.articles}
    return by_event, by_story


@dataclass(frozen=True)
class RunScores:
    """Event and story scores of one run on one window (or on all windows pooled)."""

    run: str
    events: ClusterScores
    stories: ClusterScores | None
    """None when the labels have no story column."""


def score_run(
    run: str,
    events: Mapping[str, str],
    stories: Mapping[str, str],
    labels: LabelSet,
    docnos: Iterable[str],
) -> RunScores:
    """Scores of one prediction over the labelled ``docnos``."""
    wanted = [d for d in docnos if d in labels.events]
    gold_events = {d: labels.events[d] for d in wanted}
    gold_stories = {d: labels.stories[d] for d in wanted if d in labels.stories}
    return RunScores(
        run,
        evaluate(events, gold_events),
        evaluate(stories, gold_stories) if gold_stories else None,
    )


def _pooled(predictions: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """Window predictions as one mapping, labels kept apart per window."""
    return {d: f"w{i}:{lab}" for i, p in enumerate(predictions) for d, lab in p.items()}


def score_windows(
    records: Sequence[Mapping[str, Any]],
    labels: LabelSet,
    with_khabar: bool = True,
    annotated: Mapping[str, Any] | None = None,
) -> tuple[list[tuple[str, list[RunScores]]], dict[str, float]]:
    """Per window (and ``all`` windows pooled): khabar beside the two baselines of EVENTS.md.

    Each window is clustered alone, as one ``khabar analyze`` of its articles. ``annotated``
    (docno → (AnnotatedArticle, entities)) may hold a window's annotation made earlier.
    Returns the rows and the TF-IDF thresholds chosen (``events``, ``stories``).
    """
    labelled = [r for r in records if r["docno"] in labels.events]
    windows = day_windows(day_of(r) for r in labelled)
    members = [[r for r in labelled if day_of(r) in set(w)] for w in windows]
    sweep: dict[float, list[dict[str, str]]] = {
        t: [tfidf_single_link(m, t) for m in members] for t in TFIDF_SWEEP
    }

    def mean_f1(threshold: float, gold: Mapping[str, str]) -> float:
        scores = [
            evaluate(pred, {d: gold[d] for d in pred if d in gold}).bcubed_f1
            for pred in sweep[threshold]
        ]
        return sum(scores) / max(len(scores), 1)

    best_event = max(TFIDF_SWEEP, key=lambda t: (mean_f1(t, labels.events), -t))
    best_story = best_event
    if labels.stories:
        best_story = max(TFIDF_SWEEP, key=lambda t: (mean_f1(t, labels.stories), -t))
    runs: dict[str, list[tuple[dict[str, str], dict[str, str]]]] = defaultdict(list)
    for i, window in enumerate(members):
        alone = {r["docno"]: r["docno"] for r in window}
        runs["every article alone"].append((alone, alone))
        runs[f"tfidf@{best_event:.2f}/{best_story:.2f}"].append(
            (sweep[best_event][i], sweep[best_story][i])
        )
        if with_khabar:
            if annotated is not None and all(r["docno"] in annotated for r in window):
                arts = [annotated[r["docno"]] for r in window]
                ents = {e.id: e for _, es in arts for e in es}
                runs["khabar"].append(khabar_labels([a for a, _ in arts], list(ents.values())))
            else:
                runs["khabar"].append(khabar_labels(*annotate_records(window)))
    rows: list[tuple[str, list[RunScores]]] = []
    for i, window_days in enumerate(windows):
        docnos = [r["docno"] for r in members[i]]
        name = window_days[0] if len(window_days) == 1 else f"{window_days[0]}..{window_days[-1]}"
        rows.append(
            (
                f"{name} ({len(docnos)} articles)",
                [score_run(run, p[i][0], p[i][1], labels, docnos) for run, p in runs.items()],
            )
        )
    everything = [r["docno"] for r in labelled]
    rows.append(
        (
            f"all windows ({len(everything)} articles)",
            [
                score_run(
                    run,
                    _pooled([e for e, _ in p]),
                    _pooled([s for _, s in p]),
                    labels,
                    everything,
                )
                for run, p in runs.items()
            ],
        )
    )
    return rows, {"events": best_event, "stories": best_story}


def format_window_rows(rows: Sequence[tuple[str, Sequence[RunScores]]]) -> str:
    """A Markdown table: one line per window and run."""
    lines = [
        "| window | run | event BCubed P / R / F1 | event pairwise P / R / F1 | events |"
        " story BCubed P / R / F1 | story pairwise F1 |",
        "|---|---|---|---|---:|---|---:|",
    ]
    for window, runs in rows:
        for r in runs:
            e = r.events
            story = "n/a | n/a"
            if r.stories is not None:
                s = r.stories
                story = (
                    f"{s.bcubed_precision:.3f} / {s.bcubed_recall:.3f} / **{s.bcubed_f1:.3f}**"
                    f" | {s.pairwise_f1:.3f}"
                )
            lines.append(
                f"| {window} | {r.run} | {e.bcubed_precision:.3f} / {e.bcubed_recall:.3f} /"
                f" **{e.bcubed_f1:.3f}** | {e.pairwise_precision:.3f} / {e.pairwise_recall:.3f}"
                f" / **{e.pairwise_f1:.3f}** | {e.n_pred_clusters} (gold {e.n_gold_clusters})"
                f" | {story} |"
            )
    return "\n".join(lines)


def _format(name: str, s: ClusterScores) -> str:
    return (
        f"{name:28s} BCubed P/R/F1 {s.bcubed_precision:.3f}/{s.bcubed_recall:.3f}/"
        f"{s.bcubed_f1:.3f}  pairwise P/R/F1 {s.pairwise_precision:.3f}/"
        f"{s.pairwise_recall:.3f}/{s.pairwise_f1:.3f}  clusters {s.n_pred_clusters}"
    )


def _load_labelled(root: Path, tsv: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The dev-set labels and every article of the labelled days."""
    gold = load_devset(tsv)
    candidates = load_ant(root)
    days = devset_days(gold, candidates)
    return [a for a in candidates if day_of(a) in days], gold


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: coverage of days, one day's titles, label check, baseline scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None, help="ANT folder or archive")
    parser.add_argument("--tsv", type=Path, default=DEVSET_TSV, help="dev-set labels")
    sub = parser.add_subparsers(dest="command")
    days_cmd = sub.add_parser("days", help="days with the most cross-outlet coverage")
    days_cmd.add_argument("--top", type=int, default=40)
    show_cmd = sub.add_parser("show", help="list one day's articles")
    show_cmd.add_argument("day")
    show_cmd.add_argument("--chars", type=int, default=300, help="characters of text to show")
    sub.add_parser("check", help="every article of the labelled days has a label")
    base_cmd = sub.add_parser("baselines", help="scores of the baselines")
    base_cmd.add_argument("--threshold", type=float, nargs="*", default=[BASELINE_COSINE_THRESHOLD])
    base_cmd.add_argument("--by-day", action="store_true", help="also score each day alone")
    base_cmd.add_argument(
        "--khabar", action="store_true", help="also score khabar's build_events (annotated)"
    )
    score_cmd = sub.add_parser(
        "score", help="events and stories per day-window: khabar beside the two baselines"
    )
    score_cmd.add_argument("tsvs", type=Path, nargs="+", help="label files (TSV)")
    score_cmd.add_argument("--no-khabar", action="store_true", help="baselines only")
    args = parser.parse_args(argv)
    root = args.root or default_root()
    command = args.command or "days"

    if command == "score":
        labels = load_labels(args.tsvs)
        for error in labels.errors:
            print(f"skipped: {error}", file=sys.stderr)
        if not labels.events:
            print("no labelled article could be read", file=sys.stderr)
            return 1
        records = load_ant(root)
        present = {r["docno"] for r in records}
        for docno in sorted(labels.events.keys() - present):
            print(f"skipped: {docno} is not in the corpus at {root}", file=sys.stderr)
        rows, chosen = score_windows(records, labels, with_khabar=not args.no_khabar)
        print(
            f"TF-IDF single-link baseline: best single threshold {chosen['events']:.2f} for"
            f" events, {chosen['stories']:.2f} for stories (swept {TFIDF_SWEEP[0]:.2f}–"
            f"{TFIDF_SWEEP[-1]:.2f}, best mean BCubed F1 over the windows)"
        )
        print(format_window_rows(rows))
        return 0

    if command == "days":
        coverage = [c for c in coverage_by_day(load_ant(root)) if c[0] not in RESERVED_DAYS]
        for day, linked, n_outlets, counts in coverage[: args.top]:
            detail = " ".join(f"{o}:{counts[o]}" for o in sorted(counts))
            print(
                f"{day}  cross-outlet={linked:3d}  outlets={n_outlets}  "
                f"articles={sum(counts.values()):3d}  {detail}"
            )
        return 0
    if command == "show":
        if args.day in RESERVED_DAYS:
            print(f"{args.day} is reserved for independent evaluation (EVENTS.md)", file=sys.stderr)
            return 2
        gold = load_devset(args.tsv) if args.tsv.exists() else {}
        for a in load_ant(root, days={args.day}):
            when = a["published"].strftime("%H:%M") if a["published"] else "--:--"
            print(f"{a['docno']}\t{when}\t{gold.get(a['docno'], '?')}\t{a['title']}")
            if args.chars:
                print("    " + a["text"][: args.chars].replace("\n", " "))
        return 0
    articles, gold = _load_labelled(root, args.tsv)
    if command == "check":
        present = {a["docno"] for a in articles}
        missing = sorted(present - gold.keys())
        unknown = sorted(gold.keys() - present)
        for docno in missing:
            print(f"unlabelled: {docno}")
        for docno in unknown:
            print(f"not in the labelled days' articles: {docno}")
        events = Counter(gold.values())
        print(
            f"days={sorted(devset_days(gold, articles))} articles={len(gold)} "
            f"events={len(events)} multi-article events={sum(1 for n in events.values() if n > 1)}"
        )
        return 1 if missing or unknown else 0
    groups = [("all days", articles)]
    if args.by_day:
        for day in sorted(devset_days(gold, articles)):
            groups.append((day, [a for a in articles if day_of(a) == day]))
    for group, members in groups:
        labels = {a["docno"]: gold[a["docno"]] for a in members}
        print(f"== {group}: {len(members)} articles, {len(set(labels.values()))} events")
        for i, threshold in enumerate(args.threshold):
            for name, scores in baseline_scores(members, labels, threshold).items():
                if name != "singletons" or i == 0:
                    print(_format(name, scores))
        if args.khabar:
            print(_format("khabar.build_events", khabar_scores(members, labels)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
