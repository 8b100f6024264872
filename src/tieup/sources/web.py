"""Fetching over HTTP(S): one URL, or a `.urls` list of them, with limits.

Every fetch has a connect, a read and a whole-response timeout, follows at most five
redirects, stops reading past `max_bytes` and names tieup in its User-Agent.
Only http and https are fetched. What comes back is read by its content type
(or its first bytes when the type says little): a page gives one Document, a
feed gives one Document per entry.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from tieup import __version__
from tieup.errors import InputError
from tieup.models import Document
from tieup.sources.decode import charset_from_content_type, decode_text
from tieup.sources.formats import (
    GZIP_MAGIC,
    format_from_content_type,
    gunzip,
    read_bytes,
    sniff,
    split_name,
)

logger = logging.getLogger(__name__)

USER_AGENT = f"tieup/{__version__} (news tie-up reader; +https://github.com/tieup/tieup)"
SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits for every request."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 120.0  # a whole response, against servers that drip bytes
    max_redirects: int = 5
    max_bytes: int = 20_000_000


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched body, whole and within the size cap."""

    url: str  # after redirects
    content_type: str
    body: bytes
    fetched_at: str


def is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme.lower() in SCHEMES and bool(parts.netloc)


def make_client(options: FetchOptions) -> httpx.Client:
    timeout = httpx.Timeout(
        options.read_timeout, connect=options.connect_timeout, pool=options.connect_timeout
    )
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=options.max_redirects,
        headers={"User-Agent": USER_AGENT},
    )


def fetch(url: str, *, client: httpx.Client, options: FetchOptions) -> Response | InputError:
    """GET `url`; any failure comes back as an InputError naming the URL."""
    if not is_http_url(url):
        parts = urlsplit(url)
        if parts.scheme.lower() in SCHEMES:
            return InputError(url, "invalid URL (no host)")
        scheme = parts.scheme or "no scheme"
        return InputError(url, f"unsupported URL ({scheme}); only http and https are fetched")
    cap = options.max_bytes
    try:
        with client.stream("GET", url) as response:
            if not response.is_success:
                return InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > cap:
                return InputError(url, f"response of {declared} bytes, over max_bytes={cap}")
            chunks: list[bytes] = []
            size = 0
            started = time.monotonic()
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    return InputError(url, f"response over max_bytes={cap}; stopped reading")
                if time.monotonic() - started > options.total_timeout:
                    limit = f"{options.total_timeout:g} s"
                    return InputError(url, f"timed out (body still coming after {limit})")
                chunks.append(chunk)
            return Response(
                url=str(response.url),
                content_type=response.headers.get("Content-Type", ""),
                body=b"".join(chunks),
                fetched_at=datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
            )
    except httpx.TooManyRedirects:
        return InputError(url, f"too many redirects (more than {options.max_redirects})")
    except httpx.TimeoutException as e:
        limits = f"connect {options.connect_timeout:g} s, read {options.read_timeout:g} s"
        return InputError(url, f"timed out ({type(e).__name__}; {limits})")
    except httpx.UnsupportedProtocol:
        return InputError(url, "redirected to an unsupported URL; only http and https are fetched")
    except httpx.InvalidURL as e:
        return InputError(url, f"invalid URL ({e})")
    except httpx.HTTPError as e:
        return InputError(url, f"request failed ({type(e).__name__}: {e})")


def read_response(
    response: Response, *, origin: str, options: FetchOptions
) -> Iterator[Document | InputError]:
    """Documents from a fetched body, read as its content type (or bytes) says."""
    body = response.body
    if body.startswith(GZIP_MAGIC):
        unpacked = gunzip(body, origin=origin, max_bytes=options.max_bytes)
        if isinstance(unpacked, InputError):
            yield unpacked
            return
        body = unpacked
    fmt = format_from_content_type(response.content_type)
    if fmt is None:
        _, fmt_by_name = split_name(urlsplit(response.url).path.rsplit("/", 1)[-1])
        fmt = fmt_by_name or sniff(body)
    if fmt == "unsupported":
        yield InputError(origin, f"unsupported content type {response.content_type!r}")
        return
    yield from read_bytes(
        body,
        fmt,
        origin=origin,
        doc_id=response.url,
        max_bytes=options.max_bytes,
        charset=charset_from_content_type(response.content_type),
        url=response.url,
        fetched_at=response.fetched_at,
    )


def read_url(
    url: str, *, options: FetchOptions, client: httpx.Client | None = None
) -> Iterator[Document | InputError]:
    """Fetch one URL and read what comes back; a feed expands to its entries."""
    if client is None:
        with make_client(options) as own:
            yield from read_url(url, options=options, client=own)
        return
    response = fetch(url, client=client, options=options)
    if isinstance(response, InputError):
        logger.info("%s", response)
        yield response
        return
    yield from read_response(response, origin=url, options=options)


def read_url_list(
    data: bytes, *, origin: str, options: FetchOptions
) -> Iterator[Document | InputError]:
    """A `.urls` file: one URL a line; blank lines and `#` comments are skipped."""
    text = decode_text(data, origin=origin)
    if isinstance(text, InputError):
        yield text
        return
    with make_client(options) as client:
        for number, line in enumerate(text.split("\n"), start=1):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            if not is_http_url(url):
                yield InputError(f"{origin}:{number}", f"not an http(s) URL: {url[:80]!r}")
                continue
            yield from read_url(url, options=options, client=client)
