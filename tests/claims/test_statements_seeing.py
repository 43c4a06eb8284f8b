"""Clause edges: a verb of seeing (يرى، ترى) inside what someone said neither speaks nor ends
the clause (the present verb after another verb's أن stays in it: statements._said_inside), a
negated reporting verb reports nothing, and the opening of the next clause is not part of what
was said."""

from __future__ import annotations

from test_statements_round4 import _body, _title


def test_seeing_inside_a_clause_does_not_cut_it() -> None:
    body = (
        "وقال المتحدث باسم الحكومة سامي حداد إن الجولة كانت مفيدة، مشددا على أن الحكومة لا ترى "
        "حاجة إلى تأجيل الانتخابات."
    )
    found = _body(body, {"سامي حداد": "PER"})
    contents = [s.content for s in found]
    assert any(c.endswith("لا ترى حاجة إلى تأجيل الانتخابات") for c in contents), contents
    assert not any(c.rstrip().endswith("لا") for c in contents), contents


def test_wanting_to_see_is_not_a_statement_of_its_own() -> None:
    body = "وقال رئيس الوزراء للصحفيين إنه يريد أن يرى اتفاقا سريعا بين الطرفين."
    found = _body(body)
    assert [s.content for s in found] == ["يريد أن يرى اتفاقا سريعا بين الطرفين"]


def test_seeing_before_its_that_still_reports() -> None:
    body = "ويرى وزير الخارجية الفرنسي أن الاتفاق ما زال ممكنا."
    found = _body(body)
    assert found and found[0].content == "الاتفاق ما زال ممكنا"


def test_a_negated_reporting_verb_says_nothing() -> None:
    body = (
        "وتحدثت تقارير عن أن الجولة المقبلة قد تعقد في جنيف، في حين لم يعلن أي من الطرفين "
        "موعدا رسميا لها."
    )
    found = _body(body)
    assert [s.content.split()[0] for s in found] == ["الجولة"]  # no «من الطرفين …» of «أي»
    found = _body("وأكد الوزير أن الاجتماع سيعقد غدا، ولم يعلن الجانب الآخر أي موعد.")
    assert [(s.content, s.speaker) for s in found] == [("الاجتماع سيعقد غدا", "الوزير")]


def test_the_next_clause_opening_is_cut_off_what_was_said() -> None:
    body = (
        "وقال وزير المالية خالد منصور إن الموازنة ستقدم إلى البرلمان الشهر المقبل، لكنه "
        "حذر من عجز كبير."
    )
    found = _body(body, {"خالد منصور": "PER"})
    first = next(s for s in found if "الموازنة" in s.content)
    assert first.content == "الموازنة ستقدم إلى البرلمان الشهر المقبل"
    body = "وقال المتحدث إن الجانبين بحثا سبل التسوية، وإن الحكومة تعتبر وقف القتال شرطا للحوار."
    first = next(s for s in _body(body) if "التسوية" in s.content)
    assert not first.content.endswith("وإن الحكومة")  # whole, or cut before its opening


def test_seeing_that_opens_its_sentence_still_reports() -> None:
    found = _title('الرئيس السابق يرى الاتفاق الجديد "خطوة مهمة"')
    assert found and "الاتفاق الجديد" in found[0].content
