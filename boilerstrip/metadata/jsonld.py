"""JSON-LD: tolerant parsing, the page's main entity, and typed field access.

Real pages ship JSON-LD with trailing commas, raw control characters, HTML
comments or CDATA wrappers and several concatenated objects; each script is
tried as-is first and cleaned only when that fails, so valid JSON never pays
for the repairs. Nesting is walked to a fixed depth because hostile input can
nest a million brackets.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .normalize import normalize_space

__all__ = [
    "ORGANIZATION_TYPES", "JsonLd", "is_webpage", "page_type_of", "parse_jsonld", "string_leaves", "texts", "types_of",
]

_MAX_DEPTH = 12
_MAX_SCRIPT = 2_000_000  # characters; bigger "JSON-LD" is an app state dump, not metadata

_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _words(text: str) -> list[str]:
    return text.split()


#: @type -> coarse page type; types absent here are not a page's main entity.
_PAGE_TYPES: dict[str, str] = {
    **dict.fromkeys(
        _words("""Article NewsArticle BlogPosting Report ScholarlyArticle SocialMediaPosting LiveBlogPosting
        OpinionNewsArticle AnalysisNewsArticle ReportageNewsArticle ReviewNewsArticle BackgroundNewsArticle
        AskPublicNewsArticle SatiricalArticle AdvertiserContentArticle MedicalScholarlyArticle Review
        CriticReview ClaimReview Posting Blog HowTo Course"""),
        "article",
    ),
    **dict.fromkeys(_words("TechArticle APIReference SoftwareSourceCode"), "documentation"),
    **dict.fromkeys(_words("Product ProductGroup IndividualProduct ProductModel Car Vehicle Book"),
                    "product"),
    **dict.fromkeys(_words("DiscussionForumPosting QAPage Question"), "forum"),
    "Recipe": "recipe",
    **dict.fromkeys(_words("CollectionPage ItemList SearchResultsPage ProfilePage"), "listing"),
    **dict.fromkeys(_words("Service ProfessionalService FinancialProduct"), "service"),
}
#: WebPage and its subtypes that say nothing coarser than "a page".
_WEBPAGES = frozenset(
    _words("WebPage AboutPage ContactPage FAQPage ItemPage MedicalWebPage RealEstateListing")
)
#: Organisations: the publisher, never a person (a declared author of this type is the site itself).
ORGANIZATION_TYPES = frozenset(
    _words("""Organization NewsMediaOrganization Corporation WebSite LocalBusiness EducationalOrganization
    GovernmentOrganization OnlineBusiness OnlineStore Brand""")
)
#: A Question is a Q&A thread's main entity (a QAPage's), or one entry of an FAQ: of an FAQPage,
#: or one of several Questions a page declares side by side. An FAQ's question ranks below the
#: page's own entity: before, the first question of a product page's FAQ made the page a "forum".
#: (Pages that declare nothing but their FAQ still rank its first question first: taken for
#: WebPages, the WCXB service, collection and listing pages among them lost 0.5 F1 in all.)
_QUESTION = "Question"
_FAQ_PAGE = "FAQPage"
_QA_PAGE = "QAPage"
#: Entities that describe the site, never the page.
_SITE_TYPES = frozenset(
    _words("WebSite Organization NewsMediaOrganization Corporation Person BreadcrumbList")
)


def _loads(text: str) -> list[Any]:
    """Every JSON value in the text, or [] when even the repaired text fails."""
    try:
        return [json.loads(text, strict=False)]
    except (ValueError, RecursionError):
        pass
    text = _CONTROL.sub(" ", _TRAILING_COMMA.sub(r"\1", _WRAPPERS.sub("", text)))
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        # Several objects glued together ("{...}{...}" or "{...};") are common.
        start = min((i for i in (text.find("{", pos), text.find("[", pos)) if i >= 0), default=-1)
        if start < 0:
            break
        try:
            value, pos = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):
            break
        values.append(value)
    return values


def types_of(obj: dict[str, Any]) -> tuple[str, ...]:
    """The object's @type names without vocabulary prefixes ("schema:Article", "http://schema.org/Article")."""
    raw = obj.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return tuple(n.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for n in names if isinstance(n, str))


def page_type_of(types: Sequence[str]) -> str | None:
    """The coarse page type ("article", "product", ...) for a list of @type names."""
    for t in types:
        if t in _PAGE_TYPES:
            return _PAGE_TYPES[t]
    return None


def is_webpage(types: Sequence[str]) -> bool:
    """Whether the @type names say "a page" (WebPage or a subtype) and no coarser page type."""
    return any(t in _WEBPAGES for t in types) and page_type_of(types) is None


