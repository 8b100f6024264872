"""Provisional organisations join the KB entry a later knowledge base gives them."""

from __future__ import annotations

import json
from pathlib import Path

from store_factories import extraction, tieup

from tieup.kb.loader import load_kb
from tieup.models import Entity, Status
from tieup.store import Store


def _user_kb(tmp_path: Path) -> Path:
    path = tmp_path / "mine.jsonl"
    entry = {"id": "zyntra", "name": "Zyntra Mobility", "aliases": ["Zyntra"],
             "wikidata": None, "country": "FR", "kind": "mobility", "parent": None}
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    return path


def _with_newcomer(article_id: str, *, also_kb_pair: bool = False):
    x = extraction(article_id, tieup("renault-group", "Zyntra", Status.AGREED, confidence=0.7))
    x.entities.append(Entity(id="new:zyntra", name="Zyntra", mentions=["Zyntra"]))
    if also_kb_pair:
        # the same article already names the company under its KB id too
        twin = tieup("renault-group", "Zyntra Mobility", Status.AGREED, confidence=0.9)
        twin.b_id = "zyntra"
        x.tieups.append(twin)
        x.entities.append(Entity(id="zyntra", name="Zyntra Mobility", in_kb=True))
    return x


def test_store_absorb_moves_provisional_org_to_kb_entry(store: Store, tmp_path: Path) -> None:
    store.save(_with_newcomer("a1"), source="a1.txt")
    assert store.resolve("Zyntra")["id"].startswith("new:")

    moved = store.absorb(load_kb([_user_kb(tmp_path)]))

    assert [(m.name, m.kb_id) for m in moved] == [("Zyntra", "zyntra")]
    rows = store.tieups("Renault")
    assert [(r["a_id"], r["b_id"]) for r in rows] == [("renault-group", "zyntra")]
    assert {r["b_name"] for r in rows} == {"Zyntra Mobility"}
    assert store.absorb(load_kb([_user_kb(tmp_path)])) == []  # nothing left to move


def test_store_absorb_keeps_one_row_per_pair(store: Store, tmp_path: Path) -> None:
    store.save(_with_newcomer("a2", also_kb_pair=True), source="a2.txt")
    store.absorb(load_kb([_user_kb(tmp_path)]))
    rows = store.tieups("Renault")
    assert len(rows) == 1
    assert rows[0]["confidence"] == 0.9


def test_store_absorb_without_match_changes_nothing(store: Store) -> None:
    store.save(_with_newcomer("a3"), source="a3.txt")
    before = store.tieups("Renault")
    assert store.absorb(load_kb()) == []
    assert store.tieups("Renault") == before
