"""Contradictions are about one proposition, grouped into one record per issue."""

from __future__ import annotations

from datetime import date

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.contradict import ordinals_with_nouns, predicate_keys
from khabar.claims.text import words
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, Event, Mention, Story


def _annotated(aid: str, body: str, outlet: str | None = None) -> AnnotatedArticle:
    art = Article(
        id=aid,
        source=aid,
        title=None,
        published=date(2018, 4, 14),
        outlet=outlet,
        language="ar",
        paragraphs=(body,),
    )
    at = body.find("سوريا")
    mentions = (Mention("سوريا", "LOC", at, at + 5, "loc-syria"),) if at >= 0 else ()
    return AnnotatedArticle(art, mentions, (), extract_statements(art, mentions))


def _run(*arts: AnnotatedArticle):  # type: ignore[no-untyped-def]
    ids = tuple(a.id for a in arts)
    events = [Event("e", "strike", ids, story="s")]
    return analyze_claims(list(arts), events, [Story("s", "s", ("e",))], [], ClaimsConfig())


def test_ordinals_are_read_with_their_noun() -> None:
    assert ordinals_with_nouns("في أول زيارة له") == {"زيار": 1}
    assert ordinals_with_nouns("الزيارة الثانية للرئيس") == {"زيار": 2}


def test_the_doubted_act_is_the_first_word_that_is_no_name() -> None:
    name = frozenset({words("سوريا")[0].stem})
    assert "استخدام" in predicate_keys("سوريا استخدام أي أسلحة كيميائية", name)


def test_intercepted_against_none_intercepted_is_one_issue_with_its_sides() -> None:
    a = _annotated("a", "وقالت وزارة الدفاع الروسية إن الدفاعات الجوية في سوريا اعترضت 71 صاروخا.")
    b = _annotated("b", "وقال البنتاغون إن دفاعات النظام في سوريا فشلت في إسقاط أي صاروخ.")
    c = _annotated("c", "وقال مسؤول سوري إن الدفاعات في سوريا أسقطت 13 صاروخا خلال الهجوم.")
    result = _run(a, b, c)
    numbers = [c for c in result.contradictions if c.kind == "number"]
    assert len(numbers) == 1
    answers = {p.answer: {s.article for s in p.sources} for p in numbers[0].positions}
    assert answers == {"none": {"b"}, "13": {"c"}, "71": {"a"}}
    assert numbers[0].positions[0].speakers == ("البنتاغون",)


def test_a_count_fired_is_not_set_against_a_count_intercepted() -> None:
    a = _annotated("a", "وقال الجيش الروسي إن الدول الغربية أطلقت 103 صواريخ على سوريا.")
    b = _annotated("b", "وقال مسؤول سوري إن الدفاعات في سوريا أسقطت 13 صاروخا خلال الهجوم.")
    assert [c for c in _run(a, b).contradictions if c.kind == "number"] == []


def test_a_report_giving_both_figures_explains_them() -> None:
    a = _annotated("a", "وقال مسؤول أمريكي إنه تم إطلاق 76 صاروخا على المنشأة في سوريا.")
    b = _annotated("b", "وبحسب البنتاغون تم إطلاق 105 صواريخ على سوريا، 76 منها استهدفت مركز برزة.")
    assert [c for c in _run(a, b).contradictions if c.kind == "number"] == []


def test_figures_fired_that_differ_contradict_but_a_round_figure_does_not() -> None:
    a = _annotated("a", "وقالت القيادة العامة للجيش إن 110 صواريخ أطلقت على مواقع في سوريا.")
    b = _annotated("b", "وقال البنتاغون إن الدول الثلاث أطلقت 105 صواريخ على سوريا فجر السبت.")
    c = _annotated("c", "وقالت موسكو إن الغرب أطلق 100 صاروخ على سوريا دون أن يقتل أحدا.")
    numbers = [x for x in _run(a, b, c).contradictions if x.kind == "number"]
    assert len(numbers) == 1
    assert {p.answer for p in numbers[0].positions} == {"105", "110"}


def test_tolls_rising_through_a_day_are_not_contradictions() -> None:
    a = _annotated("a", "وقال مسؤول في وزارة الصحة في سوريا إن الانفجار أسفر عن مقتل 12 شخصا.")
    b = _annotated("b", "وقال مسؤول في وزارة الصحة في سوريا إن الانفجار أسفر عن مقتل 30 شخصا.")
    assert [c for c in _run(a, b).contradictions if c.kind == "number"] == []


