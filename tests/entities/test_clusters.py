"""ANT articles of the reserved evaluation days never reach the word clusters."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

from khabar.entities.clusters import ant_article_texts, ant_texts_outside_reserved_days


def _article(docno_day: str, time: str, body: str) -> str:
    return (
        f"<DOC>\n<DOCNO>BB-sport-1-{docno_day}</DOCNO>\n<URL>u</URL>\n<SRC>BBC</SRC>\n"
        f"<CAT>sport</CAT>\n<TITLE>عنوان</TITLE>\n<TIME>{time}</TIME>\n<AUTHOR></AUTHOR>\n"
        f"<ABSTRACT>\nملخص\n</ABSTRACT>\n<TEXT>\n{body}\n</TEXT>\n</DOC>\n"
    )


def test_an_ordinary_day_gives_title_and_body() -> None:
    text = ant_article_texts(_article("20180518", "Fri, 18 May 2018 07:49:56 GMT", "نص الخبر"))
    assert text is not None
    assert "عنوان" in text and "نص الخبر" in text
    assert "ملخص" not in text


def test_reserved_days_are_skipped_by_docno_or_by_utc_time() -> None:
    assert ant_article_texts(_article("20180410", "Tue, 10 Apr 2018 09:00:00 GMT", "x")) is None
    # dated the day after a reserved stretch, but published inside it in UTC
    late = _article("20181019", "Fri, 19 Oct 2018 01:00:00 +0300", "x")
    assert ant_article_texts(late) is None
    assert ant_article_texts(_article("20181019", "Fri, 19 Oct 2018 09:00:00 GMT", "x"))


def test_an_archive_is_read_without_its_reserved_articles(tmp_path: Path) -> None:
    archive = tmp_path / "ant.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        for name, raw in (
            ("BBC/sport/a.txt", _article("20180518", "Fri, 18 May 2018 07:49:56 GMT", "يبقى")),
            ("BBC/sport/b.txt", _article("20180408", "Sun, 08 Apr 2018 07:49:56 GMT", "يحذف")),
        ):
            data = raw.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    texts = list(ant_texts_outside_reserved_days(archive))
    assert len(texts) == 1 and "يبقى" in texts[0]
