"""Property tests: the plain-text cleaner is idempotent and never crashes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieup.clean import clean
from tieup.clean.plaintext import clean_text
from tieup.errors import InputError
from tieup.models import Document

WORDS = st.sampled_from([
    "Renault", "Xiaomi", "et", "la", "collaboration", "avec", "Geely", "accord", "signé", "le",
    "PDG", "des", "voitures", "électriques", "À", "lire", "Partagez", "commentaires", "43",
    "avis", "sur", "1.", "•", "🚗", "Logo", "Share", "the", "deal", "Related:", "Lei", "Jun",
])
ENDINGS = st.sampled_from(["", ".", " ?", "!", " :", "…", " »"])
LINE = st.builds(
    lambda words, end: " ".join(words) + end, st.lists(WORDS, min_size=1, max_size=30), ENDINGS
)
PAGE = st.lists(st.tuples(LINE, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=40).map(
    lambda parts: "".join(line + sep for line, sep in parts)
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(PAGE)
def test_clean_plaintext_is_idempotent(page: str) -> None:
    first = clean_text(page)
    again = clean_text("\n\n".join(first.paragraphs))
    assert again.paragraphs == first.paragraphs


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_clean_plaintext_never_crashes_on_random_unicode(text: str) -> None:
    result = clean_text(text)
    assert all(p.strip() for p in result.paragraphs)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_clean_raises_only_named_errors(text: str) -> None:
    try:
        article = clean(Document(origin="random", text=text))
    except InputError:
        return
    assert article.lang in ("fr", "en")
