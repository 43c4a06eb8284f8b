"""The dossier as the files newsrooms use: CSV tables, JSON Lines of clean articles, an SVG
timeline.

Everything here reads the dict of :func:`khabar.report.json.dossier_to_dict`, the dossier's one
codec: a table only selects, joins (an article's outlet beside a claim) and flattens (one row
per claim and citing article) what the JSON already holds; nothing is computed again.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from khabar.clean.scrub import scrub_text
from khabar.errors import KhabarError
from khabar.report.html import load_labels, order_stories
from khabar.report.timeline import Timeline, build_timeline, chronological

Row = dict[str, Any]
Data = Mapping[str, Any]

CSV_BOM = "\ufeff"
"""Written first in every CSV: spreadsheet programs (Excel) then read the file as UTF-8 and
show Arabic as Arabic; readers that know UTF-8 (khabar's own among them) skip it."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cell beginnings a spreadsheet runs as a formula; such a text cell gets a leading ``'`` (a
page title like ``=HYPERLINK(…)`` must stay text, OWASP "CSV injection")."""

LIST_SEPARATOR = "; "
"""Between the items of a list in one CSV cell (outlets, flags, participants)."""

ARTICLE_COLUMNS = (
    "id",
    "title",
    "date",
    "sitename",
    "hostname",
    "url",
    "input",
    "language",
    "event",
    "story",
    "flags",
    "excerpt",
    "text",
)
EVENT_COLUMNS = (
    "id",
    "title",
    "date",
    "date_from",
    "date_to",
    "story",
    "story_title",
    "article_count",
    "articles",
    "outlets",
    "participants",
    "places",
    "summary",
)
CLAIM_COLUMNS = (
    "claim",
    "text",
    "speaker",
    "event",
    "article",
    "sitename",
    "url",
    "stance",
    "quote",
)
CONTRADICTION_COLUMNS = (
    "contradiction",
    "kind",
    "detail",
    "claim",
    "article",
    "sitename",
    "url",
    "stance",
    "quote",
)


# --------------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------------


def _hostname(url: Any) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _story_of_event(data: Data) -> dict[str, str]:
    return {e["id"]: e["story"] for e in data.get("events", []) if e.get("story")}


def article_rows(data: Data) -> list[Row]:
    """One row per article: trafilatura's field names (title, date, sitename, hostname, url,
    excerpt, text) and khabar's (the input it was read from, its event, story and flag kinds)."""
    story_of = _story_of_event(data)
    return [
        {
            "id": a["id"],
            "title": a.get("title"),
            "date": a.get("published"),
            "sitename": a.get("outlet"),
            "hostname": _hostname(a.get("url")),
            "url": a.get("url"),
            "input": a.get("source"),
            "language": a.get("language"),
            "event": a.get("event"),
            "story": story_of.get(a.get("event") or ""),
            "flags": [f["kind"] for f in a.get("flags", [])],
            "excerpt": a.get("lede"),
            "text": a.get("text"),
        }
        for a in data.get("articles", [])
    ]


def event_rows(data: Data) -> list[Row]:
    """One row per event: its dates, story, articles and their outlets, participants and places
    by name, and its summary."""
    outlet_of = {a["id"]: a.get("outlet") for a in data.get("articles", [])}
    name_of = {e["id"]: e.get("name") for e in data.get("entities", [])}
    story_title = {s["id"]: s.get("title") for s in data.get("stories", [])}
    rows = []
    for e in data.get("events", []):
        span = e.get("date_range") or [None, None]
        articles = list(e.get("articles", []))
        rows.append(
            {
                "id": e["id"],
                "title": e.get("title"),
                "date": e.get("date"),
                "date_from": span[0],
                "date_to": span[1],
                "story": e.get("story"),
                "story_title": story_title.get(e.get("story") or ""),
                "article_count": len(articles),
                "articles": articles,
                "outlets": list(dict.fromkeys(o for a in articles if (o := outlet_of.get(a)))),
                "participants": [name_of.get(p, p) for p in e.get("participants", [])],
                "places": [name_of.get(p, p) for p in e.get("places", [])],
                "summary": " ".join(s["text"] for s in e.get("summary", [])),
            }
        )
    return rows


def _cited(data: Data) -> Callable[[Mapping[str, Any]], Row]:
    """A claim source or contradiction side as columns: the article, its outlet and address,
    the stance and the quote."""
    by_id = {a["id"]: a for a in data.get("articles", [])}

    def cited(source: Mapping[str, Any]) -> Row:
        article = by_id.get(source.get("article", ""), {})
        return {
            "article": source.get("article"),
            "sitename": article.get("outlet"),
            "url": article.get("url"),
            "stance": source.get("stance"),
            "quote": source.get("quote"),
        }

    return cited


