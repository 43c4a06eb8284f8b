"""The HTML dossier of a big pile: an index page plus one self-contained page per story.

Up to :data:`SPLIT_ABOVE_ARTICLES` articles the dossier stays one page (:mod:`khabar.report.html`).
Above it, ``dossier.html`` becomes an index (counts, search over story titles, names and outlets,
the stories in the one-page order, entity and outlet summaries, input errors) and each story gets
its own page in a folder beside it, ``dossier_stories/story-<id>.html``: its timeline, events,
claims, sources, the names in it (entities of one article are listed there only, not on the
index) and its articles, with a link back. Events outside every story, claims outside every
event and articles of no story go on ``dossier_stories/other.html``.

Every page is rendered by the one template with the one script (the same CSP hash), page text
escaped; links are relative (``dossier_stories/story-x.html#event-y`` from the index,
``../dossier.html#entity-z`` from a story page), so the folder can be moved or zipped whole.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khabar.model import STANCES
from khabar.report.html import PageRenderer, build_view

SPLIT_ABOVE_ARTICLES = 500
"""Above this many articles the HTML dossier is an index plus one page per story. The one page
grows by about 21 KB an article (107 MB at 5,000 ANT articles; the open story of a 399-article pile
was 120,899 px tall): about 10 MB at 500, as much as a browser opens without a long wait. Split,
the 5,000 made a 2.2 MB index and 1,156 story pages of 51 KB (median) to 4.2 MB."""
INDEX_NAME = "dossier.html"
STORY_FOLDER_SUFFIX = "_stories"
"""The story pages' folder is the index's name without ``.html`` plus this: ``dossier_stories``."""
STORY_PAGE = "story-{}.html"
OTHER_PAGE = "other.html"
"""The page of events outside every story, claims outside every event, articles of no story."""
PAGE_NAME = re.compile(r"(story-[A-Za-z0-9_-]{1,64}|other)\.html")
"""Names khabar gives its pages (and the only files it removes from the folder when stale)."""
SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""Story ids used as they are in page names; any other id gets the story's position instead."""
INDEX_STORY_NAMES = 6
"""Names (the entities of most of a story's articles) shown, and searched, under each story."""
INDEX_ENTITY_STORIES = 3
"""Stories linked from each entity row of the index (by the entity's articles in each)."""
INDEX_OUTLET_STORIES = 8
"""Stories linked from each outlet of the index (by the outlet's articles in each)."""
INDEX_SHOWN_STORIES = 50
"""Stories listed open on the index before the rest fold under «كل القصص»: 5,000 ANT articles made
1,156 stories, most of one article, 135,000 px of rows when all were listed."""
INDEX_ENTITY_MIN_ARTICLES = 2
"""Entities of fewer articles are listed on their story page only («الأسماء»), not on the index:
at 5,000 ANT articles 6,838 of the 11,209 entities had one article, and listing every entity
made the index 4.7 MB, 3.8 MB of it entity rows."""


def story_folder(index_name: str = INDEX_NAME) -> str:
    """The folder of the story pages beside ``index_name``: ``dossier_stories``."""
    return f"{posixpath.splitext(index_name)[0]}{STORY_FOLDER_SUFFIX}"


def should_split(data: Mapping[str, Any], split_above: int | None = SPLIT_ABOVE_ARTICLES) -> bool:
    """Whether the dossier dict is written as an index plus story pages."""
    return split_above is not None and len(data.get("articles") or ()) > split_above


@dataclass(frozen=True)
class Linker:
    """Links from the page ``here`` to the pages where each article, event, claim and entity
    lives (``home``, by (kind, id)); what has no home is looked for on ``here``."""

    here: str
    home: Mapping[tuple[str, str], str]
    local: frozenset[tuple[str, str]] = frozenset()
    """What ``here`` holds besides what lives there (a story page's names)."""

    def to_page(self, page: str) -> str:
        """The relative path from ``here`` to ``page`` (both relative to the output folder)."""
        if page == self.here:
            return ""
        return posixpath.relpath(page, posixpath.dirname(self.here) or ".")

    def __call__(self, kind: str, ident: Any) -> str:
        """The link to the element ``kind-ident``."""
        key = (kind, str(ident))
        page = self.here if key in self.local else self.home.get(key, self.here)
        return f"{self.to_page(page)}#{kind}-{ident}"


