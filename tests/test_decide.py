"""The decision: weighted scores, the main region (HTML container, text run), the context pass."""

from __future__ import annotations

import json
from dataclasses import replace

import boilerstrip
from boilerstrip.decide import (
    TEXT_OUTSIDE_SCALE,
    Tunables,
    card_chrome,
    card_copies,
    card_fields,
    card_lists,
    decide,
    html_region,
    html_regions,
    plain_runs,
    region_signals,
    revise,
    score_blocks,
    text_region,
    trimmed_span,
)
from boilerstrip.model import Block, Label, Signal

T = Tunables()
LONG = "x" * 200


def lines(*texts: str) -> list[Block]:
    return [Block(index=i, text=t, role="line", line=i) for i, t in enumerate(texts)]


def test_score_is_the_weighted_sum_of_signals() -> None:
    """A block's score sums its signals, each scaled by its detector's weight (default 1)."""
    blocks = lines("a", "b")
    sigs = [
        Signal(0, 1.0, "evidence.long", ""),
        Signal(0, -0.5, "echo.title", ""),
        Signal(1, -1.0, "nav.menu", ""),
    ]
    scores, per_block = score_blocks(blocks, sigs, {"echo": 2.0, "nav": 0.5})
    assert scores == [1.0 - 1.0, -0.5]
    assert per_block == [[sigs[0], sigs[1]], [sigs[2]]]


def test_zero_weight_switches_a_detector_off() -> None:
    """A detector weighted 0 adds nothing to the score and its signals are not kept."""
    blocks = lines("a")
    sigs = [Signal(0, 1.0, "evidence.long", ""), Signal(0, -3.0, "echo.title", "")]
    scores, per_block = score_blocks(blocks, sigs, {"echo": 0.0})
    assert scores == [1.0]
    assert per_block == [[sigs[0]]]


def test_signals_for_missing_blocks_are_ignored() -> None:
    """A signal pointing outside the block sequence is dropped, not an IndexError."""
    scores, per_block = score_blocks(lines("a"), [Signal(5, 1.0, "x.y", ""), Signal(-1, 1.0, "x.y", "")], {})
    assert scores == [0.0]
    assert per_block == [[]]


def test_text_region_is_the_max_sum_run() -> None:
    """text_region returns the contiguous [start, end) run of highest length-weighted sum."""
    blocks = lines(*[LONG] * 8)
    scores = [-1.0, 1.0, 1.0, -0.5, 1.0, -3.0, 2.0, -1.0]
    assert text_region(blocks, scores) == (1, 5)


def test_text_region_single_strong_block_wins() -> None:
    """A lone block outscoring every run is the region by itself."""
    blocks = lines(*[LONG] * 5)
    assert text_region(blocks, [1.0, -5.0, 4.0, -5.0, 1.0]) == (2, 3)


def test_text_region_weighs_length() -> None:
    """Three short lines lose to one long line of the same score each: mass grows with length."""
    blocks = lines("short", "short", "short", LONG, LONG)
    assert text_region(blocks, [1.0, 1.0, 1.0, -5.0, 1.0]) == (4, 5)


def test_text_region_keeps_neutral_lines_at_both_ends() -> None:
    """A line with no evidence either way stays in the region before the article as after it."""
    blocks = lines(*[LONG] * 5)
    assert text_region(blocks, [0.0, 1.0, 1.0, 0.0, -1.0]) == (0, 4)
    assert text_region(blocks, [-1.0, 0.0, 1.0, 1.0, -1.0]) == (1, 4)


def test_text_region_a_short_post_outweighs_the_longer_comments_after_it() -> None:
    """Three lines of prose, then a comment heading (a barrier), then five longer comments: the comments
    are discounted after that much prose, and the short post stays the region."""
    post, comment = "p" * 150, "c" * 300
    blocks = lines(post, post, post, "5 Comments", *[comment] * 5)
    scores = [1.0, 1.0, 1.0, -1.0, *[1.0] * 5]
    assert text_region(blocks, scores, 0.4, frozenset({3})) == (0, 3)


def test_text_region_an_article_outweighs_a_long_thread_after_it() -> None:
    """Four paragraphs, then a comment heading and twenty longer comments: after an article's worth of
    prose the comments are discounted more, and the article stays the region; after one paragraph (a
    share bar's "Comments" link above the story) they are discounted as before and the text after wins."""
    para = "p" * 400
    scores = [1.0] * 4 + [-1.0] + [1.0] * 20
    assert text_region(lines(*[para] * 4, "87 Comments", *[para] * 20), scores, 0.4, frozenset({4})) == (0, 4)
    short = [1.0, 1.0, -1.0, *[1.0] * 8]
    assert text_region(lines("q" * 300, "q" * 300, "Comments", *[para] * 8), short, 0.4, frozenset({2})) == (3, 11)


def test_text_region_a_paragraph_with_a_comment_prompt_is_no_barrier() -> None:
    """A paragraph that ends asking readers to comment is prose, not the heading of a comment section: it
    neither cuts the article's run nor discounts what follows it, nor does an entry's labelled field
    ("Comments: 10 pages") or a list item's sentence. A count heading cuts, short or long."""
    post = "p" * 150
    prompt = ("There is more about each of them below the slide show, with the prices of a night in each. "
              "Do you agree with my list?")
    scores = [1.0, 1.0, 1.0, -1.0, *[1.0] * 5]
    assert text_region(lines(post, post, post, prompt, *[post] * 5), scores, 0.4, frozenset({3})) == (0, 9)
    field = "Comments: 10 pages, 4 figures"
    assert text_region(lines(post, post, post, field, *[post] * 5), scores, 0.4, frozenset({3})) == (0, 9)
    item = "Turning off the replies and comments."  # an item of the story's list, a full sentence
    assert text_region(lines(post, post, post, item, *[post] * 5), scores, 0.4, frozenset({3})) == (0, 9)
    for heading in ("5 Comments", "10 thoughts on “Hotels: ten quiet ones on the coast, and the one I would go back to”"):
        assert text_region(lines(post, post, post, heading, *[post] * 5), scores, 0.4, frozenset({3})) == (0, 3)


def test_text_region_none_when_nothing_positive() -> None:
    """With no positive score there is no region."""
    assert text_region(lines("a", "b"), [-1.0, 0.0]) is None
    assert text_region([], []) is None


def _page() -> list[Block]:
    # body(1) > nav(2) | article(3) | aside(4)
    b: list[Block] = []

    def add(text: str, containers: tuple[int, ...]) -> None:
        b.append(Block(index=len(b), text=text, containers=containers))

    add("Home", (1, 2, 5))
    add("News", (1, 2, 6))
    add(LONG, (1, 3, 7))
    add(LONG, (1, 3, 8))
    add("Related story one", (1, 4, 9))
    return b


def test_html_region_picks_the_article_container() -> None:
    """The container whose blocks' masses sum highest (the article, not body) is the region."""
    blocks = _page()
    scores = [-1.0, -1.0, 1.5, 1.5, -0.5]
    assert html_region(blocks, scores) == 3


def _thread(posts: int) -> tuple[list[Block], list[float]]:
    # body(1) > thread(2) > post(10+k) > header(100+k) | text(200+k); the first post is the longest
    b: list[Block] = []
    scores: list[float] = []

    def add(text: str, containers: tuple[int, ...], score: float) -> None:
        b.append(Block(index=len(b), text=text, containers=containers))
        scores.append(score)

    add("Forum index", (1, 5), -3.0)
    for k in range(posts):
        post = (1, 2, 10 + k)
        add(f"member{k}", (*post, 100 + k), -3.6)
        add("Re: Fan noise after the update", (*post, 100 + k), -4.7)
        add("Wed Dec 27, 2023 10:00 am", (*post, 100 + k), -6.0)
        add("The fan went quiet once I rolled the firmware back a version." * (2 if k == 0 else 1), (*post, 200 + k), 1.0)
    return b, scores


def test_a_thread_region_takes_every_post_whatever_their_chrome() -> None:
    """On a thread the region grows from the longest post to the thread, though each post's name, title and
    date lines outweigh its short text; off a thread the same page keeps the one post."""
    blocks, scores = _thread(6)
    assert html_region(blocks, scores, penalty=T.region_penalty, sequence=True) == 2
    assert html_region(blocks, scores, penalty=T.region_penalty) in (10, 200)


def test_html_region_none_when_nothing_positive() -> None:
    """No positive container total means no region."""
    assert html_region(_page(), [-1.0] * 5) is None


def test_region_signals_push_out_and_lift_in() -> None:
    """Blocks inside the region get inside_region, blocks outside get outside_region."""
    blocks = _page()
    sigs = region_signals(blocks, [-1.0, -1.0, 1.5, 1.5, -0.5], T)
    assert [s.rule for s in sigs] == ["region.outside"] * 2 + ["region.inside"] * 2 + ["region.outside"]
    assert [s.weight for s in sigs] == [T.outside_region] * 2 + [T.inside_region] * 2 + [T.outside_region]


def test_region_signals_for_text_use_the_run() -> None:
    """On dump blocks (no containers) the region is the max-sum run of lines."""
    blocks = lines(*[LONG] * 4)
    sigs = region_signals(blocks, [-1.0, 1.0, 1.0, -1.0], T)
    assert [s.rule for s in sigs] == ["region.outside", "region.inside", "region.inside", "region.outside"]
    assert "lines 1-2" in sigs[1].evidence


def test_revise_flips_undecided_block_between_content() -> None:
    """An undecided block between two content blocks becomes content."""
    blocks = lines("a", "b", "c")
    scores = [2.0, -0.3, 2.0]
    first: list[Label] = ["content", "boilerplate", "content"]
    assert revise(blocks, scores, first, T) == ["content", "content", "content"]


def test_revise_flips_undecided_block_between_boilerplate() -> None:
    """An undecided positive block between two boilerplate blocks becomes boilerplate."""
    scores = [-2.0, 0.3, -2.0]
    first: list[Label] = ["boilerplate", "content", "boilerplate"]
    assert revise(lines("a", "b", "c"), scores, first, T) == ["boilerplate"] * 3


def test_revise_leaves_decided_blocks() -> None:
    """A block whose |score| reaches the undecided threshold keeps its own label."""
    scores = [2.0, -1.0, 2.0]
    first: list[Label] = ["content", "boilerplate", "content"]
    assert revise(lines("a", "b", "c"), scores, first, T) == first


def test_revise_keeps_held_card_fields_as_the_first_pass_kept_them() -> None:
    """Held blocks (the fields of a list's cards that the first pass kept) count as decided: a run of them
    between a sort toolbar and a footer stays content, and an undecided label between two of them follows
    them in; without holding, the whole run follows its boilerplate neighbours out."""
    scores = [-2.0, 0.6, -0.3, 0.6, -2.0]
    first: list[Label] = ["boilerplate", "content", "boilerplate", "content", "boilerplate"]
    blocks = lines("Sort by", "Oak bench model one", "Bestseller", "Oak bench model two", "Footer")
    assert revise(blocks, scores, first, T) == ["boilerplate"] * 5
    held = revise(blocks, scores, first, T, held=frozenset({1, 3}))
    assert held == ["boilerplate", "content", "content", "content", "boilerplate"]


def test_revise_leaves_a_menu_frames_entries_out_between_content() -> None:
    """An undecided block that scores below zero inside <nav>, <header> or <footer> stays out between two
    content blocks (a site's menu inside <main>); one in <aside> (a pull quote) or in no frame follows them in."""
    scores = [2.0, -0.7, -0.7, -0.3, -0.3, 0.3, 2.0]
    first: list[Label] = ["content", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "content", "content"]
    frames = [(), ("nav",), ("header", "nav"), ("aside",), (), ("nav",), ()]
    texts = ["Cameras for every kind of shooter", "Photography", "Lighting", "A quote", "Label", "Deals", LONG]
    blocks = [
        Block(index=i, text=t, landmarks=frozenset(f), containers=(1,))
        for i, (t, f) in enumerate(zip(texts, frames, strict=True))
    ]
    out = revise(blocks, scores, first, T)
    assert out == ["content", "boilerplate", "boilerplate", "content", "content", "content", "content"]


