"""Normalisers shared by the HTML and the text-dump metadata front-ends.

Every function takes one raw declared value and returns a clean one or None;
none of them raises on odd input, because declared metadata is routinely
wrong and a bad value must never cost the caller the whole document
(USERS.md item 13). All patterns are compiled once here and are linear-time:
no nested quantifiers, bounded repetitions only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

__all__ = [
    "author_from_url",
    "clean_author",
    "clean_title",
    "date_from_url",
    "date_start",
    "is_url",
    "normalize_date",
    "normalize_language",
    "normalize_space",
    "names_site",
    "split_authors",
    "TITLE_SEP",
]

# --------------------------------------------------------------------------- text

_SPACE = re.compile(r"\s+")
_SPACE_NOT_IDEOGRAPHIC = re.compile(r"[^\S\u3000]+")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def _words(text: str) -> list[str]:
    """Space-separated data written as one string, so that word lists stay readable."""
    return text.split()



def normalize_space(value: str) -> str:
    """Unescape HTML entities and collapse every whitespace run to one space."""
    if "&" in value:
        value = html.unescape(value)
        if "&" in value and _ENTITY.search(value):
            value = html.unescape(value)  # escaped twice by the CMS: "&amp;#8230;"
    if "\u3000" in value:
        # The ideographic space separates phrases in CJK titles; keep it.
        return _SPACE_NOT_IDEOGRAPHIC.sub(" ", value).strip()
    # str.split() knows Unicode whitespace and is several times faster than a regex.
    return " ".join(value.split())


_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]{1,15}:)?//|^www\.|^/[\w%.-]+/", re.IGNORECASE)


def is_url(value: str) -> bool:
    """True when the value is a URL or an absolute path rather than a name."""
    return bool(_URL.match(value.strip()))


# --------------------------------------------------------------------------- dates

def _month_names(*languages: str) -> dict[str, int]:
    """{name: month number} from one string of twelve names per language."""
    return {name: i for names in languages for i, name in enumerate(names.split(), 1)}


_MONTHS: dict[str, int] = {
    # Colliding spellings ("mai", "juni", "april") mean the same month in every
    # language listed, so one table serves them all.
    **_month_names(
        "january february march april may june july august september october november december",
        "jan feb mar apr may jun jul aug sep oct nov dec",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "januari februari maart april mei juni juli augustus september oktober november december",
    ),
    "sept": 9, "jänner": 1, "maerz": 3, "mrz": 3, "okt": 10, "dez": 12, "setiembre": 9,
    "fevrier": 2, "aout": 8, "decembre": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
}

#: Offsets of the zone names that appear in bylines; ambiguous ones (IST, CST
#: in Asia) are left out so that a wrong offset is never invented.
_ZONES: dict[str, str] = {
    "Z": "+00:00", "UTC": "+00:00", "GMT": "+00:00", "UT": "+00:00", "WET": "+00:00",
    "BST": "+01:00", "CET": "+01:00", "MEZ": "+01:00", "WEST": "+01:00",
    "CEST": "+02:00", "MESZ": "+02:00", "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00",
    "EST": "-05:00", "EDT": "-04:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "JST": "+09:00", "KST": "+09:00",
    "AEST": "+10:00", "AEDT": "+11:00",
}

_TZ = r"(?P<tz>Z|(?:UTC|GMT)?\s?[+-]\d{1,2}(?::?\d{2})?|[A-Z]{1,4}(?![A-Za-z]))"
_ISO = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    r"(?:(?:T|\s{1,3})(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d{1,9})?)?\s?" + _TZ + r"?)?"
)
_COMPACT = re.compile(
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?" + _TZ + "?)?$"
)
_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)")
_DAY_MONTH = re.compile(
    r"(?<![^\W_])(?P<d>\d{1,2})(?:st|nd|rd|th|er)?\.?\s{1,3}(?:de\s)?(?P<mon>[^\W\d_]{3,10})\.?,?\s{1,3}(?:de\s)?"
    r"(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"(?<![^\W\d_])(?P<mon>[^\W\d_]{3,10})\.?\s{1,3}(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
#: "2023 Jan 7", as citation_publication_date writes it
_YEAR_MONTH_DAY = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s{1,3}(?P<mon>[^\W\d_]{3,10})\.?\s{1,3}(?P<d>\d{1,2})(?![\d:])", re.IGNORECASE
)
_TIME = re.compile(
    r"(?<![\d:])(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?![\d:])(?:\s?(?P<ampm>(?i:[ap])\.?(?i:m)\.?))?"
    r"(?:\s?" + _TZ + r")?"
)
_TIMESTAMP = re.compile(r"^\d{9,13}(?:\.\d{1,6})?$")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/_-](?P<m>\d{1,2})[/_-](?P<d>\d{1,2})(?=[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=[/_.-]|$)"
)


_OFFSET = re.compile(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?")


def _valid_year(year: int) -> bool:
    # Web publishing dates before 1990 are almost always parsing accidents
    # (birth years, "1970-01-01" from a zero timestamp).
    return 1990 <= year <= datetime.now(UTC).year + 1


def _zone(raw: str | None) -> str | None:
    """A "+HH:MM" offset for a captured zone, or None when unknown."""
    if not raw:
        return None
    raw = raw.replace(" ", "")
    if raw in _ZONES:
        return _ZONES[raw]
    m = _OFFSET.fullmatch(raw)
    if not m:
        return None
    hours, minutes = int(m[2]), int(m[3] or 0)
    if hours > 14 or minutes > 59:
        return None
    return f"{m[1]}{hours:02d}:{minutes:02d}"


def _format(y: int, m: int, d: int, hh: int | None = None, mm: int = 0, ss: int = 0,
            tz: str | None = None) -> str | None:
    """ISO 8601 text for the parts, or None when they name no real moment."""
    if not _valid_year(y):
        return None
    try:
        day = datetime(y, m, d)
        if hh is None:
            return day.date().isoformat()
        moment = datetime(y, m, d, hh, mm, ss)
    except ValueError:
        return None
    text = moment.isoformat()
    return text + tz if tz else text


def _from_timestamp(value: str) -> str | None:
    seconds = float(value)
    if len(value.split(".")[0]) == 13:  # milliseconds, as JavaScript writes them
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment.isoformat(timespec="seconds") if _valid_year(moment.year) else None


def date_from_url(url: str) -> str | None:
    """The date in a URL path ("/2023/12/28/", "/20231228/") as "YYYY-MM-DD", or None."""
    try:
        path = urlsplit(url).path if "://" in url else url
    except ValueError:  # a malformed host: read the string as it stands
        path = url
    for m in _URL_DATE.finditer(path):
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        found = _format(int(y), int(mo), int(d))
        if found:
            return found
    return None


def _with_time(date: tuple[int, int, int], rest: str) -> str | None:
    """Attach the first clock time found in ``rest`` (the text around the date)."""
    y, mo, d = date
    t = _TIME.search(rest)
    if not t:
        return _format(y, mo, d)
    hh, mm, ss = int(t["H"]), int(t["M"]), int(t["S"] or 0)
    ampm = (t["ampm"] or "")[:1].lower()
    if ampm and not 1 <= hh <= 12:
        return _format(y, mo, d)
    if ampm == "p" and hh != 12:
        hh += 12
    elif ampm == "a" and hh == 12:
        hh = 0
    return _format(y, mo, d, hh, mm, ss, _zone(t["tz"])) or _format(y, mo, d)


def _month_name_dates(value: str) -> Iterator[tuple[re.Match[str], int]]:
    """The dates written with a month name in ``value`` (match, month number), pattern by pattern."""
    for pattern in (_DAY_MONTH, _MONTH_DAY, _YEAR_MONTH_DAY):
        for m in pattern.finditer(value):
            month = _MONTHS.get(m["mon"].lower())
            if month:
                yield m, month


def _textual_date(value: str) -> tuple[tuple[int, int, int], str] | None:
    """A date written with a month name, and the text left around it."""
    for m, month in _month_name_dates(value):
        rest = value[: m.start()] + " " + value[m.end():]
        return (int(m["y"]), month, int(m["d"])), rest
    return None


def _numeric_date(value: str) -> tuple[tuple[int, int, int], str] | None:
    """28.12.2023 (day first); with / or - only when day and month can be told apart."""
    m = _NUMERIC.search(value)
    if not m:
        return None
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if m["sep"] == "." or a > 12:
        day, month = a, b
    elif b > 12:
        month, day = a, b
    else:
        return None  # 05/06/2023 is May or June depending on the site's country
    return (y, month, day), value[: m.start()] + " " + value[m.end():]


def date_start(text: str) -> int | None:
    """Where the first date written in ``text`` starts ("Ann Lee December 17, 2025" -> 9), or None."""
    starts = [m.start() for m in (_ISO.search(text), _NUMERIC.search(text)) if m]
    starts.extend(m.start() for m, _ in _month_name_dates(text))
    return min(starts, default=None)


def normalize_date(value: str) -> str | None:
    """A declared date as ISO 8601, or None when it is not a plausible publication date.

    "2023-12-28T12:47:00+00:00" when time and zone are known, "2023-12-28T12:47:00"
    without a zone, "2023-12-28" for a date alone. Accepts ISO variants, RFC 2822,
    "28.12.2023", month names in several languages, unix timestamps and URLs.
    """
    value = value.strip()[:200]
    if not value:
        return None
    if _TIMESTAMP.match(value):
        return _from_timestamp(value)
    if is_url(value):
        return date_from_url(value)
    m = _ISO.search(value) or _COMPACT.match(value)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
        if m["H"] is None:
            return _with_time((y, mo, d), value[: m.start()] + " " + value[m.end():])
        tz = _zone(m["tz"])
        found = _format(y, mo, d, int(m["H"]), int(m["M"]), int(m["S"] or 0), tz)
        return found or _format(y, mo, d)
    parsed = _textual_date(value) or _numeric_date(value)
    if parsed:
        return _with_time(*parsed)
    return None


# --------------------------------------------------------------------------- language

#: ISO 3166-1 alpha-2 codes: a region equal to the language code ("de_DE") is
#: kept when it is a real country, dropped when it is not ("en_EN").
_COUNTRIES = frozenset(
    _words("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER
    ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID
    IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV
    LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR
    NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC
    VE VG VI VN VU WF WS YE YT ZA ZM ZW EU UK XK""")
)
#: Language names some CMSs write instead of codes.
_LANGUAGE_NAMES = {
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr", "francais": "fr",
    "spanish": "es", "español": "es", "italian": "it", "italiano": "it", "portuguese": "pt",
    "português": "pt", "dutch": "nl", "nederlands": "nl", "russian": "ru", "chinese": "zh",
    "japanese": "ja", "polish": "pl", "polski": "pl",
    # ISO 639-3/639-2 codes, as crawlers write them (WARC-Identified-Content-Language: eng)
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt",
    "nld": "nl", "dut": "nl", "rus": "ru", "zho": "zh", "chi": "zh", "jpn": "ja", "pol": "pl", "kor": "ko",
    "swe": "sv", "tur": "tr", "ara": "ar", "ukr": "uk", "ces": "cs", "cze": "cs", "dan": "da", "fin": "fi",
    "nor": "no", "ell": "el", "gre": "el", "hun": "hu", "ron": "ro", "rum": "ro", "ind": "id", "vie": "vi",
}
_LANG_LIST = re.compile(r"[,;\s]")
_LANG_TAG = re.compile(
    r"^(?P<lang>[a-z]{2,3})(?:-(?P<script>[a-z]{4}))?(?:-(?P<region>[a-z]{2}|\d{3}))?(?:-|$)"
)


