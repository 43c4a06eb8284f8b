"""The ANT corpus days that no bundled resource may learn from.

``../shared/EVENTS.md`` reserves some ANT days for independent evaluation. Every table or model
khabar derives from ANT text (word counts, word clusters, background document frequencies, LSA
stem vectors) leaves the articles of those days out, so an evaluation on them measures text the
project has never read.
"""

from __future__ import annotations

import re
from datetime import UTC
from email.utils import parsedate_to_datetime

RESERVED_ANT_DAYS = frozenset(
    [f"2018-04-{d:02d}" for d in range(8, 13)] + [f"2018-10-{d:02d}" for d in range(13, 19)]
)
"""Days (YYYY-MM-DD) reserved for independent evaluation: an article dated one of them by its
DOCNO or by its UTC publication time is never read to build anything."""

_DOCNO_DAY = re.compile(r"<DOCNO>[^<]*-(\d{4})(\d{2})(\d{2})</DOCNO>")
_TIME = re.compile(r"<TIME>(.*?)</TIME>", re.S)


def utc_day(stamp: str) -> str:
    """The UTC day (YYYY-MM-DD) of an RFC 2822 time stamp, or "" when it cannot be read."""
    try:
        when = parsedate_to_datetime(stamp.strip())
    except (TypeError, ValueError):
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%d")


def on_reserved_day(raw: str, reserved: frozenset[str] = RESERVED_ANT_DAYS) -> bool:
    """Whether one raw ANT file's article is dated a reserved day (by DOCNO or publication time)."""
    docno = _DOCNO_DAY.search(raw)
    if docno is not None and "-".join(docno.groups()) in reserved:
        return True
    stamp = _TIME.search(raw)
    return stamp is not None and utc_day(stamp.group(1)) in reserved
