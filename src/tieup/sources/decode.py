"""Bytes to text: byte-order marks, UTF-8 first, declared charsets for HTML.

Every function here returns either the decoded text or an `InputError`
naming the origin and the reason; none of them raises on bad bytes.
"""

from __future__ import annotations

import codecs
import logging
import re

from tieup.errors import InputError

logger = logging.getLogger(__name__)

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.I)

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard).
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}

_SNIFF_BYTES = 8192
REENCODE_HINT = "re-encode it as UTF-8 (e.g. iconv -f latin1 -t utf-8)"


def bom_encoding(data: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None, 0


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first few kilobytes
    (text in UTF-16 or UTF-32 is not binary when a byte-order mark says so)."""
    if bom_encoding(data)[0] is not None:
        return False
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and controls / len(head) > 0.1


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR line ends become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, *, origin: str) -> str | InputError:
    """Plain text: a BOM's encoding if there is one, else strict UTF-8."""
    encoding, skip = bom_encoding(data)
    if encoding is None and (b"\x00" in data or looks_binary(data)):
        return InputError(origin, "binary file (NUL or control bytes), not text")
    try:
        text = data[skip:].decode(encoding or "utf-8")
    except UnicodeDecodeError as e:
        if looks_binary(data):
            return InputError(origin, "binary file, not text")
        name = "UTF-8" if encoding is None else encoding.upper()
        return InputError(origin, f"invalid {name} at byte {e.start + skip}; {REENCODE_HINT}")
    text = normalise_newlines(text)
    if not text.strip():
        return InputError(origin, "empty file" if not data else "empty file (only whitespace)")
    return text


def charset_from_content_type(content_type: str | None) -> str | None:
    """`text/html; charset=ISO-8859-1` -> `ISO-8859-1`."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XHTML page declares in its first kilobytes."""
    head = data[:_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, *, origin: str, charset: str | None = None) -> str | InputError:
    """HTML: a BOM, else UTF-8, else the charset the server or the page declares.

    `charset` is what an HTTP header declared; the page's own `<meta charset>`
    is looked for when it is absent.
    """
    if not data.strip():
        return InputError(origin, "empty file" if not data else "empty file (only whitespace)")
    encoding, skip = bom_encoding(data)
    if encoding is not None:
        try:
            return data[skip:].decode(encoding)
        except UnicodeDecodeError as e:
            return InputError(origin, f"invalid {encoding.upper()} at byte {e.start + skip}")
    if looks_binary(data):
        return InputError(origin, "binary file (NUL or control bytes), not HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    declared = charset or declared_charset(data)
    if declared is None:
        return InputError(
            origin,
            f"invalid UTF-8 at byte {utf8_error.start} and no charset declared; "
            f"{REENCODE_HINT} or declare <meta charset>",
        )
    codec = _WHATWG_ALIASES.get(declared.lower(), declared)
    try:
        text = data.decode(codec)
    except LookupError:
        return InputError(origin, f"invalid UTF-8 and unknown declared charset {declared!r}")
    except UnicodeDecodeError as e:
        if codec != "cp1252":
            return InputError(origin, f"invalid {declared} at byte {e.start}; {REENCODE_HINT}")
        text = data.decode("latin-1")  # the bytes cp1252 leaves undefined
    logger.debug("%s: not UTF-8, decoded as declared %s", origin, declared)
    return text
