"""What kind of page this is, when it changes how blocks are judged.

Two kinds change the decision today: on a forum or Q&A thread the posts are
the content, not "comments", and the main region is the sequence of posts
rather than the single longest one; on a product page review markup weighs
more (pipeline.PAGE_TYPE_SCALE), as comment markup does beside an article. The kind comes from the page's own
declaration (JSON-LD/OpenGraph type) or, failing that, from the shape of its
URL path.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

from .model import Metadata
from .rules import load_table

_FORUM_PATH = regex.compile("|".join(load_table("pagetype")["forum"]["path_patterns"]), regex.IGNORECASE)


def forum_url(url: str | None) -> bool:
    """Whether the URL's path has the shape of a forum or Q&A thread ("/threads/...", "viewtopic.php")."""
    if not url:
        return False
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return _FORUM_PATH.search(path + "/") is not None


def page_type(metadata: Metadata) -> str | None:
    """The declared page type, else "forum" when the URL path has a forum's shape, else None."""
    if metadata.page_type:
        return metadata.page_type
    return "forum" if forum_url(metadata.url) else None
