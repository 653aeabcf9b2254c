"""Site templates: blocks that recur on many pages of one host (menus, footers, sidebars, promo boxes).

A page alone cannot tell its own footer from a short paragraph; the other pages
of its site can. This detector reads recurrence counts from a site model (any
:class:`TemplateCounts`; ``boilerstrip.SiteModel`` learns them) and marks the
blocks that recur on a large share of the host's pages as boilerplate. Without a
model (the default pipeline's instance) it says nothing.

A block's fingerprint is its normalised text (case and white space folded) plus,
for HTML, its tag path and landmarks, never its index: a menu matches on pages of
any length, and a page's own headline (``article>h1``) is not the teaser of it that
other pages carry in their sidebars (``aside>ul>li``). A text dump has no structure.

A short block is template only when it recurs *and* recurs beside the same block
before or after it. Templates come in runs (menus, footers, sidebar boxes), and a menu
line sits among the same menu lines on every page; a block that recurs alone
among unique ones is usually part of the content: a "Top rated" badge or a "Save
25%" label in each card of a listing, a "Specifications" heading over a product's
own table, or, in a dump, a page's own headline that other pages show as a teaser
among other teasers. A long block (``alone_min_chars``) recurring on half the
host's pages is template even alone: a disclosure or a promo paragraph between a
page's own paragraphs.

Such a block, recurring with neighbours that do not, is an *insert* into the page's
own text (``template.inserted``), not a piece of the frame around it
(``template.recurring``): it is boilerplate all the same, but the decision sees
through it when it draws the main region and when neighbours vote (decide.py,
TRANSPARENT_RULES). A frame block is where the page's own text ends; an insert is
not, and weighed as one it cut the headline above a disclosure off the article.

Thresholds are in ``rules/template.toml``. A fingerprint's own page is discounted
(a page learned and then extracted counts once for its own blocks), so a block
needs ``min_other_pages`` other pages and ``min_share`` of all pages learned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..errors import InvalidInputError
from ..model import Block, Kind, PageInfo, Signal
from ..rules import load_table

_PARAMS: Mapping[str, Any] = load_table("template").get("params", {})
MIN_PAGES = int(_PARAMS.get("min_pages", 5))
MIN_OTHER_PAGES = int(_PARAMS.get("min_other_pages", 2))
MIN_SHARE = float(_PARAMS.get("min_share", 0.5))
FULL_SHARE = float(_PARAMS.get("full_share", 0.8))
ALONE_MIN_CHARS = int(_PARAMS.get("alone_min_chars", 100))
WEIGHT = float(_PARAMS.get("weight", -1.5))
UNIQUE_WEIGHT = float(_PARAMS.get("unique_weight", 0.4))
UNIQUE_MIN_CHARS = int(_PARAMS.get("unique_min_chars", 20))
RULE = "template.recurring"
INSERTED_RULE = "template.inserted"
UNIQUE_RULE = "template.unique"
RULES = (RULE, INSERTED_RULE)


@runtime_checkable
class TemplateCounts(Protocol):
    """What the detector reads from a site model: pages learned, and pages each fingerprint was seen on."""

    def pages_of(self, kind: Kind) -> int: ...

    def count(self, fingerprint: int) -> int: ...


def normalise(text: str) -> str:
    """Text folded so that a template block matches itself on every page: case and white space."""
    # Digits are kept: folding them made every price and review count of a shop's listing
    # pages one recurring block (measured on real listings), and a template's numbers
    # (a copyright year, a phone number) are the same on every page of one crawl anyway.
    return " ".join(text.lower().split())


def _hash(key: str) -> int:
    # blake2b, not hash(): str hashes are salted per process, and models are saved and loaded.
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def fingerprints(blocks: Sequence[Block], kind: Kind) -> list[tuple[int, int, int]]:
    """Per block: its fingerprint, and its fingerprints with the block before and after it.

    SiteModel.learn counts exactly these; the detector looks exactly these up.
    """
    if kind == "html":
        keys = [f"h\x1f{b.path}\x1f{','.join(sorted(b.landmarks))}\x1f{normalise(b.text)}" for b in blocks]
    else:
        keys = [f"t\x1f{normalise(b.text)}" for b in blocks]
    edged = ["\x02", *keys, "\x03"]
    return [
        (_hash(key), _hash(f"{edged[i]}\x1e{key}"), _hash(f"{key}\x1e{edged[i + 2]}"))
        for i, key in enumerate(keys)
    ]


class TemplateDetector:
    """Negative evidence for blocks that recur across the pages of a site model; silent without one."""

    name: ClassVar[str] = "template"
    needs_dom: ClassVar[bool] = False

    __slots__ = ("model",)

    def __init__(self, model: TemplateCounts | None = None) -> None:
        if model is not None and not isinstance(model, TemplateCounts):
            raise InvalidInputError(f"site_model must be a SiteModel or None, not {type(model).__name__}")
        self.model = model

    def bound(self, model: TemplateCounts) -> TemplateDetector:
        """A detector like this one reading ``model``."""
        return type(self)(model)

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        if self.model is None or not blocks:
            return
        pages = self.model.pages_of(page.kind)
        if pages < MIN_PAGES:
            return
        title = normalise(page.metadata.title or "")
        for b, fps in zip(blocks, fingerprints(blocks, page.kind), strict=True):
            if b.role == "meta":
                continue  # a dump's metadata prelude is the page's own by construction
            if self.model.count(fps[0]) <= 1:
                if len(b.text) >= UNIQUE_MIN_CHARS:
                    # At most one page: this one when it was learned, else one other.
                    yield Signal(
                        b.index, UNIQUE_WEIGHT, UNIQUE_RULE, f"on at most one page of {pages} learned"
                    )
                continue
            if title and normalise(b.text) == title:
                continue  # the page's own headline, whatever other pages' teasers say
            found = self._others(fps, pages, len(b.text) >= ALONE_MIN_CHARS)
            if found is None:
                continue
            others, rule = found
            share = others / max(pages - 1, 1)
            weight = round(WEIGHT * min(1.0, share / FULL_SHARE), 3)
            where = "beside the same blocks" if rule == RULE else "between this page's own blocks"
            yield Signal(
                b.index, weight, rule, f"on {others} other pages of {pages} learned ({share:.0%}), {where}"
            )

    def _others(self, fps: tuple[int, ...], pages: int, long_text: bool) -> tuple[int, str] | None:
        """How many other pages carry this block, and its rule, when that makes it template, else None."""
        assert self.model is not None
        # Minus one: the page itself may be among those learned; when it is not, the block
        # merely needs one more page, a small price against flagging a page's own text.
        counts = [self.model.count(fp) - 1 for fp in fps]
        need = max(MIN_OTHER_PAGES, MIN_SHARE * (pages - 1))
        if counts[0] < need:
            return None
        context = max(counts[1:])
        if context >= need:
            return (counts[0] if long_text else min(counts[0], context)), RULE
        return (counts[0], INSERTED_RULE) if long_text else None


def with_site_model(detectors: Sequence[Any], model: object) -> tuple[Any, ...]:
    """The detectors with the one named "template" reading ``model``; unchanged when there is none.

    A pipeline without the template detector (``without("template")``) ignores site models.
    """
    if not isinstance(model, TemplateCounts):
        raise InvalidInputError(f"site_model must be a SiteModel or None, not {type(model).__name__}")
    return tuple(
        d.bound(model) if d.name == "template" and isinstance(d, TemplateDetector) else d for d in detectors
    )
