"""Issue 17, sixth round: a denial answers only reports that name its act, and rows of one issue
are one record (khabar.claims.contradict.group_issues)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khabar.claims.contradict import dates_only, group_issues, predicate_keys
from khabar.claims.proposition import asserts, negates
from khabar.claims.text import stem_keys, words
from khabar.model import ClaimSource, Contradiction, Position


def _keys(word: str) -> frozenset[str]:
    return stem_keys(words(word)[0].norm)


def test_a_denial_inside_a_sentence_denies_what_follows_its_verb() -> None:
    text = "وتعهدت موسكو بعدم التدخل في عمل الفريق الذي تنفي دمشق أي مسؤولية لها"
    assert predicate_keys(text, frozenset({"دمشق"})) == _keys("مسؤولية")


def test_dates_name_no_act() -> None:
    assert all(dates_only(w.norm) for w in words("السابع الماضي أبريل الاثنين"))
    assert not dates_only(words("استخدام")[0].norm)
    assert predicate_keys("في السابع من أبريل الماضي") == frozenset()


def test_alleged_needed_and_clitic_negated_acts_are_not_asserted() -> None:
    keys = _keys("الاستخدام") | _keys("استخدام")
    assert not asserts("حول حقيقة الاستخدام المزعوم للسلاح الكيميائي", keys)
    assert asserts("أكد التقرير استخدام السلاح الكيميائي في البلدة", keys)
    assert not asserts("ويخضع هذا الإجراء لمتطلبات تفويض من مجلس الأمن", _keys("تفويض"))
    assert negates("وتعهدت موسكو بعدم التدخل في عمل البعثة", _keys("التدخل"))


@pytest.mark.parametrize(
    ("passing", "denying"),
    [
        # the mission goes on; "no basis for accusing Russia of obstructing the mission"
        (
            "وتعهدت منظمة حظر الأسلحة الكيميائية بأن يواصل فريقها مهمته في مدينة دوما لإثبات "
            "الحقائق.",
            "وقال الكرملين إنه لا أساس لاتهام روسيا بعرقلة مهمة فريق منظمة حظر الأسلحة الكيميائية "
            "في مدينة دوما.",
        ),
        # both pledge non-interference; the denial is Damascus's, in a relative clause
        (
            "وتعهدت موسكو الاثنين بعدم التدخل في عمل بعثة المنظمة التي أرسلت إلى دوما.",
            "وتعهدت موسكو عدم التدخل في عمل فريق المنظمة التي تلقت دعوة من دمشق التي تنفي أي "
            "مسؤولية لها في هجوم دوما.",
        ),
    ],
)
def test_a_report_that_does_not_state_the_denied_act_is_no_side(
    dated_article: Any, one_event_contradictions: Any, passing: str, denying: str
) -> None:
    day = date(2019, 3, 4)
    a, b = dated_article("a", passing, day), dated_article("b", denying, day)
    assert one_event_contradictions("stance", a, b) == []


def _record(kind: str, yes: list[tuple[str, str]], no: list[tuple[str, str]]) -> Contradiction:
    positions = tuple(
        Position(answer, tuple(ClaimSource(a, q, "asserted") for a, q in side), ("x",) * len(side))
        for answer, side in (("yes", yes), ("no", no))
    )
    sources = (*positions[0].sources, *positions[1].sources)
    return Contradiction(f"c-{kind}-{len(yes)}", kind, kind, None, sources, positions)


def _cited(contra: Contradiction) -> dict[str, set[tuple[str, str]]]:
    return {p.answer: {(s.article, s.quote) for s in p.sources} for p in contra.positions}


def test_records_citing_two_sentences_in_common_are_one_issue() -> None:
    first = _record("claim", [("a", "s1"), ("a", "s2")], [("b", "t")])
    second = _record("number", [("c", "u")], [("a", "s1"), ("a", "s2")])  # the other way round
    third = _record("claim", [("a", "s1")], [("d", "v")])  # one sentence only in common
    joined = group_issues([first, second, third])
    assert len(joined) == 2
    assert _cited(joined[0]) == {"yes": {("a", "s1"), ("a", "s2")}, "no": {("b", "t"), ("c", "u")}}
    assert joined[1] is third


def test_stance_records_against_one_articles_denial_are_one_issue() -> None:
    headline = _record("stance", [("a", "accusation")], [("d", "headline of the denial")])
    body = _record("stance", [("b", "the accusation again"), ("c", "x")], [("d", "body sentence")])
    other = _record("stance", [("e", "another claim")], [("f", "another denial")])
    joined = group_issues([headline, body, other])
    assert len(joined) == 2
    assert {a for a, _ in _cited(joined[0])["no"]} == {"d"}
    assert {a for a, _ in _cited(joined[0])["yes"]} == {"a", "b", "c"}
    # a claim record is not joined on a shared article alone
    claim = _record("claim", [("g", "y")], [("d", "headline of the denial 2")])
    assert len(group_issues([headline, claim])) == 2
