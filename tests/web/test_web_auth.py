"""Token authentication, and ``khabar serve`` refusing the network without a token (issue 15:
the web app served any file of the server with no authentication)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import PAGE_A, wait_for_job

from khabar.cli import EXIT_ERROR, EXIT_OK, main
from khabar.errors import ConfigError
from khabar.web.auth import SESSION_COOKIE, TOKEN_ENV, resolve_token, safe_next
from khabar.web.data import MESSAGES

TOKEN = "s3cret-token-for-the-tests-0123"


@pytest.fixture()
def locked(make_client: Callable[..., TestClient]) -> TestClient:
    """A client of an app that has a token (the client itself sends none)."""
    return make_client(token=TOKEN)


def _bearer(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_without_the_token_the_api_answers_401_and_stores_nothing(
    locked: TestClient, data_dir: Path
) -> None:
    for url in ("/api/jobs", "/api/dossiers", "/openapi.json", "/api/jobs/20250101-000000-0"):
        response = locked.get(url)
        assert response.status_code == 401, url
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["detail"] == MESSAGES["login_needed"]
    upload = locked.post("/api/jobs", files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))])
    assert upload.status_code == 401
    assert locked.post("/api/jobs/folder", json={"path": "/etc"}).status_code == 401
    assert locked.get("/api/jobs", headers=_bearer("wrong-token-wrong-token")).status_code == 401
    assert not any((data_dir / "jobs").iterdir())


def test_with_the_bearer_token_everything_works(locked: TestClient) -> None:
    upload = locked.post(
        "/api/jobs",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        headers=_bearer(),
    )
    assert upload.status_code == 202
    locked.headers.update(_bearer())
    assert wait_for_job(locked, upload.json()["id"])["status"] == "done"
    assert locked.get("/api/dossiers").status_code == 200
    assert locked.get("/").status_code == 200


def test_pages_send_a_browser_to_the_login_form_and_the_cookie_lets_it_in(
    locked: TestClient,
) -> None:
    home = locked.get("/jobs/x?y=1", headers={"Accept": "text/html"}, follow_redirects=False)
    assert home.status_code == 303
    assert home.headers["location"] == "/login?next=%2Fjobs%2Fx%3Fy%3D1"
    form = locked.get("/login?next=/jobs/x")
    assert form.status_code == 200
    assert 'id="login-form"' in form.text and 'type="password"' in form.text
    assert locked.get("/static/style.css").status_code == 200
    wrong = locked.post("/login", data={"token": "not-the-token", "next": "/"})
    assert wrong.status_code == 401
    assert MESSAGES["login_failed"] in wrong.text
    assert SESSION_COOKIE not in wrong.headers.get("set-cookie", "")
    right = locked.post(
        "/login", data={"token": TOKEN, "next": "//evil.example/"}, follow_redirects=False
    )
    assert right.status_code == 303
    assert right.headers["location"] == "/"
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert TOKEN not in cookie  # the cookie is derived from the token, not the token
    page = locked.get("/", headers={"Accept": "text/html"})  # the client kept the cookie
    assert page.status_code == 200
    assert 'id="logout-form"' in page.text
    assert locked.get("/api/jobs").status_code == 200
    out = locked.post("/logout", follow_redirects=False)
    assert out.status_code == 303 and "Max-Age=0" in out.headers["set-cookie"]
    locked.cookies.clear()
    assert locked.get("/api/jobs").status_code == 401


def test_a_forged_cookie_is_not_accepted(locked: TestClient) -> None:
    locked.cookies.set(SESSION_COOKIE, TOKEN)
    assert locked.get("/api/jobs").status_code == 401
    locked.cookies.set(SESSION_COOKIE, "0" * 64)
    assert locked.get("/api/jobs").status_code == 401


def test_login_posts_from_another_site_are_refused(locked: TestClient) -> None:
    response = locked.post(
        "/login", data={"token": TOKEN}, headers={"Origin": "http://evil.example"}
    )
    assert response.status_code == 403


def test_without_a_token_the_app_stays_open_and_has_no_login(client: TestClient) -> None:
    assert client.get("/api/jobs").status_code == 200
    assert client.get("/login", follow_redirects=False).status_code == 303
    assert 'id="logout-form"' not in client.get("/").text


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/jobs/1", "/jobs/1"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_after_login_only_paths_of_this_site_are_followed(
    target: str | None, expected: str
) -> None:
    assert safe_next(target) == expected


def test_the_token_comes_from_the_file_then_the_environment_then_the_config(
    tmp_path: Path,
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("from-the-file-0123456789\n", "utf-8")
    env = {TOKEN_ENV: "from-the-environment-0123"}
    assert resolve_token(token_file, "from-the-config-0123456", env) == "from-the-file-0123456789"
    assert resolve_token(None, "from-the-config-0123456", env) == "from-the-environment-0123"
    assert resolve_token(None, "from-the-config-0123456", {}) == "from-the-config-0123456"
    assert resolve_token(None, None, {}) is None
    with pytest.raises(ConfigError, match="at least 16 characters"):
        resolve_token(None, "short", {})
    with pytest.raises(ConfigError, match="cannot read the token file"):
        resolve_token(tmp_path / "missing", None, {})


def test_serve_beyond_loopback_without_a_token_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    started: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append((app, kw)))
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    code = main(["serve", "--host", "0.0.0.0", "--data", str(tmp_path / "data")])
    assert code == EXIT_ERROR
    assert started == []
    error = capsys.readouterr().err
    assert "without a token" in error and "--token-file" in error
    assert not (tmp_path / "data").exists()


def test_serve_beyond_loopback_with_a_token_file_requires_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.append((app, kw)))
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n", "utf-8")
    argv = ["serve", "--host", "0.0.0.0", "--port", "8123", "--data", str(tmp_path / "data")]
    assert main([*argv, "--token-file", str(token_file)]) == EXIT_OK
    ((app, options),) = started
    assert (options["host"], options["port"]) == ("0.0.0.0", 8123)
    with TestClient(app) as served:
        assert served.get("/api/jobs").status_code == 401
        assert served.get("/api/jobs", headers=_bearer()).status_code == 200
    monkeypatch.setenv(TOKEN_ENV, TOKEN)
    assert main(argv) == EXIT_OK  # from the environment
    assert main([*argv, "--token-file", str(tmp_path / "absent")]) == EXIT_ERROR
