"""The pipeline: source -> blocks -> signals -> verdicts -> Result.

A Pipeline is immutable: editing methods return a new pipeline, so one object
can serve many threads and no configuration is global.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.metadata import entry_points
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from . import render
from .decide import (
    RELATED_PROSE_CHARS,
    Tunables,
    card_fields,
    card_lists,
    decide,
    fallback,
    is_dump,
    kept_words,
    marked,
    priced_lists,
    word_count,
)
from .detectors import default_detectors
from .detectors.base import Detector
from .detectors.evidence import guess_language
from .detectors.template import TemplateCounts, with_site_model
from .errors import DetectorError, ExtractionTimeout, InvalidInputError, InvalidOptionError
from .metadata.html import html_metadata
from .metadata.text import text_metadata
from .model import Block, Kind, Metadata, PageInfo, Result, Signal, Verdict
from .pagetype import page_type
from .rules.index import WORDS, WORDS_MAX_CHARS, Literals, RuleIndex, plain_text, shared_literals
from .segment.html import segment_html, segment_html_streamed
from .segment.prelude import mark_prelude
from .segment.text import segment_text
from .source import check_kind, parse_html, parsed_tree, sniff_kind, to_text

ENTRY_POINT_GROUP = "boilerstrip.detectors"
#: rules that place a block in a comment section: a page type rescales them (see _as_thread)
COMMENT_RULES = ("widgets.comments-class", "widgets.landmark-comments")
#: ...and with a comment vendor's container and the comments under posts, what include_comments silences
COMMENT_LOCATION_RULES = (*COMMENT_RULES, "widgets.comment-vendor", "widgets.post-comments")
COMMENT_SCALE = 4.0
REVIEW_SCALE = 3.0
#: the fine-print class (consent.fineprint-class) on a product page: there it is the terms under a price (financing,
#: trade-in, "* results may vary"), not an article's footnotes. WCXB, pages declared product: tuned third +.235 on
#: one collection page, held out +.38 and +.03 on two product pages, none lower; at 3.0 a service page's main
#: column lost the region to its FAQ (-.13)
FINEPRINT_SCALE = 2.5
#: a testimonial box beside an article is the site's own promotion (a clinic's patients' praise under its health
#: tips): there it weighs as a review widget does (widgets.toml: testimonial-class, half of reviews-class). Off
#: articles testimonials are as often a service's page text as not. WCXB, testimonial-class at -0.3 everywhere:
#: thirds +.0014/+.0005/-.0007, an article 1.00 -> .69 and another .90 -> .83; with this factor the articles
#: are as before
TESTIMONIAL_SCALE = 2.0
SIGNATURE_SCALE = 1.5
#: a call to action ("Get started", "Find out more") on a page that declares no type: such pages are most
#: often a service's or a product's landing page, where the offer's lines end in one and the call is the page's
#: own text; a declared article's is a promo beside the story. Heard at all, the label was held out as named
#: boilerplate and stood as a barrier between the sections around it, each button cutting the feature cards
#: after it from the region's text; unheard, it weighs on its shape alone and follows its neighbours (a linked
#: or repeated one still goes). WCXB, 0.5 -> 0: thirds .9040/.8758/.8672 -> .9045/.8755/.8676, service .8449 ->
#: .8465 (thirds +.0049/-.0021/+.0022); ScrapingHub unchanged (its articles declare themselves)
UNDECLARED_CTA_SCALE = 0.0
#: evidence an HTML page that declares no type weighs differently. Not a dump's: a text dump declares nothing,
#: whatever it was (WCXB-500 dumps a/b: -.0001 with it, a held-out service page -.02)
UNDECLARED_HTML_SCALE: dict[str, float] = {"widgets.cta-label": UNDECLARED_CTA_SCALE}
REVIEW_RULES = frozenset({"widgets.reviews-class", "widgets.review-widget"})
#: evidence a page type weighs differently: on a product page the reviews are other people's
#: opinions beside the product's own description, as comments are beside an article, and fine print is terms;
#: on a listing the URLs its JSON-LD declares (a CollectionPage's ItemList) are its own items, so a card title
#: that is such a URL's slug is no related link (teasers.related-url)
PAGE_TYPE_SCALE: dict[str, dict[str, float]] = {
    "product": {**dict.fromkeys(REVIEW_RULES, REVIEW_SCALE),
                "consent.fineprint-class": FINEPRINT_SCALE, "widgets.author-bio": 0.0},
    "article": {"widgets.testimonial-class": TESTIMONIAL_SCALE},
    "listing": {"teasers.related-url": 0.0},
}
#: evidence a thread weighs differently: a one-line reply ("Same here, the update fixed it") is a
#: post, so shortness is no evidence against a block there, nor a dump's line beside a name a headline's
#: summary; a signature's markup weighs more, as a
#: member's motto or gear list under every post has a sentence's shape (WCXB forum, tuned third: two
#: signatures of one page dropped, .851 -> .865, for any factor from 1.5 to 2; at 2.5 a Q&A page whose user
#: cards carry the class went to the structure pass)
THREAD_SCALE: dict[str, float] = {"headlines.summary": 0.0, "evidence.short": 0.0, "widgets.author-bio": 0.0,
                                  "teasers.shape": 0.0, "widgets.signature-class": SIGNATURE_SCALE}
#: evidence heard on threads only: off a thread the comment classes weigh enough (COMMENT_SCALE), and a
#: docs page whose steps repeat per language tab looked like posts with comments under each
THREAD_ONLY_SCALE: dict[str, float] = {"widgets.post-comments": 0.0, "evidence.post-body": 0.0,
                                        "evidence.thread-tail": 0.0, "widgets.thread-tail": 0.0,
                                        "widgets.stamped-comment": 0.0}
#: page types whose content is one container (an article, a thread of posts); elsewhere the main
#: region may take sibling sections too (decide.html_regions)
SINGLE_REGION_TYPES = frozenset({"article", "forum"})
#: page types whose lists of cards are their content from the first pass on (decide.listing_card_signals)
CARD_TYPES = frozenset({"listing"})
#: page types whose lists of cards are content when their page has the shape of a listing: an undeclared
#: page whose first pass stands (no structure pass) is judged again with its lists of SHAPE_CARD_ITEMS
#: cards or more as on a declared listing. Fewer items are a related box beside an article (three to five
#: teasers): on the WCXB tuned third, lists of 4 or 5 cards cost articles .087/.026/.006 on three pages
#: and 6 leaves the listing gains (WCXB listing +.012 tuned, +.007/+.003 held out; ScrapingHub unchanged)
SHAPE_CARD_TYPES: frozenset[str | None] = frozenset({None})
SHAPE_CARD_ITEMS = 6
#: a dump's cards are the page when they hold this many times the words of the prose (paragraphs of
#: decide.RELATED_PROSE_CHARS or longer) the first pass kept beside them. WCXB 500 dumps a/b/c, against
#: 1 and 2: ScrapingHub's articles b -.0022/.0000/.0000, c -.0010/-.0002/+.0001 (1/2/4); WCXB c held out
#: (full-dataset thirds 1) -.0035/-.0035/+.0006
DUMP_CARD_PROSE = 4.0
#: a dump judged as a grid of cards whose first pass kept no story's prose (_kept_story: the page is its
#: cards): the cards' titles beside their date lines are what the teaser and headline-run rules read as a box
#: of other stories, and at full weight (-1.8 a title) they outweighed the cards' lift (+0.5), so the carded
#: judgement kept none. Beside a story's paragraphs the same cards are its "latest news" box, and the rules stay
DUMP_CARD_SCALE: dict[str, float] = {"teasers.shape": 0.0, "headlines.run": 0.0}
#: page types whose lists of cards are carousels of other items (decide.Tunables.carousels)
CAROUSEL_TYPES = frozenset({"product"})
#: page types whose lists of cards after their prose are related stories (decide.related_card_signals); None:
#: a page that declares no type, whose feed of six or more cards after a story otherwise went the listing way
#: (SHAPE_CARD_TYPES) and was kept. WCXB, moved pages per third (tuned/held/held): +2/-0, +4/-1, +4/-1; the two
#: losses a service and a collection page
RELATED_CARD_TYPES: frozenset[str | None] = frozenset({"article", None})
#: when less than this much text is kept, look into <noscript> and hidden elements too
REVEAL_BELOW_CHARS = 1000
#: a declared article's streamed chunks, read in place, keep its judgement without them when the
#: judgement with them keeps at least this share of what that one kept (see Pipeline._unstreamed)
STREAM_COVER = 0.8
#: Pseudo-detectors of the decision stage; their weights can be set like any detector's.
DECISION_STEPS = ("region", "context")


def _plugin_detectors() -> list[Detector]:
    found: list[Detector] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        obj = ep.load()
        det = obj() if isinstance(obj, type) or callable(obj) and not hasattr(obj, "detect") else obj
        if not isinstance(det, Detector):
            raise DetectorError(f"entry point {ep.name!r} does not provide a detector")
        found.append(det)
    return found


@dataclass(frozen=True, slots=True)
class Pipeline:
    """An ordered set of detectors, their weights and the decision's tunables."""

    detectors: tuple[Detector, ...]
    weights: Mapping[str, float] = field(default_factory=dict)
    tunables: Tunables = field(default_factory=Tunables)
    #: the strings that set off the rule detectors' text rules, looked for once per block for all
    #: of them (PageInfo.present)
    literals: Literals = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [d.name for d in self.detectors]
        if len(set(names)) != len(names):
            raise DetectorError(f"detector names must be unique: {names}")
        for d in self.detectors:
            if not isinstance(d, Detector):
                raise DetectorError(f"{d!r} is not a detector (needs name, needs_dom and detect())")
        indexes = [ix for d in self.detectors if isinstance(ix := getattr(d, "index", None), RuleIndex)]
        object.__setattr__(self, "literals", shared_literals(frozenset().union(*(ix.vocabulary for ix in indexes))))

    @classmethod
    def default(cls, *, plugins: bool = True) -> Pipeline:
        """The shipped detectors in their documented order, plus installed plug-ins."""
        return _default(plugins)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(d.name for d in self.detectors)

    def __getitem__(self, name: str) -> Detector:
        for d in self.detectors:
            if d.name == name:
                return d
        raise DetectorError(f"no detector named {name!r}; have {self.names}")

    def without(self, *names: str) -> Pipeline:
        """This pipeline less the named detectors."""
        for n in names:
            self[n]
        return replace(self, detectors=tuple(d for d in self.detectors if d.name not in names))

    def with_detector(self, detector: Detector, *, before: str | None = None) -> Pipeline:
        """This pipeline with ``detector`` added, or replacing the detector of the same name."""
        if any(d.name == detector.name for d in self.detectors):
            return replace(
                self, detectors=tuple(detector if d.name == detector.name else d for d in self.detectors)
            )
        dets = list(self.detectors)
        at = dets.index(self[before]) if before else len(dets)
        dets.insert(at, detector)
        return replace(self, detectors=tuple(dets))

    def reweighted(self, weights: Mapping[str, float] | None = None, **more: float) -> Pipeline:
        """This pipeline with some detectors' weights changed (0 switches one off)."""
        new = {**self.weights, **(weights or {}), **more}
        known = set(self.names) | set(DECISION_STEPS)
        unknown = sorted(set(new) - known)
        if unknown:
            raise DetectorError(f"no detector named {unknown}; have {sorted(known)}")
        return replace(self, weights=new)

    def tuned(self, **values: Any) -> Pipeline:
        """This pipeline with some decision tunables changed (see decide.Tunables)."""
        try:
            return replace(self, tunables=replace(self.tunables, **values))
        except TypeError as e:
            raise InvalidOptionError(str(e)) from None

    def extract(self, source: Any, *, url: str | None = None, kind: str | None = None, favor: float = 0.0,
                timeout: float | None = None, on_timeout: str = "partial",
                site_model: TemplateCounts | None = None, include_comments: bool = False) -> Result:  # fmt: skip
        """Main content and metadata of ``source`` (see boilerstrip.extract)."""
        if site_model is not None:
            bound = replace(self, detectors=with_site_model(self.detectors, site_model))
            return bound.extract(source, url=url, kind=kind, favor=favor, timeout=timeout, on_timeout=on_timeout,
                                 include_comments=include_comments)  # fmt: skip
        if not isinstance(include_comments, bool):
            raise InvalidInputError(f"include_comments must be a bool, not {type(include_comments).__name__}")
        clock = _Clock(timeout, on_timeout)
        _check_favor(favor)
        chosen = check_kind(kind)
        if url is not None and not isinstance(url, str):
            raise InvalidInputError(f"url must be a str or None, not {type(url).__name__}")
        if url is not None:
            try:
                urlsplit(url)
            except ValueError as e:
                raise InvalidOptionError(f"url {url!r} is not a URL: {e}") from None
        tree = parsed_tree(source)
        if tree is None:
            if not isinstance(source, (str, bytes)):
                source = bytes(source)
            text = to_text(source)
            chosen = chosen or sniff_kind(text)
            clock.lap("decode")
        else:
            text, chosen = "", "html"
        blocks: list[Block] = []
        metadata = Metadata(url=url)
        streamed = False
        if not clock.expired:
            blocks, metadata, tree, streamed = self._front_end(chosen, text, tree, url, clock)
        if metadata.language is None and blocks:
            metadata = replace(metadata, language=guess_language(blocks))
        page = _page_info(chosen, metadata, blocks, self.literals)
        tunables = replace(self.tunables, bias=favor) if favor else self.tunables
        if include_comments:
            # Comments are judged like any other text: where they sit is no evidence against them.
            # Their widget's chrome (prompts, counts, reply buttons) still is.
            tunables = _scaled(tunables, dict.fromkeys(COMMENT_LOCATION_RULES, 0.0))
        kind = page_type(metadata)
        thread = _as_thread(tunables)
        tunables = thread if kind == "forum" else _page_view(tunables, kind, html=chosen == "html")
        verdicts = self._verdicts(blocks, page, tunables, thread, kind, clock)
        if streamed and tree is not None and not clock.expired:
            blocks, page, verdicts = self._unstreamed(tree, blocks, page, verdicts, tunables, thread, kind, clock)
        if tree is not None and not clock.expired and _kept_chars(verdicts) < REVEAL_BELOW_CHARS:
            verdicts = self._reveal(tree, blocks, verdicts, page, tunables, clock)
        body = render.text(verdicts)
        clock.lap("render")
        return Result(body, metadata, tuple(verdicts), chosen, tuple(clock.laps))

    def _verdicts(self, blocks: list[Block], page: PageInfo, tunables: Tunables, thread: Tunables, kind: str | None,
                  clock: _Clock) -> list[Verdict]:  # fmt: skip
        """The page judged: its first pass, then as a grid of cards or as a thread when it is one."""
        signals = self._signals(blocks, page, clock)
        if kind is None and _shop_reviews(blocks, signals):
            tunables = _scaled(tunables, SHOP_REVIEW_SCALE)
        verdicts = self._decide(blocks, signals, page, tunables, clock)
        if kind in SHAPE_CARD_TYPES and not tunables.cards and not clock.expired and _shaped_listing(blocks, verdicts):
            # Judged by structure, the cards were lifted already; otherwise the first pass stands and a
            # grid of cards in it is decided as on a declared listing. Doing so before the ladder's choice
            # kept more the first time and left the structure pass that finds every card unchosen.
            carded = replace(tunables, cards=True, card_items=SHAPE_CARD_ITEMS)
            if is_dump(blocks) and not _kept_story(blocks, verdicts):
                carded = _scaled(carded, DUMP_CARD_SCALE)
            verdicts = self._decide(blocks, signals, page, carded, clock)
        if kind != "forum" and not clock.expired and _is_discussion(verdicts, declared=kind is not None):
            # The same signals, judged as a thread: only the decision differs.
            verdicts = marked(self._decide(blocks, signals, page, thread, clock), "fallback.discussion",
                              "the comments hold the page's text: a discussion page")  # fmt: skip
        return verdicts

    def _unstreamed(self, tree: LexborHTMLParser, blocks: list[Block], page: PageInfo, verdicts: list[Verdict],
                    tunables: Tunables, thread: Tunables, kind: str | None,
                    clock: _Clock) -> tuple[list[Block], PageInfo, list[Verdict]]:  # fmt: skip
        """The streamed chunks read in place must complete what the page shows without them, not displace it.

        When the judgement with them keeps less than STREAM_COVER of what the page keeps without them,
        the chunks moved the main region elsewhere: the page is judged without them.
        """
        plain = segment_html(tree, answers=False)
        plain_page = _page_info(page.kind, page.metadata, plain, self.literals)
        again = self._verdicts(plain, plain_page, tunables, thread, kind, clock)
        kept = {v.block.text for v in verdicts if v.kept}
        before = [v.block.text for v in again if v.kept]
        covered = sum(len(t) for t in before if t in kept)
        if covered >= STREAM_COVER * sum(len(t) for t in before):
            return blocks, page, verdicts
        return plain, plain_page, again

    def _front_end(self, kind: Kind, text: str, tree: LexborHTMLParser | None, url: str | None,
                   clock: _Clock) -> tuple[list[Block], Metadata, LexborHTMLParser | None, bool]:  # fmt: skip
        streamed = False
        if kind == "text":
            blocks = mark_prelude(segment_text(text))
            clock.lap("segment")
            metadata = text_metadata(blocks, url) if not clock.expired else Metadata(url=url)
            clock.lap("metadata")
        else:
            tree = tree or parse_html(text)
            metadata = html_metadata(tree, url) if not clock.expired else Metadata(url=url)
            clock.lap("metadata")
            # A declared article's closed FAQ answers stay closed: its story is the content, not the
            # questions after it (segment.html._answer).
            # Its streamed chunks are read in place (segment.html.STREAM_SLOT), where their paragraphs
            # belong to the story; elsewhere they are as often a store's personalised recommendations.
            if metadata.page_type == "article":
                blocks, streamed = segment_html_streamed(tree, answers=False)
            else:
                blocks = segment_html(tree)
            clock.lap("segment")
        return blocks, metadata, tree, streamed

    def _judge(self, blocks: list[Block], page: PageInfo, tunables: Tunables, clock: _Clock) -> list[Verdict]:
        return self._decide(blocks, self._signals(blocks, page, clock), page, tunables, clock)

    def _decide(self, blocks: list[Block], signals: list[Signal], page: PageInfo, tunables: Tunables,
                clock: _Clock) -> list[Verdict]:  # fmt: skip
        verdicts = decide(blocks, signals, self.weights, tunables)
        verdicts = fallback(blocks, signals, verdicts, page.metadata, self.weights, tunables)
        clock.lap("decide")
        return verdicts

    def _reveal(self, tree: LexborHTMLParser, blocks: list[Block], verdicts: list[Verdict], page: PageInfo,
                tunables: Tunables, clock: _Clock) -> list[Verdict]:  # fmt: skip
        """Little survived: judge again with <noscript> and hidden elements walked too (see segment_html).

        Script-built pages keep their only copy of the text there. The revealed
        judgement is taken only when it keeps clearly more.
        """
        revealed = segment_html(tree, reveal=True)
        clock.lap("reveal")
        if sum(len(b.text) for b in revealed) <= 2 * sum(len(b.text) for b in blocks):
            return verdicts
        again = self._judge(revealed, _page_info(page.kind, page.metadata, revealed, self.literals), tunables, clock)
        return again if _kept_chars(again) > 2 * _kept_chars(verdicts) + 200 else verdicts

    def _signals(self, blocks: Sequence[Block], page: PageInfo, clock: _Clock) -> list[Signal]:
        signals: list[Signal] = []
        for d in self.detectors:
            if clock.expired:
                break
            if (d.needs_dom and page.kind != "html") or self.weights.get(d.name, 1.0) == 0.0:
                continue
            signals.extend(d.detect(blocks, page))
            clock.lap(d.name)
        return signals


