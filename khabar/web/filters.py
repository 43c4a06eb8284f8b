"""Which items of a dossier a list request asks for: those of a story, an outlet, an entity, a
range of days, or holding a word or phrase.

Every item of a dossier leans on articles (an event on those that report it, a claim on its
sources, an entity on the articles naming it). The story, outlet, entity and day filters each
pick articles; an item passes them when one of its articles passes all of them. An item with no
article (an input that could not be analysed) passes none of them. The text filter looks in the
item's own words, folded as khabar folds Arabic for matching (diacritics, hamza and alef forms,
taa marbuta, digits), so «الشرع» finds «الشّرع».

Functions over dossier.json data (plain dicts), with no state: the API calls them per request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from khabar.arabic.normalize import normalize

Item = Mapping[str, Any]

RANGE_SEPARATOR = ".."
"""Between the two days of a range in the ``date`` parameter: ``2025-10-14..2025-10-16``."""


@dataclass(frozen=True)
class DayRange:
    """Days from ``first`` to ``last``, both included; an end left as None is open."""

    first: date | None = None
    last: date | None = None

    def holds(self, day: date) -> bool:
        """Tell whether ``day`` falls in the range."""
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)

    def within(self, other: DayRange) -> DayRange:
        """The days in both ranges."""
        firsts = [d for d in (self.first, other.first) if d is not None]
        lasts = [d for d in (self.last, other.last) if d is not None]
        return DayRange(max(firsts, default=None), min(lasts, default=None))


def parse_day(text: str) -> date:
    """A day written YYYY-MM-DD (ValueError otherwise)."""
    return date.fromisoformat(text.strip())


def parse_days(text: str) -> DayRange:
    """A day (``2025-10-14``) or a range (``2025-10-14..2025-10-16``, either end may be left
    out) as a DayRange; ValueError for anything else, or a range that ends before it starts."""
    first, separator, last = text.strip().partition(RANGE_SEPARATOR)
    if not separator:
        day = parse_day(first)
        return DayRange(day, day)
    days = DayRange(parse_day(first) if first else None, parse_day(last) if last else None)
    if days.first is None and days.last is None:
        raise ValueError("a range needs at least one day")
    if days.first is not None and days.last is not None and days.last < days.first:
        raise ValueError("the range ends before it starts")
    return days


@dataclass(frozen=True)
class ItemQuery:
    """What a list request asks for; None means no filter of that kind."""

    story: str | None = None
    """A story id (or its title)."""
    outlet: str | None = None
    """An outlet as the dossier names it, or the host of its articles' addresses."""
    entity: str | None = None
    """An entity id, or its name or one of its spellings."""
    days: DayRange | None = None
    """Days of publication."""
    text: str | None = None
    """A word or phrase."""

    def picks_articles(self) -> bool:
        """Tell whether any filter that works through articles is set."""
        return any(v is not None for v in (self.story, self.outlet, self.entity, self.days))


def fold(text: str) -> str:
    """Text folded for matching: Arabic normalised, case folded, runs of spaces made one."""
    return " ".join(normalize(text).casefold().split())


def _host(url: object) -> str:
    host = urlsplit(str(url or "")).hostname or ""
    return host.removeprefix("www.")


def _named(value: str, item: Item, *names: str) -> bool:
    """Tell whether ``value`` is the item's id or (folded) one of its names."""
    if item.get("id") == value:
        return True
    wanted = fold(value)
    spellings: list[Any] = []
    for name in names:
        field = item.get(name)
        spellings.extend(field if isinstance(field, list) else [field])
    return any(fold(str(s)) == wanted for s in spellings if s)


def _story_articles(data: Mapping[str, Any], value: str) -> set[str]:
    stories = [s for s in data.get("stories", []) if _named(value, s, "title")]
    ids = {s.get("id") for s in stories}
    events = {e for s in stories for e in s.get("events", [])}
    return {
        a
        for e in data.get("events", [])
        if e.get("id") in events or (e.get("story") is not None and e.get("story") in ids)
        for a in e.get("articles", [])
    }


def _outlet_articles(data: Mapping[str, Any], value: str) -> set[str]:
    wanted = fold(value)
    host = value.strip().casefold().removeprefix("www.")
    return {
        a["id"]
        for a in data.get("articles", [])
        if fold(str(a.get("outlet") or "")) == wanted or (host and _host(a.get("url")) == host)
    }


