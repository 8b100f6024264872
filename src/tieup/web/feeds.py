"""Atom feeds of new or changed tie-ups, per organisation and per status.

One entry per tie-up statement (article + pair): its id is stable for that
article and pair, its `updated` is when the article was (re)ingested, so a
feed reader shows an entry again when a changed article is re-ingested.
The XML is built with ElementTree, which escapes every text it writes.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import Response

from tieup.models import Status
from tieup.web import queries, render
from tieup.web.api import plain
from tieup.web.errors import ApiError

log = logging.getLogger(__name__)

router = APIRouter(include_in_schema=False)

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
EPOCH = "1970-01-01T00:00:00Z"
ENTRIES = 50

ET.register_namespace("", ATOM)


def _rfc3339(stamp: str | None) -> str:
    """An ISO timestamp as Atom wants it (with a zone; UTC when none given)."""
    if not stamp:
        return EPOCH
    if "T" not in stamp:
        return f"{stamp}T00:00:00Z"
    if stamp.endswith("Z") or "+" in stamp[10:] or "-" in stamp[10:]:
        return stamp
    return stamp + "Z"


def entry_id(article_id: str, a_id: str, b_id: str) -> str:
    """Stable per article and pair."""
    parts = ":".join(quote(p, safe="") for p in (article_id, *queries.pair_of(a_id, b_id)))
    return f"urn:tieup:tieup:{parts}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def build(
    *, title: str, feed_id: str, self_url: str, page_url: str, base: str,
    rows: list[dict[str, Any]],
) -> bytes:
    """An Atom document of tie-up statements (`rows` from `queries.changes`)."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title)
    _sub(feed, "id", feed_id)
    _sub(feed, "updated", max((_rfc3339(r["ingested_at"]) for r in rows), default=EPOCH))
    _sub(feed, "link", rel="self", href=self_url, type=MEDIA_TYPE)
    _sub(feed, "link", rel="alternate", href=page_url, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "tieup")
    _sub(feed, "generator", "tieup")
    for r in rows:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(r["article_id"], r["a_id"], r["b_id"]))
        _sub(entry, "title", f"{r['a_name']} and {r['b_name']}: {r['status']} ({r['kind']})")
        _sub(entry, "updated", _rfc3339(r["ingested_at"]))
        if r["date"] and len(r["date"]) == 10:  # a full date; partial ones are left out
            _sub(entry, "published", _rfc3339(r["date"]))
        article_page = f"{base}articles/{render.segment(r['article_id'])}"
        _sub(entry, "link", rel="alternate", href=article_page, type="text/html")
        source = render.web_href(r["url"])
        if source:
            _sub(entry, "link", rel="via", href=source)
        _sub(entry, "category", term=r["status"])
        _sub(entry, "category", term=r["kind"])
        where = r["url"] or r["source"]
        dated = f", {r['date']}" if r["date"] else ""
        _sub(entry, "summary", f"“{r['evidence']}” ({where}{dated})", type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _feed_response(body: bytes) -> Response:
    return Response(body, media_type=MEDIA_TYPE)


@router.get("/feeds/orgs/{name:path}.atom")
def org_feed(request: Request, name: str) -> Response:
    store = request.app.state.store
    entity = store.resolve(plain(name, "name"))
    if entity is None:
        raise ApiError(404, f"no organisation named {name!r} in the database")
    base = str(request.base_url)
    rows = queries.changes(store, entity_id=entity["id"], limit=ENTRIES)
    return _feed_response(
        build(
            title=f"tieup: {entity['name']}'s tie-ups",
            feed_id=f"urn:tieup:org:{quote(entity['id'], safe='')}",
            self_url=str(request.url),
            page_url=f"{base}orgs/{render.segment(entity['id'])}",
            base=base,
            rows=rows,
        )
    )


@router.get("/feeds/status/{status}.atom")
def status_feed(request: Request, status: str) -> Response:
    if status not in {s.value for s in Status}:
        known = ", ".join(s.value for s in Status)
        raise ApiError(404, f"no status {status!r} (known: {known})")
    base = str(request.base_url)
    rows = queries.changes(request.app.state.store, status=status, limit=ENTRIES)
    return _feed_response(
        build(
            title=f"tieup: tie-ups reported as {status}",
            feed_id=f"urn:tieup:status:{status}",
            self_url=str(request.url),
            page_url=base,
            base=base,
            rows=rows,
        )
    )
