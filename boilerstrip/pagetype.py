"""What kind of page this is, when it changes how blocks are judged.

Two kinds change the decision today: on a forum or Q&A thread the posts are
the content, not "comments", and the main region is the sequence of posts
rather than the single longest one; on a product page review markup weighs
more (pipeline.PAGE_TYPE_SCALE), as comment markup does beside an article. The kind comes from the page's own
declaration (JSON-LD/OpenGraph type) or, failing that, from the shape of its
URL: a thread's path, or a host that forum software is served from.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

from .model import Metadata
from .rules import load_table

_FORUM_PATH = regex.compile("|".join(load_table("pagetype")["forum"]["path_patterns"]), regex.IGNORECASE)
_FORUM_HOST = regex.compile("|".join(load_table("pagetype")["forum"]["host_patterns"]), regex.IGNORECASE)


def _split(url: str | None) -> tuple[str, str] | None:
    """The URL's host and path, or None (no URL, or one urllib cannot split)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        return parts.hostname or "", parts.path
    except ValueError:
        return None


def forum_url(url: str | None) -> bool:
    """Whether the URL's path has the shape of a forum or Q&A thread ("/threads/...", "viewtopic.php")."""
    parts = _split(url)
    return parts is not None and _FORUM_PATH.search(parts[1] + "/") is not None


def forum_host(url: str | None) -> bool:
    """Whether the URL's host is where forum software is served from ("forum.", "community.")."""
    parts = _split(url)
    return parts is not None and _FORUM_HOST.search(parts[0]) is not None


def page_type(metadata: Metadata) -> str | None:
    """The declared page type, else "forum" when the URL has a forum's shape (path or host), else None."""
    if metadata.page_type:
        return metadata.page_type
    return "forum" if forum_url(metadata.url) or forum_host(metadata.url) else None
