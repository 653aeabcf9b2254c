"""Duplicated metadata: values the page declares, repeats and concatenations printed as text.

Three kinds: (1) lines shaped like bare values (URL, e-mail, phone, number,
XPath, a date alone) and lines of a dump's metadata prelude; (2) text equal to a
declared value (the title, the site name, a publisher block) or repeated
verbatim on the page, save the labels of a record template (_template_labels) and the first copy
of a line of prose printed three times or more in HTML (a carousel's slide, _prose_copy), and in a
dump the headings a table of contents names before them (_contents_entries: the entries are the copies)
and a thread's post that replies quote under "<name> said:" (_quoted_originals: the quotes are the copies);
(3) one long block that only concatenates text present in other blocks (a
JSON-LD articleBody printed as one line): the finer copies stay; and a long block
that is a shortened copy of a longer one (a responsive intro cut for small screens):
the longer version stays.
Comment bylines ("<name> says:") are bylines too, of readers; in a dump, where no
thread container holds a comment, the lines between two of them are that comment.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, pairwise
from typing import ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..segment.text import markup_line
from .base import RuleDetector
from .evidence import QUOTE_HEADER, QUOTE_HEADER_MAX_CHARS

WORD = regex.compile(r"\w+")
#: WORD on ASCII text, where its word characters are letters, digits and "_": the stdlib engine splits
#: every block of a page in two thirds of the time
ASCII_WORD = re.compile(r"\w+", re.ASCII)
SHINGLE = 4
CONCAT_MIN_CHARS = 300
CONCAT_COVERAGE = 0.8
#: page types whose <h1> repeating the title is the content's head, not its echo: a product page's h1 is the
#: product's name, which opens its description as the name on a box does (an article's headline, printed
#: again as the title, is left to the metadata). Other copies of the title (a breadcrumb's last crumb, a sticky
#: bar) are still echoes. WCXB product pages: tuned third .7150 -> .7226, held out .6260 -> .6257 and
#: .7235 -> .7248; taking every copy of the title on product pages instead: held out .6223 and .7239
NAMED_BY_H1 = frozenset({"product"})


def word_key(text: str) -> str:
    """The text's words, case-folded, one space apart: equal for texts that differ only in case,
    punctuation and spacing (a title and the line that repeats it)."""
    return " ".join(words_of(text))


def words_of(text: str) -> list[str]:
    """The text's words, case-folded."""
    return (ASCII_WORD if text.isascii() else WORD).findall(text.casefold())


def _shingles(words: list[str]) -> set[int]:
    # zip of the shifted lists: the same 4-tuples as words[i : i + 4], built in C
    return set(map(hash, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))


