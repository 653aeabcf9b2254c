"""HeadlinesDetector: runs of other articles' headlines in text dumps, beside an article."""

from __future__ import annotations

from detector_scoring import by_index, html_blocks, scorer

import boilerstrip
from boilerstrip.detectors.headlines import HeadlinesDetector
from boilerstrip.model import Metadata, PageInfo
from boilerstrip.segment.text import segment_text

ARTICLE = [
    "The harbour board voted on Tuesday to close the old ferry pier for repairs that are expected to last a year.",
    "Engineers found that two of the wooden piles under the waiting room had rotted through at the waterline.",
    "Passengers will board from a temporary pontoon beside the fish market while the work goes on, the board said.",
    "A spokesman said the timetable would not change and that the pontoon had been tested in heavy weather.",
    "Traders at the market welcomed the plan, although some worried about the queues on busy summer mornings.",
    "The repairs will cost about two million euros, most of it paid from the port's own reserves and a state grant.",
]
HEADLINES = [
    "Council approves new cycle lanes on the coast road",
    "2 hours ago",
    "Fishing fleet returns early as storm warning is raised",
    "5 hours ago",
    "Local bakery wins regional award for its rye bread",
    "Yesterday",
    "School choir to perform at the cathedral next month",
    "Police appeal for witnesses after lorry overturns",
]

scores = scorer(HeadlinesDetector)


def dump(*lines: str) -> dict[str, float]:
    return scores(segment_text("\n".join(lines) + "\n"), "text")


def test_headline_run_beside_an_article() -> None:
    """Five headlines with times between them, after an article, are flagged; the article is not."""
    got = dump(*ARTICLE, "More news", *HEADLINES)
    assert all(got[h] < 0 for h in HEADLINES if len(h.split()) > 4)
    assert all(got[p] == 0 for p in ARTICLE)
    assert got["Yesterday"] == 0  # a filler is crossed, not flagged


def test_listing_page_left_alone() -> None:
    """The same headlines on a page with no prose are its content: no signal."""
    got = dump("Latest news", *HEADLINES)
    assert not any(got.values())


def test_short_run_left_alone() -> None:
    """Three headlines are not yet a list."""
    got = dump(*ARTICLE, *[h for h in HEADLINES if len(h.split()) > 4][:3])
    assert not any(got.values())


def test_menu_labels_left_alone() -> None:
    """A menu of short labels has the run shape but not headline length."""
    menu = ["World News Today", "Business and Money", "Sport Results Live", "Arts and Culture", "Travel Guides Here"]
    got = dump(*ARTICLE, *menu)
    assert not any(got.values())


def test_numbered_items_and_fields_are_not_headlines() -> None:
    """A numbered list of picks and 'Field: value' lines are the article's own structure."""
    picks = [
        "1) A waterproof jacket with taped seams",
        "2) Walking boots with a stiff sole for rock",
        "3) A light stove that runs on gas canisters",
        "4) A map case that hangs from the shoulder",
        "Price: about forty euros in most outdoor shops",
    ]
    got = dump(*ARTICLE, *picks)
    assert not any(got.values())


def test_silent_on_html() -> None:
    """Links tell headlines on HTML pages; the detector only reads dumps."""
    body = "".join(f"<p>{t}</p>" for t in [*ARTICLE, *HEADLINES])
    assert not any(scores(html_blocks(body), "html").values())


def test_extract_drops_the_headlines_after_a_dump_article() -> None:
    """End to end: headlines right after a dump's article, no label between, are no longer taken into it."""
    titles = [h for h in HEADLINES if len(h.split()) > 4]
    text = "\n".join(["Pier to close for a year of repairs", *ARTICLE, *titles]) + "\n"
    for weight, kept in ((1.0, 0), (0.0, len(titles))):  # without the detector the region runs on through them
        pipeline = boilerstrip.Pipeline.default().reweighted(headlines=weight)
        result = boilerstrip.extract(text, kind="text", pipeline=pipeline)
        assert all(p in result.text for p in ARTICLE)
        assert sum(t in result.text for t in titles) == kept


def test_listing_with_summaries_left_alone() -> None:
    """A listing of titles with one-sentence summaries, and a headline list, has no article: no signal."""
    lines = []
    for n, title in enumerate(h for h in HEADLINES if len(h.split()) > 4):
        lines += [title, f"Story {n} from the harbour front was filed by our correspondent this morning, with photographs."]
    lines = [*lines, *lines]  # ten summaries: well over a hundred words of prose, but never two lines in a row
    got = dump(*lines, "Most read", *HEADLINES)
    assert not any(got.values())


