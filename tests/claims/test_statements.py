"""Statement finding: speakers, reporting verbs, contents and stances in Arabic sentences."""

from __future__ import annotations

import pytest
from mention_support import spelled_mentions

from khabar.claims import extract_statements
from khabar.model import Article, Mention, Statement


def _article(body: str, title: str = "عنوان") -> Article:
    return Article(
        id="a",
        source="a.txt",
        title=title,
        published=None,
        outlet=None,
        language="ar",
        paragraphs=tuple(body.split("\n")),
    )


def _mentions(text: str, names: dict[str, str]) -> list[Mention]:
    found = spelled_mentions(text, {n: (k, n) for n, k in names.items()})  # type: ignore[misc]
    return sorted(found, key=lambda m: m.start)


def _statements(body: str, names: dict[str, str] | None = None) -> tuple[Statement, ...]:
    art = _article(body)
    return extract_statements(art, _mentions(art.text, names or {}))


@pytest.mark.parametrize(
    ("body", "names", "speaker_part", "content_part"),
    [
        (
            "قال الرئيس الفرنسي إيمانويل ماكرون إن بلاده ستدعم الاتفاق الجديد.",
            {"إيمانويل ماكرون": "PER"},
            "ماكرون",
            "بلاده ستدعم",
        ),
        (
            "وأكد وزير الخارجية سامح شكري أن المفاوضات مستمرة بين الجانبين.",
            {"سامح شكري": "PER"},
            "شكري",
            "المفاوضات مستمرة",
        ),
        (
            "وأوضح المتحدث باسم الجيش خلال مؤتمر صحفي أن القوات انسحبت من المدينة.",
            {},
            "المتحدث باسم الجيش",
            "القوات انسحبت",
        ),
        (
            "صرح رئيس الوزراء مؤخرا أن الحكومة ستخفض الضرائب العام المقبل.",
            {},
            "رئيس الوزراء",
            "الحكومة ستخفض",
        ),
        (
            "وقال الكرملين في بيانه: «اتفق الزعيمان على مواصلة الاتصالات».",
            {"الكرملين": "ORG"},
            "الكرملين",
            "اتفق الزعيمان",
        ),
    ],
)
def test_attributed_statement_has_speaker_and_content(
    body: str, names: dict[str, str], speaker_part: str, content_part: str
) -> None:
    found = [s for s in _statements(body, names) if s.stance == "attributed"]
    assert found, body
    assert speaker_part in (found[0].speaker or "")
    assert content_part in found[0].content


def test_direct_quote_is_marked_direct_and_unquoted() -> None:
    body = "وقال بوغدانوف إن “العقوبات تزيد معاناة الشعب”."
    (stmt,) = [s for s in _statements(body, {"بوغدانوف": "PER"}) if s.verb]
    assert stmt.direct
    assert stmt.content == "العقوبات تزيد معاناة الشعب"


def test_circumstantial_participle_keeps_the_speaker_of_its_clause() -> None:
    body = "أعرب الرئيس أحمد الشرع عن رغبة بلاده في التعاون، مؤكدًا احترام دمشق للاتفاقيات السابقة."
    stmts = _statements(body, {"أحمد الشرع": "PER"})
    participle = [s for s in stmts if s.verb == "مؤكدًا"]
    assert participle and "الشرع" in (participle[0].speaker or "")
    assert participle[0].content.startswith("احترام دمشق")


def test_clitic_verb_continues_previous_speaker() -> None:
    body = "قال الوزير خالد العلي إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ الشهر المقبل."
    stmts = _statements(body, {"خالد العلي": "PER"})
    second = [s for s in stmts if s.verb == "وأضاف"]
    assert second and "العلي" in (second[0].speaker or "")


@pytest.mark.parametrize(
    ("body", "stance"),
    [
        ("أفاد مصدر حكومي سوري بأن الرئيس يسعى للحصول على ضمانات روسية.", "reported"),
        ("وتشير التقارير إلى أن القوات بدأت إجلاء المعدات من الميناء.", "reported"),
        ("وبحسب ما ورد ناقش الزعيمان خارطة الطريق السياسية في البلاد.", "reported"),
        ("تشير تقارير غير مؤكدة إلى أن الرئيس طلب تسليم المتهمين للمحاكمة.", "unconfirmed"),
        ("ولم يتسن التأكد من صحة هذه الأنباء حول مقتل القائد العسكري.", "unconfirmed"),
        ("ونفى المتحدث باسم الوزارة أن تكون الحكومة قد وافقت على الصفقة.", "denied"),
        ("ربما تؤدي هذه المحادثات إلى اتفاق شامل قبل نهاية العام.", "hedged"),
        ("وهذه الخطوة قد تفتح الباب أمام تسوية سياسية في المنطقة.", "hedged"),
        ("وكان الرئيس قد زار العاصمة الروسية في أكتوبر الماضي.", "asserted"),
        ("هل تنجح المفاوضات الجديدة في إنهاء الحرب الطويلة؟", "questioned"),
        ("استقبل الرئيس الروسي نظيره السوري في الكرملين يوم الأربعاء.", "asserted"),
    ],
)
def test_sentence_stance(body: str, stance: str) -> None:
    stmts = _statements(body)
    assert stmts, body
    assert stmts[0].stance == stance


