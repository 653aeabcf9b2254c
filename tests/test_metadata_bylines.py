"""Visible authors no declaration names: labelled byline lines and the opening poster of a forum thread."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from boilerstrip.metadata.bylines import byline_names, clean_handle
from boilerstrip.metadata.html import html_metadata
from boilerstrip.model import Metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return html_metadata(LexborHTMLParser(html), url)


def test_written_by_line_names_the_authors() -> None:
    """A short "Written by" line with no author class is read, in English and other languages."""
    m = meta("<body><article><h2>Soil for tomatoes</h2><p>Written by <a href='/team/ana'>Ana Ortiz</a></p>"
             "<p>Tomatoes like a loose soil with plenty of compost mixed in before planting.</p></article></body>")
    assert m.authors == ("Ana Ortiz",)
    de = meta("<body><main><h2>Bodenkunde</h2><div>Geschrieben von Jana Krüger</div><p>Text.</p></main></body>")
    assert de.authors == ("Jana Krüger",)


def test_by_inside_a_sentence_is_no_byline() -> None:
    """"by" that starts a long paragraph, or a lower-case word after it, names nobody."""
    long = meta("<body><article><p>By the river the old mill still turns, as it has done for two hundred years "
                "and more, though nobody grinds flour there any more.</p></article></body>")
    assert long.authors == ()
    lower = meta("<body><article><span>by the way</span></article></body>")
    assert lower.authors == ()


def test_forum_thread_starter_from_username_markup() -> None:
    """On a thread the opening message's poster is the author, handle digits and all."""
    page = ("<body><h1>Fan noise after the update</h1>"
            "<div class='post'><a class='username' href='/members/quiet42.17/'>quiet42</a><p>My fan spins.</p></div>"
            "<div class='post'><a class='username' href='/members/bo.9/'>bo</a><p>Same here.</p></div></body>")
    assert meta(page, url="https://forum.example/threads/fan-noise.123/").authors == ("quiet42",)
    # The same markup on a page that is no thread is not read as a poster.
    assert meta(page, url="https://shop.example/fans/quiet").authors == ()


def test_forum_poster_from_data_attribute_and_profile_link() -> None:
    """data-author-username and a profile link name the poster; account-menu links never do."""
    attr = meta("<body><div data-author-username='user3080'><p>How does this work?</p></div></body>",
                url="https://qa.example/questions/1/how")
    assert attr.authors == ("user3080",)
    link = meta("<body><a href='/user/login'>Log in</a><h1>Route on a phone</h1>"
                "<p><a href='/user/luiz4'>luiz4</a> wrote:</p><p>How do I show it?</p></body>",
                url="https://community.example/topic/4/route")
    assert link.authors == ("luiz4",)


def test_clean_handle_rejects_menu_words_and_numbers() -> None:
    """Handles may hold digits and dots; menu words, bare numbers and sentences are no handles."""
    assert clean_handle("@b.scherer") == "b.scherer"
    assert clean_handle("archuser38013") == "archuser38013"
    assert clean_handle("Sign in") is None
    assert clean_handle("12345") is None
    assert clean_handle("this is far too many words for a handle") is None


def test_template_key_is_no_author() -> None:
    """An unrendered template variable in the author meta is dropped."""
    assert meta('<meta name="author" content="page.head.extra.author"><body></body>').authors == ()


def test_byline_names_drop_date_job_and_update_note() -> None:
    """A visible byline line gives its names without the date, the job title or an "Updated" note after them."""
    assert byline_names("Lena Park December 17, 2025") == ("Lena Park",)
    assert byline_names("Omar Haddad , Senior Director, Content & Marketing, Example Group") == ("Omar Haddad",)
    assert byline_names("This post was written by Rita Gomes, Head of Growth") == ("Rita Gomes",)
    assert byline_names("Tom Berg ⋅ Founder ⋅ Updated Mar 3, 2025") == ("Tom Berg",)
    assert byline_names("Ivo Kranj - 2025-09-13 Updated: 2025-09-13") == ("Ivo Kranj",)
    assert byline_names("Ann Lee, Bo Chen and Cy Dee") == ("Ann Lee", "Bo Chen", "Cy Dee")
    assert byline_names("Olive Reyes Sat, 20 Dec, 2025 - 06:36") == ("Olive Reyes",)
    assert byline_names("Sat, 20 Dec, 2025 - 06:36") == ()


