"""Content evidence: length, sentence shape, stopword density, link density.

The only detector that argues *for* blocks. Prose is long, ends its sentences and
is dense in function words of its language; menus, labels and link lists are
none of these. The page's language is guessed once from all blocks together,
so a short block is judged against the page's stoplist, not its own guess.
On HTML, ``evidence.post-body`` marks the place where a page repeats its posts'
bodies (see _post_bodies); the pipeline hears it on threads only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from typing import ClassVar

import regex

from ..model import FRAME_LANDMARKS, Block, PageInfo, Signal
from ..rules import load_table

_TABLE = load_table("evidence")
_PARAMS = _TABLE["params"]
STOPWORDS: dict[str, frozenset[str]] = {lang: frozenset(ws) for lang, ws in _TABLE["stopwords"].items()}
FUNCTION_CHARS: dict[str, frozenset[str]] = {lang: frozenset(cs) for lang, cs in _TABLE["function_chars"].items()}
LANGUAGE_ALIASES: dict[str, str] = dict(_TABLE["language_aliases"])
#: each function word -> the languages whose stoplist holds it: guess_language looks a word up once,
#: not once per language
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, stop in STOPWORDS.items() if w in stop) for w in frozenset().union(*STOPWORDS.values())
}
WORD = regex.compile(r"[\p{L}\p{M}\p{N}']+")
#: WORD on lower-cased ASCII text, where letters, marks and numbers are a-z and 0-9: the stdlib engine
#: finds these words in half the time, and function_density runs over every block of 25 chars or more
ASCII_WORD = re.compile(r"[a-z0-9']+")
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
HANGUL = regex.compile(r"\p{Hangul}")
SENTENCE_END = regex.compile(r"[.!?。！？…:;][\"'”’»)\]]*\s*$")
SENTENCE_INSIDE = regex.compile(r"\p{Ll}[.!?。！？]\s+\p{Lu}|[。！？]")


def effective_length(text: str) -> int:
    """Characters, with CJK characters counted as several: they carry a word each."""
    cjk = len(CJK.findall(text)) if not text.isascii() else 0
    return len(text) + cjk * (int(_PARAMS["cjk_factor"]) - 1)


def guess_language(blocks: Sequence[Block], limit: int = 4000) -> str | None:
    """The stoplist language with most hits over the page's first ``limit`` words."""
    sample = " ".join(b.text for b in blocks[:400])[: limit * 7]
    if sample.isascii():  # no CJK to count, and ASCII_WORD finds WORD's words in the lower-cased text
        words = Counter(ASCII_WORD.findall(sample.lower())[:limit])
    else:
        cjk = CJK.findall(sample[:20000])
        if len(cjk) > 200:
            if len(KANA.findall(sample[:20000])) > len(cjk) * 0.15:
                return "ja"
            return "ko" if len(HANGUL.findall(sample[:20000])) > len(cjk) * 0.5 else "zh"
        words = Counter(map(str.lower, WORD.findall(sample)[:limit]))
    hits = dict.fromkeys(STOPWORDS, 0)
    for w, n in words.items():
        for lang in _STOPWORD_LANGUAGES.get(w, ()):
            hits[lang] += n
    best, best_hits = None, 0
    for lang, n in hits.items():  # in STOPWORDS order: of languages with equal hits, the first wins
        if n > best_hits:
            best, best_hits = lang, n
    return best


def function_density(text: str, lang: str | None) -> float:
    """Share of a block's words (or CJK characters) that are function words of ``lang``."""
    if lang in FUNCTION_CHARS:
        chars = CJK.findall(text)
        if not chars:
            return 0.0
        fc = FUNCTION_CHARS[lang]
        return sum(map(fc.__contains__, chars)) / len(chars)
    lower = text.lower()
    words = (ASCII_WORD if lower.isascii() else WORD).findall(lower)
    if not words:
        return 0.0
    stop = STOPWORDS.get(lang or "en", STOPWORDS["en"])
    return sum(map(stop.__contains__, words)) / len(words)


