"""Unit tests of the teasers detector: related-article teasers, read-more boxes, related lists."""

from __future__ import annotations

from detector_scoring import by_index, first_index, html_blocks

from boilerstrip.detectors.teasers import TeasersDetector, is_date_line, is_dateline, slugify, url_slug
from boilerstrip.model import Metadata, PageInfo
from boilerstrip.segment.text import segment_text

TITLE = "Harbour Wall Repairs to Begin in Spring"
URL = "https://news.example.org/20240304/harbour-wall-repairs-to-begin-in-spring-1200345.html"
RELATED = "https://news.example.org/20240228/ferry-operator-orders-two-new-ships-1200211.html"
DUMP = f"""\
{TITLE}

09:15 GMT 04.03.2024
PORT ALDWICK - Repairs to the storm-damaged harbour wall will begin in April, the council said on Monday, after engineers found that two sections had moved by almost a metre.
Analysis
Ferry Operator Orders Two New Ships
28 February, 17:40 GMT
The work is expected to take six months and will close the north quay to visitors until the autumn, the harbour master said.
Opinion
Why Our Harbours Need a National Plan
2 days ago
Local businesses said they had been promised the repairs for three years and welcomed the start date.
"""


def _page(kind: str = "text", **meta: object) -> PageInfo:
    return PageInfo(kind="text" if kind == "text" else "html", metadata=Metadata(**meta))  # type: ignore[arg-type]


_weights, _rules = by_index(TeasersDetector)
_html = html_blocks
_index = first_index


def test_teaser_shape_in_dump() -> None:
    """Kicker, title and date lines of interleaved teasers get negative signals."""
    blocks = segment_text(DUMP)
    w = _weights(blocks, _page(title=TITLE, url=URL))
    for start in ("Analysis", "Ferry Operator", "28 February", "Opinion", "Why Our Harbours", "2 days ago"):
        assert w[_index(blocks, start)] < -0.5, start


def test_paragraphs_and_own_header_untouched() -> None:
    """The page's own headline and date line and the article paragraphs get no teaser signal."""
    blocks = segment_text(DUMP)
    w = _weights(blocks, _page(title=TITLE, url=URL))
    for start in (TITLE, "09:15 GMT", "PORT ALDWICK", "The work is expected", "Local businesses"):
        assert _index(blocks, start) not in w, start


def test_related_url_slug() -> None:
    """A line whose slug is a declared related URL's slug is strong evidence; the page's own URL is not."""
    blocks = segment_text(f"{TITLE}\nSome intro line here.\nFerry Operator Orders Two New Ships\n")
    page = _page(title=None, url=URL, values=(URL, RELATED))
    rules = _rules(blocks, page)
    assert "teasers.related-url" in rules[2]
    assert "teasers.related-url" not in rules.get(0, set())


def test_slugs() -> None:
    """Slugs drop apostrophes, accents, ids and extensions."""
    assert slugify("Joe Biden's World War: Café") == "joe-bidens-world-war-cafe"
    assert url_slug(RELATED) == "ferry-operator-orders-two-new-ships"
    assert url_slug("https://x.example/news/market-hall-traders-win/98765/") == "market-hall-traders-win"
    assert url_slug("https://img.example/a/b/photo-1920x1080.jpg") == ""


def test_date_lines() -> None:
    """Date-only lines in several forms are recognised; numbers and words alone are not."""
    for text in ("20 December, 06:08 GMT", "2 hours ago", "Dec 20, 2023", "12:47 GMT 28.12.2023", "vor 3 Stunden",
                 "il y a 2 heures", "Yesterday, 14:05", "2023年12月20日", "3 марта 2024"):  # fmt: skip
        assert is_date_line(text), text
    for text in ("1920", "252", "2023", "Analysis", "March of the penguins", "Chapter 12: The harbour"):
        assert not is_date_line(text), text


def test_datelines() -> None:
    """A card's dateline: a date first or last among separated parts; a date line alone is one too."""
    for text in ("12/19/2025 • Harbour News • Ann Lee", "Dec 20, 2023 · 5 min read", "By Ann Lee | 2 hours ago", "Dec 20, 2023"):
        assert is_dateline(text), text
    for text in ("Harbour News • Ann Lee", "Ann Lee | Harbour | 2023 review of the ferries", "Dec 20, 2023 and the ferries"):
        assert not is_dateline(text), text


