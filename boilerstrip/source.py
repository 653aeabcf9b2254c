"""Input handling: bytes -> str, HTML-or-text sniffing, and parsing once (with a depth cap).

Decoding order: a byte-order mark; UTF-32 or UTF-16 told by where their zero
bytes fall; valid UTF-8, whatever the page declares (legacy text is next to
never valid UTF-8, pages re-saved as UTF-8 with their old <meta> are common);
UTF-8 with a few broken sequences; the charset the document declares, if the
bytes decode with it (a double-byte one checked against its look-alikes);
detection over the whole input with long ASCII runs shortened (sniffing only a
prefix, or chunks that all fall in markup, misreads GB2312 pages whose first
kilobytes are ASCII markup); and last windows-1252, which decodes any byte.
Then controls go (clean_controls), and markup nested absurdly deep is cut to
MAX_DEPTH before it is parsed (cap_depth).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
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
# Each comment ends at its first "-->" (atomic): letting .*? reach later ends made
# a run of empty comments before a non-tag exponential.
STARTS_LIKE_MARKUP = regex.compile(
    r"\A\s*+(?>(?:<!--.*?-->\s*+)*)<(?:!doctype|html|head|body|\?xml|meta|/?[a-z][a-z0-9]*[\s>/])",
    regex.I | regex.S,
)


def _wide_without_bom(data: bytes) -> str | None:
    """UTF-32 or UTF-16 told by where the zero bytes fall, when a page brings no BOM.

    UTF-32 has a zero in every fourth byte (and in the one beside it, outside
    astral planes). In UTF-16 every ASCII character (markup, spaces, digits,
    line breaks) has a zero high byte, and most other text a non-zero low byte:
    zeros pile up on one side. Cyrillic or Greek UTF-16 is otherwise all bytes
    below 0x80, so it decodes as "valid" UTF-8 with NULs; the zeros must be
    looked at first. A UTF-8 page with stray NULs has few, on both sides.
    """
    sample = data[:SNIFF_BYTES]
    if len(sample) < 8 or _NUL not in sample:
        return None
    quarter = len(sample) // 4
    for encoding, zero, near in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
        all_zero = sample[zero::4].count(0) >= quarter
        if all_zero and sample[near::4].count(0) * 2 > quarter and _decodes(sample[: 4 * quarter], encoding):
            return encoding
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for encoding, many, few in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if many >= max(4, 0.05 * half) and few * 20 <= many and _decodes(sample[: 2 * half], encoding):
            return encoding
    return None


def _decodes(sample: bytes, encoding: str) -> bool:
    # One bad unit is allowed: the sample may end inside a surrogate pair.
    return sample.decode(encoding, errors="replace").count("\ufffd") <= 1


def _utf16_unmarked(data: bytes) -> str | None:
    """UTF-16 text with almost no ASCII (a CJK dump: line breaks and a few digits).

    Its zeros are too few to be sure of by counting (common ideographs such as
    U+4E00 put zeros on the other side), so both byte orders are decoded
    strictly, and one is taken only when it reads as text: no C0 controls and
    next to no unassigned or private-use characters, which a wrong byte order
    or a legacy charset read as UTF-16 is full of.
    """
    if _NUL not in data:
        return None
    half = len(data) // 2
    if data[: 2 * half].count(0) < 0.01 * half:
        return None
    best, fewest = None, 0.01 * min(half, 4096) + 1
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _try(data[: 2 * half], encoding)
        if text is None or _C0.search(text):
            continue
        odd = sum(unicodedata.category(c) in ("Cn", "Co") for c in text[:4096])
        if odd < fewest:
            best, fewest = text, odd
    return best


_NUL = b"\x00"
_C0 = re.compile("[\x00-\x08\x0e-\x1f]")


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


def _detected(data: bytes, among: list[str] | None = None) -> str | None:
    """The charset detection finds for ``data`` (only ``among`` these, if given).

    Of the readings about as free of odd characters as the best one, a charset pages
    really use wins over one they next to never do: Polish in ISO-8859-2 reads with no
    odd character at all as ISO-8859-10 or -4, only with Latvian and Sami letters where
    Polish ones belong, and detection's own language score does not reliably tell.
    """
    from charset_normalizer import from_bytes  # imported lazily: most input is UTF-8

    found = from_bytes(_compacted(data), steps=8, chunk_size=1024, cp_isolation=among)
    best = found.best()
    if best is None:
        return None
    common = [m for m in found if m.chaos <= best.chaos + _CHAOS_MARGIN and m.encoding in _ON_THE_WEB]
    return (common[0] if common else best).encoding


_CHAOS_MARGIN = 0.05
# Legacy charsets in real use on web pages (the rest of what detection knows: ISO-8859-3,
# -4, -10, -14, -16, Mac and DOS code pages, are next to never served).
_ON_THE_WEB = frozenset(
    {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "iso8859_2",
        "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_13", "iso8859_15", "koi8_r",
        "koi8_u", "cp874", "tis_620", "gb18030", "big5", "big5hkscs", "cp932", "shift_jis", "euc_jp",
        "euc_jis_2004", "cp949", "euc_kr", "iso2022_jp", "utf_8", "utf_16", "utf_16_le", "utf_16_be",
    }
)  # fmt: skip
# Double-byte charsets that read each other's bytes without an error (GB18030 reads almost
# any pair), so a wrong declaration among them decodes "fine", into other characters.
_CJK = ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949")


def _declared_cjk(data: bytes, declared: str) -> str:
    """The declared double-byte charset, or another one whose strict reading detection prefers."""
    rivals = [c for c in _CJK if c != declared and _try(data, c) is not None]
    if not rivals:
        return declared
    return _detected(data, among=[declared, *rivals]) or declared


def decode(data: bytes) -> str:
    """Text of ``data``; never raises for any byte string."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    wide = _wide_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace")
    declared = _declared(data)
    if data.isascii():
        # Every ASCII-compatible charset reads these bytes alike; a declared 7-bit one
        # (ISO-2022-JP, UTF-7) is the only reading that differs.
        seven_bit = declared is not None and declared.startswith(("iso2022", "utf-7", "hz"))
        return (_try(data, declared) if declared and seven_bit else None) or data.decode("ascii")
    # Valid UTF-8 beats any declaration: legacy text is almost never valid UTF-8 by
    # accident, while pages re-saved as UTF-8 that keep their old <meta charset> are common.
    text = _try(data, "utf-8") or _mostly_utf8(data)
    if text is not None:
        return text
    if declared:
        text = _try(data, _declared_cjk(data, declared) if declared in _CJK else declared)
        if text is not None:
            return text
    text = _utf16_unmarked(data)
    if text is not None:
        return text
    detected = _detected(data)
    if detected:
        text = _try(data, detected)
        if text is not None:
            return text
    return data.decode("cp1252", errors="replace")


