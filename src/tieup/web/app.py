"""The FastAPI application: `create_app(db_url)` serves the JSON API, the pages
and the Atom feeds of one tieup database.

Read-only unless a token is given: then ``POST /api/articles`` ingests one
article (``Authorization: Bearer <token>``, body at most `max_body` bytes).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

import tieup
from tieup.store import Store
from tieup.web import api, errors, feeds, pages, render

if TYPE_CHECKING:
    from tieup.pipeline import Pipeline

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
DEFAULT_MAX_BODY = 2_000_000  # bytes of one POSTed article (JSON)


def templates() -> Jinja2Templates:
    """The pages' Jinja2 environment: autoescaping on for every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    render.register(env)
    return Jinja2Templates(env=env)


def create_app(
    db_url: str | None = None,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    kb_paths: list[Path] | None = None,
    store: Store | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The web application over the database at `db_url` ($TIEUP_DB, else
    ``sqlite:///tieup.db``), or over an open `store`.

    `token` enables ``POST /api/articles``; `pipeline` is the extraction
    pipeline it uses (built on first use when not given).
    Raises StoreError when the database cannot be opened.
    """
    owned = store is None
    opened = store if store is not None else Store.open(db_url, kb_paths=kb_paths)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(
        title="tieup",
        version=tieup.__version__,
        description="Who is teaming up with whom, from the news: every fact with "
        "its sentence and its source.",
        lifespan=lifespan,
    )
    state: Any = app.state
    state.store = opened
    state.token = token or None
    state.max_body = max_body
    state.pipeline = pipeline
    state.kb_paths = kb_paths
    state.templates = templates()
    errors.install(app)
    app.include_router(api.router)
    if token:
        app.include_router(api.ingest_router)
    app.include_router(pages.router)
    app.include_router(feeds.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    log.info("web: serving %s (%s)", opened.display_url, "ingest on" if token else "read-only")
    return app
