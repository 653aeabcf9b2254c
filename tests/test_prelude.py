"""The metadata prelude of text dumps: found as a change point, snapped to the blank line, or absent."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip.model import Metadata
from boilerstrip.segment.prelude import is_value_line, mark_prelude, prelude_end
from boilerstrip.segment.text import segment_text

PRELUDE = """Harbor Gazette
https://news.example.com/2024/03/05/ferry-service-returns-1234.html
Ferry Service Returns to the Island After Winter Break
Ferry Service Returns to the Island After Winter Break
2024-03-05T09:30:00+00:00
2024-03-05T11:02:00+00:00
ferries
island life
transport
https://cdn.example.com/img/ferry_1920x1080.jpg
1920
1080
Harbor Gazette
contact@example.com
+44 20 7946 0000
Harbor Gazette
contact@example.com
+44 20 7946 0000
en_GB
"""
VISIBLE = """
Home
News
Sport
Weather

Ferry Service Returns to the Island After Winter Break
The morning ferry left the harbour at seven o'clock on Tuesday, the first crossing since the \
service was suspended for the winter storms in November.
Passengers said they were glad to see the boat back, and the operator said it would run four \
crossings a day until the end of the summer season.
"""
DUMP = PRELUDE + VISIBLE


def test_seed_like_dump_prelude_ends_at_the_blank_line() -> None:
    """The prelude of a scraper dump ends at the blank line before the visible page."""
    blocks = segment_text(DUMP)
    end = prelude_end(blocks)
    assert end == PRELUDE.count("\n")
    assert blocks[end].text == "Home"
    assert blocks[end].after_gap


def test_mark_prelude_relabels_only_the_prelude() -> None:
    """mark_prelude gives the prelude's lines role "meta" and leaves the rest as they were."""
    blocks = segment_text(DUMP)
    marked = mark_prelude(blocks)
    end = prelude_end(blocks)
    assert [b.role for b in marked[:end]] == ["meta"] * end
    assert marked[end:] == blocks[end:]
    assert [b.text for b in marked] == [b.text for b in blocks]


def test_prelude_without_blank_line_ends_near_the_change_point() -> None:
    """Without a blank line to snap to, the prelude still ends before the first prose line."""
    dump = PRELUDE + VISIBLE.replace("\n\n", "\n").lstrip("\n")
    blocks = segment_text(dump)
    end = prelude_end(blocks)
    prose = next(i for i, b in enumerate(blocks) if b.text.startswith("The morning ferry"))
    assert PRELUDE.count("\n") - 2 <= end < prose


_MENU = "Search\nSubscribe\nsign in\nHealth\nFitness\nNewsletter\n"


@pytest.mark.parametrize(
    "dump",
    [
        # An innerText dump of headline and paragraphs.
        pytest.param("Ferry Service Returns\n\n"
                     "The morning ferry left the harbour at seven o'clock on Tuesday.\n\n"
                     "Passengers said they were glad to see it back after the winter.\n\n"
                     "The operator said there would be four crossings a day.\n", id="plain-inner-text"),
        # A dump whose first lines are a Title Case menu.
        pytest.param("Home\nNews\nSport\nWeather\nBusiness\nCulture\nTravel\nContact Us\nAbout Us\nSign In\n\n"
                     "Ferry Service Returns\n"
                     "The morning ferry left the harbour at seven o'clock on Tuesday, the first crossing of the year.\n"
                     "Passengers said they were glad.\n", id="menu-first"),
        # Fewer than six value-shaped lines.
        pytest.param("https://example.com/a\n2024-01-01\nnews\n\nA headline\nSome prose follows here in a sentence.\n",
                     id="few-value-lines"),
        # A menu printed twice (desktop and mobile) repeats, but holds no ids, URLs or dates.
        pytest.param(_MENU * 2 + "\nThe Seven Biggest Nutrition Trends\n" + "Eating well is simpler than it looks. " * 8
                     + "\n", id="menu-printed-twice-before-a-blank-line"),
    ],
)
def test_no_prelude(dump: str) -> None:
    """Headline and paragraphs, a menu first (once or twice) or too few value lines make no prelude."""
    assert prelude_end(segment_text(dump)) == 0


_NAV = "".join(f"{w}\n" for w in (
    "Work", "Agency", "Brand", "Media", "Technology", "Blog", "Careers", "Contact", "Clients", "Awards", "Studio",
    "hello@studio.example", "+1 316 555 0142",
))  # fmt: skip


