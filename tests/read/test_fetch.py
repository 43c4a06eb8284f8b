"""Web addresses read politely: robots.txt, a user agent, pauses, timeouts, a size limit, feeds.

Every test serves its pages from 127.0.0.1 (tests/read/web_server.py); none uses the internet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from read_builders import html_page
from web_server import LocalSite, Route

from khabar.cli import main
from khabar.config import ReadConfig
from khabar.model import Failure, Page
from khabar.read import iter_pages
from khabar.read.fetch import NOT_FETCHED, FetchConfig, Fetcher, is_url

ARTICLE = html_page(
    "الحكومة تعلن خطة جديدة للمياه",
    [
        "أعلنت الحكومة اليوم خطة جديدة لتوزيع المياه على القرى في المحافظات الجنوبية.",
        "وقال وزير المياه إن الخطة تبدأ الشهر المقبل وتشمل حفر عشرين بئرا جديدة.",
    ],
).encode("utf-8")
HTML = (("Content-Type", "text/html; charset=utf-8"),)
XML = (("Content-Type", "application/xml"),)
NO_DELAY = b"User-agent: *\nCrawl-delay: 0\n"


@pytest.fixture
def site() -> Iterator[LocalSite]:
    with LocalSite() as served:
        yield served


def _read(site: LocalSite, path: str, cfg: ReadConfig | None = None, **fetch: object) -> list:
    config = ReadConfig() if cfg is None else cfg
    fetcher = Fetcher(config, FetchConfig(**fetch))  # type: ignore[arg-type]
    with fetcher:
        return list(iter_pages([site.url(path)], config, fetcher))


def test_a_page_is_fetched_with_a_user_agent_after_robots_txt(site: LocalSite) -> None:
    site.routes["/news/1"] = Route(ARTICLE)
    (page,) = _read(site, "/news/1")
    assert isinstance(page, Page)
    assert page.kind == "html" and page.url == site.url("/news/1")
    assert "خطة جديدة للمياه" in page.text
    assert site.paths() == ["/robots.txt", "/news/1"]
    assert all(agent.startswith("khabar/") for _, agent in site.requests)


def test_robots_txt_that_disallows_the_page_stops_the_fetch(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n", headers=())
    site.routes["/private/1"] = Route(ARTICLE)
    (failure,) = _read(site, "/private/1")
    assert isinstance(failure, Failure)
    assert failure.error.startswith(NOT_FETCHED) and "robots.txt" in failure.error
    assert "/private/1" not in site.paths()


def test_robots_txt_rules_for_khabar_by_name_apply(site: LocalSite) -> None:
    robots = b"User-agent: khabar\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    site.routes["/robots.txt"] = Route(robots, headers=())
    site.routes["/a"] = Route(ARTICLE)
    (failure,) = _read(site, "/a")
    assert isinstance(failure, Failure) and "forbids" in failure.error


def test_robots_txt_server_error_forbids_and_missing_robots_allows(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(b"down", 503)
    site.routes["/a"] = Route(ARTICLE)
    (failure,) = _read(site, "/a")
    assert isinstance(failure, Failure) and "503" in failure.error
    del site.routes["/robots.txt"]  # now a 404: everything allowed
    (page,) = _read(site, "/a")
    assert isinstance(page, Page)


@pytest.mark.parametrize("status", [404, 410, 500])
def test_an_error_status_is_a_failure_with_the_status(site: LocalSite, status: int) -> None:
    site.routes["/gone"] = Route(b"<html>gone</html>", status)
    (failure,) = _read(site, "/gone")
    assert isinstance(failure, Failure)
    assert failure.error == f"{NOT_FETCHED}: the server answered {status}"


@pytest.mark.parametrize("length", [True, False])
def test_a_page_over_max_bytes_is_refused(site: LocalSite, length: bool) -> None:
    site.routes["/big"] = Route(b"<p>" + b"x" * 200_000 + b"</p>", length=length)
    (failure,) = _read(site, "/big", ReadConfig(max_bytes=10_000))
    assert isinstance(failure, Failure)
    assert "over read.max_bytes=10000" in failure.error


def test_a_server_that_stalls_is_given_up_on(site: LocalSite) -> None:
    site.routes["/slow"] = Route(ARTICLE, stall=True)
    (failure,) = _read(site, "/slow", read_timeout_s=0.2)
    assert isinstance(failure, Failure)
    assert "did not answer in time" in failure.error


def test_a_host_that_refuses_connections_is_named() -> None:
    with LocalSite() as gone:
        address = gone.url("/a")
    (failure,) = iter_pages([address], ReadConfig())
    assert isinstance(failure, Failure) and failure.source == address
    assert failure.error.startswith(f"{NOT_FETCHED}: the connection failed")


def test_redirects_are_followed_and_each_hop_checked(site: LocalSite) -> None:
    robots = NO_DELAY + b"Disallow: /secret\n"
    site.routes["/robots.txt"] = Route(robots, headers=())
    site.routes["/old"] = Route(status=301, headers=(("Location", "/new"),))
    site.routes["/new"] = Route(ARTICLE)
    site.routes["/to-secret"] = Route(status=302, headers=(("Location", "/secret"),))
    (page,) = _read(site, "/old")
    assert isinstance(page, Page) and page.url == site.url("/new")
    assert page.source == site.url("/old")
    (failure,) = _read(site, "/to-secret")
    assert isinstance(failure, Failure) and "forbids" in failure.error
    site.routes["/loop"] = Route(status=302, headers=(("Location", "/loop"),))
    (failure,) = _read(site, "/loop")
    assert isinstance(failure, Failure) and "redirects" in failure.error


def test_a_fetched_json_lines_export_is_read_as_records(site: LocalSite) -> None:
    rows = [{"title": f"خبر {n}", "text": f"نص الخبر رقم {n} عن المياه."} for n in range(3)]
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode("utf-8")
    site.routes["/export.jsonl"] = Route(body, headers=(("Content-Type", "application/jsonl"),))
    pages = _read(site, "/export.jsonl")
    assert [p.title_hint for p in pages] == ["خبر 0", "خبر 1", "خبر 2"]


def _rss(site: LocalSite, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>t</title><link>{site.url(p)}</link><comments>{site.url('/c')}</comments>"
        "</item>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أخبار</title>'
        f"<link>{site.url('/')}</link>{items}</channel></rss>"
    ).encode()


def test_an_rss_feed_is_read_as_its_articles_with_the_crawl_delay(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 7\n", headers=())
    for n in range(3):
        site.routes[f"/a{n}"] = Route(ARTICLE)
    site.routes["/feed"] = Route(_rss(site, ["/a0", "/a1", "/a2"]), headers=XML)
    slept: list[float] = []
    with Fetcher(ReadConfig(), sleep=slept.append, clock=lambda: 100.0) as fetcher:
        items = list(iter_pages([site.url("/feed")], ReadConfig(), fetcher))
    assert [p.source for p in items] == [site.url(f"/a{n}") for n in range(3)]
    assert all(isinstance(p, Page) for p in items)
    assert site.paths() == ["/robots.txt", "/feed", "/a0", "/a1", "/a2"]
    assert slept == [7.0, 7.0, 7.0]  # between the feed and each article, none before the first


def test_an_atom_feed_links_its_entries_not_its_own_pages(site: LocalSite) -> None:
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title>'
        '<link rel="self" href="/atom"/>'
        '<entry><title>خبر</title><link href="/a0"/><link rel="replies" href="/c"/></entry>'
        '<entry><title>خبر</title><link rel="alternate" href="a1"/></entry></feed>'
    ).encode()
    site.routes["/robots.txt"] = Route(NO_DELAY, headers=())
    site.routes["/atom"] = Route(atom, headers=XML)
    site.routes["/a0"] = Route(ARTICLE)
    site.routes["/a1"] = Route(ARTICLE)
    items = _read(site, "/atom")
    assert [p.source for p in items] == [site.url("/a0"), site.url("/a1")]


def test_a_sitemap_index_is_followed_one_level(site: LocalSite) -> None:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    site.routes["/robots.txt"] = Route(NO_DELAY, headers=())
    site.routes["/index.xml"] = Route(
        f"<sitemapindex {ns}><sitemap><loc>{site.url('/s1.xml')}</loc></sitemap>"
        f"<sitemap><loc>{site.url('/missing.xml')}</loc></sitemap></sitemapindex>".encode(),
        headers=XML,
    )
    site.routes["/s1.xml"] = Route(
        f"<urlset {ns}><url><loc>{site.url('/a0')}</loc></url></urlset>".encode(), headers=XML
    )
    site.routes["/a0"] = Route(ARTICLE)
    items = _read(site, "/index.xml")
    assert [type(i).__name__ for i in items] == ["Page", "Failure"]
    assert items[1].source == site.url("/missing.xml")
    assert items[1].error == f"{NOT_FETCHED}: the server answered 404"


def test_a_feed_longer_than_the_limit_lists_the_rest_as_not_fetched(site: LocalSite) -> None:
    site.routes["/robots.txt"] = Route(NO_DELAY, headers=())
    for n in range(4):
        site.routes[f"/a{n}"] = Route(ARTICLE)
    site.routes["/feed"] = Route(_rss(site, [f"/a{n}" for n in range(4)]), headers=XML)
    items = _read(site, "/feed", max_feed_items=2)
    assert [type(i).__name__ for i in items] == ["Page", "Page", "Failure", "Failure"]
    assert "more than 2 articles" in items[3].error
    assert "/a2" not in site.paths()


def test_an_empty_feed_is_a_failure(site: LocalSite) -> None:
    site.routes["/feed"] = Route(_rss(site, []), headers=XML)
    (failure,) = _read(site, "/feed")
    assert isinstance(failure, Failure) and failure.error == "the RSS feed lists no articles"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("https://a.b/c", True), ("HTTP://a.b", True), (" http://x", True), ("ftp://a", False)],
)
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected


def test_cli_analyzes_a_url_and_exits_non_zero_for_a_failed_one(
    site: LocalSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = ARTICLE.replace(
        b"</article>", b"<p>" + "نص إضافي للخبر. ".encode() * 20 + b"</p></article>"
    )
    site.routes["/news/1"] = Route(page)
    site.routes["/robots.txt"] = Route(NO_DELAY, headers=())
    out = tmp_path / "out"
    code = main(["analyze", site.url("/news/1"), site.url("/gone"), "-q", "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"khabar: {site.url('/gone')}: {NOT_FETCHED}: the server answered 404" in err
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert [a["url"] for a in data["articles"]] == [site.url("/news/1")]
    assert [e["source"] for e in data["errors"]] == [site.url("/gone")]
