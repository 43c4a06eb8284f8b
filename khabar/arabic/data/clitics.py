"""Arabic proclitics that attach to a word and can be split off for matching.

All forms are normalised (see ``khabar.arabic.normalize``): alef/hamza folded, taa marbuta as haa.
"""

from __future__ import annotations

CONJUNCTIONS = ("و", "ف")
"""Conjunctions that can open any word (وبوتين، فموسكو)."""

PREPOSITIONS = ("ب", "ل", "ك")
"""One-letter prepositions that attach to nouns (بموسكو، لروسيا، كرئيس)."""

ARTICLE = "ال"
"""The definite article."""

ARTICLE_AFTER_LAM = "ل"
"""What is left of ال after the preposition ل (ل + الرئيس = للرئيس)."""

STRIPPABLE_PREFIXES = ("و", "ف", "ب", "ل", "ك")
"""One-letter clitics excluded from an entity mention's span when they are not part of the name."""
