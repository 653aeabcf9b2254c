"""The rule index's literal prefilters: what a pattern needs, that skipping on it never loses a match, and
the one pass that finds which strings a block holds."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from boilerstrip.detectors import default_detectors
from boilerstrip.model import Block, PageInfo
from boilerstrip.rules import compile_rules
from boilerstrip.rules.index import Literals, RuleIndex, pattern_needs, plain_text

FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0


def needs(pattern: str) -> frozenset[str] | None:
    return pattern_needs(regex.compile(pattern, FLAGS))


def test_literal_runs_and_alternations_are_needed() -> None:
    """A literal run, or one of an alternation's literals, must occur in any match."""
    assert needs(r"^\W{0,3}(?:Next|previous)\W{0,3}$") == {"next", "previous"}
    assert needs(r"by\s+using\s+this") == {"using"}
    assert needs(r"cookies?\s") == {"cookie", "cookies"}


def test_branches_without_literals_give_nothing() -> None:
    """A pattern with a branch that needs no literal (any word) has no prefilter."""
    assert needs(r"next|^\w+$") is None
    assert needs(r"(?:page)?\s*[a-z]+") is None
    assert needs(r"[^>]+") is None


def test_short_sets_and_digits_are_literals() -> None:
    """A set listing a few characters stands for them; ``\\d`` for the ASCII digits."""
    assert needs(r"\w\s*[>›»]\s*\w") == {">"}
    assert needs(r"[Tt]he end") == {"the end"}
    assert needs(r"^\d+$") == set("0123456789")
    assert needs(r"\d{1,2}:\d{2}") == {":"}


def test_unknown_syntax_gives_up() -> None:
    """Syntax the reader does not know means no prefilter rather than a wrong one."""
    assert needs(r"(?:colou?r){e<=1}") is None  # fuzzy matching
    assert needs(r"[[:alpha:]]x") is None
    assert needs(r"a\u0062c") is None
    assert needs(r"(?x) s h a r e") is None


def test_hex_escapes_are_their_character() -> None:
    """``\\x27`` is an apostrophe (a rule quoted in TOML writes it so): a literal like any other."""
    assert needs(r"a\x62c") == {"abc"}
    assert needs(r"^you(?:\x27re|\s+are)\s+on\s+page\s+\d+$") == {"page"}
    assert needs(r"[\x27]s") == {"s"}  # in a set, any character: a set is seldom needed


def test_non_ascii_literals_never_occur_in_ascii_text() -> None:
    """A literal with a letter that matches no ASCII one is dropped; "ſ" (which matches "s") stops it all."""
    assert needs(r"zurück|back") == {"back"}
    assert needs(r"©\s*\d{4}") == frozenset()
    assert needs(r"ſhare|back") is None


def test_lookarounds_and_anchors_are_zero_width() -> None:
    """Lookarounds and anchors neither add nor break a needed literal."""
    assert needs(r"(?<!\w)share(?!\w)") == {"share"}
    assert needs(r"^(?i:Share)\b") == {"share"}


def _shipped_patterns() -> list[regex.Pattern[str]]:
    return [
        r.pattern for d in default_detectors() for r in getattr(d, "rules", ()) if r.pattern is not None
    ]


PATTERNS = _shipped_patterns()
PIECES = sorted({s for p in PATTERNS for s in pattern_needs(p) or ()}) + [" ", "-", ":", "1", "2024", "|", "»"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=6), st.sampled_from(range(len(PATTERNS))), st.booleans())
def test_a_shipped_pattern_never_matches_ascii_text_without_its_needs(
    parts: list[str], which: int, upper: bool
) -> None:
    """The prefilter is sound: whenever a rule's pattern matches ASCII text, one of its needs occurs."""
    text = "".join(parts)
    text = text.upper() if upper else text.title()
    pattern = PATTERNS[which]
    found = pattern_needs(pattern)
    if found is None or not text.isascii() or pattern.search(text) is None:
        return
    assert any(s in text.lower() for s in found)


LITERAL_KEYS = ["a", "ad", "ads", "share", "hare", "are", "next", "©", "1", "to"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LITERAL_KEYS, " ", "x", "sh"]), max_size=8))
def test_the_literal_pass_finds_every_string_that_occurs(parts: list[str]) -> None:
    """One pass finds exactly the strings a block holds, overlapping and nested ones included."""
    text = "".join(parts)
    literals = Literals.build(LITERAL_KEYS)
    assert literals.present(text) == {k for k in LITERAL_KEYS if k in text}


