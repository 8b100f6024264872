"""Schema and coverage checks for the built-in company knowledge base.

The data file is read directly with :mod:`json` so that these checks do not
depend on the loader or the linker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KB_FILE = ROOT / "src" / "tieup" / "kb" / "data" / "companies.jsonl"
GOLD_FILES = [
    ROOT / "tests" / "data" / name for name in ("seeds.jsonl", "dev-fr.jsonl", "dev-en.jsonl")
]

KINDS = {
    "automaker", "brand", "battery", "semiconductor", "tech", "software", "cloud",
    "supplier", "energy", "investor", "mobility", "joint_venture", "media", "government",
    "other",
}
FIELDS = {"id", "name", "aliases", "weak_aliases", "wikidata", "country", "kind", "parent"}
REQUIRED = FIELDS - {"weak_aliases"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
MIN_ENTRIES = 450

# Same normalisation as the reference scorer (tests/data/reference_score.py).
SUFFIXES = {
    "group", "groupe", "motor", "motors", "auto", "automobile", "automobiles", "inc", "ltd",
    "sa", "se", "ag", "co", "corp", "corporation", "holding", "holdings", "company", "plc",
    "nv", "gmbh", "llc", "limited", "the",
}


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^\w&]+", " ", s).split())


def core(name: str) -> str:
    words = [w for w in norm(name).split() if w not in SUFFIXES]
    return " ".join(words) or norm(name)


def _lines() -> list[str]:
    return KB_FILE.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def entries() -> list[dict]:
    return [json.loads(line) for line in _lines()]


@pytest.fixture(scope="module")
def by_id(entries: list[dict]) -> dict[str, dict]:
    return {entry["id"]: entry for entry in entries}


def _strong_forms(entry: dict) -> list[str]:
    return [entry["name"], *entry["aliases"]]


def _all_forms(entry: dict) -> list[str]:
    return [*_strong_forms(entry), *entry.get("weak_aliases", [])]


@pytest.fixture(scope="module")
def by_norm(entries: list[dict]) -> dict[str, set[str]]:
    """Normalised form -> ids of the entries that have it (name, alias or weak alias)."""
    out: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for form in _all_forms(entry):
            out[norm(form)].add(entry["id"])
    return out


def test_kb_data_every_line_is_a_json_object() -> None:
    lines = _lines()
    assert lines, "the KB file is empty"
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"line {n} is blank"
        assert isinstance(json.loads(line), dict), f"line {n} is not a JSON object"


def test_kb_data_fields_and_types(entries: list[dict]) -> None:
    for entry in entries:
        where = entry.get("id", entry)
        assert entry.keys() >= REQUIRED, f"{where}: missing {REQUIRED - entry.keys()}"
        assert entry.keys() <= FIELDS, f"{where}: unknown fields {entry.keys() - FIELDS}"
        assert isinstance(entry["name"], str) and entry["name"].strip() == entry["name"] != ""
        for key in ("aliases", "weak_aliases"):
            forms = entry.get(key, [])
            assert isinstance(forms, list), f"{where}: {key} must be a list"
            for form in forms:
                ok = isinstance(form, str) and form.strip() == form != ""
                assert ok, f"{where}: bad {key} {form!r}"
        assert entry["wikidata"] is None or QID.match(entry["wikidata"]), f"{where}: wikidata"
        country = entry["country"]
        assert isinstance(country, str) and COUNTRY.match(country), f"{where}: country"
        assert entry["parent"] is None or isinstance(entry["parent"], str), f"{where}: parent"


def test_kb_data_kinds_are_allowed(entries: list[dict]) -> None:
    bad = {entry["id"]: entry["kind"] for entry in entries if entry["kind"] not in KINDS}
    assert not bad


def test_kb_data_ids_are_unique_slugs_in_sorted_order(entries: list[dict]) -> None:
    ids = [entry["id"] for entry in entries]
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    assert ids == sorted(ids), "entries must be sorted by id"


def test_kb_data_has_enough_organisations(entries: list[dict]) -> None:
    assert len(entries) >= MIN_ENTRIES


def test_kb_data_parents_exist_and_form_no_cycle(by_id: dict[str, dict]) -> None:
    for entry_id, entry in by_id.items():
        seen = [entry_id]
        parent = entry["parent"]
        while parent is not None:
            assert parent in by_id, f"{entry_id}: parent {parent!r} does not exist"
            assert parent not in seen, f"parent cycle: {' -> '.join([*seen, parent])}"
            seen.append(parent)
            parent = by_id[parent]["parent"]


def test_kb_data_no_form_repeated_within_an_entry(entries: list[dict]) -> None:
    for entry in entries:
        forms = _all_forms(entry)
        assert len(forms) == len(set(forms)), f"{entry['id']}: a form is listed twice"


def test_kb_data_no_form_belongs_to_two_entries(entries: list[dict]) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for entry in entries:
        for form in _all_forms(entry):
            other = owner.setdefault(form, entry["id"])
            if other != entry["id"]:
                clashes.append((form, other, entry["id"]))
    assert not clashes


def test_kb_data_no_normalised_form_belongs_to_two_entries(by_norm: dict[str, set[str]]) -> None:
    # Case and accents are folded by the linker, so "Mini" and "MINI" must not
    # point at two different organisations either.
    clashes = {form: sorted(ids) for form, ids in by_norm.items() if len(ids) > 1}
    assert not clashes


# A name stripped of its suffixes ("Peugeot SA" -> "peugeot") is how an unseen
# variant is looked up, so two entries sharing one resolve by file order. These
# pairs are a group and its namesake (PSA Group was "Peugeot SA"; Porsche SE
# holds Porsche AG; Volvo Cars and AB Volvo are two companies): the exact name
# decides. Do not add to this list without a reason of that kind.
KNOWN_CORE_CLASHES = {"peugeot", "porsche", "tata", "volvo"}


def test_kb_data_no_new_core_clashes(entries: list[dict]) -> None:
    by_core: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for form in _strong_forms(entry):
            by_core[core(form)].add(entry["id"])
    clashes = {c: sorted(ids) for c, ids in by_core.items() if len(ids) > 1}
    assert clashes.keys() <= KNOWN_CORE_CLASHES, clashes


def _gold_entities() -> list[tuple[str, str, list[str], dict[str, list[str]]]]:
    out = []
    for path in GOLD_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            entities = record.get("entities", {})
            for canon, forms in entities.items():
                out.append((record["id"], canon, forms, entities))
    return out


def _scorer_resolver(entities: dict[str, list[str]]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for canon, aliases in entities.items():
        for form in [canon, *aliases]:
            forms.setdefault(norm(form), canon)
            forms.setdefault(core(form), canon)
    return forms


GOLD = _gold_entities()


def test_kb_data_gold_files_have_entities() -> None:
    assert len(GOLD) > 100


@pytest.mark.parametrize(
    ("record_id", "canon", "forms", "entities"), GOLD, ids=[f"{g[0]}:{g[1]}" for g in GOLD]
)
def test_kb_data_resolves_gold_entity(
    record_id: str,
    canon: str,
    forms: list[str],
    entities: dict[str, list[str]],
    by_id: dict[str, dict],
    by_norm: dict[str, set[str]],
) -> None:
    # Some form of the gold entity names exactly one KB entry, and that entry's
    # canonical name (what the linker outputs) scores as this gold entity.
    candidates = set()
    for form in [canon, *forms]:
        ids = by_norm.get(norm(form), set())
        if len(ids) == 1:
            candidates |= ids
    assert candidates, f"{record_id}: no KB entry for {canon!r} {forms}"
    resolver = _scorer_resolver(entities)
    good = [
        i for i in candidates
        if (resolver.get(norm(by_id[i]["name"])) or resolver.get(core(by_id[i]["name"]))) == canon
    ]
    names = [by_id[i]["name"] for i in candidates]
    assert good, f"{record_id}: KB names {names} do not score as {canon!r}"
