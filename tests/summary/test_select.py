"""Behaviour of the event summariser: cited, verbatim, non-redundant, across outlets."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khabar.config import SummaryConfig
from khabar.model import AnnotatedArticle, Article, Event
from khabar.summary import summarize_event


def _article(
    art_id: str, paragraphs: list[str], published: date | None = None, title: str = ""
) -> AnnotatedArticle:
    return AnnotatedArticle(
        Article(
            id=art_id,
            source=f"{art_id}.txt",
            title=title or None,
            published=published,
            outlet=f"outlet-{art_id}",
            language="ar",
            paragraphs=tuple(paragraphs),
        )
    )


def _event(articles: list[AnnotatedArticle], title: str = "زيارة الرئيس إلى موسكو") -> Event:
    return Event(id="ev1", title=title, articles=tuple(a.id for a in articles))


WIRE = (
    "استقبل الرئيس الروسي فلاديمير بوتين في الكرملين نظيره السوري أحمد الشرع "
    "في أول زيارة رسمية له إلى موسكو."
)

A = _article(
    "a",
    [
        WIRE,
        "وبحث الرئيسان مستقبل القاعدتين العسكريتين الروسيتين في حميميم وطرطوس على الساحل السوري.",
        "هل تنجح موسكو في الاحتفاظ بقواعدها العسكرية في سوريا بعد هذه الزيارة؟",
        "مستقبل القواعد الروسية",
        "صورة أرشيفية للرئيسين خلال لقاء سابق في الكرملين بموسكو العام الماضي.",
        "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات تناولت ملفات الطاقة "
        "والقمح وإعادة الإعمار.",
    ],
    date(2025, 10, 15),
    "بوتين يستقبل الشرع في الكرملين",
)
B = _article(
    "b",
    [
        WIRE,
        "وأعلنت الرئاسة السورية أن الوفد ضم وزير الخارجية أسعد الشيباني "
        "ووزير الدفاع مرهف أبو قصرة.",
        "وتطرقت المباحثات إلى ملف تسليم الرئيس السابق بشار الأسد المقيم في روسيا منذ سقوط نظامه.",
    ],
    date(2025, 10, 16),
    "الشرع في موسكو",
)
C = _article(
    "c",
    [
        "وصل الرئيس السوري أحمد الشرع إلى العاصمة الروسية موسكو في زيارة رسمية يلتقي خلالها بوتين.",
        "وتسعى دمشق إلى إعادة صياغة العلاقة مع روسيا على أساس احترام السيادة والمصالح المتبادلة.",
    ],
    date(2025, 10, 15),
    "الشرع يصل إلى موسكو",
)


def _summary(*articles: AnnotatedArticle, n: int = 4) -> Any:
    return summarize_event(_event(list(articles)), list(articles), SummaryConfig(n))


def test_every_sentence_is_quoted_verbatim_from_the_article_it_cites() -> None:
    by_id = {a.id: a for a in (A, B, C)}
    summary = _summary(A, B, C)
    assert summary
    for sentence in summary:
        assert sentence.text in by_id[sentence.article].article.text


def test_returns_at_most_the_configured_number_of_sentences() -> None:
    assert len(_summary(A, B, C, n=2)) == 2
    assert _summary(A, B, C, n=0) == ()


def test_wire_copy_in_two_outlets_is_quoted_once_and_the_other_listed_in_also() -> None:
    summary = _summary(A, B, n=4)
    wire = [s for s in summary if s.text == WIRE]
    assert len(wire) == 1
    other = {"a", "b"} - {wire[0].article}
    assert wire[0].also == tuple(other)


def test_near_duplicates_are_never_both_quoted() -> None:
    summary = _summary(A, B, C, n=6)
    texts = [s.text for s in summary]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize(
    "excluded",
    [
        "هل تنجح موسكو في الاحتفاظ بقواعدها العسكرية في سوريا بعد هذه الزيارة؟",
        "مستقبل القواعد الروسية",
        "صورة أرشيفية للرئيسين خلال لقاء سابق في الكرملين بموسكو العام الماضي.",
    ],
)
def test_questions_headings_and_captions_are_not_quoted(excluded: str) -> None:
    summary = _summary(A, n=10)
    assert summary
    assert all(s.text != excluded for s in summary)


def test_summary_cites_several_outlets_when_they_report_different_facts() -> None:
    cited = {s.article for s in _summary(A, B, C, n=4)}
    assert len(cited) >= 2


def test_lead_sentence_is_preferred() -> None:
    summary = _summary(C, n=1)
    assert summary[0].text == C.article.paragraphs[0]


def test_output_does_not_depend_on_the_order_articles_are_given_in() -> None:
    forward = _summary(A, B, C)
    backward = summarize_event(_event([C, B, A]), [C, B, A], SummaryConfig())
    assert forward == backward


def test_event_without_text_has_an_empty_summary() -> None:
    empty = _article("z", [])
    assert _summary(empty) == ()
    assert summarize_event(_event([]), [], SummaryConfig()) == ()


def test_gold_events_get_cited_verbatim_summaries(gold: dict[str, Any]) -> None:
    articles = {
        name: _article(name, doc["body"].split("\n"), title=doc["title"])
        for name, doc in gold["documents"].items()
    }
    for event in gold["events"].values():
        members = [articles[name] for name in event["documents"]]
        summary = summarize_event(
            Event("e", members[0].article.title or "", tuple(m.id for m in members)),
            members,
            SummaryConfig(4),
        )
        assert len(summary) == 4
        for sentence in summary:
            assert sentence.text in articles[sentence.article].article.text
            assert not sentence.text.endswith(("?", "؟"))
        if len(members) > 1:
            assert len({s.article for s in summary}) > 1


def test_halves_of_a_paragraph_the_page_broke_in_two_are_not_quoted() -> None:
    broken = _article(
        "d",
        [
            "حظيت زيارة الرئيس السوري إلى العاصمة الروسية موسكو باهتمام واسع رغم أنها تندرج "
            "في سياق الزيارات العديدة",
            "التي يقوم بها الرئيس إلى موسكو في إطار العلاقات القوية بين البلدين منذ عقود طويلة.",
            "وأعلن المتحدث باسم الكرملين أن المحادثات بين الرئيسين استمرت قرابة ثلاث ساعات.",
        ],
    )
    summary = _summary(broken, n=3)
    assert [s.text for s in summary] == [broken.article.paragraphs[2]]


def test_run_on_text_without_sentence_breaks_is_still_quoted() -> None:
    run_on = " ".join(["وقال المسؤول إن الزيارة تناولت ملفات التعاون العسكري والاقتصادي"] * 12)
    summary = _summary(_article("r", [run_on]), n=2)
    assert [s.text for s in summary] == [run_on]


def test_large_events_are_summarised_from_every_articles_lead() -> None:
    many = [
        _article(f"m{i}", [f"{WIRE} رقم {i}.", *C.article.paragraphs, *B.article.paragraphs[1:]])
        for i in range(300)
    ]
    summary = _summary(*many, n=3)
    assert summary[0].text.startswith(WIRE[:-1])
    assert len(summary[0].also) >= 250  # the shared lead, quoted once
    assert len({s.text for s in summary}) == len(summary) >= 2


LEAD = "يلتقي الرئيس الأميركي ونظيره الروسي اليوم في قاعدة عسكرية بولاية ألاسكا."


@pytest.mark.parametrize(
    ("first", "quoted"),
    [
        (f"أنكوريج (الوقائع اليوم) - {LEAD}", LEAD),
        (f"واشنطن ـ «المدار»: {LEAD}", LEAD),
        (f"القاهرة - أ ف ب: {LEAD}", LEAD),
        (f"موسكو - واشنطن (المدار) - {LEAD}", LEAD),
        (f"قال مسؤول أميركي: {LEAD}", f"قال مسؤول أميركي: {LEAD}"),
    ],
)
def test_the_dateline_before_the_lead_is_left_out_of_the_quote(first: str, quoted: str) -> None:
    article = _article("g", [first])
    assert [s.text for s in _summary(article, n=1)] == [quoted]


def test_articles_in_other_languages_are_summarised_too() -> None:
    english = AnnotatedArticle(
        Article(
            id="en",
            source="en.txt",
            title="Trump and Putin meet in Alaska",
            published=date(2025, 8, 15),
            outlet="Example Wire",
            language="en",
            paragraphs=(
                "President Trump met President Putin at a military base in Anchorage on Friday.",
                "The talks lasted nearly three hours and ended without a ceasefire agreement.",
            ),
        )
    )
    summary = _summary(english, n=2)
    assert len(summary) == 2
    assert summary[0].text == english.article.paragraphs[0]
