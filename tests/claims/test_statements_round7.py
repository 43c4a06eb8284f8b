"""Speakers of issue 17's seventh round: plural and dual reporting verbs in headlines, a headline
speaker whose title opens with و, genre labels, a source named alone in the next sentence, the
issuer of a statement a source cites, and sources named after وفقا لـ."""

from __future__ import annotations

from test_statements_round4 import _body, _title
from test_statements_round6 import _with


def test_plural_present_denial_in_a_headline_after_a_topic() -> None:
    found = _title("أزمة الموانئ: مسؤولون في الحكومة ينفون أنباء عن بيع ميناء العاصمة")
    stmt = _with(found, "بيع ميناء")
    assert stmt.speaker == "مسؤولون في الحكومة"
    assert stmt.stance == "denied"


def test_dual_verb_joined_to_an_act_of_the_headline() -> None:
    found = _title(
        "وزير الخارجية يستقبل نظيره الياباني ويؤكدان أهمية التعاون",
        {"وزير الخارجية": "PER"},
    )
    said = _with(found, "أهمية التعاون")
    assert said.speaker == "وزير الخارجية"
    act = _with(found, "يستقبل")
    assert act.speaker is None


def test_headline_speaker_whose_title_opens_with_waw() -> None:
    found = _title(
        "وزير المالية الفرنسي من بروكسل: ديون منطقة اليورو تحت السيطرة", {"بروكسل": "LOC"}
    )
    assert found[0].speaker is not None
    assert found[0].speaker.startswith("وزير المالية الفرنسي")


def test_genre_word_before_a_colon_is_no_speaker() -> None:
    found = _title("ريبورتاج: صيادو السردين يهجرون المرفأ بسبب التلوث")
    assert all(s.speaker is None for s in found)


def test_source_standing_alone_after_a_full_stop() -> None:
    body = "غادر نحو ثلاثة آلاف شخص البلدة إلى مخيمات على الحدود. وفقا للهلال الأحمر المحلي."
    found = _body(body, {"الهلال الأحمر": "ORG"})
    assert len(found) == 1
    assert found[0].speaker == "الهلال الأحمر المحلي"
    assert "مخيمات" in found[0].content


def test_source_sentence_that_goes_on_is_its_own_sentence() -> None:
    body = "غادر نحو ثلاثة آلاف شخص البلدة إلى مخيمات الحدود. وفقا للهلال الأحمر، عاد بعضهم أمس."
    found = _body(body, {"الهلال الأحمر": "ORG"})
    assert _with(found, "مخيمات").speaker is None


def test_issuer_of_a_statement_is_the_source() -> None:
    body = (
        "تحطمت مروحية عسكرية في الصحراء الغربية، بحسب بيان للقيادة العسكرية الإقليمية مساء الخميس."
    )
    found = _body(body, {"القيادة العسكرية": "ORG"})
    assert found[0].speaker is not None
    assert found[0].speaker.startswith("القيادة العسكرية")


def test_unnamed_media_after_a_reported_sentence() -> None:
    body = (
        "طلبت الممثلة الشهيرة الطلاق من زوجها أمام محكمة في لوس أنجلوس، بحسب وسائل إعلام أمريكية."
    )
    found = _body(body, {"لوس أنجلوس": "LOC"})
    assert found[0].speaker == "وسائل إعلام أمريكية"
