"""Arabic sentences for the machine details of flags, contradictions and input errors.

The pipeline writes details for tools (``a652a83342c9 gives 60 and a806ebe857e8 gives 46``); the
Arabic dossier must show neither English nor internal ids. The rules in
``templates/details.json`` turn a detail into an Arabic sentence built from its data: article ids
become the outlet that published them, stances their Arabic wording, ISO days Arabic dates. A
detail no rule matches is shown as it is only when it holds no Latin letters (a quoted Arabic
sentence), else not at all: the flag's own Arabic explanation stands alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from khabar.report.timeline import arabic_date

TEMPLATE_PACKAGE = "khabar.report"
DETAILS_FILE = ("templates", "details.json")

ARTICLE_GROUPS = frozenset({"article", "a", "b"})
"""Named groups holding an article id, written as the article's outlet."""
DAY_GROUPS = frozenset({"day1", "day2"})
"""Named groups holding an ISO date, written as an Arabic date."""
STANCE_GROUP = "stance"
UNKNOWN_ARTICLE = "مقال آخر"
"""Written for an article id the dossier does not hold."""
ISOLATE = "\u2068{}\u2069"
"""An outlet name inside a sentence is wrapped in first-strong isolates (FSI … PDI), so a Latin
name or a file name does not reorder the Arabic around it."""

_LATIN = re.compile(r"[A-Za-z]")
_ARTICLE_ID = re.compile(r"\ba[0-9a-f]{8,}(?:-\d+)?\b")
"""The shape of khabar's article ids (``a`` and hex digits, ``-2`` for a second record)."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One detail pattern and the Arabic sentence it becomes."""

    pattern: re.Pattern[str]
    say: str


def _rules(items: Sequence[Mapping[str, str]]) -> tuple[Rule, ...]:
    return tuple(Rule(re.compile(item["match"]), item["say"]) for item in items)


@dataclass(frozen=True, slots=True)
class Wording:
    """The rules of ``details.json``, by flag kind, contradiction kind and for input errors."""

    flags: Mapping[str, tuple[Rule, ...]]
    contradictions: Mapping[str, tuple[Rule, ...]]
    errors: tuple[Rule, ...]


def load_wording() -> Wording:
    """Read the Arabic detail rules shipped with the package."""
    path = resources.files(TEMPLATE_PACKAGE).joinpath(*DETAILS_FILE)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return Wording(
        flags={kind: _rules(items) for kind, items in data["flags"].items()},
        contradictions={kind: _rules(items) for kind, items in data["contradictions"].items()},
        errors=_rules(data["errors"]),
    )


@dataclass(frozen=True, slots=True)
class Explainer:
    """Turns details into Arabic, naming articles by ``article_label`` (id → outlet)."""

    wording: Wording
    article_label: Mapping[str, str]
    stances: Mapping[str, str]
    months: Sequence[str]

    def _value(self, group: str, value: str) -> str:
        if group in ARTICLE_GROUPS:
            return self._outlet(value)
        if group in DAY_GROUPS:
            return arabic_date(value, self.months) or value
        if group == STANCE_GROUP:
            return self.stances.get(value, value)
        return value

    def _outlet(self, article_id: str) -> str:
        label = self.article_label.get(article_id)
        return ISOLATE.format(label) if label else UNKNOWN_ARTICLE

    def _apply(self, rules: Sequence[Rule], detail: str) -> str | None:
        for rule in rules:
            found = rule.pattern.search(detail)
            if found is not None:
                values = {k: self._value(k, v) for k, v in found.groupdict().items() if v}
                try:
                    return rule.say.format(**values)
                except (KeyError, IndexError):
                    continue  # a rule naming a group its pattern lacks: try the next one
        return None

    def _plain(self, detail: str) -> str | None:
        """An unmatched detail: ids swapped for outlets; None when English would remain."""
        named = _ARTICLE_ID.sub(lambda m: self._outlet(m.group()), detail).strip()
        if not named or _LATIN.search(_ARTICLE_ID.sub("", detail)):
            return None
        return named

    def flag(self, kind: str, detail: str | None) -> str | None:
        """The Arabic sentence for a flag's detail, or None when there is nothing to add."""
        if not detail:
            return None
        said = self._apply(self.wording.flags.get(kind, ()), detail)
        return said if said is not None else self._plain(detail)

    def contradiction(self, item: Mapping[str, Any]) -> str:
        """What the two sides of a contradiction say, in Arabic, from its sides and detail."""
        detail = str(item.get("detail") or "")
        said = self._apply(self.wording.contradictions.get(str(item.get("kind")), ()), detail)
        if said is not None:
            return said
        parts = [
            f"{self._outlet(str(side.get('article')))}: "
            f"{self.stances.get(str(side.get('stance')), '')}".rstrip(": ")
            for side in item.get("sides") or ()
        ]
        return "؛ ".join(parts) + "." if parts else ""

    def error(self, message: str) -> str | None:
        """The Arabic reason an input could not be analysed; None when no rule knows it and
        it is not Arabic already."""
        said = self._apply(self.wording.errors, message)
        if said is not None:
            return said
        return None if _LATIN.search(message) else message.strip() or None


def explainer(
    article_label: Mapping[str, str],
    stances: Mapping[str, str],
    months: Sequence[str],
    wording: Wording | None = None,
) -> Explainer:
    """An :class:`Explainer` over the shipped rules (or ``wording``)."""
    return Explainer(wording or load_wording(), article_label, stances, months)
