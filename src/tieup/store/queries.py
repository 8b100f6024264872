"""Reading the store: an article back, tie-ups, a pair's current status, counts.

A pair's status across several articles is the one of its latest-dated
article (ties: the higher confidence, then the later article id). Story-level
timelines belong to the stories stage, not here.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Connection, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from tieup.models import Article, Comment, Entity, Extraction, Kind, Role, Status, TieUp
from tieup.store import schema
from tieup.store.write import name_key

log = logging.getLogger(__name__)

STATUS_ORDER = tuple(s.value for s in Status)


def read_article(conn: Connection, article_id: str) -> Extraction | None:
    """The stored extraction of one article, as `canonical()` gave it."""
    row = conn.execute(
        select(schema.articles).where(schema.articles.c.id == article_id)
    ).mappings().one_or_none()
    if row is None:
        return None

    def children(table: Any) -> list[Any]:
        query = select(table).where(table.c.article_id == article_id).order_by(table.c.position)
        return list(conn.execute(query).mappings())

    article = Article(
        id=row["id"],
        origin=row["origin"],
        paragraphs=list(row["paragraphs"]),
        title=row["title"],
        url=row["url"],
        date=row["date"],
        date_source=row["date_source"],
        lang=row["lang"],
        comments=[
            Comment(
                n=c["n"],
                text=c["text"],
                author=c["author"],
                sentiment=c["sentiment"],
                question=c["question"],
                orgs=list(c["orgs"]),
            )
            for c in children(schema.comments)
        ],
        comments_announced=row["comments_announced"],
        boilerplate=list(row["boilerplate"]),
    )
    entities = [
        Entity(
            id=e["entity_id"],
            name=e["name"],
            type=e["type"],
            in_kb=e["in_kb"],
            parent=e["parent"],
            mentions=list(e["mentions"]),
        )
        for e in children(schema.article_entities)
    ]
    tieups = [
        TieUp(
            a=t["a_name"],
            b=t["b_name"],
            status=Status(t["status"]),
            kind=Kind(t["kind"]),
            evidence=t["evidence"],
            confidence=t["confidence"],
            a_id=t["a_id"],
            b_id=t["b_id"],
            statuses=list(t["statuses"]),
        )
        for t in children(schema.tieups)
    ]
    roles = [
        Role(
            person=r["person"],
            role=r["role"],
            org=r["org_name"],
            org_id=r["org_id"],
            evidence=r["evidence"],
        )
        for r in children(schema.roles)
    ]
    return Extraction(article=article, entities=entities, tieups=tieups, roles=roles)


def find_entity(conn: Connection, name: str, *, kb_id: str | None = None) -> dict[str, Any] | None:
    """The stored entity `name` designates: the KB id if stored, else an entity
    whose id is `name`, else one whose name equals it (ignoring case and accents)."""
    e = schema.entities
    for entity_id in (kb_id, name):
        if entity_id is None:
            continue
        row = conn.execute(select(e.c.id, e.c.name).where(e.c.id == entity_id)).mappings().first()
        if row is not None:
            return dict(row)
    row = conn.execute(
        select(e.c.id, e.c.name)
        .where(e.c.key == name_key(name))
        .order_by(e.c.in_kb.desc(), e.c.id)
    ).mappings().first()
    return dict(row) if row is not None else None


def _article_date_order() -> tuple[Any, ...]:
    a = schema.articles
    return (a.c.date.desc().nulls_last(), a.c.id.desc())


def tieup_rows(
    conn: Connection,
    *,
    entity_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Tie-ups as each article states them, latest articles first."""
    t, a = schema.tieups, schema.articles
    query = (
        select(
            t.c.article_id,
            t.c.a_id,
            t.c.b_id,
            t.c.a_name,
            t.c.b_name,
            t.c.status,
            t.c.kind,
            t.c.evidence,
            t.c.confidence,
            a.c.date,
            a.c.url,
            a.c.source,
            a.c.title,
        )
        .join(a, a.c.id == t.c.article_id)
        .order_by(*_article_date_order(), t.c.position)
        .limit(limit)
        .offset(offset)
    )
    query = _filter(query, entity_id=entity_id, kind=kind, since=since)
    if status is not None:
        query = query.where(t.c.status == status)
    return [dict(r) for r in conn.execute(query).mappings()]


