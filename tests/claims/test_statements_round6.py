"""Speakers and clauses of issue 17's sixth round: charges and their accusers, subjects after a
contrast, titles joined to names across a place, relative clauses about a speaker, days and
places between a speaker and what it says, headline labels and speaking places."""

from __future__ import annotations

import pytest
from test_statements_round4 import _body, _title


def _with(found: tuple, word: str):  # type: ignore[no-untyped-def]
    hits = [s for s in found if word in s.content]
    assert hits, [s.content for s in found]
    return hits[0]


def test_subject_after_a_contrast_speaks_the_joined_verb() -> None:
    body = (
        "قال مسؤولون في الوزارة إن الخطة جاهزة للتنفيذ، إلا أن الرئيس البرازيلي حذر المعارضة "
        "وقال إن عليها أن تقبل بالحوار."
    )
    stmt = _with(_body(body), "بالحوار")
    assert stmt.speaker == "الرئيس البرازيلي"


def test_title_in_a_place_joined_to_its_name() -> None:
    body = "أعلن السفير الفرنسي في لبنان برنار فوشيه رسميا افتتاح المركز الثقافي الجديد."
    found = _body(body, {"برنار فوشيه": "PER", "لبنان": "LOC"})
    assert found[0].speaker == "السفير الفرنسي في لبنان برنار فوشيه"


def test_name_between_commas_ends_before_where_it_spoke() -> None:
    body = (
        "أعلنت مندوبة النرويج، كاري هولم في كلمة أمام الجمعية العامة مساء الخميس، أن بلادها "
        "ستدعم القرار."
    )
    found = _body(body, {"كاري هولم": "PER"})
    assert found[0].speaker == "مندوبة النرويج، كاري هولم"
    assert found[0].content.startswith("بلادها")


def test_charge_of_responsibility_names_its_accuser() -> None:
    body = "حملت وزارة الداخلية جماعة الشباب، التي تنشط في الجنوب، المسؤولية عن تفجير السوق."
    found = _body(body, {"وزارة الداخلية": "ORG", "الشباب": "ORG"})
    assert found[0].speaker == "وزارة الداخلية"
    assert found[0].stance == "attributed"
    assert found[0].content.startswith("جماعة الشباب")


def test_carrying_is_no_charge() -> None:
    found = _body("حملت الطائرة مئتي راكب إلى المطار الدولي في العاصمة.")
    assert all(s.speaker is None for s in found)


def test_pointing_the_finger_is_a_charge() -> None:
    body = "ووجهت الحكومة الكينية أصابع الاتهام لحركة الشباب بعد الهجوم على الفندق."
    found = _body(body, {"الحكومة الكينية": "ORG", "الشباب": "ORG"})
    assert found[0].speaker == "الحكومة الكينية"


def test_accuser_ends_where_the_accused_is_named_before_the_charge() -> None:
    body = (
        "اتهمت وفود الدول الأفريقية في اجتماع الاتحاد في أديس أبابا فرنسا بالتدخل في شؤون المنطقة."
    )
    found = _body(body, {"أديس أبابا": "LOC", "فرنسا": "LOC"})
    assert found[0].speaker == "وفود الدول الأفريقية في اجتماع الاتحاد في أديس أبابا"
    assert found[0].content.startswith("فرنسا بالتدخل")


def test_agency_a_relative_clause_is_about_speaks_it() -> None:
    body = (
        "ويتعارض ذلك مع ما نشرته وكالة الأنباء الكينية الرسمية التي قالت في وقت سابق إن "
        "المفاوضات انتهت بلا اتفاق."
    )
    stmt = _with(_body(body), "المفاوضات")
    assert stmt.speaker == "وكالة الأنباء الكينية الرسمية"
    assert stmt.content.startswith("المفاوضات")


def test_reports_a_relative_clause_is_about_stay_inside_what_is_said() -> None:
    found = _body("نفى الجيش التقارير التي أفادت بأن الطائرة أسقطت فوق البحر.")
    assert all(s.speaker != "التقارير" for s in found)


def test_day_between_an_unnamed_source_and_its_opener() -> None:
    found = _body("أفاد مصدر أمني عراقي الأحد، أن قذيفة سقطت قرب السفارة في بغداد.")
    assert found[0].speaker == "مصدر أمني عراقي"
    assert found[0].content.startswith("قذيفة")


def test_day_opening_what_follows_the_speaker_is_left_out() -> None:
    body = "أعلنت الشرطة الإسبانية، الخميس، اعتقال ثلاثة مشتبه بهم في برشلونة."
    found = _body(body, {"الشرطة الإسبانية": "ORG"})
    assert found[0].content.startswith("اعتقال")


def test_place_between_speaker_and_opener_is_not_the_claim() -> None:
    found = _body('أعلنت السلطات في "مرسيليا" بفرنسا، أن الحريق أتى على 500 هكتار من الغابات.')
    assert found[0].content.startswith("الحريق")


