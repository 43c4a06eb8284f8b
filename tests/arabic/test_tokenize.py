"""Tokenisation: offsets into the original, normalised forms, clitic-free stems."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.arabic import segment, tokenize

TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0x200B, max_codepoint=0x200F),
        st.sampled_from(list(" \n\t.,،؟!«»()-/:\u00a0\u061c\u0640\ufeff0123456789abcXYZ")),
    ),
    max_size=80,
)


def test_tokenize_gives_offsets_into_the_original() -> None:
    text = "قال الرئيسُ الروسيّ فلاديمير بوتين، إن موسكو..."
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text


def test_tokenize_splits_punctuation_and_keeps_numbers_whole() -> None:
    texts = [t.text for t in tokenize("زار موسكو (13/02/2025) بنسبة ٣٫٥٪، ثم عاد.")]
    assert texts == [
        "زار",
        "موسكو",
        "(",
        "13/02/2025",
        ")",
        "بنسبة",
        "٣٫٥",
        "٪",
        "،",
        "ثم",
        "عاد",
        ".",
    ]


def test_tokenize_normalises_and_strips_clitics_for_matching() -> None:
    tokens = {t.text: t for t in tokenize("وبوتين لموسكو والرئيس بالكرملين أحمد")}
    assert tokens["وبوتين"].stem == "بوتين"
    assert tokens["لموسكو"].stem == "موسكو"
    assert tokens["والرئيس"].stem == "رييس"
    assert tokens["بالكرملين"].stem == "كرملين"
    assert tokens["أحمد"].norm == "احمد"


@pytest.mark.parametrize(
    "word", ["وزير", "واشنطن", "بريطانيا", "لبنان", "فرنسا", "بيسكوف", "ليبيا"]
)
def test_tokenize_keeps_letters_that_belong_to_the_word(word: str) -> None:
    assert tokenize(word)[0].stem == word


def test_tokenize_keeps_diacritics_and_marks_inside_the_word() -> None:
    tokens = tokenize("مُحَمَّد بو\u200cتين")
    assert [t.text for t in tokens] == ["مُحَمَّد", "بو\u200cتين"]
    assert [t.norm for t in tokens] == ["محمد", "بوتين"]


@given(TEXT)
def test_tokenize_never_loses_a_character(text: str) -> None:
    tokens = tokenize(text)
    covered = set()
    for token in tokens:
        assert text[token.start : token.end] == token.text
        covered.update(range(token.start, token.end))
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered, f"character {ch!r} at {i} is in no token"


@given(TEXT)
def test_tokens_are_ordered_and_do_not_overlap(text: str) -> None:
    tokens = tokenize(text)
    for a, b in itertools.pairwise(tokens):
        assert a.end <= b.start


def test_segment_cuts_clitics_off_with_offsets_into_the_original() -> None:
    text = "قال وبالرئيسِ للكرملين وبوتين وزير"
    pieces = {t.text: [(p.text, p.norm) for p in segment(t)] for t in tokenize(text)}
    assert pieces["وبالرئيسِ"] == [("و", "و"), ("ب", "ب"), ("ال", "ال"), ("رئيسِ", "رييس")]
    assert pieces["للكرملين"] == [("ل", "ل"), ("لكرملين", "لكرملين")]
    assert pieces["وبوتين"] == [("و", "و"), ("بوتين", "بوتين")]
    assert pieces["وزير"] == [("وزير", "وزير")]


@given(TEXT)
def test_segment_pieces_tile_their_token(text: str) -> None:
    for token in tokenize(text):
        pieces = segment(token)
        assert "".join(p.text for p in pieces) == token.text
        for p in pieces:
            assert text[p.start : p.end] == p.text


def test_remembered_words_give_what_a_fresh_split_gives(seeds_dir: Path) -> None:
    from khabar.arabic.lexicon import Lexicon, default_lexicon

    text = sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8")
    fresh = Lexicon(default_lexicon().counts)  # the same counts, not the remembered lexicon
    assert tokenize(text) == tokenize(text) == tokenize(text, fresh)


def test_the_word_memory_belongs_to_the_lexicon_it_was_filled_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    from khabar.arabic.lexicon import Lexicon

    module = importlib.import_module("khabar.arabic.tokenize")  # the package exports a function

    word = "وزير"
    bundled = tokenize(word)[0].stem
    assert bundled == "وزير"  # the bundled counts know the minister
    other = Lexicon({"زير": 1_000_000})  # counts in which و is a conjunction here
    monkeypatch.setattr(module, "default_lexicon", lambda: other)
    assert tokenize(word)[0].stem == "زير"  # not the remembered split of the bundled counts
