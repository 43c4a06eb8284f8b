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


def test_a_record_with_lone_surrogates_never_costs_the_add(tmp_path: Path) -> None:
    feed = _records(tmp_path / "feed.jsonl", 6)
    lines = feed.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    # what a scraper writes for a broken emoji: a JSON escape of half a surrogate pair
    lines[2] = json.dumps({**record, "title": record["title"] + " \ud800"})
    lines[4] = json.dumps({**record, "text": record["text"] + " \udfff"})
    assert "\\ud800" in lines[2]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "k.db"
    report = add_paths(db, [feed], Config())
    assert report.added + report.failed == 6 and report.added >= 5
    with open_store(db) as store:
        assert store.count_pages() == 6
        titles = [a.article.title or "" for a in store.iter_annotated()]
    assert any("\ufffd" in t for t in titles)
    export_dossier(db).to_json().encode("utf-8")


def test_add_records_every_place_of_a_page_repeated_within_it(tmp_path: Path) -> None:
    feed = _records(tmp_path / "feed.jsonl", 3)
    copies = [tmp_path / "a" / "feed.jsonl", tmp_path / "b" / "feed.jsonl"]
    for copy in copies:
        copy.parent.mkdir()
        shutil.copy(feed, copy)
    db = tmp_path / "k.db"
    report = add_paths(db, [feed, *copies], Config(), batch_pages=2)
    assert (report.added, report.skipped_duplicates) == (3, 6)
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT content_hash, source FROM page_sources").fetchall()
    assert len(rows) == 9
    places = {}
    for digest, source in rows:
        places.setdefault(digest, set()).add(str(Path(source.split("#")[0]).parent.name))
    assert all(p == {tmp_path.name, "a", "b"} for p in places.values()), places


def test_second_adder_error_names_the_wait_option(tmp_path: Path) -> None:
    inputs = _records(tmp_path / "feed.jsonl", 1)
    db = tmp_path / "k.db"
    with (
        open_store(db) as store,
        store.writer(timeout_s=1.0),
        pytest.raises(StoreError) as info,
    ):
        add_paths(db, [inputs], Config(), lock_timeout_s=0.2)
    assert "--wait SECONDS" in str(info.value) and "lock timeout" not in str(info.value)


def test_add_waits_ten_minutes_by_default() -> None:
    import inspect

    from khabar.store.add import LOCK_TIMEOUT_S

    assert LOCK_TIMEOUT_S >= 600
    assert inspect.signature(add_paths).parameters["lock_timeout_s"].default == LOCK_TIMEOUT_S


def _cli_add(db: Path, inputs: Path, *options: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "khabar.cli", "add", str(inputs), "--db", str(db), "-q"]
    return subprocess.Popen(
        [*argv, *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_cli_add_wait_gives_up_after_the_given_seconds_with_advice(tmp_path: Path) -> None:
    inputs = _records(tmp_path / "feed.jsonl", 2)
    db = tmp_path / "k.db"
    with open_store(db) as store, store.writer(timeout_s=1.0):
        proc = _cli_add(db, inputs, "--wait", "1")
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert "being written by another khabar process" in err and "--wait SECONDS" in err
    assert "Traceback" not in err


def test_cli_add_wait_takes_the_store_once_the_other_writer_is_done(tmp_path: Path) -> None:
    inputs = _records(tmp_path / "feed.jsonl", 2)
    db = tmp_path / "k.db"
    with open_store(db) as store, store.writer(timeout_s=1.0):
        proc = _cli_add(db, inputs, "--wait", "120")
        time.sleep(3.0)  # the add is now waiting for the lock this test holds
        assert proc.poll() is None
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "added 2" in out


def _groups(db: Path) -> set[frozenset[str]]:
    """The events of a store as sets of article URLs (ids and order left aside)."""
    dossier = export_dossier(db)
    url = {a.id: a.article.url for a in dossier.articles}
    return {frozenset(url[a] or "" for a in e.articles) for e in dossier.events}


def test_two_concurrent_adds_give_the_events_of_one_add(tmp_path: Path) -> None:
    first = _records(tmp_path / "first.jsonl", 30)
    second = _records(tmp_path / "second.jsonl", 30, start=30)
    # the adds queue for the lock in either order: one add of the pages in that order
    one_add = []
    for n, order in enumerate(([first, second], [second, first])):
        add_paths(tmp_path / f"one-{n}.db", order, Config())
        one_add.append(_groups(tmp_path / f"one-{n}.db"))
    both = tmp_path / "both.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(_adder(both, feed, batch=5, timeout_s=240.0), cwd=ROOT, env=env)
        for feed in (first, second)
    ]
    for proc in procs:
        proc.wait(timeout=300)
    assert all(p.returncode == 0 for p in procs)
    assert _groups(both) in one_add
