"""One outlet, one name: the canonical outlet of a page, and one display name per outlet in a batch.

A page tells its outlet in several ways: its address, its ``og:site_name``, a copyright line, a
dateline (``أبوظبي - سكاي نيوز عربية``), or the export it came in. :func:`canonical_outlet`
reads them in that order of trust and gives an :class:`Outlet`: a stable ``key`` and a display
``name``. Outlets of the bundled table (:mod:`khabar.clean.outlet_data`) get the table's key and
name whichever way the page names them. Others are keyed by their registrable domain (or by
their name when the page has no address) and named by what the page says, else by the domain.

Two pages of one unknown site may name it differently (one has ``og:site_name``, the other
not); :func:`settle_outlets` gives every article of a batch its key's one display name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from urllib.parse import urlsplit

from khabar.clean.lines import Line, norm_line
from khabar.clean.metadata import host_label, host_name, name_as_written, outlet_from_copyright
from khabar.clean.outlet_data import (
    KNOWN_OUTLETS,
    NAME_LEADING_WORDS,
    NAME_SEPARATORS,
    NOT_AN_OUTLET_HOSTS,
    SECOND_LEVEL_LABELS,
    KnownOutlet,
)
from khabar.clean.scrub import strip_bidi
from khabar.model import AnnotatedArticle, Article

DATELINE_PLACE_MAX_WORDS = 3
"""Most words before the dash of a dateline naming the outlet (``أبوظبي - …``, ``الرياض -
…``, ``بقلم: …``); a longer start is a sentence, and a name after its dash is a quote."""

DATELINE_HEAD_CHARS = 80
"""Characters at the start of a line searched for a dateline (place, dash, outlet)."""

NAME_KEY_PREFIX = "name:"
"""Start of the key of an outlet outside the table known only by a name (no address)."""


@dataclass(frozen=True, slots=True)
class Outlet:
    """The outlet of a page: a stable key and the name a dossier shows."""

    key: str
    """A table outlet's key (``skynewsarabia``), else the registrable domain (``example.com``),
    else ``name:`` and the normalised name the page gives."""
    name: str
    known: bool = False
    """True when the outlet is one of the bundled table's."""


_COMPACT_DROP = re.compile(r"[\W_]+")
_NAME_SEPARATORS = re.compile(NAME_SEPARATORS)
_DATELINE_SPLIT = re.compile(r"\s+[-–—]\s*|[-–—]\s+|[–—:()]")
_LEADING_WORDS = frozenset(norm_line(w) for w in NAME_LEADING_WORDS)


def compact_name(name: str) -> str:
    """A name folded for matching: Arabic folds, case, no spaces or punctuation."""
    return _COMPACT_DROP.sub("", norm_line(name))


def _index_names(outlets: Iterable[KnownOutlet]) -> Mapping[str, KnownOutlet]:
    """Each compact name of the table to its outlet; a name two outlets claim is left out."""
    claims: dict[str, set[str]] = defaultdict(set)
    by_key = {o.key: o for o in outlets}
    for outlet in by_key.values():
        for name in outlet.names:
            claims[compact_name(name)].add(outlet.key)
    return MappingProxyType(
        {name: by_key[next(iter(keys))] for name, keys in claims.items() if len(keys) == 1}
    )


def _index_addresses(
    outlets: Iterable[KnownOutlet],
) -> Mapping[str, tuple[tuple[str, KnownOutlet], ...]]:
    """Each host of the table to its ``(path prefix, outlet)`` pairs, longest prefix first."""
    hosts: dict[str, list[tuple[str, KnownOutlet]]] = defaultdict(list)
    for outlet in outlets:
        for address in outlet.addresses:
            host, _, path = address.lower().partition("/")
            hosts[host].append(("/" + path if path else "", outlet))
    return MappingProxyType(
        {h: tuple(sorted(pairs, key=lambda p: -len(p[0]))) for h, pairs in hosts.items()}
    )


KNOWN_BY_KEY: Mapping[str, KnownOutlet] = MappingProxyType({o.key: o for o in KNOWN_OUTLETS})
_BY_NAME = _index_names(KNOWN_OUTLETS)
_BY_HOST = _index_addresses(KNOWN_OUTLETS)


