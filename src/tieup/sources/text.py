"""Plain-text articles (like shared/seeds/*.txt): one file, one Document."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import decode_text

logger = logging.getLogger(__name__)


def read_text(
    data: bytes,
    *,
    origin: str,
    doc_id: str,
    url: str | None = None,
    lang: str | None = None,
    fetched_at: str | None = None,
) -> Iterator[Document | InputError]:
    """One Document with `text`, or one InputError saying why not."""
    text = decode_text(data, origin=origin)
    if isinstance(text, InputError):
        logger.debug("%s", text)
        yield text
        return
    yield Document(origin=origin, text=text, id=doc_id, url=url, lang=lang, fetched_at=fetched_at)
