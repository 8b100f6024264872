"""Saving is idempotent per article; a changed article replaces its rows."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from store_factories import extraction, tieup

from tieup.models import Status
from tieup.store import Store
from tieup.store import schema as store_schema


def dump(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, in key order, without the write timestamps."""
    out = {}
    with store.engine.connect() as conn:
        for table in store_schema.metadata.sorted_tables:
            cols = [c for c in table.c if c.name not in ("ingested_at", "applied_at")]
            query = select(*cols).order_by(*table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(query)]
    return out


def test_store_save_twice_changes_nothing(store: Store) -> None:
    first = extraction("a1", tieup("renault-group", "xiaomi"))
    assert store.save(first, source="a1.txt") is True
    before = dump(store)
    assert store.save(first, source="a1.txt") is False
    assert dump(store) == before
    assert store.counts()["articles"] == 1


def test_store_save_changed_article_replaces_its_rows(store: Store) -> None:
    store.save(extraction("a1", tieup("renault-group", "xiaomi"), tieup("geely", "renault-group")),
               source="a1.txt")
    store.save(extraction("a2", tieup("renault-group", "dongfeng")), source="a2.txt")
    changed = extraction("a1", tieup("renault-group", "xiaomi", Status.AGREED))
    assert store.save(changed, source="a1.txt") is True
    counts = store.counts()
    assert counts["articles"] == 2
    assert counts["tieups"] == 2  # a1 now states one tie-up, a2 one
    assert counts["comments"] == 2 and counts["roles"] == 2
    stored = store.article("a1")
    assert stored is not None
    assert [(t.a_id, t.b_id, t.status) for t in stored.tieups] == [
        ("renault-group", "xiaomi", Status.AGREED)
    ]
    replaced_again = dump(store)
    assert store.save(changed, source="a1.txt") is False
    assert dump(store) == replaced_again


def test_store_replace_drops_entities_no_article_refers_to(store: Store) -> None:
    store.save(extraction("a1", tieup("renault-group", "Nio")), source="a1.txt")
    store.save(extraction("a2", tieup("renault-group", "xiaomi")), source="a2.txt")
    assert store.resolve("Nio") is not None
    store.save(extraction("a1", tieup("renault-group", "geely")), source="a1.txt")
    assert store.resolve("Nio") is None
    assert store.resolve("Xiaomi") is not None and store.resolve("Renault Group") is not None
    assert store.counts()["entities"] == 3


def test_store_save_same_article_from_another_source_replaces(store: Store) -> None:
    first = extraction("a1", tieup("renault-group", "xiaomi"))
    store.save(first, source="one/a1.txt")
    assert store.save(first, source="two/a1.txt") is True
    assert store.counts()["articles"] == 1
    assert store.pairs()[0]["source"] == "two/a1.txt"


def test_store_save_is_independent_of_write_order(tmp_path) -> None:
    items = [
        extraction("a1", tieup("renault-group", "xiaomi")),
        extraction("a2", tieup("geely", "renault-group", Status.ACTIVE)),
        extraction("a3", tieup("renault-group", "xiaomi", Status.AGREED), date="2024-05-01"),
    ]
    dumps = []
    for name, order in (("fwd", items), ("back", items[::-1])):
        with Store.open(f"sqlite:///{tmp_path / name}.db") as store:
            for item in order:
                store.save(item, source=f"{item.article.id}.txt")
            dumps.append(dump(store))
            pairs = [(p["a_id"], p["b_id"], p["status"]) for p in store.pairs()]
        assert pairs == [("renault-group", "xiaomi", "agreed"),
                         ("geely", "renault-group", "active")]
    assert dumps[0] == dumps[1]


def test_store_article_unknown_id_is_none(store: Store) -> None:
    assert store.article("nope") is None


def test_store_save_keeps_every_article_field(store: Store) -> None:
    item = extraction("a1", tieup("renault-group", "xiaomi"))
    item = dataclasses.replace(item, article=dataclasses.replace(item.article, date=None))
    store.save(item, source="a1.txt")
    assert store.article("a1") == item
