"""How the 50 fine classes of NewsFANE map to khabar's four entity types.

NewsFANE (Alotaibi & Lee, COLING 2014) annotates under an ACE-style two-level taxonomy. Facilities
(buildings, airports, paths) count as places; people-groups (العرب، المسلمين) and products
(vehicles, weapons, books, films, software) are MISC. Classes not listed here become O.
"""

from __future__ import annotations

FINE_TO_COARSE: dict[str, str] = {
    # Person
    "Politician": "PER",
    "Athlete": "PER",
    "Artist": "PER",
    "Other_PER": "PER",
    "Religious_PER": "PER",
    "Scientist": "PER",
    "Businessperson": "PER",
    "Police": "PER",
    "Lawyer": "PER",
    "Engineer": "PER",
    # Geo-political entities, locations and facilities
    "Nation": "LOC",
    "Population-Center": "LOC",
    "State-or-Province": "LOC",
    "GPE-Cluster": "LOC",
    "Continent": "LOC",
    "County-or-District": "LOC",
    "Water-Body": "LOC",
    "Land-Region-Natural": "LOC",
    "Celestial": "LOC",
    "Building-Grounds": "LOC",
    "Airport": "LOC",
    "Path": "LOC",
    "Subarea-Facility": "LOC",
    # Organisations
    "Non-Governmental": "ORG",
    "Sports": "ORG",
    "Media": "ORG",
    "Government": "ORG",
    "Commercial": "ORG",
    "Educational": "ORG",
    "Religious_ORG": "ORG",
    "Medical-Science": "ORG",
    "Entertainment": "ORG",
    # Other names
    "Group": "MISC",
    "Book": "MISC",
    "Movie": "MISC",
    "Software": "MISC",
    "Hardware": "MISC",
    "Land": "MISC",
    "Air": "MISC",
    "Water": "MISC",
    "Projectile": "MISC",
    "Shooting": "MISC",
    "Drug": "MISC",
    "Food": "MISC",
    "Plant": "MISC",
}


SEPARATED_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})
"""One-letter prefixes NewsFANE writes as tokens of their own (و قال، ب الرياض); most text and
most test sets (ANERcorp) write them joined to the next word (وقال، بالرياض)."""

SEPARATED_SUFFIXES = frozenset({"ه", "ها", "هما", "هم", "هن", "نا", "كم"})
"""Pronoun suffixes NewsFANE writes as tokens of their own (عند هم); usually joined (عندهم)."""
