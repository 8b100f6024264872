"""The store's reads for the stories stage: rows, pair assertions, fingerprint."""

from __future__ import annotations

from store_factories import extraction, tieup

from tieup.models import Status
from tieup.store import Store


def test_store_story_rows_and_pair_assertions(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save(extraction("new", tieup("xiaomi", "renault-group", Status.AGREED),
                              date="2024-06-01"), source="new.txt")
        store.save(extraction("old", tieup("renault-group", "xiaomi"), date="2024-04-26"),
                   source="old.txt")
        store.save(extraction("undated", tieup("geely", "renault-group"), date=None),
                   source="undated.txt")
        rows = store.story_rows()
        assert [a["id"] for a in rows["articles"]] == ["old", "new", "undated"]
        assert {e["entity_id"] for e in rows["entities"]} >= {"renault-group", "xiaomi"}
        assert all(t["a_id"] <= t["b_id"] for t in rows["tieups"])
        only = store.story_rows(["new"])
        assert [a["id"] for a in only["articles"]] == ["new"]
        assert {t["article_id"] for t in only["tieups"]} == {"new"}
        said = store.pair_assertions("xiaomi", "renault-group")  # either order
        assert [(r["article_id"], r["status"]) for r in said] == [
            ("old", "talks"), ("new", "agreed")]
        assert said[0]["a_name"] == "Renault Group" and said[0]["url"].endswith("/old")


def test_store_fingerprint_follows_content(db_url: str) -> None:
    with Store.open(db_url) as store:
        empty = store.fingerprint()
        store.save(extraction("a", tieup("renault-group", "xiaomi")), source="a.txt")
        once = store.fingerprint()
        store.save(extraction("a", tieup("renault-group", "xiaomi")), source="a.txt")
        assert store.fingerprint() == once != empty
        store.save(extraction("a", tieup("renault-group", "xiaomi", Status.AGREED)),
                   source="a.txt")
        assert store.fingerprint() != once
