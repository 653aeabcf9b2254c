"""HTML tree -> blocks, in one traversal.

Each block-level element's own text (inline descendants included) becomes one
block; table rows of data tables become one block each. DOM facts detectors
need (class/id of the ancestors, landmarks, link text, containers, tag path) are
computed here once, so no detector ever walks the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import regex
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model import Block, Span
from ..source import clean_block_text, clean_pieces

SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "head", "title", "meta", "link", "select", "option", "textarea", "input", "button", "audio",
        "video", "source", "track", "map", "area", "dialog", "frameset", "frame", "base",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOCKS = frozenset(
    {
        "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "figure", "figcaption", "form",
        "fieldset", "legend", "address", "details", "summary", "hr", "br", "center", "menu", "hgroup",
        "picture", "img", "label",
    }
)  # fmt: skip
ROLE_OF_TAG = {
    "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "item", "dt": "item", "dd": "item", "pre": "code", "blockquote": "quote",
    "figcaption": "caption", "caption": "caption", "td": "cell", "th": "cell", "summary": "heading",
    "legend": "heading",
}  # fmt: skip
LANDMARK_OF_TAG = {
    "nav": "nav", "header": "header", "footer": "footer", "aside": "aside", "main": "main",
    "article": "article", "form": "form", "menu": "menu", "figure": "figure",
}  # fmt: skip
#: the id, and the class words, that name an element the page's sidebar, as role="complementary" would:
#: WordPress themes print <div id="sidebar"> or <div class="widget-area"> around their widget column, often
#: more than MAX_LEVELS classed elements above a widget's text, where the class rules
#: (navigation.sidebar-class) no longer see it. Only the whole id or class word: "sidebar-toggle",
#: "has-sidebar" and "content-sidebar" name other things.
SIDEBAR_IDS = frozenset({"sidebar"})
SIDEBAR_CLASSES = frozenset({"sidebar", "widget-area"})
LANDMARK_OF_ROLE = {
    "navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside",
    "main": "main", "article": "article", "dialog": "dialog", "alertdialog": "dialog", "search": "form",
    "menu": "menu", "menubar": "menu", "form": "form",
}  # fmt: skip
# Cells that hold these are layout, not data: their blocks are segmented one by one.
LAYOUT_CELL_CONTENT = "table, div, p, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre"
CELL_BLOCKS_BUT_P = ", ".join(t for t in LAYOUT_CELL_CONTENT.split(", ") if t != "p")
#: ...unless the table has this many rows and at most one in LAYOUT_ROW_SHARE holds such a block: an
#: infobox or a spec sheet whose image cell wraps its caption in a <div> is still rows of label | value.
#: A nested table always makes it layout.
DATA_MIN_ROWS = 4
LAYOUT_ROW_SHARE = 4
#: what _table_kind makes of a table: its cells' blocks segmented one by one, rows of cells, or rows of cells
#: whose <p> is read as the cell's inline text
LAYOUT, DATA, PARAGRAPH_CELLS = 0, 1, 2
#: inline chrome that wiki and docs software prints inside the text it belongs beside: a heading's
#: "[edit | edit source]" links and a sentence's "[1]" citation markers (MediaWiki), a heading's "¶" or
#: "#" permalink (Sphinx and Python-Markdown "headerlink", VuePress "header-anchor", Docusaurus
#: "hash-link", AnchorJS): the class names of the software, on every site that runs it, in any language
INLINE_CHROME = {
    "span": frozenset({"mw-editsection"}),
    "sup": frozenset({"reference", "mw-editsection"}),
    "a": frozenset({"headerlink", "header-anchor", "hash-link", "anchorjs-link"}),
}
#: inline elements recorded as spans of their block's text
INLINE_KIND = {
    "strong": "strong", "b": "strong", "em": "em", "i": "em", "code": "code", "kbd": "code", "samp": "code",
    "a": "link",
}  # fmt: skip
#: open elements deeper than this build their attrs, containers and path only when they make a block
EAGER_DEPTH = 100
#: spans kept per block: a paragraph of more links or emphases than this is no prose, and
#: measuring each of 100,000 would cost more than the rest of the page
MAX_SPANS = 1000
#: above this many spans in one block, their offsets come from one pass over its pieces
PREFIX_SPANS = 8
MAX_LEVELS = 10
HIDDEN_STYLE = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.IGNORECASE)
CODE_LANG = regex.compile(r"(?:^|\s)(?:language|lang|highlight-source)-([\w+#-]+)")
#: terminal output converted to HTML (aha, ansi2html, Rich's export) and printed escaped in a <pre>, for
#: a docs site's animated-terminal script to render: a reader sees the colours, not the tags. Known by its
#: obsolete <font color="#rrggbb"> tags, at least CONSOLE_MIN_FONTS of them (an HTML lesson on <font>
#: shows one); then the inline tags such converters print are no text. WCXB: a docs tutorial's console
#: sessions (word F1 .80 -> .99).
CONSOLE_FONT = regex.compile(r'<font color="?#[0-9a-fA-F]{3,8}"?>')
CONSOLE_TAG = regex.compile(r"</?(?:font|span|b|u|i)(?:\s[^<>\n]*)?>")
CONSOLE_MIN_FONTS = 2
#: React's streamed server rendering (React 18+ renderToPipeableStream, the Next.js app router) prints a
#: part of the page that was not ready later, in a hidden <div id="S:n"> near the end of the body, and a
#: one-line script moves its children in place of a placeholder: $RC("B:m","S:n") replaces the
#: <template id="B:m"> of a suspense boundary and its fallback ("Loading...") up to the boundary's closing
#: <!--/$--> comment; $RS("S:n","P:m") replaces a <template id="P:m">. A browser shows the text there, in
#: its place in the story; left hidden, an article loses the paragraphs after its first screen.
#: WCXB: 33 pages carry such chunks (articles, docs, products, collections).
STREAM_SLOT = regex.compile(r"[BP]:[0-9a-z]+")
#: ...read in place only inside the page's main or article landmark: the story streamed in parts
STORY_LANDMARKS = frozenset({"main", "article"})
STREAM_CALL = regex.compile(r'\$R([CS])\("([BPS]:[0-9a-z]+)","([BPS]:[0-9a-z]+)"\)')


@dataclass(slots=True)
class _Open:
    """An open block-level element during the walk."""

    tag: str
    attrs: str  # own class/id, then the ancestors', nearest first
    levels: tuple[str, ...]  # the same, one string per classed element
    landmarks: frozenset[str]
    containers: tuple[int, ...]
    path: str
    level: int  # heading level or list depth
    list_depth: int
    in_pre: bool
    in_quote: bool
    row: list[int] | None = None  # where each cell of a data-table row starts in the pending text
    lang: str = ""
    # Below EAGER_DEPTH open elements, attrs, containers and path are left empty ("lazy") and built
    # only for an element that makes a block, from the chain of parents: copying them into every
    # level of a deep chain made the walk quadratic in nesting depth.
    depth: int = 0
    lazy: bool = False
    parent: _Open | None = None
    own: str = ""  # own class/id when counted in attrs
    container: int = 0  # own container id

    def materialize(self) -> None:
        """Build attrs, containers and path from the parents up to the nearest one that has them."""
        chain: list[_Open] = []
        node: _Open = self
        while node.lazy and node.parent is not None:
            chain.append(node)
            node = node.parent
        chain.reverse()  # outermost first
        tags = ">".join(c.tag for c in chain)
        self.path = f"{node.path}>{tags}" if node.path else tags
        self.containers = node.containers + tuple(c.container for c in chain)
        owns = [c.own for c in reversed(chain) if c.own]
        self.attrs = " ".join([*owns, node.attrs] if node.attrs else owns)
        self.lazy = False


@dataclass(slots=True)
class _Walk:
    """Mutable state of one traversal; private to one call of segment_html."""

    blocks: list[Block] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    #: text of links, one list of text nodes per run of them (so spaces between them count); lists,
    #: not strings grown by +=, which made a paragraph of 100,000 adjacent links quadratic
    link_text: list[list[str]] = field(default_factory=list)
    link_open: bool = False
    links: int = 0
    in_link: int = 0
    next_container: int = 0
    #: inline spans of the pending text, by piece index into ``pending``: (start, end, kind, target, alt)
    spans: list[tuple[int, int, str, str, str]] = field(default_factory=list)
    #: inline elements still open: [kind, start piece, target]; a flush cuts them and they go on
    #: from the start of the next pending text
    open_spans: list[list[Any]] = field(default_factory=list)

    def add_text(self, text: str) -> None:
        self.pending.append(text)
        if not self.in_link:
            self.link_open = False
        elif self.link_open:
            self.link_text[-1].append(text)
        else:
            self.link_text.append([text])
            self.link_open = True

    def image(self, attributes: dict[str, str | None]) -> None:
        src = attributes.get("src") or attributes.get("data-src") or ""
        if src and len(self.spans) < MAX_SPANS:
            n = len(self.pending)
            self.spans.append((n, n, "image", src, " ".join((attributes.get("alt") or "").split())))

    def flush(self, ctx: _Open, role_override: str = "") -> None:
        if not self.pending:
            return
        if not self.spans and not self.open_spans and "".join(self.pending).isspace():
            # the white space between block elements, three flushes in four: no block, nothing to carry
            # (controls that clean_pieces would change are white space or dropped, never text)
            self.pending = []
            self.link_text = []
            self.link_open = False
            self.links = 0
            return
        self.pending, raw = clean_pieces(self.pending)  # controls that character references decode to
        text = raw.strip("\n") if ctx.in_pre else " ".join(raw.split())
        if ctx.in_pre and "<font" in text:
            text = _console_text(text)
        has_text = bool(text.strip())
        spans: tuple[Span, ...] = ()
        if self.spans or self.open_spans:
            spans = self._take_spans((-1 if ctx.in_pre else len(text)) if has_text else 0)
        self.pending = []
        if has_text:
            if ctx.lazy:
                ctx.materialize()
            role = role_override or _role(ctx)
            link_chars = sum(len(" ".join("".join(run).split())) for run in self.link_text)
            self.blocks.append(
                Block(
                    index=len(self.blocks), text=text, role=role, tag=ctx.tag,
                    level=ctx.level if role in ("heading", "item") else 0,
                    link_chars=min(link_chars, len(text)), links=self.links, attrs=ctx.attrs, attr_levels=ctx.levels,
                    landmarks=ctx.landmarks, containers=ctx.containers, path=ctx.path, lang=ctx.lang, spans=spans,
                )
            )  # fmt: skip
        self.link_text = []
        self.link_open = False
        self.links = 0

    def _take_spans(self, size: int) -> tuple[Span, ...]:
        """The pending text's spans as offsets into its normalised text of length ``size`` (0: it makes
        no block; -1: a code block, which has no spans). Elements still open are cut here and go on
        from the start of the next pending text."""
        pieces = self.pending
        n = len(pieces)
        raw, self.spans = self.spans, []
        for entry in self.open_spans:
            if size > 0 and entry[1] != n and (entry[2] or entry[0] != "link"):
                raw.append((entry[1], n, entry[0], entry[2], ""))
            entry[1] = 0
        if size <= 0:
            if not size:
                # An image before text that makes no block (a figure's white space) goes with the next one.
                self.spans = [(0, 0, *sp[2:]) for sp in raw if sp[2] == "image"]
            return ()
        if len(raw) > PREFIX_SPANS:
            return _pass_offsets(pieces, raw)
        # Most blocks have a span or two (a menu item's link): the normalised length of the text on
        # either side of an edge is exact, and computed in C.
        out: list[Span] = []
        for s, e, kind, target, alt in raw:
            start = size - len(" ".join("".join(pieces[s:]).split())) if s else 0
            if kind == "image":
                out.append((start, start, kind, target, alt))
            else:
                end = len(" ".join("".join(pieces[:e]).split())) if e != n else size
                if end > start:
                    out.append((start, end, kind, target, ""))
        if len(out) > 1:
            out.sort(key=_span_order)
        return tuple(out)


def _console_text(text: str) -> str:
    """A code block's text without the escaped markup of terminal output converted to HTML (CONSOLE_FONT)."""
    if len(CONSOLE_FONT.findall(text)) < CONSOLE_MIN_FONTS:
        return text
    return CONSOLE_TAG.sub("", text)


