"""Server-rendered pages: parse, call the store, render a template.

Templates autoescape everything; user data is never marked safe. The
organisation graph's data is inlined with Jinja2's `tojson` (which escapes
``<``, ``>``, ``&`` and quotes) and drawn by the vendored Cytoscape.js.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from tieup.models import Status
from tieup.store import Store
from tieup.web import narrative, queries, render
from tieup.web.api import plain, tieup_items
from tieup.web.errors import ApiError

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context)


def _store(request: Request) -> Store:
    return request.app.state.store


def _entity(store: Store, name: str) -> dict[str, Any]:
    entity = store.resolve(plain(name, "name"))
    if entity is None:
        raise ApiError(404, f"no organisation named {name!r} in the database")
    return entity


@router.get("/")
def home(request: Request) -> HTMLResponse:
    store = _store(request)
    latest = tieup_items(store, store.tieups(limit=25))
    by_status = queries.status_counts(store)
    counts = store.counts()
    return _page(
        request,
        "home.html",
        latest=latest,
        by_status=[(s.value, by_status.get(s.value, 0)) for s in Status],
        counts=counts,
    )


@router.get("/orgs/{name:path}")
def org(request: Request, name: str) -> HTMLResponse:
    store = _store(request)
    entity = _entity(store, name)
    result = store.partners(entity["id"])
    return _page(
        request,
        "org.html",
        org=result["org"],
        query=name,
        partners=result["partners"],
        total=result["total"],
        graph=render.graph(result["org"], result["partners"]),
    )


@router.get("/pairs/{a}/{b}")
def pair(request: Request, a: str, b: str) -> HTMLResponse:
    store = _store(request)
    first, second = _entity(store, a), _entity(store, b)
    result = narrative.timeline(store, first, second)
    if result is None:
        raise ApiError(404, f"no tie-up stored between {first['name']} and {second['name']}")
    return _page(request, "pair.html", timeline=result)


@router.get("/stories")
def stories(request: Request) -> HTMLResponse:
    return _page(request, "stories.html", stories=narrative.stories(_store(request))[:200])


@router.get("/stories/{story_id:path}")
def story(request: Request, story_id: str) -> HTMLResponse:
    store = _store(request)
    found = narrative.story(store, plain(story_id, "story_id"))
    if found is None:
        raise ApiError(404, f"no story {story_id!r}")
    return _page(
        request, "story.html", story=found, reactions=narrative.reactions(store, story_id)
    )


@router.get("/articles/{article_id:path}")
def article(request: Request, article_id: str) -> HTMLResponse:
    store = _store(request)
    extraction = store.article(plain(article_id, "article_id"))
    if extraction is None:
        raise ApiError(404, f"no article {article_id!r}")
    meta = queries.article_meta(store, article_id) or {}
    evidence = [t.evidence for t in extraction.tieups] + [
        r.evidence for r in extraction.roles if r.evidence
    ]
    paragraphs = [render.highlight(p, evidence) for p in extraction.article.paragraphs]
    sentiments = Counter(c.sentiment for c in extraction.article.comments if c.sentiment)
    return _page(
        request,
        "article.html",
        extraction=extraction,
        article=extraction.article,
        paragraphs=paragraphs,
        meta=meta,
        sentiments=dict(sentiments),
        story_id=narrative.story_id_of_article(store, article_id),
    )


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=200)) -> HTMLResponse:
    store = _store(request)
    found: dict[str, Any] = {"orgs": [], "articles": [], "tieups": []}
    if q.strip():
        found = queries.search(store, plain(q.strip(), "q"))
        found["tieups"] = tieup_items(store, found["tieups"])
    return _page(request, "search.html", q=q, found=found)
