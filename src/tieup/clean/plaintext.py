"""tieup's line classifier for text already pulled out of a web page.

Plain-text articles (the seeds, pastes, html-text dumps) still hold the page's
menus, teaser links, banners, captions, author bios, the comment widget and
the readers' comments, one block per line. Each line gets a label from
general features, never from strings of one site:

1. furniture: call-to-action, navigation and credit phrases (`cues.py`),
   adverts, pictograph-led table rows, bylines;
2. lists and tables: a block of lines where most lines are not sentences;
3. the comments header ("43 avis sur …", "0 commentaires", "12 Comments"),
   only after the article has started; everything after it is a comment or
   widget;
4. the title: the heading-like line before the first sentence;
5. repeats: the title repeated, short lines seen twice (names, keywords);
6. an author bio: a name line seen twice, then a short self-description;
7. body: sentence-like lines (enough words, final punctuation), and short
   sentences and headings that sit inside the run of body lines;
8. everything else is boilerplate.

The work is linear in the number of lines (a few dictionary look-ups each).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from tieup.clean import cues
from tieup.clean.comments import CommentCollector, parse_header
from tieup.models import Comment

logger = logging.getLogger(__name__)


class Label(StrEnum):
    TITLE = "title"
    BODY = "body"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"
    COMMENT_HEADER = "comment-header"
    COMMENT = "comment"


SENTENCE_END = (*".!?…»\"”)", ":")
WORD_RE = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)
SPACE_RE = re.compile(r"\s+")
# Soft hyphens, zero-width spaces and joiners, byte-order marks: invisible, and they split words.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
NAME_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+$")

MIN_SENTENCE_WORDS = 8  # a line this long with final punctuation is body-like
LONG_LINE_WORDS = 25  # a line this long is body-like even without final punctuation
MAX_HEADING_WORDS = 16
MAX_REPEATED_WORDS = 12  # a line this short seen twice is a name, a label or a title
MAX_CUE_WORDS = 25  # a cue at the start of a longer line is prose, not furniture
MAX_BYLINE_WORDS = 8
MAX_BIO_WORDS = 40
MAX_TEASER_LINES = 5  # a teaser list after a "Related" header is this long at most
MAX_NOTICE_WORDS = 60
MAX_CREDIT_WORDS = 15
MIN_BODY_BEFORE_BARE_HEADER = 3
RUN_GAP = 2  # non-prose lines a run may bridge at its ends
FURNITURE_COST = 3.0
RUN_PENALTY_CAP = 15.0  # what one non-prose line costs the run, at most


@dataclass(slots=True)
class Line:
    """One non-empty line of the input and its features."""

    index: int
    block: int  # lines not separated by a blank line share a block
    text: str
    norm: str
    words: int
    ends_sentence: bool
    cap_ratio: float
    has_function_word: bool


@dataclass(slots=True)
class PlainResult:
    """What the classifier keeps and sets aside."""

    title: str | None
    paragraphs: list[str]
    boilerplate: list[str]
    comments: list[Comment] = field(default_factory=list)
    comments_announced: int | None = None
    labels: list[tuple[str, str]] = field(default_factory=list)  # (label, line) in order


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces: the form cues match on."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    return SPACE_RE.sub(" ", text).strip().lower()


def split_lines(text: str) -> list[Line]:
    """The non-empty lines of `text` with their features, in order."""
    lines: list[Line] = []
    block = 0
    blank = False
    for raw in text.splitlines():
        stripped = SPACE_RE.sub(" ", raw.translate(INVISIBLE)).strip()
        if not stripped:
            blank = True
            continue
        if blank and lines:
            block += 1
        blank = False
        lines.append(_features(len(lines), block, stripped))
    return lines


def _features(index: int, block: int, text: str) -> Line:
    tokens = WORD_RE.findall(text)
    alpha = [t for t in tokens if t[0].isalpha()]
    capitalised = sum(1 for t in alpha if t[0].isupper())
    norm = normalise(text)
    return Line(
        index=index,
        block=block,
        text=text,
        norm=norm,
        words=len(tokens),
        ends_sentence=text.rstrip().endswith(SENTENCE_END) or _ends_with_pictograph(text),
        cap_ratio=capitalised / len(alpha) if alpha else 0.0,
        has_function_word=any(t.lower().strip("'’") in cues.FUNCTION_WORDS for t in tokens),
    )


def _ends_with_pictograph(text: str) -> bool:
    last = text.rstrip()[-1:]
    return bool(last) and unicodedata.category(last) == "So"


def _starts_with_pictograph(text: str) -> bool:
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.category(first) == "So"


# -- features --------------------------------------------------------------


def furniture(line: Line) -> str | None:
    """Why `line` is page furniture (a cue, an advert, a byline), or None."""
    bare = line.norm.strip(" .:!?-–—|•*>»«")
    if bare in cues.WHOLE:
        return "widget"
    if line.words <= MAX_CUE_WORDS and line.norm.startswith(cues.START):
        return "cue"
    if line.norm.startswith(cues.NAVIGATION):
        return "cue"
    if line.words <= MAX_BYLINE_WORDS and line.norm.startswith(cues.BYLINE):
        return "byline"
    if sum(1 for cue in cues.PROMO if cue in line.norm) >= 2:
        return "promo"
    if line.words <= MAX_NOTICE_WORDS and any(cue in line.norm for cue in cues.NOTICE):
        return "notice"
    if "cookie" in line.norm and any(cue in line.norm for cue in cues.CONSENT):
        return "notice"
    if line.words <= MAX_CREDIT_WORDS and any(cue in line.norm for cue in cues.CREDIT):
        return "credit"
    if _starts_with_pictograph(line.text):
        return "pictograph"
    if line.words == 0:
        return "no words"
    return None


def is_sentence(line: Line) -> bool:
    """Long enough and punctuated like prose, or simply long."""
    if line.words >= LONG_LINE_WORDS:
        return True
    return line.words >= MIN_SENTENCE_WORDS and line.ends_sentence and not line.text.endswith(":")


def is_short_sentence(line: Line) -> bool:
    return 3 <= line.words < MIN_SENTENCE_WORDS and line.text.endswith((".", "!", "?", "…", "»"))


def is_name_like(line: Line) -> bool:
    """Two to four capitalised words and nothing else: a person's name."""
    parts = line.text.split()
    return 2 <= len(parts) <= 4 and all(NAME_WORD_RE.match(p) for p in parts)


