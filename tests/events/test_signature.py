"""Signatures of happenings: who did or said what, of which kind, as the headline reports it."""

from __future__ import annotations

from datetime import date

import pytest
from events_support import make

from khabar.config import EventsConfig
from khabar.events import build_events
from khabar.events.cluster import ClusterState, Doer
from khabar.events.signature import Signature, actor_key, signature
from khabar.model import AnnotatedArticle, Mention

DAY = date(2018, 4, 14)


def _titled(
    title: str, body: str = "نص الخبر في سطر واحد.", names: tuple[str, ...] = ()
) -> AnnotatedArticle:
    """An article whose title names ``names`` (as the tagger would mark them)."""
    article = make("a", title, body, DAY)
    mentions = tuple(
        Mention(name, "PER", title.index(name), title.index(name) + len(name), None, True)
        for name in names
    )
    return AnnotatedArticle(article.article, mentions, article.times)


@pytest.mark.parametrize(
    ("phrase", "other"),
    [
        ("موسكو", "روسيا"),
        ("الكرملين", "وزارة الدفاع الروسية"),
        ("البنتاغون", "الولايات المتحدة"),
        ("واشنطن", "أميركا"),
        ("السعودية", "الخارجية السعودية"),
    ],
)
def test_capitals_seats_and_adjectives_fold_to_one_country(phrase: str, other: str) -> None:
    assert actor_key(phrase) is not None
    assert actor_key(phrase) == actor_key(other)


def test_different_countries_and_people_get_different_keys() -> None:
    keys = {actor_key(p) for p in ("الكويت", "البحرين", "روسيا", "ماكرون", "ترامب")}
    assert len(keys) == 5
    assert actor_key("ترمب") == actor_key("ترامب")  # spelling variants meet
    assert actor_key("مصادر") is None  # anonymous sources name no one


def test_each_name_of_one_body_gives_one_key_and_different_bodies_stay_apart() -> None:
    league = actor_key("الجامعة العربية")
    assert league is not None and league == actor_key("جامعة الدول العربية")
    assert actor_key("مجلس الأمن") == actor_key("مجلس الأمن الدولي")
    assert actor_key("الأمم المتحدة") == actor_key("المنظمة الدولية")
    bodies = {league, actor_key("مجلس الأمن"), actor_key("الأمم المتحدة"), actor_key("الناتو")}
    assert len(bodies) == 4
    # a national body of the same name is its country's, and a longer name another body's
    assert actor_key("مجلس الأمن القومي الأمريكي") == actor_key("واشنطن")
    assert actor_key("مجلس الأمن الروسي") == actor_key("روسيا")
    assert actor_key("المنظمة الدولية للهجرة") != actor_key("الأمم المتحدة")


def test_a_body_s_saying_and_its_act_under_another_name_share_the_speaker() -> None:
    saying = signature(_titled("الجامعة العربية: هناك ضرورة لمراجعة الاتفاق النووي الإيراني"))
    support = signature(_titled("جامعة الدول العربية تؤيد مراجعة الاتفاق النووي مع إيران"))
    assert saying.actors == support.actors == {actor_key("الجامعة العربية")}


def test_an_anonymous_official_s_words_naming_no_act_are_a_saying() -> None:
    remark = signature(
        _titled(
            "مسؤول: لا إشارات على ردود انتقامية بعد الضربة",
            "قال مسؤول كبير إنه لا توجد أي إشارات على ردود انتقامية.",
        )
    )
    assert remark.says and remark.strong and not remark.actors
    relayed = signature(_titled("مصدر: أميركا تشن هجمات بصواريخ كروز على سوريا"))
    assert relayed.kind == "attack" and not relayed.says  # names the act: a report of it
    # the same headline over a lead that narrates no saying stays unread
    plain = signature(_titled("مسؤول: لا إشارات على ردود انتقامية بعد الضربة", "نص في سطر."))
    assert not plain.strong


