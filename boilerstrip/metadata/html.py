"""Metadata of an HTML page from JSON-LD, meta tags, microdata, <time> and bylines.

Sources in order of trust: JSON-LD main entity, OpenGraph / Twitter cards,
Dublin Core and citation_* tags, itemprop microdata, the <time> and byline
next to the headline, and last the URL. The tree is only read: a handful of
CSS queries, no walk over the whole document, so the cost stays well under a
millisecond on a news page. Dates and bylines inside asides, related-story
lists, comments and footers are never the page's own (USERS.md items 6, 7).
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model import Metadata
from ..pagetype import forum_url
from .bylines import byline_names, clean_handle, labelled_byline, poster_name
from .jsonld import (
    ORGANIZATION_TYPES,
    JsonLd,
    is_webpage,
    page_type_of,
    parse_jsonld,
    string_leaves,
    texts,
    types_of,
)
from .normalize import (
    TITLE_SEP,
    author_from_url,
    clean_author,
    clean_title,
    date_from_url,
    is_url,
    names_site,
    normalize_date,
    normalize_language,
    normalize_space,
    split_authors,
    title_parts,
)

__all__ = ["html_metadata"]

# Meta keys (lower-cased name / property / itemprop / http-equiv) per field, most trusted first.
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "dcterms.title", "citation_title", "headline",
               "parsely-title", "sailthru.title")
_AUTHOR_KEYS = ("author", "article:author", "og:article:author", "dc.creator", "dcterms.creator",
                "parsely-author", "sailthru.author", "byl", "citation_author")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "article:published", "published_time",
              "og:published_time", "datepublished", "citation_publication_date", "citation_date",
              "citation_online_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
              "dcterms.created", "dc.date.created", "datecreated", "prism.publicationdate",
              "publication_date", "publish-date", "publish_date", "publishdate", "pubdate", "date",
              "sailthru.date", "parsely-pub-date", "article.published", "og:pubdate")
_MODIFIED_KEYS = ("article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
                  "modified_time", "datemodified", "dcterms.modified", "dc.date.modified", "last-modified")
_DESCRIPTION_KEYS = ("og:description", "twitter:description", "description", "dc.description",
                     "dcterms.description", "dcterms.abstract", "citation_abstract")
_SITE_KEYS = ("og:site_name", "application-name", "dc.publisher", "dcterms.publisher", "citation_publisher")
_LANGUAGE_KEYS = ("content-language", "language", "dc.language", "dcterms.language", "og:locale")
_IMAGE_KEYS = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
               "image", "thumbnailurl")
_CAPTION_KEYS = ("og:image:alt", "twitter:image:alt")
_TAG_KEYS = ("article:tag", "og:article:tag", "keywords", "news_keywords", "parsely-tags", "dc.subject")
_CATEGORY_KEYS = ("article:section", "og:article:section", "parsely-section", "category")
_LICENSE_KEYS = ("license", "dcterms.license", "dc.rights", "dcterms.rights")

#: og:type values -> page type. "product.group" is a group of products: shops print it on their
#: collection pages (18 of the 19 WCXB pages declaring it are collections or listings), so it
#: names no type; taken for a product, the page's grid was judged a carousel beside the product.
_OG_TYPES = {"article": "article", "blog": "article", "product": "product", "og:product": "product",
             "product.item": "product", "books.book": "product", "book": "product"}
#: og tags only a post carries (its publication time, section, author): a site's other pages print og:type
#: "article" without them (see _page_type). Without this test a dated story that declares a bare WebPage lost
#: its article judgement (ScrapingHub, one page -.66)
_POST_KEYS = ("article:published_time", "og:article:published_time", "article:section", "article:author")

#: Containers whose dates and names belong to other stories or to readers.
_EXCLUDED_TAGS = frozenset({"aside", "footer", "nav", "form"})
_EXCLUDED_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:related|comments?|sidebar|recommend\w*|more-stories|teasers?|widget|reply|replies|promo"
    r"|trending|popular|newsletter|footer|rail)(?:$|[\s_-])"
)
_HEADLINE_EXCLUDED_TAGS = frozenset({"aside", "footer", "nav"})
_HEADLINE_EXCLUDED_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:related|comments?|sidebar|recommend\w*|more-stories|teasers?|reply|replies|trending|popular"
    r"|footer)(?:$|[\s_-])"
)
_COMMENT_ITEMTYPE = re.compile(r"(?:Comment|Review|Answer)\b")
#: microdata's thread types: forum software without JSON-LD marks its posts (or the opening one) so. Not a
#: Question: an FAQ's entries are marked Question and Answer as often as a Q&A thread's.
_THREAD_ITEMTYPE = re.compile(r"schema\.org/(?:DiscussionForumPosting|QAPage)\b", re.IGNORECASE)
_BYLINE_SELECTOR = ("[rel~=author], [itemprop~=author], [class*=byline], [class*=author], [id*=byline], "
                    "[id*=author], address")
_BYLINE_NAME_SELECTOR = ("[itemprop~=name], a[rel~=author], a[href*='/author/'], a[href*='/authors/'], "
                         "a[href*='/staff/'], a[href*='/people/'], a[href*='/profile/'], a[class*=author]")
_META_DATE_KEY = re.compile(r"date|publish|created")
_META_NOT_PUBLISHED = re.compile(r"modif|updat|expir|valid|review|revis|birth|event|start|end|crawl|index")
_DATE_CLASS_SELECTOR = ("[class*=date], [class*=publish], [class*=posted], [class*=timestamp], [class*=post-meta], "
                        "[class*=entry-meta], [class*=article-meta]")
#: Keys of JS app state that hold the publication date, with JSON's quotes optionally escaped.
_SCRIPT_DATE = re.compile(
    r"(?:datePublished|publishedDate|published_?[aA]t|publishDate|publish_date|date_published|postDate"
    r"|firstPublished\w{0,8}|published_on|pubDate)\\?[\"']?\s*:\s*\\?[\"'](?P<date>\d{4}-\d\d-\d\d[\w:.+-]{0,20})"
)
_DATE_TEXT_TAGS = "span, p, div, li, small, time, abbr, em, strong, b, i, dd, td, h2, h3, h4, h5, h6"
_DIGIT = re.compile(r"\d")
_TAGS_RE = re.compile(r"<[^<>]{0,2000}>")
#: An HTML tag in a declared value: "<p>", "</li>", "<br/>" (not "a < b > c").
_MARKUP = re.compile(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,2000})?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|br|div|li|[uo]l|h[1-6]|t[rdh]|table|section|blockquote|d[dt]|hr)\b", re.I)
#: A value written in HTML: it closes an element, breaks a line or opens with a tag. A lone
#: "<table>" is a docs page naming the element, "<name at example dot com>" an address.
_IN_HTML = re.compile(r"</[A-Za-z][\w-]{0,20}\s*>|<br\s*/?>|^\s*<[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,2000})?/?>")
#: Publication dates of the main entity: a JobPosting's is datePosted.
_LD_DATE_KEYS = ("datePublished", "dateCreated", "uploadDate", "datePosted")
#: When an event (any object declaring these) takes place: a day printed on its page is not a publication date.
_LD_EVENT_KEYS = ("startDate", "endDate", "doorTime")
_KEY_RE = re.compile(r"[\W_]+")
_WORDS = re.compile(r"\w+")
#: Main-entity types whose "name" is the page's title as much as its headline is.
_TITLED_TYPES = frozenset({"article", "documentation", "recipe"})
_TERM_SEP = re.compile(r"[,;]")
_MAX_CLIMB = 3  # ancestors of the h1 searched for its date and byline
_NOT_ELEMENT = frozenset({"html", "body", "-document", None})
_ARTICLE = frozenset({"article"})
_NAVIGATION = frozenset({"aside", "nav"})
_REL_TAGS_MAX = 30
_MAIN = frozenset({"main"})
_MAIN_OR_ARTICLE = frozenset({"main", "article"})


@dataclass
class _Page:
    """What the field finders share for one call: the indexed declarations of one page.

    Each query over the whole body costs ~50 µs on a 100 KB page, so the ones
    only fallbacks need (microdata, <time>) run on first use, at most once.
    """

    tree: LexborHTMLParser
    metas: dict[str, list[str]]
    links: dict[str, list[str]]
    doc: JsonLd
    main: dict[str, Any]
    h1s: list[LexborNode]
    url: str | None
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def h1(self) -> LexborNode | None:
        """The headline element, the anchor of the dateline and the byline."""
        return self.h1s[0] if self.h1s else None

    def meta(self, keys: Iterable[str]) -> Iterator[str]:
        """Contents of the meta tags with these keys, in key order."""
        for key in keys:
            yield from self.metas.get(key, ())

    def ld(self, *keys: str, sub: str = "name") -> Iterator[str]:
        """Strings under these keys of the JSON-LD main entity."""
        for key in keys:
            if key in self.main:
                yield from texts(self.main[key], self.doc, sub)

    @cached_property
    def itemprops(self) -> dict[str, list[LexborNode]]:
        """Microdata elements outside asides and comments, by itemprop token."""
        found: dict[str, list[LexborNode]] = {}
        for node in self.tree.css("[itemprop]"):
            if not _excluded(node):
                for prop in (node.attributes.get("itemprop") or "").lower().split():
                    found.setdefault(prop, []).append(node)
        return found

    @cached_property
    def header(self) -> tuple[LexborNode, ...]:
        """The h1's ancestors, nearest first, up to the article/main element, never <body>."""
        out: list[LexborNode] = []
        current = self.h1.parent if self.h1 is not None else None
        while current is not None and len(out) < _MAX_CLIMB and current.tag not in {"body", "html", None}:
            out.append(current)
            if current.tag in {"article", "main"}:
                break
            current = current.parent
        return tuple(out)


