"""Finding your way in a real pile: the HTML dossier of 400+ ANT articles in a real chromium.

The pile is three consecutive days of ANT's Middle East and international news (2018-05-08 …
2018-05-10: 399 articles, outside the reserved days and the labelled development and held-out
days) plus two hostile pages, analysed once per session by the whole pipeline. That analysis
takes 20 s of CPU on a quiet machine (80 s wall-clock on the shared 2-core one), so those tests
are marked ``slow``; they skip when ../shared (the ANT archive) or chromium is absent. A small
dossier built from the model checks the same behaviour quickly, unmarked.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser_support import XSS_IMG, XSS_PAGE, XSS_SCRIPT, Tab

from khabar.report.html import render_dossier_dict
from khabar.report.timeline import LONG_RANGE_DAYS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ANT_DAYS = frozenset({"2018-05-08", "2018-05-09", "2018-05-10"})
MIN_ARTICLES = 400
DESKTOP = {"width": 1400, "height": 1000}
PHONE = {"width": 400, "height": 860}
SEARCH_WAIT_MS = 600
"""The page filters 150 ms after the last key; this leaves room for a slow machine."""
DATE_FIELDS = ("date", "date_range", "not_before", "not_after")
AXIS_SLACK_DAYS = 3
"""Padding the axis may add beyond the events' days on each side (4 % of the span, at least a
day; three days around a single day)."""


def _load_ant_module() -> Any:
    path = ROOT / "scripts" / "ant_devset.py"
    spec = importlib.util.spec_from_file_location("ant_devset", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("ant_devset", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def ant_pile(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The dossier dict of the ANT days and the hostile pages, and its HTML file's URL."""
    import khabar

    ant = _load_ant_module()
    records = ant.load_ant(shared_dir / "data" / "ant", days=set(ANT_DAYS))
    folder = tmp_path_factory.mktemp("ant-pile")
    with (folder / "ant.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            published = record["published"]
            line = {
                "url": record["url"],
                "title": record["title"],
                "text": record["text"],
                "published": published.isoformat() if published else None,
                "outlet": record["outlet"],
            }
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        hostile = {
            "url": "https://example.org/x",
            "title": f"خبر عاجل {XSS_IMG}",
            "text": XSS_PAGE,
            "published": "2018-05-09",
            "outlet": f"موقع {XSS_SCRIPT}",
        }
        handle.write(json.dumps(hostile, ensure_ascii=False) + "\n")
    (folder / "hostile.txt").write_text(XSS_PAGE, encoding="utf-8")
    dossier = khabar.analyze([folder / "ant.jsonl", folder / "hostile.txt"])
    data = dossier.to_dict()
    page = folder / "dossier.html"
    page.write_text(render_dossier_dict(data), encoding="utf-8")
    return {"data": data, "url": page.as_uri(), "records": len(records)}


@pytest.fixture()
def opened(tab: Tab, ant_pile: dict[str, Any]) -> Iterator[Tab]:
    """The ANT dossier open at desktop width, its script started."""
    tab.page.set_viewport_size(DESKTOP)
    tab.page.goto(ant_pile["url"])
    tab.page.locator("#tools").wait_for(state="visible")
    yield tab
    assert tab.errors == []


def _visible(tab: Tab, unit: str) -> int:
    return int(
        tab.page.evaluate(
            "u => document.querySelectorAll(`[data-unit='${u}']:not([hidden])`).length", unit
        )
    )


def _story_sizes(data: dict[str, Any]) -> dict[str, int]:
    articles_of = {e["id"]: e["articles"] for e in data["events"]}
    return {
        s["id"]: len({a for e in s["events"] for a in articles_of.get(e, [])})
        for s in data["stories"]
    }


@pytest.mark.slow
def test_the_pile_is_big_and_the_biggest_story_comes_first_open(
    opened: Tab, ant_pile: dict[str, Any]
) -> None:
    data = ant_pile["data"]
    assert len(data["articles"]) >= MIN_ARTICLES
    sizes = _story_sizes(data)
    stories = opened.page.locator("details[data-unit='story']")
    first = stories.nth(0)
    assert sizes[first.get_attribute("data-story") or ""] == max(sizes.values())
    assert first.evaluate("d => d.open") is True
    assert stories.nth(1).evaluate("d => d.open") is False
    shown = [
        s.get_attribute("data-story") for s in stories.all()[:10] if s.get_attribute("data-story")
    ]
    assert [sizes[s] for s in shown] == sorted((sizes[s] for s in shown), reverse=True)
    opened.shot("nav-ant-desktop-top")
    opened.page.locator("details[data-unit='story']").first.locator(
        "svg"
    ).scroll_into_view_if_needed()
    opened.shot("nav-ant-desktop-first-story")


def _fold(text: str) -> str:
    """Arabic folded as the page's search folds it (hamza forms, ta marbuta, alef maqsura)."""
    text = re.sub("[\u064b-\u065f\u0670\u0640]", "", text)
    return text.translate(str.maketrans("أإآٱةىؤئ", "ااااهيوي"))


def _rare_claim_word(data: dict[str, Any], skip_story: str) -> tuple[str, str]:
    """A claim of a collapsed story and one of its words found in at most two claims and in no
    event or story title (a title that matches shows all its claims)."""
    texts = [_fold(c["text"]) for c in data["claims"]]
    titles = " ".join(_fold(x.get("title") or "") for x in (*data["events"], *data["stories"]))
    story_of = {e["id"]: e.get("story") for e in data["events"]}
    for claim in data["claims"]:
        if story_of.get(claim["event"]) in (None, skip_story):
            continue
        for word in sorted(set(re.findall("[\u0621-\u064a]{6,}", _fold(claim["text"]))), key=len):
            if word not in titles and sum(word in t for t in texts) <= 2:
                return claim["id"], word
    raise AssertionError("no claim with a rare word")


@pytest.mark.slow
def test_search_finds_a_claim_by_one_word(opened: Tab, ant_pile: dict[str, Any]) -> None:
    page = opened.page
    first_story = page.locator("details[data-unit='story']").first.get_attribute("data-story")
    claim_id, word = _rare_claim_word(ant_pile["data"], first_story or "")
    claim = page.locator(f"[id='claim-{claim_id}']")
    assert not claim.is_visible()  # inside a collapsed story
    total = _visible(opened, "claim")
    page.locator("#q").fill(word)
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert claim.is_visible()
    shown = _visible(opened, "claim")
    assert 1 <= shown <= 2 < total
    assert page.locator("#f-count").inner_text().startswith("يظهر")
    claim.scroll_into_view_if_needed()
    opened.shot("nav-ant-desktop-search")
    page.locator("#tools button[type=reset]").click()
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert _visible(opened, "claim") == total


@pytest.mark.slow
def test_filters_by_outlet_and_by_entity_narrow_the_view(
    opened: Tab, ant_pile: dict[str, Any]
) -> None:
    page, data = opened.page, ant_pile["data"]
    total = _visible(opened, "article")
    assert total == len(data["articles"])
    # The second-largest outlet: its articles alone remain.
    option = page.locator("#f-outlet option").nth(2)
    key, label = option.get_attribute("value"), option.inner_text()
    name = label.rsplit(" (", 1)[0]
    expected = sum(1 for a in data["articles"] if a.get("outlet") == name)
    assert expected > 0
    page.select_option("#f-outlet", key)
    assert _visible(opened, "article") == expected < total
    sources = page.evaluate(
        """() => [...document.querySelectorAll("[data-unit='claim']:not([hidden])")]
               .map(c => c.dataset.sources.split(' ').map(s => s.split(':')[0]))"""
    )
    outlet_of = {a["id"]: a.get("outlet") for a in data["articles"]}
    assert sources and all(any(outlet_of[a] == name for a in ids) for ids in sources)
    outlets_shown = page.locator("[data-unit='outlet']:not([hidden])")
    assert outlets_shown.count() == 1 and outlets_shown.first.get_attribute("data-outlet") == key
    opened.shot("nav-ant-desktop-outlet")
    page.select_option("#f-outlet", "")
    # The most-cited entity: only its articles remain.
    entity_id = page.locator("#f-entity option").nth(1).get_attribute("value")
    (entity,) = [e for e in data["entities"] if e["id"] == entity_id]
    page.select_option("#f-entity", entity_id)
    narrowed = _visible(opened, "article")
    assert 0 < narrowed == len(set(entity["articles"])) < total
    assert page.locator(f"[id='entity-{entity_id}']").is_visible()
    both_key = page.locator("#f-outlet option").nth(1).get_attribute("value")
    page.select_option("#f-outlet", both_key)
    assert _visible(opened, "article") <= narrowed


def _anchor_days(event: dict[str, Any]) -> tuple[date, date] | None:
    """The days an event firmly falls on: its day, or a range of at most a month."""
    if event.get("date"):
        day = date.fromisoformat(event["date"])
        return day, day
    lo, hi = event.get("date_range") or (None, None)
    if lo and hi and (date.fromisoformat(hi) - date.fromisoformat(lo)).days <= LONG_RANGE_DAYS:
        return date.fromisoformat(lo), date.fromisoformat(hi)
    return None


@pytest.mark.slow
def test_the_biggest_story_timeline_axis_spans_its_events_days(
    opened: Tab, ant_pile: dict[str, Any]
) -> None:
    page, data = opened.page, ant_pile["data"]
    story = page.locator("details[data-unit='story']").first
    svg = story.locator("svg.timeline")
    start = date.fromisoformat(svg.get_attribute("data-axis-start") or "")
    end = date.fromisoformat(svg.get_attribute("data-axis-end") or "")
    (own,) = [s for s in data["stories"] if s["id"] == story.get_attribute("data-story")]
    events = {e["id"]: e for e in data["events"]}
    anchors = [a for a in (_anchor_days(events[e]) for e in own["events"]) if a]
    assert anchors
    first, last = min(a[0] for a in anchors), max(a[1] for a in anchors)
    assert start <= first and last <= end
    slack = max(AXIS_SLACK_DAYS, round((last - first).days * 0.04) + 1)
    assert (first - start).days <= slack and (end - last).days <= slack
    drawn = svg.locator(".timeline-row")
    dated = [e for e in own["events"] if any(events[e].get(k) for k in DATE_FIELDS)]
    assert sorted(drawn.evaluate_all("rows => rows.map(r => r.dataset.event)")) == sorted(dated)
    box = svg.bounding_box()
    assert box is not None and box["width"] > 600
    for i in range(drawn.count()):
        mark = drawn.nth(i).locator("circle, rect").first.bounding_box()
        assert mark is not None and box["x"] <= mark["x"] <= box["x"] + box["width"]
    svg.scroll_into_view_if_needed()
    opened.shot("nav-ant-desktop-timeline", "details[data-unit='story'] svg.timeline")


@pytest.mark.slow
def test_no_page_script_runs_in_the_pile(opened: Tab) -> None:
    page = opened.page
    page.wait_for_timeout(300)  # an injected <img onerror> would fire once its load fails
    assert opened.pwned() is None
    assert opened.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert page.locator("head script").count() == 1
    page.locator("#q").fill("pwned")
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert _visible(opened, "article") >= 1  # the hostile pages, found and shown as text
    hostile = page.locator("[data-unit='article']:not([hidden])").first
    hostile.locator("summary").click()
    assert "__pwned" in hostile.inner_text()
    opened.shot("nav-ant-desktop-hostile")
    page.wait_for_timeout(300)
    assert opened.pwned() is None


@pytest.mark.slow
def test_phone_width_keeps_the_claims_readable_and_the_page_unscrolled(
    opened: Tab,
) -> None:
    page = opened.page
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    opened.shot("nav-ant-phone-top")
    claim = page.locator("details[data-unit='story']").first.locator(".claim-text").first
    claim.scroll_into_view_if_needed()
    box = claim.bounding_box()
    assert box is not None and box["width"] >= PHONE["width"] * 0.7  # not a sliver of letters
    opened.shot("nav-ant-phone-claims")
    sources = page.locator("details[data-unit='story'] details.sources").first
    sources.evaluate("d => { d.open = true; }")
    table = sources.locator("table.stack")
    widths = (
        table.locator("tbody tr")
        .first.locator("td")
        .evaluate_all("cells => cells.map(c => c.getBoundingClientRect().width)")
    )
    assert widths and min(widths) >= PHONE["width"] * 0.6  # rows stack: each cell a full line
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.overflowWrap, s.wordBreak]; }"
    )
    assert style == ["break-word", "normal"]  # whole words wrap; none is split mid-letter
    page.set_viewport_size(DESKTOP)


