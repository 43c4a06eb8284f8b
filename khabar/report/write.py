"""Writing a dossier's files into an output folder (and nowhere else).

Each file is written to a temporary file beside it and renamed over it, so a reader sees the old
file or the new one, never half of one; an error, Ctrl-C or SIGTERM (``khabar`` turns it into
an exit) while writing removes the temporary file. Text UTF-8 cannot hold (a lone surrogate)
is written as U+FFFD rather than failing the whole write."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from khabar.clean.scrub import scrub_text
from khabar.errors import KhabarError
from khabar.model import Dossier
from khabar.report.html import render_html
from khabar.report.json import dossier_to_json

JSON_NAME = "dossier.json"
HTML_NAME = "dossier.html"
TEMP_SUFFIX = ".tmp"
"""Ending of the temporary files a write goes through (removed when the write is cut short)."""


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a crash never leaves half a file."""
    data = scrub_text(text).encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise KhabarError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise KhabarError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def write_dossier(dossier: Dossier, out_dir: Path) -> tuple[Path, Path]:
    """Write ``dossier.json`` and ``dossier.html`` into ``out_dir``; return their paths."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KhabarError(f"cannot create output folder {out_dir}: {exc.strerror}") from exc
    json_path = out_dir / JSON_NAME
    html_path = out_dir / HTML_NAME
    _write_atomic(json_path, dossier_to_json(dossier) + "\n")
    _write_atomic(html_path, render_html(dossier))
    return json_path, html_path
