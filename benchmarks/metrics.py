"""The text metrics, re-implemented from the two benchmarks' published evaluation semantics.

ScrapingHub (article-extraction-benchmark ``evaluate.py``): case-sensitive ``\\w+`` tokens, 4-gram shingle
multisets; per page TP/FP/FN normalised to sum 1; precision averaged over pages with TP+FP > 0 and recall over
pages with TP+FN > 0 (so an empty prediction costs recall only, an empty truth costs precision only); F1 is the
harmonic mean of those means; accuracy is the share of pages whose token sequences are equal; spreads are
bootstrap standard deviations. A text of 1-3 tokens is one short shingle; no tokens, no shingles.

WCXB (``evaluate.py``): lower-cased ``\\w+`` token multisets, per-page P/R/F1 averaged over pages; an empty
truth scores 1 with an empty prediction and 0 otherwise, an empty prediction scores 0. Snippets: share found
as a case-insensitive substring of the raw text (no other normalisation); no snippets counts as 1.0.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")  # str patterns are Unicode-aware by default


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class Counts:
    """One page's shingle TP/FP/FN, normalised to sum to 1 (all zero when both sides are empty)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True, slots=True)
class ShingleSummary:
    precision: float
    recall: float
    f1: float
    accuracy: float
    precision_std: float
    recall_std: float
    f1_std: float
    accuracy_std: float


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def harmonic(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


# --- ScrapingHub ---------------------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    return Counter(tuple(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)) if toks)


def shingle_counts(truth: str, pred: str, n: int = 4) -> Counts:
    t, p = shingles(truth, n), shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return Counts(tp / total, fp / total, fn / total) if total else Counts(0.0, 0.0, 0.0)


def shingle_precision(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return 0.0 if c.tp == c.fp == 0 else c.tp / (c.tp + c.fp)


def shingle_recall(c: Counts) -> float:
    if c.fp == c.fn == 0:
        return 1.0
    return 0.0 if c.tp == c.fn == 0 else c.tp / (c.tp + c.fn)


def exact_match(truth: str, pred: str) -> bool:
    return tokens(truth) == tokens(pred)


def shingle_prf(counts: Sequence[Counts]) -> PRF:
    """Mean precision, mean recall (each over the pages where it is defined) and their harmonic mean."""
    ps = [shingle_precision(c) for c in counts if c.tp + c.fp > 0]
    rs = [shingle_recall(c) for c in counts if c.tp + c.fn > 0]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return PRF(p, r, harmonic(p, r))


def shingle_summary(
    counts: Sequence[Counts], exact: Sequence[bool], *, n_bootstrap: int = 1000, seed: int = 0
) -> ShingleSummary:
    """The ScrapingHub figures with bootstrap standard deviations (fixed seed, so runs are comparable)."""
    if not counts:
        return ShingleSummary(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    rng = random.Random(seed)
    n = len(counts)
    samples: list[tuple[float, float, float, float]] = []
    for _ in range(n_bootstrap):
        idx = [rng.randrange(n) for _ in range(n)]
        b = shingle_prf([counts[i] for i in idx])
        samples.append((b.precision, b.recall, b.f1, statistics.fmean(exact[i] for i in idx)))
    stds = [statistics.stdev(col) if len(col) > 1 else 0.0 for col in zip(*samples, strict=True)] or [0.0] * 4
    m = shingle_prf(counts)
    return ShingleSummary(m.precision, m.recall, m.f1, statistics.fmean(exact), *stds)


# --- WCXB ----------------------------------------------------------------------------------------------


def word_prf(pred: str, truth: str) -> PRF:
    """WCXB word-level P/R/F1 of one page."""
    p_toks, t_toks = tokens(pred.lower()), tokens(truth.lower())
    if not t_toks:
        return PRF(1.0, 1.0, 1.0) if not p_toks else PRF(0.0, 0.0, 0.0)
    if not p_toks:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((Counter(p_toks) & Counter(t_toks)).values())
    p, r = overlap / len(p_toks), overlap / len(t_toks)
    return PRF(p, r, harmonic(p, r))


def snippets_found(text: str, snippets: Sequence[str]) -> float:
    """Share of ``snippets`` found in ``text`` (case-insensitive substring); 1.0 when there are none."""
    if not snippets:
        return 1.0
    low = text.lower()
    return sum(s.lower() in low for s in snippets) / len(snippets)


def snippets_absent(text: str, snippets: Sequence[str]) -> float:
    """Share of must-not ``snippets`` absent from ``text``; 1.0 when there are none.

    Upstream reports the share *found* and, by its ``snippets_found`` rule, counts a page without any such
    snippets as 1.0 found; here such a page is vacuously clean (1.0 absent), so the figure is not dragged
    down by pages that list nothing to avoid.
    """
    return 1.0 - snippets_found(text, snippets) if snippets else 1.0
