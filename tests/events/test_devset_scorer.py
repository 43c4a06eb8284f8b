"""The event and story scorer of scripts/ant_devset.py: label files, day windows, baselines."""

from __future__ import annotations

import importlib.util
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pytest
from events_support import make

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ant_devset.py"


@pytest.fixture(scope="module")
def devset() -> ModuleType:
    """scripts/ant_devset.py imported as a module."""
    spec = importlib.util.spec_from_file_location("ant_devset", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ant_devset"] = module
    spec.loader.exec_module(module)
    return module


def test_labels_with_a_story_column_give_events_and_stories(
    devset: ModuleType, tmp_path: Path
) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text(
        "docno\tevent\tstory\tnote\nA-1\te1\ts1\t\nA-2\te2\ts1\ta note\n", encoding="utf-8"
    )
    labels = devset.load_labels([tsv])
    assert labels.events == {"A-1": "e1", "A-2": "e2"}
    assert labels.stories == {"A-1": "s1", "A-2": "s1"}
    assert labels.errors == ()


def test_old_label_files_without_stories_still_load(devset: ModuleType, tmp_path: Path) -> None:
    tsv = tmp_path / "old.tsv"
    tsv.write_text("docno\tevent\tnote\nA-1\te1\t\n", encoding="utf-8")
    labels = devset.load_labels([tsv])
    assert labels.events == {"A-1": "e1"} and labels.stories == {}


def test_bad_files_and_rows_are_reported_by_name_and_the_rest_is_read(
    devset: ModuleType, tmp_path: Path
) -> None:
    good = tmp_path / "good.tsv"
    good.write_text(
        "docno\tevent\tstory\tnote\nA-1\te1\ts1\t\nA-2\t\ts1\t\nA-1\te9\ts9\t\nA-3\te3\ts3\t\n",
        encoding="utf-8",
    )
    headless = tmp_path / "headless.tsv"
    headless.write_text("A-4\te4\n", encoding="utf-8")
    missing = tmp_path / "missing.tsv"
    labels = devset.load_labels([missing, good, headless])
    assert labels.events == {"A-1": "e1", "A-3": "e3"}
    text = "\n".join(labels.errors)
    assert "missing.tsv" in text and "cannot be read" in text
    assert "good.tsv:3" in text and "no event label" in text
    assert "good.tsv:4" in text and "twice" in text
    assert "headless.tsv" in text and "header" in text


def test_consecutive_days_form_one_window(devset: ModuleType) -> None:
    days = ["2018-04-15", "2018-02-17", "2018-04-14", "2018-05-09", "2018-05-08", "2018-04-14"]
    assert devset.day_windows(days) == [
        ("2018-02-17",),
        ("2018-04-14", "2018-04-15"),
        ("2018-05-08", "2018-05-09"),
    ]


QUAKE = "ضرب زلزال قوي بقوة سبع درجات ولاية أواكساكا في جنوب المكسيك مساء الجمعة"
VOTE = "صوت مجلس الأمن الدولي ضد مشروع قرار روسي يدين الضربات الغربية على سوريا"
TALKS = "بدأت في جنيف جولة جديدة من محادثات السلام بين الحكومة والمعارضة برعاية الأمم المتحدة"


def _record(docno: str, text: str, day: int) -> dict[str, object]:
    return {
        "docno": docno,
        "outlet": docno[:2],
        "category": "internationalNews",
        "title": text[:40],
        "published": datetime(2018, 4, day, 12, tzinfo=UTC),
        "abstract": "",
        "text": text,
        "url": "",
    }


def test_windows_are_scored_apart_and_pooled_beside_both_baselines(
    devset: ModuleType, tmp_path: Path
) -> None:
    records = [
        _record("AA-1", QUAKE, 14),
        _record("BB-1", QUAKE + " وفق هيئة المسح", 14),
        _record("CC-1", VOTE, 15),
        _record("DD-1", TALKS, 20),
        _record("EE-1", TALKS + " اليوم", 20),
    ]
    tsv = tmp_path / "l.tsv"
    tsv.write_text(
        "docno\tevent\tstory\tnote\nAA-1\tquake\tquake\t\nBB-1\tquake\tquake\t\n"
        "CC-1\tvote\tsyria\t\nDD-1\ttalks\tgeneva\t\nEE-1\ttalks\tgeneva\t\n",
        encoding="utf-8",
    )
    labels = devset.load_labels([tsv])
    annotated = {r["docno"]: (make(r["docno"], r["title"], r["text"]), []) for r in records}
    rows, chosen = devset.score_windows(records, labels, annotated=annotated)
    assert [name for name, _ in rows] == [
        "2018-04-14..2018-04-15 (3 articles)",
        "2018-04-20 (2 articles)",
        "all windows (5 articles)",
    ]
    assert chosen["events"] in devset.TFIDF_SWEEP
    for _, runs in rows:
        names = [r.run for r in runs]
        assert names[0] == "every article alone" and names[-1] == "khabar"
        assert names[1].startswith("tfidf@")
        alone = runs[0]
        assert alone.events.bcubed_precision == 1.0 and alone.events.pairwise_f1 == 0.0
        assert alone.stories is not None
    pooled = {r.run: r for r in rows[-1][1]}
    assert pooled["khabar"].events.n_items == 5
    table = devset.format_window_rows(rows)
    assert table.count("\n") == 2 + 3 * 3 - 1
