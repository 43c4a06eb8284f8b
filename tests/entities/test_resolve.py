"""Cross-article resolution of name variants."""

from __future__ import annotations

from khabar.config import EntitiesConfig
from khabar.entities import entity_id, mention_key, resolve_entities
from khabar.model import AnnotatedArticle, Article, EntityType, Mention


def _article(aid: str, text: str, names: list[tuple[str, EntityType]]) -> AnnotatedArticle:
    art = Article(aid, aid, None, None, None, "ar", (text,))
    mentions = []
    for name, kind in names:
        start = text.index(name)
        mentions.append(Mention(name, kind, start, start + len(name)))
    return AnnotatedArticle(art, tuple(mentions))


def _entities(articles: list[AnnotatedArticle]) -> dict[str, set[str]]:
    _, records = resolve_entities(articles, EntitiesConfig())
    return {r.name: set(r.variants) for r in records}


def test_spelling_variants_and_short_forms_merge() -> None:
    a = _article(
        "a",
        "الرئيس الروسي فلاديمير بوتين قال إن بوتين",
        [
            ("الرئيس الروسي فلاديمير بوتين", "PER"),
            ("بوتين", "PER"),
        ],
    )
    b = _article("b", "فلاديمير بوتن وبوتن", [("فلاديمير بوتن", "PER"), ("بوتن", "PER")])
    c = _article(
        "c",
        "دميتري بيسكوف وديمتري بيسكوف وبيسكوف",
        [
            ("دميتري بيسكوف", "PER"),
            ("ديمتري بيسكوف", "PER"),
            ("بيسكوف", "PER"),
        ],
    )
    found = _entities([a, b, c])
    assert found["فلاديمير بوتين"] == {
        "الرئيس الروسي فلاديمير بوتين",
        "بوتين",
        "فلاديمير بوتن",
        "بوتن",
    }
    assert found["دميتري بيسكوف"] == {"دميتري بيسكوف", "ديمتري بيسكوف", "بيسكوف"}


def test_people_sharing_a_family_name_stay_apart() -> None:
    a = _article("a", "بشار الأسد ثم الأسد", [("بشار الأسد", "PER"), ("الأسد", "PER")])
    b = _article("b", "حافظ الأسد", [("حافظ الأسد", "PER")])
    c = _article("c", "بشار الأسد", [("بشار الأسد", "PER")])
    found = _entities([a, b, c])
    assert found["بشار الأسد"] == {"بشار الأسد", "الأسد"}
    assert found["حافظ الأسد"] == {"حافظ الأسد"}


def test_surname_goes_to_the_full_name_of_its_own_article() -> None:
    a = _article("a", "حافظ الأسد ثم الأسد", [("حافظ الأسد", "PER"), ("الأسد", "PER")])
    b = _article("b", "بشار الأسد", [("بشار الأسد", "PER")])
    articles, records = resolve_entities([a, b], EntitiesConfig())
    hafez = next(r for r in records if r.name == "حافظ الأسد")
    assert {m.entity for m in articles[0].mentions} == {hafez.id}


def test_facility_joins_the_place_it_is_named_after() -> None:
    a = _article(
        "a",
        "قاعدة حميميم الجوية ومطار القامشلي",
        [
            ("قاعدة حميميم الجوية", "LOC"),
            ("مطار القامشلي", "LOC"),
        ],
    )
    b = _article("b", "حميميم والقامشلي", [("حميميم", "LOC"), ("القامشلي", "LOC")])
    found = _entities([a, b])
    assert found["حميميم"] == {"قاعدة حميميم الجوية", "حميميم"}
    assert found["القامشلي"] == {"مطار القامشلي", "القامشلي"}


def test_a_place_inside_a_longer_place_name_stays_apart() -> None:
    a = _article("a", "لبنان وجنوب لبنان", [("لبنان", "LOC"), ("جنوب لبنان", "LOC")])
    assert len(_entities([a])) == 2


def test_different_places_do_not_merge_on_shared_words() -> None:
    a = _article(
        "a",
        "كوريا الشمالية وكوريا الجنوبية",
        [
            ("كوريا الشمالية", "LOC"),
            ("كوريا الجنوبية", "LOC"),
        ],
    )
    assert len(_entities([a])) == 2


def test_mentions_get_stable_ids_and_records_list_articles() -> None:
    a = _article("a", "موسكو", [("موسكو", "LOC")])
    b = _article("b", "موسكو", [("موسكو", "LOC")])
    articles, records = resolve_entities([a, b], EntitiesConfig())
    assert len(records) == 1
    assert records[0].articles == ("a", "b")
    assert records[0].id == entity_id("LOC", "موسكو")
    assert articles[0].mentions[0].entity == articles[1].mentions[0].entity == records[0].id


def test_mention_key_ignores_clitics_titles_and_spelling() -> None:
    assert mention_key("وبوتين", "PER") == mention_key("بوتن", "PER")
    assert mention_key("الرئيس السوري أحمد الشرع", "PER") == mention_key("احمد الشرع", "PER")


def test_article_remnant_after_lam_is_read_as_the_article() -> None:
    assert mention_key("لكرملين", "LOC") == mention_key("الكرملين", "LOC")
    assert mention_key("لندن", "LOC") != mention_key("الندن", "LOC")


def test_similar_skeletons_of_different_words_stay_apart() -> None:
    assert mention_key("الرئاسة الروسية", "ORG") != mention_key("الروسية الروسية", "ORG")
    assert mention_key("سورية", "LOC") == mention_key("سوريا", "LOC")
    assert mention_key("ديمتري", "PER") == mention_key("دميتري", "PER")
