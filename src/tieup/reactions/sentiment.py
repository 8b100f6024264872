"""A reader comment's tone: positive, negative, neutral or mixed.

The valences come from VADER: `vaderSentiment_fr` (vadersentiment-fr) for
French and `vaderSentiment` for English, each scoring one clause at a time
(its ``compound``, in [-1, 1]). tieup adds a few general rules around them:

1. Typography first: curly apostrophes and "…" become ``'`` and ``...``, so
   "J’adore" and "perplexe…" reach the lexicon as words.
2. French negation: "ne VERB pas/plus/jamais" becomes "pas VERB", since
   vadersentiment-fr only looks for a negation before the sentiment word and
   so reads "je n'aime pas" as praise. And "plus" negates only with "ne"
   ("je n'en veux plus"): vadersentiment-fr treats every "plus" as a
   negation, which turns "plus d'innovations" into a complaint; elsewhere it
   is read as "davantage".
3. A French word the lexicon lacks is looked up under its singular, its
   masculine and its first-group infinitive ("innovations" → "innovation",
   "excellente" → "excellent", "espère" → "espérer"), for words of five
   letters or more (shorter ones are too ambiguous to lemmatise by suffix).
4. Questions ask, they do not assert: a sentence that is a question (direct
   or indirect, `tieup.reactions.questions`) carries no sentiment. Rhetorical
   questions lose their tone; that is the price.
5. Contrast: the clause before "mais"/"but" (and "cependant", "however", ...)
   counts half, the one after one and a half (VADER's own "but" weights).
6. Unmet wishes and worries: "j'aurais aimé ...", "I would have liked ...",
   "I wish there were ..." voice a regret, and "espérons que ce ne soit
   pas ...", "let's hope it isn't ..." a worry: the clause is negative
   evidence (`WISH_VALUE`) whatever its words' valences ("aimé" is praise in
   the lexicon).

The label:

- *mixed* when one clause is clearly positive and another clearly negative:
  compounds of at least `STRONG` (0.3) on each side. 0.3 is what a single
  word of moderate valence (about 1.3 on VADER's ±4 scale, "curious",
  "doubtful") gives alone, so "strong" means at least one unambiguous
  sentiment word, not a stray weak one.
- otherwise the weighted sum of the clause compounds, with VADER's authors'
  usual cut-offs: ≥ 0.05 positive, ≤ -0.05 negative, neutral between.

The thresholds are these general values, not fitted to any comment.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from tieup.reactions.questions import is_question, sentences

log = logging.getLogger(__name__)

POSITIVE = "positive"
NEGATIVE = "negative"
NEUTRAL = "neutral"
MIXED = "mixed"
LABELS = (POSITIVE, NEGATIVE, NEUTRAL, MIXED)

THRESHOLD = 0.05  # VADER's usual cut-off on the compound score
STRONG = 0.3  # a clause this far from 0 is clear evidence for its side
WISH_VALUE = -0.5  # a regret or a worry: clear negative evidence
BEFORE_CONTRAST = 0.5  # VADER's "but" weights
AFTER_CONTRAST = 1.5

_TYPOGRAPHY = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "«": '"', "»": '"', "“": '"', "”": '"',
     "\u00a0": " ", "\u202f": " ", "…": "..."}
)

_CONTRAST = {
    "fr": re.compile(r"\b(?:mais|cependant|pourtant|toutefois|néanmoins)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:but|however|nevertheless|nonetheless)\b", re.IGNORECASE),
}

_WISH = {
    "fr": re.compile(
        r"\b(?:j'aurais|on aurait|nous aurions|j'aurai)\s+(?:bien\s+|vraiment\s+)?"
        r"(?:aimé|voulu|préféré|souhaité|apprécié)\b"
        r"|\b(?:il|ça|cela)\s+aurait\s+(?:été\s+)?(?:mieux|préférable|bien)\s+(?:de|que|qu')"
        r"|\b(?:espérons|j'espère|on espère|il faut espérer|pourvu)\s+qu(?:e|')"
        r"[^.!?]*?\b(?:ne|n')\s*\w+\s+(?:pas|jamais|plus|rien)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\bI(?:'d| would)\s+have\s+(?:liked|loved|preferred|wanted|appreciated)\b"
        r"|\bit\s+would\s+have\s+been\s+(?:better|nice|good|great)\b"
        r"|\bI\s+wish\s+(?:there|it|they|we|he|she|the|this|that|I)\b"
        r"|\b(?:let's|lets|I|we)\s+hope\b[^.!?]*?\b(?:not|never|n't)\b"
        r"|\bhopefully\s+(?:not|it\s+won't|this\s+isn't|they\s+don't)\b",
        re.IGNORECASE,
    ),
}

# "plus" after "ne"/"n'" in the same clause is a negation; elsewhere it is "more".
_NE = re.compile(r"\b(?:ne\b|n')", re.IGNORECASE)
# "ne VERB pas": the negation follows the verb, where VADER-fr does not look.
_NE_VERB_NEG = re.compile(
    r"\b(?:ne\s+|n')((?:(?:me|te|se|le|la|les|lui|leur|nous|vous|y|en)\s+|[mtsl]')*)"
    r"([^\W\d_]+)\s+(?:pas|plus|jamais|guère|point|rien)\b",
    re.IGNORECASE,
)
_PLUS = re.compile(r"\bplus\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MIN_LEMMA_LETTERS = 5


@dataclass(slots=True)
class Clause:
    """One clause as scored: its text, VADER's compound, its weight and why."""

    text: str
    compound: float
    weight: float = 1.0
    rule: str | None = None  # "question", "wish", None


