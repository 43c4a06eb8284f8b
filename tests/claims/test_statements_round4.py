"""Speakers and stances of issue 17's fourth round: verbs of rejection, doubt and description,
places as subjects, names after honorifics, sources set off by commas, topic labels in titles."""

from __future__ import annotations

import pytest
from mention_support import spelled_mentions
from test_statements import _article

from khabar.claims import extract_statements
from khabar.claims.statements import sets_against, title_statements
from khabar.model import Mention, Statement


def _mentions(text: str, names: dict[str, str], in_title: bool = False) -> list[Mention]:
    found = spelled_mentions(text, {n: (k, n) for n, k in names.items()})  # type: ignore[misc]
    if in_title:
        found = [Mention(m.text, m.type, m.start, m.end, m.entity, True) for m in found]
    return sorted(found, key=lambda m: m.start)


def _body(body: str, names: dict[str, str] | None = None) -> tuple[Statement, ...]:
    art = _article(body)
    return extract_statements(art, _mentions(art.text, names or {}))


def _title(title: str, names: dict[str, str] | None = None) -> tuple[Statement, ...]:
    return title_statements(_article("نص.", title), _mentions(title, names or {}, True))


@pytest.mark.parametrize(
    ("body", "names", "speaker_part", "stance"),
    [
        (  # rejection of a claim: a denial by the one who rejects it
            "رفضت وزارة الدفاع التركية تلميحات بأنها قصفت قرية حدودية بالمدفعية.",
            {"وزارة الدفاع التركية": "ORG"},
            "وزارة الدفاع",
            "denied",
        ),
        (  # a speaker who deems something likely attributes it
            "ورجحت الشرطة البلجيكية أن يكون الحريق متعمدا في المستودع.",
            {"الشرطة البلجيكية": "ORG"},
            "الشرطة",
            "attributed",
        ),
        (  # countries opening the sentence are its subject
            "اتهمت ألمانيا وهولندا، الجمعة، الحكومة الفنزويلية بتزوير نتائج الانتخابات.",
            {"ألمانيا": "LOC", "هولندا": "LOC", "الحكومة الفنزويلية": "ORG"},
            "ألمانيا وهولندا",
            "attributed",
        ),
        (  # a doubting speaker leaves the claim unconfirmed
            "شككت منظمة العفو الدولية في رواية الحكومة عن عدد المعتقلين في السجون.",
            {"منظمة العفو الدولية": "ORG"},
            "العفو",
            "unconfirmed",
        ),
    ],
)
def test_new_reporting_verbs_name_their_speaker(
    body: str, names: dict[str, str], speaker_part: str, stance: str
) -> None:
    found = _body(body, names)
    assert found, body
    assert found[0].speaker is not None and speaker_part in found[0].speaker
    assert found[0].stance == stance


def test_rejecting_an_act_is_no_statement() -> None:
    found = _body("رفضت المحكمة العليا الطعن المقدم من المرشح الخاسر في الانتخابات البلدية.")
    assert all(s.stance != "denied" for s in found)
    assert all(s.speaker is None for s in found)


def test_a_place_after_a_verb_inside_the_sentence_is_its_object() -> None:
    found = _body(
        "لكن الرئيس البرازيلي حذر الأرجنتين وقال إن عليها أن تدفع ديونها قبل نهاية العام.",
        {"الأرجنتين": "LOC"},
    )
    assert all(s.speaker != "الأرجنتين" for s in found)


def test_name_after_a_rank_completes_the_title() -> None:
    body = (
        "أكد المتحدث باسم الجيش الباكستاني، اللواء آصف غفور، الأحد، أن القوات صدت هجوما "
        "على موقع حدودي."
    )
    found = _body(body, {"آصف غفور": "PER", "الجيش الباكستاني": "ORG"})
    assert found[0].speaker is not None and "غفور" in found[0].speaker
    assert found[0].content.startswith("القوات")


def test_name_with_no_closing_comma_completes_the_title() -> None:
    body = "أعلنت مندوبة كندا، ماري برنار في اجتماع للجمعية العامة، أن بلادها ستزيد مساعداتها."
    found = _body(body, {"ماري برنار": "PER"})
    assert found[0].speaker is not None and "برنار" in found[0].speaker


