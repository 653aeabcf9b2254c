"""Kept blocks -> plain text, Markdown or HTML.

Every format is made from the same kept blocks and their roles, so the formats
agree on what the page's content is:

- text: paragraphs are separated by one blank line; consecutive list items and
  table rows stay on adjacent lines, so structure survives in plain text.
- Markdown: headings as ``#`` x level, list items indented under their parent
  (numbered under an ``<ol>``), GFM tables from consecutive rows (the first
  row is the header), fenced code with its declared language, ``>`` quotes,
  and the blocks' inline spans: ``**strong**``, ``*em*`` and ```code``` always
  (not in headings, where a whole-heading emphasis is only noise), links
  ``[text](href)`` with ``include_links`` and images ``![alt](src)`` with
  ``include_images``. Characters that Markdown would read as markup are
  escaped, so the rendered Markdown shows the page's text and nothing else.
- HTML: the same structure as clean elements, text escaped, with ``<strong>``,
  ``<em>``, ``<code>`` and (when asked) ``<a href>`` and ``<img src alt>``; no
  other attributes but a code block's ``class="language-x"``.

Links and images are resolved against ``base_url`` (the page's URL) when it is
given; script URLs and bare "#" links are left as text. Table cells carry no
spans, so tables have no inline markup (links there break GFM tables).

``include_tables=False`` leaves out table rows and table captions in every format.
"""

from __future__ import annotations

import html as _html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

import regex

from .model import Block, Span, Verdict

TIGHT = frozenset({"item", "row"})
LIST_TAGS = frozenset({"ul", "ol", "dl", "menu"})
#: a heading without a level of its own (<summary>, <legend>) renders as this level
DEFAULT_HEADING_LEVEL = 2

# Markdown escapes. Inline: characters that open emphasis, code, links, strikethrough,
# raw HTML or entities; "_" only where a letter or digit is not on both sides: GFM ignores
# intraword "_", and escaping snake_case everywhere would make code-ish prose unreadable.
_MD_INLINE = regex.compile(r"[\\`*\[~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|<(?=[\p{L}/!?])|&(?=#?\w+;)")
# Line starts that would turn a paragraph into a heading, quote, list, rule or fence.
_MD_LINE_START = regex.compile(r"^([#>=]|[-+*](?=\s|$)|-{3,}|\d{1,9}(?=[.)](?:\s|$)))", regex.MULTILINE)
_MD_CLOSING_HASHES = regex.compile(r"(\s)(#+)$")
_BACKTICKS = regex.compile(r"`+")
EMPHASIS = frozenset({"strong", "em", "code"})


@dataclass(frozen=True, slots=True)
class Inline:
    """Which inline spans a format renders, and the URL their relative targets resolve against."""

    links: bool = False
    images: bool = False
    base_url: str | None = None

    def wanted(self, span: Span, heading: bool) -> bool:
        kind = span[2]
        if kind == "link":
            return self.links and _followable(span[3])
        if kind == "image":
            return self.images
        return not heading

    def url(self, target: str) -> str:
        target = target.strip()
        if not self.base_url:
            return target
        try:
            return urljoin(self.base_url, target)
        except ValueError:  # a malformed base or target: keep what the page wrote
            return target


def _followable(href: str) -> bool:
    h = href.strip()
    return bool(h) and h != "#" and not h[:11].lower().startswith("javascript:")


def kept(verdicts: Sequence[Verdict], *, include_tables: bool = True) -> list[Block]:
    """The blocks that are rendered: the kept ones, less tables when asked."""
    return [v.block for v in verdicts if v.kept and (include_tables or not _is_table_part(v.block))]


def text(verdicts: Sequence[Verdict], *, include_tables: bool = True) -> str:
    """Plain text of the kept blocks (what ``Result.text`` holds)."""
    parts: list[str] = []
    prev = None
    for b in kept(verdicts, include_tables=include_tables):
        if parts and prev is not None:
            tight = b.role in TIGHT and prev.role == b.role and not b.after_gap
            parts.append("\n" if tight else "\n\n")
        parts.append(b.text)
        prev = b
    return "".join(parts)


