"""Comments are read during extraction, and never feed tie-ups."""

from __future__ import annotations

import json
from pathlib import Path

from tieup.kb.loader import KnowledgeBase
from tieup.models import Comment, Document
from tieup.pipeline import Pipeline
from tieup.reactions import comment_language, read_comments

DATA = Path(__file__).parents[1] / "data"

TIEUP_SENTENCE = (
    "Renault et Xiaomi ont signé un accord de coentreprise pour produire des voitures "
    "électriques."
)
ANOTHER = "Quel salon ! Va-t-il revenir l'an prochain"
PAGE = (
    "Le salon de Pékin s'est ouvert jeudi\n\n"
    "Le salon automobile de Pékin a ouvert ses portes jeudi avec plus de cent constructeurs "
    "venus présenter leurs nouveaux modèles électriques. Les visiteurs se pressent autour "
    "des stands, et les prix annoncés restent élevés pour la plupart des véhicules exposés "
    "cette année.\n\n"
    "{extra}Les organisateurs attendent près d'un million de visiteurs d'ici la fin de la "
    "semaine, un record pour l'événement.\n\n"
    "2 avis sur « Le salon de Pékin s'est ouvert jeudi »\n\n"
    "1. {comment}\n"
    "2. " + ANOTHER + "\n"
)


def test_read_comments_fills_every_field(kb: KnowledgeBase) -> None:
    given = [Comment(n=1, text="Bravo à Renault, excellente nouvelle !"),
             Comment(n=2, text="Does anyone know the price", author="Ann")]
    read = read_comments(given, lang="fr", kb=kb)
    assert [(c.n, c.sentiment, c.question, c.orgs) for c in read] == [
        (1, "positive", False, ["Renault Group"]),
        (2, "neutral", False, []),  # an English form, read with French rules
    ]
    assert read[1].author == "Ann"
    assert given[0].sentiment is None  # the input is left alone
    assert read_comments(given, lang="en", kb=None)[1].question is True


def test_long_comments_are_read_in_their_own_language(kb: KnowledgeBase) -> None:
    english = "Does anyone know when the car will reach Europe"
    assert comment_language(english, "fr") == "en"
    assert comment_language("Does anyone know", "fr") == "fr"  # too short to tell
    assert comment_language("Quelqu'un sait quand la voiture arrivera en Europe", "en") == "fr"
    assert comment_language("Bonjour", None) == "fr"
    read = read_comments([Comment(n=1, text=english)], lang="fr", kb=kb)
    assert read[0].question is True


def test_comment_tieup_sentence_gives_no_tieup(pipeline: Pipeline) -> None:
    extraction = pipeline.extract(
        Document(origin="t", id="t", text=PAGE.format(extra="", comment=TIEUP_SENTENCE))
    )
    assert [c.text for c in extraction.article.comments] == [TIEUP_SENTENCE, ANOTHER]
    assert extraction.article.comments[0].orgs == ["Renault Group", "Xiaomi"]
    assert extraction.article.comments[1].question is True
    assert extraction.tieups == []
    # the same sentence in the body does make a tie-up: the test above is not vacuous
    control = pipeline.extract(
        Document(origin="t", id="t2",
                 text=PAGE.format(extra=TIEUP_SENTENCE + " ", comment="Bonne nouvelle."))
    )
    assert {t.pair() for t in control.tieups} == {("renault-group", "xiaomi")}


def test_seed_comments_read_in_extraction(pipeline: Pipeline) -> None:
    with open(DATA / "seeds.jsonl", encoding="utf-8") as f:
        seed = next(r for r in map(json.loads, f) if r["id"] == "fr-seed-001")
    extraction = pipeline.extract(
        Document(origin="seed", id=seed["id"], text=seed["text"], lang=seed["lang"])
    )
    comments = extraction.article.comments
    assert len(comments) == 13 and extraction.article.comments_announced == 43
    assert all(c.sentiment is not None and c.question is not None for c in comments)
    assert comments[0].orgs == ["Renault Group", "Xiaomi"]
    texts = {c.text for c in comments}
    assert not any(t.evidence in texts for t in extraction.tieups)


HTML = """<html><head><title>Renault and Xiaomi meet in Beijing</title></head><body>
<article><h1>Renault and Xiaomi meet in Beijing</h1>
<p>Renault's chief executive met Xiaomi's founder at the Beijing motor show on Thursday,
the two companies said in a statement released after the meeting.</p>
<p>Both groups declined to say whether the talks would lead to a formal agreement, but
analysts expect an announcement on software and batteries within months.</p>
<p>The show runs until the end of the week and is expected to draw close to a million
visitors, a record for the event.</p></article>
<div id="comments" class="comments-area"><h2>2 thoughts on this article</h2>
<ol class="comment-list">
<li class="comment"><div class="comment-content"><p>Great news for European buyers, well done
Renault!</p></div></li>
<li class="comment"><div class="comment-content"><p>Does anyone know whether Xiaomi will build
the cars in Europe</p></div></li>
</ol></div></body></html>"""


def test_html_comments_read_in_extraction(pipeline: Pipeline) -> None:
    extraction = pipeline.extract(Document(origin="page.html", id="page", html=HTML))
    assert extraction.article.lang == "en"
    assert [(c.sentiment, c.question, c.orgs) for c in extraction.article.comments] == [
        ("positive", False, ["Renault Group"]),
        ("neutral", True, ["Xiaomi"]),
    ]
