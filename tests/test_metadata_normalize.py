"""Normalisers shared by both metadata front-ends."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from boilerstrip.metadata.normalize import (
    author_from_url,
    clean_author,
    clean_title,
    date_from_url,
    normalize_date,
    normalize_language,
    normalize_space,
    split_authors,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-12-28T12:47:00+00:00", "2023-12-28T12:47:00+00:00"),
        ("2023-12-28T12:47+0000", "2023-12-28T12:47:00+00:00"),
        ("2023-12-28 12:47:00Z", "2023-12-28T12:47:00+00:00"),
        ("2023-12-28T12:47:00.123Z", "2023-12-28T12:47:00+00:00"),
        ("2023-12-28T12:47:00-05:00", "2023-12-28T12:47:00-05:00"),
        ("2023-12-28T12:47:00", "2023-12-28T12:47:00"),
        ("2023-12-28", "2023-12-28"),
        ("2023/12/28", "2023-12-28"),
        ("20231228", "2023-12-28"),
        ("Thu, 28 Dec 2023 12:47:00 +0000", "2023-12-28T12:47:00+00:00"),
        ("Thu, 28 Dec 2023 12:47:00 GMT", "2023-12-28T12:47:00+00:00"),
        ("28.12.2023", "2023-12-28"),
        ("December 28, 2023", "2023-12-28"),
        ("Dec. 28, 2023", "2023-12-28"),
        ("28 December 2023", "2023-12-28"),
        ("28th December 2023", "2023-12-28"),
        ("28. Dezember 2023", "2023-12-28"),
        ("28 décembre 2023", "2023-12-28"),
        ("28 de diciembre de 2023", "2023-12-28"),
        ("12:47 GMT 28.12.2023", "2023-12-28T12:47:00+00:00"),
        ("Dec 28, 2023 at 3:05 pm EST", "2023-12-28T15:05:00-05:00"),
        ("Published 28.12.2023, 12:47", "2023-12-28T12:47:00"),
        ("12/28/2023", "2023-12-28"),
        ("2023 Dec 28", "2023-12-28"),
        ("Thursday, December 28, 2023", "2023-12-28"),
        ("28/12/2023", "2023-12-28"),
        ("1703767620", "2023-12-28T12:47:00+00:00"),
        ("1703767620000", "2023-12-28T12:47:00+00:00"),
        ("https://example.com/2023/12/28/some-story", "2023-12-28"),
        ("https://example.com/news/20231228/some-story", "2023-12-28"),
    ],
)
def test_normalize_date_accepts(raw: str, expected: str) -> None:
    """Every documented spelling becomes the same ISO 8601 value."""
    assert normalize_date(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "garbage", "2023-02-30", "2023-13-01", "1985-06-01", "2099-01-01", "05/06/2023", "0",
     "Version 2.3.4", "1970-01-01T00:00:00Z", "December 2023"],
)
def test_normalize_date_rejects(raw: str) -> None:
    """Impossible, ambiguous, too old or future dates give None."""
    assert normalize_date(raw) is None


def test_normalize_date_bad_time_keeps_the_day() -> None:
    """A broken clock time does not cost the date."""
    assert normalize_date("2023-12-28T25:00:00") == "2023-12-28"


def test_date_from_url_needs_a_real_date() -> None:
    """Numbers in a path that are not a date are ignored."""
    assert date_from_url("https://x.com/2023/12/28/a") == "2023-12-28"
    assert date_from_url("https://x.com/products/20239999/") is None
    assert date_from_url("https://x.com/about") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("en_EN", "en"), ("en-US", "en-US"), ("pt-br", "pt-BR"), ("zh_CN", "zh-CN"), ("zh-hans", "zh-Hans"),
        ("EN", "en"), ("de_DE", "de-DE"), ("fr-FR", "fr-FR"), ("en-US,en;q=0.9", "en-US"),
        ("zh-Hant-TW", "zh-Hant-TW"), ("es-419", "es-419"), ("English", "en"), (" de ", "de"),
    ],
)
def test_normalize_language(raw: str, expected: str) -> None:
    """Declared languages become BCP 47 tags."""
    assert normalize_language(raw) == expected


@pytest.mark.parametrize("raw", ["", "x-default", "und", "12", "?", "language"])
def test_normalize_language_rejects(raw: str) -> None:
    """Placeholders and garbage are no language."""
    assert normalize_language(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jane Doe", "Jane Doe"), ("By Jane Doe", "Jane Doe"), ("by: Jane Doe", "Jane Doe"),
        ("Von Hans Müller", "Hans Müller"), ("Par Jean Dupont", "Jean Dupont"),
        ("Por Ana García", "Ana García"),
        ("Jane Doe | Staff", "Jane Doe"), ("Jane Doe, Staff Writer", "Jane Doe"),
        ("Jane Doe (jane@example.com)", "Jane Doe"), ("Jane Doe @janedoe", "Jane Doe"),
        ("Hours Ago Devin Dwyer", "Devin Dwyer"), ("3 hours ago Devin Dwyer", "Devin Dwyer"),
        ("https://example.com/author/jane-doe/", "Jane Doe"), ("Reuters", "Reuters"),
        ("Luigi Di Maio", "Luigi Di Maio"), ("Da Silva", "Da Silva"),
    ],
)
def test_clean_author(raw: str, expected: str) -> None:
    """Prefixes, roles, emails and handles are stripped from a name."""
    assert clean_author(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["", "Staff", "Admin", "admin", "jane@example.com", "@janedoe", "https://example.com/jane",
     "https://www.facebook.com/janedoe", "Photo: Reuters/Jane Doe", "© Getty Images", "Getty Images", "AFP",
     "Reuters/John Smith", "AP Photo/Jane Doe", "Foto: dpa", "December 28, 2023", "Updated 3 hours ago",
     "one two three four five six seven", "Team 42", "Hours Ago", "The Author", "The Editors", "Sign In",
     "About the author"],
)
def test_clean_author_rejects(raw: str) -> None:
    """URLs, dates, placeholders, photo credits and sentences are no author (USERS.md item 7)."""
    assert clean_author(raw) is None


def test_author_from_url_only_for_author_pages() -> None:
    """A profile URL gives a name; any other URL does not."""
    assert author_from_url("https://x.com/authors/john_roe") == "John Roe"
    assert author_from_url("https://x.com/2023/12/28/story") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Ann Lee, Bo Kim & Cy Ng", ("Ann Lee", "Bo Kim", "Cy Ng")),
        ("Ann Lee; Bo Kim", ("Ann Lee", "Bo Kim")),
        ("By Jane Doe, Staff Writer", ("Jane Doe",)),
        ("Jane Doe, December 28, 2023", ("Jane Doe",)),
        ("Jane Doe und Hans Müller", ("Jane Doe", "Hans Müller")),
        ("Jane Doe and jane doe", ("Jane Doe",)),
        ("Photo: Getty Images", ()),
    ],
)
def test_split_authors(raw: str, expected: tuple[str, ...]) -> None:
    """Several authors in one value stay several (readability#153)."""
    assert split_authors(raw) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Big news today | Example News", "Example News", "Big news today"),
        ("Big news today - example news", "Example News", "Big news today"),
        ("Big news today — Example News", "Example News", "Big news today"),
        ("Example News: Big news today", "Example News", "Big news today"),
        ("Example News | Big news today", "Example News", "Big news today"),
        ("Example News | State of tea in 2026: trends", "Example News", "State of tea in 2026: trends"),
        ("Big news today - BBC News", "www.bbc.co.uk", "Big news today"),
        ("The Guardian view on tea | The Guardian", "theguardian.com", "The Guardian view on tea"),
        ("Big news - today - Example", "Example", "Big news - today"),
        ("Nothing to strip here", "Example News", "Nothing to strip here"),
        ("A rather long headline about things | Short Site", None, "A rather long headline about things"),
        ("Short | Tail", None, "Short | Tail"),
        ("A long headline about things - Short Site", None, "A long headline about things - Short Site"),
        ("Example News", "Example News", "Example News"),
    ],
)
def test_clean_title(title: str, site: str | None, expected: str) -> None:
    """Site-name affixes go; the headline stays whole."""
    assert clean_title(title, site) == expected


@given(st.text(max_size=300))
def test_normalisers_never_raise(value: str) -> None:
    """Any string is a valid input to every normaliser."""
    normalize_date(value)
    normalize_language(value)
    clean_author(value)
    split_authors(value)
    clean_title(value, value[:10] or None)


def test_normalize_space_double_escaped_entities() -> None:
    """A CMS that escapes twice ("&amp;#8230;") still yields the character."""
    assert normalize_space("And finally&amp;#8230; trouble") == "And finally\u2026 trouble"
    assert normalize_space("Fish &amp; chips") == "Fish & chips"
