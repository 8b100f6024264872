"""Link a parsed article's names to knowledge-base entities.

Known organisations arrive already tagged by the KB entity ruler with their
id. Everything else the statistical NER calls an organisation is looked up by
alias, then by spelling variant (rapidfuzz), and otherwise kept as a
provisional entity ``new:<name>`` that a later KB entry can absorb. People get
one entity per full name; short forms inside the article ("de Meo",
"M. Tavares") join the full name they end.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span

from tieup.kb.loader import KnowledgeBase, core, normalise
from tieup.models import Entity, Mention

log = logging.getLogger(__name__)

WEAK = "#weak"
ORG_LABELS = {"ORG"}
PERSON_LABELS = {"PER", "PERSON"}
# Labels the statistical models sometimes give to companies (Dongfeng as LOC,
# Qualcomm as MISC): linked only when the name is in the KB.
OTHER_LABELS = {"MISC", "LOC", "GPE", "PRODUCT", "NORP", "FAC", "WORK_OF_ART"}
_TITLES = re.compile(r"^(M\.|Mr\.?|Mme|Mrs\.?|Ms\.?|Dr\.?|MM\.)\s+")
_NAME_SHAPE = re.compile(r"^[A-ZÀ-ÖØ-Þ0-9]")


@dataclass(slots=True)
class Linked:
    """The entities of one article and where each is mentioned."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)

    def add(self, entity: Entity, mention: Mention) -> None:
        known = self.entities.setdefault(entity.id, entity)
        if mention.text not in known.mentions:
            known.mentions.append(mention.text)
        self.mentions.append(mention)


class Linker:
    """Maps spaCy entities to KB ids (plus provisional organisations and people)."""

    def __init__(self, kb: KnowledgeBase, *, nonparties: frozenset[str] = frozenset()) -> None:
        self.kb = kb
        self.nonparties = frozenset(normalise(n) for n in nonparties)
        self._choices = {
            entry.id + "|" + form: normalise(form)
            for entry in kb
            for form in entry.forms
            if len(normalise(form)) >= 5
        }

    # -- organisations ---------------------------------------------------------
    def org_id(self, name: str, *, fuzzy: bool = True) -> str | None:
        """KB id for a name: exact alias, then spelling variant."""
        entry = self.kb.resolve(name)
        if entry:
            return entry.id
        key = normalise(name)
        if fuzzy and len(key) >= 5:
            hit = process.extractOne(key, self._choices, scorer=fuzz.ratio, score_cutoff=92)
            if hit:
                return hit[2].split("|", 1)[0]
        return None

    def _org_entity(self, entity_id: str) -> Entity:
        entry = self.kb.get(entity_id)
        assert entry is not None
        return Entity(id=entry.id, name=entry.name, in_kb=True, parent=entry.parent)

    def _looks_like_org(self, span: Span) -> bool:
        text = span.text.strip()
        if not _NAME_SHAPE.match(text) or len(span) > 6 or len(text) < 2:
            return False
        if normalise(text) in self.nonparties:
            return False
        return any(t.pos_ == "PROPN" or t.is_upper for t in span)

    # -- the article ------------------------------------------------------------
    def link(self, doc: Doc) -> Linked:
        linked = Linked()
        sent_of = {s.start: i for i, s in enumerate(doc.sents)}
        sent_starts = sorted(sent_of)
        persons: list[tuple[Span, int]] = []
        for ent in doc.ents:
            sent = _sent_index(ent.start, sent_starts)
            text = ent.text.strip()
            if not text:
                continue
            entity_id = self._org_for(ent, sent_starts)
            if entity_id:
                if normalise(text) in self.nonparties:
                    continue
                entity = (
                    self._org_entity(entity_id)
                    if not entity_id.startswith("new:")
                    else Entity(id=entity_id, name=text)
                )
                linked.add(
                    entity,
                    Mention(text, ent.start_char, ent.end_char, entity.id, "org", sent),
                )
            elif ent.label_ in PERSON_LABELS:
                persons.append((ent, sent))
        self._link_persons(persons, linked)
        return linked

    def _org_for(self, ent: Span, sent_starts: list[int]) -> str | None:
        text = ent.text.strip()
        if ent.ent_id_:
            if ent.ent_id_.endswith(WEAK):
                initial = ent.start in sent_starts or ent.start == 0
                return None if initial or not text[:1].isupper() else ent.ent_id_[: -len(WEAK)]
            return ent.ent_id_
        if ent.label_ in ORG_LABELS:
            found = self.org_id(text)
            if found:
                return found
            if self._looks_like_org(ent):
                return "new:" + core(text).replace(" ", "-")
            return None
        if ent.label_ in OTHER_LABELS or ent.label_ in PERSON_LABELS:
            # a KB name the NER mislabelled, when the ruler missed it (case variant)
            return self.org_id(text, fuzzy=False)
        return None

    @staticmethod
    def _link_persons(persons: list[tuple[Span, int]], linked: Linked) -> None:
        names = [_TITLES.sub("", p.text.strip()) for p, _ in persons]
        full = sorted({n for n in names if len(n.split()) >= 2}, key=len, reverse=True)
        counts = Counter(names)
        for (span, sent), name in zip(persons, names, strict=True):
            canonical = _expand(name, full) or name
            if len(canonical.split()) < 2 and counts[name] < 2 and not full:
                continue
            entity = Entity(id="person:" + normalise(canonical).replace(" ", "-"),
                            name=canonical, type="person")
            linked.add(entity, Mention(span.text, span.start_char, span.end_char, entity.id,
                                       "person", sent))


def _expand(name: str, full_names: list[str]) -> str | None:
    """The full name a short form ends ("de Meo" -> "Luca de Meo")."""
    key = normalise(name)
    for candidate in full_names:
        cand = normalise(candidate)
        if cand == key:
            return candidate
        if cand.endswith(" " + key):
            return candidate
    return None


def _sent_index(token_i: int, sent_starts: list[int]) -> int:
    lo, hi = 0, len(sent_starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sent_starts[mid] <= token_i:
            lo = mid
        else:
            hi = mid - 1
    return lo