def test_indefinite_title_heads_a_chain_of_nouns() -> None:
    body = "قال قائد فريق إنقاذ العمال الذين حوصروا في المنجم بتشيلي، إن العملية ستبدأ صباح غد."
    found = _body(body)
    assert found[0].speaker == "قائد فريق إنقاذ العمال"
    assert found[0].content.startswith("العملية")


def test_verb_joined_to_a_clause_speaks_for_its_subject() -> None:
    body = (
        "انتقد الرئيس الأرجنتيني، ماوريسيو ماكري بشدة شركات الطاقة بسبب الأسعار، وقال إن "
        "حكومته ستتحرك قريبا."
    )
    stmt = _with(_body(body, {"ماوريسيو ماكري": "PER"}), "ستتحرك")
    assert stmt.speaker is not None and "ماكري" in stmt.speaker


@pytest.mark.parametrize(
    ("title", "names", "speaker"),
    [
        # «we» after a lone place: the place speaks, however long the rest
        ("أنقرة: لا صلة لنا بالهجوم على السفارة", {"أنقرة": "LOC"}, "أنقرة"),
        # an event after a country and a colon: the country is where it happened
        (
            "كينيا: مقتل خمسة أشخاص في هجوم على حافلة في مومباسا",
            {"كينيا": "LOC", "مومباسا": "LOC"},
            None,
        ),
        # form words, dashes and topics about a place are labels
        ("فيديو: احتفالات في شوارع المدينة بعد الفوز", {}, None),
        ("السباحة - بطولة العالم: رقم قياسي جديد", {}, None),
        ("بطولة كينيا: فوز كبير للفريق الضيف", {"كينيا": "LOC"}, None),
        # unnamed sources keep speaking
        ("مسؤولان بفرنسا: المفاوضات مستمرة", {"فرنسا": "LOC"}, "مسؤولان بفرنسا"),
        # a label before dots leaves the speaker after them
        ("شاهد.. بوتين: لن نتراجع عن قرارنا", {"بوتين": "PER"}, "بوتين"),
    ],
)
def test_what_stands_before_a_headline_colon(
    title: str, names: dict[str, str], speaker: str | None
) -> None:
    found = _title(title, names)
    assert found
    assert found[0].speaker == speaker


def test_short_charge_in_a_headline_part_is_the_whole_clause() -> None:
    found = _title("انفجار في سوق المدينة..والحكومة تتهم المعارضة", {"المعارضة": "ORG"})
    charge = [s for s in found if s.speaker]
    assert charge and charge[0].speaker == "الحكومة"
    assert "تتهم المعارضة" in charge[0].content


def test_unnamed_source_keeps_its_origin_and_not_whom_it_spoke_to() -> None:
    found = _body('قال مصدر دبلوماسي نمساوي لـ"رويترز"، الخميس، إن السفير سيغادر البلاد قريبا.')
    assert found[0].speaker == "مصدر دبلوماسي نمساوي"
    assert found[0].content.startswith("السفير")
    found = _body("قال مصدران مطلعان لوكالة الأنباء إن الصفقة ستوقع الشهر المقبل.")
    assert found[0].speaker == "مصدران مطلعان"


def test_subject_before_its_verb_starts_at_its_title_or_name() -> None:
    body = (
        "نفت الحكومة ذلك، ردا على تصريح للرئيس البرازيلي جاير بولسونارو قال فيه إن الغابات "
        "تحترق عمدا."
    )
    stmt = _with(_body(body, {"جاير بولسونارو": "PER"}), "الغابات")
    assert stmt.speaker == "جاير بولسونارو"


def test_speakers_of_dual_and_first_person_openers() -> None:
    found = _body("قالت جماعتان معارضتان إنهما ستقاطعان الانتخابات المقبلة في البلاد.")
    assert found[0].speaker == "جماعتان معارضتان"
    assert found[0].content.startswith("ستقاطعان")


def test_unnamed_speaker_in_a_place() -> None:
    found = _body(
        "أعلنت السلطات في نيبال ارتفاع عدد ضحايا الفيضانات إلى 40 قتيلا.", {"نيبال": "LOC"}
    )
    assert found[0].speaker == "السلطات في نيبال"
    assert found[0].content.startswith("ارتفاع")


def test_object_after_a_named_subject_is_not_the_speaker() -> None:
    body = "حذر الرئيس الفرنسي إيمانويل ماكرون الحكومة الإيطالية من إغلاق الموانئ أمام المهاجرين."
    found = _body(body, {"إيمانويل ماكرون": "PER", "الحكومة الإيطالية": "ORG"})
    assert found[0].speaker == "الرئيس الفرنسي إيمانويل ماكرون"
    assert found[0].content.startswith("الحكومة الإيطالية")


def test_quoted_name_in_the_speaker_is_not_what_was_said() -> None:
    body = 'أعلنت بعثة الأمم المتحدة "يونيفيل" في لبنان، الاثنين، أن دورية تعرضت لإطلاق نار.'
    found = _body(body, {"الأمم المتحدة": "ORG", "لبنان": "LOC"})
    assert found[0].content.startswith("دورية")