def _span_order(span: Span) -> tuple[int, int]:
    return span[0], -span[1]


def _pass_offsets(pieces: list[str], raw: list[tuple[int, int, str, str, str]]) -> tuple[Span, ...]:
    """Spans over piece indices -> spans over ``" ".join("".join(pieces).split())``, in one pass over the
    pieces: for blocks with many spans, where measuring both sides of each edge would be quadratic."""
    start_at, end_at = _boundaries(pieces, max(sp[1] for sp in raw))
    out: list[Span] = []
    for s, e, kind, target, alt in raw:
        if kind == "image":
            out.append((start_at[s], start_at[s], kind, target, alt))
        elif end_at[e] > start_at[s]:
            out.append((start_at[s], end_at[e], kind, target, ""))
    out.sort(key=_span_order)
    return tuple(out)


def _boundaries(pieces: list[str], limit: int) -> tuple[list[int], list[int]]:
    """For every piece index up to ``limit``: where the next word lands in the normalised text, and the
    text's length before it; one pass, for blocks with many inline elements (where the prefix lengths
    would be quadratic). It stops at the first word after ``limit``: nothing later is asked for."""
    n = len(pieces)
    end_at = [0] * (n + 1)
    start_at = [0] * (n + 1)
    pos, started, space = 0, False, False
    waiting: list[int] = []
    for i, piece in enumerate(pieces):
        end_at[i] = pos
        waiting.append(i)
        words = piece.split()
        if not words:
            space = space or bool(piece)
            continue
        if started and (space or piece[0].isspace()):
            pos += 1
        for w in waiting:
            start_at[w] = pos
        waiting.clear()
        if i > limit:
            return start_at, end_at
        pos += sum(map(len, words)) + len(words) - 1
        started, space = True, piece[-1].isspace()
    end_at[n] = pos
    for w in (*waiting, n):
        start_at[w] = pos
    return start_at, end_at


