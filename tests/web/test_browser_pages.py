"""The pages in headless Chromium (Debian's, driven by Playwright; no browser
download), against a uvicorn server on loopback. Screenshots go to
tests/web/screenshots/ (gitignored)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn
from web_factories import XIAOMI_EVIDENCE, XSS_SCRIPT

from tieup.ingest import ingest
from tieup.store import Store
from tieup.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
EXAMPLES = Path(__file__).parents[2] / "examples"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def _serve(db_url: str) -> Iterator[str]:
    """The app served by uvicorn on 127.0.0.1 (a free port), in a thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(db_url), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(200):  # at most 10 s for the server to start
        if uv.started:
            break
        time.sleep(0.05)
    assert uv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(db_url: str) -> Iterator[str]:
    with _serve(db_url) as base:
        yield base


@pytest.fixture(scope="module")
def seed_db(browser, pipeline, tmp_path_factory: pytest.TempPathFactory) -> str:  # type: ignore[no-untyped-def]
    """The two seed articles of examples/, read by the real pipeline (after the
    browser fixture, so a missing Chromium skips before the pipeline loads)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    with Store.open(url) as store:
        report = ingest([str(EXAMPLES)], store=store, pipeline=pipeline)
    assert report.stored == 2, report.summary()
    return url


@pytest.fixture(scope="module")
def seed_server(seed_db: str) -> Iterator[str]:
    with _serve(seed_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (Debian package chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # Offline: any request that is not to a test server on loopback fails the test.
    outside: list[str] = []

    def only_loopback(route, req) -> None:  # type: ignore[no-untyped-def]
        if req.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(req.url)
            route.abort()

    opened.route("**/*", only_loopback)
    yield opened
    SCREENSHOTS.mkdir(exist_ok=True)
    opened.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert errors == [], errors
    assert dialogs == [], dialogs
    assert outside == [], outside


def test_browser_org_page_acceptance(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/orgs/Renault")
    assert page.locator("h1.org-name").inner_text() == "Renault Group"
    talks = page.locator("#status-talks")
    xiaomi = talks.locator("li.partner", has_text="Xiaomi")
    assert xiaomi.count() == 1
    assert XIAOMI_EVIDENCE in xiaomi.locator("blockquote.evidence").inner_text()
    assert xiaomi.locator("a.source").get_attribute("href") == "https://news.example/talks"
    # The graph: one node per partner, plus Renault itself, coloured by status.
    page.wait_for_function("window.tieupGraph && window.tieupGraph.nodes().length > 0")
    nodes = page.evaluate("window.tieupGraph.nodes().map(n => n.id())")
    partners = page.eval_on_selector_all(
        "li.partner", "items => items.map(i => i.dataset.partnerId)")
    assert sorted(partners) == ["dongfeng", "geely", "xiaomi"]
    assert set(nodes) == {"renault-group", *partners}
    color = page.evaluate("window.tieupGraph.getElementById('xiaomi').style('background-color')")
    assert color == "rgb(230,159,0)"  # talks
    assert page.locator("#graph canvas").count() > 0


def test_browser_acceptance_on_the_seed_articles(page, seed_db: str, seed_server: str) -> None:  # type: ignore[no-untyped-def]
    """The issue's acceptance, end to end: seeds -> pipeline -> store -> page."""
    with Store.open(seed_db) as store:
        expected = store.partners("Renault")
    [xiaomi_row] = [p for p in expected["partners"].get("talks", []) if p["partner_id"] == "xiaomi"]
    page.goto(f"{seed_server}/orgs/Renault")
    assert page.locator("h1.org-name").inner_text() == "Renault Group"
    xiaomi = page.locator("#status-talks li.partner[data-partner-id='xiaomi']")
    assert xiaomi.count() == 1
    assert xiaomi.locator("a.partner-name").inner_text() == "Xiaomi"
    assert xiaomi.locator("blockquote.evidence").inner_text() == xiaomi_row["evidence"]
    source = xiaomi.locator("a.source")
    assert source.inner_text() == xiaomi_row["source"]
    with page.expect_navigation():
        source.click()
    assert page.url == f"{seed_server}/articles/{xiaomi_row['article_id']}"
    marked = " ".join(page.locator("mark.evidence").all_inner_texts())
    assert " ".join(xiaomi_row["evidence"].split()) in " ".join(marked.split())
    page.go_back()
    page.wait_for_function("window.tieupGraph && window.tieupGraph.nodes().length > 0")
    nodes = set(page.evaluate("window.tieupGraph.nodes().map(n => n.id())"))
    partners = {p["partner_id"] for ps in expected["partners"].values() for p in ps}
    assert len(partners) >= 2
    assert nodes == {"renault-group", *partners}


def test_browser_graph_node_opens_partner(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/orgs/Renault")
    page.wait_for_function("window.tieupGraph && window.tieupGraph.nodes().length > 0")
    spot = page.evaluate("window.tieupGraph.getElementById('geely').renderedPosition()")
    box = page.locator("#graph").bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    assert page.url == f"{server}/orgs/geely"
    assert page.locator("h1.org-name").inner_text() == "Geely"


def test_browser_home_and_timeline(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    assert page.locator("strong.count[data-status='talks']").inner_text() == "1"
    page.locator("a.timeline-link").first.click()
    page.wait_for_load_state()
    assert "/pairs/" in page.url
    assert page.locator("ol.timeline li").count() >= 1


def test_browser_article_evidence_and_comments(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/articles/talks")
    assert page.locator("mark.evidence").first.inner_text() == XIAOMI_EVIDENCE
    assert "Intéressant !" in page.locator("section.comments").inner_text()
    assert "Intéressant !" not in page.locator("article .body").inner_text()


def test_browser_xss_stays_text(page, server: str) -> None:  # type: ignore[no-untyped-def]
    for path in ("/articles/xss", "/orgs/" + quote(f"Evil {XSS_SCRIPT}", safe=""),
                 "/", "/stories"):
        page.goto(server + path)
        assert page.locator("img[src='x']").count() == 0, path
        assert page.evaluate("document.querySelectorAll('script:not([src])').length") <= 1
    page.goto(f"{server}/articles/xss")
    assert XSS_SCRIPT in page.locator("article .body").inner_text()  # shown as text
    # The page fixture fails the test on any dialog (alert) or page error.


def test_browser_story_page(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/stories")
    page.locator("li.story a", has_text="Title of talks").click()
    page.wait_for_load_state()
    assert "news.example" in page.locator("section.outlets").inner_text()
    assert page.locator("table.tieups tr.tieup").count() == 2
    reactions = page.locator("section.reactions")
    assert "Intéressant !" in reactions.inner_text()
