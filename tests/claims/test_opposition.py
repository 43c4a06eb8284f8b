"""Contradictions by opposite meaning: opposite predicates, and doubts across claims."""

from __future__ import annotations

from datetime import date

from mention_support import spelled_mentions

from khabar.claims import analyze_claims, extract_statements
from khabar.claims.opposition import answers
from khabar.claims.statements import title_statements
from khabar.config import ClaimsConfig
from khabar.model import AnnotatedArticle, Article, Contradiction, Event, Story

NAMES = {
    "ترامب": "PER",
    "ماكرون": "PER",
    "سوريا": "LOC",
    "جمال خاشقجي": "PER",
    "إسطنبول": "LOC",
    "دوما": "LOC",
    "روسيا": "LOC",
}


def _article(aid: str, outlet: str, body: str, title: str = "خبر") -> AnnotatedArticle:
    art = Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        published=date(2018, 4, 16),
        outlet=outlet,
        language="ar",
        paragraphs=(body,),
    )
    mentions = spelled_mentions(art.text, {n: (k, n) for n, k in NAMES.items()})  # type: ignore[misc]
    return AnnotatedArticle(art, tuple(mentions), (), extract_statements(art, mentions))


def _contradictions(*arts: AnnotatedArticle) -> list[Contradiction]:
    events = [Event(f"e-{a.id}", a.id, (a.id,), story="st") for a in arts]
    stories = [Story("st", "story", tuple(e.id for e in events))]
    result = analyze_claims(list(arts), events, stories, [], ClaimsConfig(), copies={})
    return [c for c in result.contradictions if c.kind != "certainty"]


STAY = "قال الرئيس الفرنسي ماكرون إنه أقنع ترامب ببقاء القوات الأمريكية في سوريا لفترة طويلة."
LEAVE = "وقال البيت الأبيض إن ترامب يريد سحب القوات الأمريكية من سوريا في أقرب وقت ممكن."


def test_lexicon_answers_and_negation_scope() -> None:
    assert answers("ببقاء القوات الأمريكية في سوريا") == {(0, 0)}
    assert answers("سحب القوات الأمريكية من سوريا") == {(0, 1)}
    assert answers("القوات الأمريكية لن تنسحب من سوريا") == {(0, 0)}  # not withdrawing: stays
    assert answers("الضربات حققت أهدافها") == frozenset()


def test_same_act_of_one_actor_with_opposite_predicates_is_one_issue() -> None:
    found = _contradictions(_article("a", "BBC", STAY), _article("b", "سكاي نيوز", LEAVE))
    assert [c.kind for c in found] == ["claim"]
    (issue,) = found
    assert [p.answer for p in issue.positions] == ["stays", "withdraws"]
    assert [[s.article for s in p.sources] for p in issue.positions] == [["a"], ["b"]]


def test_one_outlet_is_never_set_against_itself() -> None:
    assert _contradictions(_article("a", "BBC", STAY), _article("b", "BBC", LEAVE)) == []
    assert _contradictions(_article("a", "BBC", f"{STAY} {LEAVE}")) == []


def test_an_article_reporting_both_answers_stands_by_each_against_another_outlet() -> None:
    both = _article("a", "فرانس 24", f"{STAY} {LEAVE}")
    (issue,) = _contradictions(both, _article("b", "BBC", STAY))
    stays, leaves = issue.positions
    assert {s.article for s in stays.sources} == {"b"}  # a's own stay is no side against itself
    assert {s.article for s in leaves.sources} == {"a"}


def test_a_hedge_or_another_subject_is_no_contradiction() -> None:
    hedged = "وقال مراقبون إن ترامب ربما يقرر سحب القوات الأمريكية من سوريا قريبا."
    assert _contradictions(_article("a", "BBC", STAY), _article("b", "سي إن إن", hedged)) == []
    other = "وقال وزير الدفاع البريطاني إن لندن قررت سحب طائراتها من قاعدة أكروتيري في قبرص."
    assert _contradictions(_article("a", "BBC", STAY), _article("b", "سي إن إن", other)) == []


def test_negated_withdrawal_agrees_with_staying() -> None:
    not_leaving = (
        "وقال البيت الأبيض إن القوات الأمريكية لن تنسحب من سوريا في الوقت الحالي مع ترامب."
    )
    assert _contradictions(_article("a", "BBC", STAY), _article("b", "سي إن إن", not_leaving)) == []


KILLED = (
    "قال مستشار للرئيس التركي إن الصحفي السعودي جمال خاشقجي قتل في القنصلية السعودية في إسطنبول."
)