@dataclass(slots=True)
class Reading:
    """A comment's sentiment label and the evidence behind it."""

    label: str
    score: float  # weighted sum of the clause compounds
    positive: float  # strongest positive clause compound (0 if none)
    negative: float  # strongest negative clause compound (0 if none)
    clauses: list[Clause] = field(default_factory=list)


@lru_cache(maxsize=2)
def analyzer(lang: str) -> Any:
    """The VADER analyser for `lang` ("fr" or anything else: English), loaded once."""
    if lang == "fr":
        import warnings

        with warnings.catch_warnings():
            # fuzzywuzzy warns it has no C speed-up; tieup does not use its fuzzy matching.
            warnings.simplefilter("ignore", UserWarning)
            from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
        return SentimentIntensityAnalyzer()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as English

    return English()


def normalise_typography(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)


def _fold(word: str) -> str:
    s = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _lemma(word: str, lexicon: dict[str, float]) -> str | None:
    """A form of a French `word` the lexicon knows, or None (rule 3)."""
    folded = _fold(word)
    if folded in lexicon or len(folded) < MIN_LEMMA_LETTERS:
        return None
    candidates = []
    if folded[-1] in "sx":
        candidates.append(folded[:-1])  # plural
    for ending in ("es", "e"):
        if folded.endswith(ending):
            candidates.append(folded[: -len(ending)])  # feminine
            break
    for ending in ("ent", "es", "e"):
        if folded.endswith(ending):
            candidates.append(folded[: -len(ending)] + "er")
            break
    return next((c for c in candidates if c in lexicon), None)


def _french_fixes(clause: str) -> str:
    """Rules 2 and 3 on one French clause, as text VADER-fr reads right."""
    clause = _NE_VERB_NEG.sub(r"\1pas \2", clause)
    if not _NE.search(clause):
        clause = _PLUS.sub("davantage", clause)
    else:
        first_ne = _NE.search(clause)
        assert first_ne is not None
        head, tail = clause[: first_ne.start()], clause[first_ne.start():]
        clause = _PLUS.sub("davantage", head) + tail
    lexicon = analyzer("fr").lexicon

    return _WORD.sub(lambda m: _lemma(m.group(0), lexicon) or m.group(0), clause)


def _compound(text: str, lang: str) -> float:
    if not text.strip():
        return 0.0
    if lang == "fr":
        text = _french_fixes(text)
    return float(analyzer(lang).polarity_scores(text)["compound"])


def clauses(text: str, lang: str) -> list[Clause]:
    """The comment cut into scored clauses (sentences, then at contrast words)."""
    lang = "fr" if lang == "fr" else "en"
    out: list[Clause] = []
    for sentence in sentences(normalise_typography(text)):
        if is_question(sentence, lang):
            out.append(Clause(sentence, _compound(sentence, lang), 0.0, "question"))
            continue
        parts = _CONTRAST[lang].split(sentence)
        for i, part in enumerate(parts):
            if not re.search(r"\w", part):
                continue
            weight = 1.0
            if len(parts) > 1:
                weight = AFTER_CONTRAST if i == len(parts) - 1 else BEFORE_CONTRAST
            if _WISH[lang].search(part):
                out.append(Clause(part.strip(), WISH_VALUE, weight, "wish"))
            else:
                out.append(Clause(part.strip(), _compound(part, lang), weight))
    return out


def read(text: str, lang: str) -> Reading:
    """The sentiment of one comment, with its clauses (see the module doc)."""
    scored = clauses(text, lang)
    counted = [c for c in scored if c.weight > 0]
    positive = max((c.compound for c in counted if c.compound > 0), default=0.0)
    negative = min((c.compound for c in counted if c.compound < 0), default=0.0)
    score = sum(c.compound * c.weight for c in counted)
    if positive >= STRONG and negative <= -STRONG:
        label = MIXED
    elif score >= THRESHOLD:
        label = POSITIVE
    elif score <= -THRESHOLD:
        label = NEGATIVE
    else:
        label = NEUTRAL
    log.debug("sentiment %s (%.3f) for %r", label, score, text[:60])
    return Reading(label, score, positive, negative, scored)


def sentiment(text: str, lang: str) -> str:
    """positive, negative, neutral or mixed."""
    return read(text, lang).label


def baseline(text: str, lang: str) -> str:
    """VADER alone on the whole comment (compound cut-offs only), for comparison."""
    compound = float(analyzer("fr" if lang == "fr" else "en").polarity_scores(text)["compound"])
    if compound >= THRESHOLD:
        return POSITIVE
    if compound <= -THRESHOLD:
        return NEGATIVE
    return NEUTRAL
