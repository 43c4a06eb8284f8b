"""``khabar serve`` in a real chromium: upload, follow the job, read the dossier, stay inert."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from browser_dossiers import GATE_SECONDS, gated_analyzer, hostile_analyzer
from browser_support import XSS_IMG, XSS_PAGE, XSS_SCRIPT, LiveServer, Tab

pytestmark = pytest.mark.browser

PIPELINE_TIMEOUT_S = 180.0
"""Longest wait for the real pipeline to analyse the example pages in the app (2 slow cores)."""

JOB_OR_DOSSIER = re.compile(r"/(jobs|dossiers)/[0-9a-f-]+$")
"""Where an accepted upload lands: the job page, or the dossier when the job was quick."""

JOB_PAGE_TIMEOUT_MS = 20_000
"""Longest wait for the app to move between its pages (upload → job page → dossier)."""


def _example_pages(examples_dir: Path) -> list[Path]:
    pages = sorted(p for p in examples_dir.iterdir() if p.is_file() and p.suffix != ".md")
    if not pages:
        pytest.skip(f"{examples_dir} holds no example pages")
    return pages


def _upload(tab: Tab, server: LiveServer, files: Sequence[Path], label: str = "") -> None:
    page = tab.page
    page.goto(server.url + "/")
    page.set_input_files("#upload-form input[name=files]", [str(f) for f in files])
    if label:
        page.fill("#upload-form input[name=label]", label)
    page.click("#upload-form button[type=submit]")
    page.wait_for_url(JOB_OR_DOSSIER, timeout=JOB_PAGE_TIMEOUT_MS)


def _wait_for_dossier(tab: Tab, server: LiveServer, timeout_s: float) -> None:
    """Wait for the job of the current job page to end (failing at once if it failed), then
    for the page to move on to the dossier."""
    page = tab.page
    job_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    deadline = time.monotonic() + timeout_s
    status: dict[str, Any] = {}
    while time.monotonic() < deadline:
        status = page.request.get(f"{server.url}/api/jobs/{job_id}").json()
        if status["status"] in ("done", "failed"):
            break
        time.sleep(0.2)
    assert status.get("status") == "done", status
    page.wait_for_url("**/dossiers/*", timeout=JOB_PAGE_TIMEOUT_MS)


def test_upload_the_examples_follow_the_job_and_see_the_timeline(
    live_server: Callable[..., LiveServer], tab: Tab, examples_dir: Path
) -> None:
    server = live_server()
    page = tab.page
    page.goto(server.url + "/")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    tab.shot("app-home-empty")
    files = _example_pages(examples_dir)
    _upload(tab, server, files, label="أمثلة خبر")
    _wait_for_dossier(tab, server, PIPELINE_TIMEOUT_S)
    svg = page.locator(".timeline-figure svg").first
    svg.wait_for(state="visible")
    assert page.locator(".timeline-figure svg .timeline-row").count() >= 1
    assert page.locator("article.event").count() >= 1
    tab.shot("app-dossier-top")
    tab.shot("app-dossier-timeline", ".timeline-figure")
    dossier_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    api = page.request.get(f"{server.url}/api/dossiers/{dossier_id}").json()
    assert len(api["articles"]) + len(api["errors"]) >= len(files)
    assert len(api["articles"]) >= len(files) // 2
    page.click("#khabar-app-bar a[href='/']")  # back into the app from the dossier
    page.wait_for_url(server.url + "/")
    row = page.locator(f'tr[data-job="{dossier_id}"]')
    assert row.locator(".status-done").count() == 1
    assert "أمثلة خبر" in row.inner_text()
    tab.shot("app-home-listed")
    assert tab.errors == []


def test_job_page_shows_progress_then_opens_the_dossier(
    live_server: Callable[..., LiveServer], tab: Tab, tmp_path: Path
) -> None:
    gate = tmp_path / "gate"
    gate.mkdir()
    server = live_server(analyzer=partial(gated_analyzer, gate))
    violations: list[str] = []
    tab.page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page_file = tmp_path / "page.txt"
    page_file.write_text("نص", encoding="utf-8")
    _upload(tab, server, [page_file])
    page = tab.page
    deadline = time.monotonic() + GATE_SECONDS
    while not (gate / "reached").exists():
        assert time.monotonic() < deadline, "the job did not reach its gate"
        time.sleep(0.05)
    page.wait_for_function("() => document.getElementById('count').textContent.trim() === '3 من 8'")
    assert page.inner_text("#stage") == "تحليل النصوص"
    assert page.get_attribute("#bar", "max") == "8"
    tab.shot("app-job-progress")
    (gate / "release").touch()
    _wait_for_dossier(tab, server, GATE_SECONDS)
    page.locator(".timeline-figure svg").first.wait_for(state="visible")
    assert violations == []  # the page's own nonce-tagged script was allowed to run
    assert tab.errors == []


def _assert_inert(tab: Tab) -> None:
    tab.page.wait_for_timeout(300)  # give an injected <img onerror> time to fire
    assert tab.pwned() is None
    assert tab.dialogs == []
    assert tab.page.locator("body img").count() == 0


def test_hostile_page_cannot_run_script_in_the_app(
    live_server: Callable[..., LiveServer], tab: Tab, tmp_path: Path
) -> None:
    server = live_server()
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(XSS_PAGE, encoding="utf-8")
    _upload(tab, server, [hostile], label=XSS_SCRIPT + XSS_IMG)
    page = tab.page
    _wait_for_dossier(tab, server, PIPELINE_TIMEOUT_S)
    page.locator("#articles").wait_for()
    _assert_inert(tab)
    assert "window.__pwned=1" in page.inner_text("#articles")  # kept, as text
    tab.shot("app-hostile-dossier")
    page.goto(server.url + "/")
    _assert_inert(tab)
    assert XSS_SCRIPT in page.inner_text("table.dossiers")
    tab.shot("app-hostile-home")


def test_hostile_fields_of_a_dossier_cannot_run_script_in_the_app(
    live_server: Callable[..., LiveServer], tab: Tab, tmp_path: Path
) -> None:
    payload = XSS_SCRIPT + XSS_IMG
    server = live_server(analyzer=partial(hostile_analyzer, payload))
    page_file = tmp_path / f"{XSS_IMG}.txt"  # a file name cannot hold the "/" of </script>
    page_file.write_text("نص", encoding="utf-8")
    _upload(tab, server, [page_file])
    page = tab.page
    _wait_for_dossier(tab, server, GATE_SECONDS)
    _assert_inert(tab)
    assert XSS_SCRIPT in page.inner_text("body")
    page.goto(server.url + "/")
    _assert_inert(tab)


def test_too_large_upload_shows_the_limit_in_arabic(
    live_server: Callable[..., LiveServer], tab: Tab, tmp_path: Path
) -> None:
    from khabar.config import WebConfig

    server = live_server(web=WebConfig(max_file_bytes=50_000, max_request_bytes=200_000))
    big = tmp_path / "big.html"
    big.write_bytes(b"<p>" + b"x" * 400_000 + b"</p>")
    page = tab.page
    page.goto(server.url + "/")
    page.set_input_files("#upload-form input[name=files]", [str(big)])
    with page.expect_response(lambda r: r.url.endswith("/upload")) as response:
        page.click("#upload-form button[type=submit]")
    assert response.value.status == 413
    page.locator(".error-page").wait_for()
    said = page.inner_text(".error-page")
    assert "أكبر من الحد المسموح به" in said
    assert "195 كيلوبايت" in said  # the limit (200,000 bytes), in Arabic units
    assert "at most" not in said and "per file" not in said
    tab.shot("app-upload-too-large")
    assert not any((server.data_dir / "jobs").iterdir())
