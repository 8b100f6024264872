"""Provisional organisations absorbed by the knowledge base once it knows them.

An organisation the KB did not know when its article was stored got a
provisional id (``new:...``). When a later KB (a user's file, a newer
built-in one) resolves its name, every row that refers to it is moved to the
KB entry: tie-ups (kept ordered, a pair that becomes a self-pair or a
duplicate in the same article dropped), roles and article entities. All in
one transaction, so an interrupted absorb changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, and_, delete, or_, select, update

from tieup.kb.loader import KnowledgeBase
from tieup.store import schema
from tieup.store.write import name_key

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Absorbed:
    """One provisional entity moved to a KB entry."""

    old_id: str
    name: str
    kb_id: str
    kb_name: str


def absorb(conn: Connection, kb: KnowledgeBase) -> list[Absorbed]:
    """Move provisional organisations whose names `kb` now resolves; returns what moved."""
    e = schema.entities
    provisional = conn.execute(
        select(e.c.id, e.c.name).where(
            and_(e.c.type == "org", e.c.in_kb.is_(False), e.c.id.like("new:%"))
        )
    ).all()
    moved: list[Absorbed] = []
    for old_id, name in provisional:
        entry = kb.resolve(name)
        if entry is None:
            continue
        _ensure_entity(conn, entry.id, entry.name, entry.parent)
        _move_tieups(conn, old_id, entry.id, entry.name)
        conn.execute(
            update(schema.roles)
            .where(schema.roles.c.org_id == old_id)
            .values(org_id=entry.id, org_name=entry.name)
        )
        conn.execute(
            update(schema.article_entities)
            .where(schema.article_entities.c.entity_id == old_id)
            .values(entity_id=entry.id, name=entry.name, in_kb=True, parent=entry.parent)
        )
        conn.execute(delete(e).where(e.c.id == old_id))
        moved.append(Absorbed(old_id, name, entry.id, entry.name))
        log.info("store: %r (%s) absorbed by KB entry %s", name, old_id, entry.id)
    return moved


def _ensure_entity(conn: Connection, entity_id: str, name: str, parent: str | None) -> None:
    e = schema.entities
    if conn.execute(select(e.c.id).where(e.c.id == entity_id)).first() is None:
        conn.execute(
            e.insert().values(
                id=entity_id, name=name, key=name_key(name), type="org", in_kb=True,
                parent=parent,
            )
        )


def _move_tieups(conn: Connection, old_id: str, new_id: str, new_name: str) -> None:
    t = schema.tieups
    rows = conn.execute(
        select(t).where(or_(t.c.a_id == old_id, t.c.b_id == old_id))
    ).mappings().all()
    for row in rows:
        a = (new_id, new_name) if row["a_id"] == old_id else (row["a_id"], row["a_name"])
        b = (new_id, new_name) if row["b_id"] == old_id else (row["b_id"], row["b_name"])
        key = (t.c.article_id == row["article_id"]) & (t.c.position == row["position"])
        if a[0] == b[0]:
            conn.execute(delete(t).where(key))
            continue
        if b[0] < a[0]:
            a, b = b, a
        twin = conn.execute(
            select(t.c.position, t.c.confidence).where(
                (t.c.article_id == row["article_id"])
                & (t.c.a_id == a[0])
                & (t.c.b_id == b[0])
                & (t.c.position != row["position"])
            )
        ).first()
        if twin is not None and twin.confidence >= row["confidence"]:
            conn.execute(delete(t).where(key))
            continue
        if twin is not None:
            conn.execute(
                delete(t).where(
                    (t.c.article_id == row["article_id"]) & (t.c.position == twin.position)
                )
            )
        conn.execute(
            update(t).where(key).values(a_id=a[0], a_name=a[1], b_id=b[0], b_name=b[1])
        )
