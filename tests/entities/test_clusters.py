"""ANT articles of the reserved evaluation days never reach the word clusters."""

from __future__ import annotations

from pathlib import Path

from ant_support import ant_file as _article
from ant_support import write_ant_archive

from khabar.entities.clusters import ant_article_texts, ant_texts_outside_reserved_days


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
    archive = write_ant_archive(
        tmp_path / "ant.tar.xz",
        [
            ("BBC/sport/a.txt", _article("20180518", "Fri, 18 May 2018 07:49:56 GMT", "يبقى")),
            ("BBC/sport/b.txt", _article("20180408", "Sun, 08 Apr 2018 07:49:56 GMT", "يحذف")),
        ],
    )
    texts = list(ant_texts_outside_reserved_days(archive))
    assert len(texts) == 1 and "يبقى" in texts[0]
