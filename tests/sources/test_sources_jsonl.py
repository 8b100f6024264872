"""JSON Lines: each good line a Document, each bad line an InputError at path:LINE."""

import gzip
import io
import json
from pathlib import Path

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.jsonl import read_jsonl

FIXTURES = Path(__file__).parent / "fixtures"
JSONL = FIXTURES / "articles.jsonl"


def _read(data: bytes, max_bytes: int = 1_000_000) -> list[Document | InputError]:
    return list(read_jsonl(io.BytesIO(data), origin="in.jsonl", max_bytes=max_bytes))


def test_good_lines_become_documents_with_contract_fields() -> None:
    docs = [d for d in iter_documents(str(JSONL)) if isinstance(d, Document)]
    assert [d.id for d in docs] == ["a1", "a2", "a8"]
    first = docs[0]
    assert first.text == "Renault and Geely signed an engine deal."
    assert (first.url, first.date, first.lang, first.title) == (
        "https://example.com/a1",
        "2024-05-02",
        "en",
        "Engine deal",
    )
    assert first.origin == f"{JSONL}:1"
    assert docs[1].html is not None and docs[1].text is None


def test_bad_lines_are_reported_with_their_line_number_and_reading_goes_on() -> None:
    errors = {e.origin: e.reason for e in iter_documents(str(JSONL)) if isinstance(e, InputError)}
    assert errors[f"{JSONL}:3"].startswith("invalid JSON (")
    assert "missing text or html" in errors[f"{JSONL}:4"]
    assert "id must be a non-empty string" in errors[f"{JSONL}:5"]
    assert "expected a JSON object" in errors[f"{JSONL}:7"]
    assert f"{JSONL}:6" not in errors  # a blank line is not an error


def test_seed_corpus_reads_without_errors() -> None:
    seeds = Path(__file__).parents[1] / "data" / "seeds.jsonl"
    lines = [json.loads(line) for line in seeds.read_text(encoding="utf-8").splitlines()]
    docs = list(iter_documents(str(seeds)))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs if isinstance(d, Document)] == [line["id"] for line in lines]


def test_missing_id_and_non_string_fields_are_reported() -> None:
    items = _read(
        b'{"text": "x"}\n{"id": "b", "text": 3}\n{"id": "c", "text": "y", "date": 2024}\n'
    )
    reasons = [i.reason for i in items if isinstance(i, InputError)]
    assert reasons == [
        "missing id",
        "text must be a string, got int",
        "date must be a string, got int",
    ]


def test_crlf_and_cr_line_ends_and_bom() -> None:
    lines = [b'{"id": "a", "text": "un"}', b'{"id": "b", "text": "deux"}']
    for newline in (b"\r\n", b"\r", b"\n"):
        items = _read(b"\xef\xbb\xbf" + newline.join(lines) + newline)
        assert [getattr(i, "id", None) for i in items] == ["a", "b"], newline
        assert [i.origin for i in items] == ["in.jsonl:1", "in.jsonl:2"]


def test_invalid_utf8_line_is_reported_and_next_line_read() -> None:
    items = _read(b'{"id": "a", "text": "sign\xe9"}\n{"id": "b", "text": "ok"}\n')
    assert isinstance(items[0], InputError) and "invalid UTF-8" in items[0].reason
    assert isinstance(items[1], Document) and items[1].id == "b"


def test_lone_surrogate_escape_becomes_replacement_character() -> None:
    [doc] = _read(b'{"id": "a", "text": "bad \\ud800 escape"}\n')
    assert isinstance(doc, Document) and doc.text == "bad \ufffd escape"


def test_line_over_max_bytes_is_skipped_not_held() -> None:
    long_line = json.dumps({"id": "big", "text": "x" * 5000}).encode()
    items = _read(long_line + b'\n{"id": "small", "text": "ok"}\n', max_bytes=1000)
    assert isinstance(items[0], InputError) and "longer than max_bytes" in items[0].reason
    assert items[0].origin == "in.jsonl:1"
    assert isinstance(items[1], Document) and items[1].origin == "in.jsonl:2"


def test_empty_blank_and_binary_files() -> None:
    assert [i.reason for i in _read(b"")] == ["empty file"]  # type: ignore[union-attr]
    assert "blank lines" in _read(b"\n\n  \n")[0].reason  # type: ignore[union-attr]
    [binary] = _read(b"\x00\x01\x02{}\n" * 10)
    assert isinstance(binary, InputError) and "binary" in binary.reason


def test_gzipped_jsonl_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(JSONL.read_bytes()))
    plain = [(type(i).__name__, i.origin.rsplit(":", 1)[1]) for i in iter_documents(str(JSONL))]
    packed = [(type(i).__name__, i.origin.rsplit(":", 1)[1]) for i in iter_documents(str(path))]
    assert packed == plain


def test_truncated_gzip_keeps_lines_before_the_cut(tmp_path: Path) -> None:
    body = b"".join(
        json.dumps({"id": f"n{i}", "text": f"article {i} " * 20}).encode() + b"\n"
        for i in range(200)
    )
    packed = gzip.compress(body)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    items = list(iter_documents(str(path)))
    assert isinstance(items[-1], InputError) and "ended abruptly" in items[-1].reason
    docs = [i for i in items if isinstance(i, Document)]
    assert docs and docs[0].id == "n0"
