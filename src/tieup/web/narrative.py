"""Stories and pair timelines as the web shows them.

Plain store queries: a pair's timeline is every article stating it, oldest
first; the current status is the latest-dated one (ties: higher confidence),
the store's own rule.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from tieup.store import Store, schema
from tieup.web import queries

log = logging.getLogger(__name__)


def outlet(url: str | None, source: str | None = None) -> str:
    """The outlet an article comes from: its URL's host without ``www.``."""
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return "local file" if source else "unknown"


def timeline(
    store: Store, first: dict[str, Any], second: dict[str, Any]
) -> dict[str, Any] | None:
    """How one pair's status moved, oldest first; None when nothing links them."""
    rows = queries.pair_rows(store, first["id"], second["id"])
    if not rows:
        return None
    latest = max(rows, key=lambda r: (r["date"] or "", r["confidence"], r["article_id"]))
    return {
        "a": {"id": first["id"], "name": first["name"]},
        "b": {"id": second["id"], "name": second["name"]},
        "current": latest["status"],
        "corroboration": len({r["article_id"] for r in rows}),
        "entries": [
            {
                "date": r["date"],
                "status": r["status"],
                "kind": r["kind"],
                "evidence": r["evidence"],
                "confidence": r["confidence"],
                "article_id": r["article_id"],
                "source": r["url"] or r["source"],
                "title": r["title"],
            }
            for r in rows
        ],
    }


def _article_rows(store: Store) -> list[dict[str, Any]]:
    from sqlalchemy import select

    a = schema.articles
    query = select(a.c.id, a.c.title, a.c.date, a.c.url, a.c.source).order_by(
        a.c.date.desc().nulls_last(), a.c.id
    )
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _summary(story_id: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    dated = sorted((a["date"] for a in articles if a["date"]), reverse=True)
    outlets = sorted({outlet(a["url"], a["source"]) for a in articles})
    return {
        "id": story_id,
        "title": articles[0]["title"] if articles else None,
        "date": dated[0] if dated else None,
        "articles": len(articles),
        "outlets": outlets,
    }


def stories(store: Store) -> list[dict[str, Any]]:
    """Every story, latest first (here: one per article, no clustering)."""
    return [_summary(a["id"], [a]) for a in _article_rows(store)]


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    from tieup.web.api import tieup_items

    rows = [a for a in _article_rows(store) if a["id"] == story_id]
    if not rows:
        return None
    items = [
        {**a, "source": a["url"] or a["source"], "outlet": outlet(a["url"], a["source"])}
        for a in rows
    ]
    tieups = [r for r in store.tieups(limit=10_000) if r["article_id"] == story_id]
    return {**_summary(story_id, rows), "items": items, "tieups": tieup_items(store, tieups)}


def story_id_of_article(store: Store, article_id: str) -> str | None:
    return article_id


def reactions(store: Store, found: dict[str, Any]) -> dict[str, Any] | None:
    """Readers' reactions to a story, when `tieup.reactions` is installed."""
    return None