def _cited_rows(data: Data, items: str, sources: str, head: Sequence[tuple[str, str]]) -> list[Row]:
    """One row per item of ``data[items]`` and article it cites in ``item[sources]``; ``head``
    names the item's own columns as (column, field) pairs."""
    cited = _cited(data)
    return [
        {**{column: item.get(field) for column, field in head}, **cited(source)}
        for item in data.get(items, [])
        for source in item.get(sources, [])
    ]


def claim_rows(data: Data) -> list[Row]:
    """One row per claim and article citing it, with that article's stance and quote."""
    head = (("claim", "id"), ("text", "text"), ("speaker", "speaker"), ("event", "event"))
    return _cited_rows(data, "claims", "sources", head)


def contradiction_rows(data: Data) -> list[Row]:
    """One row per side of each contradiction (two or more rows share its id)."""
    head = (("contradiction", "id"), ("kind", "kind"), ("detail", "detail"), ("claim", "claim"))
    return _cited_rows(data, "contradictions", "sides", head)


TABLES: dict[str, tuple[Callable[[Data], list[Row]], tuple[str, ...]]] = {
    "articles": (article_rows, ARTICLE_COLUMNS),
    "events": (event_rows, EVENT_COLUMNS),
    "claims": (claim_rows, CLAIM_COLUMNS),
    "contradictions": (contradiction_rows, CONTRADICTION_COLUMNS),
}
"""Each table by name (its file is ``NAME.csv``): how its rows are made, its columns."""