def test_speaker_before_a_colon_is_the_actor_of_a_saying() -> None:
    sig = signature(_titled("الكويت: ندين الهجوم على المدنيين في الغوطة"))
    assert sig.actors == {actor_key("الكويت")}
    assert sig.says and sig.kind in ("condemnation", "statement")


def test_subject_first_headline_names_its_actor_and_kind() -> None:
    sig = signature(_titled("البحرين تدين الهجوم على المدنيين في الغوطة"))
    assert sig.actors == {actor_key("البحرين")}
    assert sig.kind == "condemnation" and sig.strong


def test_a_person_takes_the_country_the_lead_introduces_him_with() -> None:
    sig = signature(
        _titled(
            "ماتيس: الضربة على سوريا كانت واحدة",
            "قال وزير الدفاع الأمريكي جيمس ماتيس إن الضربة انتهت.",
            names=("ماتيس",),
        )
    )
    assert sig.actors == {actor_key("ماتيس"), actor_key("أمريكا")}


def test_security_council_vote_is_a_session() -> None:
    sig = signature(_titled("مجلس الأمن يصوت ضد مشروع قرار روسي بشأن سوريا"))
    assert sig.kind == "session" and not sig.says


def test_an_announced_act_is_the_act() -> None:
    sig = signature(_titled("ترامب يعلن شن ضربات على مواقع في سوريا", names=("ترامب",)))
    assert sig.kind == "attack"


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("تحليل: ماذا بعد الضربات على سوريا", "analysis"),
        ("هل كانت الضربات الجوية على سوريا قانونية؟", "analysis"),
        ("مباشر: آخر تطورات الضربة على سوريا", "live"),
        ("ردود فعل دولية بعد الضربات على سوريا", "roundup"),
        ("ضربة سوريا.. السعودية تؤيد.. والأردن: الحل السياسي هو المخرج", "roundup"),
        ("جولة الصحافة: الضربات على سوريا", "review"),
        ("الضربات الغربية على سوريا: ما هي الصواريخ التي أطلقت وما كلفتها؟", "analysis"),
        ("بعد انسحاب واشنطن.. أبرز العقوبات التي ستعود إلى إيران", "analysis"),
    ],
)
def test_pieces_that_report_no_happening_of_their_own_have_a_genre(title: str, genre: str) -> None:
    assert signature(_titled(title)).genre == genre


def test_a_press_review_is_known_by_its_lead_when_its_title_is_a_story() -> None:
    sig = signature(_titled("مهرجان كان يريد طي صفحة", "اهتمت صحف اليوم بقرار الرئيس الأمريكي."))
    assert sig.genre == "review"


def test_a_later_part_is_an_explainer_only_by_a_question_or_a_list() -> None:
    assert signature(_titled("ضربة سوريا.. تعرف على المواقع المستهدفة")).genre is None
    assert signature(_titled("ترامب يعلن الانسحاب: هذه أهم العقوبات")).genre is None


def test_a_question_headline_names_no_act_of_its_own() -> None:
    sig = signature(_titled("صفقة روسية سورية جديدة.. قواعد مقابل تسليم الأسد؟"))
    assert not sig.actors and not sig.strong


def test_a_plain_report_has_no_genre() -> None:
    sig = signature(_titled("مقتل ثلاثة في انفجار جنوب قطاع غزة"))
    assert sig.genre is None and sig.kind == "casualties"


def test_doers_conflict_by_party_and_by_kind() -> None:
    kuwait = Doer(frozenset({"@كويت"}), True, False, "saying")
    bahrain = Doer(frozenset({"@بحرين"}), True, False, "saying")
    kuwait_again = Doer(frozenset({"@كويت"}), True, False, "saying")
    strike = Doer(frozenset(), False, True, "attack")
    vote = Doer(frozenset(), False, True, "session")
    unknown = Doer(frozenset(), False, False, None)
    assert kuwait.conflicts(bahrain)
    assert not kuwait.conflicts(kuwait_again)
    assert kuwait.conflicts(strike)  # a party's saying is not a strike reported without it
    assert strike.conflicts(vote)  # a strike is not a vote
    assert not unknown.conflicts(kuwait) and not unknown.conflicts(strike)


