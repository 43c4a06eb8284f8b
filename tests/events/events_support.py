"""Helpers for the events tests: articles built from text (imported by the test modules)."""

from __future__ import annotations

from datetime import date

from khabar.model import AnnotatedArticle, Article
from khabar.time import extract_times


def make(
    aid: str, title: str, body: str, published: date | None = None, outlet: str = "x"
) -> AnnotatedArticle:
    """An annotated article (time expressions only) from a title and a body."""
    article = Article(
        id=aid,
        source=aid,
        title=title,
        published=published,
        outlet=outlet,
        language="ar",
        paragraphs=tuple(p for p in body.split("\n") if p.strip()),
    )
    return AnnotatedArticle(article, (), extract_times(article.text, published))
