"""Related-article teasers and "read more" boxes, also interleaved inside the article.

Data rules (``rules/teasers.toml``) catch box labels in ten languages and related-content
class names (weak: a class is not text). The structural checks here catch what has no
fixed words:

- the teaser shape: a short title-like line within two blocks of a date-only line
  ("20 December, 06:08 GMT", "2 hours ago") and/or a one-word kicker ("Analysis");
- a link item whose text ends in a date ("Market hall traders win reprieve 2 March");
- a line whose slug is the slug of a related URL the page declares (not its own URL);
- the link-dense items under a "Related"/"More from" label;
- a box of teaser cards whose excerpts stop mid-sentence on an ellipsis ("... um plano para …"), three
  or more of them in sibling cards.

A page's own header has the teaser shape too (kicker, headline, date), so blocks equal
to the page title and the few short blocks after it (until the body begins) are left alone.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar
from urllib.parse import urlsplit

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .base import RuleDetector
from .echo import word_key

_PARAMS: Mapping[str, Any] = load_table("teasers").get("params", {})
TITLE_MIN = int(_PARAMS.get("title_min_words", 3))
TITLE_MAX = int(_PARAMS.get("title_max_words", 16))
TITLE_MAX_CHARS = int(_PARAMS.get("title_max_chars", 160))
HEADER_SPAN = int(_PARAMS.get("header_span", 4))
SLUG_MIN_WORDS = int(_PARAMS.get("slug_min_words", 3))
LIST_MAX = int(_PARAMS.get("list_max_items", 12))
#: a block this long is body text: the page header is over
BODY_CHARS = 150
DATE_MAX_CHARS = 60
#: a teaser card's excerpt is this long and at most this many blocks after its title
EXCERPT_MIN_CHARS = 80
EXCERPT_SPAN = 4
#: declared page types whose teaser cards are the page: a listing's excerpts are its content (WCXB: a
#: declared listing's word F1 .86 -> .37 with them marked)
CARD_PAGE_TYPES = frozenset({"listing"})
KICKER_MAX_CHARS = 25
LABEL_RULES = frozenset({"teasers.label", "teasers.label-cjk", "teasers.label-word"})
#: what names a box of teasers: its label (LABEL_RULES; a class is weak: USERS.md item 1, leads in a "teaser"
#: wrapper), or the titles of news tickers and feeds ("Breaking news"): a box label only for cut_excerpts,
#: since on a news index such a heading is its own
BOX_LABELS = frozenset(str(w).casefold() for w in _PARAMS.get("box_labels", ()))
BOX_LABEL_MAX_CHARS = 40


def _alt(words: Iterable[str]) -> str:
    unique = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in unique)


_MONTH = _alt(_PARAMS.get("months", ()))
_WEEKDAY = _alt(_PARAMS.get("weekdays", ()))
_WORDS = _alt(_PARAMS.get("date_words", ()))
_UNITS = _alt(_PARAMS.get("relative_units", ()))
_NUMERIC = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}(?:t[\d:.+z-]*)?|\d{1,2}[:h]\d{2}(?::\d{2})?"
_TOKEN = (
    rf"(?:{_NUMERIC}|\d{{1,4}}(?:st|nd|rd|th|er|\.)?|(?:{_MONTH})\.?|(?:{_WEEKDAY})\.?|{_UNITS}|{_WORDS})"
    r"(?![\p{L}\p{N}])"
)
# (?<!\d)\d+: a count starts at the beginning of a run of digits, else a long run is rescanned (quadratic)
_CJK_DATE = r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|(?<!\d)\d+\s*(?:秒|分钟|分鐘|分|小时|小時|時間|天|日)前|[昨今]天|[昨今]日"
#: a line made only of date and time words, with at least one date anchor (checked apart)
DATE_LINE = regex.compile(
    rf"^\W*(?:{_TOKEN}|{_CJK_DATE})(?:[\s,.|·•/–—()-]+(?:{_TOKEN}|{_CJK_DATE}))*\W*$", regex.I | regex.V0
)
DATE_ANCHOR = regex.compile(
    rf"(?<![\p{{L}}])(?:{_MONTH})(?![\p{{L}}])|{_NUMERIC}|\d\s*(?:{_UNITS})(?![\p{{L}}])|{_CJK_DATE}"
    r"|yesterday|today|just\s+now|gestern|heute|hier|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag|вчера|сегодня",
    regex.I | regex.V0,
)
#: a date at the end of a link item: "<title> 4 March", "<title> Dec 20, 2023", "<title> 2 hours ago"
DATE_TAIL = regex.compile(
    rf"\s(?:\d{{1,2}}\.?\s+(?:{_MONTH})\.?(?:\s+\d{{4}})?|(?:{_MONTH})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    rf"|{_NUMERIC}|\d+\s+(?:{_UNITS})\s+ago)\s*$",
    regex.I | regex.V0,
)
DIGIT_OR_CJK = regex.compile(r"\d|[昨今]")
#: a line of a blog's archive widget: a month (and year) or a year with its count of posts, "► November
#: 2019 (113)", "Março (192)"; the widget lists the site's other posts, a run of such lines says it is one
ARCHIVE_LINE = regex.compile(
    rf"^\W{{0,3}}(?:(?:{_MONTH})\.?(?:\s+(?:de\s+)?\d{{4}})?|\d{{4}})\s*\(\d{{1,6}}\)\W{{0,2}}$", regex.I | regex.V0
)
ARCHIVE_MAX_CHARS = 40
#: a page shows this many archive lines or more before they count: one "May (3)" may be a story's own
ARCHIVE_MIN_LINES = 3
ARCHIVE_WEIGHT = -1.5
# Cheap first checks before the large date regexes: the first or last word of a date line.
_DATE_FIRST = frozenset(
    str(w).lower()
    for key in ("months", "weekdays", "date_words")
    for w in _PARAMS.get(key, ())
    if " " not in w
) | {"il", "just", "hace", "há"}
_DATE_LAST = frozenset(str(w).lower() for w in (*_PARAMS.get("months", ()), "ago"))
KICKERS = frozenset(str(k).casefold() for k in _PARAMS.get("kickers", ()))
BYLINE = regex.compile(rf"^(?:{_alt(_PARAMS.get('byline_starts', ()))})\s+\p{{Lu}}", regex.I | regex.V0)
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
#: "... the NATO flag. File photo": two sentences are a caption or prose, not a headline
SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?]\s+\p{Lu}")
TITLE_END = frozenset(".,;:…。，；：")
#: what may open a headline besides a capital or a digit
TITLE_OPENERS = "\"'“‘«„"
TITLE_ROLES = frozenset({"line", "paragraph", "heading", "item", "caption"})
SLUG_DROP = regex.compile(r"['’‘`]")
SLUG_SEP = regex.compile(r"[^a-z0-9\p{L}\p{N}]+")
URL_TAIL = regex.compile(
    r"(?:[-_](?:\d{4,}|[a-f0-9]{12,}|[a-z]?\d{5,}[a-z]?))*(?:\.(?:s?html?|php|aspx?|jsp|cms))?$"
)
MEDIA = regex.compile(r"\.(?:jpe?g|png|gif|webp|svg|avif|mp4|mp3|pdf)$", regex.I)
URL_HEAD = regex.compile(r"^\d{4,}[-_]")


def slugify(text: str) -> str:
    """Lower-case, accents and apostrophes dropped, other non-alphanumerics as "-"."""
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    return SLUG_SEP.sub("-", SLUG_DROP.sub("", folded)).strip("-")


def url_slug(url: str) -> str:
    """The slug of a URL's last meaningful path segment, ids and extensions removed."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return ""
    if MEDIA.search(path):
        return ""
    for segment in reversed([s for s in path.split("/") if s]):
        core = URL_HEAD.sub("", URL_TAIL.sub("", segment.lower()))
        if core and not core.isdigit():
            return slugify(core)
    return ""


