"""The source stage: files, directories, archives, feeds and URLs -> `Document`s.

    for item in iter_documents("articles/"):
        if isinstance(item, InputError):
            ...  # report it and go on
        else:
            ...  # a Document

One reader per format, each a small module: `text`, `html`, `jsonl`, `warc`,
`feed` and `web` (URLs and `.urls` lists); `files` walks paths and `formats`
chooses the reader. Bad input never raises here (unless `strict=True`): it
comes back as an `InputError` naming the file, line or URL and the reason,
and reading goes on with the next one.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.files import read_path
from tieup.sources.web import FetchOptions, read_url

logger = logging.getLogger(__name__)

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def iter_documents(
    target: str,
    *,
    strict: bool = False,
    max_bytes: int = 20_000_000,
    connect_timeout: float = 10.0,
    read_timeout: float = 20.0,
) -> Iterator[Document | InputError]:
    """Documents from a file, a directory (walked recursively) or an http(s) URL.

    Yields an `InputError` for each input that cannot be read and goes on;
    with `strict=True` the first one is raised instead. `max_bytes` caps
    what is read into memory for one document (a file, a response, a JSONL
    line or a WARC record); the timeouts, in seconds, apply to each request.
    """
    options = FetchOptions(
        connect_timeout=connect_timeout, read_timeout=read_timeout, max_bytes=max_bytes
    )
    target = os.fspath(target)  # a Path is welcome too
    if _URL.match(target):
        items = read_url(target, options=options)
    else:
        items = read_path(Path(target), options=options)
    for item in items:
        if isinstance(item, InputError):
            logger.debug("skipped %s", item)
            if strict:
                raise item
        yield item


__all__ = ["FetchOptions", "iter_documents"]
