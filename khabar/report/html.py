"""The dossier as one self-contained Arabic HTML page: inline CSS, an inline SVG timeline, no
network. Rendered from :func:`khabar.report.json.dossier_to_dict`, so the HTML and the JSON never
disagree. Page content is untrusted: the template autoescapes everything it prints.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import jinja2

from khabar.model import STANCES, Dossier
from khabar.report.json import dossier_to_dict

TEMPLATE_PACKAGE = "khabar.report"
TEMPLATE_FOLDER = "templates"
PAGE_TEMPLATE = "dossier.html.j2"
LABELS_FILE = "labels.json"

# --- timeline geometry, in SVG user units (1 unit = 1 CSS px at full width) ------------------
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
DATE_LABEL_MIN_ROOM = 90
"""Plot width in px needed left of a mark for its date label; otherwise the label goes right."""
MIN_RANGE_WIDTH = 6
"""Narrowest drawn date-range bar in px, so a two-day range stays visible on a long axis."""

STORY_COLOURS = 8
"""Distinct story colours in the stylesheet (``.story-0`` … ``.story-7``); more stories reuse
them in turn."""
MAX_CLAIM_COLUMNS = 6
"""Most reporting articles shown side by side in a claims table; beyond this (about 900 px of
columns) each claim lists its sources one per row instead."""

SAFE_URL_SCHEMES = frozenset({"http", "https"})
"""Only these links are made clickable; anything else (javascript:, data:) is shown as text."""
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


def _parse(value: Any) -> date | None:
    """Read an ISO date string (None and malformed values give None)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def arabic_date(value: Any, months: Sequence[str]) -> str:
    """Format an ISO date as ``15 أكتوبر 2025`` (empty for a missing date)."""
    day = _parse(value)
    if day is None:
        return ""
    return f"{day.day} {months[day.month - 1]} {day.year}"


def _event_span(event: Mapping[str, Any]) -> tuple[date, date] | None:
    """Return the first and last day an event may fall on, or None when it is undated."""
    exact = _parse(event.get("date"))
    bounds = event.get("date_range") or [None, None]
    lo, hi = _parse(bounds[0]), _parse(bounds[1]) if len(bounds) > 1 else None
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


def _open_bounds(event: Mapping[str, Any]) -> tuple[date | None, date | None] | None:
    """For an event with no closed date, the one-sided bounds the evidence gives, if any."""
    if _event_span(event) is not None:
        return None
    not_before, not_after = _parse(event.get("not_before")), _parse(event.get("not_after"))
    if not_before is None and not_after is None:
        return None
    return not_before, not_after


def _sort_days(event: Mapping[str, Any]) -> tuple[date, date] | None:
    """The days an event is ordered by: its span, else its one-sided bound."""
    span = _event_span(event)
    if span is not None:
        return span
    bounds = _open_bounds(event)
    if bounds is None:
        return None
    lo, hi = bounds
    return (lo or hi, hi or lo)  # type: ignore[return-value]


