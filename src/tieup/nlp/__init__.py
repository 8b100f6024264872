"""Language -> spaCy pipeline registry, and tieup's spaCy components."""

from tieup.nlp.registry import SUPPORTED_LANGUAGES, get_pipeline

__all__ = ["SUPPORTED_LANGUAGES", "get_pipeline"]
