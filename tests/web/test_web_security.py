"""Headers and checks that keep the app safe to run on a workstation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient

from khabar.config import Config
from khabar.web import create_app
from khabar.web.app import allowed_hosts_for
from khabar.web.security import LOOPBACK_NAMES, host_name, is_loopback


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_is_loopback(host: str, expected: bool) -> None:
    assert is_loopback(host) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8000", "127.0.0.1"),
        ("LOCALHOST", "localhost"),
        ("[::1]:8000", "::1"),
        ("evil.example:80", "evil.example"),
    ],
)
def test_host_name_drops_the_port(header: str, expected: str) -> None:
    assert host_name(header) == expected


def test_serving_on_loopback_answers_loopback_names_only() -> None:
    assert allowed_hosts_for("127.0.0.1") == LOOPBACK_NAMES
    assert allowed_hosts_for("0.0.0.0") is None


def test_requests_naming_another_host_are_refused(tmp_path: Path) -> None:
    app = create_app(tmp_path / "data", Config(), allowed_hosts=LOOPBACK_NAMES)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/").status_code == 200
        rebound = client.get("/api/dossiers", headers={"Host": "attacker.example:8000"})
        assert rebound.status_code == 421


def test_every_page_sends_protective_headers(client: TestClient) -> None:
    for url in ("/", "/api/dossiers", "/static/style.css", "/openapi.json"):
        headers = client.get(url).headers
        assert headers["x-content-type-options"] == "nosniff", url
        assert "content-security-policy" in headers, url
        assert headers["referrer-policy"] == "same-origin", url


def test_each_response_gets_a_fresh_script_nonce(client: TestClient) -> None:
    first = client.get("/").headers["content-security-policy"]
    second = client.get("/").headers["content-security-policy"]
    assert first != second


def test_swagger_ui_is_off_because_it_loads_scripts_from_a_cdn(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client()
    assert client.get("/docs").status_code == 404
    assert client.get("/openapi.json").status_code == 200
