"""Property tests of the readers: whatever the bytes, lines, archive members or file names,
reading never raises, never loses a file, and gives sources and text that can be written."""

from __future__ import annotations

import io
import json
import os
import re
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages
from khabar.read.names import display_source

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
SMALL = ReadConfig(max_bytes=20_000, max_line_bytes=400, max_archive_members=12)
"""Limits small enough for the generated inputs to hit them."""

UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e]")
"""What a source must never hold: it is printed, and written as UTF-8 JSON and SQLite text."""

ARTICLE = "قال المتحدث باسم الحكومة إن المحادثات مستمرة بين الجانبين في العاصمة. " * 3


def _check(paths: list[str], cfg: ReadConfig = SMALL) -> list[Page | Failure]:
    """Read ``paths``; assert every one is accounted for and everything can be written."""
    items = list(iter_pages(paths, cfg))
    for item in items:
        item.source.encode("utf-8")
        assert not UNSHOWABLE.search(item.source), item.source
        if isinstance(item, Page):
            item.text.encode("utf-8")
            for hint in (item.title_hint, item.published_hint, item.outlet_hint, item.url):
                (hint or "").encode("utf-8")
        else:
            item.error.encode("utf-8")
    for path in paths:
        shown = display_source(path)
        assert any(
            i.source == shown
            or i.source.startswith((shown + ":", shown + "!", shown + "#", shown + "/"))
            for i in items
        ), f"{shown} yielded nothing"
    return items


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
jsonl_lines = st.one_of(
    st.dictionaries(
        st.sampled_from(["title", "text", "html", "url", "published", "outlet", "source"]),
        st.one_of(json_values, st.just(ARTICLE)),
    ).map(lambda d: json.dumps(d, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    st.sampled_from(
        [
            b'{"text": "\\ud800\\udfff\\udc00 \\ud83d"}',
            b'{"title": "\\u0000", "text": "' + b"x" * 600 + b'"}',
            b'{"text": "' + "نص".encode("windows-1256") + b'"}',
            b"[1, 2]",
            b"{",
            b"",
            b"\xef\xbb\xbf{}",
        ]
    ),
    st.binary(max_size=60),
)


@SETTINGS
@given(lines=st.lists(jsonl_lines, min_size=1, max_size=6))
def test_random_jsonl_lines_never_crash(tmp_path_factory: object, lines: list[bytes]) -> None:
    folder = tmp_path_factory.mktemp("jsonl")  # type: ignore[attr-defined]
    path = folder / "day.jsonl"
    path.write_bytes(b'{"title": "t", "text": "x"}\n' + b"\n".join(lines) + b"\n")
    items = _check([str(path)])
    assert items[0].source == f"{path}:1"


def _zip(members: list[tuple[str, bytes, bool]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as zf:
        warnings.simplefilter("ignore", UserWarning)  # duplicate member names are wanted here
        for name, data, deflate in members:
            kind = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            zf.writestr(zipfile.ZipInfo(name or "unnamed"), data, compress_type=kind)
    return buffer.getvalue()


member_names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20
) | st.sampled_from(["../up.txt", "/abs.txt", ".hidden", "__MACOSX/x", "a/b/c.html", "README"])
member_data = st.one_of(
    st.binary(max_size=200),
    st.just(ARTICLE.encode("utf-8")),
    st.just(ARTICLE.encode("windows-1256")),
    st.integers(20_001, 20_100).map(lambda n: b"a" * n),  # over SMALL.max_bytes
    st.lists(jsonl_lines, min_size=1, max_size=3).map(b"\n".join),
)
zip_members = st.recursive(
    st.lists(st.tuples(member_names, member_data, st.booleans()), min_size=1, max_size=4).map(_zip),
    lambda inner: st.lists(
        st.tuples(member_names, inner, st.booleans()), min_size=1, max_size=3
    ).map(_zip),
    max_leaves=4,
)


@SETTINGS
@given(archive=zip_members)
def test_random_zip_archives_never_crash(tmp_path_factory: object, archive: bytes) -> None:
    folder = tmp_path_factory.mktemp("zip")  # type: ignore[attr-defined]
    path = folder / "a.zip"
    path.write_bytes(archive)
    _check([str(path)])
    cut = folder / "cut.zip"
    cut.write_bytes(archive[: len(archive) // 2])
    _check([str(cut)])


file_names = st.binary(min_size=1, max_size=30).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b"..")
)
file_data = st.one_of(
    st.binary(max_size=300),
    st.just(ARTICLE.encode("utf-8")),
    st.just(ARTICLE.encode("utf-16")),
    st.just(b'{"text": "\\ud800"}\n{"text": "x"}\n'),
)


@SETTINGS
@given(files=st.dictionaries(file_names, file_data, min_size=1, max_size=5))
def test_random_file_names_are_read_or_listed(
    tmp_path_factory: object, files: dict[bytes, bytes]
) -> None:
    folder = os.fsencode(tmp_path_factory.mktemp("names"))  # type: ignore[attr-defined]
    for name, data in files.items():
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(data)
    paths = [os.fsdecode(os.path.join(folder, name)) for name in files]
    items = _check(paths)
    # read as a folder, the same files are each read or listed, and nothing else appears
    walked = _check([os.fsdecode(folder)])
    for path in paths:
        shown = display_source(path)
        assert any(i.source == shown or i.source.startswith(shown + ":") for i in walked), shown
    assert len([i for i in walked if isinstance(i, Page)]) <= len(
        [i for i in items if isinstance(i, Page)]
    )


@SETTINGS
@given(
    contents=st.lists(st.binary(max_size=400), min_size=1, max_size=4),
    cfg=st.builds(
        ReadConfig,
        max_bytes=st.integers(1, 500),
        max_line_bytes=st.integers(1, 200),
        max_archive_bytes=st.integers(1, 2_000),
        max_archive_members=st.integers(0, 5),
        max_compression_ratio=st.integers(1, 300),
    ),
)
def test_any_limits_on_random_bytes_never_crash(
    tmp_path_factory: object, contents: list[bytes], cfg: ReadConfig
) -> None:
    folder = Path(tmp_path_factory.mktemp("limits"))  # type: ignore[attr-defined]
    paths = []
    for i, data in enumerate(contents):
        path = folder / f"{i}.txt"
        path.write_bytes(data if i % 2 else _zip([("m.txt", data, True), ("n", data, False)]))
        paths.append(str(path))
    _check(paths, cfg)
