"""The SQLite store: one file, no server, WAL journal, one writer at a time.

Writers take an exclusive ``flock`` on ``<db>.lock`` (released by the kernel even on ``kill -9``)
and write in ``BEGIN IMMEDIATE`` transactions, so a batch of pages is either fully in or not at
all. Readers never wait for writers (WAL).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import json
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from khabar import __version__
from khabar.clean import outlet_key
from khabar.clean.scrub import scrub_optional, scrub_source, scrub_text
from khabar.errors import StoreError
from khabar.model import (
    AnnotatedArticle,
    ArticleFlag,
    Claim,
    Contradiction,
    EntityRecord,
    Event,
    Failure,
    Page,
    Story,
)
from khabar.store import codec
from khabar.store.base import Collection, CollectionDelta, PageOutcome, Store, StoredBatch
from khabar.store.migrations import MIGRATIONS, SCHEMA_VERSION

T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0
"""Seconds a statement waits for another connection's write transaction before failing. Writes
are short batches; a wait this long means something is stuck."""

LOCK_POLL_S = 0.05
"""Seconds between attempts to take the writer lock while another process holds it."""

ZLIB_LEVEL = 3
"""zlib level of stored blobs: Arabic JSON shrinks about 4x already; higher levels cost time
for a few percent."""

IN_CHUNK = 500
"""Ids per ``IN (…)`` query; SQLite allows at most 32766 parameters per statement, and smaller
chunks keep each query cheap."""

STALE_KEY = "collection_stale"
COLLECTION_RUN_KEY = "collection_run"


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _pack(obj: Any) -> bytes:
    """A model dataclass as zlib-compressed JSON."""
    return zlib.compress(codec.dumps(obj).encode("utf-8"), ZLIB_LEVEL)


def _unpack(cls: type[T], blob: bytes) -> T:
    """The inverse of :func:`_pack`."""
    return codec.loads(cls, zlib.decompress(blob))


def _chunks(items: Sequence[str], size: int = IN_CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class SQLiteStore(Store):
    """A khabar store in one SQLite file (created, and migrated, when opened)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(
                f"no store at {self.path}; create one with `khabar add PAGES --db {self.path}`"
            )
        if self.path.parent and not self.path.parent.exists():
            raise StoreError(f"cannot create the store {self.path}: its folder does not exist")
        try:
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode survives a killed process; only a power cut may lose the last
            # committed batches (never corrupt the file).
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(f"{self.path} is not a usable khabar store: {exc}") from exc

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
            self._db = None  # type: ignore[assignment]

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any error."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(
                f"the store {self.path} stayed locked by another process for "
                f"{BUSY_TIMEOUT_S:.0f} s: {exc}"
            ) from exc
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    @contextlib.contextmanager
    def writer(self, timeout_s: float) -> Iterator[None]:
        """Hold the single-writer lock of the store; StoreError after ``timeout_s`` seconds."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+b") as handle:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreError(
                            f"the store {self.path} is being written by another khabar process "
                            f"(lock {lock_path} held for over {timeout_s:g} s); wait for it to "
                            "finish, or let `khabar add --wait SECONDS` wait longer"
                        ) from None
                    time.sleep(LOCK_POLL_S)
            try:
                self._mark_interrupted_runs()
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _migrate(self) -> None:
        """Bring the schema to :data:`SCHEMA_VERSION`, one transaction per step."""
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this khabar "
                f"({SCHEMA_VERSION}); upgrade khabar to open it"
            )
        for step in MIGRATIONS[version:]:
            with self._tx() as db:
                # Another process may have migrated while we waited for the write lock.
                if db.execute("PRAGMA user_version").fetchone()[0] >= step.version:
                    continue
                for statement in step.statements:
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)",
                    (step.version, step.description, _now()),
                )
                db.execute(f"PRAGMA user_version = {int(step.version)}")

    @property
    def schema_version(self) -> int:
        """The schema version of the open file."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- runs ------------------------------------------------------------------------------

    def _mark_interrupted_runs(self) -> None:
        """Runs still 'running' when the writer lock is free were killed: say so."""
        with self._tx() as db:
            db.execute(
                "UPDATE runs SET status = 'interrupted' "
                "WHERE status = 'running' AND finished IS NULL"
            )

    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record the start of a run and return its id."""
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO runs (command, inputs, khabar_version, started) VALUES (?, ?, ?, ?)",
                (
                    command,
                    json.dumps([scrub_source(i) for i in inputs], ensure_ascii=False),
                    __version__,
                    _now(),
                ),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        """Record how a run ended."""
        with self._tx() as db:
            db.execute(
                "UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ?",
                (_now(), status, json.dumps(counts), run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first, as plain dicts."""
        cur = self._db.execute(
            "SELECT id, command, inputs, khabar_version, started, finished, status, counts "
            "FROM runs ORDER BY id"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    # -- per-page results ------------------------------------------------------------------

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes among ``hashes`` whose pages are already stored."""
        wanted = list(dict.fromkeys(hashes))
        found: set[str] = set()
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT content_hash FROM pages WHERE content_hash IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def add_source(self, content_hash: str, source: str, run_id: int) -> None:
        """Record one more place a stored page was found."""
        with self._tx() as db:
            db.execute(
                "INSERT OR IGNORE INTO page_sources VALUES (?, ?, ?)",
                (content_hash, scrub_source(source), run_id),
            )

    def _free_id(self, db: sqlite3.Connection, base_id: str) -> str:
        """``base_id``, or ``base_id-n`` when earlier articles already took it (as analyze does)."""
        taken = db.execute("SELECT COUNT(*) FROM articles WHERE base_id = ?", (base_id,))
        n = int(taken.fetchone()[0])
        return base_id if n == 0 else f"{base_id}-{n + 1}"

    def put_batch(
        self, run_id: int, outcomes: Sequence[PageOutcome], read_failures: Sequence[Failure]
    ) -> StoredBatch:
        """Store pages with their articles or failures in one transaction (all or nothing)."""
        stored: list[str] = []
        failed = 0
        with self._tx() as db:
            for failure in read_failures:
                db.execute(
                    "INSERT OR IGNORE INTO failures (stage, source, error, run) "
                    "VALUES ('read', ?, ?, ?)",
                    (scrub_source(failure.source), scrub_text(failure.error), run_id),
                )
                failed += 1
            for outcome in outcomes:
                page, result = outcome.page, outcome.result
                source = scrub_source(page.source)
                status = "failed" if isinstance(result, Failure) else "article"
                cur = db.execute(
                    "INSERT OR IGNORE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        outcome.content_hash,
                        source,
                        page.kind,
                        scrub_optional(outlet_key(page)),
                        len(page.data),
                        status,
                        zlib.compress(
                            codec.dumps(_without_bytes(page)).encode("utf-8"), ZLIB_LEVEL
                        ),
                        zlib.compress(page.data, ZLIB_LEVEL),
                        run_id,
                    ),
                )
                db.execute(
                    "INSERT OR IGNORE INTO page_sources VALUES (?, ?, ?)",
                    (outcome.content_hash, source, run_id),
                )
                if cur.rowcount == 0:  # already stored: nothing more to do for this page
                    continue
                if isinstance(result, Failure):
                    db.execute(
                        "INSERT OR IGNORE INTO failures (stage, source, error, content_hash, run) "
                        "VALUES ('clean', ?, ?, ?, ?)",
                        (
                            scrub_source(result.source),
                            scrub_text(result.error),
                            outcome.content_hash,
                            run_id,
                        ),
                    )
                    failed += 1
                    continue
                stored.append(self._insert_article(db, run_id, outcome.content_hash, result))
            if stored:
                db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (STALE_KEY, b"1"))
        return StoredBatch(article_ids=tuple(stored), failures=failed)

    def _insert_article(
        self, db: sqlite3.Connection, run_id: int, content_hash: str, item: AnnotatedArticle
    ) -> str:
        """Insert one annotated article under a free id; return the id used."""
        base_id = item.id
        article_id = self._free_id(db, base_id)
        if article_id != base_id:
            item = _with_id(item, article_id)
        art = item.article
        db.execute(
            "INSERT INTO articles (id, base_id, content_hash, published, outlet, annotated, run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                base_id,
                content_hash,
                art.published.isoformat() if art.published else None,
                scrub_optional(art.outlet),
                _pack(item),
                run_id,
            ),
        )
        return article_id

    def _iter_column(self, column: str, ids: Iterable[str] | None) -> Iterator[AnnotatedArticle]:
        """Decode one article column, in insertion order, for all or some ids."""
        if ids is None:
            cur = self._db.execute(f"SELECT {column} FROM articles ORDER BY seq")
            for (blob,) in cur:
                if blob is not None:
                    yield _unpack(AnnotatedArticle, blob)
            return
        wanted = list(dict.fromkeys(ids))
        rows: list[tuple[int, bytes]] = []
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows.extend(
                self._db.execute(f"SELECT seq, {column} FROM articles WHERE id IN ({marks})", chunk)
            )
        rows.sort()
        for _, blob in rows:
            if blob is not None:
                yield _unpack(AnnotatedArticle, blob)

    def iter_annotated(self, ids: Iterable[str] | None = None) -> Iterator[AnnotatedArticle]:
        """Articles as the per-page stages made them (unresolved), in insertion order."""
        return self._iter_column("annotated", ids)

    def iter_resolved(self, ids: Iterable[str] | None = None) -> Iterator[AnnotatedArticle]:
        """Articles with resolved entity ids as last computed, in insertion order."""
        return self._iter_column("resolved", ids)

    def iter_pages(
        self, skip_kind: str | None = None, latest_per_outlet: int | None = None
    ) -> Iterator[Page]:
        """Stored raw pages in the order added: all, or all but one kind, or only the latest
        ``latest_per_outlet`` pages of each outlet (pages without an outlet key left out)."""
        if latest_per_outlet is None:
            cur = self._db.execute(
                "SELECT page, raw FROM pages WHERE kind IS NOT ? ORDER BY rowid", (skip_kind,)
            )
        else:
            cur = self._db.execute(
                "SELECT page, raw FROM ("
                " SELECT rowid AS r, page, raw, ROW_NUMBER() OVER"
                " (PARTITION BY outlet ORDER BY rowid DESC) AS n"
                " FROM pages WHERE kind IS NOT ? AND outlet IS NOT NULL"
                ") WHERE n <= ? ORDER BY r",
                (skip_kind, latest_per_outlet),
            )
        for page_blob, raw in cur:
            page = _unpack(Page, page_blob)
            yield dataclasses.replace(page, data=zlib.decompress(raw))

    def count_articles(self) -> int:
        """Number of stored articles."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def count_pages(self) -> int:
        """Number of stored raw pages (articles and pages that held none)."""
        return int(self._db.execute("SELECT COUNT(*) FROM pages").fetchone()[0])

    def article_ids(self, run_id: int | None = None) -> list[str]:
        """Ids of all stored articles, or of those one run added, in insertion order."""
        if run_id is None:
            cur = self._db.execute("SELECT id FROM articles ORDER BY seq")
        else:
            cur = self._db.execute("SELECT id FROM articles WHERE run = ? ORDER BY seq", (run_id,))
        return [r[0] for r in cur]

    def published_between(self, since: str | None, until: str | None) -> set[str]:
        """Ids of articles published within ``[since, until]`` (ISO dates, None = open)."""
        sql = "SELECT id FROM articles WHERE published IS NOT NULL"
        args: list[str] = []
        if since:
            sql += " AND published >= ?"
            args.append(since)
        if until:
            sql += " AND published <= ?"
            args.append(until)
        return {r[0] for r in self._db.execute(sql, args)}

    def failures(self) -> list[Failure]:
        """Every input that could not be analysed: read failures first, then clean failures."""
        rows = self._db.execute(
            "SELECT source, error FROM failures "
            "ORDER BY CASE stage WHEN 'read' THEN 0 ELSE 1 END, seq"
        )
        return [Failure(source, error) for source, error in rows]

    # -- collection results ----------------------------------------------------------------

    def collection_stale(self) -> bool:
        """True when articles were added since the collection stages last ran to the end."""
        row = self._db.execute("SELECT value FROM state WHERE key = ?", (STALE_KEY,)).fetchone()
        return row is not None and bytes(row[0]) == b"1"

    def count_events(self) -> int:
        """Number of stored events."""
        return int(self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def events_of(self, article_ids: Iterable[str]) -> set[str]:
        """Ids of the events that hold any of ``article_ids``."""
        wanted = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT DISTINCT event FROM event_articles WHERE article IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def put_collection(self, run_id: int, collection: Collection) -> None:
        """Replace the collection results in one transaction and mark them current."""
        with self._tx() as db:
            for table in (
                "entities",
                "events",
                "event_articles",
                "stories",
                "claims",
                "contradictions",
                "article_flags",
                *(link for _, link, _ in LINK_TABLES),
            ):
                db.execute(f"DELETE FROM {table}")
            _write_links(db, collection.entities, collection.claims, collection.contradictions)
            db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?)",
                ((i, e.id, codec.dumps(e)) for i, e in enumerate(collection.entities)),
            )
            db.executemany(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
                (
                    (i, e.id, e.story, e.date.isoformat() if e.date else None, codec.dumps(e))
                    for i, e in enumerate(collection.events)
                ),
            )
            db.executemany(
                "INSERT OR IGNORE INTO event_articles VALUES (?, ?)",
                ((e.id, a) for e in collection.events for a in e.articles),
            )
            db.executemany(
                "INSERT INTO stories VALUES (?, ?, ?)",
                ((i, s.id, codec.dumps(s)) for i, s in enumerate(collection.stories)),
            )
            db.executemany(
                "INSERT INTO claims VALUES (?, ?, ?, ?)",
                ((i, c.id, c.event, codec.dumps(c)) for i, c in enumerate(collection.claims)),
            )
            db.executemany(
                "INSERT INTO contradictions VALUES (?, ?, ?)",
                ((i, c.id, codec.dumps(c)) for i, c in enumerate(collection.contradictions)),
            )
            db.executemany(
                "INSERT INTO article_flags VALUES (?, ?, ?)",
                ((i, f.article, codec.dumps(f)) for i, f in enumerate(collection.flags)),
            )
            db.executemany(
                "UPDATE articles SET resolved = ? WHERE id = ?",
                ((_pack(a), a.id) for a in collection.articles),
            )
            covered = len(collection.articles)
            total = int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
            # Only a collection computed over every stored article makes the results current.
            if covered == total:
                db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (STALE_KEY, b"0"))
            db.execute(
                "INSERT OR REPLACE INTO state VALUES (?, ?)",
                (COLLECTION_RUN_KEY, str(run_id).encode()),
            )

    def _load(self, table: str, cls: type[T]) -> tuple[T, ...]:
        rows = self._db.execute(f"SELECT data FROM {table} ORDER BY seq")
        return tuple(codec.loads(cls, r[0]) for r in rows)

    def load_collection(self) -> Collection:
        """The stored collection results (``articles`` left empty: read them by id)."""
        return Collection(
            articles=(),
            entities=self._load("entities", EntityRecord),
            events=self._load("events", Event),
            stories=self._load("stories", Story),
            claims=self._load("claims", Claim),
            contradictions=self._load("contradictions", Contradiction),
            flags=self._load("article_flags", ArticleFlag),
        )

    # -- incremental update ----------------------------------------------------------------

    def pending_ids(self) -> list[str]:
        """Ids of stored articles not yet in the collection results, in insertion order."""
        cur = self._db.execute("SELECT id FROM articles WHERE resolved IS NULL ORDER BY seq")
        return [r[0] for r in cur]

    def publish_days(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The publish day (ISO date, None when undated) of each of the stored articles
        ``ids``, read without decoding the articles."""
        days: dict[str, str | None] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            days.update(
                self._db.execute(f"SELECT id, published FROM articles WHERE id IN ({marks})", chunk)
            )
        return days

    def undated_ids(self) -> set[str]:
        """Ids of stored articles without a publish date."""
        return {r[0] for r in self._db.execute("SELECT id FROM articles WHERE published IS NULL")}

    def members_of(self, event_ids: Iterable[str]) -> set[str]:
        """Ids of the articles of the stored events ``event_ids``."""
        return self._linked("event_articles", "article", "event", event_ids)

    def _linked(self, table: str, want: str, key: str, values: Iterable[str]) -> set[str]:
        """Values of column ``want`` of ``table`` on rows whose ``key`` is among ``values``."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(values))):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT DISTINCT {want} FROM {table} WHERE {key} IN ({marks})", chunk
            )
            found.update(r[0] for r in rows)
        return found

    def _rows_by(self, table: str, column: str, values: Iterable[str], cls: type[T]) -> list[T]:
        """Rows of ``table`` whose ``column`` is among ``values``, decoded, in stored order."""
        rows: list[tuple[int, str]] = []
        for chunk in _chunks(list(dict.fromkeys(values))):
            marks = ",".join("?" * len(chunk))
            rows.extend(
                self._db.execute(
                    f"SELECT seq, data FROM {table} WHERE {column} IN ({marks})", chunk
                )
            )
        rows.sort()
        return [codec.loads(cls, data) for _, data in rows]

    def collection_touching(
        self,
        article_ids: Iterable[str],
        entity_ids: Iterable[str] = (),
        claim_ids: Iterable[str] = (),
    ) -> Collection:
        """The stored results that cite any of ``article_ids``, with every event of their
        stories, plus the entities and claims of the given ids (``articles`` left empty)."""
        articles = list(dict.fromkeys(article_ids))
        events = self._linked("event_articles", "event", "article", articles)
        stories = self._linked("events", "story", "id", events) - {None}  # type: ignore[arg-type]
        story_events = self._linked("events", "id", "story", stories)
        entities = self._linked("entity_articles", "entity", "article", articles)
        claims = self._linked("claim_articles", "claim", "article", articles)
        contradictions = self._linked(
            "contradiction_articles", "contradiction", "article", articles
        )
        return Collection(
            articles=(),
            events=tuple(self._rows_by("events", "id", events | story_events, Event)),
            stories=tuple(self._rows_by("stories", "id", stories, Story)),
            entities=tuple(
                self._rows_by("entities", "id", entities | set(entity_ids), EntityRecord)
            ),
            claims=tuple(self._rows_by("claims", "id", claims | set(claim_ids), Claim)),
            contradictions=tuple(
                self._rows_by("contradictions", "id", contradictions, Contradiction)
            ),
            flags=tuple(self._rows_by("article_flags", "article", articles, ArticleFlag)),
        )

    def put_collection_delta(self, run_id: int, delta: CollectionDelta) -> None:
        """Apply a change to part of the collection results in one transaction; mark the
        results current when no stored article is left pending."""
        write = delta.write
        with self._tx() as db:
            for table, drop, rows in (
                ("events", delta.drop_events, write.events),
                ("stories", delta.drop_stories, write.stories),
                ("entities", delta.drop_entities, write.entities),
                ("claims", delta.drop_claims, write.claims),
                ("contradictions", delta.drop_contradictions, write.contradictions),
            ):
                _replace_rows(db, table, drop, rows)
            for event in (*delta.drop_events, *(e.id for e in write.events)):
                db.execute("DELETE FROM event_articles WHERE event = ?", (event,))
            db.executemany(
                "INSERT OR IGNORE INTO event_articles VALUES (?, ?)",
                ((e.id, a) for e in write.events for a in e.articles),
            )
            _write_links(db, write.entities, write.claims, write.contradictions)
            flagged = [a.id for a in write.articles]
            for chunk in _chunks(flagged):
                marks = ",".join("?" * len(chunk))
                db.execute(f"DELETE FROM article_flags WHERE article IN ({marks})", chunk)
            start = _next_seq(db, "article_flags")
            db.executemany(
                "INSERT INTO article_flags VALUES (?, ?, ?)",
                ((start + i, f.article, codec.dumps(f)) for i, f in enumerate(write.flags)),
            )
            db.executemany(
                "UPDATE articles SET resolved = ? WHERE id = ?",
                ((_pack(a), a.id) for a in write.articles),
            )
            pending = db.execute("SELECT COUNT(*) FROM articles WHERE resolved IS NULL")
            if int(pending.fetchone()[0]) == 0:
                db.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (STALE_KEY, b"0"))
            db.execute(
                "INSERT OR REPLACE INTO state VALUES (?, ?)",
                (COLLECTION_RUN_KEY, str(run_id).encode()),
            )


