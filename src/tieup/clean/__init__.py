"""The clean stage: a Document in, an Article out.

HTML goes through trafilatura (`html.py`), plain text through tieup's line
classifier (`plaintext.py`), and the language is checked with lingua
(`language.py`). Only French and English articles pass.
"""

from __future__ import annotations

import hashlib
import logging

import html_text

from tieup.clean.dates import article_date
from tieup.clean.html import extract_html
from tieup.clean.language import SUPPORTED, detect_language
from tieup.clean.plaintext import clean_text
from tieup.errors import InputError, UnsupportedLanguage
from tieup.models import Article, Document

logger = logging.getLogger(__name__)

MAX_NON_PRINTABLE = 0.1  # above this share of control characters, the text is binary


def clean(document: Document) -> Article:
    """Split a document into title, body paragraphs, comments and boilerplate.

    Raises InputError for empty or binary input and UnsupportedLanguage for
    text in a language other than French or English.
    """
    html = None
    text = document.text or ""
    if document.html is not None and document.html.strip():
        check_text(document.html, origin=document.origin)
        html = extract_html(document.html, url=document.url)
        if not html.paragraphs:
            # trafilatura found no article: classify the page's lines instead
            logger.info("%s: no main text found in the HTML, cleaning it as text", document.origin)
            text = html_text.extract_text(document.html, guess_layout=True)
            html = None
    if html is not None:
        title = document.title or html.title
        paragraphs, comments, boilerplate, announced = html.paragraphs, html.comments, [], None
        url = document.url or html.url
        source = document.html or ""
    else:
        text = check_text(text, origin=document.origin)
        plain = clean_text(text, title=document.title)
        title = plain.title
        paragraphs, comments = plain.paragraphs, plain.comments
        boilerplate, announced = plain.boilerplate, plain.comments_announced
        url = document.url
        source = text
    lang = check_language(document.lang, "\n".join(paragraphs) or source, origin=document.origin)
    date, date_source = article_date(
        input_date=document.date,
        html=document.html,
        text=None if html is not None else text,
        title=title,
        url=url,
        lang=lang,
    )
    return Article(
        id=document.id or stable_id(document.origin, source),
        origin=document.origin,
        paragraphs=paragraphs,
        title=title,
        url=url,
        date=date,
        date_source=date_source,
        lang=lang,
        comments=comments,
        comments_announced=announced,
        boilerplate=boilerplate,
    )


def check_text(text: str, *, origin: str) -> str:
    """`text` itself when it is readable text; InputError when empty or binary."""
    if not text.strip():
        raise InputError(origin, "empty text")
    if "\x00" in text:
        raise InputError(origin, "looks binary (NUL bytes)")
    sample = text[:5000]
    control = sum(1 for c in sample if not c.isprintable() and c not in "\n\r\t")
    if control / len(sample) > MAX_NON_PRINTABLE:
        raise InputError(origin, "looks binary (mostly non-printable characters)")
    return text


def check_language(declared: str | None, text: str, *, origin: str) -> str:
    """The article's language: `declared` when given, else lingua's guess; fr or en only."""
    lang = declared.strip().lower() if declared and declared.strip() else detect_language(text)
    if lang is None:
        raise UnsupportedLanguage(
            origin, f"language could not be detected (supported: {', '.join(SUPPORTED)})"
        )
    if lang not in SUPPORTED:
        raise UnsupportedLanguage(
            origin, f"language '{lang}' is not supported (supported: {', '.join(SUPPORTED)})"
        )
    return lang


def stable_id(origin: str, text: str) -> str:
    """A short id that depends only on where the text came from and what it says."""
    digest = hashlib.sha256(f"{origin}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


__all__ = ["check_language", "check_text", "clean", "detect_language", "stable_id"]
