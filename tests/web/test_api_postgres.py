"""The API and feeds on PostgreSQL (when TIEUP_TEST_PG_URL points to a database
the tests may wipe; `.ci/run` sets it), including inputs PostgreSQL refuses."""

from __future__ import annotations

import os
from collections.abc import Iterator

import feedparser
import pytest
from fastapi.testclient import TestClient
from web_factories import XIAOMI_EVIDENCE, fill

from databases import wipe_postgres
from tieup.store import Store
from tieup.web import create_app

PG_URL = os.environ.get("TIEUP_TEST_PG_URL")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="TIEUP_TEST_PG_URL is not set"),
]


@pytest.fixture(scope="module")
def pg_client() -> Iterator[TestClient]:
    assert PG_URL is not None
    wipe_postgres(PG_URL)
    with Store.open(PG_URL) as store:
        fill(store)
        with TestClient(create_app(store=store)) as client:
            yield client


def test_pg_tieups_org_timeline_story_article(pg_client: TestClient) -> None:
    items = pg_client.get("/api/tieups", params={"org": "Renault", "since": "2024"}).json()
    assert [i["article_id"] for i in items["items"]] == ["talks", "talks", "rumor"]
    assert next(i for i in items["items"] if i["status"] == "talks")["corroboration"] == 2
    org = pg_client.get("/api/orgs/groupe Renault").json()
    assert org["partners"]["talks"][0]["evidence"] == XIAOMI_EVIDENCE
    timeline = pg_client.get("/api/pairs/Renault/Xiaomi/timeline").json()
    assert [e["status"] for e in timeline["entries"]] == ["rumored", "talks"]
    stories = pg_client.get("/api/stories").json()["items"]
    assert pg_client.get(f"/api/stories/{stories[0]['id']}").status_code == 200
    assert pg_client.get("/api/articles/talks").json()["article"]["id"] == "talks"
    found = pg_client.get("/api/search", params={"q": "DONGFENG"}).json()
    assert "dongfeng" in [o["id"] for o in found["orgs"]]
    assert pg_client.get("/orgs/Renault").status_code == 200


def test_pg_feeds_valid(pg_client: TestClient) -> None:
    for path in ("/feeds/orgs/Renault.atom", "/feeds/status/talks.atom"):
        parsed = feedparser.parse(pg_client.get(path).content)
        assert parsed.bozo == 0
        assert parsed.entries


@pytest.mark.parametrize(
    "path",
    ["/api/orgs/a%00b", "/api/tieups?org=%00", "/api/search?q=x%00",
     "/api/articles/%00", "/api/stories/%00", "/api/pairs/%00/Xiaomi/timeline"],
)
def test_pg_nul_in_input_is_400_not_500(pg_client: TestClient, path: str) -> None:
    response = pg_client.get(path)
    assert response.status_code == 400
    assert "NUL" in response.json()["error"]["message"]