def test_a_saying_conflicts_with_another_party_s_act_named_only_by_a_lead() -> None:
    minister = Doer(frozenset({"@امريك"}), True, False, "saying")
    street_scene = Doer(frozenset(), False, False, None, lead="decision")
    own_decision = Doer(frozenset({"@امريك"}), False, False, None, lead="decision")
    quoted = Doer(frozenset(), True, False, None, lead="saying")
    assert minister.conflicts(street_scene) and street_scene.conflicts(minister)
    assert not minister.conflicts(own_decision)  # the speaker's own side may be the doer
    assert not minister.conflicts(quoted)  # a lead that reports a saying may be the same one


def test_an_act_and_a_party_s_saying_named_only_by_a_lead_join_only_when_close() -> None:
    withdrawal = Doer(frozenset({"@امريك", "ترمب"}), False, True, "decision")
    former_president = Doer(frozenset({"@امريك"}), True, False, None, lead="saying")
    unnamed = Doer(frozenset(), True, False, None, lead="saying")
    # a lead's saying is weaker evidence than a headline's: the two join only when their
    # words are as close as WEAK_CONFLICT_THRESHOLD asks
    assert withdrawal.weakly_conflicts(former_president)
    assert former_president.weakly_conflicts(withdrawal)
    assert not withdrawal.conflicts(former_president)
    assert not withdrawal.conflicts(unnamed) and not withdrawal.weakly_conflicts(unnamed)


def test_a_feature_naming_no_doer_nor_kind_joins_a_party_s_happening_only_when_close() -> None:
    feature = Doer.of(signature(_titled("اليمن.. الشرعية تضيّق على آخر شرايين الحوثي")))
    offensive = Doer(frozenset({"@سعود"}), False, True, "attack")
    unnamed_strike = Doer(frozenset(), False, True, "attack")
    scene_with_a_kind = Doer(frozenset(), False, False, None, lead="attack")
    assert feature.blank()
    assert feature.weakly_conflicts(offensive) and offensive.weakly_conflicts(feature)
    assert not feature.conflicts(offensive)  # the text may still join them, when close
    # no party named on either side: the text alone decides
    assert not feature.weakly_conflicts(unnamed_strike)
    assert not scene_with_a_kind.blank()
    # a kind named by the lead alone, the party's act of that kind: weakly apart since round 10
    # (Doer.unnamed_kind, tests/events/test_precision_round10.py)
    assert scene_with_a_kind.weakly_conflicts(offensive)


def test_doer_of_a_signature_keeps_the_lead_s_family_only_without_a_headline_kind() -> None:
    assert Doer.of(Signature(kind="attack", strong=False)).lead == "attack"
    assert Doer.of(Signature(kind="attack", strong=True)).lead is None
    assert Doer.of(Signature(kind="attack", genre="analysis")).lead is None


def test_analysis_stands_alone_and_roundups_join_only_roundups() -> None:
    analysis, roundup, report = (
        ClusterState(genre="analysis"),
        ClusterState(genre="roundup"),
        ClusterState(),
    )
    assert not analysis.same_kind_of_piece(report)
    assert not roundup.same_kind_of_piece(report)
    assert roundup.same_kind_of_piece(ClusterState(genre="roundup"))
    assert report.same_kind_of_piece(ClusterState())


CONDEMNATION_BODY = (
    "أدانت {who} بشدة الهجوم الذي استهدف المدنيين في الغوطة الشرقية قرب دمشق أمس، ودعت المجتمع"
    " الدولي إلى التحرك العاجل لوقف الهجمات على المدنيين في سوريا."
)


