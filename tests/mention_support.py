"""Mentions placed by spelling, for tests that give the names of a hand-written text."""

from __future__ import annotations

from collections.abc import Mapping

from khabar.model import EntityType, Mention


def spelled_mentions(
    text: str, names: Mapping[str, tuple[EntityType, str | None]], in_title: bool = False
) -> list[Mention]:
    """A mention wherever each of ``names`` (spelling → type and entity id) is written in
    ``text``: name by name, each in text order."""
    out: list[Mention] = []
    for surface, (kind, entity) in names.items():
        at = text.find(surface)
        while at >= 0:
            out.append(Mention(surface, kind, at, at + len(surface), entity, in_title))
            at = text.find(surface, at + len(surface))
    return out
