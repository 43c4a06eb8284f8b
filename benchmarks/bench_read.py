"""Speed (and quality) of khabar's reading + cleaning, with trafilatura as the peer.

Pages are built from ANT corpus articles (../shared/data/ant, read straight from the tar.xz, never
extracted into the repo) wrapped in realistic page chrome: menus, a breaking-news ticker,
breadcrumbs, share buttons, an inline "اقرأ أيضا" link, tags, related stories, a comment form, a
"latest news" sidebar with its own dates and a copyright footer. Each article becomes a text dump
(what a scraper's text export looks like) and an HTML page.

Measured, in one run:

* text dumps: pages per second of ``iter_pages`` + ``clean_pages``;
* HTML: pages per second of ``clean_page`` against ``trafilatura.extract`` on the same HTML, and
  body token F1 of both against the ANT article text.

Run:  python benchmarks/bench_read.py [--pages 300] [--out benchmarks/results_read.md]
"""

from __future__ import annotations

import argparse
import html
import random
import re
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from khabar.clean import clean_page, clean_pages
from khabar.config import CleanConfig, ReadConfig
from khabar.model import Article, Page
from khabar.read import iter_pages

ROOT = Path(__file__).resolve().parents[1]
ANT = ROOT.parent / "shared" / "data" / "ant" / "ant-multisource-v2.1.tar.xz"
SEEDS = ROOT.parent / "shared" / "samples" / "seeds"

MENU = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "تكنولوجيا", "فيديو"]
RELATED = [
    "ارتفاع أسعار النفط في الأسواق العالمية",
    "منتخب مصر يستعد لمباراة ودية الأسبوع المقبل",
    "الأرصاد تحذر من موجة حر تضرب المنطقة",
    "افتتاح معرض الكتاب بمشاركة واسعة",
    "البنك المركزي يبقي أسعار الفائدة دون تغيير",
]


@dataclass(frozen=True)
class Sample:
    """One ANT article: what the page must give back."""

    outlet: str
    title: str
    text: str
    time: str


def _field(doc: str, name: str) -> str:
    m = re.search(rf"<{name}>(.*?)</{name}>", doc, re.S)
    return m.group(1).strip() if m else ""


def load_ant(n: int, seed: int = 7) -> list[Sample]:
    """Read ``n`` ANT articles, spread over the outlets, straight from the archive."""
    by_outlet: dict[str, list[Sample]] = {}
    with tarfile.open(ANT, "r:xz") as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".txt"):
                continue
            outlet = next(p for p in member.name.split("/") if p not in ("", "."))
            if len(by_outlet.setdefault(outlet, [])) >= n:
                continue
            fh = tar.extractfile(member)
            if fh is None:
                continue
            doc = fh.read().decode("utf-8", "replace")
            text = _field(doc, "TEXT")
            if len(text.split()) < 80:
                continue
            by_outlet[outlet].append(
                Sample(outlet, _field(doc, "TITLE"), text, _field(doc, "TIME"))
            )
    rng = random.Random(seed)
    pool = [s for group in by_outlet.values() for s in group]
    rng.shuffle(pool)
    return pool[:n]


def html_page(s: Sample, rng: random.Random) -> str:
    """The article in one of a few realistic HTML templates."""
    paras = [p.strip() for p in s.text.split("\n") if p.strip()]
    cut = max(1, len(paras) // 2)
    related = rng.sample(RELATED, 3)
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paras[:cut])
    body += f'<p><strong>اقرأ أيضا:</strong> <a href="/r/1">{related[0]}</a></p>'
    body += "".join(f"<p>{html.escape(p)}</p>" for p in paras[cut:])
    nav = "".join(f'<li><a href="/{i}">{m}</a></li>' for i, m in enumerate(MENU))
    side = "".join(
        f'<li><a href="/s/{i}">{r}</a><span class="date">1{i}/06/2018</span></li>'
        for i, r in enumerate(related)
    )
    site = s.outlet
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{html.escape(s.title)} | {site}</title>"
        f'<meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{html.escape(s.time)}">'
        "<script>var ads = [];</script><style>.x{color:red}</style></head><body>"
        f'<header><nav class="menu"><ul>{nav}</ul></nav>'
        '<div class="ticker">عاجل: <a href="/b">انفجار في ميناء المدينة</a></div></header>'
        f'<div class="breadcrumb"><a href="/">الرئيسية</a> &gt; <a href="/n">أخبار</a></div>'
        f"<main><article><h1>{html.escape(s.title)}</h1>"
        f'<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a></div>'
        f'<div class="content">{body}</div>'
        '<div class="tags">الوسوم: <a>سياسة</a> <a>عربي</a></div></article>'
        f'<section class="related"><h3>أخبار ذات صلة</h3><ul>'
        + "".join(f'<li><a href="/rel/{i}">{r}</a></li>' for i, r in enumerate(related))
        + "</ul></section>"
        '<section class="comments"><h3>اترك تعليقاً</h3><form><textarea></textarea>'
        "<button>إرسال</button></form></section></main>"
        f'<aside class="sidebar"><h3>آخر الأخبار</h3><ul>{side}</ul></aside>'
        f"<footer><p>© 2018 {site}. جميع الحقوق محفوظة.</p>"
        '<a href="/privacy">سياسة الخصوصية</a> <a href="/contact">اتصل بنا</a></footer>'
        "</body></html>"
    )


