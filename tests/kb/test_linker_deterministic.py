"""The linker's output does not depend on Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = r"""
import json, sys
import spacy
from tieup.kb.linker import Linker
from tieup.kb.loader import load_kb
text = "Luca De Meo a parlé. Luca de Meo, PDG de Renault, a rencontré Lei Jun. De Meo a souri."
nlp = spacy.blank("fr")
nlp.add_pipe("sentencizer")
doc = nlp(text)
spans = []
for surface in ("Luca De Meo", "Luca de Meo", "De Meo"):
    start = text.index(surface, spans[-1].end_char if spans else 0)
    spans.append(doc.char_span(start, start + len(surface), label="PER"))
doc.ents = spans
linked = Linker(load_kb()).link(doc)
print(json.dumps(sorted(e.name for e in linked.entities.values())))
"""


def _names(seed: str) -> list[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, env=env
    )
    return json.loads(out.stdout)


def test_linker_person_spelling_is_the_same_under_any_hash_seed() -> None:
    first = _names("1")
    assert first == ["Luca De Meo"]  # the article's first spelling of that length
    assert all(_names(seed) == first for seed in ("2", "3", "4"))
