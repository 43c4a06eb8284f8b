"""Arabic sentence splitting with character offsets into the original text."""

from __future__ import annotations

import re

# A sentence ends at . ! ? ؟ or … (possibly several, possibly followed by a closing quote or
# bracket), when whitespace follows; a newline always ends a sentence (paragraphs never share one).
_END = re.compile(r"""[.!?؟…]+["”»’')\]]*(?=\s|$)|\n""")
# A full stop between digits (3.5) or after a single letter (initials such as "د.") is no end.
_NO_BREAK_BEFORE = re.compile(r"(?:\d|(?<![\w])\w)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences of ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if match.group() != "\n" and match.group()[0] == "." and len(match.group()) == 1:
            before = text[start : match.start()]
            if _NO_BREAK_BEFORE.search(before) and not before.endswith(tuple("0123456789")):
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the span trimmed of surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings."""
    return [text[s:e] for s, e in split_sentences(text)]
