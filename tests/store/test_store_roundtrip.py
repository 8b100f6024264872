"""Stored records read back equal: what `Store.article` gives is `canonical(extraction)`."""

from __future__ import annotations

import dataclasses
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieup.models import Article, Comment, Entity, Extraction, Kind, Role, Status, TieUp
from tieup.store import Store, canonical

# Any text a source could hand over, NUL included (the store drops it), lone
# surrogates excluded (they cannot be encoded for any database).
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
short = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)
maybe = st.none() | texts
ids = st.sampled_from(["renault-group", "xiaomi", "geely", "new:x"]) | short

comments = st.builds(
    Comment, n=st.integers(0, 500), text=texts, author=maybe, sentiment=maybe,
    question=st.none() | st.booleans(), orgs=st.lists(short, max_size=3),
)
articles = st.builds(
    Article,
    id=short,
    origin=texts,
    paragraphs=st.lists(texts, max_size=4),
    title=maybe,
    url=maybe,
    date=st.none() | st.dates().map(str) | st.sampled_from(["2023-07", "2024"]),
    date_source=st.none() | st.sampled_from(["input", "html", "text"]),
    lang=st.none() | st.sampled_from(["fr", "en"]),
    comments=st.lists(comments, max_size=3),
    comments_announced=st.none() | st.integers(0, 10_000),
    boilerplate=st.lists(texts, max_size=3),
)
entities = st.builds(
    Entity, id=ids, name=short, type=st.sampled_from(["org", "person"]), in_kb=st.booleans(),
    parent=st.none() | ids, mentions=st.lists(short, max_size=3),
)
tieups = st.builds(
    TieUp, a=short, b=short, status=st.sampled_from(Status), kind=st.sampled_from(Kind),
    evidence=texts, confidence=st.floats(0, 1), a_id=st.none() | ids, b_id=st.none() | ids,
    statuses=st.lists(st.sampled_from([s.value for s in Status]), max_size=3),
)
roles = st.builds(
    Role, person=short, role=short, org=short, org_id=st.none() | ids, evidence=maybe
)
extractions = st.builds(
    Extraction,
    article=articles,
    entities=st.lists(entities, max_size=4),
    tieups=st.lists(tieups, max_size=4),
    roles=st.lists(roles, max_size=3),
)


_runs = itertools.count()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extraction=extractions, source=short)
def test_store_roundtrip_reads_back_equal(
    store: Store, extraction: Extraction, source: str
) -> None:
    source = f"{source}#{next(_runs)}"  # a fresh source: this save must write
    expected = canonical(extraction)
    assert store.save(extraction, source=source) is True
    assert store.article(expected.article.id) == expected
    assert store.save(extraction, source=source) is False


def test_store_canonical_orders_the_pair_and_fills_ids() -> None:
    extraction = Extraction(
        article=Article(id="a", origin="a.txt", paragraphs=["Xiaomi meets Renault.\x00"]),
        entities=[Entity(id="renault-group", name="Renault Group", in_kb=True)],
        tieups=[TieUp(a="Xiaomi", b="Renault Group", status=Status.TALKS,
                      kind=Kind.MEETING, evidence="Xiaomi meets Renault.", confidence=0.5)],
        roles=[],
    )
    result = canonical(extraction)
    tieup = result.tieups[0]
    assert (tieup.a_id, tieup.b_id) == ("new:xiaomi", "renault-group")
    assert (tieup.a, tieup.b) == ("Xiaomi", "Renault Group")
    assert result.article.paragraphs == ["Xiaomi meets Renault."]
    swapped = dataclasses.replace(
        extraction, tieups=[dataclasses.replace(extraction.tieups[0], a_id="zz")]
    )
    tieup = canonical(swapped).tieups[0]
    assert (tieup.a_id, tieup.b_id, tieup.a, tieup.b) == (
        "renault-group", "zz", "Renault Group", "Xiaomi"
    )
