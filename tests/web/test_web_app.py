"""The web app through FastAPI's TestClient: uploads, jobs, the JSON API, limits, safety."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import (
    PAGE_A,
    PAGE_B,
    PIPELINE_TIMEOUT_SECONDS,
    gated_analyzer,
    wait_for_file,
    wait_for_job,
)

from khabar.config import WebConfig
from khabar.errors import MissingExtraError
from khabar.report.html import script_csp_source
from khabar.web.jobs import pipeline_analyzer

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "dossier.schema.json").read_text("utf-8")
)


def _upload(client: TestClient, *files: tuple[str, bytes], **data: str):
    return client.post(
        "/api/jobs",
        files=[("files", (name, body, "text/plain")) for name, body in files],
        data=data,
    )


def _multipart(files: list[tuple[str, bytes]], boundary: str = "khabarTESTboundary") -> bytes:
    out = io.BytesIO()
    for name, body in files:
        out.write(f"--{boundary}\r\n".encode())
        out.write(f'Content-Disposition: form-data; name="files"; filename="{name}"\r\n'.encode())
        out.write(b"Content-Type: application/octet-stream\r\n\r\n")
        out.write(body + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue()


def _job_dirs(data_dir: Path) -> list[Path]:
    jobs = data_dir / "jobs"
    return sorted(jobs.iterdir()) if jobs.is_dir() else []


def test_upload_runs_a_job_to_done_and_the_dossier_is_listed(client: TestClient) -> None:
    response = _upload(client, ("a.txt", PAGE_A.encode()), ("b.txt", PAGE_B.encode()))
    assert response.status_code == 202
    job = response.json()
    assert job["status"] in ("queued", "running", "done")
    assert job["files"] == ["a.txt", "b.txt"]
    final = wait_for_job(client, job["id"])
    assert final["status"] == "done", final
    assert final["dossier"] == job["id"]
    assert final["counts"]["articles"] == 2
    listed = client.get("/api/dossiers").json()
    assert [d["id"] for d in listed] == [job["id"]]
    assert listed[0]["title"] == "بوتين يستقبل الشرع في موسكو"


def test_json_api_mirrors_dossier_json_field_names(client: TestClient, data_dir: Path) -> None:
    job = _upload(client, ("a.txt", PAGE_A.encode()), ("b.txt", PAGE_B.encode())).json()
    wait_for_job(client, job["id"])
    did = job["id"]
    whole = client.get(f"/api/dossiers/{did}").json()
    on_disk = json.loads((data_dir / "jobs" / did / "dossier.json").read_text("utf-8"))
    assert whole == on_disk
    for key in ("articles", "events", "stories", "entities", "claims", "contradictions", "errors"):
        assert client.get(f"/api/dossiers/{did}/{key}").json() == on_disk[key], key
    article = client.get(f"/api/dossiers/{did}/articles/a2").json()
    assert article["title"] == "محادثات في الكرملين"
    assert article["published"] == "2025-10-16"
    assert {"id", "source", "outlet", "language", "text", "entities", "event", "flags"} <= set(
        article
    )
    event = client.get(f"/api/dossiers/{did}/events/ev-1").json()
    assert event["articles"] == ["a1", "a2"]
    assert event["date"] == "2025-10-15"
    assert [s["article"] for s in event["summary"]] == ["a1", "a2"]
    claim = client.get(f"/api/dossiers/{did}/claims/cl-1").json()
    assert [s["stance"] for s in claim["sources"]] == ["asserted", "asserted"]
    entity = client.get(f"/api/dossiers/{did}/entities/e1").json()
    assert entity["variants"] == ["بوتين", "بوتن"]
    assert client.get(f"/api/dossiers/{did}/articles/nope").status_code == 404
    assert client.get("/api/dossiers/20250101-000000-00000000").status_code == 404
    assert client.get("/api/dossiers/..%2F..%2Fetc").status_code == 404


def test_status_endpoint_reports_stage_done_and_total_while_running(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "reached")
    status = client.get(f"/api/jobs/{job['id']}").json()
    assert (status["status"], status["stage"], status["done"], status["total"]) == (
        "running",
        "annotate",
        2,
        7,
    )
    page = client.get(f"/jobs/{job['id']}")
    assert page.status_code == 200
    assert "تحليل النصوص" in page.text  # the stage, in Arabic
    (tmp_path / "release").touch()
    assert wait_for_job(client, job["id"])["status"] == "done"


def test_file_over_the_per_file_limit_gets_413_and_leaves_nothing(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    client = make_client(WebConfig(max_file_bytes=1000))
    response = _upload(client, ("small.txt", b"x" * 10), ("big.txt", b"y" * 5000))
    assert response.status_code == 413
    assert "big.txt" in response.json()["detail"]
    assert "per file" in response.json()["detail"]
    assert _job_dirs(data_dir) == []


def test_request_over_the_total_limit_gets_413_without_content_length(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    client = make_client(WebConfig(max_file_bytes=10_000, max_request_bytes=20 * 1024))
    body = _multipart([(f"p{i}.txt", b"z" * 8000) for i in range(4)])

    def chunks() -> Iterator[bytes]:  # streamed: httpx sends no Content-Length
        for i in range(0, len(body), 4096):
            yield body[i : i + 4096]

    response = client.post(
        "/api/jobs",
        content=chunks(),
        headers={"Content-Type": "multipart/form-data; boundary=khabarTESTboundary"},
    )
    assert response.status_code == 413
    assert "at most 20 KB" in response.json()["detail"]
    assert _job_dirs(data_dir) == []


def test_declared_length_over_the_limit_is_refused_before_reading(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(WebConfig(max_request_bytes=100))
    body = _multipart([("a.txt", b"a" * 500)])
    response = client.post(
        "/api/jobs",
        content=body,
        headers={"Content-Type": "multipart/form-data; boundary=khabarTESTboundary"},
    )
    assert response.status_code == 413


def test_too_many_files_are_refused(make_client: Callable[..., TestClient]) -> None:
    client = make_client(WebConfig(max_files=2))
    files = [(f"{i}.txt", PAGE_A.encode()) for i in range(3)]
    response = _upload(client, *files)
    assert response.status_code == 413
    assert "at most 2" in response.json()["detail"]


def test_upload_form_over_the_limit_shows_an_arabic_error_page(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(WebConfig(max_file_bytes=100))
    response = client.post("/upload", files=[("files", ("big.txt", b"q" * 500, "text/plain"))])
    assert response.status_code == 413
    assert "أكبر من الحد المسموح به" in response.text


@pytest.mark.parametrize(
    "name",
    [
        "../../escape.txt",
        "../../../../../../tmp/khabar-escape.txt",
        "/etc/passwd",
        "..\\..\\windows.txt",
        "a/../../b.txt",
        "....//....//x.txt",
        "..",
        "",
        "\x00evil\t\x1b.txt",
    ],
)
def test_path_traversal_file_names_are_neutralised(
    client: TestClient, data_dir: Path, name: str
) -> None:
    response = client.post(
        "/api/jobs",
        content=_multipart([(name, PAGE_A.encode())]),
        headers={"Content-Type": "multipart/form-data; boundary=khabarTESTboundary"},
    )
    assert response.status_code == 202, response.text
    job = response.json()
    (stored,) = job["files"]
    assert "/" not in stored and "\\" not in stored and stored not in ("", ".", "..")
    uploads = data_dir / "jobs" / job["id"] / "uploads"
    assert [p.name for p in uploads.iterdir()] == [stored]
    assert (uploads / stored).read_bytes() == PAGE_A.encode()
    assert not (data_dir / "escape.txt").exists()
    assert not Path("/tmp/khabar-escape.txt").exists()
    wait_for_job(client, job["id"])


def test_same_name_twice_keeps_both_files(client: TestClient) -> None:
    job = _upload(client, ("x.txt", PAGE_A.encode()), ("x.txt", PAGE_B.encode())).json()
    assert job["files"] == ["x.txt", "x-2.txt"]
    assert wait_for_job(client, job["id"])["counts"]["articles"] == 2


def test_zip_upload_is_stored_as_given(client: TestClient, data_dir: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", PAGE_A)
    job = _upload(client, ("pages.zip", buffer.getvalue())).json()
    stored = data_dir / "jobs" / job["id"] / "uploads" / "pages.zip"
    assert zipfile.ZipFile(stored).read("a.txt").decode() == PAGE_A
    wait_for_job(client, job["id"])


def test_upload_without_files_is_refused(client: TestClient) -> None:
    response = client.post("/api/jobs", data={"label": "x"}, files=[])
    assert response.status_code in (400, 415)
    response = client.post(
        "/api/jobs",
        content=b"--b--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 400
    assert "no files" in response.json()["detail"]


def test_folder_under_a_root_is_analysed(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, "utf-8")
    (folder / "b.txt").write_text(PAGE_B, "utf-8")
    client = make_client(WebConfig(folder_roots=(str(tmp_path),)))
    response = client.post("/api/jobs/folder", json={"path": str(folder)})
    assert response.status_code == 202
    final = wait_for_job(client, response.json()["id"])
    assert final["status"] == "done"
    assert final["kind"] == "folder"
    assert final["counts"]["articles"] == 2


def test_openapi_lists_the_routes_with_response_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/dossiers",
        "/api/dossiers/{dossier_id}",
        "/api/dossiers/{dossier_id}/articles",
        "/api/dossiers/{dossier_id}/articles/{article_id}",
        "/api/dossiers/{dossier_id}/events",
        "/api/dossiers/{dossier_id}/claims",
        "/api/dossiers/{dossier_id}/entities",
        "/api/dossiers/{dossier_id}/stories",
        "/api/jobs",
        "/api/jobs/{job_id}",
        "/api/jobs/{job_id}/cancel",
        "/api/jobs/folder",
    ):
        assert path in paths, path
    assert "delete" in paths["/api/jobs/{job_id}"]
    assert {"limit", "offset"} <= {p["name"] for p in paths["/api/jobs"]["get"]["parameters"]}
    assert "multipart/form-data" in paths["/api/jobs"]["post"]["requestBody"]["content"]
    schemas = spec["components"]["schemas"]
    assert {"articles", "events", "stories", "entities", "claims", "errors"} <= set(
        schemas["DossierModel"]["properties"]
    )
    assert {"id", "title", "published", "outlet", "text", "entities", "event", "flags"} <= set(
        schemas["ArticleModel"]["properties"]
    )
    assert {"status", "stage", "done", "total"} <= set(schemas["JobModel"]["properties"])
    assert "/" not in paths  # the HTML pages are not part of the API description


def test_home_page_is_rtl_arabic_and_escapes_what_users_typed(client: TestClient) -> None:
    job = _upload(client, ("<b>x</b>.txt", PAGE_A.encode()), label="<script>alert(1)</script>")
    wait_for_job(client, job.json()["id"])
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page.text
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert 'id="upload-form"' in page.text and 'enctype="multipart/form-data"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'nonce-" in csp and "default-src 'none'" in csp
    assert "https://" not in page.text  # no CDN, no external fonts


def test_upload_form_goes_to_the_job_page_and_then_to_the_dossier(client: TestClient) -> None:
    response = client.post(
        "/upload",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        follow_redirects=False,
    )
    assert response.status_code == 303
    job_url = response.headers["location"]
    job_id = job_url.rsplit("/", 1)[-1]
    wait_for_job(client, job_id)
    moved = client.get(job_url, follow_redirects=False)
    assert moved.status_code == 303
    assert moved.headers["location"] == f"/dossiers/{job_id}"
    dossier = client.get(f"/dossiers/{job_id}")
    assert dossier.status_code == 200
    assert dossier.headers["content-type"].startswith("text/html")
    policy = dossier.headers["content-security-policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert script_src.split() == ["script-src", script_csp_source()]  # the report's own only
    assert "بوتين يستقبل الشرع في موسكو" in dossier.text
    assert dossier.text.index('id="khabar-app-bar"') > dossier.text.index("<body")
    download = client.get(f"/dossiers/{job_id}/dossier.json")
    assert json.loads(download.content)["articles"][0]["id"] == "a1"
    assert "script-src 'none'" in download.headers["content-security-policy"]


def test_deleting_a_dossier_removes_it(client: TestClient, data_dir: Path) -> None:
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    wait_for_job(client, job["id"])
    assert client.delete(f"/api/dossiers/{job['id']}").status_code == 204
    assert client.get("/api/dossiers").json() == []
    assert _job_dirs(data_dir) == []
    assert client.delete(f"/api/dossiers/{job['id']}").status_code == 404


def test_cross_site_form_posts_are_refused(client: TestClient) -> None:
    response = client.post(
        "/upload",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        headers={"Origin": "http://evil.example"},
    )
    assert response.status_code == 403
    same = client.post(
        "/upload",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert same.status_code == 303
    fetched = client.post(
        "/upload",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
    )
    assert fetched.status_code == 403


def test_jobs_left_running_by_a_stopped_server_are_marked_failed(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    folder = data_dir / "jobs" / "20250101-120000-0123abcd"
    folder.mkdir(parents=True)
    record = {
        "id": folder.name,
        "kind": "folder",
        "label": "x",
        "inputs": ["/nowhere"],
        "created": "2025-01-01T12:00:00+00:00",
        "status": "running",
        "stage": "annotate",
    }
    (folder / "job.json").write_text(json.dumps(record), "utf-8")
    client = make_client()
    status = client.get(f"/api/jobs/{folder.name}").json()
    assert status["status"] == "failed"
    assert status["reason"] == "interrupted"
    assert status["error"] == "توقّف الخادم قبل أن يكتمل التحليل."


def test_importing_without_the_web_extra_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [m for m in sys.modules if m == "khabar.web" or m.startswith("khabar.web.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'khabar\[web\]'"):
        import khabar.web  # noqa: F401


def test_zip_of_example_pages_goes_through_the_pipeline_and_matches_the_schema(
    make_client: Callable[..., TestClient], examples_dir: Path
) -> None:
    import jsonschema

    pages = sorted(p for p in examples_dir.iterdir() if p.is_file() and p.suffix != ".md")
    if not pages:
        pytest.skip(f"{examples_dir} holds no example pages")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for page in pages:
            archive.write(page, page.name)
    client = make_client(analyzer=pipeline_analyzer)
    job = _upload(client, ("examples.zip", buffer.getvalue())).json()
    final = wait_for_job(client, job["id"], PIPELINE_TIMEOUT_SECONDS)
    assert final["status"] == "done", final
    dossier = client.get(f"/api/dossiers/{job['id']}").json()
    jsonschema.validate(dossier, SCHEMA)
    assert len(dossier["articles"]) + len(dossier["errors"]) >= len(pages)
    assert len(dossier["articles"]) >= len(pages) // 2
    assert all("examples.zip" in a["source"] for a in dossier["articles"])
    assert dossier["events"], "the example pages report events"
    assert final["counts"]["articles"] == len(dossier["articles"])
    html = client.get(f"/dossiers/{job['id']}").text
    assert 'class="timeline-row' in html  # the timeline drew at least one event
