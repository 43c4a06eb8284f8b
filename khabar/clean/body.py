"""The article inside a page of lines: chrome labelled, the body span chosen, paragraphs repaired.

Three passes over the lines of a page (a text dump, or the visible text of an HTML page):

1. *label*: every line that is chrome gets the reason it goes (cue phrases, menus, related-story
   lists, datelines, repeated lines, lines the outlet repeats on every page);
2. *span*: the body is the run of lines with the largest total score (body text scores its words,
   chrome and headings cost a little, comment/footer/sidebar markers are walls), as in body-text
   extraction by maximum-sum segments;
3. *assemble*: the title and lede are chosen, kept lines inside the span become paragraphs, and a
   paragraph cut mid-sentence is joined to its continuation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from khabar.clean.lines import (
    PARAGRAPH_MIN_WORDS,
    Line,
    breadcrumb_parts,
    cue_reason,
    is_barrier,
    link_heavy,
    norm_line,
    related_header,
    related_insert,
)
from khabar.clean.metadata import (
    TITLE_MIN_WORDS,
    find_published,
    is_date_line,
    is_title_candidate,
    strip_site_suffix,
    title_from_reading,
)
from khabar.model import Flag, RemovedBlock

CHROME_LINE_COST = 5.0
"""Score of a chrome line inside a candidate span (in words of body text it outweighs): a few
menu lines between two paragraphs do not split the article; a long run of them does."""

HEADING_COST = 2.0
"""Score of a short line that is not chrome (a heading, a label); headings between paragraphs are
kept, runs of labels before or after the article are not."""

RELATED_END_WORDS = 20
"""Words from which a line ends a related-stories list (story links are shorter)."""

CONTINUATION_SHARE = 0.35
"""Score share (of the best run) from which text after a related-list heading is the rest of the
article; teasers after an article score far less than the article."""

CONTINUATION_MIN_SCORE = 60.0
"""Score (about words of body text) from which text across a related-list heading is the rest of
the article whatever its share: two or three real paragraphs, more than a few teasers hold.
Tuned with CONTINUATION_SHARE on ANT articles with inline "اقرأ أيضا" lists."""

REPEATED_MAX_WORDS = 15
"""Longest line dropped for repeating within its page (tag labels, logos, section names)."""

JOIN_MIN_WORDS = 12
"""Fewest words of a line without final punctuation that is joined to the next line; shorter
unpunctuated lines are headings."""

TITLE_CONFIRM_BODY_LINES = 3
"""Lines into the body span searched for a headline confirmed by the ``<title>`` line (a headline
ending in ``?`` can open the span)."""

TITLE_WINDOW = 12
"""Non-blank lines above the body searched for the headline."""

TITLE_PREFERRED_WORDS = 5
"""Words from which a line above the body is preferred as the headline over nearer, shorter
lines (place datelines, section names)."""

LEDE_SEPARATORS: frozenset[str] = frozenset({"dateline", "byline", "share", "navigation", "title"})
"""Reasons of the meta lines that set a standfirst off from the body below it."""

DATE_WINDOW = 3
"""Non-blank body lines at the top of the span searched for a dateline."""


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the line passes found in one page."""

    paragraphs: tuple[str, ...]
    removed: tuple[RemovedBlock, ...]
    flags: tuple[Flag, ...]
    title: str | None
    lede: str | None
    published: date | None
    published_evidence: str | None
    lines: tuple[Line, ...]
    kept: tuple[bool, ...]
    """``kept[i]`` is True when line ``i`` is part of the body."""


def label_lines(lines: Sequence[Line], chrome: frozenset[str]) -> list[str | None]:
    """The removal reason of every line (None for lines that may be article text or blank)."""
    labels: list[str | None] = [None] * len(lines)
    in_related = False
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if related_header(line):
            labels[i] = "related_links"
            in_related = True
            continue
        if in_related:
            ends = line.words >= RELATED_END_WORDS
            if not ends and not is_barrier(line):
                labels[i] = "related_links"
                continue
            in_related = False
        if line.norm in chrome:
            labels[i] = "outlet_chrome"
        elif link_heavy(line) or related_insert(line):
            labels[i] = "related_links"
        elif (reason := cue_reason(line)) is not None:
            labels[i] = reason
        elif is_date_line(line):
            labels[i] = "dateline"
    counts = Counter(
        ln.norm
        for ln, lab in zip(lines, labels, strict=True)
        if lab is None and not ln.blank and ln.words <= REPEATED_MAX_WORDS
    )
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if labels[i] is None and counts.get(line.norm, 0) > 1:
            # labels and logos go everywhere they occur; a sentence (a pull quote) keeps its
            # first occurrence
            if line.paragraph_like and line.norm not in seen:
                seen.add(line.norm)
                continue
            labels[i] = "repeated"
    return labels


def _barrier_kinds(lines: Sequence[Line], labels: Sequence[str | None]) -> list[str | None]:
    """``"hard"`` for lines article text never continues across (comments, footer, sidebar
    headings), ``"soft"`` for related-list headings (the article may go on after the list), else
    None."""
    kinds: list[str | None] = []
    for line, lab in zip(lines, labels, strict=True):
        if lab is not None and is_barrier(line):
            kinds.append("hard")
        elif lab == "related_links" and related_header(line):
            kinds.append("soft")
        else:
            kinds.append(None)
    return kinds


