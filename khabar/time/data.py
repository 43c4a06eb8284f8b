"""Word lists for Arabic temporal expressions (normalised, see ``khabar.arabic.normalize``).

Month and weekday names live in :mod:`khabar.arabic.data.months`; this module holds what time
expressions need beyond them: relative-day words, period nouns, units, count words and cues that
tell a background mention from the date of the reported happening.
"""

from __future__ import annotations

RELATIVE_DAYS: dict[str, int] = {
    "اول امس": -2,
    "اول من امس": -2,
    "امس الاول": -2,
    "يوم امس الاول": -2,
    "امس": -1,
    "الامس": -1,
    "يوم امس": -1,
    "البارحه": -1,
    "اليوم": 0,
    "الليله": 0,
    "غدا": 1,
    "يوم غد": 1,
    "الغد": 1,
    "بعد غد": 2,
}
"""Words naming a day relative to the publish date → offset in days."""

PAST_MODIFIERS: tuple[str, ...] = (
    "الماضي",
    "الماضيه",
    "الفايت",
    "الفايته",
    "المنصرم",
    "المنصرمه",
    "السابق",
    "السابقه",
)
"""Words after a weekday or period noun that put it before the publish date."""

FUTURE_MODIFIERS: tuple[str, ...] = ("المقبل", "المقبله", "القادم", "القادمه", "التالي")
"""Words after a weekday or period noun that put it after the publish date."""

CURRENT_MODIFIERS: tuple[str, ...] = ("الجاري", "الجاريه", "الحالي", "الحاليه")
"""Words after a period noun that put it around the publish date."""

PERIOD_NOUNS: dict[str, str] = {
    "الاسبوع": "week",
    "الشهر": "month",
    "العام": "year",
    "السنه": "year",
}
"""Period nouns of expressions such as الشهر الماضي → their unit."""

UNIT_WORDS: dict[str, tuple[str, int | None]] = {
    "دقيقه": ("minute", 1),
    "دقايق": ("minute", None),
    "دقيقتين": ("minute", 2),
    "دقيقتان": ("minute", 2),
    "ساعه": ("hour", 1),
    "ساعات": ("hour", None),
    "ساعتين": ("hour", 2),
    "ساعتان": ("hour", 2),
    "يوم": ("day", 1),
    "يوما": ("day", 1),
    "ايام": ("day", None),
    "يومين": ("day", 2),
    "يومان": ("day", 2),
    "اسبوع": ("week", 1),
    "اسبوعا": ("week", 1),
    "اسابيع": ("week", None),
    "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1),
    "شهرا": ("month", 1),
    "اشهر": ("month", None),
    "شهور": ("month", None),
    "شهرين": ("month", 2),
    "شهران": ("month", 2),
    "عام": ("year", 1),
    "عاما": ("year", 1),
    "اعوام": ("year", None),
    "عامين": ("year", 2),
    "عامان": ("year", 2),
    "سنه": ("year", 1),
    "سنوات": ("year", None),
    "سنين": ("year", None),
    "سنتين": ("year", 2),
    "سنتان": ("year", 2),
    "عقود": ("decade", None),
    "عقدين": ("decade", 2),
    "عقدان": ("decade", 2),
    "عقدا": ("decade", 1),
    "قرون": ("century", None),
    "قرنين": ("century", 2),
    "قرنا": ("century", 1),
}
"""Unit nouns → (unit, count the word itself carries: 1 singular, 2 dual, None plural)."""

COUNT_WORDS: dict[str, int] = {
    "واحد": 1,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "احد عشر": 11,
    "اثني عشر": 12,
    "اثنا عشر": 12,
    "عشرين": 20,
    "ثلاثين": 30,
    "اربعين": 40,
    "خمسين": 50,
    "ستين": 60,
    "سبعين": 70,
    "ثمانين": 80,
    "تسعين": 90,
}
"""Number words used as counts before a unit (ثلاثة أيام، أربعة أشهر)."""

VAGUE_COUNTS: tuple[str, ...] = ("بضعه", "بضع", "عده", "بعض", "عشرات")
"""Words that make a count vague (بضعة أيام، عدة أسابيع)."""

