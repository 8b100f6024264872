"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when
TIEUP_TEST_PG_URL points to a database the tests may wipe (`.ci/run` sets it)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from databases import wipe_postgres
from tieup.store import Store

PG_URL = os.environ.get("TIEUP_TEST_PG_URL")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=[
            pytest.mark.postgres,
            pytest.mark.skipif(not PG_URL, reason="TIEUP_TEST_PG_URL is not set"),
        ],
    ),
]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tieup.db'}"
    assert PG_URL is not None
    wipe_postgres(PG_URL)
    return PG_URL


class FakeKB:
    """Stands in for tieup.kb.KnowledgeBase: resolves a fixed alias table."""

    def __init__(self, aliases: dict[str, str], names: dict[str, str]) -> None:
        self.aliases = {k.casefold(): v for k, v in aliases.items()}
        self.names = names

    def resolve(self, name: str):  # -> an object with .id and .name, or None
        entity_id = self.aliases.get(name.casefold())
        if entity_id is None:
            return None
        return type("Entry", (), {"id": entity_id, "name": self.names[entity_id]})()


KB = FakeKB(
    aliases={
        "Renault": "renault-group",
        "groupe Renault": "renault-group",
        "Renault Group": "renault-group",
        "Xiaomi": "xiaomi",
        "Geely": "geely",
        "Dongfeng": "dongfeng",
    },
    names={
        "renault-group": "Renault Group",
        "xiaomi": "Xiaomi",
        "geely": "Geely",
        "dongfeng": "Dongfeng",
    },
)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url, kb=KB) as opened:  # type: ignore[arg-type]
        yield opened
