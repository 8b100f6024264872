"""`tieup eval-clean`: score the clean stage on an annotated dataset."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from tieup.cli.app import app
from tieup.errors import InputError


@app.command("eval-clean")
def eval_clean(
    dataset: Annotated[
        Path,
        typer.Argument(help="An article-extraction-benchmark or trafilatura-eval-fr folder."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    sample: Annotated[
        int | None, typer.Option("--sample", help="Score only the first N pages (by id).")
    ] = None,
) -> None:
    """Score the HTML path, the plain-text path and a keep-everything baseline."""
    from tieup.clean.evaluate import evaluate_dataset

    try:
        results = evaluate_dataset(dataset, sample=sample)
    except InputError as error:
        typer.echo(f"tieup: {error}", err=True)
        raise typer.Exit(1) from error
    if as_json:
        print(json.dumps(results))
        return
    columns = list(next(iter(results.values())))
    table = Table(title=f"clean stage on {dataset.name}")
    table.add_column("path")
    for column in columns:
        table.add_column(column, justify="right")
    for path, scores in results.items():
        table.add_row(path, *(f"{scores[c]:.3f}" for c in columns))
    Console().print(table)
