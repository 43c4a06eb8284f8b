"""Propositions read from statements: figures with the act and thing they count, outcomes."""

from __future__ import annotations

import pytest

from khabar.claims.proposition import Amount, asserts, compatible, outcomes, quantities


def _read(text: str) -> set[tuple[str, str, str]]:
    return {(q.act, q.thing, q.amount.label()) for q in quantities(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('تصدينا "للعدوان" وأسقطنا 13 صاروخا', {("intercept", "صاروخ", "13")}),
        ("دفاعات سوريا اعترضت أغلب الصواريخ", {("intercept", "صاروخ", "most")}),
        ("دفاعات النظام فشلت في إسقاط أي صاروخ", {("intercept", "صاروخ", "none")}),
        ("110 صواريخ أطلقها العدوان الثلاثي", {("fire", "صاروخ", "110")}),
        ("التي أطلقت عليها 105صواريخ من نوع كروز", {("fire", "صاروخ", "105")}),
        ("أطلق الغرب نحو 100 صاروخ", {("fire", "صاروخ", "90–110")}),
        ("أسفر الانفجار عن مقتل أكثر من 50 شخصا", {("kill", "people", "more than 50")}),
        ("استمرت المحادثات 3 ساعات في عام 2018", set()),
    ],
)
def test_figures_are_read_with_their_act_and_counted_thing(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _read(text) == expected


def test_none_conflicts_with_some_and_shares_do_not_conflict_with_figures() -> None:
    none, most, thirteen = Amount(0, 0, "none"), Amount(0.5, 1, "most"), Amount(13, 13)
    assert not compatible(none, most)
    assert not compatible(none, thirteen)
    assert compatible(most, thirteen)
    assert not compatible(Amount(105, 105), Amount(110, 110))
    assert compatible(Amount(90, 110), Amount(105, 105))


def test_outcomes_of_an_operation() -> None:
    assert [o.succeeded for o in outcomes("ضربتنا في سوريا حققت أهدافها")] == [True]
    assert [o.succeeded for o in outcomes('الضربات الغربية "مصيرها الفشل"')] == [False]
    assert outcomes("فشلت موسكو في تمرير مشروع قرار يدين الضربات") == ()
    assert outcomes("حققت الشركة أهدافها هذا العام") == ()  # no operation named


def test_a_predicate_after_a_purpose_or_any_is_not_asserted() -> None:
    keys = frozenset({"استخدام"})
    assert not asserts("جاءت الضربات لمنع استخدام الأسلحة الكيميائية", keys)
    assert not asserts('"أي استخدام لأسلحة كيميائية رهيب"', keys)
    assert asserts("أكد التقرير استخدام الأسلحة الكيميائية في دوما", keys)
