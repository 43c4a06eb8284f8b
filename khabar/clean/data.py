"""Cue phrases of page chrome, related-story links, datelines and languages, apart from logic.

Phrases are written as they appear on pages; the code normalises them (``khabar.arabic.normalize``,
lower case, outer punctuation stripped) once, and compares them with lines normalised the same way.
Each table maps a phrase to the ``RemovedBlock.reason`` recorded when a line matches it.
"""

from __future__ import annotations

LINE_CUES: dict[str, str] = {
    # navigation and page furniture
    "الرئيسية": "navigation",
    "الصفحة الرئيسية": "navigation",
    "القائمة": "navigation",
    "بحث": "navigation",
    "ابحث": "navigation",
    "تابعنا": "navigation",
    "تابعونا": "navigation",
    "تابعنا على": "navigation",
    "زر الذهاب إلى الأعلى": "navigation",
    "الذهاب إلى الأعلى": "navigation",
    "العودة إلى الأعلى": "navigation",
    "إلى الأعلى": "navigation",
    "عاجل": "navigation",
    "أخبار عاجلة": "navigation",
    "Notification": "navigation",
    "Notifications": "navigation",
    "Menu": "navigation",
    "Home": "navigation",
    "Search": "navigation",
    "Skip to content": "navigation",
    "تخطى إلى المحتوى": "navigation",
    "انتقل إلى المحتوى": "navigation",
    "Exit mobile version": "navigation",
    "Trending": "navigation",
    "Breaking": "navigation",
    "Breaking News": "navigation",
    "Load more": "navigation",
    "المزيد": "navigation",
    "عرض المزيد": "navigation",
    "تحميل المزيد": "navigation",
    "المقال السابق": "navigation",
    "المقال التالي": "navigation",
    "الخبر السابق": "navigation",
    "الخبر التالي": "navigation",
    "Previous article": "navigation",
    "Next article": "navigation",
    "Previous post": "navigation",
    "Next post": "navigation",
    # dateline words left alone on a line by the scraper
    "Published": "dateline",
    "Updated": "dateline",
    "Posted": "dateline",
    "on": "dateline",
    "تم النشر": "dateline",
    "نشر في": "dateline",
    "آخر تحديث": "dateline",
    # sharing
    "مشاركة": "share",
    "شارك": "share",
    "شارك المقال": "share",
    "شارك الخبر": "share",
    "شارك هذا المقال": "share",
    "انسخ الرابط": "share",
    "نسخ الرابط": "share",
    "تم نسخ الرابط": "share",
    "طباعة": "share",
    "Share": "share",
    "Share this": "share",
    "Share this article": "share",
    "Tweet": "share",
    "Copy link": "share",
    "Link copied": "share",
    "Print": "share",
    "Email": "share",
    "Facebook": "share",
    "Twitter": "share",
    "X": "share",
    "WhatsApp": "share",
    "Telegram": "share",
    "LinkedIn": "share",
    "فيسبوك": "share",
    "تويتر": "share",
    "واتساب": "share",
    "تيليجرام": "share",
    "تلغرام": "share",
    "البريد الإلكتروني": "share",
    # comments
    "اترك تعليق": "comments",
    "اترك تعليقا": "comments",
    "اترك تعليقاً إلغاء الرد": "comments",
    "أضف تعليق": "comments",
    "أضف تعليقك": "comments",
    "إلغاء الرد": "comments",
    "التعليقات": "comments",
    "تعليقات": "comments",
    "آراء القراء": "comments",
    "تعليقات القراء": "comments",
    "تعليقات الزوار": "comments",
    "تعليقات فيسبوك": "comments",
    "أضف تعليقا": "comments",
    "شارك برأيك": "comments",
    "اكتب تعليقك": "comments",
    "Leave a comment": "comments",
    "Leave a Reply": "comments",
    "Cancel reply": "comments",
    "Comments": "comments",
    "Comment": "comments",
    "Post Comment": "comments",
    "Name *": "comments",
    "Email *": "comments",
    "Website": "comments",
    "إرسال التعليق": "comments",
    "أرسل التعليق": "comments",
    "التعليق": "comments",
    "الاسم *": "comments",
    "البريد الإلكتروني *": "comments",
    "الموقع الإلكتروني": "comments",
    "إغلاق": "navigation",
    "أغلق": "navigation",
    "البحث عن:": "navigation",
    "القائمة الجانبية": "navigation",
    "Close": "navigation",
    "Pin": "share",
    "Reddit": "share",
    "Tumblr": "share",
    "Pinterest": "share",
    "Messenger": "share",
    # signing in and subscribing
    "Welcome Back!": "sign_in",
    "Sign in to your account": "sign_in",
    "Lost your password?": "sign_in",
    "Remember me": "sign_in",
    "Sign in": "sign_in",
    "Log in": "sign_in",
    "Register": "sign_in",
    "تسجيل الدخول": "sign_in",
    "تسجيل الخروج": "sign_in",
    "نسيت كلمة المرور": "sign_in",
    "اشترك": "subscribe",
    "اشترك الآن": "subscribe",
    "اشترك في النشرة البريدية": "subscribe",
    "النشرة البريدية": "subscribe",
    "Subscribe": "subscribe",
    "Newsletter": "subscribe",
    # advertising
    "إعلان": "ads",
    "إعلانات": "ads",
    "Advertisement": "ads",
    "Sponsored": "ads",
    # footer
    "سياسة الخصوصية": "footer",
    "شروط الاستخدام": "footer",
    "اتصل بنا": "footer",
    "من نحن": "footer",
    "Privacy Policy": "footer",
    "Contact us": "footer",
    "About us": "footer",
    "Terms of Use": "footer",
}
"""Lines that are chrome when they are the whole line."""

