"""Local paths: a file, or a directory walked in sorted order, one file at a time.

Text, HTML and feed files are read whole, so they must be within
`max_bytes` (checked on disk before reading, and again once decompressed).
JSONL and WARC files are streamed record by record, whatever their size.
Gzip is recognised by its magic bytes, so `.gz` is optional on any format.
"""

from __future__ import annotations

import gzip
import logging
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.formats import (
    GZIP_MAGIC,
    JSONL,
    URLS,
    WARC,
    lang_from_stem,
    read_bytes,
    sniff,
    split_name,
)
from tieup.sources.jsonl import read_jsonl
from tieup.sources.warc import read_warc
from tieup.sources.web import FetchOptions, read_url_list

logger = logging.getLogger(__name__)

_HEAD = 4096


def read_path(path: Path, *, options: FetchOptions) -> Iterator[Document | InputError]:
    """Documents from a file or from every known file under a directory."""
    if path.is_dir():
        yield from read_directory(path, options=options)
    elif path.exists():
        yield from read_file(path, options=options)
    else:
        yield InputError(str(path), "no such file or directory")


def read_directory(directory: Path, *, options: FetchOptions) -> Iterator[Document | InputError]:
    """Every file with a known extension, sorted, hidden names skipped."""
    found = 0
    for item in walk(directory):
        if isinstance(item, InputError):
            yield item
            continue
        _, fmt = split_name(item.name)
        if fmt is None:
            logger.info("%s: not a known input extension, skipped", item)
            continue
        found += 1
        yield from read_file(item, options=options, fmt=fmt)
    if found == 0:
        known = ".txt .html .jsonl .warc .xml .rss .atom .urls (and .gz)"
        yield InputError(str(directory), f"no input files found (known extensions: {known})")


def walk(directory: Path) -> Iterator[Path | InputError]:
    """Files under `directory` in name order, depth first; hidden names and
    symbolic links to directories are not entered."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield InputError(str(directory), f"cannot list directory ({e.strerror or e})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def read_file(
    path: Path, *, options: FetchOptions, fmt: str | None = None
) -> Iterator[Document | InputError]:
    """Documents from one file; `fmt` from its extension, else sniffed."""
    origin = str(path)
    stem, fmt_by_name = split_name(path.name)
    try:
        size = path.stat().st_size
        with path.open("rb") as raw:
            compressed = raw.read(2) == GZIP_MAGIC
    except OSError as e:
        yield InputError(origin, f"cannot read ({e.strerror or e})")
        return
    if size == 0:
        yield InputError(origin, "empty file")
        return
    fmt = fmt or fmt_by_name
    if fmt is None:
        head = _head(path, compressed=compressed)
        if isinstance(head, InputError):
            yield head
            return
        fmt = sniff(head)
    if fmt in (JSONL, WARC):
        yield from _stream(path, fmt, compressed=compressed, options=options)
        return
    if size > options.max_bytes:
        reason = f"file of {size} bytes, larger than max_bytes={options.max_bytes}; not read"
        yield InputError(origin, reason)
        return
    data = _read_whole(path, compressed=compressed, max_bytes=options.max_bytes)
    if isinstance(data, InputError):
        yield data
    elif fmt == URLS:
        yield from read_url_list(data, origin=origin, options=options)
    else:
        lang = lang_from_stem(stem)
        yield from read_bytes(
            data, fmt, origin=origin, doc_id=stem, max_bytes=options.max_bytes, lang=lang
        )


def _open(path: Path, *, compressed: bool) -> IO[bytes]:
    return gzip.open(path, "rb") if compressed else path.open("rb")


def _head(path: Path, *, compressed: bool) -> bytes | InputError:
    try:
        with _open(path, compressed=compressed) as stream:
            return stream.read(_HEAD)
    except (OSError, EOFError, zlib.error) as e:
        return InputError(str(path), f"cannot read ({e})")


def _read_whole(path: Path, *, compressed: bool, max_bytes: int) -> bytes | InputError:
    origin = str(path)
    try:
        with _open(path, compressed=compressed) as stream:
            data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as e:
        what = "corrupt or truncated gzip file" if compressed else "cannot read"
        return InputError(origin, f"{what} ({e})")
    if len(data) > max_bytes:
        return InputError(origin, f"decompresses to more than max_bytes={max_bytes}; not read")
    if not data:
        return InputError(origin, "empty file (once decompressed)")
    return data


def _stream(
    path: Path, fmt: str, *, compressed: bool, options: FetchOptions
) -> Iterator[Document | InputError]:
    origin = str(path)
    try:
        stream = _open(path, compressed=compressed)
    except OSError as e:
        yield InputError(origin, f"cannot read ({e.strerror or e})")
        return
    with stream:
        reader = read_jsonl if fmt == JSONL else read_warc
        try:
            yield from reader(stream, origin=origin, max_bytes=options.max_bytes)
        except (OSError, EOFError, zlib.error) as e:
            # the stream itself failed (a gzip header cut short, say): what was
            # read before stays read
            what = "corrupt or truncated gzip file" if compressed else "cannot read"
            yield InputError(origin, f"{what} ({e})")
