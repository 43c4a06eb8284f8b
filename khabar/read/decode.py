"""Turning raw bytes into text: BOMs, UTF-16, declared charsets checked, Arabic code pages.

The rule is *never emit mojibake*: every candidate decoding is checked for characters a real page
does not contain (replacement characters, control codes, UTF-8-read-as-Latin-1 pairs, Latin
accents inside Arabic words), and a page no candidate decodes convincingly is a
:class:`~khabar.errors.ReadError`. Nothing is guessed silently either: bytes that are UTF-8 but
for a few broken ones stay UTF-8 with those replaced, and every repair (``encoding_repaired``) or
encoding other than UTF-8 (``encoding_fallback``: declared or guessed) is a flag on the page.
Byte order marks that contradict each other, or the bytes after them, are a ReadError.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from khabar.errors import ReadError
from khabar.model import Flag
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

MAX_INVALID_UTF8_SHARE = 0.05
"""Most invalid bytes per valid multi-byte character with which bytes are still read as UTF-8
(the invalid ones replaced and flagged). A UTF-8 page with a few stray bytes has hundreds of
valid letters per bad byte; Arabic in windows-1256 or ISO-8859-6 read as UTF-8 has about one
valid sequence per hundred bad bytes (checked on the five seed pages)."""

MAX_REPLACED_SHARE = 0.05
"""Share of replacement characters (U+FFFD) already in valid UTF-8 above which the page was
damaged beyond use before it was saved."""

_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
"""C0/C1 control characters other than tab, newline, VT, FF, CR and ESC."""
_HIGH = re.compile("[\u3000-\U0010ffff]")
"""Code points beyond the common scripts, where unassigned and private-use ones are looked for."""
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
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
    bad = len(_CONTROL.findall(text)) + text.count("\ufffd")
    bad += sum(unicodedata.category(ch) in ("Cn", "Co") for ch in _HIGH.findall(text))
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


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded page text, the codec that gave it, and what reading had to repair or guess."""

    text: str
    encoding: str
    flags: tuple[Flag, ...] = ()


