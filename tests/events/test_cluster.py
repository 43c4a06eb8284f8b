"""Event clustering: reports of one happening join; other happenings and days stay apart."""

from __future__ import annotations

from datetime import date, timedelta

from events_support import make
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.config import EventsConfig
from khabar.events import EventIndex, build_events
from khabar.events.cluster import (
    ADJACENT_DAY_THRESHOLD,
    FIRST_DAY_THRESHOLD,
    LATER_DAY_THRESHOLD,
    LINK_THRESHOLD,
    ClusterState,
    agglomerate,
    event_id,
)
from khabar.events.search import candidate_pairs
from khabar.events.vectors import TfidfModel

DAY = date(2018, 4, 14)

QUAKE_A = make(
    "quake-a",
    "زلزال بقوة 6 درجات يضرب جنوب إيران ويوقع قتلى",
    "ضرب زلزال بقوة ست درجات على مقياس ريختر محافظة فارس في جنوب إيران صباح السبت، وأعلنت"
    " هيئة الإغاثة الإيرانية مقتل ثلاثة أشخاص وإصابة العشرات وانهيار منازل طينية في القرى.",
    DAY,
)
QUAKE_B = make(
    "quake-b",
    "مقتل ثلاثة وإصابة العشرات في زلزال جنوب إيران",
    "قالت السلطات الإيرانية إن زلزالا قويا بلغت قوته ست درجات ضرب محافظة فارس جنوبي البلاد"
    " السبت، ما أدى إلى مقتل ثلاثة أشخاص وإصابة العشرات، فيما هرعت فرق الإغاثة إلى القرى.",
    DAY,
)
FOOTBALL = make(
    "football",
    "ليفربول يهزم بورنموث بثلاثية في الدوري الإنجليزي",
    "فاز ليفربول على ضيفه بورنموث بثلاثة أهداف دون رد في المرحلة الرابعة والثلاثين من الدوري"
    " الإنجليزي الممتاز، وسجل محمد صلاح هدفه الحادي والثلاثين في الموسم.",
    DAY,
)


def _groups(events) -> set[frozenset[str]]:
    return {frozenset(e.articles) for e in events}


def test_two_reports_of_one_happening_form_one_event_and_other_news_another() -> None:
    events, stories = build_events([QUAKE_A, FOOTBALL, QUAKE_B], [], EventsConfig())
    assert _groups(events) == {frozenset({"quake-a", "quake-b"}), frozenset({"football"})}
    assert all(e.story for e in events)
    assert {e for s in stories for e in s.events} == {e.id for e in events}


def test_same_text_published_weeks_apart_is_two_events() -> None:
    later = make("quake-later", QUAKE_B.article.title or "", QUAKE_B.article.text, date(2018, 6, 1))
    events, _ = build_events([QUAKE_A, later], [], EventsConfig())
    assert len(events) == 2


def test_first_and_second_visit_never_merge() -> None:
    body = (
        "وصل الرئيس الفرنسي إيمانويل ماكرون إلى الجزائر في {} له لإجراء محادثات مع الرئيس"
        " تبون حول الغاز والهجرة والذاكرة."
    )
    first = make("v1", "ماكرون في الجزائر", body.format("أول زيارة"))
    second = make("v2", "ماكرون في الجزائر", body.format("ثاني زيارة"))
    events, _ = build_events([first, second], [], EventsConfig(similarity_threshold=0.01))
    assert len(events) == 2


def test_phone_call_and_visit_never_merge() -> None:
    call = make(
        "call",
        "تبون وماكرون يبحثان الغاز",
        "أجرى الرئيس تبون اتصالا هاتفيا مع الرئيس ماكرون بحثا خلاله ملف الغاز والهجرة.",
    )
    visit = make(
        "visit",
        "تبون وماكرون يبحثان الغاز",
        "استقبل الرئيس تبون الرئيس ماكرون في زيارة إلى الجزائر بحثا خلالها ملف الغاز والهجرة.",
    )
    events, _ = build_events([call, visit], [], EventsConfig(similarity_threshold=0.01))
    assert len(events) == 2