def markdown(
    verdicts: Sequence[Verdict],
    *,
    include_tables: bool = True,
    include_links: bool = False,
    include_images: bool = False,
    base_url: str | None = None,
) -> str:
    """GitHub-flavoured Markdown of the kept blocks."""
    inline = Inline(include_links, include_images, base_url)
    out: list[str] = []
    for role, run in _runs(kept(verdicts, include_tables=include_tables)):
        if role == "heading":
            out.append(_md_heading(run[0], inline))
        elif role == "item":
            out.append(_md_list(run, inline))
        elif role == "row":
            out.append(_md_table(run))
        elif role == "code":
            out.append(_md_code(run))
        elif role == "quote":
            out.append(
                "\n>\n".join("\n".join(f"> {line}" for line in _md_text(b, inline).split("\n")) for b in run)
            )
        else:
            out.append(_md_text(run[0], inline))
    return "\n\n".join(out)


def html(
    verdicts: Sequence[Verdict],
    *,
    include_tables: bool = True,
    include_links: bool = False,
    include_images: bool = False,
    document: bool = False,
    title: str | None = None,
    language: str | None = None,
    url: str | None = None,
) -> str:
    """The kept blocks as clean HTML: a fragment, or with ``document`` a whole page.

    ``url`` is the page's: the canonical link of a document, and what relative links
    and images resolve against.
    """
    inline = Inline(include_links, include_images, url)
    out: list[str] = []
    for role, run in _runs(kept(verdicts, include_tables=include_tables)):
        if role == "heading":
            n = _heading_level(run[0])
            out.append(f"<h{n}>{_html_text(run[0], inline, heading=False)}</h{n}>")
        elif role == "item":
            out.append(_html_list(run, inline))
        elif role == "row":
            out.append(_html_table(run))
        elif role == "code":
            lang = f' class="language-{_attr(run[0].lang)}"' if run[0].lang else ""
            out.append(f"<pre><code{lang}>{_esc(_code_text(run))}</code></pre>")
        elif role == "quote":
            out.append(
                "<blockquote>" + "".join(f"<p>{_html_text(b, inline)}</p>" for b in run) + "</blockquote>"
            )
        else:
            out.append(f"<p>{_html_text(run[0], inline)}</p>")
    body = "\n".join(out)
    if not document:
        return body
    lang = f' lang="{_attr(language)}"' if language else ""
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{_esc(title)}</title>")
    if url:
        head.append(f'<link rel="canonical" href="{_attr(url)}">')
    return (
        f"<!DOCTYPE html>\n<html{lang}>\n<head>\n{chr(10).join(head)}\n</head>\n"
        f"<body>\n<article>\n{body}\n</article>\n</body>\n</html>"
    )


# --- grouping -------------------------------------------------------------------------------------


def _is_table_part(b: Block) -> bool:
    return b.role == "row" or (b.role == "caption" and "table" in b.path.split(">"))


def _container(b: Block, tags: frozenset[str], outermost: bool) -> int | None:
    """The id of the (outermost or innermost) enclosing element named in ``tags``; None for dumps."""
    if not b.path:
        return None
    parts = b.path.split(">")
    if len(parts) != len(b.containers):
        return None
    found = [i for i, t in enumerate(parts) if t in tags]
    if not found:
        return None
    return b.containers[found[0] if outermost else found[-1]]


def _run_key(b: Block) -> int | None:
    # Blocks of one list, table, quote or <pre> share their element; dumps have no elements.
    if b.role == "item":
        return _container(b, LIST_TAGS, outermost=True)
    if b.role == "row":
        return _container(b, frozenset({"table"}), outermost=False)
    if b.role == "quote":
        return _container(b, frozenset({"blockquote"}), outermost=True)
    if b.role == "code":
        return _container(b, frozenset({"pre"}), outermost=True)
    return None


def _runs(blocks: Sequence[Block]) -> Iterator[tuple[str, list[Block]]]:
    """Consecutive blocks rendered as one unit: a list, a table, a quote, a code block; others alone."""
    run: list[Block] = []
    for b in blocks:
        if run and _continues(run[-1], b):
            run.append(b)
            continue
        if run:
            yield run[0].role, run
        run = [b]
    if run:
        yield run[0].role, run


def _continues(prev: Block, b: Block) -> bool:
    if b.role != prev.role or b.role not in ("item", "row", "quote", "code"):
        return False
    if not b.path and not prev.path:
        # A dump: a blank line ends a list or table; code lines around a blank line are one snippet.
        return b.role == "code" or not b.after_gap
    return _run_key(b) is not None and _run_key(b) == _run_key(prev)


def _heading_level(b: Block) -> int:
    return min(b.level, 6) if b.level > 0 else DEFAULT_HEADING_LEVEL


