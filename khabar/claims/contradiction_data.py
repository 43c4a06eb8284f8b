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
