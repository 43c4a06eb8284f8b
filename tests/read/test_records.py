"""CSV exports with a header row: one article a row, never one giant article."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages
from khabar.read.sniff import csv_column, csv_delimiter, sniff_text

BODY = "قال الوزير إن الحكومة ستعلن القرار غدا، وأضاف أن اللجنة اجتمعت صباح اليوم."


def _read(path: Path, text: str, cfg: ReadConfig | None = None) -> list[Page | Failure]:
    path.write_text(text, encoding="utf-8")
    return list(iter_pages([str(path)], cfg or ReadConfig()))


def test_each_row_is_one_article_with_its_fields_as_hints(tmp_path: Path) -> None:
    table = (
        "\ufeffTitle,Body,URL,pubDate,Site Name\r\n"
        f'"عنوان أول","{BODY}\r\nفقرة ثانية فيها ""اقتباس"".",https://n.example/1,2024-05-01,نيوز\r\n'
        f"عنوان ثان,{BODY.replace('،', '')},https://n.example/2,2024-05-02,نيوز\r\n"
    )
    pages = _read(tmp_path / "export.csv", table)
    assert [type(p).__name__ for p in pages] == ["Page", "Page"]
    first, second = pages
    assert isinstance(first, Page) and isinstance(second, Page)
    assert first.source.endswith("export.csv:row 1") and second.source.endswith(":row 2")
    assert first.kind == "record"
    assert first.text == f'{BODY}\r\nفقرة ثانية فيها "اقتباس".'
    assert (first.title_hint, first.url, first.published_hint) == (
        "عنوان أول",
        "https://n.example/1",
        "2024-05-01",
    )
    assert first.outlet_hint == "نيوز"


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_exports_are_read(tmp_path: Path, delimiter: str) -> None:
    table = delimiter.join(["title", "text"]) + "\n" + delimiter.join(["خبر", BODY]) + "\n"
    (page,) = _read(tmp_path / "export.txt", table)
    assert isinstance(page, Page) and page.text == BODY and page.title_hint == "خبر"


def test_arabic_column_names_are_read(tmp_path: Path) -> None:
    table = f"العنوان,النص,الرابط\nخبر,{BODY},https://n.example/3\n"
    (page,) = _read(tmp_path / "x.csv", table)
    assert isinstance(page, Page)
    assert (page.title_hint, page.url) == ("خبر", "https://n.example/3")


def test_html_column_is_read_as_html(tmp_path: Path) -> None:
    html = "<html><body><article><h1>خبر</h1><p>فقرة</p><p>فقرة</p></article></body></html>"
    (page,) = _read(tmp_path / "x.csv", f'url,html\nhttps://n.example/4,"{html}"\n')
    assert isinstance(page, Page) and page.kind == "html" and page.text == html


def test_export_without_a_text_column_is_one_failure_naming_its_columns(tmp_path: Path) -> None:
    rows = "".join(f"خبر {n},https://n.example/{n}\n" for n in range(50))
    (failure,) = _read(tmp_path / "links.csv", "title,url\n" + rows)
    assert isinstance(failure, Failure)
    assert "no article text column" in failure.error
    assert failure.error.endswith("its columns are: title, url")


def test_rows_with_more_cells_than_the_header_fail_alone(tmp_path: Path) -> None:
    table = f"title,text\nخبر,{BODY}\nخبر آخر,نص قصير,زائدة\nثالث,{BODY}\n"
    items = _read(tmp_path / "x.csv", table)
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Page"]
    assert items[1].source.endswith("x.csv:row 2")
    assert "3 cells but the header names 2" in items[1].error


def test_blank_rows_are_passed_over_and_a_header_alone_is_a_failure(tmp_path: Path) -> None:
    items = _read(tmp_path / "x.csv", "title,text\n\n,\n")
    assert [i.error for i in items if isinstance(i, Failure)] == [
        "CSV file has a header but no rows"
    ]


def test_a_cell_longer_than_the_csv_module_default_is_read(tmp_path: Path) -> None:
    long_body = "كلمة " * 60_000  # 300,000 characters, over csv's 131,072 default
    (page,) = _read(tmp_path / "x.csv", f'title,text\nخبر,"{long_body}"\n')
    assert isinstance(page, Page) and page.text == long_body.strip()


def test_a_csv_inside_a_zip_is_read_as_rows(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("day1.csv", f"title,text\nأ,{BODY}\nب,{BODY}\n")
    items = list(iter_pages([str(archive)], ReadConfig()))
    assert [i.source.rsplit("!", 1)[1] for i in items] == ["day1.csv:row 1", "day1.csv:row 2"]


@pytest.mark.parametrize(
    "text",
    [
        "Reuters, Beirut\nThe minister said, on Monday, that talks would resume.\n",
        "بيروت، لبنان\nقال الوزير إن المحادثات ستستأنف.\n",
        "title,text\n",  # a header with no line below it
        "text, and more text that runs on as a sentence would, title\nbody\n",
    ],
)
def test_text_whose_first_line_has_commas_is_not_a_csv(text: str) -> None:
    assert csv_delimiter(text) is None
    assert sniff_text(text) != "csv"


@pytest.mark.parametrize(
    ("cell", "field"),
    [(" Title ", "title"), ("PUBDATE", "pubDate"), ("Full Text", "text"), ("النص", "text")],
)
def test_csv_column_names_map_to_record_fields(cell: str, field: str) -> None:
    assert csv_column(cell) == field
