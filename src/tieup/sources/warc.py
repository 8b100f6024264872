"""WARC archives: each HTML response record becomes a Document.

The URL is the record's WARC-Target-URI and the date its WARC-Date. Records
that are not successful HTML responses (requests, metadata, redirects,
images) are passed over silently; a truncated archive is reported once, and
the records read before the cut are kept.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import charset_from_content_type, decode_html

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


def read_warc(stream: IO[bytes], *, origin: str, max_bytes: int) -> Iterator[Document | InputError]:
    """Documents from an (uncompressed or record-gzipped) WARC stream."""
    records = 0
    try:
        for record in ArchiveIterator(stream):
            records += 1
            item = _document(record, origin=origin, max_bytes=max_bytes)
            if item is not None:
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as e:
        reason = f"truncated or corrupt WARC after {records} records ({_short(e)})"
        yield InputError(origin, reason)
        return
    if records == 0:
        yield InputError(origin, "empty WARC (no records)")


def _document(
    record: ArcWarcRecord, *, origin: str, max_bytes: int
) -> Document | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI")
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
    where = f"{origin}#{record_id or uri}"
    content_type = headers.get_header("Content-Type") or ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            logger.debug("%s: HTTP %s, skipped", where, status)
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        logger.debug("%s: %s, not HTML, skipped", where, content_type or "no content type")
        return None
    length = int(headers.get_header("Content-Length") or 0)
    if length > max_bytes:
        return InputError(where, f"record of {length} bytes, larger than max_bytes={max_bytes}")
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return InputError(where, f"payload larger than max_bytes={max_bytes} once decoded")
    while record.raw_stream.read(_CHUNK):
        pass
    if isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0:
        return InputError(where, "truncated record (the archive ends inside it)")
    html = decode_html(payload, origin=where, charset=charset_from_content_type(content_type))
    if isinstance(html, InputError):
        return html
    date = headers.get_header("WARC-Date")
    return Document(
        origin=where, html=html, id=uri or record_id, url=uri, date=date, fetched_at=date
    )


def _short(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
