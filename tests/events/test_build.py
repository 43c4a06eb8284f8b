"""Event titles, participants and places."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.config import EventsConfig
from khabar.events import build_events
from khabar.events.build import _without_recap, event_title
from khabar.model import AnnotatedArticle, EntityRecord, Mention
from khabar.time.dating import Dating


def test_event_title_drops_click_bait_segments() -> None:
    article = make("a", "قمة بوتين والأسد.. “رسائل قوية” …. إليكم التفاصيل في الرابط", "نص.")
    assert event_title(article) == "قمة بوتين والأسد .. “رسائل قوية”"


def test_event_title_drops_a_format_label_before_its_colon() -> None:
    article = make("a", "فيديو: ترامب يعلن انسحاب بلاده من الاتفاق النووي", "نص.")
    assert event_title(article) == "ترامب يعلن انسحاب بلاده من الاتفاق النووي"
    kept = make("a", "فيديوهات الهواة تنتشر", "نص.")  # the word, not a label
    assert event_title(kept) == "فيديوهات الهواة تنتشر"


def test_an_event_is_named_after_a_report_in_words_rather_than_a_video_piece() -> None:
    body = "أعلن الرئيس الأمريكي انسحاب بلاده من الاتفاق النووي مع إيران وإعادة فرض العقوبات."
    # the video's headline repeats the lead word for word, so it would match the event best
    video = make("v", "فيديو: انسحاب الرئيس الأمريكي من الاتفاق النووي مع إيران", body)
    plain = make("p", "ترامب يخرج من اتفاق إيران", body)
    for members in ([video, plain], [plain, video]):
        events, _ = build_events(members, [], EventsConfig())
        assert [e.title for e in events] == ["ترامب يخرج من اتفاق إيران"]


def test_event_title_falls_back_to_first_sentence() -> None:
    article = make("a", "", "انفجار يهز ميناء بيروت. وسقط عشرات الجرحى.")
    assert event_title(article) == "انفجار يهز ميناء بيروت"


def test_participants_and_places_come_from_resolved_mentions() -> None:
    base = make(
        "a",
        "بوتين يستقبل الشرع في موسكو",
        "استقبل الرئيس الروسي بوتين نظيره السوري الشرع في موسكو لبحث مستقبل القواعد.",
        date(2025, 10, 15),
    )
    text = base.article.text
    mentions = tuple(
        Mention(word, kind, text.index(word), text.index(word) + len(word), entity=eid)
        for word, kind, eid in (
            ("بوتين", "PER", "e-putin"),
            ("الشرع", "PER", "e-sharaa"),
            ("موسكو", "LOC", "e-moscow"),
        )
    )
    annotated = AnnotatedArticle(base.article, mentions, base.times)
    entities = [
        EntityRecord("e-putin", "فلاديمير بوتين", "PER", ("بوتين",), ("a",)),
        EntityRecord("e-sharaa", "أحمد الشرع", "PER", ("الشرع",), ("a",)),
        EntityRecord("e-moscow", "موسكو", "LOC", ("موسكو",), ("a",)),
    ]
    events, _ = build_events([annotated], entities, EventsConfig())
    assert set(events[0].participants) == {"e-putin", "e-sharaa"}
    assert events[0].places == ("e-moscow",)


def test_empty_input_gives_no_events() -> None:
    assert build_events([], [], EventsConfig()) == ([], [])


def test_story_vectors_leave_out_entity_terms() -> None:
    from khabar.events.build import _centroids
    from khabar.events.cluster import EventIndex

    base = make(
        "e1",
        "بوتين يستقبل الأسد في موسكو",
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري في الكرملين.",
        date(2025, 10, 15),
    )
    text = base.article.text
    start = text.index("فلاديمير بوتين")
    mention = Mention("فلاديمير بوتين", "PER", start, start + len("فلاديمير بوتين"), "Q7747", False)
    article = AnnotatedArticle(base.article, (mention,), base.times)
    index = EventIndex()
    assignment = index.add([article])
    events, _ = build_events([article], [], EventsConfig())
    assert any(t.startswith("@") for t, _ in index.profiles_["e1"].bag)  # events use them
    rows = _centroids(events, index).tocsr()
    terms = [index.model_.terms_[c] for c in rows.indices]
    assert terms and not any(t.startswith("@") for t in terms)
    assert set(assignment) == {"e1"}


def test_a_recap_further_down_does_not_date_the_happening_reported() -> None:
    recap = "وكان خاشقجي قد اختفى بعد دخوله القنصلية في الثاني من أكتوبر."
    body = "دعت الأمم المتحدة السبت إلى محاسبة كاملة للمسؤولين عن مقتل خاشقجي.\n" + recap
    report = make("u", "الأمم المتحدة تدعو إلى محاسبة كاملة", body, date(2018, 10, 20))
    by_recap = Dating(date(2018, 10, 2), date(2018, 10, 2), (recap,))
    dating = _without_recap(by_recap, [report])
    assert dating.earliest == date(2018, 10, 17) and dating.latest == date(2018, 10, 20)
    assert dating.evidence == ()  # no sentence dates it: no timestamp shown either
    # a lead that dates the happening long before the report is believed
    lead = "أعادت ليبيا جثث أقباط قتلوا في عام 2015 إلى مصر."
    old = make("o", "ليبيا تعيد جثث أقباط", lead, date(2018, 10, 20))
    by_lead = Dating(date(2015, 1, 1), date(2015, 12, 31), (lead,))
    assert _without_recap(by_lead, [old]) == by_lead
    recent = Dating(date(2018, 10, 19), date(2018, 10, 19), (recap,))
    assert _without_recap(recent, [report]) == recent  # within the publish lag