# --- a small dossier from the model: the same behaviour, quickly --------------------------------


def _small_dossier() -> Any:
    """Two stories: a big one (three articles of two outlets) and a small one, with claims of
    several stances and one entity."""
    from khabar.model import (
        AnnotatedArticle,
        Article,
        Claim,
        ClaimSource,
        Dossier,
        EntityRecord,
        Event,
        Story,
    )

    def article(art_id: str, outlet: str, day: int, title: str) -> Article:
        return Article(
            id=art_id,
            source=f"{art_id}.html",
            title=title,
            published=date(2018, 5, day),
            outlet=outlet,
            language="ar",
            paragraphs=(f"{title}. نص الخبر كاملًا.",),
        )

    arts = (
        article("b1", "سكاي نيوز", 8, "غارات على مواقع في سوريا"),
        article("b2", "فرانس 24", 9, "إسرائيل تعلن ضرب أهداف"),
        article("b3", "سكاي نيوز", 9, "دمشق تتحدث عن صواريخ"),
        article("s1", "فرانس 24", 10, "انتخابات ماليزيا"),
    )
    claims = (
        Claim(
            "c-strike",
            "ضربت الطائرات عشرات المواقع",
            None,
            "ev-strike",
            (ClaimSource("b1", "ضربت", "asserted"), ClaimSource("b2", "قيل", "reported")),
        ),
        Claim(
            "c-deny",
            "لم تسقط أي صواريخ داخل المدينة",
            None,
            "ev-strike",
            (ClaimSource("b3", "نفى", "denied"),),
        ),
        Claim(
            "c-vote",
            "فاز تحالف المعارضة بأغلبية البرلمان",
            None,
            "ev-vote",
            (ClaimSource("s1", "فاز", "attributed"),),
        ),
    )
    return Dossier(
        articles=tuple(AnnotatedArticle(a) for a in arts),
        events=(
            Event(
                "ev-strike", "الغارات", ("b1", "b2", "b3"), date=date(2018, 5, 9), story="st-big"
            ),
            Event("ev-vote", "الانتخابات", ("s1",), date=date(2018, 5, 10), story="st-small"),
        ),
        stories=(
            Story("st-small", "ماليزيا", ("ev-vote",)),
            Story("st-big", "سوريا", ("ev-strike",)),
        ),
        entities=(EntityRecord("e-syria", "سوريا", "LOC", ("سوريا",), ("b1", "b3")),),
        claims=claims,
    )


