"""Cross-article entity resolution: the spellings and short forms of one name become one entity.

Each mention is reduced to a *key*: its words without one-letter clitics, titles (الرئيس الروسي)
or place descriptors (قاعدة … الجوية), each word without the article and written as a consonant
skeleton (و and ي between consonants dropped), so بوتين / بوتن and دميتري / ديمتري meet. A
person's shorter key joins a longer one holding its words in order and ending with the same
surname (بوتين → فلاديمير بوتين; الأسد joins بشار الأسد, never حافظ الأسد as well: a short form
goes to the full name named in the same article, else to the most mentioned one)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from khabar.arabic import normalize, split_clitics
from khabar.arabic.data.clitics import ARTICLE
from khabar.arabic.lexicon import default_lexicon
from khabar.config import EntitiesConfig
from khabar.entities.data.cues import (
    NATIONALITY_SUFFIXES,
    OFFICE_HEADS,
    PERSON_TITLES,
    PLACE_DESCRIPTORS,
)
from khabar.model import AnnotatedArticle, EntityRecord, EntityType, Mention

MIN_SKELETON_LETTERS = 3
"""Words whose skeleton is shorter than this are matched on their full spelling (ليبيا has the
skeleton لب, too little to tell it from other words)."""

RESTORE_ARTICLE_RATIO = 5.0
"""A mention opening with ل is read as ال + rest (what is left of للـ once the preposition is cut
off) when the definite form is this many times more common in news text than the mention's."""

ID_HASH_CHARS = 12
"""Hex characters of the SHA-1 of the canonical name used in entity ids."""

_NISBA_ENDINGS = ("يه", "ي")
"""Endings of an adjective of relation (رئاسي، روسية)."""

_WEAK = frozenset("وي")
_VOWELS = frozenset("اوي")
_WORD = re.compile(r"\w+")

Key = tuple[str, ...]


def _skeleton(stem: str) -> str:
    """The word without و / ي standing between two consonants (بوتين and بوتن → بتن).

    Only vowels between consonants go, so دميتري / ديمتري meet while رئاسة and روسية stay apart.
    """
    if len(stem) < MIN_SKELETON_LETTERS:
        return stem
    kept = [stem[0]]
    for i in range(1, len(stem) - 1):
        ch = stem[i]
        if ch in _WEAK and stem[i - 1] not in _VOWELS and stem[i + 1] not in _VOWELS:
            continue
        kept.append(ch)
    kept.append(stem[-1])
    skeleton = "".join(kept)
    return skeleton if len(skeleton) >= MIN_SKELETON_LETTERS else stem


def _is_title_word(bare: str) -> bool:
    """Titles and nationality adjectives that come before a person's name."""
    split = split_clitics(bare)
    return (
        bare in PERSON_TITLES
        or (bool(split.article) and split.stem.endswith(NATIONALITY_SUFFIXES))
        or split.stem in PERSON_TITLES
    )


def _restore_article(word: str) -> str:
    """Put back the alef of an article whose lam is all that is left (للكرملين → لكرملين)."""
    if word.startswith("ل") and not word.startswith(ARTICLE):
        definite = "ا" + word
        lexicon = default_lexicon()
        if lexicon.count(definite) > RESTORE_ARTICLE_RATIO * lexicon.count(word):
            return definite
    return word


def name_words(text: str, kind: str) -> list[str]:
    """The normalised words that name the entity (clitics, titles and descriptors removed)."""
    words = []
    for i, word in enumerate(_WORD.findall(normalize(text))):
        split = split_clitics(word)
        words.append(_restore_article(split.article + split.stem) if i == 0 else word)
    if kind == "PER":
        while len(words) > 1 and _is_title_word(words[0]):
            words = words[1:]
    elif kind == "LOC":
        core = [w for w in words if w not in PLACE_DESCRIPTORS]
        words = core or words
    elif kind == "ORG" and _is_office_name(words):
        words = words[1:]  # المكتب الرئاسي الروسي names الرئاسة الروسية
    return words


def _is_office_name(words: Sequence[str]) -> bool:
    """An office named by an adjective of its body and more (المكتب الرئاسي الروسي)."""
    return (
        len(words) > 2
        and split_clitics(words[0]).stem in OFFICE_HEADS
        and words[1].endswith(_NISBA_ENDINGS)
    )


def mention_key(text: str, kind: str) -> Key:
    """The matching key of a mention: skeletons of its name words, without the article."""
    words = [split_clitics(w).stem for w in name_words(text, kind)]
    if kind == "LOC" and words and words[-1].endswith("يه"):
        words[-1] = words[-1][:-1] + "ا"  # سورية is سوريا
    if kind == "ORG" and len(words) > 1:
        words = [_relation_base(w) for w in words]
    return tuple(_skeleton(w) for w in words)


def _relation_base(stem: str) -> str:
    """A word of a body's name without its gender or relation ending (رئاسة / رئاسي → رئاس)."""
    for ending in (*_NISBA_ENDINGS, "ه"):
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_SKELETON_LETTERS:
            return stem[: -len(ending)]
    return stem