class EvidenceDetector:
    """Positive evidence for prose, negative for short, thin or link-dense blocks."""

    name: ClassVar[str] = "evidence"
    needs_dom: ClassVar[bool] = False

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        lang = page.language or guess_language(blocks)
        lang = lang.split("-")[0].lower() if lang else None
        lang = LANGUAGE_ALIASES.get(lang, lang) if lang else None
        # Function words are evidence only in a language we have them for: measured against another
        # language's list (Arabic against English), every paragraph looks like a menu. A page whose
        # language no list recognises is measured against English (keywords, codes, link lists).
        judged = lang is None or lang in STOPWORDS or lang in FUNCTION_CHARS
        # Only a product declares its own text as its description; an article's is a teaser of it.
        described = _described(blocks, page.metadata.description) if page.metadata.page_type == "product" else frozenset()
        sheet = _description_sheet(blocks, described)
        for b in blocks:
            yield from self._judge(b, lang, judged)
            if b.index in described:
                yield Signal(b.index, DESCRIBED_WEIGHT, "evidence.described", "holds the page's declared description")
            if b.index in sheet:
                yield Signal(b.index, SHEET_WEIGHT, SHEET_RULE, f"in a dialog, in #{sheet[b.index]} with the declared description")
        if page.kind == "html":
            yield from _post_bodies(blocks)
        yield from _quote_headers(blocks)

    def _judge(self, b: Block, lang: str | None, judged: bool = True) -> Iterator[Signal]:
        p = _PARAMS
        n = effective_length(b.text)
        i = b.index
        if b.role == "code":
            if n >= 20:
                yield Signal(i, 0.6, "evidence.code", f"code block of {n} chars")
            return
        if b.text.count("://") >= ADDRESSES_MIN:
            addresses = WEB_ADDRESS.findall(b.text)
            share = sum(len(u) for u in addresses) / len(b.text)
            if share >= ADDRESSES_SHARE and sum(1 for u in addresses if IMAGE_FILE.search(u)) >= ADDRESSES_MIN:
                # Leaked image data is not prose, however long: no length or sentence evidence for it.
                yield Signal(i, ADDRESSES_WEIGHT, "evidence.image-addresses", f"image addresses are {share:.0%} of its text")
                return
        if n >= p["long_chars"]:
            yield Signal(i, 1.2, "evidence.long", f"{n} chars")
        elif n >= p["medium_chars"]:
            yield Signal(i, 0.7, "evidence.medium", f"{n} chars")
        elif n < p["short_chars"] and b.role not in ("heading", "row", "item"):
            yield Signal(i, -0.4, "evidence.short", f"only {n} chars")
        ends = SENTENCE_END.search(b.text) is not None
        if ends and n >= 30:
            yield Signal(i, 0.4, "evidence.sentence", "ends like a sentence")
        elif not ends and n >= 40 and not SENTENCE_INSIDE.search(b.text) and b.role not in ("heading", "row"):
            yield Signal(i, -0.3, "evidence.no-sentence", "no sentence punctuation")
        if n >= 25 and judged:
            density = function_density(b.text, lang)
            if density >= p["prose_stopword_density"]:
                yield Signal(i, 0.5, "evidence.stopwords", f"{density:.2f} function words ({lang})")
            elif density < p["thin_stopword_density"] and b.role not in ("row", "code", "item", "heading"):
                yield Signal(i, -0.4, "evidence.no-stopwords", f"{density:.2f} function words ({lang})")
        ld = b.link_density
        # A docs heading wrapped in its own anchor (<h2><a href="#events">) links to itself, not away.
        if ld >= p["high_link_density"] and not b.permalink:
            if _described_links(b, ends):
                yield Signal(i, (-0.6 - 1.4 * ld) * DESCRIBED_LINKS_FACTOR, "evidence.described-links",
                             f"link density {ld:.2f}, {b.links} links of {len(b.text.split()) / b.links:.0f} words")
            else:
                yield Signal(i, -0.6 - 1.4 * ld, "evidence.links", f"link density {ld:.2f}")


#: a grid of linked feature tiles printed as one block: each tile a link holding its title and a sentence
#: that describes it ("AI agents Automate 80% of interactions."), so the block is links through and through
#: (DESCRIBED_LINKS_DENSITY), this many of them or more, this many words a link on average, and a sentence
#: end for every other link. Such links are the page's own text: their penalty is halved. Menus have a word
#: or two a link and no sentences; a list of related headlines beside a story is partly unlinked labels and
#: ends no sentences (ScrapingHub: halved there, a story took two such lists, F1 .93 -> .87); a mega-menu's
#: described entries and a footer's sit in nav, header, footer or aside landmarks, which keep the penalty.
DESCRIBED_LINKS_MIN = 3
DESCRIBED_LINK_WORDS = 4
DESCRIBED_LINKS_DENSITY = 0.9
DESCRIBED_LINKS_FACTOR = 0.5
DESCRIBED_LINKS_OUTSIDE = frozenset({"nav", "header", "footer", "aside"})
#: a sentence's end inside a block: its mark before a space, a capital (tiles run together) or the end
TILE_SENTENCE_END = re.compile(r"[.!?](?=\s|[A-Z]|$)")


def _described_links(b: Block, ends: bool) -> bool:
    """Whether a link-dense block is a grid of linked tiles, each a title and its describing sentence."""
    return (
        ends and b.link_density >= DESCRIBED_LINKS_DENSITY and b.links >= DESCRIBED_LINKS_MIN
        and len(b.text.split()) >= DESCRIBED_LINK_WORDS * b.links and not (b.landmarks & DESCRIBED_LINKS_OUTSIDE)
        and 2 * len(TILE_SENTENCE_END.findall(b.text)) >= b.links
    )


