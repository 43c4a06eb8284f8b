"""Word counts from Arabic news, used to decide whether a leading letter is a clitic.

The bundled table (``data/word_counts.tsv.gz``) holds normalised word types and their counts in the
ANT corpus (31.5k news articles from five outlets, 2018, Apache-2.0; A. Chouigui, O. Ben Khiroun,
B. Elayeb, "ANT Corpus: An Arabic News Text Collection for Textual Classification", AICCSA 2017).
Rebuild it with ``python -m khabar.arabic.lexicon ANT_FOLDER_OR_TAR_XZ``, which leaves out the
articles of the days reserved for evaluation (:mod:`khabar.arabic.ant`). The bundled table was
counted that way (issue 18, round 8), and the bundled tagger, whose features read it, was
retrained with it (benchmarks/results_ner.md).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import re
import tarfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from khabar.arabic.ant import on_reserved_day
from khabar.arabic.normalize import normalize

DEFAULT_PATH = Path(__file__).parent / "data" / "word_counts.tsv.gz"

MIN_COUNT = 3
"""Word types seen fewer times than this (in the whole corpus) are left out of the table: they are
mostly typos and their counts say nothing reliable about clitics."""

_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
_ANT_BODY = re.compile(r"<TITLE>(.*?)</TITLE>.*?<TEXT>(.*?)</TEXT>", re.S)


@dataclass(frozen=True)
class Lexicon:
    """Counts of normalised word types; unseen words count 0."""

    counts: Mapping[str, int]

    def count(self, word: str) -> int:
        """How often the normalised ``word`` was seen."""
        return self.counts.get(word, 0)

    @functools.cached_property
    def total(self) -> int:
        """Occurrences of all the word types in the table."""
        return sum(self.counts.values())

    def per_million(self, word: str) -> float:
        """How often the normalised ``word`` was seen per million words of the table (a rate that
        does not move when the corpus behind the table grows or shrinks); 0 in an empty table."""
        return 1e6 * self.count(word) / self.total if self.total else 0.0

    def __contains__(self, word: object) -> bool:
        return word in self.counts


def count_words(texts: Iterable[str]) -> Counter[str]:
    """Count the normalised Arabic word types of ``texts``."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_ARABIC_WORD.findall(normalize(text)))
    return counts


def write_lexicon(counts: Mapping[str, int], path: Path, min_count: int = MIN_COUNT) -> None:
    """Write the word counts of at least ``min_count`` as a gzipped ``word<TAB>count`` table."""
    rows = sorted((w, n) for w, n in counts.items() if n >= min_count)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.writelines(f"{w}\t{n}\n" for w, n in rows)


def read_lexicon(path: str | Path) -> Lexicon:
    """Read a ``word<TAB>count`` table written by :func:`write_lexicon`."""
    counts: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            word, _, n = line.rstrip("\n").partition("\t")
            counts[word] = int(n)
    return Lexicon(MappingProxyType(counts))


@functools.cache
def default_lexicon() -> Lexicon:
    """The bundled word counts (read once; the result is immutable)."""
    if not DEFAULT_PATH.exists():
        return Lexicon(MappingProxyType({}))
    return read_lexicon(DEFAULT_PATH)


def iter_ant_texts(source: Path) -> Iterable[str]:
    """Yield title and body of every ANT article, from its folder or its ``.tar.xz`` archive,
    except the articles of the days reserved for independent evaluation."""
    for text in iter_ant_files(source):
        if on_reserved_day(text):
            continue
        match = _ANT_BODY.search(text)
        if match:
            yield match.group(1) + "\n" + match.group(2)


def iter_ant_files(source: Path) -> Iterable[str]:
    """The raw text of every ANT file, from its folder or its ``.tar.xz`` archive."""
    if source.is_dir():
        return (
            p.read_text(encoding="utf-8", errors="replace") for p in sorted(source.rglob("*.txt"))
        )
    return _iter_archive(source)


def _iter_archive(path: Path) -> Iterable[str]:
    """The ``.txt`` members of a tar archive, decoded, in archive order."""
    with tarfile.open(path) as archive:
        for member in archive:
            if member.isfile() and member.name.endswith(".txt"):
                fh = archive.extractfile(member)
                if fh is not None:
                    yield fh.read().decode("utf-8", errors="replace")


def main(argv: list[str] | None = None) -> None:
    """Rebuild the bundled word-count table from an unpacked ANT corpus."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("ant", type=Path, help="the ANT folder or its .tar.xz archive")
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    write_lexicon(count_words(iter_ant_texts(args.ant)), args.out)


if __name__ == "__main__":
    main()
