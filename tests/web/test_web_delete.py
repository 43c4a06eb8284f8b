"""Deleting a dossier from the interface asks first, with a form that needs no script (issue 20,
part 8): the app's policy lets no inline handler run, so ``confirm()`` is not an option."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import PAGE_A, wait_for_job

from khabar.web.ui import CONFIRM_FIELD, CONFIRM_VALUE


def _done_job(client: TestClient, label: str = "ملف للحذف") -> str:
    response = client.post(
        "/api/jobs",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        data={"label": label},
    )
    job_id: str = response.json()["id"]
    assert wait_for_job(client, job_id)["status"] == "done"
    return job_id


def test_the_list_links_to_a_confirmation_page_not_a_delete(client: TestClient) -> None:
    job_id = _done_job(client)
    home = client.get("/").text
    assert f'href="/dossiers/{job_id}/delete"' in home
    assert f'action="/dossiers/{job_id}/delete"' not in home  # one click deletes nothing
    page = client.get(f"/dossiers/{job_id}/delete")
    assert page.status_code == 200
    assert "ملف للحذف" in page.text and "لا يمكن التراجع" in page.text
    assert f'name="{CONFIRM_FIELD}" value="{CONFIRM_VALUE}"' in page.text
    assert 'href="/"' in page.text  # the way out keeps the dossier
    assert "<script" not in page.text.split("<main>", 1)[1]  # works with scripts off
    assert client.get("/api/dossiers").json()[0]["id"] == job_id  # asking deleted nothing


def test_a_post_without_the_confirmation_deletes_nothing(
    client: TestClient, data_dir: Path
) -> None:
    job_id = _done_job(client)
    for form in ({}, {CONFIRM_FIELD: "yes"}, {CONFIRM_FIELD: ""}):
        response = client.post(f"/dossiers/{job_id}/delete", data=form, follow_redirects=False)
        assert response.status_code == 303, form
        assert response.headers["location"] == f"/dossiers/{job_id}/delete"
    assert (data_dir / "jobs" / job_id / "dossier.json").is_file()
    assert [d["id"] for d in client.get("/api/dossiers").json()] == [job_id]


def test_the_confirmed_form_deletes_the_dossier_and_its_files(
    client: TestClient, data_dir: Path
) -> None:
    job_id = _done_job(client)
    response = client.post(
        f"/dossiers/{job_id}/delete", data={CONFIRM_FIELD: CONFIRM_VALUE}, follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/"
    assert not (data_dir / "jobs" / job_id).exists()
    assert client.get("/api/dossiers").json() == []
    again = client.get(f"/dossiers/{job_id}/delete")
    assert again.status_code == 404 and "لا يوجد ملف خبر" in again.text


def test_a_running_job_has_no_delete_page(client: TestClient, data_dir: Path) -> None:
    assert client.get("/dossiers/20250101-000000-00000000/delete").status_code == 404
    assert client.get("/dossiers/not-an-id/delete").status_code == 404