def test_revise_leaves_undecided_between_mixed_neighbours() -> None:
    """Between a content and a boilerplate neighbour, an undecided block keeps its label."""
    scores = [2.0, 0.3, -2.0]
    first: list[Label] = ["content", "content", "boilerplate"]
    assert revise(lines("a", "b", "c"), scores, first, T) == first


def test_revise_undecided_at_the_edge_next_to_boilerplate() -> None:
    """An undecided first block whose only decided neighbour is boilerplate becomes boilerplate."""
    scores = [0.3, -2.0, 2.0]
    first: list[Label] = ["content", "boilerplate", "content"]
    assert revise(lines("a", "b", "c"), scores, first, T) == ["boilerplate", "boilerplate", "content"]


def test_neutral_lines_in_a_dumps_body_introduce_the_content_after_them() -> None:
    """In a dump, between the region's first and last content lines, lines with no net evidence against
    them (a recipe card's ingredients after its rating widget) go with the content that follows; the
    same lines before the first content line, or followed by boilerplate, do not."""
    texts = [
        "Menu", "Intro", "Print", "200 g flour", "2 eggs", "Method", "Rate", "Notes", "Footer",
    ]  # fmt: skip
    bs = lines(*texts)
    scores = [-2.0, 2.0, -2.0, 0.0, 0.0, 2.0, -2.0, 0.0, -2.0]
    first: list[Label] = ["content" if s > 0 else "boilerplate" for s in scores]
    got = revise(bs, scores, first, T, body=(1, 5))
    assert got[3:5] == ["content", "content"]
    assert got[7] == "boilerplate"
    assert revise(bs, scores, first, T)[3:5] == ["boilerplate", "boilerplate"]
    assert revise(bs, scores, first, T, body=(5, 5))[3:5] == ["boilerplate", "boilerplate"]


def test_decide_leans_a_dumps_neutral_lines_to_the_content_after_them() -> None:
    """decide() finds a dump's body itself: short ingredient lines after a widget line stay."""
    texts = [LONG, "Print", "200 g flour", "2 eggs", LONG]
    signals = [
        Signal(0, 1.5, "evidence.long", ""), Signal(1, -1.5, "widgets.tools-text", ""),
        Signal(2, -0.4, "evidence.short", ""), Signal(3, -0.4, "evidence.short", ""),
        Signal(4, 1.5, "evidence.long", ""),
    ]  # fmt: skip
    got = decide(lines(*texts), signals, {}, T)
    assert [v.kept for v in got] == [True, False, True, True, True]


def test_heading_follows_the_next_block() -> None:
    """A mildly negative heading introducing content becomes content; one before boilerplate does not."""
    blocks = [
        Block(index=0, text="Intro", role="heading", level=2),
        Block(index=1, text=LONG),
        Block(index=2, text="Links", role="heading", level=2),
        Block(index=3, text="Home"),
    ]
    scores = [-1.2, 2.0, -0.3, -2.0]
    first: list[Label] = ["boilerplate", "content", "boilerplate", "boilerplate"]
    assert revise(blocks, scores, first, T) == ["content", "content", "boilerplate", "boilerplate"]


def test_strongly_negative_heading_stays_boilerplate() -> None:
    """A heading scoring below -2x the undecided threshold is not rescued by the next block."""
    blocks = [Block(index=0, text="Ad", role="heading"), Block(index=1, text=LONG)]
    assert revise(blocks, [-2.0, 2.0], ["boilerplate", "content"], T) == ["boilerplate", "content"]


def test_a_linked_term_goes_with_the_definition_kept_after_it() -> None:
    """An API reference links each <dt> term to its own page: a term whose <dd> was kept is content,
    one before a dropped definition, one without a definition, and a strongly negative one are not."""
    def term(i: int, text: str) -> Block:
        return Block(index=i, text=text, role="item", tag="dt", path="body>main>dl>dt")

    def definition(i: int) -> Block:
        return Block(index=i, text=LONG, role="item", tag="p", path="body>main>dl>dd>p")

    blocks = [term(0, "Socket.url"), definition(1), term(2, "Socket.send()"), definition(3),
              term(4, "Socket.close()"), term(5, "Sponsored"), definition(6)]  # fmt: skip
    scores = [-2.0, 2.0, -2.0, -1.5, -2.0, -3.0, 2.0]
    first: list[Label] = ["boilerplate", "content", "boilerplate", "boilerplate", "boilerplate", "boilerplate",
                          "content"]  # fmt: skip
    got = revise(blocks, scores, first, T)
    assert got == ["content", "content", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "content"]


def test_a_linked_card_heading_goes_with_the_description_kept_in_its_box() -> None:
    """A docs index titles each card with a link to the page it sums up: a heading that is all one link
    is content over the description kept after it in its own box; not over a description in another box,
    nor one that is itself a link, nor when it is only part link."""
    def heading(i: int, card: int, text: str = "Choosing when your workflow runs", link: int | None = None) -> Block:
        size = len(text) if link is None else link
        return Block(index=i, text=text, role="heading", tag="h2", level=2, link_chars=size, links=1,
                     containers=(1, card, 10 + i))  # fmt: skip

    def description(i: int, card: int, links: int = 0) -> Block:
        return Block(index=i, text=LONG, tag="p", links=links, link_chars=len(LONG) if links else 0,
                     containers=(1, card, 10 + i, 20 + i))  # fmt: skip

    blocks = [heading(0, 2), description(1, 2), heading(2, 3), description(3, 4), heading(4, 5),
              description(5, 5, links=1), heading(6, 6, "Choosing where it runs: the runners", link=10),
              description(7, 6)]  # fmt: skip
    scores = [-1.6, 2.0] * 4
    first: list[Label] = ["boilerplate", "content"] * 4
    got = revise(blocks, scores, first, T)
    assert got == ["content", "content", "boilerplate", "content", "boilerplate", "content", "boilerplate", "content"]
    # below the ordinary floor, only the card's own link-titled heading comes back
    assert revise(blocks, [-2.2, 2.0] * 4, first, T)[::2] == ["content", "boilerplate", "boilerplate", "boilerplate"]


def test_a_heading_that_repeats_the_title_is_not_brought_back() -> None:
    """The context pass brings a mildly negative heading back before content, but not one that is the
    page's title (echo.title): the title is metadata, even when it sits inside the article."""
    blocks = [Block(index=0, text="A new timetable for the ferry", role="heading", level=1), Block(index=1, text=LONG)]
    sigs = [Signal(0, -1.5, "echo.title", ""), Signal(0, 0.5, "evidence.stopwords", ""),
            Signal(1, 2.0, "evidence.long", "")]  # fmt: skip
    assert [v.label for v in decide(blocks, sigs, {"region": 0.0}, T)] == ["boilerplate", "content"]
    same_score = [Signal(0, -1.0, "widgets.share-class", ""), Signal(1, 2.0, "evidence.long", "")]
    assert [v.label for v in decide(blocks, same_score, {"region": 0.0}, T)] == ["content", "content"]


def test_decide_keeps_first_label_and_the_revised_label() -> None:
    """decide records the label before the context pass and the one after it."""
    blocks = lines(LONG, "short", LONG)
    sigs = [Signal(0, 2.0, "evidence.long", ""), Signal(1, -0.3, "evidence.short", ""),
            Signal(2, 2.0, "evidence.long", "")]  # fmt: skip
    verdicts = decide(blocks, sigs, {"region": 0.0}, T)
    assert [v.first_label for v in verdicts] == ["content", "boilerplate", "content"]
    assert [v.label for v in verdicts] == ["content", "content", "content"]
    assert verdicts[1].score == -0.3
    assert verdicts[1].signals == (sigs[1],)
    assert [v.block for v in verdicts] == blocks


def test_a_block_a_boilerplate_rule_named_is_not_pulled_in_by_its_neighbours() -> None:
    """A share line between two paragraphs, undecided on balance (its link evidence outweighed by the region),
    stays out when a boilerplate rule named it ("Share this on"); an undecided line only short stays in."""
    blocks = lines(LONG, "Share this on WhatsApp", LONG, "short", LONG)
    sigs = [Signal(0, 2.0, "evidence.long", ""), Signal(1, -1.0, "widgets.share-phrase", "text 'share this on'"),
            Signal(1, 0.6, "evidence.stopwords", ""), Signal(2, 2.0, "evidence.long", ""),
            Signal(3, -0.3, "evidence.short", ""), Signal(4, 2.0, "evidence.long", "")]  # fmt: skip
    verdicts = decide(blocks, sigs, {"region": 0.0}, T)
    assert [v.label for v in verdicts] == ["content", "boilerplate", "content", "content", "content"]


def test_a_linked_headline_printed_again_is_not_pulled_in_by_its_neighbours() -> None:
    """A "Popular" box repeats a headline the feed showed: the linked copy, undecided on balance, stays out
    between two kept entries; an unlinked copy (a plan's feature line printed under each plan) follows them in."""
    head = "How we rebuilt the search of our blog"
    feature = "Unlimited projects for the whole team"
    blocks = [
        Block(index=0, text=LONG, role="paragraph"),
        Block(index=1, text=head, role="paragraph", links=1, link_chars=len(head)),
        Block(index=2, text=LONG, role="paragraph"),
        Block(index=3, text=feature, role="paragraph"),
        Block(index=4, text=LONG, role="paragraph"),
    ]
    sigs = [Signal(0, 2.0, "evidence.long", ""), Signal(1, -0.5, "echo.repeat", "same text earlier on the page"),
            Signal(2, 2.0, "evidence.long", ""), Signal(3, -0.5, "echo.repeat", "same text earlier on the page"),
            Signal(4, 2.0, "evidence.long", "")]  # fmt: skip
    verdicts = decide(blocks, sigs, {"region": 0.0}, T)
    assert [v.label for v in verdicts] == ["content", "boilerplate", "content", "content", "content"]


def test_decide_context_weight_zero_skips_the_context_pass() -> None:
    """With context weighted 0 the labels are the first labels."""
    blocks = lines(LONG, "short", LONG)
    sigs = [Signal(0, 2.0, "evidence.long", ""), Signal(1, -0.3, "evidence.short", ""),
            Signal(2, 2.0, "evidence.long", "")]  # fmt: skip
    verdicts = decide(blocks, sigs, {"region": 0.0, "context": 0.0}, T)
    assert (
        [v.label for v in verdicts]
        == [v.first_label for v in verdicts]
        == ["content", "boilerplate", "content"]
    )


def test_decide_adds_region_signals() -> None:
    """With the region step on, each verdict carries a region signal included in its score."""
    blocks = lines(LONG, LONG, LONG)
    sigs = [Signal(0, -2.0, "nav.menu", ""), Signal(1, 2.0, "evidence.long", ""), Signal(2, -2.0, "x.y", "")]
    verdicts = decide(blocks, sigs, {}, T)
    assert [v.signals[-1].rule for v in verdicts] == ["region.outside", "region.inside", "region.outside"]
    assert verdicts[1].score == 2.0 + T.inside_region
    assert verdicts[0].score == -2.0 + T.outside_region * TEXT_OUTSIDE_SCALE  # lines of a dump


def test_bias_moves_the_threshold() -> None:
    """A positive bias keeps a mildly negative block; a negative bias drops a mildly positive one."""
    blocks = lines("a")
    neg = [Signal(0, -0.3, "evidence.short", "")]
    pos = [Signal(0, 0.3, "evidence.medium", "")]
    off = {"region": 0.0, "context": 0.0}
    assert decide(blocks, neg, off, T)[0].label == "boilerplate"
    assert decide(blocks, neg, off, Tunables(bias=0.5))[0].label == "content"
    assert decide(blocks, pos, off, Tunables(bias=-0.5))[0].label == "boilerplate"


