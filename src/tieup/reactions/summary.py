"""Readers' reactions summed up per article or per story, from the store.

`for_article` and `for_story` return JSON-ready dicts (the CLI prints them,
the web story page can render them):

    {
      "comments_shown": 13, "comments_announced": 43,
      "sentiment": {"positive": 7, "negative": 2, "neutral": 3, "mixed": 1},
      "questions": [{"article_id": ..., "n": 3, "questions": ["...?"], "text": ...}],
      "orgs": [{"name": "Xiaomi", "comments": 6}, ...],
      "comments": [{"article_id", "n", "text", "author", "sentiment", "question",
                    "orgs"}, ...],
      ...
    }

A story adds its id, title, dates and outlets, and `articles`: the same
figures for each of its articles (every copy of a syndicated article counts:
each page has its own readers; a comment found twice with the same text is
counted once). `reactions(store, key)` takes an article id or a story id; an
article that belongs to a story gives the story's reactions with
`"focus": <article id>`.

Comments stored before tieup read them (no sentiment) are read on the fly.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING, Any

from tieup.errors import TieupError
from tieup.models import Article, Comment
from tieup.reactions import comment_language, read_comment
from tieup.reactions.questions import questions
from tieup.reactions.sentiment import LABELS

if TYPE_CHECKING:
    from tieup.models import Story
    from tieup.store import Store

log = logging.getLogger(__name__)


class UnknownReactionTarget(TieupError):
    """No stored article or story has that id."""

    def __init__(self, key: str, where: str) -> None:
        super().__init__(
            f"no article or story with id {key!r} in {where}; "
            "ingest the article first, or list stories with `tieup stories`"
        )
        self.key = key


def _comment_rows(article: Article, store: Store) -> list[dict[str, Any]]:
    rows = []
    for c in article.comments:
        comment: Comment = c
        if comment.sentiment is None or comment.question is None:
            comment = read_comment(c, lang=article.lang, kb=store.kb)
        rows.append(
            {
                "article_id": article.id,
                "n": comment.n,
                "text": comment.text,
                "author": comment.author,
                "sentiment": comment.sentiment,
                "question": bool(comment.question),
                "orgs": list(comment.orgs),
                "lang": comment_language(comment.text, article.lang),
            }
        )
    return rows


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts by sentiment, the questions and the organisations of comment rows."""
    sentiment = dict.fromkeys(LABELS, 0)
    orgs: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    asked = []
    for i, row in enumerate(rows):
        sentiment[row["sentiment"]] = sentiment.get(row["sentiment"], 0) + 1
        for name in dict.fromkeys(row["orgs"]):
            orgs[name] += 1
            first_seen.setdefault(name, i)
        if row["question"]:
            asked.append(
                {
                    "article_id": row["article_id"],
                    "n": row["n"],
                    "questions": questions(row["text"], row.get("lang") or "fr")
                    or [row["text"]],
                    "text": row["text"],
                }
            )
    return {
        "sentiment": sentiment,
        "questions": asked,
        "orgs": [
            {"name": name, "comments": count}
            for name, count in sorted(orgs.items(), key=lambda kv: (-kv[1], first_seen[kv[0]]))
        ],
    }


def _article_block(article: Article, store: Store) -> dict[str, Any]:
    rows = _comment_rows(article, store)
    return {
        "article_id": article.id,
        "title": article.title,
        "url": article.url,
        "date": article.date,
        "lang": article.lang,
        "comments_shown": len(rows),
        "comments_announced": article.comments_announced,
        **summarise(rows),
        "comments": [{k: v for k, v in r.items() if k != "lang"} for r in rows],
    }


def _load(store: Store, article_id: str) -> Article:
    extraction = store.article(article_id)
    if extraction is None:
        raise UnknownReactionTarget(article_id, store.display_url)
    return extraction.article


def for_article(store: Store, article_id: str) -> dict[str, Any]:
    """The reactions to one stored article. Raises UnknownReactionTarget."""
    return {"kind": "article", **_article_block(_load(store, article_id), store)}


def for_story(store: Store, story: Story, *, focus: str | None = None) -> dict[str, Any]:
    """The reactions to every article of a story, totalled and per article."""
    ids = list(dict.fromkeys(s.article_id for a in story.articles for s in a.sources))
    blocks = []
    for article_id in ids:
        extraction = store.article(article_id)
        if extraction is None:  # deleted between the story read and now
            log.warning("reactions: article %s of story %s is gone", article_id, story.id)
            continue
        blocks.append(_article_block(extraction.article, store))
    seen: set[str] = set()
    rows = []
    for block in blocks:
        for row in block["comments"]:
            key = " ".join(row["text"].casefold().split())
            if key in seen:
                continue
            seen.add(key)
            rows.append({**row, "lang": block["lang"]})
    announced = [b["comments_announced"] for b in blocks if b["comments_announced"] is not None]
    return {
        "kind": "story",
        "story_id": story.id,
        "title": story.title,
        "date_start": story.date_start,
        "date_end": story.date_end,
        "outlets": list(story.outlets),
        "focus": focus,
        "comments_shown": len(rows),
        "comments_announced": sum(announced) if announced else None,
        **summarise(rows),
        "comments": [{k: v for k, v in r.items() if k != "lang"} for r in rows],
        "articles": blocks,
    }


def reactions(store: Store, key: str) -> dict[str, Any]:
    """Reactions for an article id (its story's, when it has one) or a story id."""
    from tieup import stories

    if store.article(key) is not None:
        found = stories.story_of_article(store, key)
        if found is None:
            return for_article(store, key)
        return for_story(store, found, focus=key)
    found = stories.story(store, key)
    if found is None:
        raise UnknownReactionTarget(key, store.display_url)
    return for_story(store, found)
