"""The HTML dossier of a big pile: an index page plus one page per story (khabar.report.pages),
and the folds that keep one page short (events beyond the first few, entities beyond the top)."""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from test_html import _parse  # the page parser of the one-page tests

from khabar.model import (
    AnnotatedArticle,
    Article,
    Dossier,
    Event,
    Story,
)
from khabar.report.html import SHOWN_EVENTS, TOP_ENTITIES, page_script, render_dossier_dict
from khabar.report.pages import (
    INDEX_NAME,
    SPLIT_ABOVE_ARTICLES,
    render_pages,
    should_split,
    story_folder,
)
from khabar.report.write import write_outputs

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
INDEX_BYTES_2000 = 800_000
"""Largest index of the synthetic 2,000-article pile (100 stories, 1,000 entities, escaped hostile
text in every name): measured 732 KB, most of it the 1,000 one-line entity rows (440 KB without
the hostile text); the one page of the same pile is more than ten times bigger."""


def synthetic(articles: int, per_story: int = 20, payload: str = "") -> dict[str, Any]:
    """A dossier dict of ``articles`` articles in stories of ``per_story``, two articles an event
    (each with a claim reported two ways), half as many entities as articles, ``payload`` in
    every title."""
    arts, events, stories, claims = [], [], [], []
    for k in range(articles):
        arts.append(
            {
                "id": f"a{k}",
                "source": f"a{k}.html",
                "title": f"عنوان المقال {k} {payload}",
                "published": (date(2018, 5, 8) + timedelta(days=k % 5)).isoformat(),
                "outlet": f"موقع {k % 17} {payload}",
                "language": "ar",
                "text": "نص الخبر وفيه جملة عن الحدث. " * 30 + f"\nفقرة ثانية {payload}",
            }
        )
    for first in range(0, articles, per_story):
        story_id = f"st{first // per_story}"
        own = []
        for offset in range(0, min(per_story, articles - first) - 1, 2):
            event_id = f"ev{first + offset}"
            ids = [f"a{first + offset}", f"a{first + offset + 1}"]
            events.append(
                {
                    "id": event_id,
                    "title": f"حدث {event_id} {payload}",
                    "articles": ids,
                    "date": arts[first + offset]["published"],
                    "story": story_id,
                    "participants": [f"e{(first + offset) // 2}"],
                    "summary": [{"text": f"جملة الملخص {payload}", "article": ids[0], "also": []}],
                }
            )
            claims.append(
                {
                    "id": f"c-{event_id}",
                    "text": f"ادعاء {event_id} {payload}",
                    "speaker": None,
                    "event": event_id,
                    "sources": [
                        {"article": ids[0], "quote": "قال", "stance": "asserted"},
                        {"article": ids[1], "quote": "نفى", "stance": "denied"},
                    ],
                }
            )
            own.append(event_id)
        stories.append({"id": story_id, "title": f"قصة {first} {payload}", "events": own})
    entities = [
        {
            "id": f"e{k}",
            "name": f"كيان {k} {payload}",
            "type": "PER",
            "variants": [],
            "articles": [f"a{k}", f"a{(k * 7) % articles}"],
        }
        for k in range(articles // 2)
    ]
    loose = {"id": "c-loose", "text": f"ادعاء خارج الأحداث {payload}", "event": None, "sources": []}
    return {
        "articles": arts,
        "events": events,
        "stories": stories,
        "entities": entities,
        "claims": [*claims, loose],
        "contradictions": [],
        "errors": [{"source": f"bad{payload}.html", "error": "empty page"}],
    }


def _hrefs(page: Any) -> list[str]:
    return [str(a["href"]) for _, a in page.tags if a.get("href")]


@pytest.fixture(scope="module")
def split() -> dict[str, str]:
    """The pages of the synthetic 2,000-article pile, hostile text in every title."""
    return render_pages(synthetic(2000, payload=SCRIPT + IMG))


def test_the_pile_at_or_below_the_threshold_stays_one_page() -> None:
    data = synthetic(40)
    assert not should_split(data, 40) and should_split(data, 39)
    assert list(render_pages(data, split_above=40)) == [INDEX_NAME]
    assert render_pages(data, split_above=40)[INDEX_NAME] == render_dossier_dict(data)
    assert list(render_pages(data, split_above=None)) == [INDEX_NAME]
    assert len(render_pages(data, split_above=39)) > 1
    assert not should_split(synthetic(SPLIT_ABOVE_ARTICLES))
    assert should_split(synthetic(SPLIT_ABOVE_ARTICLES + 1))


def test_every_story_has_its_page_and_the_index_comes_last(split: dict[str, str]) -> None:
    folder = story_folder(INDEX_NAME)
    assert folder == "dossier_stories"
    assert list(split)[-1] == INDEX_NAME
    pages = [name for name in split if name != INDEX_NAME]
    assert all(name.startswith(folder + "/") for name in pages)
    assert {f"{folder}/story-st{k}.html" for k in range(100)} | {f"{folder}/other.html"} == set(
        pages
    )
    index = _parse(split[INDEX_NAME])
    linked = {urlsplit(h).path for h in _hrefs(index) if h.startswith(folder)}
    assert linked == set(pages)


def _resolve(page: str, href: str) -> tuple[str, str]:
    parts = urlsplit(href)
    target = (
        page
        if not parts.path
        else posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
    )
    return target, parts.fragment


def test_every_link_is_relative_and_resolves_to_an_element_of_a_written_page(
    split: dict[str, str],
) -> None:
    parsed = {name: _parse(html) for name, html in split.items()}
    checked = 0
    across = set()
    for name, page in parsed.items():
        for href in _hrefs(page):
            parts = urlsplit(href)
            if parts.scheme in ("http", "https"):  # an article's own address
                continue
            assert not parts.scheme and not parts.netloc and not href.startswith("/"), href
            target, fragment = _resolve(name, href)
            assert target in parsed, (name, href)
            if fragment:
                assert fragment in parsed[target].ids, (name, href)
            checked += 1
            if target != name:
                across.add((name == INDEX_NAME, target == INDEX_NAME))
    assert checked > 5_000
    assert across == {(True, False), (False, True)}  # index to story pages and back


def test_story_pages_hold_their_timeline_events_claims_sources_and_a_way_back(
    split: dict[str, str],
) -> None:
    html = split["dossier_stories/story-st3.html"]
    page = _parse(html)
    assert {f"event-ev{60 + k}" for k in range(0, 20, 2)} <= page.ids
    assert {f"claim-c-ev{60 + k}" for k in range(0, 20, 2)} <= page.ids
    assert {f"article-a{60 + k}" for k in range(20)} <= page.ids
    assert "article-a0" not in page.ids  # another story's article lives on its own page
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"') == 1
    assert '<a href="../dossier.html">' in html
    assert 'id="entities"' not in html and 'id="outlets"' not in html
    other = _parse(split["dossier_stories/other.html"])
    assert "claim-c-loose" in other.ids


def test_the_index_is_small_and_lists_stories_entities_outlets_and_errors(
    split: dict[str, str],
) -> None:
    index = split[INDEX_NAME]
    size = len(index.encode("utf-8"))
    single_html = render_dossier_dict(synthetic(2000, payload=SCRIPT + IMG))
    single = len(single_html.encode("utf-8"))
    assert size < INDEX_BYTES_2000 and size < single / 10
    page = _parse(index)
    assert {f"story-st{k}" for k in range(100)} <= page.ids
    assert {f"entity-e{k}" for k in range(1, 1000)} <= page.ids
    assert "entity-e0" not in page.ids  # one article (a0 twice): on its story page only
    assert 'id="entity-e0"' in split["dossier_stories/story-st0.html"]
    assert {f"outlet-o{k}" for k in range(1, 18)} <= page.ids
    assert 'id="errors"' in index and 'id="articles"' not in index
    assert "event-ev0" not in page.ids  # events live on the story pages
    stories = re.findall(r'data-unit="story" data-story="(st\d+)"', index)
    one_page = re.findall(r'data-unit="story" data-story="(st\d+)"', single_html)
    assert len(stories) == 100 and stories == one_page  # the one page's order: size, recency


def test_every_page_escapes_page_text_and_runs_only_the_hashed_script(
    split: dict[str, str],
) -> None:
    script = page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    for name in (INDEX_NAME, "dossier_stories/story-st0.html", "dossier_stories/other.html"):
        html = split[name]
        page = _parse(html)
        assert page.scripts == [script], name
        (csp,) = [
            a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
        ]
        assert f"script-src 'sha256-{digest}';" in str(csp)
        assert html.lower().count("<script") == 1
        assert not [t for t, _ in page.tags if t in {"img", "iframe", "link", "object"}]
        assert not [(t, k) for t, a in page.tags for k in a if k.lower().startswith("on")]
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert not [a for _, a in page.tags if "src" in a]


def _plain_article(k: int) -> AnnotatedArticle:
    """Article ``a<k>`` of one outlet and one day."""
    return AnnotatedArticle(
        Article(
            id=f"a{k}",
            source=f"a{k}.html",
            title=f"عنوان {k}",
            published=date(2018, 5, 8),
            outlet="موقع",
            language="ar",
            paragraphs=("نص.",),
        )
    )


def _long_story() -> Dossier:
    """One story of 30 one-article events."""
    events = tuple(
        Event(f"ev{k:02d}", f"حدث {k}", (f"a{k}",), date=date(2018, 5, 8), story="st")
        for k in range(30)
    )
    return Dossier(
        articles=tuple(_plain_article(k) for k in range(30)),
        events=events,
        stories=(Story("st", "قصة", tuple(e.id for e in events)),),
    )


def test_an_open_story_folds_its_events_beyond_the_first_under_their_count() -> None:
    from khabar.report.html import render_html

    html = render_html(_long_story())
    fold = re.search(r'<details class="more" data-fold>\s*<summary>(\d+) حدثًا آخر', html)
    assert fold and int(fold.group(1)) == 30 - SHOWN_EVENTS
    before = html[: fold.start()]
    assert before.count('<article class="event"') == SHOWN_EVENTS
    assert html.count('<article class="event"') == 30  # all there, the rest folded


def test_the_entity_section_lists_the_top_entities_and_folds_the_rest() -> None:
    html = render_dossier_dict(synthetic(2 * (TOP_ENTITIES + 25)))
    section = html[html.index('<section id="entities">') : html.index('<section id="outlets">')]
    fold = section.index('<details class="more" id="all-entities" data-fold>')
    assert section[:fold].count('<details class="entity"') == TOP_ENTITIES
    assert "(25 أخرى)" in section
    assert section.count('<details class="entity"') == TOP_ENTITIES + 25


def _dossier(articles: int) -> Dossier:
    """A model dossier of ``articles`` articles in stories of ten."""
    events = tuple(
        Event(f"ev{k}", f"حدث {k}", (f"a{k}",), date=date(2018, 5, 8), story=f"st{k // 10}")
        for k in range(articles)
    )
    stories = tuple(
        Story(f"st{s}", f"قصة {s}", tuple(e.id for e in events if e.story == f"st{s}"))
        for s in range(-(-articles // 10))
    )
    return Dossier(
        articles=tuple(_plain_article(k) for k in range(articles)), events=events, stories=stories
    )


def test_writing_a_split_dossier_puts_the_pages_beside_it_and_removes_stale_ones(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    written = write_outputs(_dossier(30), out, ["html"], split_above=20)
    assert written == [out / "dossier_stories", out / "dossier.html"]
    pages = sorted(p.name for p in (out / "dossier_stories").iterdir())
    assert pages == ["story-st0.html", "story-st1.html", "story-st2.html"]
    (out / "dossier_stories" / "notes.txt").write_text("mine", encoding="utf-8")
    write_outputs(_dossier(25), out, ["html"], split_above=20)
    pages = sorted(p.name for p in (out / "dossier_stories").iterdir())
    assert pages == ["notes.txt", "story-st0.html", "story-st1.html", "story-st2.html"]
    write_outputs(_dossier(15), out, ["html"], split_above=20)  # one page again
    assert sorted(p.name for p in (out / "dossier_stories").iterdir()) == ["notes.txt"]
    assert not list(out.rglob("*.tmp"))
    assert "story-st0.html" not in (out / "dossier.html").read_text(encoding="utf-8")