def test_two_governments_condemning_one_attack_are_two_events() -> None:
    # the three texts are near-duplicates (one template): copies must still be of one party
    kuwait_a = make(
        "k1",
        "الكويت تدين الهجوم على المدنيين في الغوطة",
        CONDEMNATION_BODY.format(who="الكويت"),
        DAY,
        "a",
    )
    kuwait_b = make(
        "k2", "الكويت تدين بشدة الهجوم على الغوطة", CONDEMNATION_BODY.format(who="الكويت"), DAY, "b"
    )
    bahrain = make(
        "b1",
        "البحرين تدين الهجوم على المدنيين في الغوطة",
        CONDEMNATION_BODY.format(who="البحرين"),
        DAY,
        "c",
    )
    events, _ = build_events([kuwait_a, kuwait_b, bahrain], [], EventsConfig())
    event_of = {a: e.id for e in events for a in e.articles}
    assert event_of["k1"] == event_of["k2"]
    assert event_of["b1"] != event_of["k1"]
    story_of = {e.id: e.story for e in events}
    assert story_of[event_of["b1"]] == story_of[event_of["k1"]]  # one chain: the attack's


def test_reports_of_each_party_to_a_joint_act_join_through_a_report_naming_them_all() -> None:
    joint = Doer(frozenset({"@امريك", "@بريطان", "@فرنس"}), False, True, "attack")
    american = Doer(frozenset({"@امريك"}), False, True, "attack")
    french = Doer(frozenset({"@فرنس"}), False, True, "attack")
    french_saying = Doer(frozenset({"@فرنس"}), True, False, "saying")
    strike = ClusterState(doers=(joint, american))
    assert strike.same_kind_of_piece(ClusterState(doers=(french,)))
    assert not ClusterState(doers=(american,)).same_kind_of_piece(ClusterState(doers=(french,)))
    assert not strike.same_kind_of_piece(ClusterState(doers=(french_saying,)))  # a saying stays


def test_a_party_announcing_its_own_part_in_a_joint_act_joins_the_act() -> None:
    joint = Doer(frozenset({"@امريك", "@بريطان", "@فرنس"}), False, True, "attack")
    unnamed = Doer(frozenset(), False, True, "attack")
    french_part = Doer(frozenset({"@فرنس", "مكرن"}), True, False, "saying", topic="attack")
    russian_view = Doer(frozenset({"@روس"}), True, False, "saying", topic="attack")
    strike = ClusterState(doers=(joint, unnamed))
    assert strike.same_kind_of_piece(ClusterState(doers=(french_part,)))
    assert not strike.same_kind_of_piece(ClusterState(doers=(russian_view,)))  # not a doer
    assert not strike.weakly_apart(ClusterState(doers=(french_part,)))
    # with no report naming the doers, whether France announces its own act or comments on
    # another's is unknown: the two may join, but only as close in words as WEAK_CONFLICT_THRESHOLD
    lone = ClusterState(doers=(unnamed,))
    assert lone.same_kind_of_piece(ClusterState(doers=(french_part,)))
    assert lone.weakly_apart(ClusterState(doers=(french_part,)))


def test_a_saying_keeps_the_kind_of_act_its_words_report() -> None:
    sig = signature(_titled("ماكرون: الضربات العسكرية على سوريا تقتصر على قدرات النظام"))
    assert sig.says and sig.topic == "attack"
    assert signature(_titled("الكويت: ندين الهجوم على المدنيين")).topic is None
    assert signature(_titled("ضربات عسكرية تستهدف مواقع في سوريا")).topic is None


def test_a_channel_before_a_colon_relays_and_does_not_speak() -> None:
    sig = signature(_titled("فوكس نيوز: الولايات المتحدة قررت ضرب سوريا", names=("فوكس",)))
    assert not sig.says and actor_key("فوكس") not in sig.actors


def test_a_subject_the_tagger_missed_in_the_title_is_known_from_the_lead() -> None:
    title = "ترامب يعلن انسحاب بلاده من الاتفاق النووي"
    body = "أعلن الرئيس الأمريكي دونالد ترامب الثلاثاء انسحاب بلاده من الاتفاق النووي."
    article = make("a", title, body, DAY)
    start = article.article.text.index("دونالد ترامب")
    lead = Mention("دونالد ترامب", "PER", start, start + len("دونالد ترامب"), None, False)
    sig = signature(AnnotatedArticle(article.article, (lead,), article.times))
    assert actor_key("ترامب") in sig.actors and actor_key("أمريكا") in sig.actors
    assert sig.kind == "decision" and not sig.says


