"""Statement finding: speakers, reporting verbs, contents and stances in Arabic sentences."""

from __future__ import annotations

import pytest

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
    out = []
    for name, kind in names.items():
        at = text.find(name)
        while at >= 0:
            out.append(Mention(name, kind, at, at + len(name), entity=name))  # type: ignore[arg-type]
            at = text.find(name, at + len(name))
    return sorted(out, key=lambda m: m.start)


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