def _rank(obj: dict[str, Any], faq: bool = False) -> int:
    types = types_of(obj)
    if faq and _QUESTION in types:
        # An FAQ's questions are entries of the page: below its own entity (a product, an article).
        return 3
    if any(t in _PAGE_TYPES for t in types):
        return 4
    if any(t in _WEBPAGES for t in types):
        return 2
    if types and not any(t in _SITE_TYPES for t in types):
        return 1
    return 0


@dataclass(frozen=True, slots=True)
class JsonLd:
    """All JSON-LD objects of a page, the @id index and the chosen main entity."""

    objects: tuple[dict[str, Any], ...]
    ids: dict[str, dict[str, Any]]
    main: dict[str, Any] | None

    def resolve(self, value: Any) -> Any:
        """Follow an {"@id": ...} reference into the graph when it points somewhere."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self.ids.get(value["@id"], value)
        return value

    def of_type(self, names: frozenset[str]) -> Iterator[dict[str, Any]]:
        """Every object whose @type is one of the names."""
        return (o for o in self.objects if any(t in names for t in types_of(o)))


def _top_objects(values: list[Any]) -> Iterator[dict[str, Any]]:
    """Candidates for the main entity: top-level objects, @graph members and their mainEntity."""
    stack = list(reversed(values))
    seen = 0
    while stack and seen < 500:
        value = stack.pop()
        seen += 1
        if isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, dict):
            if "@type" in value:
                yield value
            graph = value.get("@graph")
            if isinstance(graph, list | dict):
                stack.append(graph)
            main = value.get("mainEntity")
            if isinstance(main, dict | list):
                stack.append(main)


def _index(obj: Any, ids: dict[str, dict[str, Any]], depth: int = 0) -> None:
    """Record every object that carries both an @id and content, at any depth."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(obj, dict):
        ident = obj.get("@id")
        if isinstance(ident, str) and len(obj) > 1 and ident not in ids:
            ids[ident] = obj
        for v in obj.values():
            if isinstance(v, dict | list):
                _index(v, ids, depth + 1)
    elif isinstance(obj, list):
        for v in obj[:200]:
            _index(v, ids, depth + 1)


def parse_jsonld(scripts: Sequence[str], url: str | None = None) -> tuple[JsonLd, list[Any]]:
    """Parse the texts of the page's JSON-LD scripts; also returns the raw values for leaf collection."""
    values: list[Any] = []
    for text in scripts:
        if len(text) <= _MAX_SCRIPT and text.strip():
            values.extend(_loads(text))
    objects = tuple(_top_objects(values))
    ids: dict[str, dict[str, Any]] = {}
    _index(values, ids)
    main = None
    if objects:
        faq = _is_faq(objects)

        # Highest rank wins; among equals the one naming this page's URL, then
        # the first (a listing page's later Articles are its teasers).
        def key(pair: tuple[int, dict[str, Any]]) -> tuple[int, int, int]:
            i, o = pair
            own = o.get("url")
            same_url = bool(url) and isinstance(own, str) and own.rstrip("/") == (url or "").rstrip("/")
            return (_rank(o, faq), int(same_url), -i)

        best = max(enumerate(objects), key=key)[1]
        main = best if _rank(best, faq) > 0 else None
    return JsonLd(objects, ids, main), values


def _is_faq(objects: Sequence[dict[str, Any]]) -> bool:
    """Whether the page's Questions are an FAQ: it declares an FAQPage, or more than one Question and no QAPage."""
    questions = 0
    qa = False
    for o in objects:
        types = types_of(o)
        if _FAQ_PAGE in types:
            return True
        questions += _QUESTION in types
        qa = qa or _QA_PAGE in types
    return questions > 1 and not qa


def string_leaves(values: Any, out: dict[str, None], depth: int = 0) -> None:
    """Add every string leaf (whitespace-normalised, >= 3 characters) to ``out`` in document order."""
    if depth > _MAX_DEPTH or len(out) > 5000:
        return
    if isinstance(values, str):
        text = normalize_space(values)
        if len(text) >= 3:
            out.setdefault(text, None)
    elif isinstance(values, dict):
        for k, v in values.items():
            if k not in {"@context", "@type", "@id"}:
                string_leaves(v, out, depth + 1)
    elif isinstance(values, list):
        for v in values[:500]:
            string_leaves(v, out, depth + 1)


def texts(value: Any, doc: JsonLd, key: str = "name") -> list[str]:
    """Strings from a value that may be a string, an object (its ``key``), an @id or a list of these."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:50]:
        item = doc.resolve(item)
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            inner = item.get(key)
            if isinstance(inner, str):
                out.append(inner)
            elif isinstance(inner, list):
                out.extend(s for s in inner if isinstance(s, str))
            elif key == "url" and isinstance(item.get("contentUrl"), str):
                out.append(item["contentUrl"])
        elif isinstance(item, int | float) and not isinstance(item, bool):
            out.append(str(item))
    return out