@pytest.mark.parametrize(
    "title",
    [
        "إثيوبيا: قتلى وجرحى في انفجار قنبلة استهدفت تجمعا لرئيس الوزراء",
        "سوريا: مقاتلات بريطانية تضرب منشآت عسكرية قرب حمص",
    ],
)
def test_a_country_before_a_happening_there_is_a_dateline_not_a_speaker(title: str) -> None:
    sig = signature(_titled(title))
    assert not sig.says and actor_key("إثيوبيا") not in sig.actors
    assert actor_key("سوريا") not in sig.actors and sig.strong


@pytest.mark.parametrize(
    ("title", "speaker"),
    [
        ("روسيا: قد نزود دمشق بأنظمة صاروخية جديدة", "روسيا"),
        ('فرنسا: الاتفاق النووي مع إيران "لم يمت" بانسحاب أمريكا', "فرنسا"),
        ('دمشق: الضربات الغربية "مصيرها الفشل"', "سوريا"),
    ],
)
def test_a_country_or_capital_before_a_saying_is_its_speaker(title: str, speaker: str) -> None:
    sig = signature(_titled(title))
    assert sig.says and sig.actors == {actor_key(speaker)}


def test_a_town_the_tagger_marks_as_a_place_is_a_dateline() -> None:
    title = "تعز: الجيش يدخل مدينة البرح ويقطع الإمداد عن الحوثيين"
    article = make("a", title, "نص الخبر في سطر واحد.", DAY)
    town = Mention("تعز", "LOC", 0, 3, None, True)
    sig = signature(AnnotatedArticle(article.article, (town,), article.times))
    assert not sig.says and not sig.actors


@pytest.mark.parametrize(
    ("title", "actors"),
    [
        ("فوكس نيوز: الولايات المتحدة قررت ضرب سوريا", {"أمريكا"}),
        ("المرصد: قصف إسرائيلي لمستودع أسلحة بريف دمشق", {"إسرائيل"}),
        ("الإعلام الرسمي السوري يعلن تصدي الدفاعات الجوية لصاروخين إسرائيليين", set()),
    ],
)
def test_channels_and_monitors_relay_a_happening_without_being_its_actor(
    title: str, actors: set[str]
) -> None:
    sig = signature(_titled(title))
    assert not sig.says and sig.actors == {actor_key(a) for a in actors}


def test_a_minister_of_information_still_speaks() -> None:
    sig = signature(_titled("وزير الإعلام السعودي: مواجهة الإرهاب إعلاميا ضرورة"))
    assert sig.says and sig.actors == {actor_key("السعودية")}


def test_the_victims_nationality_names_no_doer() -> None:
    sig = signature(_titled('"قتلى إيرانيون في الغارة الإسرائيلية" على جنوب دمشق'))
    assert actor_key("إيران") not in sig.actors
    sig = signature(_titled("غارات إسرائيلية تستهدف غزة.. ومقتل شابين فلسطينيين"))
    assert sig.actors == {actor_key("إسرائيل")} and sig.genre is None  # not a roundup


def test_a_name_beginning_with_lam_is_a_speaker_but_an_addressee_is_not() -> None:
    assert actor_key("لافروف") is not None
    assert actor_key("الأسد لروحاني") == actor_key("الأسد")


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("فيديو: التشاؤم يخيم على الشارع الإيراني بعد انسحاب الولايات المتحدة من الاتفاق", None),
        ("روحاني يرد على قرار ترامب بالانسحاب من الاتفاق النووي", "statement"),
        ("ترامب يستعد لإعلان قراره بشأن الاتفاق النووي الإيراني", "prospect"),
        ("أنظار العالم موجهة للبيت الأبيض.. ترقبا للقرار الكبير", "prospect"),
        ("تشييع جنازة الممثلة السورية الراحلة في فرنسا", "funeral"),
        ("دعوة أميركية للشركات الألمانية لإنهاء عملها بإيران", "demand"),
        ('واشنطن "بكامل عدتها" إذا شنت دمشق هجوما كيميائيا آخر', "threat"),
    ],
)
def test_the_kind_is_what_is_reported_not_the_scene_it_follows(
    title: str, kind: str | None
) -> None:
    sig = signature(_titled(title))
    assert sig.strong == (kind is not None)
    if kind is not None:
        assert sig.kind == kind