def chronological(events: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Order events by their first possible day (then last day, then id); undated ones last."""

    def key(event: Mapping[str, Any]) -> tuple[bool, date, date, str]:
        span = _sort_days(event)
        if span is None:
            return (True, date.max, date.max, str(event.get("id")))
        return (False, span[0], span[1], str(event.get("id")))

    return sorted(events, key=key)


# --------------------------------------------------------------------------------------------
# Timeline drawing (pure geometry; the template draws the shapes)
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
    """x of the first possible day (right side: the page reads right to left)."""
    x_to: float
    """x of the last possible day; equal to ``x_from`` for an exact date."""
    is_range: bool
    date_label: str
    date_label_x: float
    date_label_anchor: str
    """SVG ``text-anchor`` under ``direction="rtl"``: ``start`` puts the text left of x."""
    story_colour: int | None = None
    """Index of the colour of the event's story (None: the event is in no story)."""
    x_exact: float | None = None
    open_start: bool = False
    """The event has no known first day: the bar runs off the axis's early end."""
    open_end: bool = False
    """The event has no known last day: the bar runs off the axis's late end."""
    """x of the event's most likely day when it also has a range (a dot on the bar)."""


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


def _month_start(day: date, step: int) -> date:
    """First day of the month at or after ``day`` whose index is a multiple of ``step``."""
    index = day.year * 12 + day.month - 1
    if day.day != 1:
        index += 1
    index = math.ceil(index / step) * step
    return date(index // 12, index % 12 + 1, 1)


def _tick_dates(lo: date, hi: date) -> tuple[list[date], str]:
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


def build_timeline(
    events: Sequence[Mapping[str, Any]],
    months: Sequence[str],
    story_colours: Mapping[str, int] | None = None,
) -> Timeline | None:
    """Lay out the dated events on a right-to-left date axis, one row each in time order.

    ``story_colours`` maps an event id to the colour index of its story.
    """
    story_colours = story_colours or {}
    placed = [(e, _sort_days(e)) for e in chronological(events)]
    dated = [(e, days) for e, days in placed if days is not None]
    if not dated:
        return None
    lo = min(span[0] for _, span in dated)
    hi = max(span[1] for _, span in dated)
    if lo == hi:
        lo -= timedelta(days=SINGLE_DAY_PADDING_DAYS)
        hi += timedelta(days=SINGLE_DAY_PADDING_DAYS)
    else:
        pad = timedelta(days=max(1, round((hi - lo).days * AXIS_PADDING_SHARE)))
        lo, hi = lo - pad, hi + pad
    plot_left = float(PLOT_MARGIN)
    plot_right = float(TIMELINE_WIDTH - LABEL_COLUMN - PLOT_MARGIN)
    total_days = (hi - lo).days

    def x_of(day: date) -> float:
        """Earliest on the right, latest on the left."""
        share = (day - lo).days / total_days
        return round(plot_right - share * (plot_right - plot_left), 1)

    tick_days, unit = _tick_dates(lo, hi)
    ticks = tuple(
        Tick(x_of(day), _tick_label(day, unit, months, i == 0)) for i, day in enumerate(tick_days)
    )
    rows = []
    for i, (event, (first, last)) in enumerate(dated):
        bounds = _open_bounds(event)
        open_start = bounds is not None and bounds[0] is None
        open_end = bounds is not None and bounds[1] is None
        x_from = plot_right if open_start else x_of(first)
        x_to = plot_left if open_end else x_of(last)
        is_range = first != last or open_start or open_end
        if is_range and x_from - x_to < MIN_RANGE_WIDTH:
            middle = (x_from + x_to) / 2
            x_from, x_to = middle + MIN_RANGE_WIDTH / 2, middle - MIN_RANGE_WIDTH / 2
        if open_start:
            label = "حتى " + arabic_date(last.isoformat(), months)
        elif open_end:
            label = "منذ " + arabic_date(first.isoformat(), months)
        else:
            label = arabic_date(first.isoformat(), months)
            if is_range:
                label += " – " + arabic_date(last.isoformat(), months)
        left_room = x_to - plot_left
        if left_room >= DATE_LABEL_MIN_ROOM:
            label_x, anchor = x_to - 8, "start"
        else:
            label_x, anchor = x_from + 8, "end"
        exact = _parse(event.get("date"))
        x_exact = x_of(exact) if is_range and exact is not None else None
        title = str(event.get("title") or event.get("id"))
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
    )


# --------------------------------------------------------------------------------------------
# Article text with entity highlights
# --------------------------------------------------------------------------------------------


def highlight_paragraphs(
    text: str, mentions: Sequence[Mapping[str, Any]]
) -> list[list[dict[str, Any]]]:
    """Split ``text`` into paragraphs of segments; a segment with a ``type`` is an entity mention.

    Overlapping or out-of-range mentions are skipped, so the segments always rebuild the text.
    """
    spans = sorted(
        (
            m
            for m in mentions
            if isinstance(m.get("start"), int)
            and isinstance(m.get("end"), int)
            and 0 <= m["start"] < m["end"] <= len(text)
        ),
        key=lambda m: (m["start"], -m["end"]),
    )
    paragraphs: list[list[dict[str, Any]]] = []
    offset = 0
    index = 0
    for paragraph in text.split("\n"):
        start, end = offset, offset + len(paragraph)
        segments: list[dict[str, Any]] = []
        cursor = start
        while index < len(spans) and spans[index]["start"] < end:
            mention = spans[index]
            index += 1
            if mention["start"] < cursor or mention["end"] > end:
                continue
            if mention["start"] > cursor:
                segments.append({"text": text[cursor : mention["start"]]})
            segments.append(
                {
                    "text": text[mention["start"] : mention["end"]],
                    "type": mention.get("type") or "MISC",
                    "entity": mention.get("entity"),
                    "note": mention.get("note"),
                }
            )
            cursor = mention["end"]
        if cursor < end:
            segments.append({"text": text[cursor:end]})
        if segments:
            paragraphs.append(segments)
        offset = end + 1
    return paragraphs


def _time_marks(times: Iterable[Mapping[str, Any]], months: Sequence[str]) -> list[dict[str, Any]]:
    """Turn an article's time expressions into highlight spans noting the days they denote."""
    marks = []
    for time in times:
        earliest, latest = time.get("earliest"), time.get("latest")
        if earliest and latest and earliest != latest:
            note = f"{arabic_date(earliest, months)} – {arabic_date(latest, months)}"
        elif earliest:
            note = arabic_date(earliest, months)
        else:
            note = "تعبير زمني لم يُحدَّد يومه"
        marks.append(
            {"start": time.get("start"), "end": time.get("end"), "type": "TIME", "note": note}
        )
    return marks


# --------------------------------------------------------------------------------------------
# The page's view of the dossier
# --------------------------------------------------------------------------------------------


def safe_url(url: Any) -> str | None:
    """Return ``url`` when it is an http(s) link that may be made clickable, else None."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None


def _article_label(article: Mapping[str, Any]) -> str:
    """Name an article for citations: its outlet, else the host of its URL, else its source."""
    if article.get("outlet"):
        return str(article["outlet"])
    url = article.get("url")
    if isinstance(url, str):
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    source = str(article.get("source") or article.get("id"))
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _claims_table(
    claims: Sequence[Mapping[str, Any]], article_order: Sequence[str]
) -> dict[str, Any]:
    """Arrange claims as rows and reporting articles as columns, each cell the stances used.

    Rows where the sources disagree come first. With more reporting articles than fit side by
    side, the table lists one source per row.
    """
    reporting = {s.get("article") for c in claims for s in c.get("sources", [])}
    columns: list[str] = [a for a in article_order if a in reporting]
    for claim in claims:
        for src in claim.get("sources", []):
            if src.get("article") not in columns:
                columns.append(src.get("article"))
    position = {a: k for k, a in enumerate(columns)}
    rows = []
    # Claims the sources disagree on come first, then those reported by the most articles.
    claims = sorted(
        claims,
        key=lambda c: (
            -len({s.get("stance") for s in c.get("sources", [])}),
            -len({s.get("article") for s in c.get("sources", [])}),
        ),
    )
    for claim in claims:
        cells: list[list[Mapping[str, Any]]] = [[] for _ in columns]
        for src in claim.get("sources", []):
            cells[position[src.get("article")]].append(src)
        stances = {s.get("stance") for s in claim.get("sources", [])}
        rows.append({"claim": claim, "cells": cells, "mixed": len(stances) > 1})
    wide = len(columns) > MAX_CLAIM_COLUMNS
    return {"columns": columns, "rows": rows, "layout": "list" if wide else "matrix"}


def _load_labels() -> dict[str, Any]:
    """Read the Arabic wording of the page (section names, stances, flags, months)."""
    path = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FOLDER, LABELS_FILE)
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return labels


# Fields the page reads, with the value used when a dossier dict (say, JSON written by an older
# khabar) lacks them.
_ITEM_DEFAULTS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "articles": {
            "source": "",
            "url": None,
            "title": None,
            "published": None,
            "outlet": None,
            "language": "und",
            "lede": None,
            "text": "",
            "entities": (),
            "times": (),
            "event": None,
            "flags": (),
            "removed": (),
            "published_evidence": None,
        },
        "events": {
            "title": "",
            "date": None,
            "date_range": None,
            "date_evidence": (),
            "articles": (),
            "story": None,
            "summary": (),
            "participants": (),
            "places": (),
        },
        "stories": {"title": "", "events": ()},
        "entities": {"name": "", "type": "MISC", "variants": (), "articles": ()},
        "claims": {"text": "", "speaker": None, "event": None, "sources": ()},
        "contradictions": {"kind": "", "detail": "", "claim": None, "sides": ()},
        "errors": {"source": "", "error": ""},
    }
)
_TOP_DEFAULTS: Mapping[str, Any] = MappingProxyType({"khabar_version": None, "created": None})


def complete(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the dossier dict with every field the page reads (missing ones take defaults)."""
    out: dict[str, Any] = {**_TOP_DEFAULTS, **data}
    for section, defaults in _ITEM_DEFAULTS.items():
        items = []
        for index, item in enumerate(data.get(section) or []):
            filled = {**defaults, **item}
            filled.setdefault("id", f"{section}-{index + 1}")
            items.append(filled)
        out[section] = items
    return out


def build_view(data: Mapping[str, Any], labels: Mapping[str, Any]) -> dict[str, Any]:
    """Gather, from the dossier dict, what each section of the page shows."""
    data = complete(data)
    months: Sequence[str] = labels["months"]
    articles = list(data.get("articles", []))
    article_by_id = {a["id"]: a for a in articles}
    entity_by_id = {e["id"]: e for e in data.get("entities", [])}
    events = chronological(data.get("events", []))
    event_by_id = {e["id"]: e for e in events}
    claims = list(data.get("claims", []))
    contradictions = list(data.get("contradictions", []))
    claim_event = {c["id"]: c.get("event") for c in claims}
    event_of_article: dict[str, list[str]] = {}
    for event in events:
        for article_id in event.get("articles", []):
            event_of_article.setdefault(article_id, []).append(event["id"])
    claims_of: dict[str | None, list[Mapping[str, Any]]] = {}
    for claim in claims:
        claims_of.setdefault(claim.get("event"), []).append(claim)
    contradictions_of: dict[str, list[Mapping[str, Any]]] = {}
    for item in contradictions:
        if item.get("claim") in claim_event:
            homes = [claim_event[item["claim"]]]
        else:
            homes = [
                e for s in item.get("sides", []) for e in event_of_article.get(s.get("article"), [])
            ]
        for home in dict.fromkeys(h for h in homes if h is not None):
            contradictions_of.setdefault(home, []).append(item)

    def article_order(ids: Iterable[str]) -> list[str]:
        known = [i for i in ids if i in article_by_id]
        return sorted(
            known,
            key=lambda i: (
                article_by_id[i].get("published") is None,
                article_by_id[i].get("published") or "",
                i,
            ),
        )

    event_views: list[dict[str, Any]] = []
    for event in events:
        ids = article_order(event.get("articles", []))
        own_claims = claims_of.get(event["id"], [])
        own_contradictions = contradictions_of.get(event["id"], [])
        flags = [{"article": i, "flag": f} for i in ids for f in article_by_id[i].get("flags", [])]
        event_views.append(
            {
                "event": event,
                "articles": ids,
                "claims": _claims_table(own_claims, ids),
                "contradictions": own_contradictions,
                "flags": flags,
                "participants": [
                    entity_by_id[p] for p in event.get("participants", []) if p in entity_by_id
                ],
                "places": [entity_by_id[p] for p in event.get("places", []) if p in entity_by_id],
            }
        )

    placed = {c["id"] for v in event_views for c in v["contradictions"]}
    loose_claims = [c for c in claims if c.get("event") not in event_by_id]
    stories = []
    in_story: set[str] = set()
    story_colours: dict[str, int] = {}
    for index, story in enumerate(data.get("stories", [])):
        members = [event_by_id[e] for e in story.get("events", []) if e in event_by_id]
        in_story.update(e["id"] for e in members)
        colour = index % STORY_COLOURS
        for member in members:
            story_colours.setdefault(member["id"], colour)
        stories.append({"story": story, "events": members, "colour": colour})

    ordered_articles = [article_by_id[i] for i in article_order(article_by_id)]
    article_views = [
        {
            "article": a,
            "paragraphs": highlight_paragraphs(
                str(a.get("text") or ""),
                [*a.get("entities", []), *_time_marks(a.get("times", []), months)],
            ),
            "url": safe_url(a.get("url")),
            "dir": "rtl"
            if a.get("language") in RTL_LANGUAGES
            else ("auto" if a.get("language") in (None, "", "und") else "ltr"),
        }
        for a in ordered_articles
    ]
    counts = [
        ("مقالات", len(articles)),
        ("أحداث", len(events)),
        ("قصص", len(stories)),
        ("كيانات", len(entity_by_id)),
        ("ادعاءات", len(claims)),
        ("تعارضات", len(contradictions)),
        ("مدخلات تعذّر تحليلها", len(data.get("errors", []))),
    ]
    return {
        "data": data,
        "counts": counts,
        "labels": labels,
        "article_by_id": article_by_id,
        "article_label": {i: _article_label(a) for i, a in article_by_id.items()},
        "entity_by_id": entity_by_id,
        "event_by_id": event_by_id,
        "story_by_id": {item["story"]["id"]: item["story"] for item in stories},
        "timeline": build_timeline(events, months, story_colours),
        "undated_events": [e for e in events if _sort_days(e) is None],
        "stories": stories,
        "events_outside_stories": [e for e in events if e["id"] not in in_story],
        "events": event_views,
        "loose_claims": _claims_table(loose_claims, article_order(article_by_id)),
        "loose_contradictions": [c for c in contradictions if c["id"] not in placed],
        "articles": article_views,
        "errors": list(data.get("errors", [])),
        "stances": STANCES,
    }


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


def _environment(months: Sequence[str]) -> jinja2.Environment:
    """A Jinja2 environment that escapes everything it prints and fails on unknown names."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["arabic_date"] = lambda value: arabic_date(value, months)
    return env


def render_dossier_dict(data: Mapping[str, Any]) -> str:
    """Render a dossier dict (the JSON shape of :func:`dossier_to_dict`) as one HTML page."""
    labels = _load_labels()
    env = _environment(labels["months"])
    return env.get_template(PAGE_TEMPLATE).render(**build_view(data, labels))


def render_html(dossier: Dossier) -> str:
    """Render the dossier as one self-contained HTML page (Arabic, right to left, no network)."""
    return render_dossier_dict(dossier_to_dict(dossier))