# A run of text from its first non-ASCII byte to the next tag or line end.
_HIGH_RUN = re.compile(rb"[\x80-\xff][^<\n]*")


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with some broken sequences, decoded as UTF-8; None for text in another charset.

    Legacy text is almost never valid UTF-8 over more than a character or two,
    so the runs of non-ASCII text (between tags and line breaks) tell them
    apart: in a UTF-8 page with a few bad bytes most runs still decode, in a
    Shift_JIS or windows-1251 page next to none do. Counting only bad bytes
    would not: accidental valid pairs are common in EUC and Shift_JIS text.
    """
    valid = invalid = 0
    for run in _HIGH_RUN.findall(data):
        try:
            run.decode("utf-8")
            valid += 1
        except UnicodeDecodeError:
            invalid += 1
    if valid <= invalid:
        return None
    return data.decode("utf-8", errors=_LONE_BYTE_ERRORS)


def _lone_byte_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A single bad byte between good text is read as windows-1252; longer damage is U+FFFD.

    The common cause of one bad byte in a UTF-8 page is text pasted in
    windows-1252 ("caf\xe9", "\x93quoted\x94"); a broken multi-byte sequence or a run of
    bad bytes carries no such hint.
    """
    assert isinstance(error, UnicodeDecodeError)
    data, start, end = error.object, error.start, error.end
    lone = end - start == 1 and (end == len(data) or data[end] < 0x80) and _ends_clean(data, start)
    char = bytes(data[start:end]).decode("cp1252", errors="replace") if lone else "\ufffd"
    return char, end


def _ends_clean(data: bytes, end: int) -> bool:
    """The bytes before ``end`` end in ASCII or in a complete UTF-8 character."""
    if end == 0 or data[end - 1] < 0x80:
        return True
    lead = end - 1
    while lead > max(end - 4, 0) and 0x80 <= data[lead] < 0xC0:
        lead -= 1
    return _try(bytes(data[lead:end]), "utf-8") is not None


_LONE_BYTE_ERRORS = "boilerstrip.lone-byte-as-cp1252"
codecs.register_error(_LONE_BYTE_ERRORS, _lone_byte_as_cp1252)


