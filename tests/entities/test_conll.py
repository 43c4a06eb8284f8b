"""The tag-entities format: CoNLL in, token<TAB>tag out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger, tag_conll
from khabar.entities.conll import _without_heads, input_scheme
from khabar.errors import ConfigError


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


def test_tag_conll_writes_anercorp_tag_names_with_its_scheme(tagger: Tagger) -> None:
    words = ["قال", "الرئيس", "فلاديمير", "بوتين", "في", "موسكو"]
    gold = ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    lines = [f"{w} {t}\n" for w, t in zip(words, gold, strict=True)]
    plain = list(tag_conll(lines, tagger))
    renamed = list(tag_conll(lines, tagger, scheme="anercorp"))
    assert renamed == [line + "S" if line.endswith("-PER") else line for line in plain]
    tags = dict(line.split("\t") for line in renamed)
    assert tags["فلاديمير"] == "B-PERS" and tags["بوتين"] == "I-PERS"
    assert tags["موسكو"] == "B-LOC"
    assert not any(line.endswith("-PER") for line in renamed)


def test_tag_conll_rejects_an_unknown_scheme_before_reading(tagger: Tagger) -> None:
    with pytest.raises(ConfigError, match=r"unknown tag scheme 'conll2003'.*anercorp, khabar"):
        tag_conll(iter(()), tagger, scheme="conll2003")


@pytest.mark.parametrize(
    ("lines", "scheme"),
    [
        (["جاك B-PERS\n", "شيراك I-PERS\n"], "anercorp"),
        (["جاك\tB-PER\n", "شيراك\tI-PER\n"], "khabar"),
        (["في O\n", "دمشق B-LOC\n"], "khabar"),  # no person tag: nothing to rename
        (["جاك\n", "\n"], "khabar"),  # no tag column at all
        (["بوتين\tNNP\tB-PERS\n"], "anercorp"),
    ],
)
def test_input_scheme_reads_the_input_tag_names(lines: list[str], scheme: str) -> None:
    assert input_scheme(lines) == scheme


def test_cli_tag_entities_scheme_input_follows_an_anercorp_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conll = tmp_path / "anercorp.txt"
    conll.write_text(
        "قال O\nالرئيس O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O\n",
        encoding="utf-8",
    )
    outputs = {}
    for scheme in ("input", "khabar"):
        assert main(["tag-entities", str(conll), "--scheme", scheme]) == 0
        outputs[scheme] = capsys.readouterr().out.splitlines()
    assert outputs["input"][2:4] == ["فلاديمير\tB-PERS", "بوتين\tI-PERS"]
    assert outputs["khabar"][2:4] == ["فلاديمير\tB-PER", "بوتين\tI-PER"]
    assert outputs["input"][5] == outputs["khabar"][5] == "موسكو\tB-LOC"


def test_cli_tag_entities_scheme_input_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("زار O\nجاك B-PERS\nشيراك I-PERS\nموسكو B-LOC\n"))
    assert main(["tag-entities", "-", "--scheme", "input"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["زار", "جاك", "شيراك", "موسكو"]
    assert lines[1:] == ["جاك\tB-PERS", "شيراك\tI-PERS", "موسكو\tB-LOC"]


def test_heads_the_corpora_leave_out_are_taken_off_organisations() -> None:
    tokens = ["قالت", "صحيفة", "تايمز", "إن", "حزب", "الليكود", "ونادي", "الوحدة"]
    tags = ["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "B-ORG", "I-ORG"]
    out = _without_heads(tokens, tags)
    # صحيفة and نادي (its clitic too) left out; حزب stays, as both corpora write it
    assert out == ["O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "B-ORG"]
    assert tags[1] == "B-ORG"  # the input is not changed
    alone = ["O", "B-ORG", "O", "O", "O", "O", "O", "O"]
    assert _without_heads(tokens, alone) == alone  # a lone head is left as tagged
