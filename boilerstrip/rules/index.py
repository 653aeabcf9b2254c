"""Matching many rules against many blocks in time linear in the blocks' words.

A regex alternation of a few hundred phrases costs hundreds of microseconds per
paragraph, because the engine tries every phrase at every position. Phrases and
class/id tokens are literal word sequences, so they are indexed instead by their
first word: a block is split into words once, each word is looked up once, and
only the few sequences that start with it are compared. Phrases in scripts
without spaces (CJK) are plain substring tests; true regular expressions (the
``patterns`` of a rule) still run, but only on blocks within the rule's length
limits, and on ASCII blocks only when they hold one of the literal strings that
every match of the pattern holds (see pattern_needs). Which of those strings an
ASCII block holds is found in one pass for all rule detectors at once (Literals,
PageInfo.present), and a detector tries only the rules that its strings set off. A block with other
characters is prefiltered alike, by the rules whose strings are all ASCII, unless it holds one of
the few characters that match an ASCII one (see plain_text).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

import ahocorasick
import regex

from ..model import Block, PageInfo, Signal
from . import Rule, load_table

WORDS = re.compile(r"\w+")
#: blocks up to this long get their words split once per page (PageInfo.words); phrase rules are shorter
WORDS_MAX_CHARS = 600
SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
SENTENCE_MIN_CHARS = 25
#: characters other than ASCII that a case-insensitive ASCII literal or ``\d`` matches (İ, ı, ſ and
#: the Kelvin sign for i, s and k in the regex module; digits of other scripts): a text without them
#: matches an ASCII literal only where its lower-cased copy spells it
_ASCII_LIKE = regex.compile(r"[\u0130\u0131\u017f\u212a]|(?![0-9])\d", regex.V0)
#: literal text: "Reply" or "print" on a line of code is data, not a label
LITERAL_ROLES = frozenset({"code"})
#: weight of a class/id match by how many classed elements up it sits (0: the block's own)
LEVEL_SCALE = (1.0, 1.0, 0.9, 0.75, 0.6, 0.45, 0.35, 0.25)

Sequences = Mapping[str, Sequence[tuple[int, tuple[str, ...]]]]

_CLASSES = load_table("classes")
CONTENT_TOKENS = frozenset(_CLASSES["content_tokens"])
CONTENT_NAMES = frozenset(_CLASSES["content_names"])
UTILITY_NAMES = re.compile(r"(?<!\S)\S*[" + re.escape(_CLASSES["utility_marks"]) + r"]\S*")


def _content_names(attrs: str) -> list[list[str]]:
    """The tokens of each class name in ``attrs`` that names the content (see rules/classes.toml)."""
    out = []
    for name in attrs.split():
        tokens = _attr_tokens(name)
        if tokens and (name in CONTENT_NAMES or tokens[0] in CONTENT_TOKENS or tokens[-1] in CONTENT_TOKENS):
            out.append(tokens)
    return out


def _attr_tokens(attrs: str) -> list[str]:
    """The tokens of class/id names: runs of characters other than whitespace, "_" and "-"."""
    return attrs.replace("_", " ").replace("-", " ").split()


def _drop_modifiers(attrs: str, modifiers: re.Pattern[str]) -> str:
    """``attrs`` without the names that modify another name of the same namespace on the element.

    "n-switchback n-sidebar-left" is a switchback block with its side column on the left,
    "cs-site-content cs-sidebar-right" the content wrapper of a page with a right sidebar: the
    element lays a sidebar out, it is none. A lone "sidebar-left" or "wso-sidebar-right" stays.
    """
    names = attrs.split()
    drop = set()
    for name in names:
        m = modifiers.match(name)
        if m and any(n != name and n.startswith(m[1]) and n[len(m[1]) : len(m[1]) + 1] in "-_" for n in names):
            drop.add(name)
    return " ".join(n for n in names if n not in drop) if drop else attrs


def _index(pairs: Sequence[tuple[int, tuple[str, ...]]]) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    for i, seq in pairs:
        if seq:
            out[seq[0]].append((i, seq))
    return dict(out)


def _find(words: Sequence[str], index: Sequences, found: dict[int, str]) -> None:
    if index.keys().isdisjoint(words):  # the usual case, decided in C
        return
    for pos, w in enumerate(words):
        for i, seq in index.get(w, ()):
            if i not in found and tuple(words[pos : pos + len(seq)]) == seq:
                found[i] = " ".join(seq)


def _is_sentence(text: str) -> bool:
    return len(text) >= SENTENCE_MIN_CHARS and SENTENCE_END.search(text) is not None


@dataclass(frozen=True, slots=True)
class _Bucket:
    """The text rules that apply to blocks of one range of lengths (min_chars/max_chars applied)."""

    #: word sequences of those rules, by first word
    words: Sequences
    #: those rules that need a substring test or a regex, in rule order
    literal: tuple[_Literal, ...]
    #: for ASCII blocks, positions in ``literal`` by the strings that can set them off: a rule is
    #: tried only when one of its substrings, its gate's or its pattern's needed strings occurs
    triggers: Mapping[str, tuple[int, ...]]
    #: positions in ``literal`` of the rules that must be tried on every ASCII block (no needed strings)
    always: tuple[int, ...]
    #: the finder of the strings its rules test, for blocks the page's shared pass left out (PageInfo.present)
    literals: Literals
    #: as ``triggers`` and ``always``, for blocks with characters other than ASCII that are plain_text:
    #: a rule with a substring or gate string other than ASCII, or a pattern without needs_any, is always tried
    other_triggers: Mapping[str, tuple[int, ...]]
    other_always: tuple[int, ...]
    #: positions of the word-sequence rules that apply to some roles only or skip sentence-shaped
    #: blocks: their word matches are checked after the fact (``literal`` checks its own first)
    limited: frozenset[int]


@dataclass(frozen=True, slots=True)
class RuleIndex:
    """The rules of one detector, indexed for matching; immutable, built once per detector."""

    rules: tuple[Rule, ...]
    attr_words: Sequences
    ignore_classes: re.Pattern[str] | None
    #: names that modify another class of their element when both share a namespace (see _drop_modifiers)
    modifier_classes: re.Pattern[str] | None
    #: block lengths where the set of applicable text rules changes, ascending; a block of
    #: length n uses ``buckets[bisect_right(bounds, n)]``
    bounds: tuple[int, ...]
    buckets: tuple[_Bucket, ...]
    #: each rule's weight, rounded as signals carry it (class/id matches scale theirs by level)
    weights: tuple[float, ...]
    #: the strings whose presence the text rules test on ASCII blocks (see _Bucket.triggers)
    vocabulary: frozenset[str]

    @classmethod
    def build(
        cls, rules: Sequence[Rule], ignore_classes: Sequence[str] = (), modifier_classes: Sequence[str] = ()
    ) -> RuleIndex:
        attrs = [(i, s) for i, r in enumerate(rules) if r.target == "attrs" for s in r.words]
        text = [(i, r) for i, r in enumerate(rules) if r.target == "text"]
        edges = {r.min_chars for _, r in text if r.min_chars} | {r.max_chars + 1 for _, r in text if r.max_chars}
        bounds = tuple(sorted(edges))
        entries = {i: _entry(i, r) for i, r in text if r.substrings or r.pattern}
        buckets = []
        for n in (0, *bounds):  # each bucket's shortest length stands for all of it
            fit = [(i, r) for i, r in text if _fits(r, n)]
            literal = tuple(entries[i] for i, _ in fit if i in entries)
            triggers, always = _triggers(literal, ascii_text=True)
            other_triggers, other_always = _triggers(literal, ascii_text=False)
            buckets.append(
                _Bucket(
                    words=_index([(i, s) for i, r in fit for s in r.words]),
                    literal=literal,
                    triggers=triggers,
                    always=always,
                    literals=Literals.build(key for entry in literal for key in _tested_strings(entry)),
                    other_triggers=other_triggers,
                    other_always=other_always,
                    limited=frozenset(i for i, r in fit if r.words and (r.roles or r.skip_sentences)),
                )
            )
        ignore = re.compile(r"(?<!\S)(?:" + "|".join(ignore_classes) + r")(?!\S)") if ignore_classes else None
        modifiers = re.compile(r"\A([^\s_-]+)[-_]+(?:" + "|".join(modifier_classes) + r")\Z") if modifier_classes else None
        return cls(
            rules=tuple(rules),
            attr_words=_index(attrs),
            ignore_classes=ignore,
            modifier_classes=modifiers,
            bounds=bounds,
            buckets=tuple(buckets),
            weights=tuple(round(r.weight, 3) for r in rules),
            vocabulary=frozenset(key for entry in entries.values() for key in _tested_strings(entry)),
        )

    def attr_hits(self, attrs: str) -> dict[int, str]:
        """Class/id rules matching ``attrs`` (rule position -> matched token)."""
        if self.attr_words.keys().isdisjoint(_attr_tokens(attrs)):
            # the usual case: the substitutions below only take whole names out, never add a token
            return {}
        if self.ignore_classes is not None:
            attrs = self.ignore_classes.sub(" ", attrs)
        if self.modifier_classes is not None:
            attrs = _drop_modifiers(attrs, self.modifier_classes)
        attrs = UTILITY_NAMES.sub(" ", attrs)
        found: dict[int, str] = {}
        _find(_attr_tokens(attrs), self.attr_words, found)
        if found:
            names = _content_names(attrs)
            if names:
                # Kept only when every content name itself holds the boilerplate word
                # ("content-sidebar" is a sidebar); otherwise the element is the content.
                found = {i: t for i, t in found.items() if all(set(t.split()) <= set(n) for n in names)}
        return found

    def _level_hits(self, levels: tuple[str, ...], cache: dict[str, dict[int, str]]) -> tuple[_AttrHit, ...]:
        """Each class/id rule matching one of ``levels`` at its nearest level, as (position, weight, evidence).

        A class/id match counts less the farther up its element is: a wrapper
        ten levels above the text ("page-wrapper with-right-rail") says little
        about one paragraph, the paragraph's own class a lot.
        """
        out: list[_AttrHit] = []
        done: set[int] = set()
        rules = self.rules
        for depth, level in enumerate(levels):
            hits = cache.get(level)
            if hits is None:
                hits = cache[level] = self.attr_hits(level)
            if not hits:  # nearly every level
                continue
            for i, token in hits.items():
                if i not in done:
                    done.add(i)
                    where = "own class/id" if depth == 0 else f"class/id {depth} up"
                    scale = LEVEL_SCALE[min(depth, len(LEVEL_SCALE) - 1)]
                    out.append((i, round(rules[i].weight * scale, 3), f"{where} {token!r}"))
        return tuple(out)

    def text_hits(self, block: Block, page: PageInfo | None = None) -> dict[int, str]:
        """Text rules matching ``block`` (rule position -> what matched), every rule limit applied."""
        return self._text_hits(block, page, self._shares(page))

    def _shares(self, page: PageInfo | None) -> bool:
        """Whether the page's shared pass looked for every string of this index (PageInfo.present)."""
        return page is not None and bool(page.present) and self.vocabulary <= page.vocabulary

    def _text_hits(self, block: Block, page: PageInfo | None, page_present: bool) -> dict[int, str]:
        text = block.text
        n = len(text)
        bucket = self.buckets[bisect_right(self.bounds, n)]
        if not bucket.words and not bucket.literal:
            return {}
        # The page's lower-cased copy is used when it belongs to this block (same length: a cheap check).
        i = block.index
        shared = page is not None and i < len(page.lowered) and len(page.lowered[i]) == n
        lower = page.lowered[i] if shared and page is not None else text.lower()
        found: dict[int, str] = {}
        if bucket.words:
            words = page.words[i] if shared and page is not None and n <= WORDS_MAX_CHARS else None
            _find(words if words is not None else WORDS.findall(lower), bucket.words, found)
        role = block.role
        if bucket.literal:
            # nine in ten blocks are ASCII, most others plain_text: only the rules its strings set off are tried
            ascii_text = text.isascii()
            present = page.present[i] if page_present and shared and page is not None else None
            if present is None and (ascii_text or plain_text(text)):
                present = bucket.literals.present(lower)
            hits = []
            if present is None:
                hits = _literal_hits(bucket.literal, text, lower, role, found, None, None)
            else:
                always, triggers = (bucket.always, bucket.triggers) if ascii_text else (bucket.other_always, bucket.other_triggers)
                if always or not triggers.keys().isdisjoint(present):  # seldom: decided in C
                    chosen = {*always}
                    for key in present:
                        chosen.update(triggers.get(key, ()))
                    entries = [bucket.literal[k] for k in chosen]
                    if ascii_text:
                        hits = _literal_hits(entries, text, lower, role, found, present, None)
                    else:
                        hits = _literal_hits(entries, text, lower, role, found, None, present)
            if hits:
                hits.sort()  # in rule order, as one loop over all would find them
                found.update(hits)
        if not found or not bucket.limited:
            return found
        rules = self.rules
        sentence: bool | None = None
        for j in [j for j in found if j in bucket.limited]:
            rule = rules[j]
            if rule.roles and role not in rule.roles:
                del found[j]
            elif rule.skip_sentences:
                sentence = _is_sentence(text) if sentence is None else sentence
                if sentence:
                    del found[j]
        return found

    def signals(self, blocks: Sequence[Block], page: PageInfo | None = None) -> Iterator[Signal]:
        """Every rule's signal on every block it applies to, in block order: class/id matches
        (nearest level first), then text matches."""
        by_levels: dict[tuple[str, ...], tuple[_AttrHit, ...]] = {}
        by_level: dict[str, dict[int, str]] = {}
        by_text: dict[tuple[str, str], dict[int, str]] = {}
        rules, weights = self.rules, self.weights
        page_present = self._shares(page)
        attr_words = bool(self.attr_words)
        for b in blocks:
            levels = b.attr_levels
            if levels and attr_words:
                hits = by_levels.get(levels)
                if hits is None:
                    hits = by_levels[levels] = self._level_hits(levels, by_level)
                for i, weight, evidence in hits:
                    rule = rules[i]
                    if (not rule.roles or b.role in rule.roles) and not (rule.skip_sentences and _is_sentence(b.text)):
                        yield Signal(b.index, weight, rule.id, evidence)
            if b.role in LITERAL_ROLES:
                continue
            # a fifth of a page's blocks repeat an earlier one (menus, share labels): matched once
            key = (b.text, b.role)
            found = by_text.get(key)
            if found is None:
                found = by_text[key] = self._text_hits(b, page, page_present)
            for i, what in found.items():
                yield Signal(b.index, weights[i], rules[i].id, f"text {what!r}")


