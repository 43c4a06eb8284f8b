"""New word types added to the CRF decoder's tables in bulk: the cold half of tagging.

:class:`khabar.entities.crf.CrfDecoder` gives each new word type a row of its tables: the sum
of the type's own attribute weights and the attribute ids it lends its four neighbour
positions. It looks the type's five attribute lists up one list at a time and pads each id
list in Python. :class:`BulkTypeDecoder` looks every attribute of a batch's new types up in one
pass (one ``dict.get`` per string, driven from C) and lays the ids into the padded tables with
array arithmetic; the features themselves (:meth:`FeatureExtractor.all_features`), the order
in which weights are added and so the tags are the same. The neighbour lists are looked up
before their position prefixes (:meth:`FeatureExtractor.type_features`), in one table per
prefix of the attributes carrying it: ``w=X`` in the ``-1`` table is the id of ``-1w=X``, so
the four prefixed copies of each list are never built (on the 48 thousand word types of 1,000
ANT articles, about a fifth of the cold path).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np
from numpy.typing import NDArray

from khabar.entities.crf import CrfDecoder
from khabar.entities.features import TypeFeatures

NEIGHBOUR_LISTS = (("-1", "near"), ("+1", "near"), ("-2", "context"), ("+2", "context"))
"""The prefix and the TypeFeatures list of what a type lends the token after it, before it, two
after, two before (WordFeatures' prev1, next1, prev2, next2): in the order of the decoder's
neighbour tables."""

UNKNOWN = -1
"""The id looked up for an attribute the model has no weights for (dropped, as crfsuite does)."""


class BulkTypeDecoder(CrfDecoder):
    """A :class:`CrfDecoder` whose new word types are added in bulk (same tables, same tags)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prefixed: list[dict[str, int]] | None = None
        """The neighbour lists' attribute tables (:meth:`_by_prefix`), made on first use."""

    def _add_types(self, tokens: Sequence[str]) -> None:
        """Give each of ``tokens`` (new, distinct word types) a row in the type tables."""
        found = [self.extractor.type_features(t) for t in tokens]
        first, end = self._types, self._types + len(tokens)
        self._reserve(end)
        here, *near = self._id_tables(found)
        state = self.weights.state
        total = np.zeros((len(tokens), state.shape[1]))
        for ids in here.T:  # one attribute at a time, in list order, as crfsuite sums
            total += state[ids]
        self._here[first:end] = total
        for i, ids in enumerate(near):
            table = self._near[i]
            if ids.shape[1] > table.shape[1]:
                wider = np.full((len(table), ids.shape[1]), self.weights.padding, np.intp)
                wider[:, : table.shape[1]] = table
                self._near[i] = table = wider
            table[first:end, : ids.shape[1]] = ids
            table[first:end, ids.shape[1] :] = self.weights.padding
        stems, clusters = self.stem_pairs, self.cluster_pairs
        self._stem_codes[first:end] = [
            *map(stems.vocabulary.get, (f.key for f in found), repeat(stems.unknown))
        ]
        self._cluster_codes[first:end] = [
            *map(clusters.vocabulary.get, (f.cluster for f in found), repeat(clusters.unknown))
        ]
        self._index.update(zip(tokens, range(first, end), strict=True))
        self._types = end

    def _reserve(self, rows: int) -> None:
        """Grow the type tables (doubling them) until they hold ``rows`` rows."""
        padding = self.weights.padding
        while rows > len(self._here):
            self._here = np.concatenate([self._here, np.zeros_like(self._here)])
            self._near = [np.concatenate([t, np.full_like(t, padding)]) for t in self._near]
            self._stem_codes = np.concatenate([self._stem_codes, self._stem_codes])
            self._cluster_codes = np.concatenate([self._cluster_codes, self._cluster_codes])

    def _by_prefix(self) -> list[dict[str, int]]:
        """For each neighbour list's prefix, the model's attributes carrying it by what follows
        the prefix (made on first use)."""
        tables = self._prefixed
        if tables is None:
            prefixes = [prefix for prefix, _ in NEIGHBOUR_LISTS]
            tables: list[dict[str, int]] = [{} for _ in prefixes]
            place = {prefix: table for prefix, table in zip(prefixes, tables, strict=True)}
            for name, aid in self.weights.attributes.items():
                table = place.get(name[:2])
                if table is not None:
                    table[name[2:]] = aid
            self._prefixed = tables
        return tables

    def _id_tables(self, found: Sequence[TypeFeatures]) -> list[NDArray[np.intp]]:
        """For the ``here`` list and each neighbour list: a types × width matrix of the ids of
        the attributes the model knows, in list order, padded on the right."""
        groups = [[f.here for f in found]] + [
            [getattr(f, name) for f in found] for _, name in NEIGHBOUR_LISTS
        ]
        lookups = [self.weights.attributes.get, *(t.get for t in self._by_prefix())]
        lists = list(chain.from_iterable(groups))  # group by group, type by type
        lengths = np.fromiter(map(len, lists), np.intp, count=len(lists))
        types = len(found)
        sizes = [int(lengths[g * types : (g + 1) * types].sum()) for g in range(len(groups))]
        ids = np.fromiter(
            chain.from_iterable(
                map(get, chain.from_iterable(group), repeat(UNKNOWN))
                for get, group in zip(lookups, groups, strict=True)
            ),
            np.intp,
            count=sum(sizes),
        )
        owner = np.repeat(np.arange(len(lists)), lengths)  # the list each string came from
        known = ids != UNKNOWN
        ids, owner = ids[known], owner[known]
        kept = np.bincount(owner, minlength=len(lists))
        column = np.arange(len(ids)) - (np.cumsum(kept) - kept)[owner]
        out = []
        for g in range(len(groups)):
            width = max(1, int(kept[g * types : (g + 1) * types].max()))
            table = np.full((types, width), self.weights.padding, np.intp)
            mine = (owner >= g * types) & (owner < (g + 1) * types)
            table[owner[mine] - g * types, column[mine]] = ids[mine]
            out.append(table)
        return out
