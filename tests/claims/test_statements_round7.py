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


def test_own_correspondent_is_the_outlets_voice() -> None:
    body = "أفاد مراسلنا في ليبيا، السبت، بمقتل 12 مسلحا في اشتباكات قرب مدينة سرت الساحلية."
    found = _body(body, {"ليبيا": "LOC", "سرت": "LOC"})
    stmt = _with(found, "مسلحا")
    assert stmt.speaker is None
    assert stmt.stance == "asserted"


def test_unnamed_officials_keep_the_body_they_serve_in() -> None:
    body = "نفى مسؤولون في الجيش الذي يقوده الجنرال أنباء عن انسحاب القوات من المدينة."
    found = _body(body)
    assert found[0].speaker == "مسؤولون في الجيش"
    assert found[0].stance == "denied"


def test_verb_of_the_reported_clause_is_said_by_the_first_speaker() -> None:
    body = (
        "قال المتحدث باسم الحكومة كريم حسن، الأحد، إن الحكومة تعتبر موقف المعارضة في الأزمة "
        '"غير مسؤول"، وإن الوزارة تعد للرد على الإجراءات.'
    )
    found = _body(body, {"كريم حسن": "PER"})
    stmt = _with(found, "موقف المعارضة")
    assert stmt.speaker is not None
    assert "كريم حسن" in stmt.speaker


def test_untagged_name_described_between_commas_before_what_it_said() -> None:
    body = (
        "بيروت، لبنان (CNN)— قالت سارة الحلبي، الباحثة والمديرة السابقة لمكتب BBC في "
        "تونس، إن الانتخابات المقبلة ستشهد إقبالا ضعيفا."
    )
    found = _body(body, {"تونس": "LOC", "بيروت": "LOC", "لبنان": "LOC"})
    stmt = _with(found, "الانتخابات")
    assert stmt.speaker is not None
    assert stmt.speaker.startswith("سارة الحلبي")


def test_headline_name_with_its_description_speaks() -> None:
    found = _title('ماكرون رئيس الجمهورية الفرنسية في باريس يرى الاتفاق "ممكنا"', {"ماكرون": "PER"})
    stmt = _with(found, "الاتفاق")
    assert stmt.speaker is not None
    assert stmt.speaker.startswith("ماكرون")


def test_condemnation_with_quoted_words_is_the_condemners_claim() -> None:
    body = 'دانت الخارجية الأردنية "الاعتداء السافر على السفارة في العاصمة وترويع موظفيها".'
    found = _body(body, {"الخارجية الأردنية": "ORG"})
    assert found[0].speaker == "الخارجية الأردنية"
    assert "السفارة" in found[0].content


def test_condemnation_narrated_names_no_claim() -> None:
    found = _body("أدانت الخارجية الأردنية الاعتداء على السفارة في العاصمة عمان.")
    assert all(s.speaker is None for s in found)


def test_participle_after_a_condemnation_in_a_relative_clause() -> None:
    body = (
        "واتهمت الحكومة حركة التمرد التي دانت الهجوم قائلة إن هذه الجريمة محاولة لتخريب المفاوضات."
    )
    found = _body(body, {"الحكومة": "ORG", "حركة التمرد": "ORG"})
    stmt = _with(found, "الجريمة")
    assert stmt.speaker is not None
    assert "حركة التمرد" in stmt.speaker


def test_not_ruled_out_is_a_hedge_of_the_outlet() -> None:
    body = "ولا يستبعد أن تصل المفاوضات في مرحلة لاحقة إلى فرض عقوبات على الشركات المخالفة."
    found = _body(body)
    assert found[0].speaker is None
    assert found[0].stance == "hedged"


def test_own_clause_before_a_joined_description_is_the_outlets() -> None:
    body = (
        "شن رئيس الحزب، #كريم_سالم، هجوما حادا على وزير المالية في البرلمان، ونعت سالم الوزير "
        'على الهواء بـ"الفاشل".'
    )
    found = _body(body, {"كريم_سالم": "PER", "سالم": "PER"})
    own = _with(found, "هجوما حادا")
    assert own.speaker is None
    described = _with(found, "الفاشل")
    assert described.speaker is not None
    assert described.speaker.startswith("سالم")


def test_mourning_is_no_description() -> None:
    found = _body("نعت الرئاسة الفنان الراحل الذي توفي أمس عن عمر ناهز ثمانين عاما.")
    assert all(s.speaker is None for s in found)


def test_agreeing_that_is_a_claim_gathering_is_not() -> None:
    body = "يجمع مراقبون على أن الانتخابات المقبلة ستكون الأصعب منذ عقدين."
    found = _body(body)
    assert found[0].speaker == "مراقبون"
    assert "الانتخابات" in found[0].content
    gathered = _body("يجمع المتطوعون التبرعات للأسر المتضررة من الفيضانات في القرية.")
    assert all(s.speaker is None for s in gathered)
