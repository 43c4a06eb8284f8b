"""The timeline drawing of the HTML dossier: pure date arithmetic and geometry over event dicts.

One timeline is drawn per story. Its date axis is fitted to the days its events can be pinned
to: exact days, one-sided bounds and ranges of at most :data:`LONG_RANGE_DAYS`. A longer range
("in 2018", "since October 2017") does not stretch the axis — three days of news would shrink to
a few pixels — it is clipped to the axis and drawn with open ends, its real dates in its label.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

# --- geometry, in SVG user units (1 unit = 1 CSS px at full width) ---------------------------
TIMELINE_WIDTH = 960
"""Width of the timeline drawing; it scales down with the page on narrow screens."""
LABEL_COLUMN = 330
"""Width of the right-hand column holding event titles (the page reads right to left)."""
ROW_HEIGHT = 34
"""Height of one event row: a 14 px title line plus room for the dot and a date label."""
AXIS_HEIGHT = 40
"""Height of the date axis band at the top, holding the tick labels."""
PLOT_MARGIN = 28
"""Gap between the plot's left/right edges and the nearest drawable date."""
AXIS_PADDING_SHARE = 0.04
"""Share of the date span added before the first and after the last date, so marks clear the
edges."""
SINGLE_DAY_PADDING_DAYS = 3
"""Days shown on each side when every event falls on the same day."""
MAX_TICKS = 12
"""Most tick marks on the axis (about one per 50 px of plot)."""
LABEL_MAX_CHARS = 44
"""Event titles longer than this are cut with an ellipsis in the drawing (the full title is in
the row's tooltip and in the event section)."""
DATE_LABEL_CHAR_WIDTH = 6.0
"""Width in px of one character of a date label (11 px Arabic digits and letters average about
5.5 px), used to tell whether a label fits beside its mark."""
DATE_LABEL_GAP = 8
"""Gap in px between a mark and its date label."""
MIN_RANGE_WIDTH = 6
"""Narrowest drawn date-range bar in px, so a two-day range stays visible on a long axis."""
LONG_RANGE_DAYS = 31
"""A date range longer than this (days) is too vague to place the story in time: it does not
widen the axis but is clipped to it. A month keeps "in May" and "last week" on the axis; the
year-wide ranges seen on ANT pages (2018-01-01 – 2018-12-31) stretched three days of news to a
few pixels (issue 20)."""


UNTITLED_EVENT = "حدث بلا عنوان"
"""Drawn for an event without a title (never its internal id)."""


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


def parse_day(value: Any) -> date | None:
    """Read an ISO date string (None and malformed values give None)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def arabic_date(value: Any, months: Sequence[str]) -> str:
    """Format an ISO date as ``15 أكتوبر 2025`` (empty for a missing date)."""
    day = parse_day(value)
    if day is None:
        return ""
    return f"{day.day} {months[day.month - 1]} {day.year}"


def event_span(event: Mapping[str, Any]) -> tuple[date, date] | None:
    """Return the first and last day an event may fall on, or None when it is undated."""
    exact = parse_day(event.get("date"))
    bounds = event.get("date_range") or [None, None]
    lo, hi = parse_day(bounds[0]), parse_day(bounds[1]) if len(bounds) > 1 else None
    if lo and hi:
        lo, hi = min(lo, hi), max(lo, hi)
        if exact:
            lo, hi = min(lo, exact), max(hi, exact)
        return lo, hi
    if exact:
        return exact, exact
    if lo or hi:
        one = lo or hi
        assert one is not None
        return one, one
    return None


def open_bounds(event: Mapping[str, Any]) -> tuple[date | None, date | None] | None:
    """For an event with no closed date, the one-sided bounds the evidence gives, if any."""
    if event_span(event) is not None:
        return None
    not_before, not_after = parse_day(event.get("not_before")), parse_day(event.get("not_after"))
    if not_before is None and not_after is None:
        return None
    return not_before, not_after


def sort_days(event: Mapping[str, Any]) -> tuple[date, date] | None:
    """The days an event is ordered by: its span, else its one-sided bound."""
    span = event_span(event)
    if span is not None:
        return span
    bounds = open_bounds(event)
    if bounds is None:
        return None
    lo, hi = bounds
    return (lo or hi, hi or lo)  # type: ignore[return-value]


def chronological(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Order events by their first possible day (then last day, then id); undated ones last."""

    def key(event: Mapping[str, Any]) -> tuple[bool, date, date, str]:
        span = sort_days(event)
        if span is None:
            return (True, date.max, date.max, str(event.get("id")))
        return (False, span[0], span[1], str(event.get("id")))

    return sorted(events, key=key)


