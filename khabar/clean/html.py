"""HTML pages: one lxml parse, metadata from the head, the main text from trafilatura.

The page is parsed once; the same tree is read for metadata and handed to trafilatura (which
copies it), and trafilatura's text is then cleaned by the same line passes as a text dump, which
removes the related-story links and labels trafilatura keeps.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

from khabar.clean.dates import find_date, parse_date_hint
from khabar.clean.lines import dateline_cue, make_line
from khabar.clean.metadata import (
    DATELINE_MAX_WORDS,
    TITLE_MAX_WORDS,
    TITLE_MIN_WORDS,
    strip_site_suffix,
)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SPACES = re.compile(r"\s+")

DATE_META_NAMES: tuple[str, ...] = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
"""``<meta>`` names and properties holding the publish date, most specific first."""

DATELINE_TAGS: tuple[str, ...] = ("time", "span", "div", "p", "li", "small", "em", "header")
"""Elements searched for a visible dateline."""

SIDEBAR_TAGS: frozenset[str] = frozenset({"aside", "nav", "footer"})
"""Elements whose dates belong to other stories."""

_SIDEBAR_CLASS = re.compile(r"related|sidebar|widget|latest|most|popular|trending|recommend", re.I)
_LEDE_CLASS = re.compile(
    r"(?<![a-z0-9])(?:lead|lede|standfirst|excerpt|summary|subtitle|sub-title|dek|intro|"
    r"description|article-summary)(?![a-z0-9])",
    re.I,
)

LEDE_MIN_WORDS = 6
LEDE_MAX_WORDS = 80
"""Size of a standfirst in words (shorter is a label, longer is the body)."""

_DATE_CLASS = re.compile(r"date|time|publish|posted", re.I)

DROP_TAGS: frozenset[str] = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "select",
        "input",
        "textarea",
        "nav",
        "footer",
        "aside",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "picture",
        "head",
    ]
)
"""Elements whose text is never article text."""

BLOCK_TAGS: frozenset[str] = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dd",
        "dt",
        "tr",
        "td",
        "th",
        "table",
        "thead",
        "tbody",
        "blockquote",
        "section",
        "article",
        "main",
        "header",
        "figure",
        "figcaption",
        "pre",
        "address",
        "hr",
        "center",
        "details",
        "summary",
    ]
)
"""Elements that start a new line of text."""

PROTECTED_TEXT_SHARE = 0.4
"""Share of the page's paragraph text above which a container is never skipped as chrome,
whatever its class says (a comment thread or a sidebar holds less than the article)."""

_BOILERPLATE_CLASS = re.compile(
    r"(?<![a-z0-9])(?:nav|navbar|navigation|menu|menus|footer|sidebar|side-bar|widget|widgets|"
    r"share|sharing|social|comment|comments|related|breadcrumb|breadcrumbs|ticker|advert|"
    r"advertisement|ads|ad|banner|cookie|cookies|newsletter|subscribe|popular|trending|"
    r"most-read|mostread|login|signin|modal|popup|outbrain|taboola)(?![a-z0-9])",
    re.I,
)

FOOTER_XPATH = (
    "//footer | //*[contains(@class, 'footer') or contains(@id, 'footer') "
    "or contains(@class, 'copyright')]"
)
"""Elements whose text may hold the copyright line."""

FOOTER_MAX_CHARS = 2000
"""Longest footer text read for the copyright (a longer one is a mislabelled page body)."""

TITLE_META_NAMES: tuple[str, ...] = ("og:title", "twitter:title", "title", "dc.title")
SITE_META_NAMES: tuple[str, ...] = ("og:site_name", "application-name", "publisher")


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """What an HTML page gives before its text is cleaned."""

    tree: etree._Element
    """The parsed page (for a second extraction by trafilatura when the first finds too little)."""
    lines: list[tuple[str, float]]
    """The page's visible text, one block per line with its link share, furniture left out."""
    title: str | None
    published: str | None
    """The publish date as the page's metadata writes it (parsed by the caller)."""
    site_name: str | None
    url: str | None
    lede: str | None
    footer: list[str]
    """Text of the page's footers (read for the copyright line naming the outlet)."""


