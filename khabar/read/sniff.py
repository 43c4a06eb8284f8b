"""Telling formats apart by their content (the file name is only a tie-breaker)."""

from __future__ import annotations

import csv
import gzip
import json
import re
import zlib
from typing import Literal

from khabar.read.data import (
    BINARY_MAGICS,
    CSV_COLUMN_ALIASES,
    CSV_DELIMITERS,
    GZIP_MAGIC,
    HTML_MARKERS,
    JSON_DATE_FIELDS,
    JSON_HTML_FIELDS,
    JSON_TEXT_FIELDS,
    JSON_TITLE_FIELDS,
    JSON_URL_FIELDS,
    WARC_MAGIC,
    ZIP_MAGICS,
)

Format = Literal["zip", "warc", "jsonl", "json", "csv", "html", "text"]

HTML_SNIFF_CHARS = 4096
"""Characters at the start of a decoded text searched for document-level HTML markup."""

HTML_MIN_TAGS = 8
"""Block-level tags needed to call a text without ``<html>``/``<head>`` an HTML fragment."""

HTML_MIN_MARKUP_SHARE = 0.15
"""Share of characters inside tags needed as well: a text dump with a few leftover ``<strong>``
tags stays a text dump."""

RECORD_MARKUP_MIN_TAGS = 2
"""Block tags from which a JSON record's text field is read as HTML (one stray tag is not)."""

CSV_HEADER_MAX_CHARS = 2000
"""Longest first line still taken for a CSV header (a header names columns; a longer line is
prose or data)."""

_COLUMN_NAME = re.compile(r"[^\W\d][\w .:-]{0,39}")
"""A column name as exports write them (``title``, ``published_at``, ``source-hostname``,
``العنوان``), lower-cased; empty names are allowed too (the index column pandas writes)."""
CSV_TEXT_COLUMNS = frozenset(JSON_TEXT_FIELDS + JSON_HTML_FIELDS)
"""Columns holding an article's text or HTML (after :data:`CSV_COLUMN_ALIASES`)."""
_CSV_KNOWN_COLUMNS = CSV_TEXT_COLUMNS | frozenset(
    JSON_TITLE_FIELDS + JSON_URL_FIELDS + JSON_DATE_FIELDS
)
_FIELD_SPELLING = {f.lower(): f for f in JSON_DATE_FIELDS}
"""Record field names spelt in mixed case (``pubDate``), by their lower-case form."""

_BLOCK_TAG = re.compile(r"<(?:p|div|span|a|br|h[1-6]|article|section|li|ul|table|img)\b", re.I)
_ANY_TAG = re.compile(r"<[^<>]{1,500}>")


def sniff_bytes(head: bytes) -> Format | None:
    """Recognise container formats from leading bytes; None means decode and look at the text."""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(WARC_MAGIC):
        return "warc"
    if head.startswith(GZIP_MAGIC):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return None
        if inner.startswith(WARC_MAGIC):
            return "warc"
    return None


def binary_kind(head: bytes) -> str | None:
    """Name a known binary format from its magic number (``"a PDF document"``), else None."""
    if head.startswith(GZIP_MAGIC):
        return "a gzip file that is not a WARC archive"
    for magic, name in BINARY_MAGICS.items():
        if head.startswith(magic):
            return name
    return None


def gunzip_if_needed(data: bytes) -> bytes:
    """Return gzip-compressed bytes decompressed, other bytes unchanged."""
    if data.startswith(GZIP_MAGIC):
        return gzip.decompress(data)
    return data


def sniff_text(text: str) -> Format:
    """Classify a decoded text as JSON Lines, JSON, HTML or a plain text dump."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        first = stripped.split("\n", 1)[0].strip()
        if _is_json_object(first):
            return "jsonl"
        if _is_json_object(stripped):
            return "json"
    if stripped.startswith("[") and _is_json_list(stripped):
        return "json"
    if csv_delimiter(stripped) is not None:
        return "csv"
    head = stripped[:HTML_SNIFF_CHARS].lower()
    if any(marker in head for marker in HTML_MARKERS):
        return "html"
    sample = stripped[: HTML_SNIFF_CHARS * 4]
    if len(_BLOCK_TAG.findall(sample)) >= HTML_MIN_TAGS:
        markup = sum(len(m) for m in _ANY_TAG.findall(sample))
        if markup / max(len(sample), 1) >= HTML_MIN_MARKUP_SHARE:
            return "html"
    return "text"


def csv_column(name: str | None) -> str:
    """A CSV header cell as a record field name: trimmed, lower-cased, spaces as underscores,
    known aliases (``story``, ``النص``) as khabar's own names."""
    column = (name or "").strip().strip('"').strip().lower().replace(" ", "_")
    column = CSV_COLUMN_ALIASES.get(column, column)
    return _FIELD_SPELLING.get(column, column)


def csv_delimiter(text: str) -> str | None:
    """The cell separator when ``text`` starts with a CSV header line, else None.

    A header is a first line of at least two cells that all look like column names, one of
    them an article field (text, title, url or date under any of their export names), with
    at least one more line below it: a text dump whose first line holds commas (``Reuters,
    Beirut``) is not a header. A CSV without a text column is still a CSV (then refused with
    its columns named, never read as one article)."""
    first, newline, rest = text.partition("\n")
    first = first.rstrip("\r")
    if not newline or not rest.strip() or len(first) > CSV_HEADER_MAX_CHARS:
        return None
    for delimiter in CSV_DELIMITERS:
        if delimiter not in first:
            continue
        try:
            cells = next(csv.reader([first], delimiter=delimiter))
        except csv.Error:
            continue
        names = [csv_column(c) for c in cells]
        if len(names) < 2 or not all(n == "" or _COLUMN_NAME.fullmatch(n.lower()) for n in names):
            continue
        if _CSV_KNOWN_COLUMNS & set(names):
            return delimiter
    return None


def looks_like_markup(text: str) -> bool:
    """True when a record's text field holds HTML paragraphs rather than plain text."""
    return len(_BLOCK_TAG.findall(text[: HTML_SNIFF_CHARS * 4])) >= RECORD_MARKUP_MIN_TAGS


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        return False


def _is_json_list(text: str) -> bool:
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)
