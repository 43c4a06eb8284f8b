"""The tag-entities format: CoNLL in, token<TAB>tag out."""

from __future__ import annotations

import pytest

from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger, tag_conll


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def test_tag_conll_keeps_tokens_and_sentence_breaks(tagger: Tagger) -> None:
    lines = ["قال\tO\tx\n", "الرئيس\n", "فلاديمير\n", "بوتين\n", ".\n", "\n", "زار\n", "موسكو\n"]
    out = list(tag_conll(lines, tagger))
    assert len(out) == 8
    assert out[5] == ""
    tokens = [line.split("\t")[0] for line in out if line]
    assert tokens == ["قال", "الرئيس", "فلاديمير", "بوتين", ".", "زار", "موسكو"]
    tags = dict(line.split("\t") for line in out if line)
    assert tags["فلاديمير"] == "B-PER" and tags["بوتين"] == "I-PER"
    assert tags["موسكو"] == "B-LOC"
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags.values())


def test_tag_conll_handles_crlf_bom_and_space_separated_columns(tagger: Tagger) -> None:
    lines = ["\ufeffفي O\r\n", "دمشق O\r\n", "\r\n"]
    out = list(tag_conll(lines, tagger))
    assert out[0].startswith("\ufeffفي\t")
    assert out[1] == "دمشق\tB-LOC"
    assert out[2] == ""


def test_tag_conll_passes_document_separators_through(tagger: Tagger) -> None:
    out = list(tag_conll(["-DOCSTART- O\n", "\n", "زار\n", "موسكو\n"], tagger))
    assert out[:2] == ["-DOCSTART-\tO", ""]
    assert out[3] == "موسكو\tB-LOC"


def _lines(*sentences: str) -> list[str]:
    out: list[str] = []
    for sentence in sentences:
        out += (
            ["-DOCSTART-\n"] if sentence == "-DOCSTART-" else [f"{w}\n" for w in sentence.split()]
        )
        out.append("\n")
    return out


def _tags_of(out: list[str], word: str) -> list[str]:
    return [line.split("\t")[1] for line in out if line.split("\t")[0] == word]


def test_tag_conll_tags_a_name_again_where_the_tagger_missed_it(tagger: Tagger) -> None:
    lines = _lines(
        "استقبل الرئيس السوري أحمد الشرع الوفد في دمشق .", "وأوضح الشرع أن الزيارة ناجحة ."
    )
    alone = list(tag_conll(lines, tagger, block=0))
    assert _tags_of(alone, "الشرع") == ["I-PER", "O"]  # the tagger alone misses the second
    out = list(tag_conll(lines, tagger))
    assert _tags_of(out, "الشرع") == ["I-PER", "B-PER"]
    assert [line.split("\t")[0] for line in out] == [line.split("\t")[0] for line in alone]
    assert len(out) == len(lines)


def test_tag_conll_repeats_names_within_a_document_only(tagger: Tagger) -> None:
    lines = _lines(
        "استقبل الرئيس السوري أحمد الشرع الوفد في دمشق .",
        "-DOCSTART-",
        "وأوضح الشرع أن الزيارة ناجحة .",
    )
    out = list(tag_conll(lines, tagger))
    assert _tags_of(out, "الشرع") == ["I-PER", "O"]
    assert out[out.index("-DOCSTART-\tO") + 1] == ""
