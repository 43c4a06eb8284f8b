"""Incremental collection update: new articles join stored events or start new ones, only the
affected part of the collection is recomputed, and batching does not change the events."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import tarfile
from collections.abc import Sequence
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from khabar.config import Config
from khabar.events.metrics import bcubed
from khabar.store import add_paths, affected_articles, open_store, update_incremental
from khabar.store.add import _day_chunks
from khabar.store.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]
ANT_ARCHIVE = ROOT.parent / "shared/data/ant/ant-multisource-v2.1.tar.xz"

ANT_ARTICLES = 300
"""ANT articles in the ten-adds test: enough for events of several articles across the shard
boundaries, few enough for a unit test (about a minute on one core)."""

MIN_BATCHING_BCUBED = 0.98
"""The issue's floor for events of ten adds against one add (BCubed F1)."""

CITIES = ("دمشق", "موسكو", "القاهرة", "بيروت", "عمان", "بغداد", "الرياض", "الدوحة")
TOPICS = ("الاقتصاد", "الطاقة", "الصحة", "التعليم", "النقل", "الزراعة", "المياه", "السياحة")


def _record(i: int, day: str, twin: bool = False) -> dict[str, str]:
    """A distinct short news record; ``twin`` gives another outlet's report of record ``i``."""
    city, topic = CITIES[i % len(CITIES)], TOPICS[(i // 8) % len(TOPICS)]
    text = (
        f"عقد وزير {topic} اجتماعا في {city} لبحث الخطة رقم {i} مع وفد من المستثمرين. "
        f"ومن المقرر أن تنفذ الخطة {i} خلال العام المقبل في {city} بكلفة {i + 100} مليون دولار. "
        f"وأضاف الوزير أن الحكومة خصصت المبلغ لمشروعات {topic} الجديدة في المدينة."
    )
    if twin:
        text = "قال مصدر رسمي إن " + text
    return {
        "url": f"https://{'b' if twin else 'a'}.example/{i}",
        "title": f"خطة {topic} رقم {i} في {city}",
        "text": text,
        "published": day,
        "outlet": "وكالة ب" if twin else "وكالة أ",
    }


def _write(path: Path, records: Sequence[dict[str, str]]) -> str:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return str(path)


def _events(db: Path) -> dict[str, tuple[str, ...]]:
    """Stored event id → its articles."""
    with open_store(db) as store:
        return {e.id: e.articles for e in store.load_collection().events}


def _snapshot(db: Path) -> tuple[object, ...]:
    with open_store(db) as store:
        return (
            list(store.iter_annotated()),
            list(store.iter_resolved()),
            store.load_collection(),
            store.count_pages(),
        )


def test_add_far_from_stored_days_recomputes_only_the_new_articles(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    january = _write(tmp_path / "jan.jsonl", [_record(i, "2024-01-10") for i in range(12)])
    june = _write(tmp_path / "jun.jsonl", [_record(i, "2024-06-10") for i in range(12, 20)])
    first = add_paths(db, [january], Config())
    before = _events(db)
    second = add_paths(db, [june], Config())
    after = _events(db)
    assert first.recomputed == first.added == 12
    assert second.recomputed == second.added == 8
    assert {k: v for k, v in after.items() if k in before} == before
    with open_store(db) as store:
        members = [a for articles in after.values() for a in articles]
        assert sorted(members) == sorted(store.article_ids())
        assert not store.collection_stale()
        assert store.pending_ids() == []


def test_add_next_day_report_joins_the_stored_event(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    stored = [_record(i, "2024-03-0" + str(1 + i % 3)) for i in range(9)]
    far = [_record(i, "2024-05-20") for i in range(40, 46)]
    add_paths(db, [_write(tmp_path / "a.jsonl", [*stored, *far])], Config())
    before = _events(db)
    report = add_paths(db, [_write(tmp_path / "b.jsonl", [_record(4, "2024-03-03", twin=True)])])
    after = _events(db)
    assert report.added == 1
    assert 1 < report.recomputed < report.articles_total  # the window, not the far articles
    with open_store(db) as store:
        new_id = store.article_ids(report.run_id)[0]
        old_id = next(a.id for a in store.iter_annotated() if a.article.title == stored[4]["title"])
    joined = next(articles for articles in after.values() if new_id in articles)
    assert old_id in joined
    untouched = {k: v for k, v in before.items() if old_id not in v}
    assert {k: after[k] for k in untouched} == untouched


def test_the_window_is_found_from_stored_publish_days_without_decoding_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "k.db"
    stored = [_record(i, f"2024-03-{1 + i % 9:02d}") for i in range(9)]
    add_paths(db, [_write(tmp_path / "a.jsonl", stored)], Config())
    add_paths(db, [_write(tmp_path / "b.jsonl", [_record(20, "2024-03-02")])], update=False)
    with open_store(db) as store:
        pending = store.pending_ids()
        near = {a.id for a in store.iter_annotated() if a.article.published.day <= 5}
        near |= store.members_of(store.events_of(near))  # no stored event is split
        monkeypatch.setattr(type(store), "iter_annotated", None)  # any decoding would fail
        assert len(pending) == 1
        assert pending[0] in near
        assert affected_articles(store, pending) == near


@pytest.mark.skipif(not ANT_ARCHIVE.exists(), reason=f"needs the ANT corpus at {ANT_ARCHIVE}")
def test_ant_ten_adds_give_the_events_of_one_add_and_readd_changes_nothing(
    tmp_path: Path,
) -> None:
    records = _ant_records(ANT_ARTICLES)
    size = -(-len(records) // 10)
    shards = [
        _write(tmp_path / f"ant-{i:02d}.jsonl", records[i * size : (i + 1) * size])
        for i in range(10)
    ]
    many, one = tmp_path / "many.db", tmp_path / "one.db"
    reports = [add_paths(many, [shard], Config()) for shard in shards]
    add_paths(one, shards, Config())
    assert any(r.recomputed < r.articles_total for r in reports[1:])  # incremental, not full
    flat = {a: ev for ev, articles in _events(many).items() for a in articles}
    whole = {a: ev for ev, articles in _events(one).items() for a in articles}
    assert flat.keys() == whole.keys()
    assert bcubed(flat, whole)[2] >= MIN_BATCHING_BCUBED
    before = _snapshot(many)
    again = add_paths(many, [shards[5]], Config())
    assert (again.added, again.skipped_duplicates, again.recomputed) == (0, size, 0)
    assert _snapshot(many) == before


def _ant_records(n: int) -> list[dict[str, str]]:
    """The first ``n`` ANT articles of the archive stream, in publication order."""
    out: list[dict[str, str]] = []
    with tarfile.open(ANT_ARCHIVE, mode="r:xz") as tar:
        for member in tar:
            if len(out) >= n:
                break
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None or not member.name.endswith(".txt"):
                continue
            raw = handle.read().decode("utf-8", errors="replace")
            fields = {k: _field(raw, k) for k in ("URL", "SRC", "TITLE", "TIME", "TEXT")}
            if fields["TEXT"]:
                published = fields["TIME"]
                with contextlib.suppress(TypeError, ValueError):
                    published = parsedate_to_datetime(published).isoformat()
                out.append(
                    {
                        "url": fields["URL"],
                        "title": fields["TITLE"],
                        "text": fields["TEXT"],
                        "published": published,
                        "outlet": fields["SRC"],
                    }
                )
    return sorted(out, key=lambda r: (r["published"], r["url"]))


def _field(raw: str, name: str) -> str:
    start = raw.find(f"<{name}>")
    end = raw.find(f"</{name}>", start)
    return raw[start + len(name) + 2 : end].strip() if start >= 0 and end >= 0 else ""


def test_migration_two_links_results_already_stored_to_their_articles() -> None:
    db = sqlite3.connect(":memory:")
    for statement in MIGRATIONS[0].statements:
        db.execute(statement)
    db.execute(
        "INSERT INTO entities VALUES (0, 'e1', ?)",
        (json.dumps({"id": "e1", "articles": ["a1", "a2"]}),),
    )
    db.execute(
        "INSERT INTO claims VALUES (0, 'c1', 'ev1', ?)",
        (json.dumps({"id": "c1", "sources": [{"article": "a2"}, {"article": "a3"}]}),),
    )
    for statement in MIGRATIONS[1].statements:
        db.execute(statement)
    assert sorted(db.execute("SELECT * FROM entity_articles")) == [("e1", "a1"), ("e1", "a2")]
    assert sorted(db.execute("SELECT * FROM claim_articles")) == [("c1", "a2"), ("c1", "a3")]


def test_a_big_add_is_brought_up_to_date_a_chunk_of_days_at_a_time(tmp_path: Path) -> None:
    """More pending articles than a chunk: the update goes day chunk by day chunk (as adds one
    after the other would), every article gets its results, and the events are those of the
    one-step update."""
    days = [f"2024-02-{d:02d}" for d in range(1, 13)]
    records = [
        _record(i, days[i % len(days)], twin=twin) for i in range(36) for twin in (False, True)
    ]
    path = _write(tmp_path / "all.jsonl", records)
    one, chunked = tmp_path / "one.db", tmp_path / "chunked.db"
    add_paths(one, [path], Config())
    add_paths(chunked, [path], Config(), update=False)
    with open_store(chunked) as store, store.writer(60):
        run_id = store.start_run("update", [])
        pending = len(store.pending_ids())
        recomputed = update_incremental(store, Config(), run_id, chunk_articles=12)
        store.finish_run(run_id, "done", {})
        assert not store.collection_stale()
        assert store.pending_ids() == []
    assert pending == len(records)
    assert recomputed > pending  # each chunk took its window of stored days along
    one_events, chunked_events = _events(one), _events(chunked)
    assert sorted(a for arts in chunked_events.values() for a in arts) == sorted(
        a for arts in one_events.values() for a in arts
    )
    one_labels, chunked_labels = (
        {a: e for e, arts in found.items() for a in arts} for found in (one_events, chunked_events)
    )
    assert bcubed(chunked_labels, one_labels)[2] >= MIN_BATCHING_BCUBED


def test_day_chunks_keep_a_day_whole_and_an_undated_article_takes_all() -> None:
    days = {"a": "2024-01-02", "b": "2024-01-01", "c": "2024-01-01", "d": "2024-01-03"}
    assert _day_chunks(days, 1) == [["b", "c"], ["a"], ["d"]]
    assert _day_chunks(days, 3) == [["b", "c", "a"], ["d"]]
    assert _day_chunks({**days, "e": None}, 1) == [["a", "b", "c", "d", "e"]]