def test_an_accusation_against_its_denial_by_another_outlet() -> None:
    killed = KILLED
    denial = (
        "نفى مصدر مسؤول في القنصلية السعودية في إسطنبول التقارير التي تحدثت عن أن الصحفي "
        "جمال خاشقجي قد قتل داخل مبنى القنصلية."
    )
    _assert_a_passes_b_doubts(_article("a", "BBC", killed), _article("b", "سكاي نيوز", denial))


def _assert_a_passes_b_doubts(a: AnnotatedArticle, b: AnnotatedArticle) -> None:
    """One stance issue: article a passes the claim on, article b doubts it."""
    found = _contradictions(a, b)
    assert [c.kind for c in found] == ["stance"]
    passing, doubting = found[0].positions
    assert [s.article for s in passing.sources] == ["a"]
    assert [s.article for s in doubting.sources] == ["b"]


def test_a_denial_of_something_else_in_the_story_is_no_side() -> None:
    killed = KILLED
    other = "ونفت الخارجية السعودية طرد السفير التركي من الرياض على خلفية قضية جمال خاشقجي."
    assert _contradictions(_article("a", "BBC", killed), _article("b", "سكاي نيوز", other)) == []


def test_no_basis_makes_an_attributed_statement_a_denial() -> None:
    art = _article(
        "k",
        "فرانس 24",
        'وقال الكرملين إن اتهام روسيا بعرقلة وصول بعثة المفتشين إلى دوما "لا أساس له".',
    )
    assert [s.stance for s in art.statements] == ["denied"]
    (title,) = title_statements(
        Article("t", "t", 'الكرملين: "لا أساس" لاتهام روسيا بعرقلة وصول البعثة إلى دوما', None,
                None, "ar", ("نص.",)),
        (),
    )  # fmt: skip
    assert title.stance == "denied"


def test_conflicting_reports_are_unconfirmed() -> None:
    (title,) = title_statements(
        Article("t", "t", "تضارب الأنباء حول سيطرة القوات الحكومية على مطار الحديدة", None, None,
                "ar", ("نص.",)),
        (),
    )  # fmt: skip
    assert title.stance == "unconfirmed"


def test_a_denier_not_named_in_the_report_is_no_side_against_it() -> None:
    denial = "لكن طهران تنفي دعم الحوثيين عسكريا في اليمن."
    support = "وقال مسؤولون إن دعم الحوثيين عسكريا مستمر من جهات عدة في اليمن منذ سنوات."
    assert _contradictions(_article("a", "BBC", support), _article("b", "فرانس 24", denial)) == []


def test_a_negation_glued_to_its_clitic_turns_the_answer() -> None:
    assert answers("أمل جديد بعدم الانسحاب من الاتحاد") == {(0, 0)}


def test_an_accusation_told_in_other_words_meets_its_denial_when_all_its_names_are_there() -> None:
    accusation = (
        "واتهمت لندن كلا من روسيا وسوريا بعرقلة وصول بعثة تقصي الحقائق التابعة لمنظمة حظر "
        "الأسلحة الكيميائية إلى دوما للتحقيق في الهجوم الكيميائي المفترض."
    )
    denial = (
        "نفت السلطات الروسية الاتهامات البريطانية بمنع روسيا وسوريا دخول مفتشي منظمة الأسلحة "
        'الكيماوية أو "OPCW" إلى دوما، مضيفة بأن التأخير أتى بسبب الضربات الجوية.'
    )
    _assert_a_passes_b_doubts(_article("a", "فرانس 24", accusation), _article("b", "CNN", denial))


def test_an_answer_its_own_sentence_turns_from_is_no_side() -> None:
    turned = (
        'وتابع الرئيس الفرنسي ماكرون "قال الرئيس ترامب إن الولايات المتحدة تريد سحب القوات '
        'الأمريكية من سوريا، لقد أقنعناه ببقاء القوات الأمريكية في سوريا".'
    )
    leave = "وقال البيت الأبيض إن ترامب يريد سحب القوات الأمريكية من سوريا في أقرب وقت ممكن."
    found = _contradictions(_article("a", "فرانس 24", turned), _article("b", "BBC", STAY))
    assert found == []  # both say he stays: a's "wants to withdraw" is what changed
    (issue,) = _contradictions(_article("a", "فرانس 24", turned), _article("b", "BBC", leave))
    stays, leaves = issue.positions
    assert [s.article for s in stays.sources] == ["a"]
    assert [s.article for s in leaves.sources] == ["b"]
