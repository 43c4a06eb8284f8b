"""Source names as printable text: how a path, archive member or record address is shown."""

from __future__ import annotations

import re

_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a shown name must not hold: control characters, surrogates (bytes that were not
UTF-8, or lone halves that cannot be written), line and paragraph separators, and bidirectional
embeddings, overrides and isolates (which can make ``gpj.exe`` read as ``exe.jpg``)."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by os.fsdecode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def display_source(name: str) -> str:
    """A name safe to print and to write as UTF-8: bytes of a file name that were not UTF-8
    (which Python keeps as surrogate escapes) become ``\\xNN``; control, separator and
    bidirectional-override characters become ``\\xNN`` or ``\\uNNNN``."""
    return _UNSHOWABLE.sub(_escape, name)