@pytest.fixture()
def small(tab: Tab, tmp_path: Path) -> Iterator[Tab]:
    from khabar.report.html import render_html

    path = tmp_path / "dossier.html"
    path.write_text(render_html(_small_dossier()), encoding="utf-8")
    tab.page.goto(path.as_uri())
    tab.page.locator("#tools").wait_for(state="visible")
    yield tab
    assert tab.errors == []


def test_small_dossier_search_opens_the_story_holding_the_claim_and_reset_folds_it(
    small: Tab,
) -> None:
    page = small.page
    stories = page.locator("details[data-unit='story']")
    assert [stories.nth(i).get_attribute("data-story") for i in range(2)] == ["st-big", "st-small"]
    vote = page.locator("#claim-c-vote")
    assert not vote.is_visible()
    page.locator("#q").fill("تحالف")
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert vote.is_visible()
    assert _visible(small, "claim") == 1
    assert page.locator("#f-count").inner_text() == "يظهر: 1 قصة، 1 حدثًا، 1 ادعاءً، 0 مقالًا."
    page.locator("#q").fill("اغلبيه البرلمان")  # folded: أغلبية → اغلبيه; both words occur
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert vote.is_visible() and _visible(small, "claim") == 1
    page.locator("#q").fill("تحالف زلزال")  # every word must occur
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert _visible(small, "claim") == 0
    page.locator("#tools button[type=reset]").click()
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert not vote.is_visible() and _visible(small, "claim") == 3
    assert page.locator("#f-count").inner_text() == ""


