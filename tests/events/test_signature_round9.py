"""Signatures, ninth round: the positions of states are a roundup; a cause is context."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.signature import Signature, signature

DAY = date(2018, 5, 9)


def _sig(title: str) -> Signature:
    return signature(make("a", title, "نص الخبر في سطر واحد.", DAY))


def test_the_positions_of_states_on_an_act_are_a_roundup() -> None:
    assert _sig("ما هي مواقف الدول العربية من الضربات العسكرية الغربية على سوريا؟").genre == (
        "roundup"
    )


def test_a_cause_after_the_reported_act_does_not_give_its_kind() -> None:
    closing = _sig("العراق يغلق المنافذ البرية والجوية بسبب الانتخابات")
    assert closing.kind != "election"
    assert _sig("العراق يجري الانتخابات التشريعية").kind == "election"
