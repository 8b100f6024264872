"""Stories, pair timelines, corroboration and readers' reactions, as the web shows them.

A thin adapter over `tieup.stories` (duplicates, clustering, corroboration,
timelines) and `tieup.reactions.summary`: it turns their dataclasses into
JSON-ready dicts and keeps the story list of the current database contents,
so that browsing does not cluster every article again on each request.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import func, select

from tieup import stories as stories_stage
from tieup.models import Story, Timeline, to_dict
from tieup.store import Store, schema
from tieup.web import queries

log = logging.getLogger(__name__)

Pair = tuple[str, str]

T = TypeVar("T")

_lock = threading.Lock()
# Per store and per kind of result: (database state, result).
_cache: weakref.WeakKeyDictionary[Store, dict[str, tuple[tuple[Any, ...], Any]]] = (
    weakref.WeakKeyDictionary()
)


def _version(store: Store) -> tuple[Any, ...]:
    """Changes whenever an article is added, or replaced in a later second than the
    latest ingest (ingest times have one-second resolution). Articles posted to
    this server also drop the cache at once (`forget`)."""
    a = schema.articles
    query = select(func.count(), func.max(a.c.ingested_at), func.max(a.c.id))
    with store.engine.connect() as conn:
        return tuple(conn.execute(query).one())


def _cached(store: Store, key: str, compute: Callable[[Store], T]) -> T:
    """`compute(store)`, reused until the database changes."""
    version = _version(store)
    with _lock:
        hit = _cache.get(store, {}).get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    result = compute(store)
    with _lock:
        _cache.setdefault(store, {})[key] = (version, result)
    log.debug("web: %s recomputed for %s", key, store.display_url)
    return result


def forget(store: Store) -> None:
    """Drop what is cached for `store` (after this process wrote to it)."""
    with _lock:
        _cache.pop(store, None)


def all_stories(store: Store) -> list[Story]:
    """Every story, the most recent first (rebuilt only when the store changed)."""
    return _cached(store, "stories", stories_stage.build_stories)


def summary(found: Story) -> dict[str, Any]:
    return {
        "id": found.id,
        "title": found.title,
        "date_start": found.date_start,
        "date_end": found.date_end,
        "articles": len(found.articles),
        "outlets": list(found.outlets),
        "tieups": len(found.tieups),
    }


def stories(store: Store) -> list[dict[str, Any]]:
    return [summary(s) for s in all_stories(store)]


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: its articles (each with its copies), outlets and tie-ups."""
    found = next((s for s in all_stories(store) if s.id == story_id), None)
    if found is None:
        return None
    detail = to_dict(found)
    detail["articles"] = [
        {**a, "sources": [dict(s) for s in a["sources"]]} for a in detail["articles"]
    ]
    return detail


def story_object(store: Store, story_id: str) -> Story | None:
    return next((s for s in all_stories(store) if s.id == story_id), None)


def story_id_of_article(store: Store, article_id: str) -> str | None:
    for found in all_stories(store):
        if any(src.article_id == article_id for a in found.articles for src in a.sources):
            return found.id
    return None


def timeline(store: Store, first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any] | None:
    """How one pair's status moved, oldest first; None when no article links them."""
    found: Timeline = stories_stage.timeline(store, first["id"], second["id"])
    if not found.entries:
        return None
    return {
        "a": {"id": found.a_id, "name": found.a},
        "b": {"id": found.b_id, "name": found.b},
        "current": found.current,
        "current_article_id": found.current_entry.article_id if found.current_entry else None,
        "corroboration": len({e.outlet for e in found.entries}),
        "entries": [to_dict(e) for e in found.entries],
    }


def corroboration(store: Store, pairs: Iterable[Pair]) -> dict[Pair, int]:
    """Independent outlets backing each pair (copies count once), from the
    stories stage's count over the whole store (recomputed when it changes)."""
    counts = _cached(store, "corroboration", stories_stage.corroboration)
    return {pair: counts[pair] for pair in {queries.pair_of(*p) for p in pairs} if pair in counts}


def reactions(store: Store, story_id: str) -> dict[str, Any] | None:
    """Readers' reactions to a story's articles (`tieup.reactions.summary`)."""
    from tieup.reactions.summary import for_story

    found = story_object(store, story_id)
    if found is None:
        return None
    return for_story(store, found)
