"""Language data of the claims stage: reporting verbs, stance cues, source phrases, link-bait tails.

Everything is written in ordinary Arabic spelling; the code normalises it (hamza forms, taa
marbuta, alef maqsura, diacritics) with :func:`khabar.arabic.normalize.normalize` before
matching, so ``أكد`` also matches ``اكد`` and ``مؤكدًا`` matches ``مؤكدا``.
"""

from __future__ import annotations

from khabar.arabic.data.places import SEAT_COUNTRIES

# ------------------------------------------------------------------------------------------
# Reporting verbs
# ------------------------------------------------------------------------------------------

REPORTING_VERBS: dict[str, tuple[str, ...]] = {
    # lemma: finite forms (past and present, 3rd person) that introduce a statement
    "قال": ("قال", "قالت", "قالوا", "قالا", "يقول", "تقول", "يقولون", "يقولان", "تقولان"),
    "أكد": ("أكد", "أكدت", "أكدوا", "أكدا", "يؤكد", "تؤكد", "يؤكدون", "يؤكدان", "تؤكدان"),
    "أعلن": ("أعلن", "أعلنت", "أعلنوا", "أعلنا", "يعلن", "تعلن", "يعلنون", "يعلنان", "تعلنان"),
    "صرح": ("صرح", "صرحت", "صرحوا", "يصرح", "تصرح"),
    "أفاد": ("أفاد", "أفادت", "أفادوا", "يفيد", "تفيد"),
    "أشار": ("أشار", "أشارت", "أشاروا", "يشير", "تشير"),
    "أوضح": ("أوضح", "أوضحت", "أوضحوا", "يوضح", "توضح"),
    "ذكر": ("ذكر", "ذكرت", "ذكروا", "يذكر", "تذكر"),
    "حذر": ("حذر", "حذرت", "حذروا", "يحذر", "تحذر", "يحذرون", "يحذران", "تحذران"),
    "أضاف": ("أضاف", "أضافت", "أضافوا", "يضيف", "تضيف"),
    "كشف": ("كشف", "كشفت", "كشفوا", "يكشف", "تكشف"),
    "اعتبر": ("اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر"),
    "رأى": ("رأى", "رأت", "يرى", "ترى"),
    "شدد": ("شدد", "شددت", "شددوا", "يشدد", "تشدد"),
    "أعرب": ("أعرب", "أعربت", "أعربوا", "يعرب", "تعرب"),
    "زعم": ("زعم", "زعمت", "زعموا", "يزعم", "تزعم"),
    "ادعى": ("ادعى", "ادعت", "ادعوا", "يدعي", "تدعي"),
    "نفى": ("نفى", "نفت", "نفوا", "ينفي", "تنفي", "ينفون", "ينفيان", "تنفيان"),
    "نقل": ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل"),
    "اتهم": ("اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم", "يتهمون", "يتهمان", "تتهمان"),
    "رجح": ("رجح", "رجحت", "رجحوا", "يرجح", "ترجح"),
    "وصف": ("وصف", "وصفت", "وصفوا", "يصف", "تصف"),
    "رفض": ("رفض", "رفضت", "رفضوا", "يرفض", "ترفض"),
    "تبرأ": ("تبرأ", "تبرأت", "يتبرأ", "تتبرأ"),
    "فند": ("فند", "فندت", "يفند", "تفند"),
    "شكك": ("شكك", "شككت", "شككوا", "يشكك", "تشكك"),
    "أبدى": ("أبدى", "أبدت", "أبدوا", "يبدي", "تبدي"),
    "رد": ("رد", "ردت", "يرد", "ترد"),
    "أدان": ("أدان", "أدانت", "دان", "دانت", "يدين", "تدين", "ندد", "نددت", "يندد", "تندد"),
    "نعت": ("نعت", "ينعت", "تنعت"),
    "أجمع": ("أجمع", "أجمعت", "أجمعوا", "يجمع", "تجمع", "يجمعون"),
}
"""Finite reporting verbs by lemma (plural and dual present forms where headlines use them:
مسؤولون ينفون …، العثيمين يزور البابا ويؤكدان …). A leading و or ف clitic is accepted on any of
them. A call
(دعا، طالب) is not among them: the outlet narrates it as an act (دعت الأمم المتحدة إلى تحقيق)."""

CHARGE_VERBS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "حمل": (
        ("حمل", "حملت", "حملوا", "يحمل", "تحمل", "يحملون"),
        ("مسؤولية", "المسؤولية", "بالمسؤولية", "مسؤوليات"),
    ),
    "وجه": (
        ("وجه", "وجهت", "وجهوا", "يوجه", "توجه"),
        ("اتهام", "الاتهام", "اتهامات", "الاتهامات", "اتهاما", "تهمة", "التهمة", "تهما"),
    ),
}
"""Verbs that report a charge only with the noun that makes it one (حمّلت الرئاسة حماس
المسؤولية، وجهت الرئاسة أصابع الاتهام لحماس); alone they carry or turn (حملت الطائرة،
توجه الوفد إلى …). Lemma: (finite forms, the nouns of which one must follow within
CHARGE_REACH words)."""

CHARGE_REACH = 14
"""Most words between a charge verb and its noun (حملت الرئاسة الفلسطينية حركة حماس، التي تسيطر
على قطاع غزة منذ 2007، المسؤولية: eleven)."""

ACCUSATION_LEMMAS: frozenset[str] = frozenset({"اتهم", "حمل", "وجه"})
"""Lemmas whose object is the accused: after a sentence-initial one the speaker ends where the
accused begins (اتهمت الرئاسة الفلسطينية حركة حماس بالوقوف …)."""

MAX_ACCUSER_WORDS = 14
"""Longest accuser read between an accusation verb and the accused named before its charge
(اتهمت وفود الدول الغربية في الجلسة الطارئة للمنظمة … في لاهاي روسيا بتقويض …)."""

OPENER_ONLY_LEMMAS: frozenset[str] = frozenset({"رفض", "رد", "ادعى", "أدان", "أجمع"})
"""Lemmas that introduce a statement only when أن / إن / a colon / a quote opens what was said,
or what follows names a claim (رفض الكرملين إشارات بأنه …، ترد على اتهامات: …); otherwise they
name an act (رفضت المحكمة الطعن، ردت القوات على مصادر النيران), a condemnation narrated (أدانت
الوزارة الهجوم; but دانت الخارجية "الاحتلال التركي …": the quoted words are hers), a gathering
(يجمع الأموال; but يجمع متابعون على أن …: they agree that) or, for يدعي,
are the passive يُدعى that gives a name (شخص يدعى ريتشارد راسل)."""

OBJECT_LEMMAS: frozenset[str] = frozenset({"وصف", "حمل", "وجه", "نعت"})
"""Lemmas whose object is what is said, however far an أن stands after it (وصف لافروف ادعاءات
بريطانيا … بأنها "هراء": the claim is the accusations, بأنها opens the speaker's verdict)."""

NAMING_LEMMAS: frozenset[str] = frozenset({"نعت"})
"""Lemmas that describe their object only with بـ and the name given (نعت عباس السفير بـ"…"):
without a بـ word before the next verb, نعت is the feminine past of نعى (mourned) and names no
claim."""

DOUBT_LEMMAS: frozenset[str] = frozenset({"شكك"})
"""Lemmas by which a speaker doubts what it answers: the statement is unconfirmed."""

