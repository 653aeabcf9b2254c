"""Visible authors that no declaration names: labelled byline lines and forum posters.

Two finders over an already-parsed tree, each given the caller's test for
elements that belong to something else than the page (comments, sidebars,
related stories). Their vocabulary (byline labels in several languages, the
class tokens and profile links of forum software) is data in
``rules/metadata.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from selectolax.lexbor import LexborNode

from ..rules import load_table
from .normalize import date_start, split_authors

__all__ = ["byline_names", "clean_handle", "labelled_byline", "line_byline", "poster_name"]

Excluded = Callable[[LexborNode], bool]

#: Elements short enough to be a byline line on their own.
_LINE_TAGS = "p, span, div, li, a, small, em, strong, h3, h4, h5, h6, address"
_LINE_MAX = 120
_WS = re.compile(r"\s+")
#: A forum handle: one to three tokens of letters, digits and . _ - (digits allowed, unlike a person's name).
_HANDLE = re.compile(r"[\w.\-]{2,40}(?: [\w.\-]{1,40}){0,2}")


def _alternation(words: Iterable[str]) -> str:
    """The words as one regex alternation, longest first ("written by" before "by")."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _vocabulary() -> tuple[re.Pattern[str], str, tuple[str, ...], frozenset[str]]:
    table = load_table("metadata")
    alternatives = _alternation(table["byline"]["labels"])
    # The label, an optional colon, then the name: a capital letter (or any letter after a colon,
    # as CJK names have no case). Bounded and anchored: linear on any line.
    line = re.compile(rf"^(?:{alternatives})(?:\s{{0,3}}[:：]\s{{0,3}}(?=\w)|\s{{1,3}}(?=[^\W\d_]))(.{{2,100}})$",
                      re.IGNORECASE)
    poster = table["poster"]
    classes = ", ".join(f"[class~={token}]" for token in poster["class_tokens"])
    links = tuple(poster["href_parts"])
    return line, classes, links, frozenset(poster["not_names"])


@cache
def _label_start() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(load_table('metadata')['byline']['labels'])})(?!\w)", re.IGNORECASE)


@cache
def _byline_words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    table = load_table("metadata")["byline"]
    # Only labels of two words or more: a bare "by" inside the line is too often prose ("by the river").
    labels = _alternation(x for x in table["labels"] if " " in x)
    label = re.compile(rf"(?:^|\s)(?:{labels})\s{{1,3}}(?=\w)", re.IGNORECASE)
    roles = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(x) for x in table['role_words'])})(?!\w)", re.IGNORECASE)
    words = "|".join(re.escape(x) for x in table["line_ends"])
    # "Ann LeePublished: May 2" (a dump gluing two elements): a capitalised end word right after a letter
    capitalised = "|".join(re.escape(x[:1].upper() + x[1:]) for x in table["line_ends"])
    ends = re.compile(rf"(?<!\w)(?i:{words})(?!\w)|(?<=[a-z])(?:{capitalised})(?!\w)")
    return label, roles, ends


#: Between the parts of a byline line: "Ann Lee, Editor", "Ann Lee · Founder", "Ann Lee | Staff".
# (?<!\s): a match starts at the beginning of a white-space run, never inside it (linear, not quadratic)
_BYLINE_PARTS = re.compile(r"(?<!\s)\s*[,·⋅|•]\s*|\s[-–—]\s")
#: What stands between the names and a date cut off after them: "on", "at", a weekday ("Ann Lee, Sat, 20 Dec").
#: what follows a name on a post header or byline line: "Jens » Mo 3. Jun", "Ann Lee | May 2"
_NAME_SEPARATOR = re.compile(r"\s[»|]\s")
_TRAILING_LINK = re.compile(
    r"(?<![\s,])(?:(?:^|[\s,]+)(?:on|at|le|am|el|il|em|op|om|the|mon|tue|wed|thu|fri|sat|sun)\.?)+[\s.:,|·⋅-]*$",
    re.IGNORECASE,
)


def byline_names(text: str) -> tuple[str, ...]:
    """The names a visible byline holds, without what surrounds them on the line.

    "This post was written by Ann Lee, Head of Marketing" -> ("Ann Lee",);
    "Bo Chen December 17, 2025" -> ("Bo Chen",): the text after a label that
    opens it, before its date or an "Updated", and before the first part that
    names a job ("Senior Director", "Editor") rather than a person.
    """
    text = _WS.sub(" ", text).strip()
    label, roles, ends = _byline_words()
    m = label.search(text[:80])
    if m:
        text = text[m.end():]
    end = ends.search(text)
    separator = _NAME_SEPARATOR.search(text)
    cuts = [c for c in (date_start(text), end.start() if end else None, separator.start() if separator else None) if c]
    if cuts:
        text = _TRAILING_LINK.sub("", text[: min(cuts)])
    pieces = _BYLINE_PARTS.split(text)
    for i, part in enumerate(pieces[1:], 1):
        if roles.search(part):
            text = ", ".join(pieces[:i])
            break
    return split_authors(text)


