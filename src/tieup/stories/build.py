"""Stories from the stored rows: collapse copies, cluster, and tell each story's tie-ups.

Stories are computed on read from what the store holds (nothing is written
back), so `tieup ingest` stays idempotent and a story always reflects the
current rows. A story's id is derived from its first article's id (oldest,
then lowest id), so it stays put while later coverage joins the story.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tieup.models import Story, StoryArticle, StorySource, StoryTieUp
from tieup.stories.cluster import cluster
from tieup.stories.corroboration import support
from tieup.stories.duplicates import Copies, collapse
from tieup.stories.records import Record, load_records, record_order
from tieup.stories.timeline import current_entry as latest_credible
from tieup.stories.timeline import entries_of

if TYPE_CHECKING:
    from tieup.store import Store

logger = logging.getLogger(__name__)

TITLE_CHARS = 100  # a story without any title is named by the start of its first article


def story_id(first_article_id: str) -> str:
    return "s-" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:12]


def stories_from_records(records: list[Record]) -> list[Story]:
    """Stories from records; the most recent story first."""
    groups = collapse(records)
    stories = [make_story([groups[i] for i in members]) for members in cluster(groups)]
    stories.sort(key=lambda s: (s.date_end or "", s.date_start or "", s.id), reverse=True)
    logger.info("stories: %d articles, %d stories", len(records), len(stories))
    return stories


def make_story(groups: Sequence[Copies]) -> Story:
    groups = sorted(groups, key=lambda g: record_order(g.first))
    first = groups[0].first
    dates = sorted(g.first.date for g in groups if g.first.date)
    title = next((g.first.title for g in groups if g.first.title), None)
    if title is None:
        title = first.body[:TITLE_CHARS].strip() or None
    return Story(
        id=story_id(first.id),
        title=title,
        date_start=dates[0] if dates else None,
        date_end=dates[-1] if dates else None,
        articles=[_article(g) for g in groups],
        outlets=sorted({g.first.outlet for g in groups}),
        tieups=_tieups(groups),
    )


def _article(group: Copies) -> StoryArticle:
    record = group.first
    return StoryArticle(
        id=record.id,
        source=record.where,
        outlet=record.outlet,
        date=record.date,
        title=record.title,
        sources=[StorySource(r.id, r.where, r.outlet) for r in group.records],
    )


def _tieups(groups: Sequence[Copies]) -> list[StoryTieUp]:
    result = []
    for pair, backing in support(groups).items():
        entries = entries_of(groups, pair)
        best = latest_credible(entries) or entries[-1]
        result.append(
            StoryTieUp(
                a=backing.names[0],
                b=backing.names[1],
                a_id=pair[0],
                b_id=pair[1],
                status=best.status,
                kind=best.kind,
                corroboration=backing.count,
                confidence=round(backing.confidence, 3),
                evidence=best.evidence,
                sources=sorted({e.source for e in entries}),
                outlets=sorted(backing.outlets),
                statuses={s: len(o) for s, o in sorted(backing.statuses.items())},
            )
        )
    result.sort(key=lambda t: (-t.corroboration, -t.confidence, t.a_id, t.b_id))
    return result


_CACHE: OrderedDict[tuple[str, str], list[Story]] = OrderedDict()
CACHE_SIZE = 4  # stores whose stories are kept between calls
_LOCK = threading.Lock()


def build_stories(store: Store) -> list[Story]:
    """Every story in the store, the most recent first.

    Stories are recomputed only when the stored articles changed since the
    last call (the store's fingerprint covers every article's content hash);
    each call returns its own copy.
    """
    key = (store.url, store.fingerprint())
    with _LOCK:
        cached = _CACHE.get(key)
    if cached is None:
        cached = stories_from_records(load_records(store))
    with _LOCK:
        _CACHE[key] = cached
        _CACHE.move_to_end(key)
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return copy.deepcopy(cached)


def story(store: Store, story_id: str) -> Story | None:
    """The story with that id, or None."""
    return next((s for s in build_stories(store) if s.id == story_id), None)


def story_of_article(store: Store, article_id: str) -> Story | None:
    """The story an article (or any of its duplicate copies) belongs to, or None."""
    for found in build_stories(store):
        if any(source.article_id == article_id for a in found.articles for source in a.sources):
            return found
    return None
