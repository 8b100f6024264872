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
from spacy.tokens import Doc, Span, Token

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
# "FRANKFURT, June 13 (Reuters) -": a place in capitals opening a dateline.
_DATELINE_AFTER = re.compile(r"^\s*(?:,\s*[A-Z][a-z]+\.?\s+\d|\()")
# "Dearborn-based automaker", "l'usine basée à": the name is a place.
_PLACE_AFTER = re.compile(r"-(?:based|basée?s?)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|le|la|les|l)\s+")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True, slots=True)
class NameCues:
    """Word lists (from the cue lexicons) that tell whether an unknown name is an organisation.

    They apply only to names the KB does not know. A name right after one of
    `org_before` ("la start-up Zyntra") is an organisation whatever label the
    NER gave it. A name tagged ORG is not one when: `acronyms` are abbreviations
    of things ("EV", "MOU"), a name that begins or ends with one of
    `event_words` is an event ("Salon de Pékin", "Geneva Motor Show"), and a
    name right after one of `product_before` (or right after a known company,
    "Tesla Megapack") is a product.
    """

    acronyms: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    product_before: frozenset[str] = frozenset()
    org_before: frozenset[str] = frozenset()
    person_titles: frozenset[str] = frozenset()
    connectors: frozenset[str] = frozenset()
    person_after: frozenset[str] = frozenset()
    company_words: frozenset[str] = frozenset()
    descriptions: re.Pattern[str] | None = None  # with groups "nat" and "head"
    nationalities: dict[str, str] = field(default_factory=dict)  # adjective -> country

    def person_span(self, span: Span) -> Span:
        """A person's name without the titles the NER took in ("Chairperson Young Liu")."""
        k = span.start
        while k < span.end - 1 and span.doc[k].lower_ in self.person_titles:
            k += 1
        return span.doc[k : span.end]

    def is_company_name(self, span: Span) -> bool:
        """ "Ivenko Cells", "Sorrel Motors": capitalised words ending with a company word."""
        words = span.text.split()
        return (
            len(words) >= 2
            and words[-1] in self.company_words
            and all(w[:1].isupper() or w[:1].isdigit() for w in words[:-1])
        )

    def unseen_companies(self, doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
        """Company-like names (see `is_company_name`) the NER did not tag at all."""
        found: list[Span] = []
        for i, token in enumerate(doc):
            if i == 0 or token.text not in self.company_words:
                continue
            start = i
            while start > 0 and doc[start - 1].is_title and not doc[start].is_sent_start:
                start -= 1
            span = doc[start : i + 1]
            overlaps = any(a < span.end_char and span.start_char < b for a, b in taken)
            # "Beijing Motor Show", "Industry and Information Technology": the name goes on
            goes_on = (i + 1 < len(doc) and doc[i + 1].is_title) or (
                start >= 2 and doc[start - 1].is_lower and doc[start - 2].is_title
                and doc[start - 1].lower_ in ("of", "and", "de", "et", "&")
            )
            if start < i and not overlaps and not goes_on and self.is_company_name(span):
                found.append(span)
        return found

    def speakers(self, doc: Doc) -> set[str]:
        """One-word names right before a verb of speech ("Claure said"): people."""
        return {
            normalise(ent.text)
            for ent in doc.ents
            if len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in self.person_after
        }

    def vouches(self, span: Span) -> bool:
        """An organisation noun stands right before the name ("the startup Zyntra")."""
        before = span.doc.text[max(0, span.start_char - 30) : span.start_char].split()
        return bool(before) and before[-1].casefold() in self.org_before

    def rejects(self, span: Span, *, known_before: bool, person_names: set[str]) -> bool:
        text = span.text.strip()
        words = text.casefold().split()
        if text in self.acronyms or text.rstrip("s") in self.acronyms:
            return True
        if any(
            " ".join(words[:n]) in self.event_words or " ".join(words[-n:]) in self.event_words
            for n in (1, 2)
        ):
            return True
        if normalise(text) in person_names:
            return True
        # "FX's Legion", "Hipcricket to Augme": not one name
        if any(t.text in _POSSESSIVE for t in span[:-1]):
            return True
        if any(t.text in self.connectors for t in span):
            return True
        doc = span.doc
        # "ses modèles e-Tron GT et Taycan": walk back over names and "et"/"and"
        k = span.start - 1
        while k >= max(0, span.start - 8) and _in_name_list(doc[k]) and (
            doc[k].lower_ not in self.product_before
        ):
            k -= 1
        if k >= 0 and doc[k].lower_ in self.product_before:
            return True
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in self.product_before:
            return True

        if _PLACE_AFTER.match(doc.text, span.end_char):
            return True
        if known_before:
            return True
        rest = doc.text[span.end_char : span.end_char + 20]
        return text.isupper() and len(text) > 3 and _DATELINE_AFTER.match(rest) is not None


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

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        nonparties: frozenset[str] = frozenset(),
        name_cues: NameCues | None = None,
    ) -> None:
        self.kb = kb
        self.nonparties = frozenset(normalise(n) for n in nonparties)
        self.name_cues = name_cues or NameCues()
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

    def _nonparty(self, name: str) -> bool:
        """An outlet, agency or platform, with or without its article ("The Korea Times")."""
        key = normalise(name)
        return key in self.nonparties or _ARTICLE.sub("", key) in self.nonparties

    def _looks_like_org(self, span: Span) -> bool:
        text = span.text.strip()
        if not _NAME_SHAPE.match(text) or len(span) > 6 or len(text) < 2:
            return False
        if self._nonparty(text):
            return False
        return any(t.pos_ == "PROPN" or t.is_upper for t in span)

    # -- the article ------------------------------------------------------------
    def link(self, doc: Doc) -> Linked:
        linked = Linked()
        sent_starts = sorted(s.start for s in doc.sents)
        orgs: list[tuple[Span, str]] = []
        persons: list[tuple[Span, int]] = []
        for ent in doc.ents:
            if not ent.text.strip():
                continue
            if len(ent) > 1 and ent[-1].text in _POSSESSIVE and not ent.ent_id_:
                ent = Span(doc, ent.start, ent.end - 1, label=ent.label_)  # "GE Healthcare's"
            entity_id = self._org_for(ent, sent_starts)
            if entity_id:
                orgs.append((ent, entity_id))
            elif ent.label_ in PERSON_LABELS:
                name = self.name_cues.person_span(ent)
                persons.append((name, _sent_index(ent.start, sent_starts)))
        taken = [(ent.start_char, ent.end_char) for ent, _ in orgs]
        for span in self.name_cues.unseen_companies(doc, taken):
            orgs.append((span, self.org_id(span.text) or _provisional(span.text)))
            # "Lindauer Technik GmbH": a person the NER saw inside it was the company
            persons = [
                (p, i) for p, i in persons
                if not (span.start_char <= p.start_char and p.end_char <= span.end_char)
            ]
        people = _person_keys(persons) | self.name_cues.speakers(doc)
        known_ends = {ent.end for ent, entity_id in orgs if not entity_id.startswith("new:")}
        for ent, entity_id in orgs:
            text = ent.text.strip()
            if self._nonparty(text):
                continue
            if entity_id.startswith("new:"):
                after_known = _after_known(ent, known_ends)
                if self.name_cues.rejects(ent, known_before=after_known, person_names=people):
                    log.debug("not an organisation: %r", text)
                    continue
                entity = Entity(id=entity_id, name=text)
            else:
                entity = self._org_entity(entity_id)
            sent = _sent_index(ent.start, sent_starts)
            linked.add(entity, Mention(text, ent.start_char, ent.end_char, entity.id, "org", sent))
        self._link_descriptions(doc, linked, sent_starts)
        self._link_persons(persons, linked)
        for entity in linked.entities.values():
            if entity.id.startswith("new:"):
                # "Sorrel" in a title, "Sorrel Motors" in the text: the fullest form names it
                entity.name = max(entity.mentions, key=len)
        return linked

    def _link_descriptions(self, doc: Doc, linked: Linked, sent_starts: list[int]) -> None:
        """ "le constructeur chinois", "the Japanese automaker": the one organisation of
        that country the article named before (brands count with their group)."""
        cues = self.name_cues
        if cues.descriptions is None:
            return
        taken = [(m.start, m.end) for m in linked.mentions]
        for match in cues.descriptions.finditer(doc.text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            country = cues.nationalities.get(match.group("nat").casefold())
            groups: dict[str, Counter[str]] = {}
            for m in linked.mentions:
                entry = self.kb.get(m.entity_id) if m.type == "org" else None
                if entry is None or m.start >= start or entry.country != country:
                    continue
                top = ([entry.id, *self.kb.ancestors(entry.id)])[-1]
                groups.setdefault(top, Counter())[entry.id] += 1
            if len(groups) != 1:
                continue  # none, or several: the description does not tell which
            (counts,) = groups.values()
            entity = self._org_entity(counts.most_common(1)[0][0])
            span = doc.char_span(start, end, alignment_mode="expand")
            sent = _sent_index(span.start, sent_starts) if span is not None else 0
            text = match.group(0)
            linked.add(entity, Mention(text, start, end, entity.id, "org", sent))

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
                return _provisional(text)
            return None
        if ent.label_ in OTHER_LABELS or ent.label_ in PERSON_LABELS:
            # a KB name the NER mislabelled, when the ruler missed it (case variant)
            found = self.org_id(text, fuzzy=False)
            if found is None and self.name_cues.is_company_name(ent):
                return _provisional(text)
            if found is None and ent.label_ in OTHER_LABELS and self.name_cues.vouches(ent):
                return _provisional(text)
            return found
        return None

    @staticmethod
    def _link_persons(persons: list[tuple[Span, int]], linked: Linked) -> None:
        names = [_TITLES.sub("", p.text.strip()) for p, _ in persons]
        # longest first; among spellings of one length, the article's first one
        full = sorted(
            dict.fromkeys(n for n in names if len(n.split()) >= 2), key=len, reverse=True
        )
        counts = Counter(names)
        for (span, sent), name in zip(persons, names, strict=True):
            canonical = _expand(name, full) or name
            if len(canonical.split()) < 2 and counts[name] < 2 and not full:
                continue
            entity = Entity(id="person:" + normalise(canonical).replace(" ", "-"),
                            name=canonical, type="person")
            linked.add(entity, Mention(span.text, span.start_char, span.end_char, entity.id,
                                       "person", sent))


def _in_name_list(token: Token) -> bool:
    """A token of a list of names: a name's word, a figure, a comma, "et"/"and", or a
    piece glued to the next token ("e" in "e-Tron")."""
    return (
        token.is_punct
        or token.like_num
        or any(c.isupper() for c in token.text)
        or token.lower_ in ("et", "and", "&", "ou", "or")
        or not token.whitespace_
    )


def _provisional(name: str) -> str:
    """The id of an organisation the KB does not know: ``new:`` and its core name."""
    return "new:" + core(name).replace(" ", "-")


def _person_keys(persons: list[tuple[Span, int]]) -> set[str]:
    """Normalised full names of the article's people and their surnames ("Tavares")."""
    keys: set[str] = set()
    for span, _ in persons:
        name = normalise(_TITLES.sub("", span.text.strip()))
        if len(name.split()) >= 2:
            keys.add(name)
            keys.add(name.split()[-1])
    return keys


def _after_known(ent: Span, known_ends: set[int]) -> bool:
    """A name right after a known company, or after its possessive ("Tesla's Megapack")."""
    doc, i = ent.doc, ent.start
    if i in known_ends:
        return True
    # skip up to two lower-case words after a possessive ("Tesla's planned Megapack")
    k = i - 1
    while k >= 0 and i - k <= 3 and doc[k].is_lower and doc[k].is_alpha:
        k -= 1
    return k >= 1 and doc[k].text in _POSSESSIVE and k in known_ends


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
