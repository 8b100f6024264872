"""The fast path: costly components only on cue sentences, offsets and results unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from tieup.errors import InputError
from tieup.evaluate import read_jsonl, score
from tieup.models import Document
from tieup.nlp import prefilter
from tieup.nlp.registry import get_pipeline
from tieup.pipeline import Pipeline

DATA = Path(__file__).parent.parent / "data"

TEXT = (
    "Renault et Geely : le point\n\n"
    "Le constructeur a publié ses ventes du trimestre, en hausse de 4 % en Europe. "
    "Les usines de Douai tournent à plein régime depuis le printemps. "
    "Renault et Geely ont signé un accord pour produire ensemble des moteurs hybrides. "
    "Il fera beau demain sur toute la région.\n\n"
    "Selon la presse, Renault pourrait s'associer avec Xiaomi pour les logiciels."
)


@pytest.fixture(scope="module")
def nlp(pipeline: Pipeline) -> Language:
    return get_pipeline("fr", pipeline.kb)


def _sentences(nlp: Language, text: str, title_sents: int = 1) -> list[tuple[str, bool]]:
    doc = prefilter.cheap_doc(nlp, text)
    hot = {
        i for a, b in prefilter.hot_spans(doc, "fr", title_sents=title_sents)
        for i in range(a, b)
    }
    return [(s.text.strip(), s.start in hot) for s in doc.sents if s.text.strip()]


def test_prefilter_picks_cue_sentences_and_the_title(nlp: Language) -> None:
    chosen = _sentences(nlp, TEXT)
    assert chosen == [
        ("Renault et Geely : le point", True),  # the title
        ("Le constructeur a publié ses ventes du trimestre, en hausse de 4 % en Europe.", False),
        ("Les usines de Douai tournent à plein régime depuis le printemps.", False),
        ("Renault et Geely ont signé un accord pour produire ensemble des moteurs hybrides.",
         True),
        ("Il fera beau demain sur toute la région.", False),
        ("Selon la presse, Renault pourrait s'associer avec Xiaomi pour les logiciels.", True),
    ]


def test_prefilter_skips_a_cue_sentence_without_any_name(nlp: Language) -> None:
    text = "Titre\n\nIls ont signé un accord pour produire ensemble des moteurs."
    assert _sentences(nlp, text, title_sents=0) == [
        ("Titre", False),
        ("Ils ont signé un accord pour produire ensemble des moteurs.", False),
    ]


def test_fast_doc_keeps_the_whole_text_and_tags_only_hot_sentences(nlp: Language) -> None:
    doc = prefilter.fast_doc(nlp, TEXT, lang="fr", title_sents=1)
    slow = nlp(TEXT)
    assert doc.text == TEXT
    assert [t.text for t in doc] == [t.text for t in slow]
    assert [s.start for s in doc.sents] == [s.start for s in slow.sents]
    sents = {s.text.strip(): s for s in doc.sents}
    slow_sents = {s.text.strip(): s for s in slow.sents}
    signed = "Renault et Geely ont signé un accord pour produire ensemble des moteurs hybrides."
    rumour = "Selon la presse, Renault pourrait s'associer avec Xiaomi pour les logiciels."
    cold = "Les usines de Douai tournent à plein régime depuis le printemps."
    # hot: tagged as by the whole pipeline, conditional mood included
    assert [t.pos_ for t in sents[signed]] == [t.pos_ for t in slow_sents[signed]]
    assert [t.text for t in sents[rumour] if "Cnd" in t.morph.get("Mood")] == ["pourrait"]
    # cold: no tags, but the KB ruler's names are there
    assert all(t.pos_ == "" for t in sents[cold])
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Xiaomi", "ORG", "xiaomi") in ents
    for e in doc.ents:
        assert TEXT[e.start_char : e.end_char] == e.text


def test_fast_and_slow_paths_extract_the_same_tieups(pipeline: Pipeline) -> None:
    slow = Pipeline(fast=False)
    document = Document(origin="t", id="t", text=TEXT, lang="fr")
    fast_x, slow_x = pipeline.extract(document), slow.extract(document)
    assert pipeline.fast and not slow.fast
    assert fast_x.to_contract() == slow_x.to_contract()
    found = {(frozenset((t.a, t.b)), str(t.status)) for t in fast_x.tieups}
    assert (frozenset(("Renault Group", "Geely")), "agreed") in found
    assert (frozenset(("Renault Group", "Xiaomi")), "rumored") in found


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dev-fr.jsonl", "dev-en.jsonl"])
def test_fast_path_pair_f1_within_001_of_the_slow_path(
    name: str, gold_predictions: Callable[[str], list[dict[str, Any]]]
) -> None:
    records = read_jsonl(DATA / name)
    fast_preds = {r["id"]: r for r in gold_predictions(name)}
    docs = [Document(origin=f"{name}:{i}", id=r["id"], text=r["text"], lang=r.get("lang"))
            for i, r in enumerate(records, 1)]
    slow_preds = {x.article.id: x.to_contract() for x in Pipeline(fast=False).extract_stream(docs)
                  if not isinstance(x, InputError)}
    fast, _ = score(records, fast_preds)
    slow, _ = score(records, slow_preds)
    assert slow["pair_f1"] > 0.5  # the comparison means something
    assert abs(fast["pair_f1"] - slow["pair_f1"]) <= 0.01


def test_cue_gate_literal_is_what_every_match_contains() -> None:
    import re

    parsed = prefilter._sre_parser.parse(r"\b(ont|a) signé\b", re.IGNORECASE)
    assert prefilter._required(parsed) == {" signé"}
    either = prefilter._sre_parser.parse(r"(accord|alliance)s? (avec|entre)", re.IGNORECASE)
    gate = prefilter._required(either)
    assert gate  # the parser may factor out the common "a": {"ccord", "lliance"}
    for word in ("accords avec", "alliance entre"):
        assert any(literal in word for literal in gate)
    assert not any(literal in "partenariat avec" for literal in gate)
    assert prefilter._required(prefilter._sre_parser.parse(r"\w+ing", 0)) == {"ing"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_cue_gate_never_hides_a_match_in_the_dev_set(lang: str) -> None:
    texts = [r["text"] for r in read_jsonl(DATA / f"dev-{lang}.jsonl")]
    checked = 0
    for pattern, gate in prefilter.gated_patterns(lang):
        for text in texts:
            for m in pattern.finditer(text.replace("’", "'")):
                checked += 1
                assert not gate or any(g in m.group(0).lower() for g in gate), pattern.pattern
    assert checked > 50
