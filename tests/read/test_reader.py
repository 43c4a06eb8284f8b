"""Standard input (``-``) read as one input of any format, with the file limits."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from read_builders import html_page

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages
from khabar.read.reader import STDIN_SOURCE


class _Stdin:
    """What ``sys.stdin`` offers the reader: a byte stream as ``.buffer``."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _read_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, cfg: ReadConfig | None = None
) -> list[Page | Failure]:
    monkeypatch.setattr("sys.stdin", _Stdin(data))
    return list(iter_pages(["-"], cfg or ReadConfig()))


def test_html_on_stdin_is_one_page(monkeypatch: pytest.MonkeyPatch) -> None:
    html = html_page("خبر", ["فقرة أولى.", "فقرة ثانية."]).encode("utf-8")
    (page,) = _read_stdin(monkeypatch, html)
    assert isinstance(page, Page)
    assert (page.source, page.kind, page.data) == (STDIN_SOURCE, "html", html)


def test_json_lines_on_stdin_are_records(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [json.dumps({"title": f"خبر {n}", "text": "نص"}, ensure_ascii=False) for n in (1, 2)]
    items = _read_stdin(monkeypatch, "\n".join(rows).encode("utf-8"))
    assert [i.source for i in items] == [f"{STDIN_SOURCE}:1", f"{STDIN_SOURCE}:2"]


def test_csv_on_stdin_is_read_as_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    items = _read_stdin(monkeypatch, "title,text\nأ,نص أول\nب,نص ثان\n".encode())
    assert [(i.source, i.title_hint) for i in items if isinstance(i, Page)] == [
        (f"{STDIN_SOURCE}:row 1", "أ"),
        (f"{STDIN_SOURCE}:row 2", "ب"),
    ]


def test_a_zip_on_stdin_is_read_member_by_member(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.txt", "نص الخبر الأول")
        zf.writestr("b.txt", "نص الخبر الثاني")
    items = _read_stdin(monkeypatch, buffer.getvalue())
    assert [i.source for i in items] == [f"{STDIN_SOURCE}!a.txt", f"{STDIN_SOURCE}!b.txt"]


def test_stdin_over_the_limits_is_refused_without_holding_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cfg = ReadConfig(max_bytes=1000, max_archive_bytes=2000)
    (failure,) = _read_stdin(monkeypatch, b"x" * 5000, cfg)
    assert isinstance(failure, Failure) and failure.source == STDIN_SOURCE
    assert "over 2000 bytes" in failure.error
    (failure,) = _read_stdin(monkeypatch, b"y" * 1500, cfg)  # a text over max_bytes
    assert isinstance(failure, Failure) and "over read.max_bytes=1000" in failure.error


def test_empty_stdin_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    (failure,) = _read_stdin(monkeypatch, b"")
    assert failure == Failure(STDIN_SOURCE, "empty file")


def test_stdin_among_files_keeps_the_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("نص من ملف", encoding="utf-8")
    monkeypatch.setattr("sys.stdin", _Stdin("نص من الدخل".encode()))
    items = list(iter_pages([str(tmp_path / "a.txt"), "-"], ReadConfig()))
    assert [i.source for i in items] == [str(tmp_path / "a.txt"), STDIN_SOURCE]
