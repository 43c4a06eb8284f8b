"""WARC / WARC.gz archives: one Page per HTML response (or resource) record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from khabar.config import ReadConfig
from khabar.model import Failure, Page

HTML_CONTENT_TYPES: tuple[str, ...] = ("text/html", "application/xhtml", "text/plain")
"""Payload types read from WARC records; images, scripts and styles are skipped."""

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
    """Yield pages from the HTML response records of a WARC stream (source ``file#uri``)."""
    found = False
    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type not in ("response", "resource"):
                continue
            n += 1
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"record-{n}"
            where = f"{source}#{uri}"
            content_type = ""
            if record.http_headers is not None:
                status = record.http_headers.get_statuscode() or "200"
                if not status.startswith("2"):
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
            else:
                content_type = record.rec_headers.get_header("Content-Type") or ""
            if content_type and not content_type.lower().startswith(HTML_CONTENT_TYPES):
                continue
            payload = record.content_stream().read(cfg.max_bytes + 1)
            found = True
            if len(payload) > cfg.max_bytes:
                yield Failure(where, f"record payload is over read.max_bytes={cfg.max_bytes}")
                continue
            url = uri if uri.startswith(("http://", "https://")) else None
            yield from read_blob(payload, where, _charset(content_type), url)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield Failure(source, f"WARC archive is damaged after {n} record(s): {exc}")
        return
    if not found:
        yield Failure(source, "WARC archive holds no HTML response records")
