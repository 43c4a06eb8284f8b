"""A CRFsuite model's weights read from its file, and Viterbi decoding over them in numpy.

pycrfsuite tags a sentence from lists of attribute strings: each token's dozens of strings are
built, looked up in the model's string table and summed into state scores, once per token and
per call. Here the weights of a word type's own attributes, and the attribute ids it lends its
neighbours, are worked out once per type; a batch of sentences then costs a few array gathers
and one Viterbi pass over all its sentences at once.

The tags are the ones pycrfsuite gives, bit for bit: crfsuite adds a token's attribute weights
into its state scores one attribute at a time, in the order of the token's attribute list, and
so does :meth:`CrfDecoder.state_scores` (a word type's own attributes come first in the list, so
their running sum is kept per type); the Viterbi recursion does crfsuite's additions in its order
and breaks ties as it does, towards the lower label id.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from khabar.entities.features import MAX_CACHED_TYPES, FeatureExtractor, WordFeatures
from khabar.errors import ModelError

MODEL_MAGIC = b"lCRF"
MODEL_TYPE = b"FOMC"
"""CRFsuite's file magic and its first-order linear-chain model type."""

HEADER_FORMAT = "<4sI4sIIIIIIIII"
"""magic, file size, type, version, features, labels, attributes, then five chunk offsets."""

CHUNK_HEADER_BYTES = 12
"""A chunk opens with its 4-byte id, its size and its item count."""

FEATURE_DTYPE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
"""One feature of the FEAT chunk: state (type 0: attribute → label) or transition (type 1:
label → label), and its weight, 20 bytes packed, little-endian."""

STATE_FEATURE, TRANSITION_FEATURE = 0, 1

DUMP_DECIMALS = 6
"""pycrfsuite's ``info()`` prints weights with this many decimals (C's ``%f``)."""

EDGE_ATTRIBUTES = ("BOS", "EOS", "BOS2", "EOS2")
"""What a token at a sentence's edge gets in place of its missing neighbour's attributes at
-1, +1, -2 and +2 (khabar.entities.features)."""

INITIAL_TYPES = 4096
"""Rows first allocated for word types; the tables double when full."""


@dataclass(frozen=True)
class CrfWeights:
    """The weights of a trained linear-chain CRF, as arrays."""

    labels: tuple[str, ...]
    """Label names by label id."""
    attributes: Mapping[str, int]
    """Attribute name → its row of ``state``."""
    state: NDArray[np.float64]
    """Attribute id × label weights; one more row than attributes, all zeros (padding and
    attributes the model does not know)."""
    transitions: NDArray[np.float64]
    """Label × label weights (from the row's label to the column's)."""

    @property
    def padding(self) -> int:
        """The all-zero row of ``state``."""
        return len(self.attributes)


def read_crfsuite(
    path: Path, labels: Mapping[str, str | int], attributes: Mapping[str, str | int]
) -> CrfWeights:
    """The weights of the CRFsuite model file at ``path``, given its label and attribute ids
    (``pycrfsuite.Tagger.info()``: names → ids; the ids index the file's features)."""
    data = path.read_bytes()
    header = struct.unpack_from(HEADER_FORMAT, data)
    magic, _, kind, _, _, num_labels, num_attrs, off_features = header[:8]
    if magic != MODEL_MAGIC or kind != MODEL_TYPE:
        raise ModelError(f"{path} is not a CRFsuite linear-chain model (magic {magic!r})")
    if num_labels != len(labels) or num_attrs != len(attributes):
        raise ModelError(
            f"{path} holds {num_labels} labels and {num_attrs} attributes, its dump "
            f"{len(labels)} and {len(attributes)}: the file and the tagger opened differ"
        )
    (count,) = struct.unpack_from("<I", data, off_features + 8)
    features = np.frombuffer(
        data, dtype=FEATURE_DTYPE, count=count, offset=off_features + CHUNK_HEADER_BYTES
    )
    names = [""] * num_labels
    for name, lid in labels.items():
        names[int(lid)] = name
    attribute_ids = {name: int(aid) for name, aid in attributes.items()}
    state = np.zeros((num_attrs + 1, num_labels))
    transitions = np.zeros((num_labels, num_labels))
    kinds, src, dst, weight = (features[f] for f in ("type", "src", "dst", "weight"))
    on_state = kinds == STATE_FEATURE
    on_trans = kinds == TRANSITION_FEATURE
    state[src[on_state], dst[on_state]] = weight[on_state]
    transitions[src[on_trans], dst[on_trans]] = weight[on_trans]
    return CrfWeights(tuple(names), attribute_ids, state, transitions)


