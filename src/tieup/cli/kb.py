"""`tieup kb search NAME` and `tieup kb show NAME`: look up the knowledge base."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from tieup.cli.app import app
from tieup.errors import TieupError
from tieup.kb.loader import KnowledgeBase, load_kb

kb_app = typer.Typer(
    help="Look up organisations in the knowledge base (built-in, plus any --kb files).",
    no_args_is_help=True,
)
app.add_typer(kb_app, name="kb")

KbOption = Annotated[
    list[Path] | None,
    typer.Option("--kb", help="Extra KB file (JSON lines) merged on top of the built-in one."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
NameArgument = Annotated[str, typer.Argument(help="A name, alias or id (any case or accents).")]


def _load(kb: list[Path] | None) -> KnowledgeBase:
    try:
        return load_kb(kb)
    except TieupError as e:
        typer.echo(f"tieup: {e}", err=True)
        raise typer.Exit(1) from e


@kb_app.command()
def search(
    name: NameArgument,
    kb: KbOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many organisations.")] = 10,
) -> None:
    """Organisations whose names or aliases look like NAME (fuzzy), best first."""
    hits = _load(kb).search(name, limit=limit)
    if as_json:
        rows = [
            {"id": e.id, "name": e.name, "kind": e.kind, "country": e.country, "score": round(s, 1)}
            for e, s in hits
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for entry, score in hits:
            typer.echo(f"{score:5.1f}  {entry.name} ({entry.id}) - {entry.kind}, {entry.country}")
    if not hits:
        typer.echo(f"tieup: nothing in the knowledge base looks like {name!r}", err=True)
        raise typer.Exit(1)


@kb_app.command()
def show(name: NameArgument, kb: KbOption = None, as_json: JsonOption = False) -> None:
    """The organisation NAME resolves to: aliases, kind, country, owners, brands."""
    base = _load(kb)
    entry = base.lookup(name)
    if entry is None:
        typer.echo(
            f"tieup: no organisation named {name!r} in the knowledge base; "
            f"try `tieup kb search {name}`",
            err=True,
        )
        raise typer.Exit(1)
    info = base.describe(entry.id)
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    typer.echo(_render(info))


def _render(info: dict[str, Any]) -> str:
    def names(entries: list[dict[str, str]]) -> str:
        return ", ".join(f"{e['name']} ({e['id']})" for e in entries) or "-"

    owners = " > ".join(f"{e['name']} ({e['id']})" for e in info["owners"]) or "-"
    lines = [
        f"{info['name']} ({info['id']})",
        f"  kind:     {info['kind']}",
        f"  country:  {info['country'] or '-'}",
        f"  wikidata: {info['wikidata'] or '-'}",
        f"  aliases:  {', '.join(info['aliases']) or '-'}",
    ]
    if info["weak_aliases"]:
        weak = ", ".join(info["weak_aliases"])
        lines.append(f"  weak:     {weak} (linked only capitalised, not opening a sentence)")
    lines += [f"  owned by: {owners}", f"  owns:     {names(info['children'])}"]
    return "\n".join(lines)
