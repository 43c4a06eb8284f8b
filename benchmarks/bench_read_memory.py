"""Peak memory of reading hostile inputs: zip bombs, nested zips, a 60 MB JSON Lines row.

Each case is read in a fresh child process (``--child``) that reports its peak resident set
(``ru_maxrss``); the peer, measured the same way in the same run, is a child that imports khabar
and reads one small page. Two ways of consuming the reader are measured:

* ``stream``: items are dropped as they come (what the reader itself holds);
* ``hold``: every Page and Failure is kept in a list, as ``pipeline.read_all`` does.

The inputs are written in a temporary folder, the bombs straight from one compressed member
repeated (a hand-written zip), so building them costs little memory or CPU.

Run:  python benchmarks/bench_read_memory.py [--out benchmarks/results_read_memory.md]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIB = 1 << 20

CHILD_MEMORY_CAP = 3 << 30
"""Address-space cap of each child (bytes), so a case that would take the machine's memory ends
in a MemoryError instead; the table says when a case hit it."""

WORDS = ["نص", "خبر", "قال", "الحكومة", "في", "من", "على", "إن", "المتحدث", "العاصمة"]
"""Vocabulary of the generated Arabic text."""


def _arabic_block(words: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(words)).encode("utf-8")


def member_text(size: int, period_words: int | None) -> bytes:
    """``size`` bytes of Arabic words: one block of ``period_words`` random words repeated
    (shorter blocks compress further; None: 300 words, which deflate about 165 times)."""
    block = _arabic_block(period_words or 300, 3)
    return (block * (size // len(block) + 1))[:size]


def write_repeated_zip(path: Path, data: bytes, members: int, prefix: str = "m") -> int:
    """Write a zip of ``members`` deflated members that all hold ``data`` (compressed once)."""
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(data) + packed.flush()
    crc = zlib.crc32(data)
    central = bytearray()
    with open(path, "wb") as fh:
        for i in range(members):
            name = f"{prefix}{i:05d}.txt".encode()
            offset = fh.tell()
            fh.write(
                struct.pack(
                    "<4s5H3L2H",
                    b"PK\x03\x04",
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    len(body),
                    len(data),
                    len(name),
                    0,
                )
                + name
            )
            fh.write(body)
            central += (
                struct.pack(
                    "<4s6H3L5H2L",
                    b"PK\x01\x02",
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    len(body),
                    len(data),
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + name
            )
        start = fh.tell()
        fh.write(central)
        fh.write(
            struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, members, members, len(central), start, 0)
        )
    return path.stat().st_size


def write_stored_zip(path: Path, members: dict[str, Path]) -> int:
    """Write a zip storing (not compressing) the given files, copied in blocks."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for name, source in members.items():
            with open(source, "rb") as src, zf.open(name, "w", force_zip64=True) as dst:
                while block := src.read(MIB):
                    dst.write(block)
    return path.stat().st_size


def write_jsonl_with_giant_row(path: Path, row_bytes: int) -> int:
    """A JSON Lines file: a normal row, one row of ``row_bytes``, another normal row."""
    small = json.dumps({"title": "خبر", "text": "نص الخبر " * 40}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(small + "\n")
        fh.write('{"title": "ضخم", "text": "')
        block = "نص عربي طويل " * 1000
        written = 0
        while written < row_bytes:
            fh.write(block)
            written += len(block.encode("utf-8"))
        fh.write('"}\n' + small + "\n")
    return path.stat().st_size


def child(path: str, mode: str, config: dict[str, int]) -> None:
    """Read one input and print the peak RSS (MiB), items and pages as JSON."""
    from khabar.config import ReadConfig
    from khabar.model import Page
    from khabar.read import iter_pages

    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_CAP, CHILD_MEMORY_CAP))
    cfg = ReadConfig(**config)
    held = []
    items = pages = 0
    t0 = time.perf_counter()
    for item in iter_pages([path], cfg):
        items += 1
        pages += isinstance(item, Page)
        if mode == "hold":
            held.append(item)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    capped = sum(1 for i in held if "MemoryError" in getattr(i, "error", ""))
    report = {"peak_mib": peak, "items": items, "pages": pages, "seconds": seconds}
    print(json.dumps(report | {"capped": float(capped)}))


