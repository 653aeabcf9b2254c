"""Text-dump segmentation: one block per line, bullets and markdown headings, blank lines as gaps."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip.segment.text import segment_text


def test_one_block_per_non_empty_line() -> None:
    """Each non-empty line is one "line" block with its source line number."""
    blocks = segment_text("first line\n\nsecond line\nthird line\n")
    assert [(b.text, b.role, b.line) for b in blocks] == [
        ("first line", "line", 0),
        ("second line", "line", 2),
        ("third line", "line", 3),
    ]
    assert [b.index for b in blocks] == [0, 1, 2]


def test_whitespace_inside_a_line_is_collapsed() -> None:
    """Runs of spaces in a line become one space, ends are trimmed."""
    (b,) = segment_text("   many    spaces and    more   ")
    assert b.text == "many spaces and more"


def test_tab_separated_line_is_a_table_row() -> None:
    """innerText prints table cells separated by tabs: such a line is a row with its cells."""
    (b,) = segment_text("ttl\tnumber\t60")
    assert (b.role, b.cells, b.text) == ("row", ("ttl", "number", "60"), "ttl | number | 60")


def test_space_joined_table_rows_are_rows() -> None:
    """A run of lines made of figures (a table printed without tabs) is a run of rows; one such line
    alone, or lines naming things with commas between figures (a shop's cards), stay lines."""
    table = "Rank School Fee Intake\n1 North College 12% 640 $41,000\n2 River Institute 9% 610 $38,500\n3 Hill School 15% 590 $36,200"
    blocks = segment_text(table)
    assert [b.role for b in blocks] == ["line", "row", "row", "row"]
    assert blocks[1].cells == ()
    assert [b.role for b in segment_text("Founded in 1998\nWe grew to 120 staff by 2004 and 300 by 2010")] == ["line", "line"]
    assert {b.role for b in segment_text("1 of 5 stars\n2 of 5 stars\n3 of 5 stars\n4 of 5 stars")} == {"line"}
    cards = "Bookcase, white, 31 1/2x11x79 1/2\n$69.00 Price $ 69.00\nShelf unit, oak, 30 1/8x57 5/8"
    assert [b.role for b in segment_text(cards)] == ["line", "line", "line"]


def test_a_table_printed_one_cell_a_line_is_rows() -> None:
    """A WET-like dump prints each cell of a table on its own line: the figures at the same places every
    few lines, under as many labels, make rows of them, each one block with its cells, the labels its header;
    the same shape without labels (a shop's grid of cards), a run of figures without words (a pager) and a
    list of names stay lines."""
    header = ["Pos.", "Rider", "Points", "Wins"]
    cells = [c for n, (name, pts) in enumerate([("Ann Lee", "412"), ("Tom Berg", "398"), ("Mia Holm", "375")], 1)
             for c in (str(n), name, pts, str(5 - n))]  # fmt: skip
    blocks = segment_text("\n".join(["Standings after the last race:", *header, *cells, "Next race in May."]))
    assert [b.role for b in blocks] == ["line", "row", "row", "row", "row", "line"]
    assert blocks[1].cells == tuple(header) and blocks[2].cells == ("1", "Ann Lee", "412", "4")
    assert blocks[2].text.split("\n") == ["1", "Ann Lee", "412", "4"]
    assert {b.role for b in segment_text("\n".join(["Standings after the last race:", *cells]))} == {"line"}
    assert {b.role for b in segment_text("\n".join(map(str, range(1, 13))))} == {"line"}
    assert {b.role for b in segment_text("Ann Lee\nTom Berg\nMia Holm\nJo Ek\nAl Fry\nEd Ng")} == {"line"}


def test_a_table_in_a_dump_stays_inside_the_article() -> None:
    """The rows of a long table between two parts of an article are kept with it: read as lines without
    sentences they cut the article's run, and its rows and the paragraph after them went."""
    prose = ("The survey asked every school in the region for its fees and intake, and the figures below show "
             "how far apart the first and the last of them still are after ten years of reform.")
    before = [prose.replace("survey", w) for w in ("survey", "study", "census", "review", "poll")]
    rows = [f"{i} School number {i} {10 + i}% {600 - i * 7} ${40_000 - i * 900:,}" for i in range(1, 41)]
    after = "Parents who want to compare two schools should look at the fees and the intake together, not at either alone."
    text = boilerstrip.extract("\n".join([*before, *rows, after]), kind="text").text
    assert before[0] in text and rows[0] in text and rows[-1] in text and after in text


def test_indented_code_keeps_its_indentation() -> None:
    """Lines shaped like source code keep their leading spaces and become code blocks."""
    blocks = segment_text("app.get('/x', async (req) => {\n  const rows = await db.list();\n}));")
    assert [b.role for b in blocks] == ["code", "code", "code"]
    assert blocks[1].text == "  const rows = await db.list();"


@pytest.mark.parametrize("bullet", ["•", "·", "▪", "◦", "●", "■", "►", "▶", "–", "—", "*", "-"])
def test_bullets_are_stripped_into_items(bullet: str) -> None:
    """A line starting with a bullet mark becomes an item without the mark."""
    (b,) = segment_text(f"{bullet} Fresh bread daily")
    assert (b.text, b.role) == ("Fresh bread daily", "item")


def test_minus_number_is_not_a_bullet() -> None:
    """A hyphen glued to a number ("-5 degrees") is a line, not an item."""
    (b,) = segment_text("-5 degrees tonight")
    assert (b.text, b.role) == ("-5 degrees tonight", "line")


def test_lone_bullet_stays_a_line() -> None:
    """A line that is only a bullet mark is kept as a line, not an empty item."""
    (b,) = segment_text("•")
    assert (b.text, b.role) == ("•", "line")


def test_markdown_bold_at_line_start_is_not_a_bullet() -> None:
    """A line opening with **bold** keeps its text and is no item."""
    (b,) = segment_text("**Note** the office is closed on Monday.")
    assert b.role == "line"
    assert b.text == "**Note** the office is closed on Monday."


@pytest.mark.parametrize(("mark", "level"), [("#", 1), ("##", 2), ("###", 3), ("######", 6)])
def test_markdown_heading_marks(mark: str, level: int) -> None:
    """'## Title' becomes a heading of level 2 without the marks."""
    (b,) = segment_text(f"{mark} Getting started")
    assert (b.text, b.role, b.level) == ("Getting started", "heading", level)


@pytest.mark.parametrize("line", ["#hashtag trending", "####### seven marks", "#"])
def test_not_markdown_headings(line: str) -> None:
    """A hashtag, seven marks or a lone # is not a heading."""
    (b,) = segment_text(line)
    assert (b.role, b.text) == ("line", line)


def test_blank_lines_set_after_gap_and_group() -> None:
    """A blank line sets after_gap on the next line and starts a new group; several count once."""
    blocks = segment_text("a\nb\n\nc\n\n\n\nd\ne\n")
    assert [(b.text, b.after_gap, b.group) for b in blocks] == [
        ("a", False, 0),
        ("b", False, 0),
        ("c", True, 1),
        ("d", True, 2),
        ("e", False, 2),
    ]


def test_leading_blank_lines_do_not_start_a_group() -> None:
    """Blank lines before the first text leave it in group 0 (after a gap)."""
    (b,) = segment_text("\n\n\nfirst")
    assert (b.group, b.after_gap, b.line) == (0, True, 3)


def test_whitespace_only_lines_are_blank() -> None:
    """A line of spaces and tabs counts as blank."""
    blocks = segment_text("a\n   \t \nb")
    assert [(b.text, b.after_gap, b.group) for b in blocks] == [("a", False, 0), ("b", True, 1)]


def test_crlf_and_unicode_line_breaks() -> None:
    """CRLF and Unicode line separators split lines too."""
    blocks = segment_text("one\r\ntwo\u2028three\r\n\r\nfour")
    assert [b.text for b in blocks] == ["one", "two", "three", "four"]
    assert blocks[3].after_gap


def test_empty_text_has_no_blocks() -> None:
    """Empty or blank text gives no blocks."""
    assert segment_text("") == []
    assert segment_text("\n \n\t\n") == []


def test_text_blocks_have_no_dom_features() -> None:
    """Dump blocks carry no attrs, landmarks, containers or links."""
    (b,) = segment_text("a line with words")
    assert (b.attrs, b.landmarks, b.containers, b.links, b.tag) == ("", frozenset(), (), 0, "")


def test_pieces_of_a_sentence_split_at_a_link_are_one_block() -> None:
    """A WET-like dump splits a paragraph at its link ("is" / "Kuo" / ", we ..."): the pieces are one block."""
    blocks = segment_text(
        "The report says the screen will stay the same size, although given the source is\n"
        "Kuo\n"
        ", we would not rule out a larger one.\n"
        "A new paragraph starts here.\n"
    )
    assert [b.text for b in blocks] == [
        "The report says the screen will stay the same size, although given the source is\nKuo\n"
        ", we would not rule out a larger one.",
        "A new paragraph starts here.",
    ]
    assert [(b.index, b.line) for b in blocks] == [(0, 0), (1, 3)]


def test_lower_case_lines_are_not_joined() -> None:
    """A line in lower case after an unfinished one stays apart: widget prompts and keyword lists look so."""
    assert len(segment_text("To participate in the discussion\nlog in or register\n")) == 2


def test_finished_lines_gaps_and_menus_stay_apart() -> None:
    """After a full stop, across a blank line, or in a menu of short labels, lines stay their own blocks."""
    assert len(segment_text("The pier closes on Monday for a year.\nengineers will start at once on the piles.\n")) == 2
    assert len(segment_text("The pier closes on Monday for a year of\n\nrepairs that the board approved on Tuesday.\n")) == 2
    assert len(segment_text("news\nsport\nweather and tides\nabout us\n")) == 4


def test_a_sentence_split_at_each_code_span_is_one_block() -> None:
    """A WET-like dump of a docs page prints each inline code span on its own line; the pieces, going on in
    lower case and ending the sentence, are one block."""
    blocks = segment_text(
        "To reload the configuration, run\n"
        "nginx -s reload\n"
        "as root and then read\n"
        "error.log\n"
        "for any warnings.\n"
        "Next steps\n"
    )
    assert [b.text.replace("\n", " ") for b in blocks] == [
        "To reload the configuration, run nginx -s reload as root and then read error.log for any warnings.",
        "Next steps",
    ]


def test_pieces_that_end_a_sentence_and_go_on_with_the_next_are_one_block() -> None:
    """A piece after the emphasised words that opens with the full stop ending their sentence (". The
    board ...") goes on from them, though a capital follows: the paragraph's pieces are one block."""
    blocks = segment_text(
        "Engineers told the board that the repairs would be\n"
        "a long job\n"
        "for the town\n"
        "and its port\n"
        ". The board voted to start them in the spring, before the ferries run again.\n"
        "A new paragraph starts here.\n"
    )
    assert [b.text.split("\n")[-1][:12] for b in blocks] == [". The board ", "A new paragr"]
    assert len(segment_text("Opening hours\nMon\nTue\n. Closed on public holidays.\n")) == 4


def test_a_dump_with_paragraph_gaps_has_no_sentence_chains() -> None:
    """A dump that sets paragraphs apart with blank lines (innerText) prints each one whole: its unfinished
    lines stay apart."""
    text = "Posted in\nreleases\nby the maintainers.\n\nFirst paragraph here.\n\nSecond paragraph here.\n"
    assert len(segment_text(text)) == 5
    assert len(segment_text(text.replace("\n\n", "\n"))) == 3


def test_menus_and_labelled_fields_are_no_sentence_chain() -> None:
    """Short labels one after another (a menu, even one ending in a full stop) and a label with its value
    after a colon stay apart: only pieces that go on from each other and end a sentence are joined."""
    assert len(segment_text("Sell\nWatchlist\niPhone deals\nMy account\nSign out.\n")) == 5
    assert len(segment_text("Office hours\n: Room 3.325, Thursday 4-5\nTeaching fellow\n")) == 3
    assert len(segment_text("To participate in the discussion\nlog in or register\n")) == 2


def test_a_label_with_its_count_in_brackets_is_no_call() -> None:
    """A widget's or an archive's label with a count ("Comments (3)", "Novembro (113)") is a line that phrase
    rules may name; a call with its arguments stays code."""
    blocks = segment_text("Comments (3)\nNovembro (113)\nItems (1,204)\nrender(3)\nparse_args (argv)\n")
    assert [b.role for b in blocks] == ["line", "line", "line", "code", "code"]


def test_a_sentence_whose_full_stop_is_its_own_piece_is_one_block() -> None:
    """A sentence that ends on an inline code span prints its full stop as the next text node: the lone stop
    finishes the chain, and an inline span that reads as a call ("mount(8)") is a piece like a link's text."""
    blocks = segment_text(
        "The tool is documented in\n"
        "mount(8)\n"
        "and its table of entries in\n"
        "fstab(5)\n"
        ".\n"
        "Next steps\n"
    )
    assert [b.text.replace("\n", " ") for b in blocks] == [
        "The tool is documented in mount(8) and its table of entries in fstab(5) .",
        "Next steps",
    ]
    assert len(segment_text("Opening hours\nMon\n.\nTue\n")) == 4  # a stop after no piece that goes on ends nothing


def test_a_line_of_the_pages_own_html_is_no_code_and_no_source_of_concatenations() -> None:
    # A WET dump prints a "Republish this story" box's textarea: the story's HTML on one long line.
    paras = [
        "The harbour board met on Tuesday to weigh the dredging plan, and members said the channel must be "
        "deepened before the autumn storms arrive, or the ferries will have to stop again for several weeks. "
        "The fishing fleet asked for the work to start at the northern quay, where silt builds up fastest. "
        "The board chair said the old crane on the quay will go first, so the barges can moor there all winter.",
        "Engineers told the meeting that two barges could clear most of the channel within a month, though "
        "a third would be needed if the weather turned early. Their estimate rose by a fifth since spring, "
        "mostly because fuel and crew wages have gone up along the whole coast this year.",
        "Several residents objected that the spoil would be dumped too close to the beach, where families "
        "swim in summer and where the dunes already lose ground each winter. The board promised a survey of "
        "the seabed before any barge sails, and a public hearing once the results are known.",
        "Ferry operators welcomed the vote but warned that timetables will stay thin until the dredging "
        "ends, since their larger boats cannot enter at low tide. They expect the full service to return "
        "before Christmas if the autumn storms hold off and the barges keep to the plan.",
    ]
    def linked(p: str) -> str:  # its links' markup parts the story's words: no one text holds a paragraph
        for w in ("dredging", "autumn", "crane"):
            p = p.replace(w, f'<a target="_blank" href="https://example.org/{w}">{w}</a>')
        return p

    markup = " ".join(
        f'<p class="body">{linked(p)}</p> <br />' for p in paras
    ) + " &lt;script src=&quot;/pixel.js&quot;&gt;&lt;/script&gt;"  # its tracking script ends it on a ';'
    dump = "\n".join(["Harbour board backs dredging", *paras, "Republish this story", markup, "Copy to Clipboard"]) + "\n"
    line = next(b for b in segment_text(dump) if b.text.startswith("<p"))
    assert line.role == "line"
    r = boilerstrip.extract(dump, kind="text")
    assert "<p" not in r.text
    assert all(p in r.text for p in paras)
