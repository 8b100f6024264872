"""What happens to one article, stage by stage.

1. source  — a reader gives a `Document` (tieup.sources);
2. clean   — body paragraphs, title, comments and boilerplate apart; language
             (tieup.clean);
3. read    — the language's spaCy pipeline, KB names in its entity ruler
             (tieup.nlp);
4. link    — mentions to KB entities, provisional organisations, people
             (tieup.kb.linker);
5. relate  — tie-ups with status, kind, evidence and confidence; roles
             (tieup.relate);
6. store   — rows, idempotent per article (tieup.store, called by tieup.ingest).

`Pipeline.extract` runs steps 2–5 on one document; `extract_stream` runs them
over many with spaCy's `nlp.pipe`, in several processes when asked.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from tieup.clean import clean
from tieup.errors import InputError, UnsupportedLanguage
from tieup.kb.linker import Linker
from tieup.kb.loader import KnowledgeBase, load_kb
from tieup.models import Article, Document, Extraction
from tieup.nlp import prefilter
from tieup.nlp.registry import SUPPORTED_LANGUAGES, get_pipeline
from tieup.reactions import read_comments
from tieup.relate import get_lexicon, relate

log = logging.getLogger(__name__)


def compose(article: Article) -> tuple[str, int]:
    """The text the NLP reads: title then body, one paragraph a block.

    Returns the text and the number of sentences the title makes (at most 1
    block; the paragraph_boundaries component keeps it apart).
    """
    blocks = [p.strip() for p in article.paragraphs if p.strip()]
    if article.title and article.title.strip():
        return "\n\n".join([article.title.strip(), *blocks]), 1
    return "\n\n".join(blocks), 0


def article_id(document: Document) -> str:
    if document.id:
        return str(document.id)
    content = (document.text or document.html or "").encode("utf-8", "replace")
    return hashlib.sha1(document.origin.encode() + b"\0" + content).hexdigest()[:16]


class Pipeline:
    """Clean, read, link and relate articles with one KB and its spaCy pipelines."""

    def __init__(self, kb_paths: Iterable[Path | str] | None = None, *, fast: bool = True) -> None:
        self.kb: KnowledgeBase = load_kb(kb_paths)
        self._linkers: dict[str, Linker] = {}
        # fast: spaCy's costly components only on the sentences with a cue
        # (tieup.nlp.prefilter); fast=False runs them on the whole text.
        self.fast = fast

    def linker(self, lang: str) -> Linker:
        if lang not in self._linkers:
            lex = get_lexicon(lang)
            self._linkers[lang] = Linker(
                self.kb, nonparties=lex.nonparties, name_cues=lex.name_cues
            )
        return self._linkers[lang]

    def clean(self, document: Document) -> Article:
        article = clean(document)
        if article.lang not in SUPPORTED_LANGUAGES:
            raise UnsupportedLanguage(
                document.origin,
                f"language {article.lang!r} is not supported "
                f"(supported: {', '.join(SUPPORTED_LANGUAGES)})",
            )
        return article

    def extract(self, document: Document) -> Extraction:
        """Steps 2–5 on one document. Raises InputError for a document it cannot read."""
        article = self.clean(document)
        text, title_sents = compose(article)
        lang = article.lang or "fr"
        nlp = get_pipeline(lang, self.kb)
        if self.fast:
            doc = prefilter.fast_doc(nlp, text, lang=lang, title_sents=title_sents)
        else:
            doc = nlp(text)
        return self.from_doc(article, doc, title_sents)

    def from_doc(self, article: Article, doc: Doc, title_sents: int) -> Extraction:
        lang = article.lang or "fr"
        article.comments = read_comments(article.comments, lang=lang, kb=self.kb)
        linked = self.linker(lang).link(doc)
        tieups, roles = relate(
            doc, linked, kb=self.kb, lex=get_lexicon(lang), title_sents=title_sents
        )
        entities = sorted(linked.entities.values(), key=lambda e: (e.type, e.name))
        return Extraction(article=article, entities=entities, tieups=tieups, roles=roles)

    def extract_stream(
        self,
        documents: Iterable[Document | InputError],
        *,
        workers: int = 1,
        batch_size: int = 128,
    ) -> Iterator[Extraction | InputError]:
        """Extractions in input order, streaming; bad documents come out as InputError."""
        batch: list[Document | InputError] = []
        for document in documents:
            batch.append(document)
            if len(batch) >= batch_size:
                yield from self._batch(batch, workers=workers)
                batch = []
        if batch:
            yield from self._batch(batch, workers=workers)

    def _batch(
        self, batch: list[Document | InputError], *, workers: int
    ) -> Iterator[Extraction | InputError]:
        results: list[Extraction | InputError | None] = [None] * len(batch)
        by_lang: dict[str, list[tuple[int, Article, str, int]]] = {}
        for i, item in enumerate(batch):
            if isinstance(item, InputError):
                results[i] = item
                continue
            try:
                article = self.clean(item)
            except InputError as e:
                results[i] = e
                continue
            text, title_sents = compose(article)
            by_lang.setdefault(article.lang or "fr", []).append((i, article, text, title_sents))
        for lang, items in by_lang.items():
            nlp = get_pipeline(lang, self.kb)
            n_process = workers if workers > 1 and len(items) > workers else 1
            if self.fast:
                docs = prefilter.pipe(
                    nlp, ((text, ts) for _, _, text, ts in items),
                    lang=lang, n_process=n_process,
                )
            else:
                texts = (text for _, _, text, _ in items)
                docs = nlp.pipe(texts, n_process=n_process, batch_size=8)
            for (i, article, _, title_sents), doc in zip(items, docs, strict=True):
                results[i] = self.from_doc(article, doc, title_sents)
        for r in results:
            assert r is not None
            yield r
