"""Relate: tie-ups between organisations and people's roles, from a parsed article."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from tieup.kb.linker import Linked
from tieup.kb.loader import KnowledgeBase
from tieup.models import Role, TieUp
from tieup.relate.lexicon import Lexicon, get_lexicon
from tieup.relate.roles import Slot, find_roles, tag
from tieup.relate.tieups import OrgAt, SentenceView, TieUpReader, aggregate

__all__ = ["get_lexicon", "relate"]


def _topic(linked: Linked, title_sents: int) -> str | None:
    """The organisation the article is about: most mentioned, the title counting double."""
    counts: Counter[str] = Counter()
    for m in linked.mentions:
        if m.type == "org":
            counts[m.entity_id] += 2 if m.sent < title_sents else 1
    if not counts:
        return None
    (best, n), *rest = [*counts.most_common(2), ("", 0)]
    return best if n >= 3 and n > rest[0][1] else None


def relate(
    doc: Doc,
    linked: Linked,
    *,
    kb: KnowledgeBase,
    lex: Lexicon,
    title_sents: int = 0,
) -> tuple[list[TieUp], list[Role]]:
    """The article's tie-ups (one per pair) and its people's roles."""
    names = {e.id: e.name for e in linked.entities.values()}
    sents = list(doc.sents)
    by_sent: dict[int, list] = {}
    for m in linked.mentions:
        by_sent.setdefault(m.sent, []).append(m)

    topic = _topic(linked, title_sents)
    roles: list[Role] = []
    person_org: dict[str, str] = {}
    seen_roles: set[tuple[str, str]] = set()
    for i, sent in enumerate(sents):
        mentions = by_sent.get(i, [])
        if not any(m.type == "person" for m in mentions):
            continue
        slots = [
            Slot(("P" if m.type == "person" else "O") + str(k), m.entity_id, m.text,
                 m.start - sent.start_char, m.end - sent.start_char)
            for k, m in enumerate(mentions)
        ]
        by_key = {s.key: s for s in slots}
        found = find_roles(tag(sent.text, slots), lex)
        named = {p_key for p_key, _, o_key in found if o_key}
        for p_key, role, o_key in found:
            person = by_key[p_key]
            if o_key:
                org_id = by_key[o_key].entity_id
            elif topic and p_key not in named and person.entity_id not in person_org:
                org_id = topic  # no company named: the article's main one
            else:
                continue
            key = (person.entity_id, org_id)
            person_org.setdefault(person.entity_id, org_id)
            if key in seen_roles:
                continue
            seen_roles.add(key)
            roles.append(Role(person=names[person.entity_id], role=role, org=names[org_id],
                              org_id=org_id, evidence=sent.text.strip()))

    views: list[SentenceView] = []
    for i, sent in enumerate(sents):
        orgs: list[OrgAt] = []
        for m in by_sent.get(i, []):
            start, end = m.start - sent.start_char, m.end - sent.start_char
            if m.type == "org":
                orgs.append(OrgAt(m.entity_id, start, end))
            elif m.entity_id in person_org:
                orgs.append(OrgAt(person_org[m.entity_id], start, end, via_person=True))
        orgs.sort(key=lambda o: o.start)
        conditional = [
            t.idx - sent.start_char
            for t in sent
            if "Cnd" in t.morph.get("Mood") or t.lower_ in lex.conditional_forms
        ]
        views.append(SentenceView(i, sent.text, _dedupe(orgs), conditional))

    reader = TieUpReader(lex, related=kb.related_by_ownership)
    assertions = reader.read(views, topic=topic)
    return aggregate(assertions, names), roles


def _dedupe(orgs: list[OrgAt]) -> list[OrgAt]:
    """Drop a name repeated right next to itself ("Lei Jun, PDG de Xiaomi" via person)."""
    out: list[OrgAt] = []
    for o in orgs:
        if out and out[-1].id == o.id and o.start - out[-1].end < 30:
            continue
        out.append(o)
    return out