def _role(ctx: _Open) -> str:
    if ctx.in_pre:
        return "code"
    role = ROLE_OF_TAG.get(ctx.tag, "paragraph")
    if role == "paragraph" and ctx.in_quote:
        return "quote"
    if role == "paragraph" and ctx.list_depth:
        return "item"
    return role


def _own_attrs(attributes: dict[str, str | None]) -> str:
    cls = attributes.get("class") or ""
    ident = attributes.get("id") or ""
    return f"{ident} {cls}".strip().lower() if (cls or ident) else ""


def _is_hidden(attributes: dict[str, str | None], tag: str) -> bool:
    # A <section> without a role is a region by its tag (HTML-AAM: a section with an accessible name).
    role = attributes.get("role") or ("region" if tag == "section" else None)
    if role == "tabpanel" or (role == "region" and "aria-labelledby" in attributes):
        # An inactive tab (the same example in another language, the specs beside the description)
        # or a closed accordion panel (a region labelled by its header: FAQ answers, the steps of
        # a guide, a feature list's details) is hidden until clicked: part of the page, one click away.
        return False
    hidden = attributes.get("hidden", False)
    style = attributes.get("style")
    if (hidden is not False and hidden != "until-found") or (
        attributes.get("aria-hidden") == "true" and not _duplicate_link(attributes) and not _slide(attributes)
    ):
        # hidden="until-found" is collapsed content the browser's find-in-page opens: the page's text.
        return not _tab_pane(attributes)
    return (bool(style and HIDDEN_STYLE.search(style)) or _hidden_class(attributes)) and not _tab_pane(attributes)


