"""Language detection with lingua, over a small set of languages.

The detector is built once, lazily: building it loads lingua's models for
every language in the set, which takes a moment and some memory. The set is
small on purpose (fast, and precise between close languages) but holds more
than French and English so that a German or Chinese page is recognised as
such and refused, instead of being forced into one of the two.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

logger = logging.getLogger(__name__)

SUPPORTED = ("en", "fr")

# ISO 639-1 codes of the languages the detector chooses between.
CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "nl", "zh", "ja", "ru")

SAMPLE_CHARS = 2000  # detection looks at the start of the text only


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in CANDIDATES
    ]
    logger.debug("building lingua detector for %s", ", ".join(CANDIDATES))
    return LanguageDetectorBuilder.from_languages(*languages).build()


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure.

    Only the first ~2000 characters are read.
    """
    sample = text[:SAMPLE_CHARS].strip()
    if not sample:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return language.iso_code_639_1.name.lower()
