"""Odd but valid inputs: encoded WARC payloads, resource records, odd separators."""

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.jsonl import read_jsonl
from tieup.sources.warc import read_warc

PAGE = "<html><body><p>Renault et Ampere, une coentreprise.</p></body></html>"


def _warc(records: list[tuple[str, bytes, list[tuple[str, str]] | None]]) -> bytes:
    """(record type, block or payload, HTTP headers or None) -> WARC bytes."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for n, (rec_type, payload, headers) in enumerate(records):
        http = None if headers is None else StatusAndHeaders("200 OK", headers, "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.com/{n}",
            rec_type,
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_content_type="text/html" if headers is None else None,
        )
        writer.write_record(record)
    return buffer.getvalue()


def _read(data: bytes) -> list[Document | InputError]:
    return list(read_warc(io.BytesIO(data), origin="t.warc", max_bytes=10**6))


def test_warc_payload_with_gzip_content_encoding_is_decoded() -> None:
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    [doc] = _read(_warc([("response", gzip.compress(PAGE.encode()), headers)]))
    assert isinstance(doc, Document) and doc.html == PAGE


def test_warc_payload_with_chunked_transfer_encoding_is_decoded() -> None:
    body = PAGE.encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    headers = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
    [doc] = _read(_warc([("response", chunked, headers)]))
    assert isinstance(doc, Document) and doc.html == PAGE


def test_warc_resource_record_with_html_is_read() -> None:
    [doc] = _read(_warc([("resource", PAGE.encode(), None)]))
    assert isinstance(doc, Document) and doc.url == "https://example.com/0"


def test_whole_file_gzip_warc_is_read(tmp_path: Path) -> None:
    data = _warc([("response", PAGE.encode(), [("Content-Type", "text/html")])] * 2)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(gzip.compress(data))  # one gzip member for all, not one per record
    docs = list(iter_documents(str(path)))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)


def test_jsonl_line_separator_inside_text_does_not_split_the_line() -> None:
    line = json.dumps({"id": "a", "text": "un\u2028deux\u0085trois"}, ensure_ascii=False)
    [doc] = read_jsonl(io.BytesIO(line.encode()), origin="x.jsonl", max_bytes=10**6)
    assert isinstance(doc, Document) and doc.text == "un\u2028deux\u0085trois"


def test_jsonl_last_line_without_newline_is_read() -> None:
    data = b'{"id": "a", "text": "un"}\n{"id": "b", "text": "deux"}'
    docs = list(read_jsonl(io.BytesIO(data), origin="x.jsonl", max_bytes=10**6))
    assert [d.id for d in docs if isinstance(d, Document)] == ["a", "b"]


def test_path_object_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Renault.", encoding="utf-8")
    [doc] = iter_documents(path)  # type: ignore[arg-type]
    assert isinstance(doc, Document) and doc.text == "Renault."


def test_html_with_cr_only_line_ends_keeps_its_markup(tmp_path: Path) -> None:
    path = tmp_path / "mac.html"
    path.write_bytes(b"<html>\r<body>\r<p>Geely</p>\r</body>\r</html>\r")
    [doc] = iter_documents(str(path))
    assert isinstance(doc, Document) and doc.html is not None and "<p>Geely</p>" in doc.html


def test_utf16_jsonl_and_feed_with_bom_are_read(tmp_path: Path) -> None:
    lines = '{"id": "a", "text": "Société"}\r\n{"id": "b", "text": "Nissan"}\r\n'
    jsonl = tmp_path / "wide.jsonl"
    jsonl.write_bytes(lines.encode("utf-16"))
    assert [d.id for d in iter_documents(str(jsonl)) if isinstance(d, Document)] == ["a", "b"]
    atom = (Path(__file__).parent / "fixtures" / "feed.atom").read_text(encoding="utf-8")
    feed = tmp_path / "wide-feed"  # no extension: sniffed through the byte-order mark
    feed.write_bytes(atom.replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16"))
    docs = list(iter_documents(str(feed)))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)


def test_jsonl_with_a_truncated_gzip_header_is_reported(tmp_path: Path) -> None:
    # found by test_files_of_random_bytes_never_raise: gzip magic, then too few bytes
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00")
    items = list(iter_documents(str(path)))
    assert len(items) == 1
    assert "gzip" in items[0].reason
