"""Word lists and cue phrases used by the summariser (data only, no logic)."""

from __future__ import annotations

# Function words carrying no topic, written as they appear; they are normalised before use.
_STOP_WORDS_TEXT = """
    في من إلى الى على عن مع ثم أو او أم بل لكن لكنّ حتى إذ إذا اذا إن ان أن أنّ إنّ كان كانت يكون
    تكون كانوا قد لقد لم لن لا ما ماذا لماذا كيف أين متى هل هذا هذه ذلك تلك هؤلاء أولئك الذي التي
    الذين اللذين اللتين اللواتي هو هي هم هن هما أنا نحن أنت أنتم كل بعض أي أيّ غير سوى عند عندما
    بين بينما خلال حول ضد لدى منذ قبل بعد فوق تحت أمام وراء دون كما أيضا أيضاً وقد وكان وكانت
    فيما فيه فيها منه منها عليه عليها إليه إليها له لها لهم به بها بهم ذات ليس ليست مثل إلا الا
    عبر نحو حيث وفق جدا جداً قال قالت يقول تقول وقال وقالت أكد أكدت وأكد وأضاف أضاف أضافت
    وأضافت أشار أشارت وأشار وأوضح أوضح بحسب حسب وفقا وفقاً يوم اليوم أمس الأحد الاثنين الثلاثاء
    الأربعاء الخميس الجمعة السبت وذلك التى الى عليهم عام العام
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

# Inflectional suffixes (dual, plural, nisba, feminine, attached pronouns), normalised (ة is ه),
# longest first; one is stripped so that الروسية / الروسيتين / روسي meet at روس.
SUFFIXES: tuple[str, ...] = (
    "يتين",
    "يتان",
    "تين",
    "تان",
    "هما",
    "كما",
    "يين",
    "يون",
    "يات",
    "ين",
    "ون",
    "ات",
    "ان",
    "يه",
    "ها",
    "هم",
    "كم",
    "نا",
    "ه",
    "ي",
)

# Words that cannot open a sentence: a paragraph starting with one continues the paragraph
# before it, which the page broke in two (both halves are fragments).
_CONTINUATION_TEXT = "التي الذي الذين اللتي اللاتي اللواتي اللذين اللتين اللذان اللتان والتي والذي"
CONTINUATION_STARTS: frozenset[str] = frozenset(_CONTINUATION_TEXT.split())

# Sentence ends that mark a question; questions do not summarise, they ask.
QUESTION_MARKS: frozenset[str] = frozenset("?؟")

# Characters that may close a complete sentence (a paragraph without one is a heading).
SENTENCE_ENDS: frozenset[str] = frozenset(".!?؟…。\"'»”)")

# Phrases that mark photo captions, credits, calls to action and links, not reporting.
CAPTION_CUES: tuple[str, ...] = (
    "صورة أرشيفية",
    "صورة ارشيفية",
    "الصورة:",
    "مصدر الصورة",
    "حقوق الصورة",
    "صورة من",
    "(صورة",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "اقرأ ايضا",
    "إقرأ أيضا",
    "شاهد أيضا",
    "شاهد:",
    "شاهد الفيديو",
    "تابعونا",
    "تابعوا",
    "اشترك",
    "للمزيد",
    "حمّل تطبيق",
    "حمل تطبيق",
    "جميع الحقوق",
    "كل الحقوق",
    "أخبار ذات صلة",
    "مواضيع ذات صلة",
    "شارك الخبر",
    "شارك عبر",
    "وسوم:",
    "الوسوم:",
    "الكلمات المفتاحية",
    "http",
    "www.",
)

# A dateline opening an article's first sentence: a place, maybe a source in brackets, then a
# dash ("موسكو (رويترز) - ", "القاهرة - أ ف ب: ", "واشنطن ـ «المدار»: "), or a place and a
# bracketed source then a colon ("دمشق (سانا): "), or several places joined by dashes when a
# bracketed source closes them ("موسكو - واشنطن (المدار) - "). At most four words per place. A
# bare colon does not count: "قال بوتين: …" is a quote, not a dateline. The summary quotes what
# follows it.
_PLACE = r"(?:[^\s()«»\-–—ـ:]+\s+){0,3}[^\s()«»\-–—ـ:]+\s*"
_SOURCE = r"[(«][^()«»]{1,40}[)»]\s*"
_DASH = r"[-–—ـ]\s*"
_AGENCY = r"(?:(?:[^\s\-–—ـ:]+\s+){0,2}[^\s\-–—ـ:]+\s*:)?"
DATELINE_PATTERN = (
    rf"^\s*(?:(?:{_PLACE}{_DASH})+{_PLACE}{_SOURCE}(?:{_DASH}|:)"
    rf"|{_PLACE}(?:{_SOURCE})?{_DASH}{_AGENCY}"
    rf"|{_PLACE}{_SOURCE}:)\s+"
)

NO_TERM_CHARS = ".…|"
"""Characters that are never part of a content term: a title word made of them alone (the
" .. " event titles join headline parts with) has no terms to look up."""
