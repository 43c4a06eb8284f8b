"""The HTML dossier: self-contained, right to left, escaped, with timelines, live links, and one
script (search and filters) allowed by a Content-Security-Policy hash of exactly its text."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import (
    STANCES,
    AnnotatedArticle,
    Article,
    ArticleFlag,
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
    LARGE_DOSSIER_ARTICLES,
    MIN_RANGE_WIDTH,
    build_timeline,
    fit_axis,
    highlight_paragraphs,
    page_script,
    render_dossier_dict,
    render_html,
    shorten,
)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    """Collects every start tag with its attributes, every id, every in-page link and the text
    of every script element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.fragment_links: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(str(attributes["id"]))
        href = attributes.get("href") or ""
        if href.startswith("#"):
            self.fragment_links.append(href[1:])
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


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


def _csp(html: str) -> dict[str, str]:
    """The page's Content-Security-Policy meta tag, as directive -> sources."""
    (content,) = [
        a["content"]
        for t, a in _parse(html).tags
        if t == "meta" and a.get("http-equiv") == "Content-Security-Policy" and a.get("content")
    ]
    directives = (d.strip().split(" ", 1) for d in content.split(";") if d.strip())
    return {d[0]: d[1] if len(d) > 1 else "" for d in directives}


def test_page_is_arabic_right_to_left_and_has_no_external_resources() -> None:
    html = render_html(_story_dossier())
    assert re.search(r'<html lang="ar" dir="rtl">', html)
    page = _parse(html)
    tags = page.tags
    assert not [t for t, _ in tags if t in {"link", "iframe", "img", "object"}]
    assert [t for t, _ in tags].count("script") == 1  # the page's own, inline
    assert not [a for _, a in tags if "src" in a]
    assert "@import" not in html and "url(" not in html
    assert "Noto Naskh Arabic" in html


def test_csp_allows_exactly_the_inline_script_by_its_hash() -> None:
    html = render_html(_hostile_dossier())
    (script,) = _parse(html).scripts
    assert script == page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = _csp(html)
    assert csp["script-src"] == f"'sha256-{digest}'"
    assert csp["default-src"] == "'none'"
    assert "unsafe" not in csp["script-src"]
    tampered = script.replace("use strict", "use  strict")
    assert base64.b64encode(hashlib.sha256(tampered.encode()).digest()).decode() != digest


def test_page_script_reads_text_and_never_writes_markup() -> None:
    script = page_script()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    assert "textContent" in script


def test_untrusted_text_comes_out_escaped_everywhere() -> None:
    html = render_html(_hostile_dossier())
    tags = _parse(html).tags
    assert html.lower().count("<script") == 1  # only the page's own script, in the head
    assert html.lower().index("<script") < html.lower().index("<body")
    assert not [t for t, _ in tags if t == "img"]
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
    details = re.search(r'<details class="removed"[^>]*>.*?</details>', html, re.S)
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
    summary = re.search(r'<article class="event" id="event-ev-early".*?</article>', html, re.S)
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
    undated = re.search(r"أحداث بلا تاريخ:</span>.*?</p>", html, re.S)
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
    claim_html = re.search(r'<li class="claim" id="claim-c1".*?</ul>', html, re.S)
    assert claim_html
    sources = re.findall(r'href="#article-(w\d)"', claim_html.group())
    assert sources == ids  # one line per source, in publication order
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
    assert not [t for t, _ in page.tags if t in {"img", "iframe"}]
    assert [t for t, _ in page.tags].count("script") == 1
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


def _sized_story_dossier() -> Dossier:
    """Three stories: a small recent one, and two of three articles each, one more recent."""
    arts = [
        _article(f"{name}{i}", day, f"خبر {name} {i}", "نص الخبر.")
        for name, day, n in (
            ("small", date(2018, 5, 12), 1),
            ("old", date(2018, 5, 1), 3),
            ("new", date(2018, 5, 9), 3),
        )
        for i in range(n)
    ]
    events = (
        Event("ev-small", "حدث صغير", ("small0",), date=date(2018, 5, 12)),
        Event("ev-old", "حدث قديم", ("old0", "old1", "old2"), date=date(2018, 5, 1)),
        Event("ev-new", "حدث جديد", ("new0", "new1"), date=date(2018, 5, 9)),
        Event("ev-new2", "متابعة", ("new2",), date=date(2018, 5, 10)),
    )
    return Dossier(
        articles=tuple(AnnotatedArticle(a) for a in arts),
        events=events,
        stories=(
            Story("st-small", "قصة صغيرة", ("ev-small",)),
            Story("st-old", "قصة قديمة", ("ev-old",)),
            Story("st-new", "قصة جديدة", ("ev-new", "ev-new2")),
        ),
    )


