"""Server-rendered pages: what each shows, and where it links."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from web_factories import XIAOMI_EVIDENCE


def _section(html: str, status: str) -> str:
    match = re.search(rf'<section class="partners" id="status-{status}".*?</section>', html, re.S)
    assert match, f"no {status} section"
    return match.group(0)


def test_page_home_latest_and_counts(client: TestClient) -> None:
    html = client.get("/").text
    assert XIAOMI_EVIDENCE in html
    assert re.search(r'data-status="talks">1<', html)  # one pair currently in talks
    assert re.search(r'data-status="ended">1<', html)
    assert 'href="/feeds/status/talks.atom"' in html


def test_page_org_reached_by_alias(client: TestClient) -> None:
    response = client.get("/orgs/Renault")
    assert response.status_code == 200
    html = response.text
    assert '<h1 class="org-name">Renault Group</h1>' in html
    talks = _section(html, "talks")
    assert "Xiaomi" in talks
    assert XIAOMI_EVIDENCE in talks
    assert 'href="https://news.example/talks"' in talks
    assert "Geely" in _section(html, "agreed")
    ended = _section(html, "ended")
    assert "seeds/ended.txt" in ended and 'href="/articles/ended"' in ended
    assert '<script src="/static/vendor/cytoscape.min.js"></script>' in html
    assert 'id="graph-data"' in html
    assert 'href="/feeds/orgs/renault-group.atom"' in html


def test_page_org_unknown_is_404_page(client: TestClient) -> None:
    response = client.get("/orgs/Toyota")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "no organisation named &#39;Toyota&#39;" in response.text


def test_page_pair_timeline(client: TestClient) -> None:
    html = client.get("/pairs/Renault/Xiaomi").text
    assert html.index("Renault could team up with Xiaomi.") < html.index(XIAOMI_EVIDENCE)
    assert "2024-01-10" in html and "2024-04-26" in html


def test_page_article_highlights_evidence_comments_apart(client: TestClient) -> None:
    html = client.get("/articles/talks").text
    assert f'<mark class="evidence">{XIAOMI_EVIDENCE}</mark>' in html
    body, comments = html.split('<section class="comments"', 1)
    assert "Intéressant !" not in body
    assert "Intéressant !" in comments and "Paul" in comments


def test_page_story_lists_outlets_and_reactions(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    story = next(s for s in stories if s["title"] == "Title of talks")
    html = client.get(f"/stories/{story['id']}").text
    assert '<span class="outlet">news.example</span>' in html
    assert XIAOMI_EVIDENCE in html
    reactions = html.split('<section class="reactions comments">', 1)[1]
    assert "Intéressant !" in reactions and "Paul" in reactions


def test_page_search(client: TestClient) -> None:
    html = client.get("/search", params={"q": "xiaomi"}).text
    assert 'href="/orgs/xiaomi"' in html
    assert 'href="/articles/talks"' in html


def test_static_assets_vendored(client: TestClient) -> None:
    js = client.get("/static/vendor/cytoscape.min.js")
    assert js.status_code == 200 and "cytoscape" in js.text[:2000].lower()
    assert client.get("/static/vendor/cytoscape.LICENSE").status_code == 200
    assert client.get("/static/js/org-graph.js").status_code == 200
    assert client.get("/static/css/tieup.css").status_code == 200