def line_score(line: Line, label: str | None) -> float:
    """How much a line speaks for being inside the article body."""
    if label is not None:
        return -CHROME_LINE_COST
    if line.paragraph_like:
        return float(line.words)
    return -HEADING_COST


def _best_run(
    lines: Sequence[Line], labels: Sequence[str | None], lo: int, hi: int
) -> tuple[float, int, int]:
    """``(score, first, end)`` of the highest-scoring run of lines in ``lines[lo:hi]``."""
    best = (0.0, lo, lo)
    run, start = 0.0, lo
    for i in range(lo, hi):
        if lines[i].blank:
            continue
        if run <= 0:
            run, start = 0.0, i
        run += line_score(lines[i], labels[i])
        if run > best[0]:
            best = (run, start, i + 1)
    return best


def _continues(neighbour: float, best: float) -> bool:
    """True when a run across a related-list heading is more of the article, not teasers."""
    return neighbour >= CONTINUATION_MIN_SCORE or neighbour >= CONTINUATION_SHARE * best


def choose_span(lines: Sequence[Line], labels: Sequence[str | None]) -> tuple[int, int]:
    """``(first, last + 1)`` line indices of the article body.

    The page is cut at barrier lines into segments; the best-scoring run of lines of any segment
    is the body, extended across a related-list heading to the next segment's run when that run
    is large enough to be the rest of the article rather than teasers.
    """
    kinds = _barrier_kinds(lines, labels)
    cuts = [i for i, k in enumerate(kinds) if k is not None]
    bounds = list(zip([-1, *cuts], [*cuts, len(lines)], strict=True))
    runs = [_best_run(lines, labels, lo + 1, hi) for lo, hi in bounds]
    b = max(range(len(runs)), key=lambda k: runs[k][0])
    score, first, end = runs[b]
    if score <= 0:
        return 0, 0
    k = b
    while k + 1 < len(runs) and kinds[bounds[k][1]] == "soft":
        if not _continues(runs[k + 1][0], score):
            break
        k += 1
        end = runs[k][2]
    k = b
    while k > 0 and kinds[bounds[k][0]] == "soft":
        if not _continues(runs[k - 1][0], score):
            break
        k -= 1
        first = runs[k][1]
    while first < end and (lines[first].blank or labels[first] is not None):
        first += 1
    return first, end


def _nonblank_before(lines: Sequence[Line], index: int, limit: int) -> list[int]:
    """Indices of up to ``limit`` non-blank lines before ``index``, nearest first."""
    out: list[int] = []
    i = index - 1
    while i >= 0 and len(out) < limit:
        if not lines[i].blank:
            out.append(i)
        i -= 1
    return out


def choose_title(
    lines: Sequence[Line],
    labels: Sequence[str | None],
    first: int,
    end: int,
    hint: str | None,
) -> tuple[str | None, int | None]:
    """The headline and the line it was read from (None when it came from elsewhere)."""
    if hint:
        return hint.strip(), None
    for line, lab in zip(lines, labels, strict=True):
        if lab == "title" and (title := title_from_reading(line)):
            return title, None
    norms = {ln.norm for ln in lines}
    for i, line in enumerate(lines[:first]):
        parts = breadcrumb_parts(line)
        if not parts or labels[i] != "navigation":
            continue
        last = parts[-1]  # the headline when the trail ends with it, else a section name
        if len(last.split()) >= TITLE_PREFERRED_WORDS or (
            len(last.split()) >= TITLE_MIN_WORDS and norm_line(last) in norms
        ):
            return last, None
    inside = {lines[i].norm for i in range(first, end) if labels[i] == "repeated"}
    confirmed = _confirmed_title(lines, labels, first, end, inside)
    if confirmed is not None:
        return lines[confirmed].text, confirmed
    above = [
        i
        for i in _nonblank_before(lines, first, TITLE_WINDOW)
        if (labels[i] is None or (labels[i] == "repeated" and lines[i].norm not in inside))
        and is_title_candidate(lines[i])
    ]
    # the nearest headline-sized line; a shorter one (a place, a section) only when none is
    for i in above:
        if lines[i].words >= TITLE_PREFERRED_WORDS:
            return lines[i].text, i
    if above:
        return lines[above[0]].text, above[0]
    if first < end:
        top = lines[first]
        following = any(
            not ln.blank and labels[first + 1 + k] is None
            for k, ln in enumerate(lines[first + 1 : end])
        )
        if is_title_candidate(top) and top.words < PARAGRAPH_MIN_WORDS and following:
            return top.text, first
    return None, None


