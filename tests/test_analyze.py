"""End to end: pages in, a schema-valid dossier out, every input accounted for."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import khabar
from khabar.errors import KhabarError
from khabar.model import AnnotatedArticle, Article, Dossier, Failure
from khabar.report.write import write_dossier

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "docs" / "dossier.schema.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def seeds_dossier(seeds_dir: Path) -> Dossier:
    return khabar.analyze([seeds_dir])


def test_pipeline_seeds_give_five_articles_and_a_valid_dossier(seeds_dossier: Dossier) -> None:
    data = json.loads(seeds_dossier.to_json())
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 5
    assert data["errors"] == []
    assert {Path(a["source"]).name[:3] for a in data["articles"]} == {
        "000",
        "001",
        "002",
        "003",
        "004",
    }


def test_pipeline_every_article_is_in_exactly_one_event(seeds_dossier: Dossier) -> None:
    data = seeds_dossier.to_dict()
    members = [a for e in data["events"] for a in e["articles"]]
    assert sorted(members) == sorted(a["id"] for a in data["articles"])
    for article in data["articles"]:
        assert article["event"] in {e["id"] for e in data["events"]}


def test_pipeline_references_resolve(seeds_dossier: Dossier) -> None:
    data = seeds_dossier.to_dict()
    article_ids = {a["id"] for a in data["articles"]}
    entity_ids = {e["id"] for e in data["entities"]}
    event_ids = {e["id"] for e in data["events"]}
    for article in data["articles"]:
        for mention in article["entities"]:
            assert mention["entity"] in entity_ids
            assert article["text"][mention["start"] : mention["end"]] == mention["text"]
    for story in data["stories"]:
        assert set(story["events"]) <= event_ids
    for event in data["events"]:
        assert event["story"] in {s["id"] for s in data["stories"]}
        for sentence in event["summary"]:
            assert sentence["article"] in set(event["articles"])
    for claim in data["claims"]:
        assert claim["speaker"] is None or claim["speaker"] in entity_ids
        assert {s["article"] for s in claim["sources"]} <= article_ids


def test_pipeline_bad_inputs_are_listed_and_the_batch_goes_on(
    seeds_dir: Path, tmp_path: Path
) -> None:
    pile = tmp_path / "pile"
    shutil.copytree(seeds_dir, pile)
    (pile / "empty.txt").write_bytes(b"")
    (pile / "image.bin").write_bytes(bytes(range(256)) * 64)
    missing = tmp_path / "no-such-file.html"
    dossier = khabar.analyze([pile, missing])
    data = dossier.to_dict()
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 5
    failed = {Path(e["source"]).name: e["error"] for e in data["errors"]}
    assert set(failed) == {"empty.txt", "image.bin", "no-such-file.html"}
    assert all(reason.strip() for reason in failed.values())


def test_pipeline_accepts_a_glob(seeds_dir: Path) -> None:
    dossier = khabar.analyze([str(seeds_dir / "00[12]_*.txt")])
    assert len(dossier.articles) == 2


def test_pipeline_examples_are_analysed_without_errors(examples_dir: Path) -> None:
    dossier = khabar.analyze([examples_dir])
    sources = {Path(a.article.source).name for a in dossier.articles}
    assert len(dossier.articles) >= 8, sources
    # the folder's README is listed as skipped (every file is accounted for); nothing fails
    assert [(Path(f.source).name, f.error.split(":")[0]) for f in dossier.errors] == [
        ("README.md", "skipped")
    ]
    assert len(dossier.events) >= 2


def test_pipeline_mismatched_headlines_do_not_name_events(seeds_dossier: Dossier) -> None:
    data = seeds_dossier.to_dict()
    flagged = {
        a["title"]
        for a in data["articles"]
        if any(f["kind"] == "headline_body_mismatch" for f in a["flags"])
    }
    assert flagged, "the seeds hold a page whose headline names someone the body is not about"
    titles = {e["title"] for e in data["events"]} | {s["title"] for s in data["stories"]}
    assert not titles & flagged


def test_pipeline_keeps_two_stories_that_share_a_leader_apart(
    seeds_dir: Path, examples_dir: Path
) -> None:
    dossier = khabar.analyze([seeds_dir, examples_dir])
    story_of = {e.id: e.story for e in dossier.events}
    seed_ids = {a.id for a in dossier.articles if Path(a.article.source).parent == seeds_dir}
    event_of = {a: e.id for e in dossier.events for a in e.articles}
    seed_stories = {story_of[event_of[a]] for a in seed_ids}
    other_stories = {story_of[event_of[a.id]] for a in dossier.articles if a.id not in seed_ids}
    assert len(seed_stories) == 1
    assert not seed_stories & other_stories


def _article(**fields: object) -> AnnotatedArticle:
    values: dict[str, object] = {
        "id": "a1",
        "source": "feed.jsonl#1",
        "title": "عنوان",
        "published": None,
        "outlet": "وكالة",
        "language": "ar",
        "paragraphs": ("نص الخبر.",),
    }
    values.update(fields)
    return AnnotatedArticle(Article(**values))  # type: ignore[arg-type]


def test_write_dossier_survives_text_utf8_cannot_hold(tmp_path: Path) -> None:
    odd_name = (b"/in/\xff" + "خبر.txt".encode()).decode("utf-8", "surrogateescape")
    dossier = Dossier(
        articles=(_article(title="عنوان \ud800", paragraphs=("نص \udfff الخبر.",)),),
        errors=(Failure(odd_name, "no article found \ud834"),),
    )
    json_path, html_path = write_dossier(dossier, tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["articles"][0]["title"] == "عنوان \ufffd"
    assert data["errors"][0]["error"] == "no article found \ufffd"
    assert "\ufffd" in html_path.read_text(encoding="utf-8")


def test_a_failed_write_names_the_file_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "dossier.json").write_text("{}", encoding="utf-8")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(KhabarError, match=r"cannot write .*dossier\.json: No space left"):
        write_dossier(Dossier(articles=(_article(),)), out)
    assert sorted(p.name for p in out.iterdir()) == ["dossier.json"]
    assert (out / "dossier.json").read_text(encoding="utf-8") == "{}"  # the old file stays


def test_write_dossier_cut_short_by_ctrl_c_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_dossier(Dossier(articles=(_article(),)), tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_analyze_a_batch_with_a_broken_record_writes_every_other_input(tmp_path: Path) -> None:
    body = (
        "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في "
        "العاصمة، بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه."
    )
    rows = [
        {"url": f"https://news.example/{n}", "title": f"خبر رقم {n}", "text": f"{body} {n}"}
        for n in range(4)
    ]
    rows[1]["text"] += " \ud800"
    rows[2]["title"] += " \udc00"
    rows[3]["url"] = "javascript:alert(1)"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    dossier = khabar.analyze([feed])
    assert len(dossier.articles) + len(dossier.errors) == 4
    assert len(dossier.articles) == 4
    json_path, _ = write_dossier(dossier, tmp_path / "out")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    urls = {a["url"] for a in data["articles"]}
    assert urls == {f"https://news.example/{n}" for n in range(3)} | {None}


def test_pages_from_memory_are_analysed_beside_files(examples_dir: Path, tmp_path: Path) -> None:
    html_file = examples_dir / "alofoq-2025-08-16-alaska.html"
    body = (
        "أعلن المتحدث باسم وزارة الخارجية أن جولة جديدة من المحادثات بين الجانبين ستعقد في "
        "العاصمة الأسبوع المقبل، بعد أشهر من التوقف بسبب الخلاف على ملف الحدود والمياه."
    )
    dossier = khabar.analyze(
        [
            khabar.Page.from_text(
                body,
                "feed://item/1",
                title="جولة محادثات جديدة الأسبوع المقبل",
                published=date(2025, 3, 4),
                outlet="وكالة الأنباء",
                url="https://news.example/1",
            ),
            khabar.Page.from_html(html_file.read_text("utf-8"), "crawler://alofoq/1"),
            examples_dir / "almadar-2025-03-18-call.txt",
        ]
    )
    assert dossier.errors == ()
    by_source = {a.article.source: a.article for a in dossier.articles}
    assert set(by_source) == {
        "feed://item/1",
        "crawler://alofoq/1",
        str(examples_dir / "almadar-2025-03-18-call.txt"),
    }
    record = by_source["feed://item/1"]
    assert (record.title, record.published, record.outlet, record.url) == (
        "جولة محادثات جديدة الأسبوع المقبل",
        date(2025, 3, 4),
        "وكالة الأنباء",
        "https://news.example/1",
    )
    assert record.text == body
    # the page from memory is the page read from disk
    from_disk = khabar.analyze(html_file).articles[0].article
    from_memory = by_source["crawler://alofoq/1"]
    assert (from_memory.title, from_memory.published, from_memory.text) == (
        from_disk.title,
        from_disk.published,
        from_disk.text,
    )
    paths = dossier.write(tmp_path / "out", formats=["json", "csv"])
    assert [p.name for p in paths][:2] == ["dossier.json", "articles.csv"]
    assert all(p.is_file() for p in paths)


def test_a_text_page_without_title_is_cleaned_as_a_whole_page() -> None:
    page = khabar.Page.from_text("الرئيسية\nأخبار\n")
    assert (page.kind, page.source, page.title_hint) == ("text", "<memory>", None)
    assert khabar.Page.from_text("نص", title="عنوان").kind == "record"


def _outlet_page(n: int, site_name: str | None) -> khabar.Page:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    body = " ".join(
        f"قال المتحدث باسم البلدية إن أعمال صيانة الطريق رقم {n} ستبدأ صباح الأحد المقبل."
        for _ in range(4)
    )
    html = (
        f"<html><head><title>صيانة الطريق {n}</title>{meta}</head><body><article>"
        f"<h1>صيانة الطريق {n}</h1><p>{body}</p></article></body></html>"
    )
    return khabar.Page.from_html(html, f"mem://{n}", url=f"https://www.madina-news.example/a/{n}")


def test_one_outlet_has_one_name_in_the_dossier_with_or_without_its_site_name() -> None:
    dossier = khabar.analyze([_outlet_page(1, "أخبار المدينة"), _outlet_page(2, None)])
    outlets = {(a.article.outlet, a.article.outlet_key) for a in dossier.articles}
    assert outlets == {("أخبار المدينة", "madina-news.example")}
    assert {a["outlet_key"] for a in dossier.to_dict()["articles"]} == {"madina-news.example"}


def test_a_republished_copy_is_marked_with_the_outlet_that_published_it_first() -> None:
    from khabar.report.html import render_html

    body = " ".join(
        f"أعلنت وزارة النقل أن الخط الحديدي الجديد رقم {n} بين المدينتين سيفتتح في الصيف المقبل "
        "بعد تأخير دام عامين بسبب نقص التمويل وخلافات مع الشركات المنفذة."
        for n in range(3)
    )
    pages = [
        khabar.Page.from_text(
            body,
            f"feed://{i}",
            title="افتتاح الخط الحديدي الصيف المقبل",
            published=day,
            outlet=outlet,
        )
        for i, (day, outlet) in enumerate(
            [(date(2025, 3, 5), "صحيفة الشرق"), (date(2025, 3, 4), "وكالة الأنباء")]
        )
    ]
    dossier = khabar.analyze(pages)
    first, later = sorted(dossier.articles, key=lambda a: a.article.published)
    flags = [f for f in dossier.flags if f.flag.kind == "republished"]
    assert [(f.article, f.flag.detail) for f in flags] == [(later.id, f"copy of {first.id}")]
    page = render_html(dossier).replace("\u2068", "").replace("\u2069", "")  # bidi isolates
    assert "نسخة من خبر نشره وكالة الأنباء أولًا" in page  # in Arabic, the id shown as its outlet
