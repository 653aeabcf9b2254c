"""Rule vocabularies as data: one TOML file per detector, loaded and compiled once.

A rule matches a block by class/id tokens (``tokens``), by phrases in its text
(``phrases``), or by regular expressions (``patterns``); ``max_chars`` limits it to
short blocks, because a phrase that marks a 40-character banner line says little
about a 2,000-character paragraph that happens to mention it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..errors import DetectorError

# Class/id tokens are split at white space, "_" and "-": "share" matches "share-bar" and
# "post_share" but not "shareholder". Phrases are whole words: "cookie" does not hit "cookies".
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled rule: where it looks, what it finds, what it weighs, and why it exists."""

    id: str
    weight: float
    why: str
    target: str  # "attrs" | "text"
    max_chars: int = 0
    min_chars: int = 0
    roles: frozenset[str] = field(default_factory=frozenset)
    extra: Mapping[str, Any] = field(default_factory=dict)
    #: literal word sequences (phrases, or class/id tokens split at separators), lower-case
    words: tuple[tuple[str, ...], ...] = ()
    #: literal substrings for scripts without word spaces
    substrings: tuple[str, ...] = ()
    #: the rule's true regular expressions (and phrases with symbols), joined
    pattern: regex.Pattern[str] | None = None
    #: the rule ignores sentence-shaped blocks: "Privacy Policy" is a link, "We rewrote our privacy policy." news
    skip_sentences: bool = False
    #: lower-case substrings of which one must occur before ``pattern`` is tried
    gate: tuple[str, ...] = ()



def _flatten_phrases(raw: Any) -> list[str]:
    if isinstance(raw, Mapping):  # phrases per language: {en = [...], de = [...]}
        return [p for lang in sorted(raw) for p in raw[lang]]
    return list(raw or ())


_PLAIN_PHRASE = regex.compile(r"^[\w\s'’-]+$")
_WORDS = regex.compile(r"\w+")
_TOKEN_PARTS = regex.compile(r"[^\s_\-]+")


def _split_phrases(phrases: Sequence[str]) -> tuple[list[tuple[str, ...]], list[str], list[str]]:
    """Phrases as word sequences, CJK substrings, and (escaped) patterns for those with symbols."""
    words, subs, patterns = [], [], []
    for phrase in phrases:
        p = phrase.strip()
        if _CJK.search(p):
            subs.append(p.lower())
        elif _PLAIN_PHRASE.match(p):
            words.append(tuple(_WORDS.findall(p.lower())))
        else:  # "18+", "© ", "→": symbols carry the meaning, so match them literally
            patterns.append(regex.escape(p).replace(r"\ ", r"\s+"))
    return words, subs, patterns


def _join_patterns(raw_patterns: Sequence[str], patterns: Sequence[str]) -> str:
    # When every pattern is anchored at the start, one leading anchor lets the engine
    # try position 0 only; an alternation of anchored groups is tried at every position.
    if raw_patterns and len(raw_patterns) == len(patterns) and all(p.startswith("^") for p in raw_patterns):
        return "^(?:" + "|".join(f"(?:{p[1:]})" for p in raw_patterns) + ")"
    return "|".join(patterns)


def compile_rule(prefix: str, raw: Mapping[str, Any]) -> Rule:
    """Compile one rule table; ``prefix`` is the detector name that owns the rule."""
    rid = str(raw.get("id", ""))
    if not rid.startswith(prefix + "."):
        raise DetectorError(f"rule id {rid!r} must start with {prefix!r}.")
    target = "text"
    words: list[tuple[str, ...]] = []
    subs: list[str] = []
    patterns = [f"(?:{p})" for p in raw.get("patterns", ())]
    if raw.get("tokens"):
        target = "attrs"
        words += [tuple(_TOKEN_PARTS.findall(t.lower())) for t in raw["tokens"]]
    phrases = _flatten_phrases(raw.get("phrases"))
    w, sub, pat = _split_phrases(phrases)
    words += w
    subs += sub
    patterns += pat
    flags = regex.IGNORECASE | regex.UNICODE | regex.V0
    try:
        pattern = regex.compile(_join_patterns(raw.get("patterns", ()), patterns), flags) if patterns else None
    except regex.error as e:
        raise DetectorError(f"rule {rid!r}: bad pattern: {e}") from None
    known = {"id", "weight", "why", "tokens", "phrases", "patterns", "max_chars", "min_chars", "roles", "gate"}
    return Rule(
        id=rid,
        weight=float(raw.get("weight", -1.0)),
        why=str(raw.get("why", "")),
        target=target,
        max_chars=int(raw.get("max_chars", 0)),
        min_chars=int(raw.get("min_chars", 0)),
        roles=frozenset(raw.get("roles", ())),
        extra={k: v for k, v in raw.items() if k not in known},
        words=tuple(x for x in words if x),
        substrings=tuple(subs),
        pattern=pattern,
        skip_sentences=bool(raw.get("not_sentences")) or raw.get("sentences") is False,
        gate=tuple(str(g).lower() for g in raw.get("gate", ())),
    )


def compile_rules(prefix: str, raws: Iterable[Mapping[str, Any]]) -> tuple[Rule, ...]:
    return tuple(compile_rule(prefix, r) for r in raws)


@cache
def load_rules(name: str) -> tuple[Rule, ...]:
    """The compiled rules of ``rules/<name>.toml`` (cached: the files are package data, immutable)."""
    return compile_rules(name, load_table(name).get("rule", ()))


@cache
def load_table(name: str) -> Mapping[str, Any]:
    """The raw TOML table of ``rules/<name>.toml``, for detectors that keep word lists in it."""
    text = resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
