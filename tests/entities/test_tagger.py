"""Training, saving and loading the CRF tagger."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import pytest

from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger
from khabar.entities import tagger as tagger_module
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


def _lines_read_one_by_one(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n") for line in fh]


@pytest.mark.parametrize(
    "text",
    ["", "بوتين\tPER:B\n", "a\tx\r\nb\ty\rc\tz", "موسكو\tLOC:B,ORG:I\n\nكلمة\t\n"],
)
def test_gzipped_tables_split_into_the_lines_text_mode_reads(tmp_path: Path, text: str) -> None:
    path = tmp_path / "table.tsv.gz"
    path.write_bytes(gzip.compress(text.encode("utf-8")))
    assert tagger_module._lines(path) == _lines_read_one_by_one(path)


def test_the_bundled_tables_read_as_line_by_line() -> None:
    for name in (tagger_module.NAMES_FILE, tagger_module.CLUSTERS_FILE):
        path = tagger_module.BUNDLED_MODEL / name
        assert tagger_module._lines(path) == _lines_read_one_by_one(path)
    clusters = tagger_module._read_clusters(
        tagger_module.BUNDLED_MODEL / tagger_module.CLUSTERS_FILE
    )
    assert len(clusters) > 1000 and all(isinstance(ids, tuple) for ids in clusters.values())