CARDS = [
    ("Council approves new cycle lanes on the coast road", "Ann Lee", "Tuesday 19 November 2024",
     "The lanes will run from the station to the lighthouse, and work starts in spring, the council said."),
    ("Fishing fleet returns early as storm warning is raised", "Tom Berg", "Monday 18 November 2024",
     "Skippers brought the boats in a day ahead of the gale, with most of the week's catch still unsold."),
    ("Local bakery wins regional award for its rye bread", "Ann Lee", "Monday 18 November 2024",
     "Judges praised the crust and the sour taste, and the owners plan to open a second shop next year."),
    ("School choir to perform at the cathedral next month", "Mia Holm", "Sunday 17 November 2024",
     "Forty children will sing carols on the first Saturday of December, with tickets sold at the door."),
]


def _cards(dated: bool = True) -> list[str]:
    return [line for title, name, date, summary in CARDS for line in (title, name, *([date] if dated else []), summary)]


def test_dated_teaser_cards_beside_an_article() -> None:
    """Teaser cards (title, author, date, one-paragraph summary) after an article: titles and summaries flagged."""
    got = dump(*ARTICLE, "More from the Gazette", *_cards())
    assert all(got[title] < 0 and got[summary] < 0 for title, _, _, summary in CARDS)
    assert all(got[p] == 0 for p in ARTICLE)


def test_teaser_cards_with_a_dateline_beside_an_article() -> None:
    """A card's date may share its line with the section and the author ("12/19/2025 • Harbour • Ann Lee"):
    such cards are dated, and their titles and summaries are flagged like those with a date line alone."""
    cards = [line for title, name, date, summary in CARDS for line in (title, f"11/18/2024 • Harbour • {name}", summary)]
    got = dump(*ARTICLE, "Latest articles", *cards)
    assert all(got[title] < 0 and got[summary] < 0 for title, _, _, summary in CARDS)
    assert all(got[p] == 0 for p in ARTICLE)


def test_a_line_naming_a_section_and_an_author_is_no_dateline() -> None:
    """Without a date on either side of its separators, a card's meta line leaves its cards undated."""
    cards = [line for title, name, _, summary in CARDS for line in (title, f"Harbour • {name}", summary)]
    got = dump(*ARTICLE, "Latest articles", *cards)
    assert all(got[summary] == 0 for _, _, _, summary in CARDS)


def test_undated_title_and_paragraph_sections_left_alone() -> None:
    """An article's own sections have the same title-and-paragraph shape, but no dates: their paragraphs stay."""
    got = dump(*ARTICLE, *_cards(dated=False))
    assert all(got[summary] == 0 for _, _, _, summary in CARDS)


def test_cards_far_longer_than_the_prose_are_a_listing() -> None:
    """A listing with a short introduction: three times more card text than prose, so its cards are content."""
    words = lambda lines: sum(len(line.split()) for line in lines)  # noqa: E731
    cards = [line for _ in range(6) for line in _cards()]
    assert words(ARTICLE) >= 100 and words(c for _, _, _, c in CARDS * 6) > 3 * words(ARTICLE)
    got = dump(*ARTICLE, *cards)
    assert all(got[summary] == 0 for _, _, _, summary in CARDS)


def test_undated_cards_before_the_headline_of_an_article() -> None:
    """A mega-menu's cards (title and summary, no date) printed before the story's headline, the same cards
    again in the footer: their titles and summaries are flagged; the article's own sections after its
    headline, the same shape, are not."""
    head = "Pier to close for a year of repairs"
    menu = [line for title, _, _, summary in CARDS for line in (title, summary)]
    sections = [
        "What the closure means for passengers",
        "Boats will leave from the pontoon at the usual times, and the waiting room moves into a tent by the quay.",
        "How long the repairs will take",
        "The engineers expect to replace the rotten piles by the spring and to reopen the pier before next winter.",
        "Who pays for the work",
        "The port pays most of the cost from its reserves, with the rest coming from a grant the state agreed to.",
    ]
    blocks = segment_text("\n".join([f"{head} | The Gazette", "Menu", *menu, head, *ARTICLE, *sections, *menu]) + "\n")
    weights, _ = by_index(HeadlinesDetector)
    got = weights(blocks, PageInfo(kind="text", metadata=Metadata(title=f"{head} | The Gazette")))
    assert all(got[b.index] < 0 for b in blocks[2:10])
    assert not any(got[b.index] for b in blocks[10:23])
    assert not any(weights(blocks, PageInfo(kind="text")).values())  # no title, no headline: cards undated