# --------------------------------------------------------------------------------------------
# CSV and JSON Lines
# --------------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    """A value as the text of one cell: lists joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def csv_cell(value: Any) -> str:
    """A value as spreadsheet text: lists joined, None empty, formula beginnings defused."""
    text = _cell_text(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(rows: Iterable[Row], columns: Sequence[str]) -> str:
    """Rows as CSV text with a header row (UTF-8 BOM first, CRLF line ends as RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return CSV_BOM + out.getvalue()


def csv_tables(data: Data) -> dict[str, str]:
    """Every table as CSV text, by file name (``articles.csv``…)."""
    return {f"{name}.csv": to_csv(rows(data), columns) for name, (rows, columns) in TABLES.items()}


XLSX_MAX_CELL_CHARS = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit); a longer text (an article's
body) is cut there, ending with XLSX_CUT_MARK."""

XLSX_CUT_MARK = " …"

_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters the XLSX format (XML 1.0) cannot hold."""


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """A value as a spreadsheet cell: text always stays text (never a formula, whatever it
    starts with), lists joined, over-long texts cut."""
    from openpyxl.cell import WriteOnlyCell

    if value is None or isinstance(value, (bool, int, float)):
        return value
    text = _XLSX_ILLEGAL.sub("", scrub_text(_cell_text(value)))
    if len(text) > XLSX_MAX_CELL_CHARS:
        text = text[: XLSX_MAX_CELL_CHARS - len(XLSX_CUT_MARK)] + XLSX_CUT_MARK
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # openpyxl would read "=…" as a formula
    return cell


def xlsx_tables(data: Data) -> bytes:
    """Every table as one sheet of an XLSX workbook (sheets read right to left)."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise KhabarError(
            "the xlsx format needs openpyxl: pip install 'openpyxl>=3.1' (or choose csv)"
        ) from exc
    book = Workbook(write_only=True)
    for name, (rows, columns) in TABLES.items():
        sheet = book.create_sheet(name)
        sheet.sheet_view.rightToLeft = True
        sheet.append(list(columns))
        for row in rows(data):
            sheet.append([_xlsx_cell(sheet, row.get(c)) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def articles_jsonl(data: Data) -> str:
    """The clean articles, one JSON object a line, under trafilatura's field names where it has
    one (a file khabar, trafilatura users and pandas all read back)."""
    fingerprint = {a["id"]: a.get("content_hash") for a in data.get("articles", [])}
    lines = [
        # trafilatura's "source" is the page's address; khabar's own source is "input"
        {**row, "source": row["url"], "fingerprint": fingerprint[row["id"]]}
        for row in article_rows(data)
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)


# --------------------------------------------------------------------------------------------
# SVG timeline
# --------------------------------------------------------------------------------------------

STORY_PALETTE = ("#8a3b12", "#1f5fa8", "#2f7d3a", "#8b2f7e", "#b07d00", "#0f7c80", "#b0302f")
"""Story colours of the HTML dossier (``dossier.css``), so the picture matches the page."""
OUTSIDE_COLOUR = "#55606e"
"""Colour of events that belong to no story."""
HEADING_HEIGHT = 36
"""Height of the band holding a story's title above its timeline."""
EMPTY_WIDTH = 480
"""Width of the picture that only says no event is dated."""
TIMELINE_NAME = "الخط الزمني للأحداث"
"""The picture's accessible name."""
NO_DATED_EVENTS = "لا أحداث مؤرَّخة في هذا الملف"
"""Drawn when no event has a date to place it on an axis."""
SVG_STYLE = (
    "text{font-family:'Noto Naskh Arabic','Noto Sans Arabic',Tahoma,sans-serif;fill:#1d232b}"
    ".axis{stroke:#5b6673}.grid{stroke:#d8d2c2;stroke-dasharray:3 4}"
    ".tick{fill:#5b6673;font-size:12px}.label{font-size:14px}.when{fill:#5b6673;font-size:11px}"
    ".story{font-size:17px;font-weight:bold}"
)
"""Styles carried inside the file (an SVG pasted elsewhere has no page stylesheet)."""


def _svg_rows(timeline: Timeline, colour: str, top: float) -> list[str]:
    """The shapes of one story's timeline, shifted down by ``top``."""
    out = [f'<g transform="translate(0 {top:g})" direction="rtl">']
    axis_y = timeline.axis_y
    out.append(
        f'<line class="axis" x1="{timeline.plot_left}" y1="{axis_y}" '
        f'x2="{timeline.plot_right}" y2="{axis_y}"/>'
    )
    for tick in timeline.ticks:
        out.append(
            f'<line class="grid" x1="{tick.x}" y1="{axis_y}" x2="{tick.x}" y2="{timeline.height}"/>'
            f'<text class="tick" x="{tick.x}" y="{axis_y - 8}" text-anchor="middle">'
            f"{escape(tick.label)}</text>"
        )
    for row in timeline.rows:
        out.append(f"<g><title>{escape(row.title)} — {escape(row.date_label)}</title>")
        if row.is_range:
            dashed = row.open_start or row.open_end or row.clipped
            dash = ' stroke-dasharray="4 3"' if dashed else ""
            out.append(
                f'<rect x="{row.x_to}" y="{row.y - 6}" width="{round(row.x_from - row.x_to, 1)}" '
                f'height="12" rx="3" fill="{colour}" fill-opacity="{0.12 if dashed else 0.35}" '
                f'stroke="{colour}"{dash}/>'
            )
            if row.x_exact is not None:
                out.append(f'<circle cx="{row.x_exact}" cy="{row.y}" r="4" fill="{colour}"/>')
        else:
            out.append(
                f'<circle cx="{row.x_from}" cy="{row.y}" r="6" fill="{colour}" stroke="#fff" '
                'stroke-width="2"/>'
            )
        out.append(
            f'<text class="when" x="{row.date_label_x}" y="{row.y + 4}" '
            f'text-anchor="{row.date_label_anchor}">{escape(row.date_label)}</text>'
            f'<text class="label" x="{timeline.label_x}" y="{row.y + 5}" text-anchor="start">'
            f"{escape(row.short_title)}</text></g>"
        )
    out.append("</g>")
    return out


def timeline_svg(data: Data) -> str:
    """The stories' timelines as one SVG picture: biggest story first, each under its title
    with its own date axis (the HTML dossier's layout); events in no story come last."""
    labels = load_labels()
    months = labels["months"]
    event_by_id = {e["id"]: e for e in data.get("events", [])}
    article_by_id = {a["id"]: a for a in data.get("articles", [])}
    groups: list[tuple[str, list[Mapping[str, Any]], str]] = []
    in_story: set[str] = set()
    stories = order_stories(data.get("stories", []), event_by_id, article_by_id)
    for index, story in enumerate(stories):
        members = [event_by_id[e] for e in story.get("events", []) if e in event_by_id]
        in_story.update(e["id"] for e in members)
        title = story.get("title") or labels["untitled_story"]
        groups.append((title, members, STORY_PALETTE[index % len(STORY_PALETTE)]))
    outside = [e for e in data.get("events", []) if e["id"] not in in_story]
    if outside:
        groups.append((labels["outside_stories"], outside, OUTSIDE_COLOUR))
    body: list[str] = []
    top = 0.0
    width = 0
    for title, members, colour in groups:
        timeline = build_timeline(chronological(members), months)
        if timeline is None:
            continue
        width = max(width, timeline.width)
        body.append(
            f'<text class="story" x="{timeline.label_x}" y="{top + HEADING_HEIGHT - 10:g}" '
            f'direction="rtl" text-anchor="start">{escape(title)}</text>'
        )
        body.extend(_svg_rows(timeline, colour, top + HEADING_HEIGHT))
        top += HEADING_HEIGHT + timeline.height
    if not body:
        width, top = EMPTY_WIDTH, float(HEADING_HEIGHT * 2)
        body.append(
            f'<text class="story" x="{width / 2:g}" y="{HEADING_HEIGHT}" text-anchor="middle">'
            f"{escape(NO_DATED_EVENTS)}</text>"
        )
    height = round(top)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(TIMELINE_NAME)}>'
        f'<style>{SVG_STYLE}</style><rect width="100%" height="100%" fill="#fdfcf8"/>'
        + "".join(body)
        + "</svg>\n"
    )
