"""Scoring story clustering against labelled stories.

A labelled file is JSON Lines as `tieup ingest` reads them (``id``, ``text``
or ``html``, optional ``url``, ``date``, ``lang``, ``title``) plus a
``story`` label. The articles go through the real pipeline into a throw-away
SQLite store, stories are built from it, and the predicted grouping is
compared with the labels two ways:

- B-cubed: per article, the share of its predicted story that shares its
  label (precision) and the share of its label found in its predicted story
  (recall), averaged over articles;
- pair counting: over all pairs of articles, precision and recall of "in the
  same story".
"""

from __future__ import annotations

import json
import logging
import tempfile
from collections.abc import Mapping
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tieup.errors import InputError
from tieup.stories.build import stories_from_records
from tieup.stories.records import load_records

if TYPE_CHECKING:
    from tieup.pipeline import Pipeline

logger = logging.getLogger(__name__)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _scores(p: float, r: float) -> dict[str, float]:
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(_f1(p, r), 4)}


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 over the items both mappings label."""
    items = sorted(set(predicted) & set(gold))
    if not items:
        return _scores(0.0, 0.0)
    by_pred: dict[str, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for item in items:
        by_pred.setdefault(predicted[item], []).append(item)
        by_gold.setdefault(gold[item], []).append(item)
    p = r = 0.0
    for item in items:
        same_pred = by_pred[predicted[item]]
        same_gold = by_gold[gold[item]]
        both = sum(1 for x in same_pred if gold[x] == gold[item])
        p += both / len(same_pred)
        r += both / len(same_gold)
    return _scores(p / len(items), r / len(items))


def pair_counting(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Precision and recall of "these two items are in the same cluster"."""
    items = sorted(set(predicted) & set(gold))
    tp = fp = fn = 0
    for x, y in combinations(items, 2):
        same_pred = predicted[x] == predicted[y]
        same_gold = gold[x] == gold[y]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return _scores(p, r)


def read_labels(path: Path, *, required: bool = True) -> dict[str, str | None]:
    """{article id: story label, or None when the line has none} from a JSONL file.

    With `required`, a file where no line has a label is an InputError.
    """
    labels: dict[str, str | None] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    raise InputError(f"{path}:{n}", f"invalid JSON ({e.msg})") from e
                if isinstance(record, dict) and record.get("id"):
                    story = record.get("story")
                    labels[str(record["id"])] = str(story) if story else None
    except OSError as e:
        raise InputError(str(path), f"cannot read it ({e.strerror})") from e
    if required and not any(labels.values()):
        raise InputError(str(path), "no line has both an `id` and a `story` label")
    return labels


def read_label_file(path: Path) -> dict[str, str]:
    """{article id: story label} from a JSON object (keys starting with `_` are notes)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(str(path), f"cannot read it ({e.strerror})") from e
    except json.JSONDecodeError as e:
        raise InputError(str(path), f"invalid JSON ({e.msg})") from e
    if not isinstance(data, dict):
        raise InputError(str(path), "expected a JSON object {article id: story label}")
    return {str(k): str(v) for k, v in data.items() if not str(k).startswith("_")}


def evaluate_file(path: Path, *, pipeline: Pipeline) -> dict[str, Any]:
    """Ingest a labelled file into a throw-away store, build stories, score them."""
    return evaluate_files([path], pipeline=pipeline)


def evaluate_files(
    paths: list[Path], *, pipeline: Pipeline, labels_file: Path | None = None
) -> dict[str, Any]:
    """Ingest JSONL files into a throw-away store, build stories, score them.

    Labels come from each line's `story`, then from `labels_file` (a JSON
    object {id: label}) when given; an article left without a label is a story
    of its own.
    """
    from tieup.ingest import ingest
    from tieup.store import Store

    read: dict[str, str | None] = {}
    for path in paths:
        read.update(read_labels(path, required=labels_file is None))
    if labels_file is not None:
        extra = read_label_file(labels_file)
        read.update({k: v for k, v in extra.items() if k in read})
    labels = {i: label or f"(alone) {i}" for i, label in read.items()}
    with (
        tempfile.TemporaryDirectory(prefix="tieup-eval-stories-") as tmp,
        Store.open(f"sqlite:///{Path(tmp) / 'eval.db'}") as store,
    ):
        report = ingest([str(p) for p in paths], store=store, pipeline=pipeline)
        records = load_records(store)
    for problem in report.skipped:
        logger.warning("eval-stories: skipped %s", problem)
    found = stories_from_records(records)
    predicted = {
        source.article_id: s.id for s in found for a in s.articles for source in a.sources
    }
    return {
        "file": ", ".join(str(p) for p in paths),
        "labels": str(labels_file) if labels_file else None,
        "articles": len(set(predicted) & set(labels)),
        "skipped": [str(p) for p in report.skipped],
        "gold_stories": len(set(labels.values())),
        "stories": len({predicted[i] for i in predicted if i in labels}),
        "bcubed": bcubed(predicted, labels),
        "pairs": pair_counting(predicted, labels),
        "predicted": {i: predicted[i] for i in sorted(predicted)},
    }
