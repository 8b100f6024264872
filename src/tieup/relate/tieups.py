"""Tie-ups between organisations, read sentence by sentence.

For each sentence (split further into clauses at parentheses, semicolons and
contrastive conjunctions) that names an organisation and holds a status cue:

1. the organisations are grouped into lists ("Toyota, Mazda et Subaru",
   "Renault-Nissan-Mitsubishi"); a list introduced by "comme", "such as",
   "avec" ... is one side of a relation and its members are not paired with
   each other; a list after "entre"/"between" or in subject position is
   reciprocal;
2. a preposition such as "avec"/"with" splits the clause into two sides, and
   each organisation of one side is paired with each of the other; a side
   left empty is filled by the person who speaks for an organisation ("de
   Meo" -> Renault) or by the article's main organisation;
3. the clause's status comes from its cues (ended > agreed > active > talks),
   and becomes `rumored` when the clause is reported speech, a question or in
   the conditional; an organisation called a partner ("ses partenaires Geely")
   is an active partner whatever the rest of the clause says.

Across the article each pair keeps one status: a confirmed one outranks a
rumour, and among confirmed ones ended > agreed > active > talks (the latest
state the article reports).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tieup.models import Kind, Status, TieUp
from tieup.relate.lexicon import Lexicon, Patterns

PRECEDENCE = {
    Status.ENDED: 5,
    Status.AGREED: 4,
    Status.ACTIVE: 3,
    Status.TALKS: 2,
    Status.RUMORED: 1,
}
KIND_ORDER = [
    Kind.JOINT_VENTURE,
    Kind.INVESTMENT,
    Kind.SUPPLY,
    Kind.TECHNOLOGY,
    Kind.MEETING,
    Kind.ALLIANCE,
]
# Below this, an assertion rests on a bare relation noun: a rumour outranks it.
WEAK_STRENGTH = 0.6
_PAREN = re.compile(r"\([^()]*\)|\s[–—]\s[^–—()]{1,120}?\s[–—]\s")
_NEGATION = re.compile(
    r"(?:\b(?:pas|not|never|jamais|at no time|aucunement|nullement)\b|n't)(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|\b(?:mais|but|while|whereas|tandis que|alors que|ou encore|however|cependant"
    r"|sachant que|puisque|parce que|because|even as|when|lorsque)\b",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(
    r"^\s*(?:,|-|/|&|\bet\b|\band\b|\bou\b|\bor\b|\bainsi que\b|\bas well as\b|,\s*(?:et|and)\b)"
    r"(?:\s*(?:[\w'’.-]+\s*){0,5}?)$",
    re.IGNORECASE,
)
_OWNER_GAP = re.compile(
    r"^(?:'s|’s)?\s*(?:[a-zé-]+\s+)?(?:owner|parent|maison[- ]mère|subsidiary|unit|division|brand)"
    r"\s*$",
    re.IGNORECASE,
)
# words that end "its partner X" before X: "the partner for Apple", "partners and visited"
_PREPOSITION = re.compile(
    r"\b(?:for|of|to|with|in|and|or|since|de|du|des|pour|avec|chez|à|et|ou|depuis)\b",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"\b(?:and|et|or|ou|as well as|ainsi que)\b|&", re.IGNORECASE)


@dataclass(slots=True)
class OrgAt:
    """An organisation standing at a place in a sentence."""

    id: str
    start: int
    end: int
    via_person: bool = False


@dataclass(slots=True)
class Assertion:
    """What one clause says about one pair."""

    a: str
    b: str
    status: Status
    kind: Kind | None
    evidence: str
    strength: float
    sent: int


@dataclass(slots=True)
class SentenceView:
    """What relate needs of a sentence: its text, names and conditional verbs."""

    index: int
    text: str
    orgs: list[OrgAt]
    conditional_at: list[int] = field(default_factory=list)  # char offsets


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def mask_parentheses(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with each parenthesis blanked out (offsets kept), and their spans."""
    spans = [(m.start(), m.end()) for m in _PAREN.finditer(text)]
    masked = _PAREN.sub(lambda m: " " * len(m.group()), text)
    return masked, spans


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Clauses of a (masked) sentence: split at semicolons, dashes and contrast words."""
    spans, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def comma_segments(
    span: tuple[int, int], text: str, orgs: list[OrgAt], lex: Lexicon
) -> list[tuple[int, int]]:
    """A clause cut at its commas where each side names an organisation and holds a cue.

    "l'alliance Renault-Nissan, le rapprochement avec Geely, les travaux communs
    entre Toyota, Mazda et Subaru" lists three tie-ups; a piece without a cue or
    without a name ("Mazda et Subaru", "entrés dans l'alliance en 2016") stays
    with the piece before it.
    """
    lo, hi = span
    cuts = [m.start() for m in re.finditer(",", text[lo:hi])]
    if not cuts:
        return [span]
    bounds = [lo, *(lo + c for c in cuts), hi]

    def complete(a: int, b: int) -> bool:
        return any(a <= o.start < b for o in orgs) and status_of(text[a:b], lex) is not None

    def continues(a: int, b: int) -> bool:
        # ", avec Geely", ", such as BYD": the piece goes on the clause before it
        head = text[a:b].lstrip()[:30]
        return any(p.match(head) for p in (*lex.split, *lex.list_intro, *lex.pair_all))

    def fronted(a: int, b: int) -> bool:
        # "Après une réunion avec Foxconn, Nissan ...": the phrase opens the clause
        words = text[a:b].split()
        opens = bool(words) and words[0].casefold().strip("'’") in lex.fronted
        # "Après l'alliance entre Ford et VW," says all it says by itself
        return opens and not _any(lex.pair_all, text[a:b])

    out: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(bounds):
        start = a if a == lo else a + 1
        joined = not (complete(start, b) and complete(*out[-1])) if out else False
        if out and (joined or continues(start, b) or fronted(*out[-1])):
            out[-1] = (out[-1][0], b)
        else:
            out.append((start, b))
    return out


def _affirmed(patterns: Patterns, text: str) -> bool:
    """A cue that no negation just before it denies ("will not work with",
    "ne seraient pas abandonnées", "at no time did ... agree")."""
    for p in patterns:
        for m in p.finditer(text):
            if not _NEGATION.search(text[max(0, m.start() - 25) : m.start()]):
                return True
    return False


def status_of(text: str, lex: Lexicon) -> Status | None:
    """The status the cues of a piece of text support, before mood."""
    if _affirmed(lex.status[Status.ENDED], text):
        return Status.ENDED
    if _affirmed(lex.past_agreement, text):
        return Status.ACTIVE
    for status in (Status.AGREED, Status.ACTIVE, Status.TALKS):
        if _affirmed(lex.status[status], text):
            return status
    if _affirmed(lex.active_weak, text):
        return Status.ACTIVE
    return None


def weak_only(text: str, lex: Lexicon) -> bool:
    """True when only a bare relation noun ("alliance", "partnership") gives the status."""
    strong = (*lex.past_agreement, *(p for ps in lex.status.values() for p in ps))
    return not _any(strong, text) and _any(lex.active_weak, text)


def kind_of(text: str, lex: Lexicon, status: Status) -> Kind:
    for kind in KIND_ORDER:
        if kind is Kind.MEETING and status is not Status.TALKS:
            continue
        if _any(lex.kind[kind], text):
            return kind
    return Kind.MEETING if status is Status.TALKS else Kind.ALLIANCE


def is_rumour(text: str, view: SentenceView, lo: int, lex: Lexicon) -> bool:
    if _any(lex.rumour, text) or text.rstrip().endswith("?"):
        return True
    for at in view.conditional_at:
        if lo <= at < lo + len(text):
            rest = view.text[at : lo + len(text)]
            if not _any(lex.conditional_ok, rest[:40]):
                return True
    return False


def lists_of(orgs: list[OrgAt], text: str) -> list[list[OrgAt]]:
    """Consecutive organisations joined by coordination make one list."""
    groups: list[list[OrgAt]] = []
    for org in orgs:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.end : org.start]
            if _LIST_GAP.match(gap) and len(gap) < 60:
                groups[-1].append(org)
                continue
        groups.append([org])
    return groups


class TieUpReader:
    """Reads the tie-ups of one article from its sentence views."""

    def __init__(self, lex: Lexicon, *, related: callable | None = None) -> None:  # type: ignore[valid-type]
        self.lex = lex
        self.related = related or (lambda a, b: False)

    def read(self, views: list[SentenceView], *, topic: str | None) -> list[Assertion]:
        out: list[Assertion] = []
        previous_subject: str | None = None
        previous_pairs: set[tuple[str, str]] = set()
        for view in views:
            found, subject = self._sentence(view, topic=topic, previous=previous_subject)
            if not view.orgs:
                found = self._anaphora(view, previous_pairs)
            out.extend(found)
            previous_subject = subject or previous_subject
            if found or view.orgs:
                previous_pairs = {(f.a, f.b) for f in found}
                names = list(dict.fromkeys(o.id for o in view.orgs))
                if not previous_pairs and len(names) == 2:
                    # "Renault et Geely ont présenté leurs résultats. Les deux groupes ..."
                    previous_pairs = {(names[0], names[1])}
        return out

    def _anaphora(
        self, view: SentenceView, previous_pairs: set[tuple[str, str]]
    ) -> list[Assertion]:
        """ "Ils ont finalement signé", "The two companies said ...": a sentence with a cue
        but no name continues the one pair of the sentence before (the pair it stated,
        or the two companies it named)."""
        text = view.text.replace("’", "'")
        if len(previous_pairs) != 1 or not _any(self.lex.pair_anaphora, text):
            return []
        status = status_of(text, self.lex)
        if status is None:
            return []
        rumour = _any(self.lex.rumour, text) or is_rumour(text, view, 0, self.lex)
        st = Status.RUMORED if rumour else status
        ((a, b),) = previous_pairs
        kind = kind_of(text, self.lex, status if st is Status.RUMORED else st)
        return [Assertion(a, b, st, kind, view.text.strip(), 0.8, view.index)]

    def _sentence(
        self, view: SentenceView, *, topic: str | None, previous: str | None
    ) -> tuple[list[Assertion], str | None]:
        found: list[Assertion] = []
        subject: str | None = None
        full = view.text.replace("’", "'")
        if not view.orgs or status_of(full, self.lex) is None:
            return found, None
        masked, parens = mask_parentheses(full)
        outside = [o for o in view.orgs if not any(a <= o.start < b for a, b in parens)]
        spans = [
            (a, b, masked)
            for span in clause_spans(masked)
            for a, b in comma_segments(span, masked, outside, self.lex)
        ]
        spans += [(lo + 1, hi - 1, full) for lo, hi in parens]
        # Reported speech and questions colour the whole sentence; the
        # conditional mood only the clause its verb stands in.
        sentence_rumour = _any(self.lex.rumour, masked) or masked.rstrip().endswith("?")
        last_pairs: list[tuple[str, str, Kind]] = []
        for lo, hi, text in spans:
            clause = text[lo:hi]
            inside = [p for p in parens if p[0] <= lo and hi <= p[1]]
            orgs = [
                o for o in view.orgs
                if lo <= o.start < hi
                and (inside or not any(a <= o.start < b for a, b in parens))
            ]
            status = status_of(clause, self.lex)
            if status is None:
                continue
            weak = weak_only(clause, self.lex)
            rumour = (
                sentence_rumour
                or is_rumour(clause, view, lo, self.lex)
                or (weak and _any(self.lex.rumour_object, clause))
            )
            if not orgs:
                # "..., mais les négociations ont été interrompues": an ending
                # without names ends what the clause before it named.
                if status is Status.ENDED and not rumour:
                    found.extend(
                        Assertion(a, b, status, kind, full.strip(), 0.8, view.index)
                        for a, b, kind in last_pairs
                    )
                continue
            pairs, subj = self._pairs(orgs, text, lo, hi, topic=topic, previous=previous)
            subject = subject or subj
            last_pairs = []
            for a, b, partner in pairs:
                if a == b or self.related(a, b):
                    continue
                st = status
                if partner and st is Status.TALKS:
                    # meeting one's partners: the partnership is the fact
                    st = Status.ACTIVE
                if rumour:
                    st = Status.RUMORED
                evidence = clause.strip() if len(clause.strip()) > 40 else full.strip()
                # a meeting is a kind only for talks (or a rumour of them)
                kind = kind_of(clause, self.lex, status if st is Status.RUMORED else st)
                strength = 0.85 if partner else 0.5 if weak else 0.8
                found.append(Assertion(a, b, st, kind, evidence, strength, view.index))
                last_pairs.append((a, b, kind))
        return found, subject

    def _pairs(
        self,
        orgs: list[OrgAt],
        text: str,
        lo: int,
        hi: int,
        *,
        topic: str | None,
        previous: str | None,
    ) -> tuple[list[tuple[str, str, bool]], str | None]:
        lex = self.lex
        pairs: list[tuple[str, str, bool]] = []

        def partner(org: OrgAt) -> bool:
            before = text[max(lo, org.start - 40) : org.start]
            for p in lex.partner_before:
                m = p.search(before)
                # "its partner Nissan", not "the better partner for Apple"
                if m and not _PREPOSITION.search(m.group(0)):
                    return True
            return False

        def intro(group: list[OrgAt]) -> str:
            return text[max(lo, group[0].start - 45) : group[0].start]

        def is_object_list(group: list[OrgAt]) -> bool:
            before = intro(group)
            return _any(lex.list_intro, before) or _any(lex.split, before)

        # 0. a competitor, a union or an outlet is no party ("concurrent de Tesla");
        # "Volvo owner Geely": a name that only describes the next one is none either
        def described(org: OrgAt) -> bool:
            return _any(lex.not_party_before, text[max(lo, org.start - 40) : org.start])

        kept: list[OrgAt] = []
        for group in lists_of(orgs, text):
            # "entrants such as BYD and Leapmotor": a coordinated list is out as a whole;
            # "le propriétaire de Jeep, Stellantis": an apposition only loses its first
            coordinated = any(
                _COORDINATION.search(text[x.end : y.start]) for x, y in itertools.pairwise(group)
            )
            if coordinated and described(group[0]):
                continue
            kept.extend(o for o in group if not described(o))
        orgs = [
            o for k, o in enumerate(kept)
            if not (k + 1 < len(kept) and _OWNER_GAP.match(text[o.end : kept[k + 1].start]))
        ]
        groups = lists_of(orgs, text)

        # 1. reciprocal lists: "entre X et Y", "X et Y signent", "Renault-Nissan-Mitsubishi";
        # a list after "ses partenaires", "its backers" is the object of the clause
        listed = False
        for n, group in enumerate(groups):
            ids = list(dict.fromkeys(o.id for o in group))
            if len(ids) < 2:
                continue
            object_list = partner(group[0]) or _any(lex.list_intro, intro(group))
            if object_list and not _any(lex.pair_all, intro(group)):
                before = [g[0].id for g in groups[:n] if len({o.id for o in g}) == 1]
                named = partner(group[0])  # "ses partenaires X et Y", not "such as X and Y"
                # examples ("comme X et Y") need their subject in the clause
                anchors = before[:1] or ([topic] if topic and named else [])
                pairs.extend((a, b, named) for a in anchors for b in ids)
                listed = True
            elif _any(lex.pair_all, intro(group)) or not is_object_list(group):
                pairs.extend((a, b, False) for a, b in itertools.combinations(ids, 2))
                listed = True

        # 2. a split preposition: left side x right side
        split = None
        for p in lex.split:
            for m in p.finditer(text, lo, hi):
                if any(o.start >= m.end() for o in orgs) and (split is None or m.start() < split):
                    split = m.start()
                    break
        if split is not None:
            left = [o for o in orgs if o.end <= split]
            right = [o for o in orgs if o.start >= split]
            left_ids = list(dict.fromkeys(o.id for o in left))
            right_groups = lists_of(right, text)
            words = text[lo:hi].split()
            if not left_ids and words and words[0].casefold() in lex.fronted:
                # "Après une réunion avec Foxconn, Nissan ...": the last bare comma of a
                # fronted phrase's list is where the subject starts
                right_groups = [
                    piece for g in right_groups for piece in _cut_at_last_comma(g, text)
                ]
            if not left_ids:
                # "Après une réunion avec Foxconn, Nissan ...", "C'est avec CATL que
                # Stellantis ...": the objects come first, the subject after them
                k = 1
                while k < len(right_groups) and not _subject_follows(
                    text[right_groups[k - 1][-1].end : right_groups[k][0].start], lex
                ):
                    k += 1
                if k < len(right_groups):
                    right = [o for g in right_groups[:k] for o in g]
                    left_ids = list(dict.fromkeys(o.id for g in right_groups[k:] for o in g))
            if not left_ids:
                fallback = topic or previous
                left_ids = [fallback] if fallback else []
            for a in left_ids:
                for o in right:
                    pairs.append((a, o.id, partner(o)))
            return pairs, (left_ids[0] if left_ids else None)

        # 3. no split: two lone names are paired; with three or more the clause does not say who
        singles = [g for g in groups if len({o.id for o in g}) == 1]
        ids = list(dict.fromkeys(g[0].id for g in singles))
        multi = [g for g in groups if len({o.id for o in g}) > 1]
        if listed:
            pass  # the list says who is involved; other names are context
        elif len(ids) == 2 and not multi:
            named_partner = any(partner(g[0]) for g in singles)  # "met its partner Nissan"
            pairs.append((ids[0], ids[1], named_partner))
        elif len(ids) == 1 and not multi:
            only = singles[0][0]
            anchor = topic if partner(only) or is_object_list(singles[0]) else None
            if anchor and anchor != only.id:
                pairs.append((anchor, only.id, partner(only)))
        subject = ids[0] if ids else None
        return pairs, subject


def _cut_at_last_comma(group: list[OrgAt], text: str) -> list[list[OrgAt]]:
    for k in range(len(group) - 1, 0, -1):
        if text[group[k - 1].end : group[k].start].strip() == ",":
            return [group[:k], group[k:]]
    return [group]


def _subject_follows(gap: str, lex: Lexicon) -> bool:
    """Between an object and the next names: a comma or "que"/"that", and no other
    preposition that would make them objects too ("avec Geely, ainsi qu'avec Google")."""
    if not re.search(r",|\bque\b|\bqu'|\bthat\b", gap, re.IGNORECASE):
        return False
    return not any(p.search(gap) for p in (*lex.split, *lex.pair_all, *lex.list_intro))


def aggregate(assertions: list[Assertion], names: dict[str, str]) -> list[TieUp]:
    """One tie-up per pair: a confirmed status outranks a rumour; the latest state wins."""
    by_pair: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    for a in assertions:
        key = (a.a, a.b) if a.a <= a.b else (a.b, a.a)
        by_pair[key].append(a)
    out: list[TieUp] = []
    for (x, y), items in by_pair.items():
        confirmed = [i for i in items if i.status is not Status.RUMORED]
        strong = [i for i in confirmed if i.strength >= WEAK_STRENGTH]
        rumours = [i for i in items if i.status is Status.RUMORED]
        pool = strong or rumours or confirmed
        best = max(pool, key=lambda i: (PRECEDENCE[i.status], i.strength, -i.sent))
        kinds = Counter(i.kind for i in pool if i.status is best.status and i.kind)
        kind = best.kind or (kinds.most_common(1)[0][0] if kinds else Kind.ALLIANCE)
        confidence = 1.0
        for i in items:
            confidence *= 1 - i.strength * (0.6 if i.status is Status.RUMORED else 1.0)
        confidence = round(min(0.99, 1 - confidence), 3)
        if best.status is Status.RUMORED:
            confidence = min(confidence, 0.6)
        out.append(
            TieUp(
                a=names.get(x, x),
                b=names.get(y, y),
                a_id=x,
                b_id=y,
                status=best.status,
                kind=kind,
                evidence=best.evidence,
                confidence=confidence,
                statuses=sorted({str(i.status) for i in items}),
            )
        )
    out.sort(key=lambda t: (t.a, t.b))
    return out
