"""Zip archives, read member by member in memory (nothing is ever extracted to disk).

One :class:`ArchiveBudget` covers a top-level archive and every zip nested in it: uncompressed
bytes and members are counted against it wherever they sit, so nesting never buys a fresh
allowance. A member that expands too far for its compressed size is reported unread.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read.names import display_source

MemberReader = Callable[[bytes, str], Iterator[Page | Failure]]
"""``(data, source) -> pages``: how a member's bytes become pages (any format, nested zips too)."""

SKIPPED_PREFIXES: tuple[str, ...] = ("__MACOSX/",)
"""Member folders that archivers add and that hold no pages."""

RATIO_CHECK_MIN_BYTES = 1_000_000
"""Uncompressed size (bytes) from which a member's compression ratio is checked; smaller members
cannot hurt, and tiny files of repeated characters legitimately compress very well."""

EOCD_SEARCH_BYTES = 22 + 65_535 + 20
"""Bytes at the end of a zip file holding its end-of-central-directory record: the record
(22 bytes), the longest archive comment and the ZIP64 locator before it."""

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"


@dataclass
class ArchiveBudget:
    """What may still be read from one top-level archive and the archives nested in it."""

    bytes_left: int
    members_left: int

    @classmethod
    def for_config(cls, cfg: ReadConfig) -> ArchiveBudget:
        """A full budget for a new top-level archive."""
        return cls(cfg.max_archive_bytes, cfg.max_archive_members)


def unsafe_member(name: str) -> bool:
    """True when a member name points outside the archive (``../x``, ``/etc/x``, ``C:\\x``)."""
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return True
    return ".." in PurePosixPath(posix).parts


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(part.startswith(".") and part not in (".", "..") for part in parts)


def listed_members(stream: IO[bytes]) -> int | None:
    """How many entries a zip's central directory lists, read from its end record without
    parsing the directory; None when the record is not found."""
    stream.seek(0, 2)
    size = stream.tell()
    start = max(0, size - EOCD_SEARCH_BYTES)
    stream.seek(start)
    tail = stream.read(size - start)
    stream.seek(0)
    pos = tail.rfind(_EOCD)
    if pos < 0 or pos + 22 > len(tail):
        return None
    total = int.from_bytes(tail[pos + 10 : pos + 12], "little")
    if total != 0xFFFF or pos < 20 or tail[pos - 20 : pos - 16] != _ZIP64_LOCATOR:
        return total
    offset = int.from_bytes(tail[pos - 12 : pos - 4], "little")
    if offset + 56 > size:
        return None
    stream.seek(offset)
    record = stream.read(56)
    stream.seek(0)
    if not record.startswith(_ZIP64_EOCD):
        return None
    return int.from_bytes(record[32:40], "little")


def iter_zip(
    stream: IO[bytes],
    source: str,
    cfg: ReadConfig,
    read_member: MemberReader,
    budget: ArchiveBudget,
) -> Iterator[Page | Failure]:
    """Yield pages from every member of a zip archive (source ``archive.zip!member``), within
    ``budget``, which the caller shares with the zips nested in this one."""
    listed = listed_members(stream)
    if listed is not None and listed > budget.members_left:
        yield Failure(
            source,
            f"zip archive lists {listed} entries, over the {budget.members_left} members left of "
            f"read.max_archive_members={cfg.max_archive_members}; not read (split it or raise "
            "the limit)",
        )
        return
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        yield Failure(source, f"damaged zip archive ({exc})")
        return
    with archive:
        files = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
        if not files:
            yield Failure(source, "zip archive holds no files")
            return
        forks = [i for i in files if i.filename.startswith(SKIPPED_PREFIXES)]
        if forks:
            yield Failure(
                f"{source}!{SKIPPED_PREFIXES[0]}",
                f"skipped: {len(forks)} macOS resource-fork entries (they hold no pages)",
            )
        members = [i for i in files if not i.filename.startswith(SKIPPED_PREFIXES)]
        for count, info in enumerate(members):
            where = display_source(f"{source}!{info.filename}")
            if budget.members_left <= 0 or budget.bytes_left <= 0:
                yield Failure(
                    source,
                    f"zip archive stopped after {count} of {len(members)} members: "
                    f"read.max_archive_members={cfg.max_archive_members} or "
                    f"read.max_archive_bytes={cfg.max_archive_bytes} reached (nested zips "
                    "included)",
                )
                return
            budget.members_left -= 1
            problem = _member_problem(info, cfg, budget)
            if problem:
                yield Failure(where, problem)
                continue
            try:
                with archive.open(info) as fh:
                    data = fh.read(min(info.file_size, cfg.max_bytes) + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError) as exc:
                yield Failure(where, f"member cannot be read ({exc})")
                continue
            budget.bytes_left -= len(data)
            if len(data) > cfg.max_bytes:
                yield Failure(where, f"member is over read.max_bytes={cfg.max_bytes}")
                continue
            yield from read_member(data, where)


def _member_problem(info: zipfile.ZipInfo, cfg: ReadConfig, budget: ArchiveBudget) -> str | None:
    """Why a member is not to be read, judged from its directory entry; None when it may be."""
    if unsafe_member(info.filename):
        return "unsafe member path (points outside the archive); skipped"
    if _hidden(info.filename):
        return "skipped: hidden file (its name or folder starts with '.')"
    if info.flag_bits & 0x1:
        return "member is encrypted; khabar cannot read it"
    if info.file_size > cfg.max_bytes:
        return f"member is {info.file_size} bytes, over read.max_bytes={cfg.max_bytes}"
    if info.file_size > budget.bytes_left:
        return (
            f"member is {info.file_size} bytes, more than the {budget.bytes_left} left of "
            f"read.max_archive_bytes={cfg.max_archive_bytes} (nested zips included)"
        )
    if info.file_size >= RATIO_CHECK_MIN_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > cfg.max_compression_ratio:
            return (
                f"member expands {ratio:.0f} times ({info.compress_size} to {info.file_size} "
                f"bytes), over read.max_compression_ratio={cfg.max_compression_ratio}: a zip "
                "bomb? skipped"
            )
    return None
