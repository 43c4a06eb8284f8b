"""Word lists for near-duplicate detection, event clustering and event ordering (normalised
spelling, see ``khabar.arabic.normalize``; data only, no logic)."""

from __future__ import annotations

# Function words and news-reporting words that say nothing about which happening an article is
# about; written normalised (alef/hamza folded, taa marbuta as ه, alef maqsura as ي).
_STOP_WORDS_TEXT = """
    في من الي علي عن مع ثم او ام بل لكن حتي اذ اذا ان كان كانت يكون تكون كانوا قد لقد لم لن لا
    ما ماذا لماذا كيف اين متي هل هذا هذه ذلك تلك هولاء اوليك الذي التي الذين اللذين اللتين هو هي
    هم هن هما انا نحن انت انتم كل بعض اي غير سوي عند عندما بين بينما خلال حول ضد لدي منذ قبل بعد
    فوق تحت امام وراء دون كما ايضا فيما فيه فيها منه منها عليه عليها اليه اليها له لها لهم به بها
    بهم ذات ليس ليست مثل الا عبر نحو حيث وفق جدا قال قالت يقول تقول اكد اكدت اضاف اضافت اشار
    اشارت اوضح بحسب حسب وفقا يوم اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت
    ذلك التي عليهم وذكر ذكر ذكرت تم يتم عام العام الماضي المقبل اخري اخر احد وقت الوقت شيء امر
    وهو وهي انه انها بان لان كل كلا اما اول ثاني سيكون ضمن لدي عدد عده اكثر اقل بشكل خاصه
    وكاله انباء مصدر مصادر اليوم الساعه صحيفه موقع تقرير تقارير الخبر خبر صوره فيديو اقرا ايضا
    شاهد المزيد تابع رابط
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_WORDS_TEXT.split())

ORDINALS: dict[str, int] = {
    "اول": 1,
    "الاول": 1,
    "الاولي": 1,
    "للمره الاولي": 1,
    "ثاني": 2,
    "الثاني": 2,
    "الثانيه": 2,
    "للمره الثانيه": 2,
    "ثالث": 3,
    "الثالث": 3,
    "الثالثه": 3,
    "للمره الثالثه": 3,
    "رابع": 4,
    "الرابع": 4,
    "الرابعه": 4,
    "للمره الرابعه": 4,
}
"""Ordinal words (normalised) → rank, for "the second visit in four months"."""

HAPPENING_NOUNS: dict[str, str] = {
    "زياره": "visit",
    "الزياره": "visit",
    "زيارات": "visit",
    "اتصال": "call",
    "الاتصال": "call",
    "مكالمه": "call",
    "المكالمه": "call",
    "اتصالا": "call",
    "لقاء": "meeting",
    "اللقاء": "meeting",
    "اجتماع": "meeting",
    "الاجتماع": "meeting",
    "قمه": "summit",
    "القمه": "summit",
    "محادثات": "talks",
    "المحادثات": "talks",
}
"""Nouns naming a kind of happening that news counts (the first visit, the second call) → kind."""

HAPPENING_VERBS: dict[str, str] = {
    "زار": "visit",
    "يزور": "visit",
    "وصل": "visit",
    "استقبل": "visit",
    "اتصل": "call",
    "هاتف": "call",
    "التقي": "meeting",
    "اجتمع": "meeting",
}
"""Past/present verbs of the same kinds of happening (زار روسيا للمرة الأولى)."""

FORMER_MARKERS: tuple[str, ...] = (
    "السابق",
    "المخلوع",
    "المعزول",
    "الراحل",
    "الاسبق",
    "المطاح به",
    "الفار",
)
"""Words after a title or name saying its holder no longer holds it (الرئيس السابق بشار الأسد)."""

FALL_CUES: tuple[str, ...] = (
    "سقوط",
    "الاطاحه",
    "اطاح",
    "اطاحت",
    "اسقاط",
    "فرار",
    "هروب",
    "رحيل",
    "وفاه",
    "مقتل",
    "اغتيال",
    "عزل",
    "تنحي",
    "استقاله",
)
"""Words of an office-holder's fall: a dated one bounds events in which he still held office."""

TITLE_WORDS: tuple[str, ...] = (
    "الرييس",
    "رييس",
    "الملك",
    "ملك",
    "الامير",
    "امير",
    "رييس الوزراء",
    "رييس الحكومه",
    "وزير",
    "الوزير",
    "الزعيم",
    "زعيم",
    "المرشد",
    "السلطان",
)
"""Titles before a name; with no former-marker they say the person held office at the time."""

KIND_CUES: dict[str, tuple[str, ...]] = {
    "call": (
        "اتصالا هاتفيا",
        "اتصال هاتفي",
        "مكالمه هاتفيه",
        "المكالمه الهاتفيه",
        "هاتفيا",
        "اول اتصال",
    ),
    "visit": ("زياره", "يزور", "زار", "وصل الي", "يصل الي", "استقبل", "زيارته", "زيارات"),
}
"""Phrases in a lead that say what kind of happening it reports (a call or a visit)."""

CONFLICTING_KINDS: frozenset[frozenset[str]] = frozenset({frozenset({"call", "visit"})})
"""Kinds that cannot be one happening: a phone call is not a visit."""

TITLE_BAIT_CUES: tuple[str, ...] = (
    "إليكم",
    "التفاصيل في الرابط",
    "اضغط هنا",
    "شاهد",
    "بالفيديو",
    "بالصور",
    "تابع",
    "اقرأ",
)
"""Phrases of a headline segment (between .. or …) that lure clicks rather than name a
happening; such segments are dropped from event titles."""
