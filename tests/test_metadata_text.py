"""Metadata of a text dump without a prelude: thread subjects, headlines, post-header bylines."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip.metadata.bylines import line_byline

BODY = (
    "Our old apple tree carried so much fruit last year that two branches broke, and this spring it "
    "hardly flowered at all, which the neighbours say is normal for old varieties like ours."
)


def test_a_thread_subject_that_replies_repeat_is_the_title() -> None:
    """The subject line that a reply repeats after "Re:" is the title, not the page counter above it."""
    dump = "\n".join([
        "Forum index", "Fruit trees", "Apple tree fruits only every other year", "", "Post a reply", "",
        "5 posts • Page 1 of 1", "", "Apple tree fruits only every other year", "", BODY, "",
        "Re: Apple tree fruits only every other year", "", BODY.replace("apple", "pear"),
    ])  # fmt: skip
    assert boilerstrip.extract(dump, kind="text").title == "Apple tree fruits only every other year"


def test_a_salutation_is_no_headline() -> None:
    """A short line ending in a comma ("Hello everyone,") opens a message; it is not the title."""
    dump = "\n".join(["Menu", "Fruit trees", "Apple tree fruits only every other year", "", "Hello everyone,", "", BODY])
    assert boilerstrip.extract(dump, kind="text").title != "Hello everyone,"
    assert boilerstrip.extract(dump.replace("everyone,", "everyone"), kind="text").title == "Hello everyone"


@pytest.mark.parametrize(("line", "name"), [
    ("Beitrag von Kleingärtner_Jens » Mo 3. Jun 2024, 18:22", "Kleingärtner_Jens"),
    ("Post by Gravelgran » Sun Apr 14, 2024 7:02 pm", "Gravelgran"),
    ("Message par Marie_L » lun. 3 juin 2024 18:22", "Marie_L"),
    ("By Ann Lee | Staff", "Ann Lee"),
])  # fmt: skip
def test_post_header_names_end_at_the_separator(line: str, name: str) -> None:
    """Forum post headers ("Post by NAME » date") name the poster; the name ends at » or |."""
    assert line_byline(line) == (name,)


def test_a_prelude_declaring_a_type_gives_the_page_type() -> None:
    """A prelude that prints the JSON-LD @type values declares the page type as the HTML does; an FAQ's
    Question makes no thread of the page, and a prelude without type names declares nothing."""
    values = ["https://shop.example/bench", "https://shop.example/img/bench.jpg", "2024-03-01", "49.00", "usd",
              "garden", "furniture", "en_GB"]

    def dump(*types: str) -> str:
        return "\n".join([values[0], *types, "Garden bench", *values[1:], "", "Garden bench", BODY, BODY])

    assert boilerstrip.extract(dump("WebSite", "Product"), kind="text").page_type == "product"
    assert boilerstrip.extract(dump("FAQPage", "Question", "Product"), kind="text").page_type == "product"
    assert boilerstrip.extract(dump("Question"), kind="text").page_type == "forum"
    assert boilerstrip.extract(dump(), kind="text").page_type is None


def test_a_headline_opening_a_group_far_above_the_body_beats_a_delivery_note() -> None:
    """Where blank lines part a dump, the title is the line opening a group (a product's name above its
    rating, prices and pickers), not the last line of that group right above the description."""
    pickers = [f"Size {s}" for s in ("S", "M", "L", "XL")] * 4
    dump = "\n".join([
        "Shop", "Cart", "", "Ridgeback Insulated Hiking Jacket", "4.6 out of 5 stars", "$149.00", *pickers,
        "Add to cart", "Free returns within 60 days", "", "Description", BODY,
    ])  # fmt: skip
    assert boilerstrip.extract(dump, kind="text").title == "Ridgeback Insulated Hiking Jacket"


def test_a_headline_right_above_the_body_across_a_gap_is_still_found() -> None:
    """A dump without blank lines around its headline: the headline-shaped line right above the first
    paragraph is the title, also when a blank line parts them."""
    dump = "\n".join(["Home", "News", "Sport", "Council approves new cycle lane", "", BODY])
    assert boilerstrip.extract(dump, kind="text").title == "Council approves new cycle lane"


def test_a_menu_facet_or_an_author_box_tab_is_no_dumped_byline() -> None:
    """A filter menu's "By Role" and the "Recent Posts" tab under an author box's "Author" label name no one;
    the real byline further down still does."""
    menu = "Solutions\nBy Role\nBy Industry\nPricing\n\nHow we plan a garden\n\nBy Ann Lee\n\n" + BODY + "\n"
    assert boilerstrip.extract(menu, kind="text").metadata.authors == ("Ann Lee",)
    tabs = "How we plan a garden\n\n" + BODY + "\n\nAuthor\nRecent Posts\nFollow me\n"
    assert boilerstrip.extract(tabs, kind="text").metadata.authors == ()