def is_date_line(text: str) -> bool:
    """A line holding only a date or time: "20 December, 06:08 GMT", "2 hours ago", "Dec 20, 2023"."""
    if len(text) > DATE_MAX_CHARS or not text:
        return False
    first = text.split(None, 1)[0].strip("(),.:|").lower()
    if not (first[:1].isdigit() or first in _DATE_FIRST or CJK.search(first)):
        return False
    return (
        DIGIT_OR_CJK.search(text) is not None
        and DATE_LINE.match(text) is not None
        and DATE_ANCHOR.search(text) is not None
    )


#: a card's dateline: a date with the section or the author beside it, "12/19/2025 • World • Jane Roe",
#: "Dec 20, 2023 · 5 min read", "By Jane Roe | 2 hours ago"
DATELINE_SEPARATOR = regex.compile(r"\s[•·|–—-]\s")
DATELINE_MAX_CHARS = 100


def is_dateline(text: str) -> bool:
    """A date line, or a short line whose first or last separated part is one (a card's dateline)."""
    if is_date_line(text):
        return True
    if len(text) > DATELINE_MAX_CHARS:
        return False
    parts = DATELINE_SEPARATOR.split(text)
    return len(parts) > 1 and (is_date_line(parts[0].strip()) or is_date_line(parts[-1].strip()))


