"""Small ANT-format files and archives for tests of what reads the ANT corpus."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterable
from pathlib import Path


def ant_file(docno_day: str, time: str, body: str, title: str = "عنوان") -> str:
    """One ANT file's text: DOCNO ending in ``docno_day`` (YYYYMMDD), RFC 2822 ``time``."""
    return (
        f"<DOC>\n<DOCNO>BB-sport-1-{docno_day}</DOCNO>\n<URL>u</URL>\n<SRC>BBC</SRC>\n"
        f"<CAT>sport</CAT>\n<TITLE>{title}</TITLE>\n<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n"
        f"<ABSTRACT>\nملخص\n</ABSTRACT>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n"
    )


def write_ant_archive(path: Path, members: Iterable[tuple[str, str]]) -> Path:
    """Write ``(name, text)`` members to a tar archive (compressed after ``path``'s suffix)."""
    mode = "w:xz" if path.name.endswith(".xz") else "w"
    with tarfile.open(path, mode) as tar:
        for name, text in members:
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path
