"""Watching a folder: files are taken once their size is stable, once each, into the store."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from khabar.config import Config
from khabar.store import FolderPoller, open_store, watch


def test_poller_takes_a_file_once_it_stops_changing(tmp_path: Path) -> None:
    poller = FolderPoller(tmp_path)
    page = tmp_path / "a.txt"
    page.write_text("part one")
    assert poller.poll() == []
    with page.open("a") as handle:
        handle.write(" and part two")
    assert poller.poll() == []  # still growing
    assert poller.poll() == [page]
    assert poller.poll() == []  # taken once


def test_poller_takes_a_changed_file_again(tmp_path: Path) -> None:
    poller = FolderPoller(tmp_path)
    page = tmp_path / "a.txt"
    page.write_text("v1")
    poller.poll()
    assert poller.poll() == [page]
    page.write_text("version two")
    poller.poll()
    assert poller.poll() == [page]


def test_poller_skips_partial_hidden_and_store_files(tmp_path: Path) -> None:
    (tmp_path / "x.html.part").write_text("downloading")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "k.db").write_text("store")
    (tmp_path / "k.db-wal").write_text("wal")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("nested")
    skip = frozenset({(tmp_path / "k.db").resolve(), (tmp_path / "k.db-wal").resolve()})
    poller = FolderPoller(tmp_path, skip)
    poller.poll()
    assert poller.poll() == [tmp_path / "sub" / "b.txt"]


def test_watch_adds_files_that_appear_until_stopped(seeds_dir: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "k.db"
    stop = threading.Event()
    added: list[int] = []
    thread = threading.Thread(
        target=lambda: added.append(watch(inbox, db, Config(), interval_s=0.1, stop=stop))
    )
    thread.start()
    try:
        for page in sorted(seeds_dir.iterdir())[:2]:
            shutil.copy(page, inbox / page.name)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if db.exists():
                with open_store(db) as store:
                    if store.count_articles() == 2 and not store.collection_stale():
                        break
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(timeout=60)
    assert added == [2]
