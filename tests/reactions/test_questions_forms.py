"""Question forms in French and English, with and without a question mark."""

from __future__ import annotations

import pytest

from tieup.reactions.questions import asks, is_question, questions, sentences


@pytest.mark.parametrize(
    "text",
    [
        "Renault va-t-il vraiment s'allier à un fabricant de téléphones ?",
        "Renault va-t-il vraiment s'allier à un fabricant de téléphones.",
        "Est-ce que Xiaomi fera des voitures en Europe.",
        "Qu'est-ce que cet accord change pour les clients",
        "Peut-on vraiment croire à ce partenariat",
        "Pensez-vous que les prix vont baisser.",
        "Je me demande si les prix baisseront.",
        "On se demande pourquoi ils ont attendu si longtemps.",
        "Reste à savoir si les clients suivront.",
        "Quelqu'un a des infos sur le calendrier",
        "Pourquoi maintenant",
        "Quid des garanties",
    ],
)
def test_questions_french_forms(text: str) -> None:
    assert is_question(text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Curieux de voir comment ça va évoluer.",
        "« C'est prévu pour 2025 », a-t-il ajouté.",
        "Le projet avance, dit-on, plus vite que prévu.",
        "Dites-nous ce que vous en pensez.",
        "Peut-être que ça marchera.",
        "Quelle bonne idée !",
        "J'ai hâte de voir ce qu'ils vont produire.",
        "Rendez-vous au salon de Paris.",
        "Voir https://news.example/article?id=3 pour les détails.",
    ],
)
def test_questions_french_non_questions(text: str) -> None:
    assert not is_question(text, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Does Renault really need a phone maker",
        "Will they build the cars in Europe.",
        "Isn't it a bit late for that",
        "How will they share the software.",
        "Why not",
        "I wonder whether it will sell.",
        "I'm wondering how the batteries compare.",
        "Does anyone know the launch date.",
        "Can anyone explain the deal",
        "Who knows what comes next.",
        "Is this a joke?",
    ],
)
def test_questions_english_forms(text: str) -> None:
    assert is_question(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "Will be interesting to see what happens.",
        "What a great move!",
        "Curious to see how this goes.",
        "I can't wait to see the car.",
        "See https://news.example/story?id=7 for more.",
        "This is the deal everyone expected.",
    ],
)
def test_questions_english_non_questions(text: str) -> None:
    assert not is_question(text, "en")


def test_questions_picks_the_asking_sentences() -> None:
    text = "Bonne nouvelle. Quel impact sur les prix ? Je me demande si ça durera."
    assert sentences(text) == [
        "Bonne nouvelle.", "Quel impact sur les prix ?", "Je me demande si ça durera."
    ]
    assert questions(text, "fr") == ["Quel impact sur les prix ?", "Je me demande si ça durera."]
    assert asks(text, "fr")
    assert not asks("Bonne nouvelle. Bravo à eux !", "fr")
    assert questions("", "en") == []
