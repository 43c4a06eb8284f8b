"""Context words that announce a name of a given type, normalised (see khabar.arabic.normalize).

The tagger sees them as features of neighbouring words; resolution uses the person titles to tell
a title-only reference (الرئيس الروسي) from a name.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a multi-line string."""
    return text.split()


PERSON_TITLES = frozenset(
    _words(
        """
    رييس ريييس رييسه نايب وزير وزيره امير ملك ملكه سلطان شيخ شيخه امين امينه مستشار مستشاره
    متحدث متحدثه ناطق ناطقه قايد زعيم زعيمه سفير سفيره مبعوث مبعوثه مندوب مندوبه مدير مديره
    نجم نجمه لاعب لاعبه مدرب مدربه فنان فنانه مطرب مطربه ممثل ممثله كاتب كاتبه شاعر شاعره
    دكتور الدكتور السيد السيده المهندس العميد اللواء العقيد الفريق المشير العماد الجنرال
    الاميرال النقيب الرايد المقدم الامام البابا الشيخ الحاج القاضي المحامي الاستاذ
    البروفيسور مراسل مراسله محلل محلله خبير خبيره الصحفي الصحفيه المبعوث المستشار المتحدث
    الناطق الرييس الوزير الامير الملك السلطان الزعيم القايد السفير المدير المدرب اللاعب
    النجم الفنان المرشح المرشحه نظيره نظيرها
        """
    )
)
"""Titles and roles placed before a person's name (الرئيس، وزير، المتحدث، اللواء، نظيره)."""

LOCATION_CUES = frozenset(
    _words(
        """
    مدينه المدينه بلده قريه محافظه ولايه منطقه اقليم عاصمه العاصمه جزيره جزر شمال جنوب شرق
    غرب وسط قاعده مطار ميناء مرفا معبر بحر نهر جبل شارع حي مخيم ريف سهل وادي صحراء دوله بلاد
        """
    )
)
"""Words before a place name (مدينة، قاعدة، مطار، ريف، شمال)."""

ORGANIZATION_CUES = frozenset(
    _words(
        """
    وزاره الوزاره حزب الحزب حركه الحركه جماعه الجماعه منظمه المنظمه هييه الهييه مجلس المجلس
    جامعه الجامعه شركه الشركه وكاله الوكاله صحيفه الصحيفه قناه القناه مجموعه بنك البنك مصرف
    نادي النادي فريق منتخب اتحاد الاتحاد لجنه اللجنه جيش الجيش قوات القوات جبهه الجبهه تحالف
    التحالف صندوق الصندوق مكتب المكتب اداره الاداره موسسه الموسسه معهد المعهد مركز المركز
    محكمه المحكمه برلمان البرلمان
        """
    )
)
"""Words that open or precede an organisation's name (وزارة، حزب، وكالة، قوات، مجلس)."""

SPEECH_VERBS = frozenset(
    _words(
        """
    قال قالت اكد اكدت اعلن اعلنت صرح صرحت اوضح اوضحت اشار اشارت نفى نفت ذكر ذكرت اضاف اضافت
    يقول تقول يري تري بحث التقى التقي استقبل زار يزور اتصل هاتف
        """
    )
)
"""Verbs whose subject is often a person or an organisation (قال، أكد، التقى، استقبل)."""

NATIONALITY_SUFFIXES = ("ي", "يه", "يون", "يين", "يان", "يتان", "يات")
"""Endings of nationality adjectives (السوري، الروسية، الفرنسيين): never the country itself."""

PLACE_DESCRIPTORS = frozenset(
    _words(
        """
    قاعده القاعده مطار المطار ميناء الميناء مرفا المرفا مدينه المدينه محافظه المحافظه ولايه
    الولايه اقليم الاقليم بلده البلده قريه القريه منطقه المنطقه مخيم المخيم حي معبر المعبر
    الجويه البحريه العسكريه الدولي الحربيه الجوي البحري العسكري في
        """
    )
)
"""Words around a place's name that describe it (قاعدة حميميم الجوية، مطار القامشلي, القاعدة
البحرية في طرطوس): left out when matching, so the facility joins the place it is named after."""