def test_decide_on_no_blocks() -> None:
    """No blocks, no verdicts."""
    assert decide([], [], {}, T) == []


def _review_page(page_type: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": page_type, "name": "Trail lamp"})
    own = (
        "The trail lamp gives four hundred lumens for six hours on one charge, weighs ninety grams and clips "
        "to any strap. Its beam switches between a wide flood for camp and a narrow spot for the path ahead. "
    )
    reviews = "".join(
        f'<div class="review"><p class="review-text">{text}</p></div>'
        for text in (
            "I took it on a week of night hikes and it never once ran flat before I was back at the car park.",
            "Bright enough for scrambling after dark, though the clip loosened a little after a month of use.",
            "My second one already: the first went with my brother, who now refuses to give it back to me.",
        )
    )
    return (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f'<main><h1>Trail lamp</h1><p>{own * 2}</p><p>{own}</p><section class="reviews">{reviews}</section>'
        "</main></body></html>"
    )


def test_reviews_are_beside_a_product_and_content_elsewhere() -> None:
    """A product page's customer reviews go (the page type weighs review markup more); the same markup
    on a page that declares no product is judged as text."""
    product = boilerstrip.extract(_review_page("Product"))
    plain = boilerstrip.extract(_review_page("WebPage"))
    assert "four hundred lumens" in product.text and "four hundred lumens" in plain.text
    assert "night hikes" not in product.text
    assert "night hikes" in plain.text


def _landing_page() -> list[Block]:
    # body(1) > nav(2) | section(3) | section(4) | section(5) | footer(6)
    def block(i: int, text: str, containers: tuple[int, ...]) -> Block:
        return Block(index=i, text=text, containers=containers)

    return [
        block(0, "Home Pricing Sign in " * 15, (1, 2)),
        block(1, LONG * 2, (1, 3)),
        block(2, LONG, (1, 4)),
        block(3, LONG, (1, 5)),
        block(4, "Privacy Terms Cookies " * 15, (1, 6)),
    ]


def test_html_regions_take_sibling_sections_that_hold_content() -> None:
    """With sections, the region's content siblings join it; the menu and footer beside them do not."""
    blocks = _landing_page()
    scores = [-1.5, 1.5, 1.0, -0.2, -1.5]
    assert html_regions(blocks, scores) == (3,)
    assert html_regions(blocks, scores, sections=True) == (3, 4)
    assert html_region(blocks, scores) == 3


def test_a_thin_section_joins_the_region_from_a_small_share_of_its_mass() -> None:
    """A clean sibling section with less than a tenth of the region's net mass but more than
    decide.SECTION_SHARE of it joins the region; a thinner one does not."""
    # body(1) > nav(2) | section(3) | section(4) | section(5) | footer(6), every block as long
    blocks = [Block(index=i, text=LONG, containers=(1, 2 + i)) for i in range(5)]
    assert html_regions(blocks, [-1.0, 1.0, 0.085, 0.05, -1.0], sections=True) == (3, 4)


def test_a_section_after_the_site_footer_stays_out_of_the_region() -> None:
    """A dialog appended after the site's footer (a consent banner's purposes) weighs like a section but
    does not join the region; the same section before the footer does."""
    def block(i: int, containers: tuple[int, ...], landmarks: frozenset[str] = frozenset()) -> Block:
        return Block(index=i, text=LONG, containers=containers, landmarks=landmarks)

    # body(1) > section(3) | section(4) | footer(6) | dialog(7)
    footer = frozenset({"footer"})
    blocks = [block(0, (1, 3)), block(1, (1, 4)), block(2, (1, 6), footer), block(3, (1, 7))]
    assert html_regions(blocks, [1.5, 1.0, -3.0, 1.0], sections=True) == (3, 4)
    blocks = [block(0, (1, 3)), block(1, (1, 7)), block(2, (1, 6), footer), block(3, (1, 4))]
    assert html_regions(blocks, [1.5, 1.0, -3.0, 1.0], sections=True) == (3, 7)


def test_region_signals_cover_every_section_only_off_articles() -> None:
    """The pipeline asks for sections except on articles and threads; region_signals then keep them all in."""
    blocks = _landing_page()
    scores = [-3.0, 1.5, 1.0, 0.8, -3.0]
    inside = {s.block for s in region_signals(blocks, scores, replace(T, sections=True)) if s.weight > 0}
    single = {s.block for s in region_signals(blocks, scores, replace(T, sections=False)) if s.weight > 0}
    assert inside == {1, 2, 3} and single == {1}


def test_a_landing_page_keeps_all_its_sections() -> None:
    """A service page's feature sections, each beside the hero that holds the longest paragraph, are all
    content; its menus and footer are not."""
    features = "".join(
        f"<section class='feature'><h2>{name}</h2><p>{text}</p></section>"
        for name, text in (
            ("Plan routes", "Draw a route on the map and the app works out the ferry times and the walking legs for you."),
            ("Share trips", "Send a trip to friends, who see each change you make and can add their own stops to it."),
            ("Travel offline", "Download a region before you leave, and every map and timetable works without a signal."),
        )
    )  # fmt: skip
    links = ["Home", "Pricing", "Features", "Blog", "Careers", "Press", "Support", "Partners", "Sign-in", "Download"]
    nav = "<nav>" + " ".join(f"<a href='/{w.lower()}'>{w}</a>" for w in links) + "</nav>"
    column = "".join(f"<li><a href='/{i}'>{w}</a></li>" for i, w in enumerate(["About", "Jobs", "Help", "Privacy", "Terms"]))
    html = (
        f"<html><body>{nav}<section class='hero'><h1>Trips without the planning</h1><p>"
        + "Our planner turns a list of places into a day that works, with ferries, trains and walks in the "
        "right order, and tells you when to leave. " * 3
        + f"</p></section>{features}<footer>{('<ul>' + column + '</ul>') * 3}</footer></body></html>"
    )
    r = boilerstrip.extract(html)
    for phrase in ("list of places", "ferry times", "add their own stops", "works without a signal"):
        assert phrase in r.text
    assert "Privacy" not in r.text and "Pricing" not in r.text


def _garden_sections() -> str:
    """A garden service's two sections of its own text."""
    return "".join(
        f"<section><h2>{h}</h2><p>{p}</p></section>"
        for h, p in (
            ("Seasonal pruning", "We prune fruit trees, hedges and roses at the right time of year, so that they "
             "flower well and stay healthy through the winter months."),
            ("Lawn renovation", "Our team scarifies, aerates and reseeds tired lawns, and leaves you a simple "
             "watering plan for the first six weeks after the work is done."),
        )
    )  # fmt: skip


def _testimonials_page(css: str, declared: str = "WebPage") -> str:
    """A service page: two sections of its own, then three short quotes with their authors in a ``css`` box."""
    sections = _garden_sections()
    quotes = "".join(
        f"<div><p>{q}</p><p>{who}</p><p>{role}</p></div>"
        for q, who, role in (
            ("They turned our overgrown plot into a garden we use every weekend.", "Maria K.", "Homeowner"),
            ("Honest about what our old apple tree needed, and it fruited again.", "Tom B.", "Allotment holder"),
            ("The new lawn took in six weeks, just as they said it would.", "Ann L.", "Landlord"),
        )
    )
    nav = "<header><nav><a href='/'>Home</a> <a href='/about'>About</a> <a href='/contact'>Contact</a></nav></header>"
    ld = f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{declared}"}}</script>'
    return (
        f"<html><head>{ld}</head><body>{nav}<main><h1>Garden care for busy owners</h1>{sections}"
        f"<section class='{css}'><h2>What our clients say</h2>{quotes}</section></main>"
        "<footer><p>© 2024 Garden Co. All rights reserved.</p></footer></body></html>"
    )


def test_a_service_pages_testimonials_are_its_text() -> None:
    """Testimonials a service prints about itself are its page's text, names and all; review markup
    (other people's opinions beside the page's own text) weighs more against the same box."""
    kept = boilerstrip.extract(_testimonials_page("testimonials")).text
    for phrase in ("What our clients say", "overgrown plot", "Maria K.", "Allotment holder"):
        assert phrase in kept
    assert "All rights reserved" not in kept
    reviews = boilerstrip.extract(_testimonials_page("reviews")).text
    assert "Maria K." not in reviews


def test_testimonials_beside_an_article_weigh_as_reviews() -> None:
    """Beside an article a testimonial box is the site's promotion: there it weighs as review markup does."""
    article = boilerstrip.extract(_testimonials_page("testimonials", "Article")).text
    assert "lawns" in article and "Maria K." not in article


def _call_to_action_page(declared: str | None) -> str:
    """A service page whose sections end in a line that names its call to action, declared ``declared``."""
    ld = (
        f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{declared}"}}</script>'
        if declared else ""
    )  # fmt: skip
    sections = _garden_sections()
    return (
        f"<html><head>{ld}</head><body><main><h1>Garden care for busy owners</h1>{sections}"
        "<p>Get started with a free garden visit.</p><section><h2>Hedge trimming</h2><p>Formal hedges are cut "
        "twice a year, in late spring and at the end of summer, and we take every clipping away with us.</p>"
        "</section></main><footer><p>© 2024 Garden Co. All rights reserved.</p></footer></body></html>"
    )


def test_a_call_to_action_weighs_less_on_an_undeclared_page() -> None:
    """On a page that declares no type (a landing or service page) a line naming its call to action is its
    text; the same line on a declared article is a promo beside the story."""
    assert "free garden visit" in boilerstrip.extract(_call_to_action_page(None)).text
    article = boilerstrip.extract(_call_to_action_page("Article")).text
    assert "Formal hedges" in article and "free garden visit" not in article
    # A text dump declares nothing, whatever page it was: its calls to action weigh as ever.
    from boilerstrip.pipeline import _page_view

    assert ("widgets.cta-label", 0.0) in _page_view(T, None).rule_scale
    assert not any(rule == "widgets.cta-label" for rule, _ in _page_view(T, None, html=False).rule_scale)


def _hero_button_page(declared: str | None) -> str:
    """A landing page whose hero ends in a bare call-to-action button before its first section."""
    ld = (
        f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{declared}"}}</script>'
        if declared else ""
    )  # fmt: skip
    return (
        f'<html lang="en"><head>{ld}</head><body><main><h1>Garden care for busy owners</h1><p>We look after '
        "gardens across the county so that their owners can enjoy them without the weekend chores, from the first "
        'cut of spring to the last leaves of autumn.</p><div class="hero-action">Get started</div><section><h2>Hedge '
        "trimming</h2><p>Formal hedges are cut twice a year, in late spring and at the end of summer, and we take "
        "every clipping away with us.</p></section></main><footer><p>© 2024 Garden Co.</p></footer></body></html>"
    )


def test_a_bare_call_to_action_between_sections_follows_them_on_an_undeclared_page() -> None:
    """An undeclared page's button label between two kept sections is the landing page's text, no barrier;
    on a declared article the same label stays out."""
    assert "Get started" in boilerstrip.extract(_hero_button_page(None)).text
    article = boilerstrip.extract(_hero_button_page("Article")).text
    assert "Formal hedges" in article and "Get started" not in article


def test_sections_are_judged_without_a_site_models_lift() -> None:
    """A sibling that qualifies as a section only through a site model's lift of unique blocks stays out:
    the model narrows the page to its own text, it does not widen the region."""
    blocks = _landing_page()
    lifted = [-1.5, 1.5, 0.4, -0.2, -1.5]
    bare = [-1.5, 1.5, 0.0, -0.6, -1.5]
    assert html_regions(blocks, lifted, sections=True) == (3, 4)
    assert html_regions(blocks, lifted, sections=True, section_scores=bare) == (3,)


def _blocks(html: str) -> list[Block]:
    return [v.block for v in boilerstrip.extract(html).blocks]


def _cards_page(card: str, n: int = 6) -> str:
    items = "".join(card.format(i=i) for i in range(n))
    return f"<html><body><main><ul>{items}</ul></main></body></html>"


def test_card_lists_finds_repeated_items_with_a_title() -> None:
    """Sibling items of one tag, each a title link and a few short fields, are a list of cards."""
    blocks = _blocks(_cards_page(
        '<li><h3><a href="/p/{i}">Garden bench number {i} in weathered oak</a></h3><p>$120.00</p><p>In stock</p></li>'
    ))  # fmt: skip
    cards = card_lists(blocks)
    titles = [b.index for b in blocks if b.text.startswith("Garden bench")]
    assert len(titles) == 6 and all(cards[i][1] == 6 for i in titles)
    assert len({cards[i][0] for i in titles}) == 1
    assert all(b.index in cards for b in blocks if b.text == "In stock")


def test_card_lists_takes_a_shop_card_with_its_quick_buy_fields() -> None:
    """A shop card prints, besides its title and price, a quick-buy form's few labels: nine short fields
    are still one card (decide.CARD_MAX_BLOCKS), and six of them make a list of cards."""
    fields = "".join(f"<div>{f}</div>" for f in (
        "Regular price 12,50 €", "Sale price", "Unit price / per", "Quick buy", "Size", "Grind", "In stock",
    ))  # fmt: skip
    blocks = _blocks(_cards_page(
        '<li><h3><a href="/p/{i}">Dark roast coffee number {i}</a></h3>' + fields + "<p>Ships tomorrow</p></li>"
    ))  # fmt: skip
    cards = card_lists(blocks)
    titles = [b.index for b in blocks if b.text.startswith("Dark roast")]
    assert len(titles) == 6 and all(cards.get(i, (0, 0))[1] == 6 for i in titles)
    assert sum(1 for b in blocks if b.index in cards) == 6 * 9


def test_card_lists_leaves_the_page_s_top_level_panels_alone() -> None:
    """The body's own children are the page's frame: sign-in and consent dialogs side by side there,
    each a heading, a few labels and a link, are no list of cards; the same panels inside a grid are."""
    panel = (
        "<div><h3>Sign in to your account {i}</h3><p>E-mail:</p><p>Password:</p>"
        '<p><a href="/forgot">Forgot your password?</a></p></div>'
    )
    panels = "".join(panel.format(i=i) for i in range(5))
    story = "The ferry to the island runs twice a day in winter and four times in summer. " * 5
    main = f"<main><h1>Ferry news</h1><p>{story}</p></main>"
    assert card_lists(_blocks(f"<html><body>{panels}{main}</body></html>")) == {}
    assert card_lists(_blocks(f"<html><body><div>{panels}</div>{main}</body></html>"))


def test_card_lists_counts_the_words_of_unspaced_titles() -> None:
    """A Chinese card title has no spaces: its words are counted as decide.word_count counts them, so a
    grid of such cards is a list of cards as a spaced one is (a heading of one "word" was no title)."""
    blocks = _blocks(_cards_page(
        '<li><h3><a href="/p/{i}">不锈钢电热水壶第{i}款</a></h3><p>¥199</p><p>现货</p></li>'
    ))  # fmt: skip
    cards = card_lists(blocks)
    titles = [b.index for b in blocks if b.text.startswith("不锈钢")]
    assert len(titles) == 6 and all(cards[i][1] == 6 for i in titles)
    plain = _blocks(_cards_page(
        '<li><p><a href="/p/{i}">适合全家人使用的不锈钢电热水壶第{i}款</a></p><p>¥199</p></li>'
    ))  # fmt: skip
    assert sum(1 for b in plain if b.index in card_lists(plain)) == 12


def test_card_lists_takes_cards_that_are_one_link_around_a_description() -> None:
    """A service card that is one <a> around its heading and a sentence links to its item though no field
    holds the link; a wall of client names, each one link around its name, describes nothing: no cards."""
    blocks = _blocks(_cards_page(
        '<li><a href="/services/{i}">\n  <div class="card-body"><h3>Payroll service {i}</h3>'
        "<p>We run your payroll every month and file the returns on time for you.</p></div>"
        "<div>Learn more</div></a></li>"
    ))  # fmt: skip
    assert not any(b.links for b in blocks)
    cards = card_lists(blocks)
    titles = [b.index for b in blocks if b.text.startswith("Payroll service")]
    assert len(titles) == 6 and all(cards.get(i, (0, 0))[1] == 6 for i in titles)
    logos = _blocks(_cards_page(
        '<li><a href="/clients/{i}">\n  <div class="tile"><h3>Harbour Foods number {i}</h3><p>Client</p></div></a></li>'
    ))  # fmt: skip
    assert card_lists(logos) == {}


def test_card_lists_leaves_menus_mega_menus_and_prose_alone() -> None:
    """Menu entries have no title, a mega-menu column is many links, running paragraphs are prose."""
    menu = _cards_page('<li><a href="/s/{i}">Section {i}</a></li>')
    columns = "".join(f'<li><a href="/s/{j}">Topic {j}</a></li>' for j in range(10))
    mega = _cards_page("<li><h3>Column {i}</h3><ul>" + columns + "</ul></li>")
    para = "The committee met on Monday and agreed that the bridge would reopen in spring after repairs. " * 5
    prose = _cards_page(f'<div><p>{para}<a href="/x">source</a></p></div>')
    for html in (menu, mega, prose):
        assert card_lists(_blocks(html)) == {}


def test_card_chrome_is_what_every_card_prints_alike() -> None:
    """In a list of shop cards the labels every card prints ("Quick look", "Size") are the cards' chrome;
    the titles, their text and the prices (values, however alike) are not, nor is an attribute most
    cards share whose slot holds other values too ("In stock" beside "Sold out")."""
    card = (
        '<li><h3><a href="/p/{i}">Dark roast coffee number {i}</a></h3><p>Roasted in small batches, lot {i}.</p>'
        '<div class="price">$19.99</div><div class="stock">{stock}</div><div class="quick">Quick look</div>'
        '<div class="variant">Size</div></li>'
    )
    items = "".join(card.format(i=i, stock="Sold out" if i == 3 else "In stock") for i in range(8))
    blocks = _blocks(f"<html><body><main><ul>{items}</ul></main></body></html>")
    chrome = card_chrome(blocks, card_fields(blocks))
    def flagged(start: str) -> set[bool]:
        return {b.index in chrome for b in blocks if b.text.startswith(start)}

    assert flagged("Quick look") == flagged("Size") == {True}
    assert flagged("Dark roast coffee") == flagged("Roasted in small") == {False}
    assert flagged("$19.99") == flagged("In stock") == {False}


def test_a_cards_fieldset_legend_is_its_chrome() -> None:
    """A shop card's variant picker is a fieldset whose legend names the item again ("More options for ...");
    the legend is the card's chrome, its title and price are not."""
    card = (
        '<li><h3><a href="/p/{i}">Stoneware mug number {i}</a></h3><div class="price">$2{i}.00</div>'
        '<form><fieldset><legend>More options for mug {i}</legend></fieldset></form></li>'
    )
    items = "".join(card.format(i=i) for i in range(8))
    blocks = _blocks(f"<html><body><main><ul>{items}</ul></main></body></html>")
    chrome = card_chrome(blocks, card_fields(blocks))
    legends = [b.index for b in blocks if b.text.startswith("More options")]
    assert len(legends) == 8 and all(i in chrome for i in legends)
    assert not any(b.index in chrome for b in blocks if b.text.startswith(("Stoneware", "$")))


def test_a_form_label_many_cards_print_is_their_chrome() -> None:
    """A shop card's quick-add form labels its pickers ("Size" in every card, "Grind" in some, in one slot):
    a label that CHROME_MIN_CARDS cards print is chrome though its slot holds other labels; one that
    fewer cards print is left to its own evidence."""
    card = (
        '<li><h3><a href="/p/{i}">Dark roast coffee number {i}</a></h3><div class="price">$1{i}.99</div>'
        '<form><label class="form__label" for="o{i}">{label}</label><select id="o{i}"></select></form></li>'
    )
    labels = ["Grind"] * 6 + ["Roast"] * 2 + ["Size"] * 4
    items = "".join(card.format(i=i, label=label) for i, label in enumerate(labels))
    blocks = _blocks(f"<html><body><main><ul>{items}</ul></main></body></html>")
    chrome = card_chrome(blocks, card_fields(blocks))
    def flagged(text: str) -> set[bool]:
        return {b.index in chrome for b in blocks if b.text == text}

    assert flagged("Grind") == {True}
    assert flagged("Roast") == flagged("Size") == {False}
    assert not any(b.index in chrome for b in blocks if b.text.startswith("Dark roast"))


def test_a_shop_card_names_its_item_once() -> None:
    """A shop's card that prints its item's name again (over the image, in a quick-view label) keeps its
    title and loses the copy; a list of cards without prices (a feed, a reference) is left alone."""
    card = (
        '<li><div class="img-label">Stoneware mug number {i}</div><h3><a href="/p/{i}">Stoneware mug number {i}'
        '</a></h3><p>Speckled glaze, batch {i}</p><div class="price">{price}</div></li>'
    )
    for price, flagged in (("$24.00", {"img-label"}), ("Handmade", set())):
        items = "".join(card.format(i=i, price=price) for i in range(8))
        blocks = _blocks(f"<html><body><main><ul>{items}</ul></main></body></html>")
        copies = card_copies(blocks, card_fields(blocks))
        names = [b for b in blocks if b.text.startswith("Stoneware mug")]
        assert len(names) == 16
        assert {b.attr_levels[0].split()[-1] for b in names if b.index in copies} == flagged
        assert len([b for b in names if b.index in copies]) == (8 if flagged else 0)


def test_a_shop_card_prints_its_price_once() -> None:
    """A shop's card that prints its price twice (a regular and a sale price box, one of them shown by the
    theme's stylesheet, each with its screen-reader label) keeps the first and loses the copy; a card whose
    second price differs (was and now) keeps both."""
    card = (
        '<li><h3><a href="/p/{i}">Stoneware mug number {i}</a></h3><div class="regular">Regular price {a}</div>'
        '<div class="sale">Regular price Sale price {b}</div></li>'
    )
    for a, b, copied in (("$24.00", "$24.00", True), ("$30.00", "$24.00", False)):
        items = "".join(card.format(i=i, a=a, b=b) for i in range(8))
        blocks = _blocks(f"<html><body><main><ul>{items}</ul></main></body></html>")
        copies = card_copies(blocks, card_fields(blocks))
        sale = [b.index for b in blocks if b.text.startswith("Regular price Sale")]
        regular = [b.index for b in blocks if b.text.startswith(f"Regular price {a}")]
        assert len(sale) == len(regular) == 8
        assert all((i in copies) == copied for i in sale)
        assert not any(i in copies for i in regular)


def test_a_shop_grid_judged_by_structure_leaves_its_cards_chrome_out() -> None:
    """A category page that is only a grid of cards is judged by structure: its titles and descriptions are
    kept, the label every card prints under its item ("Quick look") is not."""
    card = (
        '<li><h3><a href="/p/{i}">Hand-thrown stoneware mug number {i}</a></h3>'
        "<p>Speckled glaze, holds 300 ml, batch {i}</p><div>Quick look</div></li>"
    )
    r = boilerstrip.extract(_cards_page(card, 8))
    assert any(s.rule == "fallback.sparse" for s in r.blocks[0].signals)
    assert all(f"Hand-thrown stoneware mug number {i}" in r.text for i in range(8))
    assert "batch 7" in r.text
    assert "Quick look" not in r.text


def _thread_page(posts: list[tuple[str, str]]) -> str:
    """A forum page: a menu, one post per (member, body HTML) with its member's name, a footer."""
    thread = "".join(
        f"<div class='post'><div class='author'><a href='/members/{name}'>{name}</a></div>"
        f"<div class='body'>{body}</div></div>"
        for name, body in posts
    )
    return (
        "<html><body><nav><a href='/'>Forums</a> <a href='/new'>New posts</a></nav>"
        f"<div class='thread'>{thread}</div><footer><a href='/terms'>Terms</a></footer></body></html>"
    )


def test_a_one_line_reply_is_a_post_of_its_thread() -> None:
    """On a thread a short reply between two members' name lines is kept: shortness is no evidence
    against a post (pipeline.THREAD_SCALE)."""
    posts = [
        ("ferrygirl", "Since the last firmware update my router drops the connection every evening around eight. "
                      "Has anyone else seen this, and did a reset help?"),
        ("netwiz", "Same here, mine does it too."),
        ("ferrygirl", "I rolled back to the previous version from the support page and it has been stable for "
                      "three days now, so it must be the update."),
        ("oldtimer", "Thanks, that worked for me as well after I turned off the automatic updates in the admin panel."),
    ]  # fmt: skip
    r = boilerstrip.extract(
        _thread_page([(name, f"<p>{text}</p>") for name, text in posts]),
        url="https://forum.example.org/threads/router-drops-connection.123/",
    )
    assert "Same here, mine does it too." in r.text
    assert "rolled back to the previous version" in r.text and "Terms" not in r.text


def test_a_reply_quoting_a_post_keeps_that_post_once() -> None:
    """On a thread a reply's quote of an earlier post is left out (decide._thread_copies): the post's words
    are kept once, the reply's own text stays."""
    first = ("Since the last firmware update my router drops the connection every evening around eight, and it "
             "only comes back when I pull the plug and wait for all the lights to settle again. The support page "
             "says nothing about it, and the chat told me to reset it, which I did twice. Has anyone else seen "
             "this, and did a reset help you for more than a day?")  # fmt: skip
    posts = [
        ("ferrygirl", f"<p>{first}</p>"),
        ("netwiz", "<p>Same here, mine does it too.</p>"),
        ("oldtimer", f"<blockquote>{first}</blockquote><p>I rolled back to the previous version from the support "
                     "page and it has been stable for three days now, so it must be the update.</p>"),
    ]  # fmt: skip
    r = boilerstrip.extract(_thread_page(posts), url="https://forum.example.org/threads/router-drops-connection.123/")
    assert r.text.count("drops the connection every evening") == 1
    assert "rolled back to the previous version" in r.text and "Same here, mine does it too." in r.text
    copies = [v for v in r.blocks if any(s.rule == "context.thread-copy" for s in v.signals)]
    assert [v.block.tag for v in copies] == ["blockquote"] and not copies[0].kept


def test_a_reply_quoting_a_sentence_of_a_post_leaves_the_excerpt_out() -> None:
    """A quote box whose words run on unbroken in the text kept before it is a copy too (decide._thread_copies),
    whatever its punctuation; a quote of words the page does not hold (a manual, another thread) stays."""
    first = ("Since the last firmware update my router drops the connection every evening around eight. It only "
             "comes back when I pull the plug and wait for all the lights to settle again, which takes ages. Has "
             "anyone else seen this, and did a reset help you for more than a day?")  # fmt: skip
    manual = "Hold the reset button for ten seconds until the power light blinks orange, then wait two minutes"
    posts = [
        ("ferrygirl", f"<p>{first}</p>"),
        ("netwiz", "<blockquote>it only comes back when I pull the plug -- and wait for all the lights to settle"
                   "</blockquote><p>Same here, and unplugging it is the only thing that helps me as well.</p>"),
        ("oldtimer", f"<blockquote>{manual}</blockquote><p>That is what the manual says, and it worked for me "
                     "after the second try, so give it another go before you call the support line.</p>"),
    ]  # fmt: skip
    r = boilerstrip.extract(_thread_page(posts), url="https://forum.example.org/threads/router-drops-connection.123/")
    assert r.text.count("pull the plug") == 1 and manual in r.text
    assert "unplugging it is the only thing" in r.text
    copies = [v for v in r.blocks if any(s.rule == "context.thread-copy" for s in v.signals)]
    assert [v.block.text[:19] for v in copies] == ["it only comes back "] and not copies[0].kept


def test_comment_byline_ends_a_dump_article() -> None:
    """A dump's first comment byline is a barrier: the readers' comments after it are not taken into the article."""
    article = [
        "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last a year.",
        "Engineers found that two of the wooden piles under the waiting room had rotted through at the waterline.",
        "Passengers will board from a temporary pontoon beside the fish market while the work goes on, the board said.",
        "A spokesman said the timetable would not change and that the pontoon had been tested in heavy weather.",
    ]
    comments = [
        "Tom Harris says:",
        "It was about time somebody looked at those piles, they have been rotten for years and everybody knew it.",
        "Mary Quinn says:",
        "I hope the pontoon is safer than the old pier was, because I take my children across every single week.",
    ]
    result = boilerstrip.extract("\n".join([*article, *comments]) + "\n", kind="text")
    assert all(p in result.text for p in article)
    assert not any(c in result.text for c in comments)


def test_long_line_after_a_dump_comment_heading_goes() -> None:
    """A long reader's comment outside a dump's main region (after the comment count) goes with its
    neighbours, not with its own length."""
    article = [
        "The town library will open on Sundays from next month, the first change to its hours in twenty years.",
        "Volunteers from the reading club offered to staff the front desk, so no new staff need to be hired.",
        "The mayor said the council had asked for the change after a survey of four hundred families last spring.",
        "Children's story hour, now held on Wednesday afternoons, will move to Sunday mornings at half past ten.",
        "The reading room on the first floor will stay closed on Sundays, because its heating is being replaced.",
        "Parents welcomed the news, saying that weekday opening hours clashed with work and with school pick-ups.",
        "The library lent almost sixty thousand books last year, a fifth more than in the year before, it said.",
        "A new section for teenagers, with comics and games, is planned for the autumn if the budget allows it.",
    ]
    comment = (
        "I have used that library every single week for eleven years and I can tell you that Sunday opening has been "
        "asked for at least five times, so it is good that somebody finally listened, but I really do wonder why the "
        "council waited until now before doing anything at all about it, because the rest of us wrote to them about "
        "it more than once. My neighbour, who has volunteered at the front desk since she retired, says the same "
        "thing happened with the evening hours in the nineties, when the council also waited until the very last "
        "moment and then tried them for two whole winters."
    )
    text = "\n".join([*article, "12 comments", comment, "Home", "News", "Contact"]) + "\n"
    result = boilerstrip.extract(text, kind="text")
    assert all(p in result.text for p in article)
    assert comment not in result.text


def _sections_in_main() -> list[Block]:
    # body(1) > nav(2) | main(3) > [div(4) > div(5): the best container] + section(6) | footer(7)
    def block(i: int, text: str, containers: tuple[int, ...], path: str) -> Block:
        return Block(index=i, text=text, containers=containers, path=path)

    return [
        block(0, "Home Pricing Sign in " * 15, (1, 2), "body>nav"),
        block(1, LONG * 2, (1, 3, 4, 5), "body>main>div>div"),
        block(2, "Licensed and insured.", (1, 3, 6), "body>main>section"),
        block(3, "Same-day visits.", (1, 3, 6), "body>main>section"),
        block(4, "Privacy Terms Cookies " * 15, (1, 7), "body>footer"),
    ]


def test_a_page_of_sections_takes_the_main_landmark_that_holds_its_region() -> None:
    """Off articles, the main landmark around the best container is in the region, even where its other
    sections are too thin to join as sections; on an article, and on a page without one, it is not."""
    blocks = _sections_in_main()
    scores = [-3.0, 1.5, -0.3, -0.3, -3.0]
    inside = {s.block for s in region_signals(blocks, scores, replace(T, sections=True)) if s.weight > 0}
    single = {s.block for s in region_signals(blocks, scores, replace(T, sections=False)) if s.weight > 0}
    assert inside == {1, 2, 3} and single == {1}
    no_main = [replace(b, path=b.path.replace("main", "div")) for b in blocks]
    assert {s.block for s in region_signals(no_main, scores, replace(T, sections=True)) if s.weight > 0} == {1}
    off = region_signals(blocks, scores, replace(T, sections=True), landmark=False)
    assert {s.block for s in off if s.weight > 0} == {1}
    thin = [-3.0, 1.5, -30.0, -30.0, -3.0]  # the main's boilerplate outweighs the region
    assert {s.block for s in region_signals(blocks, thin, replace(T, sections=True)) if s.weight > 0} == {1}


def test_a_page_with_a_byline_keeps_its_main_landmark_out() -> None:
    """An undeclared page whose byline names its author is an article: the bios and timestamps
    around the story in its main landmark stay out; the same page without the byline takes them."""
    story = (
        "<p>The commission approved the plan to replace four bridges on the line by the end of the decade, "
        "after two years of hearings and a study of the freight traffic they carry every week.</p>"
    ) * 12
    bio = "<div class='panel'><p>Dana Reyes covers transport, rail freight and the budget</p></div>"

    nav = "<nav>" + " ".join(f"<a href='/{w}'>{w}</a>" for w in ("news", "sport", "weather", "opinion")) * 3 + "</nav>"

    def page(byline: str) -> str:
        main = f"<main><div><div>{byline}<h1>Bridges to be replaced</h1>{story}</div></div>{bio}</main>"
        return f"<html><body>{nav}{main}{nav.replace('nav>', 'footer>')}</body></html>"

    assert "rail freight" not in boilerstrip.extract(page("<p>By Dana Reyes</p>")).text
    assert "rail freight" in boilerstrip.extract(page("")).text


def _plain(i: int, *rules: str) -> list[Signal]:
    return [Signal(i, 0.4, "region.inside", "in"), *(Signal(i, -0.4, r, "shape") for r in rules)]


def test_a_run_of_plain_lines_in_the_region_is_content() -> None:
    """Three undecided lines in a row that only their shape speaks against are content; two are not,
    and a line a detector marks (or one outside the region) breaks the run."""
    blocks = [Block(index=i, text="June 9 - Harbor Arena", containers=(1, 2)) for i in range(9)]
    per_block = [
        _plain(0, "evidence.short"), _plain(1, "evidence.no-stopwords"), _plain(2, "evidence.short"),
        [*_plain(3), Signal(3, -0.4, "teasers.shape", "t")],
        _plain(4, "evidence.short"), _plain(5, "evidence.short"),
        [Signal(6, -0.4, "evidence.short", "out")],
        _plain(7, "evidence.short"), _plain(8, "evidence.short"),
    ]  # fmt: skip
    scores = [-0.3] * 9
    labels: list[Label] = ["boilerplate"] * 9
    out = plain_runs(blocks, scores, labels, per_block, T)
    assert out == ["content"] * 3 + ["boilerplate"] * 6
    dump = [replace(b, containers=()) for b in blocks]
    assert plain_runs(dump, scores, labels, per_block, T) == labels


def test_a_run_of_plain_lines_in_a_dumps_body_is_content() -> None:
    """In a dump (no containers) a run counts inside the body (its first to its last content line) only, and
    of lines that are no headline ("Network: 10 Gbps" fields, figures, short cells) and no counted entry
    ("March (113)": an archive's months); a run of title-shaped lines (other stories' headlines) stays."""
    fields = ["Servers: AMD processors with up to 128 cores", "Network: 10 Gbps uplink", "Setup time: 15-30 minutes"]
    titles = ["Our favourite kettles tested this winter", "The best teapots for a slow morning",
              "Eight grinders we tried for a month"]  # fmt: skip
    counted = ["March (113)", "February (158)", "January (70)"]
    rows = [*fields, "x", *titles, "x", *counted]
    blocks = [Block(index=i, text=t) for i, t in enumerate(rows)]
    per_block = [_plain(i, "evidence.no-sentence" if t != "x" else "teasers.shape") for i, t in enumerate(rows)]
    scores = [-0.3] * len(rows)
    labels: list[Label] = ["boilerplate"] * len(rows)
    out = plain_runs(blocks, scores, labels, per_block, T, body=(-1, len(rows)))
    assert out == ["content"] * 3 + ["boilerplate"] * 8
    assert plain_runs(blocks, scores, labels, per_block, T, body=(5, len(rows))) == labels


def test_a_run_of_title_shaped_lines_that_the_story_goes_on_after_is_content() -> None:
    """In a dump's body, title-shaped lines the story's prose goes on after (within FOLLOW_LINES) are its own
    list (an entry's "Services" items in a roundup), not other stories' headlines; unless a widget's label
    or counter stands right before them ("More from Sport"): then they are its entries, whatever follows."""
    items = ["Quiet brushless motors for every size", "Replacement blades shipped the same week",
             "Free servicing for the first two years"]  # fmt: skip
    prose = ("The second shop on our list has sold and serviced mowers in the valley for thirty years, and its "
             "staff will come out to look at a lawn before they recommend anything.")  # fmt: skip
    rows = ["Services", *items, prose]
    blocks = [Block(index=i, text=t) for i, t in enumerate(rows)]
    per_block = [
        [Signal(0, 0.4, "region.inside", "in"), Signal(0, -1.0, "echo.repeated", "label")],
        *(_plain(i, "evidence.no-sentence") for i in range(1, 4)),
        [Signal(4, 0.4, "region.inside", "in"), Signal(4, 1.6, "evidence.medium", "prose")],
    ]
    scores = [-0.6, -0.3, -0.3, -0.3, 2.0]
    labels: list[Label] = ["boilerplate"] * 4 + ["content"]
    out = plain_runs(blocks, scores, labels, per_block, T, body=(-1, len(rows)))
    assert out == ["boilerplate"] + ["content"] * 4
    per_block[0] = [Signal(0, 0.4, "region.inside", "in"), Signal(0, -1.2, "teasers.label", "label")]
    assert plain_runs(blocks, scores, labels, per_block, T, body=(-1, len(rows))) == labels
    assert plain_runs(blocks[:4], scores[:4], labels[:4], per_block[:4], T, body=(-1, 5)) == labels[:4]


def test_a_headline_run_that_the_story_goes_on_after_is_its_own_list() -> None:
    """Lines a headline run marked (headlines.run) are the story's own list when its prose goes on right after
    them and the story goes on by GOES_ON_SHARE of what came before; near the story's end, before a last
    paragraph (a promo kept on its own evidence), they stay headlines."""
    prose = ("The second shop on our list has sold and serviced mowers in the valley for thirty years, and its "
             "staff will come out to look at a lawn before they recommend anything.")  # fmt: skip
    items = ["Quiet brushless motors for every size", "Replacement blades shipped the same week",
             "Free servicing for the first two years"]  # fmt: skip

    def kept(before: int) -> list[Label]:
        rows = [*[prose] * before, *items, prose]
        blocks = [Block(index=i, text=t) for i, t in enumerate(rows)]
        per_block = [
            [Signal(i, 0.4, "region.inside", "in"), Signal(i, 1.6, "evidence.medium", "prose")]
            if t == prose
            else [*_plain(i, "evidence.no-sentence"), Signal(i, -0.8, "headlines.run", "run")]
            for i, t in enumerate(rows)
        ]
        scores = [2.0 if t == prose else -1.1 for t in rows]
        labels: list[Label] = ["content" if t == prose else "boilerplate" for t in rows]
        return plain_runs(blocks, scores, labels, per_block, T, body=(0, len(rows) - 1))

    assert kept(before=1) == ["content"] * 5
    assert kept(before=4) == ["content"] * 4 + ["boilerplate"] * 3 + ["content"]


def test_an_articles_tour_dates_are_kept() -> None:
    """A schedule of short lines at the end of an article, before its share bar, is part of the article."""
    story = (
        "The band will play thirty dates next summer, its first tour in a decade, and tickets go on sale "
        "on Friday morning through the venues. The singer said the shows would lean on the early records. "
    )
    dates = "".join(
        f"<p>{d} – {place}</p>"
        for d, place in (
            ("June 9", "Port Adair, Harbor Arena"), ("June 12", "Linwood, Cedar Hall"),
            ("June 14", "Gull Island, Seawall Stage"), ("June 18", "Marsh City, Fairground Pavilion"),
        )
    )  # fmt: skip
    share = "<div class='share'><a href='/s/fb'>Facebook</a> <a href='/s/x'>Share on X</a></div>"
    html = (
        "<html><head><meta property='og:type' content='article'></head><body><article>"
        f"<h1>The band goes back on the road</h1><p>{story * 2}</p><p>{story}</p>{dates}{share}"
        "</article></body></html>"
    )
    r = boilerstrip.extract(html)
    assert "thirty dates" in r.text
    for place in ("Harbor Arena", "Cedar Hall", "Seawall Stage", "Fairground Pavilion"):
        assert place in r.text
    assert "Facebook" not in r.text


def _qa(question_first: bool) -> tuple[list[Block], list[float]]:
    # body(1) > main(2) > [question(3) | answers(7) > answer(10+k)]; the question's chrome outweighs its text
    b: list[Block] = []
    scores: list[float] = []

    def add(text: str, containers: tuple[int, ...], score: float) -> None:
        b.append(Block(index=len(b), text=text, containers=containers))
        scores.append(score)

    def question() -> None:
        add("My router drops the connection every evening since the update; why would that be?", (1, 2, 3, 4), 1.0)
        for label in ("router", "firmware", "Share", "asked Jan 4, 2024 by ferrygirl"):
            add(label, (1, 2, 3, 6), -3.0)

    add("Questions", (1, 5), -3.0)
    if question_first:
        question()
    for k in range(8):
        add("Switch the nightly channel scan off in the wireless settings and the drops stop. " * 2, (1, 2, 7, 10 + k), 1.0)
        add("answered Jan 5, 2024", (1, 2, 7, 30 + k), -1.0)
    if not question_first:
        question()
    return b, scores


def test_a_thread_region_takes_the_opening_post_before_the_answers() -> None:
    """A Q&A page's question sits before the answers' container, outside it, and many answers outweigh it;
    on a thread the region takes it too. The same box after the thread (a sidebar) is not taken so."""
    blocks, scores = _qa(question_first=True)
    assert html_region(blocks, scores, penalty=T.region_penalty) == 7
    assert html_region(blocks, scores, penalty=T.region_penalty, sequence=True) == 2
    blocks, scores = _qa(question_first=False)
    assert html_region(blocks, scores, penalty=T.region_penalty, sequence=True) == 7


def _declared_listing(cards: str) -> str:
    intro = (
        "Our kettles are chosen for cooks who boil water many times a day: every one of them switches off on "
        "its own, and all of them can be descaled with nothing more than vinegar and a little patience."
    )
    guide = (
        "Pick the size first: a one-litre kettle serves four cups, and a larger one only wastes energy when you "
        "live alone. Then choose the material, steel for speed and glass for watching the water."
    )
    aside = "".join(f'<li><label><input type="checkbox"> {m} ({n})</label></li>' for m, n in (("Steel", 9), ("Glass", 4)))
    return (
        '<html><head><script type="application/ld+json">{"@type": "CollectionPage", "name": "Kettles"}</script>'
        f"</head><body><main><h1>Kettles</h1><p>{intro}</p><aside><h2>Filter</h2><ul>{aside}</ul></aside>"
        f"<ul>{cards}</ul><section><h2>Choosing a kettle</h2><p>{guide}</p></section></main></body></html>"
    )


def test_a_declared_listing_keeps_its_linked_card_titles_and_drops_their_prices() -> None:
    """On a declared listing the linked titles and descriptions of its cards are content, their prices not."""
    card = (
        '<li><h2><a href="/p/{i}">Steel kettle model {i}</a></h2>'
        "<p>Brushed steel body, a hidden element and a filter that lifts out for cleaning.</p>"
        "<div>{i}9,90 €</div></li>"
    )
    r = boilerstrip.extract(_declared_listing("".join(card.format(i=i) for i in range(1, 6))))
    assert r.metadata.page_type == "listing"
    assert all(f"Steel kettle model {i}" in r.text for i in range(1, 6))
    assert r.text.count("Brushed steel body") == 5
    assert "9,90 €" not in r.text and "Steel (9)" not in r.text
    assert any(s.rule == "listing.card-link" for v in r.blocks for s in v.signals)


def test_a_declared_listing_keeps_the_items_its_item_list_declares() -> None:
    """A collection page's JSON-LD lists its items' URLs: on a listing their slugs are the cards' titles, not
    related links (teasers.related-url is off there)."""
    names = [f"Brushed steel kettle model {n}" for n in ("one", "two", "three", "four", "five", "six")]
    urls = [f"https://shop.example.com/p/{name.lower().replace(' ', '-')}" for name in names]
    items = ", ".join(f'{{"@type": "ListItem", "position": {k}, "url": "{u}"}}' for k, u in enumerate(urls, 1))
    card = '<li><h2><a href="{u}">{name}</a></h2><div>{k}9,90 €</div><div>In stock</div></li>'
    cards = "".join(card.format(u=u, name=name, k=k) for k, (u, name) in enumerate(zip(urls, names, strict=True)))
    html = _declared_listing(cards).replace(
        '"name": "Kettles"}', f'"name": "Kettles", "mainEntity": {{"@type": "ItemList", "itemListElement": [{items}]}}}}'
    )
    r = boilerstrip.extract(html, url="https://shop.example.com/c/kettles")
    assert r.metadata.page_type == "listing"
    assert all(name in r.text for name in names)


def _undeclared_listing() -> str:
    intro = (
        "Our kettles are chosen for cooks who boil water many times a day: every one of them switches off on "
        "its own, and all of them can be descaled with nothing more than vinegar and a little patience. "
    ) * 3
    guide = (
        "Pick the size first: a one-litre kettle serves four cups, and a larger one only wastes energy when you "
        "live alone. Then choose the material, steel for speed and glass for watching the water. "
    ) * 4
    card = (
        '<li><h3><a href="/p/{i}">Steel kettle model {i} with a filter</a></h3>'
        '<div class="price">{i}9,90 €</div><div>Ships in two days</div></li>'
    )
    cards = "".join(card.format(i=i) for i in range(1, 9))
    nav = "".join(f'<li><a href="/c/{i}">Category {i}</a></li>' for i in range(8))
    return (
        f"<html><head><title>Kettles</title></head><body><header><nav><ul>{nav}</ul></nav></header><main>"
        f'<h1>Kettles</h1><p>{intro}</p><div class="toolbar"><a href="?sort=price">Sort by price</a></div>'
        f'<ul class="grid">{cards}</ul><section><h2>Choosing a kettle</h2><p>{guide}</p></section></main>'
        "<footer><p>© Shop Ltd. All rights reserved.</p></footer></body></html>"
    )


def test_an_undeclared_page_of_cards_keeps_them_when_the_first_pass_stands() -> None:
    """A shop's category page that declares no type, whose intro and buying guide keep the first pass: its
    grid of linked item cards is content as on a declared listing (all titles, not only the last), the
    prices not, the menu and footer not."""
    r = boilerstrip.extract(_undeclared_listing())
    assert r.metadata.page_type is None
    assert not any(s.rule == "fallback.sparse" for s in r.blocks[0].signals)
    assert all(f"Steel kettle model {i} with a filter" in r.text for i in range(1, 9))
    assert "9,90 €" not in r.text and "Category 3" not in r.text and "All rights reserved" not in r.text
    assert "Pick the size first" in r.text and "Our kettles are chosen" in r.text


def test_an_undeclared_article_s_related_box_of_a_few_cards_is_no_listing() -> None:
    """Beside an article that declares no type, a box of four story cards is not lifted as a listing's grid
    would be (an undeclared page needs pipeline.SHAPE_CARD_ITEMS cards); eight are. (The box stands before
    the story: after it, it is a feed of related stories, see the test below.)"""
    para = (
        "The council voted on Tuesday to reopen the river bridge to cyclists in April, after an engineer's "
        "report found that the new deck can carry the weight of the spring festival crowds without trouble."
    )
    card = '<li><h3><a href="/news/{i}">Another story about the river bridge number {i}</a></h3><p>2 days ago</p></li>'

    def page(n: int) -> str:
        related = "".join(card.format(i=i) for i in range(n))
        body = "".join(f"<p>{para}</p>" for _ in range(6))
        return f"<html><body><main><ul>{related}</ul><article><h1>Bridge reopens</h1>{body}</article></main></body></html>"

    def lifted(n: int) -> bool:
        r = boilerstrip.extract(page(n))
        return any(s.rule == "listing.card" for v in r.blocks for s in v.signals)

    assert not lifted(4)
    assert lifted(8)


def test_only_cards_whose_title_links_to_the_item_are_lifted_on_a_declared_listing() -> None:
    """A grid's promo tile (a link and nothing else) and a band of promos (a heading, a line and a "Learn
    more" button) are no cards of items: they get no lift, the linked item cards do."""
    card = (
        '<li><h2><a href="/p/{i}">Steel kettle model {i}</a></h2>'
        "<p>Brushed steel body, a hidden element and a filter that lifts out for cleaning.</p></li>"
    )
    tile = '<li><a href="/guide">Our guide: how to descale a kettle with vinegar</a></li>'
    promo = '<div><h2>Offer number {i} of the season</h2><p>Members save on every order this month.</p><a href="/m">Learn more</a></div>'
    promos = "<li><div>" + "".join(promo.format(i=i) for i in range(1, 5)) + "</div></li>"
    r = boilerstrip.extract(_declared_listing(tile + "".join(card.format(i=i) for i in range(1, 6)) + promos))
    lifted = {v.block.text for v in r.blocks if any(s.rule.startswith("listing.card") for s in v.signals)}
    assert not any(t.startswith(("Our guide", "Offer number", "Members save")) for t in lifted)
    assert "Our guide" not in r.text and all(f"Steel kettle model {i}" in r.text for i in range(1, 6))


_STORY = [
    "The harbour board voted on Tuesday to dredge the eastern channel before the spring ferry season, "
    "ending two years of argument over who should pay for the work and when it should begin.",
    "Engineers told the meeting that silt had narrowed the channel by a third since the last survey, and "
    "that the larger ferries now wait for high tide before they can leave the quay on busy mornings.",
    "The council will pay half of the cost, the ferry operator a quarter, and the rest will come from a "
    "regional fund for coastal towns, which approved the grant last month after a long review.",
    "Fishermen, who had feared that the work would close the channel for the whole summer, said they were "
    "relieved that the dredger will work at night and leave the fairway open during the day.",
    "The first barge is expected in February, and the board hopes to finish before the Easter timetable, "
    "when the number of crossings doubles and the ferries carry the first of the summer visitors.",
    "A public meeting on the noise from the night work will be held at the library next week, and the board "
    "has promised to publish the survey so that residents can see the depths for themselves.",
]
_FEED = (
    '<div class="card"><h3><a href="/news/story-{i}">Market hall traders win reprieve in vote number {i}</a></h3>'
    "<p>Traders at the old market hall will keep their stalls for another year after the council agreed to "
    "delay the sale of the building until the survey is done.</p></div>"
)


def _article(feed_first: bool) -> str:
    story = "".join(f"<p>{p}</p>" for p in _STORY)
    feed = '<div class="more">' + "".join(_FEED.format(i=i) for i in range(5)) + "</div>"
    body = feed + story if feed_first else story + feed
    return (
        '<html><head><meta property="og:type" content="article"><title>Channel to be dredged</title></head>'
        f"<body><article><h1>Channel to be dredged</h1>{body}</article></body></html>"
    )


def test_a_list_of_cards_after_an_articles_prose_is_related_stories() -> None:
    """On an article, cards (a linked title and an excerpt each) after the last paragraph of the story go,
    excerpts and all; the same cards before the story's prose are left to their own evidence."""
    after = boilerstrip.extract(_article(feed_first=False))
    assert after.page_type == "article"
    assert all(p in after.text for p in _STORY)
    assert "Traders at the old market hall" not in after.text
    assert "Market hall traders" not in after.text
    assert any(s.rule == "listing.related" for v in after.blocks for s in v.signals)
    before = boilerstrip.extract(_article(feed_first=True))
    assert not any(s.rule == "listing.related" for v in before.blocks for s in v.signals)


def test_a_roundup_of_one_line_items_after_the_prose_is_no_related_box() -> None:
    """Items of one line each (a product's name linked, then what the story says of it) after the last
    paragraph are the story's own list: only cards with a linked title and more fields are teasers."""
    story = "".join(f"<p>{p}</p>" for p in _STORY)
    items = "".join(
        f'<div><p><a href="/review/{i}">Harbour kettle model {i}</a>: still recommended, though the lid '
        "sticks after a year of daily use and the handle gets warm.</p></div>"
        for i in range(6)
    )
    html = (
        '<html><head><meta property="og:type" content="article"><title>Best kettles</title></head>'
        f"<body><article><h1>Best kettles</h1>{story}<h2>Earlier picks</h2><div>{items}</div></article></body></html>"
    )
    r = boilerstrip.extract(html)
    assert not any(s.rule == "listing.related" for v in r.blocks for s in v.signals)
    assert "still recommended, though the lid" in r.text


def _dump_grid(n: int = 6) -> list[str]:
    names = ("Oak garden bench", "Folding teak chair", "Rattan lounge sofa", "Zinc plant stand",
             "Cedar potting table", "Willow log basket", "Slate bird bath", "Iron lantern pair")  # fmt: skip
    out: list[str] = []
    for i in range(n):
        out += [f"{names[i]} with cushion", f"Rated {3 + i % 2}.{i} out of 5 stars", f"${40 + 7 * i}.99", "Add to cart"]
    return out


def test_text_cards_finds_a_dumped_grid_by_the_shape_of_its_lines() -> None:
    """A dump prints each card as a few lines: a name of its own, then lines every card repeats in
    skeleton (a rating, a price, a button). Every card is found, from its name on."""
    blocks = lines("Shop", "Garden", "Outdoor furniture", *_dump_grid(), "Terms of use", "Privacy")
    cards = card_fields(blocks)
    names = [b.index for b in blocks if b.text.endswith("with cushion")]
    assert len(names) == 6 and all(cards[i][2] == 6 for i in names)
    assert len({cards[i][0] for i in names}) == 1 and len({cards[i][1] for i in names}) == 6
    assert all(cards[i][1] == i for i in names)  # each card starts at its name
    assert sum(1 for b in blocks if b.index in cards) == 24
    assert not {0, 1, 2, 27, 28} & set(cards)


def test_text_cards_leaves_menus_and_commented_prose_alone() -> None:
    """A menu's columns repeat their heading but name no item of their own; comments repeat their
    "Reply" line, but each holds sentences, not an item's name."""
    menu = [x for i in range(6) for x in ("Shop all", f"Section {i}", f"Topic {i}")]
    prose = [
        x for i in range(6)
        for x in (f"I tried the recipe on day {i} and it worked well.", "Reply")
    ]  # fmt: skip
    for texts in (menu, prose):
        assert card_fields(lines(*texts)) == {}


def test_text_cards_reads_on_over_a_card_that_lists_values() -> None:
    """A job board's card may list every place the job is open to after its fields: the card is longer than
    a card's fields, but it is one card of the list, and the cards after it are of the same list."""
    places = ["Austria", "Belgium", "Croatia", "Denmark", "Estonia", "Finland", "France", "Greece", "Ireland",
              "Italy", "Latvia", "Malta", "Norway", "Poland", "Portugal", "Spain", "Sweden", "Wales"]  # fmt: skip
    jobs = ("Senior data engineer, payments", "Support team lead, nights", "Backend developer in Go",
            "Product designer for mobile", "Site reliability engineer, cloud", "Technical writer for APIs")  # fmt: skip
    firms = ("Northwind", "Bluefin Labs", "Quillworks") * 2
    cards: list[str] = []
    for i, (job, firm) in enumerate(zip(jobs, firms, strict=True)):
        cards += [job, firm, "Full-Time", *(places if i == 2 else []), "View company profile"]
    blocks = lines("Find jobs", "Post a job", *cards, "About us", "Privacy")
    found = card_fields(blocks)
    titles = [b.index for b in blocks if b.text in jobs]
    assert all(found[i][2] == 6 for i in titles) and len({found[i][0] for i in titles}) == 1
    assert all(b.index in found for b in blocks if b.text in places)
    assert not {0, 1} & set(found)


def test_a_dumped_listing_is_judged_by_its_cards() -> None:
    """Undeclared and without links, a dumped shop grid is the page: judged by structure, its cards'
    fields are lifted as a list of cards (on main a dump had none), and the site's frame stays out."""
    menu = ["Home", "Garden", "Furniture", "Lighting", "Planters", "Sale", "Sign in", "Basket"]
    text = "\n".join([*menu, "Outdoor furniture for small gardens", *_dump_grid(8), "Terms of use", "Privacy"])
    result = boilerstrip.extract(text + "\n", kind="text")
    rules = {v.block.text: {s.rule for s in v.signals} for v in result.blocks}
    assert all("fallback.card" in rules[t] for t in ("Iron lantern pair with cushion", "$89.99", "Add to cart"))
    kept = result.text or ""
    assert "Slate bird bath with cushion" in kept and "Terms of use" not in kept and "Planters" not in kept


def _records_page(rows: int) -> str:
    """An article that is a list: two paragraphs, then a table of winners, one row a year, names linked."""
    intro = (
        "The county's rowing prize has been awarded every summer since the club was founded, to the crew and "
        "the single sculler who won the long race on the river, and to the coach the members voted for. "
    ) * 2
    row = (
        '<tr><td>{y}</td><td><a href="/wiki/Crew_{y}">Harbour crew {y}</a></td>'
        '<td><a href="/wiki/Sculler_{y}">Ann Sculler {y}</a></td><td><a href="/wiki/Coach_{y}">Ben Coach {y}</a></td></tr>'
    )
    body = "".join(row.format(y=1990 + i) for i in range(rows))
    nav = "".join(f'<tr><td><a href="/r/{i}">Regatta {i}</a></td><td><a href="/c/{i}">Club {i}</a></td></tr>' for i in range(12))
    return (
        '<html><head><meta property="og:type" content="article"><title>List of prize winners</title></head><body>'
        f"<main><h1>List of prize winners</h1>{f'<p>{intro}</p>' * 4}"
        f"<table><thead><tr><th>Year</th><th>Crew</th><th>Sculler</th><th>Coach</th></tr></thead><tbody>{body}</tbody></table>"
        f"</main><footer><table>{nav}</table></footer></body></html>"
    )


def test_a_table_of_records_keeps_its_linked_rows() -> None:
    """A table of ten rows or more of three cells or more is a table of records: that each row links its
    names to their pages is no evidence of a menu, so the rows are kept; a footer's table of link pairs is not."""
    r = boilerstrip.extract(_records_page(12))
    assert all(f"Harbour crew {1990 + i}" in r.text for i in range(12))
    assert any(s.rule == "listing.record-links" for v in r.blocks for s in v.signals)
    assert "Regatta 3" not in r.text


def test_a_short_table_of_links_is_no_table_of_records() -> None:
    """Below ten rows a table's linked rows are judged as any other block (no record-links lift)."""
    r = boilerstrip.extract(_records_page(6))
    assert not any(s.rule == "listing.record-links" for v in r.blocks for s in v.signals)


def test_a_shop_grid_judged_by_structure_leaves_its_list_controls_out() -> None:
    """The toolbar above a grid judged by structure ("Sort by", "Results per page") and the delivery terms
    some cards print ("FREE shipping") are left out (decide.controls_out); the cards stay."""
    card = (
        '<li><h3><a href="/p/{i}">Hand-thrown stoneware mug number {i}</a></h3>'
        "<p>Speckled glaze, holds 300 ml, batch {i}</p>{ship}</li>"
    )
    items = "".join(card.format(i=i, ship="<div>FREE shipping</div>" if i % 3 else "") for i in range(8))
    bar = "<div><div>Sort by</div><div>Results per page</div></div>"
    r = boilerstrip.extract(f"<html><body><main>{bar}<ul>{items}</ul></main></body></html>")
    assert any(s.rule == "fallback.sparse" for s in r.blocks[0].signals)
    assert all(f"Hand-thrown stoneware mug number {i}" in r.text for i in range(8))
    assert "Sort by" not in r.text and "Results per page" not in r.text and "FREE shipping" not in r.text
    assert any(s.rule == "listing.list-control" for v in r.blocks for s in v.signals)


def test_trimmed_span_leaves_out_footer_prose_beyond_the_related_headlines() -> None:
    """Six paragraphs, ten related headlines, two long footer lines: the discounted run takes the footer in,
    trimmed it ends with the story; a teaser between paragraphs splits nothing, and a short core is left whole."""
    para, headline, footer = "word " * 80, "Another story with a long title here", "f" * 300
    blocks = lines(*[para] * 6, *[headline] * 10, footer, footer)
    scores = [1.0] * 6 + [-1.0] * 10 + [1.0, 1.0]
    span = text_region(blocks, scores, 0.4)
    assert span == (0, 18)
    assert trimmed_span(blocks, scores, span) == (0, 6)
    middle = lines(*[para] * 3, headline, headline, *[para] * 3, footer)
    assert trimmed_span(middle, [1.0] * 3 + [-1.0] * 2 + [1.0] * 4, (0, 9)) == (0, 9)
    short = lines("word " * 30, *[headline] * 10, footer, footer)
    assert trimmed_span(short, [1.0] + [-1.0] * 10 + [1.0, 1.0], (0, 13)) == (0, 13)


def test_dump_region_is_trimmed_on_a_single_story_or_a_core_of_paragraphs() -> None:
    """region_signals trims a dump's region when told the page is one story (an article, a byline), or
    when the core reads as one (paragraphs); not a core of short lines: a landing page's sections between
    calls to action are all its text."""
    headline, footer = "Another story with a long title here", "f" * 300
    section = "Plans for every team size with a free trial month"  # ten words a line
    sections = lines(*[section] * 30, *[headline] * 10, footer, footer)
    scores = [1.0] * 30 + [-1.0] * 10 + [1.0, 1.0]
    single = region_signals(sections, scores, T, single=True)
    assert [s.rule for s in single[-2:]] == ["region.outside"] * 2
    assert [s.rule for s in region_signals(sections, scores, T)[-2:]] == ["region.inside"] * 2
    story = lines(*["word " * 80] * 6, *[headline] * 10, footer, footer)
    scores = [1.0] * 6 + [-1.0] * 10 + [1.0, 1.0]
    assert [s.rule for s in region_signals(story, scores, T)[-2:]] == ["region.outside"] * 2
    # a paragraph after a teaser set into the story is its last: only a single story loses it
    teaser = lines(*["word " * 80] * 6, "Related stories from our newsroom", headline, headline, "More from the city desk",
                   "word " * 40)  # fmt: skip
    scores = [1.0] * 6 + [-1.0] * 4 + [1.0]
    assert region_signals(teaser, scores, T, single=True)[-1].rule == "region.outside"
    assert region_signals(teaser, scores, T)[-1].rule == "region.inside"


def test_cards_after_the_prose_of_an_undeclared_page_are_related_stories() -> None:
    """A page that declares no type and ends its story with a feed of cards (six or more, so the page also
    has the shape of a listing) loses the feed as a declared article does; the story stays whole."""
    story = "".join(f"<p>{p}</p>" for p in _STORY)
    feed = '<div class="more">' + "".join(_FEED.format(i=i) for i in range(7)) + "</div>"
    html = f"<html><head><title>Channel to be dredged</title></head><body><main>{story}{feed}</main></body></html>"
    r = boilerstrip.extract(html)
    assert r.page_type is None
    assert all(p in r.text for p in _STORY)
    assert "Traders at the old market hall" not in r.text


def test_a_label_printed_in_every_entry_is_no_comment_section() -> None:
    """A WET-like dump of a list of papers prints each entry's "Comments:" label apart from its value; printed
    in every entry it is a field, not the heading of a comment section, and does not cut the list after an
    entry. A "Comments:" heading printed once still ends the run."""
    entry = ["Sparse attention heads in small language models " * 3, "Comments:", "Accepted at a workshop " * 4]
    blocks = lines(*entry * 4)
    prose = [Signal(i, 1.0, "evidence.long", "") for i, b in enumerate(blocks) if b.text != "Comments:"]
    labels = [Signal(i, -1.0, "widgets.comments-heading", "") for i, b in enumerate(blocks) if b.text == "Comments:"]
    kept = [v.block.index for v in decide(blocks, [*prose, *labels], {}, T) if v.label == "content"]
    assert {i for i, b in enumerate(blocks) if b.text != "Comments:"} <= set(kept)
    once = lines(*entry[:1] * 3, "Comments:", *entry[2:] * 4)
    prose = [Signal(i, 1.0, "evidence.long", "") for i, b in enumerate(once) if b.text != "Comments:"]
    label = [Signal(3, -1.0, "widgets.comments-heading", "")]
    assert [v.label for v in decide(once, [*prose, *label], {}, T)][:3] == ["content"] * 3
    assert [v.label for v in decide(once, [*prose, *label], {}, T)][4:] == ["boilerplate"] * 4


def test_a_dumped_region_starting_inside_a_menu_steps_past_it() -> None:
    """A region whose first line is the tail of a long menu (entries the evidence let in) starts at the text
    under the menu; a region that starts with a list after a line of prose keeps its start."""
    menu = [f"Garden Tools & Outdoor Item {k}" for k in range(12)]
    text = "The ferry left the harbour at seven, the first crossing since the winter storms in November."
    blocks = lines(*menu, text, text)
    scores = [-1.0] * 4 + [1.0] * 8 + [2.0, 2.0]
    sigs = region_signals(blocks, scores, T)
    assert "lines 12-13" in sigs[0].evidence
    blocks = lines("A sentence of prose that opens the page.", *menu, text, text)
    sigs = region_signals(blocks, [-1.0, *([1.0] * 12), 2.0, 2.0], T)
    assert "lines 1-14" in sigs[0].evidence


_NEWS_TITLES = [
    "Council approves new budget for the river bridge repairs", "Rail strike called off after late talks with the union",
    "Harbour ferry timetable changes from next Monday morning", "School meals to cost more from the autumn term onwards",
    "Floods close the coast road for a second day running", "Library opens a new reading room for local history",
    "Fire crews tackle a blaze at the old paper mill site", "Market traders protest over the planned rent increases",
    "New cycle lanes planned for the high street next year", "Museum wins national award for its maritime gallery",
]
_DESK_NOTES = [
    "Our reporters cover the town's councils, courts and schools on every day of the year.",
    "The newsroom is on the second floor of the old post office building on Quay Street.",
    "Readers can send us a tip by post, or call the desk between nine and five on weekdays.",
    "We correct our mistakes quickly and say so at the foot of the story that held them.",
    "Photographs on this page are by our own staff unless the caption says otherwise.",
    "The paper has been printed in the town since 1874 and went online in the year 2001.",
    "Our editor answers letters from readers in the weekend edition of the paper each week.",
    "Local clubs and societies may send us their news and results for the community pages.",
    "Every story here is written by a reporter who lives in the town or in a nearby village.",
]


_CARD_SUMMARY = (
    "The reporter ({n}) spoke to residents, officials and traders about what the change will mean for them, and what "
    "they plan to do about it in the weeks to come."
)


def _news_dump(story: bool, summaries: bool = False) -> str:
    cards = [
        line for n, t in enumerate(_NEWS_TITLES)
        for line in (t, *([_CARD_SUMMARY.format(n=n)] if summaries else []), f"Published On {n + 1} Mar 2026", f"{n + 1} Mar 2026")
    ]  # fmt: skip
    paragraphs = [
        "Bridge reopens to cyclists",
        "The council voted on Tuesday to reopen the river bridge to cyclists in April, after an engineer's report found "
        "that the new deck can carry the weight of the spring festival crowds without any trouble at all.",
        "Work on the approach ramps starts next week and should take about a month, the council's transport officer "
        "said, adding that the footpath on the east side of the bridge will stay open throughout the works.",
    ] if story else []
    lines = ["Home", "News", "Sport", "Weather", "Local news", *_DESK_NOTES, *paragraphs, *cards, "About Us", "Contact Us"]
    return "\n".join(lines) + "\n"


def test_a_dumped_page_of_news_cards_keeps_them_beside_no_story() -> None:
    """A dump that is a grid of story cards (a title, its 'Published On' line and date), beside short lines but no
    paragraph of prose, keeps the cards' titles: judged as a grid, the teaser and headline-run rules that read
    them as a box of other stories are not heard (pipeline.DUMP_CARD_SCALE). Beside a story's paragraphs the
    same cards are its box of other stories, and go. A card's own summary paragraph is no story beside them."""
    grid = boilerstrip.extract(_news_dump(story=False), kind="text").text
    assert sum(t in grid for t in _NEWS_TITLES) >= 8
    summarised = boilerstrip.extract(_news_dump(story=False, summaries=True), kind="text").text
    assert len(_CARD_SUMMARY) > 150 and sum(t in summarised for t in _NEWS_TITLES) >= 8
    beside = boilerstrip.extract(_news_dump(story=True), kind="text").text
    assert "reopen the river bridge" in beside and not any(t in beside for t in _NEWS_TITLES)


def test_a_teaser_label_after_the_story_closes_a_dumps_region() -> None:
    """On a page that is one story, a teaser box's label ("Popular posts") after which the page holds under
    CLOSING_SHARE of the content before it ends the region, as a comment heading does: the cards' summaries
    after it, prose on their own, no longer join the story. A label printed three times is each section's
    field, and one the story goes on after is a box set into it; a page of sections is not closed so."""
    para = "The ferry board met on Monday and agreed to restart the crossing in March. " * 3
    summary = "A long summary of another story that reads like prose and is kept on its own. " * 2

    def inside(texts: list[str], scores: list[float], single: bool = True) -> list[int]:
        blocks = lines(*texts)
        closing = frozenset(i for i, t in enumerate(texts) if t == "Popular posts")
        signals = region_signals(blocks, scores, T, single=single, closing=closing)
        return [s.block for s in signals if s.rule == "region.inside"]

    story = [para] * 10
    cards = ["Popular posts", "Another story", summary, "A third story", summary]
    card_scores = [-1.2, -0.3, 1.0, -0.3, 1.0]
    assert inside([*story, *cards], [1.0] * 10 + card_scores) == list(range(10))
    assert inside([*story, *cards], [1.0] * 10 + card_scores, single=False)[-1] == 14
    repeated = ["Popular posts", para, "Popular posts", para, "Popular posts"]
    assert inside([*story, *repeated, *cards[1:]], [1.0] * 10 + [-1.2, 1.0] * 2 + card_scores)[-1] == 18
    goes_on = [*story[:6], "Popular posts", *story[6:]]
    assert inside(goes_on, [1.0] * 6 + [-1.2] + [1.0] * 4)[-1] == 10
