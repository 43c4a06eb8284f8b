"""The claims stage on the five seed pages, against gold/seeds.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from khabar.claims.analyze import ClaimsResult
from khabar.model import Claim

OUR_FLAGS = {
    "headline_body_mismatch",
    "unconfirmed_claim",
    "contested_claim",
    "clickbait_title",
    "old_story",
}
GOLD_FLAG_ALIASES = {"asserted_contested_claim": "contested_claim"}

# Words each gold claim's quote holds in every listed page (the gold names claims in English).
CLAIM_ANCHORS = {
    "al-Sharaa asked Russia to hand over Bashar al-Assad": "تسليم",
    "Kremlin spokesman Peskov said the Russian military presence / bases were on the table": (
        "بيسكوف"
    ),
    "al-Sharaa said Syria respects all previous agreements with Russia": "اتفاق",
    "Russian forces began evacuating personnel and equipment from Tartus": "طرطوس",
}


# Flags gold/seeds.json does not list because it predates issue 20, which asks for them: the
# undated page 003 reports Assad's 2023 visit in a story that runs to 2026 (issue 20, "Old
# pages": "An undated page about an old happening (seed 003, the 2023 visit) is not flagged as
# an old story").
ISSUE_20_EXTRA_FLAGS = {"003_924c621b7ea87b2a.txt": {"old_story"}}


def _gold_flags(gold: dict[str, Any]) -> dict[str, set[str]]:
    return {
        name: {GOLD_FLAG_ALIASES.get(f, f) for f in doc["flags"]} & OUR_FLAGS
        | ISSUE_20_EXTRA_FLAGS.get(name, set())
        for name, doc in gold["documents"].items()
    }


def _flags(result: ClaimsResult) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for flag in result.flags:
        out.setdefault(flag.article, set()).add(flag.flag.kind)
    return out


def _find_claim(result: ClaimsResult, docs: dict[str, str], anchor: str) -> Claim | None:
    for claim in result.claims:
        stances = {s.article: s for s in claim.sources}
        if all(
            d in stances and stances[d].stance == st and anchor in stances[d].quote
            for d, st in docs.items()
        ):
            return claim
    return None


def test_seed_flags_are_exactly_the_gold_flags(
    gold: dict[str, Any], seed_result: ClaimsResult
) -> None:
    got = _flags(seed_result)
    for name, expected in _gold_flags(gold).items():
        assert got.get(name, set()) == expected, name


@pytest.mark.parametrize("claim_name", sorted(CLAIM_ANCHORS))
def test_seed_gold_claim_found_with_gold_stances(
    gold: dict[str, Any], seed_result: ClaimsResult, claim_name: str
) -> None:
    entry = next(c for c in gold["claims"] if c["claim"] == claim_name)
    assert _find_claim(seed_result, entry["documents"], CLAIM_ANCHORS[claim_name]) is not None


def test_extradition_claim_contradiction_cites_004_asserted_against_002_unconfirmed(
    seed_result: ClaimsResult,
) -> None:
    sides = {
        tuple((s.article[:3], s.stance) for s in c.sides)
        for c in seed_result.contradictions
        if c.kind == "stance"
    }
    assert (("004", "asserted"), ("002", "unconfirmed")) in sides


def test_extradition_claim_has_no_speaker_and_an_event(seed_result: ClaimsResult) -> None:
    claim = _find_claim(
        seed_result,
        {"004_65c6f5ebf1dc930d.txt": "asserted", "002_8fc73ac330813a26.txt": "unconfirmed"},
        "تسليم",
    )
    assert claim is not None
    assert claim.speaker is None
    assert claim.event in {"sharaa-moscow-visit-2025-10-15", "putin-sharaa-phone-call-2025-02-12"}


def test_peskov_claim_names_peskov_as_speaker(seed_result: ClaimsResult) -> None:
    claim = _find_claim(
        seed_result,
        {"001_a79a51704cc33d42.txt": "attributed", "004_65c6f5ebf1dc930d.txt": "attributed"},
        "بيسكوف",
    )
    assert claim is not None
    assert claim.speaker == "دميتري بيسكوف"


def test_full_pipeline_flags_match_gold(seeds_dir: Path, gold: dict[str, Any]) -> None:
    import khabar

    try:
        dossier = khabar.analyze([seeds_dir])
    except (ImportError, NotImplementedError) as exc:  # a teammate's stage is not there yet
        pytest.skip(f"pipeline not ready: {exc}")
    by_source = {a.id: Path(a.article.source).name for a in dossier.articles}
    got: dict[str, set[str]] = {}
    for flag in dossier.flags:
        if flag.flag.kind in OUR_FLAGS:
            got.setdefault(by_source[flag.article], set()).add(flag.flag.kind)
    for name, expected in _gold_flags(gold).items():
        assert got.get(name, set()) == expected, name


def test_full_pipeline_finds_every_gold_claim_with_gold_stances(
    seeds_dir: Path, gold: dict[str, Any]
) -> None:
    import khabar

    try:
        dossier = khabar.analyze([seeds_dir])
    except (ImportError, NotImplementedError) as exc:  # a teammate's stage is not there yet
        pytest.skip(f"pipeline not ready: {exc}")
    by_source = {a.id: Path(a.article.source).name for a in dossier.articles}
    renamed = ClaimsResult(
        claims=tuple(
            Claim(
                c.id,
                c.text,
                c.speaker,
                c.event,
                tuple(type(s)(by_source[s.article], s.quote, s.stance) for s in c.sources),
            )
            for c in dossier.claims
        )
    )
    for entry in gold["claims"]:
        anchor = CLAIM_ANCHORS[entry["claim"]]
        assert _find_claim(renamed, entry["documents"], anchor) is not None, entry["claim"]
