"""A faster way to apply data rules: literal gates before regexes, class/id matches cached.

``RuleDetector.detect`` runs every rule's regex on every block. Two facts make most of
that work avoidable: many blocks share the same class/id string (all items of one list),
and a phrase rule cannot match a text that lacks its key words. A rule may therefore
declare ``gate = ["photo", "foto"]`` in its TOML: lower-case substrings of which at least
one must occur in the block's lower-cased text before the regex is tried, and
``sentences = false`` keeps a label rule off blocks that end like a sentence
("The day's top stories in your inbox at 7am."). Otherwise signals are the same as
``RuleDetector``'s; only the work differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from ..model import Block, PageInfo, Signal
from ..rules import Rule
from .base import RuleDetector

SENTENCE_END = frozenset(".!?。！？")


def _gate(words: Iterable[Any]) -> re.Pattern[str] | None:
    # a literal alternation in the stdlib engine: measured 2x faster than `any(w in text)`
    # over 50 words and 3x faster than the same alternation in the regex module
    unique = sorted({str(w).lower() for w in words}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in unique)) if unique else None


class GatedRuleDetector(RuleDetector):
    """``RuleDetector`` whose data rules are tried only when their literal gate is present."""

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(extra_rules)
        self._text_rules: tuple[tuple[Rule, re.Pattern[str] | None, bool], ...] = tuple(
            (r, _gate(r.extra.get("gate", ())), bool(r.extra.get("sentences", True)))
            for r in self.rules
            if r.target == "text"
        )
        self._attr_rules: tuple[Rule, ...] = tuple(r for r in self.rules if r.target == "attrs")

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        yield from self.rule_signals(blocks)
        yield from self.structural(blocks, page)

    def rule_signals(self, blocks: Sequence[Block]) -> Iterator[Signal]:
        """The data rules' signals, block by block."""
        attr_hits: dict[str, tuple[tuple[Rule, str], ...]] = {}
        for b in blocks:
            if b.attrs and self._attr_rules:
                hits = attr_hits.get(b.attrs)
                if hits is None:
                    hits = attr_hits[b.attrs] = self._attr_matches(b.attrs)
                for rule, what in hits:
                    if not rule.roles or b.role in rule.roles:
                        yield Signal(b.index, rule.weight, rule.id, f"class/id {what!r}")
            yield from self._text_matches(b)

    def _attr_matches(self, attrs: str) -> tuple[tuple[Rule, str], ...]:
        found = []
        for rule in self._attr_rules:
            m = rule.search(attrs)
            if m is not None:
                found.append((rule, m.group(0).strip(" _-")))
        return tuple(found)

    def _text_matches(self, b: Block) -> Iterator[Signal]:
        text = b.text
        n = len(text)
        low = ""
        for rule, gate, sentences in self._text_rules:
            if (rule.max_chars and n > rule.max_chars) or n < rule.min_chars:
                continue
            if not sentences and text[-1:] in SENTENCE_END:
                continue
            if rule.roles and b.role not in rule.roles:
                continue
            if gate is not None:
                low = low or text.lower()
                if gate.search(low) is None:
                    continue
            m = rule.search(text)
            if m is not None:
                yield Signal(b.index, rule.weight, rule.id, f"text {m.group(0).strip()!r}")