def is_heading_like(line: Line) -> bool:
    """A short unpunctuated line that reads like a heading, not a keyword strip."""
    if not 3 <= line.words <= MAX_HEADING_WORDS or line.text.endswith((".", ",", ";", ":")):
        return False
    if not (line.text[0].isupper() or line.text[0].isdigit()):
        return False
    return line.has_function_word or line.cap_ratio < 0.75


def is_title_like(line: Line) -> bool:
    return 3 <= line.words <= 30 and not line.text.endswith((".", ",", ";", ":"))


def _list_blocks(lines: list[Line]) -> set[int]:
    """Blocks of three lines or more where most lines are not sentences: lists, tables, menus."""
    sizes: Counter[int] = Counter(line.block for line in lines)
    prose: Counter[int] = Counter(line.block for line in lines if is_sentence(line))
    return {b for b, n in sizes.items() if n >= 3 and prose[b] * 2 < n}


# -- the classifier --------------------------------------------------------


def classify(lines: list[Line], *, title: str | None = None) -> list[Label]:
    """One label per line (see the module docstring for the order of the rules)."""
    labels = [Label.BOILERPLATE] * len(lines)
    if not lines:
        return labels
    fixed = [furniture(line) is not None for line in lines]  # boilerplate whatever else
    lists = _list_blocks(lines)
    for line in lines:
        if line.block in lists and not is_sentence(line):
            fixed[line.index] = True  # a list or menu entry is never promoted to body
    _mark_teaser_lists(lines, fixed)
    candidate = [is_sentence(line) and not fixed[line.index] for line in lines]

    first_body = next((i for i, c in enumerate(candidate) if c), len(lines))
    header = _find_comments_header(lines, candidate)
    page = lines[:header]

    title_index = _find_title(page, fixed, first_body, title)
    counts = Counter(line.norm for line in page)
    seen: set[str] = set()
    title_norm = normalise(title) if title else (
        lines[title_index].norm if title_index is not None else None
    )
    for line in page:
        i = line.index
        if i == title_index:
            labels[i] = Label.TITLE
            candidate[i] = False
            seen.add(line.norm)
            continue
        repeated = line.norm == title_norm or (
            counts[line.norm] > 1 and (line.words < MAX_REPEATED_WORDS or line.norm in seen)
        )
        seen.add(line.norm)
        if repeated:
            fixed[i] = True
            candidate[i] = False
    _mark_bios(page, counts, fixed, candidate)

    start, end = _main_run(page, candidate, fixed)
    for line in page:
        if candidate[line.index] and start <= line.index <= end:
            labels[line.index] = Label.BODY
    _mark_inner_lines(page, labels, fixed)
    if Label.BODY not in labels:
        # No line is long enough for prose (a short note, a one-line record):
        # its sentence-like lines are the text, even one taken for a title.
        for line in page:
            if not fixed[line.index] and is_short_sentence(line):
                labels[line.index] = Label.BODY

    if header < len(lines):
        labels[header] = Label.COMMENT_HEADER
        for i in range(header + 1, len(lines)):
            labels[i] = Label.COMMENT  # refined by the comment collector
    return labels