def is_short_form(long: Key, short: Key, kind: str) -> bool:
    """Whether ``short`` is a short form of the person ``long`` (words in order, same surname).

    Only people have short forms: a place or an organisation inside a longer name is usually
    another entity (لبنان / جنوب لبنان, كوريا / كوريا الشمالية); facilities join their place
    through the descriptors dropped from their key instead.
    """
    if kind != "PER" or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(word in it for word in short)


def entity_id(kind: str, name: str) -> str:
    """A stable id from the entity type and its canonical normalised name."""
    digest = hashlib.sha1(f"{kind}:{normalize(name)}".encode()).hexdigest()
    return "e-" + digest[:ID_HASH_CHARS]


def _display(text: str, kind: str) -> str:
    """The mention as a name: titles dropped for people, descriptors for places."""
    words = text.split()
    if kind == "PER":
        while len(words) > 1 and _is_title_word(normalize(words[0])):
            words = words[1:]
    elif kind == "LOC":
        core = [w for w in words if normalize(w) not in PLACE_DESCRIPTORS]
        words = core or words
    return " ".join(words)


def resolve_entities(
    annotated: Sequence[AnnotatedArticle], cfg: EntitiesConfig
) -> tuple[list[AnnotatedArticle], list[EntityRecord]]:
    """Link mentions across articles into entities; set each mention's ``entity`` id."""
    # 1. every mention's key, and the majority type of each key
    keyed: list[list[tuple[Mention, Key]]] = []
    types_of_key: dict[Key, Counter[str]] = defaultdict(Counter)
    keys: dict[tuple[str, str], Key] = {}  # the same surface form recurs across articles
    for art in annotated:
        rows = []
        for m in art.mentions:
            key = keys.get((m.text, m.type))
            if key is None:
                key = keys[(m.text, m.type)] = mention_key(m.text, m.type)
            if key:
                types_of_key[key][m.type] += 1
            rows.append((m, key))
        keyed.append(rows)
    key_type = {k: c.most_common(1)[0][0] for k, c in types_of_key.items()}
    key_count = {k: sum(c.values()) for k, c in types_of_key.items()}
    # 2. the longer keys each key may stand for (found through an index of their words)
    containing: dict[tuple[str, str], list[Key]] = defaultdict(list)
    for key, kind in key_type.items():
        for word in set(key):
            containing[(kind, word)].append(key)
    parents_of: dict[Key, list[Key]] = {}
    for key, kind in key_type.items():
        pool = containing[(kind, key[-1])]
        parents_of[key] = [p for p in pool if len(p) > len(key) and is_short_form(p, key, kind)]

    def root(key: Key, local: set[Key], depth: int = 0) -> Key:
        """The fullest key ``key`` stands for, preferring keys named in the same article."""
        parents = parents_of[key]
        if not parents or depth > len(key_type):
            return key
        near = [p for p in parents if p in local] or parents
        best = max(near, key=lambda p: (p in local, len(p), key_count[p], p))
        return root(best, local, depth + 1)

    # 3. group mentions by root key
    members: dict[Key, list[tuple[str, Mention]]] = defaultdict(list)
    resolved_roots: list[list[Key | None]] = []
    for art, rows in zip(annotated, keyed, strict=True):
        local = {k for _, k in rows if k}
        roots: list[Key | None] = []
        memo: dict[Key, Key] = {}
        for m, key in rows:
            r = None
            if key:
                r = memo.get(key)
                if r is None:
                    r = memo[key] = root(key, local)
            roots.append(r)
            if r is not None:
                members[r].append((art.id, m))
        resolved_roots.append(roots)
    # 4. records: canonical name = the fullest common form
    records: dict[Key, EntityRecord] = {}
    for r, items in members.items():
        kind: EntityType = key_type[r]  # type: ignore[assignment]
        forms = Counter(_display(m.text, kind) for _, m in items)
        order = {f: i for i, f in enumerate(forms)}  # ties go to the spelling seen first
        name = max(
            forms,
            key=lambda f: (
                not (kind == "ORG" and _is_office_name(normalize(f).split())),
                len(f.split()),
                forms[f],
                -order[f],
            ),
        )
        variants = tuple(sorted({m.text for _, m in items}))
        articles = tuple(dict.fromkeys(a for a, _ in items))
        records[r] = EntityRecord(entity_id(kind, name), name, kind, variants, articles)
    # 5. articles with their mentions pointing at the records
    out: list[AnnotatedArticle] = []
    for art, rows, roots in zip(annotated, keyed, resolved_roots, strict=True):
        mentions = []
        for (m, _), r in zip(rows, roots, strict=True):
            if r is None:
                mentions.append(m)
                continue
            rec = records[r]
            mentions.append(dataclasses.replace(m, entity=rec.id, type=rec.type))
        out.append(dataclasses.replace(art, mentions=tuple(mentions)))
    ordered = sorted(records.values(), key=lambda e: (-len(e.articles), e.type, e.name))
    return out, ordered