def clean_controls(text: str) -> str:
    """Drop NULs and other controls that only confuse parsers and regexes; keep tabs and line breaks.

    Vertical tab and form feed break lines (str.splitlines and HTML agree), so they
    become newlines rather than vanish and glue two lines together. C1 controls
    (U+0080-U+009F) are next to never meant: they are windows-1252 punctuation
    that went through a Latin-1 decoder (``requests`` does that for pages served
    without a charset), so they become what windows-1252 says, as the HTML
    standard does for ``&#150;``. NEL (U+0085) stays: it is a line break.
    Lone surrogates (a bad decode upstream) become U+FFFD, as the HTML parser
    makes them; paired ones are joined into their character.
    """
    if "\x0b" in text or "\x0c" in text:
        text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    if not _has_controls(text):
        return text
    if _SURROGATE.search(text):
        text = text.encode("utf-16-le", errors="surrogatepass").decode("utf-16-le", errors="replace")
    text = _DROPPED.sub("", text)
    return text.translate(_C1) if _C1_CONTROL.search(text) else text


def _has_controls(text: str) -> bool:
    """Whether ``text`` holds a character of _CONTROL. Asked of every page: a search of the whole page
    for a class of characters costs ~2.7 ns a character, near 1 ms on a long page.

    Encoded in UTF-8 (surrogates passed as they are) with the printable ASCII and the white space that
    _CONTROL leaves deleted (_PLAIN_ASCII), a page leaves its controls and its other characters, each
    whole (no byte of a character outside ASCII is ASCII): that rest is searched for the same characters
    in UTF-8 (_CONTROL_UTF8), in a quarter of the time. A page mostly outside ASCII (CJK, Cyrillic)
    leaves most of itself: it is searched as it is.
    """
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    if len(rest) * 4 > len(text):
        return _CONTROL.search(text) is not None
    return _CONTROL_UTF8.search(rest) is not None


def clean_block_text(text: str) -> str:
    """``clean_controls`` for text read out of a parsed tree, where character references are decoded.

    ``&#1;`` or ``&#x7f;`` become controls only in the parser, after the source was
    cleaned; ``&#13;`` is a carriage return, which inside ``<pre>`` must break the
    line rather than stay in the text.
    """
    if not _BLOCK_JUNK.search(text):
        return text
    return clean_controls(_BLOCK_BREAK.sub("\n", text))


def clean_pieces(pieces: list[str]) -> tuple[list[str], str]:
    """``pieces`` (a block's text nodes) and their join, each piece through clean_block_text.

    One search over the joined text per block: the pieces come back as they are
    (the same list) unless it finds something, so offsets into them stay valid.
    """
    joined = "".join(pieces)
    if not _BLOCK_JUNK.search(joined):
        return pieces, joined
    cleaned = [clean_block_text(p) for p in pieces]
    return cleaned, "".join(cleaned)


# stdlib re: 10x faster than regex on character classes, and these run over every page.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ud800-\udfff]")
#: _CONTROL's characters in UTF-8: C0 controls and DEL, C1 controls but NEL, the BOM, surrogates
_CONTROL_UTF8 = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]|\xc2[\x80-\x84\x86-\x9f]|\xef\xbb\xbf|\xed[\xa0-\xbf]")
#: the ASCII bytes _CONTROL leaves: tab to carriage return, space to tilde
_PLAIN_ASCII = bytes([*range(0x09, 0x0E), *range(0x20, 0x7F)])
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufeff\x81\x8d\x8f\x90\x9d]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_C1_CONTROL = re.compile("[\x80-\x84\x86-\x9f]")
_C1 = {
    c: bytes([c]).decode("cp1252") for c in range(0x80, 0xA0) if c not in (0x81, 0x85, 0x8D, 0x8F, 0x90, 0x9D)
}
_BLOCK_JUNK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")
_BLOCK_BREAK = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85]")


def sniff_kind(text: str) -> Kind:
    """'html' when the input is markup, 'text' when it is a plain-text dump."""
    if STARTS_LIKE_MARKUP.match(text):
        return "html"
    head = text[:SNIFF_BYTES]
    tags = len(TAG.findall(head))
    return "html" if tags >= 3 and tags * 400 > len(head) else "text"


def to_text(source: str | bytes) -> str:
    return clean_controls(decode(source) if isinstance(source, bytes) else source)


#: Elements open at once before deeper start tags are dropped. Browsers stop nesting at 512
#: (Blink); real pages stay under 60. Parsing (the tree builder scans its stack of open
#: elements at each block start tag) and walking the tree both cost the depth per element,
#: so without a cap a 100,000-deep page is quadratic.
MAX_DEPTH = 256
# Elements that never deepen the tree: void ones, and ones a sibling start tag closes.
_FLAT = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup",
        "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "rb", "rt", "rp", "rtc", "a", "nobr",
        "button", "form", "h1", "h2", "h3", "h4", "h5", "h6", "html", "head", "body",
    }
)  # fmt: skip
_RAW_TEXT = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext")
# One token per comment, raw-text element (a script, a style: its content holds no markup),
# doctype or processing instruction, start tag or end tag; possessive, so linear on anything.
_TOKEN = re.compile(
    r"<(?:!--(?:[^-]++|-(?!->))*+(?:-->)?"
    r"|(" + "|".join(_RAW_TEXT) + r")\b(?:[^<]++|<(?!/\1))*+"
    r"|(/?)([A-Za-z][^\s/>]*)|[!?][^>]*+)",
    re.IGNORECASE,
)