WEB_ADDRESS = re.compile(r"[a-z]{2,10}://\S+", re.IGNORECASE)  # a bounded scheme: linear on long runs without "://"
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)\b", re.IGNORECASE)
#: a block holding this many addresses of image files or more, making up this share of its text, is no
#: prose: an image slider's settings leaked into the page ("https://.../a.jpg 1200 676 admin https://...b.jpg").
#: Addresses of pages in a docs sentence ("if the console shows https://..., enter https://.../sms") are text.
ADDRESSES_MIN = 2
ADDRESSES_SHARE = 0.4
ADDRESSES_WEIGHT = -1.5


#: a declared description this many words long or more is looked for in the page's blocks...
DESCRIBED_MIN_WORDS = 8
#: ...by its first words (a meta description is often cut short, "..." added)
DESCRIBED_PREFIX_WORDS = 12
DESCRIBED_WEIGHT = 1.0


#: the description's sheet: the blocks inside a dialog under the element that holds a block of the declared
#: description, when that element holds at most SHEET_MAX_BLOCKS blocks. The lift cancels the dialog's mark
#: (widgets.landmark-dialog, -1.5) and adds what a description's heading and feature list need to stand
#: beside it. WCXB product pages, tuned third: one page .13 -> .98, the others unchanged; a lift of the same
#: element's blocks outside dialogs too (+1.0) cost three (.87 -> .70, .95 -> .89, .94 -> .92).
SHEET_MAX_BLOCKS = 40
SHEET_WEIGHT = 2.0
SHEET_RULE = "evidence.described-sheet"


def _description_sheet(blocks: Sequence[Block], described: frozenset[int]) -> dict[int, int]:
    """The blocks of a dialog that shows the declared description, with the element around them: block -> element.

    A shop's theme may print a product's description in a sheet or a drawer its "Description" button
    opens (role="dialog"): the paragraph, the heading over it, the list of features, the fit and the SKU.
    They are the page's text, not a modal's, though the menus and the size guide beside them are dialogs too.
    """
    found: dict[int, int] = {}
    for i in described:
        b = blocks[i]
        if "dialog" not in b.landmarks or len(b.containers) < 2:
            continue
        box = b.containers[-2]
        members = [x.index for x in blocks if box in x.containers]
        if len(members) <= SHEET_MAX_BLOCKS:
            found.update((m, box) for m in members if "dialog" in blocks[m].landmarks)
    return found


def _described(blocks: Sequence[Block], description: str | None) -> frozenset[int]:
    """The blocks that hold the page's declared description, or a part of it eight words long or more.

    A product's description is declared (JSON-LD, og:description) and printed: the page's own text,
    which the page's widgets (a drawer, a tab) may hide from the other evidence.
    """
    words = WORD.findall(description.lower()) if description else []
    if len(words) < DESCRIBED_MIN_WORDS:
        return frozenset()
    key = " ".join(words)
    prefix = " ".join(words[:DESCRIBED_PREFIX_WORDS])
    found = set()
    for b in blocks:
        if b.role == "meta" or len(b.text) < DESCRIBED_MIN_WORDS * 2:
            continue
        own = WORD.findall(b.text.lower())
        if len(own) < DESCRIBED_MIN_WORDS:
            continue
        text = " ".join(own)
        if text in key or prefix in text:
            found.add(b.index)
    return frozenset(found)


#: a quote's header line: a name of one to four words, then the language's "said:", alone in a quote box.
#: The dated form ("On 3/5/2024 at 7:29 PM, <name> said:") is left to the other evidence.
QUOTE_HEADER = regex.compile(
    r"^(?!on\s)\S+(?:\s+\S+){0,3}\s+(?:" + "|".join(map(regex.escape, _TABLE["quote_header"]["verbs"])) + r")\s?:$",
    regex.IGNORECASE,
)
QUOTE_HEADER_MAX_CHARS = 60
#: outweighs what a header's shape says against it: a link (-2.0), in a run of short links (-0.7), its text
#: repeated where the same post is quoted again (-1.5). WCXB forum .8198 -> .8203 (thirds +.0004/-.0003/+.0013;
#: tuned third 0519, 0522 up .01, one board whose truth drops its headers down .01)
QUOTE_HEADER_WEIGHT = 4.0
QUOTE_HEADER_RULE = "evidence.quote-header"


