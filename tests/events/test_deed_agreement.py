"""Agreement of two headlines on one deed (who did it, and where): lower text similarity merges."""

from __future__ import annotations

from datetime import date

from events_support import make

from khabar.events.cluster import (
    AGREE_MARGIN,
    LINK_THRESHOLD,
    ClusterState,
    Doer,
    agglomerate,
)
from khabar.events.signature import Signature, actor_key, signature

DAY = date(2018, 4, 14)
US, UK, SYRIA, YEMEN = (actor_key(n) for n in ("أمريكا", "بريطانيا", "سوريا", "اليمن"))


def _doer(title: str) -> Doer:
    return Doer.of(signature(make("a", title, "نص الخبر في سطر واحد.", DAY)))


def _act(actors: frozenset[str], places: frozenset[str], kind: str = "attack") -> Signature:
    return Signature(actors, kind, True, None, None, places | actors)


def test_a_headline_names_the_countries_it_happens_in_or_to() -> None:
    doer = _doer("فوكس نيوز: الولايات المتحدة قررت ضرب سوريا")
    assert doer.deed() == "attack"
    assert US in doer.actors
    assert SYRIA in doer.places and US not in doer.places  # the doer is not the place


def test_one_party_s_deed_in_one_place_agrees() -> None:
    decided = _doer("فوكس نيوز: الولايات المتحدة قررت ضرب سوريا")
    ordered = Doer.of(_act(frozenset({US}), frozenset({SYRIA})))
    assert decided.agrees(ordered) and ordered.agrees(decided)


def test_another_place_another_party_or_no_named_party_do_not_agree() -> None:
    strike = Doer.of(_act(frozenset({US}), frozenset({SYRIA})))
    assert not strike.agrees(Doer.of(_act(frozenset({US}), frozenset({YEMEN}))))
    assert not strike.agrees(Doer.of(_act(frozenset({UK}), frozenset({SYRIA}))))
    assert not strike.agrees(Doer.of(_act(frozenset(), frozenset({SYRIA}))))
    assert not strike.agrees(Doer.of(_act(frozenset({US}), frozenset({SYRIA}), "session")))


def test_two_sayings_about_one_act_do_not_agree_but_the_doer_s_saying_and_its_act_do() -> None:
    words = Signature(frozenset({US}), "statement", True, None, "attack", frozenset({SYRIA}))
    said = Doer.of(words)
    assert said.deed() == "attack"
    assert not said.agrees(said)  # each speaker's saying is its own happening
    assert said.agrees(Doer.of(_act(frozenset({US}), frozenset({SYRIA}))))


def _state(sig: Signature) -> ClusterState:
    return ClusterState(pub_min=DAY, pub_max=DAY, doers=(Doer.of(sig),))


def test_agreeing_clusters_merge_below_the_link_threshold_and_others_do_not() -> None:
    strike = _state(_act(frozenset({US}), frozenset({SYRIA})))
    decision = _state(_act(frozenset({US}), frozenset({SYRIA})))
    elsewhere = _state(_act(frozenset({US}), frozenset({YEMEN})))
    between = {(0, 1): LINK_THRESHOLD - AGREE_MARGIN / 2}
    below = {(0, 1): LINK_THRESHOLD - AGREE_MARGIN - 0.01}
    assert len(set(agglomerate([strike, decision], between, LINK_THRESHOLD, 3))) == 1
    assert len(set(agglomerate([strike, elsewhere], between, LINK_THRESHOLD, 3))) == 2
    assert len(set(agglomerate([strike, decision], below, LINK_THRESHOLD, 3))) == 2


def _roundup(*sigs: Signature, day: date = DAY) -> ClusterState:
    return ClusterState(
        pub_min=day, pub_max=day, genre="roundup", doers=tuple(Doer.of(d) for d in sigs)
    )


def test_roundups_of_one_day_about_one_place_agree_and_are_never_weakly_apart() -> None:
    headline = Signature(places=frozenset({SYRIA}), genre="roundup")  # ردود فعل على ضربة سوريا
    reactions = _roundup(headline, Signature(kind="statement", strong=True, genre="roundup"))
    saudi = frozenset({actor_key("السعودية")})
    gathered = Signature(saudi, "statement", True, "roundup", "attack", saudi | {SYRIA})
    assert reactions.agrees(_roundup(gathered))
    assert not reactions.weakly_apart(_roundup(gathered))  # a blank headline, but a roundup
    elsewhere = Signature(saudi, "statement", True, "roundup", "attack", saudi | {YEMEN})
    assert not reactions.agrees(_roundup(elsewhere))
    assert not reactions.agrees(_roundup(gathered, day=date(2018, 4, 15)))
