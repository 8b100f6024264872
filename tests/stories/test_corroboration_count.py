"""`tieup.stories.corroboration`: independent outlets, copies once, noisy-or confidence."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from stories_factories import make_extraction

from tieup.store import Store
from tieup.stories import corroboration, corroboration_facts, noisy_or

PAIR = ("new:ivenko", "new:sorrel")


def test_corroboration_noisy_or() -> None:
    assert noisy_or([]) == 0.0
    assert noisy_or([0.5]) == pytest.approx(0.5)
    assert noisy_or([0.5, 0.5]) == pytest.approx(0.75)
    assert noisy_or([0.6, 0.7, 0.2]) == pytest.approx(1 - 0.4 * 0.3 * 0.8)
    assert noisy_or([1.5, -1]) == 1.0  # clamped


def test_corroboration_counts_outlets_not_articles(store: Store, save: Callable) -> None:
    tie = [("Sorrel", "Ivenko", "agreed")]
    save(make_extraction("a1", body="Sorrel and Ivenko signed a deal.", date="2025-06-10",
                         url="https://one.example/a", tieups=tie, confidence=0.6))
    save(make_extraction("a2", body="Sorrel and Ivenko have signed their battery deal.",
                         date="2025-06-11", url="https://one.example/b", tieups=tie,
                         confidence=0.7))
    save(make_extraction("a3", body="A deal between Sorrel and Ivenko was signed.",
                         date="2025-06-11", url="https://two.example/c", tieups=tie,
                         confidence=0.5))
    assert corroboration(store) == {PAIR: 2}
    fact = corroboration_facts(store)[0]
    assert fact["outlets"] == ["one.example", "two.example"]
    # one.example brings its best confidence (0.7), two.example 0.5
    assert fact["confidence"] == pytest.approx(1 - 0.3 * 0.5, abs=1e-3)
    assert fact["statuses"] == {"agreed": 2}


def test_corroboration_syndicated_copy_counts_once(store: Store, save: Callable) -> None:
    body = ("Sorrel Motors and Ivenko Cells signed an agreement to form a battery joint "
            "venture. The new company will make cells for Sorrel's vans from 2027.")
    tie = [("Sorrel", "Ivenko", "agreed")]
    save(make_extraction("orig", body=body, date="2025-06-10", url="https://one.example/a",
                         tieups=tie))
    save(make_extraction("copy", body=body, date="2025-06-11", url="https://two.example/a",
                         tieups=tie))
    assert corroboration(store) == {PAIR: 1}
