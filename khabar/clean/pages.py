"""``clean_pages``: many pages in, their articles (or failures) out, in the same order."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.clean.chrome import OutletChrome
from khabar.clean.page import clean_page
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Failure, Page


def clean_pages(pages: Sequence[Page], cfg: CleanConfig) -> list[Article | Failure]:
    """Clean every page, learning per-outlet chrome first when the config asks for it."""
    learner = OutletChrome().fit(pages) if cfg.learn_outlet_chrome else None
    out: list[Article | Failure] = []
    for page in pages:
        chrome = learner.chrome_for(page) if learner is not None else frozenset()
        try:
            out.append(clean_page(page, cfg, chrome))
        except ExtractionError as exc:
            if chrome:
                try:  # the outlet's chrome took everything: clean the page on its own
                    out.append(clean_page(page, cfg))
                    continue
                except ExtractionError:
                    pass
            out.append(Failure(page.source, exc.reason))
    return out
