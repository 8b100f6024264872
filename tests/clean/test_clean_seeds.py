"""The two seed articles: golden outputs checked by eye, plus targeted assertions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tieup.clean import clean
from tieup.models import Article, Document

DATA = Path(__file__).resolve().parents[1] / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"


def _seeds() -> dict[str, dict]:
    with open(DATA / "seeds.jsonl", encoding="utf-8") as f:
        return {record["id"]: record for record in map(json.loads, f)}


SEEDS = _seeds()
XIAOMITODAY, AVENIR = "fr-seed-000", "fr-seed-001"


def _clean(seed_id: str, *, lang: str | None = None) -> Article:
    record = SEEDS[seed_id]
    return clean(Document(origin=seed_id, id=seed_id, text=record["text"], lang=lang))


@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_clean_seeds_match_golden(seed_id: str) -> None:
    golden = json.loads((GOLDEN / f"{seed_id}.json").read_text(encoding="utf-8"))
    article = _clean(seed_id)
    assert article.paragraphs == golden["paragraphs"]
    assert article.title == golden["title"]
    assert article.comments_announced == golden["comments_announced"]
    assert [{"n": c.n, "text": c.text} for c in article.comments] == golden["comments"]
    assert article.lang == "fr"


@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_clean_seeds_keep_no_furniture_in_body(seed_id: str) -> None:
    body = _clean(seed_id).body
    for word in ("Apple", "Rivian", "OFFRES", "Figuccia", "Souscrire", "Tesla", "•", "🚗",
                 "Points clés", "Partagez", "Logo", "commentaires"):
        assert word not in body


def test_clean_avenir_seed() -> None:
    article = _clean(AVENIR)
    assert article.title == "Renault et Xiaomi redéfinissent l’avenir des voitures électriques"
    assert article.title not in article.paragraphs
    starts = [p[:25] for p in article.paragraphs]
    expected = (
        "Lors du récent Salon de P", "La rencontre avec les dir", "Luca de Meo ne se content",
        "Ces discussions ne sont p", "La présence de Luca de Me", "D’un autre côté, il est c",
        "Ce recentrage sur les col",
    )
    for start in expected:
        assert start in starts
    assert any("Dongfeng et Geely sont déjà en place" in p for p in article.paragraphs)
    assert article.comments_announced == 43
    assert [c.n for c in article.comments] == list(range(1, 14))
    assert article.comments[0].text.startswith("Très curieux de voir")
    assert not article.comments[12].text.startswith("13")
    assert "Partagez votre avis" in article.boilerplate
    assert any("Apple et Rivian" in line for line in article.boilerplate)
    assert "Points clés explorés :" in article.boilerplate


def test_clean_xiaomitoday_seed() -> None:
    article = _clean(XIAOMITODAY)
    assert article.title == (
        "Le PDG de Renault rencontre Lei Jun, PDG de Xiaomi : y aura-t-il une collaboration ?"
    )
    assert [p[:20] for p in article.paragraphs] == [
        "Lors du dernier Salo", "Ces rencontres ont a", "L'approche de De Meo",
        "La coopération de Re", "François Provost, di", "Enfin, la position d",
    ]
    assert article.comments_announced == 0
    assert article.comments == []
    for line in ("Lei Jun PDG Renault Xiaomi Lei Jun", "Lei Jun", "Photos internes du Xiaomi SU7",
                 "Xiaomi SU7", "Pierpaolo Figuccia", "Souscrire", "notifier", "invité",
                 "0 commentaires", "Commentaires en ligne", "Voir tous les commentaires",
                 "XiaomiToday.it", "Logo", article.title):
        assert line in article.boilerplate
    assert article.boilerplate.count("Pierpaolo Figuccia") == 2
    assert any(line.startswith("Nerd, passionné") for line in article.boilerplate)
    assert any(line.startswith("Êtes-vous intéressé") for line in article.boilerplate)


def test_clean_seed_files_in_examples_agree_with_gold_text() -> None:
    examples = DATA.parents[1] / "examples"
    path = examples / "renault-xiaomi-avenir.fr.txt"
    if not path.is_file():
        pytest.skip("examples/ not in this checkout")
    article = clean(Document(origin=str(path), text=path.read_text(encoding="utf-8")))
    assert article.paragraphs == _clean(AVENIR).paragraphs