def _filter(
    query: Select[Any], *, entity_id: str | None, kind: str | None = None, since: str | None = None
) -> Select[Any]:
    t, a = schema.tieups, schema.articles
    if entity_id is not None:
        query = query.where(or_(t.c.a_id == entity_id, t.c.b_id == entity_id))
    if kind is not None:
        query = query.where(t.c.kind == kind)
    if since is not None:
        query = query.where(a.c.date >= since)
    return query


def pair_rows(
    conn: Connection, *, entity_id: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """One row per pair: its current status and the article that gives it."""
    t, a = schema.tieups, schema.articles
    pair = (t.c.a_id, t.c.b_id)
    ranked = _filter(
        select(
            t.c.article_id,
            t.c.a_id,
            t.c.b_id,
            t.c.a_name,
            t.c.b_name,
            t.c.status,
            t.c.kind,
            t.c.evidence,
            t.c.confidence,
            a.c.date,
            a.c.url,
            a.c.source,
            a.c.title,
            func.row_number()
            .over(
                partition_by=pair,
                order_by=(
                    a.c.date.desc().nulls_last(),
                    t.c.confidence.desc(),
                    t.c.article_id.desc(),
                    t.c.position,
                ),
            )
            .label("rank"),
        ).join(a, a.c.id == t.c.article_id),
        entity_id=entity_id,
    ).subquery("ranked")
    counted = _filter(
        select(*pair, func.count(func.distinct(t.c.article_id)).label("articles"))
        .join(a, a.c.id == t.c.article_id)
        .group_by(*pair),
        entity_id=entity_id,
    ).subquery("counted")
    ea, eb = aliased(schema.entities), aliased(schema.entities)
    query = (
        select(
            ranked.c.a_id,
            ranked.c.b_id,
            func.coalesce(ea.c.name, ranked.c.a_name).label("a_name"),
            func.coalesce(eb.c.name, ranked.c.b_name).label("b_name"),
            ranked.c.status,
            ranked.c.kind,
            ranked.c.evidence,
            ranked.c.confidence,
            ranked.c.article_id,
            ranked.c.date,
            ranked.c.url,
            ranked.c.source,
            ranked.c.title,
            counted.c.articles,
        )
        .join(counted, and_(counted.c.a_id == ranked.c.a_id, counted.c.b_id == ranked.c.b_id))
        .outerjoin(ea, ea.c.id == ranked.c.a_id)
        .outerjoin(eb, eb.c.id == ranked.c.b_id)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.a_id, ranked.c.b_id)
    )
    if status is not None:
        query = query.where(ranked.c.status == status)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    rows.sort(key=lambda r: (STATUS_ORDER.index(r["status"]) if r["status"] in STATUS_ORDER
                             else len(STATUS_ORDER), r["a_name"].casefold(),
                             r["b_name"].casefold()))
    return rows


