"""Word lists for near-duplicate detection, event clustering and event ordering (normalised
spelling, see ``khabar.arabic.normalize``; data only, no logic)."""

from __future__ import annotations

from khabar.arabic.data.places import SEAT_COUNTRIES

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

FORMAT_LABELS: tuple[str, ...] = (
    "فيديو",
    "بالفيديو",
    "شاهد",
    "صور",
    "بالصور",
    "إنفوغرافيك",
    "انفوغرافيك",
    "مباشر",
    "عاجل",
    "خاص",
)
"""Labels of a piece's format or urgency that a headline puts before a colon or bar (فيديو: …,
عاجل | …). They name no happening: an event's title drops them, and an event's title is taken
from a headline without one when its reports offer it."""

# --- the signature of a happening (khabar.events.signature) -------------------------------------
# Cue words are written as news Arabic spells them, separated by Arabic commas; the signature
# normalises them on use.


def _cues(text: str) -> tuple[str, ...]:
    """Cue phrases of a comma-separated list (data helper: no logic beyond splitting)."""
    return tuple(c.strip() for c in text.split("،") if c.strip())


ACTION_CUES: dict[str, tuple[str, ...]] = {
    "condemnation": _cues(
        "يدين، تدين، ندين، أدان، أدانت، إدانة، يندد، تندد، نندد، تنديد، ندد، نددت، يستنكر، "
        "تستنكر، استنكر، استنكرت، يشجب، تشجب، شجب، يدينان، تدينان، ينددان، تنددان"
    ),
    "support": _cues(
        "يؤيد، تؤيد، نؤيد، أيد، أيدت، تأييد، يرحب، ترحب، نرحب، رحب، رحبت، ترحيب، يشيد، تشيد، "
        "أشاد، أشادت، تدعم، يدعم، ندعم، يؤيدان، تؤيدان، يرحبان، ترحبان، يشيدان، تشيدان"
    ),
    "denial": _cues("ينفي، تنفي، ننفي، نفى، نفت، تنفى، ينفى، يكذب، تكذب"),
    "threat": _cues(
        "يهدد، تهدد، نهدد، هدد، هددت، تهديد، يحذر، تحذر، نحذر، حذر، حذرت، تحذير، يتوعد، "
        "تتوعد، توعد، سنضرب، سنرد، إذا، إن لم"
    ),
    "demand": _cues(
        "يطالب، تطالب، نطالب، طالب، طالبت، يدعو، تدعو، ندعو، دعا، دعت، دعوة، مطالبة، "
        "يطالبان، تطالبان، يدعوان، تدعوان"
    ),
    "statement": _cues(
        "يؤكد، تؤكد، نؤكد، أكد، أكدت، يقول، تقول، قال، قالت، "
        "يكشف، تكشف، كشف، كشفت، يتهم، تتهم، اتهم، اتهمت، يعترف، تعترف، تصريحات، بيان، مؤتمر "
        "صحفي، تغريدة، يغرد، غرد، مقابلة، يرد، ترد، رد، ردت"
    ),
    "announcement": _cues("يعلن، تعلن، نعلن، أعلن، أعلنت، إعلان، يكشف، تكشف، كشف، كشفت"),
    "call": _cues("اتصالا هاتفيا، اتصال هاتفي، مكالمة هاتفية، هاتفيا، يهاتف، هاتف"),
    "visit": _cues("زيارة، يزور، تزور، زار، زارت، يصل إلى، تصل إلى، وصل إلى، وصلت إلى"),
    "meeting": _cues(
        "يلتقي، تلتقي، التقى، التقت، لقاء، اجتماع، يجتمع، تجتمع، اجتمع، قمة، محادثات، "
        "مباحثات، يبحث، يبحثان، يناقش، يناقشان، مفاوضات"
    ),
    "session": _cues(
        "مجلس الأمن، جلسة، يصوت، تصويت، صوت، مشروع قرار، فيتو، الفيتو، الجمعية العامة"
    ),
    "attack": _cues(
        "ضربة، ضربات، بضرب، غارة، غارات، قصف، يقصف، تقصف، قصفت، هجوم، هجمات، انفجار، تفجير، "
        "انتحاري، صاروخ، صاروخين، صواريخ، تصدي، تتصدى، يتصدى، عملية عسكرية، اشتباكات، معارك، "
        "يضرب، تضرب، تشن، يشن، شن، شنت، استهدفنا، قصفنا، ضربنا، تستهدف، يستهدف، استهدفت"
    ),
    "casualties": _cues("مقتل، مصرع، قتلى، قتيل، جرحى، إصابة، وفاة، ضحايا"),
    "arrest": _cues(
        "اعتقال، يعتقل، تعتقل، اعتقلت، القبض، توقيف، احتجاز، تحتجز، يوقف، توقف، أوقف، أوقفت"
    ),
    "ruling": _cues(
        "اتهام، توجيه اتهامات، لائحة اتهام، محكمة، حكم، يقضي، قضت، القضاء، بالسجن، الإعدام، إدانته"
    ),
    "election": _cues(
        "انتخابات، الانتخابات، اقتراع، الاقتراع، مرشح، يفوز، فوز، ينتخب، تنتخب، انتخب، انتخبت"
    ),
    "appointment": _cues(
        "تعيين، يعين، تعين، عين، استقالة، يستقيل، تستقيل، استقال، إقالة، يقيل، أقال، إعفاء"
    ),
    "decision": _cues(
        "قرار، يقرر، تقرر، قرر، قررت، يمدد، تمدد، تمديد، عقوبات، يفرض، تفرض، "
        "فرض، يوقع، توقع، وقع، اتفاق، اتفاقية، صفقة، ينسحب، تنسحب، انسحاب"
    ),
    "prospect": _cues(
        "يستعد، تستعد، يترقب، تترقب، ترقب، ترقبا، مرتقب، مرتقبة، المرتقب، المرتقبة، قبيل، "
        "سيعلن، ستعلن"
    ),
    "opening": _cues(
        "افتتاح، تدشين، يفتتح، تفتتح، افتتح، افتتحت، يدشن، تدشن، دشن، دشنت، حفل، احتفال، "
        "تحتفل، يحتفل"
    ),
    "funeral": _cues("تشييع، جنازة، جثمان، يوارى، دفن، مراسم دفن"),
    "protest": _cues("تظاهرة، تظاهرات، مظاهرات، احتجاجات، احتجاج، مسيرة، إضراب، يتظاهر"),
    "disaster": _cues("زلزال، فيضانات، حريق، تحطم، حادث، إعصار، عاصفة، انهيار"),
}
"""Words of a title or lead that say what kind of thing was done or said (a data table: the
signature takes the first kind named in the headline, then in the lead). Sayings list their
dual forms too (السعودية والإمارات تؤيدان قرار …: two parties' welcome, not the decision)."""