class EchoDetector(RuleDetector):
    """Flags printed metadata values, repeated blocks and concatenated duplicates."""

    name: ClassVar[str] = "echo"

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        signals = list(self.rule_signals(blocks, page))
        yield from signals
        yield from self.structural(blocks, page)
        if page.kind == "text":
            split = list(self._split_bylines(blocks, {s.block for s in signals}))
            yield from split
            bylines = sorted({s.block for s in chain(signals, split) if s.rule == "echo.comment-byline"})
            yield from _comment_texts(blocks, bylines)

    def _split_bylines(self, blocks: Sequence[Block], heard: set[int]) -> Iterator[Signal]:
        """Comment bylines that a WET-like dump split over lines: "<name>" / "says:", "<name>" / "on" /
        "<date>" / "said:" (each text node on its own line). The byline rule is tried on the closing
        line joined to the up to three short lines above it, within one paragraph."""
        rule = next((r for r in self.rules if r.id == "echo.comment-byline"), None)
        if rule is None or rule.pattern is None:
            return
        for i, b in enumerate(blocks):
            if i in heard or len(b.text) > SPLIT_BYLINE_END_CHARS or not b.text.endswith(":"):
                continue
            for k in range(1, SPLIT_BYLINE_LINES):
                lines = blocks[i - k : i + 1] if i >= k else ()
                if not lines or lines[0].index in heard or any(x.after_gap for x in lines[1:]):
                    break
                if len(lines[0].text) > SPLIT_BYLINE_PART_CHARS or "\n" in lines[0].text:
                    break
                joined = " ".join(x.text for x in lines)
                if len(joined) <= rule.max_chars and rule.pattern.search(joined):
                    for x in lines:
                        yield Signal(x.index, rule.weight, rule.id, f"byline over lines {i - k}-{i}: {joined[:60]!r}")
                    break

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        words = [words_of(b.text) for b in blocks]  # split once for all three checks
        norms = [" ".join(w) for w in words]  # word_key of each block
        yield from self._prelude(blocks)
        yield from self._declared(blocks, norms, page)
        yield from self._repeats(blocks, norms, page.kind == "html")
        shingles = [_shingles(w) for w in words]
        concatenations = list(self._concatenations(blocks, shingles, norms))
        yield from concatenations
        yield from _near_copies(blocks, shingles, {s.block for s in concatenations})

    @staticmethod
    def _prelude(blocks: Sequence[Block]) -> Iterator[Signal]:
        for b in blocks:
            if b.role == "meta":
                yield Signal(b.index, -3.0, "echo.prelude", "in the dump's metadata prelude")

    @staticmethod
    def _declared(blocks: Sequence[Block], norms: Sequence[str], page: PageInfo) -> Iterator[Signal]:
        meta = page.metadata
        title = word_key(meta.title or "")
        short_values = {word_key(v) for v in meta.values if len(v) <= 120}
        short_values |= {word_key(v) for v in (meta.sitename, *meta.authors) if v}
        short_values.discard("")
        for b, n in zip(blocks, norms, strict=True):
            if b.role == "meta" or len(b.text) > 300:
                continue
            if title and n == title and not (meta.page_type in NAMED_BY_H1 and b.tag == "h1"):
                yield Signal(b.index, -1.5, "echo.title", "repeats the page title")
            elif n in short_values and b.role not in ("row", "item", "code"):
                yield Signal(b.index, -0.9, "echo.declared", "repeats a declared metadata value")

    @staticmethod
    def _repeats(blocks: Sequence[Block], norms: Sequence[str], html: bool) -> Iterator[Signal]:
        counts = Counter(n for n in norms if n)
        # a dump has neither tag paths nor links: its menus and teasers pass for templates there
        template = _template_labels(blocks, norms, counts) if html else set()
        anchored = _anchored_headings(blocks, norms, counts) if html else set()
        entries = set() if html else _contents_entries(blocks, norms, counts)
        headings = {norms[i] for i in entries}  # a dumped table of contents names the headings after it
        originals = set() if html else _quoted_originals(blocks, norms, counts)
        seen: set[str] = set()
        for b, n in zip(blocks, norms, strict=True):
            if b.index in originals:
                yield Signal(b.index, QUOTED_WEIGHT, "echo.quoted", "a post the replies quote after \"<name> said:\"")
                seen.add(n)
                continue
            if b.index in entries:
                yield Signal(b.index, -1.5, "echo.repeat", "a table of contents' entry: its heading follows")
                continue
            if n in headings:
                continue
            if not n or counts[n] < 2 or b.role in ("meta", "row", "code") or n in template or b.index in anchored:
                continue
            if counts[n] >= 3 and len(n) < 200 and not (html and n not in seen and _prose_copy(b, n)):
                yield Signal(b.index, -1.0, "echo.repeated", f"text occurs {counts[n]} times")
            elif n in seen:
                yield Signal(b.index, -1.5, "echo.repeat", "same text earlier on the page")
            seen.add(n)

    @staticmethod
    def _concatenations(blocks: Sequence[Block], shingles: list[set[int]], norms: Sequence[str]) -> Iterator[Signal]:
        # Owners are counted over distinct texts: a paragraph printed twice is no concatenation (its
        # copy is no other text), but an articleBody that a WET-like dump prints twice, hidden and
        # visible, still concatenates the paragraphs it copies.
        # A dump's line of the page's own HTML (a republish box's copy of the story) is no other text either:
        # its tags part every paragraph it copies, so none is its near twin, and each was a concatenation.
        distinct: dict[str, set[int]] = {}
        for b, n, s in zip(blocks, norms, shingles, strict=True):
            if not markup_line(b.text):
                distinct.setdefault(n, s)
        owners = Counter(chain.from_iterable(distinct.values()))
        for b, s, n in zip(blocks, shingles, norms, strict=True):
            # A code listing that joins the snippets shown before it is a tutorial's whole file, not a copy.
            if len(b.text) < CONCAT_MIN_CHARS or not s or b.role == "code":
                continue
            shared = sum(1 for h in s if owners[h] > 1)
            coverage = shared / len(s)
            if coverage >= CONCAT_COVERAGE and not _has_containing_twin(b, n, blocks, norms, shingles, s):
                yield Signal(
                    b.index, -2.5, "echo.concatenation", f"{coverage:.0%} of its text stands in other blocks"
                )


