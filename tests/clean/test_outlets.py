"""One outlet, one name: one key and one display name for an outlet however its pages name it."""

from __future__ import annotations

import pytest

from khabar.clean import clean_page, clean_pages, settle_annotated
from khabar.clean.lines import make_line
from khabar.clean.outlets import (
    canonical_outlet,
    known_by_address,
    known_by_name,
    outlet_in_dateline,
    registrable_domain,
)
from khabar.config import CleanConfig
from khabar.model import AnnotatedArticle, Article, Page

PARAS = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري.",
)
TITLE = "استئناف المفاوضات بين البلدين الأسبوع المقبل"
CFG = CleanConfig()


def _html(url: str, site_name: str | None = None, footer: str = "", n: int = 0) -> Page:
    """An HTML article page at ``url``, with ``og:site_name`` when given."""
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"<!DOCTYPE html><html><head><title>{TITLE}</title>{meta}"
        f'<link rel="canonical" href="{url}"></head><body>'
        f"<article><h1>{TITLE} {n}</h1>{paras}</article>"
        f"<footer>{footer}</footer></body></html>"
    )
    return Page(f"p{n}.html", html.encode(), html, "utf-8", "html")


def _record(url: str | None = None, outlet: str | None = None, n: int = 0) -> Page:
    """A JSON Lines record (as exports and the ANT conversion give them)."""
    text = "\n".join(PARAS)
    return Page(
        f"e.jsonl:{n}",
        f"{text}{n}".encode(),
        text,
        "utf-8",
        "record",
        url=url,
        title_hint=f"{TITLE} {n}",
        outlet_hint=outlet,
    )


def _text(text: str, n: int = 0) -> Page:
    body = f"{TITLE}\n\n" + "\n\n".join(PARAS) + f"\n\n{text}"
    return Page(f"t{n}.txt", body.encode(), body, "utf-8", "text")


def _named(page: Page) -> tuple[str | None, str | None]:
    """The outlet name and key of a page's article."""
    article = clean_page(page, CFG)
    return article.outlet, article.outlet_key


def _articles(pages: list[Page]) -> list[Article]:
    results = clean_pages(pages, CFG)
    assert all(isinstance(r, Article) for r in results)
    return results  # type: ignore[return-value]


# --- the two cases of issue 20 -------------------------------------------------------------------


def test_sky_news_arabia_with_and_without_site_name_is_one_outlet() -> None:
    sky = ("سكاي نيوز عربية", "skynewsarabia")
    assert _named(_html("https://www.skynewsarabia.com/world/1", "سكاي نيوز عربية")) == sky
    assert _named(_html("https://www.skynewsarabia.com/middle-east/2", n=1)) == sky


def test_cnn_arabic_named_cnn_or_cnn_bilarabiya_is_one_outlet() -> None:
    ant = clean_page(_record("https://arabic.cnn.com/world/2018/05/14/x", "CNN"), CFG)
    page = clean_page(_html("https://arabic.cnn.com/middle-east/article/2", "CNN بالعربية"), CFG)
    assert ant.outlet == page.outlet == "CNN بالعربية"
    assert ant.outlet_key == page.outlet_key == "cnnarabic"


@pytest.mark.parametrize(
    ("outlet", "key"),
    [("alarabia", "alarabiya"), ("BBC", "bbcarabic"), ("france24", "france24arabic"),
     ("skynews", "skynewsarabia"), ("CNN", "cnnarabic")],
)  # fmt: skip
def test_ant_outlet_spellings_without_address_find_the_table(outlet: str, key: str) -> None:
    assert clean_page(_record(outlet=outlet), CFG).outlet_key == key


# --- addresses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("https://mubasher.aljazeera.net/news/2025/1/1/x", "aljazeera"),
        ("https://amp.skynewsarabia.com/article/1", "skynewsarabia"),
        ("http://www.bbc.co.uk/arabic/business-43100354", "bbcarabic"),
        ("https://www.bbc.com/arabic/articles/c1", "bbcarabic"),
        ("http://www.france24.com/ar/20180216-x", "france24arabic"),
        ("https://www.aa.com.tr/ar/%D8%A7/1", "anadolu"),
        ("https://arabic.rt.com/middle_east/1", "rtarabic"),
        ("https://ar.sputniknews.com/20200101/1", "sputnikarabic"),
        ("ar.levant24.com", "levant24"),
        ("https://www.alwatan.com.sa/article/1", "alwatan-sa"),
    ],
)
def test_subdomains_and_sections_find_their_outlet(address: str, key: str) -> None:
    outlet = known_by_address(address)
    assert outlet is not None and outlet.key == key


@pytest.mark.parametrize(
    "address",
    [
        "https://www.bbc.com/news/world-1",  # BBC in English, not its Arabic section
        "https://www.france24.com/en/20180216-x",
        "https://www.france24.com/arts/1",  # /ar is a path segment, not a prefix of /arts
        "https://edition.cnn.com/2025/01/01/x",
        "https://notaljazeera.net/1",  # a host ending in a table host's letters, not its labels
        "https://www.aljazeera.net.example.org/1",
    ],
)
def test_other_sections_and_lookalike_hosts_are_not_the_table_outlet(address: str) -> None:
    assert known_by_address(address) is None