def partners(conn: Connection, entity: dict[str, Any]) -> dict[str, Any]:
    """The partners of one stored entity, grouped by the pair's current status."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in pair_rows(conn, entity_id=entity["id"]):
        mine_is_a = row["a_id"] == entity["id"]
        grouped.setdefault(row["status"], []).append(
            {
                "partner_id": row["b_id"] if mine_is_a else row["a_id"],
                "partner": row["b_name"] if mine_is_a else row["a_name"],
                "status": row["status"],
                "kind": row["kind"],
                "evidence": row["evidence"],
                "source": row["url"] or row["source"],
                "article_id": row["article_id"],
                "date": row["date"],
                "confidence": row["confidence"],
                "articles": row["articles"],
            }
        )
    return {
        "org": {"id": entity["id"], "name": entity["name"]},
        "partners": {s: grouped[s] for s in (*STATUS_ORDER, *sorted(grouped)) if s in grouped},
        "total": sum(len(v) for v in grouped.values()),
    }


def counts(conn: Connection) -> dict[str, int]:
    out = {
        name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for name, table in (
            ("articles", schema.articles),
            ("comments", schema.comments),
            ("entities", schema.entities),
            ("mentions", schema.article_entities),
            ("tieups", schema.tieups),
            ("roles", schema.roles),
        )
    }
    t = schema.tieups
    pairs = select(t.c.a_id, t.c.b_id).distinct().subquery()
    out["pairs"] = conn.execute(select(func.count()).select_from(pairs)).scalar_one()
    return out


# -- for the stories stage (tieup.stories) ---------------------------------


def story_articles(
    conn: Connection, article_ids: list[str] | None = None
) -> list[dict[str, Any]]:
    """Stored articles (all, or those ids) with what grouping needs: where, when, text."""
    a = schema.articles
    query = select(
        a.c.id, a.c.url, a.c.source, a.c.origin, a.c.title, a.c.date, a.c.lang, a.c.body
    ).order_by(a.c.date.asc().nulls_last(), a.c.id)
    if article_ids is not None:
        query = query.where(a.c.id.in_(sorted(set(article_ids))))
    return [dict(r) for r in conn.execute(query).mappings()]


def story_entities(
    conn: Connection, article_ids: list[str] | None = None
) -> list[dict[str, Any]]:
    """(article id, entity id, type, in_kb) for every entity an article names."""
    e = schema.article_entities
    query = select(e.c.article_id, e.c.entity_id, e.c.type, e.c.in_kb).order_by(
        e.c.article_id, e.c.position
    )
    if article_ids is not None:
        query = query.where(e.c.article_id.in_(sorted(set(article_ids))))
    return [dict(r) for r in conn.execute(query).mappings()]


def _tieup_assertions() -> Select[Any]:
    t, a = schema.tieups, schema.articles
    ea, eb = aliased(schema.entities), aliased(schema.entities)
    return (
        select(
            t.c.article_id,
            t.c.position,
            t.c.a_id,
            t.c.b_id,
            func.coalesce(ea.c.name, t.c.a_name).label("a_name"),
            func.coalesce(eb.c.name, t.c.b_name).label("b_name"),
            t.c.status,
            t.c.kind,
            t.c.evidence,
            t.c.confidence,
            a.c.date,
            a.c.url,
            a.c.source,
            a.c.title,
        )
        .join(a, a.c.id == t.c.article_id)
        .outerjoin(ea, ea.c.id == t.c.a_id)
        .outerjoin(eb, eb.c.id == t.c.b_id)
        .order_by(a.c.date.asc().nulls_first(), t.c.article_id, t.c.position)
    )


def story_tieups(
    conn: Connection, article_ids: list[str] | None = None
) -> list[dict[str, Any]]:
    """Stored tie-ups (all, or those articles') with their article's date and source."""
    query = _tieup_assertions()
    if article_ids is not None:
        query = query.where(schema.tieups.c.article_id.in_(sorted(set(article_ids))))
    return [dict(r) for r in conn.execute(query).mappings()]


def pair_assertions(conn: Connection, a_id: str, b_id: str) -> list[dict[str, Any]]:
    """What each article says about one pair (ids in either order), oldest first."""
    t = schema.tieups
    lo, hi = sorted((a_id, b_id))
    query = _tieup_assertions().where(t.c.a_id == lo, t.c.b_id == hi)
    return [dict(r) for r in conn.execute(query).mappings()]


def latest_roles(conn: Connection, org_id: str) -> list[dict[str, Any]]:
    """Each person's latest known role at one organisation, with the date it was stated.

    People are told apart by their name (case and accents ignored); undated
    statements count as older than dated ones; a later article id breaks ties.
    """
    r, a = schema.roles, schema.articles
    query = (
        select(r.c.person, r.c.role, r.c.date, r.c.evidence, r.c.article_id, a.c.url, a.c.source)
        .join(a, a.c.id == r.c.article_id)
        .where(r.c.org_id == org_id)
        .order_by(r.c.date.desc().nulls_last(), r.c.article_id.desc(), r.c.position)
    )
    latest: dict[str, dict[str, Any]] = {}
    for row in conn.execute(query).mappings():
        key = name_key(row["person"])
        if key not in latest:
            latest[key] = {
                "person": row["person"],
                "role": row["role"],
                "date": row["date"],
                "evidence": row["evidence"],
                "article_id": row["article_id"],
                "source": row["url"] or row["source"],
            }
    return sorted(latest.values(), key=lambda p: p["person"].casefold())


def articles_fingerprint(conn: Connection) -> str:
    """A hash of every article's id and content hash: equal fingerprints, equal rows."""
    import hashlib

    a = schema.articles
    digest = hashlib.sha256()
    for article_id, content in conn.execute(select(a.c.id, a.c.content_hash).order_by(a.c.id)):
        digest.update(f"{article_id}\x00{content}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
