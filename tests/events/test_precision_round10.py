"""Round 10 of issue 14: false merges — pieces that only share a crisis's words with a happening."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.cluster import NONE, WEAK, Doer
from khabar.events.signature import signature

US = frozenset({"@امريك"})
DAY = date(2018, 5, 8)


def test_a_headline_whose_lead_alone_names_the_kind_is_weakly_apart_from_a_partys_act() -> None:
    # الاتفاق النووي الإيراني.. مفاجأة تغير المعادلة؟ (a debate show) and واشنطن تنسحب …
    debate = Doer(frozenset(), False, False, None, lead="decision")
    withdrawal = Doer(US, False, True, "decision")
    assert debate.unnamed_kind(withdrawal)
    assert debate.apart(withdrawal) == WEAK
    assert withdrawal.apart(debate) == WEAK


def test_other_kinds_unnamed_doers_and_sayings_stay_as_they_were() -> None:
    debate = Doer(frozenset(), False, False, None, lead="decision")
    strike = Doer(US, False, True, "attack")
    assert not debate.unnamed_kind(strike)  # the lead names another kind
    assert debate.apart(strike) == NONE
    unnamed_act = Doer(frozenset(), False, True, "decision")
    assert not debate.unnamed_kind(unnamed_act)  # no party named: any report of it would do
    saying = Doer(US, True, False, "saying")
    assert not debate.unnamed_kind(saying)  # a saying, not an act
    quoted = Doer(frozenset(), True, False, None, lead="decision")
    assert not quoted.unnamed_kind(Doer(US, False, True, "decision"))  # a saying of its own


def test_options_and_why_it_matters_after_a_topic_make_an_explainer() -> None:
    day = DAY
    for title in (
        "الاتفاق النووي مع إيران: خيارات ترامب الأربعة",
        "درنة الليبية تعود للواجهة مجددا.. فما أهميتها الاستراتيجية؟",
    ):
        assert signature(make("a", title, "نص الخبر في سطر واحد.", day)).genre == "analysis"
    report = signature(make("b", "واشنطن تنسحب من الاتفاق النووي", "نص الخبر.", day))
    assert report.genre is None



def test_a_leaders_saying_and_his_countrys_report_of_an_act_are_weakly_apart() -> None:
    syria = frozenset({"@سور"})
    assad = Doer(syria | {"اسد"}, True, False, "saying")  # الأسد لروحاني: العدوان جاء …
    army = Doer(syria, True, False, "saying", topic="attack")  # الجيش السوري: 110 صواريخ …
    assert assad.apart(army) == WEAK and army.apart(assad) == WEAK
    # the same words told as the country's or as its leader's (both of the strike): the text
    assert Doer(syria | {"اسد"}, True, False, "saying", topic="attack").apart(army) == NONE
    assert Doer(syria, True, False, "saying").apart(assad) == NONE


def test_a_partys_denial_is_weakly_apart_from_the_unnamed_claim_it_answers() -> None:
    denial = Doer.of(
        signature(make("a", "دبلوماسي تركي ينفي استخدام أسلحة كيميائية في عفرين", "نص.", DAY))
    )
    assert denial.denies and denial.actors
    claim = Doer(frozenset(), True, False, None, lead="saying")  # اتهامات للجيش التركي …
    assert denial.apart(claim) == WEAK and claim.apart(denial) == WEAK
    assert not Doer(denial.actors, True, False, "saying").apart(claim)  # not a denial: the text
