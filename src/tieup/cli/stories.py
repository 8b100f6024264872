"""`tieup stories`, `tieup timeline A B` and `tieup eval-stories FILE`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from tieup.cli.app import app
from tieup.cli.ingest import DbOption, JsonOption
from tieup.errors import TieupError
from tieup.models import Story, Timeline, to_dict


def _fail(error: Exception) -> typer.Exit:
    typer.echo(f"tieup: {error}", err=True)
    return typer.Exit(1)


@app.command()
def stories(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Stories across outlets, the most recent first: articles, outlets, corroborated tie-ups."""
    from tieup.store import Store
    from tieup.stories import build_stories

    try:
        with Store.open(db) as store:
            found = build_stories(store)
            where = store.display_url
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps([to_dict(s) for s in found], ensure_ascii=False, indent=2))
        return
    if not found:
        typer.echo(f"no articles stored in {where}")
        return
    typer.echo("\n\n".join(_render_story(s) for s in found))


def _render_story(story: Story) -> str:
    span = story.date_start or "undated"
    if story.date_end and story.date_end != story.date_start:
        span += f" .. {story.date_end}"
    n = len(story.articles)
    lines = [
        f"{story.title or '(untitled)'}",
        f"  {story.id} · {span} · {n} article{'s' * (n != 1)} · "
        f"outlets: {', '.join(story.outlets)}",
    ]
    for article in story.articles:
        copies = len(article.sources) - 1
        extra = f" (+{copies} cop{'ies' if copies > 1 else 'y'})" if copies else ""
        lines.append(f"  - [{article.date or 'undated'}] {article.outlet}: "
                     f"{article.title or article.id}{extra}")
    for t in story.tieups:
        lines.append(
            f"  * {t.a} - {t.b}: {t.status}, {t.kind}, corroboration {t.corroboration} "
            f"({', '.join(t.outlets)}), confidence {t.confidence:.2f}"
        )
        lines.append(f"      “{t.evidence}”")
    return "\n".join(lines)


@app.command()
def timeline(
    a: Annotated[str, typer.Argument(help="One organisation: any name or alias, or its id.")],
    b: Annotated[str, typer.Argument(help="The other organisation.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """How a pair's status moved over time, oldest first, and where it stands now."""
    from tieup.store import Store
    from tieup.stories import timeline as pair_timeline

    try:
        with Store.open(db) as store:
            found = pair_timeline(store, a, b)
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(to_dict(found), ensure_ascii=False, indent=2))
        return
    typer.echo(_render_timeline(found))


def _render_timeline(found: Timeline) -> str:
    head = f"{found.a} - {found.b}: "
    if not found.entries:
        return head + "never reported together"
    lines = [head + f"{found.current or 'no credible status'} now"]
    for e in found.entries:
        mark = "*" if e is found.current_entry else " "
        lines.append(f"{mark} {e.date or 'undated':<10}  {e.status:<7} {e.kind:<13} "
                     f"{e.outlet} ({e.confidence:.2f})")
        lines.append(f"      “{e.evidence}”")
        lines.append(f"      {e.source}")
    return "\n".join(lines)


@app.command("eval-stories")
def eval_stories(
    paths: Annotated[
        list[Path], typer.Argument(help="JSONL files of articles, with `story` labels.")
    ],
    labels: Annotated[
        Path | None,
        typer.Option(help="JSON object {article id: story label} adding to or replacing "
                     "the files' labels; unlabelled articles are stories of their own."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Score story clustering against labelled stories (B-cubed and pair counting)."""
    from tieup.pipeline import Pipeline
    from tieup.stories.evaluate import evaluate_files

    try:
        report = evaluate_files(paths, pipeline=Pipeline(), labels_file=labels)
    except TieupError as e:
        raise _fail(e) from e
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    typer.echo(_render_report(report))


def _render_report(report: dict[str, Any]) -> str:
    lines = [f"{report['file']}: {report['articles']} articles, {report['gold_stories']} "
             f"labelled stories, {report['stories']} found"]
    for name in ("bcubed", "pairs"):
        m = report[name]
        lines.append(f"  {name:<7} precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
                     f"F1 {m['f1']:.3f}")
    return "\n".join(lines)
