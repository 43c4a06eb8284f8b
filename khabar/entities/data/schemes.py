"""Entity tag names of the corpora khabar reads and writes, mapped to and from its own four.

khabar tags PER / LOC / ORG / MISC. ANERcorp (Benajiba et al. 2007; CAMeL Lab split) writes
people as PERS; `khabar tag-entities --scheme` writes its tags under the input's names.
"""

from __future__ import annotations

KHABAR_TYPES = ("PER", "LOC", "ORG", "MISC")
"""khabar's own entity types, in the order its reports list them."""

TYPE_ALIASES: dict[str, str] = {
    "PER": "PER",
    "PERS": "PER",
    "LOC": "LOC",
    "ORG": "ORG",
    "MISC": "MISC",
}
"""Entity type names met in coarse-tagged corpora, mapped to khabar's (ANERcorp's PERS → PER)."""

OUTPUT_SCHEMES: dict[str, dict[str, str]] = {
    "khabar": {kind: kind for kind in KHABAR_TYPES},
    "anercorp": {"PER": "PERS", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"},
}
"""Tag names written by ``khabar tag-entities --scheme NAME``, per khabar type."""
