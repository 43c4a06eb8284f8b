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