SHORT_STORY = ARTICLE[:3]  # about sixty words: a news brief
CARDS_WITH_BYLINES = [
    line
    for n, h in enumerate(h for h in HEADLINES if len(h.split()) > 4)
    for line in (h, "By Staff Reporter" if n % 2 else "By Harbour News Desk", f"11/{10 + n}/2024 08:1{n} AM")
]


def test_headline_cards_with_bylines_beside_a_news_brief() -> None:
    """A brief of three paragraphs, then cards of headline / "By <desk>" / date: the bylines pull the run's
    mean length under a menu's, and the brief is under a hundred words; the headlines are still flagged."""
    got = dump("Pier to close for repairs", *SHORT_STORY, "Latest", *CARDS_WITH_BYLINES)
    assert all(got[h] < 0 for h in HEADLINES if len(h.split()) > 4)
    assert not any(got.get(p) for p in SHORT_STORY)


def test_a_menu_of_short_labels_with_three_long_ones_is_no_list() -> None:
    """Long entries count only when there are enough of them: three long labels among menu words are no list."""
    menu = ["Home", "World", HEADLINES[0], "Sport", HEADLINES[2], "Culture", HEADLINES[4], "Weather"]
    got = dump(*ARTICLE, *menu)
    assert not any(got.values())


def test_undated_list_beside_a_news_brief_left_alone() -> None:
    """Beside a story under a hundred words only dated headlines count: an undated list there may be the
    page's own (a game's features, a shop's picks)."""
    titles = [h for h in HEADLINES if len(h.split()) > 4]
    got = dump("Pier to close for repairs", *SHORT_STORY, *titles)
    assert not any(got.values())


GLUED = [
    "Council Approves New Cycle Lanes On The Coast RoadThe lanes will run from the harbour to the beach by May.",
    "Fishing Fleet Returns Early As Storm Warning Is RaisedSkippers brought their boats in a day before the gale.",
    "Local Bakery Wins Regional Award For Its Rye BreadThe judges praised the crust and the long slow rise.",
    "School Choir To Perform At The Cathedral Next MonthTickets go on sale at the town hall on Friday morning.",
]


def test_glued_teaser_cards_beside_an_article() -> None:
    """Lines that each glue a title-cased headline to its summary (innerText of inline cards), in a run beside
    an article, are flagged, a section's label between them crossed; the article's lines are not."""
    got = dump(*GLUED[:2], "Sports", *GLUED[2:], *ARTICLE)
    assert all(got[g] <= -2.0 for g in GLUED)
    assert got["Sports"] == 0 and all(got[p] == 0 for p in ARTICLE)


def test_glued_cards_of_a_listing_left_alone() -> None:
    """The same cards with no article, or far more of them than its words, are a listing's content; and a
    product's feature cards, titled by a short name glued to their text, are the page's own."""
    assert not any(dump("Latest news", *GLUED).values())
    assert not any(dump(*ARTICLE[:3], *GLUED).values())  # a brief, under body_min_words
    assert not any(dump(*ARTICLE, *GLUED * 10).values())  # a run of summaries over 3 times the article
    features = ["Cloud BackupYour files are copied every night.", "Family SharingSix people can use one plan.",
                "Offline ModeEvery song can be saved to the phone."]  # fmt: skip
    assert not any(dump(*features, *ARTICLE).values())


def test_cards_whose_summaries_open_with_a_dateline() -> None:
    """A headline in sentence case, a space, then a summary opening with a dateline in capitals ("LYON:",
    "PORTO (AP) —"): cards too, flagged in a run beside an article; a dateline opening a line is the story's."""
    cards = [
        "Bakery wins the regional award for its rye bread LYON: The judges praised the crust and the rise.",
        "Fishing fleet returns early as a storm warning is raised PORTO (AP) — Skippers came in a day early.",
        "School choir will perform at the cathedral next month OSLO: Tickets go on sale at the town hall.",
    ]
    got = dump(*cards, "GENOA: " + ARTICLE[0], *ARTICLE[1:])
    assert all(got[c] <= -2.0 for c in cards)
    assert all(v == 0 for k, v in got.items() if k not in cards)
