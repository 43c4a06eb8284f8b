"""Span rules after tagging: state bodies, named organisations, seats of power, facilities."""

from __future__ import annotations

import pytest

from khabar.arabic import tokenize
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, find_mentions, load_tagger, mention_key
from khabar.entities.rules import SpanRules
from khabar.model import Mention


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def _found(text: str, tagger: Tagger) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in find_mentions(text, tagger)}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الروسيه", True),
        ("البريطانيه", True),
        ("العراقي", True),
        ("الامريكيه", True),
        ("الخارجيه", False),  # الخارج is a place of a sort, الخارجية a ministry
        ("المركزي", False),
        ("التي", False),
        ("روسيه", False),  # indefinite
    ],
)
def test_nationality_adjectives_are_told_from_other_adjectives(
    tagger: Tagger, word: str, expected: bool
) -> None:
    assert SpanRules(tagger).is_nationality_adjective(word) is expected


def test_state_body_with_nationality_adjective_is_an_organisation(tagger: Tagger) -> None:
    found = _found("وحذر مسؤولون في الاستخبارات البريطانية من القرار.", tagger)
    assert ("الاستخبارات البريطانية", "ORG") in found
    found = _found("وقالت وزارة الخارجية الأمريكية في بيان إن الاتفاق قريب.", tagger)
    assert ("وزارة الخارجية الأمريكية", "ORG") in found


def test_minister_title_is_not_read_as_a_ministry(tagger: Tagger) -> None:
    found = _found("وصرح وزير الدفاع السوري للصحفيين بأن القوات جاهزة.", tagger)
    assert not any(kind == "ORG" and "الدفاع" in text for text, kind in found)


def test_feminine_head_needs_a_feminine_adjective(tagger: Tagger) -> None:
    found = _found("وصل رئيس الحكومة السوري إلى المطار.", tagger)
    assert ("الحكومة السوري", "ORG") not in found


def test_organisation_head_name_and_adjective_form_one_name(tagger: Tagger) -> None:
    found = _found("في منطقة تسيطر عليها قوات سوريا الديمقراطية التي يقودها الأكراد.", tagger)
    assert ("قوات سوريا الديمقراطية", "ORG") in found
    assert ("سوريا", "LOC") not in found


def test_seats_of_power_are_organisations(tagger: Tagger) -> None:
    found = _found("وقال الكرملين في بيان إن البيت الأبيض لم يرد.", tagger)
    assert ("الكرملين", "ORG") in found
    assert ("البيت الأبيض", "ORG") in found


def test_facility_heads_and_adjectives_join_the_place(tagger: Tagger) -> None:
    text = "ناقشا مستقبل قاعدة حميميم الجوية والقاعدة البحرية في طرطوس ومطار القامشلي."
    found = _found(text, tagger)
    assert ("قاعدة حميميم الجوية", "LOC") in found
    assert ("القاعدة البحرية في طرطوس", "LOC") in found
    assert ("مطار القامشلي", "LOC") in found
    assert mention_key("قاعدة حميميم الجوية", "LOC") == mention_key("حميميم", "LOC")
    assert mention_key("القاعدة البحرية في طرطوس", "LOC") == mention_key("طرطوس", "LOC")


def test_a_facility_head_and_adjective_name_the_word_between_them(tagger: Tagger) -> None:
    found = _found("هبطت الطائرة في مطار زكرونيا العسكري ثم في قاعدة سلفورا الجوية.", tagger)
    assert ("مطار زكرونيا العسكري", "LOC") in found
    assert ("قاعدة سلفورا الجوية", "LOC") in found
    assert not _found("أنشأت الشركة قاعدة بيانات ضخمة وقاعدة عسكرية جوية.", tagger)


def test_office_named_by_adjective_resolves_to_its_body() -> None:
    office = mention_key("المكتب الرئاسي الروسي", "ORG")
    assert office == mention_key("الرئاسة الروسية", "ORG")
    assert office != mention_key("الرئاسة السورية", "ORG")
    assert mention_key("الحكومة السورية", "ORG") != mention_key("الرئاسة السورية", "ORG")


def test_a_longer_organisation_span_is_never_cut_down(tagger: Tagger) -> None:
    rules = SpanRules(tagger)
    text = "قال ممثل وزارة الخارجية الايرانية ان الاتفاق قريب"
    tokens = tokenize(text)
    start = text.index("وزارة")
    end = text.index(" ان")
    tagged = [Mention(text[start:end], "ORG", start, end)]
    assert rules.apply(text, tokens, tagged, False) == tagged


def test_a_fair_named_after_a_city_is_not_a_facility(tagger: Tagger) -> None:
    found = _found("افتتح معرض طهران الدولي للكتاب أبوابه أمس.", tagger)
    assert not any("الدولي" in text for text, _ in found)
