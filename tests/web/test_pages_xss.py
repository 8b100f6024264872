"""Script in an article (text, title, evidence, names, comments, URL) stays text
on every page, in the API's JSON and in the feeds."""

from __future__ import annotations

from urllib.parse import quote

import feedparser
import pytest
from fastapi.testclient import TestClient
from web_factories import XSS_ATTR, XSS_SCRIPT

EVIL_ORG = "/orgs/" + quote(f"Evil {XSS_SCRIPT}", safe="")
PAGES = [
    "/",
    EVIL_ORG,
    "/feeds/orgs/" + quote(f"Corp {XSS_ATTR}", safe="") + ".atom",
    "/orgs/Nissan",
    "/orgs/Dongfeng",
    "/pairs/Nissan/Dongfeng",
    "/articles/xss",
    "/search?q=Nissan",
    "/search?q=" + XSS_SCRIPT,
    "/stories",
]
RAW = [XSS_SCRIPT, "<img src=x", "onerror=alert(1)>", 'href="javascript:']


def _story_page(client: TestClient) -> str:
    [story] = [s for s in client.get("/api/stories").json()["items"]
               if s["title"] == f"Title {XSS_SCRIPT}"]
    return "/stories/" + story["id"]


@pytest.mark.parametrize("path", PAGES)
def test_xss_escaped_on_page(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    for raw in RAW:
        assert raw not in response.text, (path, raw)


def test_xss_escaped_on_story_page(client: TestClient) -> None:
    html = client.get(_story_page(client)).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for raw in RAW:
        assert raw not in html


def test_xss_article_page_shows_the_text_escaped(client: TestClient) -> None:
    html = client.get("/articles/xss").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<mark class="evidence">Nissan &lt;script&gt;' in html  # highlighted, still escaped
    # The javascript: URL is shown as text, never linked.
    assert 'href="javascript' not in html.lower()


def test_xss_graph_data_cannot_close_the_script(client: TestClient) -> None:
    html = client.get(EVIL_ORG).text
    data = html.split('id="graph-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data
    assert "\\u003cscript\\u003e" in data  # the name survives, as JSON escapes


@pytest.mark.parametrize("path", ["/feeds/orgs/Nissan.atom", "/feeds/status/agreed.atom",
                                  "/feeds/status/rumored.atom"])
def test_xss_escaped_in_feed(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert XSS_SCRIPT not in response.text
    assert "&lt;script&gt;" in response.text
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0
    # A reader gets the text back as text (type="text"), not as markup.
    assert any(XSS_SCRIPT in e.summary for e in parsed.entries)
    assert all(e.summary_detail.type == "text/plain" for e in parsed.entries)


def test_xss_api_returns_data_as_json(client: TestClient) -> None:
    response = client.get("/api/articles/xss")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["article"]["title"] == f"Title {XSS_SCRIPT}"
