"""Mentions in an article's title and body."""

from __future__ import annotations

import pytest

from khabar.arabic import normalize, tokenize
from khabar.config import EntitiesConfig
from khabar.entities import Tagger, find_mentions, load_tagger, recognize
from khabar.entities.data.cues import PERSON_TITLES
from khabar.entities.recognize import (
    LISTED_GIVEN_NAMES,
    _bare,
    _coordinated_places,
    _found_names,
    _given_name_spans,
    _is_nationality,
    _is_possessed_noun,
    _split_coordination,
    _titled_people,
    repeat_names_in_tags,
)
from khabar.entities.rules import SpanRules
from khabar.model import Article, Mention


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger(EntitiesConfig())


def _article(title: str, *paragraphs: str) -> Article:
    return Article("a1", "test", title, None, None, "ar", paragraphs)


def test_recognize_offsets_point_into_title_and_body(tagger: Tagger) -> None:
    art = _article(
        "بوتين يستقبل الشرع في موسكو",
        "استقبل الرئيس الروسي فلاديمير بوتين نظيره السوري أحمد الشرع في الكرملين.",
        "وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات جرت في موسكو.",
    )
    mentions = recognize(art, tagger)
    assert mentions
    for m in mentions:
        source = art.title if m.in_title else art.text
        assert source is not None
        assert source[m.start : m.end] == m.text
    body = {(m.text, m.type) for m in mentions if not m.in_title}
    assert ("فلاديمير بوتين", "PER") in body
    assert ("موسكو", "LOC") in body
    assert any(m.in_title and m.text == "موسكو" for m in mentions)


def test_recognize_leaves_clitics_out_of_the_span(tagger: Tagger) -> None:
    art = _article(
        "",
        "التقى الرئيس الروسي فلاديمير بوتين في موسكو بالرئيس التركي رجب طيب أردوغان، "
        "وتوجه بعدها الرئيس السوري لموسكو وبيروت ودمشق.",
    )
    texts = {m.text for m in recognize(art, tagger)}
    assert "موسكو" in texts and "لموسكو" not in texts
    assert "دمشق" in texts and "ودمشق" not in texts


def test_recognize_does_not_take_nationality_adjectives_for_countries(tagger: Tagger) -> None:
    art = _article("", "قال مسؤول في الحكومة السورية إن الوفد الروسي وصل إلى دمشق.")
    texts = {m.text for m in recognize(art, tagger)}
    assert "السورية" not in texts and "الروسي" not in texts


def test_recognize_handles_an_article_without_title_or_names(tagger: Tagger) -> None:
    art = Article("a2", "x", None, None, None, "ar", ("هذا نص قصير بلا أسماء.",))
    assert recognize(art, tagger) == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [("السورية", True), ("الروسي", True), ("اللاذقية", False), ("السعودية", False)],
)
def test_nationality_adjectives_are_told_from_places(
    tagger: Tagger, word: str, expected: bool
) -> None:
    assert _is_nationality(tokenize(word), tagger) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("بلاده", True), ("عاصمتها", True), ("طلحة", False), ("عبدالله", False), ("موسكو", False)],
)
def test_possessed_nouns_are_not_names(tagger: Tagger, word: str, expected: bool) -> None:
    assert _is_possessed_noun(tokenize(word), tagger) is expected


def test_coordinated_names_are_cut_at_the_conjunction(tagger: Tagger) -> None:
    parts = _split_coordination("PER", tokenize("الأسد وبوتين"), tagger)
    assert [[t.text for t in p] for p in parts] == [["الأسد"], ["وبوتين"]]
    kept = _split_coordination("ORG", tokenize("وزارة الخارجية والمغتربين"), tagger)
    assert len(kept) == 1


def test_repeated_names_and_surnames_are_found_where_the_tagger_missed_them(
    tagger: Tagger,
) -> None:
    text = "استقبل الرئيس السوري أحمد الشرع الوفد في دمشق. وأوضح الشرع أن الزيارة ناجحة."
    first = find_mentions(text, tagger)
    assert any(m.text == "أحمد الشرع" for m in first)
    assert sum(m.text == "الشرع" for m in first) == 1
    assert all(text[m.start : m.end] == m.text for m in first)


def test_a_dual_title_with_a_common_noun_is_not_a_person(tagger: Tagger) -> None:
    found = find_mentions(
        "أكد الرئيسان ترحيبهما بإعلان السعودية وإيران استئناف العلاقات بين البلدين.", tagger
    )
    assert not any(m.type == "PER" and "ترحيبهما" in m.text for m in found)
    assert {("السعودية", "LOC"), ("إيران", "LOC")} <= {(m.text, m.type) for m in found}