def test_html_inline_related_boxes() -> None:
    """A 'Read more' box and a 'Related: <title>' line inside the article body are teasers."""
    blocks = _html(
        "<article><p>The overnight ferry will return in May, ending a two-year gap that left islanders relying on "
        "a single daytime sailing, the operator said on Tuesday.</p>"
        "<aside class='inline-box'><h3>Read more</h3><a href='/x'>Island patients face two-night stays</a></aside>"
        "<div class='inline-box'><span>Related</span> <a href='/y'>Harbour dredging to start next month</a></div>"
        "<p>Fares will be frozen at 2022 levels for the first season, with a cabin for two costing £68.</p></article>"
    )
    w = _weights(blocks, _page("html"))
    assert w[_index(blocks, "Read more")] <= -1.0
    assert w[_index(blocks, "Island patients")] <= -1.0
    assert w[_index(blocks, "Related Harbour")] <= -1.0
    assert _index(blocks, "The overnight ferry") not in w
    assert _index(blocks, "Fares will be") not in w


def test_related_list_under_heading() -> None:
    """The link items under a 'More from' heading are teasers; the list ends at the first non-link block."""
    blocks = _html(
        "<section><h2>More from Local</h2><ul><li><a href='/a'>Lifeboat crew honoured for winter rescue</a> "
        "<time>4 March</time></li><li><a href='/b'>Market hall traders win rent reprieve</a></li></ul></section>"
        "<footer><ul><li><a href='/about'>About us</a></li></ul></footer>"
    )
    rules = _rules(blocks, _page("html"))
    assert "teasers.label" in rules[_index(blocks, "More from")]
    assert {"teasers.list", "teasers.title-date"} <= rules[_index(blocks, "Lifeboat")]
    assert "teasers.list" in rules[_index(blocks, "Market hall")]
    assert _index(blocks, "About us") not in rules


def test_related_cards_under_a_label_take_their_blurbs() -> None:
    """Under a 'Most popular' label, each card's short blurb after its linked title is a teaser too; two
    unlinked blocks in a row end the list (the page's own text again)."""
    cards = "".join(
        f"<div class='card'><div><a href='/{n}'>{t}</a></div><div>{b}</div></div>"
        for n, (t, b) in enumerate([
            ("Oat porridge plan", "A gentle plan for busy weeks. Results in ten days."),
            ("Soup week", "Seven days of soups with one rest day."),
        ])
    )  # fmt: skip
    blocks = _html(
        f"<main><h2>Самые популярные диеты</h2>{cards}<div>Our editors update these plans every month.</div>"
        "<div>Questions go to the nutrition desk by post.</div></main>"
    )
    rules = _rules(blocks, _page("html"))
    assert "teasers.label" in rules[_index(blocks, "Самые популярные")]
    for text in ("Oat porridge", "A gentle plan", "Soup week", "Seven days"):
        assert "teasers.list" in rules[_index(blocks, text)], text
    assert "teasers.list" not in rules.get(_index(blocks, "Our editors"), set())
    assert "teasers.list" not in rules.get(_index(blocks, "Questions go"), set())


def test_multilingual_labels() -> None:
    """Labels in German, French, Spanish, Portuguese, Italian, Dutch, Russian, Chinese and Japanese."""
    labels = ["Lesen Sie auch", "Mehr zum Thema", "À lire aussi", "Lee también", "Leia também", "Leggi anche",
              "Lees ook", "Читайте также", "相关阅读", "推荐阅读", "関連記事", "You may also like", "Trending",
              "Popular posts", "Popular articles"]  # fmt: skip
    blocks = segment_text("\n".join(labels) + "\n")
    w = _weights(blocks, _page())
    assert all(w[b.index] <= -1.0 for b in blocks), w


def test_a_dumped_list_under_a_label_with_an_ellipsis_or_in_portuguese() -> None:
    """The titles under a label that leads on with an ellipsis ("You may also like...") or a Portuguese
    "Artigos relacionados" are teasers like those under any label."""
    titles = ["Lifeboat crew honoured for a winter rescue", "Market hall traders win a rent reprieve"]
    for label in ("You may also like...", "You may also like…", "Artigos relacionados"):
        blocks = segment_text("\n".join([label, *titles]) + "\n")
        rules = _rules(blocks, _page())
        assert all("teasers.list" in rules[_index(blocks, t)] for t in titles), label


