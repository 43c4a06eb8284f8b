"""The dossier as JSON: the stable shape other tools read (schema: docs/dossier.schema.json)."""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from json.encoder import c_make_encoder  # json's C encoder (None on a Python without it)
from json.encoder import encode_basestring as _encode_text  # json's own, as ensure_ascii=False
from typing import Any

from khabar.model import (
    AnnotatedArticle,
    ClaimSource,
    Dossier,
    Flag,
)

SCHEMA_VERSION = "1.0"
"""Bumped on any change that removes or renames a field; adding fields keeps it."""


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _flag(flag: Flag) -> dict[str, str]:
    return {"kind": flag.kind, "detail": flag.detail}


def _source(src: ClaimSource) -> dict[str, str]:
    return {"article": src.article, "quote": src.quote, "stance": src.stance}


def _article(
    annotated: AnnotatedArticle, event: str | None, extra_flags: list[Flag]
) -> dict[str, Any]:
    art = annotated.article
    body = [m for m in annotated.mentions if not m.in_title]
    title = [m for m in annotated.mentions if m.in_title]
    flags: list[Flag] = []
    for flag in (*art.flags, *extra_flags):
        if flag not in flags:
            flags.append(flag)
    return {
        "id": art.id,
        "source": art.source,
        "url": art.url,
        "title": art.title,
        "published": _iso(art.published),
        "published_evidence": art.published_evidence,
        "outlet": art.outlet,
        "outlet_key": art.outlet_key,
        "language": art.language,
        "lede": art.lede,
        "text": art.text,
        "content_hash": art.content_hash,
        "entities": [
            {"text": m.text, "type": m.type, "entity": m.entity, "start": m.start, "end": m.end}
            for m in body
        ],
        "title_entities": [
            {"text": m.text, "type": m.type, "entity": m.entity, "start": m.start, "end": m.end}
            for m in title
        ],
        "times": [
            {
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "earliest": _iso(t.earliest),
                "latest": _iso(t.latest),
                "kind": t.kind,
                "type": t.type,
                "value": t.value,
            }
            for t in annotated.times
        ],
        "statements": [
            {
                "text": s.text,
                "content": s.content,
                "start": s.start,
                "end": s.end,
                "stance": s.stance,
                "speaker": s.speaker,
                "speaker_entity": s.speaker_entity,
                "verb": s.verb,
                "direct": s.direct,
            }
            for s in annotated.statements
        ],
        "event": event,
        "flags": [_flag(f) for f in flags],
        "removed": [{"text": b.text, "reason": b.reason, "line": b.line} for b in art.removed],
    }


def dossier_to_dict(dossier: Dossier) -> dict[str, Any]:
    """Return the dossier as JSON-ready data with the stable field names."""
    event_of: dict[str, str] = {}
    for event in dossier.events:
        for article_id in event.articles:
            event_of.setdefault(article_id, event.id)
    flags_of: dict[str, list[Flag]] = {}
    for article_flag in dossier.flags:
        flags_of.setdefault(article_flag.article, []).append(article_flag.flag)
    meta = dict(dossier.meta)
    return {
        "schema_version": SCHEMA_VERSION,
        "khabar_version": meta.get("khabar_version"),
        "created": meta.get("created"),
        "articles": [
            _article(a, event_of.get(a.id), flags_of.get(a.id, [])) for a in dossier.articles
        ],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "date": _iso(e.date),
                "date_range": [_iso(e.date_range[0]), _iso(e.date_range[1])]
                if e.date_range
                else None,
                "date_evidence": list(e.date_evidence),
                "articles": list(e.articles),
                "story": e.story,
                "summary": [
                    {"text": s.text, "article": s.article, "also": list(s.also)} for s in e.summary
                ],
                "participants": list(e.participants),
                "places": list(e.places),
                "not_before": _iso(e.not_before),
                "not_after": _iso(e.not_after),
            }
            for e in dossier.events
        ],
        "stories": [
            {"id": s.id, "title": s.title, "events": list(s.events)} for s in dossier.stories
        ],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "variants": list(e.variants),
                "articles": list(e.articles),
            }
            for e in dossier.entities
        ],
        "claims": [
            {
                "id": c.id,
                "text": c.text,
                "speaker": c.speaker,
                "event": c.event,
                "sources": [_source(s) for s in c.sources],
            }
            for c in dossier.claims
        ],
        "contradictions": [
            {
                "id": c.id,
                "kind": c.kind,
                "detail": c.detail,
                "claim": c.claim,
                "sides": [_source(s) for s in c.sides],
                "positions": [
                    {
                        "answer": p.answer,
                        "sources": [_source(s) for s in p.sources],
                        "speakers": list(p.speakers),
                    }
                    for p in c.positions
                ],
            }
            for c in dossier.contradictions
        ],
        "errors": [{"source": f.source, "error": f.error} for f in dossier.errors],
    }


