"""The data every stage shares: blocks, signals, verdicts, metadata, results.

All objects are frozen and slotted, so a result can be handed between threads
and cached without copies; stages build new objects instead of mutating.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, Literal, TypeVar, overload

T = TypeVar("T")
Kind = Literal["html", "text"]
Label = Literal["content", "boilerplate"]

#: Landmarks a block can sit in; segmentation derives them from tag names and
#: ARIA roles once, so detectors never need the DOM for them.
LANDMARKS = frozenset(
    {"nav", "header", "footer", "aside", "main", "article", "form", "menu", "dialog", "figure", "comments"}
)
#: the landmarks of a page's frame around its content, whose text is the site's, not the page's
FRAME_LANDMARKS = frozenset({"footer", "nav", "header", "aside"})


#: Inline markup over characters ``[start, end)`` of a block's text: ``(start, end, kind, target, alt)``.
#: ``kind`` is "strong" (<strong>, <b>), "em" (<em>, <i>), "code" (<code>, <kbd>, <samp>), "link"
#: (<a href>; ``target`` is the href as written) or "image" (<img>: zero-width where the image stood;
#: ``target`` is its src, ``alt`` its alt text; both "" for other kinds). A plain tuple, not a
#: dataclass: segmentation builds thousands per page in its hot loop, where a tuple costs a tenth.
Span = tuple[int, int, str, str, str]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text: an HTML block-level element's own text, or a line of a dump."""

    index: int
    text: str
    #: "paragraph", "heading", "item", "code", "quote", "cell", "caption", "line", "title"
    role: str = "paragraph"
    tag: str = ""
    #: heading level 1-6 for headings, nesting depth for list items, else 0
    level: int = 0
    #: characters of text inside links, and the number of links
    link_chars: int = 0
    links: int = 0
    #: class and id attributes of the block element and its ancestors, nearest first,
    #: lower-cased and joined by spaces ("" for text dumps)
    attrs: str = ""
    #: the same class/id strings one per element (elements without any are skipped), nearest first
    attr_levels: tuple[str, ...] = ()
    #: landmarks among the ancestors (see LANDMARKS)
    landmarks: frozenset[str] = frozenset()
    #: ids of enclosing container elements, outermost first; a region is one of them
    containers: tuple[int, ...] = ()
    #: tag path for structural position, e.g. "body>div>article>p"
    path: str = ""
    #: the row's cells for table rows, else empty
    cells: tuple[str, ...] = ()
    #: source line number for text dumps (0-based), -1 for HTML
    line: int = -1
    #: a blank line (text dumps) or a block-level boundary precedes this block
    after_gap: bool = False
    #: code language when declared (class="language-python")
    lang: str = ""
    #: blank-line-separated dump "paragraph" this line belongs to; -1 for HTML
    group: int = -1
    #: inline markup (emphasis, code, links, images) over ``text`` (see Span), sorted by start, outer
    #: before inner; they nest, as the elements did. None in code blocks and text dumps.
    spans: tuple[Span, ...] = ()

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def permalink(self) -> bool:
        """A heading whose every link points into the page ("#section"): its own anchor, not a way elsewhere."""
        if self.role != "heading" or not self.links:
            return False
        targets = [s[3] for s in self.spans if s[2] == "link"]
        return bool(targets) and all(len(t) > 1 and t.startswith("#") for t in targets)


