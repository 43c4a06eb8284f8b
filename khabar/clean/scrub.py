"""Text made safe to keep: no lone surrogates, no bidi overrides in names, only web URLs.

Python strings can hold what UTF-8 cannot: a JSON ``"\\ud800"`` escape decodes to a lone
surrogate, and a file name that is not valid UTF-8 arrives with its bad bytes as surrogates
(``os.fsdecode``). Such a string crashes the tagger, the JSON and HTML writers and SQLite. These
functions are applied where text enters the model (cleaning, failures) and again where it leaves
(the dossier files, the store), so one odd page never costs a batch.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urlsplit

from khabar.clean.data import ARTICLE_URL_SCHEMES, BIDI_CONTROLS
from khabar.model import Failure, Page

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
"""A byte that did not decode, as ``os.fsdecode`` (``surrogateescape``) keeps it."""

_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def scrub_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (a split pair is joined again)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        # UTF-16 carries surrogates as code units: pairs decode to their character, lone ones
        # to the replacement character.
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def scrub_optional(text: str | None) -> str | None:
    """:func:`scrub_text` of a value that may be absent."""
    return None if text is None else scrub_text(text)


def scrub_source(source: str) -> str:
    """A source name fit to show and store: undecodable bytes of a file name written as
    ``\\xNN``, other lone surrogates replaced, bidi controls written as ``<U+202E>`` (a name
    must read as it is, not reordered)."""
    named = _ESCAPED_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", source)
    named = _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", named)
    return scrub_text(named)


def strip_bidi(text: str | None) -> str | None:
    """``text`` without bidi controls and outer spaces (for titles and outlet names); None
    when nothing is left."""
    if text is None:
        return None
    kept = _BIDI.sub("", text).strip()
    return kept or None


def web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address with a host, else None (``javascript:``,
    ``data:`` and relative addresses are never kept as an article's link)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ARTICLE_URL_SCHEMES or not parts.netloc:
        return None
    return url


def scrub_page(page: Page) -> Page:
    """The page with its text fields made safe (raw bytes untouched, so its id is unchanged)."""
    return dataclasses.replace(
        page,
        source=scrub_source(page.source),
        text=scrub_text(page.text),
        url=scrub_optional(page.url),
        title_hint=scrub_optional(page.title_hint),
        published_hint=scrub_optional(page.published_hint),
        outlet_hint=scrub_optional(page.outlet_hint),
    )


def scrub_failure(failure: Failure) -> Failure:
    """The failure with a source name and reason fit to show and store."""
    return Failure(scrub_source(failure.source), scrub_text(failure.error))
