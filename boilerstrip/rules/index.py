"""Matching many rules against many blocks in time linear in the blocks' words.

A regex alternation of a few hundred phrases costs hundreds of microseconds per
paragraph, because the engine tries every phrase at every position. Phrases and
class/id tokens are literal word sequences, so they are indexed instead by their
first word: a block is split into words once, each word is looked up once, and
only the few sequences that start with it are compared. Phrases in scripts
without spaces (CJK) are plain substring tests; true regular expressions (the
``patterns`` of a rule) still run, but only on blocks within the rule's length
limits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from ..model import Block, PageInfo
from . import Rule, load_table

WORDS = re.compile(r"\w+")
#: blocks up to this long get their words split once per page (PageInfo.words); phrase rules are shorter
WORDS_MAX_CHARS = 600
ATTR_TOKENS = re.compile(r"[^\s_\-]+")
SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*$")
SENTENCE_MIN_CHARS = 25
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
        tokens = ATTR_TOKENS.findall(name)
        if tokens and (name in CONTENT_NAMES or tokens[0] in CONTENT_TOKENS or tokens[-1] in CONTENT_TOKENS):
            out.append(tokens)
    return out


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
class RuleIndex:
    """The rules of one detector, indexed for matching; immutable, built once per detector."""

    rules: tuple[Rule, ...]
    text_words: Sequences
    attr_words: Sequences
    ignore_classes: re.Pattern[str] | None
    #: longest block any word/substring text rule can apply to (0: no limit)
    text_limit: int
    #: text rules that need a substring test or a regex, by position
    literal_rules: tuple[tuple[int, Rule], ...]

    @classmethod
    def build(cls, rules: Sequence[Rule], ignore_classes: Sequence[str] = ()) -> RuleIndex:
        text = [(i, s) for i, r in enumerate(rules) if r.target == "text" for s in r.words]
        attrs = [(i, s) for i, r in enumerate(rules) if r.target == "attrs" for s in r.words]
        limits = [r.max_chars for r in rules if r.target == "text" and (r.words or r.substrings)]
        ignore = re.compile(r"(?<!\S)(?:" + "|".join(ignore_classes) + r")(?!\S)") if ignore_classes else None
        return cls(
            rules=tuple(rules),
            text_words=_index(text),
            attr_words=_index(attrs),
            ignore_classes=ignore,
            text_limit=0 if not limits or 0 in limits else max(limits),
            literal_rules=tuple(
                (i, r) for i, r in enumerate(rules) if r.target == "text" and (r.substrings or r.pattern)
            ),
        )

    def attr_hits(self, attrs: str) -> dict[int, str]:
        """Class/id rules matching ``attrs`` (rule position -> matched token)."""
        if self.ignore_classes is not None:
            attrs = self.ignore_classes.sub(" ", attrs)
        attrs = UTILITY_NAMES.sub(" ", attrs)
        found: dict[int, str] = {}
        _find(ATTR_TOKENS.findall(attrs), self.attr_words, found)
        if found:
            names = _content_names(attrs)
            if names:
                # Kept only when every content name itself holds the boilerplate word
                # ("content-sidebar" is a sidebar); otherwise the element is the content.
                found = {i: t for i, t in found.items() if all(set(t.split()) <= set(n) for n in names)}
        return found

    def text_hits(self, block: Block, page: PageInfo | None = None) -> dict[int, str]:
        """Text rules matching ``block`` (rule position -> what matched); word rules' limits not yet applied."""
        text = block.text
        # The page's lower-cased copy is used when it belongs to this block (same length: a cheap check).
        shared = page is not None and block.index < len(page.lowered) and len(page.lowered[block.index]) == len(text)
        lower = page.lowered[block.index] if shared and page is not None else text.lower()
        found: dict[int, str] = {}
        if self.text_words and (not self.text_limit or len(text) <= self.text_limit):
            words = page.words[block.index] if shared and page is not None and len(text) <= WORDS_MAX_CHARS else None
            _find(words if words is not None else WORDS.findall(lower), self.text_words, found)
        n = len(text)
        sentence: bool | None = None
        for i, rule in self.literal_rules:
            if i in found or not _fits(rule, n) or (rule.roles and block.role not in rule.roles):
                continue
            if rule.skip_sentences:
                sentence = _is_sentence(text) if sentence is None else sentence
                if sentence:
                    continue
            for sub in rule.substrings:
                if sub in lower:
                    found[i] = sub
                    break
            else:
                if rule.pattern is not None and (not rule.gate or any(g in lower for g in rule.gate)):
                    m = rule.pattern.search(text)
                    if m is not None:
                        found[i] = m.group(0).strip()
        return found

    def matches(
        self, blocks: Sequence[Block], page: PageInfo | None = None
    ) -> Iterator[tuple[Block, Rule, str, float]]:
        """Every (block, rule, evidence, scale) where the rule applies, in block order.

        A class/id match counts less the farther up its element is: a wrapper
        ten levels above the text ("page-wrapper with-right-rail") says little
        about one paragraph, the paragraph's own class a lot.
        """
        attr_cache: dict[str, dict[int, str]] = {}
        rules = self.rules
        for b in blocks:
            if b.attr_levels and self.attr_words:
                done: set[int] = set()
                for depth, level in enumerate(b.attr_levels):
                    hits = attr_cache.get(level)
                    if hits is None:
                        hits = attr_cache[level] = self.attr_hits(level)
                    for i, token in hits.items():
                        if i not in done and (not rules[i].roles or b.role in rules[i].roles):
                            done.add(i)
                            where = "own class/id" if depth == 0 else f"class/id {depth} up"
                            yield b, rules[i], f"{where} {token!r}", LEVEL_SCALE[min(depth, len(LEVEL_SCALE) - 1)]
            if b.role in LITERAL_ROLES:
                continue
            sentence: bool | None = None
            for i, what in self.text_hits(b, page).items():
                rule = rules[i]
                if not _fits(rule, len(b.text)) or (rule.roles and b.role not in rule.roles):
                    continue
                if rule.skip_sentences:
                    sentence = _is_sentence(b.text) if sentence is None else sentence
                    if sentence:
                        continue
                yield b, rule, f"text {what!r}", 1.0


def _fits(rule: Rule, n: int) -> bool:
    return not (rule.max_chars and n > rule.max_chars) and n >= rule.min_chars