def headline_shaped(
    text: str, lo: int = TITLE_MIN, hi: int = TITLE_MAX, max_chars: int = TITLE_MAX_CHARS
) -> bool:
    """A headline's shape in a spaced script: ``lo``-``hi`` words, at most ``max_chars``, no sentence end,
    a capital, a digit or an opening quote first."""
    if len(text) > max_chars or text[-1] in TITLE_END or not lo <= text.count(" ") + 1 <= hi:
        return False
    first = text[0]
    return first.isupper() or first.isdigit() or first in TITLE_OPENERS


def is_title_like(b: Block) -> bool:
    """Short, headline-shaped: 3-16 words (or 6-40 CJK characters), no sentence end."""
    text = b.text
    if b.role not in TITLE_ROLES or len(text) > TITLE_MAX_CHARS or text[-1] in TITLE_END:
        return False
    if CJK.search(text):
        return 6 <= len(text) <= 40
    return headline_shaped(text) and BYLINE.match(text) is None and SENTENCE_BREAK.search(text) is None


class TeasersDetector(RuleDetector):
    """Flags related-article teasers, read-more boxes and related link lists."""

    name: ClassVar[str] = "teasers"

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        signals = list(self.rule_signals(blocks, page))
        yield from signals
        protected = _header_blocks(blocks, page)
        yield from self.structural(blocks, page, protected)
        if page.metadata.page_type in CUT_PAGE_TYPES:
            named = frozenset(s.block for s in signals if s.rule in LABEL_RULES) | _box_labels(blocks)
            yield from _cut_excerpts(blocks, protected, named)
        yield from _lists(blocks, sorted({s.block for s in signals if s.rule in LABEL_RULES}))

    def structural(
        self, blocks: Sequence[Block], page: PageInfo, protected: frozenset[int] | None = None
    ) -> Iterator[Signal]:
        protected = _header_blocks(blocks, page) if protected is None else protected
        yield from _shapes(blocks, protected, page.metadata.page_type)
        yield from _title_dates(blocks, protected)
        yield from _related_urls(blocks, page, protected)
        yield from _archive_lines(blocks)


def _archive_lines(blocks: Sequence[Block]) -> Iterator[Signal]:
    """The lines of a blog's archive widget (ARCHIVE_LINE), when the page holds ARCHIVE_MIN_LINES of them.

    Kept by their neighbours when the widget sits beside the story (a dump has no sidebar to drop):
    each line is a month's link and a count, text of no story.
    """
    found = [
        b.index for b in blocks
        if len(b.text) <= ARCHIVE_MAX_CHARS and b.text.endswith(")") and ARCHIVE_LINE.match(b.text)
    ]  # fmt: skip
    if len(found) >= ARCHIVE_MIN_LINES:
        for i in found:
            yield Signal(i, ARCHIVE_WEIGHT, "teasers.archive-line", "a month's count of posts in an archive widget")