def check_against_dump(
    weights: CrfWeights,
    state_features: Mapping[tuple[str, str], float],
    transitions: Mapping[tuple[str, str], float],
) -> None:
    """Raise ModelError unless every weight of pycrfsuite's dump (rounded to six decimals) is
    the read weight rounded, and no other weight is non-zero."""
    label_ids = {name: i for i, name in enumerate(weights.labels)}
    seen = 0
    for (attribute, label), dumped in state_features.items():
        exact = float(weights.state[weights.attributes[attribute], label_ids[label]])
        if float(f"{exact:.{DUMP_DECIMALS}f}") != dumped:
            raise ModelError(f"weight of {attribute} → {label} read as {exact}, dumped {dumped}")
        seen += exact != 0.0
    for (source, target), dumped in transitions.items():
        exact = float(weights.transitions[label_ids[source], label_ids[target]])
        if float(f"{exact:.{DUMP_DECIMALS}f}") != dumped:
            raise ModelError(f"transition {source} → {target} read as {exact}, dumped {dumped}")
    if seen != int(np.count_nonzero(weights.state)):
        raise ModelError("the model file holds state weights its dump does not list")


class PairAttributes:
    """The model's attributes that join two words' strings (``bl=STEM|STEM``): each known
    string gets a code, and each pair of codes its attribute id, looked up for whole arrays.

    An attribute is filed under every way its value splits at a "|" (a stem may be "|" itself),
    so a pair of codes finds exactly the attribute the f-string of the pair would name.
    """

    def __init__(self, weights: CrfWeights, prefixes: Sequence[str]) -> None:
        self.padding = weights.padding
        self.vocabulary: dict[str, int] = {}
        pairs: dict[str, list[tuple[str, str, int]]] = {p: [] for p in prefixes}
        openings = tuple(f"{p}=" for p in prefixes)
        for name, aid in weights.attributes.items():
            if not name.startswith(openings):  # most attributes: tested in C, not split
                continue
            prefix, _, value = name.partition("=")
            for i, ch in enumerate(value):
                if ch == "|":
                    pairs[prefix].append((value[:i], value[i + 1 :], aid))
                    for part in (value[:i], value[i + 1 :]):
                        self.vocabulary.setdefault(part, len(self.vocabulary))
        self.unknown = len(self.vocabulary)
        """The code of strings in no pair attribute."""
        self._keys: dict[str, tuple[NDArray[np.int64], NDArray[np.intp]]] = {}
        for prefix, found in pairs.items():
            keys = np.array(
                [self._join(self.vocabulary[a], self.vocabulary[b]) for a, b, _ in found],
                dtype=np.int64,
            )
            order = np.argsort(keys, kind="stable")
            ids = np.array([aid for _, _, aid in found], dtype=np.intp)
            self._keys[prefix] = (keys[order], ids[order])

    def _join(self, left: int, right: int) -> int:
        return left * (self.unknown + 1) + right

    def code(self, value: str) -> int:
        """The code of one string (``unknown`` when no attribute holds it)."""
        return self.vocabulary.get(value, self.unknown)

    def ids(self, prefix: str, left: NDArray[np.intp], right: NDArray[np.intp]) -> NDArray[np.intp]:
        """Attribute ids of ``prefix=LEFT|RIGHT`` for arrays of codes (padding when unknown)."""
        keys, ids = self._keys[prefix]
        wanted = left.astype(np.int64) * (self.unknown + 1) + right
        if not len(keys):
            return np.full(len(wanted), self.padding, np.intp)
        at = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
        return np.where(keys[at] == wanted, ids[at], self.padding)


