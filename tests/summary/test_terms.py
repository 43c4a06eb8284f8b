"""Content terms used to compare sentences."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import khabar.summary.terms as terms_module
from khabar.arabic.tokenize import tokenize
from khabar.model import Tokens
from khabar.summary.data import NO_TERM_CHARS
from khabar.summary.terms import strip_suffix, terms, title_terms


@pytest.mark.parametrize("word", ["بوتين", "وبوتين", "لبوتين", "فبوتين", "بوتين،"])
def test_proclitics_are_stripped_to_one_term(word: str) -> None:
    assert terms(word) == terms("بوتين")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("الرئيس", "رييس"), ("للرئيس", "رييس"), ("والرئيس", "رييس"), ("بالرئيس", "رييس")],
)
def test_article_and_prepositions_fold_together(word: str, expected: str) -> None:
    assert terms(word) == [expected]


def test_function_words_and_numbers_are_dropped() -> None:
    assert terms("قال إن في عام 2025 من") == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [("الروسية الروسيتين روسي", ["روس"] * 3), ("بلاده وبلاد", ["بلاد"] * 2)],
)
def test_inflected_forms_meet_at_one_term(words: str, expected: list[str]) -> None:
    assert terms(words) == expected


def test_short_stems_keep_their_last_letters() -> None:
    assert strip_suffix("وزير") == "وزير"
    assert strip_suffix("بيه") == "بيه"


@given(st.text())
def test_terms_never_crash_and_are_non_empty_strings(text: str) -> None:
    assert all(isinstance(t, str) and t for t in terms(text))


# --- an event title's terms read from the tokens of the texts it was made from --------------

_TITLE_SOURCE = "فيديو:بوتين يستقبل الشرع... في موسكو | المحادثات تتناول 1,000 جندي (وفق مصادر)"


def _tokens(text: str) -> Tokens:
    return Tokens.pack(tokenize(text))


@pytest.mark.parametrize(
    "title",
    [
        "بوتين يستقبل الشرع .. في موسكو",  # parts joined again after "..." and "|"
        "المحادثات تتناول 1,000 جندي",
        "بوتين مصادر)",  # a word cut from "فيديو:بوتين", a bracket kept with its word
        "الشرع",
    ],
)
def test_title_terms_from_source_tokens_equal_the_titles_own(title: str) -> None:
    sources = [(_TITLE_SOURCE, _tokens(_TITLE_SOURCE))]
    assert title_terms(title, sources) == terms(title)


def test_title_terms_tokenise_only_a_title_whose_words_are_nowhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sources = [(_TITLE_SOURCE, _tokens(_TITLE_SOURCE))]
    calls: list[str] = []
    real = terms_module.tokenize
    monkeypatch.setattr(terms_module, "tokenize", lambda text: calls.append(text) or real(text))
    assert title_terms("بوتين يستقبل الشرع", sources) == terms("بوتين يستقبل الشرع")
    assert len(calls) == 1  # the reference terms() above, not title_terms
    assert title_terms("بوتين يودع الشرع", sources) == terms("بوتين يودع الشرع")
    assert len(calls) == 3  # a word not in the source: the title is tokenised


def test_joiner_characters_have_no_terms() -> None:
    assert all(terms(c) == [] and terms(c * 3) == [] for c in NO_TERM_CHARS)


_WORDY = st.text(alphabet="بوتينالشرعفي 12,.:؟«»()ـ\u064e\u200c…|", max_size=60)


@given(_WORDY, st.data())
def test_title_terms_equal_terms_for_any_cut_of_the_source(text: str, data: st.DataObject) -> None:
    # a title of pieces of the source (cut anywhere inside words too), joined by spaces
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=8)))
    pieces = [text[a:b] for a, b in itertools.pairwise([0, *cuts, len(text)])]
    title = " ".join(data.draw(st.permutations(pieces)))
    assert title_terms(title, [(text, _tokens(text))]) == terms(title)