def test_page_outside_the_arabic_section_is_keyed_by_its_domain() -> None:
    assert _named(_html("https://www.bbc.com/news/world-1", "BBC News")) == ("BBC News", "bbc.com")


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("ar.levant24.com", "levant24.com"),
        ("www.alwatan.com.sa", "alwatan.com.sa"),
        ("news.example.co.uk", "example.co.uk"),
        ("a.b.c.example.org", "example.org"),
        ("example.net", "example.net"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_registrable_domain(host: str, domain: str) -> None:
    assert registrable_domain(host) == domain


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Al-Jazeera", "aljazeera"),
        ("aljazeera", "aljazeera"),
        ("موقع الجزيرة نت", "aljazeera"),
        ("الجزيرة.نت", "aljazeera"),
        ("فرانس 24 / France 24", "france24arabic"),
        ("BBC News عربي", "bbcarabic"),
        ("العربية.نت", "alarabiya"),
        ("سى إن إن بالعربية", "cnnarabic"),  # a final yaa written as alif maqsura
        ("Asharq Al-Awsat", "aawsat"),
        ("عربي 21", "arabi21"),
    ],
)
def test_name_variants_find_one_outlet(name: str, key: str) -> None:
    outlet = known_by_name(name)
    assert outlet is not None and outlet.key == key


@pytest.mark.parametrize("name", ["الوطن", "الراي", "القدس", "الرياض", "الأخبار", "الإخبارية"])
def test_names_several_outlets_or_places_share_find_none(name: str) -> None:
    assert known_by_name(name) is None


def test_dateline_names_the_outlet_but_never_an_agency() -> None:
    sky = [make_line(1, "أبوظبي - سكاي نيوز عربية"), make_line(2, PARAS[0])]
    sana = [make_line(1, "دمشق - سانا"), make_line(2, PARAS[0])]
    quoted = [make_line(1, "وقال مراسل في حديث طويل مع الصحفيين - سكاي نيوز عربية")]
    found = outlet_in_dateline(sky)
    assert found is not None and found.key == "skynewsarabia"
    assert outlet_in_dateline(sana) is None
    assert outlet_in_dateline(quoted) is None


def test_dateline_is_used_only_when_nothing_else_names_the_outlet() -> None:
    assert _named(_text("الرياض - العربية.نت")) == ("العربية", "alarabiya")
    hinted = canonical_outlet([make_line(1, "الرياض - العربية.نت")], None, "صحيفة المثال")
    assert hinted is not None and (hinted.name, hinted.known) == ("صحيفة المثال", False)


def test_aggregator_address_leaves_the_outlet_to_its_name() -> None:
    assert _named(_record("https://news.google.com/rss/articles/CBMi", "الجزيرة")) == (
        "الجزيرة",
        "aljazeera",
    )


def test_copyright_domain_names_the_outlet_of_a_text_dump() -> None:
    assert _named(_text("© 2024 ar.levant24.com. جميع الحقوق محفوظة.")) == ("Levant24", "levant24")


# --- unknown outlets and the batch ---------------------------------------------------------------


def test_unknown_site_is_named_by_its_site_name_else_its_domain() -> None:
    domain = "akhbar-almadina.example"
    named = _html(f"https://www.{domain}/a/1", "أخبار المدينة")
    assert _named(named) == ("أخبار المدينة", domain)
    assert _named(_html(f"https://{domain}/a/2", n=1)) == (domain, domain)


def test_unknown_site_with_and_without_site_name_in_one_batch_is_one_name() -> None:
    pages = [
        _html("https://akhbar-almadina.example/a/1", n=0),
        _html("https://www.akhbar-almadina.example/a/2", "أخبار المدينة", n=1),
        _html("https://m.akhbar-almadina.example/a/3", n=2),
        _html("https://www.skynewsarabia.com/world/4", n=3),
    ]
    articles = _articles(pages)
    assert [a.outlet for a in articles] == ["أخبار المدينة"] * 3 + ["سكاي نيوز عربية"]
    assert {a.outlet_key for a in articles[:3]} == {"akhbar-almadina.example"}


def test_batch_prefers_the_most_frequent_site_name_then_the_first() -> None:
    pages = [
        _html("https://site.example/1", "الموقع", n=0),
        _html("https://site.example/2", "موقع المثال", n=1),
        _html("https://site.example/3", "موقع المثال", n=2),
    ]
    assert {a.outlet for a in _articles(pages)} == {"موقع المثال"}


def test_two_unknown_sites_of_one_name_stay_two_outlets() -> None:
    pages = [
        _html("https://alwatan-one.example/1", "الوطن", n=0),
        _html("https://alwatan-two.example/2", "الوطن", n=1),
    ]
    first, second = _articles(pages)
    assert first.outlet == "الوطن (alwatan-one.example)"
    assert second.outlet == "الوطن (alwatan-two.example)"


def test_settle_annotated_keeps_the_annotations() -> None:
    pages = [_html("https://site.example/1", n=0), _html("https://site.example/2", "الموقع", n=1)]
    articles = [clean_page(p, CFG) for p in pages]
    assert [a.outlet for a in articles] == ["site.example", "الموقع"]
    items = [AnnotatedArticle(a) for a in articles]
    settled = settle_annotated(items)
    assert [i.article.outlet for i in settled] == ["الموقع", "الموقع"]
    assert settled[1] is items[1]


def test_page_without_address_joins_the_site_its_name_names() -> None:
    pages = [
        _html("https://akhbar-almadina.example/a/1", "أخبار المدينة", n=0),
        _text("© 2025 أخبار المدينة. جميع الحقوق محفوظة", n=1),
        _text("© 2025 صحيفة أخرى. جميع الحقوق محفوظة", n=2),
    ]
    site, dump, other = _articles(pages)
    assert (dump.outlet, dump.outlet_key) == (site.outlet, site.outlet_key)
    assert other.outlet == "صحيفة أخرى"
    assert other.outlet_key is not None and other.outlet_key.startswith("name:")
