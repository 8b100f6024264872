"""Each sentiment rule of tieup.reactions.sentiment, on sentences written for it
(French and English), none taken from the gold comments."""

from __future__ import annotations

import pytest

from tieup.reactions.sentiment import (
    AFTER_CONTRAST,
    BEFORE_CONTRAST,
    LABELS,
    STRONG,
    WISH_VALUE,
    baseline,
    clauses,
    read,
    sentiment,
)


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("fr", "Une excellente nouvelle pour l'industrie !", "positive"),
        ("en", "Great news for the industry!", "positive"),
        ("fr", "Le salon a lieu à Pékin en avril.", "neutral"),
        ("en", "The show takes place in Beijing in April.", "neutral"),
        ("en", "What a terrible idea.", "negative"),
    ],
)
def test_sentiment_plain_sentences(lang: str, text: str, label: str) -> None:
    assert sentiment(text, lang) == label


def test_sentiment_typography_reaches_the_lexicon() -> None:
    # "perplexe…" with the ellipsis glued on is not a lexicon word for VADER-fr.
    assert baseline("Je suis perplexe…", "fr") == "neutral"
    assert sentiment("Je suis perplexe…", "fr") == "negative"
    assert sentiment("J’adore cette voiture.", "fr") == "positive"


@pytest.mark.parametrize(
    "text",
    ["Je n'aime pas cette voiture.", "Je n'aime plus cette marque.", "Ça ne m'intéresse pas."],
)
def test_sentiment_french_negation_after_the_verb(text: str) -> None:
    assert baseline(text, "fr") == "positive"  # VADER-fr alone misses it
    assert sentiment(text, "fr") == "negative"


def test_sentiment_negation_before_the_word() -> None:
    assert sentiment("Ce n'est pas une bonne nouvelle.", "fr") == "negative"
    assert sentiment("This is not good news.", "en") == "negative"
    assert sentiment("Je ne suis pas déçu.", "fr") == "positive"


def test_sentiment_french_plus_without_ne_is_more() -> None:
    assert baseline("Cela signifie plus d'innovations pour tous.", "fr") == "neutral"
    assert sentiment("Cela signifie plus d'innovations pour tous.", "fr") == "positive"
    assert sentiment("Il n'y a plus de bonnes idées.", "fr") == "negative"


def test_sentiment_french_inflections_fall_back_to_lexicon_forms() -> None:
    assert sentiment("J'espère que ça marchera.", "fr") == "positive"  # espère -> espérer
    assert sentiment("Des voitures excellentes.", "fr") == "positive"  # -> excellent
    assert sentiment("Les innovations arrivent.", "fr") == "positive"  # -> innovation


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Est-ce que les prix seront bons ?"),
        ("fr", "Je me demande si les batteries seront bonnes."),
        ("en", "Will the prices be good?"),
        ("en", "I wonder if the batteries will be good."),
    ],
)
def test_sentiment_questions_carry_none(lang: str, text: str) -> None:
    assert baseline(text, lang) == "positive"  # "bons", "good" alone
    reading = read(text, lang)
    assert reading.label == "neutral"
    assert [c.rule for c in reading.clauses] == ["question"]


def test_sentiment_contrast_weights_the_clauses() -> None:
    scored = clauses("C'est correct, mais franchement décevant.", "fr")
    assert [c.weight for c in scored] == [BEFORE_CONTRAST, AFTER_CONTRAST]
    assert sentiment("C'est correct, mais franchement décevant.", "fr") == "negative"
    scored = clauses("It looks fine, but the battery is awful.", "en")
    assert [c.weight for c in scored] == [BEFORE_CONTRAST, AFTER_CONTRAST]
    assert sentiment("It looks fine, but the battery is awful.", "en") == "negative"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "J'aurais aimé plus de détails."),
        ("fr", "Espérons que ce ne soit pas juste de la communication."),
        ("en", "I would have liked more details."),
        ("en", "I wish there were more details."),
        ("en", "Let's hope it is not just marketing."),
    ],
)
def test_sentiment_unmet_wishes_and_worries_are_negative(lang: str, text: str) -> None:
    assert baseline(text, lang) == "positive"  # "aimé", "liked", "hope" read as praise
    reading = read(text, lang)
    assert reading.label == "negative"
    assert reading.negative == WISH_VALUE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Une bonne idée, mais j'aurais aimé un prix plus bas."),
        ("en", "Great idea, but I wish it were cheaper."),
        ("en", "The design is beautiful. The battery is awful."),
    ],
)
def test_sentiment_mixed_needs_strong_evidence_on_both_sides(lang: str, text: str) -> None:
    reading = read(text, lang)
    assert reading.positive >= STRONG and reading.negative <= -STRONG
    assert reading.label == "mixed"


def test_sentiment_weak_other_side_is_not_mixed() -> None:
    # "nouvelle" is slightly negative in VADER-fr: not enough to make praise mixed.
    reading = read("C'est une excellente nouvelle, bravo !", "fr")
    assert reading.label == "positive"


@pytest.mark.parametrize("text", ["", "   ", "🤞", "12345", "?!"])
def test_sentiment_degenerate_texts_give_a_label(text: str) -> None:
    assert sentiment(text, "fr") in LABELS
    assert sentiment(text, "en") in LABELS
