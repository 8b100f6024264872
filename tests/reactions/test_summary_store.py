"""Reactions summed up per article and per story, from a store filled with
hand-made extractions (no NLP)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tieup import stories
from tieup.kb.loader import KnowledgeBase
from tieup.models import Article, Comment, Extraction, Story, StoryArticle, StorySource
from tieup.reactions.summary import UnknownReactionTarget, for_article, for_story, reactions
from tieup.store import Store


def _extraction(article_id: str, comments: list[Comment], announced: int | None,
                *, title: str = "Renault et Xiaomi") -> Extraction:
    return Extraction(
        article=Article(
            id=article_id, origin=f"{article_id}.txt",
            paragraphs=["Renault et Xiaomi se sont rencontrés au salon de Pékin."],
            title=title, url=f"https://{article_id}.example/a", date="2024-04-26",
            lang="fr", comments=comments, comments_announced=announced,
        ),
        entities=[], tieups=[], roles=[],
    )


READ = [
    Comment(n=1, text="Bravo à Renault !", sentiment="positive", question=False,
            orgs=["Renault Group"]),
    Comment(n=2, text="Et Xiaomi dans tout ça ? Renault devrait se méfier.",
            sentiment="negative", question=True, orgs=["Xiaomi", "Renault Group"]),
    Comment(n=3, text="Rien à dire.", sentiment="neutral", question=False, orgs=[]),
]
UNREAD = [  # as stored before tieup read comments
    Comment(n=1, text="Je me demande si Xiaomi tiendra ses promesses."),
    Comment(n=2, text="Bravo à Renault !"),  # the same text as in the other article
]


@pytest.fixture
def store(tmp_path: Path, kb: KnowledgeBase) -> Iterator[Store]:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}", kb=kb) as opened:
        opened.save(_extraction("a1", READ, 43), source="a1.txt")
        opened.save(_extraction("a2", UNREAD, None), source="a2.txt")
        opened.save(_extraction("a3", [], 0, title="Autre chose"), source="a3.txt")
        yield opened


def test_for_article_counts_questions_orgs(store: Store) -> None:
    result = for_article(store, "a1")
    assert result["kind"] == "article"
    assert (result["comments_shown"], result["comments_announced"]) == (3, 43)
    assert result["sentiment"] == {"positive": 1, "negative": 1, "neutral": 1, "mixed": 0}
    assert result["questions"] == [{
        "article_id": "a1", "n": 2, "questions": ["Et Xiaomi dans tout ça ?"],
        "text": READ[1].text,
    }]
    assert result["orgs"] == [{"name": "Renault Group", "comments": 2},
                              {"name": "Xiaomi", "comments": 1}]
    assert [c["n"] for c in result["comments"]] == [1, 2, 3]


def test_for_article_reads_unread_comments(store: Store) -> None:
    result = for_article(store, "a2")
    first = result["comments"][0]
    assert (first["sentiment"], first["question"], first["orgs"]) == ("neutral", True, ["Xiaomi"])
    assert result["comments_announced"] is None


def test_for_article_without_comments(store: Store) -> None:
    result = for_article(store, "a3")
    assert (result["comments_shown"], result["comments_announced"]) == (0, 0)
    assert result["questions"] == [] and result["orgs"] == []
    assert set(result["sentiment"].values()) == {0}


def test_for_story_totals_and_breakdown(store: Store) -> None:
    story = Story(
        id="s-test", title="Renault et Xiaomi", date_start="2024-04-26", date_end="2024-04-26",
        articles=[StoryArticle(id=i, source=f"{i}.txt", outlet=f"{i}.example", date=None,
                               title=None, sources=[StorySource(i, f"{i}.txt", f"{i}.example")])
                  for i in ("a1", "a2")],
        outlets=["a1.example", "a2.example"],
    )
    result = for_story(store, story, focus="a2")
    assert (result["kind"], result["story_id"], result["focus"]) == ("story", "s-test", "a2")
    assert [b["article_id"] for b in result["articles"]] == ["a1", "a2"]
    assert [b["comments_shown"] for b in result["articles"]] == [3, 2]
    # "Bravo à Renault !" appears in both articles: counted once
    assert result["comments_shown"] == 4
    assert result["comments_announced"] == 43
    assert result["sentiment"]["positive"] == 1
    assert [(q["article_id"], q["n"]) for q in result["questions"]] == [("a1", 2), ("a2", 1)]
    assert result["orgs"][0] == {"name": "Renault Group", "comments": 2}
    assert {"name": "Xiaomi", "comments": 2} in result["orgs"]


def test_reactions_by_article_or_story_id(store: Store) -> None:
    by_article = reactions(store, "a1")
    assert by_article["kind"] == "story" and by_article["focus"] == "a1"
    assert "a1" in [b["article_id"] for b in by_article["articles"]]
    story = stories.story_of_article(store, "a1")
    assert story is not None
    by_story = reactions(store, story.id)
    assert by_story["story_id"] == story.id and by_story["focus"] is None
    assert by_story["comments"] == by_article["comments"]


def test_reactions_unknown_id(store: Store) -> None:
    with pytest.raises(UnknownReactionTarget, match="no article or story with id 'nope'"):
        reactions(store, "nope")
    with pytest.raises(UnknownReactionTarget):
        for_article(store, "nope")