#: class tokens a CSS framework hides an element by (Bootstrap's display utility .d-none), and the shape of
#: the tokens that show it again from some width up (.d-md-block, Tailwind's md:block): with one of those the
#: element is on screen on a desktop, as the truths read it. WCXB: closed search modals, survey popups and
#: filter messages ("Filters Applied!") left out, collection .7329 -> .7354 (+.0005/.0000/+.0061 per third),
#: one held-out forum page -.14 and a product page -.05. Not "hide" nor "hidden", which scripts take off to
#: open a panel: tried alone, "hide" cost WCXB service -.0020 and product -.0022, "hidden" collection -.0039
#: on held-out third 1.
HIDDEN_CLASSES = frozenset({"d-none"})
SHOWN_AT_WIDTH = regex.compile(r"^d-\w+-(?!none)|:")


def _hidden_class(attributes: dict[str, str | None]) -> bool:
    """Whether a framework's utility class hides the element at every width (see HIDDEN_CLASSES)."""
    classes = attributes.get("class")
    # asked of every element: a substring test first, the split only where a hiding name may be (a loop,
    # not any() over a generator, which cost this hot test three times as much)
    if not classes:
        return False
    for name in HIDDEN_CLASSES:
        if name in classes:
            break
    else:
        return False
    tokens = classes.split()
    return not HIDDEN_CLASSES.isdisjoint(tokens) and not any(SHOWN_AT_WIDTH.search(t) for t in tokens)


def _answer(node: LexborNode) -> bool:
    """Whether a hidden element is a closed answer: its previous element sibling is a question.

    An FAQ accordion hides each answer under its question until the question is clicked, by a
    style or an attribute its script toggles, without the ARIA roles _is_hidden reads (a styled
    div, a jQuery slide). The answer is one click away, as an inactive tab is.
    """
    prev = node.prev
    while prev is not None and prev.tag in ("-text", "-comment"):
        prev = prev.prev
    if prev is None:
        return False
    text = prev.text(deep=True, strip=True)
    return 0 < len(text) <= QUESTION_MAX_CHARS and text[-1] in QUESTION_MARKS


def _accordion_panels(root: LexborNode) -> frozenset[str]:
    """The ids of the panels that an accordion's headers open: what a button in a heading controls, or a
    closed disclosure button (aria-expanded="false") outside the page's menu frames.

    The WAI-ARIA accordion puts each section's title in a heading, as a button whose aria-controls names
    the panel it opens; a closed panel is hidden (aria-hidden, hidden) until the title is clicked: a
    shop category's buying guide, its FAQ's answers. One click away, as a closed answer is (_answer).
    The disclosure pattern is the same button without the heading: a service page's "Read more" details.
    A menu's toggle sits in the site's nav, header or footer (DISCLOSURE_FRAMES): its panel stays closed.
    WCXB, with an FAQ's Question no thread (metadata.html._FAQ_PAGE): collection .7402 -> .7493 with the
    headings' buttons; alone, five collection pages typed as threads lost their grid (-.0037). The
    disclosure buttons too: service .8427 -> .8444 (one page +.28, a product page -.03).
    """
    ids: set[str] = set()
    for button in root.css(ACCORDION_HEADERS):
        ids.update((button.attributes.get("aria-controls") or "").split())
    for button in root.css(DISCLOSURE_BUTTONS):
        if not _in_frame(button, DISCLOSURE_FRAMES):
            ids.update((button.attributes.get("aria-controls") or "").split())
    return frozenset(ids)


