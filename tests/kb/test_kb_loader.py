"""The loader: a user's KB file merged on top of the built-in one, and bad files.

Every bad file raises `KBError` whose message names the entry and, where the
entry comes from a file, the file and line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tieup.errors import KBError
from tieup.kb.loader import builtin_path, load_kb


def _org(entry_id: str, name: str, **fields: object) -> dict:
    org: dict = {
        "id": entry_id,
        "name": name,
        "aliases": [],
        "wikidata": None,
        "country": "FR",
        "kind": "automaker",
        "parent": None,
    }
    org.update(fields)
    return org


def _write(path: Path, *lines: dict | str) -> Path:
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_kb_loader_builtin_file_loads() -> None:
    kb = load_kb()
    assert len(kb) >= 450
    assert kb.sources == (str(builtin_path()),)
    assert kb.resolve("groupe Renault").id == "renault-group"


def test_kb_loader_user_entry_with_new_id_is_added(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "mine.jsonl",
        _org("microcar-maker", "Microcar Maker", aliases=["MCM Voitures"], parent="renault-group"),
    )
    kb = load_kb([user])
    assert len(kb) == len(load_kb()) + 1
    entry = kb.resolve("MCM Voitures")
    assert entry is not None and entry.id == "microcar-maker"
    assert kb.ancestors("microcar-maker") == ["renault-group"]
    assert kb.sources[-1] == str(user)


def test_kb_loader_user_entry_with_existing_id_replaces_builtin(tmp_path: Path) -> None:
    builtin = load_kb().get("verkor")
    assert builtin is not None
    user = _write(
        tmp_path / "mine.jsonl",
        _org("verkor", "Verkor SAS", aliases=["Verkor", "Verkor Dunkerque"], kind="battery"),
    )
    kb = load_kb([user])
    assert len(kb) == len(load_kb())
    entry = kb.resolve("Verkor Dunkerque")
    assert entry is not None and entry.id == "verkor" and entry.name == "Verkor SAS"
    assert kb.get("verkor") != builtin


def test_kb_loader_later_user_file_wins(tmp_path: Path) -> None:
    first = _write(tmp_path / "a.jsonl", _org("acme-cars", "Acme Cars"))
    second = _write(tmp_path / "b.jsonl", _org("acme-cars", "Acme Motors Europe"))
    assert load_kb([first, second]).get("acme-cars").name == "Acme Motors Europe"
    assert load_kb([second, first]).get("acme-cars").name == "Acme Cars"


def test_kb_loader_edited_file_is_read_again(tmp_path: Path) -> None:
    user = _write(tmp_path / "mine.jsonl", _org("acme-cars", "Acme Cars"))
    assert load_kb([user]).get("acme-cars").name == "Acme Cars"
    _write(user, _org("acme-cars", "Acme Cars"), _org("acme-trucks", "Acme Trucks Europe"))
    assert load_kb([user]).get("acme-trucks") is not None


def _error(paths: list[Path]) -> str:
    with pytest.raises(KBError) as info:
        load_kb(paths)
    return str(info.value)


def test_kb_loader_duplicate_alias_with_builtin_entry(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "dup.jsonl",
        _org("acme-cars", "Acme Cars"),
        _org("renault-trucks-2", "Renault Trucks Two", aliases=["groupe Renault"]),
    )
    message = _error([user])
    assert f"{user}:2" in message
    assert "'renault-trucks-2'" in message
    assert "'groupe Renault'" in message and "'renault-group'" in message


def test_kb_loader_duplicate_alias_differing_only_in_case_and_accents(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "dup.jsonl",
        _org("acme-cars", "Acme Cars", aliases=["Écurie Acme"]),
        _org("acme-racing", "Acme Racing", weak_aliases=["ecurie ACME"]),
    )
    message = _error([user])
    assert "'acme-racing'" in message and "'acme-cars'" in message
    assert f"{user}:1" in message and f"{user}:2" in message


def test_kb_loader_missing_field(tmp_path: Path) -> None:
    broken = _org("acme-cars", "Acme Cars")
    del broken["kind"]
    user = _write(tmp_path / "missing.jsonl", _org("acme-trucks", "Acme Trucks"), broken)
    message = _error([user])
    assert message.startswith(f"{user}:2: entry 'acme-cars'")
    assert "missing field(s) kind" in message


def test_kb_loader_missing_id_names_the_entry_by_name(tmp_path: Path) -> None:
    broken = _org("acme-cars", "Acme Cars")
    del broken["id"]
    message = _error([_write(tmp_path / "noid.jsonl", broken)])
    assert "'Acme Cars'" in message and "missing field(s) id" in message


def test_kb_loader_cycle_of_parents(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "cycle.jsonl",
        _org("acme-a", "Acme Alpha", parent="acme-b"),
        _org("acme-b", "Acme Beta", parent="acme-c"),
        _org("acme-c", "Acme Gamma", parent="acme-a"),
    )
    message = _error([user])
    assert "parents form a cycle" in message
    assert f"{user}:1: entry 'acme-a'" in message
    assert "acme-a -> acme-b -> acme-c -> acme-a" in message


def test_kb_loader_entry_that_is_its_own_parent(tmp_path: Path) -> None:
    user = _write(tmp_path / "self.jsonl", _org("acme-a", "Acme Alpha", parent="acme-a"))
    assert "acme-a -> acme-a" in _error([user])


def test_kb_loader_unknown_parent(tmp_path: Path) -> None:
    user = _write(tmp_path / "orphan.jsonl", _org("acme-a", "Acme Alpha", parent="acme-holding"))
    message = _error([user])
    assert message.startswith(f"{user}:1: entry 'acme-a'")
    assert "parent 'acme-holding' does not exist" in message


def test_kb_loader_invalid_json(tmp_path: Path) -> None:
    user = _write(tmp_path / "bad.jsonl", _org("acme-a", "Acme Alpha"), '{"id": "acme-b", "name": ')
    message = _error([user])
    assert message.startswith(f"{user}:2: invalid JSON")


def test_kb_loader_line_that_is_not_an_object(tmp_path: Path) -> None:
    user = _write(tmp_path / "list.jsonl", '["acme-a", "Acme Alpha"]')
    assert _error([user]).startswith(f"{user}:1: an entry must be a JSON object")


@pytest.mark.parametrize(
    ("fields", "complaint"),
    [
        ({"kind": "carmaker"}, "kind 'carmaker' is not one of"),
        ({"id": "Acme Cars"}, "must be a lowercase slug"),
        ({"aliases": "Acme"}, "aliases must be a list of non-empty strings"),
        ({"weak_aliases": [""]}, "weak_aliases must be a list of non-empty strings"),
        ({"parent": 3}, "parent must be an id or null"),
        ({"name": " "}, "name must be a non-empty string"),
    ],
)
def test_kb_loader_bad_field_values(tmp_path: Path, fields: dict, complaint: str) -> None:
    user = _write(tmp_path / "bad.jsonl", {**_org("acme-cars", "Acme Cars"), **fields})
    message = _error([user])
    assert message.startswith(f"{user}:1: entry ")
    assert complaint in message


def test_kb_loader_same_id_twice_in_one_file(tmp_path: Path) -> None:
    user = _write(
        tmp_path / "twice.jsonl", _org("acme-a", "Acme Alpha"), _org("acme-a", "Acme Alpha Two")
    )
    message = _error([user])
    assert message.startswith(f"{user}:2: entry 'acme-a'") and "line 1" in message


def test_kb_loader_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    assert _error([missing]) == f"{missing}: KB file not found"


def test_kb_loader_file_that_is_not_utf8(tmp_path: Path) -> None:
    user = tmp_path / "latin1.jsonl"
    user.write_bytes(json.dumps(_org("acme-a", "Acme Élan"), ensure_ascii=False).encode("latin-1"))
    assert _error([user]).startswith(f"{user}: cannot read the KB file")


def test_kb_loader_search_limit_counts_organisations_not_forms() -> None:
    # renault-group alone has eight forms that match "Renault" well.
    hits = load_kb().search("Renault", limit=3)
    ids = [entry.id for entry, _ in hits]
    assert len(ids) == 3 == len(set(ids))
    assert ids[0] == "renault-group"
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_kb_loader_search_ignores_what_looks_like_nothing() -> None:
    assert load_kb().search("zzzzqqqxx") == []


def test_kb_loader_describe_owners_and_children() -> None:
    kb = load_kb()
    info = kb.describe(kb.lookup("Lamborghini").id)
    assert [o["id"] for o in info["owners"]] == ["audi", "volkswagen-group"]
    assert {c["id"] for c in kb.describe("audi")["children"]} >= {"lamborghini", "ducati"}
    assert kb.lookup("volkswagen-group") is kb.lookup("VW")
