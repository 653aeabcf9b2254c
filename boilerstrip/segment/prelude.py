"""The metadata prelude of a text dump: JSON-LD and meta values printed one per line.

Scrapers that dump a page often print the values of its structured data first
(URL, headline, dates, tags, image URLs, sizes, publisher blocks), then the
visible text. Such values have shapes prose lacks. The prelude is the leading
run of lines where those shapes dominate, found as the prefix that maximises
(metadata-shaped lines - half of all lines): a change point, not a fixed count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import regex

from ..metadata.typed import is_type_name
from ..model import Block

VALUE_SHAPES = regex.compile(
    r"""^(?:
        (?:https?:)?//\S+                                  # URL
      | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                       # e-mail
      | \+?\d[\d\s().-]{6,}\d                              # phone
      | -?\d+(?:[.,]\d+)?%?                                # bare number
      | \d{4}-\d{2}-\d{2}(?:[T\s][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?  # ISO date
      | /{1,2}[\w@\[\]='":/.()\s-]+                        # XPath / path
      | true | false | null | none
      | [a-z]{2,3}(?:[_-][A-Za-z]{2,4})?                   # locale code like en_EN
      | [\p{Ll}\p{N}][\p{Ll}\p{N}\s'()&.-]{0,40}           # lower-case tag
      | [\p{Ll}\p{N}][\p{Ll}\p{N}\s'&.-]*+(?:,\s*+[\p{Ll}\p{N}][\p{Ll}\p{N}\s'&.-]*+)++  # keyword list (possessive: linear)
    )$""",
    regex.VERBOSE,
)
MIN_VALUES = 6
MIN_STRONG_VALUES = 2
STRONG_VALUE = regex.compile(
    r"^(?:(?:https?:)?//\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d\s().-]{6,}\d|\d{4}-\d{2}-\d{2}(?:[T\s][\d:.]+\S*)?|/{1,2}[\w@\[\]='\":/.()-]+)$"
)
# A paragraph that opens with a quote ("“There's a dreary mood,” said ...") or ends on a bracket (an
# elided quote's "[...]") is prose too: read as no prose line, it let a WET-like dump's run of quoted
# paragraphs pass under a prelude of repeated labels.
# A block that joins a sentence's pieces (segment.text._joined) keeps their line breaks: the dot spans them.
PROSE_LINE = regex.compile(r"^(?=.{80,})[\"“„«‘'(\[]?\p{Lu}.*[.!?…\"”’»)\]]$", regex.DOTALL)


def is_value_line(text: str) -> bool:
    """Whether a line looks like a printed metadata value rather than visible text.

    A schema.org type name on a line of its own ("BlogPosting", "Person") is the
    ``@type`` a scraper printed with the other JSON-LD leaf values.
    """
    return len(text) <= 300 and (VALUE_SHAPES.match(text) is not None or is_type_name(text))


#: Values prose and menus lack: ids and hashes ("cf509dc2-90ed", "summary_large_image"), mime types
#: and template placeholders ("{geo_region}"). (CamelCase type names would also match menus' brand names.)
TOKEN_VALUE = regex.compile(r"^(?:(?=[^\s\d_]*+[\d_])[\w./:{},@-]{6,200}+|\{[\w.,{} -]{1,100}+\})$")
GAP_MIN_VALUES = 4
GAP_MAX_LINES = 80  # longer preludes have enough URLs and dates for the change point
GAP_SHARE = 0.5
GAP_FREE_SHARE = 0.3


def _gap_prelude(blocks: Sequence[Block]) -> int:
    """The lines before the dump's first blank line, when they are printed values: their count, else 0.

    Scrapers that print a page's declared values end them with a blank line and
    then print the visible text. A short prelude (a description twice, a title
    twice, a card type and an id) has too few URL- or date-shaped lines for the
    change point; the blank line and what stands before it still tell: at least
    four value-shaped lines (a repeated line counts: og: and twitter: print the
    same; three must be values by shape), half of the run, two of them structured
    data (a URL, a date, an id), few free-text lines (a menu is mostly those) and more
    text after the gap than before.
    """
    gap = next((i for i, b in enumerate(blocks[:300]) if b.after_gap), 0)
    if not GAP_MIN_VALUES <= gap <= GAP_MAX_LINES or sum(len(b.text) for b in blocks[gap:]) <= sum(len(b.text) for b in blocks[:gap]):
        return 0
    head = blocks[:gap]
    repeats = Counter(b.text for b in head)
    shaped = values = structured = 0
    for b in head:
        token = TOKEN_VALUE.match(b.text) is not None
        value = is_value_line(b.text) or token
        values += value
        shaped += value or repeats[b.text] > 1
        structured += token or STRONG_VALUE.match(b.text) is not None
    # Menus printed twice repeat too, and hold lower-case words: only ids, URLs and dates are structured.
    enough = values >= GAP_MIN_VALUES - 1 and shaped >= max(GAP_MIN_VALUES, GAP_SHARE * gap)
    # A menu is mostly free words ("Create Post", "Support Center"); printed values leave few of them.
    free = gap - shaped
    return gap if enough and structured >= 2 and free <= max(2, GAP_FREE_SHARE * gap) else 0


def prelude_end(blocks: Sequence[Block]) -> int:
    """Index of the first block after the prelude (0 when there is none)."""
    return _change_point(blocks) or _gap_prelude(blocks)


def _change_point(blocks: Sequence[Block]) -> int:
    """The prelude as the prefix where value-shaped lines dominate (0 when there is none)."""
    head = blocks[:2000]
    repeats = Counter(b.text for b in head)
    best_sum, best_end, running, values = 0.0, 0, 0.0, 0
    best_values = 0
    prose_run = 0
    for i, b in enumerate(head):
        # Printed values stand one per line between other values; two prose lines in a row
        # are the visible text, and a prelude cannot reach past them.
        prose_run = prose_run + 1 if PROSE_LINE.match(b.text) else 0
        if prose_run >= 2:
            break
        is_value = is_value_line(b.text) or (repeats[b.text] > 1 and len(b.text) < 120)
        values += is_value
        running += (1.0 if is_value else 0.0) - 0.5
        if running > best_sum:
            best_sum, best_end, best_values = running, i + 1, values
    if best_values < MIN_VALUES or best_values < 0.6 * best_end:
        return 0
    # Structured data always carries URLs, timestamps or contact values; a run of short
    # menu words and numbers at the top of a crawl record does not make a prelude.
    if sum(1 for b in head[:best_end] if STRONG_VALUE.match(b.text)) < MIN_STRONG_VALUES:
        return 0
    # Repeats count as values (og: and twitter: print the same), but a prelude is values by shape
    # too: a WET-like dump of a page whose menus and labels repeat passed for values to its end.
    if sum(1 for b in head[:best_end] if is_value_line(b.text)) < MIN_SHAPE_SHARE * best_end:
        return 0
    best_end = _visible_start(blocks, best_end)
    # A prelude that no blank line ends holds at most PRELUDE_MAX_RATIO times the text after it. A
    # WET-like dump (no blank line anywhere) of a page whose text is code, paths and lower-case labels
    # (a wiki, an app's landing page) looked like values to its end, tens of times what was left after.
    ended = any(b.after_gap for b in blocks[best_end : best_end + SNAP_LINES])
    after = sum(len(b.text) for b in blocks[best_end:])
    if not ended and sum(len(b.text) for b in blocks[:best_end]) > PRELUDE_MAX_RATIO * after:
        return 0
    return best_end


#: a prelude's lines are values by shape (not only repeats) at least this often
MIN_SHAPE_SHARE = 0.1
#: a blank line this close after the change point ends the prelude
SNAP_LINES = 10
#: declared values print a title and a description several times over, so a short page's prelude may
#: outweigh its visible text, but not by much (WCXB WET-like dumps taken for preludes: 24 to 165 times)
PRELUDE_MAX_RATIO = 2.0


def _visible_start(blocks: Sequence[Block], end: int) -> int:
    """Where the visible text starts, given the change point ``end``.

    Scrapers end the printed values with a blank line. The visible page often opens with a
    menu of short, repeated or lower-case labels, which pass for values and carry the change
    point past that blank line; none of them is a URL, an e-mail, a phone or a date. So the
    prelude ends at the first blank line after its last such strong value, when that is before
    ``end``; else at the blank line nearest ``end`` (within three lines); else at the first blank line
    within SNAP_LINES after ``end`` with no prose line before it: the meta tags' texts printed after the
    JSON-LD values (a site's name and slogan, the title with it, a description) are no values by shape and
    end the change point early (ScrapingHub dumps a: a story that kept its prelude's tail as text, F1 .57 -> 1.00);
    else at ``end``.
    """
    last = max((i for i, b in enumerate(blocks[:end]) if STRONG_VALUE.match(b.text)), default=-1)
    gap = next((j for j in range(last + 1, end) if blocks[j].after_gap), None)
    if gap is not None and gap < end - 2:
        return gap
    for j in (*range(end - 1, max(end - 3, 0), -1), *range(end, min(end + 3, len(blocks)))):
        if blocks[j].after_gap:
            return int(j)
    for j in range(end, min(end + SNAP_LINES, len(blocks))):
        if PROSE_LINE.match(blocks[j].text):
            break
        if blocks[j].after_gap:
            return j
    return end


# "Key: value" (not "https://"), after an optional "WARC/1.0" or "HTTP/1.1 200 OK" status line
HEADER_LINE = regex.compile(r"^(?:[A-Za-z][\w-]{1,40}:(?:\s.*)?|[A-Z]{3,10}/\d(?:\.\d)?(?:\s.*)?)$")


def header_end(blocks: Sequence[Block]) -> int:
    """End of a leading record header ("WARC-Type: conversion", "Content-Type: text/plain", ...)."""
    end = 0
    while end < len(blocks) and HEADER_LINE.match(blocks[end].text) and (end == 0 or not blocks[end].after_gap):
        end += 1
    return end if end >= 3 and (end == len(blocks) or blocks[end].after_gap) else 0


def mark_prelude(blocks: list[Block]) -> list[Block]:
    """The blocks with the prelude's (or record header's) lines re-labelled as role "meta"."""
    end = header_end(blocks) or prelude_end(blocks)
    return [replace(b, role="meta") for b in blocks[:end]] + blocks[end:]
