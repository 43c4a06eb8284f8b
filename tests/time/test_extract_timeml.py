"""TimeML types and values, compounds and the resolution rules of Arabic news (issue 19)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.time import extract_times, find_times

SUNDAY = date(2018, 6, 10)
"""A Sunday in June: last June, next June and this June differ."""
FRIDAY = date(2018, 4, 13)


def _only(text: str, anchor: date | None = SUNDAY):
    found = extract_times(text, anchor)
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].text
    return found[0]


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("قال أمس السبت إن", "أمس السبت", "2018-06-09"),
        ("التقى اليوم الاحد نظيره", "اليوم الاحد", "2018-06-10"),
        ("الاجتماع المقرر عقده غداً الاثنين", "غداً الاثنين", "2018-06-11"),
        ("في اجتماع يوم غد الاثنين", "يوم غد الاثنين", "2018-06-11"),
        ("وقع الهجوم أمس الأول", "أمس الأول", "2018-06-08"),
        ("قال امس الخميس", "امس الخميس", "2018-06-09"),
    ],
)
def test_weekday_with_relative_day_is_one_expression_on_that_day(
    text: str, expr: str, value: str
) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value) == (expr, "DATE", value)
    assert found.earliest == found.latest == date.fromisoformat(value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("اقتحم صباح الثلاثاء المسجد", "صباح الثلاثاء", "2018-06-05TMO"),
        ("تجددت الاشتباكات مساء الأربعاء", "مساء الأربعاء", "2018-06-06TEV"),
        ("شنت غارات بعد ظهر السبت", "بعد ظهر السبت", "2018-06-09TAF"),
        ("اندلعت أعمال عنف ليل الثلاثاء", "ليل الثلاثاء", "2018-06-05TNI"),
        ("اعترضت صاروخا في ساعة متأخرة من الأحد", "ساعة متأخرة من الأحد", "2018-06-10TNI"),
    ],
)
def test_part_of_day_with_weekday_is_a_time_on_that_day(text: str, expr: str, value: str) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value) == (expr, "TIME", value)
    assert found.exact == date.fromisoformat(value[:10])


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("ستعقد القمة في يونيو القادم", "يونيو القادم", "2019-06"),
        ("في اوائل شهر يونيو المقبل", "اوائل شهر يونيو المقبل", "2019-06"),
        ("الانتخابات المقررة 24 يونيو/حزيران الجاري", "24 يونيو/حزيران الجاري", "2018-06-24"),
        ("منذ أبريل/نيسان الماضي", "أبريل/نيسان الماضي", "2018-04"),
        ("زار البلاد في نوفمبر الماضي", "نوفمبر الماضي", "2017-11"),
        ("القمة في 16 يوليو المقبل", "16 يوليو المقبل", "2018-07-16"),
        ("وقع في 31 مارس من العام الماضي", "31 مارس من العام الماضي", "2017-03-31"),
        ("في السابع من يونيو/ حزيران الجاري", "السابع من يونيو/ حزيران الجاري", "2018-06-07"),
        ("في الخامس عشر من فبراير/شباط 2018", "الخامس عشر من فبراير/شباط 2018", "2018-02-15"),
        ("في 4 أكتوبر/تشرين أول من عام 1963", "4 أكتوبر/تشرين أول من عام 1963", "1963-10-04"),
    ],
)
def test_month_compounds_resolve_by_their_modifier(text: str, expr: str, value: str) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value) == (expr, "DATE", value)


def test_month_named_this_month_last_is_last_year() -> None:
    assert _only("في يونيو الماضي").value == "2017-06"
    assert _only("في يونيو المقبل").value == "2019-06"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("هاجر في العام 1887 إلى", "العام 1887", "1887"),
        ("الإمبراطور تشيان لونغ (1735-1796) وظلت", "1735", "1735"),
        ("غريفيث، مواليد 1951، واحد", "1951", "1951"),
        ("يحكم البلاد منذ 1980 بالغالبية", "1980", "1980"),
        ("هاجر في الستينيات إلى بريطانيا", "الستينيات", "196"),
        ("في نهاية القرن التاسع عشر خلال", "نهاية القرن التاسع عشر", "18"),
        ("في أواخر العام الماضي", "أواخر العام الماضي", "2017"),
        ("خلال الحملة الرئاسية عام 2016", "عام 2016", "2016"),
    ],
)
def test_years_before_1900_and_other_eras_when_the_context_says_so(
    text: str, expr: str, value: str
) -> None:
    found = extract_times(text, SUNDAY)
    assert (found[0].text, found[0].type, found[0].value) == (expr, "DATE", value)


def test_bracketed_year_range_gives_two_years_but_a_resolution_number_none() -> None:
    assert [t.value for t in extract_times("لونغ (1735-1796) وظلت", SUNDAY)] == ["1735", "1796"]
    assert extract_times("بموجب القرار (1325) الصادر", SUNDAY) == ()


def test_bare_numbers_are_not_years() -> None:
    assert extract_times("قتل 1200 شخص في 2000 ألف منزل", SUNDAY) == ()


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("الشركة تدرس حالياً جذب", "حالياً", "PRESENT_REF"),
        ("لم تصدر أي تصريحات حتى الآن", "الآن", "PRESENT_REF"),
        ("ستعلن الوزارة قريبا عن", "قريبا", "FUTURE_REF"),
        ("تراجعت الأوضاع مؤخرا", "مؤخرا", "PAST_REF"),
        ("زرعته في وقت سابق", "وقت سابق", "PAST_REF"),
        ("أعلنت في وقت سابق من هذا الشهر", "وقت سابق من هذا الشهر", "2018-06"),
        ("في وقت لاحق هذا الأسبوع", "وقت لاحق هذا الأسبوع", "2018-W23"),
        ("الأسبوع الماضي", "الأسبوع الماضي", "2018-W22"),
        ("الأسبوع المقبل", "الأسبوع المقبل", "2018-W24"),
        ("قبل 6 سنوات", "قبل 6 سنوات", "2012"),
        ("منذ نحو شهر تقريبا", "منذ نحو شهر تقريبا", "2018-05"),
    ],
)
def test_references_and_relative_periods_have_timeml_values(
    text: str, expr: str, value: str
) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value) == (expr, "DATE", value)


def test_alain_is_not_now() -> None:
    assert extract_times("قال آلان جوبيه", SUNDAY) == ()
    assert _only("حتى الان").value == "PRESENT_REF"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("استمرت الحملة يومين", "يومين", "P2D"),
        ("استمرت أربعة أيام", "أربعة أيام", "P4D"),
        ("البالغ من العمر 48 عاما", "48 عاما", "P48Y"),
        ("استغرق استجواب بيج 8 ساعات", "8 ساعات", "PT8H"),
        ("حظر يوتيوب لمدة شهر", "شهر", "P1M"),
        ("سيطرت عليها الفصائل لسنوات", "لسنوات", "PXY"),
        ("منذ أسابيع اشتباكات", "منذ أسابيع", "PXW"),
        ("كأول وزير منذ نحو عامين ونصف العام", "منذ نحو عامين ونصف العام", "P30M"),
        ("منذ أكثر من عقد", "أكثر من عقد", "P1DE"),
        ("تستمر ساعة و40 دقيقة", "ساعة و40 دقيقة", "PT1H40M"),
        ("اعتقلوا خلال الأسابيع الماضية", "الأسابيع الماضية", "PXW"),
        ("بعد أسبوعين على التوتر", "بعد أسبوعين", "P2W"),
    ],
)
def test_durations_have_a_duration_value_and_no_day(text: str, expr: str, value: str) -> None:
    found = _only(text)
    assert (found.text, found.type, found.value) == (expr, "DURATION", value)


def test_bare_durations_never_name_a_day() -> None:
    for text in ("استمرت الحملة يومين", "البالغ من العمر 48 عاما", "سيطرت عليها لسنوات"):
        found = _only(text)
        assert found.kind == "duration" and found.earliest is None and found.latest is None


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("مرة واحدة كل ثلاثة أشهر", "كل ثلاثة أشهر", "P3M"),
        ("تعقد الانتخابات كل عامين", "كل عامين", "P2Y"),
        ("يجمع المرشدون سنويا مئات", "سنويا", "P1Y"),
        ("في تقرير نصف سنوي بشأن", "نصف سنوي", "P6M"),
        ("يتظاهرون كل جمعة", "كل جمعة", None),
    ],
)
def test_sets_are_recurrences_that_never_name_a_day(
    text: str, expr: str, value: str | None
) -> None:
    found = extract_times(text, SUNDAY)
    if value is None:  # جمعة without the article is not a weekday name here
        assert all(f.type != "DATE" for f in found)
        return
    assert len(found) == 1
    assert (found[0].text, found[0].type, found[0].value) == (expr, "SET", value)
    assert found[0].earliest is None and found[0].kind == "set"


def test_clock_time_on_a_named_day() -> None:
    found = _only("يؤدون اليمين الجمعة في الساعة 16:00", None)
    assert found.type == "TIME" and found.text == "الجمعة في الساعة 16:00"
    found = extract_times("أوقفوا سيارة قرابة الساعة 20,30 (18,30 ت غ)", SUNDAY)
    assert [(f.text, f.value) for f in found] == [
        ("قرابة الساعة 20,30", "2018-06-10T20:30"),
        ("18,30 ت غ", "2018-06-10T18:30Z"),
    ]


def test_decimal_numbers_are_not_clock_times() -> None:
    assert extract_times("يعزل 9,4 بالمئة و30,45 مليون", SUNDAY) == ()


def test_monday_alone_needs_a_sign_it_is_a_day() -> None:
    assert _only("استقبل الملك، الاثنين، نائب رئيس", SUNDAY).value == "2018-06-04"
    assert _only("وقال البيت الأبيض الاثنين إن", SUNDAY).value == "2018-06-04"
    assert extract_times("فرضوا غرامة على الاثنين المتهمين", SUNDAY) == ()


def test_weekday_after_a_future_verb_lies_ahead() -> None:
    assert _only("الاجتماع الذي سيجري الأربعاء", SUNDAY).value == "2018-06-13"
    assert _only("الاجتماع الذي جرى الأربعاء", SUNDAY).value == "2018-06-06"


def test_ordinal_friday_is_that_friday() -> None:
    found = _only("يستعدون للمشاركة للجمعة الثالثة على التوالي", FRIDAY)
    assert (found.text, found.value) == ("للجمعة الثالثة", "2018-04-13")


def test_general_is_not_the_year() -> None:
    assert extract_times("قال الأمين العام السابق للجامعة", SUNDAY) == ()
    assert _only("في العام السابق").value == "2017"


def test_weekend_is_a_week_value() -> None:
    assert _only("دمرته خلال عطلة نهاية الأسبوع", SUNDAY).value == "2018-W23-WE"


def test_without_anchor_relative_values_stay_open() -> None:
    assert _only("في يونيو", None).value == "XXXX-06"
    assert _only("السبت", None).value is None
    assert _only("حاليا", None).value == "PRESENT_REF"


def test_tanween_stays_inside_the_expression() -> None:
    text = "تدرس حالياً جذب"
    found = find_times(text, SUNDAY)
    assert [f.text for f in found] == ["حالياً"]


_PIECES = [
    "قبل",
    "منذ",
    "بعد",
    "نحو",
    "أكثر من",
    "9999",
    "33",
    "قرنا",
    "عاما",
    "عقود",
    "يوما",
    "ونصف",
    "و40",
    "دقيقة",
    "ساعة",
    "الساعة",
    "23:59",
    "99:99",
    "(",
    ")",
    "-",
    "1735",
    "0999",
    "العام",
    "الماضي",
    "المقبل",
    "الجاري",
    "يونيو",
    "السابع",
    "من",
    "الاثنين",
    "،",
    "أمس",
    "صباح",
    "كل",
    "سنويا",
    "الآن",
    "آلان",
    "\u064b",
    "\u0640",
    " ",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.booleans())
@settings(max_examples=300, deadline=None)
def test_any_mix_of_time_words_never_crashes(pieces: list[str], anchored: bool) -> None:
    text = " ".join(pieces)
    for expr in extract_times(text, SUNDAY if anchored else None):
        assert text[expr.start : expr.end] == expr.text
        assert expr.type in ("DATE", "TIME", "DURATION", "SET")
        if expr.earliest and expr.latest:
            assert expr.earliest <= expr.latest
