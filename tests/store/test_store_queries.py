"""Partners, pairs and tie-up queries: grouping, current status, look-ups by name."""

from __future__ import annotations

import pytest
from store_factories import extraction, tieup

from tieup.models import Kind, Status
from tieup.store import Store, UnknownOrganisation


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(extraction("old", tieup("renault-group", "xiaomi", Status.RUMORED),
                          date="2024-01-10"), source="old.txt")
    store.save(extraction("new", tieup("renault-group", "xiaomi", Status.TALKS),
                          tieup("geely", "renault-group", Status.AGREED,
                                kind=Kind.JOINT_VENTURE), date="2024-04-26"),
               source="new.txt")
    store.save(extraction("undated", tieup("dongfeng", "renault-group", Status.ENDED),
                          date=None), source="undated.txt")
    store.save(extraction("other", tieup("Stellantis", "Leapmotor", Status.ACTIVE,
                                         kind=Kind.INVESTMENT), date="2024-03-01"),
               source="other.txt")
    return store


def test_store_partners_grouped_by_current_status(filled: Store) -> None:
    result = filled.partners("Renault")
    assert result["org"] == {"id": "renault-group", "name": "Renault Group"}
    grouped = {status: [p["partner"] for p in rows]
               for status, rows in result["partners"].items()}
    assert grouped == {"talks": ["Xiaomi"], "agreed": ["Geely"], "ended": ["Dongfeng"]}
    xiaomi = result["partners"]["talks"][0]
    assert xiaomi["articles"] == 2
    assert xiaomi["date"] == "2024-04-26"
    assert xiaomi["source"] == "https://news.example/new"
    assert xiaomi["evidence"] == "Renault Group and Xiaomi work together."
    assert result["partners"]["agreed"][0]["kind"] == "joint_venture"
    assert result["total"] == 3


def test_store_partners_same_for_every_alias(filled: Store) -> None:
    by_alias = [filled.partners(name)["partners"] for name in
                ("groupe Renault", "Renault Group", "RENAULT", "renault-group")]
    assert all(p == by_alias[0] for p in by_alias)


def test_store_partners_of_unlinked_org_by_name(filled: Store) -> None:
    result = filled.partners("stellantis")
    assert result["org"]["id"] == "new:stellantis"
    assert [p["partner"] for p in result["partners"]["active"]] == ["Leapmotor"]


def test_store_partners_unknown_org_raises(filled: Store) -> None:
    with pytest.raises(UnknownOrganisation, match="Toyota"):
        filled.partners("Toyota")


def test_store_pair_status_ties_go_to_higher_confidence(store: Store) -> None:
    store.save(extraction("x", tieup("renault-group", "xiaomi", Status.RUMORED,
                                     confidence=0.9)), source="x.txt")
    store.save(extraction("y", tieup("renault-group", "xiaomi", Status.TALKS,
                                     confidence=0.4)), source="y.txt")
    [pair] = store.pairs()
    assert (pair["status"], pair["article_id"], pair["articles"]) == ("rumored", "x", 2)


def test_store_tieups_filters(filled: Store) -> None:
    everything = filled.tieups()
    assert len(everything) == 5
    assert [t["article_id"] for t in everything][:2] == ["new", "new"]  # latest first
    assert everything[-1]["article_id"] == "undated"
    assert {t["article_id"] for t in filled.tieups("Xiaomi")} == {"old", "new"}
    assert [t["article_id"] for t in filled.tieups(status="rumored")] == ["old"]
    assert [t["kind"] for t in filled.tieups(kind="investment")] == ["investment"]
    assert {t["article_id"] for t in filled.tieups(since="2024-03")} == {"new", "other"}
    assert len(filled.tieups(limit=2)) == 2
    assert filled.tieups(limit=2, offset=4) == everything[4:]
    with pytest.raises(UnknownOrganisation):
        filled.tieups("Toyota")


def test_store_pairs_every_pair_once(filled: Store) -> None:
    pairs = filled.pairs()
    assert len(pairs) == filled.counts()["pairs"] == 4
    assert [p["status"] for p in pairs] == ["talks", "agreed", "active", "ended"]
    assert [p["status"] for p in filled.pairs(status="ended")] == ["ended"]