REPORTING_PARTICIPLES: tuple[str, ...] = (
    "مؤكدا",
    "مؤكدة",
    "مؤكدين",
    "مشيرا",
    "مشيرة",
    "مشيرين",
    "موضحا",
    "موضحة",
    "مضيفا",
    "مضيفة",
    "معتبرا",
    "معتبرة",
    "محذرا",
    "محذرة",
    "معربا",
    "معربة",
    "مشددا",
    "مشددة",
    "لافتا",
    "لافتة",
    "نافيا",
    "نافية",
    "قائلا",
    "قائلة",
    "واصفا",
    "واصفة",
    "مرجحا",
    "مرجحة",
    "مستنكرا",
    "مستنكرة",
)
"""Circumstantial participles (… مؤكدًا أن) whose speaker is the subject of the clause before."""

DENIAL_LEMMAS: frozenset[str] = frozenset({"نفى", "رفض", "تبرأ", "فند"})
"""Lemmas whose statement is a denial of its content."""

SPEAKERLESS_LEMMAS: frozenset[str] = frozenset({"نفى"})
"""Lemmas kept as a statement inside a sentence even where no speaker is reachable (… ونفى
مقتل …): the denial itself is the claim, read in the outlet's voice."""

DENIAL_PARTICIPLES: frozenset[str] = frozenset({"نافيا", "نافية", "مستنكرا", "مستنكرة"})

RELAY_LEMMAS: frozenset[str] = frozenset({"نقل"})
"""Lemmas by which an outlet or agency relays a source named after عن (نقلت رويترز عن مصدر …):
the source is the speaker, the relay only when it names none."""

RELAY_SOURCE_REACH = 4
"""Most words between a relay's own name and the عن that names its source (نقلت وكالة الأنباء
السعودية "واس" بيانا عن النائب العام)."""

CLAIM_LEMMAS: frozenset[str] = frozenset({"زعم", "ادعى"})
"""Lemmas by which an outlet distances itself from what is said (still attributed)."""

REPORTING_NOUNS: tuple[str, ...] = ("اتهام", "تأكيد", "إعلان", "نفي", "تحذير", "ادعاء", "زعم")
"""Nouns of saying that, with «its / his / their» and after a linking word (إثر اتهامها لـ …،
عقب إعلانه أن …), report what the sentence's subject says."""

REPORTING_NOUN_LINKS: tuple[str, ...] = ("إثر", "بعد", "عقب", "غداة", "رغم", "مع", "وسط")
"""Words that link a reporting noun to the clause before it (قررت الحكومة طرد … إثر اتهامها)."""

POSSESSIVE_ENDINGS: tuple[str, ...] = ("هما", "هم", "ها", "ه")
"""«its / his / their» on a noun, longest first."""

COMPLEMENTIZERS: tuple[str, ...] = (
    "أن",
    "إن",
    "بأن",
    "وأن",
    "بان",
    "أنه",
    "إنه",
    "أنها",
    "إنها",
    "بأنه",
    "بأنها",
    "أنهم",
    "إنهم",
    "بأنهم",
    "أنهما",
    "إنهما",
    "بأنهما",
    "أننا",
    "إننا",
    "بأننا",
    "أنني",
    "إنني",
    "وإن",
)
"""Words that open the reported clause after a verb (أكد أن …، قال إن …، قالتا إنهما …)."""

TRAILING_SOURCE_CUES: tuple[str, ...] = ("حسب", "بحسب", "حسبما", "وفق", "وفقا", "طبقا")
"""Words that, near a sentence's end, name the source of the whole sentence (… حسب مسؤولين)."""

DATELINE_ENDS: tuple[str, ...] = (")—", ")--", ")–", ") —", ") --", ") –", ")-")
"""How an agency dateline ends before a sentence's first word (دبي، … (CNN)— قالت …)."""

OBJECT_PREPOSITIONS: tuple[str, ...] = ("عن", "إلى", "الى")
"""Prepositions left in front of a claim (أعلن عن …، أشار إلى …): the claim is what follows."""

FIRST_PERSON_WORDS: tuple[str, ...] = ("نحن", "ونحن", "لنا", "إننا", "أننا", "لدينا", "علينا",
                                       "عندنا", "منا", "بنا", "نحنا", "لسنا")  # fmt: skip
"""Words by which a headline's words after a colon speak for whoever stands before it (موسكو:
لا علاقة لنا …): the place is a speaker, not the story's label."""

FIRST_PERSON_ENDINGS: tuple[str, ...] = ("تنا", "اتنا")
"""Endings of a noun with «our» (ضرباتنا، قواتنا، حكومتنا), read the same way."""

TITLE_LABELS: tuple[str, ...] = ("فيديو", "بالفيديو", "صور", "بالصور", "شاهد", "مباشر", "عاجل",
                                 "تقرير", "تحليل", "إنفوغراف", "انفوجراف", "حوار", "مقابلة",
                                 "رأي", "تحقيق", "ريبورتاج", "روبورتاج")  # fmt: skip
"""Words that label a headline by its form (فيديو: …، مباشر: …): what stands before the colon
is no speaker."""

TOPIC_OPENERS: tuple[str, ...] = ("مقتل", "قتلى", "قتيل", "قتيلا", "إصابة", "جرحى", "انفجار",
                                  "تفجير", "هجوم", "غارات", "غارة", "اشتباكات", "زلزال",
                                  "فيضانات", "احتجاجات", "مظاهرات", "تظاهرات", "حريق", "اعتقال",
                                  "إعدام", "تحطم", "غرق", "انتخابات", "إنقاذ", "حصيلة",
                                  "ارتفاع")  # fmt: skip
"""Nouns of an event that open a headline's words after a place and a colon (باكستان: مقتل 12
شخصا … في بيشاور): the place is where it happened, not who says it, unless it is a seat of
government that stands for its state (SEAT_COUNTRIES: دمشق، الكرملين)."""

TITLE_HEAD_TOPICS: tuple[str, ...] = ("ردا", "رداً", "بشأن", "حول", "تعليقا", "تعليقاً")
"""Words after a headline's speaker, before its colon, that say what it answers or speaks
about (ميركل ردا على ترمب: …، روسيا بشأن الجاسوس: …): the speaker ends before them."""

MAX_TITLE_SPEAKER_WORDS = 4
"""Longest phrase before a headline's colon read as its speaker (مسؤولان بأمريكا: …); longer ones
are topic labels (افتتاح السفارة الأمريكية في القدس: …)."""

REPORT_OPENERS: tuple[str, ...] = (
    "إلى أن",
    "الى أن",
    "على أن",
    "من أن",
    "عن",
)
"""Prepositions that may open the reported clause (أشار إلى أن، حذر من أن، شدد على أن)."""

# ------------------------------------------------------------------------------------------
# Speakers
# ------------------------------------------------------------------------------------------

SPEAKER_LEADING_TIMES: tuple[str, ...] = ("أمس", "اليوم", "الإثنين", "الاثنين", "الثلاثاء",
                                          "الأربعاء", "الخميس", "الجمعة", "السبت",
                                          "الأحد")  # fmt: skip
"""Time words that may stand between a verb and its speaker (أعلن الثلاثاء الإعلام السوري …)."""

SPEAKER_STOP_WORDS: tuple[str, ...] = (
    "أن",
    "إن",
    "بأن",
    "خلال",
    "في",
    "أمس",
    "اليوم",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "الاثنين",
    "الإثنين",
    "يوم",
    "لـ",
    "عن",
    "على",
    "إلى",
    "قبل",
    "بعد",
    "مؤخرا",
    "أيضا",
    "كذلك",
    "عبر",
    "أثناء",
    "عقب",
    "لدى",
    "من",
    "حيث",
    "بينما",
    "فيما",
    "فيه",
    "فيها",
    "له",
    "لها",
)
"""Words at which a speaker phrase read after a verb ends (قال X خلال …، قال X في بيان)."""