#: a dumped post whose every later copy a reply quotes is a post: the words of the thread the replies answer.
#: Decided, not undecided: spared echo.repeated alone, a one-line post among its poster's card lines still
#: followed them out (tuned-third thread 1674 b: .909 -> .912 at +0.8, .916 at +2.0)
QUOTED_WEIGHT = 2.0


def _quoted_originals(blocks: Sequence[Block], norms: Sequence[str], counts: Counter[str]) -> set[int]:
    """A dumped thread's posts that replies quote: a line printed again only in quotes, each copy under a
    quote header ("<name> said:") or under a quoted line that does. A dump has no quote box to tell the
    quote from the post it copies; the header tells it, and the one copy under none is the post. Lines of
    prose only (REPEATED_PROSE_WORDS): a quote's expander ("Click to expand...") follows it in every post."""
    quoted = [False] * len(blocks)
    for i in range(1, len(blocks)):
        above = blocks[i - 1]
        header = len(above.text) <= QUOTE_HEADER_MAX_CHARS and QUOTE_HEADER.match(above.text) is not None
        quoted[i] = header or (quoted[i - 1] and counts[norms[i - 1]] >= 2 and counts[norms[i]] >= 2)
    first: dict[str, int] = {}
    spoiled: set[str] = set()  # a text with a second unquoted copy is a label or a menu, not a post
    copied: set[str] = set()
    for i, n in enumerate(norms):
        if not n or counts[n] < 2 or n.count(" ") + 1 < REPEATED_PROSE_WORDS:
            continue
        if n not in first:
            first[n] = i
            if quoted[i]:
                spoiled.add(n)
        elif quoted[i]:
            copied.add(n)
        else:
            spoiled.add(n)
    return {blocks[first[n]].index for n in copied - spoiled}


#: a text printed three times or more is a label, a button or a menu entry (each copy is marked), unless it is
#: a line of prose this many words long: then the first copy is the page's, the others are clones of it (still
#: marked). HTML only: in a dump a thread's "Re: <subject>" line over each post looks the same. WCXB: service
#: .8257 -> .8311 (thirds .8162/.7988/.8616 -> .8204/.8107/.8616), forum +.001, the other types within .0004;
#: ScrapingHub .9666 -> .9665 (one wire line "More AP ...: <url>" kept once)
REPEATED_PROSE_WORDS = 6


def _prose_copy(b: Block, norm: str) -> bool:
    """Whether a repeated block is a line of prose, not a link: a carousel's slide or a tab's text that
    a responsive page prints once per layout (and a slider clones at both ends)."""
    return norm.count(" ") + 1 >= REPEATED_PROSE_WORDS and 2 * b.link_chars <= len(b.text)


def _anchored_headings(blocks: Sequence[Block], norms: Sequence[str], counts: Counter[str]) -> set[int]:
    """Headings that a link of the same text on the page points at ("#<id>" of the heading or of a section
    around it): a table of contents' entry names its section, so the heading is the original and the
    entry the copy (which keeps its repeat). A docs page's TOC lists its section headings before them.
    Likewise the page's one <h1> whose every other copy is a link: the site's menu, breadcrumb or
    next/previous links naming this page."""
    fragments: dict[str, set[str]] = {}
    unlinked: Counter[str] = Counter()  # copies that are not links, the heading among them
    for b, n in zip(blocks, norms, strict=True):
        if not n or counts[n] < 2:
            continue
        if 2 * b.link_chars <= len(b.text) or b.permalink:
            unlinked[n] += 1
        elif b.role != "heading":
            fragments.setdefault(n, set()).update(
                s[3].rsplit("#", 1)[1].casefold() for s in b.spans if s[2] == "link" and "#" in s[3]
            )
    one_h1 = sum(1 for b in blocks if b.tag == "h1") == 1  # page builders make every box's heading an h1
    found: set[int] = set()
    for b, n in zip(blocks, norms, strict=True):
        if b.role != "heading" or n not in fragments or not (b.permalink or 2 * b.link_chars <= len(b.text)):
            continue
        if not fragments[n].isdisjoint(b.attrs.split()) or (one_h1 and b.tag == "h1" and unlinked[n] == 1):
            found.add(b.index)
    return found