def test_sitting_and_former_president_reports_never_merge() -> None:
    now = make(
        "now",
        "قمة في موسكو",
        "التقى الرئيس السوري بشار الأسد نظيره الروسي في موسكو لبحث التعاون والقواعد.",
    )
    later = make(
        "later",
        "قمة في موسكو",
        "التقى الرئيس الروسي في موسكو وفدا سوريا لبحث التعاون والقواعد بعد سقوط"
        " الرئيس السابق بشار الأسد.",
    )
    events, _ = build_events([now, later], [], EventsConfig(similarity_threshold=0.01))
    assert len(events) == 2


def test_incremental_index_joins_new_report_to_existing_event() -> None:
    index = EventIndex()
    first = index.add([QUAKE_A, FOOTBALL])
    second = index.add([QUAKE_B])
    assert second["quake-b"] == first["quake-a"]
    assert first["football"] != first["quake-a"]
    assert index.add([QUAKE_A]) == {"quake-a": first["quake-a"]}  # re-adding changes nothing
    assert sorted(index.events()[first["quake-a"]]) == ["quake-a", "quake-b"]


def test_incremental_index_starts_new_event_for_unrelated_report() -> None:
    index = EventIndex()
    first = index.add([QUAKE_A])
    second = index.add([FOOTBALL])
    assert second["football"] != first["quake-a"]
    assert len(index.events()) == 2


def test_event_ids_depend_only_on_member_ids() -> None:
    assert event_id(["b", "a"]) == event_id(["a", "b"])
    assert event_id(["a"]).startswith("ev-") and event_id(["a"]) != event_id(["b"])


def test_candidate_pairs_stay_inside_the_date_window() -> None:
    model = TfidfModel().fit([{"زلزال": 1.0, "ايران": 1.0}] * 3)
    matrix = model.transform([{"زلزال": 1.0, "ايران": 1.0}] * 3)
    days = [date(2018, 1, 1), date(2018, 1, 2), date(2018, 3, 1)]
    pairs = candidate_pairs(matrix, days, max_gap_days=3)
    assert set(pairs) == {(0, 1)}
    assert set(candidate_pairs(matrix, [None, None, days[2]], max_gap_days=3)) == {
        (0, 1),
        (0, 2),
        (1, 2),
    }


def test_agglomerate_respects_threshold_and_constraints() -> None:
    states = [ClusterState(), ClusterState(), ClusterState(ordinals={"visit": 2})]
    states[0] = ClusterState(ordinals={"visit": 1})
    edges = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}
    labels = agglomerate(states, edges, threshold=0.5, max_gap_days=3)
    assert labels[0] == labels[1] != labels[2]
    labels = agglomerate([ClusterState()] * 3, edges, threshold=0.95, max_gap_days=3)
    assert len(set(labels)) == 3


_WORDS = [
    "زار",
    "الرئيس",
    "موسكو",
    "أول",
    "ثاني",
    "زيارة",
    "اتصالا",
    "هاتفيا",
    "يوم",
    "الأربعاء",
    "سقوط",
    "الأسد",
    "في",
    "ديسمبر",
    "2024",
    "للمرة",
    "الأولى",
    "أكتوبر",
    "السابق",
    ".",
]


@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(_WORDS), max_size=25), st.booleans()),
        min_size=1,
        max_size=6,
    )
)
@settings(max_examples=15, deadline=None)
def test_build_events_puts_every_article_in_exactly_one_event(docs) -> None:
    articles = [
        make(f"a{i}", " ".join(words[:5]), " ".join(words), DAY if dated else None)
        for i, (words, dated) in enumerate(docs)
    ]
    events, stories = build_events(articles, [], EventsConfig())
    members = [a for e in events for a in e.articles]
    assert sorted(members) == sorted(a.id for a in articles)
    assert sorted(e for s in stories for e in s.events) == sorted(e.id for e in events)
    for e in events:
        if e.date_range:
            assert e.date_range[0] <= e.date_range[1]


