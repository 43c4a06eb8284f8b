"""CoNLL in, ``token<TAB>tag`` out: the ``khabar tag-entities`` format."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.entities.corpus import SENTENCE_END
from khabar.entities.tagger import Tagger

MAX_CHUNK_TOKENS = 200
"""Input sentences longer than this (files without blank lines) are tagged in pieces, cut after
sentence punctuation when there is some; the output keeps the input's sentence breaks."""

DOCUMENT_START = "-DOCSTART-"
"""CoNLL's document separator line: passed through as ``O`` and never tagged with its neighbours."""

_INVISIBLE = "\ufeff\u200e\u200f"


def _tag_sentence(tokens: list[str], tagger: Tagger) -> list[str]:
    """Tag one input sentence, in pieces when it is very long."""
    pieces: list[list[str]] = []
    start = 0
    for i, token in enumerate(tokens):
        if token in SENTENCE_END or i - start + 1 >= MAX_CHUNK_TOKENS:
            pieces.append(tokens[start : i + 1])
            start = i + 1
    if start < len(tokens):
        pieces.append(tokens[start:])
    return [tag for piece in tagger.tag_batch(pieces) for tag in piece]


def tag_conll(lines: Iterable[str], tagger: Tagger) -> Iterator[str]:
    """Tag CoNLL lines (token first, other columns ignored); yield ``token<TAB>tag`` lines."""
    sentence: list[str] = []

    def flush() -> Iterator[str]:
        if sentence:
            clean = [t.strip(_INVISIBLE) or t for t in sentence]
            for token, tag in zip(sentence, _tag_sentence(clean, tagger), strict=True):
                yield f"{token}\t{tag}"
            sentence.clear()

    for raw in lines:
        line = raw.rstrip("\r\n")
        token = line.split("\t")[0].split(" ")[0] if line.strip() else ""
        if not token.strip(_INVISIBLE + " "):
            yield from flush()
            yield ""
            continue
        if token == DOCUMENT_START:
            yield from flush()
            yield f"{token}\tO"
            continue
        sentence.append(token)
    yield from flush()
