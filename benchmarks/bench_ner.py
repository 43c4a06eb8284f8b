"""NER benchmark: accuracy on the NewsFANE held-out split, tagging speed, model size.

    python benchmarks/bench_ner.py                      # the bundled model
    python benchmarks/bench_ner.py --model /tmp/ner-eval  # a model trained on the training split
    python benchmarks/bench_ner.py --anercorp --model /tmp/ner-eval --compare OLD_MODEL_DIR
                                                        # ANERcorp development part, two models

The bundled model is trained on all its data (ANERcorp train and the NewsFANE sentences of the
same text), so its scores on these parts are in-sample; the honest
held-out numbers come from a model trained on the training split only (``scripts/train_ner.py
--eval-model DIR`` keeps a CRF one, ``scripts/train_ner_neural.py --eval-out DIR`` a neural
one). Speed is measured on one core, tagging pre-tokenised sentences,
twice: with a cold feature cache and with a warm one, by the wall clock and by the process's CPU
time (the fair figure when other jobs share the core), one sentence a call and in batches
(``Tagger.tag_batch``, as ``recognize`` tags an article's sentences). ``--decoders`` only
times the CRF's two decoders against each other, alternately in ``DECODER_ROUNDS`` rounds
(medians): new word types added one attribute list at a time (``CrfDecoder``, before) and in
bulk (``BulkTypeDecoder``, the tagger's now). ``--errors`` only counts
the held-out errors by kind (missed, spurious, boundary, type). ``--mentions`` also scores
the whole mention finder (repeated names, filters and span rules) on the sentences' text;
``--joined`` scores the held-out sentences with their clitics joined (وقال، بالرياض), as article
text writes them. The ``tag-entities`` row tags the held-out part as one CoNLL file, names
repeated within blocks of sentences. The
peer is a memorised-names baseline (longest match of entity strings seen in training), the floor
any learnt tagger must beat. ``--anercorp`` scores and times the ANERcorp development part (the
last tenth of ANERcorp train; clitics joined as in article text) instead, the peer memorising
the first nine tenths; ``--compare DIR`` runs a second model (say the one bundled before) in
the same run. Speed goals are ratios against the peer's rate in the same run. ``--load`` only
times opening the tagger, each way in fresh processes (CPU time, imports apart): with the
CRF's names read from the model file's string tables (today) and from python-crfsuite's parsed
text dump (before), alternately, medians of ``LOAD_RUNS`` runs each.
"""

from __future__ import annotations

import argparse
import bisect
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: no BLAS threads fighting over it

from khabar.arabic import normalize  # noqa: E402
from khabar.config import EntitiesConfig  # noqa: E402
from khabar.entities import Tagger, find_mentions, load_tagger, tag_conll  # noqa: E402
from khabar.entities.corpus import (  # noqa: E402
    ANERCORP_DEV_SHARE,
    Sentence,
    join_clitics,
    read_anercorp,
    read_newsfane,
    split_held_out,
)
from khabar.entities.crf import CrfDecoder  # noqa: E402
from khabar.entities.evaluate import ERROR_KINDS, SCORED_TYPES, error_kinds, score  # noqa: E402
from khabar.entities.evaluate import spans as bio_spans  # noqa: E402
from khabar.entities.type_tables import BulkTypeDecoder  # noqa: E402

NEWSFANE = ROOT.parent / "shared" / "data" / "ner" / "NewsFANE_Gold_2014_170K.txt.xz"
ANERCORP = ROOT.parent / "shared" / "data" / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt.xz"
MAX_NAME_TOKENS = 6
"""Longest entity the memorised-names baseline looks up, in tokens."""

DECODER_ROUNDS = 5
"""Rounds of ``--decoders``, each timing both decoders cold and warm (medians are reported)."""

LOAD_RUNS = 5
"""Fresh processes per way of opening the tagger in ``--load`` (medians are reported)."""

_LOAD_CHILD = """
import sys, time
started = time.process_time()
from khabar.config import EntitiesConfig
from khabar.entities import load_tagger
imported = time.process_time()
load_tagger(EntitiesConfig(model_path=sys.argv[1] or None), via_dump=sys.argv[2] == "dump")
print(imported - started, time.process_time() - imported)
"""
"""Run in a fresh process: CPU seconds of the imports and of ``load_tagger``."""


