"""``iter_pages``: paths (files, folders, globs, ``-`` for standard input, web addresses) in, a
stream of Pages and Failures out.

Every input path yields at least one Page or Failure, so nothing the user gave is silently lost:
a file a folder walk leaves out is listed with why, and whatever goes wrong inside one input
(a file, an archive member, a WARC record) becomes a Failure for that input while the batch goes
on. Formats are recognised by content; the reader for each is in its own module. Inputs stream:
at most one file, member or JSON Lines row is held in memory at a time.
"""

from __future__ import annotations

import glob
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO

from khabar.config import ReadConfig
from khabar.errors import ReadError
from khabar.model import Failure, Page
from khabar.read.archive import ArchiveBudget, iter_zip
from khabar.read.data import FOLDER_DOC_NAMES
from khabar.read.decode import decode_page, is_binary
from khabar.read.fetch import Fetcher, is_url, read_url
from khabar.read.names import display_source
from khabar.read.records import iter_csv_records, iter_json_document, iter_json_lines
from khabar.read.sniff import binary_kind, csv_delimiter, sniff_bytes, sniff_text
from khabar.read.warc import iter_warc

HEAD_BYTES = 65_536
"""Bytes read first to recognise a file's format before deciding how to read the rest."""

META_CHARSET_BYTES = 4096
"""Bytes at the start of an HTML page searched for a ``<meta charset>`` declaration."""

MAX_NESTING = 3
"""Deepest nesting of archives read (a zip inside a zip inside a zip); deeper ones fail."""

MAX_ERROR_CHARS = 300
"""Longest exception text quoted in a Failure for an unexpected error."""

BROKEN_LINK = "broken symbolic link (what it points to does not exist)"

