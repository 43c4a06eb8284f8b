"""Reading a folder accounts for every file in it: read, or listed as skipped with why."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages

BODY = "قال المتحدث باسم الحكومة إن المحادثات مستمرة بين الجانبين في العاصمة. " * 4


def _read(*paths: Path, cfg: ReadConfig = ReadConfig()) -> list[Page | Failure]:  # noqa: B008 - frozen
    return list(iter_pages([str(p) for p in paths], cfg))


def _split(items: list[Page | Failure]) -> tuple[list[str], dict[str, str]]:
    pages = [i.source for i in items if isinstance(i, Page)]
    return pages, {i.source: i.error for i in items if isinstance(i, Failure)}


def _write(path: Path, text: str = BODY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_names_that_begin_like_documentation_are_read(tmp_path: Path) -> None:
    names = ["notice-of-strike.txt", "readme_first_news.txt", "License-plates.html", "a.txt"]
    for name in names:
        _write(tmp_path / name)
    _write(tmp_path / "NOTICE", "Copyright")
    _write(tmp_path / "readme.md", "# about")
    pages, skipped = _split(_read(tmp_path))
    assert sorted(pages) == sorted(str(tmp_path / n) for n in names)
    assert set(skipped) == {str(tmp_path / "NOTICE"), str(tmp_path / "readme.md")}
    assert all(e.startswith("skipped: documentation file") for e in skipped.values())


def test_six_files_in_six_accounted_for(tmp_path: Path) -> None:
    """The issue's folder: 6 files in, 1 article and 0 errors out before."""
    _write(tmp_path / "in" / "a.txt")
    _write(tmp_path / "in" / "NOTICE-of-strike.txt")
    _write(tmp_path / "in" / ".hidden.txt")
    _write(tmp_path / "in" / ".cache" / "b.txt")
    _write(tmp_path / "elsewhere" / "c.txt")
    os.symlink(tmp_path / "elsewhere", tmp_path / "in" / "linked")
    _write(tmp_path / "in" / "sub" / "d.txt")
    _write(tmp_path / "in" / "README")
    items = _read(tmp_path / "in")
    pages, skipped = _split(items)
    root = tmp_path / "in"
    assert pages == [
        str(root / "NOTICE-of-strike.txt"),
        str(root / "a.txt"),
        str(root / "linked" / "c.txt"),
        str(root / "sub" / "d.txt"),
    ]
    assert skipped == {
        str(root / ".cache"): "skipped: hidden folder (its name starts with '.')",
        str(root / ".hidden.txt"): "skipped: hidden file (its name starts with '.')",
        str(root / "README"): "skipped: documentation file (README, LICENSE and the like)",
    }


def test_unreadable_sub_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "ok" / "a.txt")
    locked = tmp_path / "locked"
    _write(locked / "b.txt")
    real = os.scandir

    def scandir(path: str) -> object:  # as for a 0700 folder of another user (tests run as root)
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    pages, skipped = _split(_read(tmp_path))
    assert pages == [str(tmp_path / "ok" / "a.txt")]
    assert skipped == {str(locked): "cannot read folder: permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_folder_without_read_permission_is_reported(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    _write(locked / "b.txt")
    locked.chmod(0)
    try:
        (item,) = _read(tmp_path)
    finally:
        locked.chmod(0o700)
    assert item == Failure(str(locked), "cannot read folder: permission denied")


def test_symlink_loops_end_and_are_listed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(root / "a" / "x.txt")
    os.symlink(root, root / "a" / "up")  # a/up -> in: a loop
    os.symlink(root / "a", root / "b")  # b -> a: the same folder twice
    os.symlink(root / "a" / "x.txt", root / "y.txt")  # a file link is read
    os.symlink(tmp_path / "gone", root / "dead")
    pages, skipped = _split(_read(root))
    assert pages == [str(root / "y.txt"), str(root / "a" / "x.txt")]
    assert skipped == {
        str(root / "dead"): "broken symbolic link (what it points to does not exist)",
        str(root / "a" / "up"): f"skipped: the same folder as {root} (a symbolic link)",
        str(root / "b"): f"skipped: the same folder as {root / 'a'} (a symbolic link)",
    }


def test_symlinks_listed_when_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "in"
    _write(tmp_path / "out" / "x.txt")
    _write(root / "a.txt")
    os.symlink(tmp_path / "out", root / "linked")
    pages, skipped = _split(_read(root, cfg=ReadConfig(follow_symlinks=False)))
    assert pages == [str(root / "a.txt")]
    assert skipped == {str(root / "linked"): "skipped: symbolic link (read.follow_symlinks is off)"}


def test_empty_folder_and_folder_of_empty_folders_are_reported(tmp_path: Path) -> None:
    (tmp_path / "e" / "f").mkdir(parents=True)
    assert _read(tmp_path) == [Failure(str(tmp_path), "folder holds no files")]
