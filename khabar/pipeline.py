"""The whole pipeline: pages in, a :class:`~khabar.model.Dossier` out.

Per-page stages (read, clean, annotate) are pure functions over frozen dataclasses; the
collection stages (entity resolution, events, claims, summaries) run after them over all
articles. ``analyze`` is the one-shot path; the store (``khabar.store``) reuses the same stages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from khabar import __version__
from khabar.annotate import Annotator
from khabar.claims import analyze_claims
from khabar.clean import clean_pages
from khabar.config import Config
from khabar.entities import resolve_entities
from khabar.events import build_events, retitle_events
from khabar.model import AnnotatedArticle, Article, Dossier, Failure, Page
from khabar.read import iter_pages
from khabar.summary import summarize_event

UNRELIABLE_HEADLINE_FLAGS = frozenset({"headline_body_mismatch"})
"""Article flags that disqualify a headline from naming its event or story."""

Progress = Callable[[str, int, int | None], None]
"""Called as ``progress(stage, done, total)``; ``total`` is None when unknown."""


def _no_progress(stage: str, done: int, total: int | None) -> None:
    """Ignore progress reports."""


def read_all(
    paths: Iterable[str | Path], config: Config, progress: Progress = _no_progress
) -> tuple[list[Page], list[Failure]]:
    """Read every input; return the pages and the inputs that could not be read."""
    pages: list[Page] = []
    failures: list[Failure] = []
    for item in iter_pages([str(p) for p in paths], config.read):
        (pages if isinstance(item, Page) else failures).append(item)  # type: ignore[arg-type]
        progress("read", len(pages) + len(failures), None)
    return pages, failures


def dedupe_ids(articles: Sequence[Article]) -> list[Article]:
    """Give repeated article ids (the same page read twice) a numeric suffix."""
    seen: dict[str, int] = {}
    out: list[Article] = []
    for art in articles:
        n = seen.get(art.id, 0)
        seen[art.id] = n + 1
        out.append(art if n == 0 else dataclasses.replace(art, id=f"{art.id}-{n + 1}"))
    return out


def analyze_articles(
    articles: Sequence[Article],
    config: Config | None = None,
    failures: Sequence[Failure] = (),
    progress: Progress = _no_progress,
) -> Dossier:
    """Annotate clean articles and run the collection stages over them."""
    config = config or Config()
    annotator = Annotator(config)
    annotated: list[AnnotatedArticle] = []
    for i, art in enumerate(articles, 1):
        annotated.append(annotator(art))
        progress("annotate", i, len(articles))
    return analyze_annotated(annotated, config, failures, progress)


def analyze_annotated(
    annotated: Sequence[AnnotatedArticle],
    config: Config,
    failures: Sequence[Failure] = (),
    progress: Progress = _no_progress,
) -> Dossier:
    """Run the collection stages (entities, events, claims, summaries) over annotated articles."""
    progress("entities", 0, None)
    resolved, entities = resolve_entities(annotated, config.entities)
    progress("events", 0, None)
    events, stories = build_events(resolved, entities, config.events)
    progress("claims", 0, None)
    claims = analyze_claims(resolved, events, stories, entities, config.claims)
    unreliable = {f.article for f in claims.flags if f.flag.kind in UNRELIABLE_HEADLINE_FLAGS}
    events, stories = retitle_events(events, stories, resolved, unreliable)
    by_id = {a.id: a for a in resolved}
    summarized = []
    for i, event in enumerate(events, 1):
        members = [by_id[a] for a in event.articles if a in by_id]
        summary = summarize_event(event, members, config.summary)
        summarized.append(dataclasses.replace(event, summary=summary))
        progress("summaries", i, len(events))
    meta = (
        ("khabar_version", __version__),
        ("created", datetime.now(UTC).replace(microsecond=0).isoformat()),
    )
    return Dossier(
        articles=tuple(resolved),
        events=tuple(summarized),
        stories=tuple(stories),
        entities=tuple(entities),
        claims=tuple(claims.claims),
        contradictions=tuple(claims.contradictions),
        flags=tuple(claims.flags),
        errors=tuple(failures),
        meta=meta,
    )


def analyze(
    paths: Iterable[str | Path] | str | Path,
    config: Config | None = None,
    progress: Progress = _no_progress,
) -> Dossier:
    """Analyse files, folders (recursively), globs and archives into a dossier.

    Every input ends up in ``Dossier.articles`` or ``Dossier.errors``; nothing is dropped.
    """
    config = config or Config()
    if isinstance(paths, (str, Path)):
        paths = [paths]
    pages, failures = read_all(paths, config, progress)
    cleaned = clean_pages(pages, config.clean)
    articles = [c for c in cleaned if isinstance(c, Article)]
    failures += [c for c in cleaned if isinstance(c, Failure)]
    return analyze_articles(dedupe_ids(articles), config, failures, progress)
