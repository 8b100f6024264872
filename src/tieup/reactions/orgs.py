"""Which organisations a reader comment names, by the knowledge base's names.

Every word n-gram of the comment (longest first, at most as long as the
longest KB name) is looked up among the KB's names and aliases, compared
without case or accents (`tieup.kb.loader.normalise`). To keep common words
out ("orange", "apple", "leader"), an n-gram must start with a capital letter
(or a character that has no case, as in 小米); a weak alias ("Arm", "Argo")
must match exactly, case included, and not open a sentence (as the linker
does for article bodies). No spaCy: a comment costs a few dict
look-ups per word.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from tieup.kb.loader import KnowledgeBase, normalise

log = logging.getLogger(__name__)

# Apostrophes split words, so "d'Apple", "l'Alliance" give the name alone.
_TOKEN = re.compile(r"\w+(?:[&.-]\w+)*\.?")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;\n]\s*|[«\"“(]\s*)$")


@dataclass(slots=True, frozen=True)
class _Index:
    forms: dict[str, str]  # normalised strong form -> entry id
    weak: dict[str, str]  # exact weak alias -> entry id
    longest: int  # words in the longest form


# id(kb) -> (kb, its index); the KB is kept so its id cannot be reused. A process
# loads one or two KBs, so this stays small.
_INDEXES: dict[int, tuple[KnowledgeBase, _Index]] = {}


def _index(kb: KnowledgeBase) -> _Index:
    cached = _INDEXES.get(id(kb))
    if cached is not None and cached[0] is kb:
        return cached[1]
    forms: dict[str, str] = {}
    weak: dict[str, str] = {}
    longest = 1
    for entry in kb:
        for form in entry.forms:
            key = normalise(form)
            if key:
                forms.setdefault(key, entry.id)
                longest = max(longest, len(key.split()))
        for form in entry.weak_aliases:
            weak.setdefault(form, entry.id)
    index = _Index(forms, weak, longest)
    _INDEXES[id(kb)] = (kb, index)
    log.debug("orgs: indexed %d names of %d organisations", len(forms), len(kb))
    return index


def _capitalised(word: str) -> bool:
    first = word[0]
    return first.isupper() or (first.isalpha() and not first.islower()) or first.isdigit()


def org_ids(text: str, kb: KnowledgeBase) -> list[str]:
    """KB ids of the organisations `text` names, in order of first mention."""
    index = _index(kb)
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        hit: tuple[str, int] | None = None
        if _capitalised(text[tokens[i][0]:tokens[i][1]]):
            for n in range(min(index.longest, len(tokens) - i), 0, -1):
                start, end = tokens[i][0], tokens[i + n - 1][1]
                surface = text[start:end]
                entity_id = index.forms.get(normalise(surface))
                if entity_id is None and not _SENTENCE_START.search(text[:start]):
                    entity_id = index.weak.get(surface.rstrip("."))
                if entity_id is not None:
                    hit = (entity_id, n)
                    break
        if hit is None:
            i += 1
            continue
        if hit[0] not in found:
            found.append(hit[0])
        i += hit[1]
    return found


def orgs(text: str, kb: KnowledgeBase) -> list[str]:
    """Canonical names of the organisations `text` names, in order of first mention."""
    names = []
    for entity_id in org_ids(text, kb):
        entry = kb.get(entity_id)
        names.append(entry.name if entry else entity_id)
    return names
