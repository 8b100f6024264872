"""Paths: directories walked in order, formats by extension or sniffing, strict mode."""

import gzip
import shutil
from pathlib import Path

import pytest

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.formats import sniff, split_name

FIXTURES = Path(__file__).parent / "fixtures"


def _tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / "b" / "inner").mkdir()
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Renault et Nissan.", encoding="utf-8")
    (root / "b" / "c.txt").write_text("Honda et Nissan.", encoding="utf-8")
    (root / "b" / "inner" / "d.html").write_text("<p>Xiaomi</p>", encoding="utf-8")
    (root / "b" / "notes.md").write_text("not an input", encoding="utf-8")
    (root / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (root / ".git" / "e.txt").write_text("skipped too", encoding="utf-8")
    (root / "z.txt").write_text("Stellantis.", encoding="utf-8")


def test_directory_is_walked_sorted_recursively_without_hidden_files(tmp_path: Path) -> None:
    _tree(tmp_path)
    docs = list(iter_documents(str(tmp_path)))
    assert all(isinstance(d, Document) for d in docs)
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs] == [
        "a.txt",
        "b/c.txt",
        "b/inner/d.html",
        "z.txt",
    ]


def test_fixture_directory_mixes_documents_and_errors() -> None:
    items = list(iter_documents(str(FIXTURES)))
    origins = [i.origin for i in items]
    assert origins == sorted(origins, key=lambda o: Path(o.split("#")[0].split(":")[0]).name)
    assert any(isinstance(i, Document) for i in items)
    assert {Path(i.origin).name for i in items if isinstance(i, InputError)} >= {
        "empty.txt",
        "binary.txt",
        "latin1.txt",
        "not-a-feed.xml",
    }


def test_directory_without_inputs_is_reported(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing to read", encoding="utf-8")
    [error] = iter_documents(str(tmp_path))
    assert isinstance(error, InputError) and "no input files" in error.reason


def test_missing_path_is_reported() -> None:
    [error] = iter_documents("/no/such/place.txt")
    assert isinstance(error, InputError) and error.origin == "/no/such/place.txt"


def test_strict_raises_instead_of_yielding() -> None:
    with pytest.raises(InputError, match="empty file"):
        list(iter_documents(str(FIXTURES / "empty.txt"), strict=True))


def test_strict_yields_documents_until_the_first_error() -> None:
    seen = []
    with pytest.raises(InputError, match=r"articles\.jsonl:3: invalid JSON"):
        for item in iter_documents(str(FIXTURES / "articles.jsonl"), strict=True):
            seen.append(item.id)
    assert seen == ["a1", "a2"]


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("feed.rss", "feed-no-extension"),
        ("page.html", "page.data"),
        ("articles.jsonl", "corpus.dump"),
        ("renault-nissan.en.txt", "README"),
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, source: str, name: str) -> None:
    shutil.copy(FIXTURES / source, tmp_path / name)
    sniffed = [type(i).__name__ for i in iter_documents(str(tmp_path / name))]
    by_name = [type(i).__name__ for i in iter_documents(str(FIXTURES / source))]
    assert sniffed == by_name


def test_gzip_is_recognised_without_gz_extension(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(gzip.compress(b"Renault et Geely."))
    [doc] = iter_documents(str(path))
    assert isinstance(doc, Document) and doc.text == "Renault et Geely."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.fr.txt.gz", ("a.fr", "text")),
        ("crawl.warc.gz", ("crawl", "warc")),
        ("news.RSS", ("news", "feed")),
        ("x.unknown", ("x", None)),
        ("noext", ("noext", None)),
        (".hidden", (".hidden", None)),
    ],
)
def test_split_name(name: str, expected: tuple[str, str | None]) -> None:
    assert split_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"WARC/1.0\r\n", "warc"),
        (b'\xef\xbb\xbf  {"id": 1}', "jsonl"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (b"Renault et Nissan", "text"),
    ],
)
def test_sniff(head: bytes, expected: str) -> None:
    assert sniff(head) == expected
