"""`tieup eval-clean` parses, runs the evaluation and prints."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tieup.cli import app

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "clean-sample"


def test_clean_cli_eval_json_shape() -> None:
    args = ["eval-clean", str(SAMPLE / "french"), "--json", "--sample", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert set(scores) == {"html", "plain", "baseline"}
    for path in scores.values():
        assert {"precision", "recall", "f1", "with_found", "without_absent"} <= set(path)


def test_clean_cli_eval_table_on_benchmark_sample() -> None:
    result = CliRunner().invoke(app, ["eval-clean", str(SAMPLE / "benchmark"), "--sample", "2"])
    assert result.exit_code == 0, result.output
    assert "baseline" in result.stdout
    assert "f1" in result.stdout


def test_clean_cli_eval_unknown_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval-clean", str(tmp_path)])
    assert result.exit_code == 1
    assert "ground-truth.json" in result.output