def _depths(run: Sequence[Block]) -> list[int]:
    """List depths from 1, never deeper than one below the previous item (dropped parents leave gaps)."""
    base = min(max(b.level, 1) for b in run)
    depths: list[int] = []
    for b in run:
        d = max(b.level, 1) - base + 1
        depths.append(min(d, depths[-1] + 1) if depths else 1)
    return depths


def _ordered(b: Block) -> bool:
    for tag in reversed(b.path.split(">")):
        if tag in LIST_TAGS:
            return tag == "ol"
    return False


def _cells(run: Sequence[Block]) -> list[list[str]]:
    rows = [list(b.cells) if b.cells else [b.text] for b in run]
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def _code_text(run: Sequence[Block]) -> str:
    parts: list[str] = []
    for i, b in enumerate(run):
        if i:
            parts.append("\n\n" if b.after_gap else "\n")
        parts.append(b.text)
    return "".join(parts)


# --- Markdown -------------------------------------------------------------------------------------


def _md_escape(s: str) -> str:
    s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
    return _MD_LINE_START.sub(lambda m: _escape_line_start(m.group(1)), s)


def _escape_line_start(mark: str) -> str:
    if mark[0].isdigit():
        return mark + "\\"  # "1." -> "1\." : the escape goes before the dot, which follows
    return "\\" + mark


def _md_heading(b: Block, inline: Inline) -> str:
    body = _MD_CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), _md_text(b, inline, heading=True))
    return "#" * _heading_level(b) + " " + body.replace("\n", " ")


def _md_text(b: Block, inline: Inline, heading: bool = False) -> str:
    """A block's text as Markdown: escaped, with the spans ``inline`` wants as markup."""
    spans = [sp for sp in b.spans if inline.wanted(sp, heading)]
    if not spans:
        return _md_escape(b.text)
    body = _with_spans(b.text, spans, _MdMarks(inline))
    return _MD_LINE_START.sub(lambda m: _escape_line_start(m.group(1)), body)


class _MdMarks:
    """Markdown for each kind of span; text between spans is escaped (and "]" too inside a link)."""

    def __init__(self, inline: Inline) -> None:
        self.inline = inline

    def text(self, s: str, in_link: bool) -> str:
        s = _MD_INLINE.sub(lambda m: "\\" + m.group(0), s)
        return s.replace("]", "\\]") if in_link else s

    def open(self, span: Span) -> tuple[str, str]:
        kind = span[2]
        if kind == "link":
            return "[", f"]({_md_url(self.inline.url(span[3]))})"
        mark = "**" if kind == "strong" else "*"
        return mark, mark

    def code(self, s: str) -> str:
        ticks = "`" * (max((len(m) for m in _BACKTICKS.findall(s)), default=0) + 1)
        pad = " " if s.startswith("`") or s.endswith("`") else ""
        return f"{ticks}{pad}{s}{pad}{ticks}"

    def image(self, span: Span) -> str:
        alt = self.text(span[4], in_link=True)
        return f"![{alt}]({_md_url(self.inline.url(span[3]))})"


def _md_url(url: str) -> str:
    # Characters that would end or break a link destination are percent-encoded (same URL).
    return (
        url.replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E")
    )


def _md_list(run: Sequence[Block], inline: Inline) -> str:
    # Each item is indented to its parent's content column, which is what CommonMark nests by;
    # ordered items are numbered per list, counting from 1 again under each parent.
    lines = []
    columns: list[int] = []  # content column of the latest item at each depth
    numbers: list[int] = []
    for b, depth in zip(run, _depths(run), strict=True):
        del columns[depth:], numbers[depth:]
        if len(numbers) == depth:
            numbers[-1] += 1
        else:
            numbers.append(1)
        indent = columns[depth - 2] if depth > 1 else 0
        marker = f"{numbers[-1]}." if _ordered(b) else "-"
        if len(columns) == depth:
            columns[-1] = indent + len(marker) + 1
        else:
            columns.append(indent + len(marker) + 1)
        lines.append(" " * indent + marker + " " + _md_text(b, inline).replace("\n", " "))
    return "\n".join(lines)


def _md_cell(s: str) -> str:
    return _md_escape(" ".join(s.split())).replace("|", "\\|")


def _md_table(run: Sequence[Block]) -> str:
    rows = _cells(run)
    lines = ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    lines.insert(1, "|" + "|".join(" --- " for _ in rows[0]) + "|")
    return "\n".join(lines)


