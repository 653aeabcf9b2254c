"""Matching rules for metadata accuracy, the one set every table reports; each returns False when the prediction is missing.

Both sides are normalised the same way first: Unicode NFKC, case-folding, typographic quotes and dashes folded
to ASCII ("We’ve" and "We've", "–" and "-" are the same text: WCXB's truths write one on some pages and the
other on others), whitespace collapsed.

- title: after that normalisation, equal; or the prediction contains the
  truth (a site name appended); or the truth contains the prediction and the prediction has at least half
  of the truth's tokens (so "News" does not match a long headline).
- author: token-set F1 >= 0.5 between lower-cased ``\\w+`` tokens, the words "by" and "and" dropped.
- date: the first ``YYYY-MM-DD`` of each side is the same calendar day (as written; no time-zone shift).
"""

from __future__ import annotations

import re
import unicodedata

from .metrics import harmonic, tokens

_WS = re.compile(r"\s+")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_AUTHOR_NOISE = frozenset({"by", "and"})
#: Typographic quotes and dashes as ASCII.
FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def normalise(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold().translate(FOLD)).strip()


def title_match(pred: str | None, truth: str) -> bool:
    p, t = normalise(pred or ""), normalise(truth)
    if not p or not t:
        return False
    if p == t or t in p:
        return True
    return p in t and len(tokens(p)) * 2 >= len(tokens(t))


def author_match(pred: str | None, truth: str) -> bool:
    p = set(tokens(normalise(pred or ""))) - _AUTHOR_NOISE
    t = set(tokens(normalise(truth))) - _AUTHOR_NOISE
    if not p or not t:
        return False
    common = len(p & t)
    return harmonic(common / len(p), common / len(t)) >= 0.5


def date_match(pred: str | None, truth: str) -> bool:
    p, t = _DAY.search(pred or ""), _DAY.search(truth)
    return bool(p and t and p.groups() == t.groups())
