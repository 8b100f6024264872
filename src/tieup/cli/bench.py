"""`tieup bench CORPUS.jsonl`: tieup's extract against plain spaCy, over the same texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from tieup.cli.app import app
from tieup.errors import TieupError


@app.command()
def bench(
    corpus: Annotated[Path, typer.Argument(help="JSON Lines: id, text, optional lang.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N records.")] = None,
    workers: Annotated[int, typer.Option(help="Processes for spaCy's pipe (both sides).")] = 1,
    kb: Annotated[
        list[Path] | None,
        typer.Option("--kb", help="Extra KB file (JSON lines) merged on top of the built-in one."),
    ] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option(help="Gold JSONL file: print the pair F1 of the fast and the slow path."),
    ] = None,
    baseline: Annotated[
        bool, typer.Option(help="Also time plain spaCy (--no-baseline: tieup alone).")
    ] = True,
    slow: Annotated[
        bool, typer.Option("--slow", help="Time tieup's slow path (whole texts) instead.")
    ] = False,
) -> None:
    """Articles/s and words/s of tieup's extract and of plain spaCy nlp.pipe, their ratio,
    peak RSS; with gold records (in CORPUS or --gold), the F1 of the fast and slow paths."""
    from tieup.bench import run_bench

    if not corpus.is_file():
        typer.echo(f"tieup: {corpus}: no such file; make one with scripts/make_bench_corpus.py",
                   err=True)
        raise typer.Exit(1)
    try:
        result = run_bench(corpus, limit=limit, workers=workers, kb=kb, gold=gold, fast=not slow,
                           baseline=baseline)
    except (TieupError, json.JSONDecodeError, KeyError) as e:
        typer.echo(f"tieup: {corpus}: {e}", err=True)
        raise typer.Exit(1) from e
    figures = result.to_dict()
    if as_json:
        typer.echo(json.dumps(figures))
        return
    path = "slow" if slow else "fast"
    langs = ", ".join(f"{n} {lang}" for lang, n in result.languages.items())
    models = ", ".join(result.models.values())
    typer.echo(f"corpus      {result.corpus}: {result.tieup.articles} articles ({langs}), "
               f"{result.tieup.words} words; workers {result.workers}")
    timings = [(f"tieup ({path})", result.tieup)]
    if baseline:
        timings.append((f"spaCy {models}", result.spacy))
    for name, t in timings:
        typer.echo(f"{name:34} {t.articles_per_s:8.1f} articles/s {t.words_per_s:10.0f} words/s "
                   f"({t.seconds:.1f} s)")
    if baseline:
        typer.echo(f"ratio       {result.ratio:.2f}x (tieup articles/s / spaCy articles/s)")
        typer.echo(f"peak RSS    {result.peak_rss_mb:.0f} MB tieup (loading and run), "
                   f"{result.peak_rss_all_mb:.0f} MB with the plain spaCy models")
    else:
        typer.echo(f"peak RSS    {result.peak_rss_mb:.0f} MB tieup (loading and run)")
    if result.skipped:
        typer.echo(f"skipped     {result.skipped} articles tieup could not read")
    if result.f1:
        f1 = result.f1
        fast, slow = f1["fast"], f1["slow"]
        typer.echo(f"pair F1     fast {fast['pair_f1']:.3f}, slow {slow['pair_f1']:.3f} "
                   f"({f1['records']} gold records; strict F1 fast "
                   f"{fast['strict_f1']:.3f}, slow {slow['strict_f1']:.3f})")
