"""The numpy CRF decoder gives python-crfsuite's tags, and recognize the mentions they give.

The references are the straightforward paths the decoder replaced: pycrfsuite tagging each
sentence from its attribute strings (``crf_.tag(extractor_.sequence(tokens))``), and, for the
mention finder, a recognize that tags title and body apart with pycrfsuite and re-tokenises each
mention's text for its words. They run on the paragraphs of the five real seed pages.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from khabar.arabic import tokenize
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, load_tagger
from khabar.entities.corpus import Sentence
from khabar.entities.crf import (
    CrfDecoder,
    CrfWeights,
    PairAttributes,
    check_against_dump,
    read_crfsuite,
    viterbi,
)
from khabar.entities.recognize import (
    _bare,
    _coordinated_places,
    _extend_given_names,
    _names_to_repeat,
    _repeat_names,
    _tag_mentions,
    _titled_people,
    recognize,
    sentence_chunks,
)
from khabar.entities.rules import SpanRules
from khabar.errors import ModelError
from khabar.model import Article, Mention

MIN_PARAGRAPH_CHARS = 40
"""Seed page lines shorter than this are menu items and bylines, not paragraphs."""


class CrfsuiteTagger(Tagger):
    """The bundled model tagging through python-crfsuite, one sentence at a time."""

    def tag_batch(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        assert self.crf_ is not None
        return [list(self.crf_.tag(self.extractor_.sequence(s))) if s else [] for s in sentences]


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


@pytest.fixture(scope="module")
def reference(tagger: Tagger) -> CrfsuiteTagger:
    slow = CrfsuiteTagger()
    slow.__dict__.update(tagger.__dict__)
    return slow


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> list[Article]:
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        paragraphs = [line for line in lines if len(line) >= MIN_PARAGRAPH_CHARS]
        articles.append(
            Article(path.stem, path.name, paragraphs[0], None, None, "ar", tuple(paragraphs[1:]))
        )
    assert len(articles) == 5
    return articles


def _sentences(article: Article) -> list[list[str]]:
    out = []
    for text in (article.title or "", article.text):
        out += [[t.text for t in s] for s in sentence_chunks(text, tokenize(text))]
    return out


def test_decoder_tags_seed_sentences_as_crfsuite_does(
    tagger: Tagger, reference: CrfsuiteTagger, seed_articles: list[Article]
) -> None:
    sentences = [s for article in seed_articles for s in _sentences(article)]
    expected = reference.tag_batch(sentences)
    assert sum(len(s) for s in sentences) > 2000
    assert sum(tag != "O" for tags in expected for tag in tags) > 100
    assert tagger.tag_batch(sentences) == expected
    assert [tagger.tag(s) for s in sentences[:20]] == expected[:20]  # batch or alone alike


def test_state_scores_are_crfsuites_sums_bit_for_bit(
    tagger: Tagger, seed_articles: list[Article]
) -> None:
    assert tagger.decoder_ is not None
    weights = tagger.decoder_.weights
    sentences = _sentences(seed_articles[0])[:15]
    scores = tagger.decoder_.state_scores(sentences).tolist()
    expected = []
    for sentence in sentences:
        for attributes in tagger.extractor_.sequence(sentence):
            total = [0.0] * len(weights.labels)
            for attribute in attributes:  # crfsuite: known attributes in order, w * 1.0 each
                aid = weights.attributes.get(attribute)
                if aid is None:
                    continue
                for label, w in enumerate(weights.state[aid].tolist()):
                    if w != 0.0:
                        total[label] += w
            expected.append(total)
    assert scores == expected


def _reference_recognize(article: Article, tagger: Tagger) -> tuple[Mention, ...]:
    """recognize as it was before the decoder: title and body tagged apart, each mention's
    words found by tokenising its text again."""
    title, body = article.title or "", article.text
    title_tokens, body_tokens = tokenize(title), tokenize(body)
    in_title = _tag_mentions(title, title_tokens, tagger, True)
    in_body = _tag_mentions(body, body_tokens, tagger, False)
    found = [(m.type, tuple(_bare(t) for t in tokenize(m.text))) for m in in_body + in_title]
    names = _names_to_repeat(found)
    in_title = _repeat_names(title, title_tokens, names, in_title, True)
    in_body = _repeat_names(body, body_tokens, names, in_body, False)
    rules = SpanRules(tagger)
    in_title = _coordinated_places(title, title_tokens, in_title, tagger)
    in_body = _coordinated_places(body, body_tokens, in_body, tagger)
    in_title = _titled_people(title, title_tokens, in_title, tagger, rules, True)
    in_body = _titled_people(body, body_tokens, in_body, tagger, rules, False)
    in_title = _extend_given_names(title, title_tokens, in_title, tagger)
    in_body = _extend_given_names(body, body_tokens, in_body, tagger)
    return tuple(
        rules.apply(title, title_tokens, in_title, True)
        + rules.apply(body, body_tokens, in_body, False)
    )


def test_recognize_gives_the_reference_mentions_on_seed_pages(
    tagger: Tagger, reference: CrfsuiteTagger, seed_articles: list[Article]
) -> None:
    total = 0
    for article in seed_articles:
        expected = _reference_recognize(article, reference)
        assert recognize(article, tagger) == expected
        total += len(expected)
    assert total > 100


def test_viterbi_finds_the_best_path_of_each_sentence() -> None:
    rng = np.random.default_rng(7)
    labels, lengths = 3, [4, 1, 0, 3]
    transitions = rng.normal(size=(labels, labels))
    scores = rng.normal(size=(sum(lengths), labels))
    paths = viterbi(scores, lengths, transitions)
    at = 0
    for n, path in zip(lengths, paths, strict=True):
        own = scores[at : at + n]
        at += n

        def total(p: tuple[int, ...], own: np.ndarray = own) -> float:
            return float(
                sum(own[t, p[t]] for t in range(len(p)))
                + sum(transitions[p[t - 1], p[t]] for t in range(1, len(p)))
            )

        best = max(itertools.product(range(labels), repeat=n), key=total) if n else ()
        assert tuple(path) == best


def test_viterbi_breaks_ties_towards_the_lower_label_as_crfsuite() -> None:
    transitions = np.zeros((3, 3))
    scores = np.array([[1.0, 1.0, 0.0], [0.0, 2.0, 2.0]])
    assert viterbi(scores, [2], transitions) == [[0, 1]]


def _weights(attributes: Sequence[str]) -> CrfWeights:
    state = np.zeros((len(attributes) + 1, 2))
    return CrfWeights(("O", "B-PER"), {a: i for i, a in enumerate(attributes)}, state, state[:2])


def test_pair_attributes_find_what_the_joined_string_names() -> None:
    names = ["bl=a|b", "bl=a||", "bl=||", "br=a|b", "kl=^|", "w=a|b"]
    pairs = PairAttributes(_weights(names), ("bl", "br"))
    words = ["a", "b", "|", "a|", "", "^", "c"]
    for left, right in itertools.product(words, repeat=2):
        for prefix in ("bl", "br"):
            name = f"{prefix}={left}|{right}"
            expected = names.index(name) if name in names else len(names)  # padding row
            codes = np.array([pairs.code(left)]), np.array([pairs.code(right)])
            assert pairs.ids(prefix, *codes).tolist() == [expected], name


def test_weights_read_from_the_file_agree_with_pycrfsuites_dump(tagger: Tagger) -> None:
    assert tagger.crf_ is not None and tagger.decoder_ is not None
    dump = tagger.crf_.info()
    weights = tagger.decoder_.weights
    check_against_dump(weights, dump.state_features, dump.transitions)
    assert int(np.count_nonzero(weights.state)) == len(dump.state_features)
    tampered = weights.state.copy()
    row, label = np.argwhere(tampered != 0)[0]
    tampered[row, label] += 0.001
    with pytest.raises(ModelError, match="read as"):
        check_against_dump(
            CrfWeights(weights.labels, weights.attributes, tampered, weights.transitions),
            dump.state_features,
            dump.transitions,
        )


def test_read_crfsuite_refuses_another_file(tmp_path: Path) -> None:
    path = tmp_path / "ner.crfsuite"
    path.write_bytes(b"\0" * 64)
    with pytest.raises(ModelError, match="not a CRFsuite"):
        read_crfsuite(path, {"O": "0"}, {})


TRAIN = [
    Sentence(
        ("قال", "سمير", "نجار", "في", "طنطا", "."), ("O", "B-PER", "I-PER", "O", "B-LOC", "O")
    ),
    Sentence(("زار", "كريم", "حداد", "مدينة", "طنطا"), ("O", "B-PER", "I-PER", "O", "B-LOC")),
    Sentence(("أعلنت", "شركة", "نور", "للطيران", "."), ("O", "B-ORG", "I-ORG", "I-ORG", "O")),
] * 4


def test_a_freshly_trained_model_decodes_as_crfsuite(tmp_path: Path) -> None:
    trained = Tagger(max_iterations=20).fit(TRAIN, tmp_path)
    slow = CrfsuiteTagger()
    slow.__dict__.update(trained.__dict__)
    sentences = [list(s.tokens) for s in TRAIN[:3]] + [["زار", "سمير", "طنطا"], [], ["."]]
    assert trained.tag_batch(sentences) == slow.tag_batch(sentences)


def test_emptied_type_tables_give_the_same_tags(
    tagger: Tagger, seed_articles: list[Article]
) -> None:
    assert tagger.decoder_ is not None
    small = CrfDecoder(tagger.decoder_.weights, tagger.extractor_, max_types=50)
    batches = [_sentences(article) for article in seed_articles]
    assert all(sum(len(s) for s in sentences) > 50 for sentences in batches)
    for sentences in batches + batches:  # each batch outgrows the tables: emptied before it
        assert small.tag_batch(sentences) == tagger.tag_batch(sentences)