def test_sub_heading_followed_by_paragraphs_untouched() -> None:
    """A real article sub-heading followed by paragraphs gets no signal, even with a date in the text."""
    blocks = _html(
        "<article><h1>Harbour wall repairs</h1><p>Repairs will begin in April, the council said on Monday.</p>"
        "<h2>How the repairs will be paid for</h2><p>The council will borrow £4m, repaid over 20 years from "
        "harbour fees, and the government has promised a grant of £1m.</p><h2>Recommended dosage</h2>"
        "<p>Engineers recommended that the wall be inspected twice a year from now on.</p></article>"
    )
    assert _weights(blocks, _page("html")) == {}


def test_teaser_class_is_weak_for_lead() -> None:
    """A lead paragraph in a class='teaser' wrapper gets at most a weak signal (USERS.md item 1)."""
    blocks = _html(
        "<div class='article-teaser'><p>The overnight ferry between Port Aldwick and the outer islands will "
        "return in May, ending a two-year gap, the operator confirmed on Tuesday.</p></div>"
    )
    w = _weights(blocks, _page("html"))
    assert -0.3 <= w[0] < 0


def test_related_class_alone_stays_below_a_paragraph() -> None:
    """An ancestor class 'related' alone stays moderate (no stronger than -0.5)."""
    blocks = _html(
        "<div class='post-related-wrap'><p>A long paragraph of real text that sits here.</p></div>"
    )
    assert _weights(blocks, _page("html"))[0] >= -0.5


def test_label_phrase_in_long_text_ignored() -> None:
    """'Read more' or 'related' inside a long paragraph or a sentence-shaped blurb is not a label."""
    blocks = segment_text(
        "Readers who want to read more about the harbour can visit the museum, which holds related records.\n"
        "The day's top stories in your inbox at 7am.\n"
    )
    assert _weights(blocks, _page()) == {}


def test_byline_beside_date_is_not_a_teaser() -> None:
    """A 'By Name' line next to a date is a byline, not a teaser title."""
    blocks = segment_text("Some Other Heading Entirely Here\n\nBy Moira Kettleby Reporting\n5 March 2024\n")
    rules = _rules(blocks, _page())
    assert 1 not in rules


def test_the_excerpt_of_a_dated_teaser_card_is_a_teaser() -> None:
    """In a card of a linked title, a byline and a date, the excerpt under them is marked too; a story's
    own paragraph after an unlinked subheading beside a date is not."""
    card = (
        '<li><div class="card"><h5><a href="/opinion/{i}">Why the harbour ferry fares must rise again {i}</a></h5>'
        '<div><div><a href="/by/ana">Ana Castell</a></div><div>Tuesday November 19, 2019</div></div>'
        "<div>The ferry company says the new boats cost more to run than it planned, and the council will "
        "have to decide who pays the difference before the summer timetable.</div></div></li>"
    )
    page = (
        "<article><h2>What the board decided on the dredging</h2><div>Tuesday November 19, 2019</div>"
        "<p>The harbour board voted to dredge the eastern channel before the spring ferry season begins.</p>"
        "</article><ul>" + "".join(card.format(i=i) for i in range(3)) + "</ul>"
    )
    blocks = html_blocks(page)
    rules = _rules(blocks, PageInfo(kind="html"))
    excerpts = [b.index for b in blocks if b.text.startswith("The ferry company says")]
    assert len(excerpts) == 3 and all("teasers.shape-excerpt" in rules[i] for i in excerpts)
    assert "teasers.shape-excerpt" not in rules[_index(blocks, "The harbour board voted")]


_STORY = (
    "<article><h1>Harbour board votes to dredge the eastern channel</h1>"
    "<p>The harbour board voted on Tuesday to dredge the eastern channel before the spring ferry season, "
    "after two ferries ran aground there in the autumn and a third had to turn back in fog.</p>"
    "<p>Work will start in February and close the north quay for six weeks, the harbour master said, "
    "adding that the council had found the money in its reserves and would not raise mooring fees.</p>"
    "<p>Fishing crews welcomed the decision but asked for the work to pause during the herring run, "
    "when the quay is busiest; the board said it would meet them before the contract is signed.</p>"
    "</article>"
)
_CARD = (
    '<div class="card"><h3><a href="/news/{i}">Ferry timetable changes for the winter {i}</a></h3>'
    "<p>The ferry company will cut the late crossings from November and run a smaller boat on Sundays, "
    "a spokesman said, while the council studies whether the {cut}</p></div>"
)