#: on a page that declares no type but sells (a list of priced cards), reviews weigh as on a product page:
#: other people's opinions beside the shop's items
SHOP_REVIEW_SCALE = dict.fromkeys(REVIEW_RULES, REVIEW_SCALE)


def _shop_reviews(blocks: Sequence[Block], signals: Sequence[Signal]) -> bool:
    """Whether an undeclared page shows reviews beside a list of priced cards (a shop's page)."""
    if not any(s.rule in REVIEW_RULES for s in signals):
        return False
    return bool(priced_lists(blocks, card_fields(blocks)))


def _as_thread(tunables: Tunables) -> Tunables:
    # Posts are the content of a thread: a comment class on them is no evidence against them.
    return _scaled(replace(tunables, sequence=True), {**dict.fromkeys(COMMENT_RULES, 0.0), **THREAD_SCALE})


def _page_view(tunables: Tunables, kind: str | None, html: bool = True) -> Tunables:
    """How a page that is no thread is judged: its type's rule factors (an undeclared HTML page's:
    UNDECLARED_HTML_SCALE), comment markup weighing more (beside an article, a comment section is the
    commonest long prose that is not the content), thread-only evidence silenced, and sibling sections in
    the region except on articles."""
    own = PAGE_TYPE_SCALE.get(kind or "", {}) if kind or not html else UNDECLARED_HTML_SCALE
    view = _scaled(tunables, {**own, **dict.fromkeys(COMMENT_RULES, COMMENT_SCALE), **THREAD_ONLY_SCALE})
    if kind in CARD_TYPES:
        view = replace(view, cards=True)
    if kind in CAROUSEL_TYPES:
        view = replace(view, carousels=True)
    if kind in RELATED_CARD_TYPES:
        view = replace(view, related_cards=True)
    return view if view.sections is not None else replace(view, sections=kind not in SINGLE_REGION_TYPES)


