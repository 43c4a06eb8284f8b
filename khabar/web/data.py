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
    "no_item": "لا يوجد في ملف الخبر عنصر بهذا الرقم.",
    "folder_missing": "المجلد غير موجود على الخادم.",
    "folders_disabled": "تحليل المجلدات معطّل على هذا الخادم: لم يحدّد مديره مجلدات يُسمح بتحليلها.",
    "folder_outside": "هذا المجلد خارج المجلدات المسموح بتحليلها.",
    "folder_unreadable": "تعذّرت قراءة هذا المجلد على الخادم.",
    "folder_path_needed": "اكتب المسار الكامل لمجلد على الخادم (يبدأ بالعلامة /).",
    "not_cancellable": "انتهى هذا التحليل، فلا يمكن إلغاؤه.",
    "login_needed": "هذا الخادم يطلب رمز الدخول: سجّل الدخول أولًا.",
    "login_failed": "رمز الدخول غير صحيح.",
    "not_multipart": "أرسل الصفحات في نموذج رفع ملفات (multipart/form-data).",
    "file_too_large": "الملف «{name}» أكبر من الحد المسموح به للملف الواحد ({limit}).",
    "request_too_large": (
        "الملفات المرفوعة معًا أكبر من الحد المسموح به للرفع الواحد ({limit})؛ ارفعها على دفعات."
    ),
    "too_many_files": "الملفات أكثر من الحد المسموح به في الرفع الواحد ({count} ملفًا).",
    "form_too_large": "النموذج المرسَل أكبر من الحد المسموح به.",
    "bad_parameter": "في الطلب قيمة غير صالحة: {names}.",
    "bad_date": (
        "التاريخ «{value}» غير صالح: اكتب اليوم بالصيغة 2025-10-14، "
        "أو مدة مثل 2025-10-14..2025-10-16."
    ),
    "still_stopping": "ما زال هذا التحليل يتوقف؛ أعد المحاولة بعد لحظات.",
    "cross_site": "رُفض الطلب لأنه أُرسل من موقع آخر؛ استعمل صفحات خبر نفسها.",
    "unexpected_host": "رُفض الطلب: افتح الخادم بعنوانه المحلي، مثل http://127.0.0.1:8000/",
}

ARABIC_BYTE_UNITS = ("بايت", "كيلوبايت", "ميغابايت")
"""Units of a size said in Arabic, smallest first."""

STATUS_MESSAGES: dict[int, str] = {
    400: "تعذّر فهم الطلب.",
    401: MESSAGES["login_needed"],
    403: "هذا الطلب غير مسموح به.",
    404: "الصفحة أو العنصر المطلوب غير موجود.",
    405: "لا يُقبل هذا النوع من الطلبات على هذا العنوان.",
    409: "تعذّر تنفيذ الطلب في حالة التحليل الحالية.",
    413: "الطلب أكبر من الحد المسموح به.",
    415: "نوع المحتوى المرسَل غير مقبول.",
    422: "في الطلب قيمة غير صالحة.",
    500: "حدث خطأ داخلي سُجّلت تفاصيله على الخادم؛ أعد المحاولة، أو راجع مدير الخادم إن تكرر.",
}
"""An Arabic sentence for each HTTP status the app answers with, when nothing more particular
is known (a route that does not exist, a method not allowed, an unexpected exception)."""

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