MAX_SPEAKER_TOKENS = 9
"""Longest speaker phrase, in words (المتحدث باسم وزارة الخارجية الروسية ماريا زاخاروفا)."""

SPEAKER_HEADS: tuple[str, ...] = (
    "الرئيس",
    "رئيس",
    "وزير",
    "وزيرة",
    "المتحدث",
    "المتحدثة",
    "الناطق",
    "الناطقة",
    "المبعوث",
    "المبعوثة",
    "السفير",
    "السفيرة",
    "مندوب",
    "مندوبة",
    "المندوبة",
    "الأمين",
    "المندوب",
    "قائد",
    "القائد",
    "مدير",
    "المدير",
    "مستشار",
    "المستشار",
    "زعيم",
    "الزعيم",
    "نائب",
    "عضو",
    "رئيسة",
    "الملك",
    "الأمير",
    "الشيخ",
    "ولي",
    "المرشد",
    "البيت",
    "الكرملين",
    "الخارجية",
    "وزارة",
    "الحكومة",
    "الجيش",
    "الرئاسة",
    "البنتاغون",
    "مكتب",
    "المكتب",
    "بيان",
    "الأمم",
    "الشرطة",
    "الوكالة",
    "وكالة",
    "صحيفة",
    "موقع",
    "قناة",
    "السلطات",
    "سلطات",
    "الإدارة",
    "إدارة",
    "المرصد",
    "الهيئة",
    "هيئة",
    "المجلس",
    "مجلس",
    "اللجنة",
    "منظمة",
    "الحزب",
    "حزب",
    "حركة",
    "الحركة",
    "مسؤول",
    "المسؤول",
    "الخبير",
    "خبير",
    "المحلل",
    "محلل",
    "الناشط",
    "ناشط",
    "الجانب",
    "الطرف",
    "الزعيمان",
    "الرئيسان",
    "الجانبان",
    "الطرفان",
    "البلدان",
    "الوزير",
    "النائب",
    "المدعي",
    "العميد",
    "اللواء",
    "قوات",
    "القوات",
    "الوزارة",
    "النيابة",
    "الإعلام",
    "التلفزيون",
)
"""Words that can open a speaker phrase when no named entity was found after the verb."""

IMPERSONAL_VERBS: tuple[str, ...] = ("يذكر",)
"""Present forms that, opening a sentence before أن, are read impersonally (يُذكر أن …، ويذكر
أن …: it is recalled that): the outlet's own background, no one's statement."""

OWN_REPORTERS: tuple[str, ...] = ("مراسلنا", "مراسلتنا", "مراسلونا", "مراسلينا", "موفدنا",
                                 "موفدتنا")  # fmt: skip
"""The outlet's own correspondents («our correspondent»): what they report (أفاد مراسلنا في
اليمن بمقتل …) is the outlet's own voice, not someone it attributes a claim to."""

STATEMENT_NOUNS: tuple[str, ...] = ("بيان", "بلاغ", "تصريح", "تصريحات", "تقرير", "رسالة")
"""Nouns of a text a source issued: a trailing source «بحسب بيان لـX» is X, not the text."""

MEDIA_HEADS: tuple[str, ...] = ("وكالة", "صحيفة", "قناة", "موقع", "مجلة", "إذاعة", "تلفزيون")
"""Nouns of a medium: after ل (لوكالة رويترز، لصحيفة …) they say whom a source spoke to, which
ends the source's phrase."""

NISBA_ENDINGS: tuple[str, ...] = ("ي", "ية")
"""Endings of adjectives of origin or office that go on describing an unnamed source after its
first adjective (مصدر دبلوماسي يوناني، مسؤول أمني عراقي رفيع)."""

HONORIFICS: tuple[str, ...] = ("الدكتور", "الدكتورة", "د.", "العقيد", "العميد", "اللواء", "الركن",
                              "الفريق", "المقدم", "الرائد", "النقيب", "الشيخ", "السيد", "السيدة",
                              "المهندس", "القاضي", "الحاج")  # fmt: skip
"""Honorifics and ranks that may stand before a name set between commas after a title."""

SPEAKER_LINKS: tuple[str, ...] = ("باسم", "عن", "في", "لدى", "إلى", "الى")
"""Words that may stand inside a speaker phrase between two of its parts (المتحدث باسم …)."""

CONNECTIVES: tuple[str, ...] = (
    "كما",
    "وقد",
    "قد",
    "ثم",
    "فيما",
    "بينما",
    "كذلك",
    "لقد",
    "ولقد",
    "بدوره",
    "بدورها",
    "ولكن",
    "لكن",
    "بل",
    "وبدوره",
    "وبدورها",
    "أيضا",
    "فقد",
    "وكان",
    "كان",
    "وكانت",
    "كانت",
    "وفي",
    "المقابل",
    "بالمقابل",
    "وبالمقابل",
    "جهته",
    "جهتها",
    "جانبه",
    "جانبها",
    "من",
)
"""Words that may precede a sentence-initial verb without being its subject (كما أكد …)."""

CLAUSE_TAIL_OPENERS: tuple[str, ...] = (
    "لكن",
    "لكنه",
    "لكنها",
    "لكنهم",
    "ولكن",
    "ولكنه",
    "ولكنها",
    "وإن",
    "وأن",
    "وإنه",
    "وأنه",
    "إلا",
    "غير",
    "فيما",
    "بينما",
)
"""Words that open the next clause of a sentence (…، لكنه اتهم …، وإن موسكو تعتبر …): a few of
them left at the end of what was said, cut there by the next clause's verb, are not part of it."""

MAX_DANGLING_TAIL_WORDS = 3
"""Most words after the last comma that are taken for such a cut-off opening (، وإن موسكو)."""

CONTRAST_OPENERS: tuple[str, ...] = ("إلا", "غير", "بيد")
"""Words that, with the أن after them, open a clause without being its subject (إلا أن الرئيس
ترمب حذر إيران: the subject is الرئيس ترمب)."""

RELATIVE_PRONOUNS: tuple[str, ...] = (
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللواتي",
)
"""A reporting verb right after these heads a relative clause (التقارير التي أفادت بأنها …): it
is part of what is said, not a new statement."""

NOT_PARTICIPLE_BEFORE: tuple[str, ...] = ("غير", "وغير", "لغير", "بغير")
"""A participle after these is an adjective (تقارير غير مؤكدة), not a reporting participle."""

ANONYMOUS_SOURCES: tuple[str, ...] = (
    "مصدر",
    "مصادر",
    "مصدران",
    "مسؤولان",
    "دبلوماسيان",
    "مسؤول",
    "مسؤولون",
    "مسؤولين",
    "مسؤولة",
    "دبلوماسي",
    "دبلوماسيون",
    "دبلوماسيين",
    "شهود",
    "شاهد عيان",
    "مراقبون",
    "مراقبين",
    "خبراء",
    "الخبراء",
    "محللون",
    "مقربون",
    "مطلعون",
    "ناشطون",
    "سكان",
    "أوساط",
    "تقارير",
    "التقارير",
    "أنباء",
    "الأنباء",
    "وسائل",
    "معلومات",
    "مصادرنا",
)
"""Nouns that make a speaker anonymous unless a named entity follows (مصدر حكومي، مسؤولون)."""

ANAPHORS: tuple[str, ...] = ("هذه", "هذا", "ذلك", "تلك", "هؤلاء", "الأمر", "الاتهامات",
                              "الرواية", "المزاعم", "التقارير", "الأنباء")  # fmt: skip
"""Words by which a denial points back at what was said before (نفى ذلك، نفت هذه الرواية)."""

