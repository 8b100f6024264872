"""Which database to open, and opening it: URL resolution, SQLite pragmas, errors.

The URL comes from the caller, else the ``TIEUP_DB`` environment variable,
else ``sqlite:///tieup.db`` in the current directory. ``postgresql://`` URLs
are sent through psycopg 3 (``postgresql+psycopg://``).
"""

from __future__ import annotations

import logging
import os
import re

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from tieup.errors import StoreError

log = logging.getLogger(__name__)

ENV_VAR = "TIEUP_DB"
DEFAULT_URL = "sqlite:///tieup.db"
SQLITE_BUSY_TIMEOUT_S = 30
WRITE_OPTION = "tieup_write"


def resolve_url(url: str | None = None) -> str:
    """The database URL to use: argument, then $TIEUP_DB, then ./tieup.db."""
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_URL
    return _with_driver(chosen.strip())


def _with_driver(url: str) -> str:
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def mask(url: str | URL) -> str:
    """The URL with its password replaced by ***, safe to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(url))


def create(url: str) -> Engine:
    """An engine for `url`; raises StoreError when the URL cannot be used."""
    try:
        parsed = make_url(url)
    except ArgumentError as e:
        raise StoreError(
            f"cannot open database {mask(url)}: not a database URL; use e.g. "
            "sqlite:///tieup.db or postgresql://user:password@host/dbname"
        ) from e
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(
                parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S}
            )
            _configure_sqlite(engine, in_memory=parsed.database in (None, "", ":memory:"))
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as e:
        raise StoreError(
            f"cannot open database {mask(url)}: no driver for "
            f"{parsed.drivername!r}; tieup supports sqlite:/// and postgresql:// URLs"
        ) from e
    return engine


def _configure_sqlite(engine: Engine, *, in_memory: bool) -> None:
    """WAL, foreign keys, and real transactions (BEGIN IMMEDIATE for writes), DDL included.

    pysqlite's own transaction handling neither wraps DDL nor takes the write
    lock up front; we switch it off and emit BEGIN ourselves, as the
    SQLAlchemy documentation recommends.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the lock up front (no deadlock upgrading a read lock);
        # readers do not, so `tieup show` never waits for a running ingest.
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def writer(engine: Engine) -> Engine:
    """The engine for write transactions (SQLite: BEGIN IMMEDIATE)."""
    return engine.execution_options(**{WRITE_OPTION: True})


def advice(url: str) -> str:
    """What to check when `url` cannot be opened."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        backend = ""
    if backend == "sqlite":
        return (
            "check that the directory exists and is writable and that the file is a "
            f"SQLite database, or pass another --db URL (or set {ENV_VAR})"
        )
    if backend == "postgresql":
        return (
            "check that the server is running and reachable, that the database exists "
            f"and that the user and password are right, or pass another --db URL (or set "
            f"{ENV_VAR})"
        )
    return f"pass a sqlite:/// or postgresql:// URL with --db (or set {ENV_VAR})"
