"""Quality gate on the five real seed pages: pinned floors, raised as the cleaner improves."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from khabar.clean import clean_page
from khabar.config import CleanConfig, ReadConfig
from khabar.model import Article, Page
from khabar.read import iter_pages

BODY_F1_FLOOR = 0.97
"""Pinned floor of whitespace-token F1 of each seed body against gold (measured: 1.0 on all)."""

SEEDS = [
    "000_7ce82b79e7fbb217.txt",
    "001_a79a51704cc33d42.txt",
    "002_8fc73ac330813a26.txt",
    "003_924c621b7ea87b2a.txt",
    "004_65c6f5ebf1dc930d.txt",
]


def token_f1(predicted: str, reference: str) -> float:
    """F1 of whitespace tokens (as multisets) of two texts."""
    p, r = Counter(predicted.split()), Counter(reference.split())
    overlap = sum((p & r).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(p.values()), overlap / sum(r.values())
    return 2 * precision * recall / (precision + recall)


def _article(seeds_dir: Path, name: str) -> Article:
    (page,) = iter_pages([str(seeds_dir / name)], ReadConfig())
    assert isinstance(page, Page)
    return clean_page(page, CleanConfig())


@pytest.mark.parametrize("name", SEEDS)
def test_seed_body_f1_above_floor(seeds_dir: Path, gold: dict[str, Any], name: str) -> None:
    article = _article(seeds_dir, name)
    assert token_f1(article.text, gold["documents"][name]["body"]) >= BODY_F1_FLOOR


@pytest.mark.parametrize("name", SEEDS)
def test_seed_title_matches_gold(seeds_dir: Path, gold: dict[str, Any], name: str) -> None:
    article = _article(seeds_dir, name)
    assert " ".join((article.title or "").split()) == " ".join(
        gold["documents"][name]["title"].split()
    )


@pytest.mark.parametrize("name", SEEDS)
def test_seed_date_outlet_and_lede_match_gold(
    seeds_dir: Path, gold: dict[str, Any], name: str
) -> None:
    article = _article(seeds_dir, name)
    doc = gold["documents"][name]
    published = article.published.isoformat() if article.published else None
    assert published == doc["published"]
    assert article.outlet == doc["outlet"]
    assert article.lede == doc["lede"]
    assert article.language == "ar"


@pytest.mark.parametrize("name", SEEDS)
def test_seed_gold_boilerplate_lines_are_removed(
    seeds_dir: Path, gold: dict[str, Any], name: str
) -> None:
    article = _article(seeds_dir, name)
    removed = {b.line for b in article.removed}
    lines = (seeds_dir / name).read_text(encoding="utf-8").splitlines()
    wanted = {n for n in gold["documents"][name]["boilerplate_lines"] if lines[n - 1].strip()}
    assert wanted <= removed


def test_seed_cleaning_flags(seeds_dir: Path) -> None:
    flags = {name: {f.kind for f in _article(seeds_dir, name).flags} for name in SEEDS}
    assert "unrelated_inserts" in flags["001_a79a51704cc33d42.txt"]
    assert "broken_paragraphs" in flags["003_924c621b7ea87b2a.txt"]
    for name in ("000_7ce82b79e7fbb217.txt", "002_8fc73ac330813a26.txt"):
        assert not flags[name] & {"unrelated_inserts", "broken_paragraphs"}
