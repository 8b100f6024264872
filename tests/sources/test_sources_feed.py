"""RSS and Atom feeds: each entry a Document; an HTML page is not a feed."""

from pathlib import Path

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_entries_become_documents() -> None:
    items = list(iter_documents(str(FIXTURES / "feed.rss")))
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.title for d in docs] == ["Renault et Xiaomi discutent", "Stellantis et Leapmotor"]
    first, second = docs
    assert first.url == "https://news.example.com/renault-xiaomi"
    assert first.date == "2024-05-02T08:30:00Z"
    assert first.lang == "fr"
    assert first.html == "<p>Luca de Meo a rencontré Lei Jun à Pékin.</p>"
    assert second.html is not None and "Leapmotor International" in second.html  # content wins
    assert first.origin == f"{FIXTURES / 'feed.rss'}#1"


def test_rss_entry_without_body_is_reported() -> None:
    errors = [i for i in iter_documents(str(FIXTURES / "feed.rss")) if isinstance(i, InputError)]
    assert [e.origin for e in errors] == [f"{FIXTURES / 'feed.rss'}#3"]
    assert "neither content nor summary" in errors[0].reason


def test_atom_entries_become_documents() -> None:
    docs = list(iter_documents(str(FIXTURES / "feed.atom")))
    assert all(isinstance(d, Document) for d in docs)
    first, second = docs
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.id == "urn:uuid:5a0b3c1e-0000-4000-8000-000000000002"
    assert first.url == "https://wire.example.com/vw-rivian"
    assert first.date == "2024-06-25T20:15:00Z"
    assert first.lang == "en"
    assert first.html is not None and "Rivian" in first.html
    assert second.text == "Honda and Nissan begin merger talks."  # a plain summary stays text
    assert second.html is None


def test_html_page_named_as_feed_is_not_a_feed() -> None:
    [error] = iter_documents(str(FIXTURES / "not-a-feed.xml"))
    assert isinstance(error, InputError)
    assert error.reason.startswith("not a feed")


def test_gzipped_feed_reads_like_the_plain_one() -> None:
    plain = [d.url for d in iter_documents(str(FIXTURES / "feed.rss")) if isinstance(d, Document)]
    packed = iter_documents(str(FIXTURES / "feed-copy.rss.gz"))
    assert [d.url for d in packed if isinstance(d, Document)] == plain


def test_other_xml_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><config><a>1</a></config>', encoding="utf-8")
    [error] = iter_documents(str(path))
    assert isinstance(error, InputError) and error.reason.startswith("not a feed")


def test_feed_without_entries_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Quiet</title></channel></rss>', encoding="utf-8"
    )
    [error] = iter_documents(str(path))
    assert isinstance(error, InputError) and "no entries" in error.reason


def test_feed_with_crlf_and_bom(tmp_path: Path) -> None:
    text = (FIXTURES / "feed.atom").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "wire.atom"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    docs = [d for d in iter_documents(str(path)) if isinstance(d, Document)]
    assert len(docs) == 2