@dataclass(frozen=True, slots=True)
class Signal:
    """One piece of evidence about one block."""

    block: int
    #: < 0 boilerplate, > 0 content evidence; scaled by the pipeline's weight for the detector
    weight: float
    #: "consent.cmp-vendor": detector name, then the rule id in its data file
    rule: str
    #: what matched, for explanations
    evidence: str

    @property
    def detector(self) -> str:
        return self.rule.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A block with its final label, the label before the context pass, and why."""

    block: Block
    label: Label
    first_label: Label
    score: float
    signals: tuple[Signal, ...] = ()

    @property
    def kept(self) -> bool:
        return self.label == "content"


@dataclass(frozen=True, slots=True)
class Metadata:
    """Page metadata; every field is optional because pages rarely declare all of it."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    date_modified: str | None = None
    description: str | None = None
    sitename: str | None = None
    language: str | None = None
    url: str | None = None
    image: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    page_type: str | None = None
    license: str | None = None
    #: text of the JSON-LD articleBody (or equivalent) when declared: evidence, never output
    body: str | None = None
    #: every other declared value (JSON-LD leaves, meta contents) for echo detection
    values: tuple[str, ...] = ()

    @property
    def author(self) -> str | None:
        return "; ".join(self.authors) if self.authors else None


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What detectors may know about the page as a whole."""

    kind: Kind
    metadata: Metadata = field(default_factory=Metadata)
    #: language guessed from the text when metadata declares none
    language: str | None = None
    #: per block (by index): its text lower-cased, and its words when short enough for phrase
    #: rules; computed once per page so that no detector splits the same text again
    lowered: tuple[str, ...] = ()
    words: tuple[tuple[str, ...], ...] = ()
    #: per block: which strings of ``vocabulary`` (those that set off the detectors' text rules) its
    #: lower-cased text holds, found in one pass for all detectors; None for a block too long, or with
    #: characters that match ASCII ones case-insensitively (rules.index.plain_text; each detector then looks itself)
    present: tuple[frozenset[str] | None, ...] = ()
    vocabulary: frozenset[str] = frozenset()


class _FromMetadata(Generic[T]):
    """A read-only attribute of Result that is the Metadata field of the same name."""

    __slots__ = ("name",)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _FromMetadata[T]: ...
    @overload
    def __get__(self, obj: Result, owner: type | None = None) -> T: ...
    def __get__(self, obj: Result | None, owner: type | None = None) -> T | _FromMetadata[T]:
        if obj is None:
            return self  # on the class, the attribute itself (as a property is)
        value: T = getattr(obj.metadata, self.name)
        return value


@dataclass(frozen=True, slots=True)
class Result:
    """What extract() returns: the clean text, the metadata and every block's verdict."""

    text: str
    metadata: Metadata
    blocks: tuple[Verdict, ...]
    kind: Kind
    timings: tuple[tuple[str, float], ...] = ()

    # Every public metadata field reads through flat: r.title is r.metadata.title.
    title = _FromMetadata[str | None]()
    author = _FromMetadata[str | None]()
    authors = _FromMetadata[tuple[str, ...]]()
    date = _FromMetadata[str | None]()
    date_modified = _FromMetadata[str | None]()
    description = _FromMetadata[str | None]()
    sitename = _FromMetadata[str | None]()
    language = _FromMetadata[str | None]()
    url = _FromMetadata[str | None]()
    image = _FromMetadata[str | None]()
    image_caption = _FromMetadata[str | None]()
    image_credit = _FromMetadata[str | None]()
    tags = _FromMetadata[tuple[str, ...]]()
    categories = _FromMetadata[tuple[str, ...]]()
    page_type = _FromMetadata[str | None]()
    license = _FromMetadata[str | None]()

    def explain(self, *, width: int = 60, only: Label | None = None) -> str:
        """A readable table: one row per block with its label, score and deciding signals."""
        rows = ["  #  label        score  first  text / signals"]
        for v in self.blocks:
            if only is not None and v.label != only:
                continue
            changed = "" if v.label == v.first_label else v.first_label[:4]
            text = v.block.text.replace("\n", " ")
            if len(text) > width:
                text = text[: width - 1] + "…"
            rows.append(f"{v.block.index:3d}  {v.label:11s} {v.score:+6.2f}  {changed:5s}  {text}")
            strongest = sorted(v.signals, key=lambda s: -abs(s.weight))[:4]
            for s in strongest:
                rows.append(f"{'':30s}{s.weight:+.2f} {s.rule}: {s.evidence}")
        return "\n".join(rows)

    # Rendering lives in render.py; it is imported when called because render.py
    # imports this module (model.py imports nothing of ours at import time).
    def to_text(self, *, include_tables: bool = True) -> str:
        """Plain text of the kept blocks; with the defaults, exactly ``self.text``."""
        if include_tables:
            return self.text
        from . import render

        return render.text(self.blocks, include_tables=False)

    def to_markdown(
        self, *, include_tables: bool = True, include_links: bool = False, include_images: bool = False
    ) -> str:
        """GitHub-flavoured Markdown of the kept blocks: headings, nested lists, tables, fenced code, quotes,
        emphasis; links and images when asked (resolved against the page's URL when it is known)."""
        from . import render

        return render.markdown(
            self.blocks, include_tables=include_tables, include_links=include_links,
            include_images=include_images, base_url=self.url,
        )  # fmt: skip

    def to_html(
        self, *, include_tables: bool = True, include_links: bool = False, include_images: bool = False,
        document: bool = False,
    ) -> str:  # fmt: skip
        """Clean HTML of the kept blocks: a fragment, or with ``document`` a page with title and language;
        emphasis and code as elements, links and images when asked."""
        from . import render

        return render.html(
            self.blocks, include_tables=include_tables, include_links=include_links,
            include_images=include_images, document=document, title=self.title, language=self.language,
            url=self.url,
        )  # fmt: skip

    def to_dict(self, *, blocks: bool = False, include_tables: bool = True) -> dict[str, Any]:
        """Text and public metadata; with ``blocks``, every block's verdict with its inline spans and signals."""
        meta = asdict(self.metadata)
        meta.pop("body", None)
        meta.pop("values", None)
        meta["author"] = self.metadata.author
        out: dict[str, Any] = {"text": self.to_text(include_tables=include_tables), **meta}
        if blocks:
            out["blocks"] = [
                {
                    "index": v.block.index,
                    "text": v.block.text,
                    "role": v.block.role,
                    "level": v.block.level,
                    "label": v.label,
                    "first_label": v.first_label,
                    "score": round(v.score, 3),
                    "spans": [
                        {"start": sp[0], "end": sp[1], "kind": sp[2], "target": sp[3], "alt": sp[4]}
                        for sp in v.block.spans
                    ],
                    "signals": [
                        {"rule": s.rule, "weight": s.weight, "evidence": s.evidence} for s in v.signals
                    ],
                }
                for v in self.blocks
            ]
        return out

    def to_json(self, *, blocks: bool = False, include_tables: bool = True, indent: int | None = 2) -> str:
        """to_dict() as JSON (UTF-8 characters kept, not escaped)."""
        return json.dumps(
            self.to_dict(blocks=blocks, include_tables=include_tables), ensure_ascii=False, indent=indent
        )
