"""Training, saving and loading the CRF tagger."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger
from khabar.entities.corpus import Sentence
from khabar.errors import ModelError

TINY = [
    Sentence(
        ("قال", "الرئيس", "سمير", "نجار", "في", "طنطا", "."),
        ("O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"),
    ),
    Sentence(
        ("زار", "كريم", "حداد", "مدينة", "طنطا", "."), ("O", "B-PER", "I-PER", "O", "B-LOC", "O")
    ),
    Sentence(
        ("أعلنت", "شركة", "نور", "للطيران", "أمس", "."), ("O", "B-ORG", "I-ORG", "I-ORG", "O", "O")
    ),
] * 5


def test_fit_saves_a_model_that_loads_and_tags(tmp_path: Path) -> None:
    tagger = Tagger(max_iterations=30, gazetteer_folds=2).fit(TINY, tmp_path)
    assert (tmp_path / "ner.crfsuite").exists()
    loaded = load_tagger(EntitiesConfig(model_path=str(tmp_path)))
    tokens = ["قال", "الرئيس", "سمير", "نجار", "في", "طنطا", "."]
    assert loaded.tag(tokens) == tagger.tag(tokens)
    assert loaded.tag(tokens)[2:4] == ["B-PER", "I-PER"]


def test_load_tagger_accepts_the_crfsuite_file_itself(tmp_path: Path) -> None:
    Tagger(max_iterations=10).fit(TINY, tmp_path)
    loaded = load_tagger(EntitiesConfig(model_path=str(tmp_path / "ner.crfsuite")))
    assert len(loaded.tag(["زار", "طنطا"])) == 2


def test_load_tagger_explains_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"train_ner\.py"):
        load_tagger(EntitiesConfig(model_path=str(tmp_path / "nowhere")))


def test_bundled_tagger_survives_pickling_for_worker_processes() -> None:
    tagger = load_tagger(EntitiesConfig())
    copy = pickle.loads(pickle.dumps(tagger))
    tokens = ["التقى", "فلاديمير", "بوتين", "في", "موسكو", "."]
    assert copy.tag(tokens) == tagger.tag(tokens)
