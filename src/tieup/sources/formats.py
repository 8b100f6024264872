"""Which format some bytes are in (by name, content type or sniffing), and
the reader for each format once the bytes are in hand."""

from __future__ import annotations

import gzip
import io
import logging
import re
import zlib
from collections.abc import Iterator

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import bom_encoding
from tieup.sources.feed import read_feed
from tieup.sources.html import read_html
from tieup.sources.jsonl import read_jsonl
from tieup.sources.text import read_text
from tieup.sources.warc import read_warc

logger = logging.getLogger(__name__)

TEXT, HTML, JSONL, WARC, FEED, URLS = "text", "html", "jsonl", "warc", "feed", "urls"

EXTENSIONS: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".warc": WARC,
    ".xml": FEED,
    ".rss": FEED,
    ".atom": FEED,
    ".urls": URLS,
}

_CONTENT_TYPES: dict[str, str] = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/rss+xml": FEED,
    "application/atom+xml": FEED,
    "application/rdf+xml": FEED,
    "application/xml": FEED,
    "text/xml": FEED,
    "application/x-ndjson": JSONL,
    "application/jsonl": JSONL,
    "application/jsonlines": JSONL,
    "application/json": JSONL,
    "application/warc": WARC,
}
# Types that say little: look at the bytes instead.
_GENERIC_TYPES = (
    "",
    "text/plain",
    "application/octet-stream",
    "application/gzip",
    "application/x-gzip",
    "binary/octet-stream",
)

GZIP_MAGIC = b"\x1f\x8b"
_LANG_SUFFIX = re.compile(r"\.(fr|en|de|es|it|nl|pt)$")  # ISO 639-1, common ones only


def split_name(name: str) -> tuple[str, str | None]:
    """`a.fr.txt.gz` -> (`a.fr`, `text`): the stem and the format its extension names."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        name, lowered = name[:-3], lowered[:-3]
    dot = lowered.rfind(".")
    if dot <= 0:
        return name, None
    return name[:dot], EXTENSIONS.get(lowered[dot:])


def lang_from_stem(stem: str) -> str | None:
    """`renault-xiaomi.fr` -> `fr`: a two-letter code just before the extension."""
    match = _LANG_SUFFIX.search(stem)
    return match.group(1) if match else None


def format_from_content_type(content_type: str | None) -> str | None:
    """The format an HTTP Content-Type names, or None when only the bytes can tell."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime in _GENERIC_TYPES:
        return None
    if mime in _CONTENT_TYPES:
        return _CONTENT_TYPES[mime]
    if mime.endswith(("+xml", "/xml")):
        return FEED
    return "unsupported"


def sniff(head: bytes) -> str:
    """A format from the first bytes (already decompressed)."""
    encoding, skip = bom_encoding(head)
    start = head[skip : skip + 4096]
    if encoding not in (None, "utf-8"):  # UTF-16 or UTF-32: look at the characters
        start = start.decode(encoding, errors="ignore").encode("utf-8")
    start = start.lstrip().lower()
    if start.startswith(b"warc/"):
        return WARC
    if start.startswith((b"{", b"[")):
        return JSONL
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return FEED
        if b"<html" in start or b"<!doctype html" in start or b"<head" in start:
            return HTML
        return FEED if start.startswith(b"<?xml") else HTML
    return TEXT


def gunzip(data: bytes, *, origin: str, max_bytes: int) -> bytes | InputError:
    """Decompress in memory, stopping past `max_bytes` (a gzip bomb is reported)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        return InputError(origin, f"corrupt or truncated gzip data ({e})")
    if len(out) > max_bytes:
        return InputError(origin, f"decompresses to more than max_bytes={max_bytes}; not read")
    if not out:
        return InputError(origin, "empty file (once decompressed)")
    return out


def read_bytes(
    data: bytes,
    fmt: str,
    *,
    origin: str,
    doc_id: str,
    max_bytes: int,
    charset: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    fetched_at: str | None = None,
) -> Iterator[Document | InputError]:
    """Documents from bytes already in memory, read as `fmt`."""
    logger.debug("%s: reading as %s", origin, fmt)
    if fmt == TEXT:
        yield from read_text(
            data, origin=origin, doc_id=doc_id, url=url, lang=lang, fetched_at=fetched_at
        )
    elif fmt == HTML:
        yield from read_html(
            data,
            origin=origin,
            doc_id=doc_id,
            charset=charset,
            url=url,
            lang=lang,
            fetched_at=fetched_at,
        )
    elif fmt == FEED:
        yield from read_feed(data, origin=origin, fetched_at=fetched_at)
    elif fmt == JSONL:
        yield from read_jsonl(io.BytesIO(data), origin=origin, max_bytes=max_bytes)
    elif fmt == WARC:
        yield from read_warc(io.BytesIO(data), origin=origin, max_bytes=max_bytes)
    else:
        yield InputError(origin, f"cannot read {fmt} content")
