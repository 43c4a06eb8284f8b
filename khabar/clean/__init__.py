"""Cleaning: a Page in, an Article out: page chrome removed, paragraphs repaired, metadata read."""

from __future__ import annotations

from khabar.clean.chrome import OutletChrome, outlet_key
from khabar.clean.outlets import Outlet, canonical_outlet, settle_annotated, settle_outlets
from khabar.clean.page import article_id, clean_page, content_hash
from khabar.clean.pages import clean_or_fail, clean_pages

__all__ = [
    "Outlet",
    "OutletChrome",
    "article_id",
    "canonical_outlet",
    "clean_or_fail",
    "clean_page",
    "clean_pages",
    "content_hash",
    "outlet_key",
    "settle_annotated",
    "settle_outlets",
]
