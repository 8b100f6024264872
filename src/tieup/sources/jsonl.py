"""JSON Lines: one article a line, streamed, each bad line reported and skipped.

A line holds an object with `id` (a string) and `text` or `html`, and
optionally `url`, `date`, `lang` and `title` (DESIGN.md's contract). Other
fields (gold annotations, for instance) are ignored. The size cap applies to
each line, not to the file: a corpus may be far larger than one article.
"""

from __future__ import annotations

import io
import json
import logging
import re
import zlib
from collections.abc import Iterator
from typing import IO, Any

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import REENCODE_HINT, bom_encoding, looks_binary

logger = logging.getLogger(__name__)

_OPTIONAL = ("url", "date", "lang", "title")
_BAD_BYTES = re.compile("[\udc80-\udcff]")  # undecodable bytes, kept by surrogateescape
_SURROGATES = re.compile("[\ud800-\udfff]")  # lone surrogates from "\\udXXX" escapes
_SKIP_CHUNK = 1 << 16


def read_jsonl(
    stream: IO[bytes], *, origin: str, max_bytes: int
) -> Iterator[Document | InputError]:
    """Documents from a binary stream of JSON lines; `origin` is the file's name.

    Line ends may be LF, CRLF or CR; a byte-order mark is skipped (and
    UTF-16 or UTF-32 text read when it announces one).
    Reading stops, with an error, only when the stream itself fails
    (a truncated gzip file, say); the lines read before are kept.
    """
    reader = io.BufferedReader(stream) if not hasattr(stream, "peek") else stream
    head = reader.peek(8192)[:8192]  # type: ignore[attr-defined]
    if not head:
        yield InputError(origin, "empty file")
        return
    if looks_binary(head):
        yield InputError(origin, "binary file (NUL or control bytes), not JSON lines")
        return
    encoding, _ = bom_encoding(head)
    if encoding is None or encoding == "utf-8":
        lines = io.TextIOWrapper(
            reader, encoding="utf-8-sig", errors="surrogateescape", newline=None
        )
    else:  # UTF-16 or UTF-32 with a byte-order mark: the codec reads the mark
        lines = io.TextIOWrapper(reader, encoding=encoding[:6], errors="replace", newline=None)
    records = nonblank = number = 0
    try:
        while True:
            line = lines.readline(max_bytes + 1)
            if not line:
                break
            number += 1
            where = f"{origin}:{number}"
            if len(line) > max_bytes and not line.endswith("\n"):
                _skip_rest_of_line(lines)
                yield InputError(where, f"line longer than max_bytes={max_bytes}; skipped")
                continue
            if not line.strip():
                continue
            nonblank += 1
            item = parse_line(line, origin=where)
            if isinstance(item, Document):
                records += 1
            yield item
    except (OSError, EOFError, zlib.error) as e:
        reason = f"stream ended abruptly ({e}); kept the {records} documents before"
        yield InputError(f"{origin}:{number + 1}", reason)
        return
    finally:
        lines.detach()  # the caller closes the stream it opened
    if nonblank == 0:
        yield InputError(origin, "empty file (only blank lines)")


def _skip_rest_of_line(lines: IO[str]) -> None:
    while True:
        chunk = lines.readline(_SKIP_CHUNK)
        if not chunk or chunk.endswith("\n"):
            return


def parse_line(line: str, *, origin: str) -> Document | InputError:
    """One JSON line (already decoded) to a Document, or the reason it is not one."""
    if _BAD_BYTES.search(line):
        return InputError(origin, f"invalid UTF-8; {REENCODE_HINT}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(origin, f"invalid JSON ({e.msg.removesuffix(' at')}, column {e.colno})")
    except RecursionError:
        return InputError(origin, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return InputError(origin, f"expected a JSON object, got {type(record).__name__}")
    return document_from_record(record, origin=origin)


def document_from_record(record: dict[str, Any], *, origin: str) -> Document | InputError:
    """Check a decoded JSON object against the input contract."""
    doc_id = record.get("id")
    if doc_id is None:
        return InputError(origin, "missing id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        return InputError(origin, f"id must be a non-empty string, got {doc_id!r:.40}")
    body: dict[str, str | None] = {}
    for key in ("text", "html"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(origin, f"{key} must be a string, got {type(value).__name__}")
        body[key] = _clean(value) if value else None
    if not any(value and value.strip() for value in body.values()):
        return InputError(origin, "missing text or html (or both empty)")
    optional: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(origin, f"{key} must be a string, got {type(value).__name__}")
        optional[key] = _clean(value) if value else None
    return Document(
        origin=origin, id=_clean(doc_id), text=body["text"], html=body["html"], **optional
    )


def _clean(value: str) -> str:
    """Lone surrogates (from JSON escapes) cannot be encoded: make them U+FFFD."""
    return _SURROGATES.sub("\ufffd", value)