def _in_frame(node: LexborNode, frames: frozenset[str]) -> bool:
    up = node.parent
    while up is not None:
        if up.tag in frames:
            return True
        up = up.parent
    return False


#: an accordion's header: a button in a heading (WAI-ARIA Authoring Practices, accordion pattern)
ACCORDION_HEADERS = ", ".join(f"h{level} button[aria-controls]" for level in range(1, 7))
#: a closed disclosure button (WAI-ARIA disclosure pattern), and the frames where such a button opens a menu
DISCLOSURE_BUTTONS = 'button[aria-controls][aria-expanded="false"]'
DISCLOSURE_FRAMES = frozenset({"nav", "header", "footer", "menu"})


#: a question over its hidden answer is at most this long, and ends with one of these marks (Latin and
#: CJK full-width, Arabic). WCXB: service .8370 -> .8392 (thirds .8346/.8155/.8607 -> .8389/.8193/.8595),
#: listing .7410 -> .7452, product .6919 -> .6949 (FAQ answers the truths keep); ScrapingHub unchanged.
#: Not on declared articles (pipeline): there the FAQ after the story is no part of it in the truths
#: (three articles -.05 to -.17, three up +.02 to +.05)
QUESTION_MAX_CHARS = 200
QUESTION_MARKS = frozenset("?？؟")


#: class tokens of a tab panel in the CSS frameworks that mark one by class alone (Bootstrap's .tab-pane,
#: Foundation's .tabs-panel), without role="tabpanel": an inactive one is hidden until its tab is clicked,
#: and is one click away as a tabpanel is. Asked of hidden elements only. WCXB: two product pages' spec
#: tabs (word F1 .79 -> .95, .60 -> .78), no other page of the 59 with such classes changes; ScrapingHub unchanged
TAB_PANE_CLASSES = frozenset({"tab-pane", "tabs-panel"})


#: class tokens of a carousel's slide (Slick, Splide, Swiper, Glide, Owl), and of the copies its script adds
#: at each end so the carousel loops. The script marks every slide but the one on screen aria-hidden: the
#: others are one swipe away, as an inactive tab is (a service page's customer quotes, a product's photo
#: captions); a loop's copy repeats a slide and stays hidden.
SLIDE_CLASSES = frozenset({"slick-slide", "splide__slide", "swiper-slide", "glide__slide", "owl-item"})
SLIDE_COPY = regex.compile(r"clone|duplicate")


def _slide(attributes: dict[str, str | None]) -> bool:
    """Whether an element is a carousel's slide that is not a loop's copy (see SLIDE_CLASSES)."""
    cls = attributes.get("class")
    return cls is not None and not SLIDE_CLASSES.isdisjoint(cls.split()) and not SLIDE_COPY.search(cls)


def _duplicate_link(attributes: dict[str, str | None]) -> bool:
    """Whether an element is a link that its page keeps out of the tab order and from screen readers:
    a card's second link to its item (around the image, around the excerpt), on screen all the same."""
    return attributes.get("tabindex") == "-1" and "href" in attributes


def _tab_pane(attributes: dict[str, str | None]) -> bool:
    return _has_class(attributes, TAB_PANE_CLASSES)


def _has_class(attributes: dict[str, str | None], names: frozenset[str]) -> bool:
    """Whether one of the element's class tokens is one of ``names``."""
    cls = attributes.get("class")
    return cls is not None and not names.isdisjoint(cls.split())


def _table_kind(node: LexborNode) -> int:
    """LAYOUT, DATA, or PARAGRAPH_CELLS: a data table whose cells each wrap their text in one <p>."""
    cells = node.css_first(f"td :is({LAYOUT_CELL_CONTENT}), th :is({LAYOUT_CELL_CONTENT})")
    if cells is None:
        return DATA
    if node.css_first("td table, th table") is not None:
        return LAYOUT
    if _paragraph_cells(node):
        return PARAGRAPH_CELLS
    rows = node.css("tr")
    if len(rows) < DATA_MIN_ROWS:
        return LAYOUT
    blocky = sum(r.css_first(f":is(td, th) :is({LAYOUT_CELL_CONTENT})") is not None for r in rows)
    return DATA if blocky * LAYOUT_ROW_SHARE <= len(rows) else LAYOUT