def _entity_articles(data: Mapping[str, Any], value: str) -> set[str]:
    entities = [e for e in data.get("entities", []) if _named(value, e, "name", "variants")]
    ids = {e.get("id") for e in entities}
    named = {a for e in entities for a in e.get("articles", [])}
    mentioned = {
        a["id"]
        for a in data.get("articles", [])
        if any(
            m.get("entity") in ids for m in (*a.get("entities", []), *a.get("title_entities", []))
        )
    }
    return named | mentioned


def _day_articles(data: Mapping[str, Any], days: DayRange) -> set[str]:
    out = set()
    for article in data.get("articles", []):
        try:
            day = parse_day(str(article.get("published") or ""))
        except ValueError:
            continue
        if days.holds(day):
            out.add(article["id"])
    return out


def allowed_articles(data: Mapping[str, Any], query: ItemQuery) -> set[str] | None:
    """The ids of the articles passing the query's story, outlet, entity and day filters (None
    when it sets none of them)."""
    picks: list[set[str]] = []
    if query.story is not None:
        picks.append(_story_articles(data, query.story))
    if query.outlet is not None:
        picks.append(_outlet_articles(data, query.outlet))
    if query.entity is not None:
        picks.append(_entity_articles(data, query.entity))
    if query.days is not None:
        picks.append(_day_articles(data, query.days))
    if not picks:
        return None
    return set.intersection(*picks)


# How each part of a dossier leans on articles, and the words of each item ---------------------


def _strings(item: Item, *fields: str) -> Iterator[str]:
    for name in fields:
        value = item.get(name)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str):
                yield v


def _cited(field: str, key: str) -> Callable[[Item], list[str]]:
    """The ``key`` of each entry of ``item[field]`` (the article of each source, …)."""

    def get(item: Item) -> list[str]:
        return [str(x.get(key)) for x in item.get(field, []) if isinstance(x, Mapping)]

    return get


@dataclass(frozen=True)
class Part:
    """A list of a dossier (``articles``, ``events``, …): how its items lean on articles and
    which of their words the text filter reads."""

    name: str
    articles: Callable[[Item, Mapping[str, Any]], Iterable[str]]
    """The ids of the articles an item leans on (given the item and the whole dossier)."""
    words: Callable[[Item], Iterable[str]]


def _story_article_ids(story: Item, data: Mapping[str, Any]) -> Iterable[str]:
    value = str(story.get("id") or "")
    return _story_articles(data, value) if value else ()


PARTS: dict[str, Part] = {
    part.name: part
    for part in (
        Part(
            "articles",
            lambda a, _: [str(a.get("id"))],
            lambda a: _strings(a, "title", "lede", "text", "outlet"),
        ),
        Part(
            "events",
            lambda e, _: e.get("articles", []),
            lambda e: [*_strings(e, "title"), *_cited("summary", "text")(e)],
        ),
        Part("stories", _story_article_ids, lambda s: _strings(s, "title")),
        Part(
            "entities",
            lambda e, _: e.get("articles", []),
            lambda e: _strings(e, "name", "variants"),
        ),
        Part(
            "claims",
            lambda c, _: _cited("sources", "article")(c),
            lambda c: [*_strings(c, "text", "speaker"), *_cited("sources", "quote")(c)],
        ),
        Part(
            "contradictions",
            lambda c, _: _cited("sides", "article")(c),
            lambda c: [*_strings(c, "detail"), *_cited("sides", "quote")(c)],
        ),
        Part("errors", lambda f, _: (), lambda f: _strings(f, "source", "error")),
    )
}
"""The lists of a dossier the API serves, by their name in dossier.json."""


def select(data: Mapping[str, Any], part: Part, query: ItemQuery) -> list[Item]:
    """The items of one part of a dossier that pass every filter of ``query``, in order."""
    items: Sequence[Item] = data.get(part.name, [])
    allowed = allowed_articles(data, query)
    wanted = fold(query.text) if query.text is not None else ""
    out = []
    for item in items:
        if allowed is not None and not allowed.intersection(part.articles(item, data)):
            continue
        if wanted and not any(wanted in fold(w) for w in part.words(item)):
            continue
        out.append(item)
    return out
