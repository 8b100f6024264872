"""Fixtures shared by every test package: one extraction pipeline per session."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tieup.models import Document, Extraction
from tieup.pipeline import Pipeline

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The built-in KB and both languages' spaCy pipelines, loaded once."""
    return Pipeline()


@pytest.fixture(scope="session")
def extract_text(pipeline: Pipeline) -> Callable[..., Extraction]:
    """Extract one short text: `extract_text("Renault a signé ...", lang="fr")`."""

    def run(text: str, *, lang: str = "fr", title: str | None = None) -> Extraction:
        return pipeline.extract(
            Document(origin="test", id="test", text=text, lang=lang, title=title)
        )

    return run


@pytest.fixture(scope="session")
def gold_predictions(pipeline: Pipeline) -> Callable[[str], list[dict[str, Any]]]:
    """`tieup extract`'s output lines for a gold file of tests/data, computed once."""
    cache: dict[str, list[dict[str, Any]]] = {}

    def run(name: str) -> list[dict[str, Any]]:
        if name not in cache:
            with open(DATA / name, encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
            docs = [
                Document(
                    origin=f"{name}:{i}",
                    id=r["id"],
                    text=r["text"],
                    lang=r.get("lang"),
                    url=r.get("url"),
                    date=r.get("date"),
                )
                for i, r in enumerate(records, 1)
            ]
            cache[name] = [x.to_contract() for x in pipeline.extract_stream(docs)]
        return cache[name]

    return run