def registrable_domain(host: str) -> str:
    """The domain a site registered (``ar.levant24.com`` → ``levant24.com``, ``www.alwatan.com.sa``
    → ``alwatan.com.sa``)."""
    labels = [p for p in host.lower().strip(".").split(".") if p]
    if len(labels) <= 2 or all(p.isdigit() for p in labels):
        return ".".join(labels)
    country_code = len(labels[-1]) == 2
    keep = 3 if country_code and labels[-2] in SECOND_LEVEL_LABELS else 2
    return ".".join(labels[-keep:])


def _host_and_path(address: str) -> tuple[str, str] | None:
    """The lower-case host and path of a URL or a bare ``host/path``; None without a host."""
    host = host_name(address)
    if not host:
        return None
    parts = urlsplit(address if "//" in address else f"//{address}")
    return host.lower().rstrip("."), parts.path.lower().rstrip("/")


def known_by_address(address: str) -> KnownOutlet | None:
    """The table outlet whose address holds ``address`` (a URL, or a host with a path), if any."""
    found = _host_and_path(address)
    if found is None:
        return None
    host, path = found
    labels = host.split(".")
    for i in range(len(labels) - 1):
        for prefix, outlet in _BY_HOST.get(".".join(labels[i:]), ()):
            if not prefix or path == prefix or path.startswith(prefix + "/"):
                return outlet
    return None


def known_by_name(name: str) -> KnownOutlet | None:
    """The table outlet a name stands for (``Al Jazeera``, ``موقع الجزيرة نت``,
    ``فرانس 24 / France 24``), if any."""
    pieces = [name, *(p for p in _NAME_SEPARATORS.split(name) if p.strip())]
    for piece in pieces:
        outlet = _BY_NAME.get(compact_name(piece))
        if outlet is not None:
            return outlet
        words = norm_line(piece).split()
        if len(words) > 1 and words[0] in _LEADING_WORDS:
            outlet = _BY_NAME.get(compact_name(" ".join(words[1:])))
            if outlet is not None:
                return outlet
    return None


def outlet_in_dateline(lines: Sequence[Line]) -> KnownOutlet | None:
    """The table outlet a dateline or byline credits (``أبوظبي - سكاي نيوز عربية``,
    ``بقلم: الجزيرة نت``); agencies are left out, as a dateline naming one credits the
    agency's copy, not the outlet publishing it."""
    for line in lines:
        if line.blank:
            continue
        pieces = _DATELINE_SPLIT.split(line.text[:DATELINE_HEAD_CHARS])
        if len(pieces) < 2 or len(pieces[0].split()) > DATELINE_PLACE_MAX_WORDS:
            continue
        outlet = known_by_name(pieces[1].strip())
        if outlet is not None and not outlet.agency:
            return outlet
    return None


def _usable_address(address: str | None) -> str | None:
    """The address when it names a publisher (not a link shortener, aggregator or archive)."""
    if not address:
        return None
    found = _host_and_path(address)
    if found is None:
        return None
    labels = found[0].split(".")
    if any(".".join(labels[i:]) in NOT_AN_OUTLET_HOSTS for i in range(len(labels))):
        return None
    return address


def _from_table(outlet: KnownOutlet) -> Outlet:
    return Outlet(outlet.key, outlet.name, known=True)


def canonical_outlet(
    lines: Sequence[Line], url: str | None, hint: str | None, site_name: str | None = None
) -> Outlet | None:
    """The page's outlet from its address, site name, copyright line, dateline and the export's
    outlet field (``hint``); None when the page says nothing of it.

    The address decides when there is one (the page's URL, else a domain in its copyright
    line): a table outlet by its address, else the registrable domain as key and, as name, the
    hint, the site name, the copyright's name, the domain's label as the page writes it
    (``Levant24``), or the domain itself. Without an address the names are looked up in the
    table, then the dateline, and the first name given is the outlet.
    """
    hint, site_name = strip_bidi(hint), strip_bidi(site_name)
    copyright_name, copyright_domain = outlet_from_copyright(lines)
    copyright_name = strip_bidi(copyright_name)
    address = _usable_address(url) or _usable_address(copyright_domain)
    if address is not None:
        known = known_by_address(address)
        if known is not None:
            return _from_table(known)
        host = host_name(address) or address
        key = registrable_domain(host)
        texts = [ln.text for ln in lines if not ln.blank]
        name = hint or site_name or copyright_name or name_as_written(host_label(host), texts)
        return Outlet(key, name or key)
    names = [n for n in (hint, site_name, copyright_name) if n]
    for name in names:
        known = known_by_name(name)
        if known is not None:
            return _from_table(known)
    if names:
        return Outlet(NAME_KEY_PREFIX + (norm_line(names[0]) or names[0]), names[0])
    known = outlet_in_dateline(lines)
    return _from_table(known) if known is not None else None


