"""Outlet chrome: lines an outlet repeats on many of its pages (menus, footers, promos)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from khabar.clean.dates import find_dates
from khabar.clean.lines import dateline_cue, make_line, norm_line
from khabar.clean.metadata import (
    DATELINE_MAX_WORDS,
    host_label,
    host_name,
    is_date_line,
    outlet_from_copyright,
)
from khabar.model import Page

CHROME_MIN_SHARE = 0.4
"""Share of an outlet's (distinct) pages a line must appear on to be chrome; menus and footers
are on all of them, story text on one, a sidebar headline on a few days' worth."""

CHROME_MIN_PAGES = 2
"""Fewest distinct pages of one outlet needed before anything is learned."""

NEAR_DUPLICATE_SHARE = 0.5
"""Share of shared long lines above which two pages of an outlet are one story twice (a
republished article): only one of them counts, or its paragraphs would look like chrome."""

LONG_LINE_WORDS = 12
"""Words from which a line counts as text when pages are compared for near-duplicates (menus and
labels are shared by every page of an outlet and say nothing about the story)."""

MAX_COMPARISONS = 200
"""Earlier pages each page is compared with when looking for near-duplicates (keeps ``fit``
linear on large crawls)."""

OUTLET_SCAN_CHARS = 4000
"""Characters at each end of a text page searched for a copyright line naming the outlet."""

_COPYRIGHT_HINT = re.compile(r"©|copyright|حقوق", re.I)


def outlet_key(page: Page) -> str | None:
    """A key grouping pages of one outlet: the outlet hint, the URL host, or the copyright line."""
    if page.outlet_hint:
        return page.outlet_hint.strip().casefold()
    host = host_name(page.url)
    if host:
        return host_label(host)
    if page.kind == "html":
        return None
    for chunk in (page.text[-OUTLET_SCAN_CHARS:], page.text[:OUTLET_SCAN_CHARS]):
        marked = [make_line(0, x) for x in chunk.splitlines() if _COPYRIGHT_HINT.search(x)]
        name, domain = outlet_from_copyright(marked)
        if domain:
            return host_label(domain)
        if name:
            return norm_line(name)
    return None


def page_lines(page: Page) -> frozenset[str]:
    """The distinct normalised non-blank lines of a text page."""
    return frozenset(n for n in (norm_line(x) for x in page.text.splitlines()) if n)


def states_a_date(norm: str) -> bool:
    """True when a (normalised) line says when something was published or updated: a dateline
    cue (``تم النشر``, ``نشر في:``) or a line of a dateline's length holding a date
    (``الثلاثاء 5 مارس 2019 - 10:30 | دمشق | خاص``); longer lines with a date are sentences or
    teasers, and may be chrome.

    Such a line is never outlet chrome, however many pages share it: pages of one outlet
    published on one day all print the same dateline, and it is the only place their date is.
    """
    line = make_line(0, norm)
    if dateline_cue(line) is not None or is_date_line(line):
        return True
    return bool(find_dates(norm)) and line.words <= DATELINE_MAX_WORDS


class OutletChrome:
    """Learns, per outlet, the lines repeated across its pages (``fit``), and gives them back."""

    def __init__(
        self,
        min_share: float = CHROME_MIN_SHARE,
        min_pages: int = CHROME_MIN_PAGES,
        near_duplicate_share: float = NEAR_DUPLICATE_SHARE,
    ) -> None:
        self.min_share = min_share
        self.min_pages = min_pages
        self.near_duplicate_share = near_duplicate_share

    def fit(self, pages: Sequence[Page]) -> OutletChrome:
        """Learn each outlet's chrome lines from text pages; returns self."""
        groups: dict[str, list[frozenset[str]]] = defaultdict(list)
        texts: dict[str, list[frozenset[str]]] = defaultdict(list)
        for page in pages:
            if page.kind == "html":
                continue
            key = outlet_key(page)
            if key is None:
                continue
            lines = page_lines(page)
            long_lines = frozenset(x for x in lines if x.count(" ") + 1 >= LONG_LINE_WORDS)
            if lines and not self._near_duplicate(long_lines, texts[key]):
                groups[key].append(lines)
                texts[key].append(long_lines)
        chrome: dict[str, frozenset[str]] = {}
        for key, docs in groups.items():
            if len(docs) < self.min_pages:
                continue
            counts = Counter(line for doc in docs for line in doc)
            need = max(2, math.ceil(self.min_share * len(docs)))
            chrome[key] = frozenset(
                line for line, n in counts.items() if n >= need and not states_a_date(line)
            )
        self.chrome_ = chrome
        return self

    def _near_duplicate(self, lines: frozenset[str], seen: list[frozenset[str]]) -> bool:
        for other in seen[-MAX_COMPARISONS:]:
            shared = len(lines & other)
            if shared and shared > self.near_duplicate_share * min(len(lines), len(other)):
                return True
        return False

    def chrome_for(self, page: Page) -> frozenset[str]:
        """The learned chrome lines of the page's outlet (empty when none were learned)."""
        key = outlet_key(page)
        return self.chrome_.get(key, frozenset()) if key is not None else frozenset()
