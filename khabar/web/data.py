"""Words of the web interface (Arabic first), apart from the code that shows them."""

from __future__ import annotations

STAGE_LABELS: dict[str, str] = {
    "read": "قراءة الصفحات",
    "clean": "تنظيف الصفحات",
    "annotate": "تحليل النصوص",
    "entities": "ربط الأسماء والكيانات",
    "events": "تجميع الأحداث والقصص",
    "claims": "مقارنة الادعاءات",
    "summaries": "كتابة الملخصات",
    "write": "كتابة الملف",
    "add": "الإضافة إلى المخزن",
}
"""The pipeline's progress stages (``progress(stage, done, total)``), as the user reads them."""

STATUS_LABELS: dict[str, str] = {
    "queued": "في الانتظار",
    "running": "قيد التحليل",
    "done": "اكتمل",
    "failed": "تعذّر التحليل",
}

COUNT_LABELS: dict[str, str] = {
    "articles": "مقالات",
    "events": "أحداث",
    "stories": "قصص",
    "entities": "كيانات",
    "claims": "ادعاءات",
    "contradictions": "تناقضات",
    "errors": "صفحات لم تُحلَّل",
}

COUNTS_SHOWN: tuple[str, ...] = ("articles", "events", "claims", "contradictions", "errors")
"""Counts shown beside each dossier in the list (the rest are in the dossier itself)."""

MESSAGES: dict[str, str] = {
    "too_large": "الملف أو مجموع الملفات أكبر من الحد المسموح به.",
    "bad_upload": "تعذّر قبول الملفات المرفوعة.",
    "no_files": "لم تُرفع أي ملفات: اختر ملفًا واحدًا على الأقل.",
    "not_found": "غير موجود.",
    "folder_missing": "المجلد غير موجود على الخادم.",
    "folders_disabled": "تحليل المجلدات معطّل على هذا الخادم.",
    "folder_outside": "هذا المجلد خارج المجلدات المسموح بتحليلها.",
}
