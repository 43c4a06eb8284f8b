"""Uploaded file names are untrusted: what ``safe_filename`` keeps and what it neutralises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from khabar.web.names import FALLBACK_NAME, MAX_NAME_CHARS, is_inside, safe_filename, unique_path


@pytest.mark.parametrize(
    ("given_name", "expected"),
    [
        ("article.html", "article.html"),
        ("الجزيرة - بوتين.txt", "الجزيرة - بوتين.txt"),
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("C:\\Users\\x\\page.htm", "page.htm"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("..", FALLBACK_NAME),
        ("", FALLBACK_NAME),
        (None, FALLBACK_NAME),
        (".hidden", "hidden"),
        ("a\x00b\x1f.txt", "ab.txt"),
        ("pages.warc.gz", "pages.warc.gz"),
        ("<script>.html", "_script_.html"),
        ("CON.txt", "_CON.txt"),
        ("-rf.txt", "rf.txt"),
    ],
)
def test_safe_filename_keeps_the_name_and_drops_folders(
    given_name: str | None, expected: str
) -> None:
    assert safe_filename(given_name) == expected


def test_safe_filename_cuts_long_names_but_keeps_the_extension() -> None:
    name = safe_filename("خبر" * 100 + ".html")
    assert len(name) <= MAX_NAME_CHARS
    assert name.endswith(".html")


@given(st.text(max_size=300))
def test_safe_filename_is_always_a_plain_name_inside_the_folder(name: str) -> None:
    safe = safe_filename(name)
    assert safe and safe not in (".", "..")
    assert "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert len(safe) <= MAX_NAME_CHARS
    folder = Path("/srv/uploads")
    assert is_inside(folder / safe, folder)
    assert safe_filename(safe) == safe  # idempotent


def test_unique_path_numbers_repeated_names(tmp_path: Path) -> None:
    first = unique_path(tmp_path, "a.txt")
    first.write_text("1")
    second = unique_path(tmp_path, "a.txt")
    assert second.name == "a-2.txt"
    second.write_text("2")
    assert unique_path(tmp_path, "a.txt").name == "a-3.txt"


def test_is_inside_sees_through_dot_dot(tmp_path: Path) -> None:
    assert is_inside(tmp_path / "x" / "y", tmp_path)
    assert not is_inside(tmp_path / ".." / "elsewhere", tmp_path)
