"""CoNLL in, ``token<TAB>tag`` out: the ``khabar tag-entities`` format.

Input is tab-separated CoNLL or ANERcorp's ``token TAG`` lines (the token is the first column
either way). Output tags are khabar's (PER/LOC/ORG/MISC) or, with a scheme, another corpus's
names for them (ANERcorp's PERS): see khabar/entities/data/schemes.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.arabic import normalize
from khabar.arabic.lexicon import default_lexicon
from khabar.entities.corpus import SENTENCE_END, split_columns
from khabar.entities.data.cues import (
    CLUB_HEADS,
    NOT_NAMES_AFTER_HEADS,
    ORG_HEADS_LEFT_OUT,
    ORG_HEADS_NAMING_NEXT,
    PERSON_TITLES,
)
from khabar.entities.data.schemes import OUTPUT_SCHEMES, TYPE_ALIASES
from khabar.entities.gazetteer import cldr_one_word_places
from khabar.entities.recognize import _bare_word, bio_spans, repeat_names_in_tags
from khabar.entities.tagger import Tagger
from khabar.entities.words import bare_form
from khabar.errors import ConfigError

MAX_CHUNK_TOKENS = 200
"""Input sentences longer than this (files without blank lines) are tagged in pieces, cut after
sentence punctuation when there is some; the output keeps the input's sentence breaks."""

DOCUMENT_START = "-DOCSTART-"
"""CoNLL's document separator line: passed through as ``O`` and never tagged with its neighbours."""

REPEAT_BLOCK_SENTENCES = 20
"""Names found in a block of this many sentences (never across a document start) are tagged
again where the tagger missed them within the block: about a news article. On held-out NewsFANE
(blocks in file order) 0.729 → 0.739, with clitics joined 0.723 → 0.738; one block of the whole
file lost (0.716, before the rare-word bound): one article's names are no evidence in another
(benchmarks/results_ner.md)."""

_INVISIBLE = "\ufeff\u200e\u200f"

SCHEME_SAMPLE_LINES = 100_000
"""Lines of the input :func:`input_scheme` reads: enough to meet a person tag in any corpus."""


def input_scheme(lines: Iterable[str]) -> str:
    """The output scheme whose tag names the input's own tag column uses (``anercorp`` when it
    writes people as ``PERS``), ``khabar`` when it has no such column or names."""
    names = {name: scheme for scheme, table in OUTPUT_SCHEMES.items() for name in table.values()}
    for n, line in enumerate(lines):
        if n >= SCHEME_SAMPLE_LINES:
            break
        columns = split_columns(line)
        tag = columns[-1] if len(columns) > 1 else ""
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if kind in TYPE_ALIASES and kind != TYPE_ALIASES[kind]:
            return names.get(kind, "khabar")
    return "khabar"


def _renamer(scheme: str) -> dict[str, str]:
    """BIO tag → the tag under ``scheme``'s names, for every tag khabar writes."""
    if scheme not in OUTPUT_SCHEMES:
        known = ", ".join(sorted(OUTPUT_SCHEMES))
        raise ConfigError(f"unknown tag scheme {scheme!r}; known schemes: {known}")
    table = OUTPUT_SCHEMES[scheme]
    out = {"O": "O"}
    for kind, name in table.items():
        out[f"B-{kind}"] = f"B-{name}"
        out[f"I-{kind}"] = f"I-{name}"
    return out


def _pieces(tokens: list[str]) -> list[list[str]]:
    """One input sentence cut into the pieces it is tagged in (very long ones after sentence
    punctuation or every MAX_CHUNK_TOKENS tokens)."""
    pieces: list[list[str]] = []
    start = 0
    for i, token in enumerate(tokens):
        if token in SENTENCE_END or i - start + 1 >= MAX_CHUNK_TOKENS:
            pieces.append(tokens[start : i + 1])
            start = i + 1
    if start < len(tokens):
        pieces.append(tokens[start:])
    return pieces


def _tag_sentences(sentences: list[list[str]], tagger: Tagger) -> list[list[str]]:
    """Tag a block's input sentences in one batch (the decoder's rate: a sentence a call is
    several times slower)."""
    cut = [_pieces(tokens) for tokens in sentences]
    tagged = iter(tagger.tag_batch([piece for pieces in cut for piece in pieces]))
    return [[tag for _ in pieces for tag in next(tagged)] for pieces in cut]