TIME_UNITS: tuple[str, ...] = ("يوم", "أيام", "يوما", "ساعة", "ساعات", "أسبوع", "أسابيع",
                               "شهر", "أشهر", "شهور", "عام", "أعوام", "سنة", "سنوات", "دقيقة",
                               "دقائق", "عاما")  # fmt: skip
"""Counts of time change with the day of writing; they are not compared across reports."""


# ------------------------------------------------------------------------------------------
# Reports, doubt and hedges
# ------------------------------------------------------------------------------------------

REPORT_CUES: tuple[str, ...] = (
    "تشير التقارير",
    "وتشير التقارير",
    "أشارت التقارير",
    "تفيد التقارير",
    "أفادت التقارير",
    "ذكرت التقارير",
    "تقارير إعلامية",
    "تقارير صحفية",
    "بحسب التقارير",
    "وفق التقارير",
    "وفقا للتقارير",
    "بحسب ما ورد",
    "وبحسب ما ورد",
    "حسب ما ورد",
    "وفق ما ورد",
    "بحسب ما أفيد",
    "بحسب مصادر",
    "وفق مصادر",
    "وفقا لمصادر",
    "حسب مصادر",
    "نقلا عن مصادر",
    "بحسب مصدر",
    "وفق مصدر",
    "وفقا لمصدر",
    "نقلا عن مصدر",
    "وفق مراقبين",
    "بحسب مراقبين",
    "كما يرى الخبراء",
    "يرى مراقبون",
    "يرى خبراء",
    "يقول مراقبون",
    "يقول خبراء",
    "أفادت أنباء",
    "تفيد أنباء",
    "تتحدث تقارير",
    "ترددت أنباء",
    "تداولت وسائل",
    "أفادت وسائل إعلام",
    "ذكرت وسائل إعلام",
    "بحسب وسائل إعلام",
    "يقال إن",
    "قيل إن",
    "يُقال",
    "تقارير",
    "أنباء عن",
)
"""Phrases by which an outlet passes on reports without naming who says it."""

UNCONFIRMED_CUES: tuple[str, ...] = (
    "غير مؤكدة",
    "غير مؤكد",
    "لم يتسن التأكد",
    "لم يتسنى التأكد",
    "لم يتم التأكد",
    "لم يمكن التحقق",
    "لم يتسن التحقق",
    "لا يمكن التحقق",
    "لم يتم التحقق",
    "دون تأكيد",
    "بدون تأكيد",
    "لم تؤكد",
    "لم يؤكد",
    "لم يتأكد",
    "لم تتأكد",
    "غير مؤكدة بعد",
    "لم يصدر تأكيد",
    "لم يتم تأكيد",
    "لم تتمكن من التحقق",
    "لم نتمكن من التحقق",
    "رفض التعليق",
    "رفضت التعليق",
    "رفضوا التعليق",
    "رفض مسؤولون",
    "امتنع عن التعليق",
    "امتنعت عن التعليق",
    "لم يعلق",
    "لم تعلق",
    "شائعات",
    "إشاعات",
    "مزاعم",
    "تضارب الأنباء",
    "تضاربت الأنباء",
    "تضارب الروايات",
    "تضاربت الروايات",
    "تضاربت التقارير",
    "أنباء متضاربة",
    "تقارير متضاربة",
    "روايات متضاربة",
)
"""Phrases by which an outlet says a report is unconfirmed or unverifiable (conflicting reports
included: تضاربت الأنباء حول سيطرة …)."""

UNCONFIRMED_SENTENCE_CUES: tuple[str, ...] = tuple(
    cue
    for cue in UNCONFIRMED_CUES
    if "التعليق" not in cue
    and not cue.startswith(("لم يعلق", "لم تعلق"))
    and cue not in ("رفض مسؤولون", "شائعات", "إشاعات", "مزاعم")
)
"""Cues strong enough to mark the sentence they stand in as unconfirmed on their own."""

NO_COMMENT_CUES: tuple[str, ...] = (
    "رفض التعليق",
    "رفضت التعليق",
    "رفضوا التعليق",
    "التعليق على الأمر",
    "امتنع عن التعليق",
    "امتنعت عن التعليق",
    "لم يعلق",
    "لم تعلق",
)
"""A following sentence like these keeps an unconfirmed report unconfirmed (no comment)."""

DENIAL_CUES: tuple[str, ...] = (
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "نفوا",
    "نافيا",
    "نافية",
    "كذب",
    "كذبت",
    "تكذب",
    "يكذب",
    "عار عن الصحة",
    "عارية عن الصحة",
    "لا أساس له من الصحة",
    "لا أساس لها من الصحة",
    "غير صحيح",
    "غير صحيحة",
    "لا صحة",
    "مفبركة",
    "مفبرك",
    "ملفقة",
)
"""Phrases that deny what the sentence reports."""

CONFIRMATION_NOUNS: tuple[str, ...] = ("تأكيد", "وتأكيد", "تأكيدات")
"""Nouns of confirmation: beside a denial in one sentence of the outlet's own voice (تأكيد سوري
ونفي أميركي), the outlet reports the claim as disputed, unconfirmed, not as denied."""

BASELESS_CUES: tuple[str, ...] = (
    "لا أساس",
    "عار عن الصحة",
    "عارية عن الصحة",
    "غير صحيح",
    "غير صحيحة",
    "لا صحة",
    "مفبركة",
    "ملفقة",
    "خاطئة تماما",
    "الخاطئة تماما",
    "كاذبة",
    "باطلة",
    "أكاذيب",
    "افتراءات",
    "هراء",
)
"""Words by which a speaker calls what it answers baseless: an attributed statement holding one
is a denial (الكرملين: "لا أساس" لاتهام روسيا بعرقلة …)."""

HEDGE_CUES: tuple[str, ...] = (
    "ربما",
    "يعتقد",
    "يُعتقد",
    "تعتقد",
    "يرجح",
    "يُرجح",
    "ترجح",
    "من المرجح",
    "من المحتمل",
    "يحتمل",
    "يُحتمل",
    "محتمل",
    "على ما يبدو",
    "يبدو أن",
    "ويبدو أن",
    "من المتوقع",
    "يتوقع",
    "يُتوقع",
    "من الممكن",
    "قد يكون",
    "لعل",
    "يشتبه",
    "يُشتبه",
    "يُزعم",
    "يزعم",
    "مزعوم",
    "مزعومة",
    "تكهنات",
    "يُظن",
    "يظن",
    "في حال",
    "حال ثبوت",
    "إذا ثبت",
    "إن ثبت",
    "لو ثبت",
    "في حالة",
    "لا يستبعد",
    "لا يُستبعد",
    "ولا يستبعد",
    "لا تستبعد",
    "من غير المستبعد",
)
"""Phrases that mark a statement as possible, believed or conditional rather than known (لا
يستبعد أن …: it is not ruled out that)."""

HEDGE_QAD = "قد"
"""قد before a present-tense verb (قد يؤدي) hedges; before a past verb (قد زار) it affirms."""

PRESENT_PREFIXES: tuple[str, ...] = ("ي", "ت", "ن")

# ------------------------------------------------------------------------------------------
# Headlines
# ------------------------------------------------------------------------------------------

LINK_BAIT_TAILS: tuple[str, ...] = (
    "إليكم التفاصيل",
    "اليكم التفاصيل",
    "إليك التفاصيل",
    "التفاصيل في الرابط",
    "في الرابط",
    "التفاصيل هنا",
    "اضغط هنا",
    "اضغط على الرابط",
    "شاهد الفيديو",
    "شاهد بالفيديو",
    "شاهد ماذا",
    "لن تصدق",
    "لن تصدقوا",
    "ستصدم",
    "ستُصدم",
    "صادم",
    "صدمة",
    "تعرف على",
    "تعرف عليها",
    "تعرف عليه",
    "تعرفوا على",
    "إليكم السبب",
    "اليكم السبب",
    "إليك السبب",
    "والسبب صادم",
    "السبب مفاجئ",
    "ما حدث بعد ذلك",
    "ماذا حدث",
    "بالفيديو",
    "بالصور",
    "فيديو",
    "التفاصيل كاملة",
    "كل التفاصيل",
    "إليكم القصة",
    "اعرف التفاصيل",
    "اقرأ المزيد",
)
"""Tails and phrases of link-bait headlines (… إليكم التفاصيل في الرابط)."""

