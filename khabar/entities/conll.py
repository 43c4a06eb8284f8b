"""CoNLL in, ``token<TAB>tag`` out: the ``khabar tag-entities`` format.

Input is tab-separated CoNLL or ANERcorp's ``token TAG`` lines (the token is the first column
either way). Output tags are khabar's (PER/LOC/ORG/MISC) or, with a scheme, another corpus's
names for them (ANERcorp's PERS): see khabar/entities/data/schemes.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.arabic import normalize
from khabar.entities.corpus import SENTENCE_END, split_columns
from khabar.entities.data.cues import ORG_HEADS_LEFT_OUT
from khabar.entities.data.schemes import OUTPUT_SCHEMES, TYPE_ALIASES
from khabar.entities.recognize import bio_spans, repeat_names_in_tags
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
