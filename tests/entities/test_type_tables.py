"""New word types added in bulk (BulkTypeDecoder) against one list at a time (CrfDecoder)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger
from khabar.entities.corpus import read_anercorp
from khabar.entities.crf import INITIAL_TYPES, CrfDecoder
from khabar.entities.type_tables import BulkTypeDecoder

ANERCORP_TRAIN = Path("data/ner/anercorp/ANERCorp_CamelLab_train.txt.xz")
"""ANERcorp train, in ../shared."""
TRAIN_SLICE = 600
"""Sentences from the start of ANERcorp train: more word types than the tables first hold."""

BATCH = 50
"""Sentences a batch, so later batches bring new types into tables already part full."""

OWN_TEXT = """\
أكد المتحدث باسم الأمم المتحدة ستيفان دوجاريك أن القافلة دخلت مدينة حلب صباح اليوم .
وأضاف أن منظمة الصحة العالمية أرسلت فريقا طبيا إلى مخيم الزعتري في الأردن .
ووقعت شركة سامسونغ الكورية عقدا مع هيئة الاتصالات في الكويت .
قاد المدرب خوسيه مورينيو فريق ريال مدريد إلى الفوز على برشلونة .
!!
2019 ، 17 % ..."""


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def _sentences(shared_dir: Path) -> list[list[str]]:
    own = [line.split() for line in OWN_TEXT.splitlines()]
    return own + [list(s.tokens) for s in read_anercorp(shared_dir / ANERCORP_TRAIN)[:TRAIN_SLICE]]


def test_the_tagger_adds_types_in_bulk(tagger: Tagger) -> None:
    assert isinstance(tagger.decoder_, BulkTypeDecoder)


def test_bulk_and_one_by_one_give_the_same_scores_and_tags(
    tagger: Tagger, shared_dir: Path
) -> None:
    assert tagger.decoder_ is not None
    weights, extractor = tagger.decoder_.weights, tagger.extractor_
    bulk, one_by_one = BulkTypeDecoder(weights, extractor), CrfDecoder(weights, extractor)
    sentences = _sentences(shared_dir)
    for start in range(0, len(sentences), BATCH):
        batch = sentences[start : start + BATCH]
        assert np.array_equal(bulk.state_scores(batch), one_by_one.state_scores(batch))
        assert bulk.tag_batch(batch) == one_by_one.tag_batch(batch)
    assert bulk._types == one_by_one._types
    rows = bulk._types
    assert np.array_equal(bulk._here[:rows], one_by_one._here[:rows])
    for mine, theirs in zip(bulk._near, one_by_one._near, strict=True):
        assert np.array_equal(mine[:rows], theirs[:rows])
    assert np.array_equal(bulk._stem_codes[:rows], one_by_one._stem_codes[:rows])
    assert np.array_equal(bulk._cluster_codes[:rows], one_by_one._cluster_codes[:rows])
    assert rows > INITIAL_TYPES  # the tables grew on the way


def test_emptied_bulk_tables_give_the_same_tags(tagger: Tagger) -> None:
    assert tagger.decoder_ is not None
    small = BulkTypeDecoder(tagger.decoder_.weights, tagger.extractor_, max_types=60)
    sentences = [line.split() for line in OWN_TEXT.splitlines()]
    for _ in range(2):  # the second round finds the tables emptied, then refilled
        assert small.tag_batch(sentences) == tagger.tag_batch(sentences)


def test_a_batch_of_unknown_words_and_edges_only(tagger: Tagger) -> None:
    assert tagger.decoder_ is not None
    weights, extractor = tagger.decoder_.weights, tagger.extractor_
    batch = [["qqqzz"], ["qqqzz", "ـــ"], []]
    bulk, one_by_one = BulkTypeDecoder(weights, extractor), CrfDecoder(weights, extractor)
    assert np.array_equal(bulk.state_scores(batch), one_by_one.state_scores(batch))
    assert bulk.tag_batch(batch) == one_by_one.tag_batch(batch)
