"""Token features for the NER tagger, computed once per word type and cached on the extractor.

A token's features are its own word-type features plus its neighbours' (at -2 … +2), each
neighbour list precomputed with its position prefix, so tagging a sentence is list concatenation;
the only features built per sentence are pairs of stems and of coarse clusters (previous | this,
this | next, previous | next), worth +0.019 held-out micro F1 together. These attribute lists
are what python-crfsuite trains on; the tagger's decoder (khabar.entities.crf) turns each word
type's lists into weight sums and ids once (:meth:`FeatureExtractor.all_features`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from khabar.arabic import normalize, split_clitics
from khabar.arabic.lexicon import Lexicon
from khabar.entities.data.cues import (
    LOCATION_CUES,
    NATIONALITY_SUFFIXES,
    ORGANIZATION_CUES,
    PERSON_TITLES,
    SPEECH_VERBS,
)

MAX_CACHED_TYPES = 500_000
"""Word types kept in an extractor's cache before it is emptied (bounds memory on huge inputs)."""

FREQUENCY_LOG_BASE = 4.0
"""Word counts are bucketed as floor(log_base(count + 1)): 0, 1–2, 3–14, 15–62, …"""

DEFINITENESS_MIN_COUNT = 10
"""Words seen fewer times (with and without the article together) get no definiteness bucket."""

DEFINITENESS_BUCKETS = 5
"""The share of the other form (with vs without ال) is cut into this many equal buckets."""

_BOS = ["BOS"]
_EOS = ["EOS"]
_BOS2 = ["BOS2"]
_EOS2 = ["EOS2"]


@dataclass(frozen=True, slots=True)
class WordFeatures:
    """Features of one word type, as seen from itself and from each neighbouring position."""

    here: list[str]
    key: str
    """The word's stem (clitics cut), joined with its neighbours' into bigram features."""
    cluster: str
    """The word's coarsest cluster id ("" when unknown), joined with its neighbours'."""
    prev1: list[str]
    next1: list[str]
    prev2: list[str]
    next2: list[str]
    norm: str = ""
    """The normalised word."""
    bare: str = ""
    """The normalised word without one-letter clitics (the key of word clusters and vectors)."""


_CUE_CLASSES: dict[str, str] = {
    word: cls
    for cls, words in (
        ("SAY", SPEECH_VERBS),
        ("LOC", LOCATION_CUES),
        ("ORG", ORGANIZATION_CUES),
        ("PER", PERSON_TITLES),
    )
    for word in words
}
"""The cue class of each cue word (with or without the article); a word in several lists gets
the first of PER, ORG, LOC, SAY (written last, so it wins)."""


def _cue(word: str) -> str | None:
    """The cue class of a normalised word (with or without the article)."""
    return _CUE_CLASSES.get(word)


def _shape(token: str) -> str:
    """A coarse shape: digits, Latin, Arabic letters, punctuation or mixed."""
    if token.isdigit():
        return "dig"
    if token.isascii() and token.isalpha():
        return "lat"
    if token.isalpha():
        return "ar"
    if not any(ch.isalnum() for ch in token):
        return "pun"
    return "mix"


@dataclass(frozen=True, slots=True)
class TypeFeatures:
    """:class:`WordFeatures` before the neighbour positions' prefixes: the lists a word type
    lends the tokens one away (``near``, prefixed ``-1``/``+1``) and two away (``context``,
    ``-2``/``+2``)."""

    here: list[str]
    key: str
    cluster: str
    near: list[str]
    context: list[str]
    norm: str
    bare: str


