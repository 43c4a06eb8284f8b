"""Builders of test inputs: HTML pages in chrome, WARC, zip and JSON Lines files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def html_page(title: str, paragraphs: list[str], date: str = "13/02/2025") -> str:
    """A small article page in realistic chrome (menu, dateline, sidebar with its own date)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">'
        f"<title>{title} | الموقع</title></head><body>"
        '<nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/n">أخبار</a></li></ul></nav>'
        f"<article><h1>{title}</h1><div class='meta'>تم النشر {date}</div>{body}</article>"
        "<aside><h3>آخر الأخبار</h3><ul><li><a href='/x'>خبر آخر لا علاقة له بالموضوع</a>"
        "<span>18/06/2025</span></li></ul></aside>"
        "<footer>© 2025 الموقع. جميع الحقوق محفوظة.</footer></body></html>"
    )


def write_warc(path: Path, records: list[tuple[str, bytes, str]]) -> None:
    """Write a WARC.gz of HTTP response records ``(uri, payload, content_type)``."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for uri, payload, content_type in records:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    """Write a zip archive holding ``members`` (names are stored as given, even unsafe ones)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data)


def write_jsonl(path: Path, records: list[dict[str, object] | str]) -> None:
    """Write JSON Lines; a str record is written as is (to make broken lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
