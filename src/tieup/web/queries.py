"""Read-only queries the web needs beyond `Store`'s own: search, feeds, status counts.

They read the store's tables through `store.engine` and never write. A pair
is always given as its two entity ids with ``a_id <= b_id`` (as stored).
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from sqlalchemy import func, or_, select

from tieup.store import Store, schema
from tieup.store.write import name_key

log = logging.getLogger(__name__)

_TIEUP_COLUMNS = (
    schema.tieups.c.article_id,
    schema.tieups.c.a_id,
    schema.tieups.c.b_id,
    schema.tieups.c.a_name,
    schema.tieups.c.b_name,
    schema.tieups.c.status,
    schema.tieups.c.kind,
    schema.tieups.c.evidence,
    schema.tieups.c.confidence,
    schema.articles.c.date,
    schema.articles.c.url,
    schema.articles.c.source,
    schema.articles.c.title,
    schema.articles.c.ingested_at,
)


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with its wildcards escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def pair_of(a_id: str, b_id: str) -> tuple[str, str]:
    return (a_id, b_id) if a_id <= b_id else (b_id, a_id)


def changes(
    store: Store, *, entity_id: str | None = None, status: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Tie-up statements, most recently ingested first: what a feed shows."""
    t, a = schema.tieups, schema.articles
    query = (
        select(*_TIEUP_COLUMNS)
        .join(a, a.c.id == t.c.article_id)
        .order_by(a.c.ingested_at.desc(), a.c.id.desc(), t.c.position)
        .limit(limit)
    )
    if entity_id is not None:
        query = query.where(or_(t.c.a_id == entity_id, t.c.b_id == entity_id))
    if status is not None:
        query = query.where(t.c.status == status)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def status_counts(store: Store) -> dict[str, int]:
    """How many pairs currently stand at each status."""
    return dict(Counter(p["status"] for p in store.pairs()))


def article_meta(store: Store, article_id: str) -> dict[str, Any] | None:
    """When an article was stored and from where (what `Store.article` leaves out)."""
    a = schema.articles
    query = select(a.c.source, a.c.ingested_at, a.c.fetched_at).where(a.c.id == article_id)
    with store.engine.connect() as conn:
        row = conn.execute(query).mappings().one_or_none()
    return dict(row) if row is not None else None


def search(store: Store, q: str, *, limit: int = 20) -> dict[str, list[dict[str, Any]]]:
    """Organisations whose name, articles whose title or text, and tie-ups whose
    evidence contain `q` (ignoring case; names also ignoring accents)."""
    e, a, t = schema.entities, schema.articles, schema.tieups
    key_pattern = _like(name_key(q))
    pattern = _like(q.casefold())
    orgs_query = (
        select(e.c.id, e.c.name, e.c.in_kb)
        .where(e.c.type == "org", e.c.key.like(key_pattern, escape="\\"))
        .order_by(e.c.in_kb.desc(), func.length(e.c.name), e.c.name)
        .limit(limit)
    )
    articles_query = (
        select(a.c.id, a.c.title, a.c.date, a.c.url, a.c.source)
        .where(
            or_(
                func.lower(a.c.title).like(pattern, escape="\\"),
                func.lower(a.c.body).like(pattern, escape="\\"),
            )
        )
        .order_by(a.c.date.desc().nulls_last(), a.c.id)
        .limit(limit)
    )
    tieups_query = (
        select(*_TIEUP_COLUMNS)
        .join(a, a.c.id == t.c.article_id)
        .where(func.lower(t.c.evidence).like(pattern, escape="\\"))
        .order_by(a.c.date.desc().nulls_last(), t.c.article_id, t.c.position)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        orgs = [dict(r) for r in conn.execute(orgs_query).mappings()]
        articles = [dict(r) for r in conn.execute(articles_query).mappings()]
        tieups = [dict(r) for r in conn.execute(tieups_query).mappings()]
    # The knowledge base knows aliases the stored names do not show.
    entity = store.resolve(q)
    if entity is not None and all(o["id"] != entity["id"] for o in orgs):
        orgs.insert(0, {"id": entity["id"], "name": entity["name"], "in_kb": True})
    return {"orgs": orgs, "articles": articles, "tieups": tieups}
