"""`tieup ingest`, `tieup show` and `tieup map` through Typer's CliRunner."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tieup.cli import app
from tieup.models import Article, Entity, Extraction, Kind, Status, TieUp
from tieup.store import Store

runner = CliRunner()

needs_pipeline = pytest.mark.skipif(
    importlib.util.find_spec("tieup.pipeline") is None,
    reason="tieup.pipeline has not landed yet",
)

GOOD = (
    "Renault et Xiaomi signent un accord\n\n"
    "Renault et Xiaomi ont signé mardi un accord pour développer ensemble des voitures "
    "électriques, selon un communiqué des deux groupes. La coopération doit démarrer "
    "l'an prochain.\n"
)


def _saved_db(tmp_path: Path) -> str:
    """A database holding two hand-made articles about Renault's partners."""
    url = f"sqlite:///{tmp_path / 'hand.db'}"
    renault = Entity(id="renault-group", name="Renault Group", in_kb=True)
    with Store.open(url) as store:
        for n, (partner_id, partner, status) in enumerate(
            [("xiaomi", "Xiaomi", Status.TALKS), ("geely", "Geely", Status.AGREED)]
        ):
            store.save(
                Extraction(
                    article=Article(id=f"a{n}", origin=f"a{n}.txt", paragraphs=["..."],
                                    date="2024-04-26"),
                    entities=[renault, Entity(id=partner_id, name=partner, in_kb=True)],
                    tieups=[TieUp(a="Renault Group", b=partner, status=status,
                                  kind=Kind.ALLIANCE, evidence=f"Renault and {partner} team up.",
                                  confidence=0.9, a_id="renault-group", b_id=partner_id)],
                    roles=[],
                ),
                source=f"news/a{n}.txt",
            )
    return url


def test_cli_show_groups_partners_by_status(tmp_path: Path) -> None:
    url = _saved_db(tmp_path)
    result = runner.invoke(app, ["show", "Renault Group", "--db", url])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.index("talks:") < text.index("Xiaomi") < text.index("agreed:") < text.index(
        "Geely")
    assert "“Renault and Xiaomi team up.”" in text
    assert "news/a0.txt (2024-04-26)" in text


def test_cli_show_same_output_for_any_alias(tmp_path: Path) -> None:
    url = _saved_db(tmp_path)
    outputs = {runner.invoke(app, ["show", name, "--db", url]).stdout
               for name in ("groupe Renault", "Renault Group", "renault group")}
    assert len(outputs) == 1


def test_cli_show_json(tmp_path: Path) -> None:
    url = _saved_db(tmp_path)
    result = runner.invoke(app, ["show", "Renault Group", "--db", url, "--json"])
    data = json.loads(result.stdout)
    assert data["org"]["id"] == "renault-group"
    assert [p["partner"] for p in data["partners"]["agreed"]] == ["Geely"]


def test_cli_show_unknown_org_exits_1(tmp_path: Path) -> None:
    url = _saved_db(tmp_path)
    result = runner.invoke(app, ["show", "Nonexistent Motors", "--db", url])
    assert result.exit_code == 1
    assert "no organisation named 'Nonexistent Motors'" in result.stderr


def test_cli_map_lists_every_pair(tmp_path: Path) -> None:
    url = _saved_db(tmp_path)
    result = runner.invoke(app, ["map", "--db", url, "--json"])
    pairs = json.loads(result.stdout)
    assert [(p["a_id"], p["b_id"], p["status"]) for p in pairs] == [
        ("renault-group", "xiaomi", "talks"), ("geely", "renault-group", "agreed")]
    table = runner.invoke(app, ["map", "--db", url])
    assert table.exit_code == 0
    assert "Renault and Geely team up." in table.stdout


def test_cli_map_empty_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", "--db", f"sqlite:///{tmp_path / 'empty.db'}"])
    assert result.exit_code == 0
    assert "no tie-ups stored" in result.stdout


def test_cli_bad_db_url_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["map", "--db", f"sqlite:///{tmp_path}/no/such/dir.db"])
    assert result.exit_code == 1
    assert result.stderr.startswith("tieup: cannot open database sqlite:///")
    assert len(result.stderr.strip().splitlines()) == 1


# -- ingest, with the real sources and pipeline ---------------------------------

BAD_INPUTS = {
    "empty": ("empty.txt", b""),
    "binary": ("binary.txt", bytes(range(256)) * 8),
    "invalid-utf8": ("latin.txt", "Renault et Xiaomi ont signé un accord.\n".encode("latin-1")),
    "malformed-jsonl": ("records.jsonl", b'{"id": "r1", "text": \n'),
    "unsupported-language": (
        "german.txt",
        b"Renault und Xiaomi haben eine Vereinbarung unterzeichnet, um gemeinsam "
        b"Elektroautos zu entwickeln. Die beiden Konzerne teilen sich eine technische "
        b"Plattform, wie am Dienstag mitgeteilt wurde.\n",
    ),
}


@needs_pipeline
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_cli_ingest_reports_bad_input_and_goes_on(tmp_path: Path, case: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    name, content = BAD_INPUTS[case]
    (folder / name).write_bytes(content)
    url = f"sqlite:///{tmp_path / 'ingest.db'}"

    result = runner.invoke(app, ["ingest", str(folder), "--db", url])
    assert result.exit_code == 1, result.output
    problems = result.stderr.strip().splitlines()
    assert len(problems) == 1
    assert problems[0].startswith(f"tieup: {folder / name}")
    assert "stored 1" in result.stdout and "skipped 1" in result.stdout
    with Store.open(url) as store:
        assert store.counts()["articles"] == 1  # the good article went in


@needs_pipeline
def test_cli_ingest_strict_stops_at_first_problem(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-good.txt").write_text(GOOD, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", url, "--strict"])
    assert result.exit_code == 1
    assert "a-empty.txt" in result.stderr
    assert "stopped" in result.stdout


@needs_pipeline
def test_cli_ingest_twice_then_show(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    first = runner.invoke(app, ["ingest", str(folder), "--db", url])
    second = runner.invoke(app, ["ingest", str(folder), "--db", url])
    assert first.exit_code == second.exit_code == 0, first.output
    assert "stored 1" in first.stdout
    assert "stored 0, unchanged 1" in second.stdout
    shown = runner.invoke(app, ["show", "groupe Renault", "--db", url, "--json"])
    assert shown.exit_code == 0, shown.output
    partners = json.loads(shown.stdout)["partners"]
    assert "Xiaomi" in {p["partner"] for rows in partners.values() for p in rows}