def test_small_dossier_stance_outlet_and_entity_filters(small: Tab) -> None:
    page = small.page
    page.select_option("#f-stance", "denied")
    assert page.evaluate(
        "() => [...document.querySelectorAll(\"[data-unit='claim']:not([hidden])\")].map(c => c.id)"
    ) == ["claim-c-deny"]
    assert _visible(small, "article") == 1
    page.select_option("#f-stance", "")
    outlet = page.locator("#f-outlet option", has_text="فرانس 24").get_attribute("value")
    page.select_option("#f-outlet", outlet)
    assert _visible(small, "article") == 2
    assert sorted(
        page.evaluate(
            "() => [...document.querySelectorAll(\"[data-unit='claim']:not([hidden])\")]"
            ".map(c => c.id)"
        )
    ) == ["claim-c-strike", "claim-c-vote"]
    rows = page.locator("#event-ev-strike tr[data-row]:not([hidden])")
    assert rows.count() == 1  # the sources table keeps only that outlet's article
    page.select_option("#f-outlet", "")
    entity = page.locator("#entity-e-syria")
    entity.locator("summary").click()
    entity.locator("button[data-pick-entity]").click()
    assert page.locator("#f-entity").input_value() == "e-syria"
    assert _visible(small, "article") == 2
    assert page.locator("#story-st-small").is_hidden()


