"""Navigation: menus, breadcrumbs, skip links, pagination, tables of contents.

Data rules (``rules/navigation.toml``) catch menu classes and menu-only labels.
The structural checks here catch what no single block says on its own:

- ``navigation.menu-run``: three or more consecutive menu-like blocks. In a dump a
  menu-like line is short (``max_menu_words``), has a letter and no sentence
  punctuation ("World / Americas / Russia / Economy", one per line); in HTML it is
  a short block made mostly of link text. A lone short line is a heading or a
  label; a run of them is a menu.
- ``navigation.link-list``: several short links making up most of one block
  ("Docs API Blog", a tag cloud); ``navigation.lone-link``: a short link-only block
  outside a run.
- ``navigation.inline-list``: a dump's link list printed inline, its entries joined by
  commas on one line ("Help Centre, Returns & Refunds, ...") or one per line between
  separator lines (",", "|"). Weightless: lists of names and ingredients have the same
  shape and are content as often; decide's sparse step counts its words as listed.
- ``navigation.landmark-*``: nav/menu landmarks; a header landmark only outside
  article/main (an article's own <header> holds its h1); aside, weaker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .base import RuleDetector

#: sentence punctuation, digits and code symbols, which menu entries do not carry ("&", "/"
#: and "-" are common in menus); table rows and code lines in dumps do
_NOT_MENU = regex.compile(r"[.!?;:,。！？；：，、\d\[\]{}()<>=\"`|]")
#: a menu entry starts with a capital or a caseless script: "backend string memory" is a table row
_FIRST_LETTER_LOWER = regex.compile(r"^\P{L}*\p{Ll}")
_LETTER = regex.compile(r"\p{L}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_ARTICLE = frozenset({"article", "main"})
#: what an inline list's entry does not hold: sentence punctuation (parentheses, digits and commas it may)
_NOT_ENTRY = regex.compile(r"[.!?;:。！？；：]")
#: a line that only separates the entries of an inline list
_SEPARATOR = regex.compile(r"^[,|·•/]$")


class NavigationDetector(RuleDetector):
    """Flags menus, breadcrumbs, skip links, pagination and tables of contents."""

    name: ClassVar[str] = "navigation"

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(extra_rules)
        self.weights: Mapping[str, float] = {k: float(v) for k, v in load_table(self.name)["weights"].items()}

    def menu_like(self, b: Block, html: bool) -> bool:
        """Whether ``b`` could be one entry of a menu."""
        text = b.text
        if html:
            words = text.count(" ") + 1
            return (
                b.links > 0
                and b.link_density >= self.params["item_link_density"]
                and words <= self.params["max_item_words"]
                and b.role != "code"
                and not b.permalink
            )
        if b.role not in ("line", "item"):
            return False
        cjk = not text.isascii() and _CJK.search(text) is not None
        return self._entry_shaped(text, self.params["max_menu_cjk_chars"] if cjk else self.params["max_menu_chars"], _NOT_MENU)

    def _entry_shaped(self, text: str, limit: int, marks: regex.Pattern[str]) -> bool:
        """Whether a dump's line could be an entry of a menu or an inline list: short, a few words, letters,
        none of ``marks``, and no lower-case start."""
        return (
            len(text) <= limit
            and text.count(" ") < self.params["max_menu_words"]
            and marks.search(text) is None
            and _LETTER.search(text) is not None
            and _FIRST_LETTER_LOWER.match(text) is None
        )

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        html = page.kind == "html"
        runs = list(self._runs(blocks, html))
        yield from runs
        if not html:
            yield from self._inline_lists(blocks)
        if html:
            yield from self._landmarks(blocks)
            yield from self._link_lists(blocks, {s.block for s in runs})

    def _runs(self, blocks: Sequence[Block], html: bool) -> Iterator[Signal]:
        min_run, long_run = int(self.params["min_run"]), int(self.params["long_run"])
        kind = "html" if html else "text"
        w_short, w_long = self.weights[f"run_{kind}"], self.weights[f"run_{kind}_long"]
        unit = "short link items" if html else "short menu-like lines"
        run: list[int] = []
        for b in (*blocks, None):
            if b is not None and self.menu_like(b, html):
                run.append(b.index)
                continue
            if len(run) >= min_run:
                weight = w_long if len(run) >= long_run else w_short
                for i in run:
                    yield Signal(i, weight, "navigation.menu-run", f"run of {len(run)} {unit}")
            run = []

    def _entry_like(self, text: str) -> bool:
        """Whether ``text`` could be one entry of an inline list (a menu entry, parentheses allowed)."""
        return self._entry_shaped(text, self.params["max_menu_chars"], _NOT_ENTRY)

    def _inline_lists(self, blocks: Sequence[Block]) -> Iterator[Signal]:
        least = int(self.params["inline_list_min_entries"])
        for b in blocks:
            if b.role != "line" or b.text.count(",") < least - 1:  # most lines: too few entries to split
                continue
            entries = [e.strip() for e in b.text.split(",")]
            if all(self._entry_like(e) for e in entries):
                yield Signal(b.index, 0.0, "navigation.inline-list", f"{len(entries)} entries joined by commas")
        run: list[int] = []
        for line in (*blocks, None):
            if line is not None and (_SEPARATOR.match(line.text) if len(run) % 2 else self._entry_like(line.text)):
                run.append(line.index)
                continue
            if len(run) >= 2 * least - 1:
                why = f"{(len(run) + 1) // 2} entries between separator lines"
                yield from (Signal(i, 0.0, "navigation.inline-list", why) for i in run)
            run = [line.index] if line is not None and self._entry_like(line.text) else []

    def _landmarks(self, blocks: Sequence[Block]) -> Iterator[Signal]:
        w = self.weights
        for b in blocks:
            marks = b.landmarks
            if not marks:
                continue
            if "nav" in marks or "menu" in marks:
                yield Signal(
                    b.index, w["landmark_nav"], "navigation.landmark-nav", "inside <nav>/menu landmark"
                )
            if "header" in marks and not marks & _ARTICLE and not (b.role == "heading" and b.level == 1):
                yield Signal(
                    b.index, w["landmark_header"], "navigation.landmark-header", "inside the site <header>"
                )
            if "footer" in marks and not marks & _ARTICLE:
                yield Signal(
                    b.index, w["landmark_footer"], "navigation.landmark-footer", "inside the site <footer>"
                )
            if "aside" in marks:
                yield Signal(b.index, w["landmark_aside"], "navigation.landmark-aside", "inside <aside>")

    def _link_lists(self, blocks: Sequence[Block], in_runs: set[int]) -> Iterator[Signal]:
        p = self.params
        w_list, w_lone = self.weights["link_list"], self.weights["lone_link"]
        for b in blocks:
            if not b.links:
                continue
            density = b.link_density
            if (
                b.links >= p["list_min_links"]
                and density >= p["list_link_density"]
                and b.link_chars / b.links <= p["list_max_chars_per_link"]
            ):
                yield Signal(
                    b.index, w_list, "navigation.link-list", f"{b.links} links, {density:.0%} link text"
                )
            elif (
                density >= p["lone_link_density"]
                and len(b.text) <= p["lone_link_max_chars"]
                and b.role != "heading"
                and b.index not in in_runs
            ):
                yield Signal(b.index, w_lone, "navigation.lone-link", f"short link-only block {b.text!r}")
