"""`tieup reactions` and `tieup eval-reactions` through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tieup.cli import app
from tieup.models import Article, Comment, Extraction
from tieup.store import Store

runner = CliRunner()
DATA = Path(__file__).parents[1] / "data"

COMMENTS = [
    Comment(n=1, text="Bravo à Renault !", sentiment="positive", question=False,
            orgs=["Renault Group"]),
    Comment(n=2, text="Quel impact sur les prix ? Xiaomi n'en dit rien.", sentiment="neutral",
            question=True, orgs=["Xiaomi"]),
]


def _db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with Store.open(url) as store:
        store.save(
            Extraction(
                article=Article(
                    id="avenir", origin="avenir.txt",
                    paragraphs=["Renault et Xiaomi se sont rencontrés à Pékin."],
                    title="Renault et Xiaomi", lang="fr", date="2024-04-26",
                    comments=COMMENTS, comments_announced=43,
                ),
                entities=[], tieups=[], roles=[],
            ),
            source="avenir.txt",
        )
    return url


def test_cli_reactions_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["reactions", "avenir", "--db", _db(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kind"] == "story" and data["focus"] == "avenir"
    assert (data["comments_shown"], data["comments_announced"]) == (2, 43)
    assert data["sentiment"]["positive"] == 1 and data["sentiment"]["neutral"] == 1
    assert data["questions"][0]["questions"] == ["Quel impact sur les prix ?"]
    assert [o["name"] for o in data["orgs"]] == ["Renault Group", "Xiaomi"]


def test_cli_reactions_text(tmp_path: Path) -> None:
    url = _db(tmp_path)
    result = runner.invoke(app, ["reactions", "avenir", "--db", url])
    assert result.exit_code == 0, result.output
    assert "2 comments shown, 43 announced · positive 1, neutral 1" in result.stdout
    assert "  - Quel impact sur les prix ?  [avenir #2]" in result.stdout
    assert "Renault Group (1 comment), Xiaomi (1 comment)" in result.stdout
    story_id = json.loads(runner.invoke(app, ["reactions", "avenir", "--db", url, "--json"])
                          .stdout)["story_id"]
    by_story = runner.invoke(app, ["reactions", story_id, "--db", url])
    assert by_story.exit_code == 0 and f"story {story_id}" in by_story.stdout


def test_cli_reactions_unknown_id_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["reactions", "nope", "--db", _db(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tieup: no article or story with id 'nope'")


def test_cli_eval_reactions_prints_the_figures() -> None:
    result = runner.invoke(
        app,
        ["eval-reactions", str(DATA / "comments-seeds.jsonl"), "--texts",
         str(DATA / "seeds.jsonl"), "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["comments"] == 13 and data["questions_found"]["correct"] == 5
    text = runner.invoke(app, ["eval-reactions", str(DATA / "comments-seeds.jsonl")])
    assert text.exit_code == 0
    assert "95% Wilson" in text.stdout and "questions found" in text.stdout


def test_cli_eval_reactions_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval-reactions", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith("tieup: ")
    assert "absent.jsonl" in result.stderr