STDIN_PATH = "-"
"""The path that stands for standard input (read as one input of any format)."""
STDIN_SOURCE = "<stdin>"
"""How standard input is named in the dossier's sources and errors."""
STDIN_MEMORY_BYTES = 8_000_000
"""Bytes of standard input held in memory; beyond this it is spooled to a temporary file."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
GLOB_CHARS = frozenset("*?[")
"""Characters that make a path a glob pattern."""


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag near its start, if any."""
    match = _META_CHARSET.search(data[:META_CHARSET_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def guarded(source: str, items: Iterator[Page | Failure]) -> Iterator[Page | Failure]:
    """Pass ``items`` on; anything one input raises ends that input with a Failure naming it,
    never the batch."""
    try:
        yield from items
    except Exception as exc:  # one broken input must not cost the batch, whatever it raises
        detail = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
        yield Failure(source, f"reading stopped by an unexpected error ({detail})")


def read_blob(
    data: bytes,
    source: str,
    cfg: ReadConfig,
    declared: str | None = None,
    url: str | None = None,
    depth: int = 0,
    budget: ArchiveBudget | None = None,
) -> Iterator[Page | Failure]:
    """Read one in-memory input of any format (a zip member, a WARC payload, a small file).

    ``budget`` is the allowance of the top-level archive ``data`` came from, if any."""
    if not data.strip():
        yield Failure(source, "empty file" if not data else "file holds only whitespace")
        return
    container = sniff_bytes(data[:HEAD_BYTES])
    if container is not None:
        if depth >= MAX_NESTING:
            yield Failure(source, f"archives nested deeper than {MAX_NESTING} levels; skipped")
            return
        budget = budget or ArchiveBudget.for_config(cfg)
        yield from _read_container(container, io.BytesIO(data), source, cfg, depth + 1, budget)
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
        decoded = decode_page(data, source, declared or meta_charset(data))
    except ReadError as exc:
        yield Failure(source, exc.reason)
        return
    fmt = sniff_text(decoded.text)
    if fmt == "jsonl":
        plain = decoded.encoding in ("utf-8", "utf-8-sig") and not decoded.flags
        lines = io.BytesIO(data if plain else decoded.text.encode("utf-8"))
        yield from iter_json_lines(lines, source, cfg.max_line_bytes)
    elif fmt == "json":
        yield from iter_json_document(decoded.text, source)
    elif fmt == "csv":
        table = decoded.text.lstrip("\ufeff \t\r\n")
        delimiter = csv_delimiter(table) or ","
        yield from iter_csv_records(table, source, delimiter, cfg.max_line_bytes)
    else:
        yield Page(
            source=source,
            data=data,
            text=decoded.text,
            encoding=decoded.encoding,
            kind="html" if fmt == "html" else "text",
            url=url,
            flags=decoded.flags,
        )


def _read_container(
    container: str,
    stream: IO[bytes],
    source: str,
    cfg: ReadConfig,
    depth: int,
    budget: ArchiveBudget,
) -> Iterator[Page | Failure]:
    if container == "zip":

        def member(data: bytes, where: str) -> Iterator[Page | Failure]:
            return guarded(where, read_blob(data, where, cfg, depth=depth, budget=budget))

        yield from iter_zip(stream, source, cfg, member, budget)
    else:

        def record(
            data: bytes, where: str, declared: str | None, url: str | None
        ) -> Iterator[Page | Failure]:
            return guarded(where, read_blob(data, where, cfg, declared, url, depth, budget))

        yield from iter_warc(stream, source, cfg, record)


def read_file(path: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Read one file of any supported format (a folder is read whole), checking its size first."""
    shown = display_source(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Failure(shown, f"cannot be read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_folder(path, cfg)
        return
    if not stat.S_ISREG(info.st_mode):
        yield Failure(shown, "not a regular file (a device, socket or pipe); skipped")
        return
    try:
        with open(path, "rb") as fh:
            yield from _read_open_file(fh, info.st_size, shown, cfg)
    except OSError as exc:
        yield Failure(shown, f"cannot be read ({exc.strerror or exc})")


def _read_open_file(
    fh: IO[bytes], size: int, source: str, cfg: ReadConfig
) -> Iterator[Page | Failure]:
    """Read an open file: archives and JSON Lines as streams, anything else whole."""
    head = fh.read(HEAD_BYTES)
    container = sniff_bytes(head)
    if container is not None:
        if size > cfg.max_archive_bytes:
            yield Failure(
                source,
                f"archive is {size} bytes, over read.max_archive_bytes={cfg.max_archive_bytes}",
            )
            return
        fh.seek(0)
        budget = ArchiveBudget.for_config(cfg)
        yield from _read_container(container, fh, source, cfg, 1, budget)
        return
    if size > cfg.max_bytes:
        yield Failure(
            source,
            f"file is {size} bytes, over read.max_bytes={cfg.max_bytes}; raise it in "
            "the [read] config section to read it",
        )
        return
    if _starts_json_lines(head):
        fh.seek(0)
        yield from iter_json_lines(fh, source, cfg.max_line_bytes)
        return
    data = head + fh.read(cfg.max_bytes + 1 - len(head))
    if len(data) > cfg.max_bytes:  # the file grew while it was being read
        yield Failure(source, f"file is over read.max_bytes={cfg.max_bytes}")
        return
    yield from read_blob(data, source, cfg)


def _starts_json_lines(head: bytes) -> bool:
    """True when a file's first line is a JSON object and a second line follows, or when it
    starts a JSON object on a line longer than the head (read line by line, with the limit)."""
    body = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not body.startswith(b"{"):
        return False
    first, newline, _ = body.partition(b"\n")
    if not newline:
        return len(head) == HEAD_BYTES
    try:
        return sniff_text(first.decode("utf-8") + "\n") == "jsonl"
    except UnicodeDecodeError:
        return False


def _is_doc_file(name: str) -> bool:
    """True for a documentation file by its exact name (``README``, ``LICENSE.md``), not for
    names that merely begin like one (``notice-of-strike.txt``)."""
    return name.split(".", 1)[0].upper() in FOLDER_DOC_NAMES


def _read_folder(path: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Read every file under a folder, depth first in sorted order; every file is read or
    listed as skipped with why (hidden, documentation, a link loop, an unreadable folder)."""
    found = False
    for item in _walk_folder(path, cfg):
        found = True
        yield item
    if not found:
        yield Failure(display_source(path), "folder holds no files")


def _walk_folder(top: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """The pages and failures of every entry under ``top`` (an explicit stack, so deep trees do
    not recurse; each real folder is read once, so symbolic link loops end)."""
    seen: dict[tuple[int, int], str] = {}
    stack = [top]
    while stack:
        folder = stack.pop()
        shown = display_source(folder)
        try:
            info = os.stat(folder)
            key = (info.st_dev, info.st_ino)
            if key in seen:
                yield Failure(shown, f"skipped: the same folder as {seen[key]} (a symbolic link)")
                continue
            seen[key] = shown
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            yield Failure(shown, f"cannot read folder: {(exc.strerror or str(exc)).lower()}")
            continue
        subfolders: list[str] = []
        for entry in listing:
            where = display_source(entry.path)
            try:
                link = entry.is_symlink()
                is_dir = entry.is_dir()
            except OSError as exc:
                yield Failure(where, f"cannot be read ({exc.strerror or exc})")
                continue
            if entry.name.startswith("."):
                what = "folder" if is_dir else "file"
                yield Failure(where, f"skipped: hidden {what} (its name starts with '.')")
            elif link and not cfg.follow_symlinks:
                yield Failure(where, "skipped: symbolic link (read.follow_symlinks is off)")
            elif link and not os.path.exists(entry.path):
                yield Failure(where, BROKEN_LINK)
            elif is_dir:
                subfolders.append(entry.path)
            elif _is_doc_file(entry.name):
                yield Failure(where, "skipped: documentation file (README, LICENSE and the like)")
            else:
                yield from guarded(where, read_file(entry.path, cfg))
        stack.extend(reversed(subfolders))


def read_stream(stream: IO[bytes], source: str, cfg: ReadConfig) -> Iterator[Page | Failure]:
    """Read an unseekable byte stream (standard input) as one input of any format: it is
    spooled (to a temporary file past :data:`STDIN_MEMORY_BYTES`) and read as a file is, with
    the same size limits."""
    limit = max(cfg.max_bytes, cfg.max_archive_bytes)
    with tempfile.SpooledTemporaryFile(max_size=STDIN_MEMORY_BYTES) as spool:
        size = 0
        while chunk := stream.read(min(HEAD_BYTES * 16, limit + 1 - size)):
            spool.write(chunk)
            size += len(chunk)
            if size > limit:
                yield Failure(
                    source,
                    f"input is over {limit} bytes (read.max_bytes / read.max_archive_bytes); "
                    "raise them in the [read] config section to read it",
                )
                return
        spool.seek(0)
        yield from _read_open_file(spool, size, source, cfg)  # type: ignore[arg-type]


def _read_path(path: str, cfg: ReadConfig, fetcher: Fetcher) -> Iterator[Page | Failure]:
    """Everything under one path the user gave: standard input (``-``), a web address, a
    folder, a file or a glob pattern."""
    if path == STDIN_PATH:
        yield from read_stream(sys.stdin.buffer, STDIN_SOURCE, cfg)
    elif is_url(path) and not os.path.exists(path):

        def fetched(
            data: bytes, source: str, declared: str | None, url: str
        ) -> Iterator[Page | Failure]:
            shown = display_source(source)
            return guarded(shown, read_blob(data, shown, cfg, declared, url))

        yield from read_url(display_source(path), fetcher, fetched)
    elif "\x00" in path:
        yield Failure(display_source(path), "path holds a NUL character; no file has such a name")
    elif os.path.isdir(path):
        yield from _read_folder(path, cfg)
    elif os.path.exists(path):
        yield from read_file(path, cfg)
    elif os.path.islink(path):
        yield Failure(display_source(path), BROKEN_LINK)
    elif GLOB_CHARS & set(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield Failure(display_source(path), "no file matches this pattern")
        for match in matches:
            yield from guarded(display_source(match), _read_path(match, cfg, fetcher))
    else:
        yield Failure(display_source(path), "no such file or directory")


def iter_pages(
    paths: Sequence[str], cfg: ReadConfig, fetcher: Fetcher | None = None
) -> Iterator[Page | Failure]:
    """Yield a Page or Failure for everything under each path (file, folder, glob, ``-`` for
    standard input, web address), streaming. Web addresses go through ``fetcher`` (else a
    polite one of this call's own)."""
    own = fetcher is None
    client = Fetcher(cfg) if fetcher is None else fetcher
    try:
        for raw in paths:
            path = os.fsdecode(raw)
            yield from guarded(display_source(path), _read_path(path, cfg, client))
    finally:
        if own:
            client.close()
