"""Roles of a dump prelude's values from the schema.org type names printed among them.

A scraper that prints every JSON-LD leaf value prints ``@type`` too: "NewsArticle"
on its own line, then that object's values ("Amp review", dates...), "Person",
then a name. The value that follows a type line within a few lines (URLs, numbers
and dates skipped: the ``@id`` comes first) is that object's name or headline, so
a line after "Person" is a person's name and one after "NewsArticle" the headline.
Dumps that print no type names get no roles, and the other heuristics decide.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .jsonld import ORGANIZATION_TYPES, page_type_of

__all__ = ["declared_type", "is_type_name", "typed_values"]

_PERSON = frozenset({"Person"})
_PAGE = frozenset({"WebPage", "ItemPage", "AboutPage", "CollectionPage", "FAQPage", "ProfilePage",
                   "MedicalWebPage", "QAPage"})
#: Objects whose names are never the page's title nor its author.
_OTHER = frozenset({"ListItem", "BreadcrumbList", "SiteNavigationElement", "ImageObject", "VideoObject",
                    "Offer", "AggregateOffer", "AggregateRating", "Rating", "Review", "PostalAddress", "Place",
                    "GeoCoordinates", "ContactPoint", "Question", "Answer", "SearchAction", "EntryPoint",
                    "PropertyValue", "Thing", "HowToStep", "MonetaryAmount", "OpeningHoursSpecification"})
_TYPE_NAME = regex.compile(r"^[A-Z][A-Za-z]{2,40}+$")
_SKIP = regex.compile(r"^(?:(?:https?:)?//\S++|/[\w/.-]*+|\d[\d\s:.,/T+Z-]*+|true|false|null|#\S++)$")
_LOOKAHEAD = 4
#: a Question is one entry of an FAQ when the page declares an FAQPage (as metadata.jsonld ranks it)
_FAQ = "FAQPage"
_QUESTION = "Question"


def _role(name: str) -> str | None:
    if name in _PERSON:
        return "person"
    if name in ORGANIZATION_TYPES:
        return "site"
    if name in _PAGE:
        return "page"
    if name in _OTHER:
        return "other"
    kind = page_type_of([name])
    return "headline" if kind is not None else None


def is_type_name(line: str) -> bool:
    """Whether a line is a schema.org type name this module gives a role ("Person", "BlogPosting", "QAPage")."""
    return _TYPE_NAME.match(line) is not None and _role(line) is not None


def typed_values(prelude: Sequence[str]) -> dict[str, list[str]]:
    """{role: values in order} for the roles "headline", "page", "person", "site" and "other"."""
    out: dict[str, list[str]] = {}
    roles = [_role(line) if _TYPE_NAME.match(line) else None for line in prelude]
    for i, role in enumerate(roles):
        if role is None:
            continue
        for j in range(i + 1, min(i + 1 + _LOOKAHEAD, len(prelude))):
            if roles[j] is not None:
                break  # the next object's type: this one printed no name
            if not _SKIP.match(prelude[j]):
                out.setdefault(role, []).append(prelude[j])
                break
    return out


def declared_type(prelude: Sequence[str]) -> str | None:
    """The coarse page type ("product", "forum", ...) of the first type name the prelude prints that has one.

    The HTML path reads it from the main JSON-LD entity; a dump that prints ``@type`` values carries the
    same declaration, without which its page type came from the URL alone. An FAQ's Question is no thread.
    """
    names = [line for line in prelude if _TYPE_NAME.match(line)]
    faq = _FAQ in names
    return next((kind for n in names if not (faq and n == _QUESTION) and (kind := page_type_of([n]))), None)
