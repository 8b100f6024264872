"""`Store`: open a database, save extractions, ask it questions."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from tieup.errors import KBError, StoreError, TieupError
from tieup.models import Extraction
from tieup.store import engine as engines
from tieup.store import queries, write
from tieup.store.absorb import Absorbed
from tieup.store.absorb import absorb as absorb_provisional
from tieup.store.migrations import migrate

if TYPE_CHECKING:
    from tieup.kb import KnowledgeBase

log = logging.getLogger(__name__)


class UnknownOrganisation(TieupError):
    """No stored organisation answers to that name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no organisation named {name!r} in the database")
        self.name = name


class Store:
    """A tieup database. Use `Store.open(url)`; close it (or use `with`) when done."""

    def __init__(
        self,
        engine: Engine,
        *,
        url: str,
        kb: KnowledgeBase | None = None,
        kb_paths: list[Path] | None = None,
    ) -> None:
        self.engine = engine
        self.url = url
        self._kb = kb
        self._kb_paths = kb_paths
        self._kb_tried = kb is not None

    @classmethod
    def open(
        cls,
        url: str | None = None,
        *,
        kb: KnowledgeBase | None = None,
        kb_paths: list[Path] | None = None,
    ) -> Store:
        """Open (creating and migrating if needed) the database at `url`.

        `url` defaults to $TIEUP_DB, then ``sqlite:///tieup.db``. Raises
        StoreError naming the URL (password masked) and what to check.
        """
        resolved = engines.resolve_url(url)
        engine = engines.create(resolved)
        try:
            applied = migrate(engine)
        except SQLAlchemyError as e:
            engine.dispose()
            reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            raise StoreError(
                f"cannot open database {engines.mask(resolved)}: {reason}; "
                f"{engines.advice(resolved)}"
            ) from e
        if applied:
            log.info("store: %s migrated to version %d", engines.mask(resolved), applied[-1])
        return cls(engine, url=resolved, kb=kb, kb_paths=kb_paths)

    @property
    def display_url(self) -> str:
        return engines.mask(self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------

    def save(
        self, extraction: Extraction, *, source: str, fetched_at: str | None = None
    ) -> bool:
        """Store one article's extraction in one transaction; True if rows changed.

        Saving the same extraction again is a no-op; the same article id with
        other content replaces that article's rows.
        """
        try:
            with engines.writer(self.engine).begin() as conn:
                return write.save(conn, extraction, source=source, fetched_at=fetched_at)
        except SQLAlchemyError as e:
            reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            raise StoreError(
                f"cannot write article {extraction.article.id!r} to "
                f"{self.display_url}: {reason}"
            ) from e

    def absorb(self, kb: KnowledgeBase | None = None) -> list[Absorbed]:
        """Move provisional organisations that `kb` (default: the store's KB) now knows.

        One transaction; see `tieup.store.absorb`.
        """
        kb = kb or self.kb
        if kb is None:
            return []
        try:
            with engines.writer(self.engine).begin() as conn:
                return absorb_provisional(conn, kb)
        except SQLAlchemyError as e:
            reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
            raise StoreError(f"cannot update {self.display_url}: {reason}") from e

    # -- reading ---------------------------------------------------------

    def article(self, article_id: str) -> Extraction | None:
        """The stored extraction of one article (see `write.canonical`), or None."""
        with self.engine.connect() as conn:
            return queries.read_article(conn, article_id)

    def resolve(self, name: str) -> dict[str, Any] | None:
        """The stored entity {id, name} an organisation name designates, or None.

        The knowledge base resolves any alias to its id first; otherwise the
        name must equal a stored entity's name, ignoring case and accents.
        """
        entry = self.kb.resolve(name) if self.kb is not None else None
        with self.engine.connect() as conn:
            return queries.find_entity(conn, name, kb_id=entry.id if entry else None)

    def partners(self, org: str) -> dict[str, Any]:
        """Partners of `org` grouped by status, each with its evidence and source.

        Raises UnknownOrganisation when nothing stored answers to `org`.
        """
        entity = self.resolve(org)
        if entity is None:
            raise UnknownOrganisation(org)
        with self.engine.connect() as conn:
            result = queries.partners(conn, entity)
        result["query"] = org
        return result

    def tieups(
        self,
        org: str | None = None,
        *,
        status: str | None = None,
        kind: str | None = None,
        since: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Tie-ups as each article states them, latest articles first."""
        entity_id = None
        if org is not None:
            entity = self.resolve(org)
            if entity is None:
                raise UnknownOrganisation(org)
            entity_id = entity["id"]
        with self.engine.connect() as conn:
            return queries.tieup_rows(
                conn,
                entity_id=entity_id,
                status=status,
                kind=kind,
                since=since,
                limit=limit,
                offset=offset,
            )

    def pairs(self, *, status: str | None = None) -> list[dict[str, Any]]:
        """Every pair with its current status and the article that gives it."""
        with self.engine.connect() as conn:
            return queries.pair_rows(conn, status=status)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return queries.counts(conn)

    def latest_roles(self, org: str) -> list[dict[str, Any]]:
        """Each person's latest known role at `org`, with the date it was stated.

        Raises UnknownOrganisation when nothing stored answers to `org`.
        """
        entity = self.resolve(org)
        if entity is None:
            raise UnknownOrganisation(org)
        with self.engine.connect() as conn:
            return queries.latest_roles(conn, entity["id"])

    def story_rows(
        self, article_ids: list[str] | None = None
    ) -> dict[str, list[dict[str, Any]]]:
        """What the stories stage reads (all articles, or those ids), in one snapshot:
        ``articles``, ``entities`` and ``tieups`` rows."""
        with self.engine.connect() as conn:
            return {
                "articles": queries.story_articles(conn, article_ids),
                "entities": queries.story_entities(conn, article_ids),
                "tieups": queries.story_tieups(conn, article_ids),
            }

    def fingerprint(self) -> str:
        """Changes whenever any article's stored rows change (see `write.content_hash`)."""
        with self.engine.connect() as conn:
            return queries.articles_fingerprint(conn)

    def pair_assertions(self, a_id: str, b_id: str) -> list[dict[str, Any]]:
        """What each article says about one pair of entity ids, oldest first."""
        with self.engine.connect() as conn:
            return queries.pair_assertions(conn, a_id, b_id)

    @property
    def kb(self) -> KnowledgeBase | None:
        """The knowledge base used to resolve names, loaded on first use."""
        if self._kb is None and not self._kb_tried:
            self._kb_tried = True
            try:
                from tieup.kb import load_kb

                self._kb = load_kb(self._kb_paths)
            except (ImportError, KBError) as e:
                log.warning("store: no knowledge base for name look-ups (%s)", e)
                return None
        return self._kb