AGO_WORDS: tuple[str, ...] = ("منذ", "قبل")
"""Words that put a counted span before the publish date (منذ يومين، قبل أسابيع)."""

LATER_WORDS: tuple[str, ...] = ("بعد",)
"""Words that put a counted span after the publish date (بعد يومين)."""

DURATION_WORDS: tuple[str, ...] = ("في اقل من", "خلال اقل من", "في غضون", "خلال", "في اقل من")
"""Words that open a span within which something happened (في أقل من أربعة أشهر)."""

RECENT_WORDS: dict[str, int] = {
    "في الايام الاخيره": 10,
    "خلال الايام الاخيره": 10,
    "في الاسابيع الاخيره": 45,
    "خلال الاسابيع الاخيره": 45,
    "في الاشهر الاخيره": 180,
    "خلال الاشهر الاخيره": 180,
    "موخرا": 60,
}
"""Phrases meaning "recently" → how many days back they reach at most."""

YEAR_WORDS: tuple[str, ...] = (
    "عام",
    "العام",
    "سنه",
    "السنه",
    "لعام",
    "بعام",
    "للعام",
    "بالعام",
    "عامي",
    "العامين",
)
"""Nouns that introduce a bare year (عام 2024)."""

MONTH_CONTEXT_WORDS: tuple[str, ...] = (
    "في",
    "خلال",
    "منذ",
    "حتي",
    "مطلع",
    "اوايل",
    "اواخر",
    "منتصف",
    "نهايه",
    "بدايه",
    "شهر",
    "بحلول",
    "قبل",
    "بعد",
    "وفي",
    "ففي",
    "اواسط",
)
"""Words after which a month name without a year is read as a date (في أكتوبر)."""

AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"اب", "ماي", "صفر", "رجب", "شعبان", "رمضان"})
"""Month names that are also common words or names; read as months only with a day or year."""

AMBIGUOUS_WEEKDAYS: frozenset[str] = frozenset({"الاثنين", "الاتنين"})
"""Weekday names that are also common words (الاثنين = "both"); read only after يوم or with a
modifier."""

HIJRI_YEAR_MARKERS: tuple[str, ...] = ("ه", "هجري", "هجريه", "للهجره")
"""Normalised tokens after a year that mark it as Hijri (هـ loses its tatweel)."""

BACKGROUND_CUES: tuple[str, ...] = (
    "منذ",
    "سقوط",
    "الاطاحه",
    "اطاح",
    "اطاحت",
    "كان قد",
    "وكان",
    "وكانت",
    "كانت قد",
    "سابقا",
    "في وقت سابق",
    "بعد",
    "عقب",
    "اثر",
    "تولي",
    "توليه",
)
"""Cues marking a sentence's date as background (a past happening the article recalls): such a
date bounds the reported event from below instead of dating it."""

FUTURE_CUES: tuple[str, ...] = (
    "المقبل",
    "المقبله",
    "القادم",
    "القادمه",
    "سوف",
    "المقرر",
    "المقرره",
    "من المتوقع",
    "يعتزم",
    "تعتزم",
)
"""Cues marking a sentence as about the future; its dates do not bound the event from below."""


# --------------------------------------------------------------------------------------------
# TimeML types and values (issue 19)
# --------------------------------------------------------------------------------------------

MONTH_VARIANTS: dict[str, int] = {
    "تشرين اول": 10,
    "تشرين ثاني": 11,
    "كانون اول": 12,
    "كانون ثاني": 1,
}
"""Levantine month names written without the article (تشرين أول), beside those of
:data:`khabar.arabic.data.months.GREGORIAN_MONTHS`."""

