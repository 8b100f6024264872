"""WARC archives built with warcio in the test; truncated copies keep what came before."""

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.warc import read_warc


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def build_warc(*, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for n in range(3):
        body = f"<html><body><p>Renault et Xiaomi, article {n}. {'Texte. ' * 200}</p></body></html>"
        _response(writer, f"https://news.example.com/{n}", body.encode(), "text/html", "200 OK")
    _response(writer, "https://news.example.com/logo.png", b"\x89PNG\r\n", "image/png", "200 OK")
    _response(
        writer, "https://news.example.com/gone", b"<html>404</html>", "text/html", "404 Not Found"
    )
    latin = "<html><body><p>Geely signé à Paris</p></body></html>".encode("latin-1")
    _response(
        writer, "https://news.example.com/latin", latin, "text/html; charset=iso-8859-1", "200 OK"
    )
    return buffer.getvalue()


@pytest.fixture(params=[False, True], ids=["plain", "gzip"])
def warc_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    path.write_bytes(build_warc(gzip=request.param))
    return path


def test_html_responses_become_documents(warc_file: Path) -> None:
    items = list(iter_documents(str(warc_file)))
    assert all(isinstance(i, Document) for i in items), items
    urls = [i.url for i in items if isinstance(i, Document)]
    assert urls == [
        *(f"https://news.example.com/{n}" for n in range(3)),
        "https://news.example.com/latin",
    ]
    first = items[0]
    assert isinstance(first, Document)
    assert first.html is not None and "article 0" in first.html
    assert first.date is not None and first.date.startswith("20")
    assert first.origin.startswith(f"{warc_file}#urn:uuid:")
    last = items[-1]
    assert isinstance(last, Document) and last.html is not None and "signé à Paris" in last.html


def test_truncated_warc_reports_and_keeps_records_before(tmp_path: Path) -> None:
    data = build_warc(gzip=False)
    cut = data.index(b"article 2") + 100  # inside the third article's payload
    path = tmp_path / "cut.warc"
    path.write_bytes(data[:cut])
    items = list(iter_documents(str(path)))
    assert [i.url for i in items if isinstance(i, Document)] == [
        "https://news.example.com/0",
        "https://news.example.com/1",
    ]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "truncated" in errors[0].reason


def test_no_cut_point_raises_or_yields_a_partial_page() -> None:
    for gzip in (False, True):
        data = build_warc(gzip=gzip)
        for cut in range(1, len(data), 13):
            items = list(read_warc(io.BytesIO(data[:cut]), origin="cut.warc", max_bytes=10**6))
            for item in items:
                assert isinstance(item, InputError) or item.html.endswith("</html>"), (gzip, cut)


def test_cuts_inside_records_are_reported() -> None:
    data = build_warc(gzip=False)
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1", i)]
    inside = [s + 40 for s in starts] + [data.index(b"</html>", s) for s in starts[1:]]
    for cut in inside:
        items = list(read_warc(io.BytesIO(data[:cut]), origin="cut.warc", max_bytes=10**6))
        assert items and isinstance(items[-1], InputError), cut
        assert "WARC" in items[-1].reason


def test_record_over_max_bytes_is_reported(warc_file: Path) -> None:
    items = list(iter_documents(str(warc_file), max_bytes=500))
    big = [i for i in items if isinstance(i, InputError)]
    assert len(big) == 3 and all("max_bytes=500" in e.reason for e in big)
    assert [i.url for i in items if isinstance(i, Document)] == ["https://news.example.com/latin"]


def test_warc_without_records_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "blank.warc"
    path.write_bytes(b"\r\n\r\n")
    [error] = iter_documents(str(path))
    assert isinstance(error, InputError)
