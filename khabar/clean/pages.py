"""``clean_pages``: many pages in, their articles (or failures) out, in the same order."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.clean.chrome import OutletChrome
from khabar.clean.outlets import settle_outlets
from khabar.clean.page import clean_page
from khabar.clean.scrub import scrub_source
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Failure, Page


def clean_or_fail(
    page: Page, cfg: CleanConfig, chrome: frozenset[str] = frozenset()
) -> Article | Failure:
    """Clean one page with its outlet's chrome lines, or say why it holds no article.

    When the outlet's chrome takes everything, the page is cleaned on its own before giving up.
    """
    try:
        return clean_page(page, cfg, chrome)
    except ExtractionError as exc:
        reason = exc.reason
    if chrome:
        try:
            return clean_page(page, cfg)
        except ExtractionError:
            pass
    return Failure(scrub_source(page.source), reason)


def clean_pages(pages: Sequence[Page], cfg: CleanConfig) -> list[Article | Failure]:
    """Clean every page, learning per-outlet chrome first when the config asks for it; the
    articles of one outlet share one outlet name (see ``khabar.clean.outlets``)."""
    learner = OutletChrome().fit(pages) if cfg.learn_outlet_chrome else None
    results = [
        clean_or_fail(page, cfg, learner.chrome_for(page) if learner is not None else frozenset())
        for page in pages
    ]
    settled = iter(settle_outlets([r for r in results if isinstance(r, Article)]))
    return [next(settled) if isinstance(r, Article) else r for r in results]