def _page_names(groups: Sequence[Mapping[str, Any]], folder: str) -> list[str]:
    """Each story's page, by its id when that is a safe file name, else by its position."""
    names: list[str] = []
    taken: set[str] = set()
    for position, group in enumerate(groups, start=1):
        ident = str(group["id"])
        stem = ident if SAFE_ID.fullmatch(ident) else f"{position:04d}"
        name = f"{folder}/{STORY_PAGE.format(stem)}"
        if name in taken:
            name = f"{folder}/{STORY_PAGE.format(f'{stem}-{position}')}"
        taken.add(name)
        names.append(name)
    return names


def _filters(article_views: Sequence[Mapping[str, Any]], view: Mapping[str, Any]) -> dict[str, Any]:
    """The filter options of a story page: the outlets, days, entities and stances of its
    articles, counted on it."""
    outlet_names = {key: name for name, key in view["outlet_key"].items()}
    outlets = Counter(v["outlet"] for v in article_views)
    days = Counter(v["day"] for v in article_views if v["day"])
    entities = Counter(e for v in article_views for e in v["entities"].split())
    stances = {s for v in article_views for s in v["stances"].split()}
    entity_by_id = view["entity_by_id"]
    return {
        "stories": [],
        "outlets": [(k, outlet_names[k], n) for k, n in outlets.most_common()],
        "days": sorted(days.items()),
        "entities": [
            (e, entity_by_id[e].get("name") or "", n)
            for e, n in entities.most_common()
            if e in entity_by_id
        ],
        "stances": [s for s in STANCES if s in stances],
    }


def _story_page_view(
    view: Mapping[str, Any],
    group: Mapping[str, Any] | None,
    article_ids: Sequence[str],
    other: bool,
    index: tuple[str, frozenset[str]],
    place: Mapping[str, Sequence[int]],
) -> dict[str, Any]:
    """The view of one story page (or of the page of what is outside every story); its names
    (the entities of its articles, events and claims) link to their rows on the index, given as
    its path from the page and the entities it lists. ``place`` gives the positions of each
    article's views in ``view["articles"]``."""
    index_path, listed = index
    # the page's article views in the order the view lists them, found through their places
    article_views = [
        view["articles"][k] for k in sorted({k for a in article_ids for k in place.get(a, ())})
    ]
    events = group["events"] if group else []
    claims = sum(len(e["claims"]) for e in events)
    loose_claims = view["loose_claims"] if other else []
    loose_contradictions = view["loose_contradictions"] if other else []
    mentioned: dict[str, list[str]] = {}
    for article_id in article_ids:
        for entity_id in view["entities_of"].get(article_id, ()):
            mentioned.setdefault(entity_id, []).append(article_id)
    for event_view in events:
        for entity in (*event_view["participants"], *event_view["places"]):
            mentioned.setdefault(entity["id"], [])
    for row in [*(c for e in events for c in e["claims"]), *loose_claims]:
        if row["claim"].get("speaker") in view["entity_by_id"]:
            mentioned.setdefault(row["claim"]["speaker"], [])
    names = [
        {
            "entity": view["entity_by_id"][entity_id],
            "articles": ids,
            "index_href": f"{index_path}#entity-{entity_id}" if entity_id in listed else None,
        }
        for entity_id, ids in sorted(
            mentioned.items(),
            key=lambda x: (-len(x[1]), str(view["entity_by_id"][x[0]].get("name"))),
        )
        if entity_id in view["entity_by_id"]
    ]
    return {
        **view,
        "story_groups": [group] if group and not other else [],
        "outside_group": group if other else None,
        "open_stories": 1,
        "articles": article_views,
        "entities": [],
        "outlets": [],
        "errors": [],
        "loose_claims": loose_claims,
        "loose_contradictions": loose_contradictions,
        "names": names,
        "names_elsewhere": bool(listed),
        "filters": _filters(article_views, view),
        "counts": [
            ("articles", len(article_views)),
            ("events", len(events)),
            ("claims", claims + len(loose_claims)),
        ],
    }


