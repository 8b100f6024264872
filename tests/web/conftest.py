"""Web fixtures: a store filled from plain extractions (no NLP), the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_factories import fill

from tieup.store import Store
from tieup.web import create_app


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("web") / "tieup.db"
    url = f"sqlite:///{path}"
    with Store.open(url) as store:
        fill(store)
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url)) as test_client:
        yield test_client