class CrfDecoder:
    """Best tag sequences under a CRF, from the features of ``extractor``; per word type it
    keeps the running sum of the type's own attribute weights and the attribute ids it gives
    its neighbours."""

    def __init__(
        self,
        weights: CrfWeights,
        extractor: FeatureExtractor,
        max_types: int = MAX_CACHED_TYPES,
    ) -> None:
        self.weights = weights
        self.extractor = extractor
        self.max_types = max_types
        """Word types kept before the tables are emptied (bounds memory on huge inputs)."""
        labels = len(weights.labels)
        self._index: dict[str, int] = {}
        self._here = np.zeros((INITIAL_TYPES, labels))
        # The attribute ids a word lends the token after it (its "-1" list), before it ("+1"),
        # two after ("-2") and two before ("+2"); row 0 is the sentence edge, lending BOS,
        # EOS, BOS2 and EOS2.
        self._near = [np.full((INITIAL_TYPES, 1), weights.padding, np.intp) for _ in range(4)]
        self.stem_pairs = PairAttributes(weights, ("bl", "br", "sk"))
        self.cluster_pairs = PairAttributes(weights, ("kl", "kr"))
        self._stem_codes = np.zeros(INITIAL_TYPES, np.intp)
        self._cluster_codes = np.zeros(INITIAL_TYPES, np.intp)
        self._types = 1
        for table, name in zip(self._near, EDGE_ATTRIBUTES, strict=True):
            table[0, 0] = weights.attributes.get(name, weights.padding)

    # ---- word types ----------------------------------------------------------------------

    def _ids(self, attributes: Sequence[str]) -> list[int]:
        """Ids of the attributes the model knows, in order (crfsuite skips the others)."""
        get = self.weights.attributes.get
        return [aid for aid in map(get, attributes) if aid is not None]

    def _padded(self, lists: Sequence[list[int]], width: int) -> NDArray[np.intp]:
        """Id lists as the rows of a matrix ``width`` wide, padded on the right."""
        padding = self.weights.padding
        return np.array([ids + [padding] * (width - len(ids)) for ids in lists], dtype=np.intp)

    def _add_types(self, tokens: Sequence[str]) -> None:
        """Give each of ``tokens`` (new, distinct word types) a row in the type tables."""
        found: list[WordFeatures] = [self.extractor.all_features(t) for t in tokens]
        first, end = self._types, self._types + len(tokens)
        while end > len(self._here):
            self._here = np.concatenate([self._here, np.zeros_like(self._here)])
            padding = self.weights.padding
            self._near = [np.concatenate([t, np.full_like(t, padding)]) for t in self._near]
            self._stem_codes = np.concatenate([self._stem_codes, self._stem_codes])
            self._cluster_codes = np.concatenate([self._cluster_codes, self._cluster_codes])
        here = [self._ids(f.here) for f in found]
        columns = self._padded(here, max(map(len, here))).T
        # one attribute at a time, in list order, as crfsuite sums (the padding adds zeros)
        state = self.weights.state
        total = np.zeros((len(tokens), state.shape[1]))
        for ids in columns:
            total += state[ids]
        self._here[first:end] = total
        for i, name in enumerate(("prev1", "next1", "prev2", "next2")):
            lists = [self._ids(getattr(f, name)) for f in found]
            table = self._near[i]
            width = max(table.shape[1], *map(len, lists))
            if width > table.shape[1]:
                wider = np.full((len(table), width), self.weights.padding, np.intp)
                wider[:, : table.shape[1]] = table
                self._near[i] = table = wider
            table[first:end] = self._padded(lists, width)
        self._stem_codes[first:end] = [self.stem_pairs.code(f.key) for f in found]
        self._cluster_codes[first:end] = [self.cluster_pairs.code(f.cluster) for f in found]
        self._index.update(zip(tokens, range(first, end), strict=True))
        self._types = end

    def _rows(self, tokens: Sequence[str]) -> list[int]:
        """The type rows of ``tokens``, new types added (the tables are emptied first when they
        might outgrow ``max_types``: never while a batch's rows are being gathered)."""
        if len(self._index) + len(tokens) > self.max_types:
            self._clear()
        index = self._index
        new = list(dict.fromkeys(t for t in tokens if t not in index))
        if new:
            self._add_types(new)
        return [index[t] for t in tokens]

    def _clear(self) -> None:
        """Forget every word type (bounds memory on huge inputs)."""
        self._index.clear()
        self._types = 1

    # ---- sentences -----------------------------------------------------------------------

    def state_scores(self, sentences: Sequence[Sequence[str]]) -> NDArray[np.float64]:
        """Token × label state scores of the sentences' tokens, one after another."""
        flat = [t for s in sentences for t in s]
        rows = np.array(self._rows(flat), dtype=np.intp)
        lengths = np.array([len(s) for s in sentences], dtype=np.intp)
        n = len(flat)
        position = np.arange(n)
        first = np.repeat(np.cumsum(lengths) - lengths, lengths)  # of each token's sentence
        last = first + np.repeat(lengths, lengths) - 1
        near = {}  # offset → the type row of the token that far away, 0 past the sentence
        for offset in (-2, -1, 1, 2):
            at = position + offset
            near[offset] = np.where((at >= first) & (at <= last), rows[np.clip(at, 0, n - 1)], 0)
        columns = self._pair_ids(rows, near[-1], near[1])
        for table, offset in zip(self._near, (-1, 1, -2, 2), strict=True):
            columns.extend(table[near[offset]].T)
        # one attribute at a time, in the order of the token's attribute list, as crfsuite adds
        state = self.weights.state
        scores = self._here[rows]
        for ids in columns:
            scores += state[ids]
        return scores

    def _pair_ids(
        self, rows: NDArray[np.intp], before: NDArray[np.intp], after: NDArray[np.intp]
    ) -> list[NDArray[np.intp]]:
        """Attribute ids of each token's stem and cluster pairs, in the order the features
        list them: ``bl`` (previous | this stem), ``br`` (this | next), ``sk`` (previous | next),
        ``kl``, ``kr`` (the same for coarse clusters), from the type rows of the tokens and of
        their neighbours (``before``, ``after``: 0 past the sentence, where "^" and "$" stand)."""
        stems, clusters = self._stem_codes, self._cluster_codes
        stem_pairs, cluster_pairs = self.stem_pairs, self.cluster_pairs
        stem_before = np.where(before > 0, stems[before], stem_pairs.code("^"))
        stem_after = np.where(after > 0, stems[after], stem_pairs.code("$"))
        cluster_before = np.where(before > 0, clusters[before], cluster_pairs.code("^"))
        cluster_after = np.where(after > 0, clusters[after], cluster_pairs.code("$"))
        return [
            stem_pairs.ids("bl", stem_before, stems[rows]),
            stem_pairs.ids("br", stems[rows], stem_after),
            stem_pairs.ids("sk", stem_before, stem_after),
            cluster_pairs.ids("kl", cluster_before, clusters[rows]),
            cluster_pairs.ids("kr", clusters[rows], cluster_after),
        ]

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """The best tag sequence of each sentence."""
        lengths = [len(s) for s in sentences]
        if not any(lengths):
            return [[] for _ in sentences]
        paths = viterbi(self.state_scores(sentences), lengths, self.weights.transitions)
        names = self.weights.labels
        return [[names[i] for i in path] for path in paths]