def test_a_person_of_unstated_country_and_a_country_leave_the_decision_to_the_text() -> None:
    ivanka = Doer(frozenset({"افنك"}), False, True, "opening")
    washington = Doer(frozenset({"@امريك"}), False, True, "opening")
    kuwait = Doer(frozenset({"@كويت"}), True, False, "saying")
    bahrain = Doer(frozenset({"@بحرين"}), True, False, "saying")
    assert ivanka.weakly_conflicts(washington) and not ivanka.conflicts(washington)
    assert kuwait.conflicts(bahrain) and not kuwait.weakly_conflicts(bahrain)
    ceremony = ClusterState(doers=(ivanka,))
    assert ceremony.same_kind_of_piece(ClusterState(doers=(washington,)))
    assert ceremony.weakly_apart(ClusterState(doers=(washington,)))


def test_a_topic_before_a_colon_is_not_the_speaker() -> None:
    sig = signature(
        _titled("اختفاء خاشقجي: تركيا تنفي تسليم أي تسجيلات للولايات المتحدة", names=("خاشقجي",))
    )
    assert sig.actors == {actor_key("تركيا")}
    assert sig.kind == "denial"


def test_the_nationality_of_whom_an_arrest_is_done_to_names_no_doer() -> None:
    sig = signature(_titled("القبض على لبناني مشتبه به في مقتل عاملة فلبينية بالكويت"))
    assert actor_key("لبنان") not in sig.actors
    assert sig.kind == "arrest"


def test_an_opening_ceremony_is_a_kind_of_its_own() -> None:
    opening = signature(_titled("واشنطن تدشن سفارتها في القدس"))
    killing = signature(_titled("قبل تدشين سفارة واشنطن بالقدس.. قتلى ومواجهات بغزة"))
    assert opening.kind == "opening" and opening.strong
    assert killing.kind == "casualties"  # what came before (قبل) is the scene, not the report


@pytest.mark.parametrize(
    ("title", "genre"),
    [
        ("إليكم كل ما أعلنته السعودية ليلا عن وفاة خاشقجي", "analysis"),
        ("بعد إعفائه بأمر ملكي.. من هو سعود القحطاني؟", "analysis"),
        ('"اختفاء في عز الظهر".. تسلسل زمني لتطورات القضية', "analysis"),
        ("إدانة واسعة لاستهداف المدنيين بغزة.. واستنكار نقل السفارة", "roundup"),
    ],
)
def test_explainers_and_roundups_are_known_by_their_headline(title: str, genre: str) -> None:
    assert signature(_titled(title)).genre == genre


def test_one_speakers_sayings_published_on_different_days_are_kept_apart() -> None:
    trump = Doer(frozenset({"@امريك", "ترمب"}), True, False, "saying")
    first = ClusterState(DAY, DAY, doers=(trump,))
    later = ClusterState(date(2018, 4, 15), date(2018, 4, 15), doers=(trump,))
    same_day = ClusterState(DAY, DAY, doers=(trump,))
    assert first.sayings_apart(later)
    assert not first.sayings_apart(same_day)
    strike = ClusterState(
        date(2018, 4, 15), date(2018, 4, 15), doers=(Doer(frozenset(), False, True, "attack"),)
    )
    assert not first.sayings_apart(strike)


def test_a_decision_to_act_is_the_act_it_decides() -> None:
    strike = signature(_titled("فوكس نيوز: الولايات المتحدة قررت ضرب سوريا", names=("فوكس",)))
    assert strike.kind == "attack"
    assert signature(_titled("ترامب يقرر الانسحاب من الاتفاق النووي")).kind == "decision"
    assert signature(_titled("الحكومة تقرر تمديد حالة الطوارئ")).kind == "decision"


