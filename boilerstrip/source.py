"""Input handling: bytes -> str, HTML-or-text sniffing, and parsing once.

Decoding order: a byte-order mark, then the charset the document declares (if
the bytes really decode with it), then UTF-8, then detection over the whole
input with long ASCII runs shortened (sniffing only a prefix, or chunks that
all fall in markup, misreads GB2312 pages whose first kilobytes are ASCII
markup), and last windows-1252, which decodes any byte.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser

from .errors import InvalidInputError, InvalidOptionError
from .model import Kind

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
DECLARED = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})|<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_.\-]{2,40})""",
    regex.IGNORECASE,
)
# The HTML standard maps these labels to supersets; decoding with the superset is never worse.
SUPERSETS = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "shift_jis": "cp932",
    "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949",
    "iso-8859-9": "cp1254", "tis-620": "cp874", "big5": "big5hkscs", "utf8": "utf-8",
}  # fmt: skip
SNIFF_BYTES = 65536
TAG = regex.compile(
    r"<(?:!doctype|html|head|body|div|p|span|a\s|br|table|article|section|meta|script|ul|li|h[1-6])\b",
    regex.I,
)
STARTS_LIKE_MARKUP = regex.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|\?xml|meta|[a-z][a-z0-9]*[\s>/])", regex.I | regex.S
)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.6 and even < half * 0.1:
        return "utf-16-le"
    if even > half * 0.6 and odd < half * 0.1:
        return "utf-16-be"
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(data: bytes) -> str | None:
    m = DECLARED.search(data[:SNIFF_BYTES])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(SUPERSETS.get(label, label)).name
    except LookupError:
        return None
    # A page saved as UTF-8 that still says utf-16 in its meta is common; bytes win.
    return None if name.startswith("utf-16") or name.startswith("utf-32") else name


# Long ASCII runs (markup, scripts) read the same in every candidate charset but fill the
# detector's sampled chunks, so a GB2312 page with 20 KB of ASCII markup first was judged on
# markup alone (and came out as cp949). Each run keeps its ends, so a multi-byte character's
# trail byte in the ASCII range stays next to its lead byte.
_ASCII_RUN = regex.compile(rb"[\x00-\x7f]{33,}")
_ESC = b"\x1b"  # ISO-2022 encodings switch charsets inside ASCII runs: leave those whole


def _compacted(data: bytes) -> bytes:
    if _ESC in data:
        return data
    return _ASCII_RUN.sub(lambda m: m.group(0)[:16] + m.group(0)[-16:], data)


def _detected(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: most input is UTF-8

    best = from_bytes(_compacted(data), steps=8, chunk_size=1024).best()
    return best.encoding if best is not None else None


def decode(data: bytes) -> str:
    """Text of ``data``; never raises for any byte string."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    declared = _declared(data)
    if declared:
        text = _try(data, declared)
        if text is not None:
            return text
    text = _try(data, "utf-8")
    if text is not None:
        return text
    detected = _detected(data)
    if detected:
        text = _try(data, detected)
        if text is not None:
            return text
    return data.decode("cp1252", errors="replace")


def clean_controls(text: str) -> str:
    """Drop NULs and C0 controls that only confuse parsers and regexes; keep tabs and line breaks.

    Vertical tab and form feed break lines (str.splitlines and HTML agree), so they
    become newlines rather than vanish and glue two lines together.
    """
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", text)


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff]")  # stdlib re: 10x faster on char classes


def sniff_kind(text: str) -> Kind:
    """'html' when the input is markup, 'text' when it is a plain-text dump."""
    if STARTS_LIKE_MARKUP.match(text):
        return "html"
    head = text[:SNIFF_BYTES]
    tags = len(TAG.findall(head))
    return "html" if tags >= 3 and tags * 400 > len(head) else "text"


def to_text(source: str | bytes) -> str:
    return clean_controls(decode(source) if isinstance(source, bytes) else source)


def check_kind(kind: str | None) -> Kind | None:
    if kind is not None and not isinstance(kind, str):
        raise InvalidInputError(f"kind must be a str or None, not {type(kind).__name__}")
    if kind is None or kind in ("html", "text"):
        return kind  # type: ignore[return-value]
    raise InvalidOptionError(f"kind must be 'html', 'text' or None, not {kind!r}")


def parsed_tree(source: Any) -> LexborHTMLParser | None:
    """An already-parsed tree as a lexbor tree of our own, or None for str/bytes input.

    The caller's tree is never touched: lxml trees are serialised, selectolax
    trees are read through their HTML, so both give exactly what the same
    markup as a string gives.
    """
    if isinstance(source, (str, bytes, bytearray, memoryview)):
        return None
    # Controls are cleaned as for str input, or the same page would give two texts.
    if isinstance(source, LexborHTMLParser):
        return LexborHTMLParser(clean_controls(source.html or ""))
    module = type(source).__module__
    if module.startswith("selectolax"):
        html = getattr(source, "html", None)
        if isinstance(html, str):
            return LexborHTMLParser(clean_controls(html))
    if module.startswith("lxml"):
        from lxml import etree

        root = source.getroot() if hasattr(source, "getroot") else source
        return LexborHTMLParser(clean_controls(etree.tostring(root, encoding="unicode", method="html")))
    raise InvalidInputError(
        f"extract() takes str, bytes, or a parsed selectolax/lxml tree, not {type(source).__name__}"
    )
