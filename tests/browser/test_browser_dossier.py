"""The HTML dossier file, opened from a file:// URL in a real chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browser_dossiers import hostile_dossier
from browser_support import XSS_IMG, XSS_PAGE, XSS_SCRIPT, Tab

from khabar.model import Dossier
from khabar.report.html import render_html

pytestmark = pytest.mark.browser


def _write(dossier: Dossier, folder: Path) -> str:
    path = folder / "dossier.html"
    path.write_text(render_html(dossier), encoding="utf-8")
    return path.as_uri()


@pytest.fixture(scope="module")
def seed_dossier(seeds_dir: Path) -> Dossier:
    """The dossier of the five seed pages, through the whole pipeline."""
    import khabar

    return khabar.analyze([seeds_dir])


def _dated(dossier: Dossier) -> list[str]:
    return [e.id for e in dossier.events if e.date or e.date_range or e.not_before or e.not_after]


def test_seed_dossier_shows_the_timeline_with_its_events_and_the_summaries(
    seed_dossier: Dossier, tab: Tab, tmp_path: Path
) -> None:
    page = tab.page
    page.goto(_write(seed_dossier, tmp_path))
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    dated = _dated(seed_dossier)
    assert dated, "the seed pages should give at least one dated event"
    svg = page.locator("#stories svg.timeline").first
    svg.wait_for(state="visible")
    box = svg.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 40
    rows = page.locator("#stories svg.timeline .timeline-row")
    drawn = rows.evaluate_all("els => els.map(e => e.dataset.event)")
    assert sorted(drawn) == sorted(dated)
    (story,) = seed_dossier.stories
    assert drawn == [e for e in story.events if e in dated]  # in the story's time order
    for i in range(rows.count()):  # every event is drawn as a dot or a range bar, on screen
        mark = rows.nth(i).locator("circle, rect").first
        mark_box = mark.bounding_box()
        assert mark_box is not None and mark_box["width"] > 0
        assert box["x"] <= mark_box["x"] <= box["x"] + box["width"]
    sentences = [s for e in seed_dossier.events for s in e.summary]
    assert sentences, "the seed events should have summaries"
    items = page.locator("ol.summary > li")
    assert items.count() == len(sentences)
    shown = " ".join(items.all_inner_texts())
    for sentence in sentences:
        assert sentence.text[:40] in shown
    tab.shot("seed-dossier-top")
    tab.shot("seed-dossier-timeline", "#stories svg.timeline")
    tab.shot("seed-dossier-first-event", "article.event")
    assert page.locator("ol.summary").first.is_visible()
    assert tab.errors == []


def test_hostile_page_text_cannot_run_script_in_the_dossier_file(tab: Tab, tmp_path: Path) -> None:
    payload = f"{XSS_SCRIPT}{XSS_IMG}"
    page = tab.page
    page.goto(_write(hostile_dossier(payload), tmp_path))
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # an injected <img onerror> fires once the image load fails
    assert tab.pwned() is None
    assert tab.dialogs == []
    assert page.locator("body script, body img").count() == 0
    assert XSS_SCRIPT in page.inner_text("body")  # shown as text, not run
    for link in page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
        assert not link.lower().startswith("javascript:"), link
    tab.shot("hostile-dossier-file-top")
    tab.shot("hostile-dossier-file-claims", "article.event")


def test_hostile_page_through_the_pipeline_cannot_run_script(tab: Tab, tmp_path: Path) -> None:
    import khabar

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "hostile.txt").write_text(XSS_PAGE, encoding="utf-8")
    dossier = khabar.analyze([pages])
    assert dossier.articles, dossier.errors
    page = tab.page
    page.goto(_write(dossier, tmp_path))
    page.wait_for_timeout(300)
    assert tab.pwned() is None
    assert tab.dialogs == []
    assert page.locator("body script, body img").count() == 0
    body: Any = page.inner_text("body")
    assert "window.__pwned=1" in body  # the page's text is kept, as text
