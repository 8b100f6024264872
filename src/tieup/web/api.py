"""The JSON API (`/api/...`): parse the request, call the store, shape the answer.

Every route is listed in the README's "Web dashboard and API" section (a test
checks it). Errors all look like ``{"error": {"code": ..., "message": ...}}``.
"""

from __future__ import annotations

import hmac
import logging
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from tieup.models import Document, Kind, Status, to_dict
from tieup.store import Store
from tieup.web import narrative, queries
from tieup.web.errors import ERROR_RESPONSES, ApiError

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
ingest_router = APIRouter(prefix="/api", tags=["ingest"], responses=ERROR_RESPONSES)

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def store_of(request: Request) -> Store:
    return request.app.state.store


# -- response models ---------------------------------------------------------


class OrgRef(BaseModel):
    id: str
    name: str


class TieupItem(BaseModel):
    """One tie-up as one article states it."""

    a: str
    b: str
    a_id: str
    b_id: str
    status: str
    kind: str
    evidence: str
    confidence: float
    source: str = Field(description="The article's URL, else the path it was read from.")
    url: str | None
    date: str | None
    title: str | None
    corroboration: int = Field(
        description="Independent outlets stating this pair (copies count once)."
    )
    article_id: str


class TieupList(BaseModel):
    org: OrgRef | None
    items: list[TieupItem]
    limit: int
    offset: int


class Partner(BaseModel):
    partner_id: str
    partner: str
    status: str
    kind: str
    evidence: str
    source: str
    article_id: str
    date: str | None
    confidence: float
    articles: int


class OrgPage(BaseModel):
    org: OrgRef
    query: str
    total: int
    partners: dict[str, list[Partner]] = Field(description="By current status.")


class TimelineEntry(BaseModel):
    date: str | None
    status: str
    kind: str
    evidence: str
    confidence: float
    article_id: str
    source: str
    outlet: str
    title: str | None


class Timeline(BaseModel):
    a: OrgRef
    b: OrgRef
    current: str | None = Field(description="The latest credible status.")
    current_article_id: str | None
    corroboration: int = Field(description="Independent outlets in the timeline.")
    entries: list[TimelineEntry] = Field(description="Oldest first; copies count once.")


class StorySource(BaseModel):
    article_id: str
    source: str
    outlet: str


class StoryArticle(BaseModel):
    id: str
    source: str
    outlet: str
    date: str | None
    title: str | None
    sources: list[StorySource] = Field(description="Every copy of this article.")


class StoryTieup(BaseModel):
    a: str
    b: str
    a_id: str
    b_id: str
    status: str
    kind: str
    corroboration: int
    confidence: float
    evidence: str
    sources: list[str]
    outlets: list[str]
    statuses: dict[str, int]


class StorySummary(BaseModel):
    id: str
    title: str | None
    date_start: str | None
    date_end: str | None
    articles: int
    outlets: list[str]
    tieups: int


class StoryDetail(BaseModel):
    id: str
    title: str | None
    date_start: str | None
    date_end: str | None
    outlets: list[str]
    articles: list[StoryArticle]
    tieups: list[StoryTieup]


class StoryList(BaseModel):
    items: list[StorySummary]
    limit: int
    offset: int
    total: int


class SearchOrg(BaseModel):
    id: str
    name: str


class SearchArticle(BaseModel):
    id: str
    title: str | None
    date: str | None
    source: str


class SearchResult(BaseModel):
    q: str
    orgs: list[SearchOrg]
    articles: list[SearchArticle]
    tieups: list[TieupItem]


class IngestRequest(BaseModel):
    """One article to ingest: `text` or `html` (or both)."""

    id: str = Field(min_length=1, max_length=500)
    text: str | None = None
    html: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    title: str | None = None


class IngestResult(BaseModel):
    id: str
    stored: bool = Field(description="False when the same article was already stored.")
    tieups: int


# -- shaping rows ------------------------------------------------------------


