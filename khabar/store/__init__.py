"""The article store: pages added incrementally, results kept, dossiers exported on demand.

>>> from khabar.store import add_paths, export_dossier, DossierFilter
>>> report = add_paths("desk.db", ["inbox/"], config)          # doctest: +SKIP
>>> dossier = export_dossier("desk.db", DossierFilter(story="s1"))  # doctest: +SKIP

SQLite by default (one file, WAL, schema migrations); other backends plug in behind
:class:`~khabar.store.base.Store`, chosen by name in :func:`open_store`.
"""

from __future__ import annotations

from khabar.store.add import (
    BATCH_PAGES,
    LOCK_TIMEOUT_S,
    AddReport,
    add_paths,
    affected_articles,
    content_hash,
    refresh,
    update_collection,
    update_incremental,
)
from khabar.store.base import Collection, CollectionDelta, PageOutcome, Store
from khabar.store.export import DossierFilter, export_dossier
from khabar.store.registry import STORES, open_store
from khabar.store.sqlite import SQLiteStore
from khabar.store.watch import POLL_INTERVAL_S, FolderPoller, watch

__all__ = [
    "BATCH_PAGES",
    "LOCK_TIMEOUT_S",
    "POLL_INTERVAL_S",
    "STORES",
    "AddReport",
    "Collection",
    "CollectionDelta",
    "DossierFilter",
    "FolderPoller",
    "PageOutcome",
    "SQLiteStore",
    "Store",
    "add_paths",
    "affected_articles",
    "content_hash",
    "export_dossier",
    "open_store",
    "refresh",
    "update_collection",
    "update_incremental",
    "watch",
]