def _paragraph_cells(node: LexborNode) -> bool:
    """Whether every cell's only block is one <p>: docs generators (Sphinx, docutils) wrap each cell's
    text so, and the table is rows of data all the same. Two selector probes, not a walk of every cell:
    a layout table wrapping a whole page has thousands of elements under its cells."""
    return node.css_first(f"td :is({CELL_BLOCKS_BUT_P}), th :is({CELL_BLOCKS_BUT_P})") is None and (
        node.css_first("td p ~ p, th p ~ p") is None
    )


def _is_sidebar(attributes: dict[str, str | None]) -> bool:
    """Whether the element's id or one of its class words names it the page's sidebar (SIDEBAR_IDS)."""
    if (attributes.get("id") or "").lower() in SIDEBAR_IDS:
        return True
    lowered = (attributes.get("class") or "").lower()
    # the substring test first: nearly no class attribute holds either word, and splitting each costs more
    for word in SIDEBAR_CLASSES:
        if word in lowered:
            return not SIDEBAR_CLASSES.isdisjoint(lowered.split())
    return False


def _open(node: LexborNode, tag: str, attributes: dict[str, str | None], parent: _Open, walk: _Walk) -> _Open:
    own = _own_attrs(attributes)
    counted = own and tag not in ("html", "body")
    depth = parent.depth + 1
    lazy = depth > EAGER_DEPTH
    attrs = "" if lazy else f"{own} {parent.attrs}".strip() if counted else parent.attrs
    levels = (own, *parent.levels[: MAX_LEVELS - 1]) if counted else parent.levels
    landmark = (
        LANDMARK_OF_TAG.get(tag) or LANDMARK_OF_ROLE.get((attributes.get("role") or "").lower())
        or ("aside" if _is_sidebar(attributes) else None)
    )  # fmt: skip
    landmarks = parent.landmarks | {landmark} if landmark else parent.landmarks
    walk.next_container += 1
    list_depth = parent.list_depth + (tag in ("ul", "ol", "dl", "menu"))
    level = int(tag[1]) if tag in HEADINGS else list_depth
    lang = parent.lang
    if tag in ("pre", "code") or parent.in_pre:
        m = CODE_LANG.search(attributes.get("class") or "")
        lang = m.group(1) if m else lang
    if lazy:
        return _Open(
            tag=tag, attrs="", levels=levels, landmarks=landmarks, containers=(), path="", level=level,
            list_depth=list_depth, in_pre=parent.in_pre or tag == "pre", in_quote=parent.in_quote or tag == "blockquote",
            lang=lang, depth=depth, lazy=True, parent=parent, own=own if counted else "", container=walk.next_container,
        )  # fmt: skip
    # Positional: keyword arguments cost this hot constructor more than twice as much.
    # (tag, attrs, levels, landmarks, containers, path, level, list_depth, in_pre, in_quote, row, lang, depth)
    return _Open(
        tag, attrs, levels, landmarks, parent.containers + (walk.next_container,),
        f"{parent.path}>{tag}" if parent.path else tag, level, list_depth, parent.in_pre or tag == "pre",
        parent.in_quote or tag == "blockquote", None, lang, depth,
    )  # fmt: skip


@dataclass(slots=True)
class _Stream:
    """The streamed chunks of one page (see STREAM_SLOT): read from its scripts when the walk meets the
    first placeholder, each moved at most once, and the fallbacks they replace."""

    tree: LexborHTMLParser
    chunks: dict[str, str] | None = None  # placeholder id -> chunk id
    dropped: set[int] = field(default_factory=set)  # mem_id of fallback nodes a chunk replaces
    moved: int = 0

    def chunk(self, placeholder: LexborNode) -> LexborNode | None:
        """The hidden chunk the page's script moves in place of ``placeholder``, or None."""
        if self.chunks is None:
            self.chunks = {}
            for script in self.tree.css("script"):
                text = script.text(deep=False)
                if "$R" in text:
                    for kind, a, b in STREAM_CALL.findall(text):
                        place, chunk = (a, b) if kind == "C" else (b, a)
                        self.chunks.setdefault(place, chunk)
        ident = self.chunks.pop(placeholder.attributes.get("id") or "", None)
        if ident is None:
            return None
        node = self.tree.css_first(f'div[id="{ident}"]')
        if node is None or "hidden" not in node.attributes:
            return None
        if ident.startswith("S") and (placeholder.attributes.get("id") or "").startswith("B"):
            # The fallback runs to the boundary's closing comment; without one among the siblings (the
            # parser moved it), nothing is taken for fallback.
            fallback, nodes = placeholder.next, []
            while fallback is not None and not (fallback.tag == "-comment" and fallback.comment_content == "/$"):
                nodes.append(fallback.mem_id)
                fallback = fallback.next
            if fallback is not None:
                self.dropped.update(nodes)
        self.moved += 1
        return node


