"""`tieup.stories.timeline`: a pair's assertions oldest first, and its current status."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from stories_factories import DATA, ingest_jsonl, make_extraction, timeline_records

from tieup.models import TimelineEntry
from tieup.pipeline import Pipeline
from tieup.store import Store, UnknownOrganisation
from tieup.stories import current_entry, timeline


def entry(date: str | None, status: str, *, confidence: float = 0.8, n: str = "x"
          ) -> TimelineEntry:
    return TimelineEntry(date=date, status=status, kind="joint_venture", evidence="...",
                         confidence=confidence, article_id=f"{n}{date}{status}",
                         source="s", outlet="o")


def current(*entries: TimelineEntry) -> str | None:
    found = current_entry(entries)
    return found.status if found else None


def test_timeline_confirmed_outranks_older_rumour() -> None:
    assert current(entry("2025-01-01", "rumored"), entry("2025-02-01", "agreed")) == "agreed"


def test_timeline_newer_rumour_does_not_override_confirmed() -> None:
    assert current(entry("2025-01-01", "agreed"), entry("2025-02-01", "rumored")) == "agreed"
    assert current(entry("2025-01-01", "active"), entry("2025-02-01", "talks")) == "active"


def test_timeline_ended_after_active_ends_it_and_a_new_deal_revives_it() -> None:
    assert current(entry("2025-01-01", "active"), entry("2025-02-01", "ended")) == "ended"
    assert current(entry("2025-01-01", "ended"), entry("2025-02-01", "rumored")) == "ended"
    assert current(entry("2025-01-01", "ended"), entry("2025-03-01", "agreed")) == "agreed"


def test_timeline_order_of_input_does_not_matter() -> None:
    entries = [entry("2025-02-01", "ended"), entry("2025-01-01", "active")]
    assert current(*entries) == current(*reversed(entries)) == "ended"


def test_timeline_same_day_later_stage_wins_and_undated_is_oldest() -> None:
    assert current(entry("2025-01-01", "ended"), entry("2025-01-01", "active")) == "ended"
    assert current(entry(None, "ended"), entry("2025-01-01", "active")) == "active"


def test_timeline_low_confidence_assertions_do_not_set_the_status() -> None:
    assert current(entry("2025-01-01", "talks"),
                   entry("2025-02-01", "agreed", confidence=0.05)) == "talks"
    assert current(entry("2025-02-01", "agreed", confidence=0.05)) is None


def _save_corpus(save: Callable) -> None:
    for r in timeline_records():
        t = r["tieup"]
        save(make_extraction(r["id"], body=r["text"], date=r["date"], url=r["url"],
                             title=r["title"], tieups=[(t["a"], t["b"], t["status"])]))


def test_timeline_corpus_rumored_talks_agreed_ended(store: Store, save: Callable) -> None:
    _save_corpus(save)
    found = timeline(store, "Sorrel Motors", "ivenko cells")  # any case, either order
    assert [e.status for e in found.entries] == ["rumored", "talks", "agreed", "ended"]
    assert [e.date for e in found.entries] == sorted(e.date for e in found.entries)
    assert found.current == "ended"
    assert found.current_entry is found.entries[-1]
    assert found.entries[0].outlet == "motorledger.example"
    assert found.entries[0].source.startswith("https://www.motorledger.example/")
    assert timeline(store, "Ivenko Cells", "Sorrel Motors").entries == found.entries


def test_timeline_unknown_names_and_unrelated_pairs(store: Store, save: Callable) -> None:
    _save_corpus(save)
    save(make_extraction("other", body="Pellworth and Astradyne agreed.", date="2025-01-01",
                         url="https://x.example/o", tieups=[("Pellworth", "Astradyne",
                                                             "agreed")]))
    with pytest.raises(UnknownOrganisation):
        timeline(store, "Sorrel Motors", "Nobody Inc")
    empty = timeline(store, "Sorrel Motors", "Pellworth")
    assert empty.entries == [] and empty.current is None


def test_timeline_corpus_through_the_real_pipeline(store: Store, pipeline: Pipeline) -> None:
    ingest_jsonl(DATA / "timeline-corpus.jsonl", store, pipeline)
    found = timeline(store, "Sorrel Motors", "Ivenko Cells")
    assert [e.status for e in found.entries] == ["rumored", "talks", "agreed", "ended"]
    assert found.current == "ended"
