"""The per-page language stage: entities, time expressions and statements of one article."""

from __future__ import annotations

from khabar.claims import extract_statements
from khabar.config import Config
from khabar.entities import load_tagger, recognize
from khabar.model import AnnotatedArticle, Article
from khabar.time import extract_times


class Annotator:
    """Annotates articles; holds the loaded tagger so it is loaded once per process."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.tagger = load_tagger(config.entities)

    def __call__(self, article: Article) -> AnnotatedArticle:
        """Return the article with its mentions, time expressions and statements."""
        mentions = recognize(article, self.tagger)
        times = extract_times(article.text, article.published)
        statements = extract_statements(article, mentions)
        return AnnotatedArticle(article, mentions, times, statements)
