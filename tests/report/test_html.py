"""The HTML dossier: self-contained, right to left, escaped, with a timeline and live links."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import (
    AnnotatedArticle,
    Article,
    Claim,
    ClaimSource,
    Contradiction,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Flag,
    Mention,
    RemovedBlock,
    Story,
    SummarySentence,
)
from khabar.report.html import (
    MIN_RANGE_WIDTH,
    build_timeline,
    highlight_paragraphs,
    render_dossier_dict,
    render_html,
    shorten,
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, every id and every in-page link."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.fragment_links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        href = attributes.get("href") or ""
        if href.startswith("#"):
            self.fragment_links.append(href[1:])


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _article(art_id: str, published: date | None, title: str, text: str, **kw: object) -> Article:
    return Article(
        id=art_id,
        source=f"pages/{art_id}.html",
        title=title,
        published=published,
        outlet=kw.pop("outlet", f"موقع {art_id}"),  # type: ignore[arg-type]
        language="ar",
        paragraphs=tuple(text.split("\n")),
        **kw,  # type: ignore[arg-type]
    )


def _hostile_dossier() -> Dossier:
    body = f"وصل الرئيس إلى موسكو {SCRIPT}\nوقال المتحدث {IMG} إن المحادثات بناءة."
    art = _article(
        "a1",
        date(2025, 10, 15),
        f"عنوان {SCRIPT} {IMG}",
        body,
        outlet=f"موقع {IMG}",
        url="javascript:alert(1)",
        removed=(RemovedBlock(f"اقرأ أيضا {SCRIPT}", "related_links", 4),),
        flags=(Flag("clickbait_title", f"تفاصيل {IMG}"),),
        published_evidence=SCRIPT,
        lede=SCRIPT,
    )
    start = body.index("موسكو")
    mention = Mention("موسكو", "LOC", start, start + len("موسكو"), entity="e1")
    event = Event(
        id="ev1",
        title=f"حدث {SCRIPT}",
        articles=("a1",),
        date=date(2025, 10, 15),
        date_evidence=(IMG,),
        summary=(SummarySentence(f"جملة {SCRIPT}", "a1"),),
        places=("e1",),
    )
    source = ClaimSource("a1", f"اقتباس {IMG}", "asserted")
    return Dossier(
        articles=(AnnotatedArticle(art, (mention,)),),
        events=(event,),
        stories=(Story("s1", f"قصة {SCRIPT}", ("ev1",)),),
        entities=(EntityRecord("e1", f"موسكو {IMG}", "LOC", (SCRIPT,), ("a1",)),),
        claims=(Claim("c1", f"ادعاء {SCRIPT}", None, "ev1", (source,)),),
        contradictions=(Contradiction("x1", "stance", IMG, "c1", (source,)),),
        errors=(Failure(f"bad{SCRIPT}.bin", IMG),),
        meta=(("khabar_version", "0.1.0"), ("created", SCRIPT)),
    )


def _story_dossier() -> Dossier:
    arts = [
        _article("late", date(2026, 1, 29), "زيارة ثانية", "وصل الشرع إلى موسكو مجددا اليوم."),
        _article("early", date(2025, 10, 16), "زيارة أولى", "استقبل بوتين الشرع في الكرملين."),
        _article("call", date(2025, 2, 13), "اتصال هاتفي", "أجرى بوتن اتصالا هاتفيا بالشرع."),
        _article("nodate", None, "خبر بلا تاريخ", "تحدثت تقارير عن لقاء مرتقب."),
    ]
    events = (
        Event(
            "ev-late",
            "الزيارة الثانية",
            ("late",),
            date=date(2026, 1, 28),
            summary=(SummarySentence("وصل الشرع إلى موسكو مجددا اليوم.", "late"),),
        ),
        Event(
            "ev-range",
            "مفاوضات على مدى أسابيع",
            ("early",),
            date_range=(date(2025, 11, 1), date(2025, 12, 10)),
        ),
        Event(
            "ev-early",
            "الزيارة الأولى",
            ("early",),
            date=date(2025, 10, 15),
            summary=(SummarySentence("استقبل بوتين الشرع في الكرملين.", "early", ("call",)),),
        ),
        Event("ev-call", "الاتصال الهاتفي", ("call",), date=date(2025, 2, 12)),
        Event("ev-undated", "لقاء مرتقب", ("nodate",)),
    )
    return Dossier(
        articles=tuple(AnnotatedArticle(a) for a in arts),
        events=events,
        stories=(Story("s1", "العلاقات الروسية السورية", tuple(e.id for e in events)),),
    )


def test_page_is_arabic_right_to_left_and_has_no_external_resources() -> None:
    html = render_html(_story_dossier())
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    tags = _parse(html).tags
    assert not [t for t, _ in tags if t in {"script", "link", "iframe", "img", "object"}]
    assert not [a for _, a in tags if "src" in a]
    assert "@import" not in html and "url(" not in html
    assert "Noto Naskh Arabic" in html


def test_untrusted_text_comes_out_escaped_everywhere() -> None:
    html = render_html(_hostile_dossier())
    tags = _parse(html).tags
    assert "<script" not in html.lower()
    assert not [t for t, _ in tags if t in {"script", "img"}]
    assert not [(t, k) for t, attrs in tags for k in attrs if k.lower().startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_javascript_urls_are_never_made_links() -> None:
    tags = _parse(render_html(_hostile_dossier())).tags
    hrefs = [str(a.get("href")) for _, a in tags if "href" in a]
    assert hrefs
    assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:"))]


def test_removed_blocks_are_shown_on_demand_inside_details() -> None:
    html = render_html(_hostile_dossier())
    details = re.search(r'<details class="removed">.*?</details>', html, re.S)
    assert details and "اقرأ أيضا" in details.group()


def test_errors_section_lists_inputs_that_could_not_be_analysed() -> None:
    html = render_html(_hostile_dossier())
    section = re.search(r'<section id="errors">.*?</section>', html, re.S)
    assert section and "bad&lt;script&gt;" in section.group()


def test_every_in_page_link_resolves_to_an_element_of_the_page() -> None:
    for dossier in (_story_dossier(), _hostile_dossier()):
        page = _parse(render_html(dossier))
        assert page.fragment_links
        assert set(page.fragment_links) <= page.ids


def test_summary_citations_point_at_the_cited_articles() -> None:
    html = render_html(_story_dossier())
    summary = re.search(
        r'<article class="panel event" id="event-ev-early">.*?</article>', html, re.S
    )
    assert summary
    cited = re.findall(r'class="cite" href="#article-([^"]+)"', summary.group())
    assert cited[:2] == ["early", "call"]
    assert {"article-early", "article-call"} <= _parse(html).ids


def test_timeline_svg_lists_dated_events_in_date_order() -> None:
    html = render_html(_story_dossier())
    svg = re.search(r"<svg.*?</svg>", html, re.S)
    assert svg
    order = re.findall(r'data-event="([^"]+)"', svg.group())
    assert order == ["ev-call", "ev-early", "ev-range", "ev-late"]
    assert "ev-undated" not in svg.group()
    undated = re.search(r"<h3>أحداث بلا تاريخ</h3>.*?</ul>", html, re.S)
    assert undated and "#event-ev-undated" in undated.group()


def test_timeline_draws_ranges_as_bars_and_exact_dates_as_dots_right_to_left() -> None:
    timeline = build_timeline(
        [
            {"id": "b", "title": "ب", "date": "2025-10-15", "date_range": None},
            {"id": "a", "title": "أ", "date": None, "date_range": ["2025-01-01", "2025-03-01"]},
            {"id": "u", "title": "بلا تاريخ", "date": None, "date_range": None},
        ],
        months=[str(m) for m in range(1, 13)],
    )
    assert timeline is not None
    first, second = timeline.rows
    assert (first.event_id, second.event_id) == ("a", "b")
    assert first.is_range and first.x_from > first.x_to
    assert not second.is_range and second.x_from == second.x_to
    assert second.x_from < first.x_to  # later is further left
    assert all(timeline.plot_left <= t.x <= timeline.plot_right for t in timeline.ticks)


def test_a_range_with_a_most_likely_day_gets_a_dot_on_its_bar() -> None:
    timeline = build_timeline(
        [
            {
                "id": "r",
                "title": "ر",
                "date": "2025-02-10",
                "date_range": ["2025-02-01", "2025-02-28"],
            }
        ],
        months=[str(m) for m in range(1, 13)],
    )
    assert timeline is not None
    (row,) = timeline.rows
    assert row.is_range and row.x_exact is not None
    assert row.x_to < row.x_exact < row.x_from


def test_timeline_is_absent_when_no_event_is_dated() -> None:
    assert build_timeline([{"id": "u", "title": "t", "date": None}], months=["m"] * 12) is None


def test_entity_highlights_rebuild_the_text_exactly() -> None:
    text = "التقى بوتين الشرع\nفي موسكو"
    mentions = [
        {"start": 6, "end": 11, "type": "PER", "entity": "p1"},
        {"start": 7, "end": 9, "type": "PER", "entity": None},  # overlaps: skipped
        {"start": 21, "end": 26, "type": "LOC", "entity": "l1"},
        {"start": 15, "end": 22, "type": "LOC", "entity": None},  # crosses a paragraph: skipped
        {"start": 40, "end": 50, "type": "LOC", "entity": None},  # out of range: skipped
    ]
    paragraphs = highlight_paragraphs(text, mentions)
    assert "\n".join("".join(s["text"] for s in p) for p in paragraphs) == text
    marked = [s["text"] for p in paragraphs for s in p if "type" in s]
    assert marked == ["بوتين", "موسكو"]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("قصير", 10, "قصير"), ("الرئيس السوري يزور موسكو اليوم", 16, "الرئيس السوري…")],
)
def test_long_titles_are_shortened_at_a_word_boundary(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected


def test_empty_dossier_renders() -> None:
    html = render_html(Dossier(articles=()))
    assert "لا أحداث مؤرخة لرسمها" in html
    assert "حُلّلت كل المدخلات" in html


def test_claims_reported_by_many_articles_are_listed_one_source_per_row() -> None:
    ids = [f"w{i}" for i in range(9)]
    arts = tuple(
        AnnotatedArticle(_article(i, date(2025, 8, 16), f"عنوان {i}", "نص الخبر.")) for i in ids
    )
    claim = Claim(
        "c1",
        "أُلغي غداء العمل",
        None,
        "ev",
        tuple(ClaimSource(i, "اقتباس", "reported") for i in ids),
    )
    html = render_html(
        Dossier(
            articles=arts,
            events=(Event("ev", "القمة", tuple(ids), date=date(2025, 8, 15)),),
            claims=(claim,),
        )
    )
    table = re.search(r'<table class="claims">.*?</table>', html, re.S)
    assert table
    assert len(re.findall(r"<tr", table.group())) == 1 + len(ids)  # header + one row per source
    page = _parse(html)
    assert set(page.fragment_links) <= page.ids


def test_timeline_rows_take_the_colour_of_their_story() -> None:
    dossier = _story_dossier()
    html = render_html(
        Dossier(
            articles=dossier.articles,
            events=dossier.events,
            stories=(Story("s1", "أ", ("ev-call", "ev-early")), Story("s2", "ب", ("ev-late",))),
        )
    )
    found = re.findall(r'class="timeline-row([^"]*)" data-event="([^"]+)"', html)
    colours = {event: cls.strip() for cls, event in found}
    assert colours["ev-call"] == colours["ev-early"] == "story-0"
    assert colours["ev-late"] == "story-1"
    assert colours["ev-range"] == ""


def test_dossier_of_the_example_pages_renders_with_live_citations(examples_dir: Path) -> None:
    import khabar

    dossier = khabar.analyze([examples_dir])
    html = render_html(dossier)
    page = _parse(html)
    assert set(page.fragment_links) <= page.ids
    ids = [a["id"] for _, a in page.tags if a.get("id")]
    assert len(ids) == len(set(ids))
    assert not [t for t, _ in page.tags if t in {"script", "img", "iframe"}]
    texts = {a.id: a.article.text for a in dossier.articles}
    summaries = [s for e in dossier.events for s in e.summary]
    assert summaries
    for sentence in summaries:
        assert sentence.text in texts[sentence.article]
        assert f'href="#article-{sentence.article}"' in html


@given(
    st.lists(
        st.tuples(st.dates(date(1990, 1, 1), date(2040, 12, 31)), st.integers(0, 4000)),
        min_size=1,
        max_size=12,
    )
)
def test_timeline_places_every_mark_inside_the_plot_in_date_order(
    spans: list[tuple[date, int]],
) -> None:
    events = [
        {
            "id": f"e{i}",
            "title": "حدث",
            "date": None if length else day.isoformat(),
            "date_range": [day.isoformat(), (day + timedelta(days=length)).isoformat()]
            if length
            else None,
        }
        for i, (day, length) in enumerate(spans)
    ]
    timeline = build_timeline(events, months=[str(m) for m in range(1, 13)])
    assert timeline is not None
    assert len(timeline.rows) == len(events)
    starts = [min(date.fromisoformat(d) for d in e["date_range"] or [e["date"]]) for e in events]
    by_id = dict(zip((e["id"] for e in events), starts, strict=True))
    ordered = [by_id[r.event_id] for r in timeline.rows]
    assert ordered == sorted(ordered)
    slack = MIN_RANGE_WIDTH / 2
    for row in timeline.rows:
        assert timeline.plot_left - slack <= row.x_to <= row.x_from <= timeline.plot_right + slack
    assert len(timeline.ticks) <= 2 * 12 + 1


@given(
    st.text(alphabet="بوتين موسكو\n", max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(1, 10))),
)
def test_highlighting_never_changes_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    mentions = [{"start": s, "end": s + n, "type": "PER", "entity": None} for s, n in spans]
    paragraphs = highlight_paragraphs(text, mentions)
    rebuilt = ["".join(seg["text"] for seg in p) for p in paragraphs]
    assert rebuilt == [p for p in text.split("\n") if p]


def test_a_sparse_dossier_dict_from_an_older_version_still_renders() -> None:
    html = render_dossier_dict(
        {
            "articles": [{"id": "a1", "title": "خبر", "text": "نص قصير."}],
            "events": [{"id": "e1", "articles": ["a1"], "date": "2025-08-15"}],
            "claims": [{"id": "c1", "event": "e1"}],
            "errors": [{"source": "x.bin"}],
        }
    )
    page = _parse(html)
    assert {"article-a1", "event-e1"} <= page.ids
    assert set(page.fragment_links) <= page.ids


def test_timeline_draws_an_event_known_only_to_be_before_a_day_as_an_open_range() -> None:
    events = [
        {"id": "ev-b", "title": "زيارة ثانية", "date": "2025-10-15", "date_range": None},
        {
            "id": "ev-a",
            "title": "زيارة قديمة",
            "date": None,
            "date_range": None,
            "not_before": None,
            "not_after": "2024-12-31",
        },
        {"id": "ev-c", "title": "بلا أي تاريخ", "date": None, "date_range": None},
    ]
    timeline = build_timeline(events, months=[str(m) for m in range(1, 13)])
    assert timeline is not None
    assert [row.event_id for row in timeline.rows] == ["ev-a", "ev-b"]
    open_row = timeline.rows[0]
    assert open_row.is_range and open_row.open_start and not open_row.open_end
    assert open_row.x_from == timeline.plot_right  # runs off the early (right) end
    assert open_row.x_to > timeline.rows[1].x_from  # ends before the later event
    assert open_row.date_label.startswith("حتى ")