def test_statement_offsets_point_at_their_sentence() -> None:
    body = "عنوان فرعي\nقال الوزير خالد العلي إن الخطة جاهزة. وأضاف أن التنفيذ يبدأ قريبا."
    art = _article(body)
    for stmt in extract_statements(art, _mentions(art.text, {"خالد العلي": "PER"})):
        assert art.text[stmt.start : stmt.end] == stmt.text
        assert stmt.content in stmt.text or stmt.direct


def test_adjective_participle_is_not_a_reporting_verb() -> None:
    stmts = _statements("تشير تقارير غير مؤكدة إلى أن الجيش انسحب من البلدة.")
    assert all(s.verb != "مؤكدة" for s in stmts)


def test_empty_article_has_no_statements() -> None:
    assert extract_statements(_article(""), []) == ()


# -- speakers, second round (issue 17 part 3) -------------------------------------------------


def _title_statements(title: str, names: dict[str, str] | None = None) -> tuple[Statement, ...]:
    from khabar.claims.statements import title_statements

    art = _article("نص قصير.", title)
    mentions = [
        Mention(m.text, m.type, m.start, m.end, m.entity, True)
        for m in _mentions(title, names or {})
    ]
    return title_statements(art, mentions)


def test_a_relay_verb_gives_the_source_it_names_after_an() -> None:
    (stmt,) = _statements(
        "نقلت وكالة رويترز عن مصدر مطلع على التحقيقات قوله إن الاتصالات ما زالت جارية.",
        {"رويترز": "ORG"},
    )
    assert stmt.speaker is not None and stmt.speaker.startswith("مصدر مطلع")
    assert "رويترز" not in stmt.speaker


def test_a_relayed_statement_goes_on_with_its_source() -> None:
    stmts = _statements(
        'نقلت وكالة الأنباء السعودية "واس" بيانا عن النائب العام السعودي، قال فيه إن '
        "التحقيقات ما زالت مستمرة مع الموقوفين."
    )
    said = [s for s in stmts if "التحقيقات" in s.content]
    assert said and said[0].speaker == "النائب العام السعودي"


def test_moving_something_is_not_relaying() -> None:
    stmts = _statements("وقررت الحكومة أن تنقل سفارتها من تل أبيب إلى القدس الشهر المقبل.")
    assert all(s.verb != "تنقل" for s in stmts)


def test_a_title_and_the_name_set_between_commas_make_the_speaker() -> None:
    (stmt,) = _statements(
        "أعلن القائد العام لجبهة الساحل الغربي، أبو زرعة المحرمي، الثلاثاء، أن القوات فرضت "
        "سيطرتها الكاملة على المطار."
    )
    assert stmt.speaker == "القائد العام لجبهة الساحل الغربي، أبو زرعة المحرمي"
    assert stmt.content.startswith("القوات فرضت")


def test_a_stretch_that_says_where_or_with_whom_is_no_part_of_the_speaker() -> None:
    (stmt,) = _statements(
        "أعلنت قوات المقاومة المشتركة، بإسناد من التحالف، الثلاثاء، أن معارك المطار انتهت بالكامل."
    )
    assert stmt.speaker == "قوات المقاومة المشتركة"


def test_whom_it_was_said_to_is_not_the_speaker() -> None:
    (stmt,) = _title_statements("مصادر تكشف لـCNN: تركيا علمت بالأمر بعد ساعات من وقوعه")
    assert stmt.speaker == "مصادر"


def test_a_headline_opens_with_its_subject() -> None:
    (stmt,) = _title_statements('بومبيو ينفي استماعه إلى تسجيل عن "مقتل" خاشقجي')
    assert stmt.speaker == "بومبيو"
    assert stmt.stance == "denied"
    assert stmt.content == 'استماعه إلى تسجيل عن "مقتل" خاشقجي'  # a quoted word, not a quote
    (stmt,) = _title_statements("اختفاء خاشقجي: تركيا تنفي تسليم أي تسجيلات للولايات المتحدة")
    assert stmt.speaker == "تركيا"  # after the topic label


def test_a_reporting_verb_in_a_relative_clause_is_part_of_what_is_denied() -> None:
    stmts = _statements(
        "نفت السلطات التركية صحة التقارير التي أفادت بأنها سلمت أدلة صوتية للولايات المتحدة."
    )
    assert len(stmts) == 1
    assert stmts[0].stance == "denied"
    assert "سلمت أدلة صوتية" in stmts[0].content


def test_what_is_denied_ends_the_speaker_and_a_quoted_name_stays_in_it() -> None:
    (stmt,) = _statements(
        "نفت السلطات الروسية الاتهامات البريطانية بمنع روسيا وسوريا دخول مفتشي منظمة الأسلحة "
        'الكيماوية أو "OPCW" إلى دوما.'
    )
    assert stmt.stance == "denied"
    assert stmt.speaker == "السلطات الروسية"
    assert stmt.content.startswith("الاتهامات البريطانية بمنع روسيا")
    assert stmt.content.endswith("إلى دوما")
    (stmt,) = _statements("ونقلت وكالة الأنباء الرسمية عن مصدر عسكري أن الدفاعات تصدت للصواريخ.")
    assert stmt.speaker == "مصدر عسكري"  # وكالة الأنباء: a name, not what is denied
