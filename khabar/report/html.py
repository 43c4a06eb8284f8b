"""The dossier as one self-contained Arabic HTML page you can work in.

Inline CSS, one inline SVG timeline per story, no network. Rendered from
:func:`khabar.report.json.dossier_to_dict`, so the HTML and the JSON never disagree. Page content
is untrusted: the template autoescapes everything it prints. The page's only script
(``templates/dossier.js``: search and filters) is allowed by a Content-Security-Policy hash of
exactly its text, so nothing a page smuggles in can run; it reads text and toggles visibility,
never writes markup. Without it the page still reads: every section is a ``<details>``.

Layout: stories by size (articles) then recency, the biggest open, the rest collapsed, each with
its timeline and events (summary, sources, claims with each outlet's stance, contradictions and
flags in Arabic); then one section per entity, per outlet, and per article (bodies collapsed).
Above :data:`LARGE_DOSSIER_ARTICLES` articles, bodies are written without entity highlights. An
open story shows its first :data:`SHOWN_EVENTS` events and folds the rest under their count; the
entity section lists the :data:`TOP_ENTITIES` most cited and folds the others under «كل الكيانات».
The same template renders the pages of a split dossier (:mod:`khabar.report.pages`): ``page`` is
``"single"``, ``"index"`` or ``"story"``, and every link to an article, event, claim or entity is
made by ``href(kind, id)``, an in-page anchor here and a relative path there.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from khabar.model import STANCES, Dossier
from khabar.report.explain import Explainer, explainer
from khabar.report.json import dossier_to_dict
from khabar.report.timeline import (
    LONG_RANGE_DAYS,
    MIN_RANGE_WIDTH,
    Tick,
    Timeline,
    TimelineRow,
    arabic_date,
    build_timeline,
    chronological,
    fit_axis,
    parse_day,
    shorten,
    sort_days,
)

__all__ = [
    "LONG_RANGE_DAYS",
    "MIN_RANGE_WIDTH",
    "PageRenderer",
    "Tick",
    "Timeline",
    "TimelineRow",
    "anchor",
    "arabic_date",
    "build_timeline",
    "build_view",
    "chronological",
    "fit_axis",
    "highlight_paragraphs",
    "order_stories",
    "page_script",
    "render_dossier_dict",
    "render_html",
    "safe_url",
    "script_csp_source",
    "shorten",
]

TEMPLATE_PACKAGE = "khabar.report"
TEMPLATE_FOLDER = "templates"
PAGE_TEMPLATE = "dossier.html.j2"
LABELS_FILE = "labels.json"
SCRIPT_FILE = "dossier.js"

STORY_COLOURS = 8
"""Distinct story colours in the stylesheet (``.story-0`` … ``.story-7``); more stories reuse
them in turn."""
OPEN_STORIES = 1
"""Stories shown open when the page loads (the biggest); the others are collapsed."""
LARGE_DOSSIER_ARTICLES = 300
"""Above this many articles, article bodies are written as plain paragraphs without entity and
date highlights: the highlights were a quarter of the page (about 7,000 marks for 225 ANT
articles), and the full text stays in the page, searchable with the browser's find."""

SHOWN_EVENTS = 8
"""Events of a story shown before the rest fold under «N حدثًا آخر»: the open story of a
399-article ANT pile had 120 articles in 60-odd events and was 120,899 px tall fully open."""
TOP_ENTITIES = 40
"""Entities (by article count) listed before the rest fold under «كل الكيانات»: the same pile
named 1,239 entities, 74,128 px of rows when all were open."""

SAFE_URL_SCHEMES = frozenset({"http", "https"})
"""Only these links are made clickable; anything else (javascript:, data:) is shown as text."""
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {script}; "
    "base-uri 'none'; form-action 'none'"
)
"""The page's Content-Security-Policy: its own script (by hash) and inline styles, nothing else."""


# --------------------------------------------------------------------------------------------
# The page's script
# --------------------------------------------------------------------------------------------