RELATED_HEADERS: tuple[str, ...] = (
    "أخبار ذات صلة",
    "مقالات ذات صلة",
    "مواضيع ذات صلة",
    "موضوعات ذات صلة",
    "قصص ذات صلة",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "إقرأ أيضا",
    "اقرأ المزيد",
    "شاهد أيضا",
    "شاهد ايضاً",
    "طالع أيضا",
    "قد يهمك",
    "قد يهمك أيضا",
    "قد يعجبك أيضا",
    "اخترنا لك",
    "المزيد من الأخبار",
    "المزيد من",
    "المزيد عن",
    "لمزيد من الأخبار",
    "أخبار متعلقة",
    "مواد متعلقة",
    "ننصحك بقراءة",
    "موضوعات قد تهمك",
    "المزيد من المقالات",
    "آخر الأخبار",
    "أحدث الأخبار",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "الأكثر شعبية",
    "الأكثر قراءة اليوم",
    "المزيد من المؤلف",
    "Related",
    "Related articles",
    "Related posts",
    "Related news",
    "Read also",
    "Read more",
    "See also",
    "You may also like",
    "You might also like",
    "Related Posts",
    "More from",
    "More stories",
    "Latest news",
    "Most read",
    "Popular",
)
"""Headings of related / trending story lists: the heading and the story links under it go.
With text after a colon on the same line (``شاهد ايضاً: …``) the whole line is one inserted link."""

PREFIX_CUES: dict[str, str] = {
    "Reading:": "title",
    "المقال السابق": "navigation",
    "المقال التالي": "navigation",
    "الخبر السابق": "navigation",
    "الخبر التالي": "navigation",
    "Previous article": "navigation",
    "Next article": "navigation",
    "©": "footer",
    "Copyright": "footer",
    "حقوق النشر": "footer",
    "Tags:": "tags",
    "Tags": "tags",
    "الوسوم:": "tags",
    "الوسوم": "tags",
    "وسوم:": "tags",
    "كلمات مفتاحية": "tags",
    "كلمات دلالية": "tags",
    "الكلمات الدلالية": "tags",
    "الكلمات المفتاحية": "tags",
    "تصنيفات:": "tags",
    "Categories:": "tags",
    "اشترك في": "subscribe",
    "تابعونا على": "navigation",
    "تابعنا على": "navigation",
    "لن يتم نشر عنوان بريدك الإلكتروني": "comments",
    "احفظ اسمي": "comments",
    "Your email address will not be published": "comments",
    "Save my name": "comments",
    "You must be logged in": "comments",
    "اشترك في نشرتنا": "subscribe",
    "يجب أن تكون مسجل الدخول": "comments",
    "Please enter your": "comments",
    "Leave a Reply": "comments",
    "اترك رداً": "comments",
    "اترك ردا": "comments",
    "You have entered an incorrect": "comments",
    "للاشتراك": "promo",
    "اضغط هنا": "promo",
    "انقر هنا": "promo",
    "حمل تطبيق": "promo",
    "حمّل تطبيق": "promo",
    "تابعوا آخر الأخبار": "promo",
    "تابع آخر الأخبار": "promo",
    "لمتابعة آخر الأخبار": "promo",
    "تابعونا عبر": "promo",
    "Follow us": "promo",
    "Click here": "promo",
}
"""Lines that are chrome when they start with the phrase."""

CONTAINS_CUES: dict[str, str] = {
    "جميع الحقوق محفوظة": "footer",
    "كل الحقوق محفوظة": "footer",
    "All rights reserved": "footer",
    "الحقول الإلزامية مشار إليها": "comments",
}
"""Lines that are chrome when they contain the phrase anywhere."""

END_OF_ARTICLE: frozenset[str] = frozenset(
    {"navigation", "comments", "sign_in", "footer", "subscribe"}
)
"""Reasons whose lines, met after the article, mark the page's tail: article text does not
continue across them (used as barriers when the body span is chosen)."""

