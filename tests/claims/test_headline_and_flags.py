"""Headline checks and article flags on small hand-made collections."""

from __future__ import annotations

from datetime import date

import pytest
from mention_support import spelled_mentions

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.headline import is_question, link_bait_phrase
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, EntityRecord, Event, Story


def _annotated(
    aid: str, title: str, body: str, people: dict[str, str], published: date | None = None
) -> AnnotatedArticle:
    art = Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        published=published,
        outlet=None,
        language="ar",
        paragraphs=tuple(body.split("\n")),
    )
    names = {s: ("PER", e) for s, e in people.items()}
    mentions = spelled_mentions(art.text, names) + spelled_mentions(title, names, True)  # type: ignore[arg-type]
    return AnnotatedArticle(art, tuple(mentions), (), extract_statements(art, mentions))


PEOPLE = {
    "بشار الأسد": "assad",
    "الأسد": "assad",
    "فلاديمير بوتين": "putin",
    "بوتين": "putin",
    "أحمد الشرع": "sharaa",
    "الشرع": "sharaa",
}
ENTITIES = [
    EntityRecord("assad", "بشار الأسد", "PER", ("الأسد",), ()),
    EntityRecord("putin", "فلاديمير بوتين", "PER", ("بوتين",), ()),
    EntityRecord("sharaa", "أحمد الشرع", "PER", ("الشرع",), ()),
]


def _flags(
    annotated: list[AnnotatedArticle],
    events: list[Event] | None = None,
    stories: list[Story] | None = None,
) -> dict[str, set[str]]:
    result = analyze_claims(annotated, events or [], stories or [], ENTITIES, ClaimsConfig())
    out: dict[str, set[str]] = {}
    for flag in result.flags:
        out.setdefault(flag.article, set()).add(flag.flag.kind)
    return out


@pytest.mark.parametrize(
    "title",
    [
        "قمة بوتين والأسد.. رسائل قوية …. إليكم التفاصيل في الرابط",
        "لن تصدق ماذا فعل اللاعب بعد المباراة",
        "ارتفاع أسعار الذهب اليوم.. تعرف على التفاصيل كاملة",
    ],
)
def test_link_bait_headlines_are_found(title: str) -> None:
    assert link_bait_phrase(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "بوتن والرئيس السوري الشرع يجريان محادثات رسمية للمرة الأولى",
        "محادثات مستقبل القواعد الروسية في سوريا",
        "تعرف الحكومة الجديدة على ملفات الاقتصاد",
    ],
)
def test_plain_headlines_are_not_link_bait(title: str) -> None:
    assert link_bait_phrase(title) is None


def test_question_headline() -> None:
    assert is_question("صفقة جديدة.. قواعد عسكرية مقابل تسليم الأسد؟")
    assert not is_question("صفقة جديدة بين البلدين")


def test_headline_naming_a_bystander_as_participant_is_a_mismatch() -> None:
    art = _annotated(
        "x",
        "الأسد وبوتين يناقشان مستقبل القواعد",
        "قام الرئيس السوري أحمد الشرع بزيارة إلى موسكو حيث التقى فلاديمير بوتين.\n"
        "ويأتي ذلك وسط مخاوف من إعادة تسليح قوات النظام السابق بقيادة بشار الأسد.",
        PEOPLE,
    )
    assert "headline_body_mismatch" in _flags([art]).get("x", set())


def test_headline_naming_a_participant_is_not_a_mismatch() -> None:
    art = _annotated(
        "y",
        "قمة بوتين والأسد في موسكو",
        "التقى الرئيس السوري بشار الأسد نظيره فلاديمير بوتين في موسكو يوم الأربعاء.",
        PEOPLE,
    )
    assert "headline_body_mismatch" not in _flags([art]).get("y", set())


def test_headline_speaking_of_a_bystander_is_not_a_mismatch() -> None:
    art = _annotated(
        "z",
        "قواعد عسكرية مقابل تسليم الأسد؟",
        "استقبل فلاديمير بوتين نظيره أحمد الشرع بعد الإطاحة بنظام الرئيس السابق بشار الأسد.",
        PEOPLE,
    )
    assert "headline_body_mismatch" not in _flags([art]).get("z", set())