def dossier_to_json(dossier: Dossier, indent: int | None = 2) -> str:
    """Return the dossier as a JSON string, Arabic kept as text (not \\u escapes)."""
    return dict_to_json(dossier_to_dict(dossier), indent)


def dict_to_json(data: Mapping[str, Any], indent: int | None = 2) -> str:
    """The JSON string of a dossier already turned into a dict (:func:`dossier_to_dict`):
    exactly ``json.dumps(data, ensure_ascii=False, indent=indent)``, made faster."""
    if indent is None:
        return json.dumps(data, ensure_ascii=False)  # the C encoder already
    try:
        return _Indented(" " * indent).encode(data)
    except (_Unusual, RecursionError):
        # what the quick path does not know (a key that is not text, an object JSON has no
        # form for, a loop): json.dumps says what is wrong, or writes it as it always did
        return json.dumps(data, ensure_ascii=False, indent=indent)


_SCALARS = (str, int, float, type(None))
"""What JSON writes as one value (bool is an int): the leaves of the dossier dict."""


class _Unusual(Exception):
    """The quick encoder met something it leaves to ``json.dumps``."""


class _Indented:
    """``json.dumps(..., ensure_ascii=False, indent=...)`` without its pure-Python walk over
    every value (Python's C encoder does not indent). A container holding only scalars (a
    mention, a time, a source: most of a dossier's containers) is written by the C encoder with
    the line break and indent of its depth as the item separator, then opened and closed as
    the indenting encoder does; the few containers holding containers are walked here. Same
    text, scalar for scalar: strings through the same escaping function, numbers through the
    same ``repr``."""

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.flat: dict[int, Callable[[Any], str]] = {}
        self.parts: list[str] = []

    def flat_encoder(self, level: int) -> Callable[[Any], str]:
        """The C encoder writing a container of scalars whose items sit at ``level``."""
        found = self.flat.get(level)
        if found is None:
            separators = (",\n" + self.unit * level, ": ")
            encoder = json.JSONEncoder(ensure_ascii=False, separators=separators)
            found = encoder.encode  # the public path: a Python without json's C part
            if c_make_encoder is not None:  # what encoder.encode does, made once, not per call
                try:
                    chunks = c_make_encoder(
                        {},
                        encoder.default,
                        _encode_text,
                        None,
                        ": ",
                        separators[0],
                        False,
                        False,
                        True,
                    )
                except TypeError:  # a private signature another Python version changed
                    pass
                else:
                    found = functools.partial(_joined, chunks)
            self.flat[level] = found
        return found

    def encode(self, data: Any) -> str:
        self.parts = []
        if isinstance(data, _SCALARS):
            return self.flat_encoder(0)(data)
        self.walk(data, 0)
        return "".join(self.parts)

    def scalar(self, value: Any) -> str:
        if isinstance(value, str):
            return _encode_text(value)
        if value is None:
            return "null"
        if value is True:
            return "true"
        if value is False:
            return "false"
        if isinstance(value, int):
            return int.__repr__(value)
        return self.flat_encoder(0)(value)  # a float: NaN and infinities as json writes them

    def walk(self, value: Any, level: int) -> None:
        """Append the text of the container ``value``, whose opening bracket sits at
        ``level``."""
        append = self.parts.append
        if isinstance(value, (list, tuple)):
            opening, closing = "[", "]"
            keyed = False
        elif isinstance(value, dict):
            opening, closing = "{", "}"
            keyed = True
        else:
            raise _Unusual
        if not value:
            append(opening + closing)
            return
        inner = "\n" + self.unit * (level + 1)
        if _flat(value.values() if keyed else value):
            text = self.flat_encoder(level + 1)(value)
            append(opening + inner)
            append(text[1:-1])
            append("\n" + self.unit * level + closing)
            return
        append(opening + inner)
        separator = "," + inner
        first = True
        for item in value.items() if keyed else value:
            if first:
                first = False
            else:
                append(separator)
            if keyed:
                key, item = item
                if not isinstance(key, str):
                    raise _Unusual
                append(_encode_text(key) + ": ")
            if isinstance(item, _SCALARS):
                append(self.scalar(item))
            elif type(item) is dict and item and _flat(item.values()):  # a mention, a source
                append("{" + inner + self.unit)
                append(self.flat_encoder(level + 2)(item)[1:-1])
                append(inner + "}")
            else:
                self.walk(item, level + 1)
        append("\n" + self.unit * level + closing)


def _flat(values: Iterable[Any]) -> bool:
    """Whether every one of ``values`` is a scalar."""
    return all(map(isinstance, values, itertools.repeat(_SCALARS)))


def _joined(chunks: Callable[[Any, int], Sequence[str]], value: Any) -> str:
    return "".join(chunks(value, 0))
