"""`tieup extract` (the stateless JSONL contract) and `tieup eval` (gold figures)."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from tieup.cli.app import app
from tieup.errors import InputError, KBError

KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra KB file (JSON lines) merged on top of the built-in one."),
]


def _problem(error: InputError) -> None:
    typer.echo(f"tieup: {error}", err=True)


def run_extract(
    inputs: list[Path], out: Path, *, kb: list[Path] | None, workers: int, strict: bool
) -> tuple[int, int]:
    """Extract every record of `inputs` into `out`; returns (written, skipped)."""
    from tieup.pipeline import Pipeline
    from tieup.sources import iter_documents

    pipeline = Pipeline(kb)
    written = skipped = 0
    with open(out, "w", encoding="utf-8") as f:
        for path in inputs:
            docs = iter_documents(str(path), strict=strict)
            for result in pipeline.extract_stream(docs, workers=workers):
                if isinstance(result, InputError):
                    skipped += 1
                    _problem(result)
                    if strict:
                        raise result
                    continue
                f.write(json.dumps(result.to_contract(), ensure_ascii=False) + "\n")
                written += 1
    return written, skipped


@app.command()
def extract(
    inputs: Annotated[list[Path], typer.Argument(help="JSONL files: id, text or html, ...")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write JSONL.")],
    kb: KbOption = None,
    workers: Annotated[int, typer.Option(help="Processes for spaCy's pipe.")] = 1,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad record.")] = False,
) -> None:
    """Extract tie-ups, roles and entities from JSONL records (stateless).

    Each output line has id, tieups [{a, b, status, kind, evidence,
    confidence}], roles [{person, role, org}] and entities.
    """
    try:
        written, skipped = run_extract(inputs, output, kb=kb, workers=workers, strict=strict)
    except (InputError, KBError) as e:
        typer.echo(f"tieup: {e}", err=True)
        raise typer.Exit(1) from e
    typer.echo(f"{written} records written to {output}" + (f", {skipped} skipped" if skipped
                                                               else ""), err=True)
    if skipped:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (gold/GUIDELINES.md).")],
    kb: KbOption = None,
    pred: Annotated[
        Path | None, typer.Option(help="Score this prediction file instead of extracting.")
    ] = None,
    errors: Annotated[bool, typer.Option("--errors", help="List every error.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Run `extract` on gold files and print the reference scorer's figures."""
    from tieup.evaluate import read_jsonl, score

    records = [r for path in gold for r in read_jsonl(path)]
    if pred is None:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "pred.jsonl"
            run_extract(gold, out, kb=kb, workers=1, strict=False)
            preds = {r["id"]: r for r in read_jsonl(out)}
    else:
        preds = {r["id"]: r for r in read_jsonl(pred)}
    figures, errs = score(records, preds)
    if errors:
        for e in errs:
            print("  ", *e, file=sys.stderr)
    if as_json:
        typer.echo(json.dumps(figures))
    else:
        for k, v in figures.items():
            typer.echo(f"{k:18} {v}")
