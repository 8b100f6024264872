"""Stored rows as the stories stage reads them: one `Record` per article.

A record knows its outlet (the URL's host, else the file name it was read
from), its date as a range of days (a partial date such as ``2024-04`` covers
the whole month), the organisations and people it names, and the tie-ups it
states.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from tieup.store import Store

logger = logging.getLogger(__name__)

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(slots=True)
class Record:
    """One stored article, with the features grouping uses."""

    id: str
    url: str | None
    source: str
    outlet: str
    date: str | None
    title: str | None
    body: str
    lang: str | None = None
    entities: set[str] = field(default_factory=set)  # organisations and people named
    pairs: set[tuple[str, str]] = field(default_factory=set)  # (a_id, b_id), a_id <= b_id
    tieups: list[dict[str, Any]] = field(default_factory=list)  # the store's tie-up rows

    @property
    def where(self) -> str:
        """The URL, else the path it was read from."""
        return self.url or self.source

    @property
    def days(self) -> tuple[date, date] | None:
        return day_range(self.date)


def outlet_of(url: str | None, source: str) -> str:
    """Who published it: the URL's host without ``www.``, else the source's file name.

    A file name keeps its ``:line`` or ``#entry`` suffix: articles read from
    one JSONL file or feed are not assumed to come from one outlet.
    """
    for candidate in (url, source):
        if candidate and "://" in candidate:
            host = (urlsplit(candidate).hostname or "").lower()
            if host:
                return host.removeprefix("www.")
    name = PurePosixPath(source.replace("\\", "/")).name or source
    return name


def day_range(value: str | None) -> tuple[date, date] | None:
    """The days an ISO date (or a partial one: year, year-month) covers; None if unreadable."""
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None


def build_records(rows: dict[str, list[dict[str, Any]]]) -> list[Record]:
    """Records from `Store.story_rows()`, oldest first (undated last), then by id."""
    records = {
        r["id"]: Record(
            id=r["id"],
            url=r["url"],
            source=r["source"],
            outlet=outlet_of(r["url"], r["source"]),
            date=r["date"],
            title=r["title"],
            body=r["body"] or "",
            lang=r["lang"],
        )
        for r in rows["articles"]
    }
    for e in rows["entities"]:
        record = records.get(e["article_id"])
        if record is not None:
            record.entities.add(e["entity_id"])
    for t in rows["tieups"]:
        record = records.get(t["article_id"])
        if record is None:
            continue
        pair = (t["a_id"], t["b_id"]) if t["a_id"] <= t["b_id"] else (t["b_id"], t["a_id"])
        record.pairs.add(pair)
        record.entities.update(pair)
        record.tieups.append(t)
    return sorted(records.values(), key=record_order)


def record_order(record: Record) -> tuple[bool, str, str]:
    """Oldest first, undated last, then by id: which copy or article comes first."""
    return (record.date is None, record.date or "", record.id)


def load_records(store: Store, article_ids: list[str] | None = None) -> list[Record]:
    """The stored articles (all, or those ids) as records."""
    return build_records(store.story_rows(article_ids))