#: _TOKEN's tokens, each as one string: "/" and the name of a start or end tag, "" for the others
_NESTING_TOKEN = re.compile(
    r"<(?:!--(?:[^-]++|-(?!->))*+(?:-->)?|"
    + "|".join(rf"{name}\b(?:[^<]++|<(?!/{name}))*+" for name in _RAW_TEXT)
    + r"|(/?[A-Za-z][^\s/>]*)|[!?][^>]*+)",
    re.IGNORECASE,
)
_NOT_NESTING = frozenset({"", *_FLAT, *(f"/{name}" for name in _FLAT)})


def cap_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with the start tags that would nest deeper than ``limit`` elements dropped (with
    their end tags); their text stays, in the deepest element kept. Markup that nests less deep
    is returned unchanged (the same object), and so is a page of at most ``8 * limit`` tags: it
    cannot nest deep enough to matter, and most pages are that small, so they skip the scan.

    A linear scan that models the tree builder roughly: elements that never nest are not
    counted, an end tag closes the innermost open element of its name and everything inside
    it, a stray end tag closes nothing. It only has to bound the depth, not to match the
    parser's tree.
    """
    if html.count("<") <= 8 * limit or not _too_deep(html, limit):
        return html
    cuts = _cut_tokens(_TOKEN.findall(html), limit)
    if not cuts:
        return html
    parts, last = [], 0
    for i, m in enumerate(_TOKEN.finditer(html)):
        if i in cuts:
            parts.append(html[last : m.start()])
            last = _tag_end(html, m.end())
    parts.append(html[last:])
    return "".join(parts)


def _too_deep(html: str, limit: int) -> bool:
    """Whether cap_depth drops a start tag of ``html``: _cut_tokens up to its first cut, with nothing
    to record (nearly every page nests less deep), over the tags that nest only (_NESTING_TOKEN)."""
    open_names: list[str] = []
    counts: dict[str, int] = {}
    for name in [t for t in map(str.lower, _NESTING_TOKEN.findall(html)) if t not in _NOT_NESTING]:
        if name[0] == "/":
            name = name[1:]
            if counts.get(name):
                while (top := open_names.pop()) != name:
                    counts[top] -= 1
                counts[name] -= 1
        elif len(open_names) < limit:
            open_names.append(name)
            counts[name] = counts.get(name, 0) + 1
        else:
            return True
    return False


def _cut_tokens(tokens: list[tuple[str, str, str]], limit: int) -> set[int]:
    """The indices of the start and end tags cap_depth drops."""
    open_names: list[str] = []
    counts: dict[str, int] = {}
    dropped: dict[str, int] = {}
    cuts: set[int] = set()
    for i, (_, slash, name) in enumerate(tokens):
        if not name:  # a comment, raw text, doctype or processing instruction
            continue
        name = name.lower()
        if name in _FLAT:
            continue
        if slash:
            if counts.get(name):
                while (top := open_names.pop()) != name:
                    counts[top] -= 1
                counts[name] -= 1
            elif dropped.get(name):
                dropped[name] -= 1
                cuts.add(i)
        elif len(open_names) < limit:
            open_names.append(name)
            counts[name] = counts.get(name, 0) + 1
        else:
            dropped[name] = dropped.get(name, 0) + 1
            cuts.add(i)
    return cuts


def parse_html(html: str) -> LexborHTMLParser:
    """The lexbor tree of ``html``, nested at most MAX_DEPTH elements deep (see cap_depth)."""
    return LexborHTMLParser(cap_depth(html))


def _tag_end(html: str, pos: int) -> int:
    """Just after the ">" of the tag whose name ends at ``pos``; a tag left open ends at the next "<"."""
    gt, lt = html.find(">", pos), html.find("<", pos)
    if gt >= 0 and (lt < 0 or gt < lt):
        return gt + 1
    return len(html) if lt < 0 else lt


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
        return parse_html(clean_controls(source.html or ""))
    module = type(source).__module__
    if module.startswith("selectolax"):
        html = getattr(source, "html", None)
        if isinstance(html, str):
            return parse_html(clean_controls(html))
    if module.startswith("lxml"):
        from lxml import etree

        root = source.getroot() if hasattr(source, "getroot") else source
        return parse_html(clean_controls(etree.tostring(root, encoding="unicode", method="html")))
    raise InvalidInputError(
        f"extract() takes str, bytes, or a parsed selectolax/lxml tree, not {type(source).__name__}"
    )
