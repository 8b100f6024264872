"""Writing one extraction: canonical form, content hash, and the rows.

Idempotent by construction: an article is keyed by its id and fingerprinted by
the hash of everything stored about it. The same id with the same hash is a
no-op; the same id with another hash replaces all of that article's rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import unicodedata
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, exists, select
from sqlalchemy.dialects import postgresql, sqlite

from tieup.models import Entity, Extraction, TieUp, to_dict
from tieup.store import schema

log = logging.getLogger(__name__)


def name_key(name: str) -> str:
    """Case-folded, accent-free, whitespace-collapsed: how names are looked up."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(s.split())


def provisional_id(name: str) -> str:
    return "new:" + name_key(name)


def _clean(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL characters: drop them everywhere, on every backend."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _clean(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def canonical(extraction: Extraction) -> Extraction:
    """The extraction as the store keeps it, which is what `Store.article` reads back.

    NUL characters are dropped; every tie-up gets both party ids (the linked
    entity of that name, else a provisional ``new:`` id) and is ordered so that
    ``a_id <= b_id``.
    """
    extraction = _clean(extraction)
    by_name = {e.name: e.id for e in extraction.entities}
    tieups = []
    for tieup in extraction.tieups:
        a_id = tieup.a_id or by_name.get(tieup.a) or provisional_id(tieup.a)
        b_id = tieup.b_id or by_name.get(tieup.b) or provisional_id(tieup.b)
        if b_id < a_id:
            tieup = dataclasses.replace(tieup, a=tieup.b, b=tieup.a)
            a_id, b_id = b_id, a_id
        tieups.append(dataclasses.replace(tieup, a_id=a_id, b_id=b_id))
    return dataclasses.replace(extraction, tieups=tieups)


def content_hash(extraction: Extraction, *, source: str) -> str:
    """SHA-256 of everything stored about the article (not of when it was stored)."""
    payload = {"source": source, "extraction": to_dict(extraction)}
    raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _upsert_entities(conn: Connection, rows: dict[str, dict[str, Any]]) -> None:
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(schema.entities)
    stmt = stmt.on_conflict_do_update(
        index_elements=[schema.entities.c.id],
        set_={c: stmt.excluded[c] for c in ("name", "key", "type", "in_kb", "parent")},
    )
    conn.execute(stmt, [rows[k] for k in sorted(rows)])


def _entity_rows(extraction: Extraction) -> dict[str, dict[str, Any]]:
    """One `entities` row per id the article refers to; linked entities win."""
    rows: dict[str, dict[str, Any]] = {}

    def add(entity: Entity) -> None:
        rows[entity.id] = {
            "id": entity.id,
            "name": entity.name,
            "key": name_key(entity.name),
            "type": entity.type,
            "in_kb": entity.in_kb,
            "parent": entity.parent,
        }

    for tieup in extraction.tieups:
        for entity_id, name in ((tieup.a_id, tieup.a), (tieup.b_id, tieup.b)):
            assert entity_id is not None  # canonical() filled it
            add(Entity(id=entity_id, name=name))
    for role in extraction.roles:
        if role.org_id and role.org_id not in rows:
            add(Entity(id=role.org_id, name=role.org))
    for entity in extraction.entities:
        add(entity)
    return rows


def _tieup_row(article_id: str, position: int, tieup: TieUp) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "position": position,
        "a_id": tieup.a_id,
        "b_id": tieup.b_id,
        "a_name": tieup.a,
        "b_name": tieup.b,
        "status": str(tieup.status),
        "kind": str(tieup.kind),
        "evidence": tieup.evidence,
        "confidence": float(tieup.confidence),
        "statuses": [str(s) for s in tieup.statuses],
    }


def save(
    conn: Connection, extraction: Extraction, *, source: str, fetched_at: str | None = None
) -> bool:
    """Write one extraction inside the caller's transaction. True when rows changed."""
    extraction = canonical(extraction)
    source = _clean(source)
    article = extraction.article
    digest = content_hash(extraction, source=source)
    old = conn.execute(
        select(schema.articles.c.content_hash).where(schema.articles.c.id == article.id)
    ).scalar_one_or_none()
    if old == digest:
        log.debug("store: %s unchanged", article.id)
        return False
    orphans: set[str] = set()
    if old is not None:
        log.info("store: %s changed, replacing its rows", article.id)
        orphans = _referenced(conn, article.id)
        for table in schema.ARTICLE_CHILDREN:
            conn.execute(delete(table).where(table.c.article_id == article.id))
        conn.execute(delete(schema.articles).where(schema.articles.c.id == article.id))

    conn.execute(
        schema.articles.insert().values(
            id=article.id,
            url=article.url,
            origin=article.origin,
            source=source,
            title=article.title,
            date=article.date,
            date_source=article.date_source,
            lang=article.lang,
            body=article.body,
            paragraphs=list(article.paragraphs),
            boilerplate=list(article.boilerplate),
            comments_announced=article.comments_announced,
            content_hash=digest,
            fetched_at=fetched_at,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    _upsert_entities(conn, _entity_rows(extraction))
    inserts: list[tuple[Any, list[dict[str, Any]]]] = [
        (
            schema.comments,
            [
                {
                    "article_id": article.id,
                    "position": i,
                    "n": c.n,
                    "text": c.text,
                    "author": c.author,
                    "sentiment": c.sentiment,
                    "question": c.question,
                    "orgs": list(c.orgs),
                }
                for i, c in enumerate(article.comments)
            ],
        ),
        (
            schema.article_entities,
            [
                {
                    "article_id": article.id,
                    "position": i,
                    "entity_id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "in_kb": e.in_kb,
                    "parent": e.parent,
                    "mentions": list(e.mentions),
                }
                for i, e in enumerate(extraction.entities)
            ],
        ),
        (
            schema.tieups,
            [_tieup_row(article.id, i, t) for i, t in enumerate(extraction.tieups)],
        ),
        (
            schema.roles,
            [
                {
                    "article_id": article.id,
                    "position": i,
                    "person": r.person,
                    "role": r.role,
                    "org_id": r.org_id,
                    "org_name": r.org,
                    "evidence": r.evidence,
                    "date": article.date,
                }
                for i, r in enumerate(extraction.roles)
            ],
        ),
    ]
    for table, rows in inserts:
        if rows:
            conn.execute(table.insert(), rows)
    if orphans:
        _delete_unreferenced(conn, orphans)
    return True


def _references() -> list[Any]:
    return [
        schema.article_entities.c.entity_id,
        schema.tieups.c.a_id,
        schema.tieups.c.b_id,
        schema.roles.c.org_id,
    ]


def _referenced(conn: Connection, article_id: str) -> set[str]:
    """The entity ids an article's rows refer to."""
    ids: set[str] = set()
    for column in _references():
        query = select(column).where(column.table.c.article_id == article_id)
        ids.update(v for v in conn.execute(query).scalars() if v is not None)
    return ids


def _delete_unreferenced(conn: Connection, candidates: set[str]) -> None:
    """Drop the entities among `candidates` that no article refers to any more."""
    e = schema.entities
    still_used = [exists().where(column == e.c.id) for column in _references()]
    conn.execute(
        delete(e).where(e.c.id.in_(sorted(candidates)), *(~used for used in still_used))
    )
