"""URL fetching against a local server on 127.0.0.1 (no other network)."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.web import FetchOptions, read_url

FIXTURES = Path(__file__).parent / "fixtures"
RELEASE = threading.Event()  # lets the slow endpoint finish when the tests are done
SEEN_AGENTS: list[str] = []

PAGES: dict[str, tuple[str, bytes]] = {
    "/page.html": ("text/html; charset=utf-8", (FIXTURES / "page.html").read_bytes()),
    "/latin1": (
        "text/html; charset=iso-8859-1",
        "<html><body><p>Accord signé à Paris</p></body></html>".encode("latin-1"),
    ),
    "/feed": ("application/rss+xml", (FIXTURES / "feed.rss").read_bytes()),
    "/atom": ("application/atom+xml; charset=utf-8", (FIXTURES / "feed.atom").read_bytes()),
    "/fake-feed": ("application/xml", (FIXTURES / "not-a-feed.xml").read_bytes()),
    "/article.txt": ("text/plain", (FIXTURES / "renault-nissan.en.txt").read_bytes()),
    "/corpus": ("application/octet-stream", (FIXTURES / "articles.jsonl").read_bytes()),
    "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "/corpus.jsonl.gz": (
        "application/gzip",
        gzip.compress((FIXTURES / "articles.jsonl").read_bytes()),
    ),
}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path in PAGES:
            content_type, body = PAGES[self.path]
            self._send(200, body, content_type)
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/hop":
            self._redirect("/page.html")
        elif self.path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.txt")
        elif self.path == "/slow":
            RELEASE.wait(10)
            self._send(200, b"<html>late</html>", "text/html")
        elif self.path == "/drip":
            self._drip()
        elif self.path == "/gzip-encoded":
            body = gzip.compress((FIXTURES / "feed.atom").read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/huge":
            self._stream_forever()
        elif self.path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "999999999")
            self.end_headers()
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _drip(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(400):  # one byte every 50 ms: 20 s, should the client never stop
                self.wfile.write(b"x")
                self.wfile.flush()
                if RELEASE.wait(0.05):
                    return
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _stream_forever(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()  # no Content-Length: the body ends when the connection does
        chunk = b"<p>" + b"x" * 65_536 + b"</p>"
        try:
            for _ in range(1_000):  # 65 MB at most, should the client never stop
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def test_page_url_gives_html_document(server: str) -> None:
    [doc] = iter_documents(f"{server}/page.html")
    assert isinstance(doc, Document)
    assert doc.url == doc.id == f"{server}/page.html"
    assert doc.html is not None and "Lei Jun" in doc.html
    assert doc.fetched_at is not None and doc.fetched_at.endswith("Z")


def test_user_agent_names_tieup(server: str) -> None:
    list(iter_documents(f"{server}/page.html"))
    assert SEEN_AGENTS and SEEN_AGENTS[-1].startswith("tieup/")


def test_header_charset_decodes_page(server: str) -> None:
    [doc] = iter_documents(f"{server}/latin1")
    assert isinstance(doc, Document) and doc.html is not None and "signé à Paris" in doc.html


def test_feed_url_expands_to_entries(server: str) -> None:
    items = list(iter_documents(f"{server}/feed"))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.url for d in docs] == [
        "https://news.example.com/renault-xiaomi",
        "https://news.example.com/stellantis-leapmotor",
    ]
    assert docs[0].origin == f"{server}/feed#1"
    atom = list(iter_documents(f"{server}/atom"))
    assert len(atom) == 2 and all(isinstance(d, Document) for d in atom)


def test_html_served_as_xml_is_not_a_feed(server: str) -> None:
    [error] = iter_documents(f"{server}/fake-feed")
    assert isinstance(error, InputError) and error.reason.startswith("not a feed")


def test_plain_text_and_sniffed_jsonl(server: str) -> None:
    [text] = iter_documents(f"{server}/article.txt")
    assert isinstance(text, Document) and text.text is not None and "Nissan" in text.text
    corpus = [d.id for d in iter_documents(f"{server}/corpus") if isinstance(d, Document)]
    assert corpus == ["a1", "a2", "a8"]


def test_one_redirect_is_followed(server: str) -> None:
    [doc] = iter_documents(f"{server}/hop")
    assert isinstance(doc, Document)
    assert doc.url == f"{server}/page.html"
    assert doc.origin == f"{server}/hop"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/loop", "too many redirects"),
        ("/missing", "HTTP 404"),
        ("/to-ftp", "unsupported"),
        ("/logo.png", "unsupported content type"),
        ("/declared-huge", "over max_bytes"),
        ("/huge", "over max_bytes"),
    ],
)
def test_bad_urls_are_reported(server: str, path: str, expected: str) -> None:
    [error] = iter_documents(f"{server}{path}", max_bytes=1_000_000)
    assert isinstance(error, InputError)
    assert error.origin == f"{server}{path}"
    assert expected in error.reason


def test_slow_endpoint_times_out(server: str) -> None:
    [error] = iter_documents(f"{server}/slow", read_timeout=0.2)
    assert isinstance(error, InputError) and "timed out" in error.reason


def test_unreachable_port_is_reported() -> None:
    [error] = iter_documents("http://127.0.0.1:9/", connect_timeout=1.0)
    assert isinstance(error, InputError) and "request failed" in error.reason


@pytest.mark.parametrize("url", ["ftp://example.com/feed.xml", "file:///etc/passwd"])
def test_other_schemes_are_refused(url: str) -> None:
    [error] = iter_documents(url)
    assert isinstance(error, InputError)
    assert "only http and https" in error.reason


def test_url_list_fetches_each_line(server: str, tmp_path: Path) -> None:
    urls = tmp_path / "today.urls"
    urls.write_text(
        f"# morning\n{server}/page.html\n\nftp://example.com/x\nnot a url\n{server}/missing\n",
        encoding="utf-8",
    )
    items = list(iter_documents(str(urls)))
    assert isinstance(items[0], Document) and items[0].url == f"{server}/page.html"
    assert [(e.origin, e.reason[:20]) for e in items[1:] if isinstance(e, InputError)] == [
        (f"{urls}:4", "not an http(s) URL: "),
        (f"{urls}:5", "not an http(s) URL: "),
        (f"{server}/missing", "HTTP 404 Not Found"),
    ]


def test_strict_raises_the_first_error(server: str) -> None:
    with pytest.raises(InputError, match="HTTP 404"):
        list(iter_documents(f"{server}/missing", strict=True))


def test_drip_fed_response_hits_the_total_timeout(server: str) -> None:
    options = FetchOptions(read_timeout=5.0, total_timeout=0.3)
    [error] = read_url(f"{server}/drip", options=options)
    assert isinstance(error, InputError) and "body still coming" in error.reason


def test_gzip_file_url_is_unpacked_and_sniffed(server: str) -> None:
    items = list(iter_documents(f"{server}/corpus.jsonl.gz"))
    assert [d.id for d in items if isinstance(d, Document)] == ["a1", "a2", "a8"]


def test_gzip_content_encoding_is_decoded(server: str) -> None:
    docs = list(iter_documents(f"{server}/gzip-encoded"))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)


def test_url_list_with_cr_line_ends_gzipped(server: str, tmp_path: Path) -> None:
    path = tmp_path / "list.urls.gz"
    path.write_bytes(gzip.compress(f"{server}/page.html\r{server}/article.txt\r".encode()))
    docs = list(iter_documents(str(path)))
    assert [d.url for d in docs if isinstance(d, Document)] == [
        f"{server}/page.html",
        f"{server}/article.txt",
    ]


def test_url_without_host_is_reported() -> None:
    [error] = iter_documents("http:///page.html")
    assert isinstance(error, InputError) and error.reason == "invalid URL (no host)"
