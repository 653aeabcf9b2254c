"""Image credits and captions.

Credits ("© Agency / Name", "Photo: Name", "Reuters/Jane Roe", "View the gallery")
get strong negative weights; captions (figcaption, blocks inside a figure, caption
classes) a moderate one, because users split on keeping real captions (USERS.md 3).
Text rules live in ``rules/credits.toml``; the structural checks here need more
than one regex: agencies in credit position, "Name / Agency" pieces, the caption
suffix dumps print after an image alt (" - <Site>, 1920, 20.12.2023"), a lone
"/" between credit parts, and the second copy of a caption glued after a credit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .base import RuleDetector

_PARAMS: Mapping[str, Any] = load_table("credits").get("params", {})
NEAR = int(_PARAMS.get("near", 3))
MAX_SITE = int(_PARAMS.get("caption_suffix_max_site_chars", 80))
#: credits are short; a longer block naming an agency is prose about the agency
AGENCY_MAX_CHARS = 160
NAME_SLASH_MAX_CHARS = 80
CAPTION_ROLES = frozenset({"caption", "paragraph", "line", "heading"})
#: what marks a block as a caption, and what finds a credit glued inside it
CAPTION_RULES = frozenset({"credits.caption", "credits.caption-class"})
INLINE_CREDIT_RULES = frozenset({"credits.label-inline", "credits.copyright-inline"})
CREDIT_RULES = frozenset({"credits.label", "credits.agency", "credits.copyright-credit"})
CAPTION_MIN_CHARS = 40
CAPTION_MAX_CHARS = 600
#: a parenthesis at a caption's end, maybe before a gallery's "more"/"less" toggle word
CREDIT_TAIL = regex.compile(r"\(([^()]{2,80})\)\W{0,3}(?:\p{Ll}{1,8})?\s*$")


class Agencies:
    """Agency names matched as whole credit parts: acronyms of up to three letters as written
    or in upper case ("AP", "dpa", "DPA"), longer names in any case ("REUTERS")."""

    __slots__ = ("exact", "folded")

    def __init__(self, names: Iterable[str]) -> None:
        clean = [" ".join(n.split()) for n in names if n.strip()]
        self.exact = frozenset(clean) | frozenset(n.upper() for n in clean if len(n) <= 3)
        self.folded = frozenset(n.casefold() for n in clean if len(n) > 3)

    def __contains__(self, piece: str) -> bool:
        return piece in self.exact or (len(piece) > 3 and piece.casefold() in self.folded)


AGENCIES = Agencies(_PARAMS.get("agencies", ()))
# Separators between credit parts; " - " only with spaces, so "EPA-EFE" stays one part.
# (?<!\s): a match starts at the beginning of a run of white space, never inside it (linear, not quadratic)
SPLIT = regex.compile(r"(?<!\s)\s*[/|·•;]\s*|(?<!\s)\s+(?:via|and|&)\s+|\s[-–—]\s|,\s+")
LEAD = regex.compile(
    r"^\W{0,3}(?:©|Ⓒ|\(c\)|(?:photos?|fotos?|bild|image|credits?)\s*[:：]|photos?\s+by\s)\s*", regex.I
)
_WORD = (
    r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*|\p{Lu}\.|(?:de|da|di|du|del|della|van|von|der|den|la|le|dos|das|bin|al|y))"
)
NAME = regex.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,4}}$")
SEPARATOR_LINE = regex.compile(r"^\s*[/|·•]\s*$")
_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}"
# "<caption> - <Site Name>, 1920, 20.12.2023": site, then optional image width, then optional date.
SUFFIX = regex.compile(
    rf"\s[-–—|]\s+(?P<site>[^\-–—|,]{{2,{MAX_SITE}}}?)(?P<size>,\s*\d{{2,5}})?(?P<date>,\s*(?:{_DATE}))?\s*$"
)


def _figure_cards(blocks: Sequence[Block]) -> frozenset[int]:
    """The blocks of figures that are cards: FIGURE_CARD_BLOCKS blocks or more, one of them linked.

    A picture's figure holds its image and a caption or two (a caption, a credit); a shop grid that wraps
    each card in a <figure> holds the card's fields (its linked name, a subtitle, a badge, a price), and
    none of them is a caption: judged as captions, every card of the grid leaned out and the grid lost
    the region (WCXB tuned third: 82% of the words in figures of three blocks or more are in the truths,
    28% in figures of one or two). A card links to its item; a figure of three unlinked blocks (a chart
    with its title and notes, a quote and its source) stays a figure. A figcaption is a caption wherever it stands.
    """
    members: dict[int, list[int]] = {}
    for b in blocks:
        if "figure" not in b.landmarks:
            continue
        tags = b.path.split(">")
        if len(tags) != len(b.containers) or "figure" not in tags:
            continue
        figure = b.containers[len(tags) - 1 - tags[::-1].index("figure")]
        members.setdefault(figure, []).append(b.index)
    return frozenset(
        i for found in members.values()
        if len(found) >= FIGURE_CARD_BLOCKS and any(blocks[j].links for j in found) for i in found
    )  # fmt: skip


#: a figure of this many blocks or more is a card or content, not a picture with its caption (_figure_cards)
FIGURE_CARD_BLOCKS = 3


def _pieces(text: str) -> list[str]:
    core = LEAD.sub("", text.strip(" ()[]"))
    return [p.strip(" ()[]\"'") for p in SPLIT.split(core) if p.strip(" ()[]\"'")]


class CreditsDetector(RuleDetector):
    """Flags photo credits strongly and captions moderately, on HTML blocks and dump lines."""

    name: ClassVar[str] = "credits"

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = (), agencies: Iterable[str] = ()) -> None:
        super().__init__(extra_rules)
        extra = tuple(agencies)
        self.agencies = Agencies((*_PARAMS.get("agencies", ()), *extra)) if extra else AGENCIES

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        signals = list(super().detect(blocks, page))
        yield from signals
        credited = {s.block for s in signals if s.weight <= -1.0 and not s.rule.startswith("credits.caption")}
        yield from self._separators(blocks, credited)
        yield from self._echoes(blocks, signals)
        yield from self._captioned(blocks, signals)

    def _captioned(self, blocks: Sequence[Block], signals: Sequence[Signal]) -> Iterator[Signal]:
        """A caption (by its markup) that ends with its picture's credit: "... in Hanoi. (AP Photo/Jane Roe)".

        The credit says the block describes a picture, which a caption class alone does not (some
        sites mark a standfirst or a pull quote so). Judged by its length, such a caption was kept.
        """
        marked = {s.block for s in signals if s.rule in CAPTION_RULES}
        inline = {s.block for s in signals if s.rule in INLINE_CREDIT_RULES}
        credits = {s.block for s in signals if s.rule in CREDIT_RULES}
        for i in sorted(marked):
            b = blocks[i]
            if not CAPTION_MIN_CHARS <= len(b.text) <= CAPTION_MAX_CHARS:
                continue
            if i in inline:
                yield Signal(i, -1.0, "credits.captioned", "a caption with its credit")
                continue
            near = next((j for j in range(i + 1, i + 3) if j in credits and _beside(b, blocks[j])), None)
            if near is not None:
                yield Signal(i, -1.0, "credits.captioned", f"a caption beside the credit {blocks[near].text!r}")
                continue
            m = CREDIT_TAIL.search(b.text)
            if m is not None and self._credit_parts(m.group(1)):
                yield Signal(i, -1.0, "credits.captioned", f"a caption ending in the credit {m.group(0).strip()!r}")

    def _credit_parts(self, text: str) -> bool:
        """Whether ``text`` is only credit parts, one of them an agency, or a credit label and names."""
        pieces = _pieces(text)
        if not pieces or not all(p in self.agencies or NAME.match(p) for p in pieces):
            return False
        return LEAD.match(text.strip(" ()[]")) is not None or any(p in self.agencies for p in pieces)

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        site = (page.metadata.sitename or "").casefold().strip()
        cards = _figure_cards(blocks)
        for b in blocks:
            if b.role == "meta":
                continue
            if b.role == "caption" or ("figure" in b.landmarks and b.role in CAPTION_ROLES and b.index not in cards):
                what = "figcaption" if b.role == "caption" else "inside a figure"
                yield Signal(b.index, -0.6, "credits.caption", what)
            n = len(b.text)
            if n <= AGENCY_MAX_CHARS and b.role != "heading":
                yield from self._agency(b)
            if n >= 20:
                yield from _suffix(b, site)

    def _agency(self, b: Block) -> Iterator[Signal]:
        """An agency in credit position: the block is only credit parts ("Reuters/Jane Roe"),
        or the agency is the last part after a separator ("... / AFP") or the first part
        before a slash ("AFP / John Doe"). Prose naming an agency has no such shape."""
        text = b.text
        if len(text) > 40 and not any(c in text for c in "/|©(,;·•"):
            return
        pieces = _pieces(text)
        if not pieces:
            return
        agencies = self.agencies
        found = [p for p in pieces if p in agencies]
        if not found:
            slash = "/" in text and len(pieces) >= 2 and len(text) <= NAME_SLASH_MAX_CHARS
            if slash and all(NAME.match(p) for p in pieces) and any(" " in p for p in pieces):
                yield Signal(b.index, -0.6, "credits.name-slash", f"credit parts {' / '.join(pieces)!r}")
            return
        if all(p in agencies or NAME.match(p) for p in pieces):
            yield Signal(b.index, -1.2, "credits.agency", f"credit parts with agency {found[0]!r}")
        elif len(pieces) >= 2 and (
            pieces[-1] in agencies or (pieces[0] in agencies and _slash_after(text, pieces[0]))
        ):
            which = pieces[-1] if pieces[-1] in agencies else pieces[0]
            yield Signal(b.index, -1.0, "credits.agency", f"agency {which!r} in credit position")

    @staticmethod
    def _separators(blocks: Sequence[Block], credited: set[int]) -> Iterator[Signal]:
        for b in blocks:
            if len(b.text) <= 3 and SEPARATOR_LINE.match(b.text):
                i = b.index
                if any(j in credited for j in range(i - NEAR, i + NEAR + 1)):
                    yield Signal(i, -1.0, "credits.separator", f"{b.text!r} between credit parts")

    @staticmethod
    def _echoes(blocks: Sequence[Block], signals: Sequence[Signal]) -> Iterator[Signal]:
        """The second copy of a caption: the text glued after a credit ("© A / B / View the
        galleryCaption..."), printed again on its own line nearby (maybe with a suffix)."""
        glued = {s.block for s in signals if s.rule == "credits.copyright-credit"}
        glued = {i for i in glued if i < len(blocks) and len(blocks[i].text) > 80}
        if not glued:
            return
        credited = {s.block for s in signals if s.weight <= -1.0 and not s.rule.startswith("credits.caption")}
        for b in blocks:
            if len(b.text) < 30 or b.index in credited:
                continue
            m = SUFFIX.search(b.text[-(MAX_SITE + 40) :])
            core = b.text[: len(b.text) - len(m.group(0))] if m else b.text
            core = core.strip()
            for j in range(b.index - NEAR, b.index + NEAR + 1):
                if j in glued and len(core) >= 30 and core in blocks[j].text:
                    yield Signal(
                        b.index, -1.0, "credits.caption-echo", f"repeats the caption glued to block {j}"
                    )
                    break


def _suffix(b: Block, site: str) -> Iterator[Signal]:
    tail = b.text[-(MAX_SITE + 40) :]
    if " - " not in tail and " – " not in tail and " — " not in tail and " | " not in tail:
        return
    m = SUFFIX.search(tail)
    if m is None:
        return
    name = m.group("site").strip().casefold()
    if site and name == site:
        # Prose never ends in " - <site>, <width>, <date>": strong enough to outweigh a long caption.
        yield Signal(
            b.index, -2.5, "credits.caption-suffix", f"ends with the site name {m.group(0).strip()!r}"
        )
    elif m.group("size") and m.group("date"):
        yield Signal(
            b.index, -1.8, "credits.caption-suffix", f"ends with an image size and date {m.group(0)!r}"
        )


def _beside(caption: Block, credit: Block) -> bool:
    """Whether a credit sits in the caption's own box: they share one of the caption's three nearest containers."""
    return not set(caption.containers[-3:]).isdisjoint(credit.containers)


def _slash_after(text: str, first: str) -> bool:
    rest = text[text.find(first) + len(first) :].lstrip(" )]")
    return rest[:1] in ("/", "|")
