"""Word lists for reading contradictions (issue 17, sixth round): words that date a happening,
words of need and of allegation. Kept apart from ``khabar.claims.data`` (statements and
speakers)."""

from __future__ import annotations

DATING_WORDS: tuple[str, ...] = ("الماضي", "الماضية", "المقبل", "المقبلة", "الحالي", "الجاري",
                                 "الجارية", "القادم", "القادمة", "أمس", "اليوم", "غدا", "الليلة",
                                 "فجر", "صباح", "مساء", "ليل", "سادس", "سابع", "ثامن", "تاسع",
                                 "عاشر", "حادي", "عشر", "عشرين", "ثلاثين")  # fmt: skip
"""Words that place a happening in time (في السابع من أبريل الماضي): they name no act, so they
are never read as the act a denial denies. Ordinals past the fifth are here (the day of a month:
السابع من أبريل); ``ORDINALS`` of ``khabar.claims.data`` holds the first five."""

ALLEGED_MARKERS: tuple[str, ...] = ("المزعوم", "المزعومة", "مزعوم", "مزعومة", "المفترض",
                                    "المفترضة", "مفترض", "مفترضة", "المشتبه", "مشتبه",
                                    "المحتمل", "المحتملة", "محتمل", "محتملة")  # fmt: skip
"""Adjectives after an act noun that make it alleged, not stated (الاستخدام المزعوم للسلاح
الكيميائي، هجوم كيميائي مفترض)."""

ALLEGED_WINDOW = 3
"""Words after an act searched for ALLEGED_MARKERS."""

NECESSITY_MARKERS: tuple[str, ...] = ("يتطلب", "تتطلب", "متطلبات", "لمتطلبات", "يستلزم",
                                      "تستلزم", "يشترط", "تشترط", "بحاجة", "يحتاج", "تحتاج",
                                      "يجب", "ينبغي")  # fmt: skip
"""Words of need before an act (يخضع لمتطلبات تفويض من مجلس الأمن): what is needed is not said
to have happened (read with NON_ASSERTIVE_MARKERS of ``khabar.claims.data``)."""

VAGUE_NUMERALS: dict[str, tuple[float, float]] = {
    "عشرات": (20.0, 99.0),
    "مئات": (200.0, 999.0),
    "آلاف": (2000.0, 9999.0),
    "الاف": (2000.0, 9999.0),
}
"""Plural numerals that give a range, not a figure (عشرات الإرهابيين: dozens, at least twenty):
read as the tens, hundreds or thousands from two to nine (``NUMBER_WORDS`` of
``khabar.claims.data`` reads them as one ten, one hundred, for other uses)."""

COMBATANT_NOUNS: tuple[str, ...] = ("متطرف", "متطرفا", "متطرفين", "متطرفون", "إرهابي",
                                    "إرهابيا", "إرهابيين", "إرهابيون", "مسلح", "مسلحا",
                                    "مسلحين", "مسلحون", "متشدد", "متشددا", "متشددين",
                                    "متشددون", "جهادي", "جهاديا", "جهاديين", "جهاديون")  # fmt: skip
"""Nouns of armed men counted in a toll (قتلوا نحو 10 متطرفين، قتل عشرات الإرهابيين): one
counted thing, MILITANTS, whichever word an outlet uses for them."""

MILITANTS = "militants"
"""The counted thing of COMBATANT_NOUNS in a toll."""

PAST_MARKERS: tuple[str, ...] = ("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم",
                                 "المنصرمة")  # fmt: skip
"""Words that date a happening before the day it is reported (السبت الماضي، الأسبوع
الماضي): a toll of such a happening is a settled count, not one rising through the day."""

REJECTION_VERBS: tuple[str, ...] = ("رفض", "رفضت", "رفضوا", "يرفض", "ترفض", "يرفضون",
                                    "رفضا")  # fmt: skip
"""Verbs that, opening an own-voice sentence and followed by a noun of REJECTED_CLAIM_NOUNS
(رفضت الخارجية التشيكية اتهامات أنقرة …), tell a denial of that claim; before any other object
(رفضت المحكمة الطعن، رفضت تركيا وجود قوات) they name an act."""

REJECTED_CLAIM_NOUNS: tuple[str, ...] = ("اتهام", "اتهامات", "الاتهامات", "مزاعم", "المزاعم",
                                         "ادعاءات", "الادعاءات", "تقارير", "التقارير", "أنباء",
                                         "الأنباء", "رواية", "الرواية")  # fmt: skip
"""Nouns of a claim that a rejection verb denies (accusations, allegations, reports, an
account)."""

REJECTION_REACH = 7
"""Words after a rejection verb within which its claim noun must stand (the subject between:
رفضت وزارة الخارجية في جمهورية التشيك اتهامات)."""

STILL_RISING_CUES: tuple[str, ...] = ("ارتفاع", "ارتفعت", "ارتفع", "ترتفع", "يرتفع", "مؤقتة",
                                      "المؤقتة", "الآن")  # fmt: skip
"""Words by which a toll says it is still being counted (ارتفعت الحصيلة المؤقتة … إلى 179،
حتى الآن): a happening of last week whose toll still rises is not a settled count."""
