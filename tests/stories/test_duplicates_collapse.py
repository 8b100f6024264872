"""`tieup.stories.duplicates`: exact copies, near-duplicates, different articles apart."""

from __future__ import annotations

from tieup.stories.duplicates import body_hash, collapse
from tieup.stories.records import Record, outlet_of

TEXT = (
    "Sorrel Motors and Ivenko Cells signed an agreement on Tuesday to build a battery plant "
    "near Zaragoza, with production due to start in 2027 and 900 jobs planned. The two "
    "companies will each hold half of the venture, which will make cells for compact vans "
    "sold in Spain, France and Portugal, the companies said in a joint statement."
)


def record(rid: str, body: str, *, date: str | None = "2025-03-01", url: str | None = None
           ) -> Record:
    url = url or f"https://{rid}.example/a"
    return Record(id=rid, url=url, source=url, outlet=outlet_of(url, url), date=date,
                  title=None, body=body)


def test_duplicates_exact_copy_ignores_case_spacing_and_punctuation() -> None:
    assert body_hash(TEXT) == body_hash("  " + TEXT.upper().replace(",", " ,") + "!")
    groups = collapse([record("a", TEXT), record("b", TEXT.upper())])
    assert len(groups) == 1
    assert [r.id for r in groups[0].records] == ["a", "b"]


def test_duplicates_near_copy_with_a_credit_line_collapses() -> None:
    copy = TEXT + " This story first appeared on Motor Ledger."
    groups = collapse([record("b", copy, date="2025-03-02"), record("a", TEXT)])
    assert len(groups) == 1
    assert groups[0].first.id == "a"  # the oldest copy counts


def test_duplicates_other_articles_on_the_same_event_stay_apart() -> None:
    other = (
        "Ivenko Cells will supply Sorrel Motors from a new plant in Aragon, the battery maker "
        "confirmed, adding that the site would open in 2027 and employ about 900 people."
    )
    assert len(collapse([record("a", TEXT), record("b", other)])) == 2


def test_duplicates_empty_bodies_are_not_duplicates_of_each_other() -> None:
    assert len(collapse([record("a", ""), record("b", "")])) == 2


def test_duplicates_outlet_is_the_host_or_the_file_name() -> None:
    assert outlet_of("https://www.Motor-Ledger.example/x", "x.jsonl:3") == "motor-ledger.example"
    assert outlet_of(None, "news/examples/article.fr.txt") == "article.fr.txt"
    assert outlet_of(None, "corpus.jsonl:3") == "corpus.jsonl:3"
