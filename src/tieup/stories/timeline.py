"""A pair's timeline: every dated assertion about it, oldest first, and where it stands now.

The current status is the latest *credible* one. Walking the assertions
oldest first, a newer one replaces the standing status unless it is less
confirmed: rumours (``rumored``) < ``talks`` < confirmed facts (``agreed``,
``active``, ``ended``). So a confirmed status outranks an older rumour, a
rumour (or talk) newer than a confirmed status does not override it, and
``ended`` after ``active`` ends it (a new ``agreed`` after ``ended`` revives
it). Assertions below `MIN_CREDIBLE` confidence are listed but never set the
status. Undated assertions count as older than every dated one (as in the
store's own pair status); on one day, the later stage of the progression
rumored → talks → agreed → active → ended comes last.

Duplicate and syndicated copies give one entry (the first copy's).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from tieup.models import Status, Timeline, TimelineEntry
from tieup.stories.duplicates import Copies, collapse
from tieup.stories.records import load_records

if TYPE_CHECKING:
    from tieup.store import Store

logger = logging.getLogger(__name__)

MIN_CREDIBLE = 0.2
CONFIRMATION = {
    Status.RUMORED.value: 0,
    Status.TALKS.value: 1,
    Status.AGREED.value: 2,
    Status.ACTIVE.value: 2,
    Status.ENDED.value: 2,
}
PROGRESSION = {s.value: i for i, s in enumerate(Status)}


def entry_order(entry: TimelineEntry) -> tuple[bool, str, int, str]:
    """Undated first, then by date, then by stage of the progression, then article id."""
    return (
        entry.date is not None,
        entry.date or "",
        PROGRESSION.get(entry.status, len(PROGRESSION)),
        entry.article_id,
    )


def current_entry(entries: Iterable[TimelineEntry]) -> TimelineEntry | None:
    """The entry that gives the pair's current status (see the module's docstring)."""
    standing: TimelineEntry | None = None
    for entry in sorted(entries, key=entry_order):
        if entry.confidence < MIN_CREDIBLE:
            continue
        rank = CONFIRMATION.get(entry.status, 0)
        if standing is None or rank >= CONFIRMATION.get(standing.status, 0):
            standing = entry
    return standing


def entries_of(groups: Iterable[Copies], pair: tuple[str, str]) -> list[TimelineEntry]:
    """The assertions about `pair` the first article of each group makes, oldest first."""
    entries = [
        _entry(group, row)
        for group in groups
        for row in group.first.tieups
        if (row["a_id"], row["b_id"]) == pair
    ]
    return sorted(entries, key=entry_order)


def _entry(group: Copies, row: dict[str, Any]) -> TimelineEntry:
    record = group.first
    return TimelineEntry(
        date=record.date,
        status=row["status"],
        kind=row["kind"],
        evidence=row["evidence"],
        confidence=float(row["confidence"]),
        article_id=record.id,
        source=record.where,
        outlet=record.outlet,
        title=record.title,
    )


def build_timeline(
    groups: Iterable[Copies], pair: tuple[str, str], names: tuple[str, str]
) -> Timeline:
    entries = entries_of(groups, pair)
    current = current_entry(entries)
    return Timeline(
        a=names[0],
        b=names[1],
        a_id=pair[0],
        b_id=pair[1],
        entries=entries,
        current=current.status if current else None,
        current_entry=current,
    )


def timeline(store: Store, a_name: str, b_name: str) -> Timeline:
    """The timeline of two organisations, named by any alias or id (as `Store.resolve`).

    Raises UnknownOrganisation when either name answers to nothing stored. A
    pair never reported together gives an empty timeline (current None).
    """
    from tieup.store import UnknownOrganisation

    ends = []
    for name in (a_name, b_name):
        entity = store.resolve(name)
        if entity is None:
            raise UnknownOrganisation(name)
        ends.append(entity)
    ends.sort(key=lambda e: e["id"])
    pair = (ends[0]["id"], ends[1]["id"])
    article_ids = sorted({r["article_id"] for r in store.pair_assertions(*pair)})
    groups = collapse(load_records(store, article_ids)) if article_ids else []
    return build_timeline(groups, pair, (ends[0]["name"], ends[1]["name"]))
