"""Given names as Arabic news writes them, for pulling a first name into a person mention.

Written by hand for khabar (not taken from any corpus). The tagger learns given names only from
its training text, and a name its corpora never showed (ميخائيل، the Russian envoy's first name)
is then left outside the person it opens. The lists hold first names of people who are in the
news: foreign ones in the usual Arabic transliteration (with the common spelling variants:
سيرغي / سيرجي، ديمتري / دميتري) and Arabic ones. Words that are also common Arabic words are left
out on purpose, because a name here is trusted before a person without further checks: علي
(على once normalised), حسن is kept but حافظ، صادق، أمل، هدى، نصر، سيف، كريم، عادل، تركي، بندر،
طيب، أكبر، رضا، إيمان، منى are not (verbs, adjectives, nouns, a nationality, a place).
Compound names are given by their parts (عبد + الله). Entries are written as news writes them;
the code normalises them (khabar.arabic.normalize), so hamza and alef forms need not repeat.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of a multi-line string."""
    return tuple(text.split())


RUSSIAN_AND_EAST_EUROPEAN = _words(
    """
    فلاديمير سيرغي سيرجي ميخائيل ديمتري دميتري دميتريو ألكسندر ألكساندر أليكسي ألكسي
    نيكولاي إيغور إيفان يوري أندريه أندري أناتولي بوريس فاليري غينادي يفغيني يفجيني
    فياتشيسلاف فولوديمير بيترو أوليغ قسطنطين كونستانتين مكسيم أرتيوم أنطون فاسيلي غريغوري
    ليونيد ستانيسلاف ياروسلاف فالنتينا تاتيانا ناتاليا يلينا إيلينا أولغا إيرينا سفيتلانا
    يوليا دينيس بافيل فيودور نيكيتا رسلان ماريا زاخار إلفيرا أليكساندر سيرغيه
    ميخائيلو أولكسندر دميترو فيتالي أرسيني رمزان ألكسندرا ألكسندروفيتش
    يانوش فيكتور ميلوش ألكسندار أنجي ليخ ماتيوش دونالد
    """
)
"""Russian, Ukrainian, Chechen and other East European first names (رمزان قديروف)."""

WESTERN = _words(
    """
    إيمانويل أنطونيو أنطونيوس أنجيلا أنغيلا أولاف ريشي تيريزا ديفيد دافيد مايكل مايك
    جيمس جورج روبرت ريتشارد توماس وليام ويليام بيتر بول مارك ستيفن ستيفان جيفري أنتوني
    أنطوني جوزيف جوزيب جوزيبي كريستوفر باراك هيلاري كامالا نانسي بيرني تيد ماركو ماتيو
    سيلفيو إنريكي خوسيه لويس كارلوس بيدرو فرانسوا نيكولا نيكولاس جان إيف لوران برونو
    ميشال ميشيل مارين فرانك فالتر هايكو أنالينا ينس فريدريش أورسولا شارل كاثرين كاترين
    ليندسي جاريد إيفانكا لويد جاك جيك ماثيو أدريان أليكس ستيف هنري إدوارد فيليب
    مارتن مارتين هانز كلاوس فولكر هيرفيه جيروم دومينيك برنار هيلين جوليا جوليان
    كريستين سيباستيان غابرييل ألبرت جوناثان تشارلز ألبرتو فرانشيسكو ماريو كارلو
    باولو جيورجيا ليز خافيير ماريانو مانويل فرناندو ميغيل ألفارو خوان رودريغو
    فرديناند سيريل جاكوب إيمرسون أوغو هوغو ليونيل كريستيانو جوزيه كير بنيامين إيهود
    يائير نفتالي إسحاق يوآف بيني أفيغدور إيتمار بتسلئيل موشيه شمعون أرييل إيلي غادي
    هرتسي جدعون ياريف تسيبي شاؤول أنتونيو ريكس كيفن تيموثي تيم ماركوس جيرالد رونالد
    ويليم مارغريت كوندوليزا مادلين جيرار أرنو إيريك إريك ستيفاني سيغولين
    لورنزو ريتشي فولفغانغ غيرهارد هيلموت أنغيلينا فيديريكا أنطوان
    """
)
"""Western first names (American, European, Latin American) and Israeli ones (بنيامين، يائير)."""

TURKISH_PERSIAN_AND_ASIAN = _words(
    """
    مولود هاكان خلوصي دولت ميرال بولنت نعمان أرطغرل أوزغور أوغور جودت بكير عصمت
    يشار كنان إلهان حيدر سليمان توغرول
    محمود جواد مسعود عباس حسين مهدي مجتبى قاسم محسن باقر ناصر حميد إسماعيل كاظم غلام
    بهرام داريوش فرهاد شهريار بيجن منوشهر جمشيد مرتضى مهرداد بهروز إبراهيم حسن
    نيجيرفان مسرور مظلوم شهباز عمران نواز ناريندرا كيم فوميو شينزو جوكو أنور مهاتير
    بيناظير قربان
    """
)
"""Turkish, Persian, Kurdish, Pakistani and East Asian first names (مولود، جواد، نيجيرفان)."""

ARABIC = _words(
    """
    محمد أحمد مصطفى يوسف عبد خالد عمر عثمان حمد حمدان فيصل سلمان نايف فهد
    نبيه جبران سمير سامي رفيق سعد سعود طلال منصور زايد هشام هاني حازم حسام عماد جمال
    كمال بشار رامي ماهر فاروق خليل خليفة أيمن ياسر يحيى موسى عيسى داود زكريا إلياس
    جرجس نجيب نوري قيس معمر طارق تميم حمزة بلال مراد رشيد مروان هيثم عصام عمرو غسان فراس
    مهند معاذ أسامة أنس زياد وليد فاطمة عائشة زينب مريم ليلى نادية رانيا سميرة لمى
    دينا ريما سلمى نجلاء هيفاء شيرين نجوى سعاد رشا ياسمين نورا لينا ميساء نسرين جعفر
    مقتدى قصي عدي صدام هادي إياد برهم حمادي حمود حميدتي عبدالله
    عبدالرحمن عبدالعزيز عبدالفتاح عبدالمجيد بطرس
    وجدي مجدي رأفت شوقي فتحي لطفي نبيل شكري عمار ثامر تامر
    شريف وائل علاء باسل حسني منذر عزت عزمي فايز
    فؤاد نواف مشعل جاسم يونس إدريس
    """
)
"""Arabic first names, including the first word of compound ones (عبد) and common fused
spellings (عبدالله)."""

GIVEN_NAMES: tuple[str, ...] = (
    *RUSSIAN_AND_EAST_EUROPEAN,
    *WESTERN,
    *TURKISH_PERSIAN_AND_ASIAN,
    *ARABIC,
)
"""Every listed given name, as written (not yet normalised)."""
