"""Turning raw bytes into text: BOMs, UTF-16, declared charsets checked, Arabic code pages.

The rule is *never emit mojibake*: every candidate decoding is checked for characters a real page
does not contain (replacement characters, control codes, UTF-8-read-as-Latin-1 pairs, Latin
accents inside Arabic words), and a page no candidate decodes convincingly is a
:class:`~khabar.errors.ReadError`.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from khabar.errors import ReadError
from khabar.read.data import CHARSET_ALIASES, FALLBACK_ENCODINGS, SINGLE_BYTE_ARABIC

SNIFF_BYTES = 65_536
"""Bytes looked at when judging whether data is binary or UTF-16 (enough for any page head)."""

BINARY_CONTROL_SHARE = 0.02
"""Share of control bytes (other than tab/newline/CR/FF/ESC) above which data is binary, not
text; real pages have none, a few survive in sloppy scrapes."""

UTF16_NUL_SHARE = 0.2
"""Share of NUL bytes at one parity of byte positions that marks BOM-less UTF-16 (every ASCII
character is followed or preceded by a NUL byte)."""

UTF16_ARABIC_HIGH_SHARE = 0.3
"""Share of 0x06 bytes at one parity that marks BOM-less Arabic UTF-16 (U+06xx letters)."""

MAX_BAD_CHAR_SHARE = 0.001
"""Largest share of impossible characters (U+FFFD, C0/C1 controls) in a convincing decoding;
one stray character per thousand is tolerated because real scrapes carry a few."""

MOJIBAKE_MIN_PAIRS = 3
"""UTF-8-as-Latin-1 pairs (``Ø§``, ``Ù„``) needed before a text is judged mojibake."""

MOJIBAKE_PAIR_SHARE = 0.01
"""Share of the text's characters in such pairs that makes it mojibake (a French page can hold
one legitimate ``Ø``, an Arabic page read wrongly is full of them)."""

LATIN_IN_ARABIC_PENALTY = 20
"""Score penalty of one Latin accented letter glued to an Arabic letter, the signature of an
ISO-8859-6 page read as windows-1256, against one point per Arabic letter."""

MIN_LATIN_ASCII_SHARE = 0.7
"""A Latin code page decoding is convincing only when at least this share of its letters is plain
ASCII (true of English/French pages; false of Arabic bytes misread as Latin)."""

_MOJIBAKE = re.compile(
    "[\u00d8\u00d9\u00da\u00db][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_LATIN_IN_ARABIC = re.compile("[\u0621-\u064a][\u00c0-\u00ff]|[\u00c0-\u00ff][\u0621-\u064a]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_OK_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def canonical_encoding(label: str | None) -> str | None:
    """Return the codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = CHARSET_ALIASES.get(name, name)
    try:
        return CHARSET_ALIASES.get(codecs.lookup(name).name, codecs.lookup(name).name)
    except LookupError:
        return None


def is_binary(data: bytes) -> bool:
    """True when the bytes are not text in any encoding khabar reads (UTF-16 counts as text)."""
    head = data[:SNIFF_BYTES]
    if (
        not head
        or _utf16_guess(head)
        or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and chr(b) not in _OK_CONTROLS)
    return controls / len(head) > BINARY_CONTROL_SHARE


def bad_char_share(text: str) -> float:
    """Share of characters no real page holds: U+FFFD, control codes, unassigned code points."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        o = ord(ch)
        if o < 32:
            bad += ch not in _OK_CONTROLS
        elif (
            0x7F <= o <= 0x9F
            or o == 0xFFFD
            or (o > 0x2FFF and unicodedata.category(ch) in ("Cn", "Co"))
        ):
            bad += 1
    return bad / len(text)


def looks_like_mojibake(text: str) -> bool:
    """True when the text holds UTF-8 Arabic that was decoded as Latin-1/windows-1252 upstream."""
    pairs = len(_MOJIBAKE.findall(text))
    return pairs >= MOJIBAKE_MIN_PAIRS and 2 * pairs / max(len(text), 1) >= MOJIBAKE_PAIR_SHARE


def _repair_mojibake(text: str) -> str | None:
    """Undo one round of UTF-8-read-as-windows-1252; None when the text does not allow it."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 256:
            out.append(o)
            continue
        try:
            out += ch.encode("windows-1252")
        except UnicodeEncodeError:
            return None
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_guess(head: bytes) -> str | None:
    """Guess BOM-less UTF-16 from NUL / 0x06 bytes at one parity; None when it does not look so."""
    if len(head) < 4:
        return None
    head = head[: len(head) - len(head) % 2]
    even, odd = head[0::2], head[1::2]
    n = len(even)
    for lo, hi, name in ((even, odd, "utf-16-le"), (odd, even, "utf-16-be")):
        zero_hi = hi.count(0) / n
        arabic_hi = hi.count(6) / n
        if lo.count(0) / n < UTF16_NUL_SHARE / 4 and (
            zero_hi >= UTF16_NUL_SHARE or arabic_hi >= UTF16_ARABIC_HIGH_SHARE
        ):
            return name
    return None


