"""WARC archives: each HTML response record becomes a Document.

The URL is the record's WARC-Target-URI and the date its WARC-Date. Records
that are not successful HTML responses (requests, metadata, redirects,
images) are passed over silently; a truncated archive is reported once, and
the records read before the cut are kept.
"""

from __future__ import annotations

import contextlib
import gzip
import io
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
    """Documents from a WARC stream (uncompressed, or record-gzipped as warcio reads it)."""
    reader = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
    if reader.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        reader = gzip.GzipFile(fileobj=reader)  # one member a record, or one for all
    tail = _TailKeeper(reader)
    records = 0
    archive = ArchiveIterator(tail)
    try:
        for record in _quietly(archive, origin=origin):
            if record.rec_type is None:  # warcio's stand-in for blank input
                continue
            records += 1
            item = _document(record, origin=origin, max_bytes=max_bytes)
            if _truncated(record):
                reason = f"truncated WARC: it ends inside record {records}"
                yield InputError(origin, f"{reason}; kept the records before")
                return
            if item is not None:
                yield item
    # warcio lets corrupt headers surface as AttributeError or TypeError, too.
    except (
        ArchiveLoadFailed,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
        AttributeError,
        TypeError,
    ) as e:
        detail = "malformed record headers" if isinstance(e, AttributeError | TypeError) else e
        reason = f"corrupt or truncated WARC after {records} record(s) ({_short(detail)})"
        yield InputError(origin, reason)
        return
    if tail.ends_inside_a_record() or archive.offset < tail.consumed:
        yield InputError(origin, f"truncated WARC: it ends inside record {records + 1}")
    elif records == 0:
        yield InputError(origin, "empty WARC (no records)")


def _quietly(archive: ArchiveIterator, *, origin: str) -> Iterator[ArcWarcRecord]:
    """The archive's records; warcio's own warnings (written to stderr) go to the log."""
    while True:
        with contextlib.redirect_stderr(io.StringIO()) as warnings:
            record = next(archive, None)
        if warnings.getvalue().strip():
            logger.warning("%s: warcio: %s", origin, " ".join(warnings.getvalue().split()))
        if record is None:
            return
        yield record


def _truncated(record: ArcWarcRecord) -> bool:
    """Read what is left of the record: does the stream end before its Content-Length?"""
    if record.rec_headers.get_header("Content-Length") is None:
        return True  # the cut fell inside the WARC headers
    while record.raw_stream.read(_CHUNK):
        pass
    return isinstance(record.raw_stream, LimitReader) and record.raw_stream.limit > 0


class _TailKeeper:
    """A read-only stream that remembers its last bytes, to check how it ends."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.consumed = 0
        self.tail = b""

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.consumed += len(data)
        self.tail = (self.tail + data)[-64:]
        return data

    def tell(self) -> int:
        return self.consumed

    def ends_inside_a_record(self) -> bool:
        """A whole WARC ends with a record's blank-line terminator.

        warcio stops quietly when a cut falls in a record's first line; when
        it falls just after a record's headers, warcio's offset (the end of
        the last whole record) stays short of what was read.
        """
        if not self.consumed:
            return False
        trailing = self.tail[len(self.tail.rstrip()) :]
        return trailing.count(b"\n") < 2


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
    html = decode_html(payload, origin=where, charset=charset_from_content_type(content_type))
    if isinstance(html, InputError):
        return html
    date = headers.get_header("WARC-Date")
    return Document(
        origin=where, html=html, id=uri or record_id, url=uri, date=date, fetched_at=date
    )


def _short(error: BaseException | str) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