def test_noun_of_saying_reports_the_subjects_words() -> None:
    body = (
        "قررت الحكومة الهولندية، الجمعة، طرد أربعة دبلوماسيين، إثر اتهامها للحكومة الروسية "
        "بمحاولة اختراق منظمة دولية في لاهاي."
    )
    found = _body(body, {"الحكومة الهولندية": "ORG", "الحكومة الروسية": "ORG"})
    assert found[0].speaker is None and "طرد" in found[0].content
    assert "اتهامها" not in found[0].content
    assert found[1].speaker == "الحكومة الهولندية"
    assert found[1].content.startswith("اتهامها")


@pytest.mark.parametrize(
    ("title", "names", "speaker"),
    [
        ("شولتس ردا على ترامب: لن نرفع الإنفاق العسكري", {"شولتس": "PER"}, "شولتس"),
        ("إيران تتوعد: سنرد على أي هجوم", {"إيران": "LOC"}, "إيران"),
    ],
)
def test_headline_speaker_ends_before_what_it_answers_or_its_verb(
    title: str, names: dict[str, str], speaker: str
) -> None:
    assert _title(title, names)[0].speaker == speaker


def test_act_before_a_joined_reporting_verb_is_the_outlets() -> None:
    found = _title("كندا تطرد السفير السعودي وتصف الاتهامات بأنها باطلة", {"كندا": "LOC"})
    assert found[0].speaker is None and found[0].content == "كندا تطرد السفير السعودي"
    assert found[1].speaker == "كندا"


def test_verb_after_a_source_cue_names_the_source_of_the_clause_before() -> None:
    body = "قتل خمسة جنود في هجوم على قاعدة عسكرية، حسبما أعلن الجيش المالي على موقعه، السبت."
    found = _body(body, {"الجيش المالي": "ORG"})
    assert len(found) == 1
    assert found[0].speaker == "الجيش المالي"
    assert found[0].content.startswith("قتل خمسة جنود")


def test_what_was_said_ends_before_a_source_set_off_by_a_comma() -> None:
    body = "قال المتهم إنه نفذ الهجوم بدافع الانتقام، حسبما أفاد مدعون عامون، الاثنين."
    found = _body(body)
    assert found[0].content.endswith("الانتقام")


def test_impersonal_opening_is_the_outlets_background() -> None:
    body = "وقال أردوغان إن بلاده لن تخسر هذه الحرب. ويذكر أن العلاقات بين البلدين تشهد توترا."
    found = _body(body, {"أردوغان": "PER"})
    background = _with(found, "العلاقات")
    assert background.speaker is None and background.stance == "asserted"


def test_title_holder_named_after_an_unnamed_title() -> None:
    body = "أعلن رئيس بلدية باريس السابق برتران دولانويه أن الحملة انطلقت رسميا."
    found = _body(body, {"برتران دولانويه": "PER", "باريس": "LOC"})
    assert found[0].speaker == "رئيس بلدية باريس السابق برتران دولانويه"


def test_noun_with_its_after_the_name_is_what_was_announced() -> None:
    body = "أعلنت وزارة الدفاع الهولندية مسؤوليتها عن مقتل مدني في غارة جوية شمال العراق."
    found = _body(body, {"وزارة الدفاع الهولندية": "ORG"})
    assert found[0].speaker == "وزارة الدفاع الهولندية"


def test_passive_is_named_is_no_claim() -> None:
    found = _body(
        "واعتقلت الشرطة شابا يدعى كريم منصور أثناء عودته من الحدود.", {"كريم منصور": "PER"}
    )
    assert all(s.speaker != "كريم منصور" for s in found)


@pytest.mark.parametrize(
    ("title", "names", "speaker"),
    [
        ("محلل لـCNN: المفاوضات لن تنجح قريبا", {}, "محلل"),
        ("اليوم العالمي للمياه: هل تكفي الموارد؟", {}, None),
    ],
)
def test_headline_speaker_without_whom_it_spoke_to_and_questions_of_the_outlet(
    title: str, names: dict[str, str], speaker: str | None
) -> None:
    assert _title(title, names)[0].speaker == speaker


def test_headline_subject_without_whom_it_spoke_to() -> None:
    found = _title("مصدر لـCNN يكشف تفاصيل الصفقة الجديدة")
    assert found[0].speaker == "مصدر"


def test_quoted_name_of_a_medium_is_part_of_the_speaker() -> None:
    body = 'ذكرت صحيفة "لوموند" الفرنسية، الأربعاء، أن الحكومة ستعلن خطتها الأسبوع المقبل.'
    found = _body(body)
    assert found[0].speaker == 'صحيفة "لوموند" الفرنسية'
    assert found[0].content.startswith("الحكومة")


def test_name_followed_by_a_relative_clause_ends_the_speaker() -> None:
    body = "وصف البابا فرنسيس عمليات الإجهاض التي تتم بعد الفحوص بأنها سلوك مرفوض."
    found = _body(body, {"البابا فرنسيس": "PER"})
    assert found[0].speaker == "البابا فرنسيس"
