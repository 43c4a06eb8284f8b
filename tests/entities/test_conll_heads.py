"""tag-entities' rules on the tagger's output: organisation names after a head (لفريق الشمال،
شركة سياك، نادي قطر) and family names after آل."""

from __future__ import annotations

from khabar.entities.conll import _family_names, _named_after_heads, _nationality


def test_untagged_definite_word_after_a_club_head_is_an_organisation() -> None:
    tokens = ["وكانت", "الأفضلية", "لفريق", "الشمال", "في", "الشوط"]
    tags = ["O"] * 6
    assert _named_after_heads(tokens, tags)[3] == "B-ORG"


def test_rare_indefinite_name_after_a_company_head() -> None:
    tokens = ["حصلت", "شركة", "سياك", "على", "حقوق"]
    assert _named_after_heads(tokens, ["O"] * 5)[2] == "B-ORG"


def test_description_after_a_head_is_left_alone() -> None:
    # an indefinite adjective after فريق, a relative pronoun, a noun the nationality describes
    for tokens in (
        ["بأنه", "فريق", "خطير", "هجوميا"],
        ["الفريق", "فريق", "الذي", "فاز"],
        ["شركة", "السيارات", "الألمانية", "الرائدة"],
    ):
        assert _named_after_heads(tokens, ["O"] * 4) == ["O"] * 4


def test_place_after_a_club_head_is_retyped() -> None:
    tokens = ["مع", "نادي", "قطر", "الذي"]
    tags = ["O", "O", "B-LOC", "O"]
    assert _named_after_heads(tokens, tags) == ["O", "O", "B-ORG", "O"]


def test_person_after_a_head_is_kept() -> None:
    tokens = ["وتهدف", "شركة", "ديمورا", "إلى"]
    tags = ["O", "O", "B-PER", "O"]
    assert _named_after_heads(tokens, tags) is tags


def test_nationality_of_the_head_is_taken_off_the_name() -> None:
    tokens = ["قالت", "صحيفة", "بيلد", "الألمانية", "إن"]
    tags = ["O", "O", "B-ORG", "I-ORG", "O"]
    assert _named_after_heads(tokens, tags) == ["O", "O", "B-ORG", "O", "O"]
    inside = ["O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert _named_after_heads(tokens, inside) == ["O", "B-ORG", "I-ORG", "O", "O"]
    # without a head the adjective stays (الاتحاد الأفريقي is one name)
    tokens = ["قوات", "الاتحاد", "الأفريقي", "في"]
    tags = ["O", "B-ORG", "I-ORG", "O"]
    assert _named_after_heads(tokens, tags) is tags


def test_nationality_adjectives() -> None:
    for word in ("الالمانيه", "الفرنسي", "القطري", "الصيني", "الاسباني"):
        assert _nationality(word), word
    for word in ("الشمال", "الغرافه", "الجنوبيه", "المحور", "الماني"):
        assert not _nationality(word), word


def test_family_name_after_al_joins_the_person() -> None:
    tokens = ["الشيخ", "محمد", "بن", "راشد", "آل", "مكتوم", "نائب"]
    cut = ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "O"]
    whole = ["O", "B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O"]
    assert _family_names(tokens, cut) == whole
    assert _family_names(tokens, ["O", "B-PER", "I-PER", "I-PER", "O", "O", "O"]) == whole
    assert _family_names(tokens, whole) is whole
    # آل after anything but a person is left as tagged
    other = ["O", "O", "O", "O", "O", "B-PER", "O"]
    assert _family_names(tokens, other) is other