def _page(index: RuleIndex, blocks: list[Block], more: frozenset[str]) -> PageInfo:
    literals = Literals.build(index.vocabulary | more)
    lowered = tuple(b.text.lower() for b in blocks)
    return PageInfo(kind="html", lowered=lowered, words=tuple(() for _ in blocks),
                    present=tuple(literals.present(t) for t in lowered), vocabulary=literals.vocabulary)  # fmt: skip


def test_gated_pattern_rules_match_through_the_shared_pass() -> None:
    """A rule with a gate and a pattern whose needed strings differ from the gate's matches alike
    whether its index looks for the strings itself or reads the page's shared pass."""
    rules = compile_rules("x", [
        {"id": "x.photos", "patterns": [r"view\s+all\s+photos"], "gate": ["photo"], "max_chars": 80},
        {"id": "x.sub", "phrases": ["共有する"], "max_chars": 80},
        {"id": "x.next", "patterns": [r"^next\W*$"]},
    ])  # fmt: skip
    index = RuleIndex.build(rules)
    assert index.vocabulary == {"photo", "photos", "next"}
    blocks = [Block(0, "View all photos"), Block(1, "Next »"), Block(2, "photo of the next view"), Block(3, "共有する")]
    own = [index.text_hits(b) for b in blocks]
    assert own == [{0: "View all photos"}, {2: "Next »"}, {}, {1: "共有する"}]
    assert [index.text_hits(b, _page(index, blocks, frozenset({"view", "ext"}))) for b in blocks] == own


OTHER_PIECES = [*PIECES, "é", "ü", "ß", "ç", "—", "’", "“", "»", "€", "ſ", "K", "İ", "ı", "٣", "ñ", "Ö"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(OTHER_PIECES), max_size=6), st.sampled_from(range(len(PATTERNS))), st.booleans())
def test_a_shipped_pattern_never_matches_plain_text_without_its_needs(
    parts: list[str], which: int, upper: bool
) -> None:
    """The prefilter of blocks with characters other than ASCII is sound too: whenever a pattern matches a
    plain_text text, one of its needs_any occurs; "ſ", "İ", "ı", the Kelvin sign and "٣" make a text not plain."""
    text = "".join(parts)
    text = text.upper() if upper else text.title()
    pattern = PATTERNS[which]
    found = pattern_needs(pattern, ascii_text=False)
    if found is None or not plain_text(text) or pattern.search(text) is None:
        return
    assert any(s in text.lower() for s in found)


def test_characters_that_match_ascii_ones_are_not_plain() -> None:
    """Every character other than ASCII that a case-insensitive ASCII letter or ``\\d`` matches is found."""
    others = "".join(chr(c) for c in range(128, 0x30000) if not 0xD800 <= c < 0xE000)
    alike = {c for a in "abcdefghijklmnopqrstuvwxyz0" for c in regex.findall(rf"[{a}]" if a != "0" else r"\d", others, FLAGS)}
    assert alike and not any(plain_text(c) for c in alike)
    assert plain_text("Zurück — “quoted” €5")


def test_plain_blocks_with_other_characters_match_as_without_the_prefilter() -> None:
    """A block with characters other than ASCII matches the same rules through the prefilter."""
    rules = compile_rules("x", [
        {"id": "x.next", "patterns": [r"^(?:next|weiter|suivant)\W*$"], "max_chars": 80},
        {"id": "x.back", "patterns": [r"^(?:zurück|back)\W*$"], "max_chars": 80},
        {"id": "x.photo", "phrases": ["fotogalerie"], "max_chars": 80},
    ])  # fmt: skip
    index = RuleIndex.build(rules)
    blocks = [Block(0, "Next »"), Block(1, "Zurück »"), Block(2, "Fotogalerie öffnen"), Block(3, "Suivant »"), Block(4, "Neẋt »")]
    assert [index.text_hits(b) for b in blocks] == [{0: "Next »"}, {1: "Zurück »"}, {2: "fotogalerie"}, {0: "Suivant »"}, {}]
