"""Per-page scores of each call, and their aggregation into one ``Summary`` per extractor.

The headline metric follows the dataset: ScrapingHub's shingle F1 on ``scrapinghub``, WCXB's word F1
elsewhere. Both are computed everywhere and kept in the results.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .datasets import Page
from .metamatch import author_match, date_match, title_match
from .metrics import (
    PRF,
    Counts,
    ShingleSummary,
    exact_match,
    harmonic,
    shingle_counts,
    shingle_precision,
    shingle_recall,
    shingle_summary,
    snippets_absent,
    snippets_found,
    word_prf,
)
from .worker import Call

SHINGLE_DATASETS = frozenset({"scrapinghub"})


@dataclass(frozen=True, slots=True)
class Score:
    page_id: str
    page_type: str
    extractor: str
    word: PRF
    shingle: Counts
    exact: bool
    with_found: float
    without_absent: float
    title_ok: bool | None  # None: the ground truth has no title
    author_ok: bool | None
    date_ok: bool | None
    seconds: float | None  # None: the call failed
    error: str | None
    tracemalloc_peak: int | None

    def native(self, dataset: str) -> PRF:
        """This page's P/R/F1 in the dataset's own metric."""
        if dataset in SHINGLE_DATASETS:
            p, r = shingle_precision(self.shingle), shingle_recall(self.shingle)
            return PRF(p, r, harmonic(p, r))
        return self.word


@dataclass(frozen=True, slots=True)
class Summary:
    extractor: str
    pages: int
    failures: int
    timeouts: int
    word: PRF
    shingle: ShingleSummary
    per_type_f1: Mapping[str, float]  # word F1 per page type
    with_found: float
    without_absent: float
    title_acc: float | None
    author_acc: float | None
    date_acc: float | None
    median_ms: float | None
    p95_ms: float | None
    pages_per_s: float | None
    tracemalloc_peak_mb: float | None

    def native(self, dataset: str) -> PRF:
        if dataset in SHINGLE_DATASETS:
            return PRF(self.shingle.precision, self.shingle.recall, self.shingle.f1)
        return self.word


def score(page: Page, call: Call) -> Score:
    text = call.output.text or ""
    meta, out = page.truth_meta, call.output
    return Score(
        page.id,
        page.page_type,
        call.extractor,
        word_prf(text, page.truth_text),
        shingle_counts(page.truth_text, text),
        exact_match(page.truth_text, text),
        snippets_found(text, page.with_snippets),
        snippets_absent(text, page.without_snippets),
        title_match(out.title, meta.title) if meta.title else None,
        author_match(out.author, meta.author) if meta.author else None,
        date_match(out.date, meta.date) if meta.date else None,
        call.seconds,
        call.error,
        call.tracemalloc_peak,
    )


def _share(flags: Sequence[bool | None]) -> float | None:
    known = [f for f in flags if f is not None]
    return sum(known) / len(known) if known else None


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def summarise(extractor: str, scores: Sequence[Score], *, n_bootstrap: int = 1000, seed: int = 0) -> Summary:
    by_type: dict[str, list[float]] = defaultdict(list)
    for s in scores:
        by_type[s.page_type].append(s.word.f1)
    ms = sorted(s.seconds * 1000 for s in scores if s.seconds is not None)
    peaks = [s.tracemalloc_peak for s in scores if s.tracemalloc_peak is not None]
    return Summary(
        extractor,
        len(scores),
        sum(s.error is not None for s in scores),
        sum(s.error == "timeout" for s in scores),
        PRF(
            _mean([s.word.precision for s in scores]),
            _mean([s.word.recall for s in scores]),
            _mean([s.word.f1 for s in scores]),
        ),
        shingle_summary(
            [s.shingle for s in scores], [s.exact for s in scores], n_bootstrap=n_bootstrap, seed=seed
        ),
        {t: _mean(v) for t, v in sorted(by_type.items())},
        _mean([s.with_found for s in scores]),
        _mean([s.without_absent for s in scores]),
        _share([s.title_ok for s in scores]),
        _share([s.author_ok for s in scores]),
        _share([s.date_ok for s in scores]),
        statistics.median(ms) if ms else None,
        _p95(ms),
        len(ms) / (sum(ms) / 1000) if ms and sum(ms) > 0 else None,
        max(peaks) / 2**20 if peaks else None,
    )


def _p95(sorted_ms: Sequence[float]) -> float | None:
    if len(sorted_ms) < 2:
        return sorted_ms[0] if sorted_ms else None
    return statistics.quantiles(sorted_ms, n=20, method="inclusive")[18]
