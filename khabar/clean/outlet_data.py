"""Arabic news outlets khabar knows (``outlets.tsv``): their addresses and how pages name them.

Each outlet has a stable ``key`` (lower-case ASCII, never renamed: stores and dossiers keep it),
the ``name`` a dossier shows (the outlet's own Arabic name; a Latin brand when the outlet writes
itself that way, as Levant24 and CNN do), the ``addresses`` of its pages and the ``names`` pages
and exports give it (``og:site_name``, copyright lines, datelines, an export's ``outlet``
column), in Arabic and Latin spellings. Only ``names`` are looked up: a display name that is
also a common word (``الأخبار``, ``العالم``) is not listed there.

An address is a host (``aljazeera.net``: the host and any subdomain) or a host and a path
prefix (``bbc.com/arabic``) where the outlet is a section of a bigger site. Names are matched
whole, after Arabic folding, case folding and the removal of spaces and punctuation, so
``Al-Jazeera``, ``Al Jazeera`` and ``aljazeera`` are one spelling. A name several outlets share
(``الوطن``, ``الراي``/``الرأي``, ``القدس``, ``الرياض``) is left out: there the address decides,
and the display names carry the country.

``agency`` marks news agencies: a dateline naming one (``دمشق - سانا``) credits the agency's
copy, not the outlet that publishes it, so datelines never name an agency as the outlet.

The ANT corpus (Al Arabiya, BBC, CNN, France 24 and Sky News Arabia, 2018) names its outlets
``alarabia``, ``BBC``, ``CNN``, ``france24`` and ``skynews``; those spellings are listed too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khabar.errors import ModelError


@dataclass(frozen=True, slots=True)
class KnownOutlet:
    """One outlet of the table: key, display name, addresses and the names pages give it."""

    key: str
    name: str
    addresses: tuple[str, ...]
    names: tuple[str, ...] = ()
    agency: bool = False


OUTLETS_TABLE = Path(__file__).with_name("outlets.tsv")
"""The bundled table: one outlet a row, ``key``, ``name``, ``kind`` (``outlet`` or ``agency``),
addresses separated by spaces, names separated by `` | ``; ``#`` starts a comment line."""

_COLUMNS = 5
_KINDS = frozenset({"outlet", "agency"})


def read_known_outlets(path: Path) -> tuple[KnownOutlet, ...]:
    """The outlets of a table in the ``outlets.tsv`` format, in its order."""
    outlets: list[KnownOutlet] = []
    for number, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not row.strip() or row.startswith("#"):
            continue
        cells = [c.strip() for c in row.split("\t")]
        if len(cells) != _COLUMNS or cells[2] not in _KINDS or not all(cells[:4]):
            raise ModelError(
                f"{path}:{number}: expected {_COLUMNS} tab-separated columns (key, name, "
                "outlet or agency, addresses, names); reinstall khabar or fix the row"
            )
        key, name, kind, addresses, names = cells
        outlets.append(
            KnownOutlet(
                key,
                name,
                tuple(addresses.split()),
                tuple(n.strip() for n in names.split(" | ") if n.strip()),
                agency=kind == "agency",
            )
        )
    return tuple(outlets)


KNOWN_OUTLETS: tuple[KnownOutlet, ...] = read_known_outlets(OUTLETS_TABLE)
"""The outlets, grouped by country or reach. Keys are never reused or renamed."""

NAME_LEADING_WORDS: tuple[str, ...] = (
    "موقع",
    "لموقع",
    "قناة",
    "لقناة",
    "صحيفة",
    "لصحيفة",
    "جريدة",
    "لجريدة",
    "شبكة",
    "لشبكة",
    "مجلة",
)
"""Words before an outlet's name in a page's wording (``موقع الجزيرة``, ``لصحيفة البيان``);
dropped, one at a time, when a name finds no outlet as written."""

NAME_SEPARATORS = r"\s[|\-–—/:·•]\s|\s[|/·•]|[|/·•]\s"
"""Separators inside a site name holding two spellings (``فرانس 24 / France 24``,
``BBC News عربي - BBC Arabic``); each piece is looked up alone when the whole finds nothing."""

SECOND_LEVEL_LABELS: frozenset[str] = frozenset(
    ["com", "net", "org", "co", "gov", "edu", "ac", "info", "news", "tv", "mil", "gob", "nic"]
)
"""Labels under a country code that are not the site's own name (``alwatan.com.sa``,
``bbc.co.uk``, ``petra.gov.jo``): the registrable domain keeps one more label."""

NOT_AN_OUTLET_HOSTS: frozenset[str] = frozenset(
    [
        # aggregators and feed proxies: their links lead to many outlets' stories
        "news.google.com",
        "feedproxy.google.com",
        "feeds.feedburner.com",
        "msn.com",
        "news.yahoo.com",
        "flipboard.com",
        "nabd.com",
        # link shorteners
        "t.co",
        "bit.ly",
        "ow.ly",
        "goo.gl",
        "tinyurl.com",
        # archives and caches
        "web.archive.org",
        "archive.ph",
        "archive.today",
        "ampproject.org",
        "webcache.googleusercontent.com",
    ]
)
"""Hosts (and their subdomains) whose addresses say nothing of the outlet: the outlet is then read
from the page's names, as if it had no address."""
