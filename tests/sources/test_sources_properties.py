"""Readers of untrusted bytes never raise: they give Documents or InputErrors."""

import gzip
import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources import iter_documents
from tieup.sources.decode import decode_html
from tieup.sources.feed import read_feed
from tieup.sources.jsonl import read_jsonl
from tieup.sources.text import read_text
from tieup.sources.warc import read_warc

# Random bytes, and bytes shaped like the input (JSON lines with odd line ends).
json_ish = st.lists(
    st.one_of(
        st.binary(max_size=60),
        st.sampled_from([b'{"id": "a", "text": "x"}', b'{"id": 1}', b"{", b"[]", b"\xef\xbb\xbf"]),
        st.sampled_from([b"\n", b"\r\n", b"\r", b"\x00", b"\\ud800"]),
    ),
    max_size=20,
).map(b"".join)
some_bytes = st.one_of(st.binary(max_size=400), json_ish)


def _all_items(items: list[object]) -> bool:
    return all(isinstance(i, Document | InputError) for i in items)


@given(some_bytes, st.integers(min_value=1, max_value=200))
@settings(max_examples=300, deadline=None)
def test_jsonl_reader_never_raises(data: bytes, max_bytes: int) -> None:
    items = list(read_jsonl(io.BytesIO(data), origin="in.jsonl", max_bytes=max_bytes))
    assert _all_items(items)
    assert all(d.id and (d.text or d.html) for d in items if isinstance(d, Document))


@given(some_bytes)
@settings(max_examples=300, deadline=None)
def test_text_reader_never_raises(data: bytes) -> None:
    items = list(read_text(data, origin="in.txt", doc_id="in"))
    assert len(items) == 1 and _all_items(items)
    if isinstance(items[0], Document):
        assert items[0].text is not None and "\r" not in items[0].text


@given(some_bytes, st.none() | st.sampled_from(["utf-8", "latin-1", "shift_jis", "nope"]))
@settings(max_examples=200, deadline=None)
def test_html_decoding_never_raises(data: bytes, charset: str | None) -> None:
    result = decode_html(data, origin="in.html", charset=charset)
    assert isinstance(result, str | InputError)


@given(st.binary(max_size=300))
@settings(max_examples=100, deadline=None)
def test_feed_reader_never_raises(data: bytes) -> None:
    assert _all_items(list(read_feed(b"<rss>" + data, origin="in.rss")))


@given(st.binary(max_size=300))
@settings(max_examples=100, deadline=None)
def test_warc_reader_never_raises(data: bytes) -> None:
    items = list(read_warc(io.BytesIO(b"WARC/1.0\r\n" + data), origin="in.warc", max_bytes=10**6))
    assert _all_items(items)


@given(some_bytes, st.sampled_from(["in.txt", "in.jsonl", "in.txt.gz", "in.jsonl.gz", "in"]))
@settings(max_examples=150, deadline=None)
def test_files_of_random_bytes_never_raise(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        items = list(iter_documents(str(path), max_bytes=300))
    assert items and _all_items(items)
