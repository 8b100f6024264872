"""An article's date, and where it came from: the input, the HTML, or the text.

1. ``input``: the date the source gave (JSONL ``date``, WARC-Date, a feed's
   published date) is kept as it is.
2. ``html``: htmldate reads the page's metadata and markup (and the URL's
   ``/2024/04/25/`` pattern). The page is handed over as a parsed tree, never
   as a string, so htmldate cannot take it for a URL to download.
3. ``text``: the top of the page (title, first lines, before the body runs
   long) is scanned for written dates — "Publié le 25 avril 2024",
   "April 25, 2024", "2024-04-25", "25/04/2024" — and each candidate is read by
   dateparser with absolute dates only: no relative dates, no timestamps, no
   date guessed from a bare number, and day, month and year all required. A
   date after a publication cue ("publié", "published", "mis à jour"...) wins
   over one before it; otherwise the first one found wins. Dates on caption
   or credit lines ("Photo", "Crédit", "Reuters Photo") are skipped.

Dates come out as ISO ``YYYY-MM-DD`` (input dates are kept as given).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from typing import Any

logger = logging.getLogger(__name__)

TOP_CHARS = 3000  # how far from the top of the text a date is looked for
TOP_LINES = 40
MIN_YEAR = 1990

_MONTHS_FR = (
    r"janvier|janv\.?|f[ée]vrier|f[ée]vr?\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|"
    r"ao[ûu]t|septembre|sept\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?"
)
_MONTHS_EN = (
    r"january|jan\.?|february|feb\.?|march|mar\.?|april|apr\.?|may|june|jun\.?|july|jul\.?|"
    r"august|aug\.?|september|sept?\.?|october|oct\.?|november|nov\.?|december|dec\.?"
)
_MONTH = rf"(?:{_MONTHS_FR}|{_MONTHS_EN})"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:er|st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_CANDIDATE = re.compile(
    r"(?<![\w/.-])(?:"
    rf"{_DAY}\s+{_MONTH}\s+{_YEAR}"  # 25 avril 2024, 1er mai 2024, 25 April 2024
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"  # April 25, 2024
    rf"|{_YEAR}-[01]\d-[0-3]\d"  # 2024-04-25
    rf"|[0-3]?\d[/.][01]?\d[/.]{_YEAR}"  # 25/04/2024, 25.04.2024
    r")(?![\w/-])",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\b(?:publi[ée]e?|mis en ligne|mise? à jour|published|posted|updated|last modified)\b",
    re.IGNORECASE,
)
# A date on a caption or credit line is when a photo was taken, not when the article was written.
_CAPTION = re.compile(
    r"\b(?:photos?|photograph|image|illustration|cr[ée]dits?|caption|getty|afp|reuters photo)\b",
    re.IGNORECASE,
)
_SETTINGS: dict[str, Any] = {
    "PARSERS": ["absolute-time"],  # no relative dates, no timestamps from bare numbers
    "STRICT_PARSING": True,  # day, month and year must all be written
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def article_date(
    *,
    input_date: str | None,
    html: str | None = None,
    text: str | None = None,
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
) -> tuple[str | None, str | None]:
    """(date, source) for an article: source is "input", "html", "text" or None."""
    if input_date and input_date.strip():
        return input_date.strip(), "input"
    if html and html.strip():
        found = date_from_html(html, url=url)
        if found:
            return found, "html"
    if not text and html and html.strip():
        import html_text

        text = html_text.extract_text(html, guess_layout=True)
    top = "\n".join(part for part in (title, text) if part)
    if top.strip():
        found = date_from_text(top, lang=lang)
        if found:
            return found, "text"
    return None, None


def date_from_html(html: str, *, url: str | None = None) -> str | None:
    """The publication date htmldate reads from the page's markup, or None."""
    import lxml.html
    from htmldate import find_date
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError) as e:
        logger.debug("dates: HTML not parsed (%s)", e)
        return None
    try:
        found = find_date(
            tree,
            url=url,
            extensive_search=False,  # markup and metadata only; free text is ours below
            original_date=True,
            outputformat="%Y-%m-%d",
            min_date=f"{MIN_YEAR}-01-01",
        )
    except (ValueError, TypeError) as e:  # htmldate on odd markup
        logger.debug("dates: htmldate failed (%s)", e)
        return None
    return found or None


def date_from_text(text: str, *, lang: str | None = None, today: date | None = None) -> str | None:
    """The first written date near the top of `text` (one after a publication cue wins)."""
    top = _top(text)
    today = today or date.today()
    first: str | None = None
    for match in _CANDIDATE.finditer(top):
        parsed = parse_date(match.group(0), lang=lang)
        if parsed is None or parsed.year < MIN_YEAR or parsed.date() > today:
            continue
        iso = parsed.date().isoformat()
        line_start = top.rfind("\n", 0, match.start()) + 1
        line_end = top.find("\n", match.end())
        if _CAPTION.search(top[line_start : line_end if line_end >= 0 else len(top)]):
            continue
        if _CUE.search(top, line_start, match.start()):
            return iso
        if first is None:
            first = iso
    return first


def parse_date(candidate: str, *, lang: str | None = None) -> datetime | None:
    """One written date read by dateparser (absolute dates only), or None."""
    import dateparser

    languages = [lang] if lang in ("fr", "en") else []
    languages += [x for x in ("fr", "en") if x not in languages]
    cleaned = re.sub(r"(\d)(?:er|st|nd|rd|th)\b", r"\1", candidate, flags=re.IGNORECASE)
    # 04/05/2024: day first in French, month first in (American) English; a day
    # above 12 settles it either way.
    orders = ("MDY", "DMY") if lang == "en" else ("DMY", "MDY")
    for order in orders:
        parsed = dateparser.parse(
            cleaned, languages=languages, settings={**_SETTINGS, "DATE_ORDER": order}
        )
        if parsed is not None:
            return parsed
    return None


def _top(text: str) -> str:
    lines = text[:TOP_CHARS].splitlines()[:TOP_LINES]
    return "\n".join(lines)


__all__ = ["article_date", "date_from_html", "date_from_text", "parse_date"]