@pytest.mark.parametrize(
    ("html", "name"),
    [
        pytest.param('<body><article><h1>Sleep tips for toddlers that work</h1><div class="elementor-widget-container">'
                     '<a href="/author/nina/"><span class="post-info__item--type-author">By Nina Ford</span></a>'
                     "</div></article></body>", "Nina Ford", id="builder-widget-wrapper"),
        pytest.param("<body><article><h2>Pricing a yoga class</h2><p><span>Written by</span> <a href='/t/e'>Eliz Park"
                     "</a></p><p>What to charge depends on the room and the city.</p></article></body>", "Eliz Park",
                     id="label-in-first-child"),
        pytest.param("<body><article><h1>Caching at the edge, explained</h1><div class='post-author'><span>Lena Park"
                     "</span><span>December 17, 2025</span></div><p>Edge caches keep copies of responses close to"
                     " readers.</p></article></body>", "Lena Park", id="date-in-the-same-element"),
    ],
)
def test_visible_byline_element_yields_its_name(html: str, name: str) -> None:
    """A byline element is read through what surrounds its name: a page builder's "widget" wrapper, a label in
    its first child ("<span>Written by</span> <a>Name</a>", read from its own text), a date in the same element."""
    assert meta(html).authors == (name,)


def test_publisher_as_declared_author_yields_to_a_visible_person() -> None:
    """A declared author that is the site itself gives way to the person the visible byline names."""
    page = ('<head><script type="application/ld+json">{"@type": "BlogPosting", "headline": "Pricing a yoga class",'
            ' "author": {"@type": "Organization", "name": "Studio Tools"}}</script></head><body><article>'
            "<h1>Pricing a yoga class</h1><div class='byline'>Mara Quinn</div><p>Start from your costs.</p>"
            "</article></body>")
    assert meta(page, "https://studiotools.example/blog/pricing").authors == ("Mara Quinn",)
    no_person = page.replace("<div class='byline'>Mara Quinn</div>", "<div class='byline'>Save as PDF</div>")
    assert meta(no_person, "https://studiotools.example/blog/pricing").authors == ("Studio Tools",)


def test_a_person_declared_as_author_is_kept() -> None:
    """A declared person is not replaced by a visible name: only the publisher is."""
    page = ('<head><meta name="author" content="Mara Quinn"></head><body><article><h1>Pricing a yoga class</h1>'
            "<div class='byline'>Ravi Shah</div><p>Start from your costs.</p></article></body>")
    assert meta(page, "https://studiotools.example/blog/pricing").authors == ("Mara Quinn",)


def test_byline_in_the_articles_own_footer() -> None:
    """An <article>'s own <footer> holds its byline; the page's footer does not."""
    m = meta("<body><article><h1>What tutoring is</h1><p>Tutoring helps students learn on their own.</p>"
             "<footer class='meta'><div class='author'>Nadia Holm</div></footer></article>"
             "<footer><div class='author'>Site Team Member</div></footer></body>")
    assert m.authors == ("Nadia Holm",)
    outside = meta("<body><article><h1>What tutoring is</h1><p>Tutoring helps students learn.</p></article>"
                   "<footer><div class='author'>Nadia Holm</div></footer></body>")
    assert outside.authors == ()


def test_quoted_speaker_is_not_the_author() -> None:
    """A person quoted in the story (a pull quote's <footer>/<cite>, "said ...") is no byline."""
    page = ("<body><article><h1>Harbour to reopen in May</h1><p>By Mara Quinn</p>"
            "<p>“We are ready,” said harbour master Omar Haddad, who has run the port since 2019.</p>"
            "<blockquote><p>It is the busiest spring we have seen.</p><footer>— <cite>Rita Gomes</cite>"
            "</footer></blockquote><p>Ferries will run every hour from the first of May.</p></article></body>")
    assert meta(page).authors == ("Mara Quinn",)
    assert meta(page.replace("<p>By Mara Quinn</p>", "")).authors == ()