def test_stories_come_biggest_first_then_most_recent_and_only_the_first_is_open() -> None:
    tags = _parse(render_html(_sized_story_dossier())).tags
    stories = [a for t, a in tags if t == "details" and a.get("data-unit") == "story"]
    assert [a["id"] for a in stories] == ["story-st-new", "story-st-old", "story-st-small"]
    assert ["open" in a for a in stories] == [True, False, False]
    options = [a["value"] for t, a in tags if t == "option" and a.get("value", "").startswith("st")]
    assert options == ["st-new", "st-old", "st-small"]  # the story filter lists them alike


def test_each_story_has_its_own_timeline_of_its_own_events() -> None:
    html = render_html(_sized_story_dossier())
    for story, events in (("st-new", ["ev-new", "ev-new2"]), ("st-old", ["ev-old"])):
        block = re.search(
            rf'<details class="story[^"]*" id="story-{story}".*?</details>', html, re.S
        )
        assert block
        svg = re.search(r"<svg.*?</svg>", block.group(), re.S)
        assert svg and re.findall(r'data-event="([^"]+)"', svg.group()) == events


def test_a_year_long_range_does_not_stretch_a_story_axis_of_three_days() -> None:
    events = [
        {"id": "a", "title": "أ", "date": "2018-05-08", "date_range": None},
        {"id": "b", "title": "ب", "date": "2018-05-10", "date_range": None},
        {"id": "y", "title": "سنة", "date": None, "date_range": ["2018-01-01", "2018-12-31"]},
        {"id": "r", "title": "أيام", "date": None, "date_range": ["2018-05-07", "2018-05-09"]},
    ]
    assert fit_axis(events) == (date(2018, 5, 7), date(2018, 5, 10))
    timeline = build_timeline(events, months=[str(m) for m in range(1, 13)])
    assert timeline is not None and timeline.axis_start and timeline.axis_end
    assert date(2018, 5, 4) <= timeline.axis_start <= date(2018, 5, 7)
    assert date(2018, 5, 10) <= timeline.axis_end <= date(2018, 5, 13)
    rows = {row.event_id: row for row in timeline.rows}
    year = rows["y"]
    assert year.clipped and year.is_range
    assert (year.x_to, year.x_from) == (timeline.plot_left, timeline.plot_right)
    assert "1 1 2018" in year.date_label and "31 12 2018" in year.date_label  # real dates shown
    assert not rows["a"].clipped and rows["a"].x_from > rows["b"].x_from  # earlier is right
    html = render_dossier_dict({"events": events, "stories": [{"id": "s", "events": ["a"]}]})
    assert 'data-axis-start="' in html


def test_an_exact_day_inside_a_long_range_anchors_the_axis() -> None:
    events = [
        {"id": "a", "date": "2018-05-08", "date_range": ["2018-01-01", "2018-12-31"]},
        {"id": "b", "date": "2018-05-09", "date_range": None},
    ]
    assert fit_axis(events) == (date(2018, 5, 8), date(2018, 5, 9))


def test_only_long_ranges_still_give_an_axis_spanning_them() -> None:
    events = [
        {"id": "a", "date": None, "date_range": ["2017-10-01", "2018-03-01"]},
        {"id": "b", "date": None, "date_range": ["2018-01-01", "2018-12-31"]},
    ]
    assert fit_axis(events) == (date(2017, 10, 1), date(2018, 12, 31))
    assert fit_axis([{"id": "u", "date": None}]) is None


def test_filter_options_match_the_data_the_page_script_reads() -> None:
    dossier = _story_dossier()
    html = render_html(dossier)
    tags = _parse(html).tags
    articles = [a for t, a in tags if a.get("data-unit") == "article"]
    assert len(articles) == len(dossier.articles)
    options = {
        name: [a["value"] for t, a in tags if t == "option" and a.get("value")]
        for name in ("outlet",)
    }
    outlets = {a["data-outlet"] for a in articles}
    assert outlets <= set(options["outlet"])
    days = {a["data-day"] for a in articles if a["data-day"]}
    assert days == {"2026-01-29", "2025-10-16", "2025-02-13"}
    assert {a["data-story"] for a in articles} == {"s1"}
    for _, attrs in tags:
        for article_id in (attrs.get("data-articles") or "").split():
            assert f"article-{article_id}" in _parse(html).ids


