"""RSS and Atom feeds: each entry becomes a Document.

An entry gives its title, link (`url`), published date and its content, or
its summary when that is all it has; entries are not fetched further. An
HTML page or any other XML handed over as a feed is reported, not guessed at.
"""

from __future__ import annotations

import calendar
import io
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import looks_binary

logger = logging.getLogger(__name__)

_PLAIN_TYPES = ("text/plain",)


def read_feed(
    data: bytes, *, origin: str, fetched_at: str | None = None
) -> Iterator[Document | InputError]:
    """Documents from the bytes of an RSS or Atom feed; `origin` names the feed."""
    if not data.strip():
        yield InputError(origin, "empty file")
        return
    if looks_binary(data):
        yield InputError(origin, "binary file (NUL or control bytes), not a feed")
        return
    # A stream, never bytes or str: feedparser would take those for a path or a URL.
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    if not parsed.version:
        head = data[:2048].lower()
        what = "an HTML page" if b"<html" in head or b"<!doctype html" in head else "no RSS or Atom"
        reason = f"not a feed ({what})"
        if parsed.get("bozo_exception") is not None and what != "an HTML page":
            reason += f": {parsed.bozo_exception}"
        yield InputError(origin, reason)
        return
    if parsed.bozo:
        logger.debug("%s: feed parsed leniently: %s", origin, parsed.get("bozo_exception"))
    if not parsed.entries:
        yield InputError(origin, "feed has no entries")
        return
    feed_lang = _lang(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _document(
            entry, origin=f"{origin}#{number}", feed_lang=feed_lang, fetched_at=fetched_at
        )


def _document(
    entry: Any, *, origin: str, feed_lang: str | None, fetched_at: str | None
) -> Document | InputError:
    detail = _body(entry)
    if detail is None:
        return InputError(origin, "entry has neither content nor summary")
    value, mime, lang = detail
    link = entry.get("link") or None
    is_plain = mime in _PLAIN_TYPES
    return Document(
        origin=origin,
        text=value if is_plain else None,
        html=None if is_plain else value,
        id=entry.get("id") or link or origin,
        url=link,
        date=_date(entry),
        lang=_lang(lang) or feed_lang,
        title=entry.get("title") or None,
        fetched_at=fetched_at,
    )


def _body(entry: Any) -> tuple[str, str, str | None] | None:
    """The entry's longest content, else its summary: (value, MIME type, language)."""
    candidates = [c for c in entry.get("content", []) if (c.get("value") or "").strip()]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        return best["value"], best.get("type", "text/html"), best.get("language")
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail", {})
        return summary, detail.get("type", "text/html"), detail.get("language")
    return None


def _date(entry: Any) -> str | None:
    """ISO 8601 in UTC when feedparser understood the date, else the raw text."""
    for key in ("published", "updated", "created"):
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed is not None:
            moment = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            return moment.isoformat().replace("+00:00", "Z")
        if entry.get(key):
            return str(entry[key])
    return None


def _lang(value: str | None) -> str | None:
    """`fr-FR` -> `fr`: the primary language subtag, lower-cased."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-")[0].lower()
    return primary or None