def normalize_language(value: str) -> str | None:
    """A declared language as a BCP 47 tag ("pt-BR", "zh-Hans", "en"), or None.

    Takes the first of a list ("en-US,en;q=0.9"); drops a fake region that only
    repeats the language code ("en_EN") unless it is a real country ("de_DE").
    """
    first = _LANG_LIST.split(value.strip(), maxsplit=1)[0].replace("_", "-").lower()
    if first in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[first]
    m = _LANG_TAG.match(first)
    if not m or m["lang"] in {"und", "mul", "zxx", "xxx"}:
        return None
    tag = m["lang"]
    if m["script"]:
        tag += "-" + m["script"].title()
    region = (m["region"] or "").upper()
    if region and not (region == m["lang"].upper() and region not in _COUNTRIES):
        tag += "-" + region
    return tag


# --------------------------------------------------------------------------- authors

_BY_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|words|text|story|article)\s+by|by|von|par|por|door|"
    # lower-case only: "Di Maio", "Da Silva" are surnames, "di Mario Rossi" is a byline
    r"(?-i:di|av|af)|przez|autor(?:in)?|author|auteur|texto|text|redacción|redaktion)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_HANDLE = re.compile(r"(?<!\w)@\w{1,30}")
_BRACKETS = re.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,80}\]")
#: Relative-time words that CMS widgets put right before the name
#: ("3 Hours Ago Devin Dwyer", newspaper4k#180).
_RELATIVE_TIME = re.compile(
    r"^(?:(?:\d{1,3}|an?|one)\s+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b[\s,.:|·•-]*"
    r"|^(?:just\s+now|yesterday|today|updated|published|posted)\b[\s,.:|·•-]*",
    re.IGNORECASE,
)
_ROLE = (
    r"staff|staff\s+writer|staff\s+reporter|writer|reporter|correspondent|contributor|columnist|editor|"
    r"senior\s+editor|news\s+editor|contributing\s+writer|freelance\s+writer|guest\s+author|editorial\s+staff"
)
# Possessive quantifiers and a start at the beginning of a white-space run keep this linear.
_ROLE_SUFFIX = re.compile(r"(?<!\s)(?:\s*+[|,–—-]|\s)\s*+(?:the\s++)?(?:" + _ROLE + r")\s*+$", re.IGNORECASE)
_ROLE_ONLY = re.compile(r"^(?:the\s+)?(?:" + _ROLE + r")$", re.IGNORECASE)
#: Placeholders CMSs emit when the real author is unknown.
_GENERIC = frozenset(
    _words("""admin administrator staff editor editors editorial webmaster guest anonymous unknown user author
    authors team newsroom null none n/a na undefined redaktion rédaction redacción redazione""")
)
#: Photo credits end up in byline slots ("Photo: Reuters/Jane Doe", "© Getty Images").
_CREDIT = re.compile(
    r"(?:^|\s)(?:photo|photos|photograph|picture|image|foto|bild|credit|source|quelle|illustration)s?\s*(?:by)?\s*:"
    r"|©|\(c\)|copyright|getty\s*images|shutterstock|istock|alamy|imago|picture[\s-]alliance|ap\s+photo"
    r"|^(?:afp|epa|dpa|ap|apa|anp)$|/\s*(?:reuters|afp|ap|epa|dpa|getty)|(?:reuters|afp|ap|epa|dpa|getty)\s*/",
    re.IGNORECASE,
)
#: Headings and account links that sit where a byline's name does ("The Author" over an author box, "Sign in").
_NOT_NAMES = frozenset({"about the author", "about author", "sign in", "log in", "sign up", "my account", "subscribe",
                        "share", "menu", "read more", "view profile", "all posts", "follow"})