LINK_BAIT_STRONG: tuple[str, ...] = (
    "إليكم التفاصيل",
    "اليكم التفاصيل",
    "إليك التفاصيل",
    "التفاصيل في الرابط",
    "في الرابط",
    "اضغط هنا",
    "اضغط على الرابط",
    "لن تصدق",
    "لن تصدقوا",
    "ستصدم",
    "ستُصدم",
    "إليكم السبب",
    "اليكم السبب",
    "إليك السبب",
    "والسبب صادم",
    "السبب مفاجئ",
    "ما حدث بعد ذلك",
    "إليكم القصة",
    "اعرف التفاصيل",
    "اقرأ المزيد",
    "التفاصيل هنا",
)
"""Phrases that make a headline link-bait wherever they stand."""

LINK_BAIT_TAIL_ONLY: tuple[str, ...] = (
    "تعرف على",
    "تعرف عليها",
    "تعرف عليه",
    "تعرفوا على",
    "التفاصيل كاملة",
    "كل التفاصيل",
    "شاهد الفيديو",
    "شاهد بالفيديو",
    "صادم",
)
"""Phrases that make a headline link-bait only in its tail (after .. or - or at the end)."""

QUESTION_MARKS: tuple[str, ...] = ("؟", "?")

NON_PARTICIPANT_CUES: tuple[str, ...] = (
    "السابق", "السابقة", "المخلوع", "المخلوعة", "الراحل", "الراحلة", "الأسبق", "المعزول",
    "الهارب", "المنفي", "سقوط", "الإطاحة", "بالإطاحة", "أطاح", "أطاحت", "إسقاط", "تسليم",
    "بتسليم", "تسلم", "بتسلم", "مصير", "لجوء", "اللجوء", "فرار", "فراره", "هروب", "محاكمة",
    "بمحاكمة", "ملاحقة", "بقيادة", "بنظام", "لنظام",
)  # fmt: skip
"""Words near a person's name that make them talked about, not taking part
(النظام السابق بقيادة)."""

NON_PARTICIPANT_WINDOW = 4
"""Words before a mention searched for a non-participant cue."""

FORMER_ROLE_CUES: tuple[str, ...] = ("السابق", "السابقة", "الأسبق", "الأسبقة")
"""The weakest non-participant cues: a former president can still act (الرئيس السابق أوباما
يلقي خطابا), so these alone do not make the body's leading person a bystander."""

# ------------------------------------------------------------------------------------------
# Facts compared across sources
# ------------------------------------------------------------------------------------------

ORDINALS: dict[str, int] = {
    "أول": 1,
    "الأول": 1,
    "الأولى": 1,
    "أولى": 1,
    "ثاني": 2,
    "الثاني": 2,
    "الثانية": 2,
    "ثانية": 2,
    "ثالث": 3,
    "الثالث": 3,
    "الثالثة": 3,
    "ثالثة": 3,
    "رابع": 4,
    "الرابع": 4,
    "الرابعة": 4,
    "رابعة": 4,
    "خامس": 5,
    "الخامس": 5,
    "الخامسة": 5,
    "خامسة": 5,
}
"""Ordinal words (first … fifth), for "first visit" against "second visit"."""

NUMBER_WORDS: dict[str, float] = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثماني": 8,
    "ثمانية": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
    "عشرات": 10,
    "عشرين": 20,
    "عشرون": 20,
    "ثلاثين": 30,
    "ثلاثون": 30,
    "أربعين": 40,
    "أربعون": 40,
    "خمسين": 50,
    "خمسون": 50,
    "مئة": 100,
    "مائة": 100,
    "مئات": 100,
    "ألف": 1000,
    "آلاف": 1000,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
}
"""Number words, for "3 hours" against "ثلاث ساعات"."""

DUAL_UNITS: dict[str, str] = {
    "ساعتين": "ساعة",
    "ساعتان": "ساعة",
    "يومين": "يوم",
    "يومان": "يوم",
    "شهرين": "شهر",
    "شهران": "شهر",
    "عامين": "عام",
    "عامان": "عام",
    "سنتين": "سنة",
    "أسبوعين": "أسبوع",
    "قتيلين": "قتيل",
    "جريحين": "جريح",
    "دقيقتين": "دقيقة",
}
"""Dual nouns that carry the number two in themselves (ساعتين = 2 hours)."""

NEGATIONS: tuple[str, ...] = (
    "لا",
    "لم",
    "لن",
    "ليس",
    "ليست",
    "لسنا",
    "ما",
    "غير",
    "عدم",
    "دون",
    "بدون",
    "لات",
    "ولا",
    "ولم",
    "ولن",
    "وليس",
    "فلا",
    "فلم",
)
"""Negation particles, for agreement between two reports."""

ANTONYM_PAIRS: tuple[tuple[str, str], ...] = (
    ("ارتفع", "انخفض"),
    ("ارتفاع", "انخفاض"),
    ("ارتفاع", "تراجع"),
    ("ارتفع", "تراجع"),
    ("زيادة", "انخفاض"),
    ("زيادة", "تراجع"),
    ("صعود", "هبوط"),
    ("صعد", "هبط"),
    ("فوز", "خسارة"),
    ("فاز", "خسر"),
    ("يفوز", "يخسر"),
    ("قبول", "رفض"),
    ("قبل", "رفض"),
    ("يقبل", "يرفض"),
    ("وافق", "رفض"),
    ("موافقة", "رفض"),
    ("يوافق", "يرفض"),
    ("تؤيد", "تعارض"),
    ("يؤيد", "يعارض"),
    ("تأييد", "معارضة"),
    ("نجاح", "فشل"),
    ("نجح", "فشل"),
    ("ينجح", "يفشل"),
    ("انسحاب", "بقاء"),
    ("انسحب", "بقي"),
    ("فتح", "إغلاق"),
    ("فتح", "أغلق"),
    ("افتتاح", "إغلاق"),
    ("إطلاق", "اعتقال"),
    ("أفرج", "اعتقل"),
    ("الإفراج", "اعتقال"),
    ("رفع", "فرض"),
    ("رفع", "تشديد"),
    ("تخفيف", "تشديد"),
    ("سلام", "حرب"),
    ("هدنة", "قصف"),
    ("ربح", "خسارة"),
    ("أرباح", "خسائر"),
    ("تقدم", "تأخر"),
    ("يدعم", "يعارض"),
    ("دعم", "معارضة"),
    ("إلغاء", "تأكيد"),
    ("ألغى", "أكد"),
    ("تأجيل", "انعقاد"),
    ("أجل", "عقد"),
    ("حياة", "وفاة"),
    ("نجا", "قتل"),
    ("براءة", "إدانة"),
    ("برأ", "أدان"),
    ("الأولى", "الثانية"),
)
"""Word pairs that cannot both describe the same happening (rose / fell, won / lost)."""

DENIAL_WORDS_FOR_AGREEMENT: tuple[str, ...] = (
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "نفي",
    "تنفي",
    "كذب",
    "كذبت",
    "تكذب",
    "يكذب",
    "تكذيب",
    "شائعات",
    "شائعة",
    "زائفة",
    "مفبركة",
    "غير صحيح",
    "عار عن الصحة",
    "لا صحة",
    "ينفون",
    "تنفيان",
)
"""Words by which one report denies what another states."""

