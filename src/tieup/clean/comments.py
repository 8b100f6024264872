"""Readers' comments in plain text: the header that announces them, and the records.

The header is the line that opens a comment section: "43 avis sur « … »",
"0 commentaires", "12 Comments", "3 thoughts on “…”", "Leave a Reply".
The count it announces may differ from the comments shown (pages show the
first few). After the header, numbered lines ("1. Très curieux …") and
prose lines are comments; widget labels are not; a call to action such as
"Partagez votre avis" closes the section.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from tieup.models import Comment

logger = logging.getLogger(__name__)

_COUNT_WORDS = {"no": 0, "aucun": 0, "aucune": 0, "zero": 0, "zéro": 0, "un": 1, "une": 1,
                "one": 1, "two": 2, "deux": 2, "three": 3, "trois": 3}
_NOUNS = (
    r"avis|commentaires?|comments?|réactions?|reactions?|réponses?|responses?|replies|reply"
    r"|thoughts?|contributions?|messages?"
)
_COUNTED = re.compile(
    rf"^\(?(?P<n>\d[\d\s.,]*|{'|'.join(_COUNT_WORDS)})\)?\s+(?P<noun>{_NOUNS})\b",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"^(?:(?:{_NOUNS})(?:\s*\((?P<n>\d+)\))?|leave a reply|laisser un commentaire"
    r"|laissez un commentaire|discussion|vos réactions|your comments)\s*:?$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,4})\s*[.)]\s+(?P<text>\S.*)$")
_AUTHOR = re.compile(
    r"^(?P<author>.{2,60}?)\s+(?:dit|a dit|a écrit|says|said|wrote)\s*:?\s*$", re.IGNORECASE
)
MAX_HEADER_WORDS = 25


@dataclass(slots=True, frozen=True)
class Header:
    """A comments header and the count it announces, if any."""

    announced: int | None


def parse_header(text: str) -> Header | None:
    """The comments header `text` is, or None when it is not one."""
    text = text.strip()
    if not text or len(text.split()) > MAX_HEADER_WORDS or text.endswith("."):
        return None
    match = _COUNTED.match(text)
    if match:
        raw = match["n"].strip().lower()
        if raw in _COUNT_WORDS:
            return Header(_COUNT_WORDS[raw])
        digits = re.sub(r"\D", "", raw)
        return Header(int(digits)) if digits else None
    match = _BARE.match(text)
    if match:
        n = match.groupdict().get("n")
        return Header(int(n) if n else None)
    return None


@dataclass(slots=True)
class CommentCollector:
    """Turns the lines after a comments header into Comment records."""

    comments: list[Comment] = field(default_factory=list)
    closed: bool = False
    _author: str | None = None

    def feed(self, text: str, *, furniture: str | None) -> bool:
        """Take one line; True when it became (part of) a comment."""
        if self.closed:
            return False
        if furniture is not None:
            if furniture == "cue" and self.comments:
                self.closed = True  # "Partagez votre avis", "Leave a reply": the form
            return False
        author = _AUTHOR.match(text)
        if author:
            self._author = author["author"].strip()
            return False
        numbered = _NUMBERED.match(text)
        if numbered:
            self._add(int(numbered["n"]), numbered["text"].strip())
            return True
        words = len(re.findall(r"\w+", text))
        if words >= 3 and sum(c.isalpha() for c in text) > sum(c.isdigit() for c in text):
            self._add(len(self.comments) + 1, text)
            return True
        return False

    def _add(self, n: int, text: str) -> None:
        self.comments.append(Comment(n=n, text=text, author=self._author))
        self._author = None