def viterbi(
    scores: NDArray[np.float64], lengths: Sequence[int], transitions: NDArray[np.float64]
) -> list[list[int]]:
    """Best label id paths of sentences whose state scores lie one after another in ``scores``
    (``lengths`` tokens each), all sentences advanced together one position at a time."""
    starts = np.cumsum([0, *lengths[:-1]])
    alive = [b for b, n in enumerate(lengths) if n]
    sizes = np.array([lengths[b] for b in alive])
    longest = int(sizes.max())
    # state scores padded into position × sentence × label (what lies past an end is not read)
    mask = np.arange(longest)[:, None] < sizes[None, :]
    alpha = np.zeros((longest, len(alive), transitions.shape[0]))
    alpha[mask] = scores[(np.arange(longest)[:, None] + starts[alive][None, :])[mask]]
    back = np.zeros(alpha.shape, dtype=np.intp)
    incoming = np.ascontiguousarray(transitions.T)  # [to, from]
    candidates = np.empty((len(alive), *incoming.shape))  # [sentence, to, from]
    flat = candidates.reshape(-1, incoming.shape[1])  # one row per sentence and label
    rows = np.arange(len(flat))
    for t in range(1, longest):
        np.add(alpha[t - 1, :, None, :], incoming, out=candidates)
        candidates.argmax(axis=2, out=back[t])  # the first best, as crfsuite keeps it
        # the best path in, then this position's state score
        alpha[t] += flat[rows, back[t].ravel()].reshape(alpha.shape[1:])
    ends = alpha[sizes - 1, np.arange(len(alive))].argmax(axis=1).tolist()
    out: list[list[int]] = [[] for _ in lengths]
    for k, b in enumerate(alive):
        n = lengths[b]
        path = [0] * n
        path[-1] = label = ends[k]
        steps = back[:n, k].tolist()
        for t in range(n - 1, 0, -1):
            label = steps[t][label]
            path[t - 1] = label
        out[b] = path
    return out