def tag_conll(
    lines: Iterable[str],
    tagger: Tagger,
    block: int = REPEAT_BLOCK_SENTENCES,
    scheme: str = "khabar",
) -> Iterator[str]:
    """Tag CoNLL lines (token first, other columns ignored); yield ``token<TAB>tag`` lines.

    Sentences are tagged in blocks of ``block`` (cut at document starts too), within which names
    the tagger found are tagged again where it missed them; ``block=0`` tags each sentence alone.
    Tags are written under ``scheme``'s names (``anercorp``: PERS for people). Output follows
    the input line for line. An unknown scheme raises :class:`ConfigError` at once.
    """
    return _tag_lines(lines, tagger, block, _renamer(scheme))


NAMED_AFTER_HEAD_MAX_PER_MILLION = 10.0
"""An untagged indefinite word after a head of ORG_HEADS_NAMING_NEXT (شركة سياك، شركتي تويوتا) is
taken as the organisation's name only when it is at most this common in the word-count corpus,
per million words (سياك 0.5, تويوتا 5.8; خطير 31, عمل far more): set by hand from those words,
not tuned (the development part holds three such names)."""

NATIONALITY_ENDINGS = ("يه", "ي")
"""Endings of a definite nationality adjective (الألمانية، الصيني) whose stem names a country."""


def _nationality(bare: str) -> bool:
    """A definite nationality adjective (الالمانيه، الفرنسي، القطري, bare and normalised): its
    stem, with ا or يا or the article, is a one-word CLDR place (المانيا، فرنسا، قطر)."""
    if not bare.startswith("ال"):
        return False
    places = cldr_one_word_places()
    for ending in NATIONALITY_ENDINGS:
        if bare.endswith(ending) and len(bare) > len(ending) + 3:
            stem = bare[2 : -len(ending)]
            return any(p in places for p in (stem, stem + "ا", stem + "يا", "ال" + stem))
    return False


def _names_after_head(bare: list[str], i: int) -> bool:
    """Whether the untagged word after the head ``bare[i]`` is the organisation's name: a word,
    not a function word, title or nationality adjective, not described by a nationality
    adjective itself (شركة السيارات الألمانية), definite or rare (and definite after فريق، نادي)."""
    word = bare[i + 1]
    if not word.isalpha() or word in PERSON_TITLES or word in NOT_NAMES_AFTER_HEADS:
        return False
    if _nationality(word):
        return False
    if i + 2 < len(bare) and _nationality(bare[i + 2]):
        return False
    if word.startswith("ال"):
        return len(word) > 3
    if bare[i] in CLUB_HEADS:
        return False
    return default_lexicon().per_million(word) <= NAMED_AFTER_HEAD_MAX_PER_MILLION


def _named_after_heads(tokens: list[str], tags: list[str]) -> list[str]:
    """The tags with the name after a head of ORG_HEADS_NAMING_NEXT made an organisation: an
    untagged word that names (بنادي الغرافة، شركة سياك), a place or MISC name retyped (نادي قطر),
    and a nationality adjective after the name taken off (صحيفة بيلد الألمانية: it describes the
    head). ANERcorp development part, tag-entities: 0.761 → 0.768, ORG 0.704 → 0.725
    (benchmarks/results_ner.md, round 10)."""
    bare = [_bare_word(t) for t in tokens]  # cached: the block's repetition read them
    heads = [i for i, word in enumerate(bare[:-1]) if word in ORG_HEADS_NAMING_NEXT]
    if not heads:
        return tags  # most sentences
    out = list(tags)
    for i in heads:
        if out[i] != "O":
            continue
        after = out[i + 1]
        if after == "O" and _names_after_head(bare, i):
            out[i + 1] = "B-ORG"
        elif after in ("B-LOC", "B-MISC"):
            last = i + 2
            while last < len(out) and out[last] == f"I-{after[2:]}":
                last += 1
            out[i + 1 : last] = ["B-ORG"] + ["I-ORG"] * (last - i - 2)
    for kind, first, last in bio_spans(out):
        head_inside = bare[first] in ORG_HEADS_NAMING_NEXT
        head_before = first > 0 and bare[first - 1] in ORG_HEADS_NAMING_NEXT
        if (
            kind == "ORG"
            and (head_inside or head_before)
            and last - first > 1 + head_inside
            and _nationality(bare[last - 1])
        ):
            out[last - 1] = "O"
    return out if out != tags else tags


