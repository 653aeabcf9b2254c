"""Site templates: blocks that recur on many pages of one host (menus, footers, sidebars, promo boxes).

A page alone cannot tell its own footer from a short paragraph; the other pages
of its site can. This detector reads recurrence counts from a site model (any
:class:`TemplateCounts`; ``boilerstrip.SiteModel`` learns them) and marks the
blocks that recur on a large share of the host's pages as boilerplate. Without a
model (the default pipeline's instance) it says nothing.

A block's fingerprint is its normalised text (case, digits and white space
folded: "© 2024" and "© 2025" are one footer) plus where it sits:

- HTML: the tag path and landmarks, never the index, so a menu matches on pages
  of any length, and a page's own headline (``article>h1``) is not the teaser of
  it that other pages carry in their sidebars (``aside>ul>li``).
- Text dumps have no structure, so a line is template only when its text recurs
  *and* it recurs with the same line before or after it. A menu line sits among
  other menu lines on every page; a page's own headline, shown as a teaser on
  other pages, sits there among other teasers but on its own page among its own
  byline and body, so it keeps its place.

Thresholds are in ``rules/template.toml``. A fingerprint's own page is discounted
(a page learned and then extracted counts once for its own blocks), so a block
needs ``min_other_pages`` other pages and ``min_share`` of all pages learned.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

import regex

from ..errors import InvalidInputError
from ..model import Block, Kind, PageInfo, Signal
from ..rules import load_table

_PARAMS: Mapping[str, Any] = load_table("template").get("params", {})
MIN_PAGES = int(_PARAMS.get("min_pages", 5))
MIN_OTHER_PAGES = int(_PARAMS.get("min_other_pages", 2))
MIN_SHARE = float(_PARAMS.get("min_share", 0.3))
FULL_SHARE = float(_PARAMS.get("full_share", 0.6))
WEIGHT = float(_PARAMS.get("weight", -2.0))
RULE = "template.recurring"

_DIGITS = regex.compile(r"\d+")
_SPACE = regex.compile(r"\s+")


@runtime_checkable
class TemplateCounts(Protocol):
    """What the detector reads from a site model: pages learned, and pages each fingerprint was seen on."""

    def pages_of(self, kind: Kind) -> int: ...

    def count(self, fingerprint: int) -> int: ...


def normalise(text: str) -> str:
    """Text folded so that a template block matches itself on every page: case, digit runs, white space."""
    return _SPACE.sub(" ", _DIGITS.sub("0", text.lower())).strip()


def _hash(key: str) -> int:
    # blake2b, not hash(): str hashes are salted per process, and models are saved and loaded.
    return int.from_bytes(
        hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def fingerprints(blocks: Sequence[Block], kind: Kind) -> list[tuple[int, ...]]:
    """Per block: its fingerprint, then (text dumps only) its fingerprints with the line before and after.

    SiteModel.learn counts exactly these; the detector looks exactly these up.
    """
    texts = [normalise(b.text) for b in blocks]
    if kind == "html":
        return [
            (_hash(f"h\x1f{b.path}\x1f{','.join(sorted(b.landmarks))}\x1f{t}"),)
            for b, t in zip(blocks, texts, strict=True)
        ]
    out: list[tuple[int, ...]] = []
    for i, t in enumerate(texts):
        before = texts[i - 1] if i else "\x02"
        after = texts[i + 1] if i + 1 < len(texts) else "\x03"
        out.append((_hash(f"t\x1f{t}"), _hash(f"p\x1f{before}\x1f{t}"), _hash(f"n\x1f{t}\x1f{after}")))
    return out


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
            if b.role == "meta" or (title and normalise(b.text) == title):
                continue  # a dump's metadata prelude, and the page's own headline, are never the site's
            others = self._others(fps, pages)
            if others is None:
                continue
            share = others / max(pages - 1, 1)
            weight = round(WEIGHT * min(1.0, share / FULL_SHARE), 3)
            yield Signal(b.index, weight, RULE, f"on {others} other pages of {pages} learned ({share:.0%})")

    def _others(self, fps: tuple[int, ...], pages: int) -> int | None:
        """How many other pages carry this block in this place, when that makes it template, else None."""
        assert self.model is not None
        # Minus one: the page itself may be among those learned; when it is not, the block
        # merely needs one more page, a small price against flagging a page's own text.
        counts = [self.model.count(fp) - 1 for fp in fps]
        need = max(MIN_OTHER_PAGES, MIN_SHARE * (pages - 1))
        if counts[0] < need:
            return None
        if len(counts) == 1:
            return counts[0]
        context = max(counts[1:])
        return min(counts[0], context) if context >= need else None


def with_site_model(detectors: Sequence[Any], model: object) -> tuple[Any, ...]:
    """The detectors with the one named "template" reading ``model``; unchanged when there is none.

    A pipeline without the template detector (``without("template")``) ignores site models.
    """
    if not isinstance(model, TemplateCounts):
        raise InvalidInputError(f"site_model must be a SiteModel or None, not {type(model).__name__}")
    return tuple(
        d.bound(model) if d.name == "template" and isinstance(d, TemplateDetector) else d for d in detectors
    )