def _lists(blocks: Sequence[Block], labels: Sequence[int]) -> Iterator[Signal]:
    """Link-dense items (or, in dumps, title-shaped lines) right after a box label."""
    n = len(blocks)
    end = 0
    is_label = frozenset(labels)  # membership per item: a list would make long pages quadratic
    for start in labels:
        if start < end:
            continue
        b = blocks[start]
        label = b.text.removesuffix("...").removesuffix("…")  # "You may also like...": an ellipsis leads on
        if len(b.text) > 40 or not label or label[-1] in TITLE_END:
            continue
        i = start + 1
        parent = b.containers[:-1]
        dump = b.line >= 0
        titles = 0
        after_title = False
        while i < n and titles <= LIST_MAX and i not in is_label:
            item = blocks[i]
            short = len(item.text) <= 200
            title = short and (item.link_density >= 0.5 or (dump and is_title_like(item)))
            # A teaser card's blurb follows its linked title: one short unlinked item after a title
            # belongs to the list; two in a row are the page again.
            if item.containers[: len(parent)] != parent or not (title or (after_title and short and not dump)):
                break
            yield Signal(item.index, -1.0, "teasers.list", f"item {i - start} under label {b.text!r}")
            titles += title
            after_title = title
            i += 1
        end = i


def _header_blocks(blocks: Sequence[Block], page: PageInfo) -> frozenset[int]:
    """The page title's blocks and the few after them (headline, byline, date are no teaser)."""
    title = word_key(page.metadata.title or "")
    out: set[int] = set()
    size = len(page.metadata.title or "")
    for b in blocks:
        if title:  # lengths first: normalising every block would cost more than the rest
            own = size // 2 <= len(b.text) <= size * 2 + 10 and word_key(b.text) == title
        else:
            own = b.role == "heading" and b.level == 1
        if own and len(b.text) <= 300:
            for i in range(b.index, min(b.index + HEADER_SPAN + 1, len(blocks))):
                if len(blocks[i].text) >= BODY_CHARS:  # the body has begun
                    break
                out.add(i)
    return frozenset(out)


def _shapes(blocks: Sequence[Block], protected: frozenset[int], page_type: str | None = None) -> Iterator[Signal]:
    n = len(blocks)
    dates = {b.index for b in blocks if len(b.text) <= DATE_MAX_CHARS and is_date_line(b.text)}
    kickers = {
        b.index
        for b in blocks
        if len(b.text) <= KICKER_MAX_CHARS and b.text.strip(" :|").casefold() in KICKERS
    }
    if not dates and not kickers:
        return
    candidates = sorted({j for i in dates | kickers for j in range(max(i - 2, 0), min(i + 3, n))})
    flagged_date: set[int] = set()
    flagged_kicker: set[int] = set()
    titles: set[int] = set()
    for j in candidates:
        b = blocks[j]
        if j in protected or j in dates or j in kickers or not is_title_like(b):
            continue
        near = range(max(j - 2, 0), min(j + 3, n))
        d = [k for k in near if k in dates and k not in protected]
        k_ = [k for k in near if k in kickers and k not in protected]
        if not d and not k_:
            continue
        if d:
            weight, what = (-1.2, "kicker and date") if k_ else (-1.0, "date")
        else:
            weight, what = -0.5, "kicker"
        yield Signal(j, weight, "teasers.shape", f"title-like line beside a {what} line")
        if d:
            titles.add(j)
        flagged_date.update(d)
        flagged_kicker.update(k_)
    for k in sorted(flagged_date):
        yield Signal(k, -0.6, "teasers.shape-date", f"date line {blocks[k].text!r} beside a teaser title")
    if page_type not in CARD_PAGE_TYPES:
        yield from _excerpts(blocks, sorted(titles), flagged_date | flagged_kicker | titles)
    for k in sorted(flagged_kicker):
        yield Signal(k, -0.8, "teasers.shape-kicker", f"kicker {blocks[k].text!r} above a teaser title")


