"""``clean_page``: one Page in, one Article out (or ExtractionError when it holds no article)."""

from __future__ import annotations

import dataclasses
import hashlib

from lxml import etree

from khabar.clean.body import Extraction, extract_body
from khabar.clean.dates import parse_date_hint
from khabar.clean.html import html_parts, safe_trafilatura_text
from khabar.clean.lines import Line, make_line, norm_line, split_lines
from khabar.clean.metadata import detect_language
from khabar.clean.outlets import canonical_outlet
from khabar.clean.scrub import scrub_page, strip_bidi, web_url
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Flag, Page

ID_HEX_CHARS = 11
"""Hex digits of the content hash kept in an article id (44 bits: no clash in any real corpus)."""


def content_hash(data: bytes) -> str:
    """The SHA-256 hex digest of a page's raw bytes (the key of stored pages)."""
    return hashlib.sha256(data).hexdigest()


def id_from_hash(digest: str) -> str:
    """The article id for a page whose content hash is ``digest``."""
    return "a" + digest[:ID_HEX_CHARS]


def article_id(data: bytes) -> str:
    """The stable id of a page's article: ``a`` and the first hex digits of its SHA-256."""
    return id_from_hash(content_hash(data))


MIN_BODY_LETTERS = 40
"""Letters (of any script) a body needs to be an article unless letters make up half of it (a
one-line record): a news brief has well over a hundred; a body of punctuation, digits or
symbols only has none."""


def _body_chars(found: Extraction) -> int:
    return sum(len(p) for p in found.paragraphs)


def _record_body(page: Page, found: Extraction) -> Extraction | None:
    """The body of a structured record too short for ``clean.min_body_chars``: kept when the
    record gives a title and some text (a news brief), else None.

    A record's fields are already separated, so its text is the article as the publisher gave
    it; the minimum guards pages whose body had to be found among menus and links."""
    if page.kind != "record" or not (page.title_hint or "").strip():
        return None
    if found.paragraphs:
        return found
    title = norm_line(page.title_hint or "")
    lines = tuple(x.strip() for x in page.text.splitlines() if x.strip() and norm_line(x) != title)
    if not lines:
        return None
    return dataclasses.replace(found, paragraphs=lines, removed=())


def _short_flag(body_chars: int, cfg: CleanConfig) -> Flag:
    return Flag(
        "short_article",
        f"a brief: the record's text has {body_chars} characters, fewer than "
        f"clean.min_body_chars={cfg.min_body_chars}; kept because the record gives a title",
    )


def _without_line_numbers(found: Extraction) -> Extraction:
    """Drop line numbers of removed blocks (they only mean something in a text dump)."""
    removed = tuple(dataclasses.replace(b, line=None) for b in found.removed)
    return dataclasses.replace(found, removed=removed)


def clean_page(page: Page, cfg: CleanConfig, chrome: frozenset[str] = frozenset()) -> Article:
    """Extract the clean article of a page; raise ExtractionError when there is none.

    A structured record with a title keeps a body shorter than ``cfg.min_body_chars``, flagged
    ``short_article``; text dumps and HTML pages need the minimum."""
    page = scrub_page(page)
    site_name = None
    url = page.url
    title_hint = page.title_hint
    published_hint = page.published_hint
    html_lede = None
    footer: list[Line] = []
    if page.kind == "html":
        try:
            parts = html_parts(page.text, page.url)
        except (ValueError, TypeError, RecursionError, etree.LxmlError) as exc:
            raise ExtractionError(page.source, f"HTML could not be processed ({exc})") from exc
        if parts is None:
            raise ExtractionError(page.source, "HTML page is empty or does not parse")
        lines = [make_line(i, t, links) for i, (t, links) in enumerate(parts.lines, 1)]
        site_name = parts.site_name
        url = url or parts.url
        title_hint = title_hint or parts.title
        published_hint = published_hint or parts.published
        html_lede = parts.lede
        footer = [make_line(len(lines) + i, t) for i, t in enumerate(parts.footer, 1)]
        found = extract_body(lines, chrome, title_hint)
        if _body_chars(found) < cfg.min_body_chars:
            # our reading of the layout found too little: let trafilatura try the same tree
            text = safe_trafilatura_text(parts.tree, url)
            second = extract_body(split_lines(text), chrome, title_hint)
            if _body_chars(second) > _body_chars(found):
                found = second
        found = _without_line_numbers(found)
    else:
        lines = split_lines(page.text)
        found = extract_body(lines, chrome, title_hint)
    body_chars = _body_chars(found)
    letters = sum(ch.isalpha() for p in found.paragraphs for ch in p)
    if letters < MIN_BODY_LETTERS and letters * 2 < body_chars:
        # A page of punctuation or digits only (a separator dump, a table of numbers) is no
        # article whatever its length.
        raise ExtractionError(
            page.source,
            f"no article found: the body holds {letters} letters in {body_chars} characters "
            "(only digits, punctuation or symbols)",
        )
    if body_chars < cfg.min_body_chars:
        brief = _record_body(page, found)
        if brief is None:
            raise ExtractionError(
                page.source,
                f"no article found: the clean body has {body_chars} characters, fewer than "
                f"clean.min_body_chars={cfg.min_body_chars} (an index, error or empty page?)",
            )
        found = dataclasses.replace(
            brief, flags=(*brief.flags, _short_flag(_body_chars(brief), cfg))
        )
    published = parse_date_hint(published_hint) if published_hint else None
    evidence = published_hint if published is not None else None
    if published is None:
        published, evidence = found.published, found.published_evidence
    lede = found.lede
    first = found.paragraphs[0] if found.paragraphs else ""
    if lede is None and html_lede and norm_line(first) == norm_line(html_lede):
        lede = first
    digest = content_hash(page.data)
    outlet = canonical_outlet([*lines, *footer], url, page.outlet_hint, site_name)
    return Article(
        id=id_from_hash(digest),
        source=page.source,
        title=strip_bidi(found.title),
        published=published,
        outlet=outlet.name if outlet else None,
        language=detect_language("\n".join(found.paragraphs)),
        paragraphs=found.paragraphs,
        lede=lede,
        url=web_url(url),
        published_evidence=evidence,
        removed=found.removed,
        flags=(*page.flags, *found.flags),
        content_hash=digest,
        outlet_key=outlet.key if outlet else None,
    )
