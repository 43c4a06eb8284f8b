"""Writing a dossier's files into an output folder (and nowhere else)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from khabar.errors import KhabarError
from khabar.model import Dossier
from khabar.report.html import render_html
from khabar.report.json import dossier_to_json

JSON_NAME = "dossier.json"
HTML_NAME = "dossier.html"


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
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