GOVERNMENT_BODY_HEADS = frozenset(
    _words(
        """
    الرياسه الحكومه وزاره الوزاره الاستخبارات المخابرات المكتب البرلمان الخارجيه الشرطه
    الهييه مجلس المجلس السفاره القنصليه
        """
    )
)
"""Words (clitics cut, article kept) opening the name of a state body that a nationality adjective
names (الرئاسة الروسية، وزارة الخارجية الأمريكية، الاستخبارات البريطانية، المكتب الرئاسي الروسي).
Collective words (السلطات، الإدارة، القوات، الجيش + adjective) are left out: NewsFANE does not
tag them as names."""

ORGANIZATION_NAME_HEADS = frozenset(
    _words(
        """
    قوات حزب جبهه حركه جيش مجلس هييه تحالف اتحاد منظمه جمعيه
        """
    )
)
"""Heads that form an organisation's name with a following place or person name and an
adjective (قوات سوريا الديمقراطية، جيش لبنان الجنوبي)."""

FACILITY_HEADS = frozenset(
    _words(
        """
    قاعده مطار ميناء مرفا معبر
        """
    )
)
"""Heads of a facility named after its place (قاعدة حميميم، مطار القامشلي، ميناء طرطوس)."""

FACILITY_ADJECTIVES = frozenset(
    _words(
        """
    الجويه البحريه العسكريه الحربيه الدولي الجوي البحري العسكري الحربي
        """
    )
)
"""Adjectives that follow a facility's name or head (قاعدة حميميم الجوية، طرطوس البحرية)."""

OFFICE_HEADS = frozenset(_words("مكتب ديوان"))
"""Heads of an office named by an adjective of the body it serves (المكتب الرئاسي = الرئاسة)."""

SEATS_OF_POWER: tuple[str, ...] = (
    "الكرملين",
    "البيت الابيض",
    "الاليزيه",
    "قصر الاليزيه",
    "البنتاغون",
    "البنتاجون",
    "داونينغ ستريت",
    "داونينج ستريت",
    "قصر بعبدا",
    "قصر قرطاج",
    "قصر المراديه",
    "قصر الاتحاديه",
    "الكي دورسيه",
)
"""Buildings named in news for the government that sits in them (الكرملين قال، البيت الأبيض
أعلن); normalised. NewsFANE tags them as buildings; khabar treats them as organisations."""

NON_ADJECTIVES = frozenset(_words("الذي التي اللذي اللتي الاولي الثاني الثانيه الماضي الحالي"))
"""Words ending like an adjective of relation that do not name anything (التي، الماضي)."""

ORG_HEADS_LEFT_OUT = frozenset(_words("صحيفه جريده مجله نادي فريق شركه"))
"""Heads that both training corpora mostly leave out of the organisation's name (صحيفة [تايمز],
نادي [الوحدة], شركة [سياك]; in ANERcorp's first nine tenths 81 outside, 6 inside; in NewsFANE's
training split 102 outside, 26 inside). حركة and وكالة are not: the corpora disagree on them
(ANERcorp حركة 15 outside / 4 inside, NewsFANE 8 / 24); حزب and منظمة are mostly inside."""

ORG_HEADS_NAMING_NEXT = frozenset(_words("فريق نادي شركه شركتي قناه صحيفه جريده مجله"))
"""Heads in construct with the name of the organisation they are (لفريق [الشمال]، بنادي
[الغرافة]، شركة [سياك]، قناة [المحور]). In ANERcorp's first nine tenths the word after one of
them is an organisation 85 times of 174 (the rest mostly descriptions: فريق الدفاع، شركة
السيارات); tag-entities makes an untagged name-like word there one (conll._named_after_heads)."""

NOT_NAMES_AFTER_HEADS = frozenset(_words("الذي التي الذين اللذين اللتين اللواتي الي علي الا"))
"""Function words that look definite once normalised (إلى → الي، على → علي): never a name after a
head of ORG_HEADS_NAMING_NEXT (الفريق الذي …)."""

CLUB_HEADS = frozenset(_words("فريق نادي"))
"""Of ORG_HEADS_NAMING_NEXT, the heads an indefinite word after which describes rather than
names (فريق خطير، فريق محترم): only a definite word after them is taken as a club's name."""
