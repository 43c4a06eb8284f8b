"""Entity-level scoring."""

from __future__ import annotations

from khabar.entities.evaluate import score, spans


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
