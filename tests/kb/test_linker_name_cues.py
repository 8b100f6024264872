"""The linker's name rules on hand-set entities (no statistical model involved)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from tieup.kb.linker import Linker
from tieup.kb.loader import load_kb
from tieup.relate.lexicon import get_lexicon


@pytest.fixture(scope="module")
def linker() -> Linker:
    lex = get_lexicon("en")
    return Linker(load_kb(), nonparties=lex.nonparties, name_cues=lex.name_cues)


def doc_with(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A blank English doc whose entities are the given (surface, label) pairs, in order."""
    doc = spacy.blank("en")(text)
    spans, pos = [], 0
    for surface, label in ents:
        start = text.index(surface, pos)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
        pos = start + len(surface)
    doc.ents = spans
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = False
    for token in doc:  # a tagger would call capitalised words proper nouns
        token.pos_ = "PROPN" if token.text[:1].isupper() else "X"
    return doc


def orgs(linker: Linker, doc: Doc) -> list[str]:
    return [e.name for e in linker.link(doc).entities.values() if e.type == "org"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        pytest.param("Hipcricket to Augme Technologies works with Ford.",
                     [("Hipcricket to Augme Technologies", "ORG"), ("Ford", "ORG")], ["Ford"],
                     id="connector-inside"),
        pytest.param("FX's Legion met Ford.", [("FX's Legion", "ORG"), ("Ford", "ORG")],
                     ["Ford"], id="possessive-inside"),
        pytest.param("Acme Robotics's deal with Ford.",
                     [("Acme Robotics's", "ORG"), ("Ford", "ORG")], ["Acme Robotics", "Ford"],
                     id="trailing-possessive-stripped"),
        pytest.param("Ford works with Android devices.", [("Ford", "ORG"), ("Android", "ORG")],
                     ["Ford"], id="platform-not-party"),
        pytest.param("Ford met Claure. Claure said it went well.",
                     [("Ford", "ORG"), ("Claure", "ORG"), ("Claure", "ORG")], ["Ford"],
                     id="one-word-name-that-speaks"),
        pytest.param("Sorrel Motors met Ivenko Cells.",
                     [("Sorrel Motors", "ORG"), ("Ivenko Cells", "PERSON")],
                     ["Sorrel Motors", "Ivenko Cells"], id="company-word-beats-person-label"),
        pytest.param("Ford met Brivo Autos in Lyon.", [("Ford", "ORG")], ["Ford", "Brivo Autos"],
                     id="company-word-untagged"),
        pytest.param("Ford came to the Beijing Motor Show.", [("Ford", "ORG")], ["Ford"],
                     id="company-word-inside-a-longer-name"),
        pytest.param("Ford met the Ministry of Industry and Information Technology.",
                     [("Ford", "ORG")], ["Ford"], id="company-word-after-and"),
        pytest.param("Ford works with Zyntra Mobility.",
                     [("Ford", "ORG"), ("Zyntra Mobility", "ORG")], ["Ford", "Zyntra Mobility"],
                     id="unknown-company-kept"),
    ],
)
def test_linker_name_cues(
    linker: Linker, text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert sorted(orgs(linker, doc_with(text, ents))) == sorted(expected)