def test_source_set_off_by_commas_inside_a_sentence() -> None:
    body = (
        "غرقت عبارة تقل عشرات الركاب قبالة السواحل، وفقا لما ذكرته وكالة الأنباء الإندونيسية، "
        "من دون أن يتضح عدد الضحايا."
    )
    found = _body(body, {"وكالة الأنباء الإندونيسية": "ORG"})
    assert len(found) == 1
    assert found[0].speaker is not None and "الإندونيسية" in found[0].speaker
    assert found[0].stance == "attributed"
    assert "الضحايا" not in found[0].content


def test_trailing_source_of_a_hedged_sentence_is_named() -> None:
    found = _body(
        "وقع انفجار في مصفاة النفط يشتبه بأنه ناجم عن تسرب غاز، حسبما أفاد التلفزيون الرسمي.",
    )
    assert found[0].speaker is not None and found[0].speaker.startswith("التلفزيون")


def test_participle_after_a_relative_clause_keeps_a_speaker() -> None:
    body = "ووجه الادعاء الاتهام لحركة النهضة التي دانت الاعتقالات قائلة إن التهم ملفقة بالكامل."
    found = _body(body, {"حركة النهضة": "ORG"})
    quoted = [s for s in found if "التهم" in s.content]
    assert quoted and quoted[0].verb == "قائلة"  # a participle, not a verb with a subject
    assert quoted[0].speaker is not None and "النهضة" in quoted[0].speaker
    assert "الادعاء" not in quoted[0].speaker


@pytest.mark.parametrize(
    ("title", "names", "speaker"),
    [
        # a place alone before a colon labels a headline about no other place
        ("لبنان: حريق كبير يلتهم مبنى تجاريا وسط العاصمة ويوقع جرحى", {"لبنان": "LOC"}, None),
        # the same place before a short claim about another place is its speaker
        (
            "أنقرة: لا قوات تركية في إدلب",
            {"أنقرة": "LOC", "إدلب": "LOC"},
            "أنقرة",
        ),
        # a long title phrase before the colon is a speaker
        (
            "نائب وزير الخارجية الصيني لشؤون آسيا: المحادثات مثمرة",
            {},
            "نائب وزير الخارجية الصيني لشؤون آسيا",
        ),
    ],
)
def test_title_place_labels_and_speakers(
    title: str, names: dict[str, str], speaker: str | None
) -> None:
    found = _title(title, names)
    assert found[0].speaker == speaker


def test_conjoined_headline_verb_shares_the_first_subject() -> None:
    found = _title(
        "كوريا الشمالية تطلق صاروخا وتنفي انتهاك العقوبات الدولية",
        {"كوريا الشمالية": "LOC"},
    )
    denial = [s for s in found if s.stance == "denied"]
    assert denial and denial[0].speaker == "كوريا الشمالية"


def test_confirmation_against_denial_is_a_dispute() -> None:
    assert sets_against("سقوط الطائرة.. تأكيد روسي ونفي أوكراني")
    assert not sets_against("الجيش ينفي سقوط الطائرة")
    found = _title("سقوط الطائرة المسيرة.. تأكيد روسي ونفي أوكراني")
    assert found[0].stance == "unconfirmed"


def test_day_between_verb_and_speaker() -> None:
    found = _body("أعلن الأحد التلفزيون الكيني الرسمي عن افتتاح الطريق السريع بين المدينتين.")
    assert found[0].speaker is not None and found[0].speaker.startswith("التلفزيون الكيني")
    assert found[0].stance == "attributed"


def test_source_before_a_participle_speaks_both_clauses() -> None:
    body = (
        "ستصل بعثة المراقبين إلى المدينة الخميس، وفقا لما ذكره مصدر دبلوماسي أوروبي، مستنكرا "
        "الاتهامات الموجهة للبعثة بالتأخر."
    )
    found = _body(body)
    assert [s.stance for s in found] == ["reported", "denied"]
    assert all(s.speaker is not None and s.speaker.startswith("مصدر") for s in found)
    assert "بعثة المراقبين" in found[0].content and "الاتهامات" in found[1].content


def test_headline_parts_set_apart_by_dots() -> None:
    found = _title("فرنسا تستدعي السفير الإيراني.. وطهران: إجراء غير مبرر", {"فرنسا": "LOC"})
    assert len(found) == 2
    assert found[1].speaker == "وطهران" and found[1].content == "إجراء غير مبرر"
    assert all(s.text == "فرنسا تستدعي السفير الإيراني.. وطهران: إجراء غير مبرر" for s in found)