def _mismatch_details(art: AnnotatedArticle, entities: list[EntityRecord]) -> list[str]:
    result = analyze_claims([art], [], [], entities, ClaimsConfig())
    return [f.flag.detail for f in result.flags if f.flag.kind == "headline_body_mismatch"]


def test_mismatch_reason_quotes_the_body_and_names_who_takes_part() -> None:
    art = _annotated(
        "x",
        "الأسد وبوتين يناقشان مستقبل القواعد",
        "قام الرئيس السوري أحمد الشرع بزيارة إلى موسكو حيث التقى فلاديمير بوتين.\n"
        "ويأتي ذلك وسط مخاوف من إعادة تسليح قوات النظام السابق بقيادة بشار الأسد.",
        PEOPLE,
    )
    (detail,) = _mismatch_details(art, ENTITIES)
    assert "«تسليح قوات النظام السابق بقيادة بشار الأسد»" in detail
    actors = detail.split("; taking part in the body: ")[1]
    assert set(actors.split("، ")) == {"أحمد الشرع", "فلاديمير بوتين"}
    assert "former ruler" not in detail


OBAMA_MERKEL = {
    "باراك أوباما": "obama",
    "أوباما": "obama",
    "أنغيلا ميركل": "merkel",
    "ميركل": "merkel",
}
OBAMA_MERKEL_RECORDS = [
    EntityRecord("obama", "باراك أوباما", "PER", ("أوباما",), ()),
    EntityRecord("merkel", "أنغيلا ميركل", "PER", ("ميركل",), ()),
]


def test_headline_actor_the_body_only_recalls_is_a_mismatch_naming_the_body_actor() -> None:
    art = _annotated(
        "m",
        "أوباما يلتقي ميركل في برلين",
        "استقبلت المستشارة أنغيلا ميركل في برلين وفدا أمريكيا. وقالت ميركل إن العلاقات مع "
        "الإدارة جيدة رغم الخلافات التي بدأت بعد رحيل الرئيس السابق باراك أوباما.",
        OBAMA_MERKEL,
    )
    (detail,) = _mismatch_details(art, OBAMA_MERKEL_RECORDS)
    assert detail.startswith("headline names أوباما as taking part")
    assert "«بدأت بعد رحيل الرئيس السابق باراك أوباما»" in detail
    assert detail.endswith("taking part in the body: أنغيلا ميركل")


def test_a_former_office_holder_leading_the_body_takes_part() -> None:
    art = _annotated(
        "f",
        "أوباما يلقي خطابا في برلين",
        "ألقى الرئيس الأمريكي السابق باراك أوباما خطابا أمام حشد كبير في برلين مساء الأحد "
        "بحضور أنغيلا ميركل.",
        OBAMA_MERKEL,
    )
    assert _mismatch_details(art, OBAMA_MERKEL_RECORDS) == []


def test_a_person_the_body_quotes_takes_part() -> None:
    art = _annotated(
        "q",
        "أوباما يحذر من الانقسام",
        "استضافت أنغيلا ميركل ندوة في برلين عن الديمقراطية. وقال الرئيس السابق باراك أوباما "
        "إن الانقسام يهدد الديمقراطية في أوروبا وأمريكا.",
        OBAMA_MERKEL,
    )
    assert any(s.speaker_entity == "obama" for s in art.statements)
    assert _mismatch_details(art, OBAMA_MERKEL_RECORDS) == []


def test_a_bystander_with_nobody_else_taking_part_is_not_a_mismatch() -> None:
    art = _annotated(
        "n",
        "الأسد يناقش مستقبل القواعد",
        "تتواصل النقاشات حول مستقبل القواعد الروسية بعد سقوط نظام بشار الأسد.",
        PEOPLE,
    )
    assert _mismatch_details(art, ENTITIES) == []


def test_unconfirmed_report_flags_only_its_article_and_contests_the_asserting_one() -> None:
    doubting = _annotated(
        "d",
        "محادثات هاتفية بين الرئيسين",
        "وفي الوقت نفسه، تشير تقارير غير مؤكدة إلى أن الشرع طلب رسميا من موسكو تسليم بشار "
        "الأسد والمقربين منه للمحاكمة.",
        PEOPLE,
    )
    asserting = _annotated(
        "s",
        "زيارة الشرع إلى موسكو",
        "طرح الرئيس الشرع طلبًا مباشرًا بتسليم بشار الأسد المقيم في روسيا منذ منحه اللجوء.",
        PEOPLE,
    )
    events = [Event("e1", "call", ("d",), story="st"), Event("e2", "visit", ("s",), story="st")]
    stories = [Story("st", "story", ("e1", "e2"))]
    flags = _flags([doubting, asserting], events, stories)
    assert flags.get("d") == {"unconfirmed_claim"}
    assert flags.get("s") == {"contested_claim"}


