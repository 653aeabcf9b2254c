"""Headline lists in text dumps: other articles' titles, one per line, beside the article.

In HTML such lists are links and link density finds them; a dump keeps only the
text, where a list of headlines is a run of short, title-shaped lines (a capital
first, three to sixteen words, no sentence end) with nothing between them but
short fillers (a time "32M ago", a section name, a date). Menus have the same
run shape with one- to three-word labels, hence the mean-length floor; a run that
mixes headlines with short entries (each card's byline "By Staff Writer", a menu's
labels printed beside a "Most read" box) is a list too when it holds ``run_min_titles``
titles of headline length.

Teaser cards print each headline with its own summary line after it, with a name
and a date between ("<title>" / "<author>" / "<date>" / "<one-paragraph summary>"):
a run of cards alternates title-like lines and single summary lines, and there the
summaries go with their titles (``card_min_summaries``). Only dated cards count: an
article's own sections and a service page's features have the title-and-paragraph
shape but no dates; and a page with far more cards than prose is a listing.

The signal is sound only beside an article: on a listing page the headlines are
the content. So it fires only when the dump also holds prose outside every such
run (``body_min_words``), and only on dumps (``page.kind == "text"``); beside a
shorter story (``short_body_min_words``) only on runs of dated headlines.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .teasers import headline_shaped, is_date_line, is_dateline

SENTENCE_END = frozenset(".!?。！？")
CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«„¿¡"
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
        self.short_body_min = int(p["short_body_min_words"])
        self.prose_min = int(p["prose_min_words"])
        self.overlap_max = float(p["max_body_overlap"])
        self.card_min = int(p["card_min_summaries"])
        self.summary_overlap_max = float(p["max_summary_overlap"])
        self.card_body_ratio = float(p["max_card_body_ratio"])
        self.summary_min = int(p["summary_min_words"])
        self.summary_max = int(p["summary_max_words"])
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

    def cards(
        self, blocks: Sequence[Block], own: frozenset[str] = frozenset()
    ) -> Iterator[tuple[list[int], list[int], list[int]]]:
        """Maximal runs of teaser cards: (title-like lines, dated summaries, every summary), each summary
        after its title, a dated one with a date line in its card ("<title>" / "<author>" / "<date>" / "<summary>").

        Like ``runs``, but one line that is neither a title nor a filler may follow each
        title (its summary) without ending the run. Mostly only summaries whose card holds a date
        count: an article's own sections and a service page's feature cards have the
        title-and-paragraph shape too, but no dates (measured on WCXB dumps).
        """
        titles: list[int] = []
        summaries: list[int] = []
        undated: list[int] = []
        open_card = dated = False
        for b in blocks:
            words = b.text.count(" ") + 1
            if b.role != "meta" and self.title_like(b) and not (own and _norm(b.text) in own):
                titles.append(b.index)
                open_card = True
                dated = dated or is_dateline(b.text)
            elif titles and b.role != "meta" and (words <= self.filler_max or self.title_shaped(b)):
                dated = dated or is_dateline(b.text)
                continue
            elif open_card and self._summary(b, words):
                undated.append(b.index)
                if dated:
                    summaries.append(b.index)
                open_card = dated = False
            else:
                if titles:
                    yield titles, summaries, undated
                titles, summaries, undated, open_card, dated = [], [], [], False, False
        if titles:
            yield titles, summaries, undated

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        if page.kind != "text" or not blocks:
            return
        yield from self.glued_cards(blocks, page)
        own = _own_titles(page.metadata.title)
        lists = [r for r in self.runs(blocks, own) if self._listed(blocks, r)]
        found = list(self.cards(blocks, own))
        head = self._headline(blocks, own, found)
        # cards before the story's headline count undated; the headline ends their run
        cards = [(t, s) if t[0] > head else ([i for i in t if i < head], [i for i in u if i < head]) for t, s, u in found]
        cards = [(t, s) for t, s in cards if len(s) >= self.card_min]
        if not lists and not cards:
            return
        summaries = {i for _, s in cards for i in s}
        texts = {blocks[i].text for i in summaries}  # a card printed twice (a mega-menu, a footer) is no prose either
        prose = [self._prose(b) and b.text not in texts for b in blocks]
        longest, _ = self._longest_passage(blocks, prose)
        if longest < self.body_min:
            # A news brief: only its site's dated headline cards, never its own list or a listing's items.
            lists = [r for r in lists if self._dated(blocks, r)] if longest >= self.short_body_min else []
            if not lists:
                return
            cards = []
        if sum(blocks[i].text.count(" ") + 1 for i in summaries if i > head) > self.card_body_ratio * longest:
            # far more cards than article: a listing with an introduction, whose cards are its content (a
            # mega-menu's cards before the headline are no listing's)
            cards = [(t, s) for t, s in cards if t[0] < head]
        listed = {i for r in lists for i in r} | {i for t, _ in cards for i in t}
        body = Counter(
            w.casefold()
            for b, is_prose in zip(blocks, prose, strict=True)
            if is_prose and b.index not in listed
            for w in CONTENT_WORD.findall(b.text)
        )
        flagged: set[int] = set()
        for r in lists:
            yield from self._flag(blocks, r, [], body, flagged)
        for t, s in cards:
            yield from self._flag(blocks, t, s, body, flagged)

    def glued_cards(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        """Runs of lines that each glue a title-cased headline to its summary: teaser cards whose title and
        text were inline elements, printed by innerText as one line each ("Bakery Wins Award For Its Rye BreadThe
        judges praised..."). A story's own lines never open so; a camel-cased name in prose ("YouTube") has no
        title-cased words before it. A short line (a section's label, "Sports") does not end the run.

        Beside an article only, as the cards of ``cards``: the dump holds a passage of prose in a row of
        ``body_min_words``, and a run's summaries hold at most ``max_card_body_ratio`` times its words (more
        is a listing with an introduction, whose cards are its content).
        """
        if page.metadata.page_type in GLUED_CONTENT_TYPES:
            return
        runs: list[list[int]] = []
        run: list[int] = []
        glued: dict[int, int] = {}
        for b in [*blocks, None]:
            cut = _glued_at(b.text) if b is not None else None
            if b is not None and cut is not None:
                run.append(b.index)
                glued[b.index] = cut
            elif not (b is not None and run and b.text.count(" ") + 1 <= GLUED_LABEL_WORDS):
                if len(run) >= GLUED_RUN:
                    runs.append(run)
                run = []
        if not runs:
            return
        prose = [self._prose(b) and b.index not in glued for b in blocks]
        longest, _ = self._longest_passage(blocks, prose)
        if longest < self.body_min:
            return
        for r in runs:
            if sum(blocks[i].text[glued[i] :].count(" ") + 1 for i in r) > self.card_body_ratio * longest:
                continue  # a listing's own list of cards under its introduction
            for n, i in enumerate(r, 1):
                yield Signal(i, self.weights["glued"], "headlines.glued-card", f"card {n} of {len(r)}: a headline glued to its summary")

    def _flag(
        self, blocks: Sequence[Block], titles: list[int], summaries: list[int], body: Counter[str], flagged: set[int]
    ) -> Iterator[Signal]:
        """The run's signals, unless its titles share the prose's words (the article's own list)."""
        shared = self._shared(blocks, titles, body)
        if shared > self.overlap_max or (summaries and self._shared(blocks, summaries, body) > self.summary_overlap_max):
            return  # the article's own list: its steps, picks, features share its words
        what = f"a run of {len(titles)} title-like lines" + (f" and {len(summaries)} summaries" if summaries else "")
        for n, i in enumerate(titles, 1):
            if i not in flagged:
                yield Signal(
                    i, self.weights["run"], "headlines.run", f"headline {n} of {what} ({shared:.0%} of their words in the prose)"
                )  # fmt: skip
        for n, i in enumerate(summaries, 1):
            yield Signal(i, self.weights["summary"], "headlines.summary", f"summary {n} of {what}")
        flagged.update(titles)

    def _listed(self, blocks: Sequence[Block], run: list[int]) -> bool:
        """A run is a list of headlines: enough titles, long on average or enough of them of headline length.

        Bylines and labels between the headlines pull the mean under a menu's: counting the long titles
        alone finds such lists too (ScrapingHub dumps: a short story above its site's cards of
        title / "By <agency>" / date).
        """
        words = [blocks[i].text.count(" ") + 1 for i in run]
        if len(run) < self.run_min:
            return False
        return sum(words) / len(words) >= self.mean_min or sum(w >= self.mean_min for w in words) >= self.run_min

    def _dated(self, blocks: Sequence[Block], run: list[int]) -> bool:
        """At least ``run_min_titles`` date lines among the run's titles: dated headlines. (Not a share of
        the titles: a footer's menu printed right after the cards runs on with them.)"""
        return sum(is_date_line(blocks[j].text) for j in range(run[0], run[-1] + 1)) >= self.run_min

    def _summary(self, b: Block, words: int) -> bool:
        """A whole paragraph of a few sentences, a capital first: a piece of a paragraph cut at a
        link, as WET-like dumps print it, mostly opens in lower case. (No sentence end required:
        sites cut summaries short, with or without an ellipsis.)"""
        text = b.text
        return (
            b.role in TITLE_ROLES and self.summary_min <= words <= self.summary_max
            and (text[0].isupper() or text[0].isdigit() or text[0] in OPENERS)
        )  # fmt: skip

    def _prose(self, b: Block) -> bool:
        return b.text.count(" ") + 1 >= self.prose_min and b.text.rstrip(CLOSERS)[-1:] in SENTENCE_END

    def _headline(
        self, blocks: Sequence[Block], own: frozenset[str], found: Sequence[tuple[list[int], list[int], list[int]]]
    ) -> int:
        """The index of the story's own headline when teaser cards come before it, else -1: the last line
        repeating the page's title before the story's body (its longest prose passage, of body_min_words), in
        a headline's shape (a section's name, "Services", is no story's headline).

        A WET-like dump prints a mega-menu's hidden cards (title and summary, undated) before the story;
        an article's own sections and a service page's features follow its headline, so only cards before
        it count undated.
        """
        if not own or not any(len(u) >= self.card_min for _, _, u in found):
            return -1
        summaries = {i for _, _, u in found for i in u}
        words, start = self._longest_passage(blocks, [self._prose(b) and b.index not in summaries for b in blocks])
        if words < self.body_min:
            return -1
        heads = [b.index for b in blocks[1:start] if b.role != "meta" and _norm(b.text) in own and self.title_shaped(b)]
        return heads[-1] if heads else -1

    @staticmethod
    def _longest_passage(blocks: Sequence[Block], prose: Sequence[bool]) -> tuple[int, int]:
        """Words in the longest run of consecutive prose lines (``prose``: each block's _prose), and the index
        of its first line: an article's body, not a listing's summaries.

        A listing alternates titles and one-sentence summaries; only an article has paragraphs in a row.
        """
        best = run = start = best_start = 0
        for b, is_prose in zip(blocks, prose, strict=True):
            if is_prose and not run:
                start = b.index
            run = run + b.text.count(" ") + 1 if is_prose else 0
            if run > best:
                best, best_start = run, start
        return best, best_start

    @staticmethod
    def _shared(blocks: Sequence[Block], run: list[int], body: Counter[str]) -> float:
        """The mean share of a run's title words that the prose also uses."""
        shares = []
        for i in run:
            words = CONTENT_WORD.findall(blocks[i].text)
            shares.append(sum(w.casefold() in body for w in words) / len(words) if words else 0.0)
        return sum(shares) / len(shares)


#: where a dump glues a card's title to its summary ("...Rye BreadThe judges..."): a lower-case letter (two of
#: them: "iPhone" is a name), a digit ("Top 10The list...") or a closing mark, then a capital opening a word
GLUE = regex.compile(r"(?:\p{Ll}{2}|\d|[)?!’”\"])(?=\p{Lu}(?:\p{Ll}|\s))")
#: the glued title is this many characters long
GLUED_TITLE_CHARS = (15, 150)
#: a glued card's title is title-cased: this share of its words of GLUED_WORD_LETTERS letters or more open
#: with a capital, and there are GLUED_TITLE_WORDS of them at least ("The entry-level 13-inch MacBook" is a
#: sentence naming a product, not a headline)
GLUED_TITLE_CAPS = 0.8
GLUED_WORD_LETTERS = 4
GLUED_TITLE_WORDS = 3
#: a headline says what happened, in this many words or more; a product's or a service's feature card is
#: titled by a short name ("Cloud Backup"), glued to its text the same way, and is the page's content
GLUED_HEADLINE_WORDS = 6
#: cards come in lists: at least this many glued lines in a row...
GLUED_RUN = 3
#: ...where a line of this many words at most (a section's label) does not end the run
GLUED_LABEL_WORDS = 3
#: declared page types whose cards are the page
GLUED_CONTENT_TYPES = frozenset({"listing"})


#: a summary that opens with a news dateline in capitals ("Bakery wins the regional award for rye bread LYON: The
#: judges ...", "... PORTO (AP) — The ..."), after a headline of GLUED_HEADLINE_WORDS words or more in any case: a
#: card printed with a space between its title and its summary
DATELINE_GLUE = regex.compile(r"\s(?=\p{Lu}{2,}(?:[\s-]\p{Lu}{2,}){0,3}(?::|\s\(\p{Lu}+\)\s?[—–-])\s\p{Lu})")


#: in ASCII text a glue needs a lower-case letter, a digit or a closing mark right before a capital, and a
#: dateline two capitals in a row: most lines hold neither, told by the stdlib engine in a fraction of the time
ASCII_GLUE = re.compile(r"[a-z0-9)?!\"][A-Z]|[A-Z]{2}")


def _glued_at(text: str) -> int | None:
    """Where a dumped line's headline ends and the text glued to it begins, or None: a title-cased headline
    glued to its summary, or a headline before a summary that opens with a dateline."""
    if text.isascii() and ASCII_GLUE.search(text) is None:
        return None
    dateline = DATELINE_GLUE.search(text, GLUED_TITLE_CHARS[0], GLUED_TITLE_CHARS[1])
    if dateline is not None and len(text[: dateline.start()].split()) >= GLUED_HEADLINE_WORDS:
        return dateline.end()
    for m in GLUE.finditer(text, GLUED_TITLE_CHARS[0], GLUED_TITLE_CHARS[1]):
        title = text[: m.end()].split()
        words = [w for w in (w.strip("'\"‘’“”(),:;") for w in title) if len(w) >= GLUED_WORD_LETTERS]
        capped = sum(w[0].isupper() for w in words)
        if len(title) >= GLUED_HEADLINE_WORDS and len(words) >= GLUED_TITLE_WORDS and capped >= GLUED_TITLE_CAPS * len(words):
            return m.end()
    return None