VAGUE_QUANTITIES: tuple[str, ...] = (
    "عشرات",
    "العشرات",
    "مئات",
    "المئات",
    "آلاف",
    "الآلاف",
    "ملايين",
    "مليارات",
    "العديد",
    "عدد",
    "بعض",
    "كثير",
)
"""Counts without a figure (dozens, hundreds, some): one report saying عشرات where the other
says آلاف changes the size of what happened, for the stance model's features."""

# ------------------------------------------------------------------------------------------
# Function words ignored when comparing contents
# ------------------------------------------------------------------------------------------

STOP_WORDS: frozenset[str] = frozenset(
    [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "مع",
        "أن",
        "إن",
        "ان",
        "أنه",
        "إنه",
        "أنها",
        "انها",
        "التي",
        "الذي",
        "الذين",
        "اللذين",
        "اللتين",
        "اللواتي",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "هؤلاء",
        "هناك",
        "هنا",
        "كان",
        "كانت",
        "كانوا",
        "يكون",
        "تكون",
        "ليس",
        "ليست",
        "قد",
        "لقد",
        "لم",
        "لن",
        "لا",
        "ما",
        "ماذا",
        "متى",
        "أين",
        "كيف",
        "كل",
        "بعض",
        "أي",
        "أو",
        "أم",
        "ثم",
        "بل",
        "حتى",
        "إذا",
        "اذا",
        "لو",
        "لكن",
        "ولكن",
        "كما",
        "بين",
        "بينما",
        "حيث",
        "فيما",
        "خلال",
        "منذ",
        "عند",
        "عندما",
        "بعد",
        "قبل",
        "حول",
        "ضد",
        "دون",
        "غير",
        "عبر",
        "لدى",
        "لدي",
        "نحو",
        "وفق",
        "وفقا",
        "بحسب",
        "حسب",
        "أيضا",
        "كذلك",
        "فقط",
        "وقد",
        "فقد",
        "وكان",
        "وكانت",
        "وهو",
        "وهي",
        "هو",
        "هي",
        "هم",
        "هما",
        "نحن",
        "أنا",
        "انت",
        "أنت",
        "له",
        "لها",
        "لهم",
        "به",
        "بها",
        "بهم",
        "منه",
        "منها",
        "منهم",
        "عليه",
        "عليها",
        "عليهم",
        "فيه",
        "فيها",
        "فيهم",
        "إليه",
        "إليها",
        "اليه",
        "عنه",
        "عنها",
        "يوم",
        "اليوم",
        "أمس",
        "غدا",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "أول",
        "أمام",
        "وراء",
        "تحت",
        "فوق",
        "إلا",
        "الا",
        "سوى",
        "وإن",
        "وأن",
        "بأن",
        "لأن",
        "كي",
        "لكي",
        "ضمن",
        "إزاء",
        "جدا",
        "مثل",
        "أكثر",
        "أقل",
        "أشد",
        "الآن",
        "وقت",
        "الوقت",
        "ولا",
        "وما",
        "ومن",
        "وفي",
        "وعلى",
        "وإلى",
        "وعن",
        "ومع",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "قال",
        "وقال",
        "قالت",
        "وقالت",
        "يقول",
        "تقول",
        "أكد",
        "وأكد",
        "أكدت",
        "وأكدت",
        "يؤكد",
        "مؤكدا",
        "أضاف",
        "وأضاف",
        "أضافت",
        "وأضافت",
        "مضيفا",
        "أشار",
        "وأشار",
        "أشارت",
        "وأشارت",
        "مشيرا",
        "أوضح",
        "وأوضح",
        "أوضحت",
        "موضحا",
        "ذكر",
        "وذكر",
        "ذكرت",
        "وذكرت",
        "أعلن",
        "وأعلن",
        "أعلنت",
        "وأعلنت",
        "صرح",
        "وصرح",
        "أفاد",
        "وأفاد",
        "أفادت",
        "وأفادت",
        "بشأن",
        "إطار",
        "سياق",
        "جانب",
        "جانبه",
        "ناحية",
        "صعيد",
        "بما",
        "مما",
        "فيما",
        "إذ",
        "وإذ",
        "حين",
        "بينه",
        "بينها",
        "بينهم",
        "لدى",
        "عدة",
    ]
)
"""Words that carry no content of their own (particles, pronouns, reporting verbs)."""

# ------------------------------------------------------------------------------------------
# Agreement between two reports
# ------------------------------------------------------------------------------------------

DENIAL_VERBS: tuple[str, ...] = (
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "نفوا",
    "ينفون",
    "تنفيان",
    "ينفيان",
    "نافيا",
    "تكذب",
    "يكذب",
    "كذب",
    "كذبت",
    "تكذب",
    "يكذب",
    "لا علاقة",
    "لا دليل",
    "لا صحة",
    "لا أساس",
    "غير صحيح",
    "غير صحيحة",
    "لم يثبت",
    "لا وجود",
)
"""Denials whose object (the next few words) is what they deny."""

NEGATION_PARTICLES: tuple[str, ...] = (
    "لا",
    "لم",
    "لن",
    "ليس",
    "ليست",
    "لسنا",
    "ولا",
    "ولم",
    "ولن",
    "وليس",
    "عدم",
)
"""Particles that negate the word or two after them."""

NOT_NEGATIONS: tuple[str, ...] = (
    "لا يستبعد",
    "لا تستبعد",
    "لم يستبعد",
    "لم تستبعد",
    "لا بد",
    "لابد",
    "لا تزال",
    "لا يزال",
    "لا زال",
    "لا سيما",
    "لا تعليق",
    "لم يعد",
    "لا يمكن",
    "لا ينسى",
)
"""Phrases that start like a negation but do not deny the shared fact (لا يستبعد = may well)."""

NUMBER_LOWER_BOUNDS: tuple[str, ...] = (
    "أكثر من",
    "اكثر من",
    "يتجاوز",
    "تتجاوز",
    "يتخطى",
    "تتخطى",
    "يفوق",
    "تفوق",
    "يزيد عن",
    "يزيد على",
    "ما يزيد",
    "نحو أكثر",
)
"""Words before a number that make it a lower bound (أكثر من 200 قتيل)."""

NUMBER_LOWER_BOUNDS_AFTER: tuple[str, ...] = ("على الأقل", "علي الاقل")
"""Words after a number (and its noun) that make it a lower bound (141 قتيلا على الأقل)."""

NUMBER_SCALES: dict[str, float] = {
    "ألف": 1e3,
    "آلاف": 1e3,
    "الف": 1e3,
    "مليون": 1e6,
    "ملايين": 1e6,
    "مليار": 1e9,
    "مليارات": 1e9,
    "بليون": 1e9,
    "تريليون": 1e12,
}
"""Scale words after a number (4.3 مليار)."""

CURRENCIES: tuple[str, ...] = (
    "دولار",
    "يورو",
    "جنيه",
    "ريال",
    "دينار",
    "درهم",
    "ليرة",
    "روبل",
    "يوان",
    "ين",
    "استرليني",
    "فرنك",
)
"""Currency nouns: amounts in different currencies are not compared."""

