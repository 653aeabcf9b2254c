"""Metadata of a plain-text dump: from its metadata prelude, else from line heuristics.

A prelude (see segment.prelude) holds the page's declared values one per line
but without their keys, so each field is recognised by shape: the page URL is
the first URL that is not an image, dates are ISO timestamps, the language is a
locale code, the title is the prelude line the visible page repeats as its
headline, the publisher is the name the prelude repeats most, tags are the
lower-case short lines and the comma-separated keyword lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import regex

from ..model import Block, Metadata
from ..segment.prelude import header_end
from .normalize import (
    clean_author,
    clean_title,
    normalize_date,
    normalize_language,
    split_authors,
    title_parts,
)

URL = regex.compile(r"^(?:https?:)?//\S+$")
IMAGE_URL = regex.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)(?:$|[?#_])|/img/|/images?/", regex.I)
ISO_DATE = regex.compile(r"^\d{4}-\d{2}-\d{2}(?:[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
LOCALE = regex.compile(r"^[a-z]{2}(?:[_-][A-Za-z]{2,4})?$")
LOWER_TAG = regex.compile(r"^[\p{Ll}\p{N}][\p{Ll}\p{N}\s'()&.-]{0,40}$")
# Possessive quantifiers: a 28,000-character line of commas and spaces must fail at once.
KEYWORDS = regex.compile(r"^[^,]{2,40}+(?:,\s*+[^,]{2,40}+){1,30}+$")
WORD = regex.compile(r"\w+")
# "Ends a sentence and has a letter": as one pattern (\p{L}.*[.!?]$) it is quadratic on long lines.
SENTENCE_END = regex.compile(r"[.!?。！？]$")
LETTER = regex.compile(r"\p{L}")
VALUE_WORDS = frozenset({"true", "false", "null", "none", "news", "article"})
TITLE_MAX = 200


def _sentence(t: str) -> bool:
    return SENTENCE_END.search(t) is not None and LETTER.search(t) is not None


def _is_url(t: str) -> bool:
    return URL.match(t) is not None


def _tags(lines: Sequence[str]) -> tuple[str, ...]:
    tags: list[str] = []
    for t in lines:
        if _is_url(t) or ISO_DATE.match(t) or t.casefold() in VALUE_WORDS or LOCALE.match(t):
            continue
        if len(t) <= 600 and KEYWORDS.match(t) and t == t.lower():
            tags += [k.strip() for k in t.split(",") if k.strip()]
        elif LOWER_TAG.match(t) and not t.replace(" ", "").isdigit():
            tags.append(t)
    return tuple(dict.fromkeys(tags))


def _title(prelude: Sequence[str], visible: Sequence[Block]) -> str | None:
    """The headline: a prelude line the visible page shows before its first paragraph, or one repeated."""
    first_para = next((i for i, b in enumerate(visible) if len(b.text) >= 150), len(visible))
    shown = {b.text for b in visible[: first_para + 1]}
    counts = Counter(prelude)
    candidates = [
        t for t in prelude
        if len(t) <= TITLE_MAX and len(t.split()) >= 3 and not _is_url(t) and not _sentence(t)
        and not t[:1].islower()
    ]  # fmt: skip
    if not candidates:
        return None
    best = max(candidates, key=lambda t: (2 * (t in shown) + (counts[t] > 1), -prelude.index(t)))
    return best if best in shown or counts[best] > 1 else None


def _sitename(prelude: Sequence[str], title: str | None) -> str | None:
    counts = Counter(
        t for t in prelude
        if t != title and not _is_url(t) and not ISO_DATE.match(t) and "@" not in t and not t[:1].isdigit()
        and not t[:1].islower() and not t.startswith("+") and len(t) <= 80 and not _sentence(t)
    )  # fmt: skip
    if not counts:
        return None
    name, n = max(counts.items(), key=lambda kv: (kv[1], -prelude.index(kv[0])))
    return name if n > 1 else None


def _dates(lines: Sequence[str]) -> list[str]:
    out: list[str] = []
    for t in lines:
        if ISO_DATE.match(t):
            d = normalize_date(t)
            if d and d not in out:
                out.append(d)
    return out


def _description(prelude: Sequence[str], title: str | None, body: str | None, visible: Sequence[Block]) -> str | None:
    """The sentence-shaped prelude line that shares most words with the page's text and title.

    A dump's prelude often holds two descriptions, the site's and the article's;
    the article's is the one whose words the article uses.
    """
    candidates = [
        t for t in prelude
        if t != title and t != body and _sentence(t) and 40 <= len(t) <= 400 and not _is_url(t)
    ]  # fmt: skip
    if not candidates:
        return None
    # The article's words: its title, its declared body, its long lines (menus would favour the site's blurb).
    prose = [b.text for b in visible[:200] if len(b.text) >= 150]
    text_words = set(WORD.findall(" ".join([title or "", body or "", *prose]).lower()))

    def overlap(t: str) -> float:
        words = WORD.findall(t.lower())
        return sum(w in text_words for w in words) / max(len(words), 1)

    return max(candidates, key=lambda t: (overlap(t), -prelude.index(t)))


def prelude_metadata(prelude: Sequence[str], visible: Sequence[Block], url: str | None) -> Metadata:
    urls = [t for t in prelude if _is_url(t)]
    page_urls = [u for u in urls if not IMAGE_URL.search(u)]
    images = [u for u in urls if IMAGE_URL.search(u)]
    languages = [lang for t in prelude if LOCALE.match(t) and (lang := normalize_language(t))]
    title = _title(prelude, visible)
    sitename = _sitename(prelude, title)
    body = max((t for t in prelude if len(t) >= 400), key=len, default=None)
    dates = _dates(prelude)
    return Metadata(
        title=clean_title(title, sitename) if title else None,
        date=dates[0] if dates else None,
        date_modified=dates[1] if len(dates) > 1 else None,
        description=_description(prelude, title, body, visible),
        sitename=sitename,
        language=languages[0] if languages else None,
        url=url or (page_urls[0] if page_urls else None),
        image=images[0] if images else None,
        tags=_tags(prelude),
        body=body,
        values=tuple(dict.fromkeys(prelude)),
    )


BYLINE = regex.compile(r"^(?i:by|von|par|por|di|door|av|af|автор:?|от)(?:\s+|$)(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})?(?:$|[,|·•]|\s+(?i:and|und|et|y|e)\s)")
HEADER = regex.compile(r"^([A-Za-z][\w-]{1,40}):(?:\s+(.*))?$")
URL_KEYS = ("target-uri", "uri", "url", "location", "content-location")
CREDIT_MARK = regex.compile(r"(?:photo(?:graph)?|foto|image|picture|credit|bild)\s*:|©|\(c\)", regex.I)


def _is_headline_shaped(b: Block, min_words: int) -> bool:
    words = len(b.text.split())
    return (
        min_words <= words <= 25 and len(b.text) <= TITLE_MAX and not _sentence(b.text)
        and not CREDIT_MARK.search(b.text) and not BYLINE.match(b.text)
    )  # fmt: skip


def _headline(blocks: Sequence[Block]) -> str | None:
    """The first title-like line standing alone (blank lines around it) before the first paragraph.

    Failing that, a short line (two words will do: "Caching responses") standing
    alone right above the first paragraph.
    """
    first_para = next((i for i, b in enumerate(blocks[:120]) if len(b.text) >= 150 and _sentence(b.text)), None)
    if first_para is None:
        return None
    window = blocks[max(0, first_para - 15) : first_para]
    alone = [
        b for i, b in enumerate(window) if b.after_gap and (i + 1 == len(window) or window[i + 1].after_gap)
    ]
    for b in alone:
        if _is_headline_shaped(b, 4):
            return b.text
    near = [b for b in alone if b.index >= first_para - 2 and _is_headline_shaped(b, 2)]
    return near[-1].text if near else None


def _byline(blocks: Sequence[Block]) -> tuple[str, ...]:
    for i, b in enumerate(blocks[:80]):
        m = BYLINE.match(b.text) if len(b.text) <= 80 else None
        if m is None:
            continue
        name = m.group(1)
        if name is None and b.text.split()[0].lower() == b.text.lower() and i + 1 < len(blocks):
            name = blocks[i + 1].text if len(blocks[i + 1].text) <= 60 else None  # "By" alone, name below
        if name:
            found = tuple(a for a in (clean_author(x) for x in split_authors(name)) if a)
            if found:
                return found
    return ()


def _title_with_site(blocks: Sequence[Block]) -> tuple[str | None, str | None]:
    """A first line "Headline | Site" whose headline part stands again later: title and site name."""
    if not blocks:
        return None, None
    parts = title_parts(blocks[0].text)
    if len(parts) < 2:
        return None, None
    later = {b.text for b in blocks[1:200]}
    head, site = parts[0], parts[-1]
    if head in later:
        return head, site
    if site in later and len(site.split()) > len(head.split()):
        return site, head
    return None, None


def _heuristic_metadata(blocks: Sequence[Block], url: str | None) -> Metadata:
    """Without a prelude: the headline, a byline and a date line near the top."""
    date = None
    for b in blocks[:80]:
        if len(b.text) <= 60 and (d := normalize_date(b.text)):
            date = d
            break
    title, site = _title_with_site(blocks)
    return Metadata(title=title or _headline(blocks), authors=_byline(blocks), date=date, url=url, sitename=site)


def _headers(blocks: Sequence[Block]) -> dict[str, str]:
    out: dict[str, str] = {}
    for b in blocks[: header_end(blocks)]:
        if m := HEADER.match(b.text):
            out.setdefault(m.group(1).lower(), (m.group(2) or "").strip())
    return out


def text_metadata(blocks: Sequence[Block], url: str | None = None) -> Metadata:
    """Metadata of a segmented dump (prelude lines carry role "meta")."""
    prelude = [b.text for b in blocks if b.role == "meta"]
    visible = [b for b in blocks if b.role != "meta"]
    headers = _headers(blocks)
    if headers:
        # A record header (WARC, HTTP): its URL is the page's; its date is the crawl's, never the page's.
        url = url or next((v for k, v in headers.items() if k.endswith(URL_KEYS) and _is_url(v)), None)
        lang = next((v for k, v in headers.items() if k.endswith("language") and v), None)
        meta = _heuristic_metadata(visible, url)
        return replace(meta, language=normalize_language(lang.split(",")[0]) if lang else None)
    if prelude:
        return prelude_metadata(prelude, visible, url)
    return _heuristic_metadata(blocks, url)
