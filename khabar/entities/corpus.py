"""Reading NewsFANE (and other one-token-a-line corpora) into tagged sentences.

NewsFANE has one token a line (``TOKEN<TAB>BIO-label``, CRLF), a BOM, U+200E marks before most
tokens and no sentence breaks other than the odd empty token line. Sentences are cut at empty
lines and after sentence punctuation, so the split into training and held-out data is fixed by
position: the held-out part is the last ``HELD_OUT_SHARE`` of the sentences, in file order.
"""

from __future__ import annotations

import lzma
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from khabar.entities.data.newsfane import (
    FINE_TO_COARSE,
    SEPARATED_PROCLITICS,
    SEPARATED_SUFFIXES,
)

HELD_OUT_SHARE = 0.2
"""Share of sentences (the last ones in the file) kept out of training for evaluation."""

SENTENCE_END = frozenset({".", "!", "?", "؟"})
"""Tokens after which a pseudo-sentence ends."""

_STRIP = "\ufeff\u200e\u200f"


@dataclass(frozen=True, slots=True)
class Sentence:
    """Tokens and their BIO tags over PER/LOC/ORG/MISC."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]


def coarse_tag(label: str) -> str:
    """Map a fine NewsFANE BIO label (``B-Politician``) to a coarse one (``B-PER``)."""
    if len(label) < 3 or label[1] != "-" or label[0] not in "BI":
        return "O"
    coarse = FINE_TO_COARSE.get(label[2:])
    return f"{label[0]}-{coarse}" if coarse else "O"


def repair_bio(tags: list[str]) -> list[str]:
    """Turn an I- tag that does not continue an entity of its type into B-."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_token_lines(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse ``TOKEN<TAB>label`` lines into sentences (fine labels mapped to the coarse four)."""
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> Sentence | None:
        if not tokens:
            return None
        sentence = Sentence(tuple(tokens), tuple(repair_bio(tags)))
        tokens.clear()
        tags.clear()
        return sentence

    for raw in lines:
        parts = raw.rstrip("\r\n").split("\t")
        token = parts[0].strip(_STRIP).strip()
        if not token:
            done = flush()
            if done:
                yield done
            continue
        label = parts[1].strip() if len(parts) > 1 else "O"
        tokens.append(token)
        tags.append(
            label if label[:2] in ("B-", "I-") and label[2:] in _COARSE else coarse_tag(label)
        )
        if token in SENTENCE_END:
            done = flush()
            if done:
                yield done
    done = flush()
    if done:
        yield done


_COARSE = frozenset({"PER", "LOC", "ORG", "MISC"})


def read_newsfane(path: str | Path) -> list[Sentence]:
    """Read the NewsFANE file (``.txt`` or ``.txt.xz``) into coarse-tagged sentences."""
    path = Path(path)
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:  # type: ignore[operator]
        return list(read_token_lines(fh))


def split_held_out(
    sentences: list[Sentence], share: float = HELD_OUT_SHARE
) -> tuple[list[Sentence], list[Sentence]]:
    """Split sentences by position: the first part for training, the last ``share`` held out."""
    cut = round(len(sentences) * (1.0 - share))
    return sentences[:cut], sentences[cut:]


def _arabic_word(token: str) -> bool:
    return token.isalpha() and not token.isascii()


def join_clitics(sentence: Sentence) -> Sentence:
    """The sentence as text usually writes it: separated pronoun suffixes joined to the word
    before (حكومة ه → حكومته) and one-letter prefixes to the word after (و ب الرياض →
    وبالرياض, ل الرياض → للرياض). A joined token keeps the word's tag (the prefix's when that
    opens an entity). The bundled model trains on both views (``scripts/train_ner.py``): with
    GeoNames towns, held-out micro F1 0.699 → 0.723 on the joined view, 0.733 → 0.729 on
    NewsFANE's own (benchmarks/results_ner.md)."""
    tokens: list[str] = []
    tags: list[str] = []
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        if (
            token in SEPARATED_SUFFIXES
            and tokens
            and _arabic_word(tokens[-1])
            and tokens[-1] not in SEPARATED_PROCLITICS
            and not tag.startswith("B-")
        ):
            word = tokens[-1]
            tokens[-1] = (word[:-1] + "ت" if word.endswith("ة") else word) + token
            continue
        tokens.append(token)
        tags.append(tag)
    i = len(tokens) - 2
    while i >= 0:  # right to left, so that chains (و ب X) join into one word
        if tokens[i] in SEPARATED_PROCLITICS and _arabic_word(tokens[i + 1]):
            word = tokens[i + 1]
            if tokens[i] == "ل" and word.startswith("ال"):
                word = word[1:]  # ل + الرياض is written للرياض
            tag = tags[i] if tags[i].startswith("B-") else tags[i + 1]
            tokens[i : i + 2] = [tokens[i] + word]
            tags[i : i + 2] = [tag]
        i -= 1
    return Sentence(tuple(tokens), tuple(tags))
