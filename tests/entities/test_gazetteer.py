from pathlib import Path

from khabar.arabic import normalize
from khabar.config import EntitiesConfig
from khabar.entities.gazetteer import (
    cldr_places,
    geonames_arabic_names,
    geonames_places,
    known_places,
    write_geonames,
)
from khabar.entities.tagger import load_tagger


def test_geonames_names_keep_arabic_forms_with_their_largest_population() -> None:
    cities = [
        {"population": 2_300_000, "alternatenames": ["Mashhad", "مشهد", "مشهد\u200c"]},
        {"population": 40_000, "alternatenames": ["مشهد", "گرگان"]},
        {"population": 900, "alternatenames": ["رأس-العين", "د مشق", "قم", "اب"]},
    ]
    names = geonames_arabic_names(cities)
    assert names[normalize("مشهد")] == 2_300_000
    assert names[normalize("رأس العين")] == 900  # hyphen read as a space
    assert "گرگان" not in names  # Persian letters
    assert "مشهد\u200c" not in names  # a zero-width non-joiner is no Arabic letter
    assert not {"د مشق", "قم", "اب"} & set(names)  # a one-letter word; under three letters


def test_geonames_places_read_back_with_size_kinds_and_name_roles(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv.gz"
    write_geonames({"مشهد": 2_300_000, "طبس": 50_000, "راس العين": 150_000}, path)
    places = geonames_places(path)
    assert places["مشهد"] == "geo-large:B"
    assert places["طبس"] == "geo-small:B"
    assert places["راس"] == "geo-medium:B"
    assert places["العين"] == "geo-medium:I"


def test_known_places_add_towns_cldr_does_not_name() -> None:
    places = known_places()
    cldr = cldr_places()
    assert places[normalize("مصر")] == cldr[normalize("مصر")]  # CLDR's kind wins
    latakia = normalize("اللاذقية")
    assert latakia not in cldr
    assert places[latakia].startswith("geo-")


def test_towns_are_tagger_features_but_not_known_places_elsewhere() -> None:
    tagger = load_tagger(EntitiesConfig())
    word = normalize("قوم")  # a common noun, and Qom in GeoNames
    assert tagger.extractor_.places[word].startswith("geo-")
    assert not any(role.startswith("LOC") for role in tagger.known_roles(word))
    assert "LOC:B" in tagger.known_roles(normalize("مصر"))
