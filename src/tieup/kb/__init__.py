"""The knowledge base of organisations, and the linker that maps mentions to it."""

from tieup.kb.loader import KBEntry, KnowledgeBase, builtin_path, core, load_kb, normalise

__all__ = ["KBEntry", "KnowledgeBase", "builtin_path", "core", "load_kb", "normalise"]