def _scaled(tunables: Tunables, factors: Mapping[str, float]) -> Tunables:
    """``tunables`` with more rule factors; the first factor for a rule wins, so the user's and
    include_comments' own come before a page type's."""
    return replace(tunables, rule_scale=(*tunables.rule_scale, *factors.items()))


def _shaped_listing(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> bool:
    """Whether the page's first pass stands (it was not judged by structure) and it holds a list of
    SHAPE_CARD_ITEMS cards or more."""
    if not verdicts or any(s.rule == "fallback.sparse" for s in verdicts[0].signals):
        return False
    cards = {i for i, (_, n) in card_lists(blocks).items() if n >= SHAPE_CARD_ITEMS}
    if not cards or not is_dump(blocks):
        return bool(cards)
    # A dump's cards are known by their shape alone, without the links that mark an HTML card's title:
    # beside prose the first pass kept, a quarter of their words or more, they are a box beside an article.
    card_words = sum(word_count(blocks[i].text) for i in cards)
    prose = (v.block.text for v in verdicts if v.kept and v.block.index not in cards)
    return card_words >= DUMP_CARD_PROSE * sum(word_count(t) for t in prose if len(t) >= RELATED_PROSE_CHARS)


def _kept_story(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> bool:
    """Whether the first pass kept a story's prose: a paragraph (RELATED_PROSE_CHARS or longer) outside the
    cards, or two in one card (a dump's card list may take in the short story before it, whose paragraphs are
    no longer than a card's field). A card's one summary paragraph is the card's own."""
    fields = card_fields(blocks)
    per_card: dict[int, int] = {}
    for v in verdicts:
        if v.kept and len(v.block.text) >= RELATED_PROSE_CHARS:
            card = fields[v.block.index][1] if v.block.index in fields else -1
            per_card[card] = per_card.get(card, 0) + 1
            if card < 0 or per_card[card] >= 2:
                return True
    return False


def _is_discussion(verdicts: Sequence[Verdict], *, declared: bool = True) -> bool:
    """Little kept, and far more text under comment markup: a link aggregator's or Q&A page.

    There the submission is a line or a short summary and the comments are what
    readers came for; an article with a long comment section keeps its own body.
    A page that declares no type may keep a longer summary (a story's few
    paragraphs above its readers' thread) when the comments dwarf it; under
    DISCUSSION_MAX_KEPT words it is judged as a declared page is.
    """
    kept = kept_words(verdicts)
    limit = DISCUSSION_MAX_KEPT if declared else UNDECLARED_DISCUSSION[0]
    if kept >= limit:
        return False
    ratio = DISCUSSION_RATIO if kept < DISCUSSION_MAX_KEPT else UNDECLARED_DISCUSSION[1]
    comments = sum(
        word_count(v.block.text) for v in verdicts if any(s.rule in COMMENT_RULES for s in v.signals)
    )
    return comments >= DISCUSSION_MIN_COMMENTS and comments >= ratio * kept


#: a discussion page keeps under this many words as an article...
DISCUSSION_MAX_KEPT = 60
#: ...while its comment markup holds at least this many words, and this many times what was kept
DISCUSSION_MIN_COMMENTS = 300
DISCUSSION_RATIO = 4.0
#: an undeclared page (no JSON-LD/OpenGraph type, no thread URL) is a discussion up to this many kept
#: words when its comments hold this many times as many: a news aggregator's story summary of a few
#: paragraphs above thousands of words of readers' thread. A declared article with a short body above a
#: long thread stays an article. WCXB tuned third: the only undeclared page kept under 300 words with
#: comments over 20 times as long is such a story (.13 -> .56); the nearest article kept 438 words (x15).
#: Under DISCUSSION_MAX_KEPT words an undeclared page needs only DISCUSSION_RATIO, as a declared one does:
#: the looser limit is for longer summaries, not a stricter ratio for a link post's line (WCXB: no page moves)
UNDECLARED_DISCUSSION = (300, 20.0)


def _page_info(kind: Kind, metadata: Metadata, blocks: Sequence[Block], literals: Literals) -> PageInfo:
    lowered: list[str] = []
    words: list[tuple[str, ...]] = []
    present: list[frozenset[str] | None] = []
    # a fifth of a page's blocks repeat an earlier one's text (menus, share labels): each text is read once
    seen: dict[str, tuple[str, tuple[str, ...], frozenset[str] | None]] = {}
    for b in blocks:
        row = seen.get(b.text)
        if row is None:
            low = b.text.lower()
            short = len(low) <= WORDS_MAX_CHARS
            found = literals.present(low) if short and (b.text.isascii() or plain_text(b.text)) else None
            row = seen[b.text] = (low, tuple(WORDS.findall(low)) if short else (), found)
        lowered.append(row[0])
        words.append(row[1])
        present.append(row[2])
    return PageInfo(kind=kind, metadata=metadata, language=metadata.language, lowered=tuple(lowered),
                    words=tuple(words), present=tuple(present), vocabulary=literals.vocabulary)  # fmt: skip


def _check_favor(favor: object) -> None:
    if isinstance(favor, bool) or not isinstance(favor, (int, float)):
        raise InvalidInputError(f"favor must be a number, not {type(favor).__name__}")
    if not math.isfinite(favor):
        raise InvalidOptionError(f"favor must be finite, not {favor!r}")


def _kept_chars(verdicts: Sequence[Verdict]) -> int:
    return sum(len(v.block.text) for v in verdicts if v.kept)


@cache
def _default(plugins: bool) -> Pipeline:
    dets: list[Detector] = list(default_detectors())
    if plugins:
        dets.extend(_plugin_detectors())
    return Pipeline(tuple(dets))


class _Clock:
    """Per-step wall-clock timings of one extraction, and its time budget.

    The deadline is checked at every lap, that is between steps: a step that is
    slow by itself overruns the budget by its own length (extract_many's timeout
    interrupts). Once expired, "raise" raises at that lap; "partial" records a
    ("timeout", seconds over) lap and the pipeline skips what is left but the
    decision and rendering, which then use what was gathered so far.
    """

    __slots__ = ("laps", "_last", "_budget", "_deadline", "_raise", "expired")

    def __init__(self, timeout: float | None = None, on_timeout: str = "partial") -> None:
        if on_timeout not in ("partial", "raise"):
            raise InvalidOptionError(f"on_timeout must be 'partial' or 'raise', not {on_timeout!r}")
        if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))):
            raise InvalidInputError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
        if timeout is not None and not timeout > 0:  # also refuses NaN
            raise InvalidOptionError(f"timeout must be a positive number of seconds, not {timeout!r}")
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()
        self._budget = timeout
        self._deadline = None if timeout is None else self._last + timeout
        self._raise = on_timeout == "raise"
        self.expired = False

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        self.laps.append((step, now - self._last))
        self._last = now
        if self._deadline is not None and not self.expired and now > self._deadline:
            if self._raise:
                raise ExtractionTimeout(f"over the {self._budget:g} s budget after step {step!r}")
            self.expired = True
            self.laps.append(("timeout", now - self._deadline))


