"""`tieup ingest --workers 2` end to end, and the progress bar's stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from databases import snapshot
from tieup.cli import app
from tieup.ingest import ingest
from tieup.pipeline import Pipeline
from tieup.store import Store

PAIRS = [("Renault", "Geely"), ("Stellantis", "Leapmotor"), ("Toyota", "BYD"),
         ("Volkswagen", "Xpeng"), ("Nissan", "Honda"), ("BMW", "Toyota")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale-articles")
    for i, (a, b) in enumerate(PAIRS):
        text = (f"{a} et {b} : article {i}\n\n{a} et {b} ont signé un accord pour produire "
                "ensemble des moteurs. Les deux groupes partageront une plateforme.\n")
        (path / f"article-{i}.txt").write_text(text, encoding="utf-8")
    (path / "empty.txt").write_text("", encoding="utf-8")
    return path


def _tieup_command(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("tieup")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from tieup.cli import main; main()", *args]


def test_cli_ingest_with_two_workers_equals_one(
    folder: Path, pipeline: Pipeline, tmp_path: Path
) -> None:
    one = f"sqlite:///{tmp_path / 'one.db'}"
    with Store.open(one) as store:
        ingest([str(folder)], store=store, pipeline=pipeline)
    two = f"sqlite:///{tmp_path / 'two.db'}"
    done = subprocess.run(
        _tieup_command("ingest", str(folder), "--db", two, "--workers", "2"),
        capture_output=True, text=True, env={**os.environ, "TIEUP_DB": ""}, timeout=600,
    )
    assert done.returncode == 1, done.stderr  # the empty file is skipped
    assert f"tieup: {folder / 'empty.txt'}: " in done.stderr
    assert "read 7, stored 6, unchanged 0, skipped 1" in done.stdout
    assert snapshot(two) == snapshot(one)
    assert len(snapshot(two)["tieups"]) == len(PAIRS)


def test_cli_ingest_progress_keeps_problems_and_summary_apart(
    folder: Path, pipeline: Pipeline, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'progress.db'}"
    out = CliRunner().invoke(app, ["ingest", str(folder), "--db", url, "--progress"])
    assert out.exit_code == 1
    assert out.stdout.strip() == f"read 7, stored 6, unchanged 0, skipped 1 -> {url}"
    assert f"tieup: {folder / 'empty.txt'}: " in out.stderr
