"""`tieup serve`: the web dashboard and JSON API over one database (uvicorn)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from tieup.cli.app import app
from tieup.cli.ingest import DbOption
from tieup.errors import TieupError

DEFAULT_TOKEN_ENV = "TIEUP_TOKEN"


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token_env: Annotated[
        str,
        typer.Option(
            help="Environment variable holding the token that enables POST /api/articles "
            "(Authorization: Bearer TOKEN). Unset or empty: read-only."
        ),
    ] = DEFAULT_TOKEN_ENV,
    max_body: Annotated[
        int, typer.Option(min=1, help="Largest POSTed article accepted, in bytes.")
    ] = 2_000_000,
    kb: Annotated[
        list[Path] | None,
        typer.Option("--kb", help="Extra KB file (JSON lines) merged on top of the built-in one."),
    ] = None,
) -> None:
    """Serve the dashboard (pages, Atom feeds) and the JSON API (/docs) over HTTP."""
    import uvicorn

    from tieup.web import create_app

    token = os.environ.get(token_env) or None
    try:
        web_app = create_app(db, token=token, max_body=max_body, kb_paths=kb)
    except TieupError as e:
        typer.echo(f"tieup: {e}", err=True)
        raise typer.Exit(1) from e
    mode = f"ingest enabled (token from ${token_env})" if token else "read-only"
    where = web_app.state.store.display_url
    typer.echo(f"tieup: serving {where} on http://{host}:{port}/ ({mode})")
    uvicorn.run(web_app, host=host, port=port, log_level="info")