FAMILY_SPELLINGS = frozenset({"آل", "أل", "ال"})
"""آل (the house of: محمد بن راشد آل مكتوم) as written, standing alone as a token (never the
article then)."""


def _family_names(tokens: list[str], tags: list[str]) -> list[str]:
    """The tags with a person's name carried through آل and the family name after it (محمد بن
    راشد [آل مكتوم]), which the tagger often cuts off or tags as a second person. In ANERcorp's
    first nine tenths آل after a person's name is inside it 16 times of 16; in NewsFANE's
    training split (which writes it ال) 42 times of 43. ANERcorp development
    part, tag-entities after the head rule: 0.768 → 0.776, PER 0.738 → 0.763, PER boundary
    errors 45 → 35 (benchmarks/results_ner.md, round 10)."""
    if FAMILY_SPELLINGS.isdisjoint(tokens):
        return tags  # most sentences
    out = tags
    for i in range(1, len(tokens) - 1):
        if out[i - 1] in ("B-PER", "I-PER") and tokens[i] in FAMILY_SPELLINGS:
            if out is tags:
                out = list(tags)
            out[i] = "I-PER"
            family = out[i + 1] == "B-PER"
            if family or (out[i + 1] == "O" and _bare_word(tokens[i + 1]).isalpha()):
                out[i + 1] = "I-PER"
    return out if out != tags else tags


def _without_heads(tokens: list[str], tags: list[str]) -> list[str]:
    """The tags with a head the corpora leave out of organisations' names (صحيفة، نادي، شركة:
    data.cues.ORG_HEADS_LEFT_OUT) taken off the front of an organisation tagged with it:
    «صحيفة تايمز» → «تايمز». ANERcorp development part, tag-entities: 0.756 → 0.761, ORG 0.689
    → 0.704 (benchmarks/results_ner.md, round 9)."""
    out = tags
    for kind, first, last in bio_spans(tags):
        if kind == "ORG" and last - first > 1:
            norm = normalize(tokens[first]) or tokens[first]
            if bare_form(norm) in ORG_HEADS_LEFT_OUT:
                out = list(out) if out is tags else out
                out[first], out[first + 1] = "O", "B-ORG"
    return out


def _tag_lines(
    lines: Iterable[str], tagger: Tagger, block: int, rename: dict[str, str]
) -> Iterator[str]:
    """:func:`tag_conll`'s work, tags renamed through ``rename``."""
    sentence: list[str] = []
    # a block: its sentences, and the output in order: a sentence's index or a literal line
    sentences: list[list[str]] = []
    layout: list[int | str] = []

    def end_sentence() -> None:
        if sentence:
            layout.append(len(sentences))
            sentences.append(list(sentence))
            sentence.clear()

    def flush() -> Iterator[str]:
        end_sentence()
        clean = [[t.strip(_INVISIBLE) or t for t in s] for s in sentences]
        tags = _tag_sentences(clean, tagger)
        if block > 0:
            tags = repeat_names_in_tags(clean, tags)
        tags = [_named_after_heads(s, t) for s, t in zip(clean, tags, strict=True)]
        tags = [_family_names(s, t) for s, t in zip(clean, tags, strict=True)]
        tags = [_without_heads(s, t) for s, t in zip(clean, tags, strict=True)]
        for item in layout:
            if isinstance(item, str):
                yield item
                continue
            for token, tag in zip(sentences[item], tags[item], strict=True):
                yield f"{token}\t{rename.get(tag, tag)}"
        sentences.clear()
        layout.clear()

    for raw in lines:
        line = raw.rstrip("\r\n")
        token = line.split("\t")[0].split(" ")[0] if line.strip() else ""
        if token == DOCUMENT_START:
            yield from flush()
            yield f"{token}\tO"
            continue
        if not token.strip(_INVISIBLE + " "):
            end_sentence()
            layout.append("")
            if len(sentences) >= max(block, 1):
                yield from flush()
            continue
        sentence.append(token)
    yield from flush()