#: a run of at least this many lines, each printed once more later in the same order, is a table of contents
CONTENTS_MIN_ENTRIES = 3
#: ...and between the copies of two entries stand at least this many words, the section's text (ScrapingHub
#: dumps: at one line of 12 words, a teaser list's titles under a menu that names them passed for sections)
CONTENTS_SECTION_WORDS = 30
CONTENTS_ROLES = frozenset({"line", "item", "heading"})


def _contents_entries(blocks: Sequence[Block], norms: Sequence[str], counts: Counter[str]) -> set[int]:
    """The entries of a table of contents printed in a dump (HTML has _anchored_headings): a run of
    CONTENTS_MIN_ENTRIES or more adjacent lines, each occurring twice, whose second copies follow the run
    in the run's order. The copies after it are the section headings (the originals); the entries are the
    copies. Without tags a heading is one short line, and its repeat marked it out of the article.
    """
    second: dict[str, int] = {}
    first: dict[str, int] = {}
    for i, n in enumerate(norms):
        if n and counts[n] == 2:
            (second if n in first else first)[n] = i

    def entry(i: int, n: str) -> bool:  # the first of a line's two copies
        return first.get(n) == i and blocks[i].role in CONTENTS_ROLES

    found: set[int] = set()
    run: list[int] = []
    for i, n in enumerate([*norms, ""]):  # the "" past the end closes the last run
        # the next entry, unless a blank line parts it from the run or its heading is not the next section's
        if run and entry(i, n) and not blocks[i].after_gap and _sections_apart(blocks, second[norms[run[-1]]], second[n]):
            run.append(i)
            continue
        if len(run) >= CONTENTS_MIN_ENTRIES and second[norms[run[0]]] > run[-1]:
            found.update(run)
        run = [i] if entry(i, n) else []
    return found


def _sections_apart(blocks: Sequence[Block], a: int, z: int) -> bool:
    """Whether the lines between ``a`` and ``z`` hold a section's text: a menu, a breadcrumb or a form
    printed twice has its copies side by side, a teaser list one line of blurb under each title."""
    return sum(len(blocks[k].text.split()) for k in range(a + 1, z)) >= CONTENTS_SECTION_WORDS


#: a text recurring this often may be a label of a record template (see _template_labels)
TEMPLATE_MIN_RECORDS = 3
#: a template's labels are written text (headings, paragraphs, list items); the labels of a widget
#: repeated on each card or post (a rating box, a badge, a poster's "Joined:" / "Messages:") are div,
#: span or dt markup, and sparing those cost more than it gained (WCXB, forum and listing pages)
TEMPLATE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "li"})


def _template_labels(blocks: Sequence[Block], norms: Sequence[str], counts: Counter[str]) -> set[str]:
    """Repeated texts that are the labels of a record template, which are structure, not boilerplate.

    A meal plan prints "Breakfast" / "Lunch" / "Dinner" over each day, a listing prints "Weight:" and
    "Features:" in each product card: every record carries the same labels, each with its own values.
    A repeated line is such a label when (1) it is no link (a menu, a share bar and a "Read more" are
    links), it is written text (TEMPLATE_TAGS) and every copy stands at the same tag path, and (2) in
    most of the stretches between two of its copies, another such label occurs exactly once (a record
    holds several labels: a lone line recurring between paragraphs, such as "Share this", is no
    template) and a text occurring only once on the page stands (the record's own values, so the
    records are no copies of one another).
    HTML only: a dump has no tag paths and no links, and its menus and teaser lists pass this test.
    """
    where: dict[str, list[int]] = {}
    for i, (b, n) in enumerate(zip(blocks, norms, strict=True)):
        if n and counts[n] >= TEMPLATE_MIN_RECORDS and b.role not in ("meta", "row", "code") and b.tag in TEMPLATE_TAGS:
            where.setdefault(n, []).append(i)
    labels = {
        n: at
        for n, at in where.items()
        if len({blocks[i].path for i in at}) == 1 and not any(2 * blocks[i].link_chars > len(blocks[i].text) for i in at)
    }
    if len(labels) < 2:
        return set()
    unique = [counts[n] == 1 and 2 * b.link_chars <= len(b.text) for b, n in zip(blocks, norms, strict=True)]
    found: set[str] = set()
    for n, at in labels.items():
        good = 0
        for a, z in pairwise(at):
            inside = Counter(norms[a + 1 : z])
            if any(inside[m] == 1 for m in labels if m != n) and any(unique[a + 1 : z]):
                good += 1
        if 2 * good > len(at) - 1:
            found.add(n)
    return found