def _excerpts(blocks: Sequence[Block], titles: Sequence[int], marked: set[int]) -> Iterator[Signal]:
    """The excerpt of a teaser card: the first longer block after a dated teaser title, in the title's card.

    A card is its linked title, a byline or a date, and two lines of the story; the lines are prose,
    and outside the article they were kept on their shape alone. Only blocks between the title and
    the excerpt that are short (a byline, a date) are stepped over, and the excerpt must share the
    title's card: the element two levels above the title.
    """
    for j in titles:
        title = blocks[j]
        if title.link_density < 0.5 or len(title.containers) < 3:
            continue
        card = title.containers[-3]
        for k in range(j + 1, min(j + 1 + EXCERPT_SPAN, len(blocks))):
            b = blocks[k]
            if card not in b.containers or (k in marked and len(b.text) >= EXCERPT_MIN_CHARS):
                break
            if len(b.text) >= EXCERPT_MIN_CHARS:
                if b.links == 0:
                    yield Signal(k, -0.5, "teasers.shape-excerpt", f"excerpt under the teaser title {title.text!r}")
                break


#: a cut-off excerpt: prose that stops on an ellipsis right after a word or a comma, not after a sentence
CUT_END = regex.compile(r"[\p{L}\p{N},;:]\s?(?:\.{3}|…)\s*[\])]?$")
CUT_MIN_CHARS = 80
#: declared articles only: an undeclared page of a story and a box of excerpts may be an index of posts
#: with an introduction, whose excerpts are its text
CUT_PAGE_TYPES = frozenset({"article"})
CUT_MIN_RUN = 3
#: cards of one box: their excerpts share every container but the last few (excerpt, card body, card)
CUT_CARD_DEPTH = 4
#: a block this long is prose: the page's own prose beside the boxes must be CUT_MIN_PROSE characters
#: at least (a page of excerpts and no story is an index of posts)
CUT_PROSE_CHARS = 150
CUT_MIN_PROSE = 400
#: a box that outweighs the page's own prose must be named a box of teasers by a label within this many
#: blocks before it or inside it: a page of excerpts under an introduction is an index of posts
CUT_LABEL_SPAN = 3
#: as decide.RELATED_CARD: a long excerpt carries the evidence of prose, which it is
CUT_WEIGHT = -2.5


def _box_labels(blocks: Sequence[Block]) -> frozenset[int]:
    return frozenset(
        b.index for b in blocks if len(b.text) <= BOX_LABEL_MAX_CHARS and b.text.strip(" :.…").casefold() in BOX_LABELS
    )


def _cut_excerpts(
    blocks: Sequence[Block], protected: frozenset[int], labelled: frozenset[int] = frozenset()
) -> Iterator[Signal]:
    """The excerpts of a box of teaser cards, known by those of them cut off on an ellipsis.

    A story's own paragraph may end on an ellipsis now and then; a teaser box prints the first lines of
    each story, card after card, most of them cut mid-sentence. Three or more cut blocks of one tag path
    whose containers differ only in their last CUT_CARD_DEPTH levels are cards of one box; the box is
    every block of that path under the cards' common containers, and half of them must be cut. A box
    larger than the page's own prose must be named a box by a label (``labelled``).
    """
    cut = [b for b in blocks if len(b.text) >= CUT_MIN_CHARS and b.index not in protected and _cut_off(b)]
    if len(cut) < CUT_MIN_RUN:
        return
    by_path: dict[tuple[str, int], list[Block]] = {}
    for b in cut:
        by_path.setdefault((b.path, len(b.containers)), []).append(b)
    boxes: list[tuple[list[Block], int]] = []
    for (path, depth), group in by_path.items():
        if len(group) < CUT_MIN_RUN:
            continue
        prefix = _common_prefix([b.containers for b in group])
        if len(prefix) < depth - CUT_CARD_DEPTH or not prefix:
            continue
        box = [
            b
            for b in blocks[group[0].index : group[-1].index + 1]
            if b.path == path and len(b.containers) == depth and b.containers[: len(prefix)] == prefix
        ]
        if 2 * len(group) >= len(box):
            boxes.append((box, len(group)))
    if not boxes:
        return
    in_boxes = {b.index for box, _ in boxes for b in box}
    box_chars = sum(len(blocks[i].text) for i in in_boxes)
    prose = sum(len(b.text) for b in blocks if len(b.text) >= CUT_PROSE_CHARS and b.index not in in_boxes)
    if prose < CUT_MIN_PROSE:
        return
    for box, n in boxes:
        named = any(i in labelled for i in range(box[0].index - CUT_LABEL_SPAN, box[-1].index + 1))
        if prose < box_chars and not named:
            continue
        for b in box:
            yield Signal(b.index, CUT_WEIGHT, "teasers.cut-excerpt", f"excerpt in a box of {len(box)} cards, {n} cut off")


