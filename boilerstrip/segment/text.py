"""Plain-text dump -> blocks: one block per non-empty line.

Dumps come from browsers' innerText, crawlers' WET files or scrapers that print
JSON-LD and meta values before the visible text. Lines are kept whole (a line
is the only unit such dumps reliably preserve); blank lines are remembered as
``after_gap`` and as ``group`` so detectors can see paragraph structure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

import regex

from ..model import Block

# Bullets that innerText and some scrapers put before list items.
# "*" and "-" are bullets only before a space: "**Note**" and "-5 °C" are text.
BULLET = regex.compile(r"^\s*(?:[•·▪◦‣∙●○■□►▶–—]|[*-](?=\s))\s*")
HEADING_MARK = regex.compile(r"^(#{1,6})\s+(?=\S)")
# Source code printed line by line: brackets, statement ends, keywords with operators.
# Such lines keep their indentation, which is part of the code. The indentation is taken
# possessively (at least two spaces: the look-behind): a backtracking \s* before \s{2,} was
# quadratic in a line of white space.
CODE_LINE = regex.compile(
    r"""^\s*+(?:[{}()\[\];,]+\s*$
      | .*[;{]\s*$
      | (?<=\s\s)\S.*[{}()\[\];:=,"'].*
      | \}.*$
      | (?://|/\*|\#!|\#include\b).*
      | (?:import|from|def|class|return|const|let|var|function|export|fn|func|pub|async|await|public|private|package)\b.*[\s({:;=<"'].*
      | [\w.$]+\s*\(.*\)\s*;?\s*$
    )""",
    regex.VERBOSE,
)
#: ...or an operator anywhere in the line. Searched apart with the stdlib engine: as a branch of CODE_LINE
#: (".*" before it) it was tried again at every position of every line, half of a dump's segmentation.
CODE_OPERATOR = re.compile(r"=>|:=|->|==|!=|\+=|&&|\|\|")
#: ...but a label with its mark or its count in brackets is no call: a form's "Email(Required)", "Phone
#: (Optional)", a widget's "Comments (3)", an archive's "Novembro (113)". Read as code, such a line was
#: literal text that no phrase rule could name.
FIELD_LABEL = regex.compile(r"^\p{L}[\p{L} ]{0,30}(?:\(\p{Lu}\p{Ll}+\)| \(\d[\d.,]*\))$")
#: ...nor is a page's own HTML printed on one long line (a "Republish this story" box's textarea holding the
#: story's markup): a dump prints a code sample a few tags a line, and read as code that copy of the story
#: was literal text that widgets.markup-text could not hear
MARKUP_LINE_CHARS = 1000
MARKUP_LINE_TAGS = 20
MARKUP_TAG = re.compile(r"</?(?:p|h[1-6]|a|br|img|strong|em|b|i|div|span|figure|blockquote|ul|ol|li)\b[^<>]{0,300}>")
PROSE = regex.compile(r"\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}\s+\p{L}{2,}.*[.!?]$")
# A dump that prints every text node on its own line (WET-like) splits a paragraph at each
# link or emphasis: "... given the source is" / "Kuo" / ", we would not rule out ...". A line
# that goes on from an unfinished one (it opens with a comma, a full stop, a closing bracket)
# is joined to it. A line in lower case is not enough: keyword lists and widget prompts
# ("To participate in the discussion" / "log in or register") are such lines too.
CONTINUES = regex.compile(r"^[,.;:!?)\]’”%]")
ENDED = regex.compile(r"[.!?:;。！？]['\"”’»)\]]*$")
FRAGMENT_MAX_WORDS = 4  # a link's text between two pieces of one sentence
#: a piece that goes on from the line before it in lower case ("is a suite of ...")
GOES_ON = regex.compile(r"^(?:\p{Ll}|[,.;)\]]\s*\p{Ll})")
#: ...and a chain of pieces ends a sentence (a colon ends a label: "Office hours" / ": Room 3, 4-5")
SENTENCE_ENDED = regex.compile(r"\p{L}\p{L}[.!?。！？]['\"”’»)\]]*$")
#: ...or by a piece that is only its stop: an inline code span or link ends the sentence and its full stop
#: is the next text node ("is equivalent to" / "home.mount" / "."); a lone stop ends nothing else
LONE_STOP = regex.compile(r"^[)\]’”»]*[.!?。！？]['\"”’»)\]]*$")
#: an inline code span printed alone is one token that CODE_LINE may read as code ("systemctl(1)",
#: "$HOME/.config"); in a sentence's pieces it is a piece like a link's text
SPAN_MAX_CHARS = 40
#: a sentence printed in pieces is finished within this many lines (_sentence_chain)
CHAIN_MAX_LINES = 24
#: ...in a dump with at most this many blank lines (a WET record; a prelude's one): a dump that sets its
#: paragraphs apart with blank lines (innerText) prints a paragraph whole, and its unfinished lines are
#: labels and headings, not pieces (WCXB-500 dumps b: a forum thread of the held-out thirds lost .33)
CHAIN_MAX_GAPS = 1
# A table printed one row a line with its cells joined by spaces (no tabs): ranks, figures, prices,
# percentages. Such a line is no sentence and has few stopwords, so read as prose it scored as
# boilerplate and the table cut the article's region in two. A run of DATA_ROW_MIN such lines is a
# table: its lines are rows, judged as rows are (evidence does not hold their shape against them).
# A line with a comma and a space is a phrase, not cells: a shop's cards ("Bookcase, white, 31 1/2x11")
# alternate such names with price lines, and as a table they were taken with the shop's grid. Three
# figures at least: "1 of 5 stars" and "Under 8 km (29)" are a widget's and a filter's labels.
NUMBER = regex.compile(r"\d")
DATA_ROW_MIN = 3
DATA_ROW_MIN_TOKENS = 3
DATA_ROW_MIN_NUMBERS = 3
DATA_ROW_NUMBER_SHARE = 0.25
DATA_ROW_MAX_CHARS = 300
# A table printed one cell a line (a WET-like dump prints every text node apart): "1" / "Kyle Busch" / "5040"
# / "5" / ... The rows show in the figures: every CELL_ROWS_CELLS[0]-CELL_ROWS_CELLS[1] lines, figures stand at
# the same places and words at the others, at least CELL_ROW_MIN_FIGURES figures and one word a row, for
# DATA_ROW_MIN rows in a row, under a header: as many short labels without figures. Each row becomes one
# block of role "row" (its lines kept): read line by line, the figures were each a short fragment and the
# table boilerplate. Without the header the shape is a grid of cards as often (a shop's name / price /
# saving, a forum's thread / replies / views, a service page's figures and their notes: WCXB-500 dumps c,
# tuned third), and a shape that repeats a shorter one is a numbered list's ("1" / "<title>" / "2" / ...).
CELL_ROWS_CELLS = (3, 12)
CELL_ROW_MIN_FIGURES = 2
CELL_MAX_CHARS = 120
HEADER_MAX_WORDS = 3
FIGURE = regex.compile(r"^[^\w\s]?[+\-−–]?\d[\d.,:/]*\s?%?$")


def segment_text(text: str) -> list[Block]:
    """Blocks of a text dump, one per non-empty line, in order."""
    blocks: list[Block] = []
    gap = False
    group = 0
    for number, raw in enumerate(text.splitlines()):
        line = " ".join(raw.split())
        if not line:
            if blocks and not gap:
                group += 1
            gap = True
            continue
        role, level = "line", 0
        cells: tuple[str, ...] = ()
        bullet = BULLET.match(line)
        if "\t" in raw.strip() and len(cells := tuple(c.strip() for c in raw.strip().split("\t"))) >= 2:
            line, role = " | ".join(cells), "row"
        elif bullet and bullet.end() < len(line):
            line, role = line[bullet.end() :], "item"
        elif (
            (CODE_LINE.match(raw) or CODE_OPERATOR.search(raw))
            and not PROSE.match(line) and not FIELD_LABEL.match(line) and not markup_line(line)
        ):  # fmt: skip
            line, role = raw.rstrip(), "code"
        else:
            mark = HEADING_MARK.match(line)
            if mark:
                line, role, level = line[mark.end() :], "heading", len(mark.group(1))
        blocks.append(
            Block(
                index=len(blocks), text=line, role=role, level=level, line=number, after_gap=gap, group=group,
                cells=cells if role == "row" else (),
            )
        )  # fmt: skip
        gap = False
    return _joined(_data_rows(_cell_rows(blocks)), chains=group <= CHAIN_MAX_GAPS)


def markup_line(line: str) -> bool:
    """Whether a line is a page's HTML printed as text (MARKUP_LINE_TAGS tags in MARKUP_LINE_CHARS or more)."""
    if len(line) < MARKUP_LINE_CHARS or line.count("<") < MARKUP_LINE_TAGS:
        return False
    return sum(1 for _ in zip(range(MARKUP_LINE_TAGS), MARKUP_TAG.finditer(line), strict=False)) == MARKUP_LINE_TAGS


def _is_data_row(b: Block) -> bool:
    if b.role != "line" or len(b.text) > DATA_ROW_MAX_CHARS or ENDED.search(b.text) or ", " in b.text:
        return False
    tokens = b.text.split()
    numbers = sum(1 for t in tokens if NUMBER.search(t))
    return (
        len(tokens) >= DATA_ROW_MIN_TOKENS and numbers >= DATA_ROW_MIN_NUMBERS
        and numbers >= DATA_ROW_NUMBER_SHARE * len(tokens)
    )  # fmt: skip


def _data_rows(blocks: list[Block]) -> list[Block]:
    """Runs of DATA_ROW_MIN or more adjacent lines shaped as a table's rows, given the role "row"."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and _is_data_row(out[j]) and (j == i or not out[j].after_gap):
            j += 1
        if j - i >= DATA_ROW_MIN:
            out[i:j] = [replace(b, role="row") for b in out[i:j]]
        i = max(j, i + 1)
    return out


def _cell_rows(blocks: list[Block]) -> list[Block]:
    """Tables printed one cell a line, one block per row (see CELL_ROWS_CELLS)."""
    cell = [b.role == "line" and len(b.text) <= CELL_MAX_CHARS for b in blocks]
    figure = [c and FIGURE.match(b.text) is not None for b, c in zip(blocks, cell, strict=True)]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        width, rows = _row_shape(blocks, cell, figure, i)
        header = out[-width:] if rows and len(out) >= width else []
        if not header or not all(
            b.role == "line" and not b.after_gap and b.text.count(" ") < HEADER_MAX_WORDS
            and not FIGURE.match(b.text) for b in header
        ):  # fmt: skip
            out.append(blocks[i])
            i += 1
            continue
        del out[-width:]
        out.append(_row(header))
        for r in range(rows):
            out.append(_row(blocks[i + r * width : i + (r + 1) * width]))
        i += rows * width
    return out


def _row_shape(blocks: Sequence[Block], cell: Sequence[bool], figure: Sequence[bool], i: int) -> tuple[int, int]:
    """(cells a row, rows) of the widest table printed one cell a line from ``blocks[i]`` on, or (0, 0)."""
    best = (0, 0)
    lo, hi = CELL_ROWS_CELLS
    if not all(cell[i : i + lo]) or sum(figure[i : i + hi]) < CELL_ROW_MIN_FIGURES:
        return best  # most lines: no row of any width starts here
    for width in range(lo, hi + 1):
        shape = figure[i : i + width]
        if len(shape) < width or not CELL_ROW_MIN_FIGURES <= sum(shape) < width or _repeats(shape):
            continue
        rows = 0
        while True:
            at = i + rows * width
            if at + width > len(blocks) or figure[at : at + width] != shape or not all(cell[at : at + width]):
                break
            if any(b.after_gap for b in blocks[at + (rows == 0) : at + width]):
                break
            rows += 1
        if rows >= DATA_ROW_MIN and rows * width > best[0] * best[1]:
            best = (width, rows)
    return best


def _repeats(shape: Sequence[bool]) -> bool:
    """The shape is a shorter one's, repeated: a numbered list ("1" / "<title>" / "2" / "<title>"), no table."""
    n = len(shape)
    return any(n % d == 0 and list(shape) == list(shape[:d]) * (n // d) for d in range(1, n))


def _row(cells: Sequence[Block]) -> Block:
    return replace(cells[0], text="\n".join(b.text for b in cells), role="row", cells=tuple(b.text for b in cells))


def _sentence_chain(blocks: Sequence[Block], i: int, first: str) -> int:
    """How many lines from ``blocks[i]`` on finish the unfinished line before them (``first``) as one
    sentence, or 0.

    A WET-like dump of a docs page prints each inline code span and link on its own line: "When using" /
    "systemctl" / ", you generally have to specify the unit's name." The pieces after the first are short
    (a link's or a code span's text) or go on in lower case or punctuation; at least one goes on so, and no
    two short ones follow each other (a menu of short labels), and the last ends the sentence (a widget's
    prompt in pieces never does). After one that goes on, a piece opening with the stop that ends the
    sentence goes on too, whatever follows: "... the repairs would be" / "a long job" / "for the town" /
    ". The board voted ..." (a label's note, "Tue" / ". Closed on holidays.", has no piece going on before it).
    """
    goes_on, fragment = False, " " not in first  # a one-word line is a label: a menu item or a link
    for j in range(i, min(len(blocks), i + CHAIN_MAX_LINES)):
        b = blocks[j]
        if not _piece(b) or b.after_gap:
            return 0
        if goes_on and LONE_STOP.match(b.text):
            return j - i + 1
        if GOES_ON.match(b.text) or (goes_on and CONTINUES.match(b.text)):
            goes_on, fragment = True, False
        elif b.text.count(" ") >= FRAGMENT_MAX_WORDS or fragment:
            return 0
        else:
            fragment = True
        if SENTENCE_ENDED.search(b.text):
            return j - i + 1 if goes_on else 0
    return 0


def _piece(b: Block) -> bool:
    """A line, or a one-token code span printed on its own line (SPAN_MAX_CHARS)."""
    return b.role == "line" or (b.role == "code" and len(b.text) <= SPAN_MAX_CHARS and " " not in b.text.strip())


def _joined(blocks: list[Block], chains: bool = True) -> list[Block]:
    """Lines that are pieces of one sentence, joined into one block; the source line breaks are kept.

    Keeping them (the block's text holds "\n") means every output line is still an input line.
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if out and _piece(b) and not b.after_gap and out[-1].role == "line":
            prev = out[-1].text
            if not ENDED.search(prev):
                nxt = blocks[i + 1] if i + 1 < len(blocks) else None
                if prev.count(" ") < 3:
                    parts = _sentence_chain(blocks, i, prev) if chains else 0
                elif CONTINUES.match(b.text):
                    parts = 1
                elif (
                    nxt is not None and nxt.role == "line" and not nxt.after_gap
                    and b.text.count(" ") < FRAGMENT_MAX_WORDS and CONTINUES.match(nxt.text)
                ):  # fmt: skip
                    parts = 2
                else:
                    parts = _sentence_chain(blocks, i, prev) if chains else 0
                if parts:
                    text = "\n".join([prev, *(x.text for x in blocks[i : i + parts])])
                    out[-1] = replace(out[-1], text=text)
                    i += parts
                    continue
        out.append(replace(b, index=len(out)) if b.index != len(out) else b)
        i += 1
    return out