DECIDING_CUES: tuple[str, ...] = _cues("يقرر، تقرر، قرر، قررت")
"""Decision cues (ACTION_CUES) that are verbs of deciding: an act named right after one is
what the headline reports (الولايات المتحدة قررت ضرب سوريا is the strike, as ترامب يأمر بضرب
سوريا is)."""

DETAINING_CUES: tuple[str, ...] = _cues("يوقف، توقف، أوقف، أوقفت")
"""Arrest cues that also mean to stop or halt (توقف المحادثات): an arrest only when the
next word is a number or one of DETAINED_WORDS (تونس توقف شخصين …)."""

DETAINED_WORDS: tuple[str, ...] = _cues(
    "شخص، شخصا، شخصين، أشخاص، اثنين، ثلاثة، مشتبه، مشتبها، مشتبهين، متهم، متهما، متهمين، "
    "عناصر، عنصرا، عنصرين، رجل، رجلا، امرأة، لاجئين، مهاجرين، صحفي، صحفيا، ناشط، ناشطا"
)
"""Words of whom an arrest is made, after a DETAINING_CUES verb."""

DECIDED_ACTS: dict[str, str] = {"ضرب": "attack", "قصف": "attack", "مهاجمة": "attack"}
"""Verbal nouns of acts that are no cue on their own (ضرب also means to hit or to set an
example) but name the act after a verb of deciding (DECIDING_CUES)."""

KIND_FAMILIES: dict[str, str] = {
    "casualties": "attack",
    "disaster": "attack",
    "appointment": "decision",
}
"""Kinds that one happening is often reported as (a strike and its toll): kinds of one family
never keep two headlines apart. A kind not listed is its own family; sayings are one family
(splitting them by kind cost the dense dev window 0.02 BCubed F1: one speaker's statement is
reported as a welcome by one outlet and a warning by another)."""

