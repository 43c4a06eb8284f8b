"""Text that UTF-8 cannot hold, bidi overrides and non-web URLs never reach an Article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.clean import clean_page
from khabar.clean.scrub import scrub_source, scrub_text, strip_bidi, web_url
from khabar.config import CleanConfig
from khabar.errors import ExtractionError
from khabar.model import Article, Page

CFG = CleanConfig()

BODY = (
    "أعلنت وزارة الخارجية اليوم أن المفاوضات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، "
    "بعد أشهر من التوقف بسبب الخلافات حول ملف الحدود والمياه.\n"
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الوفد سيضم خبراء في القانون الدولي، مضيفا أن "
    "بلاده تأمل في التوصل إلى اتفاق قبل نهاية العام الجاري."
)
TITLE = "استئناف المفاوضات بين البلدين الأسبوع المقبل"


def _record(text: str = BODY, source: str = "feed.jsonl#1", **hints: str) -> Page:
    hints.setdefault("title_hint", TITLE)
    data = text.encode("utf-8", "surrogatepass")
    return Page(source, data, text, "utf-8", "record", **hints)  # type: ignore[arg-type]


def _strings(article: Article) -> list[str]:
    values = [article.source, article.title, article.outlet, article.url, article.lede]
    values += [*article.paragraphs, *(b.text for b in article.removed)]
    return [v for v in values if v is not None]


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_scrub_text_replaces_lone_surrogates_and_joins_split_pairs() -> None:
    assert scrub_text("خبر \ud800 عاجل") == "خبر \ufffd عاجل"
    assert scrub_text("a\udcffb") == "a\ufffdb"
    assert scrub_text("\ud83d\ude00") == "\U0001f600"  # a pair JSON escaped as two halves
    clean = "نص سليم 😀"
    assert scrub_text(clean) is clean


def test_scrub_source_shows_undecodable_file_name_bytes_and_bidi_controls() -> None:
    raw = (b"/in/\xff\xfe" + "خبر.txt".encode()).decode("utf-8", "surrogateescape")
    assert scrub_source(raw) == "/in/\\xff\\xfeخبر.txt"
    assert scrub_source("/in/report\u202etxt.exe") == "/in/report<U+202E>txt.exe"
    assert scrub_source("/in/خبر.txt") == "/in/خبر.txt"


def test_strip_bidi_leaves_the_visible_name() -> None:
    assert strip_bidi("\u202eوكالة الأنباء\u202c ") == "وكالة الأنباء"
    assert strip_bidi("\u2067\u2069") is None
    assert strip_bidi(None) is None


def test_web_url_keeps_only_http_addresses() -> None:
    assert web_url("https://news.example/a/1") == "https://news.example/a/1"
    assert web_url(" http://news.example/b ") == "http://news.example/b"
    for bad in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "/relative/path",
        "https://",
        "http://[::1",
    ):
        assert web_url(bad) is None, bad


def test_clean_record_with_lone_surrogates_gives_utf8_text() -> None:
    article = clean_page(
        _record(BODY + " \ud800", title_hint=f"{TITLE} \udfff", outlet_hint="وكالة \ud834"), CFG
    )
    assert all(_encodes(s) for s in _strings(article))
    assert "\ufffd" in article.title and "\ufffd" in article.text


def test_clean_keeps_the_id_of_the_raw_bytes_when_text_is_scrubbed() -> None:
    page = _record(BODY + " \ud800")
    article = clean_page(page, CFG)
    assert article.content_hash and page.data.endswith(b"\xed\xa0\x80")  # bytes untouched


def test_clean_strips_bidi_overrides_from_outlet_and_title() -> None:
    article = clean_page(
        _record(title_hint=f"\u202e{TITLE}", outlet_hint="\u202eالجزيرة\u202c"), CFG
    )
    assert article.outlet == "الجزيرة"
    assert article.title == TITLE


def test_clean_source_with_undecodable_bytes_is_readable() -> None:
    raw = b"/in/\xff.jsonl".decode("utf-8", "surrogateescape")
    article = clean_page(_record(source=raw), CFG)
    assert article.source == "/in/\\xff.jsonl"


def test_clean_drops_javascript_and_data_urls() -> None:
    for bad in ("javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4="):
        assert clean_page(_record(url=bad), CFG).url is None
    assert clean_page(_record(url="https://news.example/x"), CFG).url == "https://news.example/x"


def test_clean_drops_a_javascript_canonical_url_of_an_html_page() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
    html = (
        '<html><head><link rel="canonical" href="javascript:alert(1)">'
        f"<title>{TITLE}</title></head><body><h1>{TITLE}</h1>{paragraphs}</body></html>"
    )
    page = Page("p.html", html.encode("utf-8"), html, "utf-8", "html")
    assert clean_page(page, CFG).url is None


surrogates = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
        st.sampled_from(list("خبر عاجل \n.\u202e")),
    ),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(surrogates, surrogates, st.sampled_from(["text", "record"]))
def test_clean_never_returns_text_utf8_cannot_hold(noise: str, title: str, kind: str) -> None:
    text = f"{noise}\n{BODY}\n{noise}"
    page = Page(
        noise or "p",
        text.encode("utf-8", "surrogatepass"),
        text,
        "utf-8",
        kind,  # type: ignore[arg-type]
        title_hint=title or None,
        outlet_hint=noise or None,
    )
    try:
        article = clean_page(page, CFG)
    except ExtractionError as exc:
        assert _encodes(exc.source)
        return
    assert all(_encodes(s) for s in _strings(article))
    assert "\u202e" not in (article.title or "") + (article.outlet or "")
