"""A verb of seeing (يرى، ترى) reports only before its أن: inside what someone said it sees or
finds, and neither speaks nor ends the clause it stands in."""

from __future__ import annotations

from test_statements_round4 import _body


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