_DIGIT = re.compile(r"\d")
_TEMPLATE_KEY = re.compile(r"^[a-z_]{1,40}(?:\.[a-z_]{1,40}){2,8}$")
_LETTER = re.compile(r"[^\W\d_]")
_AUTHOR_PATH = re.compile(
    r"/(?:authors?|writers?|people|person|profiles?|staff|autor(?:en)?|auteurs?|byline)/(?P<slug>[\w%.-]{2,80})/?$",
    re.IGNORECASE,
)


_SLUG_SEP = re.compile(r"[-_.+]")


def author_from_url(url: str) -> str | None:
    """ "Jane Doe" from an author page URL like "https://x.com/author/jane-doe/", else None."""
    try:
        m = _AUTHOR_PATH.search(urlsplit(url.strip()).path)
    except ValueError:
        return None
    if not m:
        return None
    slug = unquote(m["slug"]).rsplit(".", 1)[0]
    words = [w for w in _SLUG_SEP.split(slug) if w]
    if not words or len(words) > 6 or any(_DIGIT.search(w) for w in words):
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words)


def clean_author(value: str) -> str | None:
    """A person or organisation name from a declared author value, or None.

    Strips "By "/"Von "/"Par "/"Por " prefixes, role suffixes (" | Staff"), emails
    and handles; rejects dates, placeholders ("Admin"), photo credits, relative
    times and anything longer than six words. A URL yields a name only when it
    is an author page ("/author/jane-doe" -> "Jane Doe").
    """
    text = normalize_space(value)[:300]
    if is_url(text):
        return author_from_url(text)
    if _TEMPLATE_KEY.match(text):
        return None  # an unrendered template variable ("page.head.extra.author")
    if _CREDIT.search(text):
        return None
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _BRACKETS.sub(" ", text)
    for _ in range(3):  # "Updated 3 hours ago By Jane Doe" has several layers
        stripped = _RELATIVE_TIME.sub("", _BY_PREFIX.sub("", text.strip(" \t,;:|·•-–—")))
        if stripped == text:
            break
        text = stripped
    text = _ROLE_SUFFIX.sub("", text).strip(" \t,;:|·•-–—.")
    text = _SPACE.sub(" ", text)
    if not text or _DIGIT.search(text) or not _LETTER.search(text) or len(text) < 2:
        return None
    lowered = text.lower()
    if lowered in _GENERIC or lowered.removeprefix("the ") in _GENERIC or lowered in _NOT_NAMES:
        return None
    if _ROLE_ONLY.match(text) or len(text.split()) > 6:
        return None
    return text


