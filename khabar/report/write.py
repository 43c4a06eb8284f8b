"""Writing a dossier's files into an output folder (and nowhere else).

Each file is written to a temporary file beside it and renamed over it, so a reader sees the old
file or the new one, never half of one; an error, Ctrl-C or SIGTERM (``khabar`` turns it into
an exit) while writing removes the temporary file. Files get the permissions the user's umask
gives any new file (``rw-r--r--`` under the usual 022), not those of a private temporary file.
Text UTF-8 cannot hold (a lone surrogate) is written as U+FFFD rather than failing the whole
write.

Besides the dossier (``json``, ``html``), :func:`write_outputs` writes the formats of
:mod:`khabar.report.tables`: ``csv`` (articles, events, claims, contradictions), ``jsonl``
(clean articles) and ``svg`` (the timeline). Above :data:`~khabar.report.pages.SPLIT_ABOVE_ARTICLES`
articles ``html`` is an index page plus one page per story in ``dossier_stories/`` (pages
written first, the index last; pages of an earlier write that no story has now are removed)."""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from khabar.clean.scrub import scrub_text
from khabar.errors import KhabarError
from khabar.model import Dossier
from khabar.report.json import dict_to_json, dossier_to_dict
from khabar.report.pages import SPLIT_ABOVE_ARTICLES, render_pages, stale_pages
from khabar.report.tables import articles_jsonl, csv_tables, timeline_svg, xlsx_tables
from khabar.run.collector import batch_collection

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
    if isinstance(content, bytes):
        data = content
    else:
        try:
            data = content.encode("utf-8")  # once: the 100 MB of a big dossier's JSON
        except UnicodeEncodeError:
            data = scrub_text(content).encode("utf-8")
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


@contextlib.contextmanager
def _heap_frozen() -> Iterator[None]:
    """Keep what exists now (the dossier, whatever else the process holds) out of the garbage
    collector's scans while the files are made: rendering allocates millions of short-lived
    objects, and each full collection would walk the whole dossier again (a quarter of the
    write's CPU at 5,000 ANT articles). A freeze already in force (the caller's) is left as it
    is."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_dossier(dossier: Dossier, out_dir: Path) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths.

    The HTML is always one page here: the web app (the caller) serves that one file."""
    written = write_outputs(dossier, out_dir, DEFAULT_FORMATS, split_above=None)
    return written[0], written[1]


_TABLE_WRITERS: Mapping[str, Callable[[Mapping[str, Any]], Mapping[str, str | bytes]]] = {
    "csv": csv_tables,
    "jsonl": lambda data: {JSONL_NAME: articles_jsonl(data)},
    "svg": lambda data: {SVG_NAME: timeline_svg(data)},
    "xlsx": lambda data: {XLSX_NAME: xlsx_tables(data)},
}
"""The files of each table format, by name, made from the dossier's dict."""


@batch_collection()
def write_outputs(
    dossier: Dossier,
    out_dir: Path,
    formats: Iterable[str] = DEFAULT_FORMATS,
    split_above: int | None = SPLIT_ABOVE_ARTICLES,
) -> list[Path]:
    """Write the files of ``formats`` (names from :data:`FORMATS`) into ``out_dir``, in the
    order given; return their paths (a split HTML dossier's folder of pages, not each page).
    The HTML dossier is split into pages above
    ``split_above`` articles (None: never)."""
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        raise KhabarError(
            f"unknown output format {', '.join(unknown)}; choose from {', '.join(FORMATS)}"
        )
    _make_folder(out_dir)
    files: dict[str, str | bytes] = {}
    with _heap_frozen():
        data = dossier_to_dict(dossier)  # once, for every format
        for fmt in wanted:
            if fmt == "json":
                files[JSON_NAME] = dict_to_json(data) + "\n"
            elif fmt == "html":
                files.update(render_pages(data, HTML_NAME, split_above))
            else:
                files.update(_TABLE_WRITERS[fmt](data))
    paths: list[Path] = []
    for name, text in files.items():
        path = out_dir / name
        if path.parent != out_dir:  # a story page: its folder is named once, not each page
            _make_folder(path.parent)
            path = path.parent
        _write_atomic(out_dir / name, text)
        if path not in paths:
            paths.append(path)
    if "html" in wanted:
        for stale in stale_pages(out_dir, HTML_NAME, list(files)):
            stale.unlink(missing_ok=True)
    return paths
