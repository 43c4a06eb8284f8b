"""A small neural tagger run in numpy: word vectors + character CNN + feature bag → BiLSTM → CRF.

Every input of the network depends on the word type only (its ANT word vector, the characters of
its normalised form, a bag of the CRF's word-type features such as affixes, clitics, cue classes,
CLDR places and word clusters), so the input-to-gate products of both LSTM directions are computed
once per word type and cached; tagging a batch of sentences is then the recurrence (one batched
matmul per step for both directions and all sentences of the batch) and a Viterbi pass. The
weights are trained with torch by ``scripts/train_ner_neural.py`` and saved as one ``.npz``; torch
is not needed to tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from scipy.special import expit

from khabar.entities.features import FeatureExtractor

NEURAL_FILE = "ner.npz"
"""File name of the neural weights inside a model folder."""

MAX_WORD_CHARS = 20
"""Characters of a normalised word read by the character CNN (longer words are cut)."""

BAG_PREFIXES = (
    "sh=", "cl=", "art", "p2=", "p3=", "x1=", "x2=", "x3=", "len=", "f=", "def=", "nat_sfx",
    "cue=", "pl=", "k0=", "k1=", "k2=",
)  # fmt: skip
"""CRF word-type features fed to the network as a bag; word identities (w=, s=) and the
training-name gazetteer (g=) are left out so the network must generalise from form and context."""

MAX_CACHED_TYPES = 500_000
"""Word types whose gate inputs are kept before the cache is emptied (bounds memory)."""

MAX_BATCH_SENTENCES = 256
"""Sentences run through the recurrence together."""

MAX_BATCH_SLOTS = 8192
"""Padded token slots (sentences × longest sentence) of one batch: long sentences go in small
batches, so a batch does not run hundreds of steps for a few of its rows."""

PAD = 0
UNKNOWN = 1


@dataclass(frozen=True, slots=True)
class TypeInput:
    """The network's inputs for one word type, as indices into its tables."""

    word: int
    """Row of the word-vector table (0 = no vector)."""
    ident: int
    """Row of the table of words seen in training (0 = unseen or rare)."""
    chars: tuple[int, ...]
    """Rows of the character table (1 = a character unseen in training)."""
    feats: tuple[int, ...]
    """Rows of the feature-bag table, one per word-type feature the network knows."""


@dataclass(frozen=True, slots=True)
class Vocabularies:
    """Index tables of the network's inputs and outputs."""

    words: dict[str, int]
    idents: dict[str, int]
    chars: dict[str, int]
    feats: dict[str, int]
    tags: tuple[str, ...]


def type_input(token: str, extractor: FeatureExtractor, vocab: Vocabularies) -> TypeInput:
    """Index the inputs of one token (word vector row, characters, bag of word-type features)."""
    wf = extractor.word_features(token)
    word = vocab.words.get(wf.bare, 0) or vocab.words.get(wf.norm, 0)
    ident = vocab.idents.get(wf.bare, 0)
    chars = tuple(vocab.chars.get(c, UNKNOWN) for c in wf.norm[:MAX_WORD_CHARS]) or (UNKNOWN,)
    feats = tuple(sorted({vocab.feats[f] for f in wf.here if f in vocab.feats}))
    return TypeInput(word, ident, chars, feats)


def bag_features(attributes: Sequence[str]) -> list[str]:
    """The attributes of a word type that go into the network's feature bag."""
    return [a for a in attributes if a.startswith(BAG_PREFIXES)]


def _ifog(weight: np.ndarray, hidden: int) -> np.ndarray:
    """torch's LSTM gate blocks (input, forget, cell, output) on the last axis reordered to
    input, forget, output, cell, so one sigmoid covers the first three."""
    i, f, g, o = (weight[..., k * hidden : (k + 1) * hidden] for k in range(4))
    return np.concatenate([i, f, o, g], axis=-1)


