"""Plain data passed between tieup's stages.

Every stage takes and gives these dataclasses; none of them holds a spaCy
object, a database session or anything else that cannot be pickled, so they
travel between processes and Dask workers as they are.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """Where a tie-up stands, as one article tells it (gold/GUIDELINES.md)."""

    RUMORED = "rumored"
    TALKS = "talks"
    AGREED = "agreed"
    ACTIVE = "active"
    ENDED = "ended"


class Kind(StrEnum):
    """What a cooperation is about."""

    JOINT_VENTURE = "joint_venture"
    SUPPLY = "supply"
    TECHNOLOGY = "technology"
    INVESTMENT = "investment"
    ALLIANCE = "alliance"
    MEETING = "meeting"


@dataclass(slots=True)
class Document:
    """Raw input as a source gives it: text or HTML, and where it came from."""

    origin: str  # path, path:line, URL or WARC record id
    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    date: str | None = None
    lang: str | None = None
    title: str | None = None
    fetched_at: str | None = None


@dataclass(slots=True)
class Comment:
    """One reader comment, kept apart from the article body."""

    n: int
    text: str
    author: str | None = None
    sentiment: str | None = None
    question: bool | None = None
    orgs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A cleaned article: the body paragraphs, with everything else set aside."""

    id: str
    origin: str
    paragraphs: list[str]
    title: str | None = None
    url: str | None = None
    date: str | None = None
    date_source: str | None = None  # "input", "html", "text" or None
    lang: str | None = None
    comments: list[Comment] = field(default_factory=list)
    comments_announced: int | None = None
    boilerplate: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity in an article's text (character offsets)."""

    text: str
    start: int
    end: int
    entity_id: str
    type: str = "org"  # "org" or "person"
    sent: int = 0  # index of the sentence it stands in


@dataclass(slots=True)
class Entity:
    """An organisation or a person, linked to the knowledge base when possible.

    `id` is the KB id for known organisations and a provisional id
    (``new:<normalised name>``) otherwise.
    """

    id: str
    name: str
    type: str = "org"  # "org" or "person"
    in_kb: bool = False
    parent: str | None = None
    mentions: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TieUp:
    """A cooperation between two organisations, as one article states it."""

    a: str  # canonical name of one party
    b: str
    status: Status
    kind: Kind
    evidence: str
    confidence: float
    a_id: str | None = None
    b_id: str | None = None
    statuses: list[str] = field(default_factory=list)  # every status the article supports

    def pair(self) -> tuple[str, str]:
        a, b = self.a_id or self.a, self.b_id or self.b
        return (a, b) if a <= b else (b, a)


@dataclass(slots=True)
class Role:
    """A person's role at an organisation, as written in the article."""

    person: str
    role: str
    org: str
    org_id: str | None = None
    evidence: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything tieup reads from one article."""

    article: Article
    entities: list[Entity]
    tieups: list[TieUp]
    roles: list[Role]

    def to_contract(self) -> dict[str, Any]:
        """The `tieup extract` output line (DESIGN.md's contract)."""
        return {
            "id": self.article.id,
            "tieups": [
                {
                    "a": t.a,
                    "b": t.b,
                    "status": str(t.status),
                    "kind": str(t.kind),
                    "evidence": t.evidence,
                    "confidence": round(t.confidence, 3),
                }
                for t in self.tieups
            ],
            "roles": [{"person": r.person, "role": r.role, "org": r.org} for r in self.roles],
            "entities": [
                {"id": e.id, "name": e.name, "type": e.type, "in_kb": e.in_kb}
                for e in self.entities
            ],
        }


def to_dict(obj: Any) -> dict[str, Any]:
    """A dataclass as plain JSON-ready data (enums become their values)."""
    return asdict(obj)


@dataclass(slots=True)
class StorySource:
    """One copy of an article: where it was read (syndicated copies have several)."""

    article_id: str
    source: str  # the URL, else the path (or path:line) it was read from
    outlet: str  # the URL's host, else the source's file name


@dataclass(slots=True)
class StoryArticle:
    """An article of a story; exact and near-duplicate copies collapse into it."""

    id: str
    source: str
    outlet: str
    date: str | None
    title: str | None
    sources: list[StorySource] = field(default_factory=list)  # every copy, this one first


@dataclass(slots=True)
class StoryTieUp:
    """A pair as a story reports it: its latest credible status and who backs it."""

    a: str
    b: str
    a_id: str
    b_id: str
    status: str
    kind: str
    corroboration: int  # independent outlets that report the pair in this story
    confidence: float  # noisy-or of the outlets' confidences
    evidence: str
    sources: list[str] = field(default_factory=list)  # URL or path of each article saying it
    outlets: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)  # status -> outlets saying it


@dataclass(slots=True)
class Story:
    """The articles of several outlets about one event, and the tie-ups they report."""

    id: str  # stable: derived from the id of its first article
    title: str | None
    date_start: str | None
    date_end: str | None
    articles: list[StoryArticle]
    outlets: list[str]  # independent outlets (a syndicated copy adds none)
    tieups: list[StoryTieUp] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEntry:
    """One dated assertion about a pair, as one article makes it."""

    date: str | None
    status: str
    kind: str
    evidence: str
    confidence: float
    article_id: str
    source: str
    outlet: str
    title: str | None = None


@dataclass(slots=True)
class Timeline:
    """Every assertion about a pair, oldest first, and the status they add up to."""

    a: str
    b: str
    a_id: str
    b_id: str
    entries: list[TimelineEntry]
    current: str | None  # the latest credible status
    current_entry: TimelineEntry | None = None
