"""Hand-made extractions and data paths for the stories tests."""

from __future__ import annotations

import json
from pathlib import Path

from tieup.ingest import ingest
from tieup.models import Article, Entity, Extraction, Kind, Status, TieUp
from tieup.pipeline import Pipeline
from tieup.store import Store

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "stories"
EXAMPLES = ROOT / "examples"


def make_extraction(
    article_id: str,
    *,
    body: str,
    date: str | None,
    url: str | None,
    tieups: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    title: str | None = None,
    confidence: float = 0.8,
    kind: Kind = Kind.JOINT_VENTURE,
) -> Extraction:
    """An extraction whose entities have provisional ids from their names."""
    names = sorted({n for a, b, _ in tieups for n in (a, b)})
    return Extraction(
        article=Article(
            id=article_id,
            origin=f"{article_id}.txt",
            paragraphs=body.split("\n\n"),
            title=title,
            url=url,
            date=date,
            date_source="input" if date else None,
            lang="en",
        ),
        entities=[Entity(id=f"new:{n.lower()}", name=n) for n in names],
        tieups=[
            TieUp(a=a, b=b, status=Status(s), kind=kind, evidence=f"{a} and {b}: {s}.",
                  confidence=confidence, a_id=f"new:{a.lower()}", b_id=f"new:{b.lower()}")
            for a, b, s in tieups
        ],
        roles=[],
    )


def timeline_records() -> list[dict]:
    with open(DATA / "timeline-corpus.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ingest_jsonl(path: Path, store: Store, pipeline: Pipeline) -> None:
    report = ingest([str(path)], store=store, pipeline=pipeline)
    assert report.ok, report.skipped
