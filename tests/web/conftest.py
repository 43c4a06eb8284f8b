"""Fixtures of the web app tests: an app over a temporary data folder, with a small analyser.

Nothing here imports the web extra at load time: the test modules skip themselves when it is
absent (a skip raised while loading a conftest would be an error instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from web_helpers import need_web_extra, small_analyzer

from khabar.config import Config, WebConfig
from khabar.model import Dossier

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    return tmp_path / "khabar-data"


@pytest.fixture()
def make_client(data_dir: Path) -> Iterator[Callable[..., TestClient]]:
    """Build a TestClient over an app with the given ``[web]`` options / analyser (which runs
    in each job's own process, so it must be picklable: module-level, or a partial of one)."""
    need_web_extra()
    from fastapi.testclient import TestClient

    from khabar.web import create_app

    clients: list[TestClient] = []

    def make(
        web: WebConfig | None = None,
        analyzer: Callable[..., Dossier] = small_analyzer,
        **options: Any,
    ) -> TestClient:
        app = create_app(data_dir, Config(), web=web, analyzer=analyzer, **options)
        client = TestClient(app)
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture()
def client(make_client: Callable[..., TestClient]) -> TestClient:
    """A client of an app with default limits and the small analyser."""
    return make_client()
