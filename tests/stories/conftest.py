"""Fixtures for the stories tests: stores built from plain extractions, and the two
seed articles through the real pipeline (once per session)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from stories_factories import DATA, EXAMPLES

from tieup.models import Extraction
from tieup.pipeline import Pipeline
from tieup.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'stories.db'}") as opened:
        yield opened


@pytest.fixture
def save(store: Store) -> Callable[..., Extraction]:
    def run(extraction: Extraction, *, source: str | None = None) -> Extraction:
        store.save(extraction, source=source or extraction.article.origin)
        return extraction

    return run


@pytest.fixture(scope="session")
def seed_extractions(pipeline: Pipeline) -> list[Extraction]:
    """The two example articles (examples/*.fr.txt) through the real pipeline, once."""
    from tieup.sources import iter_documents

    docs = [d for d in iter_documents(str(EXAMPLES)) if not isinstance(d, Exception)]
    assert len(docs) == 2
    return [pipeline.extract(d) for d in docs]


@pytest.fixture
def seeds_store(store: Store, seed_extractions: list[Extraction]) -> Store:
    for extraction in seed_extractions:
        store.save(extraction, source=extraction.article.origin)
    return store


@pytest.fixture(scope="session")
def cluster_report(pipeline: Pipeline) -> dict:
    from tieup.stories.evaluate import evaluate_file

    return evaluate_file(DATA / "cluster-corpus.jsonl", pipeline=pipeline)


@pytest.fixture(scope="session")
def holdout_report(pipeline: Pipeline) -> dict:
    from tieup.stories.evaluate import evaluate_file

    return evaluate_file(DATA / "holdout-corpus.jsonl", pipeline=pipeline)


@pytest.fixture(scope="session")
def dev_report(pipeline: Pipeline) -> dict:
    from tieup.stories.evaluate import evaluate_files

    dev = DATA.parent
    return evaluate_files([dev / "dev-en.jsonl", dev / "dev-fr.jsonl"], pipeline=pipeline,
                          labels_file=DATA / "dev-story-labels.json")