class FeatureExtractor:
    """Turns token sequences into CRF attribute lists; caches features per word type."""

    def __init__(
        self,
        gazetteer: Mapping[str, frozenset[str]],
        places: Mapping[str, str],
        lexicon: Lexicon,
        clusters: Mapping[str, tuple[str, ...]] | None = None,
        known: frozenset[str] | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.places = places
        self.lexicon = lexicon
        self.clusters = clusters or {}
        self.known = known
        self._cache: dict[str, WordFeatures] = {}

    def word_features(self, token: str) -> WordFeatures:
        """Features of one word type (cached)."""
        found = self._cache.get(token)
        if found is not None:
            return found
        if len(self._cache) >= MAX_CACHED_TYPES:
            self._cache.clear()
        found = self._compute(token)
        self._cache[token] = found
        return found

    def _compute(self, token: str) -> WordFeatures:
        found = self.all_features(token)
        return WordFeatures(
            here=self._keep(found.here),
            key=found.key,
            cluster=found.cluster,
            prev1=self._keep(found.prev1),
            next1=self._keep(found.next1),
            prev2=self._keep(found.prev2),
            next2=self._keep(found.next2),
            norm=found.norm,
            bare=found.bare,
        )

    def all_features(self, token: str) -> WordFeatures:
        """Features of one word type, with the attributes the model has no weights for (not
        cached: for callers that keep what they need of them)."""
        found = self.type_features(token)
        near, context = found.near, found.context
        return WordFeatures(
            here=found.here,
            key=found.key,
            cluster=found.cluster,
            prev1=[f"-1{f}" for f in near],
            next1=[f"+1{f}" for f in near],
            prev2=[f"-2{f}" for f in context],
            next2=[f"+2{f}" for f in context],
            norm=found.norm,
            bare=found.bare,
        )

    def type_features(self, token: str) -> TypeFeatures:
        """What :meth:`all_features` is made of: the word's own attributes and, once, the
        attributes it lends its neighbours before their position prefixes (the CRF decoder
        looks those up by prefix without building the four prefixed lists)."""
        norm = normalize(token) or token
        split = split_clitics(norm, self.lexicon) if norm.isalpha() else None
        stem = split.stem if split else norm
        bare = (split.article + split.stem) if split else norm  # without one-letter clitics
        here = [f"w={norm}", f"s={stem}", f"sh={_shape(norm)}"]
        if split:
            if split.clitics:
                here.append(f"cl={split.clitics}")
            if split.article:
                here.append("art")
            count = self.lexicon.count
            freq = int(math.log(count(bare) + 1, FREQUENCY_LOG_BASE))
            here += [
                f"p2={stem[:2]}",
                f"p3={stem[:3]}",
                f"x2={stem[-2:]}",
                f"x3={stem[-3:]}",
                f"x1={stem[-1:]}",
                f"len={min(len(stem), 9)}",
                f"f={freq}",
                f"def={self._definiteness(split.article, stem)}",
            ]
            if stem.endswith(NATIONALITY_SUFFIXES):
                here.append("nat_sfx")
        context: list[str] = [f"w={norm}"]
        cues = _CUE_CLASSES
        cue = cues.get(norm) or cues.get(bare) or cues.get(stem)
        if cue:
            here.append(f"cue={cue}")
            context.append(f"cue={cue}")
        roles = self.gazetteer.get(bare) or self.gazetteer.get(norm)
        if roles:
            here += [f"g={r}" for r in roles]
            context += [f"g={r}" for r in roles if r.endswith("B")]
        place = self.places.get(bare)
        if place:
            here.append(f"pl={place}")
            context.append(f"pl={place}")
        clusters = self.clusters.get(bare) or self.clusters.get(norm)
        if clusters:
            here += [f"k{i}={c}" for i, c in enumerate(clusters)]
            context += [f"k={c}" for c in clusters[:2]]
        if bare != norm:
            context.append(f"b={bare}")
        return TypeFeatures(
            here=here,
            key=stem,
            cluster=clusters[0] if clusters else "",
            near=[*context, f"s={stem}"],
            context=context,
            norm=norm,
            bare=bare,
        )

    def _definiteness(self, article: str, stem: str) -> str:
        """How the word's counts with and without the article compare, bucketed.

        Names rarely change definiteness (بوتين is never البوتين, العراق seldom عراق) while
        common nouns take the article freely (كتاب / الكتاب), so this stands in for the
        capital letters Arabic lacks.
        """
        with_article = self.lexicon.count("ال" + stem)
        without = self.lexicon.count(stem)
        if with_article + without < DEFINITENESS_MIN_COUNT:
            return "rare"
        mine, other = (with_article, without) if article else (without, with_article)
        share = other / (mine + other)
        return str(min(int(share * DEFINITENESS_BUCKETS), DEFINITENESS_BUCKETS - 1))

    def _keep(self, attributes: list[str]) -> list[str]:
        """Only the attributes the trained model has weights for (the rest add nothing)."""
        if self.known is None:
            return attributes
        return [a for a in attributes if a in self.known]

    def sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        """CRF attribute lists for each token of a sentence."""
        words = [self.word_features(t) for t in tokens]
        n = len(words)
        keys = ["^", *(w.key for w in words), "$"]
        clusters = ["^", *(w.cluster for w in words), "$"]
        out: list[list[str]] = []
        for i, w in enumerate(words):
            before, here, after = keys[i], keys[i + 1], keys[i + 2]
            out.append(
                w.here
                + [
                    f"bl={before}|{here}",
                    f"br={here}|{after}",
                    f"sk={before}|{after}",
                    f"kl={clusters[i]}|{clusters[i + 1]}",
                    f"kr={clusters[i + 1]}|{clusters[i + 2]}",
                ]
                + (words[i - 1].prev1 if i > 0 else _BOS)
                + (words[i + 1].next1 if i + 1 < n else _EOS)
                + (words[i - 2].prev2 if i > 1 else _BOS2)
                + (words[i + 2].next2 if i + 2 < n else _EOS2)
            )
        return out