def test_old_story_flags_a_dated_article_far_older_than_its_story() -> None:
    body = "التقى الرئيس فلاديمير بوتين نظيره بشار الأسد في موسكو لبحث التعاون بين البلدين."
    old = _annotated("old", "لقاء في موسكو", body, PEOPLE, published=date(2019, 5, 2))
    new = _annotated("new", "لقاء جديد", body, PEOPLE, published=date(2025, 6, 1))
    undated = _annotated("undated", "لقاء قديم", body, PEOPLE)
    events = [
        Event("e-old", "old", ("old",), date=date(2019, 5, 1), story="st"),
        Event("e-new", "new", ("new",), date=date(2025, 5, 31), story="st"),
        Event("e-und", "undated", ("undated",), date=date(2018, 1, 1), story="st"),
    ]
    stories = [Story("st", "story", ("e-und", "e-old", "e-new"))]
    flags = _flags([old, new, undated], events, stories)
    assert "old_story" in flags.get("old", set())
    assert "old_story" not in flags.get("new", set())
    # issue 20: a page without a date is judged by its event's dates
    assert "old_story" in flags.get("undated", set())


def _old_story_details(events: list[Event], published: date | None) -> dict[str, str]:
    body = "التقى الرئيس فلاديمير بوتين نظيره بشار الأسد في موسكو لبحث التعاون بين البلدين."
    arts = [
        _annotated("page", "لقاء في موسكو", body, PEOPLE, published=published),
        _annotated("new", "لقاء جديد", body, PEOPLE, published=date(2026, 1, 29)),
    ]
    stories = [Story("st", "story", tuple(e.id for e in events))]
    result = analyze_claims(arts, events, stories, ENTITIES, ClaimsConfig())
    return {f.article: f.flag.detail or "" for f in result.flags if f.flag.kind == "old_story"}


def test_undated_page_is_old_by_the_bounds_its_text_gives_its_event() -> None:
    events = [
        # the text only shows it happened before the end of 2024 (under a ruler since fallen)
        Event("e-page", "visit", ("page",), not_after=date(2024, 12, 31), story="st"),
        Event("e-new", "new", ("new",), date_range=(date(2025, 10, 1), date(2026, 2, 28))),
    ]
    details = _old_story_details(events, None)
    assert set(details) == {"page"}
    assert details["page"] == (
        "the page carries no date; its event (no later than 2024-12-31) is at least 274 days "
        "older than the latest event of its story (2025-10-01)"
    )


def test_undated_page_is_not_old_without_dates_or_within_half_the_span() -> None:
    latest = Event("e-new", "new", ("new",), date=date(2026, 1, 28))
    no_dates = Event("e-page", "visit", ("page",))
    assert _old_story_details([no_dates, latest], None) == {}
    recent = Event("e-page", "visit", ("page",), date_range=(date(2025, 9, 1), date(2025, 9, 30)))
    assert _old_story_details([recent, latest], None) == {}  # 120 days: not proven old
    # the same bounds on a dated page are judged by the dated rule (a year): not old either
    assert _old_story_details([recent, latest], date(2025, 9, 20)) == {}


def test_no_articles_gives_an_empty_result() -> None:
    result = analyze_claims([], [], [], [], ClaimsConfig())
    assert result.claims == () and result.flags == () and result.contradictions == ()


def test_undated_old_story_detail_reads_in_arabic() -> None:
    from khabar.report.explain import Explainer, load_wording

    months = [f"m{i}" for i in range(1, 13)]
    explainer = Explainer(load_wording(), {}, {}, months)
    events = [
        Event("e-page", "visit", ("page",), not_after=date(2024, 12, 31), story="st"),
        Event("e-new", "new", ("new",), date=date(2026, 1, 28)),
    ]
    said = explainer.flag("old_story", _old_story_details(events, None)["page"])
    assert said is not None
    assert "لا تحمل تاريخ" in said and "393" in said  # no date, and by how many days