def test_leads_dating_neighbouring_days_need_more_similarity() -> None:
    saturday = ClusterState(span=(DAY, DAY))
    sunday = ClusterState(span=(DAY + timedelta(days=1), DAY + timedelta(days=1)))
    assert saturday.span_gap_days(sunday) == 1 and saturday.span_gap_days(saturday) == 0
    assert saturday.span_gap_days(ClusterState()) == 0  # an undated lead says nothing
    weak = {(0, 1): ADJACENT_DAY_THRESHOLD - 0.01}
    strong = {(0, 1): ADJACENT_DAY_THRESHOLD + 0.01}
    assert len(set(agglomerate([saturday, sunday], weak, 0.25, 3))) == 2
    assert len(set(agglomerate([saturday, sunday], strong, 0.25, 3))) == 1
    assert len(set(agglomerate([saturday, saturday], weak, 0.25, 3))) == 1


def test_reports_of_a_later_day_need_more_similarity_to_join_an_earlier_day_s() -> None:
    monday = ClusterState(pub_min=DAY, pub_max=DAY)
    tuesday = ClusterState(pub_min=DAY + timedelta(days=1), pub_max=DAY + timedelta(days=1))
    both = ClusterState(pub_min=DAY, pub_max=DAY + timedelta(days=1))
    assert monday.published_apart(tuesday) and tuesday.published_apart(monday)
    assert not monday.published_apart(both) and not monday.published_apart(ClusterState())
    between = {(0, 1): (LINK_THRESHOLD + LATER_DAY_THRESHOLD) / 2}
    above = {(0, 1): LATER_DAY_THRESHOLD + 0.01}
    assert len(set(agglomerate([monday, tuesday], between, LINK_THRESHOLD, 3))) == 2
    assert len(set(agglomerate([monday, tuesday], above, LINK_THRESHOLD, 3))) == 1
    assert len(set(agglomerate([monday, both], between, LINK_THRESHOLD, 3))) == 1


def test_a_next_day_report_needs_more_similarity_to_join_an_event_first_reported_before() -> None:
    both = ClusterState(pub_min=DAY, pub_max=DAY + timedelta(days=1))  # with a follow-up
    tuesday = ClusterState(pub_min=DAY + timedelta(days=1), pub_max=DAY + timedelta(days=1))
    monday = ClusterState(pub_min=DAY, pub_max=DAY)
    assert both.first_reported_apart(tuesday) and tuesday.first_reported_apart(both)
    assert not both.published_apart(tuesday)  # the later-day rule does not see this pair
    assert not both.first_reported_apart(monday)
    assert not both.first_reported_apart(ClusterState())  # undated: nothing is known
    below = {(0, 1): (LINK_THRESHOLD + FIRST_DAY_THRESHOLD) / 2}
    above = {(0, 1): FIRST_DAY_THRESHOLD + 0.01}
    assert len(set(agglomerate([both, tuesday], below, LINK_THRESHOLD, 3))) == 2
    assert len(set(agglomerate([both, tuesday], above, LINK_THRESHOLD, 3))) == 1
    assert len(set(agglomerate([both, monday], below, LINK_THRESHOLD, 3))) == 1


def test_a_casualty_count_does_not_make_an_organisation_former() -> None:
    body = (
        "أعلن الجيش العراقي مقتل 45 عنصرا من تنظيم الدولة الإسلامية في غارات جوية شرقي سوريا"
        " استهدفت اجتماعا لقادة التنظيم قرب بلدة هجين."
    )
    a = make("iq-a", "الجيش العراقي يعلن مقتل 45 من عناصر تنظيم الدولة", body, DAY)
    b = make(
        "iq-b",
        "غارات عراقية تقتل قادة لتنظيم الدولة في سوريا",
        "قال الجيش العراقي إن طائراته قتلت 45 عنصرا من التنظيم بينهم أمير تنظيم الدولة في هجين"
        " خلال اجتماع لقادته شرقي سوريا.",
        DAY,
    )
    events, _ = build_events([a, b], [], EventsConfig())
    assert len(events) == 1