COMMENTS = [
    "مقال رائع ويستحق القراءة، شكرا للكاتب على هذا التحليل العميق والموضوعي للأحداث "
    "الأخيرة في المنطقة.",
    "أختلف مع الكاتب في بعض النقاط، فالوضع على الأرض أكثر تعقيدا مما ذكر في هذا التقرير "
    "المنشور اليوم.",
]


def html_page_divs(s: Sample, rng: random.Random) -> str:
    """The article in an older, div-only layout: no semantic tags, teasers and a comment thread
    whose class names say nothing, paragraphs split by ``<br>``."""
    paras = [p.strip() for p in s.text.split("\n") if p.strip()]
    related = rng.sample(RELATED, 3)
    menu = " | ".join(f'<a href="/{i}">{m}</a>' for i, m in enumerate(MENU))
    body = "<br><br>".join(html.escape(p) for p in paras)
    teasers = "".join(
        f'<div class="box"><a href="/t/{i}"><b>{r}</b></a>'
        f"<div>{r} وتفاصيل أخرى في الخبر.</div></div>"
        for i, r in enumerate(related)
    )
    posts = "".join(f'<div class="c-item"><b>زائر</b><div>{c}</div></div>' for c in COMMENTS)
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f"<title>{html.escape(s.title)} - {s.outlet}</title></head><body>"
        f'<div id="top"><div class="logo">{s.outlet}</div><div class="links">{menu}</div></div>'
        f'<div id="wrap"><div class="col-main"><div class="hd">{html.escape(s.title)}</div>'
        f'<div class="info">{html.escape(s.time)}</div><div class="txt">{body}</div>'
        f'<div class="more"><div class="hd2">المزيد من {s.outlet}</div>{teasers}</div>'
        f'<div class="c-list"><div class="hd2">آراء القراء</div>{posts}</div></div>'
        f'<div class="col-side"><div class="hd2">الأكثر قراءة</div>'
        + "".join(f"<div><a>{r}</a></div>" for r in related)
        + f'</div></div><div id="bottom">{s.outlet} موقع إخباري عربي يقدم تغطية شاملة للأحداث '
        "السياسية والاقتصادية والرياضية على مدار الساعة من مراسليه في العواصم العربية."
        " جميع الحقوق محفوظة</div></body></html>"
    )