DAY_PARTS: dict[str, str] = {
    "صباح": "MO",
    "صبيحه": "MO",
    "فجر": "MO",
    "ساعه مبكره من": "MO",
    "ساعات مبكره من": "MO",
    "وقت مبكر من": "MO",
    "ظهر": "MI",
    "ظهيره": "MI",
    "بعد ظهر": "AF",
    "عصر": "AF",
    "مساء": "EV",
    "عشيه": "EV",
    "ليل": "NI",
    "ليله": "NI",
    "منتصف ليل": "NI",
    "ساعه متاخره من": "NI",
    "ساعات متاخره من": "NI",
    "وقت متاخر من": "NI",
    "وقت متاخر من ليل": "NI",
    "وقت متاخر من مساء": "NI",
    "ساعه متاخره من ليل": "NI",
    "ساعه متاخره من مساء": "NI",
}
"""Parts of the day before a weekday or relative day (صباح الثلاثاء) → TimeML part of day."""

CLOCK_PARTS: dict[str, int] = {
    "صباحا": 0,
    "فجرا": 0,
    "ظهرا": 12,
    "عصرا": 12,
    "مساء": 12,
    "ليلا": 12,
}
"""Words after a clock time → hours to add to a 12-hour reading below 12 (5 مساء → 17:00)."""

UTC_MARKERS: tuple[str, ...] = (
    "ت غ",
    "ت.غ",
    "بتوقيت غرينتش",
    "بتوقيت جرينتش",
    "غرينتش",
    "جي ام تي",
)
"""Markers after a clock time saying it is universal time (ت غ = توقيت غرينتش)."""