# (?<!\s): a match starts at the beginning of a run of white space, never inside it (linear, not quadratic)
_AUTHOR_SEP = re.compile(r"(?<!\s)\s*(?:[,;&|/·•]|\s(?:and|und|et|y|e|en|og|och|i|und)\s)\s*", re.IGNORECASE)


def split_authors(value: str) -> tuple[str, ...]:
    """The distinct clean names in "Jane Doe and John Roe", "A, B & C" or "A; B"."""
    value = normalize_space(value)
    if is_url(value):
        one = clean_author(value)
        return (one,) if one else ()
    if _CREDIT.search(value):
        return ()  # "Photo: Reuters/Ann Lee" split at "/" would turn a credit into an author
    names: list[str] = []
    for part in _AUTHOR_SEP.split(value):
        name = clean_author(part)
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return tuple(names)


# --------------------------------------------------------------------------- titles

# One separator between spaces; a leading "\s*" alternative would be tried at every position.
TITLE_SEP = re.compile(r"(\s(?:[|\-–—·•»:~/]|\|\||::)\s)")
_TITLE_SEP = TITLE_SEP
#: where a <title> joins its headline and the site's name: "Headline | Site", "标题_网站", "A - B";
#: a match starts only at the beginning of a white-space run (linear, not quadratic)
_AFFIX_SEP = re.compile(r"(?<!\s)\s*(?:[|_–—]{1,2}|\s[-:]{1,2}\s|::)\s*")


