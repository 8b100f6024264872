"""Database helpers shared by the tests: a comparable snapshot, a clean PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, select, text

from tieup.store import Store, resolve_url
from tieup.store import schema as store_schema

# When a row was written, not what it says: left out of snapshots.
VOLATILE = ("ingested_at", "applied_at")


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in primary-key order, without write times: two databases
    that hold the same things give equal snapshots."""
    with Store.open(url) as store, store.engine.connect() as conn:
        out = {}
        for table in store_schema.metadata.sorted_tables:
            cols = [c for c in table.c if c.name not in VOLATILE]
            query = select(*cols).order_by(*table.primary_key)
            out[table.name] = [tuple(r) for r in conn.execute(query)]
        return out


def wipe_postgres(url: str) -> None:
    """Drop tieup's tables so a test starts from an empty database."""
    engine = create_engine(resolve_url(url))
    with engine.begin() as conn:
        for table in reversed(store_schema.metadata.sorted_tables):
            conn.execute(text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
    engine.dispose()
