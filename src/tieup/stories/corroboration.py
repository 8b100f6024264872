"""How many independent outlets back each tie-up, and how sure that makes us.

An outlet counts once per pair however many of its articles report it, and a
duplicate or syndicated copy adds nothing (only the first article of a group
of copies counts, under its own outlet). Confidence rises with
corroboration: the noisy-or of the outlets' confidences,
``1 - prod(1 - c)``, where each outlet brings the highest confidence any of
its articles gives the pair.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tieup.stories.duplicates import Copies, collapse
from tieup.stories.records import load_records

if TYPE_CHECKING:
    from tieup.store import Store

logger = logging.getLogger(__name__)

Pair = tuple[str, str]


@dataclass(slots=True)
class Support:
    """Who reports one pair: outlets with their best confidence, statuses by outlet."""

    pair: Pair
    names: tuple[str, str]
    outlets: dict[str, float] = field(default_factory=dict)  # outlet -> best confidence
    statuses: dict[str, set[str]] = field(default_factory=dict)  # status -> outlets
    rows: list[dict[str, Any]] = field(default_factory=list)  # the counted assertions

    @property
    def count(self) -> int:
        return len(self.outlets)

    @property
    def confidence(self) -> float:
        return noisy_or(self.outlets.values())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "a": self.names[0],
            "b": self.names[1],
            "a_id": self.pair[0],
            "b_id": self.pair[1],
            "corroboration": self.count,
            "confidence": round(self.confidence, 3),
            "outlets": sorted(self.outlets),
            "statuses": {s: len(o) for s, o in sorted(self.statuses.items())},
        }


def noisy_or(confidences: Iterable[float]) -> float:
    """1 - prod(1 - c): the chance that at least one independent report is right."""
    doubt = 1.0
    for c in confidences:
        doubt *= 1.0 - min(max(float(c), 0.0), 1.0)
    return 1.0 - doubt


def support(groups: Iterable[Copies]) -> dict[Pair, Support]:
    """Per pair, who reports it, counting each group of copies once (its first article)."""
    result: dict[Pair, Support] = {}
    for group in groups:
        record = group.first
        for row in record.tieups:
            pair = (row["a_id"], row["b_id"])
            entry = result.setdefault(pair, Support(pair, (row["a_name"], row["b_name"])))
            best = entry.outlets.get(record.outlet, 0.0)
            entry.outlets[record.outlet] = max(best, float(row["confidence"]))
            entry.statuses.setdefault(row["status"], set()).add(record.outlet)
            entry.rows.append(row)
    return result


def corroboration(store: Store) -> dict[Pair, int]:
    """Independent outlets per pair (entity ids, sorted) across the whole store."""
    return {pair: s.count for pair, s in corroboration_support(store).items()}


def corroboration_support(store: Store) -> dict[Pair, Support]:
    """`Support` per pair across the whole store (duplicates collapsed first)."""
    return support(collapse(load_records(store)))


def corroboration_facts(store: Store) -> list[dict[str, Any]]:
    """JSON-ready: every pair with its corroboration, confidence, outlets and statuses,
    the best corroborated first."""
    facts = [s.to_dict() for s in corroboration_support(store).values()]
    facts.sort(key=lambda f: (-f["corroboration"], -f["confidence"], f["a_id"], f["b_id"]))
    return facts