CAPITAL_COUNTRIES: dict[str, str] = {
    **SEAT_COUNTRIES,
    "طوكيو": "اليابان",
    "إسطنبول": "تركيا",
    "كابول": "أفغانستان",
    "عمان": "الأردن",
    "دبي": "الإمارات",
    "عدن": "اليمن",
    "طرابلس": "ليبيا",
    "تونس": "تونس",
    "الجزائر": "الجزائر",
    "الرباط": "المغرب",
    "الخرطوم": "السودان",
    "روما": "إيطاليا",
    "مدريد": "إسبانيا",
    "نيودلهي": "الهند",
    "إسلام آباد": "باكستان",
    "القدس": "إسرائيل",
    "غزة": "فلسطين",
    "الأمريكية": "أمريكا",
    "الأميركية": "أمريكا",
    "الأميركي": "أمريكا",
    "الأمريكي": "أمريكا",
}
"""Capitals, seats of government and spellings that stand for a country in headlines
(واشنطن = the United States), mapped to the country's usual Arabic name."""

# ------------------------------------------------------------------------------------------
# Propositions: what a figure counts, outcomes of an act (contradictions, issue 17)
# ------------------------------------------------------------------------------------------

ACT_CLASSES: dict[str, tuple[str, ...]] = {
    "intercept": ("اعترض", "اعتراض", "أسقط", "إسقاط", "تصدى", "تصدت", "التصدي", "تصدي", "تصدينا"),
    "fire": ("أطلق", "إطلاق", "أطلقت", "أطلقها", "أطلقوا"),
    "hit": ("أصاب", "أصابت"),
    "kill": ("قتل", "مقتل", "قتيل", "قتلى", "قتيلا", "مصرع"),
    "injure": ("جرح", "جريح", "جرحى", "إصابة", "مصاب", "مصابين", "أصيب"),
    "arrest": ("اعتقل", "اعتقال", "معتقل", "أسر", "أسير", "أسرى"),
}
"""Acts a figure can count, each written as the start of its verb and masdar forms (after a
conjunction, a preposition or the article is taken off): a count of missiles fired is another
quantity than a count of missiles intercepted. A word may start several classes (إصابة: a hit,
an injury); the counted noun tells them apart."""

RISING_ACTS: frozenset[str] = frozenset({"kill", "injure", "arrest"})
"""Acts whose counts rise through a day (a toll): two figures of them are not in conflict,
only none against some is."""

APPROXIMATE_CUES: tuple[str, ...] = ("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "تقريبا", "قرابه")
"""Words before a figure that make it approximate (نحو 100 صاروخ)."""

UPPER_BOUND_CUES: tuple[str, ...] = ("أقل من", "اقل من", "لا يتجاوز", "لا تتجاوز", "دون")
"""Words before a figure that make it an upper bound (أقل من 20)."""

MOST_QUANTIFIERS: tuple[str, ...] = ("أغلب", "معظم", "غالبية", "أكثرية", "جل")
"""Words that say most of what they govern was counted (اعترضت أغلب الصواريخ)."""

ALL_QUANTIFIERS: tuple[str, ...] = ("كل", "جميع", "كافة")
"""Words that say all of it was (أسقطت جميع الصواريخ)."""

NONE_NEGATORS: tuple[str, ...] = (
    "لم",
    "لا",
    "لن",
    "فشل",
    "فشلت",
    "فشلوا",
    "عجز",
    "عجزت",
    "دون",
    "بدون",
    "عدم",
)
"""Words before an act and أي + noun that make its count zero (فشلت في إسقاط أي صاروخ)."""

ANY_WORDS: tuple[str, ...] = ("أي", "أيا", "أية")
"""The "any" that, after a negated act, makes its count zero."""

OPERATION_NOUNS: tuple[str, ...] = (
    "ضربة",
    "ضربات",
    "الضربة",
    "الضربات",
    "ضربتنا",
    "العدوان",
    "عدوان",
    "الهجوم",
    "العملية",
    "الحملة",
    "المهمة",
)
"""Nouns naming an operation whose outcome (succeeded, failed) outlets may dispute."""

SUCCESS_CUES: tuple[str, ...] = (
    "حققت أهدافها",
    "حقق أهدافه",
    "حققت هدفها",
    "حقق هدفه",
    "المهمة أنجزت",
    "أنجزت المهمة",
    "نجحت",
    "نجح",
    "أتت ثمارها",
)
"""Phrases that say an operation achieved what it was for."""

FAILURE_CUES: tuple[str, ...] = (
    "لم تحقق أهدافها",
    "لم يحقق أهدافه",
    "لم تحقق هدفها",
    "لم يحقق هدفه",
    "مصيرها الفشل",
    "مصيره الفشل",
    "مآلها الفشل",
    "مآله الفشل",
    "باءت بالفشل",
    "باء بالفشل",
)
"""Phrases that say it did not. A bare فشل is left out: it is as often the failure of another
act (فشلت في إسقاط أي صاروخ, فشلت موسكو في تمرير …) or of someone else (فشل الإرهابيين)."""

NON_ASSERTIVE_MARKERS: tuple[str, ...] = (
    "لمنع",
    "منع",
    "لردع",
    "ردع",
    "لتجنب",
    "لوقف",
    "بهدف",
    "أي",
    "أية",
    "إذا",
)
"""Words just before a predicate that keep it from being asserted as having happened: a purpose
(لمنع استخدام الأسلحة الكيميائية), any case in general (أي استخدام … رهيب), a condition."""

NON_ASSERTIVE_WINDOW = 4
"""Words looked back from the predicate for a marker of NON_ASSERTIVE_MARKERS."""

COUNTED_PLURALS: dict[str, str] = {
    "صواريخ": "صاروخ",
    "قذائف": "قذيفة",
    "قتلى": "قتيل",
    "جرحى": "جريح",
    "أسرى": "أسير",
    "أهداف": "هدف",
    "مواقع": "موقع",
    "غارات": "غارة",
}
"""Broken plurals of nouns that figures count, mapped to the singular: "most of the missiles"
(أغلب الصواريخ) counts the same thing as "13 missiles" (13 صاروخا)."""

CASUALTY_ACTS: frozenset[str] = frozenset({"kill", "injure"})
"""Acts whose counted things are people: every person noun of PERSON_NOUNS counts one thing
(PEOPLE) under them, so "7 people wounded" and "no one was hurt" answer one question."""

PEOPLE = "people"
"""The thing every person noun of PERSON_NOUNS counts under CASUALTY_ACTS."""

PERSON_NOUNS: tuple[str, ...] = (
    "شخص",
    "أشخاص",
    "شخصا",
    "مدني",
    "مدنيين",
    "مدنيا",
    "مواطن",
    "مواطنين",
    "مواطنا",
    "فرد",
    "أفراد",
    "ضحية",
    "ضحايا",
    "قتيل",
    "قتلى",
    "قتيلا",
    "جريح",
    "جرحى",
    "جريحا",
    "عنصر",
    "عناصر",
    "عنصرا",
    "مقاتل",
    "مقاتلين",
    "مقاتلا",
)
"""Nouns that count people in a toll (killed or wounded), with or without their case ending."""

INCIDENT_NOUNS: tuple[str, ...] = (
    "هجوم", "الهجوم", "انفجار", "الانفجار", "انفجارات", "الانفجارات", "تفجير", "التفجير", "قصف",
    "القصف", "غارة", "الغارة", "غارات", "الغارات", "ضربة", "الضربة", "حادث", "الحادث", "اشتباك",
    "اشتباكات", "الاشتباكات", "عبوة", "اعتداء", "الاعتداء", "هجمات", "الهجمات",
)  # fmt: skip
"""Nouns that name the happening a toll is of (the attack, the blast, the strike): tolls of
people in articles the events stage put apart are compared only when both sentences name one, so
that a toll said of no happening (ثلاثة أشخاص أصيبوا بالقرب من حمص; لم يصب أي من الركاب) is not
set against another happening's."""

TOLL_LINK_WORDS: tuple[str, ...] = (
    "قال", "قالت", "أكد", "أكدت", "مؤكدا", "أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "أسفر",
    "أسفرت", "أدى", "أدت", "خلف", "خلفت", "تسبب", "تسببت", "أوقع", "أوقعت", "موقعة", "حصيلة",
    "جراء", "إثر",
)  # fmt: skip
"""Words any sentence of a toll may hold (it was said, it caused, the toll): two tolls sharing
only these and the happening's noun (INCIDENT_NOUNS) are not thereby of one happening."""

RECOLLECTION_WORDS: tuple[str, ...] = (
    "الماضي", "الماضية", "الفائت", "الفائتة", "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار",
    "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "الشهر", "شهرين", "أشهر",
    "أسابيع", "سنوات",
)  # fmt: skip
"""Words that date a happening told in a sentence (الاثنين الماضي، في التاسع من أبريل) or give a
toll over a period (خلال شهرين من المعارك): such a sentence recounts an earlier happening or
sums many, so the day its report was published does not say which of two tolls of one happening
was counted later."""

_NO_HARM_CUES: tuple[str, ...] = (
    "لم يصب أحد",
    "أحدا لم يصب",
    "لم يصب أي شخص",
    "لم يتعرض أحد لأذى",
    "دون خسائر بشرية",
    "دون وقوع خسائر بشرية",
    "لا خسائر بشرية",
    "لم تقع خسائر بشرية",
    "لم يسفر عن خسائر بشرية",
    "لم يسفر عن أي خسائر بشرية",
    "لم تسجل خسائر بشرية",
)
"""Phrases that say no one was harmed at all: neither wounded nor killed."""

NO_CASUALTY_CUES: dict[str, tuple[str, ...]] = {
    "injure": (
        *_NO_HARM_CUES,
        "دون وقوع أي إصابات",
        "دون وقوع إصابات",
        "دون أي إصابات",
        "دون إصابات",
        "لا إصابات",
        "لم تقع إصابات",
        "لم تقع أي إصابات",
        "لم تسجل إصابات",
        "لم تسجل أي إصابات",
        "لم يسفر عن إصابات",
        "لم يسفر عن أي إصابات",
        "لم يسفر عن وقوع إصابات",
        "لم يسفر عن وقوع أي إصابات",
        "لم يصب أي",
    ),
    "kill": (
        *_NO_HARM_CUES,
        "لم يقتل أحد",
        "لم يسقط قتلى",
        "لم يسقط أي قتيل",
        "دون وقوع قتلى",
        "دون سقوط قتلى",
        "دون سقوط أي قتلى",
        "لا قتلى",
        "لم يسفر عن قتلى",
        "لم يسفر عن سقوط قتلى",
        "لم يسفر عن سقوط أي قتلى",
        "لم يقتل أي",
    ),
}
"""Phrases that give a toll of people as none (a toll, CASUALTY_ACTS, against "no one was hurt"
is one question answered twice): no person wounded, no person killed. A harm of one named
person (لكنه لم يصب بأذى) is no cue: the "one" or "any" says the whole toll is none."""


# ------------------------------------------------------------------------------------------
# Opposite predicates: the same act said with opposite answers
# ------------------------------------------------------------------------------------------

OPPOSITE_PREDICATES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "stays",
        "withdraws",
        ("بقاء", "إبقاء", "يبقى", "تبقى", "ستبقى", "سيبقى", "باقية", "البقاء", "استمرار الوجود"),
        ("انسحاب", "سحب", "يسحب", "تسحب", "سيسحب", "ينسحب", "تنسحب", "ستنسحب", "عودة", "رحيل",
         "مغادرة"),
    ),
    (
        "accepts",
        "rejects",
        ("قبول", "يقبل", "تقبل", "وافق", "وافقت", "يوافق", "توافق", "موافقة"),
        ("رفض", "رفضت", "يرفض", "ترفض", "رفضها", "رفضه"),
    ),
    (
        "supports",
        "opposes",
        ("يؤيد", "تؤيد", "أيد", "أيدت", "تأييد"),
        ("يعارض", "عارض", "عارضت"),
    ),
    (
        "opens",
        "closes",
        ("يفتح", "تفتح", "افتتاح", "فتحت"),
        ("إغلاق", "أغلق", "أغلقت", "يغلق", "تغلق"),
    ),
    (
        "was killed",
        "is alive",
        ("قتل", "مقتل", "اغتيال", "تصفية"),
        ("على قيد الحياة",),
    ),
    (
        "obstructs",
        "facilitates",
        ("عرقلة", "عرقل", "عرقلت", "يعرقل", "تعرقل", "نعرقل", "إعاقة", "أعاق", "أعاقت", "يعيق",
         "تعيق", "تأخر", "تأخير", "يؤخر", "تؤخر", "حجب", "يحجب", "تحجب"),
        ("تسهيل", "نسهل", "يسهل", "تسهل", "سنسهل", "سيسهل"),
    ),
)  # fmt: skip
"""Acts whose two answers cannot both hold of one actor and thing: (answer A, answer B, words
of A, words of B). A word under a negation (لن ينسحب) gives the other answer; phrases are
matched as phrases."""

