"""`tieup eval` must give the reference scorer's figures (shared/gold/score.py,
copied to tests/data/reference_score.py) on any predictions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tieup.evaluate import read_jsonl, score

DATA = Path(__file__).parent / "data"
REFERENCE = DATA / "reference_score.py"
GOLD = read_jsonl(DATA / "seeds.jsonl") + read_jsonl(DATA / "dev-fr.jsonl")[:8]
STATUSES = ["rumored", "talks", "agreed", "active", "ended"]


def _reference(preds: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    gold = tmp / "gold.jsonl"
    pred = tmp / "pred.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@st.composite
def predictions(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Gold records perturbed: pairs dropped, statuses changed, names aliased, pairs invented."""
    out = []
    for g in GOLD:
        if draw(st.booleans()) and draw(st.booleans()):
            continue  # no prediction line for this record
        forms = {canon: [canon, *aliases] for canon, aliases in g["entities"].items()}
        tieups = []
        for t in g["tieups"]:
            if draw(st.integers(0, 4)) == 0:
                continue
            a = draw(st.sampled_from(forms.get(t["a"], [t["a"]])))
            b = draw(st.sampled_from(forms.get(t["b"], [t["b"]])))
            status = draw(st.sampled_from([t["status"], *STATUSES]))
            tieups.append({"a": a, "b": b, "status": status, "kind": t["kind"]})
        for _ in range(draw(st.integers(0, 2))):
            tieups.append(
                {
                    "a": draw(st.sampled_from(["Renault", "Tesla", "Nobody Corp"])),
                    "b": draw(st.sampled_from(["Apple", "BYD", "Geely"])),
                    "status": "talks",
                    "kind": "alliance",
                }
            )
        roles = [dict(r) for r in g.get("roles", []) if draw(st.booleans())]
        out.append({"id": g["id"], "tieups": tieups, "roles": roles})
    return out


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(preds=predictions())
def test_evaluate_agrees_with_reference_scorer(preds: list[dict[str, Any]], tmp_path: Path) -> None:
    ours, _ = score(GOLD, {p["id"]: p for p in preds})
    assert ours == _reference(preds, tmp_path)


def test_evaluate_perfect_predictions_score_one() -> None:
    preds = {g["id"]: g for g in GOLD}
    figures, errors = score(GOLD, preds)
    assert figures["pair_f1"] == figures["strict_f1"] == figures["role_f1"] == 1.0
    assert errors == []