@pytest.mark.parametrize(
    "dump",
    [
        # A WET-like dump (no blank line) printing its menu and contact line twice, desktop and mobile.
        pytest.param(_NAV + "Marketing made to meet your business goals.\nWe plan, design and build campaigns.\n" + _NAV,
                     id="menu-and-contact-printed-twice"),
        # A WET-like dump of a wiki page of commands and paths: values by shape to its end, no blank line.
        pytest.param("Units\n" + "".join(
            f"systemctl start unit{i}.service\n/etc/systemd/system/unit{i}.service\nsee also\nUnit {i} starts at boot\n"
            for i in range(12)) + "Retrieved from the wiki\n", id="wet-page-of-commands-and-paths"),
    ],
)
def test_no_prelude_in_repeats_and_page_values(dump: str) -> None:
    """A menu that repeats and a page whose text is commands and paths are no prelude: a prelude's
    lines are values by shape, and one that no blank line ends holds less than the text after it."""
    assert prelude_end(segment_text(dump)) == 0


def test_prelude_ends_at_the_blank_line_after_its_last_url_or_date() -> None:
    """A lower-case menu after the blank line passes for values, but holds no URL, e-mail, phone or
    date: the prelude ends at the blank line after its last one."""
    menu = "\n" + "".join(f"{w}\n" for w in ("home", "news", "sport", "weather", "culture", "travel", "video", "podcasts"))
    blocks = segment_text(PRELUDE + menu + VISIBLE)
    assert prelude_end(blocks) == PRELUDE.count("\n")
    assert blocks[prelude_end(blocks)].text == "home"


def test_prelude_ends_at_the_blank_line_after_its_meta_texts() -> None:
    """The meta tags' texts printed after the JSON-LD values (a site's name and slogan, the title with it, a
    description) are no values by shape and end the change point early; the blank line a few lines on
    ends the prelude, where no prose line stands between."""
    metas = ("Harbor Gazette | News from the island\nHarbor Gazette | News from the island: Ferry Service Returns\n"
             "article\nIsland news and weather every morning\n")  # fmt: skip
    blocks = segment_text(PRELUDE + metas + VISIBLE)
    assert blocks[prelude_end(blocks)].text == "Home"
    prose = "The ferry board met on Monday and agreed, after a long debate, to restart the service in March.\n"
    blocks = segment_text(PRELUDE + prose + prose.replace("Monday", "Friday") + metas + VISIBLE)
    assert blocks[prelude_end(blocks)].text.startswith("The ferry board")


def test_empty_blocks_have_no_prelude() -> None:
    """No blocks, no prelude."""
    assert prelude_end([]) == 0
    assert mark_prelude([]) == []


@pytest.mark.parametrize(
    "line",
    [
        "https://example.com/a/b.html",
        "//cdn.example.com/x.png",
        "editor@example.com",
        "+1 (555) 010-0199",
        "252",
        "-3.5",
        "45%",
        "2024-03-05",
        "2024-03-05T09:30:00+00:00",
        "/html/head/meta[@name='og:title']/@content",
        "true",
        "null",
        "en_GB",
        "de",
        "island life",
        "ferries, island life, transport",
        "BlogPosting",
        "Person",
    ],
)
def test_value_lines(line: str) -> None:
    """URLs, e-mails, phones, numbers, ISO dates, XPaths, booleans, locales, tags and schema.org type names
    are value lines."""
    assert is_value_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ferry Service Returns to the Island After Winter Break",
        "The morning ferry left the harbour at seven o'clock on Tuesday.",
        "Home",
        "Harbor Gazette",
        "Services",
        "https://example.com/" + "a" * 300,
    ],
)
def test_not_value_lines(line: str) -> None:
    """Headlines, sentences, Title Case words and over-long lines are not value lines."""
    assert not is_value_line(line)


def test_short_prelude_before_the_first_blank_line() -> None:
    """A few printed values (a description twice, a card type, an id) ended by a blank line are a prelude."""
    dump = (
        "Tips for keeping basil alive indoors through the winter, from light to watering and pruning.\n"
        "Keeping Basil Alive Indoors\n"
        "Tips for keeping basil alive indoors through the winter, from light to watering and pruning.\n"
        "website\nsummary_large_image\n4f1c9a2e-77b0-4c55-9a3e-0d2b1c8e5f10\n\n"
        "Home\nGarden\nKeeping Basil Alive Indoors\n"
        "Basil wants six hours of light a day, which a south-facing window gives even in December, "
        "and it wants its soil to dry a little between waterings.\n"
        "Pinch off the flower buds as soon as they show, or the plant puts its strength into seed "
        "and the leaves turn bitter within a week or two.\n"
    )
    blocks = segment_text(dump)
    assert prelude_end(blocks) == 6
    assert blocks[6].text == "Home"


def _dump_meta(dump: str) -> Metadata:
    from boilerstrip.metadata.text import text_metadata

    return text_metadata(mark_prelude(segment_text(dump)))


