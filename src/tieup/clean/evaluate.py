"""Measure the clean stage on annotated web pages (`tieup eval-clean`).

Two datasets are understood, recognised by the file next to the pages:

- the article-extraction benchmark (`ground-truth.json` + `html/<id>.html.gz`):
  word 4-gram shingles of `\\w+` tokens as a multiset; per page TP, FP and FN;
  precision and recall averaged over pages, F1 from the averages;
- trafilatura's French evaluation pages (`evaldata-fr.json` + `cache/`, `eval/`):
  "with" snippets that must be found and "without" snippets that must not,
  summed over pages.

Three paths are scored on each page: `html` (tieup's trafilatura settings),
`plain` (the page flattened to text the way the seeds were, every word kept,
then tieup's line classifier) and `baseline` (that flat text, kept whole).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import html_text
from trafilatura.utils import decode_file

from tieup.clean.html import extract_html
from tieup.clean.plaintext import clean_text
from tieup.errors import InputError

logger = logging.getLogger(__name__)

PATHS = ("html", "plain", "baseline")
TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SPACE_RE = re.compile(r"\s+")


@dataclass(slots=True)
class Page:
    """One annotated page: its HTML and what a good extraction holds (or avoids)."""

    id: str
    html: str
    url: str | None = None
    truth: str | None = None  # full article body (benchmark)
    with_snippets: list[str] = field(default_factory=list)  # must be found (French set)
    without_snippets: list[str] = field(default_factory=list)  # must be absent


# -- reading the datasets ----------------------------------------------------


def load_pages(dataset: Path, *, sample: int | None = None) -> list[Page]:
    """The pages of a dataset folder, sorted by id; the first `sample` ones if given."""
    if (dataset / "ground-truth.json").is_file():
        pages = list(_benchmark_pages(dataset))
    elif (dataset / "evaldata-fr.json").is_file():
        pages = list(_snippet_pages(dataset, dataset / "evaldata-fr.json"))
    else:
        raise InputError(str(dataset), "no ground-truth.json or evaldata-fr.json in this folder")
    pages.sort(key=lambda page: page.id)
    return pages[:sample] if sample else pages


def _benchmark_pages(dataset: Path) -> Iterator[Page]:
    truth = json.loads((dataset / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in truth.items():
        path = dataset / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue  # a sample folder holds only some of the pages
        html = gzip.decompress(path.read_bytes()).decode("utf-8")
        yield Page(id=key, html=html, url=item.get("url"), truth=item["articleBody"])


def _snippet_pages(dataset: Path, annotations: Path) -> Iterator[Page]:
    entries = json.loads(annotations.read_text(encoding="utf-8"))
    for url, item in entries.items():
        path = next(
            (dataset / folder / item["file"] for folder in ("cache", "eval")
             if (dataset / folder / item["file"]).is_file()),
            None,
        )
        if path is None:
            continue
        yield Page(
            id=item["file"],
            html=decode_file(path.read_bytes()),
            url=url,
            with_snippets=list(item.get("with") or []),
            without_snippets=list(item.get("without") or []),
        )


# -- the three paths -----------------------------------------------------------


def page_text(html: str) -> str:
    """The whole page as plain text: blocks on their own lines, every word kept."""
    return html_text.extract_text(html, guess_layout=True)


def run_html(page: Page) -> str:
    return "\n".join(extract_html(page.html, url=page.url).paragraphs)


def run_plain(page: Page) -> str:
    return "\n".join(clean_text(page_text(page.html)).paragraphs)


def run_baseline(page: Page) -> str:
    return page_text(page.html)


RUNNERS: dict[str, Callable[[Page], str]] = {
    "html": run_html,
    "plain": run_plain,
    "baseline": run_baseline,
}


# -- scores ----------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of `\\w+` tokens, as a multiset."""
    tokens = TOKEN_RE.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 0)))


def page_scores(truth: str, prediction: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page; None where the denominator is zero."""
    expected, found = shingles(truth), shingles(prediction)
    tp = sum((expected & found).values())
    fp = sum(found.values()) - tp
    fn = sum(expected.values()) - tp
    if tp + fp + fn == 0:
        return None, None
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return precision, recall


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _squash(text: str) -> str:
    return SPACE_RE.sub(" ", text).strip()


def evaluate(pages: list[Page], *, paths: tuple[str, ...] = PATHS) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per path (plus snippet fractions on the French set)."""
    results: dict[str, dict[str, float]] = {}
    for path in paths:
        runner = RUNNERS[path]
        precisions: list[float] = []
        recalls: list[float] = []
        tp = fp = fn = 0
        with_total = without_total = 0
        snippets = False
        for page in pages:
            output = runner(page)
            if page.truth is not None:
                precision, recall = page_scores(page.truth, output)
                if precision is not None:
                    precisions.append(precision)
                if recall is not None:
                    recalls.append(recall)
            if page.with_snippets or page.without_snippets:
                snippets = True
                flat = _squash(output)
                found = sum(1 for s in page.with_snippets if _squash(s) in flat)
                leaked = sum(1 for s in page.without_snippets if _squash(s) in flat)
                tp += found
                fn += len(page.with_snippets) - found
                fp += leaked
                with_total += len(page.with_snippets)
                without_total += len(page.without_snippets)
        if snippets:
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            results[path] = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(_f1(precision, recall), 4),
                "with_found": round(tp / with_total, 4) if with_total else 0.0,
                "without_absent": round(1 - fp / without_total, 4) if without_total else 0.0,
            }
        else:
            precision, recall = _mean(precisions), _mean(recalls)
            results[path] = {
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(_f1(precision, recall), 4),
            }
        logger.info("%s: %s", path, results[path])
    return results


def evaluate_dataset(dataset: Path, *, sample: int | None = None) -> dict[str, dict[str, float]]:
    """Load a dataset folder and score the three paths on it."""
    return evaluate(load_pages(dataset, sample=sample))
