"""Every input format is read by content, with the right source names and hints."""

from __future__ import annotations

import shutil
from pathlib import Path

from read_builders import html_page, write_jsonl, write_warc, write_zip

from khabar.clean import clean_page
from khabar.config import CleanConfig, ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages

CFG = ReadConfig()
SEED = "002_8fc73ac330813a26.txt"


def _read(*paths: Path | str, cfg: ReadConfig = CFG) -> list[Page | Failure]:
    return list(iter_pages([str(p) for p in paths], cfg))


def test_text_dump_is_read_as_text_page(seeds_dir: Path) -> None:
    (page,) = _read(seeds_dir / SEED)
    assert isinstance(page, Page)
    assert page.kind == "text"
    assert page.encoding == "utf-8"
    assert page.source == str(seeds_dir / SEED)
    assert "تم النشر 13/02/2025" in page.text


def test_html_sniffed_by_content_not_extension(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(html_page("عنوان الخبر هنا", ["فقرة أولى من الخبر."]), encoding="utf-8")
    (page,) = _read(path)
    assert isinstance(page, Page) and page.kind == "html"


def test_text_dump_with_leftover_tags_stays_text(seeds_dir: Path) -> None:
    (page,) = _read(seeds_dir / "004_65c6f5ebf1dc930d.txt")
    assert isinstance(page, Page) and page.kind == "text"


def test_warc_response_records_become_html_pages(tmp_path: Path) -> None:
    html = html_page("بوتين يلتقي الشرع في موسكو", ["التقى الرئيسان في الكرملين لبحث القواعد."])
    path = tmp_path / "crawl.warc.gz"
    write_warc(
        path,
        [
            (
                "https://example.com/a",
                html.encode("windows-1256"),
                "text/html; charset=windows-1256",
            ),
            ("https://example.com/logo.png", b"\x89PNG....", "image/png"),
            ("https://example.com/b", html.encode("utf-8"), "text/html"),
        ],
    )
    pages = _read(path)
    assert [p.source for p in pages] == [
        f"{path}#https://example.com/a",
        f"{path}#https://example.com/b",
    ]
    assert all(isinstance(p, Page) and p.kind == "html" for p in pages)
    assert pages[0].encoding == "windows-1256"  # type: ignore[union-attr]
    assert pages[0].text == pages[1].text  # type: ignore[union-attr]
    assert pages[0].url == "https://example.com/a"  # type: ignore[union-attr]


def test_uncompressed_warc_is_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://example.com/a", html_page("عنوان", ["نص."]).encode(), "text/html")])
    (page,) = _read(path)
    assert isinstance(page, Page) and page.source.endswith("#https://example.com/a")


def test_warc_without_html_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    write_warc(path, [("https://example.com/logo.png", b"\x89PNG....", "image/png")])
    (item,) = _read(path)
    assert isinstance(item, Failure) and "no HTML" in item.error


def test_jsonl_records_fill_hints(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    write_jsonl(
        path,
        [
            {
                "url": "https://ar.example.com/1",
                "title": "عنوان أول",
                "text": "نص الخبر الأول.",
                "published": "2025-02-13",
                "outlet": "المثال",
            },
            {  # news-please habits
                "url": "https://news.example.org/2",
                "title": "عنوان ثان",
                "maintext": "نص الخبر الثاني.",
                "date_publish": "2025-02-14 10:00:00",
                "source_domain": "news.example.org",
            },
            {  # trafilatura habits: "source" is the URL
                "title": "عنوان ثالث",
                "text": "نص الخبر الثالث.",
                "date": "2025-02-15",
                "source": "https://third.example.net/3",
                "sitename": "الثالث",
            },
            {"title": "HTML record", "html": "<html><body><p>نص</p></body></html>"},
        ],
    )
    pages = _read(path)
    assert [p.source for p in pages] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    first, second, third, fourth = pages
    assert isinstance(first, Page) and first.kind == "record"
    assert (first.title_hint, first.published_hint, first.outlet_hint, first.url) == (
        "عنوان أول",
        "2025-02-13",
        "المثال",
        "https://ar.example.com/1",
    )
    assert isinstance(second, Page) and second.text == "نص الخبر الثاني."
    assert second.outlet_hint == "news.example.org" and second.published_hint.startswith(
        "2025-02-14"
    )  # type: ignore[union-attr]
    assert isinstance(third, Page) and third.url == "https://third.example.net/3"
    assert third.outlet_hint == "الثالث"
    assert isinstance(fourth, Page) and fourth.kind == "html"


def test_jsonl_text_field_holding_html_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    write_jsonl(path, [{"title": "أ", "text": "<p>فقرة أولى.</p><p>فقرة ثانية.</p>"}])
    (page,) = _read(path)
    assert isinstance(page, Page) and page.kind == "html" and page.title_hint == "أ"


def test_jsonl_bad_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    write_jsonl(
        path, [{"title": "أ", "text": "نص."}, "{not json", {"title": "no body"}, {"text": "ب."}]
    )
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Page", "Failure", "Failure", "Page"]
    assert items[1].source == f"{path}:2"
    assert "not valid JSON" in items[1].error  # type: ignore[union-attr]
    assert "no article text" in items[2].error  # type: ignore[union-attr]


def test_json_document_with_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('[{"title": "أ", "text": "نص أ."}, {"title": "ب", "text": "نص ب."}]', "utf-8")
    pages = _read(path)
    assert [p.source for p in pages] == [f"{path}:1", f"{path}:2"]


def test_zip_members_read_in_memory_with_bang_sources(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    path = tmp_path / "pages.zip"
    write_zip(
        path,
        {
            "b/page.html": html_page("عنوان", ["نص."]).encode("utf-8"),
            "a/seed.txt": seed_texts[SEED].encode("windows-1256"),
            ".hidden.txt": b"secret",
            "__MACOSX/a/._seed.txt": b"junk",
        },
    )
    items = _read(path)
    pages = [i for i in items if isinstance(i, Page)]
    assert [p.source for p in pages] == [f"{path}!a/seed.txt", f"{path}!b/page.html"]
    skipped = {i.source: i.error for i in items if isinstance(i, Failure)}
    assert "hidden file" in skipped[f"{path}!.hidden.txt"]
    assert "1 macOS resource-fork" in skipped[f"{path}!__MACOSX/"]
    assert pages[0].encoding == "windows-1256"  # type: ignore[union-attr]
    assert pages[0].text == seed_texts[SEED]  # type: ignore[union-attr]


def test_zip_inside_zip_and_jsonl_inside_zip(tmp_path: Path) -> None:
    inner = tmp_path / "inner.zip"
    write_zip(inner, {"x.txt": "نص عربي قصير.".encode()})
    jsonl = tmp_path / "e.jsonl"
    write_jsonl(jsonl, [{"title": "أ", "text": "نص."}, {"title": "ب", "text": "نص."}])
    outer = tmp_path / "outer.zip"
    write_zip(outer, {"inner.zip": inner.read_bytes(), "e.jsonl": jsonl.read_bytes()})
    sources = [p.source for p in _read(outer)]
    assert sources == [f"{outer}!e.jsonl:1", f"{outer}!e.jsonl:2", f"{outer}!inner.zip!x.txt"]


def test_same_article_from_text_warc_jsonl_and_zip(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    text = seed_texts[SEED]
    plain = tmp_path / "seed.txt"
    plain.write_text(text, encoding="utf-8")
    archive = tmp_path / "seed.zip"
    write_zip(archive, {"seed.txt": text.encode("utf-16")})
    warc = tmp_path / "seed.warc.gz"
    write_warc(
        warc, [("https://ar.levant24.com/p", text.encode("utf-8"), "text/plain; charset=utf-8")]
    )
    jsonl = tmp_path / "seed.jsonl"
    write_jsonl(jsonl, [{"url": "https://ar.levant24.com/p", "text": text}])
    cfg = CleanConfig()
    bodies = []
    for path in (plain, archive, warc, jsonl):
        (page,) = _read(path)
        assert isinstance(page, Page), page
        bodies.append(clean_page(page, cfg).paragraphs)
    assert all(b == bodies[0] for b in bodies)


def test_folder_recursive_sorted_skips_hidden(tmp_path: Path, seeds_dir: Path) -> None:
    root = tmp_path / "in"
    (root / "z").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(seeds_dir / SEED, root / "z" / "b.txt")
    shutil.copy(seeds_dir / SEED, root / "a.txt")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    (root / ".git" / "config").write_text("x")
    items = _read(root)
    assert [p.source for p in items if isinstance(p, Page)] == [
        str(root / "a.txt"),
        str(root / "z" / "b.txt"),
    ]
    assert [(f.source, f.error.split(" (")[0]) for f in items if isinstance(f, Failure)] == [
        (str(root / ".DS_Store"), "skipped: hidden file"),
        (str(root / ".git"), "skipped: hidden folder"),
    ]


def test_glob_pattern_expands_sorted(tmp_path: Path, seeds_dir: Path) -> None:
    for name in ("b.txt", "a.txt", "c.html"):
        shutil.copy(seeds_dir / SEED, tmp_path / name)
    assert [p.source for p in _read(tmp_path / "*.txt")] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    (fail,) = _read(tmp_path / "*.nothing")
    assert isinstance(fail, Failure) and "no file matches" in fail.error


def test_folder_lists_readme_and_license_as_skipped_but_reads_them_when_named(
    tmp_path: Path, seeds_dir: Path
) -> None:
    shutil.copy(seeds_dir / SEED, tmp_path / "a.txt")
    (tmp_path / "README.md").write_text("# وصف المجلد", encoding="utf-8")
    (tmp_path / "LICENSE").write_text("Apache-2.0", encoding="utf-8")
    items = _read(tmp_path)
    assert [p.source for p in items if isinstance(p, Page)] == [str(tmp_path / "a.txt")]
    assert {f.source: f.error for f in items if isinstance(f, Failure)} == {
        str(tmp_path / name): "skipped: documentation file (README, LICENSE and the like)"
        for name in ("LICENSE", "README.md")
    }
    assert [p.source for p in _read(tmp_path / "README.md")] == [str(tmp_path / "README.md")]