def test_dump_metadata_from_type_lines_and_the_visible_page() -> None:
    """Printed type names give the headline and the author; a date missing from the prelude comes from the page."""
    dump = (
        "https://schema.org\nBlogPosting\nhttps://blog.example/basil#article\nKeeping Basil Alive Indoors\n"
        "Person\nhttps://blog.example/#person/1\nMara Quist\nOrganization\nThe Windowsill Gardener\n"
        "https://blog.example/logo.png\n512\n512\nen\n\n"
        "Home\nGarden\nKeeping Basil Alive Indoors\nMarch 3, 2024\n"
        "Basil wants six hours of light a day, which a south-facing window gives even in December, "
        "and it wants its soil to dry a little between waterings.\n"
    )
    meta = _dump_meta(dump)
    assert (meta.title, meta.authors, meta.date) == ("Keeping Basil Alive Indoors", ("Mara Quist",), "2024-03-03")


BODY = ("Basil wants six hours of light a day, which a south-facing window gives even in December, "
        "and it wants its soil to dry a little between waterings.\n")


def test_dump_title_is_the_repeated_value_not_the_site_affix() -> None:
    """The headline that og:title, twitter:title and the page repeat wins over the site name they end with."""
    dump = ("https://www.windowsill.example/basil\nThe Windowsill Gardener\nWebSite\nThe Windowsill Gardener\n"
            "Can basil live indoors all winter? | The Windowsill Gardener\n2024-03-03T08:00:00+00:00\n"
            "Can basil live indoors all winter?\nhttps://www.windowsill.example/img/basil.jpg\nen_GB\n\n"
            "The Windowsill Gardener\nHome\nHerbs\nShop\nCan basil live indoors all winter?\n" + BODY)
    meta = _dump_meta(dump)
    assert meta.title == "Can basil live indoors all winter?"
    assert meta.language == "en-GB"


def test_dump_author_is_the_first_person_not_the_people_quoted() -> None:
    """The author object comes first; the people an article mentions are Person objects printed after it."""
    dump = ("https://schema.org\nNewsArticle\nhttps://news.example/a\nBakery chain opens eighty shops\nPerson\n"
            "https://news.example/#p1\nLena Park\n2024-05-02T09:00:00Z\nPerson\nOmar Haddad\nPerson\nRita Gomes\n"
            "https://news.example/logo.png\n\nBakery chain opens eighty shops\n" + BODY)
    assert _dump_meta(dump).authors == ("Lena Park",)


def test_dump_byline_lines_of_several_shapes() -> None:
    """Bylines a dump glues or prefixes with their date are read; prose with "by" in it is not."""
    for line, name in [("Written By Lena Park", "Lena Park"), ("ByLena Park", "Lena Park"),
                       ("Published August 7, 2023 by Lena Park", "Lena Park"),
                       ("By Lena ParkPublished: Dec 20, 2023", "Lena Park")]:
        dump = f"Home\nNews\nBakery chain opens eighty shops\n{line}\n{BODY}"
        assert _dump_meta(dump).authors == (name,), line
    assert _dump_meta(f"Home\nNews\nStand by me\nby the river we sat\n{BODY}").authors == ()


def test_dump_dates_published_is_the_earlier_and_written_dates_count() -> None:
    """dateModified printed before datePublished does not become the date; "Dec 03, 2025" is a date value."""
    dump = ("https://schema.org\nBlogPosting\nhttps://blog.example/basil\nKeeping Basil Alive Indoors\n"
            "2025-02-12T13:28:34+00:00\n2020-03-10T15:30:00+00:00\nhttps://blog.example/img/basil.jpg\nen\n\n"
            "Keeping Basil Alive Indoors\n" + BODY)
    meta = _dump_meta(dump)
    assert (meta.date, meta.date_modified) == ("2020-03-10T15:30:00+00:00", "2025-02-12T13:28:34+00:00")
    written = dump.replace("2025-02-12T13:28:34+00:00\n2020-03-10T15:30:00+00:00", "Dec 03, 2025\nDec 03, 2025")
    assert _dump_meta(written).date == "2025-12-03"


def test_a_prelude_of_json_ld_values_with_their_type_names_is_found() -> None:
    """A scraper printing the JSON-LD leaf values prints "@type" too: with the type names counted as values,
    a short prelude of context, types, a path, dates and a person is a prelude, and its author and headline
    are read from it (before, it passed for visible text and the dump had no author)."""
    dump = ("https://schema.org\nBlogPosting\n/blog/basil-indoors\nKeeping Basil Alive Indoors\n"
            "Tips for keeping basil alive indoors through the winter, from light to watering and pruning.\n"
            "https://images.example.net/basil.jpg\n2024-01-23T13:44:00+00:00\n2024-01-23T13:44:00+00:00\n"
            "Person\nMara Quist\nhttps://blog.example/contributors/mara-quist\nCorporation\nWindowsill\n\n"
            "Home\nGarden\nKeeping Basil Alive Indoors\n" + BODY + BODY.replace("Basil", "Mint"))
    blocks = mark_prelude(segment_text(dump))
    assert [b.role for b in blocks].count("meta") == 13
    meta = _dump_meta(dump)
    assert (meta.title, meta.authors) == ("Keeping Basil Alive Indoors", ("Mara Quist",))


