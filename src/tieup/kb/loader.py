"""Load and validate knowledge-base files of organisations.

A KB file is JSON lines, one organisation a line::

    {"id": "renault-group", "name": "Renault Group", "aliases": ["Renault", ...],
     "weak_aliases": ["Losange"], "wikidata": "Q6686", "country": "FR",
     "kind": "automaker", "parent": null}

The built-in file ships in ``tieup/kb/data/companies.jsonl``; a user's files are
merged on top, in order: an entry with an existing id replaces the built-in one.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from tieup.errors import KBError

log = logging.getLogger(__name__)

KINDS = frozenset(
    {
        "automaker",
        "brand",
        "battery",
        "semiconductor",
        "tech",
        "software",
        "cloud",
        "supplier",
        "energy",
        "investor",
        "mobility",
        "joint_venture",
        "media",
        "government",
        "other",
    }
)
REQUIRED = ("id", "name", "aliases", "country", "kind", "parent")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")

# Legal and generic suffixes that news drops freely ("Tesla Inc" = "Tesla").
SUFFIXES = frozenset(
    {
        "group", "groupe", "motor", "motors", "auto", "automobile", "automobiles",
        "inc", "ltd", "sa", "se", "ag", "co", "corp", "corporation", "holding",
        "holdings", "company", "plc", "nv", "gmbh", "llc", "limited", "the", "le",
        "la", "les",
    }
)


def normalise(name: str) -> str:
    """Case-folded, accent-free, punctuation-collapsed form of a name."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w&]+", " ", s).split())


def core(name: str) -> str:
    """A name without legal or generic suffixes ("Renault Group" -> "renault")."""
    words = [w for w in normalise(name).split() if w not in SUFFIXES]
    return " ".join(words) or normalise(name)


@dataclass(frozen=True, slots=True)
class KBEntry:
    id: str
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str
    parent: str | None
    wikidata: str | None = None
    weak_aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form, strong ones first."""
        return (self.name, *self.aliases)


@dataclass(slots=True)
class KnowledgeBase:
    entries: dict[str, KBEntry]
    sources: tuple[str, ...] = ()
    _by_form: dict[str, str] = field(default_factory=dict)
    _by_core: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            for form in (*entry.forms, *entry.weak_aliases):
                self._by_form.setdefault(normalise(form), entry.id)
        for entry in self.entries.values():
            for form in entry.forms:
                self._by_core.setdefault(core(form), entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self.entries.values())

    def get(self, entity_id: str) -> KBEntry | None:
        return self.entries.get(entity_id)

    def resolve(self, name: str) -> KBEntry | None:
        """The entry a name (canonical, alias, any case or accents) refers to."""
        key = self._by_form.get(normalise(name)) or self._by_core.get(core(name))
        return self.entries.get(key) if key else None

    def ancestors(self, entity_id: str) -> list[str]:
        """Parent, grandparent, ... of an entry (validated to be acyclic)."""
        out: list[str] = []
        entry = self.entries.get(entity_id)
        while entry and entry.parent and entry.parent not in out:
            out.append(entry.parent)
            entry = self.entries.get(entry.parent)
        return out

    def children(self, entity_id: str) -> list[KBEntry]:
        """Entries whose parent is `entity_id` (brands, subsidiaries), by name."""
        found = [e for e in self.entries.values() if e.parent == entity_id]
        return sorted(found, key=lambda e: normalise(e.name))

    def lookup(self, name: str) -> KBEntry | None:
        """The entry with id `name`, else the one a name or alias resolves to."""
        return self.entries.get(name.strip()) or self.resolve(name)

    def describe(self, entity_id: str) -> dict[str, Any]:
        """An entry as plain data, with its chain of owners and its children."""
        entry = self.entries[entity_id]

        def brief(e: KBEntry) -> dict[str, str]:
            return {"id": e.id, "name": e.name, "kind": e.kind}

        return {
            "id": entry.id,
            "name": entry.name,
            "aliases": list(entry.aliases),
            "weak_aliases": list(entry.weak_aliases),
            "country": entry.country,
            "kind": entry.kind,
            "wikidata": entry.wikidata,
            "parent": entry.parent,
            "owners": [brief(self.entries[i]) for i in self.ancestors(entity_id)],
            "children": [brief(e) for e in self.children(entity_id)],
        }

    def related_by_ownership(self, a: str, b: str) -> bool:
        """True when one is an ancestor of the other or both share a parent group."""
        up_a, up_b = self.ancestors(a), self.ancestors(b)
        return a in up_b or b in up_a

    def search(
        self, query: str, *, limit: int = 10, min_score: float = 70
    ) -> list[tuple[KBEntry, float]]:
        """Entries whose forms look like `query`, best first (rapidfuzz WRatio, 0-100)."""
        from rapidfuzz import fuzz, process

        choices = {
            (entry.id, form): normalise(form)
            for entry in self.entries.values()
            for form in (*entry.forms, *entry.weak_aliases)
        }
        hits = process.extract(
            normalise(query), choices, scorer=fuzz.WRatio, limit=None, score_cutoff=min_score
        )
        best: dict[str, float] = {}
        for _, score, (entry_id, _form) in hits:
            best[entry_id] = max(best.get(entry_id, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [(self.entries[i], s) for i, s in ranked]


def builtin_path() -> Path:
    return Path(str(resources.files("tieup.kb") / "data" / "companies.jsonl"))


def _label(raw: dict) -> str:
    """How an entry is named in messages: its id, else its name."""
    for key in ("id", "name"):
        if isinstance(raw.get(key), str) and raw[key].strip():
            return repr(raw[key])
    return "without id or name"


def _entry(raw: object, where: str) -> KBEntry:
    if not isinstance(raw, dict):
        raise KBError(f"{where}: an entry must be a JSON object, not {type(raw).__name__}")
    here = f"{where}: entry {_label(raw)}"
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise KBError(f"{here}: missing field(s) {', '.join(missing)}")
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        raise KBError(f"{here}: id {raw['id']!r} must be a lowercase slug (a-z, 0-9, -)")
    if not isinstance(raw["name"], str) or not raw["name"].strip():
        raise KBError(f"{here}: name must be a non-empty string")
    for key in ("aliases", "weak_aliases"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(
            isinstance(a, str) and a.strip() for a in value
        ):
            raise KBError(f"{here}: {key} must be a list of non-empty strings")
    if raw["kind"] not in KINDS:
        raise KBError(f"{here}: kind {raw['kind']!r} is not one of {', '.join(sorted(KINDS))}")
    if raw["parent"] is not None and not isinstance(raw["parent"], str):
        raise KBError(f"{here}: parent must be an id or null")
    for key in ("country", "wikidata"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise KBError(f"{here}: {key} must be a string or null")
    return KBEntry(
        id=raw["id"],
        name=raw["name"],
        aliases=tuple(raw["aliases"]),
        weak_aliases=tuple(raw.get("weak_aliases", [])),
        country=raw.get("country"),
        kind=raw["kind"],
        parent=raw["parent"],
        wikidata=raw.get("wikidata"),
    )


def read_entries(path: Path) -> Iterator[tuple[int, KBEntry]]:
    """(line number, entry) for each non-blank line of a KB file."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise KBError(f"{path}: cannot read the KB file ({e})") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as e:
            raise KBError(f"{path}:{n}: invalid JSON ({e.msg}, column {e.colno})") from e
        yield n, _entry(raw, f"{path}:{n}")


