"""Hostile inputs for khabar's fuzz campaign (issue 15), and the check that each was accounted for.

One generator serves both ``benchmarks/fuzz.py`` (the full corpus, one ``khabar analyze``
subprocess per input) and ``tests/test_fuzz.py`` (a small sample, in-process). Every input is
written under a temporary folder by :func:`build_corpus`; nothing is downloaded and nothing
outside that folder is touched. Healthy text comes from the project's own ``examples/`` pages.

Each :class:`FuzzInput` says what must hold after analysis: every file it consists of appears in
the dossier as an article or an error entry (:func:`unaccounted`), the sources it names as
healthy come out as articles, and some strings never reach the dossier (an expanded external
entity, a ``javascript:`` link, a raw bidi override in an outlet name).
"""

from __future__ import annotations

import bz2
import codecs
import glob
import gzip
import io
import json
import lzma
import os
import random
import re
import socket
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

MIB = 1 << 20
CHUNK_BYTES = MIB
"""Size of the blocks zip bombs are written in, so a bomb never sits in memory whole."""

READABLE_ZIP_DEPTH = 3
"""Zips nested this deep are read (khabar.read.reader.MAX_NESTING); deeper ones are reported."""

PASSWD_MARK = "root:x:0:0"
"""A line of /etc/passwd: an external XML entity that was expanded would put it in the dossier."""

BIDI_OVERRIDES = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embedding, override and isolate controls: they reorder how the text around them is shown."""


@dataclass(frozen=True)
class Scale:
    """How many inputs of each kind are made and how large the big ones are."""

    name: str
    per_kind: int
    """Most inputs made of one kind (a kind with fewer variants makes fewer)."""
    big_bytes: tuple[int, ...]
    """Sizes (bytes) of the huge-line, single-line and dense inputs."""
    bomb_bytes: tuple[int, ...]
    """Uncompressed sizes (bytes) of the zip bombs' members."""
    nesting: tuple[int, ...]
    """Depths of the deep HTML nesting inputs (elements)."""
    many_files: int
    """Files in the many-files folder."""


FULL = Scale(
    name="full",
    per_kind=12,
    big_bytes=(300_000, 1_000_000, 3_000_000),
    bomb_bytes=(100 * MIB, 1024 * MIB, 3 * 1024 * MIB),
    nesting=(1_000, 20_000, 200_000, 1_000_000),
    many_files=2_000,
)
"""The benchmark's corpus: over 300 inputs of every kind, sizes up to the configured limits'
order of magnitude (pages of several MB, bombs of GB)."""

SMALL = Scale(
    name="small",
    per_kind=2,
    big_bytes=(20_000, 60_000),
    bomb_bytes=(30 * MIB,),
    nesting=(5_000,),
    many_files=30,
)
"""The unit tests' sample: one or two inputs of every kind, small enough to run in seconds."""


@dataclass(frozen=True)
class FuzzInput:
    """One hostile input on disk and what must hold after it is analysed."""

    name: str
    """Unique id, ``kind-NNN``."""
    kind: str
    path: Path
    """What is given to ``khabar analyze`` (a file, a folder or a special file)."""
    healthy: tuple[str, ...] = ()
    """Sources (path, ``path:N`` for a JSON Lines row) that must come out as articles."""
    parts: int = 0
    """Records or members the input holds, each of which needs its own entry unless the whole
    input has one."""
    forbidden_meta: tuple[str, ...] = ()
    """Strings (compared lower-case) that must not appear in any article's title, outlet, url or
    source."""
    forbidden_any: tuple[str, ...] = ()
    """Strings that must not appear anywhere in the dossier."""
    expect_text: str | None = None
    """A phrase any article made from this input must contain (decoding kept the Arabic)."""
    drop_privileges: bool = False
    """Run without the power to ignore file permissions (the input holds unreadable files)."""
    note: str = ""
    """What this variant is, in a few words."""


# --------------------------------------------------------------------------------------------
# Healthy text
# --------------------------------------------------------------------------------------------


def example_files() -> list[Path]:
    """The project's example pages (no README)."""
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.name != "README.md")


def _example(name: str) -> bytes:
    return (EXAMPLES / name).read_bytes()


HEALTHY_TXT = "almadar-2025-03-18-call.txt"
HEALTHY_HTML = "alofoq-2025-08-16-alaska.html"
HEALTHY_JSONL = "feed-2025.jsonl"
HEALTHY_PHRASES = {HEALTHY_TXT: "بوتين", HEALTHY_HTML: "بوتن"}
"""A word each healthy page holds (the outlets spell the name differently): an article decoded
as mojibake loses it."""


def _feed_records() -> list[dict[str, str]]:
    lines = _example(HEALTHY_JSONL).decode("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _vocabulary() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    return sorted(set(re.findall("[\u0621-\u064a]{2,}", text)))


def arabic_prose(rng: random.Random, n_bytes: int, newlines: bool = True) -> str:
    """About ``n_bytes`` of Arabic sentences drawn from the examples' words, none repeated (a
    repeated line would be removed as boilerplate and hide the size)."""
    words = _vocabulary()
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        sentences = [
            " ".join(rng.choice(words) for _ in range(rng.randint(8, 24))) + "."
            for _ in range(rng.randint(2, 5))
        ]
        para = " ".join(sentences)
        parts.append(para)
        size += len(para.encode("utf-8")) + 1
    return ("\n" if newlines else " ").join(parts)


def date_prose(rng: random.Random, n_bytes: int) -> str:
    """About ``n_bytes`` of text that is almost only dates, in every style the reader knows."""
    months = [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "رمضان",
        "شوال",
        "ذو الحجة",
        "تشرين الأول",
    ]
    days = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
    rel = ["أمس", "اليوم", "غدا", "الأسبوع الماضي", "الشهر المقبل", "العام الماضي", "منذ يومين"]
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        y = rng.randint(1990, 2030)
        choice = rng.randrange(5)
        if choice == 0:
            item = f"{rng.randint(1, 31)} {rng.choice(months)} {y}"
        elif choice == 1:
            item = f"{rng.randint(1, 31)}/{rng.randint(1, 12)}/{y}"
        elif choice == 2:
            item = f"يوم {rng.choice(days)} {rng.randint(1, 28)} {rng.choice(months)}"
        elif choice == 3:
            item = f"{rng.choice(rel)} {rng.choice(days)}"
        else:
            item = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        parts.append(item)
        size += len(item.encode("utf-8")) + 3
        if rng.random() < 0.1:
            parts.append("\n")
    return " و".join(parts)


def html_article(title: str, body: str, head: str = "", outlet: str = "موقع الاختبار") -> str:
    """A small article page: title, dateline and the paragraphs of ``body``."""
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}'
        f"<title>{title}</title>"
        f'<meta property="og:site_name" content="{outlet}"></head><body>'
        f"<article><h1>{title}</h1><p>نشر في 12 آذار 2025</p>{paras}</article></body></html>"
    )


# --------------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------------


