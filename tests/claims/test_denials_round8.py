"""Issue 17, eighth round: a denial read with its speaker answers the claim it rejects, and a
place the tagger split at a hashtag stays one speaker (khabar.claims.statements, opposition)."""

from __future__ import annotations

from typing import Any

from test_contradict_round7 import _with_places as _tagged  # each place tagged apart

from khabar.claims.align import Item
from khabar.claims.opposition import _said_by
from khabar.model import Statement

TURKEY = 'قال نائب رئيس الوزراء التركي إن قرار التشيك بإطلاق سراح صالح مسلم "دعم للإرهاب".'
PRAGUE = "رفضت وزارة الخارجية في جمهورية #التشيك اتهامات أنقرة لها برعاية #الإرهاب."


def test_a_place_split_at_a_hashtag_is_one_speaker() -> None:
    art = _tagged("b", PRAGUE, ("جمهورية", "التشيك", "أنقرة"))
    [stmt] = art.statements
    assert stmt.stance == "denied"
    assert stmt.speaker == "وزارة الخارجية في جمهورية #التشيك"
    assert stmt.content.startswith("اتهامات أنقرة")


def test_a_denial_of_ankaras_accusation_answers_what_turkey_said(
    one_event_contradictions: Any,
) -> None:
    a = _tagged("a", TURKEY, ("التشيك",))
    b = _tagged("b", PRAGUE, ("جمهورية", "التشيك", "أنقرة"))
    found = one_event_contradictions("stance", a, b)
    assert [{s.article for s in p.sources} for c in found for p in c.positions] == [{"a"}, {"b"}]


def test_the_accuser_must_be_who_said_it(one_event_contradictions: Any) -> None:
    other = TURKEY.replace("نائب رئيس الوزراء التركي", "المتحدث باسم الخارجية الأمريكية")
    a = _tagged("a", other, ("التشيك",))
    b = _tagged("b", PRAGUE, ("جمهورية", "التشيك", "أنقرة"))
    assert one_event_contradictions("stance", a, b) == []


def _item(speaker: str | None) -> Item:
    stmt = Statement("x", "x", 0, 1, "attributed", speaker)
    return Item("a", stmt, None, None, None, False, ())


def test_a_seat_of_government_names_its_states_speaker() -> None:
    ankara = frozenset({"انقر"})
    assert _said_by(_item("نائب رئيس الوزراء التركي"), ankara)
    assert _said_by(_item("تركيا"), ankara)
    assert not _said_by(_item("وزير الخارجية الروسي"), ankara)
    assert not _said_by(_item(None), ankara)