@pytest.mark.parametrize("label", ["Written By", "Author:", "About the Author", "Autor", "by"])
def test_dump_byline_label_alone_names_the_line_below(label: str) -> None:
    """A dump prints a byline's label and its name as two lines ("Written By" / "Mara Quist"), in the page
    or in the prelude (a card's label and data values); the name is the author and never the title."""
    dump = f"Home\nGarden\nKeeping Basil Alive Indoors\n{label}\nMara Quist\n{BODY}"
    assert _dump_meta(dump).authors == ("Mara Quist",)
    assert _dump_meta(f"Home\nGarden\nKeeping Basil Alive Indoors\nAuthors\n{BODY}").authors == ()
    # a label whose own value is missing: the next label is no name
    assert _dump_meta(f"Home\nBasil Alive Indoors\n{label}\nEst. reading time\n9 minutes\n{BODY}").authors == ()
    prelude = ("Keeping Basil Alive Indoors\nhttps://blog.example/basil\n2024-08-13T21:51:06+00:00\n"
               "https://blog.example/img/basil.jpg\n812\n431\nimage/jpeg\nMara Quist\nsummary_large_image\n"
               f"{label}\nMara Quist\nEst. reading time\n9 minutes\n\nHome\nKeeping Basil Alive Indoors\n{BODY}")
    meta = _dump_meta(prelude)
    assert (meta.authors, meta.title) == (("Mara Quist",), "Keeping Basil Alive Indoors")


@pytest.mark.parametrize("dump", ["About the Author", "Home\nWritten By", "Author:\n"])
def test_dump_that_ends_on_a_byline_label_has_no_author(dump: str) -> None:
    """A label on the dump's last line has no line below it to name: no author, and no error."""
    assert boilerstrip.extract(dump).metadata.authors == ()


_LABELS = "".join(f"{w}\n" for w in (
    "https://forum.example.net/story/2291", "2024-11-02", "reply", "flag", "share", "insightful", "funny",
    "offtopic", "reply", "flag", "share", "insightful", "funny", "offtopic", "hidden", "score",
))  # fmt: skip
_QUOTED = (
    "Posted by an editor\n"
    "“Graduates are finding that the degree alone no longer opens the doors it opened five years ago,” "
    "said a lecturer at the college. [...]\n"
    "\"There is a sombre mood among the students who finish this spring,\" said one of them, who asked not "
    "to be named.\n"
    "Employers told the survey that they now hire fewer beginners and more people with experience.\n"
)


def test_quoted_paragraphs_end_a_wet_dumps_run_of_labels() -> None:
    """A WET-like dump whose repeated lower-case labels pass for values: the first two paragraphs in a row,
    even when they open with a quote mark or end on an elision's bracket, are visible text, and the prelude
    cannot reach past them."""
    comments = "".join(f"Comment {i}: I finished the same course and found work only after a year of looking.\n" for i in range(20))
    blocks = segment_text(_LABELS + _QUOTED + _LABELS + "\n" + comments)
    end = prelude_end(blocks)
    assert end <= next(i for i, b in enumerate(blocks) if b.text.startswith("“Graduates"))


def test_a_paragraph_printed_in_pieces_is_a_prose_line_that_ends_the_prelude() -> None:
    """A WET-like dump prints a paragraph a piece per link; joined, the block keeps the line breaks, and it is
    still a prose line: two of them end the prelude, though lower-case labels and paths (values by shape) come
    after them. Read as no prose, they let the change point run on past them (here so far that it failed its
    checks and the dump had no prelude; on a docs page, over its first half)."""
    para = ("The ferry board met on Monday and agreed, after a long debate with the\nharbour\n"
            "committee, to restart the service in March on the old timetable.\n")  # fmt: skip
    labels = "".join(f"/etc/ferry/route-{n}.conf\nroute {n}\nharbour {n}\n" for n in range(12))
    dump = PRELUDE + para + para.replace("Monday", "Friday") + labels + para.replace("board", "council")
    blocks = segment_text(dump)
    first = next(i for i, b in enumerate(blocks) if b.text.startswith("The ferry board met on Monday"))
    assert "\n" in blocks[first].text
    assert prelude_end(blocks) == first
