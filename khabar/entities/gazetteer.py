"""Name lists: places from CLDR (via Babel) and names seen in tagged training sentences."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from babel import Locale

from khabar.arabic import normalize, split_clitics
from khabar.entities.corpus import Sentence

MIN_NAME_COUNT = 1
"""A token joins the training-data gazetteer once it was seen in an entity this many times."""

SKIPPED_TIME_ZONES = ("Etc/", "Antarctica/")
"""CLDR exemplar cities of these time zones are not real places (مدينة غير معروفة) or not news."""


def cldr_places() -> dict[str, str]:
    """Arabic names of countries, territories and cities from CLDR: token → ``country|city``."""
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
