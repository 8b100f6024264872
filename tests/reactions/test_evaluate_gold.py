"""Quality gate on the gold comments (tests/data/comments-seeds.jsonl, a copy of
shared/gold/comments-seeds.jsonl): the acceptance floors of the readers'
reactions issue, and the Wilson interval the README quotes."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tieup.reactions.evaluate import evaluate_file, wilson

DATA = Path(__file__).parents[1] / "data"
GOLD = DATA / "comments-seeds.jsonl"
SEEDS = DATA / "seeds.jsonl"

# Floors: only ever raised. Measured: 12/13 sentiments, 13/13 question flags.
MIN_SENTIMENT = 12
MIN_QUESTION_FLAGS = 13


@pytest.fixture(scope="module")
def figures() -> dict:
    return evaluate_file(GOLD, texts_path=SEEDS)


def test_evaluate_sentiment_floor(figures: dict) -> None:
    assert figures["comments"] == 13
    assert figures["sentiment"]["correct"] >= max(MIN_SENTIMENT, 10)
    # the rules must beat VADER alone, or they are not worth having
    assert figures["sentiment"]["correct"] > figures["sentiment_baseline"]["correct"]


def test_evaluate_all_gold_questions_found(figures: dict) -> None:
    assert figures["questions_found"]["total"] == 5
    assert figures["questions_found"]["correct"] == 5
    assert figures["question"]["correct"] >= MIN_QUESTION_FLAGS


def test_evaluate_extraction_of_the_seeds(figures: dict) -> None:
    by_id = {a["id"]: a for a in figures["extraction"]["articles"]}
    avenir = by_id["fr-seed-001"]
    assert (avenir["shown"], avenir["announced"]) == (13, 43)
    assert avenir["same_texts"] == avenir["gold_texts"] == 13
    xiaomitoday = by_id["fr-seed-000"]
    assert (xiaomitoday["shown"], xiaomitoday["announced"]) == (0, 0)


def test_wilson_interval_known_values() -> None:
    low, high = wilson(0, 10)
    assert low == 0.0
    assert math.isclose(high, 1.959964**2 / (10 + 1.959964**2), rel_tol=1e-9)
    low, high = wilson(12, 13)
    assert low < 12 / 13 < high <= 1.0
    # symmetric: k successes of n mirror n - k
    assert all(
        math.isclose(a, 1 - b, abs_tol=1e-12)
        for a, b in zip(wilson(3, 13), reversed(wilson(10, 13)), strict=True)
    )
    assert wilson(0, 0) == (0.0, 1.0)