def test_an_operation_said_to_succeed_and_to_fail_is_a_claim_contradiction() -> None:
    a = _annotated("a", "وقالت رئيسة الوزراء إن الضربات على سوريا حققت أهدافها بالكامل.")
    b = _annotated("b", "وقالت دمشق إن الضربات الغربية على سوريا مصيرها الفشل لا محالة.")
    claims = [c for c in _run(a, b).contradictions if c.kind == "claim"]
    assert len(claims) == 1
    assert [p.answer for p in claims[0].positions] == ["achieved its aims", "failed"]


def test_a_purpose_is_not_set_against_a_denial_of_the_act() -> None:
    a = _annotated(
        "a", "وقال الرئيس الفرنسي إن الضربات جاءت لمنع استخدام الأسلحة الكيميائية في دوما."
    )
    b = _annotated("b", "ونفت الحكومة السورية استخدام الأسلحة الكيميائية في دوما نفيا قاطعا.")
    assert [c for c in _run(a, b).contradictions if c.kind == "stance"] == []


def test_one_claim_in_two_articles_becomes_one_claim_with_two_sources() -> None:
    a = _annotated("a", "وأكد مصدر أمني أن الشرطة اعتقلت منفذ الهجوم على السفارة في العاصمة.")
    b = _annotated("b", "وأفادت مصادر مطلعة بأن الشرطة اعتقلت منفذ الهجوم على السفارة.")
    result = _run(a, b)
    shared = [c for c in result.claims if {s.article for s in c.sources} == {"a", "b"}]
    assert len(shared) == 1
    assert {s.stance for s in shared[0].sources} == {"reported"}
    assert shared[0].event == "e"


def _apart(*arts: AnnotatedArticle):  # type: ignore[no-untyped-def]
    """Each article its own event and story, no place tagged in common."""
    bare = [AnnotatedArticle(a.article, (), (), a.statements) for a in arts]
    events = [Event(f"e{n}", "x", (a.article.id,), story=f"s{n}") for n, a in enumerate(bare)]
    stories = [Story(f"s{n}", "x", (f"e{n}",)) for n in range(len(bare))]
    return analyze_claims(bare, events, stories, [], ClaimsConfig(), copies={})


def test_figures_of_one_act_by_the_same_parties_meet_across_stories() -> None:
    a = _annotated(
        "a", "قالت القيادة العامة إن 110 صواريخ أطلقت على مواقع في سوريا من الولايات المتحدة."
    )
    b = _annotated(
        "b",
        "قال مسؤولون إن الصواريخ الأميركية التي أطلقت عليها 105 صواريخ استهدفت منشآت النظام "
        "السوري.",
    )
    numbers = [x for x in _apart(a, b).contradictions if x.kind == "number"]
    assert [{p.answer for p in x.positions} for x in numbers] == [{"105", "110"}]


def test_figures_sharing_only_the_target_country_stay_apart_across_stories() -> None:
    a = _annotated("a", "قال الجيش إن 110 صواريخ أطلقت على مواقع في سوريا من الولايات المتحدة.")
    b = _annotated("b", "قال مسؤولون إن إسرائيل أطلقت 20 صاروخا على مواقع للنظام السوري فجرا.")
    assert [x for x in _apart(a, b).contradictions if x.kind == "number"] == []


def test_a_hedge_and_an_assertion_of_one_outlet_are_no_certainty_record() -> None:
    firm = "وقال الجيش إن الضربات على سوريا دمرت مركز البحوث العلمية في برزة بالكامل."
    hedged = "ويعتقد أن الضربات على سوريا ربما دمرت مركز البحوث العلمية في برزة بالكامل."
    same = _run(_annotated("a", firm, "BBC"), _annotated("b", hedged, "BBC"))
    assert [c for c in same.contradictions if c.kind == "certainty"] == []
    other = _run(_annotated("a", firm, "BBC"), _annotated("b", hedged, "CNN"))
    assert [c.kind for c in other.contradictions if c.kind == "certainty"] == ["certainty"]


def test_an_outcome_told_of_another_year_answers_nothing_now() -> None:
    past = _annotated(
        "a", "وفي مايو 2003 أعلن الرئيس الأمريكي الأسبق أن المهمة أنجزت في العراق وحققت أهدافها."
    )
    failed = _annotated("b", "وقالت دمشق إن الضربات الغربية على سوريا مصيرها الفشل لا محالة.")
    assert [c for c in _run(past, failed).contradictions if c.kind == "claim"] == []
