"""Plain helpers the pages and feeds share: safe links, evidence highlighting,
status colours. No HTML is built here: templates escape everything they print."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2

from tieup.models import Status

STATUS_ORDER: tuple[str, ...] = tuple(s.value for s in Status)

# Colours of the statuses on the graph and in the badges (colour-blind friendly).
STATUS_COLORS: dict[str, str] = {
    "rumored": "#9e9e9e",
    "talks": "#e69f00",
    "agreed": "#0072b2",
    "active": "#009e73",
    "ended": "#d55e00",
}


def web_href(source: str | None) -> str | None:
    """`source` when it is an http(s) URL (safe in an href), else None."""
    if not source:
        return None
    parts = urlsplit(source.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return source.strip()
    return None


def segment(part: str) -> str:
    """One path segment, percent-encoded (slashes included)."""
    return quote(part, safe="")


def highlight(text: str, phrases: list[str]) -> list[tuple[str, bool]]:
    """`text` split into (piece, is_evidence) runs; the pieces join back to `text`.

    Each phrase is found verbatim, else with its whitespace taken loosely.
    """
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        spans.extend(m.span() for m in re.finditer(pattern, text))
    if not spans:
        return [(text, False)] if text else []
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in merged:
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def graph(org: dict[str, Any], partners: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Cytoscape elements for one organisation and its partners, by current status."""
    nodes = [{"data": {"id": org["id"], "label": org["name"], "center": True}}]
    edges = []
    for status, items in partners.items():
        for p in items:
            nodes.append(
                {
                    "data": {
                        "id": p["partner_id"],
                        "label": p["partner"],
                        "status": status,
                        "color": STATUS_COLORS.get(status, "#666666"),
                        "href": "/orgs/" + segment(p["partner_id"]),
                    }
                }
            )
            edges.append(
                {
                    "data": {
                        "id": f"{org['id']}--{p['partner_id']}",
                        "source": org["id"],
                        "target": p["partner_id"],
                        "status": status,
                        "color": STATUS_COLORS.get(status, "#666666"),
                    }
                }
            )
    return {"nodes": nodes, "edges": edges}


def register(env: jinja2.Environment) -> None:
    env.filters["web_href"] = web_href
    env.filters["segment"] = segment
    env.globals["STATUS_COLORS"] = STATUS_COLORS
    env.globals["STATUS_ORDER"] = STATUS_ORDER
    env.globals["highlight"] = highlight
