"""RSS, Atom and sitemap documents as lists of article addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from khabar.read.data import FEED_LINKS, FEED_ROOTS, FEED_SNIFF_BYTES

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed|urlset|sitemapindex)[\s>/]")
_LEADING_XML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?"
    rb"(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*\?>\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*",
    re.S,
)
"""What may come before a document's root element: a BOM, the XML declaration, comments,
stylesheet instructions and a doctype (with its internal subset)."""


@dataclass(frozen=True)
class Listing:
    """The article addresses a feed or sitemap lists, in its order, each once."""

    kind: str
    """``RSS feed``, ``Atom feed``, ``sitemap`` or ``sitemap index`` (whose links are sitemaps)."""
    links: tuple[str, ...]


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _links(root: etree._Element, kind: str) -> list[str]:
    owner_name, link_name = FEED_LINKS[kind]
    found: list[str] = []
    for element in root.iter():
        parent = element.getparent()
        if _local(element.tag) != link_name or parent is None or _local(parent.tag) != owner_name:
            continue
        if kind != "Atom feed":
            found.append(element.text or "")
        elif element.get("rel", "alternate") == "alternate":  # not its comments or enclosures
            found.append(element.get("href", ""))
    return found


def feed_links(data: bytes, base_url: str) -> Listing | None:
    """The articles listed by ``data`` when it is an RSS / Atom feed or a sitemap, else None.

    Links are made absolute against ``base_url``; only http(s) ones are kept. The XML parser
    resolves no entities and loads nothing from the network."""
    head = data[:FEED_SNIFF_BYTES]  # the patterns never look further than this
    start = _LEADING_XML.match(head)
    root_name = _ROOT.match(head[start.end() if start else 0 :])
    if root_name is None:
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None
    if root is None or _local(root.tag) not in FEED_ROOTS:
        return None
    kind = FEED_ROOTS[_local(root.tag)]
    links: dict[str, None] = {}  # ordered and each once
    for link in _links(root, kind):
        absolute = urljoin(base_url, link.strip())
        if absolute.lower().startswith(("http://", "https://")):
            links.setdefault(absolute)
    return Listing(kind, tuple(links))
