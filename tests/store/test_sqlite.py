"""The SQLite store: schema versions, atomic batches, the writer lock, collection results."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from khabar.errors import StoreError
from khabar.model import AnnotatedArticle, Article, EntityRecord, Event, Failure, Page, Story
from khabar.store import Collection, CollectionDelta, PageOutcome, content_hash, open_store
from khabar.store.migrations import MIGRATIONS, SCHEMA_VERSION


def _page(n: int) -> Page:
    text = f"صفحة رقم {n}"
    return Page(f"in/{n}.txt", text.encode(), text, "utf-8", "text")


def _outcome(n: int, published: date | None = None) -> PageOutcome:
    page = _page(n)
    digest = content_hash(page.data)
    article = Article(f"art{n}", page.source, f"عنوان {n}", published, "o", "ar", (page.text,))
    return PageOutcome(digest, page, AnnotatedArticle(article))


def test_store_new_file_gets_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
    db = sqlite3.connect(tmp_path / "k.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    versions = [r[0] for r in db.execute("SELECT version FROM schema_version")]
    assert versions == [m.version for m in MIGRATIONS]


def test_store_refuses_a_file_from_a_newer_khabar(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    open_store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError, match="newer than this khabar"):
        open_store(path)


def test_store_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    path.write_bytes(b"this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a usable khabar store"):
        open_store(path)


def test_store_export_side_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.db", create=False)


def test_store_unknown_backend_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="available: sqlite"):
        open_store(tmp_path / "k.db", backend="postgres")


def test_store_batch_keeps_pages_articles_and_failures(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", ["in"])
        bad = PageOutcome(content_hash(b"x"), _page(9), Failure("in/9.txt", "no article"))
        stored = store.put_batch(run, [_outcome(1), _outcome(2), bad], [Failure("in/z", "empty")])
        assert stored.article_ids == ("art1", "art2")
        assert stored.failures == 2
        assert store.count_pages() == 3
        assert [a.id for a in store.iter_annotated()] == ["art1", "art2"]
        assert store.failures() == [Failure("in/z", "empty"), Failure("in/9.txt", "no article")]
        assert store.known_hashes([_outcome(1).content_hash, "f" * 64]) == {
            _outcome(1).content_hash
        }
        assert store.collection_stale()


def test_store_batch_is_all_or_nothing(tmp_path: Path) -> None:
    broken = PageOutcome("h", _page(3), "not an article")  # type: ignore[arg-type]
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        with pytest.raises(AttributeError):
            store.put_batch(run, [_outcome(1), broken], [])
        assert store.count_pages() == 0
        assert store.count_articles() == 0
        assert not store.collection_stale()


def test_store_same_page_twice_is_stored_once(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(run, [_outcome(1)], [])
        again = store.put_batch(run, [_outcome(1)], [])
        assert again.article_ids == ()
        assert store.count_articles() == 1


def test_store_repeated_article_id_gets_a_suffix_like_analyze(tmp_path: Path) -> None:
    first, second = _outcome(1), _outcome(2)
    renamed = AnnotatedArticle(Article("art1", "x", None, None, None, "ar", ("p",)))
    second = PageOutcome(second.content_hash, second.page, renamed)
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        assert store.put_batch(run, [first, second], []).article_ids == ("art1", "art1-2")
        assert [a.id for a in store.iter_annotated()] == ["art1", "art1-2"]


def test_store_collection_round_trips_and_clears_staleness(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(run, [_outcome(1), _outcome(2)], [])
        articles = tuple(store.iter_annotated())
        collection = Collection(
            articles=articles,
            entities=(EntityRecord("e1", "بوتين", "PER", ("بوتين",), ("art1",)),),
            events=(Event("ev1", "t", ("art1", "art2"), date(2024, 1, 1), story="s1"),),
            stories=(Story("s1", "t", ("ev1",)),),
        )
        store.put_collection(run, collection)
        assert not store.collection_stale()
        loaded = store.load_collection()
        assert loaded.events == collection.events
        assert loaded.entities == collection.entities
        assert loaded.stories == collection.stories
        assert tuple(store.iter_resolved()) == articles
        assert store.events_of(["art2"]) == {"ev1"}


def test_store_partial_collection_leaves_results_stale(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(run, [_outcome(1), _outcome(2)], [])
        first = next(store.iter_annotated())
        store.put_collection(run, Collection(articles=(first,)))
        assert store.collection_stale()


def test_store_selects_articles_by_publish_date(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(
            run, [_outcome(1, date(2024, 1, 1)), _outcome(2, date(2024, 3, 1)), _outcome(3)], []
        )
        assert store.published_between("2024-02-01", None) == {"art2"}
        assert store.published_between(None, "2024-02-01") == {"art1"}
        assert [a.id for a in store.iter_annotated(["art2", "art1"])] == ["art1", "art2"]
        assert store.publish_days(["art3", "art1", "nope", "art1"]) == {
            "art3": None,
            "art1": "2024-01-01",
        }


def test_store_second_writer_fails_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with (
        open_store(path) as first,
        first.writer(timeout_s=1.0),
        open_store(path) as second,
        pytest.raises(StoreError, match="another khabar"),
        second.writer(timeout_s=0.2),
    ):
        pass
    with open_store(path) as third, third.writer(timeout_s=0.2):
        pass


def test_store_marks_runs_left_running_as_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    with open_store(path) as store, store.writer(1.0):
        store.start_run("add", ["x"])
    with open_store(path) as store, store.writer(1.0):
        assert [r["status"] for r in store.runs()] == ["interrupted"]


def test_store_applies_new_migration_steps_to_an_existing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from khabar.store import sqlite as backend
    from khabar.store.migrations import Migration

    path = tmp_path / "k.db"
    with open_store(path) as store:
        run = store.start_run("add", [])
        store.put_batch(run, [_outcome(1)], [])
    step = Migration(SCHEMA_VERSION + 1, "notes", ("ALTER TABLE articles ADD COLUMN note TEXT",))
    monkeypatch.setattr(backend, "MIGRATIONS", (*MIGRATIONS, step))
    monkeypatch.setattr(backend, "SCHEMA_VERSION", step.version)
    with open_store(path) as store:
        assert store.schema_version == step.version
        assert [a.id for a in store.iter_annotated()] == ["art1"]
    db = sqlite3.connect(path)
    assert db.execute("SELECT note FROM articles").fetchall() == [(None,)]


def test_store_reads_back_raw_pages_and_the_latest_of_each_outlet(tmp_path: Path) -> None:
    def page(n: int, outlet: str) -> PageOutcome:
        text = f"خبر {n}"
        raw = Page(f"in/{n}.txt", text.encode(), text, "utf-8", "text", outlet_hint=outlet)
        return PageOutcome(content_hash(raw.data), raw, Failure(raw.source, "short"))

    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(run, [page(n, "أ" if n % 2 else "ب") for n in range(6)], [])
        assert [p.data.decode() for p in store.iter_pages()] == [f"خبر {n}" for n in range(6)]
        latest = [p.source for p in store.iter_pages(latest_per_outlet=2)]
        assert latest == ["in/2.txt", "in/3.txt", "in/4.txt", "in/5.txt"]


def test_store_collection_delta_replaces_in_place_drops_and_appends(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        run = store.start_run("add", [])
        store.put_batch(run, [_outcome(n) for n in (1, 2, 3)], [])
        first = tuple(store.iter_annotated(["art1", "art2"]))
        store.put_collection(
            run,
            Collection(
                articles=first,
                entities=(EntityRecord("e1", "بوتين", "PER", ("بوتين",), ("art1", "art2")),),
                events=(Event("ev1", "t", ("art1",), story="s1"), Event("ev2", "t", ("art2",))),
                stories=(Story("s1", "t", ("ev1",)),),
            ),
        )
        assert store.collection_stale() and store.pending_ids() == ["art3"]
        assert store.collection_touching(["art2"]).entities[0].id == "e1"
        delta = CollectionDelta(
            Collection(
                articles=tuple(store.iter_annotated(["art2", "art3"])),
                events=(Event("ev3", "t", ("art2", "art3")), Event("ev1", "new", ("art1",))),
                entities=(EntityRecord("e1", "بوتين", "PER", ("بوتين",), ("art1", "art3")),),
            ),
            drop_events=frozenset({"ev2"}),
        )
        store.put_collection_delta(run, delta)
        assert not store.collection_stale() and store.pending_ids() == []
        events = store.load_collection().events
        assert [(e.id, e.title) for e in events] == [("ev1", "new"), ("ev3", "t")]
        assert store.members_of(["ev3"]) == {"art2", "art3"}
        assert store.events_of(["art2"]) == {"ev3"}
        assert store.collection_touching(["art2"]).entities == ()
        assert store.collection_touching(["art3"]).entities[0].articles == ("art1", "art3")
