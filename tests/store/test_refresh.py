"""refresh: the collection stages of a store brought up to date, on any executor."""

from __future__ import annotations

from pathlib import Path

from khabar.config import Config
from khabar.run import LocalExecutor
from khabar.store import add_paths, open_store, refresh


def _stale_store(db: Path, seeds_dir: Path) -> None:
    report = add_paths(db, [seeds_dir], Config(), update=False)
    assert report.added == 5 and not report.updated


def test_refresh_updates_a_stale_store_once(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "k.db"
    _stale_store(db, seeds_dir)
    with open_store(db) as store:
        assert store.collection_stale()
    assert refresh(db, Config()) is True
    with open_store(db) as store:
        assert not store.collection_stale()
        assert len(store.load_collection().events) == 4
    assert refresh(db, Config()) is False  # nothing left to do


def test_refresh_on_a_process_pool_equals_in_process(tmp_path: Path, seeds_dir: Path) -> None:
    alone, pooled = tmp_path / "alone.db", tmp_path / "pooled.db"
    for db in (alone, pooled):
        _stale_store(db, seeds_dir)
    refresh(alone, Config())
    with LocalExecutor(workers=2) as pool:
        refresh(pooled, Config(), executor=pool)
    collections = []
    for db in (alone, pooled):
        with open_store(db) as store:
            collections.append(store.load_collection())
    assert collections[0].events == collections[1].events
    assert collections[0].stories == collections[1].stories
    assert collections[0].claims == collections[1].claims
