"""Entity-level scoring."""

from __future__ import annotations

from khabar.entities.evaluate import error_kinds, score, spans


def test_spans_reads_bio_with_stray_inside_tags() -> None:
    assert spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == {
        ("PER", 0, 2),
        ("LOC", 3, 4),
        ("LOC", 4, 5),
    }


def test_score_counts_exact_spans_only() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC"]
    pred = ["B-PER", "O", "O", "B-LOC"]
    result = score([(gold, pred)])
    assert result.per_type["LOC"] == (1.0, 1.0, 1.0)
    assert result.per_type["PER"][2] == 0.0
    assert result.micro == (0.5, 0.5, 0.5)


def test_error_kinds_sort_each_wrong_entity_into_one_kind() -> None:
    gold = ["B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "B-PER", "O"]
    pred = ["B-PER", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "B-LOC", "O", "B-LOC"]
    # PER 0-2 cut short: boundary; LOC 3 tagged ORG: type; ORG 5-7 right; LOC 7: spurious;
    # PER 8 untouched: missed; LOC 9: spurious
    counts = error_kinds([(gold, pred)])
    assert counts == {
        ("boundary", "PER"): 1,
        ("type", "ORG"): 1,
        ("spurious", "LOC"): 2,
        ("missed", "PER"): 1,
    }
    assert error_kinds([(gold, gold)]) == {}


def test_error_kinds_boundary_and_type_wrong_together() -> None:
    counts = error_kinds([(["B-ORG", "I-ORG", "I-ORG"], ["O", "B-LOC", "I-LOC"])])
    assert counts == {("boundary+type", "LOC"): 1}
