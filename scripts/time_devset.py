"""The ANT time-expression development set: load the labels, run an extractor, score it.

The labels (tests/quality/data/time_dev.jsonl and time_heldout.jsonl, issue 19) hold, per ANT
article, its publish day and every time expression of its body: character offsets into the body,
the expression, its TimeML type (DATE, TIME, DURATION, SET) and its TimeML value anchored on the
publish day. The bodies are read from the ANT corpus at run time (``scripts/ant_devset.py``).

Scores: relaxed span F1 (a predicted expression overlapping a gold one, type ignored, one to
one), strict span F1 (same offsets), typed F1 (overlap and same type) and DATE value accuracy
(gold DATE expressions found with the same value, among those found).

Usage:
    python scripts/time_devset.py                  # this tree's extractor on the dev half
    python scripts/time_devset.py --heldout        # on the held-out half (score only, never tune)
    python scripts/time_devset.py --head /tmp/time-head   # and a copy of HEAD beside it
    python scripts/time_devset.py --misses         # list what the extractor missed or got wrong
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "quality" / "data"
DEV_JSONL = DATA / "time_dev.jsonl"
HELDOUT_JSONL = DATA / "time_heldout.jsonl"
"""Labelled before the extractor was tuned (issue 19); scored, never tuned on."""
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: offsets into the article body, TimeML type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One labelled ANT article: its number, publish day and expressions."""

    doc: str
    published: date
    times: tuple[Timex, ...]


@dataclass(frozen=True, slots=True)
class TimeScores:
    """Detection and resolution scores of one extractor on a labelled set."""

    gold: int
    predicted: int
    relaxed_matched: int
    strict_matched: int
    typed_matched: int
    dates_matched: int
    dates_value_right: int
    recall_by_type: Mapping[str, tuple[int, int]]
    """Type → (gold expressions found, gold expressions)."""

    @staticmethod
    def _f1(matched: int, gold: int, predicted: int) -> tuple[float, float, float]:
        p = matched / predicted if predicted else 0.0
        r = matched / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of overlapping spans."""
        return self._f1(self.relaxed_matched, self.gold, self.predicted)

    @property
    def strict(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of exact spans."""
        return self._f1(self.strict_matched, self.gold, self.predicted)

    @property
    def typed(self) -> tuple[float, float, float]:
        """Precision, recall and F1 of overlapping spans of the same type."""
        return self._f1(self.typed_matched, self.gold, self.predicted)

    @property
    def date_value_accuracy(self) -> float:
        """Share of the found gold DATE expressions whose value is right."""
        return self.dates_value_right / self.dates_matched if self.dates_matched else 0.0


def load_gold(path: Path) -> list[GoldDoc]:
    """Read a labelled JSONL file; a bad line names the file, the line and the reason."""
    docs = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            times = tuple(Timex(s, e, t, ty, v) for s, e, t, ty, v in row["times"])
            docs.append(GoldDoc(row["doc"], date.fromisoformat(row["published"]), times))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a labelled article ({exc})") from exc
    return docs


def load_bodies(docs: Sequence[GoldDoc]) -> dict[str, str]:
    """The ANT bodies of the labelled articles, checked against the labelled expressions."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from ant_devset import default_root, load_ant

    days = {d.published.isoformat() for d in docs}
    wanted = {d.doc for d in docs}
    bodies = {a["docno"]: a["text"] for a in load_ant(default_root(), days=days)}
    missing = wanted - bodies.keys()
    if missing:
        raise ValueError(f"ANT articles not found in the corpus: {sorted(missing)}")
    for d in docs:
        for t in d.times:
            if bodies[d.doc][t.start : t.end] != t.text:
                raise ValueError(f"{d.doc}: offsets {t.start}-{t.end} do not hold «{t.text}»")
    return {k: v for k, v in bodies.items() if k in wanted}


def overlap(a: Timex, b: Timex) -> int:
    """Characters two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: Sequence[Timex], predicted: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans, each gold taking its largest free overlap."""
    free = list(predicted)
    pairs = []
    for g in gold:
        best = max(free, key=lambda p: overlap(g, p), default=None)
        if best is not None and overlap(g, best) > 0:
            pairs.append((g, best))
            free.remove(best)
    return pairs


def score(gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[Timex]]) -> TimeScores:
    """Score predictions (doc → expressions) against the gold documents."""
    counts = dict.fromkeys(("gold", "pred", "relaxed", "strict", "typed", "dates", "values"), 0)
    by_type = {t: [0, 0] for t in TYPES}
    for d in gold_docs:
        pred = predictions.get(d.doc, ())
        pairs = match(d.times, pred)
        counts["gold"] += len(d.times)
        counts["pred"] += len(pred)
        counts["relaxed"] += len(pairs)
        counts["strict"] += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        counts["typed"] += sum(g.type == p.type for g, p in pairs)
        for g in d.times:
            by_type[g.type][1] += 1
        for g, p in pairs:
            by_type[g.type][0] += 1
            if g.type == "DATE":
                counts["dates"] += 1
                counts["values"] += g.value == p.value
    return TimeScores(
        counts["gold"],
        counts["pred"],
        counts["relaxed"],
        counts["strict"],
        counts["typed"],
        counts["dates"],
        counts["values"],
        {t: (found, total) for t, (found, total) in by_type.items()},
    )


# --------------------------------------------------------------------------------------------
# Running an extractor (this tree's, or a copy of HEAD in a subprocess)
# --------------------------------------------------------------------------------------------


def _range_value(earliest: date | None, latest: date | None) -> str | None:
    """A TimeML value read off a day range, for extractors that give only ranges."""
    if earliest is None or latest is None:
        return None
    if earliest == latest:
        return earliest.isoformat()
    if earliest.day == 1 and (latest + timedelta(1)).day == 1 and earliest.month == latest.month:
        return f"{earliest.year:04d}-{earliest.month:02d}"
    whole_year = (earliest.month, earliest.day, latest.month, latest.day) == (1, 1, 12, 31)
    if whole_year and earliest.year == latest.year:
        return f"{earliest.year:04d}"
    if (latest - earliest).days == 6:
        year, week, _ = (earliest + timedelta(3)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return None


def predict(bodies: Mapping[str, str], anchors: Mapping[str, date]) -> dict[str, list[Timex]]:
    """Run the importable ``khabar`` on every body; types and values where it gives them."""
    from khabar.time import extract_times

    out: dict[str, list[Timex]] = {}
    for doc, text in bodies.items():
        found = []
        for e in extract_times(text, anchors[doc]):
            if hasattr(e, "value"):
                typ, value = e.type, e.value
            else:  # an extractor from before TimeML values: read them off kind and range
                typ = "DURATION" if e.kind == "duration" else "DATE"
                value = _range_value(e.earliest, e.latest)
            found.append(Timex(e.start, e.end, e.text, typ, value))
        out[doc] = found
    return out


def predict_with(root: Path, bodies: Mapping[str, str], anchors: Mapping[str, date]) -> Any:
    """Predictions of the ``khabar`` package found in ``root`` (a copy of HEAD), in a subprocess."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "bodies.json"
        src.write_text(
            json.dumps({d: [t, anchors[d].isoformat()] for d, t in bodies.items()}),
            encoding="utf-8",
        )
        run = subprocess.run(
            [sys.executable, __file__, "--dump", str(src)],
            cwd=root,
            env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=False,
        )
    if run.returncode != 0:
        raise RuntimeError(f"the extractor in {root} failed: {run.stderr[-2000:]}")
    raw = json.loads(run.stdout)
    return {d: [Timex(*t) for t in ts] for d, ts in raw.items()}


