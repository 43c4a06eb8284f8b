"""Reading NewsFANE-style token files and mapping their classes."""

from __future__ import annotations

import pytest

from khabar.entities.corpus import (
    Sentence,
    coarse_tag,
    join_clitics,
    read_token_lines,
    repair_bio,
    split_held_out,
)
from khabar.entities.evaluate import spans


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


def _sentence(pairs: str) -> Sentence:
    tokens, tags = zip(*(p.split("/") for p in pairs.split()), strict=True)
    return Sentence(tuple(tokens), tuple(tags))


def test_join_clitics_writes_prefixes_and_suffixes_as_text_does() -> None:
    separated = _sentence(
        "و/O قال/O ل/O الرئيس/O بوتين/B-PER ان/O حكومة/O ه/O و/O ب/O الرياض/B-LOC تتفق/O"
    )
    joined = join_clitics(separated)
    assert joined.tokens == (
        "وقال", "للرئيس", "بوتين", "ان", "حكومته", "وبالرياض", "تتفق",
    )  # fmt: skip
    assert joined.tags == ("O", "O", "B-PER", "O", "O", "B-LOC", "O")


def test_join_clitics_keeps_every_entity_and_its_type() -> None:
    separated = _sentence(
        "اكد/O ل/O فلاديمير/B-PER بوتين/I-PER و/O دمشق/B-LOC و/O الامم/B-ORG المتحدة/I-ORG"
        " عند/O هم/O ./O"
    )
    joined = join_clitics(separated)
    kinds = sorted(k for k, _, _ in spans(joined.tags))
    assert kinds == sorted(k for k, _, _ in spans(separated.tags)) == ["LOC", "ORG", "PER"]
    words = {" ".join(joined.tokens[a:b]) for _, a, b in spans(joined.tags)}
    assert words == {"لفلاديمير بوتين", "ودمشق", "والامم المتحدة"}
    assert join_clitics(joined) == joined  # nothing left to join
