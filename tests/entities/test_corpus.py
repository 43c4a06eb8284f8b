"""Reading NewsFANE-style token files and mapping their classes."""

from __future__ import annotations

import pytest

from khabar.entities.corpus import coarse_tag, read_token_lines, repair_bio, split_held_out


@pytest.mark.parametrize(
    ("fine", "coarse"),
    [
        ("B-Politician", "B-PER"),
        ("I-Athlete", "I-PER"),
        ("B-Nation", "B-LOC"),
        ("I-Population-Center", "I-LOC"),
        ("B-Building-Grounds", "B-LOC"),
        ("B-Government", "B-ORG"),
        ("I-Media", "I-ORG"),
        ("B-Group", "B-MISC"),
        ("B-Book", "B-MISC"),
        ("O", "O"),
        ("B-Unheard-Of", "O"),
    ],
)
def test_coarse_tag_maps_fine_classes_to_four_types(fine: str, coarse: str) -> None:
    assert coarse_tag(fine) == coarse


def test_read_token_lines_strips_marks_and_cuts_sentences() -> None:
    lines = [
        "\ufeff\u200eقال\tO\r\n",
        "\u200eبوتين\tB-Politician\r\n",
        ".\tO\r\n",
        "\u200eفي\tO\r\n",
        "\u200eموسكو\tB-Population-Center\r\n",
        "\t\r\n",
        "\u200eالكرملين\tI-Building-Grounds\r\n",
    ]
    sentences = list(read_token_lines(lines))
    assert [s.tokens for s in sentences] == [
        ("قال", "بوتين", "."),
        ("في", "موسكو"),
        ("الكرملين",),
    ]
    assert sentences[0].tags == ("O", "B-PER", "O")
    assert sentences[2].tags == ("B-LOC",)  # an I- opening an entity becomes B-


def test_repair_bio_opens_entities_that_change_type() -> None:
    assert repair_bio(["B-PER", "I-LOC", "I-LOC", "O", "I-ORG"]) == [
        "B-PER",
        "B-LOC",
        "I-LOC",
        "O",
        "B-ORG",
    ]


def test_split_held_out_keeps_the_last_share_by_position() -> None:
    sentences = list(read_token_lines(line for i in range(10) for line in (f"w{i}\tO", ".\tO")))
    train, held = split_held_out(sentences, 0.2)
    assert len(train) == 8 and len(held) == 2
    assert held[-1] == sentences[-1]