def _cut_off(b: Block) -> bool:
    """Prose that stops on an ellipsis, not a link that does ("... impressive. Full review…" is whole)."""
    # a table row's "business, design, technology…" is an etc., not a cut
    if b.cells or b.text[-1] not in ".…)]" or CUT_END.search(b.text[-8:]) is None:
        return False
    end = len(b.text.rstrip())
    return not any(s[2] == "link" and s[1] >= end - 1 for s in b.spans)


def _common_prefix(paths: Sequence[tuple[int, ...]]) -> tuple[int, ...]:
    first = paths[0]
    n = min(len(p) for p in paths)
    for k in range(n):
        if any(p[k] != first[k] for p in paths):
            return first[:k]
    return first[:n]


def _title_dates(blocks: Sequence[Block], protected: frozenset[int]) -> Iterator[Signal]:
    """A linked item "<title> <date>": the shape of a related-stories list entry."""
    for b in blocks:
        if b.links == 0 or b.index in protected or len(b.text) > TITLE_MAX_CHARS + 30:
            continue
        last = b.text.rsplit(None, 1)[-1].strip(".,)").lower()
        if not (last[-1:].isdigit() or last in _DATE_LAST):
            continue
        m = DATE_TAIL.search(b.text)
        if m is None or m.start() == 0:
            continue
        head = b.text[: m.start()].rstrip(" ,|·-–—")
        words = head.count(" ") + 1
        if TITLE_MIN <= words <= TITLE_MAX and head[-1:] not in TITLE_END:
            yield Signal(
                b.index, -0.8, "teasers.title-date", f"linked title ending in a date {m.group(0).strip()!r}"
            )


def _related_urls(blocks: Sequence[Block], page: PageInfo, protected: frozenset[int]) -> Iterator[Signal]:
    """A line whose slug is the slug of a declared related URL (not the page's own)."""
    meta = page.metadata
    own = url_slug(meta.url) if meta.url else ""
    slugs: dict[str, str] = {}
    for v in meta.values:
        if not v.startswith(("http://", "https://", "/")) or " " in v or v == meta.url:
            continue
        s = url_slug(v)
        if s and s != own and s.count("-") + 1 >= SLUG_MIN_WORDS:
            slugs[s] = v
    if not slugs:
        return
    by_prefix = {"-".join(s.split("-")[:SLUG_MIN_WORDS]): s for s in slugs}
    for b in blocks:
        if b.index in protected or len(b.text) > 300 or b.text.count(" ") + 1 < SLUG_MIN_WORDS:
            continue
        s = slugify(b.text)
        hit = s if s in slugs else None
        if hit is None:
            prefix = by_prefix.get("-".join(s.split("-")[:SLUG_MIN_WORDS]))
            # URL slugs are often truncated: the line may run on past them
            if prefix and prefix.count("-") >= 3 and s.startswith(prefix + "-"):
                hit = prefix
        if hit is not None:
            yield Signal(b.index, -1.5, "teasers.related-url", f"slug of related URL {slugs[hit]!r}")
