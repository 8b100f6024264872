"""The built-in knowledge base, loaded once for the reactions tests."""

from __future__ import annotations

import pytest

from tieup.kb.loader import KnowledgeBase, load_kb


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()
