"""Readers' reactions: each comment's sentiment, questions and organisations.

Comments are read apart from the article body and never reach the tie-up
extraction (`tieup.relate` only sees the body). The pipeline calls
`read_comments` right after cleaning; `tieup.reactions.summary` sums the
stored comments up per article or per story.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from tieup.clean.language import SUPPORTED, detect_language
from tieup.kb.loader import KnowledgeBase
from tieup.models import Comment
from tieup.reactions.orgs import orgs
from tieup.reactions.questions import asks
from tieup.reactions.sentiment import sentiment

log = logging.getLogger(__name__)


MIN_WORDS_TO_DETECT = 8  # shorter comments are read in the article's language


def comment_language(text: str, lang: str | None) -> str:
    """The language to read a comment in: its own when it is long enough for
    lingua to tell and is French or English, else the article's (`lang`)."""
    default = lang if lang in SUPPORTED else "fr"
    if len(text.split()) < MIN_WORDS_TO_DETECT:
        return default
    detected = detect_language(text)
    return detected if detected in SUPPORTED else default


def read_comment(comment: Comment, *, lang: str | None, kb: KnowledgeBase | None) -> Comment:
    """A copy of `comment` with its sentiment, question flag and organisations."""
    lang = comment_language(comment.text, lang)
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


__all__ = ["comment_language", "read_comment", "read_comments"]
