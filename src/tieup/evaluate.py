"""Score tie-up predictions against gold records (gold/GUIDELINES.md).

The figures are those of the reference scorer (`tests/data/reference_score.py`,
a copy of shared/gold/score.py): pair precision, recall and F1, status and kind
accuracy over found pairs, strict F1 (pair and status right) and role F1 on
(person, organisation). A test checks that both agree on the same predictions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tieup.kb.loader import SUFFIXES, normalise

_SCORER_SUFFIXES = SUFFIXES - {"le", "la", "les"}


def _core(name: str) -> str:
    words = [w for w in normalise(name).split() if w not in _SCORER_SUFFIXES]
    return " ".join(words) or normalise(name)


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def resolver(entities: dict[str, list[str]]) -> Callable[[str], str | None]:
    forms: dict[str, str] = {}
    for canon, aliases in entities.items():
        for form in [canon, *aliases]:
            forms.setdefault(normalise(form), canon)
            forms.setdefault(_core(form), canon)
    return lambda name: forms.get(normalise(name)) or forms.get(_core(name))


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(
    gold: Iterable[dict[str, Any]], preds: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], list[tuple]]:
    """The reference figures, and the list of errors (id, what, pair, predicted, gold)."""
    gold = list(gold)
    c = dict(tp=0, fp=0, fn=0, status_ok=0, kind_ok=0, role_tp=0, role_fp=0, role_fn=0)
    errors: list[tuple] = []
    for g in gold:
        p = preds.get(g["id"], {})
        resolve = resolver(g.get("entities", {}))
        gold_pairs = {frozenset((t["a"], t["b"])): t for t in g.get("tieups", [])}
        optional = {frozenset(pair) for pair in g.get("optional", [])}
        seen: set[frozenset] = set()
        for t in p.get("tieups", []):
            a, b = resolve(t.get("a", "")), resolve(t.get("b", ""))
            pair = frozenset((a, b)) if a and b and a != b else None
            key = pair or frozenset((normalise(t.get("a", "")), normalise(t.get("b", ""))))
            if key in seen:
                continue
            seen.add(key)
            if pair in gold_pairs:
                c["tp"] += 1
                want = gold_pairs[pair]
                right = t.get("status") in (want["status"], *want.get("status_also", []))
                c["status_ok"] += right
                c["kind_ok"] += t.get("kind") == want.get("kind")
                if not right:
                    errors.append((g["id"], "status", sorted(pair), t.get("status"),
                                   want["status"]))
            elif pair in optional:
                continue
            else:
                c["fp"] += 1
                errors.append((g["id"], "false", [t.get("a"), t.get("b")], t.get("status"), None))
        for pair, t in gold_pairs.items():
            if pair not in seen:
                c["fn"] += 1
                errors.append((g["id"], "missed", sorted(pair), None, t["status"]))
        gold_roles = {(normalise(r["person"]), r["org"]) for r in g.get("roles", [])}
        pred_roles = {
            (normalise(r.get("person", "")), resolve(r.get("org", "")))
            for r in p.get("roles", [])
        }
        c["role_tp"] += len(gold_roles & pred_roles)
        c["role_fp"] += len(pred_roles - gold_roles)
        c["role_fn"] += len(gold_roles - pred_roles)
    p_, r_, f_ = _f1(c["tp"], c["fp"], c["fn"])
    strict_tp = c["status_ok"]
    _, _, sf = _f1(strict_tp, c["fp"] + c["tp"] - strict_tp, c["fn"] + c["tp"] - strict_tp)
    _, _, rf = _f1(c["role_tp"], c["role_fp"], c["role_fn"])
    figures = {
        "records": len(gold),
        "pairs_gold": c["tp"] + c["fn"],
        "tp": c["tp"],
        "fp": c["fp"],
        "fn": c["fn"],
        "pair_precision": round(p_, 3),
        "pair_recall": round(r_, 3),
        "pair_f1": round(f_, 3),
        "status_accuracy": round(c["status_ok"] / c["tp"], 3) if c["tp"] else 0.0,
        "kind_accuracy": round(c["kind_ok"] / c["tp"], 3) if c["tp"] else 0.0,
        "strict_f1": round(sf, 3),
        "role_f1": round(rf, 3),
    }
    return figures, errors