def text_dump(s: Sample, rng: random.Random) -> str:
    """The article as a scraper's text export of the whole page."""
    paras = [p.strip() for p in s.text.split("\n") if p.strip()]
    cut = max(1, len(paras) // 2)
    related = rng.sample(RELATED, 3)
    lines = [*(f"  • {m}" for m in MENU), "عاجل", f"الرئيسية > أخبار > {s.title}", "", s.title, ""]
    lines += ["مشاركة", ""]
    for p in paras[:cut]:
        lines += [p, ""]
    lines += [f"اقرأ أيضا: {related[0]}", ""]
    for p in paras[cut:]:
        lines += [p, ""]
    lines += ["الوسوم: سياسة، عربي", "أخبار ذات صلة", *related, "اترك تعليقاً", ""]
    lines += ["آخر الأخبار", *(f"{r}\n1{i}/06/2018" for i, r in enumerate(related))]
    lines += [f"© 2018 {s.outlet}. جميع الحقوق محفوظة.", "زر الذهاب إلى الأعلى"]
    return "\n".join(lines)


def page_text(page_html: str) -> str:
    """The whole visible text of a page, one block per line: a scraper's naive text export."""
    text = re.sub(r"<(?:script|style)[^>]*>.*?</(?:script|style)>", "", page_html, flags=re.S)
    text = re.sub(r"<(?:br|/div|/p|/h\d|/li|/title)[^>]*>", "\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return "\n".join(" ".join(x.split()) for x in html.unescape(text).splitlines())


def token_f1(predicted: str, reference: str) -> float:
    """F1 of whitespace tokens (multisets)."""
    p, r = Counter(predicted.split()), Counter(reference.split())
    overlap = sum((p & r).values())
    if not overlap:
        return 0.0
    prec, rec = overlap / sum(p.values()), overlap / sum(r.values())
    return 2 * prec * rec / (prec + rec)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def main() -> None:
    """Run the benchmark and write the results table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results_read.md"))
    args = parser.parse_args()
    rng = random.Random(11)
    t0 = time.perf_counter()
    samples = load_ant(args.pages)
    load_s = time.perf_counter() - t0
    cfg_r, cfg_c = ReadConfig(), CleanConfig()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, s in enumerate(samples):
            dump = text_dump(s, rng) if i % 2 == 0 else page_text(html_page_divs(s, rng))
            (folder / f"{i:05d}.txt").write_text(dump, encoding="utf-8")
        t0 = time.perf_counter()
        pages = [p for p in iter_pages([str(folder)], cfg_r) if isinstance(p, Page)]
        read_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        cleaned = clean_pages(pages, cfg_c)
        clean_s = time.perf_counter() - t0
    text_f1 = [
        token_f1(a.text, s.text) if isinstance(a, Article) else 0.0
        for a, s in zip(cleaned, samples, strict=True)
    ]
    text_title = _mean(
        [
            float(isinstance(a, Article) and (a.title or "").split() == s.title.split())
            for a, s in zip(cleaned, samples, strict=True)
        ]
    )

    records = [
        Page(f"r{i}", s.text.encode(), s.text, "utf-8", "record", title_hint=s.title)
        for i, s in enumerate(samples)
    ]
    t0 = time.perf_counter()
    record_out = clean_pages(records, cfg_c)
    record_s = time.perf_counter() - t0
    record_f1 = [
        token_f1(a.text, s.text) if isinstance(a, Article) else 0.0
        for a, s in zip(record_out, samples, strict=True)
    ]

    docs = [(html_page if i % 2 == 0 else html_page_divs)(s, rng) for i, s in enumerate(samples)]
    html_pages = [Page(f"p{i}.html", d.encode(), d, "utf-8", "html") for i, d in enumerate(docs)]
    t0 = time.perf_counter()
    ours = []
    for p in html_pages:
        try:
            ours.append(clean_page(p, cfg_c).text)
        except Exception:
            ours.append("")
    ours_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs = [trafilatura.extract(d) or "" for d in docs]
    theirs_s = time.perf_counter() - t0
    ours_f1 = [token_f1(o, s.text) for o, s in zip(ours, samples, strict=True)]
    theirs_f1 = [token_f1(t, s.text) for t, s in zip(theirs, samples, strict=True)]

    n = len(samples)
    text_pps = n / (read_s + clean_s)
    ours_pps, theirs_pps = n / ours_s, n / theirs_s
    rows = [
        "# Reading and cleaning benchmark",
        "",
        f"`python benchmarks/bench_read.py --pages {args.pages}`: {n} ANT articles "
        f"(loaded in {load_s:.1f} s) in synthetic page chrome; one process. HTML pages: half "
        "in a semantic layout (nav/article/aside/footer), half in a div-only layout with "
        "teasers and a reader-comment thread under class names that say nothing. Text dumps: "
        "half a scraper's page export with menus, related lists, comments and a sidebar, half "
        "the naive full text of the div-only HTML page. Records: the ANT text itself, which is "
        "already clean, so any loss there is text the cleaner wrongly removed.",
        "",
        "| input | tool | pages/s | body token F1 (mean) | ratio to trafilatura |",
        "|---|---|---:|---:|---:|",
        f"| text dump | khabar read+clean | {text_pps:.0f} | {_mean(text_f1):.3f} | - |",
        f"| clean record (ANT text as is) | khabar clean | {n / record_s:.0f} | "
        f"{_mean(record_f1):.3f} | - |",
        f"| HTML | khabar clean_page | {ours_pps:.0f} | {_mean(ours_f1):.3f} | "
        f"speed x{ours_pps / theirs_pps:.2f}, F1 {_mean(ours_f1) - _mean(theirs_f1):+.3f} |",
        f"| HTML | trafilatura.extract | {theirs_pps:.0f} | {_mean(theirs_f1):.3f} | 1.00 |",
        "",
        f"Text dumps: titles equal to the ANT title on {text_title:.1%} of pages; "
        f"read {read_s:.2f} s, clean {clean_s:.2f} s.",
        "",
        "Speeds are wall-clock on whatever else the machine runs; compare the ratio, measured "
        "in the same run on the same pages. The chrome is synthetic (cue phrases khabar knows "
        "plus layouts it was not tuned on), so F1 here is an upper bound for real pages; the "
        "seed-page gate is tests/clean/test_seed_quality.py.",
        "",
    ]
    Path(args.out).write_text("\n".join(rows), encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
