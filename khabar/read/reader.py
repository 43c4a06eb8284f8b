"""``iter_pages``: paths (files, folders, globs) in, a stream of Pages and Failures out.

Every input path yields at least one Page or Failure, so nothing the user gave is silently lost.
Formats are recognised by content; the reader for each is in its own module.
"""

from __future__ import annotations

import glob
import io
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from khabar.config import ReadConfig
from khabar.errors import ReadError
from khabar.model import Failure, Page
from khabar.read.archive import iter_zip
from khabar.read.decode import decode_bytes, is_binary
from khabar.read.records import iter_json_document, iter_json_lines
from khabar.read.sniff import binary_kind, sniff_bytes, sniff_text
from khabar.read.warc import iter_warc

HEAD_BYTES = 65_536
"""Bytes read first to recognise a file's format before deciding how to read the rest."""

META_CHARSET_BYTES = 4096
"""Bytes at the start of an HTML page searched for a ``<meta charset>`` declaration."""

MAX_NESTING = 3
"""Deepest nesting of archives read (a zip inside a zip inside a zip); deeper ones fail."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GLOB_CHARS = frozenset("*?[")

FOLDER_DOC_NAMES: tuple[str, ...] = ("README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE")
"""Documentation files skipped when a folder is read (named explicitly, they are read)."""


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag near its start, if any."""
    match = _META_CHARSET.search(data[:META_CHARSET_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def read_blob(
    data: bytes,
    source: str,
    cfg: ReadConfig,
    declared: str | None = None,
    url: str | None = None,
    depth: int = 0,
) -> Iterator[Page | Failure]:
    """Read one in-memory input of any format (a zip member, a WARC payload, a small file)."""
    if not data.strip():
        yield Failure(source, "empty file" if not data else "file holds only whitespace")
        return
    container = sniff_bytes(data[:HEAD_BYTES])
    if container is not None:
        if depth >= MAX_NESTING:
            yield Failure(source, f"archives nested deeper than {MAX_NESTING} levels; skipped")
            return
        yield from _read_container(container, io.BytesIO(data), source, cfg, depth + 1)
        return
    kind = binary_kind(data[:16])
    if kind is not None or is_binary(data):
        yield Failure(
            source,
            f"binary file ({kind or 'not text'}); khabar reads text dumps, "
            "HTML, WARC, JSON Lines and zip files",
        )
        return
    try:
        text, encoding = decode_bytes(data, source, declared or meta_charset(data))
    except ReadError as exc:
        yield Failure(source, exc.reason)
        return
    fmt = sniff_text(text)
    if fmt == "jsonl":
        yield from iter_json_lines(text.encode("utf-8").splitlines(), source)
    elif fmt == "json":
        yield from iter_json_document(text, source)
    else:
        yield Page(
            source=source,
            data=data,
            text=text,
            encoding=encoding,
            kind="html" if fmt == "html" else "text",
            url=url,
        )


def _read_container(
    container: str,
    stream: IO[bytes],
    source: str,
    cfg: ReadConfig,
    depth: int,
) -> Iterator[Page | Failure]:
    if container == "zip":
        yield from iter_zip(
            stream, source, cfg, lambda data, where: read_blob(data, where, cfg, depth=depth)
        )
    else:
        yield from iter_warc(
            stream,
            source,
            cfg,
            lambda data, where, declared, url: read_blob(data, where, cfg, declared, url, depth),
        )


def read_file(path: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Read one file of any supported format, checking its size before reading it."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            yield from _read_folder(path, cfg)
            return
        if not stat.S_ISREG(info.st_mode):
            yield Failure(path, "not a regular file (a device, socket or pipe); skipped")
            return
        size = info.st_size
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
            container = sniff_bytes(head)
            if container is not None:
                if size > cfg.max_archive_bytes:
                    yield Failure(
                        path,
                        f"archive is {size} bytes, over read.max_archive_bytes="
                        f"{cfg.max_archive_bytes}",
                    )
                    return
                fh.seek(0)
                yield from _read_container(container, fh, path, cfg, 1)
                return
            if _starts_json_lines(head) and size <= cfg.max_archive_bytes:
                fh.seek(0)
                yield from iter_json_lines(fh, path)
                return
            if size > cfg.max_bytes:
                yield Failure(
                    path,
                    f"file is {size} bytes, over read.max_bytes={cfg.max_bytes}; raise it in "
                    "the [read] config section to read it",
                )
                return
            data = head + fh.read()
    except IsADirectoryError:
        yield from _read_folder(path, cfg)
        return
    except OSError as exc:
        yield Failure(path, f"cannot be read ({exc.strerror or exc})")
        return
    yield from read_blob(data, path, cfg)


def _starts_json_lines(head: bytes) -> bool:
    """True when a file's first line is a JSON object and a second line follows."""
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not body.startswith(b"{"):
        return False
    first, newline, _ = body.partition(b"\n")
    if not newline:
        return False
    try:
        return sniff_text(first.decode("utf-8") + "\n") == "jsonl"
    except UnicodeDecodeError:
        return False


def _read_folder(path: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Read every file under a folder, recursively, in sorted order (hidden files, README and
    LICENSE files skipped)."""
    found = False
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.upper().startswith(FOLDER_DOC_NAMES):
                continue
            found = True
            yield from read_file(os.path.join(root, name), cfg)
    if not found:
        yield Failure(path, "folder holds no files")


def iter_pages(paths: Sequence[str], cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Yield a Page or Failure for everything under each path (file, folder or glob), streaming."""
    for raw in paths:
        path = str(raw)
        if os.path.isdir(path):
            yield from _read_folder(path, cfg)
        elif os.path.exists(path):
            yield from read_file(path, cfg)
        elif _GLOB_CHARS & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            matches = [m for m in matches if not Path(m).name.startswith(".")]
            if not matches:
                yield Failure(path, "no file matches this pattern")
            for match in matches:
                yield from iter_pages([match], cfg)
        else:
            yield Failure(path, "no such file or directory")
