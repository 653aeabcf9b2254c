"""A RuleDetector that applies its data rules in bulk, for detectors with many rules.

``RuleDetector.detect`` tries every rule on every block. With a few dozen rules
and hundreds of blocks that is most of a detector's time, yet most blocks match
nothing. Here every rule's regex is also joined into one alternation per target
(class/id, text), searched once per block; only a block that hits it is tried
rule by rule. Class/id strings repeat across sibling blocks, so their matches
are computed once per distinct string within one call (a local dict, no state).

Two data-file extensions, both read from the rule table or ``[params]``:

- ``not_sentences = true`` on a text rule: the rule skips sentence-shaped blocks
  (terminal punctuation and at least ``sentence_min_chars``). "Privacy Policy" as a
  footer link is boilerplate; "The firm rewrote its privacy policy." is news.
- ``[params] ignore_classes``: regexes for whole class names removed before
  class/id rules look. WordPress puts taxonomy classes on the article element
  (``tag-cookies``, ``category-social``) and layouts put state classes on
  wrappers (``has-sidebar``); matched as tokens they would flag every block of an
  article about cookies or social media.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import Rule, load_table
from .base import RuleDetector

_FLAGS = regex.IGNORECASE | regex.UNICODE | regex.V0
#: sentence end, allowing closing quotes/brackets after it
_SENTENCE_END = regex.compile(r"[.!?。！？…][\"'”’»)\]]*$")
#: code is literal text: "print" or "Reply" on a line of code is data, not a UI label
_LITERAL_ROLES = frozenset({"code"})


def _combined(rules: Sequence[Rule]) -> regex.Pattern[str] | None:
    patterns = [r.matcher.pattern for r in rules if r.matcher is not None]
    if not patterns:
        return None
    try:
        return regex.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)
    except regex.error:  # a user pattern with inline global flags cannot be joined; try rule by rule
        return None


class BatchRuleDetector(RuleDetector):
    """Same rules and signals as :class:`RuleDetector`, matched with one prefilter regex per target."""

    name: ClassVar[str] = ""

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(extra_rules)
        self.params: Mapping[str, Any] = dict(load_table(self.name).get("params", {}))
        self.attr_rules = tuple(r for r in self.rules if r.target == "attrs" and r.matcher is not None)
        self.text_rules = tuple(r for r in self.rules if r.target == "text" and r.matcher is not None)
        self.any_attr = _combined(self.attr_rules)
        self.any_text = _combined(self.text_rules)
        limits = [r.max_chars for r in self.text_rules]
        #: blocks longer than every text rule's max_chars skip the text search entirely
        self.text_limit = 0 if not limits or 0 in limits else max(limits)
        ignore = tuple(self.params.get("ignore_classes", ()))
        self.ignore = regex.compile(r"(?<!\S)(?:" + "|".join(ignore) + r")(?!\S)", _FLAGS) if ignore else None
        self.sentence_min = int(self.params.get("sentence_min_chars", 25))

    def is_sentence(self, text: str) -> bool:
        """Whether ``text`` reads as a sentence of prose rather than a label or link list."""
        return len(text) >= self.sentence_min and _SENTENCE_END.search(text) is not None

    def attr_matches(self, attrs: str) -> tuple[tuple[Rule, str], ...]:
        """The class/id rules that match ``attrs``, with the matched token."""
        if self.ignore is not None:
            attrs = self.ignore.sub(" ", attrs)
        if self.any_attr is not None and self.any_attr.search(attrs) is None:
            return ()
        found = []
        for rule in self.attr_rules:
            m = rule.search(attrs)
            if m is not None:
                found.append((rule, m.group(0).strip(" _-")))
        return tuple(found)

    def text_signals(self, b: Block) -> Iterator[Signal]:
        text = b.text
        if self.any_text is not None and self.any_text.search(text) is None:
            return
        sentence: bool | None = None
        for rule in self.text_rules:
            n = len(text)
            if (rule.max_chars and n > rule.max_chars) or n < rule.min_chars:
                continue
            if rule.roles and b.role not in rule.roles:
                continue
            m = rule.search(text)
            if m is None:
                continue
            if rule.extra.get("not_sentences"):
                if sentence is None:
                    sentence = self.is_sentence(text)
                if sentence:
                    continue
            yield Signal(b.index, rule.weight, rule.id, f"text {m.group(0).strip()!r}")

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        seen: dict[str, tuple[tuple[Rule, str], ...]] = {}
        limit = self.text_limit
        for b in blocks:
            if b.attrs and self.attr_rules:
                hits = seen.get(b.attrs)
                if hits is None:
                    hits = seen[b.attrs] = self.attr_matches(b.attrs)
                for rule, token in hits:
                    if not rule.roles or b.role in rule.roles:
                        yield Signal(b.index, rule.weight, rule.id, f"class/id {token!r}")
            if self.text_rules and (not limit or len(b.text) <= limit) and b.role not in _LITERAL_ROLES:
                yield from self.text_signals(b)
        yield from self.structural(blocks, page)