def title_parts(title: str) -> list[str]:
    """A title cut at its headline/site separators, empty parts dropped."""
    return [p for p in _AFFIX_SEP.split(title.strip()) if p]
_NOT_ALNUM = re.compile(r"[\W_]+")
_TLDS = frozenset(_words("com org net co de fr uk io info news gov edu es it nl at ch ru jp cn br au ca eu"))


def _site_key(name: str) -> str:
    """Lower-case letters and digits of a site name or domain ("www.The-Site.co.uk" -> "thesite")."""
    name = name.strip().lower().rsplit("://", 1)[-1]
    if " " not in name and "." in name:  # a host name: drop "www." and the public suffix
        labels = name.split("/", 1)[0].split(".")
        if labels[0].startswith("www"):
            labels = labels[1:]
        while len(labels) > 1 and labels[-1] in _TLDS:
            labels.pop()
        name = ".".join(labels)
    return _NOT_ALNUM.sub("", name)


def _is_site(segment: str, site: str) -> bool:
    seg = _site_key(segment)
    if len(seg) < 2 or len(site) < 2:
        return False
    # "Harbour News" vs "harbournews.example", "The Gazette" vs "thegazette": containment
    # both ways, but never a single shared short word inside a long segment.
    if seg == site:
        return True
    return min(len(seg), len(site)) >= 3 and len(seg) <= 2 * len(site) + 6 and (site in seg or seg in site)