def extract(source: Any, *, url: str | None = None, kind: str | None = None, favor: float = 0.0,
            pipeline: Pipeline | None = None, timeout: float | None = None,
            on_timeout: str = "partial", site_model: TemplateCounts | None = None,
            include_comments: bool = False) -> Result:  # fmt: skip
    """Main content and metadata of a web page or a plain-text dump of one.

    ``source``: HTML or a text dump as ``str`` or ``bytes`` (any encoding), or a
    parsed selectolax/lxml tree (never modified). ``kind``: "html" or "text" to
    skip sniffing. ``favor``: one precision/recall knob, negative keeps less,
    positive keeps more (about -1..1). ``pipeline``: a customised Pipeline.

    ``timeout``: a time budget in seconds, checked between steps (after decoding,
    segmentation, metadata and each detector). When it runs out, ``on_timeout=
    "partial"`` (the default) skips the remaining steps and decides on the signals
    gathered so far (no blocks when it ran out while decoding: an empty text);
    such a result's ``timings`` hold a ``"timeout"`` entry. ``on_timeout="raise"``
    raises ExtractionTimeout (a TimeoutError) instead, so a Result it returns was
    finished within the budget. A single slow step is not interrupted:
    extract_many(timeout=...) is the hard limit.

    ``site_model``: a boilerstrip.SiteModel of the page's host; blocks that recur on
    many of its pages get the "template" detector's signal (none without one).

    ``include_comments``: keep comment threads. Comments are then judged like any
    other text: the rules that place a block in a comment section
    (``COMMENT_LOCATION_RULES``) weigh nothing, those that recognise a comment
    widget's chrome ("Leave a reply", "3 comments", Reply buttons) still count.
    Forum and Q&A posts are content either way.
    """
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise InvalidInputError(f"pipeline must be a Pipeline or None, not {type(pipeline).__name__}")
    pipe = pipeline or Pipeline.default()
    return pipe.extract(source, url=url, kind=kind, favor=favor, timeout=timeout, on_timeout=on_timeout,
                        site_model=site_model, include_comments=include_comments)  # fmt: skip

