"""Size limits hold however an input is packed: JSON Lines per file and per row, zip budgets
shared with the zips nested inside, zip bombs refused before they are expanded."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from read_builders import write_zip

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages
from khabar.read.reader import HEAD_BYTES
from khabar.read.records import bounded_lines

BODY = "قال المتحدث باسم الحكومة إن المحادثات مستمرة بين الجانبين في العاصمة. " * 4


CFG = ReadConfig()


def _read(*paths: Path, cfg: ReadConfig = CFG) -> list[Page | Failure]:
    return list(iter_pages([str(p) for p in paths], cfg))


def _row(title: str, text: str = BODY) -> str:
    return json.dumps({"title": title, "text": text}, ensure_ascii=False)


def test_jsonl_file_obeys_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text("\n".join(_row(f"خبر {i}") for i in range(20)) + "\n", encoding="utf-8")
    (item,) = _read(path, cfg=ReadConfig(max_bytes=5_000))
    assert isinstance(item, Failure) and item.source == str(path)
    assert "read.max_bytes=5000" in item.error


def test_jsonl_row_over_max_line_bytes_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    rows = [_row("أول"), _row("طويل", BODY * 50), _row("ثالث")]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cfg = ReadConfig(max_line_bytes=20_000)
    items = _read(path, cfg=cfg)
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Page", f"{path}:1"),
        ("Failure", f"{path}:2"),
        ("Page", f"{path}:3"),
    ]
    assert "read.max_line_bytes=20000" in items[1].error  # type: ignore[union-attr]
    archive = tmp_path / "day.zip"
    write_zip(archive, {"day.jsonl": path.read_bytes()})
    assert [type(i).__name__ for i in _read(archive, cfg=cfg)] == ["Page", "Failure", "Page"]


def test_jsonl_whose_first_row_is_longer_than_the_sniffed_head_is_read_by_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "day.jsonl"
    long_row = _row("طويل", BODY * (HEAD_BYTES // len(BODY.encode()) + 2))
    path.write_text(long_row + "\n" + _row("قصير") + "\n", encoding="utf-8")
    assert len(long_row.encode()) > HEAD_BYTES
    items = _read(path, cfg=ReadConfig(max_line_bytes=HEAD_BYTES))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Failure", f"{path}:1"),
        ("Page", f"{path}:2"),
    ]


class _RecordingStream(io.BytesIO):
    """A stream that remembers the largest read asked of it."""

    largest = 0

    def readline(self, size: int | None = -1) -> bytes:
        self.largest = max(self.largest, size if size is not None and size >= 0 else 1 << 62)
        return super().readline(size)


def test_bounded_lines_never_asks_for_more_than_the_limit() -> None:
    stream = _RecordingStream(b"a\n" + b"x" * 50_000 + b"\nb\n" + b"y" * 10_001)
    lines = list(bounded_lines(stream, 10_000))
    assert lines == [b"a\n", None, b"b\n", None]
    assert stream.largest <= 10_001
    exact = list(bounded_lines(io.BytesIO(b"z" * 10 + b"\n" + b"w" * 10), 10))
    assert exact == [b"z" * 10 + b"\n", b"w" * 10]


def _zip_bytes(members: dict[str, bytes], compress: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compress) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_nested_zips_share_the_outer_byte_budget(tmp_path: Path) -> None:
    page = (BODY * 20).encode("utf-8")  # about 20 KB, deflated to a few hundred bytes
    inner = _zip_bytes({f"{i}.txt": page for i in range(4)}, zipfile.ZIP_DEFLATED)
    outer = tmp_path / "outer.zip"
    write_zip(outer, {"a.zip": inner, "b.zip": inner})
    cfg = ReadConfig(max_archive_bytes=len(inner) + 4 * len(page) + 100)
    items = _read(outer, cfg=cfg)
    pages = [i for i in items if isinstance(i, Page)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [p.source for p in pages] == [f"{outer}!a.zip!{i}.txt" for i in range(4)]
    assert failures and all("max_archive_bytes" in f.error for f in failures)
    assert len(_read(outer)) == 8  # with the default budget everything is read


def test_nested_zips_share_the_outer_member_budget(tmp_path: Path) -> None:
    inner = _zip_bytes({f"{i}.txt": BODY.encode() for i in range(3)})
    outer = tmp_path / "outer.zip"
    write_zip(outer, {"a.zip": inner, "b.zip": inner, "c.zip": inner})
    # a.zip and its 3 members take 4 of 6; b.zip and c.zip are counted but their 3 do not fit
    items = _read(outer, cfg=ReadConfig(max_archive_members=6))
    assert [i.source for i in items if isinstance(i, Page)] == [
        f"{outer}!a.zip!{i}.txt" for i in range(3)
    ]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.source for f in failures] == [f"{outer}!b.zip", f"{outer}!c.zip"]
    assert all("max_archive_members" in f.error for f in failures)


def test_zip_bomb_member_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    bomb = _zip_bytes(
        {"bomb.txt": b"a " * 5_000_000, "ok.txt": BODY.encode()}, zipfile.ZIP_DEFLATED
    )
    path = tmp_path / "bomb.zip"
    path.write_bytes(bomb)
    failure, page = _read(path)
    assert isinstance(failure, Failure) and failure.source == f"{path}!bomb.txt"
    assert "max_compression_ratio" in failure.error
    assert isinstance(page, Page) and page.source == f"{path}!ok.txt"
    assert len(_read(path, cfg=ReadConfig(max_compression_ratio=100_000))) == 2


def test_zip_nested_in_zip_bomb_is_refused_too(tmp_path: Path) -> None:
    inner = _zip_bytes({"bomb.txt": b"\xd9\x86 " * 2_000_000}, zipfile.ZIP_DEFLATED)
    path = tmp_path / "outer.zip"
    path.write_bytes(_zip_bytes({"inner.zip": inner}, zipfile.ZIP_DEFLATED))
    (failure,) = _read(path)
    assert failure.source == f"{path}!inner.zip!bomb.txt"
    assert "max_compression_ratio" in failure.error  # type: ignore[union-attr]