def _convincing(text: str) -> bool:
    """True when a decoding shows no sign of being the wrong one."""
    return bad_char_share(text) <= MAX_BAD_CHAR_SHARE and not looks_like_mojibake(text)


def _single_byte_score(text: str) -> float:
    """Score a legacy code page decoding: Arabic letters count, Latin letters glued to them cost."""
    return len(_ARABIC_LETTER.findall(text)) - LATIN_IN_ARABIC_PENALTY * len(
        _LATIN_IN_ARABIC.findall(text)
    )


def _latin_convincing(text: str) -> bool:
    """True when a Latin code page decoding reads as a Latin-script page."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    return sum(ch.isascii() for ch in letters) / len(letters) >= MIN_LATIN_ASCII_SHARE


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes to ``(text, encoding)``; raise ReadError when no decoding convinces.

    ``declared`` is a charset named by the container (HTTP header, meta tag); it is used when it
    decodes the bytes convincingly and ignored otherwise.
    """
    if data.startswith(codecs.BOM_UTF8):
        text = _try(data[3:], "utf-8")
        if text is not None and _convincing(text):
            return text, "utf-8-sig"
        raise ReadError(source, "has a UTF-8 byte order mark but is not valid UTF-8")
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            text = _try(data[2:], name)
            if text is not None and _convincing(text):
                return text, name
            raise ReadError(source, f"has a {name.upper()} byte order mark but is not valid {name}")
    guess = _utf16_guess(data[:SNIFF_BYTES])
    if guess:
        text = _try(data, guess)
        if text is not None and _convincing(text):
            return text, guess
    text = _try(data, "utf-8")
    if text is not None:
        if _convincing(text):
            return text, "utf-8"
        if looks_like_mojibake(text):
            repaired = _repair_mojibake(text)
            if repaired is not None and _convincing(repaired):
                return repaired, "utf-8"
            raise ReadError(
                source,
                "text is mojibake (UTF-8 Arabic decoded as Latin-1 before it was saved) and "
                "cannot be repaired; re-export it from the original",
            )
        # valid UTF-8 with stray control characters: UTF-8 is still right, the controls go
        cleaned = "".join(ch for ch in text if not _is_control(ch))
        if _convincing(cleaned):
            return cleaned, "utf-8"
    else:
        # UTF-8 with a few broken bytes (a page cut mid-character, one stray legacy byte): keep
        # it as UTF-8 rather than misread every Arabic letter through a legacy code page
        text = data.decode("utf-8", errors="replace")
        broken = text.count("\ufffd")
        if broken / max(len(text), 1) <= MAX_BAD_CHAR_SHARE and _has_multibyte(text):
            cleaned = text.replace("\ufffd", "")
            if _convincing(cleaned):
                return cleaned, "utf-8"
    declared_codec = canonical_encoding(declared)
    if declared_codec and declared_codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        text = _try(data, declared_codec)
        if text is not None and _convincing(text) and _declared_plausible(text, declared_codec):
            return text, declared_codec
    best: tuple[float, str, str] | None = None
    for name in SINGLE_BYTE_ARABIC:
        text = _try(data, name)
        if text is None or not _convincing(text):
            continue
        score = _single_byte_score(text)
        if score > 0 and (best is None or score > best[0]):
            best = (score, text, name)
    if best is not None:
        return best[1], best[2]
    for name in FALLBACK_ENCODINGS:
        text = _try(data, name)
        if text is not None and _convincing(text) and _latin_convincing(text):
            return text, name
    raise ReadError(
        source,
        "cannot be decoded convincingly (not UTF-8, UTF-16, windows-1256 or ISO-8859-6); "
        "save it as UTF-8",
    )


def _is_control(ch: str) -> bool:
    """True for a C0/C1 control character other than tab, newline, CR, FF, VT, ESC."""
    o = ord(ch)
    return (o < 32 and ch not in _OK_CONTROLS) or 0x7F <= o <= 0x9F


def _has_multibyte(text: str) -> bool:
    """True when the text holds characters beyond ASCII (so UTF-8 structure was seen)."""
    return any(ord(ch) > 0x7F and ch != "\ufffd" for ch in text)


def _declared_plausible(text: str, codec: str) -> bool:
    """Check a declared legacy charset against the text it produces."""
    if codec in SINGLE_BYTE_ARABIC:
        return _single_byte_score(text) > 0
    return _latin_convincing(text)