def _md_code(run: Sequence[Block]) -> str:
    code = _code_text(run)
    longest = max((len(m) for m in regex.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{run[0].lang}\n{code}\n{fence}"


# --- HTML -----------------------------------------------------------------------------------------


def _esc(s: str) -> str:
    return _html.escape(s, quote=False)


def _attr(s: str) -> str:
    return _html.escape(s, quote=True)


def _html_text(b: Block, inline: Inline, heading: bool = False) -> str:
    """A block's text as escaped HTML, with the spans ``inline`` wants as elements."""
    spans = [sp for sp in b.spans if inline.wanted(sp, heading)]
    return _with_spans(b.text, spans, _HtmlMarks(inline)) if spans else _esc(b.text)


class _HtmlMarks:
    """HTML elements for each kind of span; text between them is escaped."""

    def __init__(self, inline: Inline) -> None:
        self.inline = inline

    def text(self, s: str, in_link: bool) -> str:
        return _esc(s)

    def open(self, span: Span) -> tuple[str, str]:
        kind = span[2]
        if kind == "link":
            return f'<a href="{_attr(self.inline.url(span[3]))}">', "</a>"
        return f"<{kind}>", f"</{kind}>"

    def code(self, s: str) -> str:
        return f"<code>{_esc(s)}</code>"

    def image(self, span: Span) -> str:
        return f'<img src="{_attr(self.inline.url(span[3]))}" alt="{_attr(span[4])}">'


# --- inline spans ---------------------------------------------------------------------------------


def _with_spans(text: str, spans: Sequence[Span], marks: _MdMarks | _HtmlMarks) -> str:
    """``text`` with its spans as markup. Spans nest (sorted by start, outer first); a code span's
    text is verbatim, so spans inside it are dropped, and so is a span inside one of its own kind
    (``**`` inside ``**`` would close it). An image gets a space on each side that touches a word."""
    out: list[str] = []
    pos = 0
    open_: list[tuple[int, str, str]] = []  # end, closing markup, kind
    verbatim_until = -1
    for span in spans:
        start, end, kind = span[0], span[1], span[2]
        while open_ and open_[-1][0] <= start:
            pos = _close(text, pos, open_, out, marks)
        if start < verbatim_until or any(k == kind for _, _, k in open_):
            continue
        in_link = any(k == "link" for _, _, k in open_)
        out.append(marks.text(text[pos:start], in_link))
        pos = start
        if kind == "image":
            before = " " if start and not text[start - 1].isspace() else ""
            after = " " if start < len(text) and not text[start].isspace() else ""
            out.append(before + marks.image(span) + after)
        elif kind == "code":
            end = min(end, open_[-1][0]) if open_ else end
            out.append(marks.code(text[start:end]))
            pos = verbatim_until = end
        else:
            opening, closing = marks.open(span)
            out.append(opening)
            open_.append((min(end, open_[-1][0]) if open_ else end, closing, kind))
    while open_:
        pos = _close(text, pos, open_, out, marks)
    out.append(marks.text(text[pos:], False))
    return "".join(out)


def _close(text: str, pos: int, open_: list[tuple[int, str, str]], out: list[str],
           marks: _MdMarks | _HtmlMarks) -> int:  # fmt: skip
    end, closing, _kind = open_.pop()
    in_link = any(k == "link" for _, _, k in open_) or _kind == "link"
    out.append(marks.text(text[pos:end], in_link) + closing)
    return max(pos, end)


def _html_list(run: Sequence[Block], inline: Inline) -> str:
    out: list[str] = []
    stack: list[str] = []  # open list elements; each holds an open <li> once it has an item
    for b, depth in zip(run, _depths(run), strict=True):
        while len(stack) > depth:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == depth:
            out.append("</li>")
        while len(stack) < depth:
            tag = "ol" if _ordered(b) else "ul"
            out.append(f"<{tag}>")
            stack.append(tag)
        out.append(f"<li>{_html_text(b, inline)}")
    while stack:
        out.append(f"</li></{stack.pop()}>")
    return "".join(out)


def _html_table(run: Sequence[Block]) -> str:
    rows = _cells(run)
    head = "<tr>" + "".join(f"<th>{_esc(c)}</th>" for c in rows[0]) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return f"<table><thead>{head}</thead>" + (f"<tbody>{body}</tbody>" if body else "") + "</table>"