def anchor_days(event: Mapping[str, Any]) -> tuple[date, date] | None:
    """The days that place an event firmly enough to shape the axis: its span when it is at most
    :data:`LONG_RANGE_DAYS` long, else its most likely day, else None."""
    days = sort_days(event)
    if days is None:
        return None
    if (days[1] - days[0]).days <= LONG_RANGE_DAYS:
        return days
    exact = parse_day(event.get("date"))
    return (exact, exact) if exact else None


def fit_axis(events: Iterable[Mapping[str, Any]]) -> tuple[date, date] | None:
    """First and last day the axis must show (before padding): the hull of the events' anchor
    days; the hull of all their days when no event is anchored; None when none is dated."""
    events = list(events)
    anchors = [a for a in (anchor_days(e) for e in events) if a is not None]
    if not anchors:
        anchors = [s for s in (sort_days(e) for e in events) if s is not None]
    if not anchors:
        return None
    return min(a[0] for a in anchors), max(a[1] for a in anchors)


def padded_axis(first: date, last: date) -> tuple[date, date]:
    """Widen the axis a little on both sides so marks clear its ends."""
    if first == last:
        pad = timedelta(days=SINGLE_DAY_PADDING_DAYS)
    else:
        pad = timedelta(days=max(1, round((last - first).days * AXIS_PADDING_SHARE)))
    return first - pad, last + pad


# --------------------------------------------------------------------------------------------
# Geometry (the template draws the shapes)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tick:
    """A labelled tick on the date axis."""

    x: float
    label: str


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One dated event on the timeline."""

    event_id: str
    title: str
    short_title: str
    y: float
    x_from: float
    """x of the first drawn day (right side: the page reads right to left)."""
    x_to: float
    """x of the last drawn day; equal to ``x_from`` for an exact date."""
    is_range: bool
    date_label: str
    date_label_x: float
    date_label_anchor: str
    """SVG ``text-anchor`` under ``direction="rtl"``: ``start`` puts the text left of x."""
    story_colour: int | None = None
    """Index of the colour of the event's story (None: the event is in no story)."""
    x_exact: float | None = None
    """x of the event's most likely day when it also has a range (a dot on the bar)."""
    open_start: bool = False
    """The event has no known first day: the bar runs off the axis's early end."""
    open_end: bool = False
    """The event has no known last day: the bar runs off the axis's late end."""
    clipped: bool = False
    """The event's range is longer than the axis shows: the bar is cut at the axis's ends."""


@dataclass(frozen=True, slots=True)
class Timeline:
    """Everything the template needs to draw the timeline SVG."""

    width: int
    height: int
    axis_y: float
    plot_left: float
    plot_right: float
    label_x: float
    ticks: tuple[Tick, ...]
    rows: tuple[TimelineRow, ...]
    axis_start: date | None = None
    """Earliest day of the axis (at ``plot_right``)."""
    axis_end: date | None = None
    """Latest day of the axis (at ``plot_left``)."""


