"""The API's list endpoints filter by story, outlet, entity, days and text, on the server, and
still page (issue 20, part 8)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import pile_dossier, store_dossier

from khabar.web.api import DOSSIER_PARTS, TOTAL_HEADER
from khabar.web.filters import PARTS, DayRange, ItemQuery, parse_days, select

DATA: dict[str, Any] = pile_dossier().to_dict()


def _ids(part: str, **query: Any) -> list[str]:
    return [
        str(i.get("id", i.get("source"))) for i in select(DATA, PARTS[part], ItemQuery(**query))
    ]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2025-10-14", DayRange(date(2025, 10, 14), date(2025, 10, 14))),
        ("2025-10-14..2025-10-16", DayRange(date(2025, 10, 14), date(2025, 10, 16))),
        ("..2025-10-16", DayRange(None, date(2025, 10, 16))),
        ("2025-10-15..", DayRange(date(2025, 10, 15), None)),
    ],
)
def test_days_are_a_day_or_a_range_with_open_ends(text: str, days: DayRange) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize("text", ["yesterday", "2025-13-01", "..", "2025-10-16..2025-10-14", ""])
def test_what_is_not_a_day_or_a_range_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_days(text)


def test_a_story_picks_the_items_of_its_events() -> None:
    assert _ids("articles", story="st-visit") == ["v1", "v2", "v3"]
    assert _ids("articles", story="زلزال جنوب تركيا") == ["q1"]  # by title as well
    assert _ids("events", story="st-visit") == ["ev-visit", "ev-return"]
    assert _ids("stories", story="st-quake") == ["st-quake"]
    assert _ids("claims", story="st-quake") == ["cl-quake"]
    assert _ids("contradictions", story="st-quake") == []
    assert _ids("errors", story="st-quake") == []  # a failed input belongs to no story
    assert _ids("articles", story="no-such-story") == []


def test_an_outlet_picks_its_articles_by_name_or_host() -> None:
    assert _ids("articles", outlet="الجزيرة") == ["q1", "v2"]
    assert _ids("articles", outlet="aljazeera.net") == ["q1", "v2"]
    assert _ids("articles", outlet="www.skynewsarabia.com") == ["v3"]
    assert _ids("claims", outlet="العربية") == []  # no claim cites al-Arabiya
    assert _ids("events", outlet="الجزيرة") == ["ev-quake", "ev-visit"]


def test_an_entity_picks_the_items_naming_it_by_id_or_name() -> None:
    assert _ids("articles", entity="e-putin") == ["v1", "v2"]
    assert _ids("articles", entity="احمد الشرع") == ["v1", "v3"]  # hamza folded
    assert _ids("claims", entity="e-sharaa") == ["cl-talks"]
    assert _ids("stories", entity="e-tr") == ["st-quake"]


def test_days_pick_articles_by_publication() -> None:
    assert _ids("articles", days=parse_days("2025-10-16")) == ["v2"]
    assert _ids("articles", days=parse_days("2025-10-15..2025-10-16")) == ["v1", "v2"]
    assert _ids("events", days=parse_days("..2025-10-14")) == ["ev-quake"]


def test_text_finds_a_word_in_titles_texts_and_claims_with_arabic_folded() -> None:
    assert _ids("articles", text="القواعد") == ["v2"]
    assert _ids("articles", text="الشّرع") == ["v1", "v3"]  # a shadda in the query is folded
    assert _ids("claims", text="لم تعلن") == ["cl-talks"]  # in a source's quote
    assert _ids("entities", text="بوتين") == ["e-putin"]
    assert _ids("errors", text="BINARY") == ["broken.bin"]  # case folded
    assert _ids("articles", text="  ") == ["q1", "v1", "v2", "v3"]  # a blank query is none


def test_filters_combine_on_the_same_articles() -> None:
    # al-Jazeera reported the visit once (v2) and the quake once (q1)
    assert _ids("articles", story="st-visit", outlet="الجزيرة") == ["v2"]
    # the talks claim cites v2 (al-Jazeera) and v3 (Sky): only v2 is of the 16th
    assert _ids("claims", outlet="سكاي نيوز عربية", days=parse_days("2025-10-16")) == []
    assert _ids("claims", entity="e-putin", text="القواعد") == ["cl-talks"]


def test_every_part_of_a_dossier_is_served_and_filtered() -> None:
    assert {r.part for r in DOSSIER_PARTS} == set(PARTS)


@pytest.fixture()
def stored(make_client: Callable[..., TestClient], data_dir: Path) -> tuple[TestClient, str]:
    job_id = store_dossier(data_dir, pile_dossier())
    return make_client(), job_id


def test_the_api_filters_on_the_server_and_pages_the_result(
    stored: tuple[TestClient, str],
) -> None:
    client, job_id = stored
    url = f"/api/dossiers/{job_id}/articles"
    everything = client.get(url)
    assert everything.headers[TOTAL_HEADER] == "4"
    visit = client.get(url, params={"story": "st-visit"})
    assert [a["id"] for a in visit.json()] == ["v1", "v2", "v3"]
    assert visit.headers[TOTAL_HEADER] == "3"
    second = client.get(url, params={"story": "st-visit", "limit": 1, "offset": 1})
    assert [a["id"] for a in second.json()] == ["v2"]
    assert second.headers[TOTAL_HEADER] == "3"  # the total of the filtered list
    narrowed = client.get(url, params={"outlet": "الجزيرة", "date": "2025-10-15..2025-10-17"})
    assert [a["id"] for a in narrowed.json()] == ["v2"]
    ranged = client.get(url, params={"date_from": "2025-10-15", "date_to": "2025-10-16"})
    assert [a["id"] for a in ranged.json()] == ["v1", "v2"]
    found = client.get(f"/api/dossiers/{job_id}/claims", params={"text": "القواعد الروسية"})
    assert [c["id"] for c in found.json()] == ["cl-talks"]
    by_entity = client.get(f"/api/dossiers/{job_id}/events", params={"entity": "بوتين"})
    assert [e["id"] for e in by_entity.json()] == ["ev-visit"]


@pytest.mark.parametrize(
    "part", ["articles", "events", "stories", "entities", "claims", "contradictions", "errors"]
)
def test_every_list_endpoint_takes_every_filter(stored: tuple[TestClient, str], part: str) -> None:
    client, job_id = stored
    params = {"story": "st-visit", "outlet": "الجزيرة", "entity": "e-putin", "date": "2025-10-16"}
    response = client.get(f"/api/dossiers/{job_id}/{part}", params=params)
    assert response.status_code == 200, response.text
    # the four filters leave one article, v2: one item of each part leans on it
    assert len(response.json()) == (0 if part == "errors" else 1)


def test_a_bad_date_is_refused_in_arabic_and_english(stored: tuple[TestClient, str]) -> None:
    client, job_id = stored
    response = client.get(f"/api/dossiers/{job_id}/articles", params={"date": "أمس"})
    assert response.status_code == 422
    body = response.json()
    assert "التاريخ «أمس» غير صالح" in body["message"]
    assert "YYYY-MM-DD" in body["detail"]


def test_one_item_endpoints_are_declared_per_part(stored: tuple[TestClient, str]) -> None:
    client, job_id = stored
    for part, item_id in (("articles", "v2"), ("stories", "st-visit"), ("contradictions", "ct-1")):
        response = client.get(f"/api/dossiers/{job_id}/{part}/{item_id}")
        assert response.status_code == 200 and response.json()["id"] == item_id
    missing = client.get(f"/api/dossiers/{job_id}/claims/cl-none")
    assert missing.status_code == 404
    assert missing.json()["message"] == "لا يوجد في ملف الخبر عنصر بهذا الرقم."