def warc_bytes(records: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    """A WARC (gzipped per record when ``gz``) of HTTP responses ``(uri, payload, type)``."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, payload, content_type in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive holding ``members`` (names stored as given)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = compress
            zf.writestr(info, data)
    return out.getvalue()


def write_zip_bomb(path: Path, members: int, member_bytes: int, fill: bytes = b"\0") -> None:
    """A zip of ``members`` members, each ``member_bytes`` of ``fill`` deflated, streamed."""
    block = (fill * (CHUNK_BYTES // len(fill) + 1))[:CHUNK_BYTES]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for i in range(members):
            info = zipfile.ZipInfo(f"page-{i:05d}.txt")
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=member_bytes >= 1 << 31) as fh:
                left = member_bytes
                while left > 0:
                    fh.write(block[: min(left, CHUNK_BYTES)])
                    left -= CHUNK_BYTES


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


class _Builder:
    """Writes the inputs of one kind under ``root/kind`` with unique names."""

    def __init__(self, root: Path, scale: Scale, rng: random.Random) -> None:
        self.root = root
        self.scale = scale
        self.rng = rng
        self.kind = ""
        self.count = 0

    def folder(self) -> Path:
        path = self.root / self.kind
        path.mkdir(parents=True, exist_ok=True)
        return path

    def tag(self) -> str:
        self.count += 1
        return f"{self.kind}-{self.count:03d}"

    def file(self, data: bytes | str, suffix: str = ".txt", **kw: object) -> FuzzInput:
        name = self.tag()
        path = self.folder() / f"{name}{suffix}"
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return FuzzInput(name=name, kind=self.kind, path=path, **kw)  # type: ignore[arg-type]

    def dir(self) -> tuple[str, Path]:
        name = self.tag()
        path = self.folder() / name
        path.mkdir()
        return name, path

    def made(self, name: str, path: Path, **kw: object) -> FuzzInput:
        return FuzzInput(name=name, kind=self.kind, path=path, **kw)  # type: ignore[arg-type]


Variant = Callable[[_Builder], FuzzInput]
KINDS: dict[str, Callable[[Scale], list[Variant]]] = {}
"""Kind name -> the variants of that kind for a scale, most telling first."""


def kind(
    name: str,
) -> Callable[[Callable[[Scale], list[Variant]]], Callable[[Scale], list[Variant]]]:
    def register(fn: Callable[[Scale], list[Variant]]) -> Callable[[Scale], list[Variant]]:
        KINDS[name] = fn
        return fn

    return register


@kind("random_bytes")
def _random_bytes(scale: Scale) -> list[Variant]:
    sizes = [1, 7, 100, 4096, 65_536, 65_537, 300_000, 1_000_000]
    suffixes = [".txt", ".html", ".jsonl", ".zip", ".warc.gz", ".json", ".bin", ".csv"]
    out: list[Variant] = []
    for i, size in enumerate(sizes + sizes[2:6]):
        if scale is SMALL and size > 100_000:
            continue

        def make(
            b: _Builder, size: int = size, suffix: str = suffixes[i % len(suffixes)]
        ) -> FuzzInput:
            return b.file(b.rng.randbytes(size), suffix, note=f"{size} random bytes as {suffix}")

        out.append(make)
    return out


@kind("empty")
def _empty(scale: Scale) -> list[Variant]:
    def empty_dir(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "sub").mkdir()
        return b.made(name, path, note="folder with only an empty sub-folder")

    def empty_files_dir(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        for i, data in enumerate([b"", b"  \n", b"\xef\xbb\xbf"]):
            (path / f"{name}-{i}.txt").write_bytes(data)
        return b.made(name, path, note="folder of empty files")

    datas = [
        (b"", ".txt", "empty file"),
        (b"   \n\t\n  ", ".txt", "whitespace only"),
        (b"\n" * 10_000, ".html", "newlines only"),
        (b"\xef\xbb\xbf", ".txt", "a UTF-8 BOM only"),
        (b"\xff\xfe", ".txt", "a UTF-16 BOM only"),
        (b"\0" * 1000, ".txt", "NUL bytes only"),
        (zip_bytes({}), ".zip", "zip with no members"),
        (b"\n\n\n", ".jsonl", "JSON Lines of blank lines"),
        (b"{}\n{}\n", ".jsonl", "JSON Lines of empty objects"),
        (b"<html></html>", ".html", "empty HTML"),
    ]
    out: list[Variant] = [
        lambda b, d=d, s=s, n=n: b.file(d, s, note=n, parts=2 if n.endswith("objects") else 0)
        for d, s, n in datas
    ]
    return [out[0], empty_dir, empty_files_dir, *out[1:]]


@kind("huge_lines")
def _huge_lines(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for size in scale.big_bytes:

        def spaceless(b: _Builder, size: int = size) -> FuzzInput:
            page = _example(HEALTHY_TXT).decode("utf-8").split("\n")
            page.insert(len(page) // 2, "ب" * (size // 2))
            return b.file("\n".join(page), note=f"a healthy page with a {size}-byte word")

        def long_line(b: _Builder, size: int = size) -> FuzzInput:
            page = _example(HEALTHY_HTML).decode("utf-8")
            junk = arabic_prose(b.rng, size, newlines=False)
            page = page.replace("</article>", f"<p>{junk}</p></article>", 1)
            return b.file(page, ".html", note=f"a healthy HTML page with a {size}-byte paragraph")

        def url_line(b: _Builder, size: int = size) -> FuzzInput:
            text = "عنوان\n" + "https://x.example/" + "a/" * (size // 2) + "\n"
            return b.file(text, note=f"a {size}-byte URL")

        out += [long_line, spaceless, url_line]
    return out


@kind("huge_single_line")
def _huge_single_line(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for size in scale.big_bytes:

        def prose(b: _Builder, size: int = size) -> FuzzInput:
            return b.file(arabic_prose(b.rng, size, newlines=False), note=f"{size} bytes, one line")

        def letters(b: _Builder, size: int = size) -> FuzzInput:
            return b.file("ا" * (size // 2), note=f"{size} bytes of one letter")

        def html_one_line(b: _Builder, size: int = size) -> FuzzInput:
            body = arabic_prose(b.rng, size, newlines=False)
            return b.file(
                html_article("سطر واحد طويل", body).replace("\n", ""),
                ".html",
                note=f"{size}-byte HTML on one line",
            )

        out += [prose, letters, html_one_line]
    return out


@kind("jsonl_lone_surrogate")
def _jsonl_surrogate(scale: Scale) -> list[Variant]:
    fields = ["text", "title", "url", "outlet", "published", "html"]
    escapes = ["\\ud800", "\\udfff", "\\udbff\\udbff", "\\ud83d", "\\udc80abc"]
    out: list[Variant] = []

    def row(b: _Builder, where: str, esc: str) -> str:
        rec = dict(_feed_records()[b.rng.randrange(3)])
        line = json.dumps(rec, ensure_ascii=False)
        if where == "html":
            return line[:-1] + f', "html": "<p>{esc}</p>"}}'
        if where == "key":
            return line[:-1] + f', "{esc}": 1}}'
        if where in rec:
            value = json.dumps(rec[where], ensure_ascii=False)[1:-1]
            return line.replace(value, value[: len(value) // 2] + esc + value[len(value) // 2 :], 1)
        return line[:-1] + f', "{where}": "{esc}"}}'

    for i, where in enumerate([*fields, "key", "text", "title", "outlet", "url"]):

        def make(
            b: _Builder, where: str = where, esc: str = escapes[i % len(escapes)]
        ) -> FuzzInput:
            healthy_rows = [json.dumps(r, ensure_ascii=False) for r in _feed_records()]
            rows = [healthy_rows[0], row(b, where, esc), healthy_rows[1], healthy_rows[2]]
            inp = b.file("\n".join(rows) + "\n", ".jsonl", parts=4, note=f"{esc} in {where}")
            healthy = tuple(f"{inp.path}:{n}" for n in (1, 3, 4))
            return FuzzInput(**{**inp.__dict__, "healthy": healthy})

        out.append(make)
    return out


def _odd_name_file(b: _Builder, raw_name: bytes, note: str, data: bytes | None = None) -> FuzzInput:
    name = b.tag()
    folder = os.fsencode(b.folder())
    path = folder + b"/" + name.encode() + raw_name
    with open(path, "wb") as fh:
        fh.write(_example(HEALTHY_TXT) if data is None else data)
    shown = Path(os.fsdecode(path))
    return FuzzInput(
        name=name, kind=b.kind, path=shown, healthy=(str(shown),) if data is None else (), note=note
    )


@kind("non_utf8_filename")
def _non_utf8_names(scale: Scale) -> list[Variant]:
    names = [
        (b"-\xff\xfe.txt", "bytes FF FE"),
        (b"-\xc3\x28.txt", "a broken two-byte sequence"),
        ("-خبر".encode("cp1256") + b".txt", "an Arabic name in windows-1256"),
        (b"-\xed\xa0\x80.txt", "an encoded surrogate"),
        (b"-\xe2\x82.html", "a truncated three-byte sequence"),
        (b"-caf\xe9.txt", "a Latin-1 name"),
        (b"-\x80\x81\x82.jsonl", "continuation bytes only"),
        (b"-\xf8\x88\x80\x80\x80.txt", "a five-byte sequence"),
    ]
    out: list[Variant] = []
    for raw, note in names:
        if raw.endswith(b".jsonl"):
            out.append(
                lambda b, raw=raw, note=note: _odd_name_file(b, raw, note, _example(HEALTHY_JSONL))
            )
        else:
            out.append(lambda b, raw=raw, note=note: _odd_name_file(b, raw, note))

    def bad_folder(b: _Builder) -> FuzzInput:
        name = b.tag()
        folder = os.fsencode(b.folder()) + b"/" + name.encode() + b"-\xff\xfe"
        os.mkdir(folder)
        for i in range(2):
            with open(folder + f"/page-{i}-\xe9".encode("latin-1") + b".txt", "wb") as fh:
                fh.write(_example(HEALTHY_TXT if i == 0 else "alhadath-2025-10-17-budapest.txt"))
        return FuzzInput(
            name=name,
            kind=b.kind,
            path=Path(os.fsdecode(folder)),
            note="a folder and files with names that are not UTF-8",
        )

    def zip_member(b: _Builder) -> FuzzInput:
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as zf:
            info = zipfile.ZipInfo("page-\u00e9\u00ff.txt")
            zf.writestr(info, _example(HEALTHY_TXT))
        raw = bytearray(data.getvalue())
        return b.file(bytes(raw), ".zip", parts=1, note="a zip member with a non-ASCII name")

    return [out[0], bad_folder, *out[1:], zip_member]


@kind("truncated_warc")
def _truncated_warc(scale: Scale) -> list[Variant]:
    recs = [
        ("https://a.example/1", _example(HEALTHY_HTML), "text/html; charset=utf-8"),
        ("https://a.example/2", _example("nabd-2025-08-16-alaska.html"), "text/html"),
        ("https://a.example/3", _example("alofoq-2025-03-19-call.html"), "text/html"),
    ]
    out: list[Variant] = []
    cuts = [0.03, 0.3, 0.5, 0.97, 10, 200]  # fractions, or absolute byte counts
    for gz in (False, True):
        for cut in cuts:

            def make(b: _Builder, gz: bool = gz, cut: float = cut) -> FuzzInput:
                data = warc_bytes(recs, gz)
                at = int(cut) if cut >= 1 else int(len(data) * cut)
                suffix = ".warc.gz" if gz else ".warc"
                return b.file(data[:at], suffix, note=f"{'gz ' if gz else ''}WARC cut at {at}")

            out.append(make)

    def corrupt_middle(b: _Builder) -> FuzzInput:
        data = bytearray(warc_bytes(recs, True))
        mid = len(data) // 2
        data[mid : mid + 64] = b.rng.randbytes(64)
        return b.file(bytes(data), ".warc.gz", note="gz WARC with 64 bytes scrambled mid-way")

    return [out[0], out[7], out[3], corrupt_middle, *out[1:3], *out[4:7], *out[8:]]


@kind("zip_bomb")
def _zip_bomb(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for size in scale.bomb_bytes:
        out.append(lambda b, size=size: _bomb(b, 1, size, b"\0", f"one member of {size} zeros"))
    out.append(lambda b: _bomb(b, 1, scale.bomb_bytes[0], "خبر ".encode(), "one member of a word"))
    small = 999_000  # just under the size from which the compression ratio is checked
    count = 2_000 if scale is FULL else 20
    out.append(lambda b: _bomb(b, count, small, b"\0", f"{count} members of {small} zeros"))
    out.append(lambda b: _bomb(b, count, small, b" ", f"{count} members of {small} spaces"))
    out.append(lambda b: _bomb(b, 20_000 if scale is FULL else 200, 10, b"x", "many tiny members"))
    out.append(lambda b: _bomb(b, 3, scale.bomb_bytes[1 % len(scale.bomb_bytes)], b"\0", "3 bombs"))

    def lying_sizes(b: _Builder) -> FuzzInput:
        data = bytearray(zip_bytes({"page.txt": b"\0" * (5 * MIB)}))
        # declare 100 bytes in the central directory, keep 5 MB of data behind it
        cd = data.rfind(b"PK\x01\x02")
        data[cd + 24 : cd + 28] = (100).to_bytes(4, "little")
        data[22:26] = (100).to_bytes(4, "little")
        return b.file(bytes(data), ".zip", note="a member that declares 100 bytes and holds 5 MB")

    return [out[0], out[3], out[4], lying_sizes, *out[1:3], *out[5:]]


def _bomb(b: _Builder, members: int, size: int, fill: bytes, note: str) -> FuzzInput:
    name = b.tag()
    path = b.folder() / f"{name}.zip"
    write_zip_bomb(path, members, size, fill)
    return b.made(name, path, note=note)


@kind("nested_zip")
def _nested_zip(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for depth in (2, 3, 4, 6, 10):

        def healthy(b: _Builder, depth: int = depth) -> FuzzInput:
            data = _example(HEALTHY_TXT)
            inner = "page.txt"
            for level in range(depth):
                data = zip_bytes({inner: data}, zipfile.ZIP_STORED)
                inner = f"level{level}.zip"
            inp = b.file(data, ".zip", note=f"a healthy page {depth} zips deep")
            if depth > READABLE_ZIP_DEPTH:
                return inp
            chain = "".join(f"!level{level}.zip" for level in range(depth - 2, -1, -1))
            return FuzzInput(**{**inp.__dict__, "healthy": (f"{inp.path}{chain}!page.txt",)})

        out.append(healthy)

    def fanout(b: _Builder) -> FuzzInput:
        leaf = io.BytesIO()
        with zipfile.ZipFile(leaf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("zeros.txt", b"\0" * (20 * MIB if scale is FULL else 2 * MIB))
        data = leaf.getvalue()
        for _level in range(3):
            data = zip_bytes({f"z{i}.zip": data for i in range(8)}, zipfile.ZIP_STORED)
        return b.file(data, ".zip", note="42.zip style: 8 x 8 x 8 zips of zero members")

    def budget(b: _Builder) -> FuzzInput:
        members = {
            f"inner{i}.zip": zip_bytes({f"p{j}.txt": b"\0" * 900_000 for j in range(40)})
            for i in range(20 if scale is FULL else 2)
        }
        return b.file(
            zip_bytes(members, zipfile.ZIP_STORED),
            ".zip",
            note="zips of zips of 900 KB zero members (ratio under the check's size)",
        )

    def mixed(b: _Builder) -> FuzzInput:
        inner = zip_bytes(
            {
                "a.txt": _example(HEALTHY_TXT),
                "b.bin": b.rng.randbytes(500),
                "c.jsonl": _example(HEALTHY_JSONL),
            }
        )
        data = zip_bytes(
            {
                "inner.zip": inner,
                "page.html": _example(HEALTHY_HTML),
                "broken.zip": inner[: len(inner) // 2],
            }
        )
        return b.file(
            data, ".zip", parts=3, note="nested zip with healthy, binary and broken parts"
        )

    def warc_in_zip(b: _Builder) -> FuzzInput:
        warc = warc_bytes([("https://a.example/x", _example(HEALTHY_HTML), "text/html")], True)
        return b.file(
            zip_bytes({"crawl.warc.gz": warc[: len(warc) - 40]}),
            ".zip",
            note="a truncated WARC inside a zip",
        )

    return [out[1], fanout, mixed, budget, warc_in_zip, out[0], *out[2:]]


@kind("deep_html_nesting")
def _deep_html(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for depth in scale.nesting:
        for tag in ("div", "b", "table"):

            def make(b: _Builder, depth: int = depth, tag: str = tag) -> FuzzInput:
                body = arabic_prose(b.rng, 2_000)
                inner = "".join(f"<p>{p}</p>" for p in body.split("\n"))
                if tag == "table":
                    open_, close = "<table><tr><td>" * depth, "</td></tr></table>" * depth
                elif tag == "b":
                    open_, close = "<b>" * depth, ""  # never closed
                else:
                    open_, close = "<div>" * depth, "</div>" * depth
                page = f"<html><head><title>تداخل عميق</title></head><body>{open_}{inner}{close}"
                return b.file(page, ".html", note=f"{depth} nested <{tag}>")

            out.append(make)
    return out


LOL = '<!ENTITY lol{n} "{body}">'


def _laughs(levels: int, fan: int) -> str:
    ents = ['<!ENTITY lol0 "ضحك">']
    for n in range(1, levels):
        ents.append(LOL.format(n=n, body=f"&lol{n - 1};" * fan))
    return "<!DOCTYPE lolz [" + "".join(ents) + "]>"


@kind("billion_laughs")
def _billion_laughs(scale: Scale) -> list[Variant]:
    def xml(b: _Builder) -> FuzzInput:
        doc = f'<?xml version="1.0"?>{_laughs(10, 10)}<lolz>&lol9;</lolz>'
        return b.file(doc, ".xml", note="classic billion laughs XML")

    def html(b: _Builder) -> FuzzInput:
        doc = (
            f"{_laughs(10, 10)}<html><head><title>&lol9;</title></head><body><p>&lol9;</p>"
            f"<p>{arabic_prose(b.rng, 800)}</p></body></html>"
        )
        return b.file(doc, ".html", note="billion laughs in an HTML page")

    def quadratic(b: _Builder) -> FuzzInput:
        ent = '<!DOCTYPE x [<!ENTITY a "' + "ب" * 50_000 + '">]>'
        doc = f'<?xml version="1.0"?>{ent}<x>' + "&a;" * 50_000 + "</x>"
        return b.file(doc, ".xml", note="quadratic blowup (50k x 50k characters)")

    def xxe(b: _Builder, suffix: str = ".xml") -> FuzzInput:
        doc = (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f"<html><body><h1>عنوان</h1><p>&x;</p><p>{arabic_prose(b.rng, 800)}</p></body></html>"
        )
        return b.file(doc, suffix, forbidden_any=(PASSWD_MARK,), note="external entity /etc/passwd")

    def xxe_param(b: _Builder) -> FuzzInput:
        doc = (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
            f"<r><p>{arabic_prose(b.rng, 800)}</p></r>"
        )
        return b.file(doc, ".xml", forbidden_any=(PASSWD_MARK,), note="parameter entity XXE")

    def warc(b: _Builder) -> FuzzInput:
        doc = f'<?xml version="1.0"?>{_laughs(10, 10)}<html><body><p>&lol9;</p></body></html>'
        return b.file(
            warc_bytes([("https://x.example/", doc.encode(), "text/html")], True),
            ".warc.gz",
            note="billion laughs in a WARC record",
        )

    def jsonl(b: _Builder) -> FuzzInput:
        doc = f"{_laughs(10, 10)}<html><body><p>&lol9;</p></body></html>"
        rec = {"url": "https://x.example/a", "title": "ضحك", "html": doc}
        return b.file(
            json.dumps(rec, ensure_ascii=False) + "\n",
            ".jsonl",
            parts=1,
            note="billion laughs in a JSON Lines html field",
        )

    def deep_ent(b: _Builder) -> FuzzInput:
        doc = f'<?xml version="1.0"?>{_laughs(40, 2)}<r>&lol39;</r>'
        return b.file(doc, ".xml", note="40 levels of doubling entities")

    def svg(b: _Builder) -> FuzzInput:
        doc = f'<?xml version="1.0"?>{_laughs(10, 10)}<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>'
        return b.file(doc, ".svg", note="billion laughs in SVG")

    return [
        xml,
        xxe,
        html,
        quadratic,
        xxe_param,
        lambda b: xxe(b, ".html"),
        warc,
        jsonl,
        deep_ent,
        svg,
    ]


@kind("mixed_boms")
def _mixed_boms(scale: Scale) -> list[Variant]:
    text = _example(HEALTHY_TXT).decode("utf-8")
    u8, u16le, u16be = text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")
    cases = [
        (codecs.BOM_UTF8 + u16le, "UTF-8 BOM before UTF-16-LE text"),
        (codecs.BOM_UTF16_LE + u8, "UTF-16-LE BOM before UTF-8 text"),
        (codecs.BOM_UTF16_BE + u16le, "UTF-16-BE BOM before UTF-16-LE text"),
        (codecs.BOM_UTF8 * 2 + u8, "two UTF-8 BOMs"),
        (codecs.BOM_UTF32_LE + u8, "UTF-32 BOM before UTF-8 text"),
        (codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + u16le, "UTF-8 then UTF-16 BOM"),
        (u8[: len(u8) // 2] + codecs.BOM_UTF16_BE + u16be, "UTF-8 then a UTF-16-BE BOM and text"),
        (codecs.BOM_UTF8 + text.encode("cp1256"), "UTF-8 BOM before windows-1256 text"),
        (codecs.BOM_UTF16_LE + u16be, "UTF-16-LE BOM before UTF-16-BE text"),
        (codecs.BOM_UTF16_LE + u16le[:-1], "UTF-16-LE with an odd byte count"),
    ]
    out: list[Variant] = [lambda b, d=d, n=n: b.file(d, note=n) for d, n in cases]

    def jsonl_boms(b: _Builder) -> FuzzInput:
        rows = [
            codecs.BOM_UTF8 + json.dumps(r, ensure_ascii=False).encode() for r in _feed_records()
        ]
        return b.file(b"\n".join(rows) + b"\n", ".jsonl", parts=3, note="a BOM on every JSONL row")

    return [*out[:3], jsonl_boms, *out[3:]]


@kind("stray_bytes_utf8")
def _stray_bytes(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for count in (1, 2, 3, 10, 100, 1000):
        for name in (HEALTHY_TXT, HEALTHY_HTML):

            def make(b: _Builder, count: int = count, name: str = name) -> FuzzInput:
                data = bytearray(_example(name))
                for _ in range(count):
                    at = b.rng.randrange(len(data))
                    data[at:at] = bytes([b.rng.randrange(0x80, 0x100)])
                return b.file(
                    bytes(data),
                    Path(name).suffix,
                    expect_text=HEALTHY_PHRASES[name],
                    note=f"{count} stray bytes in a UTF-8 Arabic page",
                )

            out.append(make)

    def overlong(b: _Builder) -> FuzzInput:
        data = _example(HEALTHY_TXT) + b"\xc0\xaf\xe0\x80\xaf\xed\xa0\x80\xf4\x90\x80\x80"
        phrase = HEALTHY_PHRASES[HEALTHY_TXT]
        return b.file(data, expect_text=phrase, note="overlong and surrogate encodings")

    def cut_char(b: _Builder) -> FuzzInput:
        data = _example(HEALTHY_TXT)
        return b.file(
            data + "ب".encode()[:1],
            expect_text=HEALTHY_PHRASES[HEALTHY_TXT],
            note="ends inside a two-byte character",
        )

    return [out[0], out[3], out[5], overlong, cut_char, *out[1:3], out[4], *out[6:]]


@kind("only_punctuation")
def _only_punct(scale: Scale) -> list[Variant]:
    sets = ["!?.,;:", "،؛؟…«»", "-_=+*/\\|", "()[]{}<>", "\"'`", "۔٪٫٬", "•·–—"]
    out: list[Variant] = []
    for i, chars in enumerate(sets):
        for size in (1_000, scale.big_bytes[min(1, len(scale.big_bytes) - 1)]):

            def make(b: _Builder, chars: str = chars, size: int = size, i: int = i) -> FuzzInput:
                parts = []
                n = 0
                while n < size:
                    piece = "".join(b.rng.choice(chars) for _ in range(b.rng.randint(1, 80)))
                    parts.append(piece)
                    n += len(piece.encode()) + 1
                sep = "\n" if i % 2 else " "
                return b.file(
                    sep.join(parts),
                    ".html" if i == 3 else ".txt",
                    note=f"{size} bytes of {chars!r}",
                )

            out.append(make)
    return out


@kind("only_digits")
def _only_digits(scale: Scale) -> list[Variant]:
    sets = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "0123456789٠١٢٣٤٥٦٧٨٩/-.:"]
    out: list[Variant] = []
    for chars in sets:
        for size in (500, 50_000, scale.big_bytes[min(1, len(scale.big_bytes) - 1)]):

            def make(b: _Builder, chars: str = chars, size: int = size) -> FuzzInput:
                text = "".join(
                    b.rng.choice(chars) if b.rng.random() > 0.1 else b.rng.choice(" \n")
                    for _ in range(size // len(chars[0].encode()))
                )
                return b.file(text, note=f"{size} bytes of {chars[:3]}... digits")

            out.append(make)
    return out


@kind("dense_dates")
def _dense_dates(scale: Scale) -> list[Variant]:
    out: list[Variant] = []
    for size in (5_000, *scale.big_bytes):

        def text(b: _Builder, size: int = size) -> FuzzInput:
            return b.file("تواريخ كثيرة\n" + date_prose(b.rng, size), note=f"{size} bytes of dates")

        def html(b: _Builder, size: int = size) -> FuzzInput:
            return b.file(
                html_article("تواريخ", date_prose(b.rng, size)),
                ".html",
                note=f"{size}-byte HTML page of dates",
            )

        out += [text, html]

    def jsonl_published(b: _Builder) -> FuzzInput:
        values = [
            "2025-13-45",
            "0000-00-00",
            "9999-12-31T99:99",
            "-1",
            "1e309",
            "غدا",
            "12 رمضان 99999",
            "",
            "2025-02-30",
            "١٢/٠٣/٢٠٢٥",
        ]
        rows = []
        for v in values:
            rec = dict(_feed_records()[0], published=v)
            rows.append(json.dumps(rec, ensure_ascii=False))
        return b.file(
            "\n".join(rows) + "\n",
            ".jsonl",
            parts=len(values),
            note="JSONL rows with impossible publish dates",
        )

    return [out[0], out[2], jsonl_published, out[1], *out[3:]]


@kind("bidi_controls")
def _bidi(scale: Scale) -> list[Variant]:
    def outlet(b: _Builder) -> FuzzInput:
        rec = dict(_feed_records()[0], outlet="\u202eرادملا\u202c")
        inp = b.file(
            json.dumps(rec, ensure_ascii=False) + "\n",
            ".jsonl",
            parts=1,
            forbidden_meta=("\u202e",),
            note="RLO in an outlet name",
        )
        return FuzzInput(**{**inp.__dict__, "healthy": (f"{inp.path}:1",)})

    def title(b: _Builder) -> FuzzInput:
        page = _example(HEALTHY_HTML).decode().replace("<title>", "<title>\u202e\u2066", 1)
        return b.file(
            page, ".html", forbidden_meta=("\u202e", "\u2066"), note="RLO and LRI in an HTML title"
        )

    def body(b: _Builder) -> FuzzInput:
        text = "".join(
            c + (b.rng.choice(BIDI_OVERRIDES) if b.rng.random() < 0.2 else "")
            for c in _example(HEALTHY_TXT).decode()
        )
        return b.file(text, note="bidi controls sprinkled through a page")

    def unmatched(b: _Builder) -> FuzzInput:
        return b.file("\u202e" * 50_000 + _example(HEALTHY_TXT).decode(), note="50k unmatched RLO")

    def name(b: _Builder) -> FuzzInput:
        raw = "-\u202etxt.exe".encode() + b".txt"
        return _odd_name_file(b, raw, "RLO in a file name")

    def only(b: _Builder) -> FuzzInput:
        return b.file(
            "".join(
                b.rng.choice(BIDI_OVERRIDES + "\u200c\u200d\u200e\u200f") for _ in range(20_000)
            ),
            note="only bidi and zero-width characters",
        )

    def outlet_html(b: _Builder) -> FuzzInput:
        page = (
            _example(HEALTHY_HTML)
            .decode()
            .replace('og:site_name" content="', 'og:site_name" content="\u202e\u2067', 1)
        )
        return b.file(
            page, ".html", forbidden_meta=("\u202e", "\u2067"), note="RLO in og:site_name"
        )

    def marks(b: _Builder) -> FuzzInput:
        text = _example(HEALTHY_TXT).decode().replace(" ", " \u200f\u200e\u061c", 400)
        return b.file(text, note="RLM, LRM and ALM between words")

    return [outlet, title, body, unmatched, name, only, outlet_html, marks]


@kind("javascript_urls")
def _js_urls(scale: Scale) -> list[Variant]:
    urls = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        " javascript:void(0)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "java\tscript:alert(1)",
        "javascript&#58;alert(1)",
        "\x01javascript:alert(1)",
    ]
    out: list[Variant] = []
    for i, url in enumerate(urls):

        def jsonl(b: _Builder, url: str = url) -> FuzzInput:
            rec = dict(_feed_records()[1], url=url)
            inp = b.file(
                json.dumps(rec, ensure_ascii=False) + "\n",
                ".jsonl",
                parts=1,
                forbidden_meta=("javascript:", "vbscript:", "data:text"),
                note=f"url {url!r} in JSONL",
            )
            return FuzzInput(**{**inp.__dict__, "healthy": (f"{inp.path}:1",)})

        out.append(jsonl)
        if i < 4:

            def html(b: _Builder, url: str = url) -> FuzzInput:
                page = _example(HEALTHY_HTML).decode()
                page = re.sub(r'og:url" content="[^"]*"', f'og:url" content="{url}"', page)
                page = page.replace("<head>", f'<head><link rel="canonical" href="{url}">', 1)
                return b.file(
                    page,
                    ".html",
                    forbidden_meta=("javascript:", "vbscript:", "data:text"),
                    note=f"og:url and canonical {url!r}",
                )

            out.append(html)
    return out


@kind("csv_export")
def _csv(scale: Scale) -> list[Variant]:
    recs = _feed_records()

    def table(sep: str, quote_all: bool = False) -> str:
        keys = ["url", "title", "text", "published", "outlet"]
        rows = [sep.join(keys)]
        for r in recs:
            cells = [r[k].replace('"', '""') for k in keys]
            rows.append(
                sep.join(f'"{c}"' if quote_all or sep in c or "\n" in c else c for c in cells)
            )
        return "\r\n".join(rows) + "\r\n"

    def excel(b: _Builder) -> FuzzInput:
        return b.file(
            codecs.BOM_UTF16_LE + table("\t").encode("utf-16-le"),
            ".csv",
            note="Excel Unicode text (UTF-16 TSV)",
        )

    cases = [
        (table(","), ".csv", "CSV with quoted multi-line cells"),
        (table("\t"), ".tsv", "TSV"),
        (table(";", True), ".csv", "semicolon CSV, all quoted"),
        (table(",").replace("https", '=HYPERLINK("https'), ".csv", "spreadsheet formulas"),
        (codecs.BOM_UTF8.decode("utf-8") + table(","), ".csv", "CSV with a BOM"),
        (table(",").replace('"', ""), ".csv", "CSV with broken quoting"),
        (
            "url,title\n" + "\n".join(f"https://x.example/{i},عنوان {i}" for i in range(5000)),
            ".csv",
            "a 5000-row link list",
        ),
        (table(",").encode("utf-8").decode("utf-8")[:300], ".csv", "a CSV cut mid-row"),
    ]
    out: list[Variant] = [lambda b, t=t, s=s, n=n: b.file(t, s, note=n) for t, s, n in cases]
    return [out[0], excel, *out[1:]]


@kind("json_not_jsonl")
def _json(scale: Scale) -> list[Variant]:
    recs = _feed_records()
    cases: list[tuple[str, int, str]] = [
        (json.dumps(recs, ensure_ascii=False, indent=2), 3, "a pretty-printed JSON array"),
        (json.dumps(recs[0], ensure_ascii=False, indent=2), 0, "one pretty-printed object"),
        (json.dumps({"articles": recs}, ensure_ascii=False), 0, "records under a key"),
        ("[" * 100_000 + "]" * 100_000, 0, "an array nested 100k deep"),
        ('{"a":' * 50_000 + "1" + "}" * 50_000, 0, "an object nested 50k deep"),
        ("42", 0, "a bare number"),
        ("null", 0, "null"),
        ('"' + "نص " * 1000 + '"', 0, "a bare string"),
        (json.dumps(recs, ensure_ascii=False)[:-40], 0, "a JSON array cut short"),
        (
            "[" + ", ".join(json.dumps(r, ensure_ascii=False) for r in recs) + ",]",
            0,
            "a trailing comma",
        ),
        ('[{"title": NaN, "text": Infinity}]', 0, "NaN and Infinity"),
        ("[" + "1" * 5000 + "]", 0, "a 5000-digit number"),
    ]
    return [lambda b, t=t, p=p, n=n: b.file(t, ".json", parts=p, note=n) for t, p, n in cases]


@kind("symlink_loop")
def _symlinks(scale: Scale) -> list[Variant]:
    def self_loop(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        os.symlink(".", path / "again")
        os.symlink("..", path / "up")
        return b.made(
            name,
            path,
            healthy=(str(path / "page.txt"),),
            note="a folder linking to itself and its parent",
        )

    def mutual(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "x").mkdir()
        (path / "y").mkdir()
        os.symlink("../y", path / "x" / "to-y")
        os.symlink("../x", path / "y" / "to-x")
        (path / "y" / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, note="two folders linking to each other")

    def file_loop(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.symlink("b.txt", path / "a.txt")
        os.symlink("a.txt", path / "b.txt")
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(
            name,
            path,
            healthy=(str(path / "page.txt"),),
            note="two file links pointing at each other",
        )

    def top_loop(b: _Builder) -> FuzzInput:
        name = b.tag()
        path = b.folder() / f"{name}.txt"
        os.symlink(path.name, path)
        return b.made(name, path, note="a link to itself given directly")

    def dangling(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.symlink("/nonexistent/khabar-fuzz", path / "gone.txt")
        return b.made(name, path, note="a dangling link")

    def chain(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "real.txt").write_bytes(_example(HEALTHY_TXT))
        prev = "real.txt"
        for i in range(60):
            os.symlink(prev, path / f"l{i:02d}.txt")
            prev = f"l{i:02d}.txt"
        return b.made(name, path, note="a chain of 60 links (past the kernel's 40)")

    def glob_loop(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.symlink(".", path / "loop")
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path / "**" / "*.txt", note="a recursive glob over a self-link")

    def deep_links(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        cur = path
        for i in range(30):
            cur = cur / f"d{i}"
            cur.mkdir()
            os.symlink(os.path.relpath(path, cur), cur / "top")
        (cur / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, note="30 nested folders, each linking back to the top")

    def to_device(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.symlink("/dev/zero", path / "zero.txt")
        os.symlink("/dev/urandom", path / "random.html")
        return b.made(name, path, note="links to /dev/zero and /dev/urandom")

    def hidden_link(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.symlink(".", path / ".hidden")
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, note="a hidden self-link")

    return [
        self_loop,
        mutual,
        file_loop,
        top_loop,
        dangling,
        chain,
        glob_loop,
        deep_links,
        to_device,
        hidden_link,
    ]


@kind("unreadable")
def _unreadable(scale: Scale) -> list[Variant]:
    def file000(b: _Builder) -> FuzzInput:
        inp = b.file(_example(HEALTHY_TXT), drop_privileges=True, note="mode 000 file")
        inp.path.chmod(0)
        return inp

    def folder000(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        path.chmod(0)
        return b.made(name, path, drop_privileges=True, note="mode 000 folder")

    def inner000(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "ok.txt").write_bytes(_example(HEALTHY_TXT))
        (path / "locked").mkdir()
        (path / "locked" / "page.txt").write_bytes(_example(HEALTHY_TXT))
        (path / "locked").chmod(0)
        (path / "no.txt").write_bytes(_example(HEALTHY_TXT))
        (path / "no.txt").chmod(0)
        return b.made(
            name,
            path,
            healthy=(str(path / "ok.txt"),),
            drop_privileges=True,
            note="a folder with an unreadable file and sub-folder",
        )

    def listonly(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        path.chmod(stat.S_IRUSR)
        return b.made(name, path, drop_privileges=True, note="folder readable but not searchable")

    def fifo(b: _Builder) -> FuzzInput:
        name = b.tag()
        path = b.folder() / f"{name}.txt"
        os.mkfifo(path)
        return b.made(name, path, note="a named pipe")

    def fifo_in_dir(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        os.mkfifo(path / "pipe.html")
        (path / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, healthy=(str(path / "page.txt"),), note="a pipe in a folder")

    def sock(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        s = socket.socket(socket.AF_UNIX)
        try:
            s.bind(str(path / "sock.txt"))
        finally:
            s.close()
        return b.made(name, path, note="a unix socket in a folder")

    def device(b: _Builder) -> FuzzInput:
        name = b.tag()
        path = b.folder() / f"{name}.txt"
        os.symlink("/dev/zero", path)
        return b.made(name, path, note="/dev/zero given directly (through a link)")

    def zip000(b: _Builder) -> FuzzInput:
        inp = b.file(
            zip_bytes({"p.txt": _example(HEALTHY_TXT)}),
            ".zip",
            drop_privileges=True,
            note="mode 000 zip",
        )
        inp.path.chmod(0)
        return inp

    def write_only(b: _Builder) -> FuzzInput:
        inp = b.file(_example(HEALTHY_JSONL), ".jsonl", drop_privileges=True, note="mode 200 JSONL")
        inp.path.chmod(stat.S_IWUSR)
        return inp

    return [
        file000,
        folder000,
        inner000,
        fifo,
        listonly,
        fifo_in_dir,
        sock,
        device,
        zip000,
        write_only,
    ]


@kind("html_garbage")
def _html_garbage(scale: Scale) -> list[Variant]:
    prose = "\n".join(["خبر عاجل عن اجتماع المجلس في العاصمة اليوم"] * 3)
    cases = [
        ("<html><body><p>" + prose + "<p><div><span><a href=", "unclosed tags, cut mid-attribute"),
        ("<html><body><!-- " + prose * 50, "an unclosed comment"),
        ("<html><script>" + "var a=1;" * 20_000 + "</script></html>", "script only"),
        ("<div " + " ".join(f'a{i}="{i}"' for i in range(50_000)) + ">نص</div>", "50k attributes"),
        ("<plaintext><p>" + prose, "plaintext element"),
        ("<html><body><![CDATA[" + prose + "]]></body></html>", "CDATA in HTML"),
        ("<html>\0<body>\0<p>" + prose + "</p>\0</body></html>", "NUL bytes in tags"),
        (
            '<html><head><meta charset="x-no-such-charset"></head><body><p>' + prose,
            "unknown charset",
        ),
        (
            '<html><head><meta charset="utf-7"></head><body>'
            "+ADw-script+AD4-alert(1)+ADw-/script+AD4-<p>" + prose,
            "UTF-7 declared",
        ),
        (
            '<html><head><meta charset="utf-16"></head><body><p>' + prose,
            "UTF-16 declared, UTF-8 given",
        ),
        ("<" * 100_000, "100k '<'"),
        ("<html>" + "<p></p>" * 100_000 + "</html>", "100k empty paragraphs"),
        (
            "<svg><foreignObject><math><mi><mglyph><style><img src=x onerror=alert(1)>" + prose,
            "namespace confusion",
        ),
    ]
    out: list[Variant] = [lambda b, t=t, n=n: b.file(t, ".html", note=n) for t, n in cases]
    return out


@kind("control_chars")
def _control(scale: Scale) -> list[Variant]:
    text = _example(HEALTHY_TXT).decode()
    cases = [
        (text.replace(" ", "\0", 30), "NUL bytes between words"),
        (text.replace("\n", "\r"), "old Mac line ends"),
        (text.replace("\n", "\u2028"), "U+2028 line separators"),
        (
            "".join(c + ("\x1b[31m" if i % 50 == 0 else "") for i, c in enumerate(text)),
            "ANSI escapes",
        ),
        (text.replace("ا", "ا\ufeff"), "BOM characters inside words"),
        (text.replace("ب", "بـــــــــــــــــــ"), "long tatweel"),
        ("ب" + "\u064e\u0651\u064f" * 30_000 + text, "90k stacked diacritics"),
        (text.replace("\n", "\x0c\x0b\n"), "form feeds and vertical tabs"),
        ("".join(chr(c) for c in range(1, 32)) * 1000, "C0 controls only"),
        (text.replace(" ", "\u00a0\u2009\u200b"), "odd spaces"),
        ("\ufffd" * 10_000 + text, "10k replacement characters first"),
        (text + "\U0001f600" * 5_000, "5k emoji"),
    ]
    return [lambda b, t=t, n=n: b.file(t, note=n) for t, n in cases]


@kind("odd_encodings")
def _encodings(scale: Scale) -> list[Variant]:
    text = _example(HEALTHY_TXT).decode()
    cases: list[tuple[bytes, str]] = [
        (text.encode("cp1256"), "windows-1256"),
        (text.encode("iso8859_6", "replace"), "ISO-8859-6 (lossy)"),
        (text.encode("utf-16-le"), "UTF-16-LE without BOM"),
        (text.encode("utf-16-be"), "UTF-16-BE without BOM"),
        (text.encode("utf-32"), "UTF-32"),
        (text.encode("cp864", "replace"), "DOS Arabic cp864"),
        (text.encode("mac_arabic", "replace"), "Mac Arabic"),
        (text.encode("cp037", "replace"), "EBCDIC"),
        (text.encode("gb18030"), "GB18030"),
        (text.encode("utf-7"), "UTF-7"),
        (text.encode("utf-8").decode("latin-1").encode("utf-8"), "double-encoded UTF-8"),
        (text.encode("cp1256").decode("latin-1").encode("utf-8"), "windows-1256 read as Latin-1"),
    ]
    return [lambda b, d=d, n=n: b.file(d, note=n) for d, n in cases]


@kind("jsonl_malformed")
def _jsonl_malformed(scale: Scale) -> list[Variant]:
    good = json.dumps(_feed_records()[0], ensure_ascii=False)
    big = scale is FULL
    rows: list[tuple[list[str], str]] = [
        ([good, '{"title": "x", "text": ', good], "a broken line between good ones"),
        ([good, '{"title": 123, "text": ["a", "b"], "url": {"x": 1}}'], "fields of the wrong type"),
        ([good, '{"text": "' + "ن" * (6_000_000 if big else 50_000) + '"}'], "one very long row"),
        ([good, '{"title": "x", "text": 1e999999}'], "a number out of range"),
        ([good, '{"text": ' + "1" * 5000 + "}"], "a 5000-digit integer"),
        ([good, '{"text": ' + "[" * 50_000 + "]" * 50_000 + "}"], "an array nested 50k deep"),
        ([good, '{"title": "a", "title": "b", "text": null}'], "duplicate keys, null text"),
        ([good, "[1, 2, 3]", '"just a string"', "null"], "rows that are not objects"),
        ([good, good.replace('"text"', '"TEXT"')], "upper-case keys"),
        ([good] + ['{"title": "x"}'] * 2000, "2000 rows without text"),
        ([good, good[:-1]], "a last row without its brace"),
        ([good, '{"text": "' + "\\u0000" * 1000 + '"}'], "NUL escapes in text"),
    ]
    return [
        lambda b, r=r, n=n: b.file("\n".join(r) + "\n", ".jsonl", parts=len(r), healthy=(), note=n)
        for r, n in rows
    ]


@kind("foreign_formats")
def _foreign(scale: Scale) -> list[Variant]:
    page = _example(HEALTHY_HTML)

    def tar(b: _Builder) -> FuzzInput:
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w") as tf:
            info = tarfile.TarInfo("page.html")
            info.size = len(page)
            tf.addfile(info, io.BytesIO(page))
        return b.file(out.getvalue(), ".tar", note="a tar archive")

    def docx(b: _Builder) -> FuzzInput:
        members = {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b"<w:document><w:body><w:p><w:t>"
            + page
            + b"</w:t></w:p></w:body></w:document>",
        }
        return b.file(zip_bytes(members), ".docx", parts=2, note="a Word document")

    cases: list[tuple[bytes, str, str]] = [
        (gzip.compress(page), ".html.gz", "a gzipped HTML page (not WARC)"),
        (bz2.compress(page), ".bz2", "bzip2"),
        (lzma.compress(page), ".xz", "xz"),
        (b"%PDF-1.4\n" + page, ".pdf", "a PDF header"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2, ".png", "PNG"),
        (b"7z\xbc\xaf\x27\x1c" + page, ".7z", "7z magic"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), ".txt", "an ELF header named .txt"),
        (b"SQLite format 3\0" + bytes(500), ".db", "an SQLite header"),
        (gzip.compress(zip_bytes({"p.txt": page})), ".zip.gz", "a gzipped zip"),
        (gzip.compress(gzip.compress(page)), ".gz", "gzip of gzip"),
    ]
    out: list[Variant] = [lambda b, d=d, s=s, n=n: b.file(d, s, note=n) for d, s, n in cases]
    return [out[0], tar, docx, *out[1:]]


@kind("odd_names")
def _odd_names(scale: Scale) -> list[Variant]:
    names = [
        "-rf.txt",
        "--out.txt",
        "new\nline.txt",
        "tab\there.txt",
        "star*.txt",
        "[a-z].txt",
        "q?.txt",
        "a.zip!b.txt",
        "hash#1.txt",
        "colon:2.txt",
        "space name .txt",
        "خبر عاجل.txt",
        "x" * 200 + ".txt",
        "notice-of-strike.txt",
        "README-news.txt",
        "LICENSE-plate-story.txt",
        "CHANGELOG of the war.txt",
    ]

    def make(b: _Builder, odd: str) -> FuzzInput:
        name, path = b.dir()
        stem, dot, ext = odd.rpartition(".")
        page = path / f"{stem}-{name}{dot}{ext}"
        page.write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, healthy=(str(page),), note=f"a page named {odd[:30]!r}")

    return [lambda b, n=n: make(b, n) for n in names]


@kind("warc_malformed")
def _warc_malformed(scale: Scale) -> list[Variant]:
    page = _example(HEALTHY_HTML)
    base = warc_bytes([("https://a.example/1", page, "text/html")], False)

    def with_header(old: bytes, new: bytes) -> Callable[[_Builder], FuzzInput]:
        return lambda b: b.file(base.replace(old, new, 1), ".warc", note=f"{new[:40]!r}")

    length = re.search(rb"Content-Length: (\d+)", base)
    assert length is not None
    n = length.group(1)
    variants: list[Variant] = [
        with_header(b"Content-Length: " + n, b"Content-Length: " + str(int(n) + 5000).encode()),
        with_header(b"Content-Length: " + n, b"Content-Length: 10"),
        with_header(b"Content-Length: " + n, b"Content-Length: 999999999999"),
        with_header(b"Content-Length: " + n, b"Content-Length: -5"),
        with_header(b"WARC-Type: response", b"WARC-Type: \xff\xfe"),
        with_header(b"WARC/1.", b"WARC/9."),
        with_header(b"HTTP/1.1 200 OK", b"HTTP/1.1 abc"),
        with_header(b"text/html", b"text/html; charset=../../etc/passwd"),
        with_header(b"text/html", b"text/html; charset=utf-32"),
        with_header(
            b"WARC-Target-URI: https://a.example/1", b"WARC-Target-URI: javascript:alert(1)"
        ),
    ]

    def only_info(b: _Builder) -> FuzzInput:
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("x.warc.gz", {"software": "fuzz"}))
        return b.file(out.getvalue(), ".warc.gz", note="a WARC with only a warcinfo record")

    def many(b: _Builder) -> FuzzInput:
        records = [
            (
                f"https://a.example/{i}",
                b"<html><body>" + b.rng.randbytes(50) + b"</body></html>",
                "text/html",
            )
            for i in range(500)
        ]
        return b.file(warc_bytes(records, True), ".warc.gz", note="500 records of binary junk")

    return [
        variants[0],
        only_info,
        variants[2],
        variants[4],
        many,
        *variants[1:2],
        *variants[3:4],
        *variants[5:],
    ]


@kind("many_files")
def _many_files(scale: Scale) -> list[Variant]:
    def many(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        for i in range(scale.many_files):
            (path / f"f{i:05d}.txt").write_bytes(b.rng.choice([b"x", b"", b"\0", b"<p>"]))
        return b.made(name, path, note=f"{scale.many_files} tiny files")

    def deep(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        cur = path
        for i in range(200):
            cur = cur / f"d{i}"
        cur.mkdir(parents=True)
        (cur / "page.txt").write_bytes(_example(HEALTHY_TXT))
        return b.made(name, path, healthy=(str(cur / "page.txt"),), note="a page 200 folders deep")

    def too_long(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for _ in range(40):
                os.mkdir("d" * 120, dir_fd=fd)
                nxt = os.open("d" * 120, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
                os.close(fd)
                fd = nxt
            page = os.open("page.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
            os.write(page, _example(HEALTHY_TXT))
            os.close(page)
        finally:
            os.close(fd)
        return b.made(name, path, note="a page under a path longer than PATH_MAX")

    def mixed(b: _Builder) -> FuzzInput:
        name, path = b.dir()
        for f in example_files():
            (path / f.name).write_bytes(f.read_bytes())
        (path / ".hidden.txt").write_bytes(_example(HEALTHY_TXT))
        (path / "LICENSE").write_bytes(b"Apache")
        (path / "junk.bin").write_bytes(b.rng.randbytes(300))
        healthy = [str(path / f.name) for f in example_files() if f.suffix != ".jsonl"]
        return b.made(
            name, path, healthy=tuple(healthy), note="the examples with hidden and junk files"
        )

    return [many, deep, too_long, mixed]


# --------------------------------------------------------------------------------------------
# Building and checking
# --------------------------------------------------------------------------------------------


def build_corpus(
    root: Path, scale: Scale = FULL, seed: int = 15, kinds: Iterable[str] | None = None
) -> list[FuzzInput]:
    """Write the hostile inputs of every kind (or of ``kinds``) under ``root``; return them."""
    builder = _Builder(root, scale, random.Random(seed))
    inputs: list[FuzzInput] = []
    for name in kinds or KINDS:
        builder.kind = name
        builder.count = 0
        builder.rng = random.Random(f"{seed}-{name}")  # a kind's bytes do not depend on others
        for variant in KINDS[name](scale)[: scale.per_kind]:
            inputs.append(variant(builder))
    return inputs


def restore_permissions(root: Path) -> None:
    """Give back the permissions the unreadable inputs took away, so ``root`` can be removed."""
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            p = os.path.join(folder, name)
            try:
                mode = os.lstat(p).st_mode
                if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
                    os.chmod(p, 0o755 if stat.S_ISDIR(mode) else 0o644)
                    if stat.S_ISDIR(mode):
                        os.listdir(p)  # now listable: os.walk goes on below it
            except OSError:  # a path past PATH_MAX: shutil.rmtree still removes it
                continue


_ESCAPES = re.compile(r"\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|<U\+[0-9A-F]{4,6}>")
_KEEP = re.compile(r"[^A-Za-z0-9._/!#:*?\[\]~ -]")


def source_key(source: str) -> str:
    """A source name compared loosely: escapes khabar writes for unshowable characters and any
    character outside printable ASCII dropped (every generated name holds a unique ASCII tag)."""
    return _KEEP.sub("", _ESCAPES.sub("", source))


def input_units(inp: FuzzInput) -> list[str]:
    """Every file the input consists of: the input itself, or each entry under a folder (links
    not followed); a sub-folder that cannot be listed stands for what is in it."""
    path = os.fspath(inp.path)
    if not os.path.lexists(path) and glob.has_magic(path):
        return sorted(glob.glob(path, recursive=True)) or [path]
    if not os.path.isdir(path) or os.path.islink(path):
        return [path]
    units: list[str] = []
    stack = [path]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            units.append(folder)
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            else:
                units.append(entry.path)
    return units or [path]


_PART_MARKS = "!#:/"


def _covers(source: str, unit: str) -> bool:
    return (
        source == unit
        or (source.startswith(unit) and source[len(unit)] in _PART_MARKS)
        or unit.startswith(source + "/")
    )


@dataclass
class Verdict:
    """What one analysis of one input gave, judged against the input's expectations."""

    unaccounted: list[str] = field(default_factory=list)
    healthy_lost: list[str] = field(default_factory=list)
    exposed: list[str] = field(default_factory=list)
    mojibake: list[str] = field(default_factory=list)
    internal_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """No input unaccounted for, no healthy page lost, nothing forbidden shown."""
        return not (self.unaccounted or self.healthy_lost or self.exposed)


INTERNAL_ERROR_MARKS = ("unexpected error", "Traceback", "Error:")
"""Words in an error entry that show a reader broke rather than judged the input."""


def judge(inp: FuzzInput, dossier: dict[str, object], dossier_text: str = "") -> Verdict:
    """Check a dossier (as loaded from dossier.json or ``Dossier.to_dict()``) against ``inp``."""
    articles = dossier.get("articles") or []
    errors = dossier.get("errors") or []
    assert isinstance(articles, list) and isinstance(errors, list)
    article_keys = [source_key(str(a.get("source", ""))) for a in articles]
    keys = article_keys + [source_key(str(e.get("source", ""))) for e in errors]
    verdict = Verdict()
    for unit in input_units(inp):
        ukey = source_key(unit)
        covering = [k for k in keys if _covers(k, ukey)]
        if not covering:
            verdict.unaccounted.append(unit)
        elif inp.parts and ukey not in covering and len(set(covering)) < inp.parts:
            verdict.unaccounted.append(f"{unit} ({len(set(covering))} of {inp.parts} parts)")
    for source in inp.healthy:
        if source_key(source) not in article_keys:
            verdict.healthy_lost.append(source)
    for a in articles:
        meta = " ".join(str(a.get(k) or "") for k in ("title", "outlet", "url", "source"))
        for bad in inp.forbidden_meta:
            if bad.lower() in meta.lower():
                verdict.exposed.append(f"{bad!r} in {a.get('source')}")
        if inp.expect_text and inp.expect_text not in str(a.get("text", "")) + str(a.get("title")):
            flags = ", ".join(str(f.get("kind")) for f in a.get("flags") or []) or "none"
            verdict.mojibake.append(f"{a.get('source')} (flags: {flags})")
    text = dossier_text or json.dumps(dossier, ensure_ascii=False)
    for bad in inp.forbidden_any:
        if bad in text:
            verdict.exposed.append(f"{bad!r} in the dossier")
    for e in errors:
        message = str(e.get("error", ""))
        if any(mark in message for mark in INTERNAL_ERROR_MARKS):
            verdict.internal_errors.append(f"{e.get('source')}: {message[:200]}")
    return verdict


def healthy_batch(folder: Path, seeds: Path | None) -> tuple[list[Path], list[str]]:
    """Copy the example pages (and the seed pages, when given) into ``folder``; return the
    paths and the sources that must come out as articles."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    healthy: list[str] = []
    sources = example_files() + (sorted(seeds.glob("*.txt")) if seeds and seeds.is_dir() else [])
    for src in sources:
        dst = folder / src.name
        dst.write_bytes(src.read_bytes())
        paths.append(dst)
        if src.suffix == ".jsonl":
            count = sum(1 for line in src.read_text(encoding="utf-8").splitlines() if line.strip())
            healthy += [f"{dst}:{n}" for n in range(1, count + 1)]
        else:
            healthy.append(str(dst))
    return paths, healthy


def iter_kinds() -> Iterator[str]:
    """The names of every kind of hostile input, in corpus order."""
    yield from KINDS