def test_a_party_telling_of_its_own_act_may_be_that_act() -> None:
    trump = Doer(frozenset({"@امريك", "ترمب"}), True, False, "saying", topic="attack")
    american = Doer(frozenset({"@امريك"}), False, True, "attack")
    russian = Doer(frozenset({"@روس"}), True, False, "saying", topic="attack")
    # one party's words on a strike and a report of that party's strike: the text decides,
    # at WEAK_CONFLICT_THRESHOLD; another party's words on it stay apart
    assert trump.weakly_conflicts(american) and american.weakly_conflicts(trump)
    assert russian.conflicts(american)


def test_a_saying_of_an_act_only_a_lead_names_without_its_doer_may_be_that_act() -> None:
    pakistan = Doer(frozenset({"@باكستان"}), True, False, "saying", topic="ruling")
    sentence = Doer(frozenset(), False, False, None, lead="ruling")
    strike = Doer(frozenset(), False, False, None, lead="attack")
    assert pakistan.weakly_conflicts(sentence) and sentence.weakly_conflicts(pakistan)
    assert pakistan.conflicts(strike)


def test_a_parliament_electing_is_an_election_and_two_parties_welcoming_a_saying() -> None:
    assert signature(_titled("البرلمان الأرمني ينتخب زعيم المعارضة رئيسا للوزراء")).kind == (
        "election"
    )
    welcome = signature(_titled("السعودية والإمارات تؤيدان قرار ترامب بالانسحاب من الاتفاق"))
    assert welcome.says and welcome.kind == "support"


def test_a_saying_and_a_meeting_that_names_no_party_join_only_when_close() -> None:
    summit = Doer(frozenset(), False, True, "meeting")
    leaders = Doer(frozenset({"@سعود"}), True, False, "saying")
    talks = Doer(frozenset({"@روس", "@امريك"}), False, True, "meeting")
    strike = Doer(frozenset(), False, True, "attack")
    assert summit.weakly_conflicts(leaders) and leaders.weakly_conflicts(summit)
    assert talks.conflicts(leaders)  # the meeting names its parties: the saying is another's
    assert strike.conflicts(leaders)


def test_a_person_introduced_as_a_body_s_officer_speaks_for_that_body() -> None:
    body = "طالب الأمين العام للأمم المتحدة أنطونيو غوتيريش بإنهاء فوري للتصعيد في سوريا."
    chief = signature(_titled("غوتيريش يطالب بإنهاء فوري للتصعيد", body, names=("غوتيريش",)))
    un = signature(_titled("الأمم المتحدة تحذّر من تصعيد القتال جنوب غربي سوريا"))
    assert actor_key("الأمم المتحدة") in chief.actors
    assert not Doer.of(chief).conflicts(Doer.of(un))


def test_a_verb_of_stopping_is_an_arrest_only_of_people() -> None:
    assert signature(_titled("تونس توقف شخصين على صلة بهجوم في ألمانيا")).kind == "arrest"
    assert signature(_titled("الشرطة توقف 3 مشتبهين في السرقة")).kind == "arrest"
    assert signature(_titled("تركيا توقف المحادثات مع واشنطن")).kind == "meeting"


def test_a_conjunction_before_a_segment_opening_name_is_not_part_of_the_name() -> None:
    """«.. وبوتين يدعو …» opens its segment on the conjunction: the doer is Putin, the same
    party as a headline naming him without it (a key «وبتن» would make them two people)."""
    title = "القمة تنتهي دون اتفاق.. وبوتين يدعو ترامب إلى موسكو"
    joined = signature(_titled(title, names=("بوتين", "ترامب")))  # the tagger leaves و out
    plain = signature(_titled("بوتين يدعو ترامب إلى موسكو", names=("بوتين", "ترامب")))
    assert actor_key("بوتين") in joined.actors
    assert joined.actors == plain.actors
    # a name that itself begins with the letter و keeps it when the tagger found it whole
    walid = signature(_titled("القمة تنتهي.. وليد يعلن استقالته", names=("وليد",)))
    assert actor_key("وليد") in walid.actors
