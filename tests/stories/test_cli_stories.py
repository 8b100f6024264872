"""`tieup stories`, `tieup timeline` and `tieup show`'s people, through CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from stories_factories import make_extraction, timeline_records
from typer.testing import CliRunner

from tieup.cli import app
from tieup.models import Role
from tieup.store import Store

runner = CliRunner()


def _db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store.open(url) as store:
        for r in timeline_records():
            t = r["tieup"]
            x = make_extraction(r["id"], body=r["text"], date=r["date"], url=r["url"],
                                title=r["title"], tieups=[(t["a"], t["b"], t["status"])])
            x.roles = [Role(person="Ana Ruiz", role=f"role in {r['date'][:4]}",
                            org="Sorrel Motors", org_id="new:sorrel motors")]
            store.save(x, source=r["url"])
    return url


def test_cli_stories_json_and_text(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(app, ["stories", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.output)
    # four dated articles months apart: four stories, the most recent first
    assert len(stories) == 4
    assert stories[0]["articles"][0]["id"] == "tl-4"
    assert stories[0]["tieups"][0]["status"] == "ended"
    text = runner.invoke(app, ["stories", "--db", url])
    assert text.exit_code == 0
    assert "Sorrel and Ivenko part ways" in text.output
    assert "corroboration 1" in text.output


def test_cli_stories_empty_database(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", f"sqlite:///{tmp_path / 'e.db'}"])
    assert result.exit_code == 0
    assert "no articles stored" in result.output


def test_cli_timeline(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(app, ["timeline", "Ivenko Cells", "sorrel motors", "--db", url,
                                 "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [e["status"] for e in data["entries"]] == ["rumored", "talks", "agreed", "ended"]
    assert data["current"] == "ended"
    text = runner.invoke(app, ["timeline", "Sorrel Motors", "Ivenko Cells", "--db", url])
    assert text.exit_code == 0
    assert text.output.splitlines()[0] == "Sorrel Motors - Ivenko Cells: ended now" or \
        text.output.splitlines()[0] == "Ivenko Cells - Sorrel Motors: ended now"


def test_cli_timeline_unknown_name_is_one_line(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(app, ["timeline", "Sorrel Motors", "Nobody", "--db", url])
    assert result.exit_code == 1
    assert "no organisation named 'Nobody'" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_show_gives_latest_role_and_its_date(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(app, ["show", "Sorrel Motors", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    people = json.loads(result.output)["people"]
    assert people == [
        {"person": "Ana Ruiz", "role": "role in 2026", "date": "2026-02-20",
         "evidence": None, "article_id": "tl-4",
         "source": "https://www.motorledger.example/2026/02/20/sorrel-ivenko-end"}
    ]
    text = runner.invoke(app, ["show", "Sorrel Motors", "--db", url])
    assert "Ana Ruiz, role in 2026 (2026-02-20)" in text.output


def test_cli_eval_stories_needs_labels(tmp_path: Path) -> None:
    path = tmp_path / "nolabels.jsonl"
    path.write_text('{"id": "a", "text": "Un texte."}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval-stories", str(path)])
    assert result.exit_code == 1
    assert "story" in result.output
