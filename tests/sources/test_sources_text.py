"""Plain-text files: one Document each; bad bytes come back as InputErrors."""

from pathlib import Path

import pytest

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents

FIXTURES = Path(__file__).parent / "fixtures"


def _only(target: Path | str, **options: object) -> Document | InputError:
    items = list(iter_documents(str(target), **options))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_text_file_gives_document_with_stem_id_and_language_hint() -> None:
    doc = _only(FIXTURES / "renault-nissan.en.txt")
    assert isinstance(doc, Document)
    assert doc.id == "renault-nissan.en"
    assert doc.lang == "en"
    assert doc.origin == str(FIXTURES / "renault-nissan.en.txt")
    assert doc.text == (FIXTURES / "renault-nissan.en.txt").read_text(encoding="utf-8")
    assert doc.html is None


def test_seed_articles_read_as_text() -> None:
    seeds = Path("/work/shared/seeds")
    if not seeds.is_dir():
        pytest.skip("shared seeds not present")
    docs = list(iter_documents(str(seeds)))
    assert docs and all(isinstance(d, Document) and d.text for d in docs)
    assert [d.id for d in docs] == sorted(p.stem for p in seeds.glob("*.txt"))


def test_gzipped_text_equals_plain_text() -> None:
    plain = _only(FIXTURES / "renault-nissan.en.txt")
    packed = _only(FIXTURES / "renault-nissan-copy.en.txt.gz")
    assert isinstance(plain, Document) and isinstance(packed, Document)
    assert packed.text == plain.text
    assert packed.id == "renault-nissan-copy.en"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("latin1.txt", "invalid UTF-8"),
    ],
)
def test_bad_text_files_are_reported(name: str, expected: str) -> None:
    error = _only(FIXTURES / name)
    assert isinstance(error, InputError)
    assert error.origin == str(FIXTURES / name)
    assert expected in error.reason


def test_invalid_utf8_suggests_reencoding() -> None:
    error = _only(FIXTURES / "latin1.txt")
    assert isinstance(error, InputError)
    assert "re-encode" in error.reason


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\r\n\t\n")
    error = _only(path)
    assert isinstance(error, InputError) and "empty" in error.reason


@pytest.mark.parametrize("newline", [b"\r\n", b"\r", b"\n"])
def test_line_ends_become_lf(tmp_path: Path, newline: bytes) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes(newline.join([b"Title", b"", b"First paragraph.", b"Second."]))
    doc = _only(path)
    assert isinstance(doc, Document)
    assert doc.text == "Title\n\nFirst paragraph.\nSecond."


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffRenault et Nissan".encode())
    doc = _only(path)
    assert isinstance(doc, Document) and doc.text == "Renault et Nissan"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Renault et Nissan, l’alliance".encode("utf-16"))
    doc = _only(path)
    assert isinstance(doc, Document) and doc.text == "Renault et Nissan, l’alliance"


def test_file_over_max_bytes_is_reported_not_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Renault. " * 200, encoding="utf-8")
    error = _only(path, max_bytes=100)
    assert isinstance(error, InputError)
    assert "larger than max_bytes=100" in error.reason


def test_fifty_megabyte_file_is_reported_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # sparse: nothing is written, and nothing must be read
    error = _only(path)
    assert isinstance(error, InputError)
    assert "50000000 bytes" in error.reason


def test_gzip_bomb_stops_at_max_bytes(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 100_000))
    error = _only(path, max_bytes=1_000)
    assert isinstance(error, InputError)
    assert "decompresses to more than max_bytes=1000" in error.reason


def test_truncated_gzip_is_reported(tmp_path: Path) -> None:
    data = (FIXTURES / "renault-nissan-copy.en.txt.gz").read_bytes()
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    error = _only(path)
    assert isinstance(error, InputError) and "gzip" in error.reason
