"""The numpy BiLSTM-CRF: batching, padding and parity with the torch network it is exported from."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from khabar.arabic.lexicon import default_lexicon
from khabar.config import EntitiesConfig
from khabar.entities import load_tagger
from khabar.entities.corpus import Sentence
from khabar.entities.features import FeatureExtractor
from khabar.entities.gazetteer import cldr_places
from khabar.entities.neural import NeuralTagger

ROOT = Path(__file__).resolve().parents[2]
TAGS = ("O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC")

SENTENCES = [
    ("قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو", "."),
    ("وصل", "وزير", "الخارجية", "إلى", "بكين"),
    ("الصين",),
    ("أعلنت", "الأمم", "المتحدة", "أمس", "عن", "خطة", "جديدة", "في", "جنيف", "."),
]


def _random_model(path: Path, hidden: int = 6, seed: int = 0) -> None:
    """A model file of the right shapes with random weights (no torch needed)."""
    rng = np.random.default_rng(seed)
    dims, chars, filters, width, feats = 5, 7, 4, 3, 3
    size = dims + filters + feats

    def r(*shape: int) -> np.ndarray:
        return rng.normal(size=shape).astype(np.float32)

    np.savez(
        path,
        vocab_words=np.array(["الرئيس", "بوتين", "موسكو"]),
        vocab_chars=np.array(list("ابتسمنويرل")),
        vocab_feats=np.array(["art", "sh=ar", "cue=PER"]),
        vocab_tags=np.array(TAGS),
        word_vectors=rng.integers(-127, 128, size=(3, dims)).astype(np.int8),
        word_scale=np.full(3, 0.01, np.float16),
        char_emb=r(len("ابتسمنويرل") + 2, chars),
        conv_w=r(width * chars, filters),
        conv_b=r(filters),
        feat_emb=r(feats + 1, feats),
        wih=r(size, 8 * hidden),
        bih=r(8 * hidden),
        whh_f=r(hidden, 4 * hidden),
        whh_b=r(hidden, 4 * hidden),
        out_w=r(2 * hidden, len(TAGS)),
        out_b=r(len(TAGS)),
        crf_trans=r(len(TAGS), len(TAGS)),
        crf_start=r(len(TAGS)),
        crf_end=r(len(TAGS)),
    )


def _extractor() -> FeatureExtractor:
    return FeatureExtractor({}, cldr_places(), default_lexicon(), {})


def test_batched_tagging_equals_tagging_one_sentence_at_a_time(tmp_path: Path) -> None:
    _random_model(tmp_path / "ner.npz")
    tagger = NeuralTagger(tmp_path / "ner.npz", _extractor())
    batched = tagger.tag_batch(SENTENCES)
    alone = [tagger.tag_batch([s])[0] for s in SENTENCES]
    assert batched == alone
    assert [len(t) for t in batched] == [len(s) for s in SENTENCES]
    assert {t for tags in batched for t in tags} <= set(TAGS)


def test_empty_sentences_get_no_tags(tmp_path: Path) -> None:
    _random_model(tmp_path / "ner.npz")
    tagger = NeuralTagger(tmp_path / "ner.npz", _extractor())
    assert tagger.tag_batch([(), SENTENCES[2], ()]) == [[], tagger.tag_batch([SENTENCES[2]])[0], []]
    assert tagger.tag_batch([]) == []


def test_numpy_inference_matches_the_torch_network(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_ner_neural as tn

    torch.manual_seed(0)
    train = [Sentence(s, ("O",) * len(s)) for s in SENTENCES]
    extractor = _extractor()
    words = ["الرئيس", "بوتين", "موسكو", "بكين"]
    vectors = np.random.default_rng(1).normal(size=(len(words), 8)).astype(np.float32)
    vocab = tn.reindex_feats(tn.build_vocab(train, words, extractor))
    net = tn.Net(vectors, len(vocab.idents) + 1, len(vocab.chars) + 2, len(vocab.feats) + 1)
    with torch.no_grad():  # CRF scores start at zero; make them matter
        for p in (net.crf.trans, net.crf.start, net.crf.end):
            p.normal_()
    net.eval()
    data = tn.encode(train, extractor, vocab)
    order = list(range(len(train)))
    with torch.no_grad():
        emissions, _, _, lengths = tn.run_batch(net, data, order, train=False)
        expected = [[tn.TAGS[t] for t in path] for path in tn.viterbi(net, emissions, lengths)]
    tn.export(net, vocab, tmp_path / "ner.npz")
    tagger = NeuralTagger(tmp_path / "ner.npz", extractor)
    assert tagger.tag_batch(SENTENCES) == expected


def test_load_tagger_tags_with_the_neural_weights_of_a_folder(tmp_path: Path) -> None:
    _random_model(tmp_path / "ner.npz")
    tagger = load_tagger(EntitiesConfig(model_path=str(tmp_path)))
    assert tagger.neural_ is not None and tagger.crf_ is None
    expected = tagger.neural_.tag_batch(SENTENCES)
    assert tagger.tag_batch(SENTENCES) == expected
    assert [tagger.tag(s) for s in SENTENCES] == expected
