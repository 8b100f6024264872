"""Opening a store: URL resolution, migrations, and the StoreError message."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from tieup.errors import StoreError
from tieup.store import Store, mask, resolve_url
from tieup.store import schema as store_schema
from tieup.store.migrations import MIGRATIONS, latest_version


def test_store_url_from_argument_then_env_then_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TIEUP_DB", raising=False)
    assert resolve_url(None) == "sqlite:///tieup.db"
    monkeypatch.setenv("TIEUP_DB", "sqlite:///from-env.db")
    assert resolve_url(None) == "sqlite:///from-env.db"
    assert resolve_url("sqlite:///arg.db") == "sqlite:///arg.db"


def test_store_postgresql_url_gets_the_psycopg_driver() -> None:
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_store_mask_hides_the_password() -> None:
    assert mask("postgresql+psycopg://user:s3cret@host/db") == (
        "postgresql+psycopg://user:***@host/db"
    )


def test_store_default_file_in_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIEUP_DB", raising=False)
    with Store.open() as store:
        assert store.counts()["articles"] == 0
    assert (tmp_path / "tieup.db").exists()


def test_store_error_names_the_url_and_what_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/missing-dir/x.db"
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert url in message
    assert "directory exists" in message


def test_store_error_for_postgres_masks_password() -> None:
    # Port 1 on loopback: nothing listens there, the connection is refused at once.
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql://tieup:s3cret@127.0.0.1:1/tieup")
    message = str(caught.value)
    assert "s3cret" not in message
    assert "postgresql+psycopg://tieup:***@127.0.0.1:1/tieup" in message
    assert "server is running" in message


@pytest.mark.parametrize("url", ["mysql://a:b@h/d", "not a url"])
def test_store_error_for_unsupported_url(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite:///"):
        Store.open(url)


def test_store_error_for_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database, just text " * 100)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store.open(f"sqlite:///{path}")


def test_store_migrations_recorded_once(db_url: str) -> None:
    Store.open(db_url).close()
    with Store.open(db_url) as store, store.engine.connect() as conn:
        versions = conn.execute(select(store_schema.schema_migrations.c.version)).scalars().all()
    assert versions == [m.version for m in MIGRATIONS]
    assert versions[-1] == latest_version()


def test_store_reads_while_another_process_writes(tmp_path: Path) -> None:
    import sqlite3

    url = f"sqlite:///{tmp_path / 'busy.db'}"
    with Store.open(url) as store:
        other = sqlite3.connect(tmp_path / "busy.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # an ingest in the middle of an article
        try:
            assert store.counts()["articles"] == 0  # WAL: readers do not wait
        finally:
            other.execute("ROLLBACK")
            other.close()
