"""The claims stage's fast text helpers give what the plain readings they replace give."""

from __future__ import annotations

from khabar.claims.data import DENIAL_CUES, HEDGE_CUES, REPORT_CUES, UNCONFIRMED_SENTENCE_CUES
from khabar.claims.text import (
    contains_any_phrase,
    contains_phrase,
    content_terms,
    norm_text,
    stems_within,
    words,
)

SENTENCES = (
    "وقالت مصادر لم تسمها إنه لم يتسن التأكد من صحة هذه الأنباء من مصدر مستقل.",
    "ونفى المتحدث باسم الوزارة أن تكون القوات قد انسحبت من المدينة.",
    "ويعتقد أن الضربات ربما أصابت مركز البحوث في برزة، بحسب ما أفادت تقارير.",
    "أطلقت الولايات المتحدة وبريطانيا وفرنسا 105 صواريخ على مواقع في سوريا.",
    "فلم يتسن التأكد من الرواية.",
    "",
)


def test_one_search_finds_what_the_phrase_by_phrase_search_finds() -> None:
    for cues in (UNCONFIRMED_SENTENCE_CUES, DENIAL_CUES, REPORT_CUES, HEDGE_CUES, ("لم يتسن",)):
        for sentence in SENTENCES:
            spaced = norm_text(sentence)
            expected = any(contains_phrase(spaced, c) for c in cues)
            assert contains_any_phrase(spaced, cues) == expected
    assert contains_any_phrase(norm_text(SENTENCES[4]), ("لم يتسن",))  # after a glued ف
    assert not contains_any_phrase(norm_text(SENTENCES[3]), ())


def test_stems_within_spans_are_the_stems_of_the_words_wholly_inside() -> None:
    text = SENTENCES[3]
    at = 40
    spans = [(at + 7, at + 24), (at + text.find("وبريطانيا") + 1, at + len(text) - 1)]
    expected = {
        w.stem for w in words(text, at) if any(s <= w.start and w.end <= e for s, e in spans)
    }
    assert stems_within(text, at, spans) == expected
    assert stems_within(text, at, []) == set()


def test_content_terms_skip_function_words_in_order() -> None:
    terms = content_terms("قال الرئيس إن القوات في سوريا")
    assert [t.stem for t in terms][-1] == words("سوريا")[0].stem
    assert all(t.stem not in ("في", "ان") for t in terms)