#: a rule pattern's bound search method
_Search = Callable[[str], "regex.Match[str] | None"]
#: a text rule that needs a substring test or a regex: (position, roles, skip_sentences, substrings,
#: the ASCII ones among them, gate, its ASCII substrings, the pattern's search or None, the strings of
#: which an ASCII block must hold one (lower-cased) for the pattern to match it, see pattern_needs,
#: or None, and the same for any plain_text block, or None), read without attribute look-ups in the
#: per-block loop
_Literal = tuple[
    int, frozenset[str], bool, tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], _Search | None,
    frozenset[str] | None, frozenset[str] | None,
]
#: a class/id match: (rule position, weight scaled by level, evidence)
_AttrHit = tuple[int, float, str]


def _entry(i: int, rule: Rule) -> _Literal:
    needs = pattern_needs(rule.pattern) if rule.pattern else None
    needs_any = pattern_needs(rule.pattern, ascii_text=False) if rule.pattern else None
    return (
        i, rule.roles, rule.skip_sentences, rule.substrings, tuple(x for x in rule.substrings if x.isascii()),
        rule.gate, tuple(g for g in rule.gate if g.isascii()), rule.pattern.search if rule.pattern else None,
        None if needs is not None and "" in needs else needs,
        None if needs_any is not None and "" in needs_any else needs_any,
    )  # fmt: skip