def _tag_space(m: re.Match[str]) -> str:
    """A block tag ("<p>", "</li>", "<br>") separates words, an inline one ("<b>", "</a>") does not."""
    return " " if _BLOCK_TAG.match(m[0]) else ""


def _first(values: Iterable[str]) -> str | None:
    """The first value that is not blank, whitespace-normalised."""
    for value in values:
        text = normalize_space(value)
        if text:
            return text
    return None


def _head_broken(tree: LexborHTMLParser) -> bool:
    """True when head elements landed in <body>: a stray <div> or <img> in <head> ends it early."""
    body = tree.body
    if body is None:
        return False
    for i, child in enumerate(body.iter()):
        if child.tag in {"meta", "link", "title"}:
            return True
        if i >= 20:
            break
    return False


def _head_tags(tree: LexborHTMLParser, tag: str, broken: bool) -> list[LexborNode]:
    """The tags in <head> (a few µs), or in the whole page when the head was cut short (~50 µs)."""
    head = tree.head
    return tree.tags(tag) if broken or head is None else head.css(tag)


def _index_meta(nodes: Iterable[LexborNode]) -> dict[str, list[str]]:
    metas: dict[str, list[str]] = {}
    for node in nodes:
        attrs = node.attributes
        content = attrs.get("content")
        if content is None or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                for k in key.lower().split():  # property="og:title twitter:title" happens
                    metas.setdefault(k, []).append(content)
    return metas