DAY_ORDINALS: dict[str, int] = {
    "الاول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
    "الحادي عشر": 11,
    "الثاني عشر": 12,
    "الثالث عشر": 13,
    "الرابع عشر": 14,
    "الخامس عشر": 15,
    "السادس عشر": 16,
    "السابع عشر": 17,
    "الثامن عشر": 18,
    "التاسع عشر": 19,
    "العشرين": 20,
    "الحادي والعشرين": 21,
    "الثاني والعشرين": 22,
    "الثالث والعشرين": 23,
    "الرابع والعشرين": 24,
    "الخامس والعشرين": 25,
    "السادس والعشرين": 26,
    "السابع والعشرين": 27,
    "الثامن والعشرين": 28,
    "التاسع والعشرين": 29,
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
"""Ordinal day words (الخامس عشر من فبراير) → day of the month; also century ordinals."""

WEEKDAY_ORDINALS: tuple[str, ...] = (
    "الاولي",
    "الثانيه",
    "الثالثه",
    "الرابعه",
    "الخامسه",
    "السادسه",
    "السابعه",
    "الثامنه",
    "التاسعه",
    "العاشره",
    "الاخيره",
)
"""Feminine ordinals after a weekday naming the day itself (للجمعة الثالثة على التوالي)."""

PERIOD_PREFIXES: tuple[str, ...] = (
    "مطلع",
    "اوايل",
    "اواخر",
    "منتصف",
    "نهايه",
    "بدايه",
    "اواسط",
    "اخر",
    "اول",
)
"""Words naming a part of a month, year or period, kept in the expression (أواخر العام الماضي)."""

BARE_YEAR_CONTEXT: tuple[str, ...] = (
    "في",
    "وفي",
    "منذ",
    "ومنذ",
    "حتي",
    "وحتي",
    "بحلول",
    "مواليد",
    "من",
    "ومن",
    "خلال",
    "قبل",
    "بعد",
)
"""Words after which a bare number 1900–2100 is a year (في 2013، منذ 1980، مواليد 1951)."""

NOT_A_YEAR_AFTER: tuple[str, ...] = ("الف", "مليون", "مليار", "دولار", "يورو", "شخص", "متر", "كيلو")
"""Words after a number that make it a count, not a year (في 2000 ألف ...)."""

NUMBERED_THINGS: tuple[str, ...] = (
    "القرار",
    "قرار",
    "رقم",
    "الرقم",
    "الماده",
    "ماده",
    "البند",
    "الفقره",
    "المرسوم",
    "القانون",
    "الصفحه",
)
"""Words before a bracketed number that make it a number, not a year (القرار (1325))."""

DECADES: dict[str, int] = {
    "العشرينيات": 2,
    "العشرينات": 2,
    "الثلاثينيات": 3,
    "الثلاثينات": 3,
    "الاربعينيات": 4,
    "الاربعينات": 4,
    "الخمسينيات": 5,
    "الخمسينات": 5,
    "الستينيات": 6,
    "الستينات": 6,
    "السبعينيات": 7,
    "السبعينات": 7,
    "الثمانينيات": 8,
    "الثمانينات": 8,
    "التسعينيات": 9,
    "التسعينات": 9,
}
"""Decade names (الستينيات) → decade digit; read in the twentieth century unless a century is
named after them."""

CENTURY_NAMES: dict[str, int] = {
    "العشرين": 20,
    "الحادي والعشرين": 21,
    "التاسع عشر": 19,
    "الثامن عشر": 18,
    "السابع عشر": 17,
    "السادس عشر": 16,
}
"""Ordinal century names after القرن → century number (القرن التاسع عشر = the 19th)."""

REFERENCE_WORDS: dict[str, str] = {
    "حاليا": "PRESENT_REF",
    "الان": "PRESENT_REF",
    "الوقت الراهن": "PRESENT_REF",
    "الوقت الحالي": "PRESENT_REF",
    "الوقت الحاضر": "PRESENT_REF",
    "الفتره الحاليه": "PRESENT_REF",
    "قريبا": "FUTURE_REF",
    "وقت سابق": "PAST_REF",
    "وقت لاحق": "FUTURE_REF",
}
"""Words naming the present, the past or the future without a date → TimeML reference value."""

AFTER_FI_REFERENCES: dict[str, str] = {
    "المستقبل": "FUTURE_REF",
    "المستقبل القريب": "FUTURE_REF",
    "الماضي": "PAST_REF",
}
"""Nouns that are time references only after في (في المستقبل، في الماضي)."""

SEASONS: dict[str, str] = {"الصيف": "SU", "الشتاء": "WI", "الخريف": "FA", "الربيع": "SP"}
"""Season names → TimeML season codes; read as dates only after في/خلال or with a modifier
(الربيع alone is usually الربيع العربي)."""

SET_WORDS: dict[str, str] = {
    "يوميا": "P1D",
    "اسبوعيا": "P1W",
    "شهريا": "P1M",
    "سنويا": "P1Y",
    "نصف سنوي": "P6M",
    "نصف سنويه": "P6M",
    "نصف شهري": "P2W",
    "نصف شهريه": "P2W",
}
"""Adverbs and adjectives of recurrence (سنويا، تقرير نصف سنوي) → TimeML SET value."""

DURATION_LEADS: tuple[str, ...] = ("لمده", "مده", "طيله", "طوال", "علي مدي", "علي مدار")
"""Words before a bare unit that make it a duration (لمدة شهر); kept out of the span."""

APPROXIMATORS: tuple[str, ...] = (
    "نحو",
    "قرابه",
    "حوالي",
    "زهاء",
    "اكثر من",
    "اقل من",
    "ما يقرب من",
    "ما يزيد عن",
    "ما يزيد علي",
    "ما لا يقل عن",
    "اقرب الي",
)
"""Words that make an amount of time approximate (نحو عامين); kept in the expression."""

FUTURE_VERB_STEMS: tuple[str, ...] = (
    "جري",
    "عقد",
    "لتقي",
    "زور",
    "بدا",
    "صل",
    "توجه",
    "شارك",
    "حضر",
    "كون",
    "علن",
    "قوم",
    "نظم",
    "جتمع",
    "صوت",
    "ناقش",
)
"""Stems of verbs that, after the future prefix س (سيجري، ستعقد), put a bare weekday after the
publish date."""

GENERAL_NOUNS: frozenset[str] = frozenset(
    {
        "الامين",
        "امين",
        "المدعي",
        "النايب",
        "المدير",
        "القنصل",
        "المفتش",
        "المراقب",
        "المرشد",
        "القايد",
        "المنسق",
        "المفوض",
        "الموتمر",
        "الاتحاد",
        "الراي",
        "الامن",
        "القطاع",
        "المال",
        "الشان",
        "النظام",
        "الاضراب",
        "العفو",
        "الدين",
        "الانفاق",
        "الصالح",
        "التيار",
        "الاطار",
        "المناخ",
        "الطابع",
    }
)
"""Nouns after which العام means "general" (الأمين العام، الرأي العام), not "the year"."""
