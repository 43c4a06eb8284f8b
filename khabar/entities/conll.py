"""CoNLL in, ``token<TAB>tag`` out: the ``khabar tag-entities`` format."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khabar.entities.corpus import SENTENCE_END
from khabar.entities.recognize import repeat_names_in_tags
from khabar.entities.tagger import Tagger

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


def tag_conll(
    lines: Iterable[str], tagger: Tagger, block: int = REPEAT_BLOCK_SENTENCES
) -> Iterator[str]:
    """Tag CoNLL lines (token first, other columns ignored); yield ``token<TAB>tag`` lines.

    Sentences are tagged in blocks of ``block`` (cut at document starts too), within which names
    the tagger found are tagged again where it missed them; ``block=0`` tags each sentence alone.
    Output follows the input line for line.
    """
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
        tags = [_tag_sentence(s, tagger) for s in clean]
        if block > 0:
            tags = repeat_names_in_tags(clean, tags)
        for item in layout:
            if isinstance(item, str):
                yield item
                continue
            for token, tag in zip(sentences[item], tags[item], strict=True):
                yield f"{token}\t{tag}"
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
