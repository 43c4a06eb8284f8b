"""Safe names on disk for uploaded files, whose names come from the client and are untrusted."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_NAME_CHARS = 120
"""Longest stored file name, in characters (file systems allow 255 bytes; Arabic takes 2 each)."""

MAX_SUFFIX_CHARS = 16
"""Longest extension kept when a long name is cut (``.warc.gz``, ``.jsonl``, ``.html``)."""

FALLBACK_NAME = "upload"
"""Name given to a file whose name holds nothing usable."""

_UNSAFE = re.compile(r"[^\w.\- ()]+", re.UNICODE)
"""Anything but letters (any script), digits, ``_``, ``.``, ``-``, space and parentheses."""

_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
"""Names Windows refuses, whatever the extension (a dossier folder may be copied there)."""


_EDGES = re.compile(r"^[\s.\-]+|[\s.]+$")


def safe_filename(name: str | None) -> str:
    """Return a plain file name from a client-supplied one: no folders, no ``..``, no controls."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _EDGES.sub("", re.sub(r"_{2,}", "_", _UNSAFE.sub("_", name)))
    if name.split(".")[0].lower() in _RESERVED:
        name = "_" + name
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        if dot and 0 < len(suffix) <= MAX_SUFFIX_CHARS:
            name = stem[: MAX_NAME_CHARS - len(suffix) - 1] + "." + suffix
        else:
            name = name[:MAX_NAME_CHARS]
        name = _EDGES.sub("", name)  # a cut may leave a trailing dot or space
    if not name or set(name) <= {".", "_", " "}:
        return FALLBACK_NAME
    return name


def unique_path(folder: Path, name: str) -> Path:
    """Return ``folder/name``, or ``folder/stem-2.ext``, ``-3`` … when that name is taken."""
    candidate = folder / name
    stem, dot, suffix = name.partition(".")
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{dot}{suffix}"
        n += 1
    return candidate


def is_inside(path: Path, folder: Path) -> bool:
    """Tell whether ``path`` resolves to a place inside ``folder``."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True
