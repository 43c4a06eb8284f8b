"""Refusals and failures are said in Arabic, with no server path, stack or configuration key:
as JSON with an Arabic ``message`` beside the ``detail`` for programs in the API, and as the
Arabic error page in the interface (issue 20, part 8)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import STORED_JOB_ID, path_analyzer, pile_dossier, store_dossier, wait_for_job

from khabar.config import Config, WebConfig
from khabar.web import create_app
from khabar.web.data import MESSAGES, STATUS_MESSAGES

ARABIC = re.compile(r"[\u0600-\u06FF]{3,}")
"""An Arabic word: what a message for people must hold."""

INTERNALS = ("Traceback", 'File "', ".py", "site-packages", "max_file_bytes", "[web]")
"""What must never reach a user: stacks, source files, option names."""


def _clean(text: str, data_dir: Path) -> None:
    assert str(data_dir) not in text
    assert str(data_dir.resolve()) not in text
    for internal in INTERNALS:
        assert internal not in text, internal


def _api_refusal(response, status: int, data_dir: Path) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert ARABIC.search(body["message"]), body
    assert "detail" in body
    _clean(response.text, data_dir)
    return dict(body)


def _page_refusal(response, status: int, data_dir: Path) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in response.text
    section = response.text.split('class="card error-page">', 1)[1]
    headline = section.split("<h2>", 1)[1].split("</h2>", 1)[0]
    assert ARABIC.search(headline), headline
    assert not re.search(r"[A-Za-z]{4,}", headline), headline  # no English
    _clean(response.text, data_dir)
    return headline


def test_missing_things_are_refused_in_arabic_in_the_api(
    client: TestClient, data_dir: Path
) -> None:
    body = _api_refusal(client.get(f"/api/dossiers/{STORED_JOB_ID}"), 404, data_dir)
    assert body["message"] == MESSAGES["no_dossier"]
    assert body["detail"] == f"no dossier {STORED_JOB_ID!r}"  # English for programs
    _api_refusal(client.get("/api/jobs/20250101-000000-00000000"), 404, data_dir)
    _api_refusal(client.get("/api/no-such-endpoint"), 404, data_dir)
    _api_refusal(client.post("/api/dossiers"), 405, data_dir)


def test_missing_pages_are_refused_on_the_arabic_error_page(
    client: TestClient, data_dir: Path
) -> None:
    assert _page_refusal(client.get("/no-such-page"), 404, data_dir).endswith(STATUS_MESSAGES[404])
    assert MESSAGES["no_job"] in _page_refusal(client.get("/jobs/x"), 404, data_dir)
    assert MESSAGES["no_dossier"] in _page_refusal(
        client.get(f"/dossiers/{STORED_JOB_ID}"), 404, data_dir
    )
    _page_refusal(client.get("/upload"), 405, data_dir)


def test_invalid_parameters_name_the_parameter_and_echo_nothing(
    client: TestClient, data_dir: Path
) -> None:
    body = _api_refusal(client.get("/api/jobs", params={"limit": "lots"}), 422, data_dir)
    assert "limit" in body["message"]
    assert [f["loc"] for f in body["detail"]] == [["query", "limit"]]
    assert all(set(f) <= {"loc", "msg", "type"} for f in body["detail"])  # no input, no url
    assert "lots" not in json.dumps(body)
    headline = _page_refusal(client.get("/", params={"offset": "-1"}), 422, data_dir)
    assert headline == STATUS_MESSAGES[422]


def test_upload_refusals_say_the_limit_in_arabic(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    client = make_client(WebConfig(max_file_bytes=2048))
    files = [("files", ("big.txt", b"y" * 5000, "text/plain"))]
    body = _api_refusal(client.post("/api/jobs", files=files), 413, data_dir)
    assert body["message"] == MESSAGES["file_too_large"].format(name="big.txt", limit="2 كيلوبايت")
    assert "per file" in body["detail"]
    headline = _page_refusal(client.post("/upload", files=files), 413, data_dir)
    assert "big.txt" in headline and "2 كيلوبايت" in headline
    plain = _api_refusal(client.post("/api/jobs", content=b"x"), 415, data_dir)
    assert plain["message"] == MESSAGES["not_multipart"]
    broken = client.post(
        "/api/jobs",
        content=b"--zz\r\nContent-Disposition form-data\r\n\r\n",  # a header without its colon
        headers={"Content-Type": "multipart/form-data; boundary=zz"},
    )
    body = _api_refusal(broken, 400, data_dir)
    assert body["detail"] == "malformed multipart body"  # not the parser's own words
    assert body["message"] == MESSAGES["bad_upload"]


def test_an_unexpected_failure_is_logged_and_answered_in_one_arabic_sentence(
    data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    job_id = store_dossier(data_dir, pile_dossier())
    folder = data_dir / "jobs" / job_id
    (folder / "dossier.html").write_bytes(b"\xff\xfe not utf-8 \xc3")  # reading it raises
    record = json.loads((folder / "job.json").read_text("utf-8"))
    record["created"] = 5  # a job record no model accepts
    (folder / "job.json").write_text(json.dumps(record), "utf-8")
    app = create_app(data_dir, Config())
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get(f"/dossiers/{job_id}")
        assert _page_refusal(page, 500, data_dir) == STATUS_MESSAGES[500]
        assert "script-src" not in page.headers["content-security-policy"]
        body = _api_refusal(client.get("/api/dossiers"), 500, data_dir)
        assert body["message"] == STATUS_MESSAGES[500]
    assert any("failed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_cross_site_and_wrong_host_refusals_lead_with_arabic(client: TestClient) -> None:
    refused = client.post("/upload", headers={"Origin": "http://evil.example"})
    assert refused.status_code == 403
    assert ARABIC.search(refused.text.splitlines()[0])


def test_the_login_refusal_carries_an_arabic_message(
    make_client: Callable[..., TestClient],
) -> None:
    locked = make_client(token="a-long-enough-token-for-tests-0123456789")
    body = locked.get("/api/dossiers").json()
    assert body["message"] == MESSAGES["login_needed"]


def test_sources_are_named_without_the_server_folders(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    client = make_client(analyzer=path_analyzer)
    job = client.post(
        "/api/jobs", files=[("files", ("a.txt", "عنوان\nنص الخبر.\n".encode(), "text/plain"))]
    ).json()
    assert wait_for_job(client, job["id"])["status"] == "done"
    articles = client.get(f"/api/dossiers/{job['id']}/articles").json()
    errors = client.get(f"/api/dossiers/{job['id']}/errors").json()
    assert [a["source"] for a in articles] == ["a.txt"]
    assert [e["source"] for e in errors] == ["broken.bin"]
    _clean(client.get(f"/api/dossiers/{job['id']}").text, data_dir)
    _clean(client.get(f"/dossiers/{job['id']}").text, data_dir)
