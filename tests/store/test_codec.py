"""The store's JSON codec: every model dataclass survives a round trip unchanged."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar import model
from khabar.model import (
    AnnotatedArticle,
    Article,
    ArticleFlag,
    Claim,
    ClaimSource,
    Contradiction,
    Dossier,
    EntityRecord,
    Event,
    Failure,
    Flag,
    Mention,
    Page,
    Position,
    RemovedBlock,
    Statement,
    Story,
    SummarySentence,
    TimeExpr,
    Token,
)
from khabar.store.codec import decode, dumps, encode, loads

ARTICLE = Article(
    id="a1",
    source="pages/000.txt",
    title="بوتين يستقبل الأسد في موسكو",
    published=date(2024, 7, 24),
    outlet="روسيا اليوم",
    language="ar",
    paragraphs=("استقبل الرئيس الروسي فلاديمير بوتين…", "وقال الكرملين إن…"),
    lede="استقبل",
    url="https://example.org/a1",
    published_evidence="24/07/2024",
    removed=(RemovedBlock("اقرأ أيضا", "related_links", 12),),
    flags=(Flag("broken_paragraphs", "3 repaired"),),
    content_hash="ab" * 32,
)
ANNOTATED = AnnotatedArticle(
    ARTICLE,
    mentions=(
        Mention("بوتين", "PER", 20, 25, "e1"),
        Mention("موسكو", "LOC", 24, 29, in_title=True),
    ),
    times=(TimeExpr("أمس", 0, 3, date(2024, 7, 23), date(2024, 7, 23), "relative", True),),
    statements=(Statement("s", "c", 0, 1, "attributed", "الكرملين", "e2", "قال", True),),
)
EVENT = Event(
    id="ev1",
    title="لقاء",
    articles=("a1", "a2"),
    date=date(2024, 7, 24),
    date_range=(date(2024, 7, 23), date(2024, 7, 25)),
    date_evidence=("أمس",),
    story="st1",
    summary=(SummarySentence("جملة", "a1", ("a2",)),),
    participants=("e1",),
    places=("e3",),
)
SOURCE = ClaimSource("a1", "quote", "denied")
EXAMPLES = [
    Page("f.txt", b"\x00\xffraw", "text", "windows-1256", "text", "u", "t", "2024-01-01", "o"),
    Failure("bad.bin", "binary file"),
    Token("بالكرملين", 0, 9, "بالكرملين", "كرملين"),
    ARTICLE,
    ANNOTATED,
    dataclasses.replace(
        ANNOTATED,
        analysis=model.Analysis(
            ((0, 9),),
            model.Tokens.pack([Token("بالكرملين", 0, 9, "بالكرملين", "كرملين")]),
            title_times=ANNOTATED.times,
        ),
    ),
    EntityRecord("e1", "بوتين", "PER", ("بوتين", "بوتن"), ("a1",)),
    EVENT,
    Story("st1", "title", ("ev1",)),
    Claim("c1", "text", None, "ev1", (SOURCE,)),
    Contradiction("x1", "stance", "detail", "c1", (SOURCE, SOURCE)),
    Contradiction(
        "x2", "number", "detail", None, (SOURCE,), (Position("none", (SOURCE,), ("البنتاغون",)),)
    ),
    ArticleFlag("a1", Flag("old_story", "2 years")),
    Dossier((ANNOTATED,), (EVENT,), meta=(("created", "now"),), errors=(Failure("x", "y"),)),
]


@pytest.mark.parametrize("value", EXAMPLES, ids=lambda v: type(v).__name__)
def test_codec_round_trips_each_model_class(value: object) -> None:
    assert loads(type(value), dumps(value)) == value


def test_codec_writes_dates_as_iso_strings_and_keeps_arabic_readable() -> None:
    data = json.loads(dumps(EVENT))
    assert data["date"] == "2024-07-24"
    assert data["date_range"] == ["2024-07-23", "2024-07-25"]
    assert "لقاء" in dumps(EVENT)


def test_codec_fills_fields_absent_from_older_rows_with_defaults() -> None:
    data = encode(EVENT)
    del data["places"], data["summary"]
    assert decode(Event, data) == dataclasses.replace(EVENT, places=(), summary=())


def test_codec_fills_slots_of_full_rows_and_sorts_out_unknown_keys() -> None:
    data = encode(EVENT)
    rebuilt = decode(Event, data)
    assert rebuilt == EVENT and hash(rebuilt) == hash(EVENT)
    swapped = dict(data)
    del swapped["summary"]
    swapped["from_a_newer_khabar"] = 1  # as many keys as fields, one of them unknown
    assert decode(Event, swapped) == dataclasses.replace(EVENT, summary=())
    with pytest.raises(TypeError):
        decode(Event, [1, 2])


def test_codec_covers_every_dataclass_in_the_model() -> None:
    classes = {
        obj
        for obj in vars(model).values()
        if isinstance(obj, type) and dataclasses.is_dataclass(obj)
    }
    covered: set[type] = set()

    def walk(value: object) -> None:
        if dataclasses.is_dataclass(value):
            covered.add(type(value))
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)

    for example in EXAMPLES:
        walk(example)
    assert classes <= covered


text = st.text(max_size=12)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
time_exprs = st.builds(
    TimeExpr,
    text,
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.none() | dates,
    st.none() | dates,
)


@settings(max_examples=60, deadline=None)
@given(
    events=st.builds(
        Event,
        text,
        text,
        st.lists(text, max_size=4).map(tuple),
        st.none() | dates,
        st.none() | st.tuples(dates, dates),
    ),
    times=st.lists(time_exprs, max_size=4).map(tuple),
)
def test_codec_round_trips_generated_events_and_times(
    events: Event, times: tuple[TimeExpr, ...]
) -> None:
    assert loads(Event, dumps(events)) == events
    annotated = AnnotatedArticle(ARTICLE, times=times)
    assert loads(AnnotatedArticle, dumps(annotated)) == annotated


def _reference_encode(value: object) -> object:
    """The codec's rules written plainly: dataclass fields in order, dates as ISO text, tuples as
    lists, bytes as base64 (what ``encode`` must write, however it gets there)."""
    import base64

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _reference_encode(getattr(value, f.name)) for f in dataclasses.fields(value)
        }
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [_reference_encode(v) for v in value]
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def test_codec_writes_an_analysed_article_as_its_plain_rules_do() -> None:
    from khabar.arabic.tokenize import tokenize
    from khabar.model import Analysis, Tokens

    text = ARTICLE.text
    analysed = dataclasses.replace(
        ANNOTATED,
        analysis=Analysis(
            sentences=((0, 10), (11, len(text))),
            tokens=Tokens.pack(tokenize(text)),
            title_tokens=Tokens.pack(tokenize(ARTICLE.title or "")),
        ),
    )
    assert encode(analysed) == _reference_encode(analysed)
    back = loads(AnnotatedArticle, dumps(analysed))
    assert back == analysed
    assert isinstance(back.tokens.norms, tuple) and back.tokens.norms == analysed.tokens.norms
