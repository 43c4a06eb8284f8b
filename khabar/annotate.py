"""The per-page language stage: one analysis of an article, made once and read by every later
stage: sentences, tokens, entities, time expressions and statements."""

from __future__ import annotations

from khabar.arabic.sentences import split_sentences
from khabar.arabic.tokenize import tokenize
from khabar.claims import extract_statements
from khabar.config import Config
from khabar.entities import load_tagger, recognize
from khabar.model import Analysis, AnnotatedArticle, Article, Tokens
from khabar.time import extract_times


class Annotator:
    """Annotates articles; holds the loaded tagger so it is loaded once per process."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.tagger = load_tagger(config.entities)

    def __call__(self, article: Article) -> AnnotatedArticle:
        """Return the article with its analysis, mentions, time expressions and statements."""
        text = article.text
        title = article.title or ""
        body_tokens = tokenize(text)
        title_tokens = tokenize(title) if title else []
        analysis = Analysis(
            sentences=tuple(split_sentences(text)),
            tokens=Tokens.pack(body_tokens),
            title_tokens=Tokens.pack(title_tokens) if title else Tokens(),
            title_times=extract_times(title, article.published) if title else (),
        )
        mentions = recognize(article, self.tagger, (title_tokens, body_tokens))
        times = extract_times(text, article.published)
        statements = extract_statements(article, mentions, analysis.sentences)
        return AnnotatedArticle(article, mentions, times, statements, analysis)