def _index_links(nodes: Iterable[LexborNode]) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for node in nodes:
        href = (node.attributes.get("href") or "").strip()
        for rel in (node.attributes.get("rel") or "").lower().split():
            if href:
                links.setdefault(rel, []).append(href)
    return links


def _excluded(node: LexborNode, stop: LexborNode | None = None, *, headline: bool = False,
              ends: frozenset[str] = _MAIN) -> bool:
    """True when the node sits in an aside, footer, comment, related list... below ``stop``.

    <main> (or another of ``ends``) ends the climb: classes on it and above it describe the
    layout ("show-sidebar"), not the node. For a headline (``headline=True``) the tokens that
    page builders put on every wrapper ("elementor-widget-container", "core-rail",
    "newsletter-post") and a page-wide <form> (ASP.NET) do not count: an h1 inside a real
    teaser list is rare; nor does an article's own <footer> (its byline and dateline).
    """
    tags = _HEADLINE_EXCLUDED_TAGS if headline else _EXCLUDED_TAGS
    tokens_re = _HEADLINE_EXCLUDED_TOKENS if headline else _EXCLUDED_TOKENS
    current: LexborNode | None = node
    while current is not None and current.tag not in _NOT_ELEMENT:
        if stop is not None and current.mem_id == stop.mem_id:
            return False
        if current.tag in tags and not (headline and current.tag == "footer" and _inside(current, _ARTICLE)):
            return True
        if current.tag in ends:
            return False
        attrs = current.attributes
        tokens = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if tokens_re.search(tokens) or _COMMENT_ITEMTYPE.search(attrs.get("itemtype") or ""):
            return True
        current = current.parent
    return False


def _inside(node: LexborNode, tags: frozenset[str]) -> bool:
    current = node.parent
    while current is not None and current.tag not in _NOT_ELEMENT:
        if current.tag in tags:
            return True
        current = current.parent
    return False


def _headline_h1s(tree: LexborHTMLParser) -> list[LexborNode]:
    """Candidate headline elements: h1s outside asides and comments, the article's first."""
    # An h1 in an <article> is that article's: the classes above it ("m-article--sidebar-right") are layout.
    h1s = [n for n in tree.tags("h1")[:12] if not _excluded(n, headline=True, ends=_MAIN_OR_ARTICLE)
           and n.text(strip=True)]
    for inside in (_ARTICLE, _MAIN):
        first = [n for n in h1s if _inside(n, inside)]
        if first:
            return first + [n for n in h1s if n not in first]
    marked = [n for n in h1s if "headline" in (n.attributes.get("itemprop") or "").lower()]
    return marked + [n for n in h1s if n not in marked]


def _descends(node: LexborNode, ancestor: LexborNode) -> bool:
    current = node.parent
    while current is not None and current.tag not in _NOT_ELEMENT:
        if current.mem_id == ancestor.mem_id:
            return True
        current = current.parent
    return False




def _sitename(page: _Page) -> str | None:
    publisher = [s for s in page.ld("publisher", "sourceOrganization", sub="name") if not is_url(s)]
    websites = [o.get("name") for o in page.doc.of_type(frozenset({"WebSite"}))]
    # The site's own name before its publisher's: a blog hosted on a platform declares the platform
    # as publisher, and a newspaper's publisher is often its parent company.
    declared = _first([*(w for w in websites if isinstance(w, str)), *page.meta(_SITE_KEYS), *publisher])
    return declared or _logo_sitename(page)


def _logo_sitename(page: _Page) -> str | None:
    """Undeclared: the <title> affix that is also the text of a link to the home page (the logo)."""
    title = page.tree.css_first("title")
    parts = title_parts(title.text()) if title is not None else []
    if len(parts) < 2:
        return None
    home = {" ".join(a.text().split()) for a in page.tree.css("a[href='/']")[:20]}
    return next((p for p in (parts[-1], parts[0]) if p and p in home), None)


def _page_url(page: _Page) -> str | None:
    for candidate in (*page.links.get("canonical", ()), *page.meta(("og:url",))):
        try:  # urllib raises on malformed hosts ("http://[::1"): such a declaration is no URL
            absolute: str = urljoin(page.url or "", candidate.strip())
            if urlsplit(absolute).scheme in {"http", "https"}:
                return absolute
        except ValueError:
            continue
    return page.url


