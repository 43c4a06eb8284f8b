"""Month and weekday names as written in Arabic news, keyed by their normalised form.

Keys are in the normalised spelling of :func:`khabar.arabic.normalize` (alef/hamza folded,
taa marbuta → هاء, alef maqsura → ياء), so look-ups must normalise first.
"""

from __future__ import annotations

# Gregorian months, Egyptian/Gulf names (يناير … ديسمبر) with common spelling variants.
GREGORIAN_MONTHS: dict[str, int] = {
    "يناير": 1,
    "كانون الثاني": 1,
    "جانفي": 1,
    "فبراير": 2,
    "فبرير": 2,
    "شباط": 2,
    "فيفري": 2,
    "مارس": 3,
    "اذار": 3,
    "ابريل": 4,
    "افريل": 4,
    "نيسان": 4,
    "مايو": 5,
    "ماي": 5,
    "ايار": 5,
    "يونيو": 6,
    "يونيه": 6,
    "حزيران": 6,
    "جوان": 6,
    "يوليو": 7,
    "يوليه": 7,
    "تموز": 7,
    "جويليه": 7,
    "اغسطس": 8,
    "اب": 8,
    "اوت": 8,
    "سبتمبر": 9,
    "ايلول": 9,
    "اكتوبر": 10,
    "تشرين الاول": 10,
    "نوفمبر": 11,
    "تشرين الثاني": 11,
    "ديسمبر": 12,
    "كانون الاول": 12,
}
"""Gregorian month names: Egyptian/Gulf (يناير), Levantine/Iraqi (كانون الثاني) and Maghrebi
(جانفي) forms. The Levantine names are two words for four months (تشرين/كانون)."""

# Levantine names alone (a subset of the above), for code that needs to know the family.
LEVANTINE_MONTHS: dict[str, int] = {
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
}

HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الاول": 3,
    "ربيع الثاني": 4,
    "ربيع الاخر": 4,
    "جمادي الاولي": 5,
    "جمادي الاول": 5,
    "جمادي الثانيه": 6,
    "جمادي الاخره": 6,
    "جمادي الاخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعده": 11,
    "ذي القعده": 11,
    "ذو الحجه": 12,
    "ذي الحجه": 12,
}
"""Hijri month names (normalised); a date in them is usually followed by هـ."""

WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الثلاثا": 1,
    "الاربعاء": 2,
    "الاربعا": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
"""Weekday names (normalised) → Python weekday number (Monday = 0)."""

HIJRI_MARKERS: tuple[str, ...] = ("هـ", "ه", "هجري", "هجريه", "للهجره")
"""Tokens that mark a year as Hijri."""

GREGORIAN_MARKERS: tuple[str, ...] = ("م", "ميلادي", "ميلاديه", "للميلاد")
"""Tokens that mark a year as Gregorian."""
