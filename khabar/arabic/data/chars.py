"""Arabic character classes used by normalisation."""

from __future__ import annotations

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic marks.
DIACRITICS = frozenset(
    chr(c)
    for c in [
        *range(0x064B, 0x0660),
        0x0670,
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E9),
        *range(0x06EA, 0x06EE),
        *range(0x08D3, 0x0900),
    ]
    if c not in (0x08E2,)
)
TATWEEL = "\u0640"
# Bidi controls and zero-width characters that scrapers leave behind (U+200B–U+200F, ALM, BOM,
# the bidi embeddings and isolates).
INVISIBLES = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + ["\u061c", "\ufeff", "\u2060"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
# Letter variants folded together for matching.
LETTER_FOLDS = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0649": "\u064a",  # ى -> ي
    "\u06cc": "\u064a",  # Persian yeh -> ي
    "\u06d2": "\u064a",
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064a",  # ئ -> ي
    "\u06a9": "\u0643",  # Persian kaf -> ك
    "\u06c0": "\u0647",
    "\u06c1": "\u0647",
}
DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian/Urdu)
}
PUNCTUATION_FOLDS = {
    "\u060c": ",",  # ، comma
    "\u061b": ";",  # ؛ semicolon
    "\u061f": "?",  # ؟ question mark
    "\u066a": "%",
    "\u066b": ".",  # decimal separator
    "\u066c": ",",  # thousands separator
    "\u06d4": ".",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2013": "-",
    "\u2014": "-",
    "\u00a0": " ",
}
