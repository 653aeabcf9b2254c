"""Flatten an HTML page to a plain-text dump, the way scrapers hand pages over, for ``--text-mode``.

Styles: (a) ``seed_dump``: JSON-LD leaf values and meta contents one per line, a blank line, then the visible
text one block per line (the layout of shared/seed/sputnik-dump.txt); (b) ``inner_text``: browser-innerText-like
visible text, blocks on their own lines and a blank line around ``<p>``; (c) ``wet_text``: Common-Crawl-WET-like,
every text node on its own line, nav and footer included, hidden or not (only script/style/noscript dropped).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Literal

from selectolax.lexbor import LexborHTMLParser, LexborNode

Style = Literal["a", "b", "c"]

BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
# Not rendered as text by a browser (innerText); WET keeps all of these but the first four.
INVISIBLE = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "svg",
        "canvas",
        "select",
        "textarea",
        "input",
    }
)
WET_SKIP = frozenset({"script", "style", "noscript", "template"})
# Meta names that describe the browser or the site's plumbing, not the page.
META_SKIP = frozenset(
    {
        "viewport",
        "robots",
        "googlebot",
        "referrer",
        "theme-color",
        "format-detection",
        "generator",
        "color-scheme",
        "csrf-token",
        "csrf-param",
        "handheldfriendly",
    }
)
META_SKIP_PREFIXES = ("msapplication", "apple-", "google-site-verification", "fb:", "al:")
_WS = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def flatten(page: str | bytes, style: Style) -> str:
    """The plain-text dump of ``page`` in the given style ("a", "b" or "c")."""
    if style == "a":
        return seed_dump(page)
    if style == "b":
        return inner_text(page)
    if style == "c":
        return wet_text(page)
    raise ValueError(f"unknown text style {style!r}")


def wrap_html(text: str) -> str:
    """A minimal HTML document holding each non-empty line of ``text`` as an escaped ``<p>``."""
    body = "".join(f"<p>{html_lib.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


def seed_dump(page: str | bytes) -> str:
    tree = _parse(page)
    header = [*_json_ld_values(tree), *_meta_values(tree)]
    visible = _visible_lines(tree, paragraph_gap=False)
    return "\n".join([*header, "", *visible] if header else visible)


def inner_text(page: str | bytes) -> str:
    return "\n".join(_visible_lines(_parse(page), paragraph_gap=True))


def wet_text(page: str | bytes) -> str:
    lines: list[str] = []
    root = _parse(page).root
    stack: list[LexborNode] = [root] if root else []
    while stack:
        node = stack.pop()
        if node.tag == "-text":
            line = _collapse(node.text_content or "")
            if line:
                lines.append(line)
        elif not node.tag.startswith("-") and node.tag not in WET_SKIP:
            stack.extend(reversed(list(node.iter(include_text=True))))
    return "\n".join(lines)


def _parse(page: str | bytes) -> LexborHTMLParser:
    return LexborHTMLParser(page if isinstance(page, str) else page.decode("utf-8", errors="replace"))


def _collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    return "hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style") or ""))


def _json_ld_values(tree: LexborHTMLParser) -> Iterator[str]:
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text().strip().removeprefix("<!--").removesuffix("-->").strip()
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # broken JSON-LD is common; a scraper would skip it too
        stack: list[object] = [data]
        while stack:  # depth-first, document order
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(reversed(list(value.values())))
            elif isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, bool):
                yield "true" if value else "false"
            elif isinstance(value, int | float):
                yield str(value)
            elif isinstance(value, str) and _collapse(value):
                yield _collapse(value)


def _meta_values(tree: LexborHTMLParser) -> Iterator[str]:
    for meta in tree.css("meta[content]"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if not key or key in META_SKIP or key.startswith(META_SKIP_PREFIXES):
            continue
        content = _collapse(attrs.get("content") or "")
        if content:
            yield content


def _visible_lines(tree: LexborHTMLParser, *, paragraph_gap: bool) -> list[str]:
    """Visible text, one block per line; with ``paragraph_gap`` a blank line around each ``<p>``."""
    lines: list[str] = []
    parts: list[str] = []

    def brk(gap: bool = False) -> None:
        line = _collapse("".join(parts))
        parts.clear()
        if line:
            lines.append(line)
        if gap and lines and lines[-1]:
            lines.append("")

    root = tree.body or tree.root
    stack: list[tuple[LexborNode, bool]] = [(root, False)] if root else []
    pre_depth = 0
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            pre_depth -= tag == "pre"
            brk(paragraph_gap and tag == "p")
        elif tag == "-text":
            text = node.text_content or ""
            if pre_depth:  # keep a <pre>'s own line breaks
                *done, last = text.split("\n")
                for piece in done:
                    parts.append(piece)
                    brk()
                text = last
            parts.append(text)
        elif tag == "br":
            brk()
        elif not tag.startswith("-") and tag not in INVISIBLE and not _hidden(node):
            if tag in ("td", "th"):
                parts.append(" ")
            if tag in BLOCK:
                brk(paragraph_gap and tag == "p")
                pre_depth += tag == "pre"
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    brk()
    while lines and not lines[-1]:
        lines.pop()
    return lines
