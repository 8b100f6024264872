"""Docs that cannot drift: every API and feed route is listed in the README's
"Web dashboard and API" section, and every route listed there exists."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from tieup.web import create_app, feeds

README = Path(__file__).parents[2] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Web dashboard and API")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _routes(tmp_path: Path) -> set[str]:
    """The API's routes as its OpenAPI spec gives them (with ingest on), and the feeds."""
    app = create_app(f"sqlite:///{tmp_path / 'docs.db'}", token="t")
    found = {
        f"{method.upper()} {path}"
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
    for route in feeds.router.routes:
        assert isinstance(route, APIRoute)
        found.update(f"{m} {route.path.replace(':path}', '}')}" for m in route.methods)
    return found


def test_docs_every_route_in_readme(tmp_path: Path) -> None:
    section = " ".join(_section().split())  # a route may wrap across lines
    routes = _routes(tmp_path)
    assert len(routes) >= 10
    missing = sorted(r for r in routes if f"`{r}`" not in section)
    assert missing == [], f"routes missing from the README: {missing}"


def test_docs_readme_lists_no_route_that_does_not_exist(tmp_path: Path) -> None:
    section = " ".join(_section().split())
    listed = set(re.findall(r"`((?:GET|POST|PUT|DELETE) /(?:api|feeds)/[^`?]*)`", section))
    assert listed, "no route found in the README section"
    assert listed <= _routes(tmp_path)