def test_claim_sources_and_article_stances_carry_what_the_stance_filter_needs() -> None:
    ids = ["x1", "x2"]
    arts = tuple(AnnotatedArticle(_article(i, date(2025, 8, 16), i, "نص.")) for i in ids)
    sides = (ClaimSource("x1", "قال", "asserted"), ClaimSource("x2", "نفى", "denied"))
    html = render_html(
        Dossier(
            articles=arts,
            events=(Event("ev", "القمة", tuple(ids), date=date(2025, 8, 15)),),
            claims=(Claim("c1", "ألغي الغداء", None, "ev", sides),),
        )
    )
    tags = _parse(html).tags
    (claim,) = [a for _, a in tags if a.get("data-unit") == "claim"]
    assert claim["data-sources"] == "x1:asserted x2:denied"
    stances = {
        a["data-article"]: a["data-stances"] for _, a in tags if a.get("data-unit") == "article"
    }
    assert stances == {"x1": "asserted", "x2": "denied"}
    stance_options = [a["value"] for t, a in tags if t == "option" and a.get("value") in STANCES]
    assert stance_options == ["asserted", "denied"]


def test_entity_sections_gather_every_article_claim_and_event_of_the_entity() -> None:
    body = "قال بوتين إن المحادثات بناءة.\nوزار بوتين موسكو."
    arts = (
        AnnotatedArticle(_article("p1", date(2025, 10, 15), "بوتين يلتقي الشرع", body)),
        AnnotatedArticle(_article("p2", date(2025, 10, 16), "خبر آخر", "لا ذكر له هنا.")),
    )
    claim = Claim(
        "c1", "قال بوتين إن المحادثات بناءة", None, "ev1", (ClaimSource("p1", "q", "attributed"),)
    )
    other = Claim("c2", "خبر آخر", None, "ev2", (ClaimSource("p2", "q", "asserted"),))
    html = render_html(
        Dossier(
            articles=arts,
            events=(
                Event("ev1", "اللقاء", ("p1",), date=date(2025, 10, 15)),
                Event("ev2", "خبر آخر", ("p2",), date=date(2025, 10, 16)),
            ),
            entities=(EntityRecord("e-putin", "بوتين", "PER", ("بوتين", "بوتن"), ("p1",)),),
            claims=(claim, other),
        )
    )
    section = re.search(r'<details class="entity" id="entity-e-putin".*?</details>', html, re.S)
    assert section
    text = section.group()
    assert "#event-ev1" in text and "#event-ev2" not in text
    assert "#article-p1" in text and "#article-p2" not in text
    assert "#claim-c1" in text and "#claim-c2" not in text
    assert "بوتن" in text  # the other spelling


def test_outlet_sections_count_how_each_outlet_reported_its_claims() -> None:
    arts = tuple(
        AnnotatedArticle(_article(i, date(2025, 8, 16), i, "نص.", outlet=outlet))
        for i, outlet in (("k1", "سكاي"), ("k2", "سكاي"), ("k3", "الحدث"))
    )
    claims = (
        Claim(
            "c1",
            "أ",
            None,
            "ev",
            (ClaimSource("k1", "q", "asserted"), ClaimSource("k3", "q", "denied")),
        ),
        Claim("c2", "ب", None, "ev", (ClaimSource("k2", "q", "asserted"),)),
        Claim("c3", "ج", None, "ev", (ClaimSource("k2", "q", "hedged"),)),
    )
    html = render_html(
        Dossier(
            articles=arts,
            events=(Event("ev", "حدث", ("k1", "k2", "k3"), date=date(2025, 8, 15)),),
            claims=claims,
        )
    )
    outlets = re.findall(r'<details class="outlet" id="outlet-(o\d)".*?</details>', html, re.S)
    assert outlets == ["o1", "o2"]  # the outlet with more articles first
    sky = re.search(r'<details class="outlet" id="outlet-o1".*?</details>', html, re.S)
    assert sky and "سكاي" in sky.group()
    counts = re.findall(r'stance-(\w+)"[^>]*>[^<]*</span></th><td>(\d+)</td>', sky.group())
    assert counts == [("asserted", "2"), ("hedged", "1")]
    assert "#article-k3" not in sky.group()