STATEMENT_KINDS: frozenset[str] = frozenset(
    {"condemnation", "support", "denial", "threat", "demand", "statement", "announcement"}
)
"""Kinds that are something said: each speaker's saying is its own happening."""

GENRE_CUES: dict[str, tuple[str, ...]] = {
    "analysis": _cues(
        "تحليل، رأي، مقال، كل ما، إليكم، أهمية، سيناريوهات، مراحل، محطات، أهم بنود، "
        "قراءة في، إنفوغرافيك، انفوغرافيك، بالأرقام، تعرف على، تعرف إلى، ما "
        "هي، ما هو، من هو، من هي، من هم، ماذا، لماذا، كيف، هل، معلومات عن، أبرز، ذكريات، "
        "تسلسل زمني، خلفية، بروفايل، ما الذي، ما الذى، ما المواقع، في سطور، حقائق، دليل، ما "
        "يجب، وجهة نظر، افتتاحية"
    ),
    "live": _cues(
        "نشرة خاصة، تغطية خاصة، "
        "مباشر، تغطية مستمرة، تغطية حية، لحظة بلحظة، آخر التطورات، آخر تطورات"
    ),
    "review": _cues("الصحف، صحف، جولة الصحافة، جولة في الصحافة، الصحافة، عناوين الصحف"),
    "roundup": _cues(
        "ردود فعل، ردود الفعل، ردود أفعال، ترحيب دولي، تنديد دولي، إدانات، ردود دولية، مواقف "
        "دولية، إدانة دولية، تأييد دولي، إدانة واسعة، إدانات واسعة، تنديد واسع، غضب دولي، "
        "ردود عربية، مواقف الدول، مواقف دول"
    ),
}
"""Headline words of pieces that report no new happening of their own (analysis, explainers,
live pages, press reviews) or gather many parties' reactions (a roundup): each is its own event."""

PART_ANALYSIS_CUES: tuple[str, ...] = _cues(
    "ماذا، لماذا، كيف، هل، ما هي، ما هو، أبرز، من هو، من هي، من هم، إليكم، تسلسل زمني، "
    "خيارات، ما أهمية، ما أهميتها"
)
"""Questions and lists that make a piece an explainer when a later part of its headline opens
on them (… : ما هي الصواريخ التي أطلقت؟; بعد انسحاب واشنطن.. أبرز العقوبات …; الاتفاق
النووي مع إيران: خيارات ترامب الأربعة; درنة الليبية تعود للواجهة.. فما أهميتها؟): the first
part names the happening explained. Other analysis cues (تعرف على، كل ما) count only at the
start. «ما القصة» was tried too: no gain on the tune half (one pair moved each way)."""

LEAD_GENRE_CUES: dict[str, tuple[str, ...]] = {
    "review": _cues(
        "صحف اليوم، اهتمت الصحف، اهتمت صحف، الصحف الصادرة، جولة في الصحف، عناوين الصحف"
    ),
    "analysis": _cues("التحليل بقلم، مقال رأي، تحليل بقلم"),
}
"""Phrases opening a lead that say the piece is a press review or an analysis when its
headline does not (France 24's press reviews are titled by their top story)."""

ANONYMOUS_ACTORS: tuple[str, ...] = _cues(
    "مصدر، مصادر، مسؤول، مسؤولون، مسؤولان، مسؤولين، تقرير، تقارير، شهود، شاهد، مراسل، "
    "مراسلنا، عاجل، خاص، فيديو، بالفيديو، صور، بالصور"
)
"""Headline openings before a colon that name no one (مصدر: …): the piece reports the happening
rather than one party's saying."""

TOPIC_HEAD_CUES: tuple[str, ...] = _cues(
    "اختفاء، قضية، أزمة، ملف، الحرب، حرب، مصير، تداعيات، لغز، مقتل، وفاة، اغتيال"
)
"""First words of a headline opening before a colon that name a topic, not a speaker
(اختفاء خاشقجي: تركيا تنفي …؛ الحرب في سوريا: القوات الحكومية تشن …؛ قضية منى المذبوح: حكم …):
the one who speaks or acts is named after the colon, if anywhere."""

