"""CSV tables, JSON Lines of clean articles and the SVG timeline, all from the dossier's dict."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import stat
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from khabar.config import ReadConfig
from khabar.errors import KhabarError
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
    Flag,
    Story,
    SummarySentence,
)
from khabar.read import iter_pages
from khabar.report.json import dossier_to_dict
from khabar.report.tables import (
    TABLES,
    article_rows,
    articles_jsonl,
    csv_cell,
    csv_tables,
    timeline_svg,
)
from khabar.report.write import FORMATS, write_outputs

SVG = "{http://www.w3.org/2000/svg}"


def _article(n: int, outlet: str, url: str | None, title: str) -> AnnotatedArticle:
    body = ("أعلنت الحكومة خطة جديدة للمياه.", f"وقال الوزير إن الخطة رقم {n} تبدأ غدا.")
    return AnnotatedArticle(
        Article(
            id=f"a{n}",
            source=f"in/{n}.html",
            title=title,
            published=date(2025, 10, 14 + n),
            outlet=outlet,
            language="ar",
            paragraphs=body,
            lede=body[0],
            url=url,
            content_hash=f"h{n}",
        )
    )


def _dossier() -> Dossier:
    articles = (
        _article(1, "الجزيرة", "https://www.aljazeera.net/news/1", "خطة المياه"),
        _article(2, "سكاي نيوز عربية", "https://www.skynewsarabia.com/2", '=HYPERLINK("x")'),
        _article(3, "ملف", None, "خبر من ملف"),
    )
    events = (
        Event(
            id="ev-1",
            title="إعلان خطة المياه",
            articles=("a1", "a2"),
            date=date(2025, 10, 15),
            story="st-1",
            summary=(
                SummarySentence("أعلنت الحكومة خطة جديدة للمياه.", "a1", ("a2",)),
                SummarySentence("تبدأ الخطة غدا.", "a2"),
            ),
            participants=("e-gov",),
            places=("e-x",),
        ),
        Event(
            id="ev-2",
            title="حدث آخر",
            articles=("a3",),
            date_range=(date(2025, 10, 1), date(2025, 10, 31)),
        ),
    )
    claims = (
        Claim(
            "c-1",
            "الخطة تبدأ غدا",
            "الوزير",
            "ev-1",
            (ClaimSource("a1", "تبدأ غدا", "asserted"), ClaimSource("a2", "قد تبدأ", "hedged")),
        ),
    )
    contradictions = (
        Contradiction(
            "x-1",
            "number",
            "عشرون بئرا / ثلاثون بئرا",
            "c-1",
            (ClaimSource("a1", "عشرين بئرا", "asserted"), ClaimSource("a2", "ثلاثين", "asserted")),
        ),
    )
    return Dossier(
        articles=articles,
        events=events,
        stories=(Story("st-1", "قصة المياه", ("ev-1",)),),
        entities=(EntityRecord("e-gov", "الحكومة", "ORG", ("الحكومة",), ("a1",)),),
        claims=claims,
        contradictions=contradictions,
        flags=(ArticleFlag("a2", Flag("clickbait_title", "tail")),),
        meta=(("khabar_version", "0"), ("created", "2026-01-01T00:00:00+00:00")),
    )


def _csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_each_table_has_a_header_and_the_rows_the_dossier_holds() -> None:
    tables = csv_tables(dossier_to_dict(_dossier()))
    assert sorted(tables) == sorted(f"{name}.csv" for name in TABLES)
    articles = _csv(tables["articles.csv"])
    assert [a["id"] for a in articles] == ["a1", "a2", "a3"]
    first = articles[0]
    assert (first["title"], first["date"], first["sitename"], first["hostname"]) == (
        "خطة المياه",
        "2025-10-15",
        "الجزيرة",
        "aljazeera.net",
    )
    assert (first["event"], first["story"]) == ("ev-1", "st-1")
    assert first["text"] == "أعلنت الحكومة خطة جديدة للمياه.\nوقال الوزير إن الخطة رقم 1 تبدأ غدا."
    assert articles[1]["flags"] == "clickbait_title"
    assert articles[2]["url"] == "" and articles[2]["story"] == ""


def test_events_table_names_outlets_participants_and_dates() -> None:
    events = _csv(csv_tables(dossier_to_dict(_dossier()))["events.csv"])
    first, second = events
    assert first["story_title"] == "قصة المياه" and first["article_count"] == "2"
    assert first["articles"] == "a1; a2"
    assert first["outlets"] == "الجزيرة; سكاي نيوز عربية"
    assert first["participants"] == "الحكومة" and first["places"] == "e-x"  # unknown id kept
    assert first["summary"] == "أعلنت الحكومة خطة جديدة للمياه. تبدأ الخطة غدا."
    assert (second["date"], second["date_from"], second["date_to"]) == (
        "",
        "2025-10-01",
        "2025-10-31",
    )


def test_claims_and_contradictions_have_one_row_per_citing_article() -> None:
    tables = csv_tables(dossier_to_dict(_dossier()))
    claims = _csv(tables["claims.csv"])
    assert [(c["claim"], c["article"], c["stance"], c["sitename"]) for c in claims] == [
        ("c-1", "a1", "asserted", "الجزيرة"),
        ("c-1", "a2", "hedged", "سكاي نيوز عربية"),
    ]
    assert claims[0]["speaker"] == "الوزير" and claims[1]["quote"] == "قد تبدأ"
    sides = _csv(tables["contradictions.csv"])
    assert [(s["contradiction"], s["kind"], s["article"]) for s in sides] == [
        ("x-1", "number", "a1"),
        ("x-1", "number", "a2"),
    ]


def test_the_tables_hold_what_the_json_holds() -> None:
    data = dossier_to_dict(_dossier())
    tables = csv_tables(data)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert {a["id"]: a["text"] for a in _csv(tables["articles.csv"])} == texts
    cited = {(c["id"], s["article"], s["quote"]) for c in data["claims"] for s in c["sources"]}
    rows = _csv(tables["claims.csv"])
    assert {(r["claim"], r["article"], r["quote"]) for r in rows} == cited


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("x")', '\'=HYPERLINK("x")'),
        ("+1", "'+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("نص عادي", "نص عادي"),
        (None, ""),
        (["أ", "ب"], "أ; ب"),
        (3, "3"),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_jsonl_uses_trafilatura_names_and_is_read_back_by_khabar(tmp_path: Path) -> None:
    data = dossier_to_dict(_dossier())
    text = articles_jsonl(data)
    records = [json.loads(line) for line in text.splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2", "a3"]
    first = records[0]
    for field in ("title", "date", "url", "source", "hostname", "sitename", "excerpt", "text"):
        assert field in first
    assert first["fingerprint"] == "h1" and first["hostname"] == "aljazeera.net"
    assert (first["source"], first["input"]) == (first["url"], "in/1.html")
    assert records[1]["title"] == '=HYPERLINK("x")'  # JSON keeps the value as it is
    path = tmp_path / "articles.jsonl"
    path.write_text(text, encoding="utf-8")
    pages = list(iter_pages([str(path)], ReadConfig()))
    assert [(p.title_hint, p.url, p.published_hint, p.outlet_hint) for p in pages] == [
        (r["title"], r["url"], r["date"], r["sitename"]) for r in records
    ]
    assert [p.text for p in pages] == [r["text"] for r in records]


def test_timeline_svg_is_well_formed_with_one_group_per_dated_story() -> None:
    svg = timeline_svg(dossier_to_dict(_dossier()))
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == f"{SVG}svg"
    headings = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "story"]
    assert headings == ["قصة المياه", "أحداث خارج القصص"]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["إعلان خطة المياه", "حدث آخر"]
    assert len(list(root.iter(f"{SVG}rect"))) == 2  # the background and the October range
    assert float(root.get("height", "0")) > 0


def test_timeline_svg_escapes_titles() -> None:
    dossier = _dossier()
    hostile = Event(id="ev-3", title='<script>alert(1)</script> & "x"', articles=("a3",))
    dated = Event(id="ev-4", title="</text><a href='x'>", articles=("a3",), date=date(2025, 1, 1))
    data = dossier_to_dict(Dossier(articles=dossier.articles, events=(hostile, dated)))
    svg = timeline_svg(data)
    assert "<script" not in svg and "<a href" not in svg
    ET.fromstring(svg.encode("utf-8"))


def test_timeline_svg_of_a_dossier_without_dates_says_so() -> None:
    svg = timeline_svg(dossier_to_dict(Dossier(articles=())))
    root = ET.fromstring(svg.encode("utf-8"))
    assert [t.text for t in root.iter(f"{SVG}text")] == ["لا أحداث مؤرَّخة في هذا الملف"]


def test_write_outputs_writes_every_format_with_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        paths = write_outputs(_dossier(), tmp_path / "out", FORMATS)
    finally:
        os.umask(previous)
    names = [p.name for p in paths]
    assert names == [
        "dossier.json",
        "dossier.html",
        "articles.csv",
        "events.csv",
        "claims.csv",
        "contradictions.csv",
        "tables.xlsx",
        "articles.jsonl",
        "timeline.svg",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(names)
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {0o640}


def test_write_outputs_refuses_an_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(KhabarError, match="unknown output format ods"):
        write_outputs(_dossier(), tmp_path, ["csv", "ods"])


def test_xlsx_has_one_sheet_per_table_with_the_csv_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = dossier_to_dict(_dossier())
    (path,) = write_outputs(_dossier(), tmp_path, ["xlsx"])
    book = load_workbook(path)
    assert book.sheetnames == list(TABLES)
    for name in TABLES:
        sheet = book[name]
        assert sheet.sheet_view.rightToLeft
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        expected = list(csv.reader(io.StringIO(csv_tables(data)[f"{name}.csv"][1:])))
        # the same cells as the CSV, except that text starting like a formula needs no quote
        assert rows == [[c.removeprefix("'") for c in r] for r in expected], name
    title = book["articles"]["B3"]
    assert title.value == '=HYPERLINK("x")' and title.data_type == "s"  # text, not a formula


def test_xlsx_cuts_a_text_longer_than_a_cell_holds(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from khabar.report.tables import XLSX_MAX_CELL_CHARS

    long = _article(4, "الجزيرة", None, "طويل")
    body = ("كلمة " * 10_000,)
    long = AnnotatedArticle(dataclasses.replace(long.article, paragraphs=body, lede=body[0]))
    (path,) = write_outputs(Dossier(articles=(long,)), tmp_path, ["xlsx"])
    sheet = load_workbook(path)["articles"]
    column = [c.value for c in sheet[1]].index("text") + 1
    text = sheet.cell(2, column).value
    assert len(text) == XLSX_MAX_CELL_CHARS and text.startswith("كلمة كلمة")


def test_article_rows_follow_the_dossier_order() -> None:
    rows = article_rows(dossier_to_dict(_dossier()))
    assert [r["id"] for r in rows] == ["a1", "a2", "a3"]