def _dump(path: Path) -> None:
    """Print predictions for the bodies in ``path`` as JSON (the subprocess side)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    bodies = {d: t for d, (t, _) in raw.items()}
    anchors = {d: date.fromisoformat(a) for d, (_, a) in raw.items()}
    out = predict(bodies, anchors)
    print(json.dumps({d: [list(vars_(t)) for t in ts] for d, ts in out.items()}))


def vars_(t: Timex) -> tuple[int, int, str, str, str | None]:
    """A Timex as a plain tuple."""
    return t.start, t.end, t.text, t.type, t.value


def format_scores(name: str, s: TimeScores) -> str:
    """One table row of scores."""
    rp, rr, rf = s.relaxed
    sf = s.strict[2]
    by_type = " ".join(f"{t} {f}/{n}" for t, (f, n) in s.recall_by_type.items() if n)
    return (
        f"| {name} | {rp:.3f} | {rr:.3f} | **{rf:.3f}** | {sf:.3f} | {s.typed[2]:.3f} "
        f"| **{s.date_value_accuracy:.3f}** ({s.dates_value_right}/{s.dates_matched}) "
        f"| {by_type} |"
    )


HEADER = (
    "| extractor | relaxed P | relaxed R | relaxed F1 | strict F1 | typed F1 "
    "| DATE value acc. | gold found by type |\n|---|---|---|---|---|---|---|---|"
)


def misses(gold_docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[Timex]]) -> str:
    """Lines listing missed, spurious, cut and wrongly valued expressions."""
    lines = []
    for d in gold_docs:
        pred = predictions.get(d.doc, ())
        pairs = match(d.times, pred)
        found = {id(g) for g, _ in pairs}
        used = {id(p) for _, p in pairs}
        for g in d.times:
            if id(g) not in found:
                lines.append(f"MISS  {d.doc} «{g.text}» {g.type} {g.value}")
        for p in pred:
            if id(p) not in used:
                lines.append(f"EXTRA {d.doc} «{p.text}» {p.type} {p.value}")
        for g, p in pairs:
            if (g.start, g.end) != (p.start, p.end):
                lines.append(f"SPAN  {d.doc} «{g.text}» ≠ «{p.text}»")
            if g.type != p.type:
                lines.append(f"TYPE  {d.doc} «{g.text}» {g.type} ≠ {p.type}")
            if g.type == "DATE" and g.value != p.value:
                lines.append(f"VALUE {d.doc} «{g.text}» {g.value} ≠ {p.value}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Score this tree's extractor (and a HEAD copy) on the dev or held-out half."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out half")
    parser.add_argument("--head", type=Path, help="a copy of HEAD to score beside this tree")
    parser.add_argument("--misses", action="store_true", help="list the errors")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.dump:
        _dump(args.dump)
        return 0
    sys.path.insert(0, str(ROOT))
    gold = load_gold(HELDOUT_JSONL if args.heldout else DEV_JSONL)
    bodies = load_bodies(gold)
    anchors = {d.doc: d.published for d in gold}
    print(
        f"{'held-out' if args.heldout else 'dev'} half: {len(gold)} articles, "
        f"{sum(len(d.times) for d in gold)} expressions\n"
    )
    print(HEADER)
    if args.head:
        print(format_scores("HEAD", score(gold, predict_with(args.head, bodies, anchors))))
    current = predict(bodies, anchors)
    print(format_scores("this tree", score(gold, current)))
    if args.misses:
        print()
        print(misses(gold, current))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
