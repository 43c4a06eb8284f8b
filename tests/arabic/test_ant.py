"""The reserved ANT days and the word-count table built without them."""

from __future__ import annotations

from pathlib import Path

from ant_support import ant_file as _ant_file
from ant_support import write_ant_archive

from khabar.arabic.ant import RESERVED_ANT_DAYS, on_reserved_day, utc_day
from khabar.arabic.lexicon import Lexicon, count_words, iter_ant_texts


def test_reserved_days_are_those_of_events_md() -> None:
    assert "2018-04-08" in RESERVED_ANT_DAYS and "2018-04-12" in RESERVED_ANT_DAYS
    assert "2018-10-13" in RESERVED_ANT_DAYS and "2018-10-18" in RESERVED_ANT_DAYS
    assert "2018-04-13" not in RESERVED_ANT_DAYS and "2018-10-12" not in RESERVED_ANT_DAYS
    assert len(RESERVED_ANT_DAYS) == 11


def test_an_article_is_reserved_by_its_docno_or_its_utc_day() -> None:
    ordinary = "Sat, 14 Apr 2018 10:00:00 +0000"
    assert not on_reserved_day(_ant_file("20180414", ordinary, "نص"))
    assert on_reserved_day(_ant_file("20180410", ordinary, "نص"))
    # Published late on the 12th in Riyadh's time: the 12th in UTC too; just after midnight
    # of the 13th at +03:00 is still the 12th in UTC.
    assert on_reserved_day(_ant_file("20180413", "Fri, 13 Apr 2018 01:30:00 +0300", "نص"))
    assert utc_day("not a date") == ""


def test_word_counts_leave_the_reserved_days_out(tmp_path: Path) -> None:
    archive = write_ant_archive(
        tmp_path / "ant.tar",
        [
            ("a.txt", _ant_file("20180414", "Sat, 14 Apr 2018 10:00:00 +0000", "سلام سلام")),
            ("b.txt", _ant_file("20181015", "Mon, 15 Oct 2018 10:00:00 +0000", "محظور")),
        ],
    )
    counts = count_words(iter_ant_texts(archive))
    assert counts["سلام"] == 2
    assert "محظور" not in counts


def test_a_rate_per_million_does_not_move_with_the_table_size() -> None:
    small = Lexicon({"نادر": 3, "شايع": 999_997})
    large = Lexicon({"نادر": 6, "شايع": 1_999_994})
    assert small.per_million("نادر") == large.per_million("نادر") == 3.0
    assert Lexicon({}).per_million("نادر") == 0.0
