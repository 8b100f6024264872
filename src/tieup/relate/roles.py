"""People's roles: "Luca de Meo, PDG du groupe Renault", "Tesla CEO Elon Musk".

A sentence is rewritten with placeholders for the linked names (⟦P0⟧ for a
person, ⟦O1⟧ for an organisation); a few grammatical shapes, with the
lexicon's role words in the middle, then read off (person, role, org).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tieup.relate.lexicon import Lexicon

_DET = r"(?:(?:le|la|l'|les|the|its|his|her|son|sa|ses|leur|their|an?)\s*)?"
# kept in the role as written: "former CEO", "ancien PDG", "ex-patron"
_FORMER = r"(?:(?:former|ex-|ancien(?:ne)?)\s*)?"
_OF = r"(?:\s+(?:de\s+la|de|du|des|d'|chez|of|at|for|with|au\s+sein\s+de|à\s+la\s+tête\s+de)\s*)"
_GROUP = r"(?:(?:groupe|group|constructeur|géant|firme|société|company|fabricant|maker)\s+)?"
# words between the role and the company: "of US electric car startup Tesla"
_ADJ = r"(?:(?:[\w'-]+)\s+){0,4}?"
_AFTER_ORG = r"(?:\s*\([^()⟦⟧]{1,40}\))?"


@dataclass(frozen=True, slots=True)
class Slot:
    """A linked name in a sentence: a person or an organisation."""

    key: str  # "P3" or "O1"
    entity_id: str
    name: str
    start: int
    end: int


def tag(sentence: str, slots: list[Slot]) -> str:
    """The sentence with each slot replaced by its ⟦key⟧ placeholder."""
    out, pos = [], 0
    for slot in sorted(slots, key=lambda s: s.start):
        if slot.start < pos:
            continue
        out.append(sentence[pos : slot.start])
        out.append(f"⟦{slot.key}⟧")
        pos = slot.end
    out.append(sentence[pos:])
    return "".join(out).replace("’", "'")


def _patterns(lex: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    role = (
        r"(?P<role>" + _FORMER + lex.roles.pattern
        + r"(?:\s+(?:et|and)\s+" + lex.roles.pattern + ")?)"
    )
    p, o = r"⟦(?P<p>P\d+)⟧", r"⟦(?P<o>O\d+)⟧"
    flags = re.IGNORECASE
    return [
        # Luca de Meo, (le) PDG (du groupe) Renault / Tim Cook, dirigeant d'Apple
        (re.compile(p + r"\s*,\s*" + _DET + role + _OF + _DET + _GROUP + _ADJ + o, flags), "p-r-o"),
        # Mary Bara (présidente de General Motors)
        (re.compile(p + r"\s*\(\s*" + role + _OF + _DET + _GROUP + o, flags), "p-r-o"),
        # le PDG de Xiaomi, Lei Jun / the head of Foxconn Young Liu
        (re.compile(r"\b" + _DET + role + _OF + _DET + _GROUP + _ADJ + o + _AFTER_ORG
                    + r"\s*,?\s*" + p, flags), "r-o-p"),
        # Tesla CEO Elon Musk / Foxconn's chairman Young Liu
        (re.compile(o + r"(?:'s)?\s+" + role + r"\s*,?\s*" + p, flags), "o-r-p"),
        # Elon Musk, CEO of Tesla (English "p-r-o" is covered by the first shape)
        # Carlos Tavares, le président du directoire. / Chief Executive Officer RJ Scaringe
        # said: no company named, the article's main one is meant
        (re.compile(p + r"\s*,\s*" + _DET + role + r"\s*(?:[.,;]|$)", flags), "p-r"),
        (re.compile(r"(?:^|[.;:]\s+|\s)" + role + r"\s+" + p
                    + r"\s+(?:said|says|told|a déclaré|a dit|a indiqué|a expliqué)", flags), "r-p"),
    ]


_AFTER_PERSON = re.compile(r"⟦P\d+⟧\s*,\s*$")


def find_roles(tagged: str, lex: Lexicon) -> list[tuple[str, str, str | None]]:
    """(person key, role as written, org key) triples in a tagged sentence.

    The org key is None when the sentence names no company for the role
    ("Carlos Tavares, le président du directoire"): the caller decides.
    """
    found: list[tuple[str, str, str | None]] = []
    for pattern, shape in _patterns_cached(lex):
        for m in pattern.finditer(tagged):
            if shape == "r-o-p" and _AFTER_PERSON.search(tagged[: m.start()]):
                continue  # "Elon Musk, PDG de Tesla, Tim Cook": the role is Musk's
            role = " ".join(m.group("role").split())
            found.append((m.group("p"), role, m.groupdict().get("o")))
    return found


_CACHE: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _patterns_cached(lex: Lexicon) -> list[tuple[re.Pattern[str], str]]:
    if lex.lang not in _CACHE:
        _CACHE[lex.lang] = _patterns(lex)
    return _CACHE[lex.lang]