def tieup_items(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = narrative.corroboration(store, [(r["a_id"], r["b_id"]) for r in rows])
    return [
        {
            "a": r["a_name"],
            "b": r["b_name"],
            "a_id": r["a_id"],
            "b_id": r["b_id"],
            "status": r["status"],
            "kind": r["kind"],
            "evidence": r["evidence"],
            "confidence": r["confidence"],
            "source": r["url"] or r["source"],
            "url": r["url"],
            "date": r["date"],
            "title": r["title"],
            "corroboration": counts.get((r["a_id"], r["b_id"]), 1),
            "article_id": r["article_id"],
        }
        for r in rows
    ]


def plain(value: str, field: str) -> str:
    """`value`, refused (400) when it holds a NUL character, which no stored
    text can contain (PostgreSQL would reject the query)."""
    if "\x00" in value:
        raise ApiError(400, f"{field}: NUL characters are not allowed")
    return value


def resolve(store: Store, name: str) -> dict[str, Any]:
    entity = store.resolve(plain(name, "name"))
    if entity is None:
        raise ApiError(404, f"no organisation named {name!r} in the database")
    return entity


# -- routes ------------------------------------------------------------------


@router.get("/tieups", response_model=TieupList, summary="Tie-ups, latest articles first")
def list_tieups(
    request: Request,
    org: Annotated[str | None, Query(description="Any name or alias, or an id.")] = None,
    status: Status | None = None,
    kind: Kind | None = None,
    since: Annotated[
        str | None, Query(pattern=DATE_PATTERN, description="Articles dated on or after.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    store = store_of(request)
    entity = resolve(store, org) if org is not None else None
    rows = store.tieups(
        entity["id"] if entity else None,
        status=status.value if status else None,
        kind=kind.value if kind else None,
        since=since,
        limit=limit,
        offset=offset,
    )
    return {"org": entity, "items": tieup_items(store, rows), "limit": limit, "offset": offset}


@router.get("/orgs/{name}", response_model=OrgPage, summary="An organisation's partners")
def get_org(request: Request, name: Annotated[str, Path(min_length=1)]) -> dict[str, Any]:
    store = store_of(request)
    entity = resolve(store, name)
    result = store.partners(entity["id"])
    result["query"] = name
    return result


@router.get(
    "/pairs/{a}/{b}/timeline", response_model=Timeline, summary="How a pair's status moved"
)
def get_timeline(
    request: Request, a: Annotated[str, Path(min_length=1)], b: Annotated[str, Path(min_length=1)]
) -> dict[str, Any]:
    store = store_of(request)
    first, second = resolve(store, a), resolve(store, b)
    result = narrative.timeline(store, first, second)
    if result is None:
        raise ApiError(404, f"no tie-up stored between {first['name']} and {second['name']}")
    return result


@router.get("/stories", response_model=StoryList, summary="Stories, latest first")
def list_stories(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    stories = narrative.stories(store_of(request))
    return {
        "items": stories[offset : offset + limit],
        "limit": limit,
        "offset": offset,
        "total": len(stories),
    }


@router.get("/stories/{story_id:path}", response_model=StoryDetail, summary="One story")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    found = narrative.story(store_of(request), plain(story_id, "story_id"))
    if found is None:
        raise ApiError(404, f"no story {story_id!r}")
    return found


@router.get("/articles/{article_id:path}", summary="One article as stored")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    store = store_of(request)
    extraction = store.article(plain(article_id, "article_id"))
    if extraction is None:
        raise ApiError(404, f"no article {article_id!r}")
    meta = queries.article_meta(store, article_id) or {}
    article = to_dict(extraction.article)
    comments = article.pop("comments")
    return {
        "article": {
            **article,
            "source": meta.get("source"),
            "ingested_at": meta.get("ingested_at"),
        },
        "comments": comments,
        "entities": [to_dict(e) for e in extraction.entities],
        "tieups": [to_dict(t) for t in extraction.tieups],
        "roles": [to_dict(r) for r in extraction.roles],
        "story": narrative.story_id_of_article(store, article_id),
    }


@router.get("/search", response_model=SearchResult, summary="Organisations, articles, evidence")
def search(
    request: Request, q: Annotated[str, Query(min_length=1, max_length=200)]
) -> dict[str, Any]:
    store = store_of(request)
    found = queries.search(store, plain(q, "q"))
    return {
        "q": q,
        "orgs": found["orgs"],
        "articles": [{**a, "source": a["url"] or a["source"]} for a in found["articles"]],
        "tieups": tieup_items(store, found["tieups"]),
    }


# -- ingest (only when a token is configured) ----------------------------------


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"body of {declared} bytes is larger than the limit ({limit} bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, f"body larger than the limit ({limit} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_token(request: Request, authorization: str | None) -> None:
    token: str = request.app.state.token
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "missing bearer token (Authorization: Bearer <token>)")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "invalid token")


_pipeline_lock = threading.Lock()


def _pipeline(request: Request) -> Any:
    """The app's extraction pipeline, loaded once on the first ingest."""
    state = request.app.state
    with _pipeline_lock:
        if state.pipeline is None:
            from tieup.pipeline import Pipeline

            log.info("web: loading the extraction pipeline for ingest")
            state.pipeline = Pipeline(state.kb_paths)
    return state.pipeline


def _ingest(request: Request, payload: IngestRequest) -> tuple[bool, int]:
    document = Document(
        origin=payload.url or f"api:{payload.id}",
        id=payload.id,
        text=payload.text,
        html=payload.html,
        url=payload.url,
        date=payload.date,
        lang=payload.lang,
        title=payload.title,
    )
    extraction = _pipeline(request).extract(document)
    store = store_of(request)
    changed = store.save(extraction, source=document.origin)
    if changed:
        narrative.forget(store)
    return changed, len(extraction.tieups)


@ingest_router.post(
    "/articles",
    response_model=IngestResult,
    status_code=201,
    summary="Ingest one article (needs the token)",
    responses={401: ERROR_RESPONSES[400], 413: ERROR_RESPONSES[400]},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": IngestRequest.model_json_schema()}},
        }
    },
)
async def post_article(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> JSONResponse:
    _check_token(request, authorization)
    raw = await _read_body(request, request.app.state.max_body)
    try:
        payload = IngestRequest.model_validate_json(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "body"
        raise ApiError(400, f"invalid article: {where}: {first.get('msg')}") from e
    if not (payload.text or payload.html):
        raise ApiError(400, "invalid article: give text or html")
    changed, tieups = await run_in_threadpool(_ingest, request, payload)
    body = {"id": payload.id, "stored": changed, "tieups": tieups}
    return JSONResponse(body, status_code=201 if changed else 200)