#: the closing line of a split byline ("says:", "a dit :") and each line above it are this short
SPLIT_BYLINE_END_CHARS = 12
SPLIT_BYLINE_PART_CHARS = 60
SPLIT_BYLINE_LINES = 4  # a name, "on", a date and "said:"
#: two bylines further apart than this may belong to two comment lists (a sidebar's, the thread's)
COMMENT_MAX_LINES = 20


def _comment_texts(blocks: Sequence[Block], bylines: Sequence[int]) -> Iterator[Signal]:
    """In a dump, the lines between two comment bylines are the first one's comment.

    HTML wraps a comment in its thread's container; a dump keeps only the byline
    above each comment, so a comment is what stands between two bylines a few lines
    apart. (After the last byline nothing tells where its comment ends.)
    """
    for a, b in pairwise(bylines):
        if b - a <= COMMENT_MAX_LINES:
            for i in range(a + 1, b):
                yield Signal(i, -1.0, "echo.comment-text", f"between the comment bylines {a} and {b}")


#: a block of prose this long (characters) whose shingles stand (this share) in one other such block, and
#: that is NEAR_COPY_SIZE to NEAR_COPY_SHORTER as long as that block, is a shortened copy of it: a responsive
#: page's intro cut for a small screen ("...Read more"). Versions of one length are no copies: a price
#: tier's description beside the next tier's, a tutorial's code grown by a line (WCXB service and docs pages)
NEAR_COPY_MIN_CHARS = 300
NEAR_COPY_COVERAGE = 0.9
NEAR_COPY_SIZE = 0.4
NEAR_COPY_SHORTER = 0.85
NEAR_COPY_NOT_PROSE = frozenset({"code", "meta"})
NEAR_COPY = -3.0  # beats a paragraph's length and sentences (+2.5): a copy however well written


def _near_copies(blocks: Sequence[Block], shingles: Sequence[set[int]], concatenations: set[int]) -> Iterator[Signal]:
    """Blocks of prose that are a shortened copy of another, longer one (an exact copy is _repeats'): the
    longest version stays. A concatenation is no version of its parts: they stay."""
    # A dump's prelude is no version of the page: its JSON-LD values (an FAQ answer, an articleBody) hold the
    # visible paragraphs, which stay (WCXB dumps a: three articles lost .02-.06 to them).
    long = [
        (b, s) for b, s in zip(blocks, shingles, strict=True)
        if len(b.text) >= NEAR_COPY_MIN_CHARS and b.role not in NEAR_COPY_NOT_PROSE
    ]  # fmt: skip
    sizes = {b.index: len(s) for b, s in long}
    holders: dict[int, list[int]] = {}
    for b, s in long:
        if b.index not in concatenations:
            for h in s:
                holders.setdefault(h, []).append(b.index)
    for b, s in long:
        # Blocks sharing its shingles, counted through the index: most of prose's shingles are its own.
        shared = Counter(j for h in s for j in holders.get(h, ()) if j != b.index)
        for j, n in sorted(shared.items()):
            t = sizes[j]
            if len(s) <= NEAR_COPY_SHORTER * t and n >= NEAR_COPY_COVERAGE * len(s) and n >= NEAR_COPY_SIZE * t:
                why = f"{n / len(s):.0%} of it stands in block {j}, a longer version"
                yield Signal(b.index, NEAR_COPY, "echo.near-copy", why)
                break


def _has_containing_twin(
    b: Block, norm: str, blocks: Sequence[Block], norms: Sequence[str], shingles: list[set[int]], s: set[int]
) -> bool:  # fmt: skip
    """Whether one single other text holds (nearly) all of ``s``: then ``b`` is a part of it, or a near
    copy, not a concatenation. An exact copy of ``b`` is no other text."""
    for other, t, n in zip(blocks, shingles, norms, strict=True):
        if other.index != b.index and n != norm and len(t) >= 0.9 * len(s) and len(s & t) >= 0.9 * len(s):
            return True
    return False