def _index_extras(
    view: Mapping[str, Any], pages: Mapping[str, str], link: Linker
) -> dict[str, Any]:
    """What only the index shows: a row per story, per entity, and the stories of each outlet."""
    article_by_id = view["article_by_id"]
    outlet_key = view["outlet_key"]
    key_of = {a: outlet_key[view["article_label"][a]] for a in article_by_id}
    entity_by_id = view["entity_by_id"]
    story_of: dict[str, Mapping[str, Any]] = {}
    for group in view["story_groups"]:
        for article_id in group["articles"]:
            story_of.setdefault(article_id, group)

    story_rows = []
    for group in view["story_groups"]:
        ids = group["articles"]
        names = Counter(e for a in ids for e in _entities_of(view, a))
        story_rows.append(
            {
                "id": group["id"],
                "title": group["title"],
                "colour": group["colour"],
                "href": link.to_page(pages[group["id"]]),
                "events": len(group["events"]),
                "articles": len(ids),
                "first_day": group["first_day"],
                "last_day": group["last_day"],
                "outlet_names": group["outlets"],
                "outlets": " ".join(dict.fromkeys(key_of[a] for a in ids)),
                "days": " ".join(sorted({article_by_id[a].get("published") or "" for a in ids})),
                "names": [
                    entity_by_id[e].get("name")
                    for e, _ in names.most_common(INDEX_STORY_NAMES)
                    if e in entity_by_id
                ],
            }
        )

    day_keys = {day: f"d{k}" for k, (day, _) in enumerate(view["filters"]["days"])}
    for row in story_rows:
        row["days"] = " ".join(day_keys[d] for d in row["days"].split() if d in day_keys)
    entity_rows = []
    for entity_view in view["entities"]:
        ids = entity_view["articles"]
        if len(ids) < INDEX_ENTITY_MIN_ARTICLES:
            continue
        stories = Counter(story_of[a]["id"] for a in ids if a in story_of)
        group_by_id = view["story_by_id"]
        entity_rows.append(
            {
                "entity": entity_view["entity"],
                "articles": len(ids),
                "claims": len(entity_view["claims"]),
                "outlets": " ".join(dict.fromkeys(key_of[a] for a in ids)),
                "days": " ".join(
                    sorted({day_keys.get(article_by_id[a].get("published"), "") for a in ids})
                ).strip(),
                "stories": [
                    (group_by_id[s]["title"], link.to_page(pages[s]))
                    for s, _ in stories.most_common(INDEX_ENTITY_STORIES)
                ],
                "more_stories": max(0, len(stories) - INDEX_ENTITY_STORIES),
            }
        )

    outlet_stories = {}
    for outlet in view["outlets"]:
        stories = Counter(story_of[a]["id"] for a in outlet["articles"] if a in story_of)
        outlet_stories[outlet["key"]] = [
            (view["story_by_id"][s]["title"], link.to_page(pages[s]), n)
            for s, n in stories.most_common(INDEX_OUTLET_STORIES)
        ]
    return {
        "story_rows": story_rows,
        "entity_rows": entity_rows,
        "outlet_stories": outlet_stories,
        "day_keys": day_keys,
        "filters": {**view["filters"], "stories": [], "entities": [], "stances": []},
    }


def _entities_of(view: Mapping[str, Any], article_id: str) -> list[str]:
    """The entity ids of an article, as its article view lists them."""
    return list(view["entities_of"].get(article_id, ()))


