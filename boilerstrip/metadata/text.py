"""Metadata of a plain-text dump: from its metadata prelude, else from line heuristics.

A prelude (see segment.prelude) holds the page's declared values one per line
but without their keys, so each field is recognised by shape: the page URL is
the first URL that is not an image, dates are ISO timestamps or short values
that are a date alone (published the earliest of the first three, modified the
latest), the language is a locale code, the title is the headline the prelude
repeats (with or without a site affix) and the visible page shows, the author
the first Person's name, the publisher is the name the prelude repeats most,
tags are the lower-case short lines and the comma-separated keyword lists.
What the prelude does not say comes from the visible lines: a headline standing
alone above the first paragraph, a byline line, a dateline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

import regex

from ..model import Block, Metadata
from ..rules import load_table
from ..segment.prelude import header_end
from .bylines import byline_names, line_byline
from .normalize import (
    clean_title,
    date_start,
    normalize_date,
    normalize_language,
    split_authors,
    title_parts,
)
from .typed import declared_type, typed_values

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


#: a dump's first paragraph: the first line this long that ends a sentence
PARAGRAPH_CHARS = 150


def _first_paragraph(texts: Sequence[str], scan: int) -> int | None:
    """Index of the first paragraph among the first ``scan`` lines, or None."""
    return next((i for i, t in enumerate(texts[:scan]) if len(t) >= PARAGRAPH_CHARS and _sentence(t)), None)


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


def _title(
    prelude: Sequence[str], visible: Sequence[Block], typed: dict[str, list[str]], authors: Sequence[str] = ()
) -> str | None:
    """The headline: the title-shaped prelude value with the most evidence, or None without enough.

    Each value counts for itself and, when it carries an affix ("Headline | Site"),
    for its headline part. Evidence: the prelude repeats it (og:title,
    twitter:title, the headline and the page's name usually agree, with or without
    the affix), the visible page shows it (before its first paragraph counts
    double), it is an article's or page's name (the line after its printed type).
    Against it: it is the affix other values carry (the site's name), or a
    person's, a site's, a breadcrumb item's or an offer's name.
    """
    first_para = next((i for i, b in enumerate(visible) if len(b.text) >= 150), len(visible))
    shown_early = {b.text for b in visible[: first_para + 1]}
    shown = {b.text for b in visible[:400]}
    support: Counter[str] = Counter()
    affixes: set[str] = set()
    for t in prelude:
        if len(t) > TITLE_MAX or _is_url(t):
            continue
        parts = title_parts(t)
        support.update([t, parts[0]] if len(parts) >= 2 and parts[0] != t else [t])  # a list: ties go to the first
        if len(parts) >= 2:
            affixes.add(parts[-1])
    people = set(typed.get("person", [])) | set(typed.get("site", []))
    # An article's author object often comes before its headline (Yoast): a name is no headline.
    named = (set(typed.get("headline", [])) | set(typed.get("page", []))) - people
    foreign = people | set(typed.get("other", []))
    # A question or an exclamation is a headline's shape too ("What is a mesh network?"); a full stop is a sentence's.
    candidates = [
        t for t in support
        if 2 <= len(t.split()) <= 30 and not (_sentence(t) and t[-1] not in "?!？！") and not t[:1].islower()
        and t not in authors  # the author's name is printed again and again too (meta, byline data, author box)
    ]  # fmt: skip

    def evidence(t: str) -> int:
        score = (t in named) + 2 * (support[t] > 1) + (support[t] > 2) + (2 if t in shown_early else t in shown)
        # The last breadcrumb item is the page itself: a repeated value is no foreign name.
        foreign_only = t in foreign and t not in named and support[t] < 2
        # Past fifteen words a value is a description more often than a headline.
        words = len(t.split())
        return score - 3 * (t in affixes) - 2 * foreign_only - (words < 3) - 2 * (words > 15)

    scored = [(evidence(t), -i, t) for i, t in enumerate(candidates)]
    best = max(scored, default=None)
    return best[2] if best is not None and best[0] >= 2 else None


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
    """The prelude's dates in order: ISO values, and short values that are a date alone ("Dec 03, 2025")."""
    out: list[str] = []
    for t in lines:
        if ISO_DATE.match(t) or (len(t) <= 40 and not _is_url(t) and date_start(t) == 0):
            d = normalize_date(t)
            if d and d not in out:
                out.append(d)
    return out


def _published_modified(dates: Sequence[str]) -> tuple[str | None, str | None]:
    """(published, modified) from the prelude's dates: the earliest and the latest of the first three.

    JSON-LD prints dateModified before datePublished as often as after it; a page
    is never modified before it is published.
    """
    first = list(dates[:3])
    if not first:
        return None, None
    published, latest = min(first, key=lambda d: d[:10]), max(first, key=lambda d: d[:10])
    return published, latest if len(first) > 1 else None


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


def _person_names(typed: dict[str, list[str]]) -> tuple[str, ...]:
    """The name printed after the first "Person" type line that holds one, cleaned.

    Only the first: the people an article mentions or quotes are Person objects
    too, printed after its author. A value with markup or a full stop is a
    biography, not a name.
    """
    for value in typed.get("person", [])[:6]:
        if len(value) <= 80 and "<" not in value and not _sentence(value):
            names = split_authors(value)
            if names:
                return names[:4]
    return ()


def prelude_metadata(prelude: Sequence[str], visible: Sequence[Block], url: str | None) -> Metadata:
    urls = [t for t in prelude if _is_url(t)]
    page_urls = [u for u in urls if not IMAGE_URL.search(u)]
    images = [u for u in urls if IMAGE_URL.search(u)]
    languages = [lang for t in prelude if LOCALE.match(t) and (lang := normalize_language(t))]
    typed = typed_values(prelude)
    authors = _person_names(typed) or _byline([b.text for b in visible]) or _byline(prelude)
    title = _title(prelude, visible, typed, authors)
    sitename = _sitename(prelude, title)
    body = max((t for t in prelude if len(t) >= 400), key=len, default=None)
    published, modified = _published_modified(_dates(prelude))
    # What the prelude does not say, the visible page may: its headline, byline and dateline.
    return Metadata(
        title=clean_title(title, sitename) if title else _headline(visible),
        authors=authors,
        date=published or _dateline(visible),
        date_modified=modified,
        description=_description(prelude, title, body, visible),
        sitename=sitename,
        language=languages[0] if languages else None,
        url=url or (page_urls[0] if page_urls else None),
        image=images[0] if images else None,
        tags=_tags(prelude),
        body=body,
        values=tuple(dict.fromkeys(prelude)),
        page_type=declared_type(prelude),
    )


BYLINE = regex.compile(r"^(?i:by|von|par|por|di|door|av|af|автор:?|от)(?:\s+|$)(\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3})?(?:$|[,|·•]|\s+(?i:and|und|et|y|e)\s)")
HEADER = regex.compile(r"^([A-Za-z][\w-]{1,40}):(?:\s+(.*))?$")
URL_KEYS = ("target-uri", "uri", "url", "location", "content-location")
CREDIT_MARK = regex.compile(r"(?:photo(?:graph)?|foto|image|picture|credit|bild)\s*:|©|\(c\)", regex.I)


#: lines of a dump searched for its first paragraph, the headline above it
HEADLINE_SCAN = 120
#: lines above a dump's first paragraph searched for a headline opening a group of lines
GROUP_TITLE_SCAN = 40
#: lines of a dump searched for a reply repeating the thread's subject
REPLY_SCAN = 400
#: a line ending so goes on below: a salutation ("Hallo zusammen,"), a lead-in, never a headline
UNFINISHED = (",", ";", "，", "、")


def _is_headline_shaped(b: Block, min_words: int) -> bool:
    words = len(b.text.split())
    return (
        min_words <= words <= 25 and len(b.text) <= TITLE_MAX and not _sentence(b.text)
        and not b.text.endswith(UNFINISHED) and not CREDIT_MARK.search(b.text) and not BYLINE.match(b.text)
    )  # fmt: skip


@cache
def _reply_prefix() -> regex.Pattern[str]:
    prefixes = "|".join(regex.escape(p) for p in load_table("metadata")["thread"]["reply_prefixes"])
    return regex.compile(rf"^(?i:{prefixes})\s?:\s*(\S.{{2,200}})$")


def _reply_subject(blocks: Sequence[Block]) -> str | None:
    """A thread's subject: a line that a later reply repeats after "Re:" (or "AW:", "Sv:", ...)."""
    seen: set[str] = set()
    reply = _reply_prefix().match
    for b in blocks[:REPLY_SCAN]:
        m = reply(b.text)
        if m is not None and m.group(1) in seen:
            return m.group(1)
        seen.add(b.text)
    return None


def _headline(blocks: Sequence[Block]) -> str | None:
    """The first title-like line standing alone (blank lines around it) before the first paragraph.

    A thread's subject, which its replies repeat, comes first. Failing a headline,
    a short line (two words will do: "Caching responses") standing alone right
    above the first paragraph.
    """
    subject = _reply_subject(blocks)
    if subject is not None:
        return subject
    first_para = _first_paragraph([b.text for b in blocks[:HEADLINE_SCAN]], HEADLINE_SCAN)
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
    if near:
        return near[-1].text
    # A dump without blank lines: the nearest headline-shaped line above the first paragraph,
    # past the dateline and byline that often stand between them; within the paragraph's own group
    # of lines where blank lines part the page (the line right above it may stand across a gap).
    for j in range(first_para - 1, max(0, first_para - 6) - 1, -1):
        b = blocks[j]
        if j + 1 < first_para and blocks[j + 1].after_gap:
            break
        if _date_line(b.text) or (len(b.text) <= 60 and BYLINE.match(b.text)):
            continue
        if _is_headline_shaped(b, 3):
            return b.text
    # Where blank lines part the page, a headline opens a group of lines: a product's name above its
    # rating, prices and variant pickers, which push the description far below it (the last line of
    # such a group, a delivery note, ends it and opens nothing).
    for b in reversed(blocks[max(0, first_para - GROUP_TITLE_SCAN) : first_para]):
        if b.after_gap and _is_headline_shaped(b, 4):
            return b.text
    return None


@cache
def _not_names() -> frozenset[str]:
    return frozenset(x.casefold() for x in load_table("metadata")["byline"]["not_names"])


def _names(found: tuple[str, ...]) -> tuple[str, ...]:
    """The byline's names without the menu facets and author-box tabs a dump prints where a name would stand."""
    return tuple(n for n in found if n.casefold() not in _not_names())


@cache
def _label_lines() -> frozenset[str]:
    table = load_table("metadata")["byline"]
    return frozenset(x.casefold() for x in (*table["labels"], *table["label_lines"]))


#: a name on the line below its label is short: "Ann Lee", "Ann Lee, Senior Editor"
NAME_LINE_MAX = 60
#: lines of a dump searched for a byline: the top of the page, the lines just above its first paragraph
#: (past a long menu), or an author box below a short article
BYLINE_SCAN = 80
BYLINE_ABOVE_BODY = 20
LABEL_SCAN = 400


#: a word a name line would not hold: four or more letters starting lower-case ("Est. reading time")
PROSE_WORD = regex.compile(r"(?<!\S)\p{Ll}\p{L}{3,}")


def _name_line(text: str) -> bool:
    """Whether a line can be the name below a byline label: short, and a handle or capitalised words."""
    return len(text) <= NAME_LINE_MAX and (" " not in text or PROSE_WORD.search(text) is None)



def _byline(lines: Sequence[str]) -> tuple[str, ...]:
    """The authors a byline line names near the top or above the first paragraph ("By Ann Lee"), else a label's.

    A line that is only a label ("Written by", "Author:", "About the author") names
    the authors on the line below: a dump prints the label's and the name's elements
    on lines of their own. Such a label counts further down too (an author box below
    the article), but a labelled line near the top comes first.
    """
    first_para = _first_paragraph(lines, LABEL_SCAN) or 0
    near = [*lines[:BYLINE_SCAN], *lines[max(BYLINE_SCAN, first_para - BYLINE_ABOVE_BODY) : first_para + 2]]
    for text in near:
        labelled = _names(line_byline(text))
        if labelled:
            return labelled
        m = BYLINE.match(text) if len(text) <= 80 else None
        if m is not None and m.group(1) and (found := _names(split_authors(m.group(1)))):
            return found
    labels = _label_lines()
    for i, text in enumerate(lines[: min(LABEL_SCAN, len(lines)) - 1]):  # each with a line below it
        if len(text) <= 40 and text.rstrip(":： ").casefold() in labels and _name_line(lines[i + 1]):
            found = _names(byline_names(lines[i + 1]))
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
    title, site = _title_with_site(blocks)
    return Metadata(title=title or _headline(blocks), authors=_byline([b.text for b in blocks]), date=_dateline(blocks), url=url,
                    sitename=site)


def _date_line(text: str) -> str | None:
    """The date of a short line that is a dateline ("Published 8 April 2024"), else None."""
    return normalize_date(text) if len(text) <= 60 else None


def _dateline(blocks: Sequence[Block]) -> str | None:
    """The first short line near the top that is a date."""
    return next((d for b in blocks[:80] if (d := _date_line(b.text))), None)


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
