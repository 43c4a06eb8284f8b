"""Word lists for Arabic temporal expressions (normalised, see ``khabar.arabic.normalize``).

Month and weekday names live in :mod:`khabar.arabic.data.months`; this module holds what time
expressions need beyond them: relative-day words, period nouns, units, count words and cues that
tell a background mention from the date of the reported happening.
"""

from __future__ import annotations

RELATIVE_DAYS: dict[str, int] = {
    "اول امس": -2,
    "اول من امس": -2,
    "امس": -1,
    "الامس": -1,
    "البارحه": -1,
    "اليوم": 0,
    "الليله": 0,
    "غدا": 1,
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
    "ساعه": ("hour", 1),
    "ساعات": ("hour", None),
    "ساعتين": ("hour", 2),
    "ساعتان": ("hour", 2),
    "يوم": ("day", 1),
    "ايام": ("day", None),
    "يومين": ("day", 2),
    "يومان": ("day", 2),
    "اسبوع": ("week", 1),
    "اسابيع": ("week", None),
    "اسبوعين": ("week", 2),
    "اسبوعان": ("week", 2),
    "شهر": ("month", 1),
    "اشهر": ("month", None),
    "شهور": ("month", None),
    "شهرين": ("month", 2),
    "شهران": ("month", 2),
    "عام": ("year", 1),
    "اعوام": ("year", None),
    "عامين": ("year", 2),
    "عامان": ("year", 2),
    "سنه": ("year", 1),
    "سنوات": ("year", None),
    "سنين": ("year", None),
    "سنتين": ("year", 2),
    "سنتان": ("year", 2),
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
}
"""Number words used as counts before a unit (ثلاثة أيام، أربعة أشهر)."""

VAGUE_COUNTS: tuple[str, ...] = ("بضعه", "بضع", "عده", "بعض")
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

YEAR_WORDS: tuple[str, ...] = ("عام", "العام", "سنه", "السنه", "لعام", "بعام")
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
