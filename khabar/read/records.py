"""JSON Lines / JSON article records (khabar, news-please and trafilatura export habits)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from khabar.model import Failure, Page
from khabar.read.data import (
    JSON_DATE_FIELDS,
    JSON_HTML_FIELDS,
    JSON_OUTLET_FIELDS,
    JSON_TEXT_FIELDS,
    JSON_TITLE_FIELDS,
    JSON_URL_FIELDS,
)
from khabar.read.sniff import looks_like_markup


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
    return Page(
        source=source,
        data=raw,
        text=text if text is not None else html or "",
        encoding="utf-8",
        kind="record" if text is not None and not looks_like_markup(text) else "html",
        url=url,
        title_hint=_first_str(record, JSON_TITLE_FIELDS),
        published_hint=_first_str(record, JSON_DATE_FIELDS),
        outlet_hint=outlet,
    )


def iter_json_lines(lines: Iterable[bytes], source: str) -> Iterator[Page | Failure]:
    """Yield one Page or Failure per non-blank line of a JSON Lines file (source ``file:N``)."""
    seen = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line:
            continue
        seen = True
        where = f"{source}:{number}"
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
        raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
        yield record_to_page(item, raw, where)