def _quote_headers(blocks: Sequence[Block]) -> Iterator[Signal]:
    """A quote's header ("<name> said:") inside a post: the reply's own line, naming whose words it quotes."""
    for b in blocks:
        if b.role == "quote" and len(b.text) <= QUOTE_HEADER_MAX_CHARS and QUOTE_HEADER.match(b.text):
            yield Signal(b.index, QUOTE_HEADER_WEIGHT, QUOTE_HEADER_RULE, "a quote's header: whose words follow")


#: a post body's place: its tag path and the class/id of its nearest classed elements, numbers dropped
#: (vBulletin's id="post_message_81723" is every post's "post_message_")
POST_KEY_LEVELS = 2
DIGITS = re.compile(r"\d+")
#: a place holds the posts of a thread when this many of its blocks, in as many containers, are prose
#: (this long, mostly unlinked) and they are at least half of its blocks
POST_MIN_BODIES = 3
POST_BODY_CHARS = 60
POST_BODY_LINKS = 0.5
POST_BODY_WEIGHT = 0.8
#: only the posts shorter than this are lifted: a longer one is kept on its own evidence, and lifting
#: every post outweighed a Q&A page's question beside its answers (decide._with_opening_post)
POST_SHORT_CHARS = 150
POST_BODY_RULE = "evidence.post-body"


def _post_bodies(blocks: Sequence[Block]) -> Iterator[Signal]:
    """The blocks in the place where a page repeats its posts' text: each post's body, however short.

    A thread prints every post the same way: the body of each sits at the same tag path under
    the same classes (a signature or a poster's card beside it sits elsewhere). Where three or
    more such blocks in different posts are prose, the short ones beside them ("Same here.",
    "oled i think") are posts too, not the labels between them. Of several such places (the
    bodies, the signatures, the quotes) the one holding the most prose is the posts'. Heard on threads only
    (pipeline.THREAD_ONLY_SCALE): off a thread the same shape is a comment section's.
    """
    places: dict[tuple[str, ...], list[Block]] = defaultdict(list)
    for b in blocks:
        if b.attr_levels and b.role not in ("heading", "code", "title"):
            places[(b.path, *(DIGITS.sub("", a) for a in b.attr_levels[:POST_KEY_LEVELS]))].append(b)
    best: list[Block] = []
    best_chars = 0
    for members in places.values():
        if len(members) < POST_MIN_BODIES:
            continue
        bodies = [b for b in members if len(b.text) >= POST_BODY_CHARS and b.link_density < POST_BODY_LINKS]
        if len(bodies) * 2 < len(members) or len({b.containers[-1:] for b in bodies}) < POST_MIN_BODIES:
            continue
        chars = sum(len(b.text) for b in bodies)
        if chars > best_chars:
            best, best_chars = members, chars
    why = f"a post's body: {len(best)} blocks alike"
    for b in best:
        if len(b.text) < POST_SHORT_CHARS and b.link_density < POST_BODY_LINKS:
            yield Signal(b.index, POST_BODY_WEIGHT, POST_BODY_RULE, why)
    if best:
        yield from _thread_tail(blocks, best)


def _thread_tail(blocks: Sequence[Block], posts: Sequence[Block]) -> Iterator[Signal]:
    """The short blocks after a thread's last post, outside it: the board's chrome under the thread.

    The last post ends in the outermost of its containers that holds no other post's body; what
    follows it, outside that container and after the last prose (a post the place missed), is the
    reply box's login prompt, the "similar questions" line, the next thread's teaser: a sentence
    shape and function words are no evidence there. Heard on threads only (pipeline.THREAD_ONLY_SCALE).
    WCXB forum pages, tuned third .8668 -> .8676 (two pages up, none down; any weight from -1 to -3).
    """
    last = posts[-1]
    others = {c for b in posts[:-1] for c in b.containers}
    own = next((c for c in last.containers if c not in others), None)
    if own is None:
        return
    at = last.index if last.index < len(blocks) and blocks[last.index] is last else list(blocks).index(last)
    after = blocks[at + 1:]
    # a post the place missed (a nested reply, another layout's) is prose after it, outside the page's
    # frame (a footer's copyright line is no post): the tail starts after that
    prose = [i for i, b in enumerate(after) if len(b.text) >= POST_BODY_CHARS and b.link_density < POST_BODY_LINKS
             and not FRAME_LANDMARKS.intersection(b.landmarks)]  # fmt: skip
    for b in after[prose[-1] + 1 if prose else 0:]:
        if own not in b.containers and len(b.text) < TAIL_MAX_CHARS:
            yield Signal(b.index, TAIL_WEIGHT, TAIL_RULE, "after the thread's last post, outside it")


#: a block after the last post and shorter than this is the board's chrome (see _thread_tail)
TAIL_MAX_CHARS = 200
TAIL_WEIGHT = -1.5
TAIL_RULE = "evidence.thread-tail"
