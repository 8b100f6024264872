"""HTML files: UTF-8 first, then the charset the page declares."""

from pathlib import Path

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.decode import decode_html

FIXTURES = Path(__file__).parent / "fixtures"


def test_html_file_gives_document_with_html() -> None:
    [doc] = iter_documents(str(FIXTURES / "page.html"))
    assert isinstance(doc, Document)
    assert doc.id == "page"
    assert doc.text is None
    assert doc.html is not None and "Lei Jun" in doc.html


def test_declared_latin1_page_is_decoded() -> None:
    [doc] = iter_documents(str(FIXTURES / "latin1.html"))
    assert isinstance(doc, Document)
    assert doc.html is not None and "moteurs à combustion, annoncé à Paris" in doc.html


def test_undeclared_non_utf8_page_is_reported() -> None:
    error = decode_html("<p>sign\xe9</p>".encode("latin-1"), origin="x.html")
    assert isinstance(error, InputError)
    assert "invalid UTF-8" in error.reason and "no charset declared" in error.reason


def test_header_charset_wins_over_guessing() -> None:
    html = decode_html("<p>Rémi</p>".encode("cp1252"), origin="u", charset="windows-1252")
    assert html == "<p>Rémi</p>"


def test_unknown_declared_charset_is_reported() -> None:
    error = decode_html(b"<meta charset=klingon><p>\xe9</p>", origin="x.html")
    assert isinstance(error, InputError) and "klingon" in error.reason


def test_html_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "bom.htm"
    path.write_bytes("\ufeff<html>\r\n<body><p>Xiaomi</p></body>\r\n</html>".encode())
    [doc] = iter_documents(str(path))
    assert isinstance(doc, Document)
    assert doc.html is not None and doc.html.startswith("<html>")


def test_gzipped_html_is_read(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "page.html").read_bytes()))
    [doc] = iter_documents(str(path))
    assert isinstance(doc, Document)
    assert doc.id == "page"
    assert doc.html == (FIXTURES / "page.html").read_text(encoding="utf-8")


def test_binary_html_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "image.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    [error] = iter_documents(str(path))
    assert isinstance(error, InputError) and "binary" in error.reason
