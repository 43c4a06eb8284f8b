"""Lists a page at a time (issue 15: 10,000 jobs made a 10 MB home page and unbounded lists)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import PAGE_A, PAGE_B, wait_for_job

from khabar.web.api import DEFAULT_PAGE_ITEMS, MAX_PAGE_ITEMS, TOTAL_HEADER
from khabar.web.ui import HOME_JOBS_PER_PAGE

JOBS = 2_000
"""Jobs written straight into the data folder (as many runs of a busy server leave)."""

HOME_PAGE_BYTES = 150_000
"""Most bytes a home page may weigh whatever the number of jobs: 50 rows of about 1 KB, the
forms and the frame (all 2,000 rows would weigh well over a megabyte)."""


def _job_id(i: int) -> str:
    return f"2025{1 + i // 28 // 24 % 12:02d}{1 + i // 24 % 28:02d}-{i % 24:02d}0000-{i:08x}"


@pytest.fixture()
def many_jobs(data_dir: Path) -> list[str]:
    """JOBS finished jobs (every third one failed), newest first."""
    ids = []
    for i in range(JOBS):
        job_id = _job_id(i)
        folder = data_dir / "jobs" / job_id
        folder.mkdir(parents=True)
        status = "failed" if i % 3 == 0 else "done"
        record = {
            "id": job_id,
            "kind": "upload",
            "label": f"دفعة رقم {i} من الصفحات المحفوظة",
            "inputs": [],
            "created": "2025-01-01T00:00:00+00:00",
            "status": status,
            "title": f"عنوان الملف {i}",
            "counts": {"articles": 3, "events": 1},
        }
        (folder / "job.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
        ids.append(job_id)
    assert len(set(ids)) == JOBS
    return sorted(ids, reverse=True)


def test_the_home_page_lists_one_page_of_jobs_however_many_there_are(
    make_client: Callable[..., TestClient], many_jobs: list[str]
) -> None:
    client = make_client()
    first = client.get("/")
    assert first.status_code == 200
    assert first.text.count('<tr class="job ') == HOME_JOBS_PER_PAGE
    assert len(first.content) < HOME_PAGE_BYTES
    assert f'data-job="{many_jobs[0]}"' in first.text
    assert f'data-job="{many_jobs[HOME_JOBS_PER_PAGE]}"' not in first.text
    assert f"1–{HOME_JOBS_PER_PAGE} من {JOBS}" in first.text
    assert 'id="newer"' not in first.text
    assert f'href="/?offset={HOME_JOBS_PER_PAGE}"' in first.text
    last = client.get(f"/?offset={JOBS - 10}")
    assert last.text.count('<tr class="job ') == 10
    assert f'data-job="{many_jobs[-1]}"' in last.text
    assert 'id="older"' not in last.text and 'id="newer"' in last.text
    assert client.get("/?offset=-1").status_code == 422


def test_the_job_list_takes_limit_and_offset_and_says_the_total(
    make_client: Callable[..., TestClient], many_jobs: list[str]
) -> None:
    client = make_client()
    default = client.get("/api/jobs")
    assert len(default.json()) == DEFAULT_PAGE_ITEMS
    assert default.headers[TOTAL_HEADER] == str(JOBS)
    page = client.get("/api/jobs", params={"limit": 5, "offset": 10}).json()
    assert [j["id"] for j in page] == many_jobs[10:15]
    assert client.get("/api/jobs", params={"limit": MAX_PAGE_ITEMS + 1}).status_code == 422
    assert client.get("/api/jobs", params={"offset": JOBS}).json() == []


def test_the_dossier_list_pages_over_finished_dossiers_only(
    make_client: Callable[..., TestClient], many_jobs: list[str]
) -> None:
    client = make_client()
    done = [j for j in many_jobs if int(j.rsplit("-", 1)[1], 16) % 3 != 0]
    response = client.get("/api/dossiers", params={"limit": 7, "offset": 3})
    assert response.headers[TOTAL_HEADER] == str(len(done))
    assert [d["id"] for d in response.json()] == done[3:10]


def test_the_parts_of_a_dossier_come_a_page_at_a_time(client: TestClient) -> None:
    job = client.post(
        "/api/jobs",
        files=[
            ("files", (n, b.encode(), "text/plain"))
            for n, b in (("a.txt", PAGE_A), ("b.txt", PAGE_B))
        ],
    ).json()
    assert wait_for_job(client, job["id"])["status"] == "done"
    whole = client.get(f"/api/dossiers/{job['id']}/articles")
    assert [a["id"] for a in whole.json()] == ["a1", "a2"]
    assert whole.headers[TOTAL_HEADER] == "2"
    second = client.get(f"/api/dossiers/{job['id']}/articles", params={"limit": 1, "offset": 1})
    assert [a["id"] for a in second.json()] == ["a2"]
    assert second.headers[TOTAL_HEADER] == "2"
    for part in ("events", "stories", "entities", "claims", "contradictions", "errors"):
        response = client.get(f"/api/dossiers/{job['id']}/{part}", params={"limit": 1})
        assert response.status_code == 200, part
        assert len(response.json()) <= 1, part
        assert TOTAL_HEADER.lower() in response.headers, part