def _is_domain_key(key: str) -> bool:
    """True for the key of an outlet outside the table that has an address (its domain)."""
    return key not in KNOWN_BY_KEY and not key.startswith(NAME_KEY_PREFIX)


def _name_rank(name: str, key: str) -> int:
    """How much a name says beyond its key: 0 the bare domain, 1 the domain's label as a page
    writes it (``Levant24``), 2 a name the outlet gives itself (site name, copyright)."""
    compact = compact_name(name)
    if compact == compact_name(key):
        return 0
    if _is_domain_key(key) and compact == compact_name(host_label(key)):
        return 1
    return 2


def _chosen_names(articles: Iterable[Article]) -> dict[str, str]:
    """Each key's display name: the table's, else the most telling name its pages give (a site
    name over the domain's label over the bare domain), the most frequent, the first seen."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    for article in articles:
        if article.outlet_key and article.outlet:
            seen[article.outlet_key][article.outlet] += 1
            order.setdefault(article.outlet, len(order))
    chosen: dict[str, str] = {}
    for key, counts in seen.items():
        known = KNOWN_BY_KEY.get(key)
        if known is not None:
            chosen[key] = known.name
        else:
            chosen[key] = max(counts, key=lambda n: (_name_rank(n, key), counts[n], -order[n]))
    return chosen


def settled_outlets(articles: Iterable[Article]) -> dict[str, Outlet]:
    """The one outlet (key and display name) each outlet key of a batch of articles stands for.

    Names are chosen per key (see :func:`_chosen_names`). A page without an address whose name
    is the name of exactly one site of the batch (a text dump's copyright line naming the site
    others were saved from) joins that site's key. When two keys would still show one name, the
    domain is added to the names of those outside the table (``الوطن (alwatan.example)``), so
    that a name stands for one outlet.
    """
    chosen = _chosen_names(articles)
    domains_named: dict[str, list[str]] = defaultdict(list)
    for key, name in chosen.items():
        if _is_domain_key(key):
            domains_named[compact_name(name)].append(key)
    target = {key: key for key in chosen}
    for key, name in chosen.items():
        sites = domains_named.get(compact_name(name), [])
        if key.startswith(NAME_KEY_PREFIX) and len(sites) == 1:
            target[key] = sites[0]
    names = {key: chosen[key] for key in set(target.values())}
    keys_of: dict[str, set[str]] = defaultdict(set)
    for key, name in names.items():
        keys_of[name].add(key)
    for name, keys in keys_of.items():
        if len(keys) > 1:
            for key in keys:
                if _is_domain_key(key) and compact_name(name) != compact_name(key):
                    names[key] = f"{name} ({key})"
    return {
        key: Outlet(final, names[final], known=final in KNOWN_BY_KEY)
        for key, final in target.items()
    }


def settle_outlets(articles: Sequence[Article]) -> list[Article]:
    """The articles with one key and one display name per outlet (see :func:`settled_outlets`)."""
    outlets = settled_outlets(articles)
    settled = []
    for article in articles:
        outlet = outlets.get(article.outlet_key or "")
        if outlet is not None and (article.outlet, article.outlet_key) != (outlet.name, outlet.key):
            article = replace(article, outlet=outlet.name, outlet_key=outlet.key)
        settled.append(article)
    return settled


def settle_annotated(items: Sequence[AnnotatedArticle]) -> list[AnnotatedArticle]:
    """:func:`settle_outlets` for annotated articles (their mentions and statements kept)."""
    settled = settle_outlets([item.article for item in items])
    return [
        item if article is item.article else replace(item, article=article)
        for item, article in zip(items, settled, strict=True)
    ]