RELAY_SOURCES: tuple[str, ...] = _cues("قناة، القناة، التلفزيون، تلفزيون، الإعلام، المرصد، مرصد")
"""First words of a headline's source that relays a happening rather than doing or saying it
(الإعلام الرسمي السوري يعلن تصدي الدفاعات …; المرصد: قصف إسرائيلي …): the piece reports the
happening, so the source is no actor. A newspaper's own report or leak is a happening of its
own (EVENTS.md), so newspapers are not listed; nor are agencies (الوكالة الدولية للطاقة الذرية
acts)."""

RELAY_NAME_WORDS: tuple[str, ...] = _cues("نيوز")
"""Words anywhere in a source's name that make it a news channel (فوكس نيوز، سكاي نيوز)."""

SEATS_OF_POWER: dict[str, str] = {
    **SEAT_COUNTRIES,
    "الخارجية الأمريكية": "أمريكا",
    "داونينغ ستريت": "بريطانيا",
    "بيونغيانغ": "كوريا الشمالية",
    "المملكة العربية السعودية": "السعودية",
}
"""Capitals and seats of power a headline speaks through (موسكو: …، البنتاغون يكشف …) → the
country whose side they speak for."""

COUNTRY_NAMES: tuple[str, ...] = _cues(
    "روسيا، أمريكا، أميركا، الولايات المتحدة، بريطانيا، فرنسا، ألمانيا، الصين، اليابان، إيران، "
    "سوريا، سورية، العراق، مصر، السعودية، تركيا، أفغانستان، لبنان، الأردن، قطر، الإمارات، "
    "اليمن، ليبيا، تونس، الجزائر، المغرب، السودان، أوكرانيا، إيطاليا، إسبانيا، الهند، باكستان، "
    "إسرائيل، فلسطين، الكويت، البحرين، سلطنة عمان، عمان، موريتانيا، الصومال، جيبوتي، إثيوبيا، "
    "إريتريا، كندا، المكسيك، البرازيل، فنزويلا، كوريا الشمالية، كوريا الجنوبية، بيونغيانغ، "
    "ميانمار، بنغلاديش، إندونيسيا، ماليزيا، النمسا، هولندا، بلجيكا، السويد، النرويج، الدنمارك، "
    "بولندا، اليونان، قبرص، أستراليا، نيجيريا، مالي، النيجر، تشاد، كينيا، جنوب أفريقيا، أرمينيا، "
    "أذربيجان، جورجيا، كازاخستان، أوروبا، الاتحاد الأوروبي، زيمبابوي، "
    "باراغواي، ألمانيا"
)
"""Country (and union) names a headline's speaker may be: with SEATS_OF_POWER they fold to
one key per country."""

ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "جامعة الدول العربية": ("جامعة الدول العربية", "الجامعة العربية"),
    "مجلس الأمن": ("مجلس الأمن الدولي", "مجلس الأمن"),
    "الأمم المتحدة": ("الأمم المتحدة", "المنظمة الدولية", "المنظمة الأممية"),
    "حلف شمال الأطلسي": ("حلف شمال الأطلسي", "حلف الناتو", "الناتو", "الأطلسي"),
    "منظمة حظر الأسلحة الكيميائية": (
        "منظمة حظر الأسلحة الكيميائية",
        "منظمة حظر الأسلحة الكيماوية",
        "منظمة حظر الأسلحة",
    ),
    "مجلس التعاون الخليجي": ("مجلس التعاون الخليجي", "مجلس التعاون لدول الخليج العربية"),
    "الوكالة الدولية للطاقة الذرية": ("الوكالة الدولية للطاقة الذرية", "وكالة الطاقة الذرية"),
    "منظمة التعاون الإسلامي": ("منظمة التعاون الإسلامي",),
    "حزب الله": ("حزب الله",),
}
"""International and party bodies named in several ways (the canonical name → its names as a
headline's speaker or doer may spell them): every name of one body gives it one actor key, so
الجامعة العربية: … and جامعة الدول العربية تؤيد … are one party, while مجلس الأمن and الأمم
المتحدة stay two. Longer names first within a body; a name followed by a nationality adjective
(مجلس الأمن القومي الأمريكي, مجلس الأمن الروسي) is that country's body, not this one."""

ORGANISATION_QUALIFIERS: tuple[str, ...] = ("القومي", "الوطني", "الأعلى")
"""Words after a listed name that make it a national body of the same name (مجلس الأمن القومي)."""