def validate(entries: dict[str, KBEntry], origins: Mapping[str, str] | None = None) -> None:
    """Unknown parents, parent cycles and forms shared by two entries are errors.

    Forms are compared normalised (case, accents, punctuation), weak aliases
    included, since that is how names are looked up. `origins` maps an id to
    the ``file:line`` it came from, for the messages.
    """
    origins = origins or {}

    def here(entry_id: str) -> str:
        origin = origins.get(entry_id)
        return f"{origin}: entry {entry_id!r}" if origin else f"KB entry {entry_id!r}"

    owner: dict[str, tuple[str, str]] = {}
    for entry in entries.values():
        for form in (*entry.forms, *entry.weak_aliases):
            other_id, other_form = owner.setdefault(normalise(form), (entry.id, form))
            if other_id != entry.id:
                also = f" (as {other_form!r})" if other_form != form else ""
                at = f" at {origins[other_id]}" if other_id in origins else ""
                raise KBError(
                    f"{here(entry.id)}: alias {form!r} already belongs to "
                    f"{other_id!r}{also}{at}; keep it in one entry only"
                )
    for entry in entries.values():
        if entry.parent is not None and entry.parent not in entries:
            raise KBError(
                f"{here(entry.id)}: parent {entry.parent!r} does not exist; "
                "add that entry or set parent to null"
            )
        seen = [entry.id]
        parent = entry.parent
        while parent is not None:
            if parent in seen:
                chain = " -> ".join([*seen, parent])
                raise KBError(f"{here(entry.id)}: parents form a cycle ({chain})")
            seen.append(parent)
            parent = entries[parent].parent if parent in entries else None


def load_kb(paths: Iterable[Path | str] | None = None) -> KnowledgeBase:
    """The built-in KB with the user's files merged on top, validated."""
    files = tuple(str(f) for f in [builtin_path(), *(Path(p) for p in paths or ())])
    return _load(files, tuple(_stamp(f) for f in files))


def _stamp(file: str) -> tuple[int, int]:
    """Modification time and size: an edited file is read again, not served from cache."""
    try:
        stat = Path(file).stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(files: tuple[str, ...], stamps: tuple[tuple[int, int], ...]) -> KnowledgeBase:
    del stamps  # only part of the cache key
    entries: dict[str, KBEntry] = {}
    origins: dict[str, str] = {}
    for file in files:
        path = Path(file)
        if not path.is_file():
            raise KBError(f"{path}: KB file not found")
        lines_here: dict[str, int] = {}
        for n, entry in read_entries(path):
            if entry.id in lines_here:
                raise KBError(
                    f"{path}:{n}: entry {entry.id!r}: id already used at line "
                    f"{lines_here[entry.id]} of the same file"
                )
            lines_here[entry.id] = n
            if entry.id in entries:
                log.debug("KB: %s:%d replaces %r from %s", path, n, entry.id, origins[entry.id])
            entries[entry.id] = entry
            origins[entry.id] = f"{path}:{n}"
    validate(entries, origins)
    log.debug("KB: %d organisations from %s", len(entries), ", ".join(files))
    return KnowledgeBase(entries=entries, sources=files)
