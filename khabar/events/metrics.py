"""Clustering metrics for event grouping: BCubed and pairwise precision, recall and F1.

Both metrics compare a predicted clustering with a gold one, each given as a mapping from
item id (an article id) to cluster id. Cluster ids are opaque labels: only which items share
a label matters, never the label text, so ``{"a": "1", "b": "1"}`` and ``{"a": "x", "b": "x"}``
are the same clustering.

Items are those present in ``gold``. An item of ``gold`` that ``pred`` leaves out is scored as
a singleton of its own in ``pred`` (the clusterer said nothing about it, so it linked it to
nothing); items of ``pred`` absent from ``gold`` are ignored (they are not labelled).

BCubed (Bagga & Baldwin 1998; Amigó et al. 2009): for every gold item, precision is the share
of its predicted cluster that shares its gold cluster, recall the share of its gold cluster that
shares its predicted cluster; both are averaged over items, and F1 is the harmonic mean of the
two averages.

Pairwise: every unordered pair of items put in one cluster is a link; precision is the share of
predicted links that are gold links, recall the share of gold links that are predicted. With no
links on one side the value is defined, never a division by zero: no predicted links gives
precision 1.0 (nothing wrong was claimed), no gold links gives recall 1.0 (nothing was missed),
and F1 is 1.0 only when neither side has a link (both all-singletons), 0.0 when exactly one has.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["ClusterScores", "bcubed", "evaluate", "f1", "pairwise"]


@dataclass(frozen=True)
class ClusterScores:
    """All clustering scores of one prediction against one gold labelling."""

    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    n_items: int
    n_gold_clusters: int
    n_pred_clusters: int


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    if precision + recall == 0.0:
        return 0.0
    return 2.0 * precision * recall / (precision + recall)


def _aligned(pred: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Map each gold item to (pred cluster, gold cluster); unpredicted items become singletons."""
    aligned: dict[str, tuple[str, str]] = {}
    for item, gold_label in gold.items():
        # Prefixes keep real labels apart from the synthetic singleton labels.
        pred_label = "p:" + str(pred[item]) if item in pred else "s:" + str(item)
        aligned[item] = (pred_label, str(gold_label))
    return aligned


def _pairs(size: int) -> int:
    """Number of unordered pairs among ``size`` items."""
    return size * (size - 1) // 2


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """BCubed (precision, recall, F1) of ``pred`` against ``gold``, averaged over gold items."""
    aligned = _aligned(pred, gold)
    if not aligned:
        return 1.0, 1.0, 1.0
    pred_sizes = Counter(p for p, _ in aligned.values())
    gold_sizes = Counter(g for _, g in aligned.values())
    overlap = Counter(aligned.values())
    precision_sum = 0.0
    recall_sum = 0.0
    for (p, g), shared in overlap.items():
        # Each of the ``shared`` items in this cell has the same per-item scores.
        precision_sum += shared * shared / pred_sizes[p]
        recall_sum += shared * shared / gold_sizes[g]
    n = len(aligned)
    precision = precision_sum / n
    recall = recall_sum / n
    return precision, recall, f1(precision, recall)


def pairwise(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """Pairwise (precision, recall, F1) over pairs of gold items put in one cluster."""
    aligned = _aligned(pred, gold)
    pred_links = sum(_pairs(n) for n in Counter(p for p, _ in aligned.values()).values())
    gold_links = sum(_pairs(n) for n in Counter(g for _, g in aligned.values()).values())
    both_links = sum(_pairs(n) for n in Counter(aligned.values()).values())
    if pred_links == 0 and gold_links == 0:
        return 1.0, 1.0, 1.0
    precision = both_links / pred_links if pred_links else 1.0
    recall = both_links / gold_links if gold_links else 1.0
    return precision, recall, f1(precision, recall)


def evaluate(pred: Mapping[str, str], gold: Mapping[str, str]) -> ClusterScores:
    """BCubed and pairwise scores of ``pred`` against ``gold``, with cluster counts."""
    aligned = _aligned(pred, gold)
    bp, br, bf = bcubed(pred, gold)
    pp, pr, pf = pairwise(pred, gold)
    return ClusterScores(
        bcubed_precision=bp,
        bcubed_recall=br,
        bcubed_f1=bf,
        pairwise_precision=pp,
        pairwise_recall=pr,
        pairwise_f1=pf,
        n_items=len(aligned),
        n_gold_clusters=len({g for _, g in aligned.values()}),
        n_pred_clusters=len({p for p, _ in aligned.values()}),
    )