def measure(path: Path, mode: str, config: dict[str, int] | None = None) -> dict[str, float]:
    """Run one child process and return what it reported."""
    cmd = [sys.executable, __file__, "--child", str(path), mode, json.dumps(config or {})]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        cap = CHILD_MEMORY_CAP / MIB
        return {"peak_mib": cap, "items": 0, "pages": 0, "seconds": 0.0, "capped": 1.0}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Build the inputs, measure each, write the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results_read_memory.md"))
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], json.loads(args.child[2]))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        seed = folder / "seed.txt"
        seed.write_bytes(member_text(4_000, 300))
        peer = measure(seed, "hold")

        member = 19_000_000
        bomb = folder / "bomb.zip"
        data = member_text(member, 20)
        packed = len(zlib.compress(data, 9))
        n = 9_300_000 // packed
        size = write_repeated_zip(bomb, data, n)
        cases = [
            (
                f"zip bomb: {n} members of 19 MB, ratio {member / packed:.0f}",
                bomb,
                size,
                n * member,
                {},
            )
        ]

        near = folder / "near.zip"
        data = member_text(member, None)
        packed = len(zlib.compress(data, 9))
        n_near = 9_300_000 // packed
        size = write_repeated_zip(near, data, n_near)
        label = f"zip bomb under the ratio limit: {n_near} x 19 MB, ratio {member / packed:.0f}"
        cases.append((label + ", default limits", near, size, n_near * member, {}))
        cases.append(
            (
                "the same, read.max_archive_bytes=2 GB (the former default)",
                near,
                size,
                n_near * member,
                {"max_archive_bytes": 2_000_000_000},
            )
        )

        inner = folder / "inner.zip"
        write_repeated_zip(inner, member_text(member, None), 10, "i")
        nested = folder / "nested.zip"
        copies = {f"inner{i}.zip": inner for i in range(20)}
        size = write_stored_zip(nested, copies)
        cases.append(
            (
                "nested zip: 20 stored zips of 10 x 19 MB (ratio as above)",
                nested,
                size,
                200 * member,
                {},
            )
        )

        jsonl = folder / "giant.jsonl"
        size = write_jsonl_with_giant_row(jsonl, 60_000_000)
        cases.append(("JSON Lines with one 60 MB row", jsonl, size, size, {}))
        cases.append(
            (
                "the same, read.max_bytes=100 MB (row over max_line_bytes)",
                jsonl,
                size,
                size,
                {"max_bytes": 100_000_000},
            )
        )

        for label, path, on_disk, expanded, config in cases:
            for mode in ("stream", "hold"):
                got = measure(path, mode, config)
                peak = f"{got['peak_mib']:.0f}" + (" (hit the cap)" if got["capped"] else "")
                rows.append(
                    f"| {label} | {on_disk / MIB:.1f} | {expanded / MIB:,.0f} | {mode} | "
                    f"{peak} | {got['peak_mib'] / peer['peak_mib']:.2f} | "
                    f"{got['pages']:.0f} / {got['items']:.0f} | {got['seconds']:.1f} |"
                )
                print(rows[-1], flush=True)
    lines = [
        "# Reading memory benchmark",
        "",
        "`python benchmarks/bench_read_memory.py`: peak resident memory of one child process "
        "reading one input with the default `[read]` limits unless the row says otherwise; "
        f"peer: a child reading one 4 KB page, {peer['peak_mib']:.0f} MiB.",
        "",
        "| input | on disk (MiB) | expanded (MiB) | consumer | peak RSS (MiB) | x peer | "
        "pages / items | s |",
        "|---|---:|---:|---|---:|---:|---|---:|",
        *rows,
        "",
        "`stream` drops each item as it comes (what the reader itself holds); `hold` keeps "
        "them all, as `pipeline.read_all` does. Each child runs under a "
        f"{CHILD_MEMORY_CAP >> 30} GiB address-space cap; 'hit the cap' means it ran into it "
        "(a MemoryError, reported for that input or ending the child).",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
