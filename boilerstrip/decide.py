"""Signals -> scores -> labels: first each block alone, then the main region, then neighbours.

1. Score: the sum of a block's signal weights, each scaled by its detector's weight.
2. Region: the part of the page where content concentrates. For HTML, the
   container element whose blocks' length-weighted scores sum highest; for text
   dumps, the contiguous run of lines with the highest sum (a maximum-sum
   subarray). Blocks outside it are pushed down, blocks inside lifted a little,
   so a short heading or list item inside an article survives while the same
   shape in a sidebar does not.
3. Context: jusText's idea: short, undecided blocks take the label of their
   neighbours; headings go with the text they introduce; a run of undecided lines
   in the region that only their shape speaks against (a schedule, a price list)
   is content. Both the label before this pass (``first_label``) and after it are kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, repeat
from operator import attrgetter

from .model import FRAME_LANDMARKS, Block, Label, Metadata, Signal, Verdict
from .rules.index import SENTENCE_END

OUTSIDE_REGION = -1.2
INSIDE_REGION = 0.4
UNDECIDED = 0.8  # |score| below this may be revised by the context pass
#: A dump's region is a run of lines, not a container: a line outside it is pushed down harder,
#: so that a long line of prose-like boilerplate (a disclaimer, a comment, a cookie notice) far
#: from the article ends undecided and goes with its neighbours. ScrapingHub dumps: the same
#: labels for any factor from 1.3 to 1.6.
TEXT_OUTSIDE_SCALE = 1.5
#: a list of cards has at least this many items (see card_lists)
CARD_MIN_ITEMS = 4


@dataclass(frozen=True, slots=True)
class Tunables:
    """Every number the decision uses, in one visible place."""

    #: how much boilerplate mass counts against a region, relative to content mass
    region_penalty: float = 0.4
    outside_region: float = OUTSIDE_REGION
    inside_region: float = INSIDE_REGION
    undecided: float = UNDECIDED
    #: 0 = balanced; > 0 keeps more (recall), < 0 keeps less (precision)
    bias: float = 0.0
    #: score every block starts from (the sparse-page fallback raises it)
    prior: float = 0.0
    #: the main region may grow from the best container over a sequence of sibling posts (forums)
    sequence: bool = False
    #: the main region also takes the best container's sibling sections that hold mostly content;
    #: None: by page type (pipeline.SINGLE_REGION_TYPES keep one region: articles, threads)
    sections: bool | None = None
    #: (rule id prefix, factor): a page type's view of some evidence, e.g. comment classes
    #: weigh nothing on a forum thread (posts are the content) and triple on an article
    rule_scale: tuple[tuple[str, float], ...] = ()
    #: the page declares itself a listing (a category, a collection, search results): the fields
    #: of its repeated lists of cards are content from the first pass on (see listing_card_signals)
    cards: bool = False
    #: ...in lists of at least this many cards (an undeclared page's need more: pipeline.SHAPE_CARD_ITEMS)
    card_items: int = CARD_MIN_ITEMS
    #: the page is a product's: its lists of cards are carousels of other products ("you may also
    #: like", "customers also bought"), so the structure pass pushes them down instead of lifting them
    carousels: bool = False
    #: the page is an article: a list of cards after all of its prose is a box of related stories, in the
    #: first pass and the structure pass alike (related_card_signals, heard in fallback)
    related_cards: bool = False


def score_blocks(
    blocks: Sequence[Block], signals: Sequence[Signal], weights: Mapping[str, float], prior: float = 0.0,
    rule_scale: tuple[tuple[str, float], ...] = (),
) -> tuple[list[float], list[list[Signal]]]:  # fmt: skip
    scores = [prior] * len(blocks)
    per_block: list[list[Signal]] = [[] for _ in blocks]
    prefixes = tuple(p for p, _ in rule_scale)
    # A signal's factor depends on its rule alone: worked out once per rule, not once per signal.
    factors: dict[str, float] = {}
    n = len(blocks)
    for s in signals:
        w = factors.get(s.rule)
        if w is None:
            w = weights.get(s.detector, 1.0)
            if prefixes and s.rule.startswith(prefixes):
                w *= next(f for p, f in rule_scale if s.rule.startswith(p))
            factors[s.rule] = w
        if w == 0.0 or not 0 <= s.block < n:
            continue
        scores[s.block] += s.weight * w
        per_block[s.block].append(s)
    return scores, per_block


def _mass(block: Block, score: float) -> float:
    # Long blocks weigh more, but sub-linearly, so one huge block cannot buy a region alone.
    return score * math.pow(min(len(block.text), 1200), 0.75)


def _container_masses(
    blocks: Sequence[Block], scores: Sequence[float], penalty: float, transparent: frozenset[int]
) -> tuple[dict[int, float], dict[int, float], dict[int, int]]:
    """Per container: the net mass of its blocks, their positive mass, and its parent."""
    totals: dict[int, float] = defaultdict(float)
    positive: dict[int, float] = defaultdict(float)
    parent: dict[int, int] = {}
    for b, s in zip(blocks, scores, strict=True):
        m = 0.0 if b.index in transparent else _mass(b, s)
        if m < 0:
            m *= penalty
        for c in b.containers:
            totals[c] += m
        if m > 0:
            for c in b.containers:
                positive[c] += m
        parent.update(zip(b.containers[1:], b.containers, strict=False))  # each container's enclosing one
    return totals, positive, parent


def html_region(
    blocks: Sequence[Block], scores: Sequence[float], penalty: float = 1.0, sequence: bool = False,
    transparent: frozenset[int] = frozenset(),
) -> int | None:  # fmt: skip
    """The container id whose blocks' masses sum highest, or None when nothing is positive.

    Boilerplate mass counts ``penalty`` times: below 1, a container that adds a
    sibling section of content at the price of some noise beats the narrowest one.
    With ``sequence`` (a thread of posts) the region then grows to an ancestor
    holding clearly more content, so every post is in, not only the longest.
    """
    regions = html_regions(blocks, scores, penalty, sequence, transparent)
    return regions[0] if regions else None


def html_regions(
    blocks: Sequence[Block], scores: Sequence[float], penalty: float = 1.0, sequence: bool = False,
    transparent: frozenset[int] = frozenset(), sections: bool | None = False,
    section_scores: Sequence[float] | None = None, ceiling_scores: Sequence[float] | None = None,
    landmark: bool = True,
) -> tuple[int, ...]:  # fmt: skip
    """The main region (see html_region) first; with ``sections``, then its sibling sections.

    A landing, service or product page is a column of sections (features, plans,
    questions), each its own container, and the best one is one of many. A sibling
    of the region whose net mass is a real share of the region's and at least half
    of its own positive mass (mostly content, little noise) is part of the region
    too; the menus and footers beside it weigh negative and stay out. Sections are
    judged on ``section_scores`` when given (the scores without a site model's lift). With
    ``ceiling_scores`` (the scores without a site model) no container weighs more than on them.
    With ``landmark``, the main landmark around the region joins it too (_main_landmark).
    """
    totals, positive, parent = _container_masses(blocks, scores, penalty, transparent)
    if ceiling_scores is not None:
        totals, positive = _capped(totals, positive, _container_masses(blocks, ceiling_scores, penalty, transparent))
    if not totals:
        return ()
    best = max(totals, key=lambda c: (totals[c], -c))
    if totals[best] <= 0:
        return ()
    best = _grown(best, totals, positive, parent, sequence)
    if sequence:
        best = _with_opening_post(blocks, scores, best, totals, positive, parent, transparent)
    if not sections:
        return (best,)
    if section_scores is not None:
        totals, positive, _ = _container_masses(blocks, section_scores, penalty, transparent)
    # The sections may be siblings of the region or of any of its wrappers (a hero's paragraph
    # is the best container; the feature sections are siblings of the hero).
    children: dict[int, list[int]] = defaultdict(list)
    for c, p in parent.items():
        children[p].append(c)
    found: list[int] = []
    node = best
    late = _after_footer(blocks, best)
    for _ in range(SECTION_LEVELS):
        if node not in parent:
            break
        found.extend(
            c for c in children[parent[node]]
            if c != node and c not in late
            and totals[c] > SECTION_SHARE * totals[best] and totals[c] >= SECTION_CLEAN * positive[c]
        )  # fmt: skip
        node = parent[node]
    if landmark:
        found.extend(_main_landmark(blocks, best, totals, found))
    return (best, *sorted(found))


def _after_footer(blocks: Sequence[Block], best: int) -> frozenset[int]:
    """The containers that start after the site's footer when the region ends before it.

    A dialog (a consent banner's purposes, a donation appeal, a chat window) is appended to the
    end of the body, past the footer, and weighs like a section of prose; the page's own sections
    come before its footer.
    """
    footer = [b.index for b in blocks if "footer" in b.landmarks and not b.landmarks & PAGE_FRAMES]
    if not footer or any(best in b.containers and b.index > footer[0] for b in blocks):
        return frozenset()
    return frozenset(c for b in blocks if b.index > footer[-1] for c in b.containers) - frozenset(
        c for b in blocks if b.index <= footer[-1] for c in b.containers
    )


#: landmarks of the page's own column: a footer inside one is an article's, not the site's
PAGE_FRAMES = frozenset({"article", "main"})


def _main_landmark(blocks: Sequence[Block], best: int, totals: Mapping[int, float], found: list[int]) -> list[int]:
    """The page's main landmark around the region, when its net mass is positive.

    A landing or service page declares its body so: besides the sections that join on their own
    mass, it holds thin ones (a row of short claims, a quote with its name) that are the page too.
    A main whose boilerplate outweighs its content (a section front's teaser cards) is no help.
    """
    for b in blocks:
        if best in b.containers:
            tags = b.path.split(">")
            if "main" not in tags or len(tags) != len(b.containers):
                return []
            c = b.containers[tags.index("main")]
            ok = c != best and c not in found and c in b.containers[: b.containers.index(best)] and totals[c] > 0
            return [c] if ok else []
    return []


def _capped(
    totals: dict[int, float], positive: dict[int, float],
    ceiling: tuple[dict[int, float], dict[int, float], dict[int, int]],
) -> tuple[dict[int, float], dict[int, float]]:  # fmt: skip
    # A site model's lift of a page's own blocks (template.unique) makes up for its marks in the same
    # container and no more: a product page's every widget is unique to it, and lifted they made the
    # page's outermost wrapper outweigh its product column (WCXB shop hosts, docs/sitemodel.md).
    top, top_positive, _ = ceiling
    return {c: min(m, top[c]) for c, m in totals.items()}, {c: min(m, top_positive[c]) for c, m in positive.items()}


def _grown(best: int, totals: Mapping[int, float], positive: Mapping[int, float], parent: Mapping[int, int],
           sequence: bool) -> int:  # fmt: skip
    # Climb through wrappers that add nothing; stop at the first ancestor that adds
    # content: on a thread, more posts; elsewhere, a sibling section (a recipe card
    # beside its introduction) that brings more content than noise. A thread's net
    # mass is no bar: every post brings its chrome (name, date, permalink, reaction
    # bar), which outweighs short posts, and each block inside is still judged alone.
    up = parent.get(best)
    for _ in range(SEQUENCE_MAX_STEPS):
        if up is None or (totals[up] <= 0 and not sequence):
            break
        if positive[up] >= SEQUENCE_GROWTH * positive[best] and (sequence or totals[up] >= GROWTH_NET * totals[best]):
            return up
        up = parent.get(up)
    return best


def _with_opening_post(
    blocks: Sequence[Block], scores: Sequence[float], region: int, totals: Mapping[int, float],
    positive: Mapping[int, float], parent: Mapping[int, int], transparent: frozenset[int],
) -> int:  # fmt: skip
    """A thread's region, widened to the opening post when that sits before it, outside it.

    A Q&A page puts the question in one element and the answers in another after it; many
    answers outweigh one question, so growth by mass (_grown) stops at the answers. The first
    ancestor that adds anything is taken when what it adds comes before the region (the
    opening post precedes the replies; a sidebar or a footer follows them) and costs the
    region little of its net mass (the question's chrome: votes, tags, its asker's card).
    """
    up = parent.get(region)
    while up is not None and positive[up] <= positive[region]:
        up = parent.get(up)
    if up is None or totals[up] < OPENING_NET * totals[region]:
        return region
    before = after = 0.0
    seen = False
    for b, sc in zip(blocks, scores, strict=True):
        if region in b.containers:
            seen = True
        elif up in b.containers and sc > 0 and b.index not in transparent:
            if seen:
                after += _mass(b, sc)
            else:
                before += _mass(b, sc)
    return up if before >= OPENING_SHARE * positive[region] and after <= OPENING_AFTER * before else region


#: the opening post may cost the thread's region this share of its net mass, no more...
OPENING_NET = 0.8
#: ...it brings at least this share of the region's positive mass, and what the widened region
#: adds after the old one is at most this share of what it adds before
OPENING_SHARE = 0.02
OPENING_AFTER = 0.1


#: a sibling section joins the region with a net mass above this share of the region's: a short section (a
#: question and its one-paragraph answer) weighs little beside a service page's longest. WCXB, 0.1 -> 0.07:
#: thirds +.0001/+.0002/+.0001, service +.0006; 12 pages down (-.07 at most), 10 up (+.12 at most)
SECTION_SHARE = 0.07
#: ...and a net mass at least this share of its positive mass
SECTION_CLEAN = 0.5
#: sections are looked for among the siblings of the region and of this many of its wrappers
SECTION_LEVELS = 3
SEQUENCE_MAX_STEPS = 10
SEQUENCE_GROWTH = 1.3
GROWTH_NET = 0.9  # off threads, the larger region may cost a tenth of the net mass, no more


def is_dump(blocks: Sequence[Block]) -> bool:
    """Whether the blocks are a text dump's lines: no block sits in an element."""
    return not any(b.containers for b in blocks)


def folded(text: str) -> str:
    """Text with case and white space folded: the same words printed twice compare equal."""
    return " ".join(text.lower().split())


def card_lists(blocks: Sequence[Block]) -> dict[int, tuple[int, int]]:
    """Blocks that make up repeated lists of cards: block index -> (the list's container, its cards).

    See card_fields, which names each block's card too.
    """
    return {i: (parent, n) for i, (parent, _, n) in card_fields(blocks).items()}


#: the last blocks card_fields was asked about, and its answer: a page's first pass, structure pass, related
#: cards and chrome step all ask it of the same blocks, and each answer walks every block's containers (4-6%
#: of a page's time). One slot: a new page's blocks replace it; equal blocks give equal answers.
_last_cards: tuple[tuple[Block, ...], Mapping[int, tuple[int, int, int]]] = ((), {})


def card_fields(blocks: Sequence[Block]) -> Mapping[int, tuple[int, int, int]]:
    """Blocks that make up repeated lists of cards: block index -> (the list, the card, the list's cards).

    A listing's content is its items: sibling elements of one tag (li, article, div, tr),
    at least CARD_MIN_ITEMS of them, most of them cards: a few short fields (at most
    CARD_MAX_BLOCKS blocks, none over CARD_MAX_CHARS) of which one is title-like (a
    heading, or CARD_TITLE_WORDS words or more), and mostly linked. A menu's entries are
    one or two words, a mega-menu's columns are many links each, a run of paragraphs is
    prose: none of them is a list of cards. A dump has no elements: its cards are found by the
    shape of their lines (text_cards).
    """
    global _last_cards
    key = tuple(blocks)
    last = _last_cards  # read once: another thread may replace it
    if key and last[0] == key:  # the same blocks, compared by identity first
        return last[1]
    found = text_cards(blocks) if is_dump(blocks) else _element_cards(blocks)
    _last_cards = (key, found)
    return found


def _element_cards(blocks: Sequence[Block]) -> dict[int, tuple[int, int, int]]:
    """card_fields of a page's blocks from its elements."""
    children: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    tag_of: dict[int, str] = {}
    for b in blocks:
        # each container, the one in it, and that one's tag ("" past the end of the path)
        tags = chain(b.path.split(">")[1:], repeat(""))
        for parent, child, tag in zip(b.containers, b.containers[1:], tags, strict=False):
            children[parent][child].append(b.index)
            tag_of[child] = tag
    found: dict[int, tuple[int, int, int]] = {}
    roots = {b.containers[0] for b in blocks if b.containers}
    for parent, kids in children.items():
        # The page's top-level elements are its frame (header, main, footer, dialogs), never a list of cards.
        if len(kids) < CARD_MIN_ITEMS or parent in roots:
            continue
        by_tag: dict[str, list[int]] = defaultdict(list)
        for c in kids:
            by_tag[tag_of[c]].append(c)
        for tag, items in by_tag.items():
            if len(items) < CARD_MIN_ITEMS or tag in NOT_CARDS:
                continue
            cards = [c for c in items if _is_card([blocks[i] for i in kids[c]])]
            linked = sum(_linked_card([blocks[i] for i in kids[c]]) for c in cards)
            enough = len(cards) >= max(CARD_MIN_ITEMS, CARD_SHARE * len(items))
            if enough and linked >= CARD_LINKED * len(cards):
                found.update((i, (parent, c, len(cards))) for c in cards for i in kids[c])
    return found


def _linked_card(fields: Sequence[Block]) -> bool:
    """Whether a card links to its item: a field holds a link, or the card is one link around a description.

    A service or feature card is often one <a> around its heading and a sentence: no field holds the link,
    every field is inside it. A tile of names or logos in one link (a clients' wall) describes nothing.
    """
    return any(b.links for b in fields) or any(
        b.link_chars and word_count(b.text) >= DESCRIBED_CARD_WORDS and SENTENCE_END.search(b.text) for b in fields
    )


#: a whole-link card's description is a sentence of this many words or more. Any enclosing link counted (a
#: logo wall's names too): WCXB thirds -.0005/-.0018/+.0015, a client wall beside a service page's text
#: kept (-.20) and a held-out collection lost (-.77); with the description, -.0001/+.0004/+.0000
DESCRIBED_CARD_WORDS = 8


def _is_card(fields: Sequence[Block]) -> bool:
    if len(fields) > CARD_MAX_BLOCKS or any(len(b.text) > CARD_MAX_CHARS for b in fields):
        return False
    return any(
        word_count(b.text) >= (2 if b.role == "heading" else CARD_TITLE_WORDS) and len(b.text) <= CARD_TITLE_CHARS
        for b in fields
    )


def text_cards(blocks: Sequence[Block]) -> dict[int, tuple[int, int, int]]:
    """A dump's repeated lists of cards: block index -> (the list's first line, the card's first line, its cards).

    Printed one field a line, a grid of cards repeats its shape: every card has a line of the same
    skeleton (an "Add to cart", a rating or a price: the text with its figures read as one figure,
    ANCHOR_MAX_CHARS at most) a few lines after the last card's. Such a line that recurs
    CARD_MIN_ITEMS times or more, each time 2 to CARD_MAX_BLOCKS lines after the last, marks a run of
    cards; each card starts where the anchor's lines most often hold a line of the item's own (a title
    printed once on the page). A card may list values after its fields (_listed_card: a job's places, an
    item's sizes), and the run goes on over it. The cards must be cards as card_lists reads them (_is_card)
    and hold such a line of their own: a menu's repeated columns have none. Of runs that overlap, the one
    of more cards stands.
    """
    keys = [_skeleton(b.text) for b in blocks]
    counts: dict[str, int] = defaultdict(int)
    for k in keys:
        counts[k] += 1
    own = [counts[k] == 1 and LETTERS.search(b.text) is not None for b, k in zip(blocks, keys, strict=True)]
    at: dict[str, list[int]] = defaultdict(list)
    for i, (b, k) in enumerate(zip(blocks, keys, strict=True)):
        if counts[k] >= CARD_MIN_ITEMS and len(b.text) <= ANCHOR_MAX_CHARS:
            at[k].append(i)
    runs: list[list[int]] = []
    for where in at.values():
        run = [where[0]]
        for i in where[1:]:
            if 2 <= i - run[-1] <= CARD_MAX_BLOCKS or _listed_card(blocks, run[-1], i):
                run.append(i)
                continue
            if len(run) >= CARD_MIN_ITEMS:
                runs.append(run)
            run = [i]
        if len(run) >= CARD_MIN_ITEMS:
            runs.append(run)
    found: dict[int, tuple[int, int, int]] = {}
    taken: set[int] = set()
    for run in sorted(runs, key=lambda r: (-len(r), r[0])):
        cards = _text_run_cards(blocks, run, own)
        if len(cards) < max(CARD_MIN_ITEMS, CARD_SHARE * len(run)):
            continue
        lines = {i for card in cards for i in card}
        if lines & taken:
            continue
        taken |= lines
        found.update((i, (cards[0][0], card[0], len(cards))) for card in cards for i in card)
    return found


def _text_run_cards(blocks: Sequence[Block], run: Sequence[int], own: Sequence[bool]) -> list[list[int]]:
    """The cards a run of anchor lines marks: each card's lines, the cards that are cards (see text_cards)."""
    gap = min(b - a for a, b in zip(run, run[1:], strict=False))
    # How many lines of a card stand before its anchor: where a line of the item's own most often stands.
    lead = max(range(gap), key=lambda a: (sum(own[i - a] for i in run if i - a >= 0), -a))
    starts = [max(i - lead, 0) for i in run]
    ends = [*starts[1:], min(starts[-1] + gap, len(blocks))]
    cards: list[list[int]] = []
    for start, end in zip(starts, ends, strict=True):
        card = list(range(start, end))
        fields = [blocks[i] for i in card]
        # a card longer than a card's fields prints a list of values after them (see _listed_card)
        shaped = fields if len(fields) <= CARD_MAX_BLOCKS or not _listed_card(blocks, start, end) else fields[:gap]
        if any(own[i] and _names_item(blocks[i]) for i in card) and _is_card(shaped) and all(
            b.role in CARD_LINE_ROLES for b in fields
        ):
            cards.append(card)
    return cards


def _listed_card(blocks: Sequence[Block], start: int, end: int) -> bool:
    """Whether lines ``start`` to ``end`` may be one card that lists values after its fields: more than
    CARD_MAX_BLOCKS lines, at most CARD_LIST_LINES, each a short value (ANCHOR_MAX_CHARS, no sentence's end)."""
    if not CARD_MAX_BLOCKS < end - start <= CARD_LIST_LINES:
        return False
    return all(
        len(b.text) <= ANCHOR_MAX_CHARS and SENTENCE_END.search(b.text) is None and b.role in CARD_LINE_ROLES
        for b in blocks[start:end]
    )


#: a card's list of values (the places a job is open to, an item's sizes) is this many lines at most: a
#: job board's card that names every country of a continent prints some 70 (WCXB-500 dumps, tuned third: at
#: 60 lines a listing's cards stayed apart, .44 -> .48; at 120 and 200 .44 -> .72, no other page moves)
CARD_LIST_LINES = 120


def _names_item(b: Block) -> bool:
    """Whether a line may be a card's title: a few words that end no sentence (an item's name)."""
    return word_count(b.text) >= 2 and len(b.text) <= CARD_TITLE_CHARS and SENTENCE_END.search(b.text) is None


def _skeleton(text: str) -> str:
    """A line's text with its figures read as one figure: each card's "4.5 out of 5 stars" the same line."""
    return FIGURES.sub("0", folded(text))


#: a dump's card repeats a line of this length at most (a label, a price, a rating); a longer line
#: printed again and again is a notice or a teaser
ANCHOR_MAX_CHARS = 60
FIGURES = re.compile(r"\d+(?:[.,]\d+)*")
#: a dump's card is printed as lines (headings, list items); a table's rows and code are no card
CARD_LINE_ROLES = frozenset({"line", "heading", "item"})


#: a list of cards has CARD_MIN_ITEMS items or more, most of them (this share) cards, and this share
#: of the cards linked
CARD_SHARE = 0.6
CARD_LINKED = 0.5
#: a card is a few short fields, one of them title-like. A shop's card prints a quick-buy form's labels
#: (sale and unit price, size, variants) beside its title: at 8 such grids were no list of cards. WCXB per
#: page, 10 against 8: thirds .8746/.8613/.8561 -> .8756/.8617/.8570, listing .763/.702/.708 ->
#: .774/.699/.722 (23 pages change, 11 down: two lose to a rating widget's lines now inside the card)
CARD_MAX_BLOCKS = 10
CARD_MAX_CHARS = 400
CARD_TITLE_WORDS = 4  # a heading needs two
CARD_TITLE_CHARS = 200
#: sibling elements of these tags are paragraphs or headings of running text, never cards
NOT_CARDS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"})


def text_region(
    blocks: Sequence[Block], scores: Sequence[float], penalty: float = 1.0, barriers: frozenset[int] = frozenset(),
    transparent: frozenset[int] = frozenset(), framed: frozenset[int] = frozenset(),
    closing: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:  # fmt: skip
    """The [start, end) run of blocks with the highest mass sum (Kadane), or None.

    Boilerplate mass counts ``penalty`` times, so a teaser between two paragraphs
    does not split the article into two regions. A barrier (the heading or count
    that opens a comment section) ends any run: in a dump nothing else marks
    where the article stops and the readers begin. A transparent block is
    stepped over: it neither ends a run nor lengthens one. A ``closing`` block (a
    teaser box's label that closes a story, _closing) is a barrier once an
    article's worth of prose came before it.
    """
    best, best_span = 0.0, None
    run, start = 0.0, 0
    factor, seen_prose = 1.0, 0.0
    for i, (b, s) in enumerate(zip(blocks, scores, strict=True)):
        if (i in barriers and not _opens_nothing(b)) or (i in closing and seen_prose >= AFTER_ARTICLE_PROSE):
            run, start = 0.0, i + 1
            # Readers follow the article: after a comment heading that follows real
            # prose, whatever comes is discounted.
            if seen_prose >= AFTER_BARRIER_PROSE:
                factor = AFTER_ARTICLE_FACTOR if seen_prose >= AFTER_ARTICLE_PROSE else AFTER_BARRIER_FACTOR
            continue
        if i in transparent:
            continue
        if run < 0 or (run == 0 and best_span is not None):
            # A neutral line before the article starts no new run: it stays in, as one after it does.
            run, start = 0.0, i
        m = _mass(b, s)
        seen_prose += max(m, 0.0)
        run += m * penalty * (FRAME_DISCOUNT if i in framed else 1.0) if m < 0 else m * factor
        if run > 0 and run >= best:  # ties extend the run: a neutral line beside the article stays in
            best, best_span = run, (start, i + 1)
    return best_span


def trimmed_span(
    blocks: Sequence[Block], scores: Sequence[float], span: tuple[int, int], transparent: frozenset[int] = frozenset(),
    single: bool = True,
) -> tuple[int, int]:  # fmt: skip
    """``span`` less an end that a stretch of boilerplate parts from the article and that adds little to it.

    The run counts boilerplate at a discount so that a teaser between two paragraphs does not split the
    article; but then a footer's few long lines (a mission statement, a disclaimer, an author's bio) beyond
    the related headlines after the story outweigh the discounted headlines and join the region. Counted at
    full weight, such a stretch parts them from the story: the strongest run inside ``span`` at full weight
    is the core, and an end outside it goes when its content mass is under TRIM_SHARE of the core's.
    Unless ``single`` (the page is known to be one story), the core must read as a story: its lines
    average STORY_LINE_WORDS words (paragraphs), not the short lines of a landing page's section, and an end
    goes only if it is STORY_END_LINES lines long.
    """
    start, end = span
    inner = frozenset(i - start for i in transparent if start <= i < end)
    core = text_region(blocks[start:end], scores[start:end], 1.0, transparent=inner)
    if core is None:
        return span
    a, b = core[0] + start, core[1] + start

    def positive(lo: int, hi: int) -> float:
        return sum(max(_mass(blocks[i], scores[i]), 0.0) for i in range(lo, hi) if i not in transparent)

    kept = positive(a, b)
    words = sum(len(blocks[i].text.split()) for i in range(a, b))
    if words < TRIM_MIN_WORDS:
        return span  # a short core may be the part of a page the evidence saw, not its story
    if not single and words < STORY_LINE_WORDS * (b - a):
        return span
    least = 0 if single else STORY_END_LINES
    head, tail = positive(start, a), positive(b, end)
    new_start = a if head < TRIM_SHARE * kept and a - start >= least else start
    new_end = b if tail < TRIM_SHARE * kept and end - b >= least else end
    return new_start, new_end


#: an end of the region parted from its core by full-weight boilerplate goes when its content mass is
#: under this share of the core's
TRIM_SHARE = 0.35
#: ...and the core holds at least this many words: trimmed to a few lines, a short page kept less than the
#: fallback's limit, and the structure pass brought its menus back (SPARSE_MAX_KEPT_DUMP)
TRIM_MIN_WORDS = 200
#: on a page not known to be one story (undeclared, no byline), the core's lines average this many words
#: for the trim to apply: paragraphs of a story, whose ends beyond the boilerplate are a footer's; a
#: service or shop page's core of short lines is one of its sections, and its other sections lie beyond
#: (WCXB dumps b, tuned third: trimmed at any length, articles gained and service/listing pages lost up to .23)
STORY_LINE_WORDS = 18
#: ...and an end goes only if it is this many lines long: a paragraph after a teaser card set into the story
#: (a label, a headline, a date) is the story's last, a footer lies beyond a run of headlines
STORY_END_LINES = 6


#: about one paragraph of mass: a short post above its comments (an open thread's three lines) is
#: the article too; ScrapingHub dumps: the same labels for any value from 60 to 100, and 200 left
#: such a post to the longer comments below it
AFTER_BARRIER_PROSE = 100.0
AFTER_BARRIER_FACTOR = 0.3
#: after an article's worth of prose (three paragraphs of mass) the comments count less again: a thread of
#: 80 comments under a three-paragraph story outweighed it at AFTER_BARRIER_FACTOR (WCXB dumps, one article
#: .11 -> .95). Not after one paragraph: a share bar's "Comments" link above a short story is a barrier too,
#: and at 0.1 the disclaimer line before it outweighed the story after it (ScrapingHub dump a: .82 -> 0)
AFTER_ARTICLE_PROSE = 300.0
AFTER_ARTICLE_FACTOR = 0.1
#: a comment section opens with a heading or a count ("12 Comments", "10 thoughts on “<title>”"); a longer
#: line that ends a sentence is a paragraph asking readers to comment ("...Do you agree? Tell me below."),
#: and as a barrier it cut the article after its first paragraph (WCXB dumps: one article lost its body)
BARRIER_MAX_CHARS = 80
#: a label and its value on one line ("Comments: 10 pages, 4 figures") is a field of an entry, not the
#: heading of a section: as a barrier it cut a dumped listing after its third entry. A quote mark before the
#: colon is a title's ("10 thoughts on “Hotels: the quiet ones”"), and that line is the count heading it is
LABELLED_VALUE = re.compile(r"^[^:“”\"«»„]{1,30}:\s+\S")
#: ...nor a statement of three words or more that ends with a full stop: an item of a list in the story
#: ("Avoiding reading comments.") names comments but heads no section of them
STATED = re.compile(r"^\D\S*(?:\s+\S+){2,}[^\W\d]\.[\"”’»)]?$")


def _opens_nothing(b: Block) -> bool:
    """Whether a block a barrier rule marks is a paragraph of prose or a labelled field, which open no
    comment section."""
    long_prose = len(b.text) > BARRIER_MAX_CHARS and SENTENCE_END.search(b.text) is not None
    return long_prose or LABELLED_VALUE.match(b.text) is not None or STATED.match(b.text) is not None


def _opening(blocks: Sequence[Block], marked: frozenset[int]) -> frozenset[int]:
    """The barriers that may open a comment section: a label ("Comments:") printed BARRIER_MAX_REPEATS times
    or more is a field of each entry of a list, printed apart from its value, not a section's heading."""
    labels = Counter(folded(blocks[i].text) for i in marked if blocks[i].text.endswith(":"))
    return frozenset(i for i in marked if labels.get(folded(blocks[i].text), 0) < BARRIER_MAX_REPEATS)


#: a comment section opens once: a barrier's label printed this many times is an entry's field. A WET-like
#: dump prints a listing's "Comments:" apart from its value, where LABELLED_VALUE cannot see the pair. A
#: count ("0 Comments") may repeat under each related teaser after a story, where it still ends the story
BARRIER_MAX_REPEATS = 3


#: on a dumped page that is one story, a teaser box's label ("Popular posts", "More from Sport") closes the
#: story as a comment heading does, once an article's worth of prose stands before it (AFTER_ARTICLE_PROSE):
#: the cards after it print a summary of two sentences each, prose that alone pulled the region on...
CLOSING_RULES = frozenset({"teasers.label"})
#: ...when the page holds under this share of the content mass before the label after it: a box set into the
#: story ("Don't miss" three paragraphs before its end) has the story's end after it, and closing there cut
#: that end off (ScrapingHub dump b, one story .95 -> .86 at TRIM_SHARE's .35). Nor does a label printed
#: BARRIER_MAX_REPEATS times close anything: each section's "Read more:". WCXB-500 dumps a/b/c
#: .8329/.8311/.8261 -> .8338/.8318/.8263 (no page down), ScrapingHub dumps .9342/.9318/.9339 ->
#: .9361/.9321/.9339
CLOSING_SHARE = 0.2


def _closing(blocks: Sequence[Block], scores: Sequence[float], marked: frozenset[int]) -> frozenset[int]:
    """The teaser labels (``marked``) that close the story (CLOSING_SHARE, BARRIER_MAX_REPEATS)."""
    printed = Counter(folded(blocks[i].text) for i in marked)
    marked = frozenset(i for i in marked if printed[folded(blocks[i].text)] < BARRIER_MAX_REPEATS)
    if not marked:
        return frozenset()
    mass = [max(_mass(b, s), 0.0) for b, s in zip(blocks, scores, strict=True)]
    total = sum(mass)
    out, before = set(), 0.0
    for i, m in enumerate(mass):
        if i in marked and total - before - m < CLOSING_SHARE * before:
            out.add(i)
        before += m
    return frozenset(out)


BARRIER_RULES = frozenset(
    {"widgets.comments-heading", "widgets.comment-count", "widgets.comment-prompt", "echo.comment-byline"}
)
# Boilerplate set into the page's own text (a site-wide disclosure between a post's byline
# and its first paragraph): still boilerplate, but the region and the neighbour vote look
# through it, as if the page had been written without it. Weighed as a region edge, it
# cut the headline above it off the article. So are a dumped Q&A page's stamped comments between
# its answers (widgets._dump_stamped_comments): weighed as region edges, they parted the question from them.
TRANSPARENT_RULES = frozenset({"template.inserted", "widgets.stamped-comment"})
#: a block marked so names the page's author
BYLINE_RULES = frozenset({"echo.byline"})
#: a heading marked so repeats the page title: the context pass does not bring it back
TITLE_RULES = frozenset({"echo.title"})


def post_frames(blocks: Sequence[Block]) -> frozenset[int]:
    """A dumped thread's lines that frame each post: short lines printed POST_FRAME_REPEATS times or more with
    their figures read as one ("Reply", "Quote", "Joined 2019", "Mar 21, 2025", "#4").

    Printed one text node a line, a post's buttons, counts and dates are a dozen lines around its few lines of
    text; weighed as boilerplate they part every post from the next, and the thread's region was its first post.
    They are still boilerplate, but the region steps over them as over a set-in disclosure.
    """
    if max((b.group for b in blocks), default=0) > FRAMED_MAX_GAPS:
        return frozenset()
    keys = [_skeleton(b.text) if b.role == "line" and len(b.text) <= ANCHOR_MAX_CHARS else "" for b in blocks]
    counts = Counter(keys)
    frame = [bool(k) and counts[k] >= POST_FRAME_REPEATS for k in keys]
    # A frame is several such lines in a row (a post's buttons); one repeated line alone is a label.
    return frozenset(
        i for i, f in enumerate(frame) if f and ((i > 0 and frame[i - 1]) or (i + 1 < len(frame) and frame[i + 1]))
    )


#: a line printed this many times on a dumped thread (figures aside) is part of each post's frame...
POST_FRAME_REPEATS = 3
#: ...and its boilerplate mass counts this share in the thread's region...
FRAME_DISCOUNT = 0.4
#: ...in a dump with at most this many blank lines (as segment.text.CHAIN_MAX_GAPS): one that sets its
#: paragraphs apart with blank lines (innerText) prints a post's buttons on a line or two, and there the
#: discount let the region run on into the threads listed after (WCXB-500 dumps b: forum held out -.01)
FRAMED_MAX_GAPS = 1


def region_signals(
    blocks: Sequence[Block], scores: Sequence[float], t: Tunables, barriers: frozenset[int] = frozenset(),
    transparent: frozenset[int] = frozenset(), section_scores: Sequence[float] | None = None,
    ceiling_scores: Sequence[float] | None = None, landmark: bool = True, single: bool = False,
    closing: frozenset[int] = frozenset(),
) -> list[Signal]:  # fmt: skip
    """The region's signals; ``single``: the page is one story (an article, a page with a byline), whose
    dumped region ends where its text does (trimmed_span)."""
    if not blocks:
        return []
    if any(b.containers for b in blocks):
        regions = html_regions(
            blocks, scores, t.region_penalty, t.sequence, transparent, t.sections, section_scores, ceiling_scores,
            landmark,
        )  # fmt: skip
        if not regions:
            return []
        chosen = frozenset(regions)
        outside = t.outside_region
        inside = [not chosen.isdisjoint(b.containers) for b in blocks]
        where = "container " + " + ".join(f"#{c}" for c in regions)
    else:
        span = text_region(
            blocks, scores, t.region_penalty, barriers if not t.sequence else frozenset(),
            transparent, post_frames(blocks) if t.sequence else frozenset(),
            _closing(blocks, scores, closing) if single and not t.sequence else frozenset(),
        )
        if span is None:
            return []
        if not t.sequence:
            span = trimmed_span(blocks, scores, span, transparent, single)
        span = (_past_menu(blocks, *span), span[1])
        inside = [span[0] <= b.index < span[1] for b in blocks]
        where = f"lines {span[0]}-{span[1] - 1}"
        outside = t.outside_region * TEXT_OUTSIDE_SCALE
    in_why, out_why = f"in the main region ({where})", f"outside the main region ({where})"
    return [
        Signal(b.index, t.inside_region, "region.inside", in_why)
        if ins
        else Signal(b.index, outside, "region.outside", out_why)
        for b, ins in zip(blocks, inside, strict=True)
    ]


#: a dumped menu's entry is a line of this many words at most, with no sentence's end...
MENU_ENTRY_WORDS = 6
#: ...and a region whose first line falls inside a run of at least this many such lines (counted from the
#: line above the start) starts past that run: a category menu's tail, not the page's text. WCXB-500 dumps
#: a/b/c: .8261/.8233/.8159 -> .8265/.8239/.8164 (held-out thirds 1+2 +.0002/+.0005/+.0001)
MENU_RUN_LINES = 8


def _menu_entry(b: Block) -> bool:
    return len(b.text.split()) <= MENU_ENTRY_WORDS and not SENTENCE_END.search(b.text.rstrip())


def _past_menu(blocks: Sequence[Block], start: int, end: int) -> int:
    """The region's start, stepped past a run of menu entries it falls inside: the evidence let the last
    entries of a long menu (the ones with a comma or an ampersand) join the text under it."""
    if start == 0 or not _menu_entry(blocks[start - 1]):
        return start
    i = start
    while i < end and _menu_entry(blocks[i]):
        i += 1
    return i if i - start + 1 >= MENU_RUN_LINES and i < end else start


def _label(score: float, bias: float) -> Label:
    return "content" if score + bias > 0 else "boilerplate"


#: frames in which an undecided block that scores below zero stays out between two content neighbours:
#: a site's header and menus inside <main>, or on a page judged by structure (every block starts from a
#: positive prior) a menu's entries that the prior lifted to just under zero. WCXB: 7 pages up (.01-.05:
#: listings, products, collections, a service), none down. Not <aside>: an article's pull quote is one,
#: a sentence the evidence nearly kept (ScrapingHub: one page 1.00 -> .99 with it).
MENU_FRAMES = frozenset({"nav", "header", "footer"})


def revise(
    blocks: Sequence[Block], scores: Sequence[float], labels: list[Label], t: Tunables,
    transparent: frozenset[int] = frozenset(), titles: frozenset[int] = frozenset(),
    body: tuple[int, int] | None = None, held: frozenset[int] = frozenset(),
) -> list[Label]:  # fmt: skip
    """The context pass: undecided blocks follow their neighbours; headings follow what they introduce.

    ``held`` blocks count as decided whatever their score (a list's card fields, named boilerplate: _held).
    Transparent blocks keep their label and are no one's neighbour. A heading that repeats the
    page's title (``titles``) introduces nothing: the title is metadata. Inside a dump's ``body``
    (the region's lines from its first content line to its last), a line with no net evidence
    against it introduces the content that follows it, as a heading does: a recipe card's short
    ingredient lines after its rating widget, a table's cells printed one per line. A block in a
    menu frame (MENU_FRAMES) whose score is below zero is not carried in between two content blocks.
    """
    n = len(blocks)
    decided = [(abs(s) >= t.undecided or i in held) and i not in transparent for i, s in enumerate(scores)]
    prev_of: list[int | None] = [None] * n
    next_of: list[int | None] = [None] * n
    last: int | None = None
    for i in range(n):
        prev_of[i] = last
        if decided[i]:
            last = i
    last = None
    for i in range(n - 1, -1, -1):
        next_of[i] = last
        if decided[i]:
            last = i
    out = list(labels)
    for i, b in enumerate(blocks):
        p, q = prev_of[i], next_of[i]
        prev_label = labels[p] if p is not None else None
        next_label = labels[q] if q is not None else None
        if i in transparent:
            continue
        if b.role == "heading":
            floor = LINKED_HEADING_FLOOR if _titles_card(blocks, scores, labels, i, t.undecided) else -2 * t.undecided
            if scores[i] > floor and next_label == "content" and i not in titles:
                out[i] = "content"
        elif b.tag == "dt" and scores[i] > TERM_FLOOR and _defines(blocks, scores, labels, i, t.undecided):
            out[i] = "content"
        elif decided[i]:
            continue
        elif body is not None and body[0] < i < body[1] and scores[i] >= 0 and next_label == "content":
            out[i] = "content"
            continue
        elif prev_label == next_label and prev_label is not None:
            if not (prev_label == "content" and scores[i] < 0 and b.landmarks & MENU_FRAMES):
                out[i] = prev_label
        elif "boilerplate" in (prev_label, next_label) and None in (prev_label, next_label):
            out[i] = "boilerplate"
    return out


def _defines(blocks: Sequence[Block], scores: Sequence[float], labels: Sequence[Label], i: int,
             undecided: float) -> bool:  # fmt: skip
    """Whether the block after term ``i`` is its definition (a <dd>'s text), kept on its own evidence:
    a post's "Views: 5K" or "Joined: 2012" pairs are <dl>s too, their values kept only by their neighbours."""
    j = i + 1
    return j < len(blocks) and labels[j] == "content" and scores[j] >= undecided and ">dd" in blocks[j].path


def _titles_card(blocks: Sequence[Block], scores: Sequence[float], labels: Sequence[Label], i: int,
                 undecided: float) -> bool:  # fmt: skip
    """Whether heading ``i`` is all one link and titles the description right after it in its own box,
    kept on its own evidence: a docs index's card ("Choosing when your workflow runs" over what that page
    tells), the link only the way to the page it sums up."""
    b, j = blocks[i], i + 1
    if j >= len(blocks) or b.links != 1 or b.link_chars < len(b.text) or labels[j] != "content":
        return False
    nxt = blocks[j]
    return scores[j] >= undecided and nxt.links == 0 and nxt.containers[: len(b.containers) - 1] == b.containers[:-1]


#: a heading that is all one link goes with the description kept after it in its box from this score up:
#: link density -2.0, in the region +0.4, and what else a short heading draws (see _titles_card)
LINKED_HEADING_FLOOR = -2.5
#: a definition list's term goes with the definition kept after it from this score up: an API reference
#: links each term to its own page (link density -2.0, a short link-only block -0.4, in the region +0.4)
TERM_FLOOR = -2.5


#: what evidence says of a block's shape alone (its length, its punctuation, its function words):
#: neither a boilerplate detector's mark nor the link density; nor is the weightless inline list, whose
#: shape a shop's own list of its categories has too
SHAPE_RULES = frozenset(
    {"evidence.short", "evidence.no-stopwords", "evidence.no-sentence", "evidence.stopwords", "evidence.sentence",
     "evidence.medium", "evidence.long", "region.inside", "navigation.inline-list"}
)  # fmt: skip
#: undecided plain blocks in a row that make a run
PLAIN_RUN = 3


#: a label with its count in brackets ends the line: an archive's month, a category, a filter's value
COUNTED = re.compile(r"\(\d[\d.,]*\)$")


def _plain_line(b: Block, body: tuple[int, int] | None) -> bool:
    """A dump's line inside its body that is no other page's headline and no entry of a link widget: a field
    ("Network: 10 Gbps"), a cell, a figure, or a line that does not open like a title (capital first, three
    words or more), and that does not end in a count ("March (113)", "Red (5)": an archive's or a filter's entry)."""
    if not _in_body(b, body):
        return False
    text = b.text
    return bool(LABELLED_VALUE.match(text)) or text.count(" ") < 2 or not (text[0].isupper() or text[0].isdigit())


def plain_runs(
    blocks: Sequence[Block], scores: Sequence[float], labels: list[Label], per_block: Sequence[Sequence[Signal]],
    t: Tunables, body: tuple[int, int] | None = None,
) -> list[Label]:  # fmt: skip
    """Runs of PLAIN_RUN or more undecided, plain blocks in an HTML region are content.

    A schedule, a price list, a cast list or a menu of dishes is a column of short lines
    without sentences or function words: each one alone looks thin, and between the
    article's last paragraph and the share bar after it the context pass sees only that
    they lean negative. What sets them apart from boilerplate is that nothing else speaks
    against them: no link density, no detector's mark, inside the main region. A lone such
    line (a "Tags:" label) stays as it was; a run of them is the page's own structure.
    ScrapingHub: such runs held 702 truth words against 47 others. A dump has no region container: there
    a run counts inside its ``body`` (first to last content line), of lines that are neither another
    story's headline nor a widget's counted entry (_plain_line); title-shaped lines count too when the story's
    prose goes on right after them and no widget's label stands before them (_story_follows, FOLLOW_LINES),
    and so do lines a headline run marked when the story also goes on after them (_story_goes_on).
    """
    out = list(labels)
    run: list[int] = []
    listed: list[bool] = []
    for i in range(len(blocks) + 1):
        # a dump's line that, besides its shape, only a headline run's shape speaks against (LISTED_RULES)
        headline = sum(s.weight for s in per_block[i] if s.rule in LISTED_RULES) if i < len(blocks) else 0.0
        plain = (
            i < len(blocks) and (bool(blocks[i].containers) or _in_body(blocks[i], body))
            and abs(scores[i] - headline) < t.undecided
            and any(s.rule == "region.inside" for s in per_block[i])
            and all(s.rule in SHAPE_RULES or s.rule in LISTED_RULES for s in per_block[i])
        )  # fmt: skip
        if plain:
            run.append(i)
            listed.append(bool(headline))
            continue
        if len(run) >= PLAIN_RUN:
            if (
                not _named(per_block, run[0] - 1) and _story_follows(blocks, scores, labels, run[-1] + 1, t.undecided)
                and (not any(listed) or _story_goes_on(blocks, scores, labels, run, body, t.undecided))
            ):  # fmt: skip
                kept = [run]
            else:
                kept = _split(run, [
                    not ls and (bool(blocks[j].containers) or _plain_line(blocks[j], body))
                    for j, ls in zip(run, listed, strict=True)
                ])  # fmt: skip
            for part in kept:
                if len(part) >= PLAIN_RUN:
                    for j in part:
                        out[j] = "content"
        run, listed = [], []
    return out


#: a run of title-shaped lines that a headline run marked (headlines.run: its titles share few words with the
#: prose) is still the story's own list when the story goes on after it: pros and cons, a roundup's features
#: under each entry. WCXB-500 dumps a/b/c .8317/.8299/.8250 -> .8329/.8311/.8261 (every third up)...
LISTED_RULES = frozenset({"headlines.run"})
#: ...by this share of the body's content before it: a related list after the story is followed by a few
#: promos and teaser summaries kept on their own evidence (ScrapingHub dumps a/b: two stories -.013/-.017
#: without this; with it unchanged)
GOES_ON_SHARE = 0.35


def _story_goes_on(
    blocks: Sequence[Block], scores: Sequence[float], labels: Sequence[Label], run: Sequence[int],
    body: tuple[int, int] | None, undecided: float,
) -> bool:  # fmt: skip
    """Whether the content after ``run`` in the body weighs GOES_ON_SHARE of the content before it."""
    if body is None:
        return True

    def words(lo: int, hi: int) -> int:
        return sum(
            word_count(blocks[j].text) for j in range(lo, hi) if labels[j] == "content" and scores[j] >= undecided
        )
    return words(run[-1] + 1, body[1] + 1) >= GOES_ON_SHARE * words(body[0], run[0])


def _split(run: Sequence[int], plain: Sequence[bool]) -> list[list[int]]:
    """The stretches of ``run`` whose blocks are all ``plain``."""
    parts: list[list[int]] = [[]]
    for j, ok in zip(run, plain, strict=True):
        if ok:
            parts[-1].append(j)
        elif parts[-1]:
            parts.append([])
    return parts


def _in_body(b: Block, body: tuple[int, int] | None) -> bool:
    """A dump's line inside its body that ends in no count (an archive's or a filter's entry, never a run's)."""
    return body is not None and body[0] < b.index < body[1] and not COUNTED.search(b.text)


def _story_follows(
    blocks: Sequence[Block], scores: Sequence[float], labels: Sequence[Label], start: int, undecided: float
) -> bool:
    """Whether the story's prose goes on within FOLLOW_LINES from ``start``: a paragraph of FOLLOW_WORDS
    words or more that ends a sentence and is content on its own evidence."""
    for j in range(start, min(len(blocks), start + FOLLOW_LINES)):
        b = blocks[j]
        if (
            labels[j] == "content" and scores[j] >= undecided and word_count(b.text) >= FOLLOW_WORDS
            and SENTENCE_END.search(b.text)
        ):  # fmt: skip
            return True
    return False


#: a run of title-shaped lines in a dump's body that the story's prose goes on after, within this many lines,
#: is the story's own list (a roundup's "Services" or "What you'll learn" items under each entry, a guide's
#: pros and cons), not other stories' headlines, which come after it or under a widget's label. WCXB-500 dumps
#: a/b/c .8302/.8286/.8237 -> .8317/.8299/.8250 (every third up; forum -.0006), ScrapingHub dumps
#: .9341/.9317/.9334 -> .9342/.9318/.9339
FOLLOW_LINES = 8
FOLLOW_WORDS = 18
#: ...unless the line before the run is a widget's: a teaser box's label ("More from Sport"), a gallery's
#: counter ("1 of 6", or its figure printed alone): then the run is its entries or captions, and the story
#: goes on after the box (ScrapingHub dumps a/b: two stories lost .008/.024 to a box set into them)
WIDGET_DETECTORS = frozenset({"teasers", "widgets"})
WIDGET_RULES = frozenset({"echo.bare-value"})


def _named(per_block: Sequence[Sequence[Signal]], i: int) -> bool:
    """Whether block ``i`` is marked by a widget's rule (WIDGET_DETECTORS, WIDGET_RULES)."""
    return i >= 0 and any(
        s.weight < 0 and (s.detector in WIDGET_DETECTORS or s.rule in WIDGET_RULES) for s in per_block[i]
    )


SITE_MODEL_DETECTORS = ("template",)


_SITE_MODEL_RULES = tuple(f"{d}." for d in SITE_MODEL_DETECTORS)


def _site_model_heard(signals: Sequence[Signal]) -> bool:
    # By the rule's prefix: Signal.detector splits the rule. This runs over every signal of the page, some
    # 900, which name a few dozen rules: each rule is asked once.
    return any(r.startswith(_SITE_MODEL_RULES) or r in SITE_MODEL_DETECTORS for r in set(map(_RULE, signals)))


_RULE = attrgetter("rule")


def _without_site_model(
    scores: Sequence[float], per_block: Sequence[Sequence[Signal]], weights: Mapping[str, float],
    lift_only: bool = False,
) -> list[float]:  # fmt: skip
    """The scores less what the site model's signals added (``lift_only``: its positive ones only)."""
    return [
        score - sum(
            x.weight * weights.get(x.detector, 1.0)
            for x in sig if x.detector in SITE_MODEL_DETECTORS and (x.weight > 0 or not lift_only)
        )
        for score, sig in zip(scores, per_block, strict=True)
    ]  # fmt: skip


def _rules_of(per_block: Sequence[Sequence[Signal]]) -> list[frozenset[str]]:
    """Each block's rules, gathered once (in C) for the questions _with_rule answers."""
    return [frozenset(map(_RULE, sig)) for sig in per_block]


def _with_rule(rules_of: Sequence[frozenset[str]], rules: frozenset[str]) -> frozenset[int]:
    """The blocks with a signal of one of ``rules``."""
    return frozenset(i for i, own in enumerate(rules_of) if not rules.isdisjoint(own))


def decide(
    blocks: Sequence[Block], signals: Sequence[Signal], weights: Mapping[str, float], t: Tunables
) -> list[Verdict]:
    """Every block's verdict, in order."""
    if t.cards and not t.prior:
        signals = [*signals, *listing_card_signals(blocks, signals, t.card_items)]
    signals = [*signals, *record_row_signals(blocks, signals)]
    scores, per_block = score_blocks(blocks, signals, weights, t.prior, t.rule_scale)
    # (the region's signals, added below, are none of the rules asked about)
    rules_of = _rules_of(per_block)
    barriers, transparent = _opening(blocks, _with_rule(rules_of, BARRIER_RULES)), _with_rule(rules_of, TRANSPARENT_RULES)
    # A site model's lift of the page's own blocks narrows nothing, so it must not widen the region either:
    # sections qualify on the scores without it (a carousel unique to each page is not a section).
    heard = _site_model_heard(signals)
    section_scores = _without_site_model(scores, per_block, weights, lift_only=True) if heard else None
    # Nor may the lift make a container outweigh what it weighs without the model; except in the sparse
    # step (prior > 0), where the page has no prose evidence and a listing's items being unique to it is
    # the model's only evidence of content (capped there too, the WCXB listings lost their items).
    ceiling = _without_site_model(scores, per_block, weights) if heard and not t.prior else None
    # A page with a byline is an article in all but its declaration: its main landmark holds author
    # bios and timestamps around the story, not more of the page's sections.
    landmark = not _with_rule(rules_of, BYLINE_RULES)
    region = (
        region_signals(
            blocks, scores, t, barriers, transparent, section_scores, ceiling, landmark,
            single=t.sections is False or not landmark, closing=_with_rule(rules_of, CLOSING_RULES),
        )
        if weights.get("region", 1.0) else []
    )  # fmt: skip
    for s in region:
        scores[s.block] += s.weight * weights.get("region", 1.0)
        per_block[s.block].append(s)
        # Outside the region the lift brings nothing back: a promo unique to the page is still a promo.
        if section_scores is not None and s.rule == "region.outside":
            scores[s.block] = min(scores[s.block], section_scores[s.block] + s.weight * weights.get("region", 1.0))
    first = [_label(s, t.bias) for s in scores]
    titles = _with_rule(rules_of, TITLE_RULES)
    body = _text_body(blocks, region, first)
    final = first
    if weights.get("context", 1.0):
        held = _held(blocks, per_block, first)
        final = plain_runs(
            blocks, scores, revise(blocks, scores, first, t, transparent, titles, body, held), per_block, t, body
        )
    copies = _thread_copies(blocks, final) if t.sequence else frozenset()
    return [
        Verdict(b, "boilerplate", first[i], scores[i], (*per_block[i], Signal(i, 0.0, COPY_RULE, COPY_WHY)))
        if i in copies
        else Verdict(b, final[i], first[i], scores[i], tuple(per_block[i]))
        for i, b in enumerate(blocks)
    ]


def record_row_signals(blocks: Sequence[Block], signals: Sequence[Signal]) -> list[Signal]:
    """The rows of a table of records: their links count nothing against them.

    A list printed as a table (laureates by year, a league's results, a directory) links each record's
    names to their own pages, and judged as any block a row of linked names is a menu or a link list
    (link density, navigation.link-list): the whole table went, and the region with it. RECORD_ROWS
    rows or more of RECORD_CELLS cells or more in one table are records, not a menu: a menu's or a
    footer's layout table has a cell or two a row, a navbox a heading cell and one cell of links.
    The lift cancels exactly the link rules' weight, so the rows are judged on the rest of their evidence.
    """
    tables: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for b in blocks:
        if b.role == "row" and len(b.cells) >= RECORD_CELLS:
            tables[b.containers[:-1]].append(b.index)
    rows = {i for found in tables.values() if len(found) >= RECORD_ROWS for i in found}
    if not rows:
        return []
    against: dict[int, float] = defaultdict(float)
    for s in signals:
        if s.block in rows and s.rule in RECORD_LINK_RULES:
            against[s.block] += s.weight
    why = "links of a row in a table of records"
    return [Signal(i, -w, "listing.record-links", why) for i, w in sorted(against.items()) if w]


#: a table of records has this many rows, each of this many cells at least
RECORD_ROWS = 10
RECORD_CELLS = 3
#: the rules that read a row's links as a menu's
RECORD_LINK_RULES = frozenset({"evidence.links", "navigation.link-list", "navigation.lone-link", "navigation.menu-run"})


def _thread_copies(blocks: Sequence[Block], labels: Sequence[Label]) -> frozenset[int]:
    """On a thread, the kept blocks whose text a kept block before them already holds (COPY_MIN_WORDS or more).

    A reply quotes the post it answers, a thread prints its opening post again above the replies or
    once per layout: the second copy is the same words again, and weighed alone it is a post like the
    first (echo.repeat is no match for a post's prose evidence). WCXB forum pages, word F1 per third
    .840/.814/.727 -> .848/.828/.743 (30 pages change, 2 down); off threads the same, tried on a copy of
    the kept text, cost documentation (steps repeated per tab) and listings more than it gained.

    A quote box (role "quote") is a copy too when its words run on unbroken in the text kept before it:
    a reply quotes a sentence or two of a post, or a whole post whose paragraphs were kept one by one.
    """
    seen: set[str] = set()
    kept = " "  # the kept blocks' words so far, one space apart and around (grown in place, not joined per quote)
    found: set[int] = set()
    for i, (b, label) in enumerate(zip(blocks, labels, strict=True)):
        if label != "content":
            continue
        norm = folded(b.text)
        words = " ".join(COPY_WORD.findall(norm))
        if word_count(norm) >= COPY_MIN_WORDS and (norm in seen or (b.role == "quote" and f" {words} " in kept)):
            found.add(i)
        seen.add(norm)
        kept += words + " "
    return frozenset(found)


#: a thread's copy of a kept block is left out from this many words: a one-word reply ("Thanks!") is no copy
COPY_MIN_WORDS = 5
#: a quote's words against the kept text: punctuation and line breaks aside, as a quote box reflows them
COPY_WORD = re.compile(r"\w+")
COPY_RULE = "context.thread-copy"
COPY_WHY = "repeats the text of a block kept before it (a quote, the opening post printed again)"


#: a rule of a boilerplate detector at least this strong names what a block is (a share bar's "Share this
#: on", a legal-links line, a caption's "(Image: ...)"): a block it named that the first pass dropped is held
#: out of the content around it; on balance it was only undecided because prose-like words outweighed it.
#: WCXB thirds +.0004/-.0002/+.0005, ScrapingHub F1 .9745 -> .9750 (captions with credits, share lines, a
#: reCAPTCHA notice); text rules alone, class/id rules left out: thirds +.0004/-.0003/+.0001
NAMED_WEIGHT = 1.0
NAMED_DETECTORS = frozenset({"widgets", "consent", "credits"})
#: a linked line of this many words or more that repeats one earlier on the page (echo.repeat) is a copy of
#: a teaser the page already showed: a listing's "Popular" or "Most read" box repeating entries of its feed.
#: Held out, it no longer follows the cards around it in (WCXB listing .7589 -> .7598, thirds .9054/.8760/.8684 ->
#: .9055/.8762/.8684; ScrapingHub .9763 -> .9762, a deals post's product link printed twice). Unlinked copies are
#: not held: a pricing table prints the same feature under each plan, a docs page the same steps per tab,
#: and held they took whole plans and tabs out (WCXB thirds -.0001/-.0006/+.0007, documentation t1 -.009).
COPY_HELD_WORDS = 6


def _linked_copy(b: Block, sig: Sequence[Signal]) -> bool:
    """Whether block ``b`` is a teaser headline the page printed earlier: a link of COPY_HELD_WORDS or more."""
    linked = len(b.text.split()) >= COPY_HELD_WORDS and 2 * b.link_chars > len(b.text)
    return linked and any(s.rule == "echo.repeat" for s in sig)


def _held(blocks: Sequence[Block], per_block: Sequence[Sequence[Signal]], first: Sequence[Label]) -> frozenset[int]:
    """The blocks the context pass holds as decided, whatever their score, in one pass over the signals.

    - Card fields the first pass kept (listing_card_signals). Lifted by SPARSE_CARD, a card's title and
      text end just above zero, undecided, and a grid of them between a sort toolbar and the footer
      followed those neighbours out, every card at once (WCXB: an undeclared shop grid's 20 titles and
      prices, word F1 .60 -> .96). Held, the list is judged as the list it is, and a label between two
      cards ("Bestseller", "Sold out") follows them in.
    - Blocks the first pass dropped that a boilerplate rule named (NAMED_WEIGHT), or that are a teaser's
      linked headline printed again (COPY_HELD_WORDS).
    """
    return frozenset(
        i for i, sig in enumerate(per_block)
        if (first[i] == "content" and any(s.rule == "listing.card" for s in sig))
        or (first[i] == "boilerplate" and (
            any(s.weight <= -NAMED_WEIGHT and s.detector in NAMED_DETECTORS for s in sig) or _linked_copy(blocks[i], sig)
        ))
    )  # fmt: skip


def _text_body(blocks: Sequence[Block], region: Sequence[Signal], labels: Sequence[Label]) -> tuple[int, int] | None:
    """A dump's region from its first content line to its last, or None (HTML, or no region)."""
    if any(b.containers for b in blocks):
        return None
    inside = [s.block for s in region if s.rule == "region.inside" and labels[s.block] == "content"]
    return (inside[0], inside[-1]) if inside else None


SPARSE_MAX_KEPT = 250
SPARSE_MAX_KEPT_DUMP = 150
#: an HTML page that declares no type is tried up to here: a listing, a service page or a product grid
#: beside an FAQ or a few paragraphs keeps some hundreds of words the first time. Above SPARSE_MAX_KEPT the
#: structure pass must add SPARSE_WIDE_GAIN of what was kept, mostly unlinked text (_structure_pays).
#: Declared pages keep the lower limit: declared articles above it lost (ScrapingHub -.018 at 800).
SPARSE_MAX_KEPT_UNDECLARED = 800
SPARSE_WIDE_GAIN = 0.25
#: below the limit the structure pass must add as many words as the first pass kept, and this many more:
#: without them a dump took its link lists (ScrapingHub WET -.008). (They also kept a page whose words are not
#: spaced from taking any structure pass while split() counted its paragraphs as a few "words"; word_count
#: counts them now: fixture chinese--library-night-reading stays at word F1 1.00 without them, .80 before.)
SPARSE_GAIN_WORDS = 20
SPARSE_PRIOR = 0.6
#: ...and so are a shop's buttons ("Add to cart", "Quick view") and delivery terms ("FREE shipping"): in a grid
#: of cards they are its fields' shape, heard they weighed the grid's region down to below its filter column's
#: (WCXB: a collection's 51 cards lost); kept, they go after the pass (controls_out), and the first pass hears them
SPARSE_IGNORED_RULES = (
    "teasers.class", "teasers.shape", "teasers.list", "teasers.title-date", "widgets.shop-control",
    "widgets.shipping-label",
)
#: a dump's headline runs are heard at half strength: a list page is made of them, an article beside them is not
SPARSE_SCALED_RULES = (("headlines.run", 0.5),)
#: on HTML, a run of short lines is heard at half strength too: a listing's items are such a run, and a
#: category index of short links lost them all (WCXB listing+collection+product, 0.5 against 1.0: tuned
#: third +.005, held-out +.013/+.000; 0.0: +.004, +.012/+.006 with more pages losing). The menus it also
#: marks sit in nav, header and footer landmarks, whose own rules still count; a dump has no landmarks,
#: so there the rule keeps its weight
SPARSE_HTML_SCALED_RULES = (("navigation.menu-run", 0.5),)


#: judged by structure, a card in a list of cards is content: the list is what such a page is made of.
#: The lift answers the structure's doubts about a card's fields (menu runs, lone links, link lists,
#: repeated labels), not a rule that names a field outright (a byline, a printed value: this weight
#: or less, the strength that context may not undo either).
SPARSE_CARD = 0.5
CARD_VETO = -1.6
#: ...but on a product page a list of cards that show prices is other products (recommendations,
#: "customers also bought", recently viewed): judged by structure, such a card starts from nothing (the
#: prior and the region's lift cancelled). WCXB product pages (declared product): tuned third .685 ->
#: .685, held out .574 -> .591 and .718 -> .727; any weight from 0.5 to 2.5 the same. Without the price
#: test feature tiles went too; heard in the first pass as well, it gained nothing more. A collection
#: page that declares og:type product loses its grid (one WCXB page, -.21).
SPARSE_CAROUSEL = -1.0
#: a list of cards is a carousel when at least this share of its cards shows a price
CAROUSEL_PRICED = 0.5
#: a price: a currency sign beside a digit ("$22", "19,99 €", "From £8")
PRICE = re.compile(r"[$€£¥₹₩₽₺₴₱₪฿]\s?\d|\d\s?[$€£¥₹₩₽₺₴₱₪฿]")


def _card_vetoed(signals: Sequence[Signal]) -> set[int]:
    """The card fields a rule names outright (a byline, a printed value): no lift for them."""
    # Evidence is not heard by the structure pass, so its verdicts veto nothing.
    return {s.block for s in signals if s.weight <= CARD_VETO and s.detector != "evidence"}


def _card_signals(blocks: Sequence[Block], signals: Sequence[Signal], carousels: bool = False) -> list[Signal]:
    named = _card_vetoed(signals)
    found = card_fields(blocks)
    priced = priced_lists(blocks, found) if carousels else set()
    return [
        Signal(i, SPARSE_CAROUSEL, "fallback.carousel", f"field of one of {n} priced cards in container #{parent}")
        if parent in priced
        else Signal(i, SPARSE_CARD, "fallback.card", f"field of one of {n} cards in container #{parent}")
        for i, (parent, _, n) in sorted(found.items())
        if parent in priced or i not in named
    ]


def card_chrome(blocks: Sequence[Block], found: Mapping[int, tuple[int, int, int]]) -> dict[int, str]:
    """The card fields that are their card's chrome, not its item's: block index -> why.

    A shop's card says "Add to cart", "Quick view", "Size", "View details" under every item, a feed's
    "Read more": the item's own fields (its title, its text, its price) differ from card to card, the
    buttons and labels of the card's template do not. A field is chrome when its text (case and spacing
    folded) is a label's or a widget's (words, CHROME_MAX_CHARS at most: a price or a count repeated is
    a value, judged as one) and it is in every card (CHROME_MIN_CARDS or more), or in half of them and its slot
    (its depth in the card, its tag, its nearest class) holds that text in CHROME_SHARE of the cards
    that have the slot. An item's attribute can be nearly as alike ("Full-Time" in 69 of a job board's
    76 cards) but its slot holds other values too ("Contract"); a promo tile among a shop's cards has
    no button slot at all. A card's fieldset legend is chrome whatever it says: it names the card's
    variant picker ("More options" and the item's name), whose choices are the form's, not the item's
    text (WCXB: one tuned-third collection page +.008, no held-out page moves). So is a form control's
    <label> that CHROME_MIN_CARDS cards print ("Size" in 20 cards, "Type" in 7, one slot): its slot holds
    other labels too, not the item's values (WCXB: one tuned-third collection page +.05, no held-out page
    moves; every card <label>, however rare, lost a held-out collection page .015).
    """
    chrome: dict[int, str] = {}
    for parent, cards in _cards_by_list(blocks, found).items():
        texts: dict[int, tuple[tuple[int, str, str], str]] = {}
        in_cards: dict[str, int] = defaultdict(int)
        in_slot: dict[tuple[tuple[int, str, str], str], int] = defaultdict(int)
        slots: dict[tuple[int, str, str], int] = defaultdict(int)
        for fields in cards.values():
            own: set[str] = set()
            for i in sorted(fields):
                b = blocks[i]
                t = folded(b.text)
                depth = len(b.containers) - b.containers.index(parent)
                slot = (depth, b.tag, b.attr_levels[0] if b.attr_levels else "")
                texts[i] = (slot, t)
                own.add(t)
                in_slot[slot, t] += 1
                slots[slot] += 1
            for t in own:
                in_cards[t] += 1
        least = max(CHROME_MIN_CARDS, len(cards) / 2)
        for i, (slot, t) in texts.items():
            everywhere = in_cards[t] == len(cards) >= CHROME_MIN_CARDS
            alike = everywhere or in_cards[t] >= least and in_slot[slot, t] >= CHROME_SHARE * slots[slot]
            if alike and LETTERS.search(t) and len(t) <= CHROME_MAX_CHARS:
                chrome[i] = f"the same words in {in_cards[t]} of its list's {len(cards)} cards"
            elif blocks[i].tag == "legend":
                chrome[i] = "the legend of a form's fieldset in a card: a picker's name, not the item's text"
            elif blocks[i].tag == "label" and in_cards[t] >= CHROME_MIN_CARDS:
                chrome[i] = f"a form control's label in {in_cards[t]} of its list's {len(cards)} cards"
    return chrome


#: a label or a widget's text of at most this many characters, in this many cards at least, that fills
#: this share of its slot
CHROME_MAX_CHARS = 100
CHROME_MIN_CARDS = 6
CHROME_SHARE = 0.95
#: the signals that lift a list's cards (listing_card_signals, _card_signals)
CARD_LIFT_RULES = frozenset({"listing.card", "fallback.card"})


def chrome_out(verdicts: Sequence[Verdict]) -> list[Verdict]:
    """The verdicts with the kept chrome (card_chrome) of every lifted list of cards decided out.

    Done on the decided verdicts, not as a signal: the chrome weighs in the region, in the context
    pass and in whether the structure pass pays as the card fields it looks like, so taking it out
    changes no other block's label and no step of the ladder (as a -1.6 signal it moved a shop
    grid's region to its filter column, and its few words lost a feed the structure pass).
    """
    lifted = [v.block.index for v in verdicts if v.kept and any(s.rule in CARD_LIFT_RULES for s in v.signals)]
    if not lifted:
        return list(verdicts)
    blocks = [v.block for v in verdicts]
    if is_dump(blocks):
        return list(verdicts)  # a dump's cards (text_cards) have no slots to compare
    found = card_fields(blocks)
    lists = {found[i][0] for i in lifted if i in found}
    listed = {i: f for i, f in found.items() if f[0] in lists}
    chrome = {**card_copies(blocks, listed), **card_chrome(blocks, listed)}
    return _decided_out(verdicts, CHROME_RULE, {i: f"chrome: {why}" for i, why in chrome.items()})


def _decided_out(verdicts: Sequence[Verdict], rule: str, why: Mapping[int, str]) -> list[Verdict]:
    """The verdicts with the kept blocks ``why`` names relabelled boilerplate, each with a signal of ``rule``
    that weighs nothing and says why: decided after everything else, they change no other block's label."""
    return [
        replace(v, label="boilerplate", signals=(*v.signals, Signal(i, 0.0, rule, why[i])))
        if v.kept and i in why else v
        for i, v in enumerate(verdicts)
    ]  # fmt: skip


CHROME_RULE = "listing.card-chrome"


def controls_out(verdicts: Sequence[Verdict], signals: Sequence[Signal]) -> list[Verdict]:
    """The verdicts of a page judged by structure with the kept list controls and shop labels decided out.

    The structure pass does not hear widgets.shop-control and widgets.shipping-label (SPARSE_IGNORED_RULES):
    in a grid of cards the buttons and delivery terms are its fields' shape, and heard they moved the
    region to the filter column or cost the pass itself (WCXB: a declared listing's grid, word F1 .64 ->
    .15). An ad label ("Sponsored") is heard, but the prior, the region and the card lift outweigh it.
    Kept, they stayed around and in the grid: "Sort by", "Results per page:", "FREE shipping",
    "Sponsored". Taken out here, on the decided verdicts as chrome_out does, they change no other
    block's label. Not on a declared article (see fallback): a deals roundup's "Buy now" is its text.
    """
    controls = {s.block: f"{s.rule}, which the structure pass does not hear" for s in signals if s.rule in CONTROL_RULES}
    return _decided_out(verdicts, CONTROL_RULE, controls)


CONTROL_RULES = frozenset({"widgets.shop-control", "widgets.ad-label", "widgets.shipping-label"})
CONTROL_RULE = "listing.list-control"


def card_copies(blocks: Sequence[Block], found: Mapping[int, tuple[int, int, int]]) -> dict[int, str]:
    """The card fields that print their card's title or its price again: block index -> why.

    A shop's card often prints its item's name two or three times (over the image, as the linked title, in a
    quick-view label): the card names it once. Only the title counts: a card's value may recur in it (a
    group of offers, each "Expires 01/01/26"; a reference entry's two fields of type "string"). A price
    is the one value that counts too (_price_copies): a shop theme prints a regular and a sale price box
    under every item and its stylesheet shows one of them.
    """
    copies: dict[int, str] = {}
    priced = priced_lists(blocks, found)
    for cards in _cards_by_list(blocks, found, priced).values():
        for fields in cards.values():
            ordered = sorted(fields)
            title = _card_title([blocks[i] for i in ordered])
            if title is None:
                continue
            name = folded(blocks[title].text)
            copies.update(
                (i, f"repeats the title of its card, block {title}")
                for i in ordered if i != title and folded(blocks[i].text) == name
            )  # fmt: skip
            copies.update(_price_copies([blocks[i] for i in ordered]))
    return copies


def _price_copies(fields: Sequence[Block]) -> dict[int, str]:
    """The fields of a card that print a price with the figures of an earlier field's, the same in the same
    order: "Regular price Sale price $19.99" after "Regular price $19.99". A was-and-now pair differs in
    its figures and stays. (WCXB: one collection page, word F1 .48 -> .64; no other page moved.)"""
    seen: dict[tuple[str, ...], int] = {}
    copies: dict[int, str] = {}
    for b in fields:
        if not PRICE.search(b.text):
            continue
        figures = tuple(FIGURES.findall(b.text))
        if figures in seen:
            copies[b.index] = f"prints the price of block {seen[figures]} again"
        else:
            seen[figures] = b.index
    return copies


def _cards_by_list(
    blocks: Sequence[Block], found: Mapping[int, tuple[int, int, int]], lists: Container[int] | None = None
) -> dict[int, dict[int, list[int]]]:  # fmt: skip
    """card_fields' fields grouped: list -> card -> its fields' block indexes (only ``lists``, if given)."""
    cards: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, (parent, card, _) in found.items():
        if lists is None or parent in lists:
            cards[parent][card].append(i)
    return cards


def priced_lists(blocks: Sequence[Block], found: Mapping[int, tuple[int, int, int]]) -> set[int]:
    """The lists of cards (their containers) in which most cards show a price: other products on sale."""
    return {
        parent for parent, cs in _cards_by_list(blocks, found).items()
        if sum(any(PRICE.search(blocks[i].text) for i in card) for card in cs.values()) >= CAROUSEL_PRICED * len(cs)
    }  # fmt: skip


def listing_card_signals(
    blocks: Sequence[Block], signals: Sequence[Signal], min_items: int = CARD_MIN_ITEMS
) -> list[Signal]:
    """On a listing, the text of its cards (in lists of ``min_items`` or more) is content from the first pass on.

    A card is its title linked to the item, a description and some labels. Judged as any block,
    the linked title weighed as a menu entry (evidence.links) and its description followed it
    out in the context pass. Here, in a card whose title links to its item and that says more than
    its link (a lone link in a grid is a promo tile or a menu entry; a heading and a line over a
    "Learn more" button are a promo band), the fields with words enough for a title or a line of
    text are lifted and the link counts nothing against them. A field with no word (a price, a star rating, a
    count) is decided out, so that the text around it cannot carry it in; a one- or two-word
    label (a badge, a brand) is left to its own evidence.
    """
    named = _card_vetoed(signals)
    linked: dict[int, float] = defaultdict(float)
    for s in signals:
        if s.rule == "evidence.links":
            linked[s.block] += s.weight
    cards: dict[int, list[int]] = defaultdict(list)
    for i, (_, card, n) in card_fields(blocks).items():
        if n < min_items:
            continue
        cards[card].append(i)
    # A dump prints no links: there a card is known by its shape alone (text_cards).
    dump = is_dump(blocks)
    out: list[Signal] = []
    for card, fields in sorted(cards.items()):
        title = _card_title([blocks[i] for i in sorted(fields)])
        if len(fields) < 2 or title is None or not (dump or title in linked):
            continue
        for i in sorted(fields):
            b = blocks[i]
            if i in named:
                continue
            if not LETTERS.search(b.text):
                out.append(Signal(i, CARD_VALUE, "listing.card-value", f"a value without words in card #{card}"))
            elif word_count(b.text) >= (2 if b.role == "heading" else CARD_TITLE_WORDS):
                out.append(Signal(i, SPARSE_CARD, "listing.card", f"text of card #{card}"))
                if i in linked:
                    out.append(Signal(i, -linked[i], "listing.card-link", f"the link of card #{card} to its item"))
    return out


def related_card_signals(
    blocks: Sequence[Block], signals: Sequence[Signal], weights: Mapping[str, float]
) -> list[Signal]:
    """On an article, the fields of a list of cards that follows all of the article's prose are teasers.

    After the story a site prints more of its own: "More in Sport", a feed of cards (a linked
    title, a date, a two-line excerpt, "Read more"). Each excerpt is a sentence or two of real
    prose, and judged alone it is kept; in the region it even pulls the region past the story.
    What sets such a list apart from the story's own lists (steps, a roundup of products, a table
    of cards between its paragraphs) is its shape and where it stands. Most of its cards are a
    title linked to its story and more fields (a roundup's items are one line each, the product's
    name linked). No paragraph of the story's prose (RELATED_PROSE_CHARS or longer, with net
    content evidence, in no list of cards) comes after its first card, and at least
    RELATED_MIN_PROSE characters of such prose come before it. ScrapingHub: 4 pages up (P .51 ->
    .97, .60 -> 1.00), none down; WCXB articles: 2 pages up (.73/.84 -> 1.00), none down. Without
    the linked titles a service page's feature cards and a roundup's earlier picks went too.
    """
    found = card_fields(blocks)
    if not found:
        return []
    scores, _ = score_blocks(blocks, signals, weights)
    prose = [
        b.index for b, s in zip(blocks, scores, strict=True)
        if s > 0 and len(b.text) >= RELATED_PROSE_CHARS and b.index not in found
    ]  # fmt: skip
    if not prose:
        return []
    last = prose[-1]
    starts: dict[int, int] = {}
    for i, (parent, _, _) in found.items():
        starts[parent] = min(starts.get(parent, i), i)
    after = {p for p, first in starts.items() if first > last}
    cards = _cards_by_list(blocks, found, after)
    after = {p for p in after if _linked_titles(blocks, cards[p].values()) >= CARD_SHARE * len(cards[p])}
    if not after:
        return []
    out: list[Signal] = []
    for i, (parent, _, n) in sorted(found.items()):
        if parent not in after:
            continue
        before = sum(len(blocks[j].text) for j in prose if j < starts[parent])
        if before >= RELATED_MIN_PROSE:
            why = f"field of one of {n} cards after the article in #{parent}"
            out.append(Signal(i, RELATED_CARD, "listing.related", why))
    return out


def _linked_titles(blocks: Sequence[Block], cards: Iterable[Sequence[int]]) -> int:
    """The cards of two fields or more whose title (_card_title) is a link."""
    titles = (_card_title([blocks[i] for i in sorted(card)]) for card in cards if len(card) >= 2)
    return sum(t is not None and blocks[t].link_density >= SPARSE_LINKED for t in titles)


#: a paragraph of the article's prose is this long...
RELATED_PROSE_CHARS = 150
#: ...and a list of cards after the last one is related stories when this much prose comes before it
RELATED_MIN_PROSE = 1000
RELATED_CARD = -2.5


def _card_title(fields: Sequence[Block]) -> int | None:
    """A card's title: its first heading of two words or more, else its first field of CARD_TITLE_WORDS words."""
    for b in fields:
        if b.role == "heading" and word_count(b.text) >= 2:
            return b.index
    return next((b.index for b in fields if word_count(b.text) >= CARD_TITLE_WORDS), None)


#: a card field without a run of two letters is a value (price, rating, count), never the card's text
LETTERS = re.compile(r"[^\W\d_]{2}")
CARD_VALUE = -1.6  # as echo.bare-value: a printed value, decided out against its neighbours


#: Chinese and Japanese are written without spaces between words: to str.split() a sentence of them is
#: one "word". Kana, CJK ideographs and their compatibility forms (Korean is spaced: Hangul is not here).
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{_UNSPACED}]")
#: a spaced word, or two unspaced characters (a Chinese word is one to three characters, two on average)
CJK_WORD = re.compile(f"[{_UNSPACED}]{{1,2}}|[^\\s{_UNSPACED}]+")


def word_count(text: str) -> int:
    """Words in ``text``: spaced words, and unspaced (Chinese, Japanese) characters two to a word.

    Every count of words in the decision goes through here, so a page's kept words, what the
    structure pass adds and a declared body are measured alike in every script.
    """
    if text.isascii() or CJK.search(text) is None:  # isascii: a flag of the string, read in O(1)
        return len(text.split())
    return len(CJK_WORD.findall(text))


def kept_words(verdicts: Sequence[Verdict], outside: frozenset[str] = frozenset()) -> int:
    """Words in the blocks kept as content, those inside the ``outside`` landmarks left out."""
    return sum(word_count(v.block.text) for v in verdicts if v.kept and not (v.block.landmarks & outside))


#: landmarks whose text is the site's, not the page's: kept there (a footer's charity notice or disclaimer,
#: the only prose of a timetable or a shop grid), it does not count as what the first pass kept, so it
#: neither keeps the page from the structure pass nor raises what that pass must add. WCXB thirds
#: .8717/.8596/.8554 -> .8746/.8613/.8561 (6 pages: 4 listings/collections/articles .06-.26 -> .67-1.00,
#: 2 down .06/.02); ScrapingHub unchanged (model.FRAME_LANDMARKS)


def marked(verdicts: Sequence[Verdict], rule: str, why: str) -> list[Verdict]:
    """The verdicts with a weightless signal saying which fallback decided them (for explain())."""
    return [replace(v, signals=(*v.signals, Signal(v.block.index, 0.0, rule, why))) for v in verdicts]


def _added_words(before: Sequence[Verdict], after: Sequence[Verdict]) -> tuple[int, int]:
    """Words of the blocks the sparse pass adds: (listed, own text).

    Listed: links by SPARSE_LINKED link density; a dump has no links, there the lines in
    runs of headlines and inline link lists (SPARSE_LISTED_RULES) stand for them.
    """
    dump = not any(v.block.containers for v in before)
    linked = unlinked = 0
    for a, b in zip(before, after, strict=True):
        if b.kept and not a.kept:
            if dump:
                listed = any(s.rule in SPARSE_LISTED_RULES for s in a.signals)
            else:
                listed = b.block.link_density >= SPARSE_LINKED
            if listed:
                linked += word_count(b.block.text)
            else:
                unlinked += word_count(b.block.text)
    return linked, unlinked


SPARSE_LINKED = 0.5
#: a dump's stand-ins for links: runs of headlines, and link lists printed inline (a footer's columns
#: "Help Centre, Returns & Refunds, ..."), which alone made a page of footer columns its own text
SPARSE_LISTED_RULES = frozenset({"headlines.run", "navigation.inline-list"})
#: on a declared article, what one listed word the structure pass adds is worth (_structure_pays): its lists
#: must outweigh the body four times over. ScrapingHub: a news ticker beside a short story (three
#: times its words) stays out, which half would have taken (F1 .961 -> .958)
SPARSE_ARTICLE_LISTED = 0.25


def _first_pass(
    blocks: Sequence[Block], signals: Sequence[Signal], verdicts: list[Verdict], weights: Mapping[str, float],
    t: Tunables,
) -> list[Verdict]:  # fmt: skip
    """Step 1 of the ladder: nothing kept although some blocks had content evidence: decide
    without the region step (the region can be wrong on pages of many small sections)."""
    if kept_words(verdicts) == 0 and any(v.score > 0 for v in verdicts):
        return decide(blocks, signals, {**weights, "region": 0.0}, t)
    return verdicts


#: evidence the structure pass hears, under its own name (it weighs the evidence detector nothing): the
#: declared description's sheet (evidence._description_sheet) is no prose shape but the page's declaration.
#: The description's own block (evidence.described) heard too made a shop page take the pass and its
#: seller's terms (WCXB, one product page .93 -> .60)
DECLARED_RULES = {"evidence.described-sheet": "fallback.described-sheet"}


def _structure_pass(
    blocks: Sequence[Block], signals: Sequence[Signal], weights: Mapping[str, float], t: Tunables
) -> list[Verdict]:
    """The page judged by structure alone (the sparse step)."""
    # Teaser *shapes* are what such a page is made of; teaser *labels* ("You may also like") still count.
    html = any(b.containers for b in blocks)
    scale = (
        *t.rule_scale, *((r, 0.0) for r in SPARSE_IGNORED_RULES), *SPARSE_SCALED_RULES,
        *(SPARSE_HTML_SCALED_RULES if html else ()),
    )  # fmt: skip
    # A mark the structure still hears (a dialog's) is cancelled by the page's declaration all the same.
    declared = [Signal(s.block, s.weight, DECLARED_RULES[s.rule], s.evidence) for s in signals if s.rule in DECLARED_RULES]
    judged = [*signals, *_card_signals(blocks, signals, t.carousels), *declared]
    return decide(blocks, judged, {**weights, "evidence": 0.0}, replace(t, prior=SPARSE_PRIOR, rule_scale=scale))


def _structure_pays(before: Sequence[Verdict], sparse: Sequence[Verdict], metadata: Metadata) -> bool:
    """Whether the structure pass is taken: what it adds to the first pass, not what it keeps in all.

    Counting all it keeps (twice the first pass and 20 words) made a cliff: a first pass that kept a few
    more lines, all of which the structure pass kept too, lost it (WCXB +.001/-.001/.000 per third
    from counting only the added words). Below SPARSE_MAX_KEPT (and on a dump) it must add as many
    words as the first pass kept and SPARSE_GAIN_WORDS; above it (undeclared HTML pages only, see fallback) a quarter, mostly unlinked
    text: beside a few hundred words the links it adds are the page's menus and related links. On a
    declared article its listed words count SPARSE_ARTICLE_LISTED each; in a dump they may not outnumber its own text.
    """
    kept = kept_words(before, FRAME_LANDMARKS)
    listed, unlinked = _added_words(before, sparse)
    dump = not any(v.block.containers for v in before)
    # In a dump what it adds must be mostly own text: its lists are runs of headlines, and beside a short
    # story they are the site's (ScrapingHub dumps a and b: counted as on an article below, -.003).
    if dump and unlinked < listed:
        return False
    # On a declared article a listed word it adds counts SPARSE_ARTICLE_LISTED of an own word: an article
    # with a short body keeps it the first time, and what the sparse pass then adds is the page's lists
    # of links to other articles; when an article's structured content (a schedule, a product roundup)
    # was missed, it is text. Lists that outweigh the body four times over are the page: a recipe index
    # or a section front that declares itself an article. (A veto when the links outnumbered the text
    # lost those whole: WCXB one or two listings per third, word F1 .3 -> .95.)
    linked = listed * SPARSE_ARTICLE_LISTED if not dump and metadata.page_type == "article" else float(listed)
    if kept < SPARSE_MAX_KEPT or dump:
        return linked + unlinked >= kept + SPARSE_GAIN_WORDS
    return linked + unlinked >= SPARSE_WIDE_GAIN * kept and unlinked >= linked


#: what marks a dump line as a menu's (navigation.menu_run)
MENU_RUN_RULE = "navigation.menu-run"
SPARSE_MENU_RULE = "fallback.sparse-menu"
#: a story's start: one of the first SPARSE_MENU_LEAD kept lines holds SPARSE_MENU_PROSE words
SPARSE_MENU_PROSE = 25
SPARSE_MENU_LEAD = 2


def _menus_before_text_out(first: Sequence[Verdict], sparse: Sequence[Verdict]) -> list[Verdict]:
    """A dump's structure-pass verdicts with the menu lines above the first pass's first kept line decided out.

    A dump whose text is a table printed one cell a line (WET) keeps too little the first time, and the
    structure pass then brings back the site's mega-menu above the story along with the table: the menu
    runs before the text the first pass found are the site's, not the page's.
    """
    kept = [v.block for v in first if v.kept]
    # Only where the first pass found a story: prose among its first lines (a grid's first pass keeps an item).
    if not any(word_count(b.text) >= SPARSE_MENU_PROSE for b in kept[:SPARSE_MENU_LEAD]):
        return list(sparse)
    start = kept[0].index
    why = {
        v.block.index: "a menu run above the text the first pass found"
        for v in sparse[:start]
        if v.kept and any(s.rule == MENU_RUN_RULE for s in v.signals)
    }
    return _decided_out(sparse, SPARSE_MENU_RULE, why) if why else list(sparse)


def fallback(
    blocks: Sequence[Block], signals: Sequence[Signal], verdicts: list[Verdict], metadata: Metadata,
    weights: Mapping[str, float], t: Tunables,
) -> list[Verdict]:  # fmt: skip
    """Readability's ladder: when too little survives, relax one step and decide again.

    1. Nothing kept although some blocks had content evidence: decide without the
       region step (_first_pass).
    2. Too little kept (SPARSE_MAX_KEPT words; SPARSE_MAX_KEPT_UNDECLARED on an HTML page that
       declares no type): judge the page by structure (_structure_pass), taken when it adds
       enough to the first pass (_structure_pays).
    3. The page declares its body (JSON-LD articleBody) and the visible page holds
       far less of it (an app shell that renders text by script): the declared body.

    A site model refines each step but never chooses one: which step a page takes is
    decided on the page's own signals, the model's left out. Its lift of a page's own
    blocks (template.unique: prices, counts) carried listings' first passes over the
    limit, so the structure pass that finds their items was never tried, and its marks
    took shop-wide boxes out of product pages, which fell under the limit and had the
    sparse pass bring them all back (WCXB rei.com, ifixit.com; docs/sitemodel.md).
    """
    verdicts = _first_pass(blocks, signals, verdicts, weights, t)
    if t.related_cards and (related := related_card_signals(blocks, signals, weights)):
        # Found on the evidence, which the structure pass does not hear: a short story's related
        # feed, dropped here, would come back there as a list of cards (WCXB: word F1 .73 -> .50).
        signals = [*signals, *related]
        verdicts = _first_pass(blocks, signals, decide(blocks, signals, weights, t), weights, t)
    plain_weights = weights
    plain = verdicts
    judged = False
    if _site_model_heard(signals):
        plain_weights = {**weights, **dict.fromkeys(SITE_MODEL_DETECTORS, 0.0)}
        plain = _first_pass(blocks, signals, decide(blocks, signals, plain_weights, t), plain_weights, t)
    # A page of short items (a listing, a product grid, a schedule) has no prose for the
    # evidence to find: judge it by structure alone, every block starting from a small
    # prior, length and link density ignored, boilerplate detectors still heard, and the fields
    # of a repeated list of cards (card_lists) lifted: there the list is the page.
    # A dump has no structure to judge by: only a dump that kept next to nothing is tried.
    limit = SPARSE_MAX_KEPT if any(b.containers for b in blocks) else SPARSE_MAX_KEPT_DUMP
    if limit == SPARSE_MAX_KEPT and metadata.page_type is None:
        limit = SPARSE_MAX_KEPT_UNDECLARED
    if kept_words(plain, FRAME_LANDMARKS) < limit:
        # Whether the structure pass is taken is judged with the cards lifted, carousels too: a product
        # page's pass that finds its specs table pays as before (WCXB: one page .44 -> .55), and only
        # what it keeps leaves the carousels out.
        lifted = replace(t, carousels=False)
        sparse = _structure_pass(blocks, signals, plain_weights, lifted)
        if _structure_pays(plain, sparse, metadata):
            if plain is not verdicts or t.carousels:
                sparse = _structure_pass(blocks, signals, weights, t)
            verdicts = marked(sparse, "fallback.sparse", "judged by structure")
            if is_dump(blocks):
                verdicts = _menus_before_text_out(plain, verdicts)
            judged = True
    if metadata.page_type != "article":
        # A declared article's cards are its own (a roundup's picks and their "Buy now" links): its text.
        verdicts = chrome_out(verdicts)
        if judged:
            verdicts = controls_out(verdicts, signals)
    kept = kept_words(verdicts)
    body = metadata.body or ""
    if word_count(body) >= 50 and kept < 0.3 * word_count(body):
        start = len(blocks)
        extra = [
            Verdict(
                Block(index=start + i, text=para, role="paragraph"), "content", "content", 1.0,
                (Signal(start + i, 1.0, "fallback.declared-body", "the page declares its body; the visible page lacks it"),),
            )
            for i, para in enumerate(p.strip() for p in body.splitlines() if p.strip())
        ]  # fmt: skip
        verdicts = [*verdicts, *extra]
    return verdicts
