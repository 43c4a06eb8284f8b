"""The dossier JSON: stable names, schema validity, offsets that point into the text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.model import (
    AnnotatedArticle,
    Article,
    ArticleFlag,
    Claim,
    ClaimSource,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Flag,
    Mention,
    Story,
    SummarySentence,
)
from khabar.report.json import dict_to_json, dossier_to_dict, dossier_to_json

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "dossier.schema.json").read_text("utf-8")
)


def _dossier() -> Dossier:
    text = "التقى بوتين الشرع في موسكو.\nوقال بيسكوف إن المحادثات مهمة."
    article = Article(
        id="a1",
        source="x.txt",
        title="بوتين والشرع",
        published=date(2025, 10, 15),
        outlet="Outlet",
        language="ar",
        paragraphs=tuple(text.split("\n")),
        flags=(Flag("broken_paragraphs", "rejoined 1"),),
    )
    start = text.index("بوتين")
    mention = Mention("بوتين", "PER", start, start + 5, entity="e-putin")
    title_mention = Mention("بوتين", "PER", 0, 5, entity="e-putin", in_title=True)
    annotated = AnnotatedArticle(article, mentions=(mention, title_mention))
    event = Event(
        id="ev-1",
        title="لقاء",
        articles=("a1",),
        date=None,
        date_range=(date(2025, 10, 1), date(2025, 10, 31)),
        date_evidence=("في أكتوبر",),
        story="st-1",
        summary=(SummarySentence("التقى بوتين الشرع في موسكو.", "a1"),),
    )
    return Dossier(
        articles=(annotated,),
        events=(event,),
        stories=(Story("st-1", "قصة", ("ev-1",)),),
        entities=(EntityRecord("e-putin", "فلاديمير بوتين", "PER", ("بوتين",), ("a1",)),),
        claims=(
            Claim("c-1", "المحادثات مهمة", None, "ev-1", (ClaimSource("a1", "q", "attributed"),)),
        ),
        flags=(ArticleFlag("a1", Flag("clickbait_title", "tail")),),
        errors=(Failure("empty.txt", "the file is empty"),),
        meta=(("khabar_version", "0"), ("created", "2026-01-01T00:00:00+00:00")),
    )


def test_json_dossier_is_schema_valid_and_keeps_arabic_readable() -> None:
    text = _dossier().to_json()
    assert "بوتين" in text  # not \u escaped
    jsonschema.validate(json.loads(text), SCHEMA)


def test_json_article_carries_event_and_both_kinds_of_flags() -> None:
    data = _dossier().to_dict()
    article = data["articles"][0]
    assert article["event"] == "ev-1"
    assert [f["kind"] for f in article["flags"]] == ["broken_paragraphs", "clickbait_title"]
    assert article["published"] == "2025-10-15"
    assert data["events"][0]["date_range"] == ["2025-10-01", "2025-10-31"]


def test_json_entity_offsets_point_into_text_and_title_mentions_apart() -> None:
    article = _dossier().to_dict()["articles"][0]
    for ent in article["entities"]:
        assert article["text"][ent["start"] : ent["end"]] == ent["text"]
    assert article["title_entities"][0]["text"] == "بوتين"


def test_json_schema_rejects_a_dossier_missing_a_stable_name() -> None:
    data = _dossier().to_dict()
    del data["articles"][0]["outlet"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_times_carry_their_timeml_type_and_value() -> None:
    from khabar.report.json import dossier_to_dict
    from khabar.time import extract_times

    text = "وصل الوفد أمس الجمعة وسيبقى يومين."
    article = Article("t1", "t.txt", "وفد", date(2025, 10, 18), None, "ar", (text,))
    times = extract_times(text, article.published)
    data = dossier_to_dict(Dossier(articles=(AnnotatedArticle(article, (), times, ()),)))
    got = {(t["text"], t["type"], t["value"]) for t in data["articles"][0]["times"]}
    assert ("أمس الجمعة", "DATE", "2025-10-17") in got
    assert ("يومين", "DURATION", "P2D") in got


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and the infinities too, written as json writes them
    | st.text(),  # lone surrogates, control characters, quotes, Arabic
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
        | st.dictionaries(
            st.integers() | st.floats() | st.booleans() | st.none(), inner, max_size=3
        )
    ),
    max_leaves=30,
)


@given(_JSON_VALUES, st.sampled_from([2, 0, 4, None]))
def test_dict_to_json_writes_exactly_what_json_dumps_writes(
    value: object, indent: int | None
) -> None:
    assert dict_to_json(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_dict_to_json_fails_as_json_dumps_does() -> None:
    with pytest.raises(TypeError):
        dict_to_json({"a": [{"b": object()}]})
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        dict_to_json({"a": loop})


def test_dossier_json_is_the_indented_json_of_its_dict() -> None:
    data = dossier_to_dict(_dossier())
    assert dossier_to_json(_dossier()) == json.dumps(data, ensure_ascii=False, indent=2)
