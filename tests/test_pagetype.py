"""Page types: declared, else read from the shape of the URL (a forum's path or host)."""

from __future__ import annotations

import pytest

from boilerstrip.model import Metadata
from boilerstrip.pagetype import page_type


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/threads/chain-skips-on-the-smallest-cog.4411/",
        "https://example.org/viewtopic.php?t=361697",
        "https://forum.example.org/some-category/first-trip-to-the-coast",
        "https://community.example.com/travel/first-trip-to-the-coast",
        "https://discuss.example.net/d/2068-kinds-of-threads",
    ],
)
def test_a_thread_url_makes_a_forum_page(url: str) -> None:
    """A thread's path ("/threads/", "viewtopic.php") or a forum software host ("forum.", "community.")
    makes an undeclared page a forum thread."""
    assert page_type(Metadata(url=url)) == "forum"


@pytest.mark.parametrize(
    "url", ["https://example.org/news/2024/ferry-timetable", "https://forumstreet.example.com/shop/lamps", None]
)
def test_other_urls_say_nothing(url: str | None) -> None:
    """An ordinary path, a host that only starts with the letters of "forum", or no URL: no page type."""
    assert page_type(Metadata(url=url)) is None


def test_a_declared_type_wins_over_the_url() -> None:
    """A page that declares itself an article stays one on a forum host."""
    assert page_type(Metadata(url="https://community.example.com/blog/release-notes", page_type="article")) == "article"
