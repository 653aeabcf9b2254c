"""Headline lists in text dumps: other articles' titles, one per line, beside the article.

In HTML such lists are links and link density finds them; a dump keeps only the
text, where a list of headlines is a run of short, title-shaped lines (a capital
first, three to sixteen words, no sentence end) with nothing between them but
short fillers (a time "32M ago", a section name, a date). Menus have the same
run shape with one- to three-word labels, hence the mean-length floor.

The signal is sound only beside an article: on a listing page the headlines are
the content. So it fires only when the dump also holds prose outside every such
run (``body_min_words``), and only on dumps (``page.kind == "text"``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .teasers import headline_shaped

SENTENCE_END = frozenset(".!?。！？")
CLOSERS = "\"'”’»)]"
TITLE_ROLES = frozenset({"line", "item"})
#: "3) Blade Runner (4K)", "10. Hinterland of Things": a numbered list is the article's own (a listicle)
ENUMERATED = regex.compile(r"^(?:\d{1,3}[.)]|#\d{1,3})\s")
TITLE_SEPARATOR = regex.compile(r"(?<!\s)\s+[|–—-]\s+")  # the look-behind: one try per run of spaces
#: words that carry content; four letters or more leaves most function words out in any language
CONTENT_WORD = regex.compile(r"\w{4,}")
#: "Date: 18 June", "Ingredients: ...": a field and its value, a fact sheet's line
FIELD = regex.compile(r"^\S+(?:\s\S+)?:\s")


def _norm(text: str) -> str:
    return " ".join(CONTENT_WORD.findall(text.casefold()))


def _own_titles(title: str | None) -> frozenset[str]:
    """The page title, whole and without the site name after a separator ("Headline | Site")."""
    if not title:
        return frozenset()
    return frozenset(_norm(t) for t in (title, *TITLE_SEPARATOR.split(title)[:1]) if t.strip())


class HeadlinesDetector:
    """Flags runs of headline-shaped lines in dumps that also hold an article's prose."""

    name: ClassVar[str] = "headlines"
    needs_dom: ClassVar[bool] = False

    def __init__(self, params: Mapping[str, Any] | None = None) -> None:
        table = load_table(self.name)
        p = {**table.get("params", {}), **(params or {})}
        self.title_min = int(p["title_min_words"])
        self.title_max = int(p["title_max_words"])
        self.title_max_chars = int(p["title_max_chars"])
        self.filler_max = int(p["filler_max_words"])
        self.run_min = int(p["run_min_titles"])
        self.mean_min = float(p["run_min_mean_words"])
        self.body_min = int(p["body_min_words"])
        self.prose_min = int(p["prose_min_words"])
        self.overlap_max = float(p["max_body_overlap"])
        self.weights: Mapping[str, float] = {k: float(v) for k, v in table["weights"].items()}

    def title_shaped(self, b: Block) -> bool:
        """A capital or digit first, 3-16 words, no sentence punctuation at the end."""
        return b.role in TITLE_ROLES and headline_shaped(
            b.text, self.title_min, self.title_max, self.title_max_chars
        )

    def title_like(self, b: Block) -> bool:
        """Headline-shaped, and neither numbered nor a field ("Date: ...")."""
        return self.title_shaped(b) and ENUMERATED.match(b.text) is None and FIELD.match(b.text) is None

    def runs(self, blocks: Sequence[Block], own: frozenset[str] = frozenset()) -> Iterator[list[int]]:
        """Maximal runs of title-like lines, fillers allowed between them; the titles' indices.

        ``own``: the page's own title (normalised), never one of the run's titles.
        """
        titles: list[int] = []
        for b in blocks:
            if self.title_like(b) and not (own and _norm(b.text) in own):
                titles.append(b.index)
            elif titles and (b.text.count(" ") + 1 <= self.filler_max or self.title_shaped(b)):
                continue  # a filler, the page's title, a numbered or field line: it neither ends the run nor counts
            else:
                if titles:
                    yield titles
                titles = []
        if titles:
            yield titles

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        if page.kind != "text" or not blocks:
            return
        lists = [
            r for r in self.runs(blocks, _own_titles(page.metadata.title))
            if len(r) >= self.run_min and sum(blocks[i].text.count(" ") + 1 for i in r) / len(r) >= self.mean_min
        ]  # fmt: skip
        if not lists:
            return
        prose = [self._prose(b) for b in blocks]
        if self._longest_passage(blocks, prose) < self.body_min:
            return
        listed = {i for r in lists for i in r}
        body = Counter(
            w.casefold()
            for b, is_prose in zip(blocks, prose, strict=True)
            if is_prose and b.index not in listed
            for w in CONTENT_WORD.findall(b.text)
        )
        w = self.weights["run"]
        for r in lists:
            shared = self._shared(blocks, r, body)
            if shared > self.overlap_max:
                continue  # the article's own list: its steps, picks, features share its words
            for n, i in enumerate(r, 1):
                yield Signal(
                    i, w, "headlines.run",
                    f"headline {n} of a run of {len(r)} title-like lines ({shared:.0%} of their words in the prose)",
                )  # fmt: skip

    def _prose(self, b: Block) -> bool:
        return b.text.count(" ") + 1 >= self.prose_min and b.text.rstrip(CLOSERS)[-1:] in SENTENCE_END

    @staticmethod
    def _longest_passage(blocks: Sequence[Block], prose: Sequence[bool]) -> int:
        """Words in the longest run of consecutive prose lines (``prose``: each block's _prose): an
        article's body, not a listing's summaries.

        A listing alternates titles and one-sentence summaries; only an article has paragraphs in a row.
        """
        best = run = 0
        for b, is_prose in zip(blocks, prose, strict=True):
            run = run + b.text.count(" ") + 1 if is_prose else 0
            best = max(best, run)
        return best

    @staticmethod
    def _shared(blocks: Sequence[Block], run: list[int], body: Counter[str]) -> float:
        """The mean share of a run's title words that the prose also uses."""
        shares = []
        for i in run:
            words = CONTENT_WORD.findall(blocks[i].text)
            shares.append(sum(w.casefold() in body for w in words) / len(words) if words else 0.0)
        return sum(shares) / len(shares)