def test_flag_and_contradiction_details_are_arabic_and_name_outlets_not_ids() -> None:
    arts = (
        AnnotatedArticle(
            _article(
                "a652a83342c9",
                date(2018, 5, 14),
                "قتلى في غزة",
                "قتل 60 فلسطينيا.",
                outlet="سكاي نيوز",
                flags=(
                    Flag("broken_paragraphs", "rejoined 3 paragraph(s) split mid-sentence"),
                    Flag(
                        "short_article",
                        "a brief: the record's text has 145 characters, fewer than "
                        "clean.min_body_chars=150; kept because the record gives a title",
                    ),
                    Flag("mystery_flag", "some english words the page cannot translate"),
                ),
            )
        ),
        AnnotatedArticle(
            _article("a806ebe857e8", date(2018, 5, 14), "قتلى", "قتل 46 فلسطينيا.", outlet="CNN")
        ),
    )
    sides = (
        ClaimSource("a652a83342c9", "قتل 60", "asserted"),
        ClaimSource("a806ebe857e8", "قتل 46", "asserted"),
    )
    html = render_html(
        Dossier(
            articles=arts,
            events=(Event("ev", "حدث", ("a652a83342c9", "a806ebe857e8"), date=date(2018, 5, 14)),),
            claims=(Claim("c1", "قتل فلسطينيون", None, "ev", sides),),
            contradictions=(
                Contradiction(
                    "x1",
                    "number",
                    "a652a83342c9 gives 60 and a806ebe857e8 gives 46 (قتل|فلسطين)",
                    "c1",
                    sides,
                ),
            ),
            flags=(
                ArticleFlag(
                    "a806ebe857e8",
                    Flag(
                        "contested_claim",
                        "a652a83342c9 differs "
                        "(a652a83342c9 gives 60 and a806ebe857e8 gives 46 (قتل|فلسطين))",
                    ),
                ),
            ),
        )
    )
    shown = re.findall(
        r'<strong class="flag">[^<]*</strong>(?: <span class="muted">— ([^<]*)</span>)?', html
    )
    shown += re.findall(r'<strong class="flag">[^<]*</strong>: ([^<]*)', html)
    details = [d for d in shown if d]
    assert any("60" in d and "46" in d and "سكاي نيوز" in d and "CNN" in d for d in details)
    assert any("(عددها 3)" in d for d in details)
    assert any("145 حرفًا" in d for d in details)
    for detail in details:
        assert "a652a83342c9" not in detail and "a806ebe857e8" not in detail
        assert not re.search(r"[A-Za-z]{3,}", detail.replace("CNN", "")), detail
    assert "some english words" not in html
    assert "clean.min_body_chars" not in html
    assert "تنبيه آخر" in html  # an unknown flag kind still gets an Arabic label


def test_input_errors_are_given_in_arabic_with_the_technical_text_only_when_unknown() -> None:
    html = render_html(
        Dossier(
            articles=(),
            errors=(Failure("empty.txt", "empty file"), Failure("odd.bin", "something unforeseen")),
        )
    )
    section = re.search(r'<section id="errors">.*?</section>', html, re.S)
    assert section
    rows = re.findall(r"<tr><td[^>]*>([^<]*)</td><td>(.*?)</td></tr>", section.group(), re.S)
    reasons = dict(rows)
    assert reasons["empty.txt"] == "الملف فارغ."
    assert reasons["odd.bin"].startswith("تعذّر تحليل هذا المدخل.")
    assert "التفاصيل التقنية" in reasons["odd.bin"] and "something unforeseen" in reasons["odd.bin"]


def test_large_dossiers_drop_body_highlights_but_keep_every_body() -> None:
    def dossier(n: int) -> Dossier:
        text = "زار بوتين موسكو أمس."
        start = text.index("بوتين")
        return Dossier(
            articles=tuple(
                AnnotatedArticle(
                    _article(f"b{i}", date(2018, 5, 8), f"عنوان {i}", text),
                    (Mention("بوتين", "PER", start, start + 5),),
                )
                for i in range(n)
            )
        )

    small = render_html(dossier(3))
    assert small.count('<mark class="ent-PER">بوتين</mark>') == 3
    n = LARGE_DOSSIER_ARTICLES + 1
    large = render_html(dossier(n))
    assert '<mark class="ent-PER">بوتين</mark>' not in large
    assert large.count("زار بوتين موسكو أمس.") == n
    assert len(large.encode()) / n < 4_000  # bytes per (short) article: no per-article blow-up