def test_small_dossier_a_link_into_a_collapsed_section_opens_it(small: Tab) -> None:
    page = small.page
    assert not page.locator("#event-ev-vote").is_visible()
    page.evaluate("() => { location.hash = '#event-ev-vote'; }")
    page.wait_for_timeout(200)
    assert page.locator("#event-ev-vote").is_visible()
    link = page.locator("#event-ev-strike a.cite[href='#article-b1']")
    link.click()
    assert page.locator("#article-b1").evaluate("d => d.open") is True


def test_small_dossier_language_button_switches_labels_and_back(small: Tab) -> None:
    page = small.page
    heading = page.locator("#stories h2")
    badge = page.locator("#claim-c-deny .badge").first
    assert heading.inner_text() == "القصص" and badge.inner_text() == "يورد نفيه"
    page.locator("#lang-toggle").click()
    assert heading.inner_text() == "Stories" and badge.inner_text() == "reports a denial"
    assert page.locator("#q").get_attribute("placeholder", timeout=1000).startswith("A word")
    page.select_option("#f-stance", "denied")
    assert page.locator("#f-count").inner_text().startswith("Showing 1 stories")
    small.shot("nav-small-english")
    page.locator("#lang-toggle").click()
    assert heading.inner_text() == "القصص" and badge.inner_text() == "يورد نفيه"
    assert page.locator("#f-count").inner_text().startswith("يظهر")


# --- a pile split into an index and one page per story ------------------------------------------


def _write_pages(data: dict[str, Any], folder: Path, split_above: int) -> Path:
    """Write the split HTML dossier of ``data`` into ``folder``; return the index's path."""
    from khabar.report.pages import INDEX_NAME, render_pages

    files = render_pages(data, INDEX_NAME, split_above)
    assert len(files) > 1
    for name, html in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(html, encoding="utf-8")
    return folder / INDEX_NAME


def _follow_first_story(tab: Tab) -> str:
    """On an open index, click the first story's link; return that story's id."""
    page = tab.page
    first = page.locator("li[data-unit='story']").first
    story_id = first.get_attribute("data-story") or ""
    first.locator("h3 a").click()
    page.wait_for_load_state()
    page.locator("#tools").wait_for(state="visible")
    assert page.url.split("#")[0].endswith(".html") and "_stories/" in page.url
    return story_id


