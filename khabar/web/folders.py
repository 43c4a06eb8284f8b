"""Folders on the server's own disk: which may be analysed, and which files in them are read.

The server reads nothing outside ``[web] folder_roots``, and nothing at all when that list is
empty (the default). Two checks keep it there:

- a folder request is accepted only when its real path (every symbolic link resolved, strictly:
  a path that cannot be resolved is refused) lies under a root; a path outside the roots is
  refused before the disk is looked at, so the answer never tells what exists elsewhere;
- when the job runs, the folder is walked here, not by the reader: every file's real path is
  checked again, so a link inside a root (hidden or not) that points elsewhere is listed as
  skipped, never followed; unreadable sub-folders and special files (pipes, devices) are listed
  too. The reader then gets plain files only.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePath

from khabar.config import WebConfig
from khabar.model import Failure
from khabar.web.data import FOLDER_SKIPS, MESSAGES
from khabar.web.jobs import JobLimitExceeded
from khabar.web.uploads import UploadError


def is_under(path: PurePath, root: PurePath) -> bool:
    """Tell whether ``path`` is ``root`` or lies below it (no disk access, no ``..`` handling)."""
    return path == root or root in path.parents


def root_forms(roots: tuple[str, ...]) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The roots as written (normalised) and as real paths (their own links resolved)."""
    written = tuple(Path(os.path.normpath(r)) for r in roots)
    real = tuple(Path(os.path.realpath(r)) for r in roots)
    return written, real


def resolve_folder(path_text: str, web: WebConfig) -> Path:
    """Check that a server-side path may be analysed; return its real path, or raise UploadError.

    Refusals carry an Arabic message that names no server path."""
    if not web.folders_allowed:
        raise UploadError(403, MESSAGES["folders_disabled"])
    text = path_text.strip()
    path = PurePath(text)
    if not text or "\x00" in text or not path.is_absolute():
        raise UploadError(400, MESSAGES["folder_path_needed"])
    written, real_roots = root_forms(web.folder_roots)
    lexical = Path(os.path.normpath(path))
    if not any(is_under(lexical, r) for r in (*written, *real_roots)):
        raise UploadError(403, MESSAGES["folder_outside"])
    try:
        real = Path(os.path.realpath(path, strict=True))
    except FileNotFoundError as exc:
        raise UploadError(404, MESSAGES["folder_missing"]) from exc
    except OSError as exc:  # a component that cannot be searched, a link loop
        raise UploadError(403, MESSAGES["folder_unreadable"]) from exc
    if not any(is_under(real, r) for r in real_roots):
        raise UploadError(403, MESSAGES["folder_outside"])
    if not os.access(real, os.R_OK) or (real.is_dir() and not os.access(real, os.X_OK)):
        raise UploadError(403, MESSAGES["folder_unreadable"])
    return real


def _walk(folder: Path, real_roots: tuple[Path, ...]) -> Iterator[Path | Failure]:
    """Every regular file under ``folder`` whose real path lies under a root, in sorted order,
    and a Failure for each thing skipped."""
    seen_dirs = {folder}
    unreadable: list[Failure] = []

    def on_error(exc: OSError) -> None:
        unreadable.append(Failure(str(exc.filename or folder), FOLDER_SKIPS["unreadable"]))

    for here, dirs, files in os.walk(folder, onerror=on_error, followlinks=True):
        yield from unreadable
        unreadable.clear()
        kept = []
        for name in sorted(dirs):
            shown = Path(here) / name
            real = Path(os.path.realpath(shown))
            if not any(is_under(real, r) for r in real_roots):
                yield Failure(str(shown), FOLDER_SKIPS["outside"])
            elif real in seen_dirs:
                yield Failure(str(shown), FOLDER_SKIPS["loop"])
            else:
                seen_dirs.add(real)
                kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            shown = Path(here) / name
            real = Path(os.path.realpath(shown))
            if not any(is_under(real, r) for r in real_roots):
                yield Failure(str(shown), FOLDER_SKIPS["outside"])
                continue
            try:
                mode = os.stat(real).st_mode
            except OSError:
                yield Failure(str(shown), FOLDER_SKIPS["unreadable"])
                continue
            if not stat.S_ISREG(mode):
                yield Failure(str(shown), FOLDER_SKIPS["special"])
                continue
            yield real
    yield from unreadable


def folder_inputs(
    folder: Path, roots: tuple[str, ...], max_files: int
) -> tuple[list[Path], list[Failure]]:
    """The files a folder job reads (real paths, each under a root) and what was skipped.

    Raises JobLimitExceeded past ``max_files`` files, before reading any of them."""
    _, real_roots = root_forms(roots)
    real = Path(os.path.realpath(folder))
    if not any(is_under(real, r) for r in real_roots):
        return [], [Failure(str(folder), FOLDER_SKIPS["outside"])]
    if not real.is_dir():
        if real.is_file():
            return [real], []
        return [], [Failure(str(folder), FOLDER_SKIPS["special"])]
    files: list[Path] = []
    skipped: list[Failure] = []
    seen: set[Path] = set()
    for item in _walk(real, real_roots):
        if isinstance(item, Failure):
            skipped.append(item)
        elif item not in seen:
            seen.add(item)
            files.append(item)
            if len(files) > max_files:
                raise JobLimitExceeded("too_many_pages")
    return files, skipped