def page_script() -> str:
    """The text of the page's only script, exactly as it is written into the page."""
    path = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FOLDER, SCRIPT_FILE)
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower() or "<!--" in text:
        raise ValueError(f"{SCRIPT_FILE} must not contain '</script' or '<!--'")
    return text


def script_csp_source(script: str | None = None) -> str:
    """The CSP source that allows exactly the page's script: ``'sha256-…'``."""
    text = page_script() if script is None else script
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# --------------------------------------------------------------------------------------------
# Article text with entity highlights
# --------------------------------------------------------------------------------------------


def highlight_paragraphs(
    text: str, mentions: Sequence[Mapping[str, Any]]
) -> list[list[dict[str, Any]]]:
    """Split ``text`` into paragraphs of segments; a segment with a ``type`` is an entity mention.

    Overlapping or out-of-range mentions are skipped, so the segments always rebuild the text.
    """
    spans = sorted(
        (
            m
            for m in mentions
            if isinstance(m.get("start"), int)
            and isinstance(m.get("end"), int)
            and 0 <= m["start"] < m["end"] <= len(text)
        ),
        key=lambda m: (m["start"], -m["end"]),
    )
    paragraphs: list[list[dict[str, Any]]] = []
    offset = 0
    index = 0
    for paragraph in text.split("\n"):
        start, end = offset, offset + len(paragraph)
        segments: list[dict[str, Any]] = []
        cursor = start
        while index < len(spans) and spans[index]["start"] < end:
            mention = spans[index]
            index += 1
            if mention["start"] < cursor or mention["end"] > end:
                continue
            if mention["start"] > cursor:
                segments.append({"text": text[cursor : mention["start"]]})
            segments.append(
                {
                    "text": text[mention["start"] : mention["end"]],
                    "type": mention.get("type") or "MISC",
                    "entity": mention.get("entity"),
                    "note": mention.get("note"),
                }
            )
            cursor = mention["end"]
        if cursor < end:
            segments.append({"text": text[cursor:end]})
        if segments:
            paragraphs.append(segments)
        offset = end + 1
    return paragraphs


def _time_marks(times: Iterable[Mapping[str, Any]], months: Sequence[str]) -> list[dict[str, Any]]:
    """Turn an article's time expressions into highlight spans noting the days they denote."""
    marks = []
    for time in times:
        earliest, latest = time.get("earliest"), time.get("latest")
        if earliest and latest and earliest != latest:
            note = f"{arabic_date(earliest, months)} – {arabic_date(latest, months)}"
        elif earliest:
            note = arabic_date(earliest, months)
        else:
            note = "تعبير زمني لم يُحدَّد يومه"
        marks.append(
            {"start": time.get("start"), "end": time.get("end"), "type": "TIME", "note": note}
        )
    return marks


# --------------------------------------------------------------------------------------------
# The page's view of the dossier
# --------------------------------------------------------------------------------------------


def safe_url(url: Any) -> str | None:
    """Return ``url`` when it is an http(s) link that may be made clickable, else None."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in SAFE_URL_SCHEMES else None


def _article_label(article: Mapping[str, Any]) -> str:
    """Name an article for citations: its outlet, else the host of its URL, else its file."""
    if article.get("outlet"):
        return str(article["outlet"])
    url = article.get("url")
    if isinstance(url, str):
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    source = str(article.get("source") or "")
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name or "مصدر غير معروف"


def load_labels() -> dict[str, Any]:
    """Read the Arabic wording of the dossier (section names, stances, flags, months): the one
    place the dossier, its tables and the web app take their shared words from."""
    path = resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_FOLDER, LABELS_FILE)
    labels: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return labels


# Fields the page reads, with the value used when a dossier dict (say, JSON written by an older
# khabar) lacks them.
_ITEM_DEFAULTS: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "articles": {
            "source": "",
            "url": None,
            "title": None,
            "published": None,
            "outlet": None,
            "language": "und",
            "lede": None,
            "text": "",
            "entities": (),
            "times": (),
            "event": None,
            "flags": (),
            "removed": (),
            "published_evidence": None,
        },
        "events": {
            "title": "",
            "date": None,
            "date_range": None,
            "date_evidence": (),
            "articles": (),
            "story": None,
            "summary": (),
            "participants": (),
            "places": (),
        },
        "stories": {"title": "", "events": ()},
        "entities": {"name": "", "type": "MISC", "variants": (), "articles": ()},
        "claims": {"text": "", "speaker": None, "event": None, "sources": ()},
        "contradictions": {"kind": "", "detail": "", "claim": None, "sides": ()},
        "errors": {"source": "", "error": ""},
    }
)
_TOP_DEFAULTS: Mapping[str, Any] = MappingProxyType({"khabar_version": None, "created": None})


def complete(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the dossier dict with every field the page reads (missing ones take defaults)."""
    out: dict[str, Any] = {**_TOP_DEFAULTS, **data}
    for section, defaults in _ITEM_DEFAULTS.items():
        items = []
        for index, item in enumerate(data.get(section) or []):
            filled = {**defaults, **item}
            filled.setdefault("id", f"{section}-{index + 1}")
            items.append(filled)
        out[section] = items
    return out


