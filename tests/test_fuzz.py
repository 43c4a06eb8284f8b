"""Hostile inputs never cost a batch: a sample of every kind of the fuzz corpus (issue 15).

The corpus generator is ``tests/fuzz_support.py``, the one ``benchmarks/fuzz.py`` runs in full
(over 300 inputs, one ``khabar analyze`` process each); here a small sample of every kind goes
through ``khabar.analyze`` in-process and the dossier is written to disk as the command line
does. The first (most telling) input of every kind runs as one batch with the example pages;
the whole sample, each input alone, is marked slow (about 45 s of CPU: one analysis each).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fuzz_support import KINDS, SMALL, FuzzInput, build_corpus, healthy_batch, judge
from fuzz_support import restore_permissions as _restore

from khabar import analyze
from khabar.report.write import write_dossier

MIN_KINDS = 20
MIN_SAMPLE = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[FuzzInput]:
    root = tmp_path_factory.mktemp("fuzz")
    inputs = build_corpus(root / "corpus", SMALL)
    yield inputs  # type: ignore[misc]
    _restore(root)


def _analyse_and_write(paths: list[Path], out: Path) -> dict[str, object]:
    """What ``khabar analyze PATHS --out OUT`` does, in-process: the dossier as written."""
    dossier = analyze(paths)
    json_path, html_path = write_dossier(dossier, out)
    assert html_path.exists()
    return json.loads(json_path.read_text(encoding="utf-8"))


def test_fuzz_sample_holds_every_kind(corpus: list[FuzzInput]) -> None:
    assert len(KINDS) >= MIN_KINDS
    assert {i.kind for i in corpus} == set(KINDS)
    assert len(corpus) >= MIN_SAMPLE
    assert len({i.name for i in corpus}) == len(corpus)


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(KINDS))
def test_fuzz_inputs_of_kind_are_each_accounted_for(
    kind: str, corpus: list[FuzzInput], tmp_path: Path
) -> None:
    for inp in [i for i in corpus if i.kind == kind]:
        data = _analyse_and_write([inp.path], tmp_path / inp.name)
        verdict = judge(inp, data)
        assert verdict.ok, f"{inp.name} ({inp.note}): {verdict}"


def test_fuzz_batch_keeps_every_healthy_page(corpus: list[FuzzInput], tmp_path: Path) -> None:
    healthy_paths, healthy = healthy_batch(tmp_path / "healthy", seeds=None)
    first: dict[str, FuzzInput] = {}
    for inp in corpus:
        first.setdefault(inp.kind, inp)
    hostile = list(first.values())
    data = _analyse_and_write([i.path for i in hostile] + healthy_paths, tmp_path / "out")
    lost = judge(FuzzInput("healthy", "healthy", tmp_path, healthy=tuple(healthy)), data)
    assert not lost.healthy_lost
    for inp in hostile:
        verdict = judge(inp, data)
        assert not verdict.unaccounted, f"{inp.name} ({inp.note}): {verdict.unaccounted}"
        assert not verdict.exposed, f"{inp.name} ({inp.note}): {verdict.exposed}"