def segment_html_streamed(tree: LexborHTMLParser, *, answers: bool = True) -> tuple[list[Block], bool]:
    """segment_html with a streamed page's chunks read where its script moves them (STREAM_SLOT),
    and whether there was one to move."""
    return _segment(tree, reveal=False, answers=answers, stream=True)


def segment_html(tree: LexborHTMLParser, *, reveal: bool = False, answers: bool = True) -> list[Block]:
    """Blocks of the page's visible text, in document order. Does not modify ``tree``.

    ``reveal`` also walks what a browser with scripts would not show at first:
    ``<noscript>`` fallbacks and elements marked hidden. Pages built by scripts
    (a forum that renders posts client-side, a streamed app that swaps hidden
    chunks in) hold their only copy of the text there. With ``answers`` a hidden
    element right after a question is walked: a closed FAQ answer (see _answer).
    """
    return _segment(tree, reveal=reveal, answers=answers, stream=False)[0]


def _segment(tree: LexborHTMLParser, *, reveal: bool, answers: bool, stream: bool) -> tuple[list[Block], bool]:
    skipped = SKIPPED - {"noscript"} if reveal else SKIPPED
    root = tree.body or tree.root
    if root is None:
        return [], False
    walk = _Walk()
    top = _Open("body", "", (), frozenset(), (), "", 0, 0, False, False)
    opened: list[_Open] = [top]
    data_tables: list[int] = []
    # An element is pushed twice: (node, None) to enter it, then (node, its tag) to leave it.
    stack: list[tuple[LexborNode, str | None]] = [(root, None)]
    chunks = _Stream(tree)
    dropped = chunks.dropped
    panels = _accordion_panels(root) if answers and not reveal else frozenset()
    while stack:
        node, leaving = stack.pop()
        if dropped and node.mem_id in dropped:
            continue
        if leaving is not None:
            if leaving in BLOCKS:
                _close(leaving, opened, walk, data_tables)
            elif leaving in INLINE_KIND:
                _close_inline(leaving, walk)
            continue
        tag = node.tag or ""
        if tag == "-text":
            text = node.text_content
            if not text:
                continue
            if walk.pending and text[0].isupper():
                last = walk.pending[-1]
                if len(last) > 1 and last[-2:].isalnum() and not opened[-1].in_pre and _glued(node):
                    # joined to the text itself: a piece of its own would move the piece indexes
                    # that open spans and cells keep
                    text = " " + text
            if walk.in_link:
                walk.add_text(text)
            else:  # add_text's commonest case, inline: the walk's hottest line
                walk.pending.append(text)
                walk.link_open = False
            continue
        if tag.startswith("-") or (tag in skipped and not (tag == "button" and opened[-1].tag in HEADINGS)):
            # A button inside a heading is its label: an accordion's question, a collapsible section's title.
            if (
                tag == "template" and stream and not reveal and not opened[-1].landmarks.isdisjoint(STORY_LANDMARKS)
                and STREAM_SLOT.fullmatch(node.attributes.get("id") or "")
            ):
                _push_children(chunks.chunk(node), stack)
            continue
        attributes = node.attributes
        if (
            attributes and not reveal and _is_hidden(attributes, tag)
            and not (answers and (_answer(node) or attributes.get("id") in panels))
        ):  # fmt: skip
            continue
        if tag in INLINE_CHROME and attributes and _has_class(attributes, INLINE_CHROME[tag]):
            continue
        if tag in BLOCKS:
            _enter_block(node, tag, attributes, opened, walk, data_tables)
            if tag == "img" and not opened[-1].in_pre:
                walk.image(attributes)
        elif tag in INLINE_KIND:
            target: str | None = ""
            if tag == "a":
                walk.in_link += 1
                target = attributes.get("href")  # as written: render decides what it can link to
                if target is None:
                    target = ""
                else:
                    walk.links += 1
            elif tag == "code" and opened[-1].in_pre and not opened[-1].lang:
                # <pre><code class="language-x">: the language sits on the inline element
                m = CODE_LANG.search(attributes.get("class") or "")
                if m:
                    opened[-1].lang = m.group(1)
            walk.open_spans.append([INLINE_KIND[tag], len(walk.pending), target])
        stack.append((node, tag))
        child = node.last_child
        while child is not None:
            stack.append((child, None))
            child = child.prev
    while len(opened) > 1:
        _close(opened[-1].tag, opened, walk, data_tables)
    walk.flush(opened[0])
    return walk.blocks, chunks.moved > 0


def _push_children(node: LexborNode | None, stack: list[tuple[LexborNode, str | None]]) -> None:
    """Walk ``node``'s children next, first child first (a streamed chunk's, in place of its placeholder)."""
    child = node.last_child if node is not None else None
    while child is not None:
        stack.append((child, None))
        child = child.prev