def _last_day(
    events: Sequence[Mapping[str, Any]], article_by_id: Mapping[str, Mapping[str, Any]]
) -> date:
    """The latest day a story's events or articles fall on (``date.min`` when none is dated)."""
    days = [d[1] for d in (sort_days(e) for e in events) if d is not None]
    days += [
        day
        for e in events
        for a in e.get("articles", [])
        if a in article_by_id
        for day in [parse_day(article_by_id[a].get("published"))]
        if day is not None
    ]
    return max(days, default=date.min)


def order_stories(
    stories: Sequence[Mapping[str, Any]],
    event_by_id: Mapping[str, Mapping[str, Any]],
    article_by_id: Mapping[str, Mapping[str, Any]],
) -> list[Mapping[str, Any]]:
    """Stories by size (distinct articles of their events), then recency (latest day), then
    title: the main story of a pile comes first."""

    def key(story: Mapping[str, Any]) -> tuple[int, int, str]:
        members = [event_by_id[e] for e in story.get("events", []) if e in event_by_id]
        size = len({a for e in members for a in e.get("articles", []) if a in article_by_id})
        return (-size, -_last_day(members, article_by_id).toordinal(), str(story.get("title")))

    return sorted(stories, key=key)


def _claim_view(claim: Mapping[str, Any], order: Mapping[str, int]) -> dict[str, Any]:
    """A claim with its sources in publication order, each quote shown when it adds words."""
    sources = sorted(claim.get("sources", []), key=lambda s: order.get(s.get("article"), 1 << 30))
    text = " ".join(str(claim.get("text") or "").split())
    rows = [
        {
            "article": s.get("article"),
            "stance": s.get("stance"),
            "quote": s.get("quote") or "",
            "show_quote": bool(s.get("quote")) and " ".join(str(s["quote"]).split()) != text,
        }
        for s in sources
    ]
    stances = {s.get("stance") for s in sources}
    return {
        "claim": claim,
        "sources": rows,
        "mixed": len(stances) > 1,
        "data": " ".join(f"{s.get('article')}:{s.get('stance')}" for s in sources),
    }