def _place_events(
    home: dict[tuple[str, str], str], event_views: Sequence[Mapping[str, Any]], page: str
) -> None:
    """Record ``page`` as the home of each event of ``event_views`` and of its claims."""
    for event_view in event_views:
        home[("event", event_view["event"]["id"])] = page
        for claim in event_view["claims"]:
            home[("claim", str(claim["claim"]["id"]))] = page


def render_pages(
    data: Mapping[str, Any],
    index_name: str = INDEX_NAME,
    split_above: int | None = SPLIT_ABOVE_ARTICLES,
) -> dict[str, str]:
    """The HTML dossier's files by path relative to the output folder: ``index_name`` alone up
    to ``split_above`` articles (None: never split), else the story pages first and the index
    last (written in this order, the index never links to a page not yet there)."""
    renderer = PageRenderer()
    view = build_view(data, renderer.labels)
    if not should_split(data, split_above):
        return {index_name: renderer.render(view)}
    folder = story_folder(index_name)
    groups = view["story_groups"]
    pages = dict(zip((g["id"] for g in groups), _page_names(groups, folder), strict=True))
    other_page = f"{folder}/{OTHER_PAGE}"
    home: dict[tuple[str, str], str] = {}
    on_page: dict[str, list[str]] = {}
    for group in groups:
        page = pages[group["id"]]
        on_page[page] = list(group["articles"])
        _place_events(home, group["events"], page)
        for article_id in group["articles"]:
            home.setdefault(("article", article_id), page)
    outside = view["outside_group"]
    leftover = [a for a in view["article_by_id"] if ("article", a) not in home]
    other_ids = list(dict.fromkeys([*(outside["articles"] if outside else []), *leftover]))
    has_other = bool(outside or leftover or view["loose_claims"] or view["loose_contradictions"])
    if has_other:
        on_page[other_page] = other_ids
        _place_events(home, outside["events"] if outside else [], other_page)
        for row in view["loose_claims"]:
            home[("claim", str(row["claim"]["id"]))] = other_page
        for article_id in other_ids:
            home.setdefault(("article", article_id), other_page)
    on_index = [
        v["entity"]["id"]
        for v in view["entities"]
        if len(v["articles"]) >= INDEX_ENTITY_MIN_ARTICLES
    ]
    listed = frozenset(on_index)
    for entity_id in on_index:
        home[("entity", str(entity_id))] = index_name

    place: dict[str, list[int]] = {}
    for position, article_view in enumerate(view["articles"]):
        place.setdefault(article_view["article"]["id"], []).append(position)
    files: dict[str, str] = {}
    story_pages = [(pages[g["id"]], g, False) for g in groups]
    for page, group, other in [*story_pages, *([(other_page, outside, True)] if has_other else [])]:
        to_index = Linker(page, home).to_page(index_name)
        page_view = _story_page_view(view, group, on_page[page], other, (to_index, listed), place)
        local = frozenset(("entity", str(row["entity"]["id"])) for row in page_view["names"])
        link = Linker(page, home, local)
        files[page] = renderer.render(
            page_view,
            page="story",
            href=link,
            index_href=link.to_page(index_name),
        )
    link = Linker(index_name, home)
    files[index_name] = renderer.render(
        {**view, **_index_extras(view, pages, link)},
        page="index",
        href=link,
        other_href=link.to_page(other_page) if has_other else None,
        top_stories=INDEX_SHOWN_STORIES,
    )
    return files


def stale_pages(out_dir: Path, index_name: str, written: Sequence[str]) -> list[Path]:
    """Story pages of an earlier write in ``out_dir`` that this write did not write (khabar's
    own page names only): to be removed, so no old page outlives its story."""
    folder = out_dir / story_folder(index_name)
    if not folder.is_dir():
        return []
    keep = {out_dir / name for name in written}
    return sorted(
        path
        for path in folder.iterdir()
        if PAGE_NAME.fullmatch(path.name) and path.is_file() and path not in keep
    )