def _mark_teaser_lists(lines: list[Line], fixed: list[bool]) -> None:
    """After a "Related articles" header, teasers run until two prose lines in a row."""
    k = 0
    while k < len(lines):
        line = lines[k]
        if line.words > 5 or line.norm.strip(" .:!?-–—|•*>»«") not in cues.RELATED_HEADERS:
            k += 1
            continue
        fixed[line.index] = True
        k += 1
        end = k + MAX_TEASER_LINES
        while k < min(end, len(lines)):
            resumes = (
                k + 1 < len(lines) and is_sentence(lines[k]) and is_sentence(lines[k + 1])
            )
            if resumes:
                break
            fixed[lines[k].index] = True
            k += 1


def _find_comments_header(lines: list[Line], candidate: list[bool]) -> int:
    """Index of the comments header, or len(lines): only once the article has started.

    A header with a count ("43 avis", "0 Comments") needs one body line before it;
    a bare "Comments" (also a menu entry) needs a few.
    """
    words_after = sum(line.words for line in lines if candidate[line.index])
    body_lines = words_before = 0
    for i, line in enumerate(lines):
        header = parse_header(line.text) if body_lines else None
        if (
            header is not None
            and (header.announced is not None or body_lines >= MIN_BODY_BEFORE_BARE_HEADER)
            and words_before >= words_after / 2  # most of the prose is above it
        ):
            return i
        if candidate[i]:
            body_lines += 1
            words_before += line.words
            words_after -= line.words
    return len(lines)


def _find_title(
    page: list[Line], fixed: list[bool], first_body: int, title: str | None
) -> int | None:
    if title:
        wanted = normalise(title)
        return next((line.index for line in page if line.norm == wanted), None)
    counts = Counter(line.norm for line in page)
    free = [line for line in page if not fixed[line.index]]
    if free and free[0].index <= 3 and is_title_like(free[0]) and counts[free[0].norm] > 1:
        return free[0].index  # a headline that the page repeats, even if it reads like prose
    before = [
        line for line in page[:first_body] if not fixed[line.index] and is_title_like(line)
    ]
    if not before:
        return None
    repeated = [line for line in before if counts[line.norm] > 1]
    if repeated:
        return repeated[0].index
    if before[0].index <= 2:
        return before[0].index
    return before[-1].index


