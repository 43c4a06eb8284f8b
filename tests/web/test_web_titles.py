"""Dossiers in the list are titled by the name the user gave, else by their biggest story, and
the list names what a dossier holds in the dossier's own words (issue 20, part 8)."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import BIG_STORY, PAGE_A, SMALL_STORY, pile_analyzer, pile_dossier, wait_for_job

from khabar.config import WebConfig
from khabar.model import Story
from khabar.web.jobs import dossier_title

DOSSIER_LABELS = json.loads(
    resources.files("khabar.report").joinpath("templates", "labels.json").read_text("utf-8")
)


def _upload(client: TestClient, label: str = "") -> str:
    response = client.post(
        "/api/jobs",
        files=[("files", ("a.txt", PAGE_A.encode(), "text/plain"))],
        data={"label": label} if label else {},
    )
    assert response.status_code == 202, response.text
    job_id: str = response.json()["id"]
    assert wait_for_job(client, job_id)["status"] == "done"
    return job_id


def test_the_title_is_the_biggest_story_not_the_first() -> None:
    dossier = pile_dossier()
    assert dossier.stories[0].title == SMALL_STORY  # the small story comes first in the data
    assert dossier_title(dossier) == BIG_STORY


def test_stories_of_one_size_are_told_apart_by_the_latest_day() -> None:
    dossier = pile_dossier()
    quake, visit = dossier.stories
    # the visit story cut to its return: one article each (14th against 17th)
    shrunk = dataclasses.replace(
        dossier, stories=(quake, Story(visit.id, visit.title, ("ev-return",)))
    )
    assert dossier_title(shrunk) == BIG_STORY


def test_without_stories_the_biggest_event_titles_the_dossier() -> None:
    dossier = dataclasses.replace(pile_dossier(), stories=())
    assert dossier_title(dossier) == "الشرع في موسكو"


def test_a_dossier_without_a_name_is_listed_under_its_biggest_story(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(analyzer=pile_analyzer)
    job_id = _upload(client)
    listed = client.get("/api/dossiers").json()
    assert listed[0]["title"] == BIG_STORY
    assert listed[0]["name"] is None
    assert listed[0]["label"] == "a.txt"  # what went in, apart from the title
    row = client.get("/").text.split(f'data-job="{job_id}"', 1)[1].split("</tr>", 1)[0]
    assert BIG_STORY in row and SMALL_STORY not in row


def test_the_name_the_user_gave_titles_the_dossier(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(analyzer=pile_analyzer)
    job_id = _upload(client, label="  زيارة   موسكو  ")
    job = client.get(f"/api/jobs/{job_id}").json()
    assert job["name"] == "زيارة موسكو" and job["title"] == "زيارة موسكو"
    listed = client.get("/api/dossiers").json()[0]
    assert (listed["title"], listed["name"], listed["label"]) == (
        "زيارة موسكو",
        "زيارة موسكو",
        "a.txt",
    )
    home = client.get("/").text
    title_cell = home.split(f'data-job="{job_id}"', 1)[1].split("</td>", 1)[0]
    assert "زيارة موسكو" in title_cell  # the title link, not a grey column
    assert BIG_STORY not in home


def test_the_forms_ask_for_the_dossier_name_not_a_file_name(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    home = make_client(WebConfig(folder_roots=(str(tmp_path),))).get("/").text
    assert "اسم الملف" not in home
    assert home.count("عنوان ملف الخبر") == 2  # upload form and folder form
    assert "ملفات الأخبار" in home


def test_the_list_counts_in_the_words_of_the_dossier(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(analyzer=pile_analyzer)
    _upload(client)
    home = client.get("/").text
    counts = DOSSIER_LABELS["counts"]
    assert f"{counts['contradictions']}: 1" in home  # «تعارضات», as the dossier says
    assert f"{counts['articles']}: 4" in home
    assert f"{counts['errors']}: 1" in home
    assert "تناقضات" not in home
