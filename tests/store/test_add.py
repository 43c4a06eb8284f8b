"""Adding to a store: duplicates skipped, the dossier analyze gives, crash-safe, one writer."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import khabar
from khabar.config import Config
from khabar.errors import StoreError
from khabar.model import Dossier
from khabar.store import DossierFilter, add_paths, export_dossier, open_store

ROOT = Path(__file__).resolve().parents[2]

CITIES = ("دمشق", "موسكو", "القاهرة", "بيروت", "عمان", "بغداد", "الرياض", "الدوحة")
TOPICS = ("الاقتصاد", "الطاقة", "الصحة", "التعليم", "النقل", "الزراعة", "المياه", "السياحة")


def _same(a: Dossier, b: Dossier) -> bool:
    """Equal dossiers, apart from the creation time in ``meta``."""
    return dataclasses.replace(a, meta=()) == dataclasses.replace(b, meta=())


def _records(path: Path, n: int, start: int = 0) -> Path:
    """Write ``n`` short, distinct news records as JSON Lines."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + n):
            city, topic = CITIES[i % len(CITIES)], TOPICS[(i // 8) % len(TOPICS)]
            text = (
                f"عقد وزير {topic} اجتماعا في {city} يوم الأحد لبحث الخطة رقم {i}. "
                f"ومن المقرر أن تنفذ الخطة {i} خلال العام المقبل في {city}. "
                f"وأضاف أن الحكومة خصصت {i + 100} مليون دولار لمشروعات {topic}."
            )
            record = {
                "url": f"https://news.example/{i}",
                "title": f"خطة {topic} رقم {i} في {city}",
                "text": text,
                "published": f"2024-0{1 + i % 9}-1{i % 10}",
                "outlet": "وكالة المثال",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def pile(seeds_dir: Path, tmp_path: Path) -> Path:
    """The seed pages with an empty and a binary file among them."""
    folder = tmp_path / "pile"
    shutil.copytree(seeds_dir, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.bin").write_bytes(bytes(range(256)) * 64)
    return folder


def test_add_then_export_equals_analyze(pile: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    report = add_paths(db, [pile], Config())
    assert (report.added, report.failed, report.skipped_duplicates) == (5, 2, 0)
    assert report.events_touched == report.events_total > 0
    assert _same(export_dossier(db), khabar.analyze([pile]))


def test_add_in_two_runs_gives_the_dossier_of_one(seeds_dir: Path, tmp_path: Path) -> None:
    files = sorted(seeds_dir.iterdir())
    db = tmp_path / "k.db"
    first = add_paths(db, [str(p) for p in files[:2]], Config())
    second = add_paths(db, [str(p) for p in files[2:]], Config(), batch_pages=2)
    assert (first.added, second.added) == (2, 3)
    assert second.articles_total == 5
    assert _same(export_dossier(db), khabar.analyze([str(p) for p in files]))


def test_add_in_small_batches_gives_the_dossier_of_analyze(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "k.db"
    report = add_paths(db, [examples_dir], Config(), batch_pages=3)
    assert report.added > 3
    assert _same(export_dossier(db), khabar.analyze([examples_dir]))


def test_add_same_pages_again_changes_nothing(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    add_paths(db, [seeds_dir], Config())
    before = export_dossier(db)
    copy = tmp_path / "copy"
    shutil.copytree(seeds_dir, copy)
    again = add_paths(db, [seeds_dir, copy], Config())
    assert (again.added, again.skipped_duplicates, again.events_touched) == (0, 10, 0)
    assert _same(export_dossier(db), before)
    with sqlite3.connect(db) as con:  # both places the pages were found are remembered
        assert con.execute("SELECT COUNT(*) FROM page_sources").fetchone()[0] == 10


def test_add_deferred_update_is_caught_up_by_export(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    report = add_paths(db, [seeds_dir], Config(), update=False)
    assert not report.updated and report.events_total == 0
    assert _same(export_dossier(db), khabar.analyze([seeds_dir]))


def test_export_filters_by_story_entity_and_dates(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    add_paths(db, [seeds_dir], Config())
    whole = export_dossier(db)
    story = whole.stories[0]
    by_story = export_dossier(db, DossierFilter(story=story.id))
    in_story = {a for e in whole.events if e.story == story.id for a in e.articles}
    assert {a.id for a in by_story.articles} == in_story
    entity = max(whole.entities, key=lambda e: len(e.articles))
    by_entity = export_dossier(db, DossierFilter(entity=entity.id))
    assert {a.id for a in by_entity.articles} == set(entity.articles)
    kept = {a.id for a in by_entity.articles}
    assert all(set(e.articles) <= kept for e in by_entity.events)
    assert all(s.article in kept for c in by_entity.claims for s in c.sources)
    dated = sorted(a.article.published for a in whole.articles if a.article.published)
    newest = export_dossier(db, DossierFilter(since=dated[-1]))
    assert newest.articles and all(
        a.article.published is None or a.article.published >= dated[-1] for a in newest.articles
    )
    nothing = export_dossier(db, DossierFilter(until=date(1990, 1, 1)))
    assert (nothing.articles, nothing.events, nothing.claims) == ((), (), ())


def test_export_unknown_story_says_so(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    add_paths(db, [seeds_dir], Config())
    with pytest.raises(StoreError, match="no story with id 'nope'"):
        export_dossier(db, DossierFilter(story="nope"))


def _adder(db: Path, inputs: Path, batch: int, timeout_s: float = 60.0) -> list[str]:
    code = (
        "import sys; from khabar.store import add_paths; from khabar.config import Config; "
        f"r = add_paths({str(db)!r}, [{str(inputs)!r}], Config(), batch_pages={batch}, "
        f"lock_timeout_s={timeout_s}); print(r.added, r.skipped_duplicates)"
    )
    return [sys.executable, "-c", code]


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_add_killed_mid_run_and_restarted_has_every_page_once(tmp_path: Path) -> None:
    total = 160
    inputs = _records(tmp_path / "feed.jsonl", total)
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(_adder(db, inputs, batch=8), cwd=ROOT, env=env)
    deadline = time.monotonic() + 120
    while _count(db, "pages") < 16 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = _count(db, "pages")
    assert 0 < at_kill < total, "the run should be killed part-way"
    subprocess.run(_adder(db, inputs, batch=8), cwd=ROOT, env=env, check=True, timeout=300)
    with open_store(db) as store:
        assert store.count_pages() == total
        ids = store.article_ids()
        assert len(ids) == len(set(ids)) == store.count_articles()
        assert [r["status"] for r in store.runs()] == ["interrupted", "done"]
        assert not store.collection_stale()
    with sqlite3.connect(db) as con:
        sources = [r[0] for r in con.execute("SELECT source FROM pages")]
        assert len(set(sources)) == total
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_two_adders_on_one_store_wait_for_each_other(tmp_path: Path) -> None:
    inputs = _records(tmp_path / "feed.jsonl", 60)
    db = tmp_path / "k.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        # a generous lock timeout: on a loaded 2-core runner the first add can outlast 60 s
        subprocess.Popen(
            _adder(db, inputs, batch=5, timeout_s=240.0), cwd=ROOT, env=env, stdout=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = sorted(p.communicate(timeout=300)[0].decode().split() for p in procs)
    assert all(p.returncode == 0 for p in procs)
    assert outputs == [["0", "60"], ["60", "0"]]
    assert _count(db, "pages") == 60


def test_second_adder_times_out_with_a_clear_error(tmp_path: Path) -> None:
    inputs = _records(tmp_path / "feed.jsonl", 3)
    db = tmp_path / "k.db"
    with (
        open_store(db) as store,
        store.writer(timeout_s=1.0),
        pytest.raises(StoreError, match="being written by another khabar process"),
    ):
        add_paths(db, [inputs], Config(), lock_timeout_s=0.2)
