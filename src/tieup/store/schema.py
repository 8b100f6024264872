"""The tables tieup keeps, as SQLAlchemy Core objects (SQLite and PostgreSQL alike).

One row in `articles` per article; every other table hangs off it by
`article_id` and is replaced as a whole when the article changes. `entities`
is shared by all articles: one row per KB id or provisional id.

Child rows are keyed by their position in the article, so a stored article
reads back in the order it was written and the same input always gives the
same rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

_CASCADE = {"ondelete": "CASCADE"}


def _article_fk() -> Column:
    return Column(
        "article_id", String, ForeignKey("articles.id", **_CASCADE), primary_key=True
    )


schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String, nullable=False),
    Column("applied_at", String, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String, primary_key=True),
    Column("url", String),
    Column("origin", String, nullable=False),  # Article.origin, as the cleaner gave it
    Column("source", String, nullable=False),  # what the ingest read: path, path:line, URL
    Column("title", Text),
    Column("date", String),  # ISO date, possibly partial ("2023-07")
    Column("date_source", String),
    Column("lang", String),
    Column("body", Text, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("boilerplate", JSON, nullable=False),
    Column("comments_announced", Integer),
    Column("content_hash", String(64), nullable=False),
    Column("fetched_at", String),
    Column("ingested_at", String, nullable=False),
)

comments = Table(
    "comments",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("n", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("author", String),
    Column("sentiment", String),
    Column("question", Boolean),
    Column("orgs", JSON, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("name", String, nullable=False),
    Column("key", String, nullable=False),  # case- and accent-folded name, for look-ups
    Column("type", String, nullable=False),
    Column("in_kb", Boolean, nullable=False),
    Column("parent", String),
)

article_entities = Table(
    "article_entities",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("entity_id", String, ForeignKey("entities.id"), nullable=False),
    # The entity as this article gave it (names and parents may differ per article).
    Column("name", String, nullable=False),
    Column("type", String, nullable=False),
    Column("in_kb", Boolean, nullable=False),
    Column("parent", String),
    Column("mentions", JSON, nullable=False),  # surface forms
)

tieups = Table(
    "tieups",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("a_id", String, ForeignKey("entities.id"), nullable=False),  # a_id <= b_id
    Column("b_id", String, ForeignKey("entities.id"), nullable=False),
    Column("a_name", String, nullable=False),
    Column("b_name", String, nullable=False),
    Column("status", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("evidence", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("statuses", JSON, nullable=False),
)

roles = Table(
    "roles",
    metadata,
    _article_fk(),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("person", String, nullable=False),
    Column("role", String, nullable=False),
    Column("org_id", String, ForeignKey("entities.id")),
    Column("org_name", String, nullable=False),
    Column("evidence", Text),
    Column("date", String),  # the article's date: when the role was reported
)

Index("ix_articles_date", articles.c.date)
Index("ix_articles_content_hash", articles.c.content_hash)
Index("ix_entities_key", entities.c.key)
Index("ix_article_entities_entity", article_entities.c.entity_id)
Index("ix_tieups_a", tieups.c.a_id)
Index("ix_tieups_b", tieups.c.b_id)
Index("ix_tieups_pair", tieups.c.a_id, tieups.c.b_id)
Index("ix_tieups_status", tieups.c.status)
Index("ix_roles_org", roles.c.org_id)
Index("ix_roles_person", roles.c.person)

# Children first: the order to delete an article's rows in.
ARTICLE_CHILDREN = (comments, article_entities, tieups, roles)