def _cut_page(story: str, cards: str, label: str = "") -> tuple[list[object], dict[int, set[str]]]:
    blocks = html_blocks(story + f"<section>{label}{cards}</section>")
    return blocks, _rules(blocks, _page("html", page_type="article"))  # type: ignore[return-value]


def test_box_of_cut_off_excerpts_is_a_teaser_box() -> None:
    """Three cards whose excerpts stop mid-sentence on an ellipsis: each excerpt is a teaser; the story's
    paragraphs, and the same box on a page that declares no article, are left alone."""
    cards = "".join(_CARD.format(i=i, cut="service …") for i in range(3))
    blocks, rules = _cut_page(_STORY, cards)
    excerpts = [b.index for b in blocks if b.text.startswith("The ferry company")]  # type: ignore[attr-defined]
    assert len(excerpts) == 3 and all("teasers.cut-excerpt" in rules[i] for i in excerpts)
    assert not any("teasers.cut-excerpt" in rules[b.index] for b in blocks if b.text.startswith(("The harbour", "Work", "Fishing")))  # type: ignore[attr-defined]
    plain = _rules(blocks, _page("html"))  # type: ignore[arg-type]
    assert not any("teasers.cut-excerpt" in plain[i] for i in excerpts)


def test_whole_excerpts_and_a_linked_ellipsis_are_no_cut() -> None:
    """Excerpts that end their sentence, or end on a link ("Full review…"), are not cut off; one cut
    excerpt among whole ones is not a box."""
    whole = "".join(_CARD.format(i=i, cut="service should stay.") for i in range(3))
    linked = "".join(
        _CARD.format(i=i, cut=f'service should stay. <a href="#r{i}">Full review…</a>') for i in range(3)
    )
    one = _CARD.format(i=0, cut="service …") + "".join(_CARD.format(i=i, cut="service should stay.") for i in (1, 2, 3))
    for cards in (whole, linked, one):
        _, rules = _cut_page(_STORY, cards)
        assert not any("teasers.cut-excerpt" in r for r in rules.values())


def test_a_box_larger_than_the_story_must_be_named() -> None:
    """A box of cut excerpts that outweighs the story is a teaser box only under a label ("Breaking news",
    "You may also like"): an index of posts under a short introduction keeps its excerpts."""
    cards = "".join(_CARD.format(i=i, cut="service …") for i in range(8))
    intro = "<p>" + " ".join(p.split("</p>")[0] for p in _STORY.split("<p>")[1:]) + "</p>"
    _, rules = _cut_page(intro, cards)
    assert not any("teasers.cut-excerpt" in r for r in rules.values())
    for label in ("<h2>Breaking News</h2>", "<h2>You may also like</h2>"):
        blocks, rules = _cut_page(intro, cards, label)
        assert sum("teasers.cut-excerpt" in r for r in rules.values()) == 8



def test_archive_widget_lines_in_a_dump() -> None:
    """A blog's archive widget printed into a dump ("Novembro (113)", "► 2019 (45)") is flagged when the page
    holds three such lines or more; one month with a count in parentheses, or a story's sentence, is not."""
    story = (
        "The town library reopened on Saturday after a year of repairs, and more than four hundred readers "
        "came through its doors before noon, the librarian said."
    )
    widget = ["► 2019 (45)", "Novembro (113)", "Outubro (217)", "Setembro de 2018 (12)"]
    blocks = segment_text("\n".join([story, *widget, "Arquivo do blog"]))
    rules = _rules(blocks, _page())
    flagged = {i for i, r in rules.items() if "teasers.archive-line" in r}
    assert flagged == {_index(blocks, w.lstrip("► ")) for w in widget}
    lone = segment_text("\n".join([story, "Novembro (113)", "The vote was 12 (of 15) in favour."]))
    assert not any("teasers.archive-line" in r for r in _rules(lone, _page()).values())
