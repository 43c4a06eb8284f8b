"""Writing a dossier's files into an output folder (and nowhere else).

Each file is written to a temporary file beside it and renamed over it, so a reader sees the old
file or the new one, never half of one; an error, Ctrl-C or SIGTERM (``khabar`` turns it into
an exit) while writing removes the temporary file. Files get the permissions the user's umask
gives any new file (``rw-r--r--`` under the usual 022), not those of a private temporary file.
Text UTF-8 cannot hold (a lone surrogate) is written as U+FFFD rather than failing the whole
write.

Besides the dossier (``json``, ``html``), :func:`write_outputs` writes the formats of
:mod:`khabar.report.tables`: ``csv`` (articles, events, claims, contradictions), ``jsonl``
(clean articles) and ``svg`` (the timeline)."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from khabar.clean.scrub import scrub_text
from khabar.errors import KhabarError
from khabar.model import Dossier
from khabar.report.html import render_html
from khabar.report.json import dossier_to_dict, dossier_to_json
from khabar.report.tables import articles_jsonl, csv_tables, timeline_svg, xlsx_tables

JSON_NAME = "dossier.json"
HTML_NAME = "dossier.html"
JSONL_NAME = "articles.jsonl"
SVG_NAME = "timeline.svg"
XLSX_NAME = "tables.xlsx"
TEMP_SUFFIX = ".tmp"
"""Ending of the temporary files a write goes through (removed when the write is cut short)."""
NEW_FILE_MODE = 0o666
"""Mode a new file is created with, less the umask: what any program's new file gets."""

FORMATS = ("json", "html", "csv", "xlsx", "jsonl", "svg")
"""What ``--format`` may name: the dossier (JSON, HTML), CSV tables (or one XLSX workbook) of
articles, events, claims and contradictions, JSON Lines of clean articles, the timeline
picture."""
DEFAULT_FORMATS = ("json", "html")


def _write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` through a temporary file, so a crash never
    leaves half a file."""
    data = content if isinstance(content, bytes) else scrub_text(content).encode("utf-8")
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
    try:
        # O_EXCL: never through a file or link already there; the umask applies to the mode
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    except OSError as exc:
        raise KhabarError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise KhabarError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhabarError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc


def write_dossier(dossier: Dossier, out_dir: Path) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths."""
    written = write_outputs(dossier, out_dir, DEFAULT_FORMATS)
    return written[0], written[1]


_TABLE_WRITERS: Mapping[str, Callable[[Mapping[str, Any]], Mapping[str, str | bytes]]] = {
    "csv": csv_tables,
    "jsonl": lambda data: {JSONL_NAME: articles_jsonl(data)},
    "svg": lambda data: {SVG_NAME: timeline_svg(data)},
    "xlsx": lambda data: {XLSX_NAME: xlsx_tables(data)},
}
"""The files of each table format, by name, made from the dossier's dict."""


def write_outputs(
    dossier: Dossier, out_dir: Path, formats: Iterable[str] = DEFAULT_FORMATS
) -> list[Path]:
    """Write the files of ``formats`` (names from :data:`FORMATS`) into ``out_dir``, in the
    order given; return their paths."""
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise KhabarError(
            f"unknown output format {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    _make_folder(out_dir)
    files: dict[str, str | bytes] = {}
    data = dossier_to_dict(dossier) if set(wanted) & set(_TABLE_WRITERS) else {}
    for fmt in wanted:
        if fmt == "json":
            files[JSON_NAME] = dossier_to_json(dossier) + "\n"
        elif fmt == "html":
            files[HTML_NAME] = render_html(dossier)
        else:
            files.update(_TABLE_WRITERS[fmt](data))
    paths = []
    for name, text in files.items():
        _write_atomic(out_dir / name, text)
        paths.append(out_dir / name)
    return paths
