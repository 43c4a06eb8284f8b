"""Turn the ANT corpus (TREC-like .txt files in a tar.xz) into JSON Lines article records.

Writes records ``{url, title, text, published, outlet}`` in publication order, split into
``--shards`` files of consecutive articles (an hourly feed in miniature), under ``--out`` (a
folder in /tmp: never write corpus data into the repository)::

    python benchmarks/ant_to_jsonl.py --out /tmp/khabar-ant --limit 5000 --shards 10

The archive is read as a stream; nothing is extracted to disk.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import tarfile
from dataclasses import asdict, dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

ANT_ARCHIVE = Path(__file__).resolve().parents[2] / "shared/data/ant/ant-multisource-v2.1.tar.xz"

_FIELD = re.compile(r"<(DOCNO|URL|SRC|TITLE|TIME|TEXT)>(.*?)</\1>", re.S)


@dataclass(frozen=True)
class AntRecord:
    """One ANT article as a khabar JSON Lines record."""

    url: str
    title: str
    text: str
    published: str
    outlet: str
    docno: str


def parse_doc(raw: str) -> AntRecord | None:
    """Parse one ANT ``<DOC>``; None when it has no text."""
    fields = {name: value.strip() for name, value in _FIELD.findall(raw)}
    text = fields.get("TEXT", "")
    if not text:
        return None
    published = fields.get("TIME", "")
    with contextlib.suppress(TypeError, ValueError):
        published = parsedate_to_datetime(published).isoformat()
    return AntRecord(
        url=fields.get("URL", ""),
        title=fields.get("TITLE", ""),
        text=text,
        published=published,
        outlet=fields.get("SRC", ""),
        docno=fields.get("DOCNO", ""),
    )


def read_ant(archive: Path) -> list[AntRecord]:
    """Every article of the archive, in publication order (then document number)."""
    records: list[AntRecord] = []
    with tarfile.open(archive, mode="r:xz") as tar:
        for member in tar:
            if not (member.isfile() and member.name.endswith(".txt")):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            record = parse_doc(handle.read().decode("utf-8", errors="replace"))
            if record is not None:
                records.append(record)
    records.sort(key=lambda r: (r.published, r.docno))
    return records


def write_shards(records: list[AntRecord], out: Path, shards: int) -> list[Path]:
    """Write consecutive slices of ``records`` to ``out/ant-NN.jsonl``; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    size = -(-len(records) // shards)
    paths: list[Path] = []
    for i in range(shards):
        part = records[i * size : (i + 1) * size]
        if not part:
            break
        path = out / f"ant-{i:02d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for record in part:
                row = asdict(record)
                del row["docno"]
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def main() -> None:
    """Command line: convert the archive."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, default=ANT_ARCHIVE)
    parser.add_argument("--out", type=Path, required=True, help="output folder (under /tmp)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles (0 = all)")
    parser.add_argument("--shards", type=int, default=1, help="number of output files")
    args = parser.parse_args()
    records = read_ant(args.archive)
    if args.limit:
        records = records[: args.limit]
    paths = write_shards(records, args.out, args.shards)
    print(f"{len(records)} records in {len(paths)} files under {args.out}")


if __name__ == "__main__":
    main()