class MemorisedNames:
    """Peer: tags the longest token runs that were entities in training, with their type."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.names: dict[tuple[str, ...], str] = {}
        for s in sentences:
            for kind, a, b in bio_spans(s.tags):
                self.names[tuple(normalize(t) for t in s.tokens[a:b])] = kind

    def tag(self, tokens: Sequence[str]) -> list[str]:
        norms = [normalize(t) for t in tokens]
        tags = ["O"] * len(tokens)
        i = 0
        while i < len(tokens):
            for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
                kind = self.names.get(tuple(norms[i : i + n]))
                if kind:
                    tags[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                    i += n
                    break
            else:
                i += 1
        return tags


def mentions_as_tags(tagger: Tagger, span_rules: bool) -> Callable[[Sequence[str]], list[str]]:
    """A tag function running the whole mention finder (``find_mentions``) over the sentence's
    tokens joined by spaces, its mentions mapped back onto the tokens as BIO tags."""

    def tag(tokens: Sequence[str]) -> list[str]:
        starts, offset = [], 0
        for t in tokens:
            starts.append(offset)
            offset += len(t) + 1
        text = " ".join(tokens)
        tags = ["O"] * len(tokens)
        for m in find_mentions(text, tagger, span_rules=span_rules):
            first = bisect.bisect_right(starts, m.start) - 1
            last = bisect.bisect_right(starts, m.end - 1) - 1
            if any(t != "O" for t in tags[first : last + 1]):
                continue
            tags[first] = f"B-{m.type}"
            tags[first + 1 : last + 1] = [f"I-{m.type}"] * (last - first)
        return tags

    return tag


TagMany = Callable[[list[tuple[str, ...]]], list[list[str]]]


def one_at_a_time(tag: Callable[[Sequence[str]], list[str]]) -> TagMany:
    """A batch tag function calling ``tag`` once per sentence."""
    return lambda sentences: [tag(s) for s in sentences]


def conll_as_tags(tagger: Tagger) -> TagMany:
    """A batch tag function running ``khabar tag-entities`` (:func:`tag_conll`, names repeated
    within blocks of sentences) over the sentences in order, one CoNLL token a line."""

    def tag_many(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        lines = [line for s in sentences for line in (*(f"{t}\n" for t in s), "\n")]
        tags = iter(line.split("\t")[1] for line in tag_conll(lines, tagger) if line)
        return [[next(tags) for _ in s] for s in sentences]

    return tag_many


def _run(name: str, tag_many: TagMany, held_out: Sequence[Sentence]) -> tuple[float, float]:
    """Tag the sentences twice (cold, then warm caches), print a table row; return the CPU-time
    rates (tokens/s) of both runs."""
    tokens = sum(len(s.tokens) for s in held_out)
    rates = []
    cpu_rates = []
    predicted: list[list[str]] = []
    for _ in range(2):
        started, cpu_started = time.perf_counter(), time.process_time()
        predicted = tag_many([s.tokens for s in held_out])
        rates.append(tokens / (time.perf_counter() - started))
        cpu_rates.append(tokens / (time.process_time() - cpu_started))
    result = score((s.tags, p) for s, p in zip(held_out, predicted, strict=True))
    per = " ".join(f"{k}={result.per_type.get(k, (0, 0, 0))[2]:.3f}" for k in ("PER", "LOC", "ORG"))
    print(
        f"| {name} | {per} | {result.micro[2]:.3f} | {rates[0]:,.0f} / {cpu_rates[0]:,.0f} "
        f"| {rates[1]:,.0f} / {cpu_rates[1]:,.0f} |"
    )
    return cpu_rates[0], cpu_rates[1]


def print_errors(tagger: Tagger, held_out: Sequence[Sentence]) -> None:
    """A Markdown table of the tagger's held-out errors by kind and type."""
    predicted = tagger.tag_batch([s.tokens for s in held_out])
    counts = error_kinds((s.tags, p) for s, p in zip(held_out, predicted, strict=True))
    gold = score((s.tags, s.tags) for s in held_out).support
    print("| type | gold entities | " + " | ".join(ERROR_KINDS) + " |")
    print("|---|---|" + "---|" * len(ERROR_KINDS))
    for kind in SCORED_TYPES:
        cells = " | ".join(str(counts.get((error, kind), 0)) for error in ERROR_KINDS)
        print(f"| {kind} | {gold.get(kind, 0)} | {cells} |")


def print_load_times(model: str | None) -> None:
    """A Markdown table of the CPU time of opening the tagger, each way, in fresh processes."""
    ways = {"string tables read from the model file": "tables", "parsed text dump": "dump"}
    times: dict[str, list[tuple[float, float]]] = {way: [] for way in ways}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(LOAD_RUNS):
        for way, flag in ways.items():
            done = subprocess.run(
                [sys.executable, "-c", _LOAD_CHILD, model or "", flag],
                capture_output=True, text=True, check=True, env=env, cwd=ROOT,
            )  # fmt: skip
            imports, load = map(float, done.stdout.split())
            times[way].append((imports, load))
    print(f"| opening the tagger (median of {LOAD_RUNS} fresh processes) | load_tagger, CPU s "
          "| imports, CPU s |")  # fmt: skip
    print("|---|---|---|")
    for way, runs in times.items():
        load = statistics.median(t[1] for t in runs)
        imports = statistics.median(t[0] for t in runs)
        print(f"| {way} | {load:.3f} | {imports:.3f} |")


