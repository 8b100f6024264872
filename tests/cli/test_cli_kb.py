"""`tieup kb search` and `tieup kb show` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tieup.cli import app

runner = CliRunner()


def _user_kb(tmp_path: Path) -> Path:
    path = tmp_path / "mine.jsonl"
    rows = [
        {
            "id": "acme-motors",
            "name": "Acme Motors Europe",
            "aliases": ["AME"],
            "wikidata": None,
            "country": "DE",
            "kind": "automaker",
            "parent": "stellantis",
        },
        {
            "id": "verkor",
            "name": "Verkor SAS",
            "aliases": ["Verkor"],
            "wikidata": None,
            "country": "FR",
            "kind": "battery",
            "parent": "renault-group",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_cli_kb_show_text_by_alias() -> None:
    result = runner.invoke(app, ["kb", "show", "Hon Hai Precision Industry"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Foxconn (foxconn)"
    assert "  kind:     tech" in lines
    assert "  country:  TW" in lines
    assert any(line.startswith("  aliases:  ") and "Hon Hai" in line for line in lines)


def test_cli_kb_show_text_lists_owners_and_brands() -> None:
    audi = runner.invoke(app, ["kb", "show", "audi ag"])
    assert audi.exit_code == 0, audi.output
    assert "  owned by: Volkswagen Group (volkswagen-group)" in audi.stdout
    owns = next(line for line in audi.stdout.splitlines() if line.startswith("  owns:"))
    assert "Lamborghini (lamborghini)" in owns and "Ducati (ducati)" in owns


def test_cli_kb_show_json_has_parent_chain_and_children() -> None:
    result = runner.invoke(app, ["kb", "show", "Cupra", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["id"] == "cupra" and info["parent"] == "seat"
    assert [o["id"] for o in info["owners"]] == ["seat", "volkswagen-group"]
    assert info["children"] == []
    group = json.loads(runner.invoke(app, ["kb", "show", "Volkswagen", "--json"]).stdout)
    assert group["owners"] == []
    assert {"id": "audi", "name": "Audi", "kind": "brand"} in group["children"]
    assert {"id", "name", "aliases", "country", "kind", "wikidata", "parent"} <= group.keys()


def test_cli_kb_show_accepts_an_id_and_folds_case_and_accents() -> None:
    by_id = json.loads(runner.invoke(app, ["kb", "show", "lg-energy-solution", "--json"]).stdout)
    folded = json.loads(runner.invoke(app, ["kb", "show", "LG ENERGY SOLUTION", "--json"]).stdout)
    assert by_id == folded
    assert [o["id"] for o in by_id["owners"]] == ["lg-chem", "lg-group"]
    accents = runner.invoke(app, ["kb", "show", "Citroen", "--json"])
    assert json.loads(accents.stdout)["name"] == "Citroën"


def test_cli_kb_show_unknown_name_exits_1_with_a_hint() -> None:
    result = runner.invoke(app, ["kb", "show", "Nonexistent Motors"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "tieup: no organisation named 'Nonexistent Motors' in the knowledge base; "
        "try `tieup kb search Nonexistent Motors`\n"
    )


def test_cli_kb_search_text_is_fuzzy_and_best_first() -> None:
    result = runner.invoke(app, ["kb", "search", "qualcom"])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "Qualcomm (qualcomm) - semiconductor, US" in first


def test_cli_kb_search_json_and_limit() -> None:
    result = runner.invoke(app, ["kb", "search", "Renault", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 3
    assert rows[0]["id"] == "renault-group" and rows[0]["score"] == 100
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert {"renault-korea", "renault-trucks"} & {r["id"] for r in rows}


def test_cli_kb_search_without_hits_exits_1() -> None:
    result = runner.invoke(app, ["kb", "search", "zzzzqqqxx"])
    assert result.exit_code == 1
    assert result.stderr == "tieup: nothing in the knowledge base looks like 'zzzzqqqxx'\n"
    as_json = runner.invoke(app, ["kb", "search", "zzzzqqqxx", "--json"])
    assert as_json.exit_code == 1 and json.loads(as_json.stdout) == []


def test_cli_kb_search_rejects_a_zero_limit() -> None:
    result = runner.invoke(app, ["kb", "search", "Renault", "--limit", "0"])
    assert result.exit_code == 2


def test_cli_kb_user_file_adds_and_replaces_entries(tmp_path: Path) -> None:
    user = _user_kb(tmp_path)
    added = runner.invoke(app, ["kb", "show", "AME", "--kb", str(user), "--json"])
    assert added.exit_code == 0, added.output
    assert json.loads(added.stdout)["owners"][0]["id"] == "stellantis"
    replaced_run = runner.invoke(app, ["kb", "show", "Verkor", "--kb", str(user), "--json"])
    replaced = json.loads(replaced_run.stdout)
    assert replaced["name"] == "Verkor SAS" and replaced["parent"] == "renault-group"
    builtin = json.loads(runner.invoke(app, ["kb", "show", "Verkor", "--json"]).stdout)
    assert builtin["name"] == "Verkor" and builtin["parent"] is None
    found = runner.invoke(app, ["kb", "search", "Acme Motors", "--kb", str(user), "--json"])
    assert json.loads(found.stdout)[0]["id"] == "acme-motors"
    renault = runner.invoke(app, ["kb", "show", "Renault", "--kb", str(user)])
    owns = next(line for line in renault.stdout.splitlines() if line.startswith("  owns:"))
    assert "Verkor SAS (verkor)" in owns


def test_cli_kb_bad_user_file_is_one_line_on_stderr(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "acme", "name": "Acme", "aliases": ["Renault"], "wikidata": null, '
                   '"country": "FR", "kind": "automaker", "parent": null}\n', encoding="utf-8")
    for command in (["show", "Renault"], ["search", "Renault"]):
        result = runner.invoke(app, ["kb", *command, "--kb", str(bad)])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.startswith(f"tieup: {bad}:1: entry 'acme': alias 'Renault'")
        assert len(result.stderr.strip().splitlines()) == 1


def test_cli_kb_missing_user_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    result = runner.invoke(app, ["kb", "show", "Renault", "--kb", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"tieup: {missing}: KB file not found\n"
