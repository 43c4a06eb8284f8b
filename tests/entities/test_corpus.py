"""Reading NewsFANE-style token files and mapping their classes."""

from __future__ import annotations

import lzma
from pathlib import Path

import pytest

from khabar.entities.corpus import (
    Sentence,
    coarse_tag,
    join_clitics,
    read_anercorp,
    read_conll_sentences,
    read_token_lines,
    repair_bio,
    shared_text,
    split_by_text,
    split_columns,
    split_held_out,
    text_runs,
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


def test_read_conll_sentences_reads_anercorp_lines_and_maps_pers_to_per() -> None:
    lines = [
        "فرانكفورت B-LOC\n",
        "أعلن O\n",
        "الاتحاد B-ORG\n",
        "الأوروبي I-ORG\n",
        "! O\n",
        "جاك B-PERS\n",
        "شيراك I-PERS\n",
        ". O\n",
        "\n",
        "زار O\n",
        "موسكو B-LOC",
    ]
    sentences = list(read_conll_sentences(lines))
    assert len(sentences) == 2  # cut at blank lines only, not after "!"
    assert sentences[0].tags == ("B-LOC", "O", "B-ORG", "I-ORG", "O", "B-PER", "I-PER", "O")
    assert sentences[1] == Sentence(("زار", "موسكو"), ("O", "B-LOC"))


def test_read_conll_sentences_takes_the_last_column_of_tab_separated_lines() -> None:
    lines = ["-DOCSTART-\tO\n", "\n", "بوتين\tNNP\tI-PER\n", "قال\tVBD\tO\n", "\n", "\n"]
    assert list(read_conll_sentences(lines)) == [Sentence(("بوتين", "قال"), ("B-PER", "O"))]


def test_split_columns_prefers_tabs_and_falls_back_to_spaces() -> None:
    assert split_columns("الأمم المتحدة\tB-ORG\r\n") == ["الأمم المتحدة", "B-ORG"]
    assert split_columns("بغداد B-LOC\n") == ["بغداد", "B-LOC"]
    assert split_columns("\n") == []


def test_read_anercorp_reads_xz_files_by_sentence(tmp_path: Path) -> None:
    path = tmp_path / "sample.txt.xz"
    with lzma.open(path, "wt", encoding="utf-8") as fh:
        fh.write("قال O\nبوتين B-PERS\n. O\n\nفي O\nدمشق B-LOC\n. O")
    sentences = read_anercorp(path)
    assert [s.tags for s in sentences] == [("O", "B-PER", "O"), ("O", "B-LOC", "O")]
    train, dev = split_held_out(sentences * 5, 0.1)
    assert len(train) == 9
    assert len(dev) == 1 and dev[0] == sentences[1]


def _plain(text: str) -> Sentence:
    tokens = tuple(text.split())
    return Sentence(tokens, ("O",) * len(tokens))


def test_split_by_text_finds_the_same_text_written_another_way() -> None:
    reference = [
        _plain("وقال وزير الخارجية الفرنسي إن بلاده ستعيد فتح سفارتها في دمشق قريبا ."),
        _plain("أعلن الاتحاد الأوروبي عن حزمة مساعدات جديدة ."),
    ]
    # NewsFANE's way: the clitics apart, hamza dropped, cut at another place
    same = _plain("و قال وزير الخارجية الفرنسي ان بلاد ه ستعيد فتح سفارت ها في دمشق")
    other = _plain("وصل الرئيس إلى القاهرة في زيارة رسمية تستمر ثلاثة أيام .")
    short = _plain("دمشق قريبا")
    inside, outside = split_by_text([other, same, short, _plain("قريبا دمشق")], reference)
    assert inside == [same, short]
    assert outside == [other, _plain("قريبا دمشق")]


def test_shared_text_is_the_share_of_runs_found() -> None:
    runs = text_runs([_plain("a b c d e f")])
    assert shared_text(_plain("a b c d e f"), runs) == 1.0
    assert shared_text(_plain("a b c d e x y z"), runs) == 0.25  # 1 of 4 five-token runs
    assert shared_text(_plain("x y"), runs) == 0.0
    assert shared_text(Sentence((), ()), runs) == 0.0
    inside, _ = split_by_text([_plain("a b c d e x y z")], [_plain("a b c d e f")], 0.2)
    assert len(inside) == 1