TAIL_HEADERS: tuple[str, ...] = (
    "آخر الأخبار",
    "أحدث الأخبار",
    "الأكثر قراءة",
    "الأكثر مشاهدة",
    "الأكثر تداولا",
    "الأكثر شعبية",
    "الأكثر قراءة اليوم",
    "Latest news",
    "Most read",
    "Popular",
)
"""Related-list headings of sidebars (latest, most read) rather than of inline links: they mark
the tail of the page like the chrome reasons above."""

DATELINE_CUES: tuple[str, ...] = (
    "تم النشر",
    "نشر في",
    "نشر بتاريخ",
    "نشر يوم",
    "تاريخ النشر",
    "بتاريخ",
    "Published",
    "Published on",
    "Posted on",
    "Posted",
    "Date:",
    "التاريخ:",
)
"""Words that introduce the publish date on a line."""

UPDATE_CUES: tuple[str, ...] = ("آخر تحديث", "تم التحديث", "تحديث", "Updated", "Last updated")
"""Words that introduce an update date: used only when no publish date is given."""

BYLINE_CUES: tuple[str, ...] = (
    "بقلم",
    "بواسطة",
    "كتب",
    "كتبت",
    "إعداد",
    "تحرير",
    "By",
    "Author:",
    "الكاتب:",
)
"""Words that introduce a byline (dropped from the body as ``byline``)."""

TERMINAL_PUNCTUATION = ".!?؟:;…)]»”\"'۔"
"""Characters that end a sentence or a closed unit; a paragraph ending otherwise may be broken."""

BULLETS = "•·▪►◄■□●○◦‣⁃-–—*|»«›‹"
"""Characters that start menu and list items."""

BREADCRUMB_SEPARATORS: tuple[str, ...] = (" > ", " » ", " › ", " / ", " « ", " ‹ ", " < ")
"""Separators of breadcrumb trails (``Home > World > Title``)."""

HOME_WORDS: tuple[str, ...] = ("الرئيسية", "الصفحة الرئيسية", "Home")
"""First steps of breadcrumb trails written without spaces (``الرئيسية/أخبار/العنوان``)."""

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "that",
            "for",
            "it",
            "with",
            "as",
            "was",
            "on",
            "by",
            "are",
            "this",
            "be",
            "from",
            "at",
            "have",
            "an",
            "has",
            "said",
            "not",
            "but",
            "were",
            "which",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "des",
            "du",
            "et",
            "est",
            "un",
            "une",
            "que",
            "qui",
            "dans",
            "pour",
            "sur",
            "pas",
            "par",
            "au",
            "aux",
            "avec",
            "ce",
            "cette",
            "sont",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "que",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "se",
            "no",
            "su",
            "al",
            "lo",
            "como",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ein",
            "eine",
            "zu",
            "den",
            "von",
            "mit",
            "sich",
            "des",
            "auf",
            "für",
            "im",
            "dem",
        ]
    ),
}
"""Frequent function words of Latin-script languages, for telling them apart."""

SCRIPT_LANGUAGES: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, "ar"),
    (0x0750, 0x077F, "ar"),
    (0x08A0, 0x08FF, "ar"),
    (0xFB50, 0xFDFF, "ar"),
    (0xFE70, 0xFEFF, "ar"),
    (0x0590, 0x05FF, "he"),
    (0x0400, 0x04FF, "ru"),
    (0x0370, 0x03FF, "el"),
    (0x4E00, 0x9FFF, "zh"),
    (0x0900, 0x097F, "hi"),
)
"""Unicode blocks whose letters mark a page's language (Arabic script is assumed Arabic)."""

TLD_LABELS: frozenset[str] = frozenset(
    [
        "com",
        "net",
        "org",
        "info",
        "biz",
        "co",
        "gov",
        "edu",
        "ac",
        "news",
        "tv",
        "me",
        "io",
        "uk",
        "fr",
        "de",
        "eg",
        "sa",
        "ae",
        "qa",
        "kw",
        "bh",
        "om",
        "jo",
        "lb",
        "sy",
        "iq",
        "ps",
        "ma",
        "dz",
        "tn",
        "ly",
        "sd",
        "ye",
        "mr",
        "tr",
        "ir",
        "ru",
        "us",
        "ca",
        "au",
        "int",
    ]
)
"""Host labels that are not an outlet's name (top-level and second-level domains)."""

HOST_PREFIXES: frozenset[str] = frozenset(
    ["www", "www1", "www2", "m", "ar", "arabic", "amp", "mobile", "en", "fr", "news", "beta"]
)
"""Host labels before the outlet's name (``www.``, ``ar.``, ``m.``)."""

BIDI_CONTROLS: frozenset[str] = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Bidi marks, embeddings, overrides and isolates (ALM, LRM, RLM, LRE…RLO, LRI…PDI). Invisible,
yet they reorder the characters around them: in a title or an outlet name, an override makes one
outlet read as another. Removed from names and titles; body text keeps them (offsets)."""

ARTICLE_URL_SCHEMES: frozenset[str] = frozenset({"http", "https"})
"""URL schemes an article's address may have; anything else (``javascript:``, ``data:``,
``file:``) is dropped, never shown as a link."""
