"""One broken record, file name or archive member costs only itself: it becomes a Failure naming
it, every other input is still read, and what comes out can always be written as UTF-8."""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from read_builders import html_page, write_warc, write_zip

import khabar.read.reader as reader
from khabar.clean import clean_page
from khabar.config import CleanConfig, ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages

CFG = ReadConfig()
BODY = "قال المتحدث باسم الحكومة إن المحادثات مستمرة بين الجانبين في العاصمة. " * 6


def _read(*paths: Path | str, cfg: ReadConfig = CFG) -> list[Page | Failure]:
    return list(iter_pages([os.fsdecode(p) for p in paths], cfg))


def _writable(item: Page | Failure) -> None:
    """The item survives what the report and the store do with it: UTF-8 JSON."""
    fields = {"source": item.source}
    if isinstance(item, Page):
        fields |= {"text": item.text, "title": item.title_hint or "", "url": item.url or ""}
    else:
        fields["error"] = item.error
    json.dumps(fields, ensure_ascii=False).encode("utf-8")


def test_lone_surrogate_escape_in_jsonl_is_replaced_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    lines = [
        '{"title": "عنوان \\ud800 الخبر", "text": "' + BODY + '\\udc00", "url": "https://a.b/1"}',
        json.dumps({"title": "خبر سليم", "text": BODY}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = _read(path)
    assert isinstance(first, Page) and isinstance(second, Page)
    assert first.title_hint == "عنوان \ufffd الخبر"
    assert first.text == BODY + "\ufffd"
    assert [f.kind for f in first.flags] == ["encoding_repaired"]
    assert "2 lone surrogate" in first.flags[0].detail
    assert second.flags == ()
    for item in (first, second):
        _writable(item)
        assert clean_page(item, CleanConfig()).text


def test_lone_surrogate_in_json_document_does_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"title": "أ", "text": "نص \\ud800 الخبر."}', encoding="utf-8")
    (page,) = _read(path)
    assert isinstance(page, Page) and page.text == "نص \ufffd الخبر."
    _writable(page)


def test_file_name_that_is_not_utf8_is_shown_escaped_and_read(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    name = os.path.join(folder, b"\xff\xfe-\xd8\xa3\xd8.txt")  # not UTF-8 (a cut Arabic letter)
    with open(name, "wb") as fh:
        fh.write(BODY.encode("utf-8"))
    shown = f"{tmp_path}/in/\\xff\\xfe-أ\\xd8.txt"
    for given in (folder, name):
        (page,) = _read(given)
        assert isinstance(page, Page) and page.source == shown
        _writable(page)
    (missing,) = _read(os.path.join(folder, b"\xe9t\xe9.txt"))
    assert missing == Failure(f"{tmp_path}/in/\\xe9t\\xe9.txt", "no such file or directory")


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "a\nb.zip"
    write_zip(path, {"x\ty.txt": BODY.encode("utf-8")})
    (page,) = _read(path)
    assert page.source == f"{tmp_path}/a\\x0ab.zip!x\\x09y.txt"


def test_truncated_warc_header_keeps_earlier_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(
        path,
        [
            ("https://a.example/1", html_page("الأول", [BODY]).encode("utf-8"), "text/html"),
            ("https://a.example/2", html_page("الثاني", [BODY]).encode("utf-8"), "text/html"),
        ],
    )
    data = path.read_bytes()
    second = data.index(b"WARC/1", 10)
    path.write_bytes(data[: second + 40])  # the second record's header is cut mid-line
    ok = tmp_path / "ok.txt"
    ok.write_text(BODY, encoding="utf-8")
    page, damaged, after = _read(path, ok)
    assert isinstance(page, Page) and page.source == f"{path}#https://a.example/1"
    assert isinstance(damaged, Failure) and damaged.source == str(path)
    assert "damaged after 2 record(s)" in damaged.error or "damaged after 1" in damaged.error
    assert isinstance(after, Page) and after.source == str(ok)


def test_unexpected_error_in_one_member_costs_only_that_member(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = reader.decode_page

    def fragile(data: bytes, source: str, declared: str | None = None) -> object:
        if b"BOOM" in data:
            raise RuntimeError("a reader bug")
        return real(data, source, declared)

    monkeypatch.setattr(reader, "decode_page", fragile)
    archive = tmp_path / "a.zip"
    write_zip(archive, {"1.txt": BODY.encode(), "2.txt": b"BOOM " + BODY.encode(), "3.txt": b"x"})
    alone = tmp_path / "b.txt"
    alone.write_bytes(b"BOOM " + BODY.encode())
    after = tmp_path / "c.txt"
    after.write_text(BODY, encoding="utf-8")
    items = _read(archive, alone, after)
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Page", f"{archive}!1.txt"),
        ("Failure", f"{archive}!2.txt"),
        ("Page", f"{archive}!3.txt"),
        ("Failure", str(alone)),
        ("Page", str(after)),
    ]
    assert "RuntimeError: a reader bug" in items[1].error  # type: ignore[union-attr]


def test_unexpected_error_mid_folder_does_not_end_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = reader.read_blob

    def fragile(data: bytes, source: str, *args: object, **kw: object) -> Iterator[object]:
        if source.endswith("b.txt"):
            raise MemoryError("too big")
        return real(data, source, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "read_blob", fragile)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(BODY, encoding="utf-8")
    items = _read(tmp_path)
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Page"]
    assert items[1].source == str(tmp_path / "b.txt")


def test_path_with_nul_character_is_a_failure() -> None:
    (item,) = list(iter_pages(["bad\x00name.txt"], CFG))
    assert isinstance(item, Failure) and item.source == "bad\\x00name.txt"


def _record_ends(data: bytes) -> set[int]:
    """Offsets where a record of a WARC (or a gzip member of a WARC.gz) ends."""
    if not data.startswith(b"\x1f\x8b"):
        # a record ends with its block; the blank lines after it are only a separator
        seps = re.finditer(rb"\r\n\r\n(?=WARC/)", data)
        return {m.start() + k for m in seps for k in range(5)} | {len(data)}
    ends, pos = set(), 0
    while pos < len(data):
        member = zlib.decompressobj(31)
        member.decompress(data[pos:])
        pos = len(data) - len(member.unused_data)
        ends.add(pos)
    return ends


def _near_ends(ends: set[int], size: int) -> list[int]:
    """Cuts in the last and first bytes around each record end (a gzip trailer, a header)."""
    return [c for e in ends for c in range(e - 12, e + 12) if 16 <= c < size]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_cut_anywhere_accounts_for_every_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_warc(
        path,
        [
            ("https://a.example/1", html_page("الأول", [BODY]).encode("utf-8"), "text/html"),
            ("https://a.example/2", html_page("الثاني", [BODY]).encode("utf-8"), "text/html"),
        ],
    )
    data = path.read_bytes()
    whole = _record_ends(data)  # a cut exactly there leaves a whole archive of fewer records
    for cut in [*range(16, len(data), max(1, len(data) // 60)), *_near_ends(whole, len(data))]:
        if cut in whole:
            continue
        path.write_bytes(data[:cut])
        items = _read(path)
        pages = [i.source for i in items if isinstance(i, Page)]
        assert pages in (
            [],
            [f"{path}#https://a.example/1"],
            [f"{path}#https://a.example/{n}" for n in (1, 2)],
        ), cut
        # a cut is reported, unless only a gzip trailer was lost and both records are whole
        assert len(pages) == 2 or any(isinstance(i, Failure) for i in items), cut


def test_warc_record_cut_mid_payload_is_reported_not_read_as_whole(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    page = html_page("الأول", [BODY]).encode("utf-8")
    write_warc(path, [("https://a.example/1", page, "text/html")])
    path.write_bytes(path.read_bytes()[:-200])
    (item,) = _read(path)
    assert isinstance(item, Failure) and item.source == f"{path}#https://a.example/1"
    assert "cut short" in item.error
