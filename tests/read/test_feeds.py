"""Feeds and sitemaps read as lists of article addresses."""

from __future__ import annotations

import pytest

from khabar.read.feeds import feed_links

BASE = "https://news.example/feeds/main"


def test_rss_items_give_their_links_made_absolute_each_once() -> None:
    rss = (
        b'<?xml version="1.0"?>\n<!-- written by a CMS -->\n<rss version="2.0"><channel>'
        b"<link>https://news.example/</link>"
        b"<item><link>/a/1</link></item><item><link> https://news.example/a/2 </link></item>"
        b"<item><link>/a/1</link></item><item><link>javascript:alert(1)</link></item>"
        b"</channel></rss>"
    )
    listed = feed_links(rss, BASE)
    assert listed is not None and listed.kind == "RSS feed"
    assert listed.links == ("https://news.example/a/1", "https://news.example/a/2")


def test_rss_1_rdf_items_are_read() -> None:
    rdf = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns="http://purl.org/rss/1.0/"><channel><link>https://x.example/</link></channel>'
        b"<item><link>https://x.example/1</link></item></rdf:RDF>"
    )
    listed = feed_links(rdf, BASE)
    assert listed is not None and listed.links == ("https://x.example/1",)


def test_atom_entries_give_their_alternate_links_only() -> None:
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/f"/>'
        b'<entry><link rel="enclosure" href="/a.mp3"/><link href="/e/1"/></entry></feed>'
    )
    listed = feed_links(atom, BASE)
    assert listed is not None and listed.kind == "Atom feed"
    assert listed.links == ("https://news.example/e/1",)


@pytest.mark.parametrize(
    ("root", "kind"), [("urlset", "sitemap"), ("sitemapindex", "sitemap index")]
)
def test_sitemaps_give_their_locations(root: str, kind: str) -> None:
    entry = "url" if root == "urlset" else "sitemap"
    xml = (
        f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<{entry}><loc>https://n.example/1</loc></{entry}></{root}>"
    ).encode()
    listed = feed_links(xml, BASE)
    assert listed is not None and listed.kind == kind
    assert listed.links == ("https://n.example/1",)


@pytest.mark.parametrize(
    "data",
    [
        b"<!DOCTYPE html><html><body><p>rss feed</p></body></html>",
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        "خبر عن <rss> في النص".encode(),
        b'{"title": "x", "text": "y"}',
    ],
)
def test_pages_that_are_not_feeds_are_not_lists(data: bytes) -> None:
    assert feed_links(data, BASE) is None


def test_entities_in_a_feed_are_not_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><link>https://n.example/&c;&ext;</link></item></channel></rss>"
    )
    listed = feed_links(laughs, BASE)
    assert listed is not None
    assert all("aaaa" not in link and "root" not in link for link in listed.links)
