"""`tieup ingest` (sources -> pipeline -> store), `tieup show ORG` and `tieup map`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import typer

from tieup.cli.app import app
from tieup.errors import TieupError

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///FILE or postgresql://USER:PASSWORD@HOST/DB); "
        "default: $TIEUP_DB, else sqlite:///tieup.db",
        show_default=False,
    ),
]
KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra KB file (JSON lines) merged on top of the built-in one."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"tieup: {error}", err=True)
    return typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive) or http(s) URLs.")
    ],
    db: DbOption = None,
    kb: KbOption = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first problem.")] = False,
    workers: Annotated[
        int, typer.Option(help="Processes for spaCy's pipe (with --dask local: Dask workers).")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Extract on a Dask cluster: the scheduler's address (tcp://HOST:8786), or "
            "'local' to start one on this machine. The database is written from here.",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="A progress bar with articles/s on stderr (default: when stderr is a terminal).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read articles, extract their tie-ups and store them (idempotent, resumable).

    Each problem is printed as `tieup: <origin>: <reason>` and the article is
    skipped; exit code 1 when anything was skipped.
    """
    from tieup.ingest import ingest as run_ingest
    from tieup.pipeline import Pipeline
    from tieup.store import Store

    show_progress = sys.stderr.isatty() if progress is None else progress
    try:
        with ExitStack() as stack:
            store = stack.enter_context(Store.open(db, kb_paths=kb))
            pipeline = Pipeline(kb)
            results = None
            if dask:
                from tieup.distributed import connect, dask_results

                client = stack.enter_context(connect(dask, workers=workers))
                results = partial(dask_results, client=client, kb_paths=[str(p) for p in kb or []])

            bar = stack.enter_context(_progress(show_progress))
            report = run_ingest(
                paths,
                store=store,
                pipeline=pipeline,
                strict=strict,
                workers=1 if dask else workers,
                on_problem=lambda problem: bar.echo(f"tieup: {problem}"),
                results=results,
                on_progress=bar.update if show_progress else None,
            )
            bar.close()
            typer.echo(f"{report.summary()} -> {store.display_url}")
    except TieupError as e:
        raise _fail(e) from e
    if not report.ok:
        raise typer.Exit(1)


class _Bar:
    """Problems on stderr, and a rich progress bar (articles read, articles/s) when shown."""

    def __init__(self, progress: Any | None) -> None:
        self.progress = progress
        self.task = (
            progress.add_task("ingest", total=None, skipped=0) if progress is not None else None
        )

    def echo(self, line: str) -> None:
        if self.progress is None:
            typer.echo(line, err=True)
        else:
            self.progress.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def update(self, report: Any) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=report.read, skipped=len(report.skipped))

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@contextmanager
def _progress(show: bool) -> Iterator[_Bar]:
    if not show:
        yield _Bar(None)
        return
    from rich.console import Console
    from rich.progress import (
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed else 0.0
            return Text(f"{rate:.1f} articles/s", style="progress.data.speed")

    columns = [SpinnerColumn(), TextColumn("{task.completed} articles"),
               TextColumn("{task.fields[skipped]} skipped"), RateColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield _Bar(bar)


@app.command()
def show(
    org: Annotated[str, typer.Argument(help="An organisation: any name or alias, or its id.")],
    db: DbOption = None,
    kb: KbOption = None,
    as_json: JsonOption = False,
) -> None:
    """The partners of one organisation, grouped by status, with evidence and source,
    and its people with their latest known role and the date it was stated."""
    from tieup.store import Store

    try:
        with Store.open(db, kb_paths=kb) as store:
            result = store.partners(org)
            result["people"] = store.latest_roles(org)
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(_render_partners(result))
    if result["people"]:
        typer.echo("\npeople (latest known role):")
        for p in result["people"]:
            typer.echo(f"  {p['person']}, {p['role']} ({p['date'] or 'undated'}) - {p['source']}")


def _render_partners(result: dict[str, Any]) -> str:
    org = result["org"]
    total = result["total"]
    lines = [f"{org['name']} ({org['id']}): {total} partner{'s' * (total != 1)}"]
    for status, partners in result["partners"].items():
        lines += ["", f"{status}:"]
        for p in partners:
            articles = f"{p['articles']} article{'s' * (p['articles'] != 1)}"
            lines.append(
                f"  {p['partner']} - {p['kind']}, confidence {p['confidence']:.2f}, {articles}"
            )
            lines.append(f"    “{p['evidence']}”")
            lines.append(f"    {p['source']}" + (f" ({p['date']})" if p["date"] else ""))
    return "\n".join(lines)


@app.command("map")
def map_(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Every stored pair: its current status, kind, evidence sentence and source."""
    from tieup.store import Store

    try:
        with Store.open(db) as store:
            pairs = store.pairs()
            where = store.display_url
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(pairs, ensure_ascii=False, indent=2))
        return
    if not pairs:
        typer.echo(f"no tie-ups stored in {where}")
        return
    _print_map(pairs, where)


def _print_map(pairs: list[dict[str, Any]], where: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"tie-ups in {where}", show_lines=True)
    table.add_column("status", no_wrap=True)
    table.add_column("pair", max_width=28)
    table.add_column("kind", no_wrap=True)
    table.add_column("evidence")
    table.add_column("source", max_width=32, overflow="fold")
    table.add_column("articles", justify="right")
    for p in pairs:
        source = p["url"] or p["source"]
        table.add_row(
            Text(p["status"]),
            Text(f"{p['a_name']} - {p['b_name']}"),
            Text(p["kind"]),
            Text(p["evidence"]),
            Text(source + (f" ({p['date']})" if p["date"] else "")),
            Text(str(p["articles"])),
        )
    # Piped or captured output gets a fixed, readable width rather than 80 columns.
    Console(width=None if sys.stdout.isatty() else 140).print(table)
