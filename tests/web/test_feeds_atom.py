"""Atom feeds per organisation and per status: valid, stable ids, ingest times."""

from __future__ import annotations

from pathlib import Path

import feedparser
from fastapi.testclient import TestClient
from web_factories import XIAOMI_EVIDENCE, extraction, fill, tieup

from tieup.models import Status
from tieup.store import Store
from tieup.web import create_app
from tieup.web.feeds import entry_id


def _parse(client: TestClient, path: str) -> feedparser.FeedParserDict:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_feed_org_valid_with_evidence_and_links(client: TestClient) -> None:
    parsed = _parse(client, "/feeds/orgs/Renault.atom")
    assert parsed.version == "atom10"
    assert "Renault Group" in parsed.feed.title
    summaries = [e.summary for e in parsed.entries]
    assert any(XIAOMI_EVIDENCE in s for s in summaries)
    talks = next(e for e in parsed.entries if XIAOMI_EVIDENCE in e.summary)
    assert talks.id == entry_id("talks", "renault-group", "xiaomi")
    assert talks.link == "http://testserver/articles/talks"
    assert {t.term for t in talks.tags} == {"talks", "technology"}
    assert len(parsed.entries) == 4  # every statement about Renault
    assert client.get("/feeds/orgs/Toyota.atom").status_code == 404


def test_feed_status_valid_and_filtered(client: TestClient) -> None:
    parsed = _parse(client, "/feeds/status/agreed.atom")
    assert parsed.entries
    assert all("agreed" in {t.term for t in e.tags} for e in parsed.entries)
    empty = _parse(client, "/feeds/status/active.atom")
    assert empty.entries == []
    assert client.get("/feeds/status/signed.atom").status_code == 404


def test_feed_entry_id_stable_and_updated_is_ingest_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.db'}"
    with Store.open(url) as store:
        fill(store)
        client = TestClient(create_app(store=store))
        before = {e.id: e.updated for e in _parse(client, "/feeds/orgs/Xiaomi.atom").entries}
        # The article changes (new status): same entry id, the article's new ingest time.
        store.save(extraction("talks", tieup("renault-group", "xiaomi", Status.AGREED,
                                             evidence="Renault and Xiaomi signed."),
                              date="2024-04-26"), source="talks.txt")
        ingested = store.engine.connect().exec_driver_sql(
            "SELECT ingested_at FROM articles WHERE id = 'talks'").scalar_one()
        after = {e.id: e for e in _parse(client, "/feeds/orgs/Xiaomi.atom").entries}
    talks_id = entry_id("talks", "xiaomi", "renault-group")
    assert set(before) == set(after) == {talks_id, entry_id("rumor", "renault-group", "xiaomi")}
    assert after[talks_id].updated.startswith(ingested[:19])
    assert "Renault and Xiaomi signed." in after[talks_id].summary
