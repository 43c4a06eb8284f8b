"""Bad inputs become Failures naming the file, and the batch goes on."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from read_builders import html_page, write_zip

from khabar.clean import clean_pages
from khabar.config import CleanConfig, ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages

CFG = ReadConfig()


def _read(*paths: Path | str, cfg: ReadConfig = CFG) -> list[Page | Failure]:
    return list(iter_pages([str(p) for p in paths], cfg))


def test_missing_path(tmp_path: Path) -> None:
    (item,) = _read(tmp_path / "nope.txt")
    assert item == Failure(str(tmp_path / "nope.txt"), "no such file or directory")


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    empty, blank = tmp_path / "e.txt", tmp_path / "w.txt"
    empty.write_bytes(b"")
    blank.write_bytes(b"  \n\n ")
    items = _read(empty, blank)
    assert [i.source for i in items] == [str(empty), str(blank)]
    assert "empty file" in items[0].error  # type: ignore[union-attr]
    assert "whitespace" in items[1].error  # type: ignore[union-attr]


def test_binary_files(tmp_path: Path) -> None:
    png, junk = tmp_path / "a.png", tmp_path / "b.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    junk.write_bytes(bytes([0, 1, 2, 3, 200, 0, 7]) * 50)
    items = _read(png, junk)
    assert all(isinstance(i, Failure) and "binary" in i.error for i in items)
    assert "PNG" in items[0].error  # type: ignore[union-attr]


def test_file_over_max_bytes_is_not_read(tmp_path: Path, monkeypatch: object) -> None:
    path = tmp_path / "big.txt"
    path.write_text("نص عربي " * 100, encoding="utf-8")
    (item,) = _read(path, cfg=ReadConfig(max_bytes=100))
    assert isinstance(item, Failure) and "max_bytes" in item.error and item.source == str(path)


def test_zip_with_unsafe_member_paths(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    good = html_page("عنوان الخبر", ["فقرة."]).encode()
    write_zip(path, {"../../x.txt": b"evil", "/etc/passwd": b"root", "ok.html": good})
    before = set(os.listdir(tmp_path))
    items = _read(path)
    assert set(os.listdir(tmp_path)) == before  # nothing extracted
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "Page"]
    assert all("unsafe member path" in i.error for i in items[:2])  # type: ignore[union-attr]
    assert items[0].source.startswith(f"{path}!")


def test_zip_member_over_max_bytes_and_too_many_members(tmp_path: Path) -> None:
    path = tmp_path / "a.zip"
    write_zip(path, {f"{i}.txt": ("نص " * 40).encode() for i in range(5)})
    # the entry count is read from the archive's end record, before its directory is parsed
    (item,) = _read(path, cfg=ReadConfig(max_archive_members=2))
    assert isinstance(item, Failure) and item.source == str(path)
    assert "lists 5 entries" in item.error and "max_archive_members" in item.error
    (first, *_) = _read(path, cfg=ReadConfig(max_bytes=10))
    assert isinstance(first, Failure) and "max_bytes" in first.error


def test_damaged_zip(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (item,) = _read(path)
    assert isinstance(item, Failure) and "zip" in item.error


def test_truncated_html_and_index_page_fail_in_clean_pages(tmp_path: Path) -> None:
    truncated = tmp_path / "t.html"
    truncated.write_text(
        "<!DOCTYPE html><html><head><title>خبر</title></head><body><div><p>نص", "utf-8"
    )
    index = tmp_path / "index.txt"
    index.write_text(
        "\n".join(f"• عنوان خبر رقم {i} في الصفحة" for i in range(30)), encoding="utf-8"
    )
    pages = _read(truncated, index)
    assert all(isinstance(p, Page) for p in pages)
    results = clean_pages(pages, CleanConfig())  # type: ignore[arg-type]
    assert [type(r).__name__ for r in results] == ["Failure", "Failure"]
    assert [r.source for r in results] == [str(truncated), str(index)]
    assert all("no article" in r.error or "HTML" in r.error for r in results)  # type: ignore[union-attr]


def test_batch_goes_on_after_failures(tmp_path: Path, seeds_dir: Path) -> None:
    items = _read(tmp_path / "missing", seeds_dir / "000_7ce82b79e7fbb217.txt")
    assert [type(i).__name__ for i in items] == ["Failure", "Page"]


def _zip_of(members: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for i, data in enumerate(members):
            zf.writestr(f"m{i}.txt", data)
    return buffer.getvalue()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    contents=st.lists(
        st.one_of(
            st.binary(max_size=300),
            st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.lists(st.binary(max_size=100), min_size=1, max_size=3).map(_zip_of),
            st.sampled_from(
                [
                    b"PK\x03\x04junk",
                    b"WARC/1.0\r\njunk",
                    b"\x1f\x8bjunk",
                    b'{"text": 1}\n{',
                    b"<html",
                ]
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_reading_never_crashes_and_never_loses_a_file(
    tmp_path_factory: object, contents: list[bytes]
) -> None:
    folder = tmp_path_factory.mktemp("prop")  # type: ignore[attr-defined]
    paths = []
    for i, data in enumerate(contents):
        path = folder / f"f{i}.bin"
        path.write_bytes(data)
        paths.append(str(path))
    paths.append(str(folder / "missing.txt"))
    items = list(iter_pages(paths, ReadConfig()))
    for path in paths:
        mine = [
            i
            for i in items
            if i.source == path or i.source.startswith((path + ":", path + "!", path + "#"))
        ]
        assert mine, f"{path} yielded nothing"
    pages = [i for i in items if isinstance(i, Page)]
    assert len(clean_pages(pages, CleanConfig())) == len(pages)


def test_pipe_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = _read(fifo)
    assert isinstance(item, Failure) and "not a regular file" in item.error