class NeuralTagger:
    """Numpy inference of the BiLSTM-CRF saved by ``scripts/train_ner_neural.py``."""

    def __init__(self, path: str | Path, extractor: FeatureExtractor) -> None:
        with np.load(path, allow_pickle=False) as data:
            w = {k: data[k] for k in data.files}
        idents = w.pop("vocab_idents").tolist() if "vocab_idents" in w else []
        self.vocab_ = Vocabularies(
            words={x: i + 1 for i, x in enumerate(w.pop("vocab_words").tolist())},
            idents={x: i + 1 for i, x in enumerate(idents)},
            chars={c: i + 2 for i, c in enumerate(w.pop("vocab_chars").tolist())},
            feats={f: i + 1 for i, f in enumerate(w.pop("vocab_feats").tolist())},
            tags=tuple(w.pop("vocab_tags").tolist()),
        )
        w = {k: v.astype(np.float32) for k, v in w.items()}
        table = w.pop("word_vectors") * w.pop("word_scale")[:, None]
        self.word_vectors_ = np.vstack([np.zeros((1, table.shape[1]), np.float32), table])
        self.ident_emb_ = w.pop("ident_emb", np.zeros((1, 0), np.float32))
        self.ident_emb_[0] = 0.0  # unseen words (row 0) add nothing
        hidden = w["whh_f"].shape[0]
        wih, bih = w.pop("wih"), w.pop("bih")
        # columns: forward direction's gates, then the backward direction's
        self.wih_ = np.concatenate(
            [_ifog(wih[:, : 4 * hidden], hidden), _ifog(wih[:, 4 * hidden :], hidden)], axis=1
        )
        self.bih_ = np.concatenate(
            [_ifog(bih[: 4 * hidden], hidden), _ifog(bih[4 * hidden :], hidden)]
        )
        self.whh_ = np.stack([_ifog(w.pop("whh_f"), hidden), _ifog(w.pop("whh_b"), hidden)])
        self.w_ = w
        self.hidden_ = hidden
        self.extractor_ = extractor
        self._cache: dict[str, np.ndarray] = {}

    # ---- per word type -------------------------------------------------------------------

    def _gate_inputs(self, tokens: Sequence[str]) -> None:
        """Compute and cache the input-to-gate products (8 × hidden) of uncached word types."""
        new = [t for t in dict.fromkeys(tokens) if t not in self._cache]
        if not new:
            return
        if len(self._cache) + len(new) > MAX_CACHED_TYPES:
            self._cache.clear()
            new = list(dict.fromkeys(tokens))
        w = self.w_
        inputs = [type_input(t, self.extractor_, self.vocab_) for t in new]
        # characters: zero padding either side (as torch's conv padding), windows of ``width``
        width = w["conv_w"].shape[0] // w["char_emb"].shape[1]
        longest = max(len(ti.chars) for ti in inputs)
        ids = np.zeros((len(new), longest + width - 1), np.intp)
        for row, ti in enumerate(inputs):
            ids[row, width // 2 : width // 2 + len(ti.chars)] = ti.chars
        chars = w["char_emb"][ids]  # N × (C + width - 1) × D, row 0 of char_emb is zero
        windows = sliding_window_view(chars, width, axis=1)  # N × C × D × width
        windows = windows.transpose(0, 1, 3, 2).reshape(len(new), longest, -1)
        conv = windows @ w["conv_w"] + w["conv_b"]  # N × C × filters
        lengths = np.array([len(ti.chars) for ti in inputs])
        conv[np.arange(longest)[None, :] >= lengths[:, None]] = -1e4  # padding never wins max
        char_vec = np.tanh(conv.max(axis=1))
        bag = np.zeros((len(new), w["feat_emb"].shape[1]), np.float32)
        for row, ti in enumerate(inputs):
            if ti.feats:
                bag[row] = w["feat_emb"][list(ti.feats)].sum(axis=0)
        x = np.concatenate(
            [
                self.word_vectors_[[ti.word for ti in inputs]],
                self.ident_emb_[[ti.ident for ti in inputs]],
                char_vec,
                bag,
            ],
            axis=1,
        )
        self._cache.update(zip(new, x @ self.wih_ + self.bih_, strict=True))

    # ---- per batch -----------------------------------------------------------------------

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of tokens."""
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        out: list[list[str]] = [[] for _ in sentences]
        tags = self.vocab_.tags
        start = 0
        while start < len(order):
            end = start + 1  # grow the batch while its padded size stays in budget
            while (
                end < len(order)
                and end - start < MAX_BATCH_SENTENCES
                and (end - start + 1) * len(sentences[order[end]]) <= MAX_BATCH_SLOTS
            ):
                end += 1
            chunk = order[start:end]
            paths = self._tag_sorted([sentences[i] for i in chunk])
            for i, path in zip(chunk, paths, strict=True):
                out[i] = [tags[t] for t in path]
            start = end
        return out

    def _tag_sorted(self, sentences: Sequence[Sequence[str]]) -> list[list[int]]:
        """Best tag paths of sentences sorted by length (shortest first)."""
        hidden = self.hidden_
        lengths = np.array([len(s) for s in sentences])
        batch, steps = len(sentences), int(lengths[-1])
        flat = [t for sentence in sentences for t in sentence]
        self._gate_inputs(flat)
        inputs = np.stack([self._cache[t] for t in flat])
        # the forward direction reads each sentence left-aligned, the backward one reads it
        # reversed and left-aligned, so padding only ever follows real tokens: no masking
        column = np.repeat(np.arange(batch), lengths)
        size = np.repeat(lengths, lengths)
        position = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        reverse = np.arange(len(flat)) + size - 1 - 2 * position
        gates = np.zeros((steps, 2, batch, 4 * hidden), np.float32)
        gates[position, 0, column] = inputs[:, : 4 * hidden]
        gates[position, 1, column] = inputs[reverse, 4 * hidden :]
        states = self._recur(gates)
        backward = np.zeros((steps, batch, hidden), np.float32)
        backward[position, column] = states[size - 1 - position, 1, column]
        joined = np.concatenate([states[:, 0], backward], axis=2)
        emissions = joined @ self.w_["out_w"] + self.w_["out_b"]
        return self._viterbi(emissions, lengths)

    def _recur(self, gates: np.ndarray) -> np.ndarray:
        """Both LSTM directions at once (steps × direction × batch × gates → states)."""
        hidden = self.hidden_
        steps, _, batch, _ = gates.shape
        h = np.zeros((2, batch, hidden), np.float32)
        c = np.zeros((2, batch, hidden), np.float32)
        out = np.empty((steps, 2, batch, hidden), np.float32)
        for t in range(steps):
            g = gates[t] + np.matmul(h, self.whh_)
            s = expit(g[..., : 3 * hidden])
            c = s[..., hidden : 2 * hidden] * c + s[..., :hidden] * np.tanh(g[..., 3 * hidden :])
            h = s[..., 2 * hidden :] * np.tanh(c)
            out[t] = h
        return out

    def _viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best tag paths under the CRF's transition, start and end scores."""
        w = self.w_
        steps, batch, _ = emissions.shape
        rows = np.arange(batch)
        score = w["crf_start"] + emissions[0]
        back = np.zeros((steps, batch, emissions.shape[2]), np.intp)
        final = np.zeros((batch, emissions.shape[2]), np.float32)
        ends = lengths - 1
        done = ends == 0
        final[done] = score[done]
        for t in range(1, steps):
            total = score[:, :, None] + w["crf_trans"]
            back[t] = total.argmax(axis=1)
            score = np.take_along_axis(total, back[t][:, None, :], axis=1)[:, 0] + emissions[t]
            done = ends == t
            final[done] = score[done]
        best_last = (final + w["crf_end"]).argmax(axis=1)
        current = best_last
        paths = np.zeros((steps, batch), np.intp)
        for t in range(steps - 1, -1, -1):  # each path starts at its sentence's last token
            current = np.where(ends == t, best_last, current)
            paths[t] = current
            if t:
                current = np.where(t <= ends, back[t, rows, current], current)
        return [paths[:n, b].tolist() for b, n in enumerate(lengths)]
