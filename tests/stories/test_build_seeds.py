"""Acceptance: the two seed articles form one story told by two outlets."""

from __future__ import annotations

import json
from pathlib import Path

from tieup.ingest import ingest
from tieup.models import Extraction, to_dict
from tieup.pipeline import Pipeline
from tieup.store import Store
from tieup.stories import build_stories, corroboration, story, story_of_article

RENAULT_XIAOMI = ("renault-group", "xiaomi")


def _renault_xiaomi(found) -> object:
    return next(t for t in found.tieups if (t.a_id, t.b_id) == RENAULT_XIAOMI)


def test_build_seeds_one_story_two_outlets(seeds_store: Store) -> None:
    found = build_stories(seeds_store)
    assert len(found) == 1
    only = found[0]
    assert len(only.articles) == 2
    assert len(only.outlets) == 2
    assert _renault_xiaomi(only).corroboration == 2
    assert sorted(_renault_xiaomi(only).outlets) == only.outlets
    assert corroboration(seeds_store)[RENAULT_XIAOMI] == 2


def test_build_seeds_corroboration_raises_confidence(seeds_store: Store) -> None:
    tieup = _renault_xiaomi(build_stories(seeds_store)[0])
    rows = seeds_store.pair_assertions(*RENAULT_XIAOMI)
    assert tieup.confidence >= max(r["confidence"] for r in rows)


def test_build_seeds_story_lookups_and_json(seeds_store: Store) -> None:
    only = build_stories(seeds_store)[0]
    assert story(seeds_store, only.id) == only
    assert story(seeds_store, "s-unknown") is None
    for article in only.articles:
        assert story_of_article(seeds_store, article.id) == only
    assert story_of_article(seeds_store, "no-such-article") is None
    data = json.loads(json.dumps(to_dict(only)))
    assert data["id"] == only.id and len(data["articles"]) == 2


def test_build_seeds_same_article_under_another_url_adds_no_corroboration(
    seeds_store: Store, seed_extractions: list[Extraction], pipeline: Pipeline, tmp_path: Path
) -> None:
    first = seed_extractions[0].article
    copy = tmp_path / "syndicated.jsonl"
    record = {"id": "copy-1", "url": "https://www.syndicator.example/renault-xiaomi",
              "lang": "fr", "text": (Path(first.origin)).read_text(encoding="utf-8")}
    copy.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    before = corroboration(seeds_store)
    report = ingest([str(copy)], store=seeds_store, pipeline=pipeline)
    assert report.stored == 1
    assert seeds_store.counts()["articles"] == 3
    assert corroboration(seeds_store) == before
    found = build_stories(seeds_store)
    assert len(found) == 1
    assert len(found[0].articles) == 2  # the copy collapsed into its original
    assert _renault_xiaomi(found[0]).corroboration == 2
    sources = {s.article_id for a in found[0].articles for s in a.sources}
    assert "copy-1" in sources
    assert story_of_article(seeds_store, "copy-1") == found[0]


def test_build_seeds_ingesting_again_changes_nothing(
    seeds_store: Store, seed_extractions: list[Extraction]
) -> None:
    before = build_stories(seeds_store)
    for extraction in seed_extractions:
        assert not seeds_store.save(extraction, source=extraction.article.origin)
    assert build_stories(seeds_store) == before


def test_build_seeds_cache_follows_the_rows(seeds_store: Store, tmp_path: Path) -> None:
    first = build_stories(seeds_store)
    first[0].title = "changed by the caller"
    assert build_stories(seeds_store)[0].title != "changed by the caller"  # a copy each time
    before = seeds_store.fingerprint()
    from stories_factories import make_extraction

    seeds_store.save(make_extraction("late", body="Pellworth and Astradyne agreed.",
                                     date="2030-01-01", url="https://x.example/late",
                                     tieups=[("Pellworth", "Astradyne", "agreed")]),
                     source="late")
    assert seeds_store.fingerprint() != before
    assert len(build_stories(seeds_store)) == 2