def _main_run(page: list[Line], candidate: list[bool], fixed: list[bool]) -> tuple[int, int]:
    """First and last index of the densest run of prose (the article itself).

    Prose lines count their words, other lines cost a little each: the best
    run (maximum sum) spans the article and stops where menus, teaser lists
    and footers pile up. Lines outside it are not body, however well they read.
    """
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for k, line in enumerate(page):
        if candidate[line.index]:
            gain = float(line.words)
        elif fixed[line.index]:
            gain = -FURNITURE_COST  # recognised furniture: an insert, not the article's end
        else:
            gain = -min(float(max(line.words, 1)), RUN_PENALTY_CAP)
        if total <= 0:
            total, start = 0.0, k
        total += gain
        if total > best:
            best, best_span = total, (k, k)
            best_span = (start, k)
    if best_span[1] < 0:
        return best_span
    first, last = best_span
    prose = [k for k, line in enumerate(page) if candidate[line.index]]
    for k in reversed(prose):  # prose just above the run, across a short insert, belongs to it
        if k < first and first - k <= RUN_GAP + 1:
            first = k
    for k in prose:
        if k > last and k - last <= RUN_GAP + 1:
            last = k
    return page[first].index, page[last].index


def _mark_bios(
    page: list[Line], counts: Counter[str], fixed: list[bool], candidate: list[bool]
) -> None:
    """A name line seen twice (or followed by bio words), then a short self-description."""
    for k, line in enumerate(page[:-1]):
        if not is_name_like(line):
            continue
        following = page[k + 1]
        if following.norm == line.norm:
            continue  # the second copy of the name; the line after it is checked next
        repeated = counts[line.norm] > 1
        bio_words = any(cue in following.norm for cue in cues.BIO)
        if (repeated or bio_words) and following.words <= MAX_BIO_WORDS:
            fixed[line.index] = True
            fixed[following.index] = True
            candidate[following.index] = False


def _mark_inner_lines(page: list[Line], labels: list[Label], fixed: list[bool]) -> None:
    """Short sentences between body lines, and headings right before one, are body too."""
    body_seen = False
    previous_body = -1
    next_body = [len(labels)] * len(page)
    upcoming = len(labels)
    for k in range(len(page) - 1, -1, -1):
        next_body[k] = upcoming
        if labels[page[k].index] == Label.BODY:
            upcoming = page[k].index
    for k, line in enumerate(page):
        i = line.index
        if labels[i] == Label.BODY:
            body_seen = True
            previous_body = i
            continue
        if fixed[i] or labels[i] == Label.TITLE or not body_seen:
            continue
        following = next_body[k]
        if following >= len(labels):
            continue
        if is_short_sentence(line) and previous_body >= 0:
            labels[i] = Label.BODY
        elif (
            line.words >= MIN_SENTENCE_WORDS
            and previous_body == i - 1
            and following == i + 1
            and not line.text.endswith(":")
        ):
            labels[i] = Label.BODY  # an unpunctuated list item or quote inside the prose
        elif is_heading_like(line) and following == i + 1:
            labels[i] = Label.HEADING


def clean_text(text: str, *, title: str | None = None) -> PlainResult:
    """Split plain page text into title, body paragraphs, comments and boilerplate."""
    lines = split_lines(text)
    labels = classify(lines, title=title)
    result = PlainResult(title=title, paragraphs=[], boilerplate=[])
    collector = CommentCollector()
    for line, label in zip(lines, labels, strict=True):
        if label == Label.TITLE:
            result.title = line.text
        elif label in (Label.BODY, Label.HEADING):
            result.paragraphs.append(line.text)
        elif label == Label.COMMENT_HEADER:
            header = parse_header(line.text)
            result.comments_announced = header.announced if header else None
            result.boilerplate.append(line.text)
        elif label == Label.COMMENT:
            if not collector.feed(line.text, furniture=furniture(line)):
                result.boilerplate.append(line.text)
                label = Label.BOILERPLATE
        else:
            result.boilerplate.append(line.text)
        result.labels.append((str(label), line.text))
    result.comments = collector.comments
    return result
