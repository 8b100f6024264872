"""`tieup.clean.dates`: the article's date from the input, the HTML or the text."""

from __future__ import annotations

from datetime import date

import pytest

from tieup.clean import clean
from tieup.clean.dates import article_date, date_from_html, date_from_text
from tieup.models import Document

BODY_FR = (
    "Renault et Geely ont annoncé mardi la création d'une coentreprise pour les moteurs "
    "thermiques et hybrides, détenue à parts égales par les deux groupes.\n\n"
    "La nouvelle société emploiera dix-neuf mille personnes dans cinq pays et fournira "
    "plusieurs constructeurs automobiles dès l'année prochaine."
)
BODY_EN = (
    "Acme and Globex said that they would build a battery plant together in Ohio, "
    "with production due to start in the second half of next year.\n\n"
    "The two companies did not say how much each of them would invest in the new factory."
)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Publié le 25 avril 2024 à 10h32", "fr", "2024-04-25"),
        ("Par la rédaction\nPublié le 1er mai 2024", "fr", "2024-05-01"),
        ("Published April 25, 2024", "en", "2024-04-25"),
        ("By Jane Doe | 25 April 2024", "en", "2024-04-25"),
        ("Posted 2024-04-25 by admin", "en", "2024-04-25"),
        ("Mis en ligne le 03/05/2024", "fr", "2024-05-03"),
        ("Posted 05/03/2024", "en", "2024-05-03"),
        ("Le 12 févr. 2023, à Paris", "fr", "2023-02-12"),
    ],
)
def test_dates_written_dates_are_read(text: str, lang: str, expected: str) -> None:
    assert date_from_text(text, lang=lang, today=date(2026, 1, 1)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Renault vend 2024 voitures en 25 jours.",  # bare numbers
        "Le rapport 2024 est paru il y a 3 jours.",  # relative date
        "Rendez-vous en avril 2024 pour le salon.",  # no day
        "Ticket 1714032000 closed.",  # a timestamp-like number
        "Le 31 février 2024 n'existe pas.",  # impossible date
        "Copyright 2024 Example News.",
    ],
)
def test_dates_no_guess_from_numbers_or_vague_text(text: str) -> None:
    assert date_from_text(text, lang="fr", today=date(2026, 1, 1)) is None


def test_dates_future_dates_are_not_publication_dates() -> None:
    text = "Le salon ouvrira le 12 mars 2031."
    assert date_from_text(text, lang="fr", today=date(2026, 1, 1)) is None


def test_dates_publication_cue_wins_over_an_earlier_date() -> None:
    text = "Le 3 janvier 2024, Renault avait prévenu.\nPublié le 25 avril 2024"
    assert date_from_text(text, lang="fr", today=date(2026, 1, 1)) == "2024-04-25"


def test_dates_caption_dates_are_skipped() -> None:
    text = (
        "The logo of Foxconn is seen in Taipei, Taiwan, Nov. 10, 2022. (Reuters Photo)\n"
        "Posted March 3, 2025"
    )
    assert date_from_text(text, lang="en", today=date(2026, 1, 1)) == "2025-03-03"
    assert date_from_text("Crédit photo : AFP, 3 mai 2021", lang="fr") is None


def test_dates_only_the_top_of_the_page_is_read() -> None:
    text = "\n".join(["Une ligne de texte sans date."] * 60 + ["Publié le 25 avril 2024"])
    assert date_from_text(text, lang="fr") is None


def test_dates_from_html_metadata() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="2024-04-25T08:00:00Z">'
        "<title>T</title></head><body><p>Texte.</p></body></html>"
    )
    assert date_from_html(html) == "2024-04-25"


def test_dates_html_that_looks_like_a_url_is_not_fetched() -> None:
    # htmldate downloads strings that look like URLs; tieup hands it a parsed tree.
    assert date_from_html("https://example.invalid/2024/04/25/a") is None


def test_dates_input_date_wins_and_is_kept_as_given() -> None:
    found = article_date(input_date="2024-04", text="Publié le 25 avril 2024")
    assert found == ("2024-04", "input")


def test_dates_none_when_nothing_says_it() -> None:
    assert article_date(input_date=None, text=BODY_EN, lang="en") == (None, None)


def test_clean_dates_text_date_source() -> None:
    text = "Publié le 25 avril 2024\n\n" + BODY_FR
    article = clean(Document(origin="a.txt", text=text))
    assert (article.date, article.date_source) == ("2024-04-25", "text")


def test_clean_dates_html_date_source() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY_EN.split("\n\n") * 3)
    html = (
        '<html><head><meta name="date" content="2024-04-25">'
        "<title>Acme and Globex</title></head><body><article><h1>Acme and Globex</h1>"
        f"{paragraphs}</article></body></html>"
    )
    article = clean(Document(origin="p.html", html=html))
    assert (article.date, article.date_source) == ("2024-04-25", "html")


def test_clean_dates_html_page_with_date_only_in_its_text() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY_EN.split("\n\n") * 3)
    html = (
        "<html><head><title>Acme and Globex</title></head><body><article>"
        "<h1>Acme and Globex</h1><p>Story filed on 25 April 2024 from Ohio.</p>"
        f"{paragraphs}</article></body></html>"
    )
    article = clean(Document(origin="p.html", html=html))
    assert (article.date, article.date_source) == ("2024-04-25", "text")


def test_clean_dates_input_date_source() -> None:
    article = clean(Document(origin="a.txt", text=BODY_FR, date="2024-05-02"))
    assert (article.date, article.date_source) == ("2024-05-02", "input")