def _triggers(entries: Sequence[_Literal], ascii_text: bool) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Positions in ``entries`` by the strings that can set them off, and those always tried (_Bucket.triggers)."""
    triggers: dict[str, list[int]] = defaultdict(list)
    always = []
    for k, entry in enumerate(entries):
        keys = _trigger_strings(entry, ascii_text)
        if keys is None:
            always.append(k)
        for key in keys or ():
            triggers[key].append(k)
    return {key: tuple(ks) for key, ks in triggers.items()}, tuple(always)


def _trigger_strings(entry: _Literal, ascii_text: bool = True) -> frozenset[str] | None:
    """Strings of which an ASCII block (``ascii_text``, else a plain_text one) must hold one for
    ``entry`` to match it (None: no such strings, the rule is tried on every block)."""
    _, _, _, subs, ascii_subs, gate, ascii_gate, search, needs, needs_any = entry
    if not ascii_text:
        if len(ascii_subs) < len(subs) or len(ascii_gate) < len(gate):
            return None  # a string other than ASCII: the automaton does not look for it
        needs = needs_any
    keys = frozenset(ascii_subs)
    if search is None:
        return keys
    if gate:  # the pattern is tried only when the gate holds
        return keys | frozenset(ascii_gate)
    return None if needs is None else keys | needs


def _tested_strings(entry: _Literal) -> frozenset[str]:
    """The strings whose presence in an ASCII block ``entry`` tests: substrings, gate, needed strings
    (those of a plain_text block, needs_any, are among them)."""
    _, _, _, _, ascii_subs, _, ascii_gate, _, needs, _ = entry
    return frozenset(ascii_subs) | frozenset(ascii_gate) | (needs or frozenset())


def plain_text(text: str) -> bool:
    """Whether ``text`` holds none of the characters other than ASCII that match an ASCII literal
    case-insensitively or ``\\d``: then a pattern matches it only where it holds one of the pattern's
    needs_any, as its lower-cased copy spells them."""
    return _ASCII_LIKE.search(text) is None


def _literal_hits(entries: Iterable[_Literal], text: str, lower: str, role: str, found: Mapping[int, str],
                  present: frozenset[str] | None, other: frozenset[str] | None) -> list[tuple[int, str]]:  # fmt: skip
    """The substring and pattern rules among ``entries`` that match the block. ``present``: for an
    ASCII block, which of the index's strings it holds (see Literals), tested in place of its text;
    ``other``: the same for a plain_text block with other characters, tested for needs_any only."""
    hits: list[tuple[int, str]] = []
    has = lower.__contains__ if present is None else present.__contains__
    sentence: bool | None = None
    for j, roles, skip_sentences, substrings, ascii_subs, gate, ascii_gate, search, needs, needs_any in entries:
        if (roles and role not in roles) or j in found:
            continue
        if skip_sentences:
            sentence = _is_sentence(text) if sentence is None else sentence
            if sentence:
                continue
        for sub in substrings if present is None else ascii_subs:
            if has(sub):
                hits.append((j, sub))
                break
        else:
            if search is None or (gate and not any(map(has, gate if present is None else ascii_gate))):
                continue
            if present is not None and needs is not None and present.isdisjoint(needs):
                continue
            if other is not None and needs_any is not None and other.isdisjoint(needs_any):
                continue
            m = search(text)
            if m is not None:
                hits.append((j, m.group(0).strip()))
    return hits


def _fits(rule: Rule, n: int) -> bool:
    return not (rule.max_chars and n > rule.max_chars) and n >= rule.min_chars


# --- Literal prefilters for rule patterns -------------------------------------------------------
#
# Most pattern rules match a few blocks a page, yet each is searched on every short block. A
# pattern that can only match where one of a few literal strings occurs ("next", "previous", ...)
# need not run on a block that holds none of them: a substring test costs a fraction of a search.
# The strings are read off the pattern by a deliberately small parser that gives up (no
# prefilter, the search always runs) on any syntax it does not know. Only ASCII blocks are
# prefiltered (nine in ten short blocks): there case-insensitive equality is ``str.lower``
# equality, which Unicode case folding ("ſ" matches "s", a final "ς" lowers apart from "σ") is not.

#: literal sets grow by concatenation up to this many strings; beyond, the set is dropped
_MAX_LITERALS = 64
#: a set that lists up to this many characters stands for them; a larger one for any character
_MAX_SET_CHARS = 8
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("dDwWsS")
_HEX_ESCAPE = re.compile(r"[0-9a-fA-F]{2}")
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
#: inline flags that leave literals literal (i, m, s, u); x, f, V0/V1 and the others give up
_HARMLESS_FLAGS = frozenset("imsu-")
#: what may follow "(?": non-capturing, atomic or named groups; (1) lookarounds; (2) flags, (3) scoped or not
_GROUP_OPENING = re.compile(r"\?(?::|>|P<\w+>|<\w+>|(=|!|<=|<!)|([a-zA-Z-]+)(:|\)))")


class _GiveUp(Exception):
    """The pattern uses syntax the literal reader does not know: no prefilter."""


@dataclass(frozen=True, slots=True)
class _Lit:
    """What a piece of a pattern matches: ``exact``, the finite set of strings it matches (None:
    not finite or too many), and ``needs``, strings of which every match contains one (None: none)."""

    exact: frozenset[str] | None
    needs: frozenset[str] | None


_ANY_CHAR = _Lit(None, None)
#: ``\d``: only the ASCII digits in ASCII text, which is all the needed strings are for
_DIGIT = _Lit(frozenset("0123456789"), None)
_EMPTY = _Lit(frozenset({""}), None)


def _cross(a: frozenset[str], b: frozenset[str]) -> frozenset[str] | None:
    if len(a) * len(b) > _MAX_LITERALS:
        return None
    return frozenset(x + y for x in a for y in b)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of needed strings (longer shortest string, then fewer)."""
    if not b or "" in b:
        return a
    if not a:
        return b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


