"""Schema changes as ordered migrations, each applied in its own transaction.

`schema_migrations` records what was applied. Opening a store applies what is
missing, in order; a failed migration rolls back and leaves the database at
the previous version. To change the schema, append a migration: never edit
one that has shipped. (Migration 1 builds from `schema.metadata`; the day a
second migration alters a table, freeze the version-1 definitions here.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, func, select, text

from tieup.store import schema
from tieup.store.engine import writer

log = logging.getLogger(__name__)

# Any constant: serialises concurrent migrators on one PostgreSQL database.
_PG_LOCK_KEY = 0x7469_6575


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Connection], None]


def _create_tables(conn: Connection) -> None:
    tables = [t for t in schema.metadata.sorted_tables if t is not schema.schema_migrations]
    schema.metadata.create_all(conn, tables=tables)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create articles, comments, entities, mentions, tieups, roles", _create_tables),
)


def current_version(conn: Connection) -> int:
    query = select(func.coalesce(func.max(schema.schema_migrations.c.version), 0))
    return conn.execute(query).scalar_one()


def _lock(conn: Connection) -> None:
    """Serialise migrators (SQLite's write transactions already are)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})


def migrate(engine: Engine) -> list[int]:
    """Apply the missing migrations in order; returns the versions applied."""
    engine = writer(engine)
    with engine.begin() as conn:
        _lock(conn)
        schema.schema_migrations.create(conn, checkfirst=True)
    applied: list[int] = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            _lock(conn)
            if current_version(conn) >= migration.version:
                continue
            log.info("store: applying migration %d (%s)", migration.version, migration.name)
            migration.apply(conn)
            conn.execute(
                schema.schema_migrations.insert().values(
                    version=migration.version,
                    name=migration.name,
                    applied_at=datetime.now(UTC).isoformat(timespec="seconds"),
                )
            )
            applied.append(migration.version)
    return applied


def latest_version() -> int:
    return MIGRATIONS[-1].version
