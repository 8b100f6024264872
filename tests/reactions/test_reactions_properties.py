"""Property tests: comment readers never crash on untrusted text and give
values of the declared kinds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tieup.kb.loader import KnowledgeBase, load_kb
from tieup.models import Comment
from tieup.reactions import read_comment
from tieup.reactions.evaluate import wilson
from tieup.reactions.questions import questions, sentences
from tieup.reactions.sentiment import LABELS, clauses

KB: KnowledgeBase = load_kb()

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.lists(
    st.sampled_from(["Renault", "Xiaomi", "mais", "but", "ne", "pas", "plus", "n'", "?", "!",
                     "…", "’", "j'aurais aimé", "I wish", "va-t-il", "est-ce que", "bonne",
                     "terrible", "🤔", " ", "\n", "d'Apple", "Arm", ".", ","]),
    max_size=40,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(text=texts, lang=st.sampled_from(["fr", "en", None, "de"]))
def test_read_comment_total(text: str, lang: str | None) -> None:
    read = read_comment(Comment(n=1, text=text), lang=lang, kb=KB)
    assert read.sentiment in LABELS
    assert isinstance(read.question, bool)
    assert all(isinstance(name, str) and KB.resolve(name) is not None for name in read.orgs)
    assert len(read.orgs) == len(set(read.orgs))
    assert read.text == text


@settings(max_examples=150, deadline=None)
@given(text=texts, lang=st.sampled_from(["fr", "en"]))
def test_questions_are_sentences_and_clauses_are_weighted(text: str, lang: str) -> None:
    assert set(questions(text, lang)) <= set(sentences(text))
    for clause in clauses(text, lang):
        assert -1.0 <= clause.compound <= 1.0
        assert clause.weight in (0.0, 0.5, 1.0, 1.5)


@given(n=st.integers(min_value=1, max_value=10_000), data=st.data())
def test_wilson_holds_the_proportion(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    low, high = wilson(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0