@cache
def _line_label() -> re.Pattern[str]:
    table = load_table("metadata")["byline"]
    labels = _alternation(table["labels"])
    ends = "|".join(re.escape(x) for x in table["line_ends"])
    # The label, then a colon or spaces before a capital; "ByAnn Lee" (a dump of "<b>By</b><a>Ann Lee</a>")
    # only with the label's own capital. A line may open with its date or "Published ...": the label
    # then follows within 50 characters.
    return re.compile(
        rf"^(?:(?:[^\W_]{{0,10}}\s{{0,3}})?(?=[^\n]{{0,50}}?\d)[^\n]{{0,50}}?\d\s+|(?:{ends})\s+)??"
        rf"(?:(?i:{labels})(?:\s{{0,3}}[:：]\s{{0,3}}|\s{{1,3}})|By(?=[A-Z][a-z]))(?=[A-Z]|[^\x00-\x7f])(.{{2,120}})$"
    )


def line_byline(text: str) -> tuple[str, ...]:
    """The names of a dump's byline line: "Written By Ann Lee", "ByAnn Lee", "Published May 2, 2024 by Ann Lee"."""
    if len(text) > 150:
        return ()
    m = _line_label().match(text)
    return byline_names(m.group(1)) if m else ()


def _starts_with_label(node: LexborNode, start: re.Pattern[str]) -> bool:
    """Whether the element's own text, or its first child's when it has none, starts with a label."""
    own = node.text(deep=False).strip()
    if own:
        return start.match(own) is not None
    child = node.child
    while child is not None and not child.is_element_node:
        child = child.next
    return child is not None and start.match(child.text(deep=False).strip()) is not None


def labelled_byline(nodes: Iterable[LexborNode], excluded: Excluded) -> list[str]:
    """The names of the first short line that starts with a byline label ("Written by Ann Lee", "by: Bo Chen").

    ``nodes`` are the candidate containers in document order (the article, then
    the body); only a line whose element holds little else counts, so that a
    sentence "by the river" inside a paragraph never does.
    """
    line, _, _, _ = _vocabulary()
    start = _label_start()
    # The containers nest (the header in the article in the body), and whether an element's line is
    # a byline does not depend on the container it was found in: each element is read once.
    tried: set[int] = set()
    for container in nodes:
        for node in container.css(_LINE_TAGS)[:3000]:
            if node.mem_id in tried:
                continue
            tried.add(node.mem_id)
            # The label is the element's own text ("Written by <a>Ann Lee</a>"): reading that first
            # keeps this linear, where each element's whole text would be quadratic in nesting depth.
            if not _starts_with_label(node, start):
                continue
            text = _WS.sub(" ", node.text(separator=" ")).strip()
            if not 4 <= len(text) <= _LINE_MAX:
                continue
            m = line.match(text)
            if m and not excluded(node):
                name = m.group(1)
                if name[:1].isupper() or not name[:1].isascii():
                    return [name]
    return []


def clean_handle(text: str) -> str | None:
    """A forum poster's handle ("archuser38013", "b.scherer"), or None for account-menu words and numbers."""
    text = _WS.sub(" ", text).strip().lstrip("@")
    if not _HANDLE.fullmatch(text) or text.lower() in _vocabulary()[3] or text.isdigit():
        return None
    return text


def poster_name(body: LexborNode, excluded: Excluded) -> list[str]:
    """The first poster of a forum or Q&A thread: the author of its opening message.

    Forum software names each message's poster in a ``data-author`` attribute,
    an element with a username class, or a link to the member's profile; the
    first one outside comments and sidebars is the thread's starter.
    """
    _, classes, links, _ = _vocabulary()
    for node in body.css("[data-author-username], [data-author]")[:5]:
        value = node.attributes.get("data-author-username") or node.attributes.get("data-author") or ""
        name = clean_handle(value)
        if name and not excluded(node):
            return [name]
    for node in body.css(f"{classes}, a[href]")[:3000]:
        if node.tag == "a" and not any(part in (node.attributes.get("href") or "") for part in links):
            continue
        name = clean_handle(node.text(separator=" "))
        if name and not excluded(node):
            return [name]
    return []
