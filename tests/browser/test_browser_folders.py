"""Folders in a real chromium: the folder form is off by default, and with roots set a folder
outside them is refused in Arabic (issue 15: the folder form analysed /etc)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import LiveServer, Tab

from khabar.config import WebConfig
from khabar.web.data import MESSAGES

pytestmark = pytest.mark.browser

PAGE = "بوتين يستقبل الشرع في موسكو\nالتقى الرئيس الروسي نظيره السوري في الكرملين يوم الأربعاء.\n"
SECRET = "نص سري خارج المجلدات المسموح بها"

NAVIGATION_MS = 20_000
"""Longest wait for the app to answer a form."""


def _jobs(server: LiveServer) -> list[Path]:
    return sorted((server.data_dir / "jobs").iterdir())


def test_the_folder_form_is_off_by_default(
    live_server: Callable[..., LiveServer], tab: Tab
) -> None:
    server = live_server()
    page = tab.page
    page.goto(server.url + "/")
    assert page.locator("#folder-form").count() == 0
    assert page.locator("input[name=path]").count() == 0
    assert page.inner_text("#folders-off") == MESSAGES["folders_disabled"]
    assert page.locator("#upload-form").is_visible()
    tab.shot("app-folders-off")
    refused = page.request.post(server.url + "/api/jobs/folder", data={"path": "/etc"})
    assert refused.status == 403
    assert refused.json()["detail"] == MESSAGES["folders_disabled"]
    assert _jobs(server) == []
    assert tab.errors == []


def test_a_folder_outside_the_roots_is_refused_and_one_inside_is_analysed(
    live_server: Callable[..., LiveServer], tab: Tab, tmp_path: Path
) -> None:
    root = tmp_path / "allowed"
    (root / "pages").mkdir(parents=True)
    (root / "pages" / "a.txt").write_text(PAGE, "utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "s.txt").write_text(SECRET, "utf-8")
    (root / "door").symlink_to(secret, target_is_directory=True)
    server = live_server(web=WebConfig(folder_roots=(str(root),)))
    page = tab.page
    page.goto(server.url + "/")
    form = page.locator("#folder-form")
    assert form.is_visible()
    assert str(root) in form.inner_text()
    for outside in (str(secret), str(root / "door"), str(root / ".." / "secret")):
        page.goto(server.url + "/")
        page.fill("#folder-form input[name=path]", outside)
        with page.expect_response(lambda r: r.url.endswith("/folder")) as response:
            page.click("#folder-form button[type=submit]")
        assert response.value.status == 403, outside
        page.locator(".error-page").wait_for()
        assert MESSAGES["folder_outside"] in page.inner_text(".error-page")
        assert str(secret) not in page.content()
    tab.shot("app-folder-outside-refused")
    assert _jobs(server) == []
    page.goto(server.url + "/")
    page.fill("#folder-form input[name=path]", str(root / "pages"))
    page.click("#folder-form button[type=submit]")
    page.wait_for_url("**/dossiers/*", timeout=NAVIGATION_MS)
    assert len(_jobs(server)) == 1
    assert tab.errors == []