LINK_TABLES: tuple[tuple[str, str, str], ...] = (
    ("entities", "entity_articles", "entity"),
    ("claims", "claim_articles", "claim"),
    ("contradictions", "contradiction_articles", "contradiction"),
)
"""(result table, table of the articles each of its rows cites, that table's row-id column)."""


def _next_seq(db: sqlite3.Connection, table: str) -> int:
    """The ``seq`` after the last row of ``table``."""
    return int(db.execute(f"SELECT COALESCE(MAX(seq), -1) + 1 FROM {table}").fetchone()[0])


def _replace_rows(
    db: sqlite3.Connection, table: str, drop: Iterable[str], rows: Sequence[Any]
) -> None:
    """Delete the rows of ``drop`` ids; write ``rows`` in place of same-id rows, else append."""
    link, link_key = next(((lt, key) for t, lt, key in LINK_TABLES if t == table), ("", ""))
    for row_id in drop:
        db.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        if link:
            db.execute(f"DELETE FROM {link} WHERE {link_key} = ?", (row_id,))
    start = _next_seq(db, table)
    for row in rows:
        found = db.execute(f"SELECT MIN(seq) FROM {table} WHERE id = ?", (row.id,)).fetchone()
        seq = found[0] if found and found[0] is not None else start
        if seq == start:
            start += 1
        db.execute(f"DELETE FROM {table} WHERE id = ?", (row.id,))
        if link:
            db.execute(f"DELETE FROM {link} WHERE {link_key} = ?", (row.id,))
        if table == "events":
            values: tuple[Any, ...] = (
                seq,
                row.id,
                row.story,
                row.date.isoformat() if row.date else None,
                codec.dumps(row),
            )
        elif table == "claims":
            values = (seq, row.id, row.event, codec.dumps(row))
        else:
            values = (seq, row.id, codec.dumps(row))
        db.execute(f"INSERT INTO {table} VALUES ({','.join('?' * len(values))})", values)


def _write_links(
    db: sqlite3.Connection,
    entities: Iterable[EntityRecord],
    claims: Iterable[Claim],
    contradictions: Iterable[Contradiction],
) -> None:
    """Record which articles each entity, claim and contradiction cites."""
    db.executemany(
        "INSERT OR IGNORE INTO entity_articles VALUES (?, ?)",
        ((e.id, a) for e in entities for a in e.articles),
    )
    db.executemany(
        "INSERT OR IGNORE INTO claim_articles VALUES (?, ?)",
        ((c.id, s.article) for c in claims for s in c.sources),
    )
    db.executemany(
        "INSERT OR IGNORE INTO contradiction_articles VALUES (?, ?)",
        ((c.id, s.article) for c in contradictions for s in c.sides),
    )


def _without_bytes(page: Any) -> Any:
    """The page with its raw bytes left out (they are stored apart, compressed)."""
    return dataclasses.replace(page, data=b"")


def _with_id(item: AnnotatedArticle, article_id: str) -> AnnotatedArticle:
    """The annotated article under another id."""
    return dataclasses.replace(item, article=dataclasses.replace(item.article, id=article_id))
