"""`tieup.clean.clean`: dispatch, errors, language, ids and dates."""

from __future__ import annotations

import pytest

from tieup.clean import clean, stable_id
from tieup.clean.language import detect_language
from tieup.errors import InputError, UnsupportedLanguage
from tieup.models import Document

FR = (
    "Renault et Geely ont annoncé mardi la création d'une coentreprise pour les moteurs "
    "thermiques et hybrides, détenue à parts égales par les deux groupes.\n\n"
    "La nouvelle société emploiera dix-neuf mille personnes dans cinq pays et fournira "
    "plusieurs constructeurs automobiles dès l'année prochaine."
)
EN = (
    "Acme and Globex said on Tuesday that they would build a battery plant together in Ohio, "
    "with production due to start in the second half of next year.\n\n"
    "The two companies did not say how much each of them would invest in the new factory."
)
HTML = f"""<html><head><title>Acme and Globex team up</title></head><body>
<nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav>
<article><h1>Acme and Globex team up</h1>
{"".join(f"<p>{p}</p>" for p in EN.split(chr(10) * 2) * 3)}
</article><footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_clean_plain_text_document() -> None:
    article = clean(Document(origin="a.txt", text=FR, date="2024-05-02", url="https://x.test/a"))
    assert article.lang == "fr"
    assert len(article.paragraphs) == 2
    assert article.date == "2024-05-02"
    assert article.date_source == "input"
    assert article.url == "https://x.test/a"
    assert article.origin == "a.txt"
    assert article.id == stable_id("a.txt", FR)


def test_clean_keeps_given_id_and_no_date_source_without_date() -> None:
    article = clean(Document(origin="b.txt", text=EN, id="doc-1"))
    assert article.id == "doc-1"
    assert article.date is None
    assert article.date_source is None
    assert article.lang == "en"


def test_clean_stable_id_depends_on_origin_and_text() -> None:
    assert stable_id("a", "text") == stable_id("a", "text")
    assert stable_id("a", "text") != stable_id("b", "text")
    assert stable_id("a", "text") != stable_id("a", "other")


def test_clean_html_document_goes_through_trafilatura() -> None:
    article = clean(Document(origin="page.html", html=HTML))
    assert article.title == "Acme and Globex team up"
    assert article.lang == "en"
    assert article.paragraphs
    assert article.paragraphs[0].startswith("Acme and Globex said on Tuesday")
    assert "Acme and Globex team up" not in article.paragraphs
    assert not any("Copyright" in p or p == "Home" for p in article.paragraphs)


@pytest.mark.parametrize("text", ["", "   \n\t  ", "abc\x00def", "\x01\x02\x03\x04" * 50])
def test_clean_rejects_empty_and_binary_text(text: str) -> None:
    with pytest.raises(InputError) as caught:
        clean(Document(origin="bad.txt", text=text))
    assert caught.value.origin == "bad.txt"
    assert not isinstance(caught.value, UnsupportedLanguage)


def test_clean_rejects_other_languages_with_their_code() -> None:
    german = (
        "Der Autohersteller hat am Dienstag eine neue Partnerschaft mit einem chinesischen "
        "Batteriehersteller angekündigt, die im nächsten Jahr beginnen soll."
    )
    with pytest.raises(UnsupportedLanguage) as caught:
        clean(Document(origin="de.txt", text=german))
    assert "'de'" in caught.value.reason
    assert "supported: en, fr" in caught.value.reason


def test_clean_trusts_declared_language_but_only_fr_or_en() -> None:
    assert clean(Document(origin="x", text=EN, lang="fr")).lang == "fr"
    with pytest.raises(UnsupportedLanguage):
        clean(Document(origin="x", text=EN, lang="es"))


def test_detect_language_codes() -> None:
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"
    spanish = "El fabricante anunció el martes una nueva alianza con su socio."
    assert detect_language(spanish) == "es"
    assert detect_language("   ") is None


def test_clean_html_without_main_text_falls_back_to_the_line_classifier() -> None:
    html = "<html><body><div>" + "<br>".join(EN.split(chr(10) * 2)) + "</div></body></html>"
    article = clean(Document(origin="tiny.html", html=html))
    assert article.lang == "en"
    assert all(p.strip() for p in article.paragraphs)


def test_clean_html_with_no_text_at_all_is_an_input_error() -> None:
    with pytest.raises(InputError):
        clean(Document(origin="empty.html", html="<html><body><div></div></body></html>"))
