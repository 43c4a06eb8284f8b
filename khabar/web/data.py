"""Words of the web interface (Arabic first), apart from the code that shows them.

Words the interface shares with the HTML dossier (the names of what a dossier counts: articles,
events, claims, contradictions, …) are not here: the app reads them from the dossier's own
wording, khabar/report/templates/labels.json, so the list and the dossier say the same thing.
"""

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
    "cancelled": "أُلغي",
}

COUNTS_SHOWN: tuple[str, ...] = ("articles", "events", "claims", "contradictions", "errors")
"""Counts shown beside each dossier in the list (the rest are in the dossier itself), named as
the dossier names them (``counts`` of labels.json)."""

MESSAGES: dict[str, str] = {
    "too_large": "الملف أو مجموع الملفات أكبر من الحد المسموح به.",
    "bad_upload": "تعذّر قبول الملفات المرفوعة.",
    "no_files": "لم تُرفع أي ملفات: اختر ملفًا واحدًا على الأقل.",
    "not_found": "غير موجود.",
    "no_dossier": "لا يوجد ملف خبر بهذا الرقم: ربما حُذف، أو لم يكتمل تحليله بعد.",
    "no_job": "لا يوجد تحليل بهذا الرقم: ربما حُذف.",
    "folder_missing": "المجلد غير موجود على الخادم.",
    "folders_disabled": "تحليل المجلدات معطّل على هذا الخادم: لم يحدّد مديره مجلدات يُسمح بتحليلها.",
    "folder_outside": "هذا المجلد خارج المجلدات المسموح بتحليلها.",
    "folder_unreadable": "تعذّرت قراءة هذا المجلد على الخادم.",
    "folder_path_needed": "اكتب المسار الكامل لمجلد على الخادم (يبدأ بالعلامة /).",
    "not_cancellable": "انتهى هذا التحليل، فلا يمكن إلغاؤه.",
    "login_needed": "هذا الخادم يطلب رمز الدخول: سجّل الدخول أولًا.",
    "login_failed": "رمز الدخول غير صحيح.",
}

FAILURE_REASONS: dict[str, str] = {
    "timeout": "استغرق التحليل أكثر من المدة المسموح بها ({duration})، فأُوقف.",
    "too_many_pages": "في المدخلات أكثر من {pages} صفحة، وهو أقصى ما يُحلَّل في مهمة واحدة.",
    "memory": "احتاج التحليل إلى ذاكرة أكثر من المسموح به ({megabytes} ميغابايت)، فأُوقف.",
    "cancelled": "أُلغي التحليل بطلب من المستخدم.",
    "interrupted": "توقّف الخادم قبل أن يكتمل التحليل.",
    "crashed": "توقّف التحليل فجأة قبل أن يكتمل.",
    "config": "إعدادات التحليل على الخادم غير صالحة؛ راجع مدير الخادم.",
    "internal": "تعذّر إكمال التحليل بسبب خطأ داخلي سُجّل على الخادم.",
}
"""Why a job failed, as the user reads it (``Job.reason`` holds the key). Never the exception's
own text: that may name server paths or internals; the server's log keeps the details."""

FOLDER_SKIPS: dict[str, str] = {
    "outside": "skipped: a link to a place outside the folders this server may analyse",
    "unreadable": "skipped: this folder cannot be read",
    "loop": "skipped: a link back to a folder already read",
    "special": "skipped: not a regular file (a device, a pipe or a socket)",
}
"""Why a file or folder under an analysed folder was not read (listed in the dossier's errors,
beside the reader's own English reasons)."""