def parse_html(text: str) -> etree._Element | None:
    """Parse an HTML document (or fragment) into an lxml tree; None when nothing parses."""
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.LxmlError, ValueError):
        return None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", value).strip()
    return value or None


def _meta(tree: etree._Element, names: tuple[str, ...]) -> str | None:
    """The content of the first ``<meta>`` whose name/property/itemprop is in ``names``."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if key in names and content and key not in found:
            found[key] = content
    for name in names:
        if name in found:
            return _clean(found[name])
    return None


def _json_ld(tree: etree._Element) -> dict[str, str]:
    """``headline``, ``datePublished`` and publisher name from JSON-LD article objects."""
    out: dict[str, str] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(v for k, v in item.items() if k == "@graph")
                for key in ("headline", "datePublished"):
                    if isinstance(item.get(key), str) and key not in out:
                        out[key] = item[key]
                pub = item.get("publisher")
                if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                    out.setdefault("publisher", pub["name"])
    return out


def _heading(tree: etree._Element) -> str | None:
    """The article's ``<h1>``: the one inside ``<article>``, else the only one on the page."""
    scoped = tree.xpath("//article//h1")
    h1s = scoped or tree.xpath("//h1")
    if len(h1s) != 1 and not scoped:
        return None
    text = _clean(h1s[0].text_content())
    if text and TITLE_MIN_WORDS <= len(text.split()) <= TITLE_MAX_WORDS:
        return text
    return None


def _time_element(tree: etree._Element) -> str | None:
    """The ``datetime`` of the first ``<time>`` inside the article, if any."""
    for el in tree.xpath("//article//time[@datetime] | //time[@itemprop='datePublished']"):
        value = el.get("datetime") or el.get("content")
        if value:
            return str(value)
    return None


def _standfirst(tree: etree._Element) -> str | None:
    """The text of the article's standfirst (an element whose class names a lead or summary)."""
    scope = tree.xpath("//article") or tree.xpath("//main") or [tree]
    for el in scope[0].iter("p", "div", "h2", "span"):
        if not _LEDE_CLASS.search(f"{el.get('class') or ''} {el.get('itemprop') or ''}"):
            continue
        text = _clean(el.text_content())
        if text and LEDE_MIN_WORDS <= len(text.split()) <= LEDE_MAX_WORDS:
            return text
    return None


def _visible_dateline(tree: etree._Element) -> str | None:
    """The text of a short element stating the publish date (``تم النشر …``), outside sidebars.

    Elements with a dateline cue win; elements whose class names a date count only inside the
    article, so a "latest news" list with its own dates is never read.
    """
    cued: str | None = None
    classed: str | None = None
    for el in tree.iter(*DATELINE_TAGS):
        if any(anc.tag in SIDEBAR_TAGS or _sidebar_class(anc) for anc in el.iterancestors()):
            continue
        text = _clean(el.text_content())
        if not text or len(text.split()) > DATELINE_MAX_WORDS or find_date(text) is None:
            continue
        line = make_line(0, text)
        if cued is None and dateline_cue(line):
            cued = text
            break
        cls = (el.get("class") or "") + " " + (el.get("itemprop") or "")
        in_article = any(anc.tag == "article" for anc in el.iterancestors())
        if classed is None and in_article and _DATE_CLASS.search(cls):
            classed = text
    return cued or classed


def _sidebar_class(el: etree._Element) -> bool:
    return bool(_SIDEBAR_CLASS.search((el.get("class") or "") + " " + (el.get("id") or "")))


def _paragraph_chars(el: etree._Element) -> int:
    """Characters of text in the ``<p>`` elements under ``el``."""
    return sum(len(p.text_content()) for p in el.iter("p"))


