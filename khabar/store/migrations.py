"""The SQLite schema as a list of migration steps; step ``n`` takes a store to version ``n``.

A store records its version in ``PRAGMA user_version`` (and, for people reading the file, one row
per applied step in ``schema_version``). Opening a store applies the missing steps in order, each
in its own transaction. Never edit a released step: add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: the version it produces, what it does, and its SQL statements."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        version=1,
        description="pages, articles, failures, collection results, runs",
        statements=(
            """CREATE TABLE schema_version (
                version INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied TEXT NOT NULL)""",
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                command TEXT NOT NULL,
                inputs TEXT NOT NULL,
                khabar_version TEXT NOT NULL,
                started TEXT NOT NULL,
                finished TEXT,
                status TEXT NOT NULL DEFAULT 'running',
                counts TEXT)""",
            # A raw page, once, by the SHA-256 of its bytes; ``page`` is the Page as zlib'd JSON
            # without its bytes, ``raw`` the zlib'd bytes; ``status`` is 'article' or 'failed';
            # ``outlet`` the key that groups an outlet's pages for chrome learning.
            """CREATE TABLE pages (
                content_hash TEXT PRIMARY KEY,
                source TEXT NOT NULL,
                kind TEXT NOT NULL,
                outlet TEXT,
                size INTEGER NOT NULL,
                status TEXT NOT NULL,
                page BLOB NOT NULL,
                raw BLOB NOT NULL,
                run INTEGER NOT NULL REFERENCES runs(id))""",
            "CREATE INDEX pages_outlet ON pages(outlet)",
            """CREATE TABLE page_sources (
                content_hash TEXT NOT NULL REFERENCES pages(content_hash),
                source TEXT NOT NULL,
                run INTEGER NOT NULL REFERENCES runs(id),
                PRIMARY KEY (content_hash, source)) WITHOUT ROWID""",
            # ``annotated``: the AnnotatedArticle from the per-page stages; ``resolved``: the same
            # with entity ids, as of the last collection update (both zlib'd JSON).
            """CREATE TABLE articles (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                base_id TEXT NOT NULL,
                content_hash TEXT NOT NULL REFERENCES pages(content_hash),
                published TEXT,
                outlet TEXT,
                annotated BLOB NOT NULL,
                resolved BLOB,
                run INTEGER NOT NULL REFERENCES runs(id))""",
            "CREATE INDEX articles_base_id ON articles(base_id)",
            "CREATE INDEX articles_published ON articles(published)",
            "CREATE INDEX articles_run ON articles(run)",
            """CREATE TABLE failures (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                stage TEXT NOT NULL,
                source TEXT NOT NULL,
                error TEXT NOT NULL,
                content_hash TEXT,
                run INTEGER NOT NULL REFERENCES runs(id),
                UNIQUE (source, error))""",
            "CREATE TABLE entities (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL)",
            "CREATE INDEX entities_id ON entities(id)",
            """CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                story TEXT,
                date TEXT,
                data TEXT NOT NULL)""",
            "CREATE INDEX events_id ON events(id)",
            """CREATE TABLE event_articles (
                event TEXT NOT NULL,
                article TEXT NOT NULL,
                PRIMARY KEY (event, article)) WITHOUT ROWID""",
            "CREATE INDEX event_articles_article ON event_articles(article)",
            "CREATE TABLE stories (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, data TEXT NOT NULL)",
            """CREATE TABLE claims (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                event TEXT,
                data TEXT NOT NULL)""",
            """CREATE TABLE contradictions (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                data TEXT NOT NULL)""",
            """CREATE TABLE article_flags (
                seq INTEGER PRIMARY KEY,
                article TEXT NOT NULL,
                data TEXT NOT NULL)""",
            # Small named values: collection staleness, the run that last updated it, ….
            "CREATE TABLE state (key TEXT PRIMARY KEY, value BLOB)",
        ),
    ),
    Migration(
        version=2,
        description="article links of entities, claims and contradictions (incremental update)",
        statements=(
            # Which articles each stored entity, claim and contradiction cites, so that an
            # incremental update finds the results an added article touches without reading
            # them all. Filled from the JSON of the rows already stored.
            """CREATE TABLE entity_articles (
                entity TEXT NOT NULL,
                article TEXT NOT NULL,
                PRIMARY KEY (entity, article)) WITHOUT ROWID""",
            "CREATE INDEX entity_articles_article ON entity_articles(article)",
            """CREATE TABLE claim_articles (
                claim TEXT NOT NULL,
                article TEXT NOT NULL,
                PRIMARY KEY (claim, article)) WITHOUT ROWID""",
            "CREATE INDEX claim_articles_article ON claim_articles(article)",
            """CREATE TABLE contradiction_articles (
                contradiction TEXT NOT NULL,
                article TEXT NOT NULL,
                PRIMARY KEY (contradiction, article)) WITHOUT ROWID""",
            "CREATE INDEX contradiction_articles_article ON contradiction_articles(article)",
            "CREATE INDEX stories_id ON stories(id)",
            "CREATE INDEX claims_id ON claims(id)",
            "CREATE INDEX contradictions_id ON contradictions(id)",
            "CREATE INDEX article_flags_article ON article_flags(article)",
            """INSERT OR IGNORE INTO entity_articles
                SELECT e.id, j.value FROM entities e, json_each(e.data, '$.articles') j""",
            """INSERT OR IGNORE INTO claim_articles
                SELECT c.id, json_extract(j.value, '$.article')
                FROM claims c, json_each(c.data, '$.sources') j""",
            """INSERT OR IGNORE INTO contradiction_articles
                SELECT c.id, json_extract(j.value, '$.article')
                FROM contradictions c, json_each(c.data, '$.sides') j""",
        ),
    ),
)
"""Every schema step in order; ``MIGRATIONS[i].version == i + 1``."""

SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this khabar writes."""