def decode_bytes(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes to ``(text, encoding)``; raise ReadError when no decoding convinces."""
    decoded = decode_page(data, source, declared)
    return decoded.text, decoded.encoding


def decode_page(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """Decode page bytes, flagging any repair or guess; raise ReadError when nothing convinces.

    ``declared`` is a charset named by the container (HTTP header, meta tag); it is used when it
    decodes the bytes convincingly and ignored otherwise. Bytes that are valid UTF-8, or UTF-8
    but for a few invalid bytes, are always read as UTF-8 (never through a legacy code page).
    """
    if data.startswith(codecs.BOM_UTF8):
        rest = data[3:]
        if rest.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_guess(
            rest[:SNIFF_BYTES]
        ):
            raise ReadError(
                source,
                "byte order marks contradict each other: a UTF-8 mark followed by UTF-16 text; "
                "save it again as UTF-8",
            )
        decoded = _decode_utf8(rest, source, "utf-8-sig")
        if decoded is None:
            raise ReadError(source, "has a UTF-8 byte order mark but is not valid UTF-8")
        return decoded
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _decode_utf16_with_bom(data[len(bom) :], source, name)
    guess = _utf16_guess(data[:SNIFF_BYTES])
    if guess:
        text = _try(data, guess)
        if text is not None and _convincing(text):
            return Decoded(text, guess, (_fallback_flag(guess, "guessed from the bytes"),))
    decoded = _decode_utf8(data, source, "utf-8")
    if decoded is not None:
        return decoded
    declared_codec = canonical_encoding(declared)
    if declared_codec and declared_codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        text = _try(data, declared_codec)
        if text is not None and _convincing(text) and _declared_plausible(text, declared_codec):
            how = f"declared as {declared}" if declared else "declared"
            return Decoded(text, declared_codec, (_fallback_flag(declared_codec, how),))
    how = "guessed from the bytes" + (f"; the declared {declared} did not fit" if declared else "")
    best: tuple[float, str, str] | None = None
    for name in SINGLE_BYTE_ARABIC:
        text = _try(data, name)
        if text is None or not _convincing(text):
            continue
        score = _single_byte_score(text)
        if score > 0 and (best is None or score > best[0]):
            best = (score, text, name)
    if best is not None:
        return Decoded(best[1], best[2], (_fallback_flag(best[2], how),))
    for name in FALLBACK_ENCODINGS:
        text = _try(data, name)
        if text is not None and _convincing(text) and _latin_convincing(text):
            return Decoded(text, name, (_fallback_flag(name, how),))
    raise ReadError(
        source,
        "cannot be decoded convincingly (not UTF-8, UTF-16, windows-1256 or ISO-8859-6); "
        "save it as UTF-8",
    )


def _fallback_flag(encoding: str, how: str) -> Flag:
    return Flag("encoding_fallback", f"not UTF-8: read as {encoding} ({how})")


def _decode_utf16_with_bom(rest: bytes, source: str, name: str) -> Decoded:
    """Decode the bytes after a UTF-16 byte order mark, refusing a mark the bytes contradict."""
    other = "utf-16-be" if name == "utf-16-le" else "utf-16-le"
    guess = _utf16_guess(rest[:SNIFF_BYTES])
    if rest.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        guess == other
    ):
        raise ReadError(
            source,
            f"byte order marks contradict each other: a {name.upper()} mark followed by text "
            "in another encoding; save it again as UTF-8",
        )
    if guess is None and len(rest) >= 4 and b"\x00" not in rest[:SNIFF_BYTES]:
        looks = "UTF-8" if _try(rest, "utf-8") is not None else "a single-byte encoding"
        raise ReadError(
            source,
            f"has a {name.upper()} byte order mark but the text after it is {looks}, not "
            f"{name}; save it again as UTF-8",
        )
    text = _try(rest, name)
    if text is not None and _convincing(text):
        return Decoded(text, name)
    raise ReadError(source, f"has a {name.upper()} byte order mark but is not valid {name}")


def _decode_utf8(data: bytes, source: str, name: str) -> Decoded | None:
    """Read bytes as UTF-8 when they are UTF-8 (perhaps with a few broken bytes); None when not.

    Raise ReadError for valid UTF-8 that cannot be a page (unrepairable mojibake, text made
    mostly of replacement characters)."""
    escaped = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(escaped))
    flags: list[Flag] = []
    if invalid:
        multibyte = len(escaped) - len(escaped.encode("ascii", "ignore")) - invalid
        if multibyte <= 0 or invalid > multibyte * MAX_INVALID_UTF8_SHARE:
            return None
        text = _ESCAPED_RUN.sub("\ufffd", escaped)
        flags.append(
            Flag(
                "encoding_repaired",
                f"{invalid} invalid UTF-8 byte(s) replaced by \ufffd; the rest of the page is "
                "valid UTF-8",
            )
        )
    else:
        text = escaped
        if looks_like_mojibake(text):
            repaired = _repair_mojibake(text)
            if repaired is not None and _convincing(repaired):
                flag = Flag(
                    "encoding_repaired",
                    "UTF-8 text that had been decoded as windows-1252 before it was saved was "
                    "repaired",
                )
                return Decoded(repaired, name, (flag,))
            raise ReadError(
                source,
                "text is mojibake (UTF-8 Arabic decoded as Latin-1 before it was saved) and "
                "cannot be repaired; re-export it from the original",
            )
    text, controls = _CONTROL.subn("", text)
    if controls:
        flags.append(Flag("encoding_repaired", f"{controls} control character(s) removed"))
    damaged = text.count("\ufffd") - len(_ESCAPED_RUN.findall(escaped))
    if damaged > len(text) * MAX_REPLACED_SHARE:
        raise ReadError(
            source,
            f"text holds {damaged} replacement characters (\ufffd): it was damaged before it "
            "was saved; re-export it from the original",
        )
    return Decoded(text, name, tuple(flags))


def _declared_plausible(text: str, codec: str) -> bool:
    """Check a declared legacy charset against the text it produces."""
    if codec in SINGLE_BYTE_ARABIC:
        return _single_byte_score(text) > 0
    return _latin_convincing(text)
