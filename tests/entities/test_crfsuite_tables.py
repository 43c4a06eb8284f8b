"""The CRF's string tables read from the model file, against python-crfsuite's dump."""

from __future__ import annotations

import logging
import struct
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger
from khabar.entities import tagger as tagger_module
from khabar.entities.corpus import Sentence, read_anercorp
from khabar.entities.crf import HEADER_FORMAT
from khabar.entities.crfsuite_tables import ModelTables, read_tables
from khabar.entities.tagger import BUNDLED_MODEL, CRF_FILE
from khabar.errors import ModelError

ANERCORP_TRAIN = Path("data/ner/anercorp/ANERCorp_CamelLab_train.txt.xz")
"""ANERcorp train, in ../shared."""
TRAIN_SLICE = 400
"""Sentences from the start of ANERcorp train (far from its development part, the last tenth)."""

OWN_TEXT = """\
استقبل الملك عبدالله الثاني في عمان وفدا من البنك الدولي برئاسة ماريا غونزاليس .
وقالت وزارة الخارجية المصرية إن الوزير سامح شكري سيتوجه إلى جنيف الأسبوع المقبل .
أعلن حزب العمال البريطاني فوز مرشحه في انتخابات مجلس مدينة مانشستر .
نقلت وكالة الأنباء السورية عن مصدر عسكري أن الطائرات أغارت على ريف إدلب الجنوبي .
وصل رئيس الوزراء الياباني إلى القاهرة والتقى بالرئيس عبد الفتاح السيسي وبشيخ الأزهر .
سجل لاعب نادي الهلال هدفين في مرمى الزمالك خلال البطولة العربية في الرياض .
تراجعت أسهم شركة أرامكو بعد إعلان منظمة أوبك خفض الإنتاج لثلاثة أشهر ."""

TINY = [
    Sentence(
        ("قال", "سمير", "نجار", "في", "طنطا", "."), ("O", "B-PER", "I-PER", "O", "B-LOC", "O")
    ),
    Sentence(("أعلنت", "شركة", "نور", "أمس", "."), ("O", "B-ORG", "I-ORG", "O", "O")),
] * 4


def _dump_tables(path: Path) -> ModelTables:
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    dump = crf.info()
    return ModelTables(
        labels={name: int(i) for name, i in dump.labels.items()},
        attributes={name: int(i) for name, i in dump.attributes.items()},
        known=frozenset(attribute for attribute, _ in dump.state_features),
    )


@pytest.fixture(scope="module")
def both() -> tuple[Tagger, Tagger]:
    """The bundled model opened from its string tables, and through the parsed dump."""
    return load_tagger(EntitiesConfig()), load_tagger(EntitiesConfig(), via_dump=True)


def test_bundled_tables_are_the_dumps() -> None:
    path = BUNDLED_MODEL / CRF_FILE
    assert read_tables(path) == _dump_tables(path)


def test_a_freshly_trained_models_tables_are_its_dumps(tmp_path: Path) -> None:
    Tagger(max_iterations=10).fit(TINY, tmp_path)
    tables = read_tables(tmp_path / CRF_FILE)
    assert tables == _dump_tables(tmp_path / CRF_FILE)
    assert "w=طنطا" in tables.attributes and set(tables.labels) >= {"O", "B-PER", "B-LOC"}


def test_both_load_paths_give_the_same_weights(both: tuple[Tagger, Tagger]) -> None:
    direct, dumped = (t.decoder_ for t in both)
    assert direct is not None and dumped is not None
    assert direct.weights.labels == dumped.weights.labels
    assert direct.weights.attributes == dumped.weights.attributes
    assert np.array_equal(direct.weights.state, dumped.weights.state)
    assert np.array_equal(direct.weights.transitions, dumped.weights.transitions)
    assert both[0].extractor_.known == both[1].extractor_.known


def test_both_load_paths_tag_own_text_alike(both: tuple[Tagger, Tagger]) -> None:
    sentences = [line.split() for line in OWN_TEXT.splitlines()]
    direct, dumped = (t.tag_batch(sentences) for t in both)
    assert direct == dumped
    assert any(tag != "O" for tags in direct for tag in tags)  # the model does tag names here


def test_both_load_paths_tag_anercorp_train_alike(
    both: tuple[Tagger, Tagger], shared_dir: Path
) -> None:
    sentences = [s.tokens for s in read_anercorp(shared_dir / ANERCORP_TRAIN)[:TRAIN_SLICE]]
    direct, dumped = (t.tag_batch(sentences) for t in both)
    assert direct == dumped
    assert sum(tag != "O" for tags in direct for tag in tags) > TRAIN_SLICE


def test_an_unreadable_table_falls_back_on_the_dump(
    both: tuple[Tagger, Tagger], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(path: Path) -> ModelTables:
        raise ModelError(f"{path}: unexpected string table")

    monkeypatch.setattr(tagger_module, "read_tables", broken)
    with caplog.at_level(logging.WARNING, logger=tagger_module.__name__):
        fallen = load_tagger(EntitiesConfig())
    assert "parsing its dump" in caplog.text
    sentences = [line.split() for line in OWN_TEXT.splitlines()]
    assert fallen.tag_batch(sentences) == both[0].tag_batch(sentences)


def _corrupted(tmp_path: Path, at: int, value: bytes) -> Path:
    data = bytearray((BUNDLED_MODEL / CRF_FILE).read_bytes())
    data[at : at + len(value)] = value
    path = tmp_path / CRF_FILE
    path.write_bytes(bytes(data))
    return path


def _offset(field: int) -> int:
    """Where a header field of the bundled model points."""
    return struct.unpack_from(HEADER_FORMAT, (BUNDLED_MODEL / CRF_FILE).read_bytes())[field]


ATTRIBUTE_TABLE, FEATURE_TABLE = 9, 7
"""Header fields: the offsets of the attribute CQDB chunk and of the FEAT chunk."""


@pytest.mark.parametrize(
    ("at", "value", "message"),
    [
        (lambda: 0, b"XXXX", "not a whole CRFsuite"),
        (lambda: _offset(ATTRIBUTE_TABLE), b"QQQQ", "unexpected string table"),
        (lambda: _offset(ATTRIBUTE_TABLE) + 12, b"\0\0\0\0", "unexpected string table"),
        (lambda: _offset(ATTRIBUTE_TABLE) + 20, b"\xff\xff\xff\x7f", "index lies past"),
        (lambda: _offset(ATTRIBUTE_TABLE) + 2072, b"\x05\0\0\0", "do not match its index"),
        (lambda: _offset(FEATURE_TABLE) + 8, b"\xff\xff\xff\x0f", "runs past the file"),
    ],
)
def test_read_tables_refuses_a_damaged_file(
    tmp_path: Path, at: Callable[[], int], value: bytes, message: str
) -> None:
    with pytest.raises(ModelError, match=message):
        read_tables(_corrupted(tmp_path, at(), value))


def test_read_tables_refuses_a_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / CRF_FILE
    path.write_bytes((BUNDLED_MODEL / CRF_FILE).read_bytes()[:5000])
    with pytest.raises(ModelError, match="not a whole CRFsuite"):
        read_tables(path)