def test_a_given_name_is_cut_from_a_place_span_for_the_person(tagger: Tagger) -> None:
    text = (
        "وقال ميخائيل بوغدانوف إن المحادثات جيدة. وذكر المبعوث الروسي الخاص إلى الشرق الأوسط "
        "ميخائيل بوغدانوف أن القيود ساهمت في ذلك."
    )
    found = {(m.text, m.type) for m in find_mentions(text, tagger)}
    assert ("الشرق الأوسط", "LOC") in found
    assert not any(kind != "PER" and "ميخائيل" in name for name, kind in found)
    assert ("ميخائيل بوغدانوف", "PER") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ذكر ميخائيل زكرونوف أن", [("PER", 1, 3)]),  # a listed given name and a rare word
        ("وصل جان إيف زكرونوف أمس", [("PER", 1, 4)]),  # two given names in a row
        ("وقال وميخائيل زكرونوف", [("PER", 1, 3)]),  # the clitic is on the given name
        ("يبلغ عمر المبنى مئة عام", []),  # a given name before a common word
        ("ذكر ميخائيل وزكرونوف", []),  # a surname does not carry a conjunction
        ("ذكر الرئيس زكرونوف أن", []),  # a title is no given name
        ("ذكر زكرونوف ميخائيل", []),  # nothing after the given name
    ],
)
def test_listed_given_names_open_a_person_before_a_rare_word(
    tagger: Tagger, text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert _given_name_spans(tokenize(text), [], tagger) == expected


def test_listed_given_names_leave_tagged_spans_alone(tagger: Tagger) -> None:
    tokens = tokenize("ذكر ميخائيل زكرونوف أن")
    assert _given_name_spans(tokens, [("LOC", 2, 3)], tagger) == [("LOC", 2, 3)]


def test_listed_given_names_are_single_words_and_no_titles() -> None:
    assert len(LISTED_GIVEN_NAMES) > 300
    assert all(name.isalpha() and " " not in name for name in LISTED_GIVEN_NAMES)
    assert not LISTED_GIVEN_NAMES & PERSON_TITLES
    # words left out because they are common words too (على normalises to علي)
    assert not {normalize(w) for w in ("على", "حافظ", "أمل", "سيف", "تركي")} & LISTED_GIVEN_NAMES


def test_repeat_names_in_tags_takes_rare_names_and_leaves_common_words() -> None:
    sentences = [
        ["قال", "سيرغي", "زكرونوف", "إن", "الشعب", "يريد"],
        ["وأكد", "وزكرونوف", "أن", "الشعب", "هنا"],
    ]
    tags = [["O", "B-PER", "I-PER", "O", "B-ORG", "O"], ["O", "O", "O", "O", "O"]]
    out = repeat_names_in_tags(sentences, tags)
    assert out[0] == tags[0]
    # the surname alone, its clitic inside the token as CoNLL tags it; الشعب is a common word
    assert out[1] == ["O", "B-PER", "O", "O", "O"]


def test_a_repeated_name_joins_a_tagged_name_of_its_type_beside_it() -> None:
    sentences = [
        ["وسجل", "ميلر", "هدفا"],
        ["سجل", "كيني", "ميلر", "هدف", "الفوز"],  # the tagger found كيني only
        ["سجل", "ميلر", "كيني", "هدفا"],  # the tagged name after the repeated one
        ["قال", "زكرونوف", "ميلر"],  # a person then a repeated name of another type
    ]
    tags = [
        ["O", "B-PER", "O"],
        ["O", "B-PER", "O", "O", "O"],
        ["O", "O", "B-PER", "O"],
        ["O", "B-ORG", "O"],
    ]
    out = repeat_names_in_tags(sentences, tags)
    assert out[1] == ["O", "B-PER", "I-PER", "O", "O"]
    assert out[2] == ["O", "B-PER", "I-PER", "O"]
    assert out[3] == ["O", "B-ORG", "B-PER"]


def test_a_name_takes_the_type_most_of_its_mentions_in_the_block_have() -> None:
    sentences = [["فاز", "بنفيكا"], ["خسر", "بنفيكا"], ["في", "بنفيكا"], ["زار", "زكرونوف"]]
    tags = [["O", "B-ORG"], ["O", "B-ORG"], ["O", "B-LOC"], ["O", "B-PER"]]
    out = repeat_names_in_tags(sentences, tags)
    assert [t[1] for t in out] == ["B-ORG", "B-ORG", "B-ORG", "B-PER"]
    # a tie leaves each mention its own type
    tied = repeat_names_in_tags(sentences[1:], tags[1:])
    assert [t[1] for t in tied] == ["B-ORG", "B-LOC", "B-PER"]


def test_found_names_are_the_words_of_each_mentions_text_tokenised(tagger: Tagger) -> None:
    text = (
        "وقال وزير الخارجية الروسي سيرغي لافروف إن موسكو وبكين ولندن اتفقت، "
        "وأكد لافروف أن بالرياض والقاهرة وفدين من الأمم المتحدة."
    )
    tokens = tokenize(text)
    mentions = find_mentions(text, tagger)
    assert any(m.start > 0 and text[m.start - 1] in "وبل" for m in mentions)  # clitics cut
    expected = [(m.type, tuple(_bare(t) for t in tokenize(m.text))) for m in mentions]
    assert _found_names(text, tokens, mentions) == expected


def _mention_of(text: str, name: str, kind: str) -> Mention:
    start = text.index(name)
    return Mention(name, kind, start, start + len(name))  # type: ignore[arg-type]


def test_a_rare_town_coordinated_with_a_place_is_a_place(tagger: Tagger) -> None:
    text = "إمدادات للصناعات في مدينتي الجبيل وينبع الصناعيتين"
    found = _coordinated_places(text, tokenize(text), [_mention_of(text, "الجبيل", "LOC")], tagger)
    assert [(m.text, m.type) for m in found] == [("الجبيل", "LOC"), ("ينبع", "LOC")]
    # a common word that also opens place names is left alone
    text = "الزراعة في الشرق الأوسط وشمال أفريقيا"
    mentions = [_mention_of(text, "الشرق الأوسط", "LOC")]
    assert _coordinated_places(text, tokenize(text), mentions, tagger) == mentions


def test_a_rare_name_after_a_title_phrase_is_a_person(tagger: Tagger) -> None:
    rules = SpanRules(tagger)
    text = "وقال وزير الخارجية المصري سامح شكري إن المحادثات جرت"
    found = _titled_people(text, tokenize(text), [], tagger, rules, False)
    assert [(m.text, m.type) for m in found] == [("سامح شكري", "PER")]
    text = "وكان الرئيس الكوري الجنوبي اقترح الاثنين أن تذهب الجائزة"
    assert _titled_people(text, tokenize(text), [], tagger, rules, False) == []
