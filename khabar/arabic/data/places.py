"""Capitals and seats of government that stand for their country in news Arabic (واشنطن, the
Pentagon and the White House for the United States). Data only: the events stage folds a
headline speaker to its country with it, the claims stage the places two reports name."""

from __future__ import annotations

SEAT_COUNTRIES: dict[str, str] = {
    "واشنطن": "أمريكا",
    "البيت الأبيض": "أمريكا",
    "البنتاغون": "أمريكا",
    "الولايات المتحدة": "أمريكا",
    "أميركا": "أمريكا",
    "موسكو": "روسيا",
    "الكرملين": "روسيا",
    "لندن": "بريطانيا",
    "المملكة المتحدة": "بريطانيا",
    "باريس": "فرنسا",
    "الإليزيه": "فرنسا",
    "برلين": "ألمانيا",
    "بكين": "الصين",
    "طهران": "إيران",
    "دمشق": "سوريا",
    "بغداد": "العراق",
    "القاهرة": "مصر",
    "الرياض": "السعودية",
    "أنقرة": "تركيا",
    "بيروت": "لبنان",
    "الدوحة": "قطر",
    "أبوظبي": "الإمارات",
    "صنعاء": "اليمن",
    "كييف": "أوكرانيا",
    "بيونغ يانغ": "كوريا الشمالية",
    "سول": "كوريا الجنوبية",
    "تل أبيب": "إسرائيل",
    "رام الله": "فلسطين",
    "الإمارات العربية المتحدة": "الإمارات",
}
"""A capital or seat of government → the country's usual Arabic name."""
