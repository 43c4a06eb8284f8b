"""Data the readers use: magic numbers, JSON Lines field names, encoding names."""

from __future__ import annotations

ZIP_MAGICS: tuple[bytes, ...] = (b"PK\x03\x04", b"PK\x05\x06")
"""Local-file header and empty-archive end record of a zip file."""

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

BINARY_MAGICS: dict[bytes, str] = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"RIFF": "a RIFF media file",
    b"\x7fELF": "an executable",
    b"MZ": "an executable",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"\xfd7zXZ": "an xz archive",
    b"BZh": "a bzip2 archive",
    b"SQLite format 3": "an SQLite database",
    b"OggS": "an Ogg media file",
    b"ID3": "an MP3 file",
}
"""Leading bytes of common binary formats, with how to name them in an error message."""

JSON_TEXT_FIELDS: tuple[str, ...] = ("text", "maintext", "raw_text", "content", "body", "article")
"""Record fields holding the article body as plain text (khabar, news-please, trafilatura)."""

JSON_HTML_FIELDS: tuple[str, ...] = ("html", "raw_html", "content_html")
"""Record fields holding the page as HTML."""

JSON_TITLE_FIELDS: tuple[str, ...] = ("title", "headline", "title_page", "title_rss")
JSON_DATE_FIELDS: tuple[str, ...] = (
    "published",
    "date",
    "date_publish",
    "published_at",
    "publish_date",
    "pubDate",
    "datePublished",
    "date_published",
)
JSON_OUTLET_FIELDS: tuple[str, ...] = (
    "outlet",
    "sitename",
    "site_name",
    "source_domain",
    "source-hostname",
    "hostname",
    "publisher",
    "source",
)
"""Record fields naming the outlet; ``source`` is a URL in trafilatura exports (then the url)."""

JSON_URL_FIELDS: tuple[str, ...] = ("url", "link", "source_url", "url_canonical", "source")

CSV_DELIMITERS: tuple[str, ...] = (",", ";", "\t")
"""Cell separators of spreadsheet exports: comma, semicolon (European locales), tab (Excel's
"Unicode text")."""

SINGLE_BYTE_ARABIC: tuple[str, ...] = ("windows-1256", "iso-8859-6")
"""Legacy Arabic code pages, tried when a page is not valid UTF-8."""

FALLBACK_ENCODINGS: tuple[str, ...] = ("windows-1252",)
"""Other code pages tried last (Latin pages that are not UTF-8)."""

CHARSET_ALIASES: dict[str, str] = {
    "cp1256": "windows-1256",
    "windows1256": "windows-1256",
    "arabic": "iso-8859-6",
    "iso_8859-6": "iso-8859-6",
    "iso88596": "iso-8859-6",
    "utf8": "utf-8",
    "latin1": "windows-1252",
    "iso-8859-1": "windows-1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}
"""Charset labels seen in the wild, mapped to the codec khabar uses (WHATWG-style: latin-1 is
decoded as windows-1252, ASCII as UTF-8)."""

HTML_MARKERS: tuple[str, ...] = ("<!doctype html", "<html", "<head>", "<head ", "<body", "<meta ")
"""Markup that makes a text an HTML document, looked for near its start."""

FOLDER_DOC_NAMES: frozenset[str] = frozenset(
    {"README", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "NOTICE", "AUTHORS"}
)
"""Names (before the first dot, any case) of documentation files a folder walk lists as skipped
rather than reads; an exact match only, so ``notice-of-strike.txt`` is read. Named explicitly,
such a file is read."""

FEED_ROOTS: dict[str, str] = {
    "rss": "RSS feed",
    "RDF": "RSS feed",
    "feed": "Atom feed",
    "urlset": "sitemap",
    "sitemapindex": "sitemap index",
}
"""Root elements of the XML documents read as lists of articles, with how to name each."""

FEED_LINKS: dict[str, tuple[str, str]] = {
    "RSS feed": ("item", "link"),
    "Atom feed": ("entry", "link"),
    "sitemap": ("url", "loc"),
    "sitemap index": ("sitemap", "loc"),
}
"""Where each kind of list names an address: (the element of one entry, its link element)."""

FEED_SNIFF_BYTES = 2048
"""Bytes at the start of a fetched document searched for a feed or sitemap root element."""

CSV_COLUMN_ALIASES: dict[str, str] = {
    "full_text": "text",
    "article_text": "text",
    "body_text": "text",
    "story": "text",
    "النص": "text",
    "نص": "text",
    "المتن": "text",
    "المحتوى": "text",
    "العنوان": "title",
    "الرابط": "url",
    "التاريخ": "date",
    "تاريخ_النشر": "date",
    "المصدر": "outlet",
    "الموقع": "sitename",
}
"""Column names of CSV exports (newsroom spreadsheets, Arabic headers) read as record fields."""