def _hostname(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def _page_host(page: _Page, page_url: str | None) -> str | None:
    """The page's host: the caller's URL's, else the one the page declares."""
    return _hostname(page_url) or _hostname(page.url)


_HOME_PATH = re.compile(r"^/?(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:index\.\w{2,5})?$", re.IGNORECASE)


def _is_home(url: str | None) -> bool:
    """Whether the URL is a site's (or a language edition's) front page: "/", "/en/", "/index.html"."""
    try:
        parts = urlsplit(url) if url else None
    except ValueError:
        return False
    return parts is not None and not parts.query and _HOME_PATH.match(parts.path) is not None


def _title(page: _Page, sitename: str | None, page_url: str | None) -> str | None:
    """The visible headline when the declarations confirm it or cannot be trusted more, else the declared title.

    An h1 agreeing with a declared title (equal, most of it, or one of its " | "
    segments) is the headline: its own text when the declaration only adds an
    affix. An h1 no declaration confirms is still the headline when it reads
    like one: three words or more, not the site's name, not a segment of the
    <title> (a blog's name in an h1 reappears there after the separator).
    """
    site = sitename or _hostname(page_url)
    head = page.tree.head.css_first("title") if page.tree.head is not None else None
    head_text = normalize_space(head.text()) if head is not None else ""
    # A main entity that is not an article, a recipe or a document (a business, a product's
    # offer, an FAQ's first question) has a "name" that is rarely the page's title: it ranks
    # after the meta tags (an h1 that it names still confirms it).
    ranked = page_type_of(types_of(page.main)) in _TITLED_TYPES if page.main else False
    raw = [*page.ld("headline"), *(page.ld("name") if ranked else ()), *page.meta(_TITLE_KEYS),
           *([head_text] if head_text else ()), *(() if ranked else page.ld("name"))]
    # og:title, twitter:title and headline are usually the same string: clean each once.
    host = _page_host(page, page_url)
    home = _is_home(page.url or page_url)
    candidates = [t for t in (clean_title(r, site, host, home=home) for r in dict.fromkeys(raw[:20])) if t]
    heads = [normalize_space(n.text(separator=" ")) for n in page.h1s[:4]]
    confirmed, possible = _title_affixes(raw[:20], sitename)
    # The last segment of a declared title is the site's name when an h1 shows it (a logo).
    confirmed |= possible & {_key(h) for h in heads}
    candidates = [_strip_affix(c, confirmed) for c in candidates]
    affixes = (confirmed | possible) - {_key(c) for c in candidates}
    heads = [h for h in heads if h and "{" not in h and _key(h) not in affixes]
    for h1 in heads:
        for candidate in candidates:
            if _title_agrees(candidate, h1):
                return _title_pick(candidate, h1)
    # Only the first: on a listing every teaser has its own h1.
    headline = bool(heads) and 3 <= len(heads[0].split()) <= 20 and len(heads[0]) <= 150 and len(page.h1s) <= 2
    if headline and (not candidates or _h1_outranks(heads[0], candidates[0])):
        return heads[0]
    return candidates[0] if candidates else (heads[0] if heads else None)


def _h1_outranks(h1: str, declared: str) -> bool:
    """Whether an h1 that no declaration confirms is the title rather than the declared one.

    When the two disagree, the h1 is often a tagline, a section name or a
    marketing line ("Your content. Your canvas.") and the declared title names
    the page; the h1 is the headline when it is about what the declared title
    says (half its words are there: the declaration is an SEO rewrite of it).
    On WCXB's odd ids, h1s sharing under half their words lost 62 to 14.
    """
    words = set(_WORDS.findall(h1.lower()))
    shared = len(words & set(_WORDS.findall(declared.lower()))) / max(len(words), 1)
    return shared >= 0.5


def _title_affixes(raw: list[str], sitename: str | None) -> tuple[set[str], set[str]]:
    """Keys of what declared titles add around the headline: (known to be the site, maybe the site).

    Known: the site name, and whatever one declared title adds to another
    ("Blog name: Headline" beside "Headline"). Maybe: the last segment of a
    declared title, since "Headline | Blog name" is the convention.
    """
    confirmed = {_key(sitename)} if sitename else set()
    possible: set[str] = set()
    declared = [r for r in dict.fromkeys(normalize_space(r) for r in raw) if r]
    for text in declared:
        pieces = TITLE_SEP.split(text)
        if len(pieces) >= 3:
            possible.add(_key(pieces[-1]))
    for a in declared:
        for b in declared:
            if len(b) > len(a) + 3 and a in b:
                rest = b.replace(a, " ", 1).strip(" |-–—·•»:~/")
                if rest:
                    confirmed.add(_key(rest))
    return confirmed - {""}, possible - {""}


def _strip_affix(title: str, affixes: set[str]) -> str:
    """The title without a leading or trailing segment that is one of the affixes."""
    pieces = TITLE_SEP.split(title)
    if len(pieces) < 3 or not affixes:
        return title
    if _key(pieces[-1]) in affixes:
        return "".join(pieces[:-2]).strip() or title
    if _key(pieces[0]) in affixes:
        return "".join(pieces[2:]).strip() or title
    return title


def _title_agrees(declared: str, h1: str) -> bool:
    kd, kh = _key(declared), _key(h1)
    if _agrees(kd, kh):
        return True
    segments = TITLE_SEP.split(declared)
    return len(segments) > 1 and kh == _key(segments[0])


def _title_pick(declared: str, h1: str) -> str:
    """The declared text when it says what the h1 says; the h1 when the declaration adds an affix."""
    kd, kh = _key(declared), _key(h1)
    if len(kd) > len(kh) and kd.startswith(kh):
        return h1
    if len(kh) > len(kd) and declared.endswith(("...", "…")):
        return h1  # a truncated og:title
    return declared


def _key(text: str) -> str:
    return _KEY_RE.sub("", text.lower())


def _agrees(ka: str, kb: str) -> bool:
    """Whether two title keys say the same: equal, or one holds most of the other."""
    if not ka or not kb:
        return False
    short, long = sorted((ka, kb), key=len)
    return short in long and len(short) >= 0.6 * len(long)


def _authors_from(
    values: Iterable[str], kind: str = "declared"
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(names, names recovered from author-page URLs) from declared or visible values.

    ``kind`` "citation": one author per value, often "Doe, Jane"; "visible": a
    byline line, whose date and job title around the names are dropped.
    """
    names: list[str] = []
    weak: list[str] = []
    for value in values:
        if is_url(value.strip()):
            name = author_from_url(value)
            if name:
                weak.append(name)
            continue
        if kind == "citation" and value.count(",") == 1:
            last, first = (p.strip() for p in value.split(","))
            found: tuple[str, ...] = tuple(n for n in [clean_author(f"{first} {last}")] if n)
        else:
            found = byline_names(value) if kind == "visible" else split_authors(value)
        names.extend(n for n in found if n.lower() not in {x.lower() for x in names})
    return tuple(names), tuple(weak)


def _ld_author_values(page: _Page) -> list[str]:
    values: list[str] = []
    for key in ("author", "creator"):
        for item in _as_list(page.main.get(key)):
            item = page.doc.resolve(item)
            if isinstance(item, str):
                values.append(item)
            elif isinstance(item, dict):
                name, link = item.get("name"), item.get("url")
                if isinstance(name, str):
                    values.append(name)
                elif isinstance(link, str):
                    values.append(link)
        if values:
            break
    return values


def _microdata_authors(page: _Page) -> list[str]:
    values: list[str] = []
    for node in page.itemprops.get("author", [])[:10]:
        inner = node.css_first("[itemprop~=name]")
        target = inner if inner is not None else node
        values.append(target.attributes.get("content") or target.text(separator=" "))
    return values


def _byline_in(nodes: Iterable[LexborNode], stop: LexborNode | None, limit: int) -> list[str]:
    for node in nodes:
        # Lenient tokens: page builders wrap every byline in a "widget" container.
        if _excluded(node, stop, headline=True) or len(node.text()) > limit:
            continue
        named = [n.text(separator=" ") for n in node.css(_BYLINE_NAME_SELECTOR)]
        if node.tag == "a" and node.attributes.get("href") and not named:
            named = [node.text(separator=" ")]
        values = named or [node.text(separator=" ")]
        if any(byline_names(v) for v in values):
            return values
    return []


def _byline_authors(page: _Page) -> list[str]:
    """Names from the byline element nearest the h1, never one in a comment or aside.

    Without one in the article header, the page's first short byline element
    outside asides, comments and related lists (a byline below the story).
    """
    for container in page.header:
        found = _byline_in(container.css(_BYLINE_SELECTOR), container, 300)
        if found:
            return found
    body = page.tree.body
    return _byline_in(body.css(_BYLINE_SELECTOR)[:30], None, 100) if body is not None else []


_LABELLED_BYLINE = re.compile(
    r"(?:作者|记者|撰文|撰稿|著者|筆者|執筆|文|author|autor|auteur|verfasser|door)\s*[:：]\s*([^\s\u3000|·,，、;；]{2,30})",
    re.IGNORECASE,
)


def _labelled_bylines(page: _Page) -> list[str]:
    """Names after a label in the info line under the h1: "作者：何文静", "Autor: Jan Nowak"."""
    return [m.group(1) for line in _text_after_h1(page) for m in _LABELLED_BYLINE.finditer(line)][:3]


def _lenient_excluded(node: LexborNode) -> bool:
    return _excluded(node, headline=True)


def _visible_byline(page: _Page) -> list[str]:
    """A labelled byline line ("Written by Ann Lee") in the article header, the article, then the body."""
    containers = [*page.header[-1:], *page.tree.tags("article")[:1], *([page.tree.body] if page.tree.body else [])]
    return labelled_byline(containers, _lenient_excluded)


def _is_forum(page: _Page, page_url: str | None) -> bool:
    return _page_type(page) == "forum" or forum_url(page_url) or forum_url(page.url)


def _is_publisher(names: Sequence[str], page: _Page, sitename: str | None, page_url: str | None) -> bool:
    """Whether declared authors are the site itself (its name, its host's name, a JSON-LD Organization)."""
    orgs = {n.lower() for o in (page.doc.resolve(i) for i in _as_list(page.main.get("author")))
            if isinstance(o, dict) and set(types_of(o)) & ORGANIZATION_TYPES for n in texts(o, page.doc)}
    host = _page_host(page, page_url)
    return all(n.lower() in orgs or names_site(n, sitename, host) for n in names)


_PARTICLES = frozenset({"de", "da", "di", "del", "der", "van", "von", "le", "la", "du", "dos", "bin", "al", "y"})


def _person_shaped(name: str) -> bool:
    """A person's name as a byline writes it: two to four capitalised words ("Ann de Vries"), no acronym."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(
        w in _PARTICLES or (w[:1].isupper() and not (len(w) > 1 and w.isupper() and "." not in w)) for w in words
    )


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _authors(page: _Page, page_url: str | None = None, sitename: str | None = None) -> tuple[str, ...]:
    """The page's authors: declared ones first, visible bylines when none is declared.

    A declared author that is the publisher ("Example Clinic" on
    exampleclinic.org, a JSON-LD Organization) is kept only when no visible
    byline names a person: CMSs fill the author field with the site.
    """
    weak: tuple[str, ...] = ()
    publisher: tuple[str, ...] = ()
    forum = _is_forum(page, page_url)
    body = page.tree.body
    # Evaluated in order and only until one yields a name: the DOM fallbacks cost the most.
    # On a thread the opening message's poster comes before byline-shaped elements, which
    # there are "last post by" lines; posters' handles may hold digits ("archuser38013").
    sources: list[tuple[Callable[[], list[str]], str]] = [
        (lambda: _ld_author_values(page), "declared"),
        (lambda: list(page.meta(_AUTHOR_KEYS[:-1])), "declared"),
        (lambda: list(page.meta(_AUTHOR_KEYS[-1:])), "citation"),
        (lambda: _microdata_authors(page), "visible"),
        *([(lambda: poster_name(body, _lenient_excluded), "declared")] if forum and body is not None else []),
        (lambda: _byline_authors(page), "visible"),
        (lambda: _labelled_bylines(page), "visible"),
        (lambda: _visible_byline(page), "visible"),
        (lambda: page.links.get("author", [])[:3], "declared"),
    ]
    for values, kind in sources:
        found = values()
        names, urls = _authors_from(found, kind)
        if not names and forum:
            names = tuple(h for h in (clean_handle(v) for v in found[:1] if not is_url(v)) if h)
        if names:
            if forum or not _is_publisher(names, page, sitename, page_url):
                # After the publisher, only a person's name replaces it.
                if not publisher or all(_person_shaped(n) for n in names):
                    return names
            elif not publisher:
                publisher = names
        weak = weak or urls
    return publisher or weak


def _pick_date(candidates: Iterable[str]) -> str | None:
    """The first valid date, upgraded by a later one that says the same with more precision."""
    best: str | None = None
    for raw in candidates:
        value = normalize_date(raw)
        if value is None:
            continue
        if best is None:
            best = value
        elif value.startswith(best) and len(value) > len(best):
            best = value  # "2023-12-28" in JSON-LD, "2023-12-28T12:47:00+00:00" in og: keep the zone
    return best


def _element_dates(page: _Page, prop: str) -> list[str]:
    out: list[str] = []
    for node in page.itemprops.get(prop.lower(), [])[:5]:
        # <meta itemprop> in <body> is missing from the head-only meta index, so it counts here
        attrs = node.attributes
        # <abbr class="published" title="2025-12-19T15:18:00-05:00">: the machine date is the title
        title = attrs.get("title") if node.tag == "abbr" else None
        out.append(attrs.get("datetime") or attrs.get("content") or title or node.text())
    return out


def _time_near_h1(page: _Page) -> list[str]:
    """<time> values of the article header; a related story's or comment's time is never taken."""
    times = page.tree.tags("time")
    if not times:
        return []
    containers: Iterable[LexborNode] = page.header
    if not containers:
        articles = page.tree.tags("article")
        containers = articles if len(articles) == 1 else []
    for container in containers:
        for node in times:
            if not _descends(node, container) or _excluded(node, container):
                continue
            value = node.attributes.get("datetime") or node.text()
            if normalize_date(value):
                return [value]
    return []


def _text_after_h1(page: _Page) -> list[str]:
    """Short lines right after the h1 ("Posted by ... · 8 April 2024"): three siblings at most."""
    out: list[str] = []
    node = page.h1.next if page.h1 is not None else None
    while node is not None and len(out) < 3:
        if node.is_element_node:
            text = node.text(separator=" ")
            if len(text) < 200:
                out.append(text)
            else:
                break  # the story has started; a date further down is not the dateline
        node = node.next
    return out


def _own_text_dates(nodes: Iterable[LexborNode], stop: LexborNode | None = None) -> list[str]:
    """Elements whose own text is a date and little else ("Nov 21, 2018" in a span), in order."""
    out: list[str] = []
    for node in nodes:
        text = node.text(deep=False, strip=True)
        if 6 <= len(text) <= 40 and _DIGIT.search(text) and normalize_date(text) and not _excluded(node, stop):
            out.append(text)
            break
    return out


def _dates_near_h1(page: _Page) -> list[str]:
    """The dateline of the article header: its <time>, the lines after the h1, a bare date beside the byline."""
    found = [*_time_near_h1(page), *_text_after_h1(page)]
    for container in page.header:
        found.extend(_own_text_dates(container.css(_DATE_TEXT_TAGS)[:150], container))
    return found


def _graph_dates(page: _Page, key: str) -> list[str]:
    """``key`` of the other page-level JSON-LD objects: Yoast dates the WebPage, not always the Article."""
    out: list[str] = []
    for obj in page.doc.objects[:50]:
        if obj is not page.main and (page_type_of(types_of(obj)) or "WebPage" in types_of(obj)):
            out.extend(texts(obj.get(key), page.doc))
    return out


def _other_meta_dates(page: _Page) -> list[str]:
    """Meta tags no list names ("cludo:date", "article.created") whose key says publication."""
    out: list[str] = []
    for key, contents in page.metas.items():
        if _META_DATE_KEY.search(key) and not _META_NOT_PUBLISHED.search(key):
            out.extend(contents[:1])
    return out


def _date_excluded(node: LexborNode) -> bool:
    """Whether a date element belongs to something else than the page (a teaser, a comment, a sidebar).

    Page-builder wrapper tokens do not count ("elementor-widget-container"), and a
    short <aside> within <article> is the post's own meta box, not a sidebar.
    """
    aside = node.parent
    while aside is not None and aside.tag not in _NOT_ELEMENT and aside.tag != "aside":
        aside = aside.parent
    if aside is None or aside.tag != "aside":
        return _excluded(node, headline=True)
    if not _inside(aside, _ARTICLE) or len(aside.text()) >= 200:
        return True
    tokens = f"{aside.attributes.get('class') or ''} {aside.attributes.get('id') or ''}".lower()
    return (bool(_HEADLINE_EXCLUDED_TOKENS.search(tokens)) or _excluded(node, aside, headline=True)
            or (aside.parent is not None and _excluded(aside.parent, headline=True)))


def _dated_elements(page: _Page) -> list[str]:
    """Dates in the page's date-like elements outside asides and comments, first in document order.

    <time> first, then short elements whose class says date; only when no declaration and
    nothing near the headline gave one, because a page's first <time> is sometimes a teaser's.
    """
    out: list[str] = []
    for node in page.tree.tags("time")[:20]:
        if not _date_excluded(node):
            out.append(node.attributes.get("datetime") or node.text())
    for node in page.tree.css(_DATE_CLASS_SELECTOR)[:40]:
        text = node.text(separator=" ")
        if len(text) < 120 and not _date_excluded(node):
            out.append(text)
    if not any(normalize_date(v) for v in out):
        body = page.tree.body
        out.extend(_own_text_dates(body.css(_DATE_TEXT_TAGS)[:1500] if body is not None else []))
    return out


def _script_dates(page: _Page) -> list[str]:
    """Publication dates in inline app state (Next.js, Nuxt, Gatsby), which some pages declare nowhere else."""
    for node in page.tree.tags("script"):
        if "ld+json" in (node.attributes.get("type") or "") or node.attributes.get("src"):
            continue
        m = _SCRIPT_DATE.search(node.text()[:1_000_000])
        if m:
            return [m["date"]]
    return []


def _dates(page: _Page, page_url: str | None) -> tuple[str | None, str | None]:
    # Declarations first; the DOM is searched only when they are silent. Each
    # fallback list is built only when the ones before it found nothing.
    modified = _pick_date([*page.ld("dateModified"), *page.meta(_MODIFIED_KEYS)])
    modified = modified or _pick_date(_element_dates(page, "dateModified"))
    declared = _pick_date([*page.ld(*_LD_DATE_KEYS), *page.meta(_DATE_KEYS)])
    if declared is not None:
        utc = declared.endswith("+00:00") and not 10 <= int(declared[11:13] or 12) < 14
        if utc:
            declared = _shown_instead(declared, _pick_date(_dates_near_h1(page)))
        return declared, modified
    fallbacks: list[Callable[[], list[str]]] = [
        lambda: [*_element_dates(page, "datePublished"), *_dates_near_h1(page)],
        lambda: [*_graph_dates(page, "datePublished"), *_other_meta_dates(page)],
        lambda: [u for u in (page_url, page.url) if u and date_from_url(u)],
        lambda: _dated_elements(page),
        lambda: _script_dates(page),
    ]
    event_days = _event_days(page)
    for candidates in fallbacks:
        published = _pick_date(c for c in candidates() if not _on_days(c, event_days))
        if published is not None:
            return published, modified
    # A page that only says when it was last changed: that is the best date it has.
    return modified, modified


def _event_days(page: _Page) -> frozenset[str]:
    """The days the page's declared events take place ("2026-05-14" of an Event's startDate)."""
    days = set()
    for obj in page.doc.objects[:50]:
        for key in _LD_EVENT_KEYS:
            for value in texts(obj.get(key), page.doc):
                day = normalize_date(value)
                if day is not None:
                    days.add(day[:10])
    return frozenset(days)


def _on_days(raw: str, days: frozenset[str]) -> bool:
    """Whether an undeclared date found on the page is one of these days: the event's, not the page's."""
    if not days:
        return False
    value = normalize_date(raw)
    return value is not None and value[:10] in days


def _shown_instead(declared: str, shown: str | None) -> str:
    """The dateline's date when it corrects a declared UTC timestamp, else the declared one.

    It corrects it when it is the day next to it: the publisher's local date
    (23:25 UTC on the 18th is the 19th in Asia). A dateline showing the
    modification date ("Updated June 18") does not: the field is the
    publication date, and the modification has its own (WCXB odd ids: taking
    the shown update lost 17 pages and won 9).
    """
    if shown is None or shown[:10] == declared[:10]:
        return declared
    utc = declared.endswith("+00:00") and len(declared) > 10
    try:
        apart = abs((date.fromisoformat(shown[:10]) - date.fromisoformat(declared[:10])).days)
    except ValueError:
        return declared
    return shown if utc and apart == 1 else declared


def _description(page: _Page) -> str | None:
    """The declared description as plain text.

    A JSON-LD description written in HTML (a JobPosting's, a Product's) is the
    entity's full text, not the page's summary: the meta description comes first
    then, and the markup is stripped when it is all there is.
    """
    declared = [(v, _IN_HTML.search(v) is not None) for v in page.ld("description")]
    meta = [(v, _IN_HTML.search(v) is not None) for v in page.meta(_DESCRIPTION_KEYS)]
    ordered = [*(d for d in declared if not d[1]), *meta, *(d for d in declared if d[1])]
    return _first(htmllib.unescape(_MARKUP.sub(_tag_space, v)) if html else v for v, html in ordered)


def _language(page: _Page) -> str | None:
    root = page.tree.root
    html_lang = [root.attributes.get("lang") or root.attributes.get("xml:lang") or ""] if root else []
    for value in (*page.ld("inLanguage", sub="alternateName"), *page.ld("inLanguage"), *html_lang,
                  *page.meta(_LANGUAGE_KEYS)):
        lang = normalize_language(value)
        if lang:
            return lang
    return None


def _image(page: _Page, base: str | None) -> tuple[str | None, str | None, str | None]:
    """(image URL, caption, credit)."""
    image = page.main.get("image") or page.main.get("thumbnailUrl")
    first = page.doc.resolve(image[0] if isinstance(image, list) and image else image)
    obj = first if isinstance(first, dict) else {}
    urls = [*texts(image, page.doc, "url"), *page.meta(_IMAGE_KEYS), *page.links.get("image_src", ())]
    url = next((u.strip() for u in urls if u.strip() and not u.strip().startswith("data:")), None)
    if url is not None:
        url = urljoin(base or "", url)
    caption = _first([*texts(obj.get("caption"), page.doc, "text"), *page.meta(_CAPTION_KEYS)])
    credit = _first([*texts(obj.get("creditText"), page.doc), *texts(obj.get("copyrightHolder"), page.doc),
                     *texts(obj.get("author"), page.doc)])
    return url, caption, credit


def _terms(values: Iterable[str]) -> tuple[str, ...]:
    """Comma-separated keyword lists flattened, trimmed and de-duplicated case-insensitively."""
    seen: dict[str, str] = {}
    for value in values:
        for part in _TERM_SEP.split(value):
            term = normalize_space(part)
            if 2 <= len(term) <= 100:
                seen.setdefault(term.lower(), term)
    return tuple(seen.values())


def _rel_tags(page: _Page) -> tuple[str, ...]:
    """Undeclared tags: the texts of links marked rel="tag" (the tags of this page, by the
    rel-tag convention), not a sidebar's or menu's tag cloud, and not rel="category tag"."""
    found = []
    for a in page.tree.css('a[rel~="tag"]')[:_REL_TAGS_MAX]:
        rel = (a.attributes.get("rel") or "").lower().split()
        if "category" not in rel and not _inside(a, _NAVIGATION):
            found.append(a.text())
    return _terms(found)


#: a Question is one entry of an FAQ when the page declares an FAQPage, as metadata.typed reads a dump: the
#: site's answers to its customers' questions (a shop's category page, a service's), no thread of posts. Taken
#: for a thread, a shop's category page under its FAQ was judged as a sequence of posts and lost its product
#: grid. WCXB with the closed accordion panels shown (segment.html._accordion_panels): collection .7402 -> .7493
_FAQ_PAGE = "FAQPage"
_QUESTION = "Question"


def _faq_entry(page: _Page, types: Sequence[str]) -> bool:
    """Whether the main entity is one question of the FAQ that the page declares (see _FAQ_PAGE)."""
    return _QUESTION in types and any(_FAQ_PAGE in types_of(o) for o in page.doc.objects)


def _page_type(page: _Page) -> str | None:
    types = types_of(page.main) if page.main else ()
    declared = page_type_of(types) if not _faq_entry(page, types) else None
    if declared:
        return declared
    if any(_THREAD_ITEMTYPE.search(n.attributes.get("itemtype") or "") for n in page.tree.css("[itemtype]")):
        return "forum"
    # A theme prints og:type "article" on every page; a shop's plug-in adds its own "product" after it.
    kinds = [_OG_TYPES.get(normalize_space(og).lower()) for og in page.meta(("og:type",))]
    if "product" in kinds:
        return "product"
    if page.main and is_webpage(types_of(page.main)) and not any(page.meta(_POST_KEYS)):
        # The same theme's JSON-LD names any page a bare WebPage, and a post's og tags say when and
        # where it was published: without them, og:type "article" is the theme's default, not the page's.
        return None
    return next((k for k in kinds if k), None)


def _license(page: _Page) -> str | None:
    declared = _first([*page.ld("license", sub="url"), *page.links.get("license", ()), *page.meta(_LICENSE_KEYS)])
    if declared:
        return declared
    # The Creative Commons badge: <a rel="license" href=...> in the footer.
    badges = page.tree.css("a[rel~=license][href]")
    return _first(n.attributes.get("href") or "" for n in badges[:1])


def _body(page: _Page) -> str | None:
    """JSON-LD articleBody (or text), unescaped and stripped of markup, one paragraph per line."""
    raw = page.main.get("articleBody") or page.main.get("text")
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = htmllib.unescape(_TAGS_RE.sub("\n", raw.replace("\r", "")))
    lines = (normalize_space(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line) or None


def _values(page: _Page, raw: list[Any]) -> tuple[str, ...]:
    out: dict[str, None] = {}
    string_leaves(raw, out)
    for contents in page.metas.values():
        string_leaves(contents, out)
    return tuple(out)


def html_metadata(tree: LexborHTMLParser, url: str | None = None) -> Metadata:
    """The page's metadata from every declaration in an already-parsed tree, which is not modified.

    ``url`` is where the page was fetched from: the base for relative links and
    the last-resort source of a date.
    """
    scripts = [n.text() for n in tree.tags("script") if "ld+json" in (n.attributes.get("type") or "").lower()]
    doc, raw = parse_jsonld(scripts, url)
    broken = _head_broken(tree)
    metas = _index_meta(_head_tags(tree, "meta", broken))
    links = _index_links(_head_tags(tree, "link", broken))
    page = _Page(tree, metas, links, doc, doc.main or {}, _headline_h1s(tree), url)
    sitename = _sitename(page)
    page_url = _page_url(page)
    date, modified = _dates(page, page_url)
    image, caption, credit = _image(page, page_url)
    return Metadata(
        title=_title(page, sitename, page_url),
        authors=_authors(page, page_url, sitename),
        date=date,
        date_modified=modified,
        description=_description(page),
        sitename=sitename,
        language=_language(page),
        url=page_url,
        image=image,
        image_caption=caption,
        image_credit=credit,
        tags=_terms([*page.ld("keywords"), *page.meta(_TAG_KEYS)]) or _rel_tags(page),
        categories=_terms([*page.ld("articleSection"), *page.meta(_CATEGORY_KEYS)]),
        page_type=_page_type(page),
        license=_license(page),
        body=_body(page),
        values=_values(page, raw),
    )