def _boilerplate_container(el: etree._Element, page_paragraph_chars: int) -> bool:
    """True for a menu / sidebar / share / comments container that holds no article heading.

    A container whose class merely looks like chrome (``ad-free-article``, ``has-sidebar``) but
    holds much of the page's paragraph text is kept.
    """
    if el.tag in DROP_TAGS:
        return True
    names = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}"
    if not names.strip() or not _BOILERPLATE_CLASS.search(names):
        return False
    if el.xpath(".//h1|.//article|.//main"):
        return False
    return _paragraph_chars(el) <= PROTECTED_TEXT_SHARE * page_paragraph_chars


def html_lines(tree: etree._Element) -> list[tuple[str, float]]:
    """The visible text of a page as lines, one per block element, page furniture left out.

    Script, style, forms, ``<nav>``/``<aside>``/``<footer>`` and containers whose class or id
    names a menu, sidebar, share bar or comment thread are skipped; the line passes that follow
    remove the rest, exactly as on a text dump. Each line comes with the share of its characters
    inside links.
    """
    lines: list[tuple[str, float]] = []
    buf: list[str] = []
    linked = [0]  # characters of ``buf`` inside <a> elements
    depth_a = [0]

    def add(text: str) -> None:
        """Append text to the current line, counting it as link text inside ``<a>``."""
        buf.append(text)
        if depth_a[0]:
            linked[0] += len(text.strip())

    def flush() -> None:
        """End the current line."""
        text = " ".join("".join(buf).split())
        if text:
            total = len("".join(buf).strip()) or 1
            lines.append((text, min(1.0, linked[0] / total)))
        buf.clear()
        linked[0] = 0

    body = tree.find("body")
    root = body if body is not None else tree
    page_chars = _paragraph_chars(root)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag or _boilerplate_container(el, page_chars):
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                flush()
            if tag == "a":
                depth_a[0] += 1
            if el.text:
                add(el.text)
        else:
            if tag == "a" and depth_a[0]:
                depth_a[0] -= 1
            if tag in BLOCK_TAGS or tag == "br":
                flush()
            if el.tail:
                add(el.tail)
    flush()
    return lines


def trafilatura_text(tree: etree._Element, url: str | None, fast: bool) -> str:
    """The main text trafilatura finds in a parsed page ("" when it finds none)."""
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
    )
    if doc is None:
        return ""
    return (doc.get("text") if isinstance(doc, dict) else doc.text) or ""


def safe_trafilatura_text(tree: etree._Element, url: str | None) -> str:
    """``trafilatura_text`` in full (not fast) mode, "" when trafilatura fails on the page."""
    try:
        return trafilatura_text(tree, url, fast=False)
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return ""


def html_parts(text: str, url: str | None = None) -> HtmlParts | None:
    """Metadata and main text of an HTML page; None when it does not parse."""
    tree = parse_html(text)
    if tree is None:
        return None
    ld = _json_ld(tree)
    site = _meta(tree, SITE_META_NAMES) or _clean(ld.get("publisher"))
    canonical = None
    for el in tree.xpath("//link[@rel='canonical'][@href]"):
        canonical = el.get("href")
        break
    page_url = url or _meta(tree, ("og:url",)) or canonical
    titles = tree.xpath("//title")
    raw_title = _clean(titles[0].text_content()) if titles else None
    title = _heading(tree) or _clean(ld.get("headline"))
    if not title:
        meta_title = _meta(tree, TITLE_META_NAMES) or raw_title
        if meta_title:
            title = strip_site_suffix(meta_title, [site or ""])
    published = (
        _meta(tree, DATE_META_NAMES)
        or ld.get("datePublished")
        or _time_element(tree)
        or _visible_dateline(tree)
    )
    if published and parse_date_hint(published) is None:
        published = None
    lede = _standfirst(tree) or _meta(tree, ("description", "og:description"))
    footer = [
        footer_text
        for el in tree.xpath(FOOTER_XPATH)
        if (footer_text := _clean(el.text_content())) and len(footer_text) <= FOOTER_MAX_CHARS
    ]
    return HtmlParts(tree, html_lines(tree), title, published, site, page_url, lede, footer)
