"""HTML pages: one file or one response, one Document with `html`."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import decode_html

logger = logging.getLogger(__name__)


def read_html(
    data: bytes,
    *,
    origin: str,
    doc_id: str,
    charset: str | None = None,
    url: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    fetched_at: str | None = None,
) -> Iterator[Document | InputError]:
    """One Document with `html`, or one InputError saying why not.

    `charset` is what the transport declared (an HTTP header), if anything.
    """
    html = decode_html(data, origin=origin, charset=charset)
    if isinstance(html, InputError):
        logger.debug("%s", html)
        yield html
        return
    yield Document(
        origin=origin, html=html, id=doc_id, url=url, date=date, lang=lang, fetched_at=fetched_at
    )
