"""Real-browser fixtures: Debian's chromium driven by playwright, and the app on a free port.

Playwright's own browser download is never used: chromium comes from apt
(scripts/install_browser.sh) and is launched through ``executable_path``. The tests skip, saying
why, when either is missing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    SERVER_START_SECONDS,
    VIEWPORT,
    LiveServer,
    Tab,
    free_port,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Debian chromium (skips when chromium or playwright is absent)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: run scripts/install_browser.sh (apt chromium)")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is absent: run scripts/install_browser.sh"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def tab(browser: Any) -> Iterator[Tab]:
    """A fresh browser context and page that records dialogs and page errors."""
    context = browser.new_context(viewport=VIEWPORT, locale="ar")
    page = context.new_page()
    recorded = Tab(page)

    def on_dialog(dialog: Any) -> None:
        recorded.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: recorded.errors.append(str(exc)))
    yield recorded
    context.close()


@pytest.fixture()
def live_server(tmp_path: Path) -> Iterator[Callable[..., LiveServer]]:
    """Start the app (uvicorn, 127.0.0.1, a free port) with a given analyser (picklable: jobs
    run in their own processes) and ``[web]`` options (``web=``); stop it after."""
    pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
    import uvicorn

    from khabar.config import Config
    from khabar.web import create_app
    from khabar.web.security import LOOPBACK_NAMES

    servers: list[tuple[Any, threading.Thread]] = []

    def start(**kwargs: Any) -> LiveServer:
        data_dir = tmp_path / f"data{len(servers)}"
        app = create_app(data_dir, Config(), allowed_hosts=LOOPBACK_NAMES, **kwargs)
        port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
        thread.start()
        servers.append((server, thread))
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on port {port}")
            time.sleep(0.05)
        return LiveServer(f"http://127.0.0.1:{port}", data_dir)

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)
