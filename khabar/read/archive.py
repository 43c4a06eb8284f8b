"""Zip archives, read member by member in memory (nothing is ever extracted to disk)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath
from typing import IO

from khabar.config import ReadConfig
from khabar.model import Failure, Page

MemberReader = Callable[[bytes, str], Iterator[Page | Failure]]
"""``(data, source) -> pages``: how a member's bytes become pages (any format, nested zips too)."""

SKIPPED_PREFIXES: tuple[str, ...] = ("__MACOSX/",)
"""Member folders that archivers add and that hold no pages."""


def unsafe_member(name: str) -> bool:
    """True when a member name points outside the archive (``../x``, ``/etc/x``, ``C:\\x``)."""
    posix = name.replace("\\", "/")
    if posix.startswith("/") or (len(posix) > 1 and posix[1] == ":"):
        return True
    return ".." in PurePosixPath(posix).parts


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return any(part.startswith(".") and part not in (".", "..") for part in parts)


def iter_zip(
    stream: IO[bytes], source: str, cfg: ReadConfig, read_member: MemberReader
) -> Iterator[Page | Failure]:
    """Yield pages from every member of a zip archive (source ``archive.zip!member``)."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        yield Failure(source, f"damaged zip archive ({exc})")
        return
    with archive:
        members = sorted(
            (i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename
        )
        members = [
            i
            for i in members
            if not i.filename.startswith(SKIPPED_PREFIXES) and not _hidden(i.filename)
        ]
        if not members:
            yield Failure(source, "zip archive holds no files")
            return
        total = 0
        for count, info in enumerate(members):
            where = f"{source}!{info.filename}"
            if count >= cfg.max_archive_members:
                yield Failure(
                    source,
                    f"zip archive has {len(members)} members; only the first "
                    f"{cfg.max_archive_members} (read.max_archive_members) were read",
                )
                return
            if unsafe_member(info.filename):
                yield Failure(where, "unsafe member path (points outside the archive); skipped")
                continue
            if info.flag_bits & 0x1:
                yield Failure(where, "member is encrypted; khabar cannot read it")
                continue
            if info.file_size > cfg.max_bytes:
                yield Failure(
                    where, f"member is {info.file_size} bytes, over read.max_bytes={cfg.max_bytes}"
                )
                continue
            try:
                with archive.open(info) as fh:
                    data = fh.read(cfg.max_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                yield Failure(where, f"member cannot be read ({exc})")
                continue
            if len(data) > cfg.max_bytes:
                yield Failure(where, f"member is over read.max_bytes={cfg.max_bytes}")
                continue
            total += len(data)
            if total > cfg.max_archive_bytes:
                yield Failure(
                    source,
                    f"zip archive expands past read.max_archive_bytes={cfg.max_archive_bytes}; "
                    "stopped reading it",
                )
                return
            yield from read_member(data, where)
