"""Score the comment readers against a gold file (`gold/comments-seeds.jsonl`).

Each gold line is one article: ``id``, ``comments_shown``, ``comments_total``
(the count the page announces) and ``comments`` [{``n``, ``text``,
``sentiment``, ``question``}]. Sentiment and question flags are scored on the
gold texts; with the articles' own texts (a JSONL of ``id``, ``text``, as
`tests/data/seeds.jsonl`), the comment extraction is scored too: how many
comments are found, with which text, and the announced count.

Accuracies come with a 95% Wilson score interval: on a dozen comments it is
wide, and the README says so.
"""

from __future__ import annotations

import json
import logging
import math
from collections import Counter
from pathlib import Path
from typing import Any

from tieup.errors import InputError
from tieup.models import Document
from tieup.reactions import comment_language
from tieup.reactions.questions import asks
from tieup.reactions.sentiment import LABELS, baseline, sentiment

log = logging.getLogger(__name__)

Z95 = 1.959964


def wilson(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval for a proportion (95% by default)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    low = 0.0 if successes == 0 else max(0.0, centre - half)  # exact ends, no float dust
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    records = []
    try:
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{i}", f"invalid JSON ({e.msg})") from e
    except OSError as e:
        raise InputError(str(path), e.strerror or str(e)) from e
    return records


def _lang(record: dict[str, Any]) -> str:
    if record.get("lang") in ("fr", "en"):
        return str(record["lang"])
    prefix = str(record.get("id", "")).split("-", 1)[0]
    return prefix if prefix in ("fr", "en") else "fr"


def _score(hits: int, n: int) -> dict[str, Any]:
    low, high = wilson(hits, n)
    return {"correct": hits, "total": n, "accuracy": round(hits / n, 3) if n else None,
            "wilson95": [round(low, 3), round(high, 3)]}


def score_readers(gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Sentiment and question accuracy of tieup's readers on the gold comments."""
    rows = []
    for record in gold:
        for c in record.get("comments", []):
            lang = comment_language(c["text"], _lang(record))
            rows.append(
                {
                    "id": record["id"],
                    "n": c["n"],
                    "gold_sentiment": c["sentiment"],
                    "sentiment": sentiment(c["text"], lang),
                    "baseline": baseline(c["text"], lang),
                    "gold_question": bool(c["question"]),
                    "question": asks(c["text"], lang),
                }
            )
    confusion: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    for r in rows:
        confusion.setdefault(r["gold_sentiment"], Counter())[r["sentiment"]] += 1
    asked = [r for r in rows if r["gold_question"]]
    return {
        "comments": len(rows),
        "sentiment": _score(sum(r["sentiment"] == r["gold_sentiment"] for r in rows), len(rows)),
        "sentiment_baseline": _score(
            sum(r["baseline"] == r["gold_sentiment"] for r in rows), len(rows)
        ),
        "question": _score(sum(r["question"] == r["gold_question"] for r in rows), len(rows)),
        "questions_found": _score(sum(r["question"] for r in asked), len(asked)),
        "false_questions": sum(r["question"] and not r["gold_question"] for r in rows),
        "confusion": {g: dict(c) for g, c in confusion.items()},
        "errors": [r for r in rows if r["sentiment"] != r["gold_sentiment"]
                   or r["question"] != r["gold_question"]],
    }


def score_extraction(gold: list[dict[str, Any]], texts: list[dict[str, Any]]) -> dict[str, Any]:
    """Comments the cleaner extracts from each article's text, against the gold."""
    from tieup.clean import clean

    by_id = {str(t["id"]): t for t in texts}
    articles = []
    for record in gold:
        source = by_id.get(str(record["id"]))
        if source is None:
            log.warning("reactions eval: no text for gold article %s", record["id"])
            continue
        article = clean(
            Document(origin=str(record["id"]), id=str(record["id"]), text=source.get("text"),
                     html=source.get("html"), lang=source.get("lang"))
        )
        gold_texts = [c["text"] for c in record.get("comments", [])]
        found = [c.text for c in article.comments]
        articles.append(
            {
                "id": record["id"],
                "shown": len(found),
                "gold_shown": record.get("comments_shown", len(gold_texts)),
                "announced": article.comments_announced,
                "gold_announced": record.get("comments_total"),
                "same_texts": sum(a == b for a, b in zip(found, gold_texts, strict=False)),
                "gold_texts": len(gold_texts),
            }
        )
    return {"articles": articles}


def evaluate_file(gold_path: Path, *, texts_path: Path | None = None) -> dict[str, Any]:
    """All the figures for one gold file (and the articles' texts, when given)."""
    gold = _read_jsonl(gold_path)
    result: dict[str, Any] = {"gold": str(gold_path), **score_readers(gold)}
    if texts_path is not None:
        result["extraction"] = score_extraction(gold, _read_jsonl(texts_path))
    return result
