"""`tieup bench`: both sides timed over the same texts, the figures, the corpus script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tieup.bench import BenchResult, Timing, read_records, run_bench
from tieup.cli import app
from tieup.pipeline import Pipeline

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three French dev articles (with their gold tie-ups) and one without gold."""
    path = tmp_path_factory.mktemp("bench") / "corpus.jsonl"
    with open(DATA / "dev-fr.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f][:3]
    records.append({"id": "plain", "lang": "fr",
                    "text": "Titre\n\nRenault et Geely ont signé un accord mardi."})
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.fixture(scope="module")
def result(corpus: Path, pipeline: Pipeline) -> BenchResult:
    return run_bench(corpus)


def test_bench_times_both_sides_over_the_same_texts(result: BenchResult, corpus: Path) -> None:
    words = sum(len(r["text"].split()) for r in read_records(corpus))
    assert result.languages == {"fr": 4}
    assert result.models == {"fr": "fr_core_news_md"}
    for side in (result.tieup, result.spacy):
        assert side.articles == 4
        assert side.words == words
        assert side.seconds > 0
    assert result.ratio == pytest.approx(result.tieup.articles_per_s / result.spacy.articles_per_s)
    assert 0 < result.peak_rss_mb <= result.peak_rss_all_mb


def test_bench_scores_gold_records_on_both_paths(result: BenchResult) -> None:
    f1 = result.f1
    assert f1["records"] == 3  # the record without tieups is not gold
    assert set(f1) == {"records", "fast", "slow", "difference"}
    assert 0 <= f1["fast"]["pair_f1"] <= 1
    assert f1["difference"] == pytest.approx(f1["fast"]["pair_f1"] - f1["slow"]["pair_f1"],
                                             abs=1e-3)


def test_bench_figures_as_a_dict(result: BenchResult) -> None:
    figures = result.to_dict()
    assert figures["tieup"]["articles"] == 4
    assert figures["spacy"]["articles_per_s"] == round(result.spacy.articles_per_s, 2)
    assert figures["ratio"] == round(result.ratio, 2)
    json.dumps(figures)  # plain data


def test_timing_rates() -> None:
    timing = Timing(articles=10, words=2500, seconds=2.0)
    assert (timing.articles_per_s, timing.words_per_s) == (5.0, 1250.0)
    assert Timing(0, 0, 0.0).articles_per_s == 0.0


def test_cli_bench_json_without_baseline(corpus: Path, pipeline: Pipeline) -> None:
    out = CliRunner().invoke(app, ["bench", str(corpus), "--json", "--limit", "2",
                                   "--no-baseline"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.stdout)
    assert figures["tieup"]["articles"] == 2
    assert figures["spacy"]["articles"] == 0 and figures["ratio"] == 0.0
    assert figures["f1"]["records"] == 2


def test_cli_bench_missing_corpus_says_how_to_make_one(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["bench", str(tmp_path / "nope.jsonl")])
    assert out.exit_code == 1
    assert "make_bench_corpus.py" in out.stderr


def test_make_bench_corpus_writes_n_articles(tmp_path: Path) -> None:
    out = tmp_path / "bench.jsonl"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_bench_corpus.py"), "-n", "12",
                    "--lang", "mixed", "-o", str(out)], check=True, capture_output=True)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 12
    assert len({r["id"] for r in records}) == 12
    assert {r["lang"] for r in records} == {"fr", "en"}
    assert all(len(r["text"].split("\n\n")) >= 2 for r in records)
