"""Reading NewsFANE, ANERcorp (and other one-token-a-line corpora) into tagged sentences.

NewsFANE has one token a line (``TOKEN<TAB>BIO-label``, CRLF), a BOM, U+200E marks before most
tokens and no sentence breaks other than the odd empty token line. Sentences are cut at empty
lines and after sentence punctuation, so the split into training and held-out data is fixed by
position: the held-out part is the last ``HELD_OUT_SHARE`` of the sentences, in file order.

ANERcorp (CAMeL Lab split) has ``TOKEN TAG`` lines (one space) and a blank line after every
sentence; its train part is cut the same way, by position: the last ``ANERCORP_DEV_SHARE`` of its
sentences are the development part, on which khabar's choices are made.

NewsFANE's text is ANERcorp's, re-annotated and reordered: 86–88 % of the 6-token runs of ANERcorp
train are in NewsFANE, and NewsFANE holds one block of about 25.5k tokens (sentences ~2150–3170)
that is not in ANERcorp train, right after the sentences matching train's last ones: where the
ANERcorp test part (25,008 words) sits in the corpus's order. :func:`split_by_text` finds the
sentences of one corpus whose text is in another, so that training keeps to ANERcorp train's
text and no evaluation part is trained on under the other corpus's annotation.
"""

from __future__ import annotations

import lzma
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from khabar.arabic import normalize
from khabar.entities.data.newsfane import (
    FINE_TO_COARSE,
    SEPARATED_PROCLITICS,
    SEPARATED_SUFFIXES,
)
from khabar.entities.data.schemes import TYPE_ALIASES

HELD_OUT_SHARE = 0.2
"""Share of sentences (the last ones in the file) kept out of training for evaluation."""

ANERCORP_DEV_SHARE = 0.1
"""Share of ANERcorp train's sentences (the last ones, as CAMeL Lab cut train from test) kept
as the development part: every choice about the ANERcorp-trained model is made on it."""

SENTENCE_END = frozenset({".", "!", "?", "؟"})
"""Tokens after which a pseudo-sentence ends."""

SHARED_RUN_TOKENS = 5
"""Sentences are compared by their runs of this many tokens (normalised, clitics joined), shorter
sentences as a whole: runs this long rarely repeat by chance in 170k tokens of news."""

SHARED_TEXT_SHARE = 0.5
"""A sentence is another corpus's text when at least this share of its runs is found there. Of
NewsFANE's sentences, 83 % share over 0.8 with ANERcorp train, and in the block not in it 802
of 985 share under 0.5 (tokenisation and sentence cuts differ, so a match is never complete)."""

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
        tags.append(_coarse_label(label))
        if token in SENTENCE_END:
            done = flush()
            if done:
                yield done
    done = flush()
    if done:
        yield done


def _coarse_label(label: str) -> str:
    """A BIO label over khabar's four types, from a coarse (``B-PERS``) or fine NewsFANE one."""
    kind = TYPE_ALIASES.get(label[2:]) if label[:2] in ("B-", "I-") else None
    return f"{label[:2]}{kind}" if kind else coarse_tag(label)


def split_columns(line: str) -> list[str]:
    """The columns of a CoNLL line: tab-separated, or else whitespace-separated (ANERcorp)."""
    line = line.rstrip("\r\n")
    return line.split("\t") if "\t" in line else line.split()


def read_conll_sentences(lines: Iterable[str]) -> Iterator[Sentence]:
    """Parse CoNLL lines (token first, BIO tag last; tab- or space-separated) into sentences,
    cut at blank lines only; ``-DOCSTART-`` lines are skipped, tags mapped to the four types."""
    tokens: list[str] = []
    tags: list[str] = []
    for raw in lines:
        parts = split_columns(raw)
        token = parts[0].strip(_STRIP).strip() if parts else ""
        if token == "-DOCSTART-":
            continue
        if not token:
            if tokens:
                yield Sentence(tuple(tokens), tuple(repair_bio(tags)))
                tokens.clear()
                tags.clear()
            continue
        tokens.append(token)
        tags.append(_coarse_label(parts[-1].strip()) if len(parts) > 1 else "O")
    if tokens:
        yield Sentence(tuple(tokens), tuple(repair_bio(tags)))


def read_anercorp(path: str | Path) -> list[Sentence]:
    """Read an ANERcorp file (``.txt`` or ``.txt.xz``; ``TOKEN TAG`` lines) into sentences."""
    path = Path(path)
    opener = lzma.open if path.suffix == ".xz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:  # type: ignore[operator]
        return list(read_conll_sentences(fh))


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


def _text_tokens(sentence: Sentence) -> tuple[str, ...]:
    """The sentence's tokens as compared across corpora: clitics joined, normalised."""
    return tuple(normalize(t) or t for t in join_clitics(sentence).tokens)


def text_runs(sentences: Iterable[Sentence]) -> frozenset[tuple[str, ...]]:
    """Every run of 1 … ``SHARED_RUN_TOKENS`` tokens of the sentences, as compared."""
    runs: set[tuple[str, ...]] = set()
    for sentence in sentences:
        tokens = _text_tokens(sentence)
        for n in range(1, SHARED_RUN_TOKENS + 1):
            runs.update(tokens[i : i + n] for i in range(len(tokens) - n + 1))
    return frozenset(runs)


def shared_text(sentence: Sentence, runs: frozenset[tuple[str, ...]]) -> float:
    """Share of the sentence's runs found in ``runs`` (a sentence shorter than a run: 1.0 when
    it is found whole, else 0.0)."""
    tokens = _text_tokens(sentence)
    n = min(SHARED_RUN_TOKENS, len(tokens))
    if n == 0:
        return 0.0
    own = [tokens[i : i + n] for i in range(len(tokens) - n + 1)]
    return sum(run in runs for run in own) / len(own)


def split_by_text(
    sentences: Sequence[Sentence],
    reference: Iterable[Sentence],
    share: float = SHARED_TEXT_SHARE,
) -> tuple[list[Sentence], list[Sentence]]:
    """Split sentences into those whose text is in ``reference`` (at least ``share`` of their
    runs found there) and the rest, keeping order."""
    runs = text_runs(reference)
    inside: list[Sentence] = []
    outside: list[Sentence] = []
    for sentence in sentences:
        found = shared_text(sentence, runs) >= share
        (inside if found else outside).append(sentence)
    return inside, outside