def _glued(text: LexborNode) -> bool:
    """Whether a text node opens an inline element that follows another inline element with nothing
    between them but comments: the stylesheet sets the two apart, read as text they run together.

    A card prints its item's brand and name as two spans side by side ("<span>ACME</span><span>Trail
    Shoe</span>"), a game's tags as links side by side: the stylesheet sets them apart (a block, a
    margin), and read as text they run together into one word ("ACMETrail"). The walk asks only for a
    text that opens with a capital after a word of two letters or more: a drop cap ("<span>T</span>he"),
    a styled half of a word ("Java<span>Script</span>") and text after plain text stay as they are, and
    sub- and superscripts (units, footnotes, formulas) are no word of their own. Decided at the text, the
    space is joined to it: the walk's pieces and the indexes into them stay as they were.
    """
    prev = text.prev
    while prev is not None and _textless(prev):  # an icon before a link's label: the label opens the link
        prev = prev.prev
    if prev is not None:
        return False  # text after text or after an element: no inline element of its own
    node = text.parent
    while node is not None and (node.tag or "") not in BLOCKS:
        prev = node.prev
        while prev is not None and prev.tag == "-comment":
            prev = prev.prev
        if prev is not None:
            tag = prev.tag or ""
            return not tag.startswith("-") and tag not in BLOCKS and tag not in SCRIPTS and node.tag not in SCRIPTS
        node = node.parent
    return False


def _textless(node: LexborNode) -> bool:
    """A comment, or an element the walk reads no text from (an icon, an empty span)."""
    tag = node.tag or ""
    if tag == "-comment" or tag in SKIPPED:
        return True
    return not tag.startswith("-") and tag not in BLOCKS and not node.text(deep=True)


#: inline elements whose text is no word of their own: sub- and superscripts (units, footnotes, formulas)
SCRIPTS = frozenset({"sub", "sup"})


def _enter_block(
    node: LexborNode, tag: str, attributes: dict[str, str | None], opened: list[_Open], walk: _Walk,
    data_tables: list[int],
) -> None:  # fmt: skip
    ctx = opened[-1]
    in_row = ctx.row is not None
    if in_row and tag in ("td", "th"):
        walk.pending.append(" | " if ctx.row else "")
        ctx.row.append(len(walk.pending))  # type: ignore[union-attr]
        opened.append(ctx)  # cells share the row's context
        return
    if in_row and (tag in ("br", "img") or (tag == "p" and data_tables[-1] == PARAGRAPH_CELLS)):
        walk.pending.append(" ")
        opened.append(ctx)
        return
    walk.flush(ctx)
    if tag in ("br", "hr", "img"):
        opened.append(ctx)
        return
    new = _open(node, tag, attributes, ctx, walk)
    if tag == "table":
        data_tables.append(_table_kind(node))
    elif tag == "tr" and data_tables and data_tables[-1] != LAYOUT:
        new.row = []
    opened.append(new)


def _close_inline(tag: str, walk: _Walk) -> None:
    kind, start, target = walk.open_spans.pop()
    end = len(walk.pending)
    # A link without a target is link text but nothing to follow; empty elements (icons) mark nothing.
    if start != end and (target or kind != "link") and len(walk.spans) < MAX_SPANS:
        walk.spans.append((start, end, kind, target, ""))
    if tag == "a" and walk.in_link:
        walk.in_link -= 1


def _close(tag: str, opened: list[_Open], walk: _Walk, data_tables: list[int]) -> None:
    """Leave a block-level element."""
    if len(opened) == 1:
        return
    ctx = opened.pop()
    if ctx is opened[-1]:  # a cell, br or img sharing its parent's context
        return
    if ctx.row is not None:
        if walk.pending:
            cells = _cells(walk.pending, ctx.row)
            walk.flush(ctx, role_override="row")
            if walk.blocks and walk.blocks[-1].role == "row" and not walk.blocks[-1].cells:
                last = walk.blocks[-1]
                walk.blocks[-1] = _with_cells(last, cells)
        return
    walk.flush(ctx)
    if tag == "table" and data_tables:
        data_tables.pop()


def _cells(pending: list[str], starts: list[int]) -> tuple[str, ...]:
    """The row's cells from where each began in its text: a cell holding " | " stays one cell,
    and inline markup joins a cell's pieces as it joins the row's text."""
    if not starts:
        return ("".join(pending),)
    starts = [0, *starts[1:]]  # text before the first cell belongs to it
    ends = [s - 1 for s in starts[1:]] + [len(pending)]  # each next cell's " | " is no content
    return tuple("".join(pending[a:b]) for a, b in zip(starts, ends, strict=True))


def _with_cells(block: Block, cells: tuple[str, ...]) -> Block:
    return replace(block, cells=tuple(" ".join(clean_block_text(c).split()) for c in cells))