def _month_start(day: date, step: int) -> date:
    """First day of the month at or after ``day`` whose index is a multiple of ``step``."""
    index = day.year * 12 + day.month - 1
    if day.day != 1:
        index += 1
    index = math.ceil(index / step) * step
    return date(index // 12, index % 12 + 1, 1)


def tick_dates(lo: date, hi: date) -> tuple[list[date], str]:
    """Choose tick days between ``lo`` and ``hi`` and their unit (``day``, ``month``, ``year``)."""
    span = (hi - lo).days
    if span <= 2 * 31:
        step = max(1, math.ceil(span / MAX_TICKS))
        days = [lo + timedelta(days=i) for i in range(0, span + 1, step)]
        return days, "day"
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    if months <= 3 * 12:
        step = max(1, math.ceil(months / MAX_TICKS))
        out: list[date] = []
        current = _month_start(lo, step)
        while current <= hi:
            out.append(current)
            index = current.year * 12 + current.month - 1 + step
            current = date(index // 12, index % 12 + 1, 1)
        return out, "month"
    step = max(1, math.ceil((hi.year - lo.year) / MAX_TICKS))
    first = math.ceil((lo.year + (0 if (lo.month, lo.day) == (1, 1) else 1)) / step) * step
    return [date(y, 1, 1) for y in range(first, hi.year + 1, step)], "year"


def _tick_label(day: date, unit: str, months: Sequence[str], first: bool) -> str:
    """Label a tick: ``15 أكتوبر``, ``أكتوبر`` (with the year on January or the first tick), or
    the year."""
    if unit == "day":
        return f"{day.day} {months[day.month - 1]}"
    if unit == "month":
        name = months[day.month - 1]
        return f"{name} {day.year}" if first or day.month == 1 else name
    return str(day.year)


def shorten(text: str, limit: int = LABEL_MAX_CHARS) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, adding an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ،,.:؛") + "…"


def _date_label(
    first: date, last: date, open_start: bool, open_end: bool, months: Sequence[str]
) -> str:
    """The Arabic dates written beside a mark (the event's real days, even when clipped)."""
    if open_start:
        return "حتى " + arabic_date(last.isoformat(), months)
    if open_end:
        return "منذ " + arabic_date(first.isoformat(), months)
    label = arabic_date(first.isoformat(), months)
    if first != last:
        label += " – " + arabic_date(last.isoformat(), months)
    return label


def build_timeline(
    events: Sequence[Mapping[str, Any]],
    months: Sequence[str],
    story_colours: Mapping[str, int] | None = None,
) -> Timeline | None:
    """Lay out the dated events on a right-to-left date axis fitted to them, one row each in
    time order; ranges longer than the axis are clipped to it.

    ``story_colours`` maps an event id to the colour index of its story.
    """
    story_colours = story_colours or {}
    placed = [(e, sort_days(e)) for e in chronological(events)]
    dated = [(e, days) for e, days in placed if days is not None]
    fitted = fit_axis(e for e, _ in dated)
    if not dated or fitted is None:
        return None
    lo, hi = padded_axis(*fitted)
    plot_left = float(PLOT_MARGIN)
    plot_right = float(TIMELINE_WIDTH - LABEL_COLUMN - PLOT_MARGIN)
    total_days = (hi - lo).days

    def x_of(day: date) -> float:
        """Earliest on the right, latest on the left; days off the axis sit on its ends."""
        day = min(max(day, lo), hi)
        share = (day - lo).days / total_days
        return round(plot_right - share * (plot_right - plot_left), 1)

    tick_days, unit = tick_dates(lo, hi)
    ticks = tuple(
        Tick(x_of(day), _tick_label(day, unit, months, i == 0)) for i, day in enumerate(tick_days)
    )
    rows = []
    for i, (event, (first, last)) in enumerate(dated):
        bounds = open_bounds(event)
        open_start = bounds is not None and bounds[0] is None
        open_end = bounds is not None and bounds[1] is None
        clipped = first < lo or last > hi
        x_from = plot_right if open_start else x_of(first)
        x_to = plot_left if open_end else x_of(last)
        is_range = first != last or open_start or open_end
        if is_range and x_from - x_to < MIN_RANGE_WIDTH:
            middle = min(max((x_from + x_to) / 2, plot_left), plot_right)
            x_from, x_to = middle + MIN_RANGE_WIDTH / 2, middle - MIN_RANGE_WIDTH / 2
        label = _date_label(first, last, open_start, open_end, months)
        room = len(label) * DATE_LABEL_CHAR_WIDTH + DATE_LABEL_GAP
        if x_to - plot_left >= room:  # left of the mark
            label_x, anchor = x_to - DATE_LABEL_GAP, "start"
        elif plot_right + PLOT_MARGIN - x_from >= room:  # right of the mark
            label_x, anchor = x_from + DATE_LABEL_GAP, "end"
        else:  # a bar across the plot: over the bar, from its left end
            label_x, anchor = x_to + DATE_LABEL_GAP, "end"
        exact = parse_day(event.get("date"))
        x_exact = x_of(exact) if is_range and exact is not None and lo <= exact <= hi else None
        title = str(event.get("title") or UNTITLED_EVENT)
        rows.append(
            TimelineRow(
                event_id=str(event.get("id")),
                title=title,
                short_title=shorten(title),
                y=AXIS_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2,
                x_from=x_from,
                x_to=x_to,
                is_range=is_range,
                date_label=label,
                date_label_x=round(label_x, 1),
                date_label_anchor=anchor,
                story_colour=story_colours.get(str(event.get("id"))),
                x_exact=x_exact,
                open_start=open_start,
                open_end=open_end,
                clipped=clipped,
            )
        )
    return Timeline(
        width=TIMELINE_WIDTH,
        height=AXIS_HEIGHT + len(rows) * ROW_HEIGHT + ROW_HEIGHT // 2,
        axis_y=AXIS_HEIGHT - 8,
        plot_left=plot_left,
        plot_right=plot_right,
        label_x=float(TIMELINE_WIDTH - 8),
        ticks=ticks,
        rows=tuple(rows),
        axis_start=lo,
        axis_end=hi,
    )