def print_decoder_times(model: str | None, held_out: Sequence[Sentence]) -> None:
    """A Markdown table of CPU-time rates of both CRF decoders, batched and as tag-entities."""
    tokens = sum(len(s.tokens) for s in held_out)
    sentences = [s.tokens for s in held_out]
    decoders = {"types added one list at a time (CrfDecoder, before)": CrfDecoder,
                "types added in bulk (BulkTypeDecoder, now)": BulkTypeDecoder}  # fmt: skip
    rates: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for _ in range(DECODER_ROUNDS):
        for run in ("batched", "tag-entities"):
            for name, decoder in decoders.items():
                tagger = load_tagger(EntitiesConfig(model_path=model))
                if tagger.decoder_ is None:
                    raise SystemExit("--decoders times CRF models only")
                tagger.decoder_ = decoder(tagger.decoder_.weights, tagger.extractor_)
                tag_many = tagger.tag_batch if run == "batched" else conll_as_tags(tagger)
                cpu = []
                for _ in range(2):  # cold, then warm
                    started = time.process_time()
                    tag_many(sentences)
                    cpu.append(tokens / (time.process_time() - started))
                rates.setdefault((run, name), []).append((cpu[0], cpu[1]))
    print(f"| {tokens} tokens, median of {DECODER_ROUNDS} rounds | tokens/s CPU cold | warm |")
    print("|---|---|---|")
    for (run, name), got in rates.items():
        cold = statistics.median(r[0] for r in got)
        warm = statistics.median(r[1] for r in got)
        print(f"| {run}, {name} | {cold:,.0f} | {warm:,.0f} |")


def main() -> int:
    """Print a Markdown table of scores and speeds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the bundled one)")
    parser.add_argument("--newsfane", type=Path, default=NEWSFANE)
    parser.add_argument(
        "--anercorp",
        nargs="?",
        type=Path,
        const=ANERCORP,
        default=None,
        help="score the ANERcorp development part (the last tenth of this train file)",
    )
    parser.add_argument(
        "--compare", default=None, help="another model folder to run the same way, after --model"
    )
    parser.add_argument(
        "--mentions", action="store_true", help="also score the whole mention finder"
    )
    parser.add_argument(
        "--errors", action="store_true", help="only count the held-out errors by kind and type"
    )
    parser.add_argument(
        "--joined",
        action="store_true",
        help="score the held-out sentences with their clitics joined, as article text has them",
    )
    parser.add_argument(
        "--load", action="store_true", help="only time opening the tagger, both ways"
    )
    parser.add_argument(
        "--decoders", action="store_true", help="only time the CRF's two decoders, alternately"
    )
    args = parser.parse_args()
    if args.load:
        print_load_times(args.model)
        return 0
    if args.anercorp:
        train, held_out = split_held_out(read_anercorp(args.anercorp), ANERCORP_DEV_SHARE)
    else:
        train, held_out = split_held_out(read_newsfane(args.newsfane))
    if args.decoders:
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
        print_decoder_times(args.model, held_out)
        return 0
    if args.errors:
        print_errors(load_tagger(EntitiesConfig(model_path=args.model)), held_out)
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    if args.joined:
        held_out = [join_clitics(s) for s in held_out]
    print(
        "| tagger | F1 per type | micro F1 (PER/LOC/ORG) | tokens/s cold (wall / CPU) "
        "| tokens/s warm (wall / CPU) |"
    )
    print("|---|---|---|---|---|")
    rates = {
        model or "bundled": _run_model(
            model, held_out, args.mentions, args.joined, bool(args.anercorp)
        )
        for model in ((args.model, args.compare) if args.compare else (args.model,))
    }
    peer = _run("memorised names (peer)", one_at_a_time(MemorisedNames(train).tag), held_out)
    print("\nCPU-time rate of tag-entities over the peer's (cold, warm):")
    for model, (cold, warm) in rates.items():
        print(f"- {model}: {cold / peer[0]:.3f}, {warm / peer[1]:.3f}")
    return 0


def _run_model(
    model: str | None, held_out: Sequence[Sentence], mentions: bool, joined: bool, anercorp: bool
) -> tuple[float, float]:
    """Score and time one model folder (``None``: the bundled one) in every way; return the
    CPU-time rates of its tag-entities run (cold, warm)."""
    tagger = load_tagger(EntitiesConfig(model_path=model))
    folder = Path(tagger.model_dir_)
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    part = "ANERcorp dev" if anercorp else "NewsFANE held-out"
    print(
        f"| **{folder}** ({size / 1e6:.1f} MB); {part}: {len(held_out)} sentences, "
        f"{sum(len(s.tokens) for s in held_out)} tokens{', clitics joined' if joined else ''} "
        "| | | | |"
    )
    kind = "neural" if tagger.neural_ is not None else "CRF"
    _run(f"khabar {kind}, one sentence a call", one_at_a_time(tagger.tag), held_out)
    # fresh model: the batched run starts with a cold cache too
    tagger = load_tagger(EntitiesConfig(model_path=model))
    _run(f"khabar {kind}, batched", tagger.tag_batch, held_out)
    tagger = load_tagger(EntitiesConfig(model_path=model))  # cold again
    name = "tag-entities (names repeated in blocks of sentences)"
    rates = _run(name, conll_as_tags(tagger), held_out)
    if mentions:
        for rules in (False, True):
            name = f"find_mentions, {'span rules' if rules else 'no span rules'}"
            _run(name, one_at_a_time(mentions_as_tags(tagger, rules)), held_out)
    return rates


if __name__ == "__main__":
    raise SystemExit(main())