#: Host labels too common to name a site ("blog.x.org" is x's, not "Blog"'s).
_GENERIC_LABELS = frozenset(_words("www blog blogs news shop store forum forums community docs help support app"
                                   " home web online info mail m en"))


def _host_labels(host: str | None) -> frozenset[str]:
    """The distinctive labels of a host name ("forums.example-site.co.uk" -> {"examplesite"})."""
    if not host:
        return frozenset()
    labels = [_NOT_ALNUM.sub("", x) for x in host.lower().split(".")]
    while len(labels) > 1 and labels[-1] in _TLDS:
        labels.pop()
    return frozenset(x for x in labels if len(x) >= 4 and x not in _GENERIC_LABELS)


def _names_site(segment: str, site: str, labels: frozenset[str], most_words: int = 5) -> bool:
    """Whether a title segment is the site's name: the declared name, or a short segment holding the host's name.

    A leading segment gets a tighter bound (``most_words``): "Product Name Feature:" holds
    the company's name in the host and is still the headline's start.
    """
    if site and _is_site(segment, site):
        return True
    key = _site_key(segment)
    return len(segment.split()) <= most_words and any(label in key for label in labels)


def names_site(name: str, sitename: str | None, host: str | None) -> bool:
    """Whether a name (an author, a title segment) is the site's: its declared name or a short one holding the host's."""
    return _names_site(name, _site_key(sitename) if sitename else "", _host_labels(host), 4)


def clean_title(title: str, sitename: str | None, host: str | None = None, *, home: bool = False) -> str:
    """The title without the site-name affix (" | Site", " - Site", "Site: ").

    The site is the declared name or, failing that, a segment that holds the
    host's name ("Thread title - Example Forums" on forums.example.org). On a
    home page (``home``) a leading name stays: "Brand: what it does" is that
    page's title. With no segment naming the site, only a short trailing
    " | X" (at most four words) after a long title is dropped.
    """
    title = normalize_space(title)
    site = _site_key(sitename) if sitename else ""
    labels = _host_labels(host)
    head, colon, tail = title.partition(": ")
    # "Site | Topic: headline" is cut at its separator below, never at the colon.
    if not home and colon and tail and not _TITLE_SEP.search(head) and _names_site(head, site, labels, 2):
        return tail
    pieces = _TITLE_SEP.split(title)  # [part, separator, part, ...]
    if len(pieces) < 3:
        return title
    if _names_site(pieces[-1], site, labels):
        return "".join(pieces[:-2]).strip() or title
    if not home and _names_site(pieces[0], site, labels, 2):
        return "".join(pieces[2:]).strip() or title
    last, rest = pieces[-1], "".join(pieces[:-2]).strip()
    short_tail = len(last.split()) <= 4 and len(rest.split()) >= 4 and len(rest) > len(last)
    if pieces[-2].strip() in {"|", "||"} and short_tail:
        return rest
    return title