_Forms = tuple[str, ...]

ACT_COMPLETION: tuple[tuple[str, _Forms, _Forms, _Forms, _Forms], ...] = (
    (
        "entered",
        ("دخل", "دخلت", "دخلوا", "وصل", "وصلت", "وصلوا"),
        ("دخول", "وصول"),
        ("يدخل", "يدخلوا", "تدخل", "يصل", "يصلوا", "تصل"),
        ("سيدخل", "سيدخلون", "ستدخل", "سيدخلوا", "سيصل", "سيصلون", "ستصل", "سيزور", "سيزورون",
         "ستزور"),
    ),
)  # fmt: skip
"""Acts told as done or as not done yet by one actor on one day: (the act, past verbs that say
it was done, masdars that say so only as a statement's first word — a headline's «دخول
المحققين إلى دوما», not «تأخر دخول …» nor «سمح بدخول …» —, present verbs that say it was not
done under a negation (لم يدخلوا), future verbs that say it is still to be done (سيدخلون
الأربعاء)). A past verb under a negation is not done either."""

OPPOSITION_NEGATIONS: tuple[str, ...] = ("لا", "لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون",
                                         "ولا", "ولم", "ولن")  # fmt: skip
"""Negations that turn an opposite-predicate word into the other answer (لن تنسحب = stays)."""

DOUBT_NOUNS: tuple[str, ...] = ("اتهام", "اتهامات", "الاتهامات", "إشارات", "تقارير", "التقارير",
                                "أنباء", "الأنباء", "مزاعم", "المزاعم", "ادعاءات", "الادعاءات",
                                "صحة", "رواية", "الرواية", "تصريحات", "التصريحات", "تضارب",
                                "تضاربت", "متضاربة", "أنباء", "وجود", "حدوث", "وقوع")  # fmt: skip
"""Words by which a denial names what it answers (نفى صحة التقارير عن …): not the act denied."""

ACT_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("منع", "عرقلة", "إعاقة", "عرقل", "عرقلت", "أعاق", "منعت", "تقويض"),
    ("قتل", "مقتل", "اغتيال", "تصفية"),
    ("سيطرة", "سيطرت", "السيطرة", "يسيطر", "تسيطر"),
    ("تسليم", "سلم", "سلمت"),
    ("اعتقال", "احتجاز", "توقيف", "اعتقل", "احتجز", "أوقف"),
    ("دعم", "رعاية", "مساندة", "يدعم", "تدعم", "دعمت"),
)  # fmt: skip
"""Words that name one act (عرقلة الوصول = منع الدخول; رعاية الإرهاب = دعم للإرهاب): a denial of
one answers a report of another."""
