"""Article records: JSON Lines / JSON (khabar, news-please and trafilatura export habits) and
CSV exports with a header row (one article a row, the same field names)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from khabar.model import Failure, Flag, Page
from khabar.read.data import (
    JSON_DATE_FIELDS,
    JSON_HTML_FIELDS,
    JSON_OUTLET_FIELDS,
    JSON_TEXT_FIELDS,
    JSON_TITLE_FIELDS,
    JSON_URL_FIELDS,
)
from khabar.read.sniff import CSV_TEXT_COLUMNS, csv_column, looks_like_markup

LINE_SKIP_CHUNK_BYTES = 1_048_576
"""Bytes read at a time while passing over a line that is too long to keep (1 MiB)."""

_SURROGATE = re.compile("[\ud800-\udfff]")


def _first_str(record: dict[str, Any], fields: Iterable[str]) -> str | None:
    """The first field of ``fields`` holding a non-empty string (numbers are turned to text)."""
    for name in fields:
        value = record.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, dict):  # news-please style {"name": ...} publishers
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "//"))


def _scrub(value: str | None) -> tuple[str | None, int]:
    """Replace lone surrogates (from ``\\ud800``-style JSON escapes, which are not text) by
    U+FFFD; return the text and how many were replaced."""
    if value is None:
        return None, 0
    found = len(_SURROGATE.findall(value))
    return (_SURROGATE.sub("\ufffd", value), found) if found else (value, 0)


def record_to_page(record: dict[str, Any], raw: bytes, source: str) -> Page | Failure:
    """Turn one decoded JSON record into a Page (kind ``html`` or ``record``), or a Failure."""
    html = _first_str(record, JSON_HTML_FIELDS)
    text = _first_str(record, JSON_TEXT_FIELDS)
    if html is None and text is None:
        return Failure(
            source,
            "record has no article text: expected a 'text' or 'html' field "
            f"(one of {', '.join(JSON_TEXT_FIELDS + JSON_HTML_FIELDS)})",
        )
    url = None
    for name in JSON_URL_FIELDS:
        value = record.get(name)
        if isinstance(value, str) and _is_url(value.strip()):
            url = value.strip()
            break
    outlet = None
    for name in JSON_OUTLET_FIELDS:
        value = _first_str(record, (name,))
        if value and not _is_url(value):
            outlet = value
            break
    body, replaced = _scrub(text if text is not None else html or "")
    hints = [url, _first_str(record, JSON_TITLE_FIELDS), _first_str(record, JSON_DATE_FIELDS)]
    hints.append(outlet)
    scrubbed = []
    for hint in hints:
        clean, found = _scrub(hint)
        scrubbed.append(clean)
        replaced += found
    flags: tuple[Flag, ...] = ()
    if replaced:
        detail = (
            f"{replaced} lone surrogate escape(s) (such as \\ud800, which encode no character) "
            "replaced by \ufffd"
        )
        flags = (Flag("encoding_repaired", detail),)
    return Page(
        source=source,
        data=raw,
        text=body or "",
        encoding="utf-8",
        kind="record" if text is not None and not looks_like_markup(body or "") else "html",
        url=scrubbed[0],
        title_hint=scrubbed[1],
        published_hint=scrubbed[2],
        outlet_hint=scrubbed[3],
        flags=flags,
    )


def bounded_lines(stream: IO[bytes], max_line_bytes: int) -> Iterator[bytes | None]:
    """Yield the lines of a byte stream, holding at most ``max_line_bytes`` of one in memory;
    a longer line is read past and yielded as None."""
    while True:
        line = stream.readline(max_line_bytes + 1)
        if not line:
            return
        if len(line) <= max_line_bytes or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(min(LINE_SKIP_CHUNK_BYTES, max_line_bytes + 1))
        yield None


def iter_json_lines(
    stream: IO[bytes], source: str, max_line_bytes: int
) -> Iterator[Page | Failure]:
    """Yield one Page or Failure per non-blank line of a JSON Lines stream (source ``file:N``)."""
    seen = False
    for number, raw in enumerate(bounded_lines(stream, max_line_bytes), 1):
        where = f"{source}:{number}"
        if raw is None:
            seen = True
            yield Failure(
                where,
                f"line is longer than read.max_line_bytes={max_line_bytes} bytes; skipped "
                "(raise it in the [read] config section to read it)",
            )
            continue
        line = raw.strip()
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line:
            continue
        seen = True
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            yield Failure(where, "line is not UTF-8 (JSON Lines must be UTF-8)")
            continue
        except json.JSONDecodeError as exc:
            yield Failure(where, f"line is not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:
            yield Failure(where, f"line is not usable JSON ({exc})")
            continue
        if not isinstance(record, dict):
            yield Failure(where, "line is JSON but not an object with article fields")
            continue
        yield record_to_page(record, line, where)
    if not seen:
        yield Failure(source, "JSON Lines file holds no records")


def iter_json_document(text: str, source: str) -> Iterator[Page | Failure]:
    """Yield the records of a JSON file holding one article object or a list of them."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield Failure(source, f"not valid JSON ({exc})")
        return
    items = value if isinstance(value, list) else [value]
    if not items:
        yield Failure(source, "JSON file holds an empty list")
    for i, item in enumerate(items, 1):
        where = source if len(items) == 1 and not isinstance(value, list) else f"{source}:{i}"
        if not isinstance(item, dict):
            yield Failure(where, "JSON item is not an object with article fields")
            continue
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True)
        yield record_to_page(item, raw.encode("utf-8", "surrogatepass"), where)


def iter_csv_records(
    text: str, source: str, delimiter: str, max_field_chars: int
) -> Iterator[Page | Failure]:
    """Yield one Page or Failure per data row of a decoded CSV export (source ``file:row N``,
    N counting data rows from 1, the header not counted).

    Header names are matched like JSON fields, in any case (``Title``, ``Body``, ``URL``). A row
    with more cells than the header is refused (its cells cannot be told apart); a short row is
    read with its missing cells empty. A row the CSV parser cannot read ends the file there."""
    # The csv module's cell limit is process-wide (131,072 characters by default); a page's
    # HTML in one cell can be longer, so it is raised, never lowered, to the line limit.
    if csv.field_size_limit() < max_field_chars:
        csv.field_size_limit(max_field_chars)
    rows = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    try:
        header = [csv_column(c) for c in next(rows)]
    except (StopIteration, csv.Error) as exc:
        yield Failure(source, f"CSV header cannot be read ({exc or 'empty file'})")
        return
    if not CSV_TEXT_COLUMNS & set(header):
        yield Failure(
            source,
            "CSV export has no article text column (one of "
            f"{', '.join(sorted(CSV_TEXT_COLUMNS))}); its columns are: "
            f"{', '.join(c for c in header if c)}",
        )
        return
    seen = False
    number = 0
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Failure(
                f"{source}:row {number + 1}",
                f"CSV row cannot be read ({exc}); the rows after it were not read",
            )
            return
        number += 1
        where = f"{source}:row {number}"
        if not any(c.strip() for c in cells):
            continue
        seen = True
        if len(cells) > len(header):
            yield Failure(
                where,
                f"row has {len(cells)} cells but the header names {len(header)} columns; "
                "skipped (a separator inside an unquoted cell?)",
            )
            continue
        record = {name: cell for name, cell in zip(header, cells, strict=False) if name}
        raw = delimiter.join(cells).encode("utf-8", "surrogatepass")
        yield record_to_page(record, raw, where)
    if not seen:
        yield Failure(source, "CSV file has a header but no rows")
