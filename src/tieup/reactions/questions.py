"""Does a reader comment ask a question, and which?

A sentence is a question when it ends with (or holds) a "?" that is not part
of a URL, or when it has an interrogative form without one:

- French: "est-ce que", "qu'est-ce", subject-verb inversion ("va-t-il",
  "peut-on", "pensez-vous") unless it is an incise after a comma or a quote
  ("..., a-t-il dit", "dit-on"), indirect questions ("je me demande si", "on
  se demande", "reste à savoir", "qui sait", "quelqu'un a des infos"), and
  sentences opening with "pourquoi", "combien" or "quid".
- English: a sentence opening with an auxiliary before its subject ("Does
  Renault ...", "Will they ...", "Isn't it ..."), a wh-word followed by an
  auxiliary ("How will ...", "Why is ..."), "why not", and indirect
  questions ("I wonder", "I'm wondering", "does anyone know", "can anyone
  tell", "who knows").

Cheap regular expressions over sentences: no parser.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_QUESTION_MARK = re.compile(r"\?(?![\w=&/])")

_FR_PRONOUNS = r"(?:il|elle|on|ils|elles|je|tu)"
_FR = [
    re.compile(r"\best-(?:ce|c')\s*qu|\bqu'est-ce\b", re.IGNORECASE),
    re.compile(
        r"\b(?:je\s+me|on\s+se|nous\s+nous|vous\s+vous)\s+demande(?:s|z|ons)?\s+"
        r"(?:si|s'|pourquoi|comment|quand|qui|où|combien|ce\s+qu|quel)"
        r"|\bje\s+me\s+pose\s+(?:la|une|des)\s+questions?\b"
        r"|\breste\s+à\s+savoir\b|\bqui\s+sait\b"
        r"|\bquelqu'un\s+(?:sait|saurait|connaît|a|aurait)\s+"
        r"(?:si|des|une|plus|d'autres|la\s+réponse)\b",
        re.IGNORECASE,
    ),
    re.compile(r"^\W*(?:pourquoi|combien|quid)\b", re.IGNORECASE),
]
_FR_INVERSION = re.compile(
    rf"(?P<before>[,\"«»]?\s*)\b(?P<verb>[^\W\d_]+)-(?:t-)?{_FR_PRONOUNS}\b"
    r"|(?P<before2>[,\"«»]?\s*)\b(?P<verb2>pensez|croyez|savez|avez|êtes|pouvez|voulez"
    r"|connaissez|trouvez|imaginez|pouvons|devons|allons|sommes|avons|faut)-(?:vous|nous)\b",
    re.IGNORECASE,
)
_FR_HEARSAY = {"dit", "paraît", "parait", "semble", "dirait", "croit", "sait"}

_EN_AUX = (
    r"(?:do|does|did|is|are|was|were|will|would|can|could|should|shall|has|have|had|may"
    r"|might|must|isn't|aren't|wasn't|weren't|won't|wouldn't|can't|couldn't|shouldn't"
    r"|doesn't|don't|didn't|hasn't|haven't)"
)
_EN_SUBJECT = (
    r"(?:(?i:i|you|he|she|it|we|they|this|that|these|those|there|the|a|an|any|anyone"
    r"|anybody|someone|somebody|their|its|his|her|our|your)\b|[A-Z][\w&-]*)"
)
_EN = [
    re.compile(rf"^\W*(?i:{_EN_AUX})\s+{_EN_SUBJECT}"),
    re.compile(
        rf"^\W*(?:what|why|how|when|where|who|which)\s+{_EN_AUX}\b|^\W*why\s+not\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bI(?:'m|\s+am)?\s+wonder(?:ing)?\b|^\W*wondering\s+(?:if|whether|how|why)\b"
        r"|\b(?:does|do)\s+(?:anyone|anybody|someone|somebody)\s+know\b"
        r"|^\W*(?:anyone|anybody)\s+knows?\b"
        r"|\bcan\s+(?:anyone|anybody|someone|somebody)\s+(?:tell|explain|confirm)\b"
        r"|\bI'd\s+like\s+to\s+know\b|\bwho\s+knows\b",
        re.IGNORECASE,
    ),
]


def sentences(text: str) -> list[str]:
    """`text` cut after sentence-final punctuation and at line breaks."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _french_inversion(sentence: str) -> bool:
    for m in _FR_INVERSION.finditer(sentence):
        before = m.group("before") if m.group("verb") else m.group("before2")
        verb = (m.group("verb") or m.group("verb2") or "").lower()
        if before and before.strip():
            continue  # an incise: "..., a-t-il ajouté", "« ... », dit-elle"
        if verb in _FR_HEARSAY:
            continue
        return True
    return False


def is_question(sentence: str, lang: str) -> bool:
    """True when one sentence asks something (see the module doc)."""
    sentence = sentence.replace("’", "'")
    if _QUESTION_MARK.search(sentence):
        return True
    if lang == "fr":
        return any(p.search(sentence) for p in _FR) or _french_inversion(sentence)
    return any(p.search(sentence) for p in _EN)


def questions(text: str, lang: str) -> list[str]:
    """The sentences of `text` that ask something, in order."""
    return [s for s in sentences(text) if is_question(s, lang)]


def asks(text: str, lang: str) -> bool:
    """Does the comment ask at least one question?"""
    return any(is_question(s, lang) for s in sentences(text))
