"""Readers' reactions: each comment's sentiment, questions and organisations.

Comments are read apart from the article body and never reach the tie-up
extraction (`tieup.relate` only sees the body). The pipeline calls
`read_comments` right after cleaning; `tieup.reactions.summary` sums the
stored comments up per article or per story.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from tieup.kb.loader import KnowledgeBase
from tieup.models import Comment
from tieup.reactions.orgs import orgs
from tieup.reactions.questions import asks
from tieup.reactions.sentiment import sentiment

log = logging.getLogger(__name__)


def read_comment(comment: Comment, *, lang: str | None, kb: KnowledgeBase | None) -> Comment:
    """A copy of `comment` with its sentiment, question flag and organisations."""
    lang = lang or "fr"
    return replace(
        comment,
        sentiment=sentiment(comment.text, lang),
        question=asks(comment.text, lang),
        orgs=orgs(comment.text, kb) if kb is not None else [],
    )


def read_comments(
    comments: list[Comment], *, lang: str | None, kb: KnowledgeBase | None
) -> list[Comment]:
    """Every comment read (see `read_comment`), in the same order."""
    out = [read_comment(c, lang=lang, kb=kb) for c in comments]
    if out:
        log.debug("reactions: read %d comments (%s)", len(out), lang)
    return out


__all__ = ["read_comment", "read_comments"]