def test_small_split_dossier_index_leads_to_a_story_page_and_stays_inert(
    tab: Tab, tmp_path: Path
) -> None:
    from browser_dossiers import hostile_dossier

    payload = XSS_SCRIPT + XSS_IMG
    index = _write_pages(hostile_dossier(payload).to_dict(), tmp_path, 0)
    page = tab.page
    page.goto(index.as_uri())
    page.locator("#tools").wait_for(state="visible")
    page.wait_for_timeout(300)
    assert tab.pwned() is None and tab.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert payload in page.locator("li[data-unit='story']").first.inner_text()  # shown as text
    page.locator("#q").fill("pwned zzzz")  # no story, entity or outlet has both words
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert _visible(tab, "story") == 0
    page.locator("#q").fill("pwned")
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert _visible(tab, "story") == 1
    _follow_first_story(tab)
    page.wait_for_timeout(300)
    assert tab.pwned() is None and tab.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert page.locator("details[data-unit='story'] svg.timeline .timeline-row").count() >= 1
    page.locator("a", has_text="فهرس الملف").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/dossier.html")
    assert tab.errors == []


SPLIT_ANT_ABOVE = 100
"""The 400-article ANT pile is split as a bigger pile would be (the default is 500)."""


@pytest.mark.slow
def test_the_pile_split_into_pages_index_search_story_page_and_timeline(
    tab: Tab, ant_pile: dict[str, Any], tmp_path: Path
) -> None:
    data = ant_pile["data"]
    index = _write_pages(data, tmp_path, SPLIT_ANT_ABOVE)
    page = tab.page
    page.set_viewport_size(DESKTOP)
    page.goto(index.as_uri())
    page.locator("#tools").wait_for(state="visible")
    sizes = _story_sizes(data)
    rows = page.locator("li[data-unit='story']")
    assert rows.count() == len(data["stories"])
    assert sizes[rows.first.get_attribute("data-story") or ""] == max(sizes.values())
    tab.shot("pages-ant-index-desktop")
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    tab.shot("pages-ant-index-phone")
    page.set_viewport_size(DESKTOP)
    # Search narrows the stories to those whose title, names or outlets hold the word.
    title = rows.first.locator("h3 a").inner_text()
    word = max(title.split(), key=len)
    page.locator("#q").fill(word)
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert 1 <= _visible(tab, "story") < len(data["stories"])
    page.wait_for_timeout(300)
    assert tab.pwned() is None
    story_id = _follow_first_story(tab)
    story = page.locator("details[data-unit='story']")
    assert story.count() == 1 and story.get_attribute("data-story") == story_id
    svg = story.locator("svg.timeline")
    assert svg.is_visible() and svg.locator(".timeline-row").count() >= 1
    box = svg.bounding_box()
    assert box is not None and box["width"] > 600
    tab.shot("pages-ant-story-desktop")
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(200)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    tab.shot("pages-ant-story-phone")
    page.wait_for_timeout(300)
    assert tab.pwned() is None and tab.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert tab.errors == []


def test_small_split_dossier_index_filters_stories_by_outlet_and_day(
    tab: Tab, tmp_path: Path
) -> None:
    index = _write_pages(_small_dossier().to_dict(), tmp_path, 0)
    page = tab.page
    page.goto(index.as_uri())
    page.locator("#tools").wait_for(state="visible")

    def shown(unit: str) -> list[str | None]:
        rows = page.locator(f"[data-unit='{unit}']:not([hidden])")
        return [rows.nth(i).get_attribute("id") for i in range(rows.count())]

    assert shown("story") == ["story-st-big", "story-st-small"]
    day = page.locator("#f-day option", has_text="10 مايو").get_attribute("value")
    page.select_option("#f-day", day)
    assert shown("story") == ["story-st-small"]
    assert shown("entity") == []  # سوريا is named on the 8th and 9th only
    page.select_option("#f-day", "")
    outlet = page.locator("#f-outlet option", has_text="سكاي نيوز").get_attribute("value")
    page.select_option("#f-outlet", outlet)
    assert shown("story") == ["story-st-big"] and shown("entity") == ["entity-e-syria"]
    assert page.locator("#f-count").inner_text() == "يظهر: 1 قصة، 1 كيانًا، 1 موقعًا."
    page.locator("#tools button[type=reset]").click()
    page.wait_for_timeout(SEARCH_WAIT_MS)
    assert len(shown("story")) == 2 and page.locator("#f-count").inner_text() == ""
    assert tab.errors == []
