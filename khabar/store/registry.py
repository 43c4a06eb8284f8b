"""Store backends by name: the one place that knows which exist."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from khabar.errors import StoreError
from khabar.store.base import Store
from khabar.store.sqlite import SQLiteStore

STORES: Mapping[str, type[Store]] = MappingProxyType({SQLiteStore.backend: SQLiteStore})
"""Store classes by backend name."""


def open_store(db: str | Path, backend: str = "sqlite", create: bool = True) -> Store:
    """Open (and create or migrate, when ``create``) the store ``db`` of the given backend."""
    if backend != SQLiteStore.backend:
        raise StoreError(f"unknown store backend {backend!r}; available: {', '.join(STORES)}")
    return SQLiteStore(db, create=create)