def _confirmed_title(
    lines: Sequence[Line],
    labels: Sequence[str | None],
    first: int,
    end: int,
    inside: set[str],
) -> int | None:
    """The line of a headline the page writes twice, once with the site's name (``<title>``)."""
    top, seen = first, 0
    while top < end and seen < TITLE_CONFIRM_BODY_LINES:
        seen += not lines[top].blank
        top += 1
    with_site: set[str] = set()
    for line in lines[:top]:
        if not line.blank:
            stripped = norm_line(strip_site_suffix(line.text))
            if stripped != line.norm:
                with_site.add(stripped)
    if not with_site:
        return None
    found = None
    for i in range(top):
        lab, line = labels[i], lines[i]
        usable = lab is None or (lab == "repeated" and line.norm not in inside)
        if usable and line.norm in with_site and is_title_candidate(line):
            found = i if found is None or i < first else found
    return found


def _joinable(prev: Line, nxt: Line) -> bool:
    """True when ``nxt`` continues the sentence ``prev`` breaks off."""
    return not prev.terminal and prev.words >= JOIN_MIN_WORDS and nxt.paragraph_like


def extract_body(
    lines: Sequence[Line],
    chrome: frozenset[str] = frozenset(),
    title_hint: str | None = None,
) -> Extraction:
    """Find the article in a page's lines: body paragraphs, title, lede, date, what was removed."""
    labels = label_lines(lines, chrome)
    first, end = choose_span(lines, labels)
    title, title_index = choose_title(lines, labels, first, end, title_hint)
    if title:
        title_norm = norm_line(title)
        inside_span = False
        for i, line in enumerate(lines):
            if labels[i] != "title" and (
                line.norm == title_norm
                or (i < end and norm_line(strip_site_suffix(line.text)) == title_norm)
            ):
                labels[i] = "title"
                inside_span = inside_span or first <= i < end
        if inside_span:
            first, end = choose_span(lines, labels)

    kept = [False] * len(lines)
    for i in range(first, end):
        kept[i] = labels[i] is None and not lines[i].blank

    # a lede: the standfirst between the headline and the body, set off from it by meta lines
    lede_index = _pre_span_lede(lines, labels, first, title_index)
    if lede_index is not None:
        kept[lede_index] = True
    body_idx = [i for i, k in enumerate(kept) if k]
    lede = None
    if body_idx and (lede_index is not None or _is_lede(lines, labels, body_idx, title_index)):
        lede = lines[body_idx[0]].text

    top_of_body = set(body_idx[:DATE_WINDOW])
    allowed = [
        (
            i < (body_idx[0] if body_idx else first)
            or i in top_of_body
            or (labels[i] == "dateline" and first <= i < end)
        )
        and labels[i] not in ("related_links", "outlet_chrome", "repeated")
        for i in range(len(lines))
    ]
    found = find_published(lines, allowed)

    removed: list[RemovedBlock] = []
    span_lo = body_idx[0] if body_idx else first
    span_hi = body_idx[-1] if body_idx else end - 1
    inserts = 0
    for i, line in enumerate(lines):
        if line.tags:
            removed.append(RemovedBlock(line.tags, "html_tag", line.number))
        if line.blank or kept[i]:
            continue
        reason = labels[i] or ("navigation" if i < span_lo else "footer")
        if reason == "related_links" and span_lo < i < span_hi:
            inserts += 1
        removed.append(RemovedBlock(line.text, reason, line.number))

    paragraphs: list[str] = []
    joins = 0
    prev: Line | None = None
    prev_i = -2
    for i in body_idx:
        line = lines[i]
        adjacent = prev is not None and all(lines[j].blank for j in range(prev_i + 1, i))
        if prev is not None and adjacent and _joinable(prev, line):
            paragraphs[-1] = f"{paragraphs[-1]} {line.text}"
            joins += 1
        else:
            paragraphs.append(line.text)
        prev, prev_i = line, i

    flags: list[Flag] = []
    if joins:
        flags.append(Flag("broken_paragraphs", f"rejoined {joins} paragraph(s) split mid-sentence"))
    if inserts:
        flags.append(
            Flag(
                "unrelated_inserts", f"removed {inserts} related-story link(s) from inside the body"
            )
        )
    return Extraction(
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        flags=tuple(flags),
        title=title,
        lede=lede,
        published=found[0] if found else None,
        published_evidence=found[1] if found else None,
        lines=tuple(lines),
        kept=tuple(kept),
    )


def _pre_span_lede(
    lines: Sequence[Line], labels: Sequence[str | None], first: int, title_index: int | None
) -> int | None:
    """A standfirst paragraph between the headline and the body span, if there is one."""
    if title_index is None or title_index >= first:
        return None
    for i in range(title_index + 1, first):
        if labels[i] is None and lines[i].paragraph_like:
            return i
    return None


def _is_lede(
    lines: Sequence[Line],
    labels: Sequence[str | None],
    body_idx: Sequence[int],
    title_index: int | None,
) -> bool:
    """True when the first body paragraph is a standfirst rather than the article's first line."""
    head = body_idx[0]
    if not lines[head].paragraph_like or len(body_idx) < 2:
        return False
    nxt = body_idx[1]
    if any(labels[j] in LEDE_SEPARATORS for j in range(head + 1, nxt)):
        return True  # set off from the body by meta lines (date, share buttons)
    if title_index is None:
        return False
    # a standfirst printed right under the headline, before the first subheading
    return head == title_index + 1 and not lines[nxt].paragraph_like