def _claim_order(claims: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Claims the sources disagree on first, then those reported by the most articles."""
    return sorted(
        claims,
        key=lambda c: (
            -len({s.get("stance") for s in c.get("sources", [])}),
            -len({s.get("article") for s in c.get("sources", [])}),
        ),
    )


def _flag_views(
    flags: Iterable[Mapping[str, Any]], labels: Mapping[str, Any], explain: Explainer
) -> list[dict[str, Any]]:
    """Flags as their Arabic label and Arabic detail (None when the detail says nothing more)."""
    out = []
    for flag in flags:
        kind = str(flag.get("kind") or "")
        out.append(
            {
                "kind": kind,
                "label": labels["flags"].get(kind, labels["unknown_flag"]),
                "detail": explain.flag(kind, flag.get("detail")),
            }
        )
    return out


def _entity_claims(
    claims: Sequence[Mapping[str, Any]],
    entity_by_id: Mapping[str, Mapping[str, Any]],
    entities_of: Mapping[str, Sequence[str]],
) -> dict[str, list[Mapping[str, Any]]]:
    """Each entity's claims: those it is the speaker of, and those of its articles that name it."""
    out: dict[str, list[Mapping[str, Any]]] = {}
    names_of: dict[str, list[str]] = {}  # each entity's names worth looking for, made once
    for claim in claims:
        text = str(claim.get("text") or "")
        found: list[str] = []
        speaker = claim.get("speaker")
        if speaker in entity_by_id:
            found.append(str(speaker))
        tested = set(found)  # an entity is looked for in the text once, whatever its sources
        for source in claim.get("sources", []):
            for entity_id in entities_of.get(source.get("article"), ()):
                if entity_id in tested:
                    continue
                tested.add(entity_id)
                names = names_of.get(entity_id)
                if names is None:
                    entity = entity_by_id[entity_id]
                    names = names_of[entity_id] = [
                        n
                        for n in {entity.get("name"), *entity.get("variants", [])}
                        if isinstance(n, str) and len(n) > 1
                    ]
                if any(n in text for n in names):
                    found.append(entity_id)
        for entity_id in found:
            out.setdefault(entity_id, []).append(claim)
    return out


def build_view(data: Mapping[str, Any], labels: Mapping[str, Any]) -> dict[str, Any]:
    """Gather, from the dossier dict, what each section of the page shows."""
    data = complete(data)
    months: Sequence[str] = labels["months"]
    articles = list(data.get("articles", []))
    article_by_id = {a["id"]: a for a in articles}
    article_label = {i: _article_label(a) for i, a in article_by_id.items()}
    explain = explainer(article_label, labels["stances"], months)
    entity_by_id = {e["id"]: e for e in data.get("entities", [])}
    events = chronological(data.get("events", []))
    event_by_id = {e["id"]: e for e in events}
    claims = list(data.get("claims", []))
    contradictions = list(data.get("contradictions", []))

    def published(article_id: str) -> tuple[bool, str, str]:
        day = article_by_id[article_id].get("published")
        return (day is None, day or "", article_id)

    order = {a: k for k, a in enumerate(sorted(article_by_id, key=published))}

    def article_order(ids: Iterable[str]) -> list[str]:
        return sorted((i for i in dict.fromkeys(ids) if i in article_by_id), key=order.__getitem__)

    # --- who belongs where ---------------------------------------------------------------
    stories = order_stories(data.get("stories", []), event_by_id, article_by_id)
    story_of_event: dict[str, str] = {}
    for story in stories:
        for event_id in story.get("events", []):
            story_of_event.setdefault(event_id, story["id"])
    events_of_article: dict[str, list[str]] = {}
    for event in events:
        for article_id in event.get("articles", []):
            events_of_article.setdefault(article_id, []).append(event["id"])
    entities_of: dict[str, list[str]] = {}
    for entity in entity_by_id.values():
        for article_id in entity.get("articles", []):
            entities_of.setdefault(article_id, []).append(entity["id"])
    for article in articles:
        for mention in article.get("entities", []):
            own = entities_of.setdefault(article["id"], [])
            if mention.get("entity") in entity_by_id and mention["entity"] not in own:
                own.append(mention["entity"])
    stances_of: dict[str, set[str]] = {}
    for claim in claims:
        for source in claim.get("sources", []):
            stances_of.setdefault(source.get("article"), set()).add(str(source.get("stance")))
    claims_of: dict[str | None, list[Mapping[str, Any]]] = {}
    for claim in claims:
        claims_of.setdefault(claim.get("event"), []).append(claim)
    claim_event = {c["id"]: c.get("event") for c in claims}
    contradictions_of: dict[str, list[Mapping[str, Any]]] = {}
    for item in contradictions:
        if item.get("claim") in claim_event:
            homes = [claim_event[item["claim"]]]
        else:
            homes = [
                e
                for s in item.get("sides", [])
                for e in events_of_article.get(s.get("article"), [])
            ]
        # One home: a contradiction between articles of two events is shown (and given its id)
        # under the first of them only.
        home = next((h for h in homes if h is not None), None)
        if home is not None:
            contradictions_of.setdefault(home, []).append(item)

    # --- outlets -------------------------------------------------------------------------
    outlet_counts = Counter(article_label[i] for i in article_by_id)
    outlet_key = {
        name: f"o{k + 1}"
        for k, (name, _) in enumerate(sorted(outlet_counts.items(), key=lambda x: (-x[1], x[0])))
    }

    def story_of_article(article_id: str) -> str:
        for event_id in events_of_article.get(article_id, []):
            if event_id in story_of_event:
                return story_of_event[event_id]
        return ""

    # --- events --------------------------------------------------------------------------
    def contradiction_view(item: Mapping[str, Any]) -> dict[str, Any]:
        kind = str(item.get("kind") or "")
        return {
            "item": item,
            "label": labels["contradictions"].get(kind, labels["unknown_contradiction"]),
            "text": explain.contradiction(item),
        }

    event_views: dict[str, dict[str, Any]] = {}
    placed: set[str] = set()
    for event in events:
        ids = article_order(event.get("articles", []))
        own_contradictions = contradictions_of.get(event["id"], [])
        placed.update(c["id"] for c in own_contradictions)
        event_views[event["id"]] = {
            "event": event,
            "articles": ids,
            "claims": [_claim_view(c, order) for c in _claim_order(claims_of.get(event["id"], []))],
            "contradictions": [contradiction_view(c) for c in own_contradictions],
            "flags": [
                {"article": i, **flag}
                for i in ids
                for flag in _flag_views(article_by_id[i].get("flags", []), labels, explain)
            ],
            "participants": [
                entity_by_id[p] for p in event.get("participants", []) if p in entity_by_id
            ],
            "places": [entity_by_id[p] for p in event.get("places", []) if p in entity_by_id],
        }

    # --- stories, each with its own timeline --------------------------------------------
    def group(
        story: Mapping[str, Any] | None, members: list[Mapping[str, Any]], colour: int | None
    ) -> dict[str, Any]:
        ids = article_order(a for e in members for a in e.get("articles", []))
        days = [d for d in (parse_day(article_by_id[a].get("published")) for a in ids) if d]
        colours = {e["id"]: colour for e in members} if colour is not None else {}
        return {
            "story": story,
            "id": story["id"] if story else "",
            "title": (story.get("title") or labels["untitled_story"])
            if story
            else labels["outside_stories"],
            "colour": colour,
            "events": [event_views[e["id"]] for e in members],
            "timeline": build_timeline(members, months, colours),
            "undated": [e for e in members if sort_days(e) is None],
            "articles": ids,
            "outlets": sorted({article_label[a] for a in ids}, key=lambda o: -outlet_counts[o]),
            "first_day": min(days, default=None),
            "last_day": max(days, default=None),
        }

    story_groups = []
    for index, story in enumerate(stories):
        members = chronological(
            event_by_id[e]
            for e in dict.fromkeys(story.get("events", []))
            if e in event_by_id and story_of_event.get(e) == story["id"]
        )
        story_groups.append(group(story, members, index % STORY_COLOURS))
    outside = [e for e in events if e["id"] not in story_of_event]
    outside_group = group(None, outside, None) if outside else None

    # --- articles ------------------------------------------------------------------------
    large = len(articles) > LARGE_DOSSIER_ARTICLES
    article_views = []
    for article_id in article_order(article_by_id):
        article = article_by_id[article_id]
        text = str(article.get("text") or "")
        marks = (
            []
            if large
            else [*article.get("entities", []), *_time_marks(article.get("times", []), months)]
        )
        language = article.get("language")
        article_views.append(
            {
                "article": article,
                "paragraphs": highlight_paragraphs(text, marks),
                "url": safe_url(article.get("url")),
                "dir": "rtl"
                if language in RTL_LANGUAGES
                else ("auto" if language in (None, "", "und") else "ltr"),
                "outlet": outlet_key[article_label[article_id]],
                "day": article.get("published") or "",
                "story": story_of_article(article_id),
                "entities": " ".join(entities_of.get(article_id, [])),
                "stances": " ".join(sorted(stances_of.get(article_id, ()))),
                "flags": _flag_views(article.get("flags", []), labels, explain),
            }
        )

    # --- entities ------------------------------------------------------------------------
    claims_of_entity = _entity_claims(claims, entity_by_id, entities_of)
    # where each event id stands in the chronology (an id given twice: each place), and the
    # events naming each entity as a participant or place: no scan of all events per entity
    places_of_event: dict[str, list[int]] = {}
    for position, event in enumerate(events):
        places_of_event.setdefault(event["id"], []).append(position)
    events_naming: dict[Any, set[str]] = {}
    for event in events:
        for entity_id in (*event.get("participants", []), *event.get("places", [])):
            events_naming.setdefault(entity_id, set()).add(event["id"])
    entity_views = []
    for entity in entity_by_id.values():
        ids = article_order(entity.get("articles", []))
        own_events = {e for a in ids for e in events_of_article.get(a, [])}
        own_events |= events_naming.get(entity["id"], set())
        positions = sorted(p for e in own_events for p in places_of_event.get(e, ()))
        entity_views.append(
            {
                "entity": entity,
                "articles": ids,
                "events": [events[p] for p in positions],
                "claims": claims_of_entity.get(entity["id"], []),
            }
        )
    entity_views.sort(key=lambda v: (-len(v["articles"]), str(v["entity"].get("name"))))

    # --- outlets -------------------------------------------------------------------------
    in_order = article_order(article_by_id)
    ids_of_outlet: dict[str, list[str]] = {name: [] for name in outlet_key}
    for article_id in in_order:
        ids_of_outlet[article_label[article_id]].append(article_id)
    stances_of_outlet: dict[str, Counter[str]] = {name: Counter() for name in outlet_key}
    for claim in claims:
        for source in claim.get("sources", []):
            if source.get("article") in article_label:
                outlet = article_label[source.get("article")]
                stances_of_outlet[outlet][str(source.get("stance"))] += 1
    outlet_views = []
    for name, key in outlet_key.items():
        ids = ids_of_outlet[name]
        stance_counts = stances_of_outlet[name]
        total = sum(stance_counts.values())
        days = [d for d in (parse_day(article_by_id[i].get("published")) for i in ids) if d]
        outlet_views.append(
            {
                "key": key,
                "name": name,
                "articles": ids,
                "stances": [
                    {
                        "stance": stance,
                        "count": stance_counts[stance],
                        "share": round(100 * stance_counts[stance] / total, 1) if total else 0,
                    }
                    for stance in STANCES
                    if stance_counts[stance]
                ],
                "sources": total,
                "first_day": min(days, default=None),
                "last_day": max(days, default=None),
            }
        )

    # --- filters -------------------------------------------------------------------------
    day_counts = Counter(a.get("published") for a in articles if a.get("published"))
    filters = {
        "stories": [(g["id"], g["title"], len(g["articles"])) for g in story_groups],
        "outlets": [(v["key"], v["name"], len(v["articles"])) for v in outlet_views],
        "days": sorted(day_counts.items()),
        "entities": [
            (v["entity"]["id"], v["entity"].get("name") or "", len(v["articles"]))
            for v in entity_views
            if v["articles"]
        ],
        "stances": [s for s in STANCES if any(s in x for x in stances_of.values())],
    }

    loose_claims = [c for c in claims if c.get("event") not in event_by_id]
    errors = []
    for error in data.get("errors", []):
        message = str(error.get("error") or "")
        said = explain.error(message)
        errors.append(
            {
                "source": error.get("source"),
                "reason": said or labels["unknown_error"],
                "technical": message if message and said is None else None,
            }
        )
    counts = [
        ("articles", len(articles)),
        ("events", len(events)),
        ("stories", len(stories)),
        ("entities", len(entity_by_id)),
        ("claims", len(claims)),
        ("contradictions", len(contradictions)),
        ("errors", len(errors)),
    ]
    return {
        "data": data,
        "counts": counts,
        "labels": labels,
        "article_by_id": article_by_id,
        "article_label": article_label,
        "entity_by_id": entity_by_id,
        "entities_of": entities_of,
        "event_by_id": event_by_id,
        "story_groups": story_groups,
        "open_stories": OPEN_STORIES,
        "outside_group": outside_group,
        "story_by_id": {g["id"]: g for g in story_groups},
        "entities": entity_views,
        "outlets": outlet_views,
        "outlet_key": outlet_key,
        "articles": article_views,
        "large": large,
        "loose_claims": [_claim_view(c, order) for c in _claim_order(loose_claims)],
        "loose_contradictions": [
            contradiction_view(c) for c in contradictions if c["id"] not in placed
        ],
        "errors": errors,
        "stances": STANCES,
        "filters": filters,
    }


# --------------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------------


_DICT_ATTRIBUTES = frozenset(dir(dict))
"""What ``getattr`` finds on any plain dict (its methods): ``x.items`` stays the method."""


class _Environment(jinja2.Environment):
    """Jinja2's environment with a quicker ``x.name`` on plain dicts, which the views are
    made of: the key is looked up at once instead of after a failed attribute lookup (an
    exception for each of about 800,000 lookups at 2,000 articles). The result is the same:
    a dict's own attributes (its methods) still win over its keys."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                return self.undefined(obj=obj, name=attribute)
        return super().getattr(obj, attribute)


def _environment(months: Sequence[str]) -> jinja2.Environment:
    """A Jinja2 environment that escapes everything it prints and fails on unknown names."""
    env = _Environment(
        loader=jinja2.PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_FOLDER),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["shorten"] = shorten
    env.filters["arabic_date"] = lambda value: arabic_date(
        value.isoformat() if isinstance(value, date) else value, months
    )
    return env


@functools.lru_cache(maxsize=4)
def _page_template(months: tuple[str, ...]) -> jinja2.Template:
    """The page template, compiled once per process (a third of a second) for each set of
    month names."""
    return _environment(months).get_template(PAGE_TEMPLATE)


def anchor(kind: str, ident: Any) -> str:
    """The in-page link to an article, event, claim or entity: ``#kind-id``."""
    return f"#{kind}-{ident}"


class PageRenderer:
    """Renders views of one dossier as pages: the template, labels and script loaded once."""

    def __init__(self, labels: Mapping[str, Any] | None = None) -> None:
        self.labels = load_labels() if labels is None else labels
        self._template = _page_template(tuple(self.labels["months"]))
        self._script = page_script()
        self._csp = PAGE_CSP.format(script=script_csp_source(self._script))

    def render(
        self,
        view: Mapping[str, Any],
        page: str = "single",
        href: Callable[[str, Any], str] = anchor,
        **extra: Any,
    ) -> str:
        """One page of ``view`` (from :func:`build_view`): ``page`` says which kind."""
        # The script is khabar's own file, not page content: the one thing written unescaped.
        return self._template.render(
            **{**view, **extra},
            page=page,
            href=href,
            shown_events=SHOWN_EVENTS,
            top_entities=TOP_ENTITIES,
            script=Markup(self._script),  # our own file, checked for '</script' by page_script()
            csp=self._csp,
        )


def render_dossier_dict(data: Mapping[str, Any]) -> str:
    """Render a dossier dict (the JSON shape of :func:`dossier_to_dict`) as one HTML page."""
    renderer = PageRenderer()
    return renderer.render(build_view(data, renderer.labels))


def render_html(dossier: Dossier) -> str:
    """Render the dossier as one self-contained HTML page (Arabic, right to left, no network)."""
    return render_dossier_dict(dossier_to_dict(dossier))
