"""WARC / WARC.gz archives: one Page per HTML response (or resource) record."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read.data import GZIP_MAGIC
from khabar.read.names import display_source

HTML_CONTENT_TYPES: tuple[str, ...] = ("text/html", "application/xhtml", "text/plain")
"""Payload types read from WARC records; images, scripts and styles are skipped."""

TRAILING_CHECK_BYTES = 4096
"""Bytes after the last complete record looked at to tell a clean end (blank lines) from an
archive cut inside a record."""

GZIP_WINDOW_BITS = 31
"""zlib's window-bits value for a gzip member (header and trailer checked)."""

MEMBER_CHECK_CHUNK = 65_536
"""Bytes of a gzip member read, and at most inflated, at a time while checking that it ends."""

BlobReader = Callable[[bytes, str, str | None, str | None], Iterator[Page | Failure]]
"""``(data, source, declared_charset, url) -> pages``: how a record payload becomes pages."""


def _charset(content_type: str) -> str | None:
    """The ``charset=`` parameter of a Content-Type header value."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def iter_warc(
    stream: IO[bytes], source: str, cfg: ReadConfig, read_blob: BlobReader
) -> Iterator[Page | Failure]:
    """Yield pages from the HTML response records of a WARC stream (source ``file#uri``); a
    record cut short, and an archive that ends inside a record, are reported."""
    found = False
    n = 0
    end = last = 0
    records = ArchiveIterator(stream)
    try:
        for record in records:
            length = record.rec_headers.get_header("Content-Length")
            if not (length or "").strip().isdigit():  # cut in its header (absent or half-written)
                yield Failure(
                    source,
                    f"WARC archive ends in an incomplete record header after {n} HTML record(s)",
                )
                return
            wanted = _html_record(record)
            if wanted is None:
                records.read_to_end(record)
                if getattr(record.raw_stream, "limit", 0):  # a record that is not a page, cut
                    yield Failure(
                        source, f"WARC archive ends inside a record after {n} HTML one(s)"
                    )
                    return
            else:
                n += 1
                found = True
                uri, content_type = wanted
                uri = uri or f"record-{n}"
                where = display_source(f"{source}#{uri}")
                payload = record.content_stream().read(cfg.max_bytes + 1)
                records.read_to_end(record)
                missing = getattr(record.raw_stream, "limit", 0)
                if len(payload) > cfg.max_bytes:
                    yield Failure(where, f"record payload is over read.max_bytes={cfg.max_bytes}")
                elif missing:
                    yield Failure(
                        where, f"record is cut short ({missing} bytes missing at its end); skipped"
                    )
                else:
                    url = uri if uri.startswith(("http://", "https://")) else None
                    yield from read_blob(payload, where, _charset(content_type), url)
            last = records.get_record_offset()
            end = last + records.get_record_length()
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError, KeyError) as exc:
        # warcio raises AttributeError/KeyError on a record header cut short
        cut = isinstance(exc, (AttributeError, KeyError))
        reason = "a record header is incomplete" if cut else str(exc) or type(exc).__name__
        yield Failure(source, f"WARC archive is damaged after {n} record(s): {reason}")
        return
    if _trailing_bytes(stream, end) or not _last_member_whole(stream, last):
        yield Failure(
            source,
            f"WARC archive ends inside a record (cut short?) after {n} HTML record(s); the "
            "incomplete record was not read",
        )
    elif not found:
        yield Failure(source, "WARC archive holds no HTML response records")


def _html_record(record: ArcWarcRecord) -> tuple[str | None, str] | None:
    """``(target URI, content type)`` of a successful HTML response or resource record; None
    for any other record (requests, metadata, images, redirects)."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not content_type.lower().startswith(HTML_CONTENT_TYPES):
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), content_type


def _last_member_whole(stream: IO[bytes], offset: int) -> bool:
    """For a WARC.gz, whether the gzip member of the last record (from ``offset``) ends with its
    trailer: a file cut in the last few bytes of a member still yields its whole record, and
    only the missing end of the compressed stream tells that the archive was cut there. True for
    an uncompressed WARC."""
    try:
        stream.seek(offset)
        if stream.read(len(GZIP_MAGIC)) != GZIP_MAGIC:
            return True
        stream.seek(offset)
        member = zlib.decompressobj(GZIP_WINDOW_BITS)
        while not member.eof:
            chunk = stream.read(MEMBER_CHECK_CHUNK)
            if not chunk:
                return False
            member.decompress(chunk, MEMBER_CHECK_CHUNK)
            while member.unconsumed_tail and not member.eof:
                member.decompress(member.unconsumed_tail, MEMBER_CHECK_CHUNK)
        return True
    except (OSError, ValueError, zlib.error):
        return False


def _trailing_bytes(stream: IO[bytes], end: int) -> bool:
    """True when something other than blank lines follows the last complete record."""
    try:
        stream.seek(end)
        return bool(stream.read(TRAILING_CHECK_BYTES).strip())
    except (OSError, ValueError):
        return False