class _Reader:
    """A recursive-descent reader of the common regex syntax, for literals only."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def alternation(self) -> _Lit:
        branches = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        if len(branches) == 1:
            return branches[0]
        exact: frozenset[str] | None = frozenset()
        needs: frozenset[str] | None = frozenset()
        for b in branches:
            exact = exact | b.exact if exact is not None and b.exact is not None else None
            own = _better(b.needs, b.exact)
            needs = needs | own if needs is not None and own is not None else None
        if exact is not None and len(exact) > _MAX_LITERALS:
            exact = None
        return _Lit(exact, needs)

    def sequence(self) -> _Lit:
        run = frozenset({""})  # the exact strings of the items since the last inexact one
        exact: frozenset[str] | None = run
        best: frozenset[str] | None = None
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            item = self.quantified(self.atom())
            if item.exact is not None:
                longer = _cross(run, item.exact)
                exact = _cross(exact, item.exact) if exact is not None else None
                if longer is None:  # too many strings: each part still must occur
                    best = _better(_better(best, run), item.exact)
                    longer = frozenset({""})
                run = longer
                continue
            best = _better(_better(best, run), item.needs)
            best = _better(best, item.exact)
            run, exact = frozenset({""}), None
        return _Lit(exact, _better(best, run) if exact is None else _better(best, exact))

    def quantified(self, item: _Lit) -> _Lit:
        p = self.p
        if self.i >= len(p) or p[self.i] not in "*+?{":
            return item
        c = p[self.i]
        if c == "{":
            m = _QUANTIFIER.match(p, self.i)
            if m is None or not (m.group(1) or m.group(3)):
                raise _GiveUp  # a literal brace, or fuzzy matching
            self.i = m.end()
            low = int(m.group(1) or 0)
            high = low if m.group(2) is None else int(m.group(3)) if m.group(3) else None
        else:
            self.i += 1
            low, high = (0, None) if c == "*" else (1, None) if c == "+" else (0, 1)
        if self.i < len(p) and p[self.i] in "?+":  # lazy or possessive: the same strings
            self.i += 1
        if low == 0:
            return _Lit(item.exact | {""} if item.exact is not None and high == 1 else None, None)
        needs = _better(item.needs, item.exact)
        if item.exact is not None and high == low == 1:
            return item
        return _Lit(None, needs)

    def atom(self) -> _Lit:
        p = self.p
        c = p[self.i]
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == ".":
            return _ANY_CHAR
        if c in "^$":
            return _EMPTY
        if c in "*+?{":
            raise _GiveUp
        if c == "\\":
            return self.escape()
        return _Lit(frozenset({c}), None)

    def escape(self) -> _Lit:
        p = self.p
        if self.i >= len(p):
            raise _GiveUp
        c = p[self.i]
        self.i += 1
        if c in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if c == "d":  # in ASCII text, the ASCII digits
            return _DIGIT
        if c in _CLASS_ESCAPES:
            return _ANY_CHAR
        if c in "pP":  # \p{L}, \pL
            if p.startswith("{", self.i):
                end = p.find("}", self.i)
                if end < 0:
                    raise _GiveUp
                self.i = end + 1
            else:
                self.i += 1
            return _ANY_CHAR
        if c == "x" and _HEX_ESCAPE.match(p, self.i):  # \x27: a rule's apostrophe, where TOML quotes with it
            self.i += 2
            return _Lit(frozenset({chr(int(p[self.i - 2 : self.i], 16))}), None)
        if c.isascii() and c.isalnum():
            raise _GiveUp  # \n, \x{41}, back references, \m ...: not worth knowing
        return _Lit(frozenset({c}), None)

    def char_class(self) -> _Lit:
        """A set: its characters when it lists a few (``[>›»]``), else any character."""
        p = self.p
        start = self.i
        if p.startswith("^", self.i):
            self.i += 1
        if p.startswith("]", self.i):
            self.i += 1
        chars: set[str] | None = set() if self.i == start else None  # not "[^...]", "[]...]"
        while self.i < len(p) and p[self.i] != "]":
            c = p[self.i]
            if c == "[":
                raise _GiveUp  # nested sets, POSIX classes
            if c == "\\":
                c = p[self.i + 1 : self.i + 2]
                self.i += 1
                if not c or (c.isascii() and c.isalnum()):
                    chars = None  # \d, \w, \p{L}...
            elif c == "-":
                chars = None  # ranges
            if chars is not None:
                chars.add(c)
            self.i += 1
        if self.i >= len(p):
            raise _GiveUp
        self.i += 1
        if chars and len(chars) <= _MAX_SET_CHARS:
            return _Lit(frozenset(chars), None)
        return _ANY_CHAR

    def group(self) -> _Lit:
        p = self.p
        zero_width = False
        if p.startswith("?", self.i):
            m = _GROUP_OPENING.match(p, self.i)
            if m is None:
                raise _GiveUp
            flags = m.group(2)
            if flags is not None and not set(flags) <= _HARMLESS_FLAGS:
                raise _GiveUp
            self.i = m.end()
            if m.group(3) == ")":  # (?i): flags for the rest, no group
                return _EMPTY
            zero_width = m.group(1) is not None
        inner = self.alternation()
        if not p.startswith(")", self.i):
            raise _GiveUp
        self.i += 1
        return _EMPTY if zero_width else inner


def pattern_needs(pattern: regex.Pattern[str], ascii_text: bool = True) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` in an ASCII text holds one, as
    ``text.lower()`` spells them; ``frozenset()`` if it cannot match ASCII text at all, None if
    nothing is known (the pattern must always be searched). Not ``ascii_text``: the same for any
    plain_text text, None when one of the strings is not ASCII."""
    if pattern.flags & (regex.VERBOSE | regex.FULLCASE | regex.V1 | regex.LOCALE):
        return None
    reader = _Reader(pattern.pattern)
    try:
        lit = reader.alternation()
    except _GiveUp:
        return None
    if reader.i != len(pattern.pattern):
        return None  # an unbalanced ")"
    needs = _better(lit.needs, lit.exact)
    if not needs:
        return None
    if not ascii_text:
        return frozenset(s.lower() for s in needs) if all(s.isascii() for s in needs) else None
    out = set()
    for s in needs:  # as the pattern spells them
        if s.isascii():
            out.add(s.lower())
        elif any(_matches_ascii(c) for c in s if not c.isascii()):
            return None  # "ſ" or the Kelvin sign would match ASCII letters: not worth the care
        # else some character of it matches no ASCII one: it never occurs in ASCII text
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Literals:
    """Which of a set of strings an ASCII block's lower-cased text holds, found in one pass in C.

    A search per rule, or a substring test per string, costs a few microseconds a block when
    there are dozens of them, and the pipeline's shared pass looks for some 900 strings. An
    Aho-Corasick automaton reads the text once and reports every string that occurs in it,
    overlapping and nested ones included, in time linear in the text and the strings found:
    a quarter of what one regex holding them all as a trie cost (tried at every position, it
    compares the position's character with each branch in turn).
    """

    automaton: ahocorasick.Automaton | None
    vocabulary: frozenset[str]

    @classmethod
    def build(cls, strings: Iterable[str]) -> Literals:
        keys = frozenset(strings)
        if not keys - {""}:
            return cls(None, keys)
        automaton = ahocorasick.Automaton()
        for key in keys - {""}:  # the empty string is in every text: it tells nothing, and is never reported
            automaton.add_word(key, key)
        automaton.make_automaton()
        return cls(automaton, keys)

    def present(self, lower: str) -> frozenset[str]:
        if self.automaton is None:
            return frozenset()
        return frozenset(map(_KEY, self.automaton.iter(lower)))  # iter yields (end position, key)


_KEY = itemgetter(1)


@cache
def shared_literals(strings: frozenset[str]) -> Literals:
    """One Literals for ``strings``, built once: the pipeline's shared pass over all rule detectors."""
    return Literals.build(strings)


@cache
def _matches_ascii(char: str) -> bool:
    """Whether the non-ASCII ``char`` in a case-insensitive pattern matches some ASCII character."""
    single = regex.compile(regex.escape(char), regex.IGNORECASE | regex.V0)
    return any(single.fullmatch(chr(a)) for a in range(128))
