"""The terminal tables and the results JSON (scores, ids and timings only: never page text)."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .metrics import PRF, Counts, harmonic, shingle_precision, shingle_recall
from .scoring import SHINGLE_DATASETS, Score, Summary

MEMORY_NOTE = (
    "peak MB = growth of the extractor's own worker process peak RSS (ru_maxrss) over its RSS "
    "after import and warm-up"
)
Cell = Callable[[Summary], str]


def _f(value: float | None, fmt: str = ".3f") -> str:
    return "-" if value is None else format(value, fmt)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def columns(
    dataset: str, summaries: Sequence[Summary], peak_mb: Mapping[str, float]
) -> list[tuple[str, Cell]]:
    """The main table's columns, those without data in this run left out."""
    base = next((s for s in summaries if s.extractor == "boilerstrip" and s.median_ms), None)
    cols: list[tuple[str, Cell]] = [
        ("extractor", lambda s: s.extractor),
        ("F1", lambda s: _f(s.native(dataset).f1)),
        ("P", lambda s: _f(s.native(dataset).precision)),
        ("R", lambda s: _f(s.native(dataset).recall)),
    ]
    if dataset in SHINGLE_DATASETS:
        cols += [
            ("±F1", lambda s: _f(s.shingle.f1_std)),
            ("acc", lambda s: _f(s.shingle.accuracy)),
            ("wordF1", lambda s: _f(s.word.f1)),
        ]
    else:
        cols += [("with", lambda s: _pct(s.with_found)), ("w/o absent", lambda s: _pct(s.without_absent))]
    for label, get in (
        ("title", lambda s: s.title_acc),
        ("author", lambda s: s.author_acc),
        ("date", lambda s: s.date_acc),
    ):
        if any(get(s) is not None for s in summaries):
            cols.append((label, lambda s, get=get: _pct(get(s))))
    cols += [
        ("med ms", lambda s: _f(s.median_ms, ".1f")),
        ("p95 ms", lambda s: _f(s.p95_ms, ".1f")),
        ("pages/s", lambda s: _f(s.pages_per_s, ".1f")),
        ("peak MB", lambda s: _f(peak_mb.get(s.extractor), ".1f")),
    ]
    if any(s.tracemalloc_peak_mb is not None for s in summaries):
        cols.append(("tm MB", lambda s: _f(s.tracemalloc_peak_mb, ".1f")))
    if base is not None and base.median_ms:
        ref = base.median_ms
        cols.append(("ms ×bs", lambda s: "-" if s.median_ms is None else f"{s.median_ms / ref:.2f}"))
    cols.append(("fail", lambda s: str(s.failures)))
    return cols


def render(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]

    def fmt(cells: Sequence[str]) -> str:
        pairs = zip(cells, widths, strict=True)
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(pairs))

    return "\n".join([fmt(header), "  ".join("-" * w for w in widths), *map(fmt, rows)])


def main_table(dataset: str, summaries: Sequence[Summary], peak_mb: Mapping[str, float]) -> str:
    cols = columns(dataset, summaries, peak_mb)
    return render([c[0] for c in cols], [[get(s) for _, get in cols] for s in summaries])


def type_table(summaries: Sequence[Summary], counts: Mapping[str, int]) -> str:
    types = sorted(counts, key=lambda t: (-counts[t], t))
    header = ["word F1 by type", *(f"{t} ({counts[t]})" for t in types)]
    rows = [[s.extractor, *(_f(s.per_type_f1.get(t)) for t in types)] for s in summaries]
    return render(header, rows)


def _page_entry(score: Score) -> dict[str, Any]:
    return {
        "f1": round(score.word.f1, 4),
        "p": round(score.word.precision, 4),
        "r": round(score.word.recall, 4),
        "shingle_tp_fp_fn": [round(x, 4) for x in (score.shingle.tp, score.shingle.fp, score.shingle.fn)],
        "exact": score.exact,
        "with": round(score.with_found, 4),
        "without_absent": round(score.without_absent, 4),
        "title": score.title_ok,
        "author": score.author_ok,
        "date": score.date_ok,
        "ms": None if score.seconds is None else round(score.seconds * 1000, 2),
        # only the error's kind: exception messages can quote the page
        "error": score.error.split(":")[0] if score.error else None,
    }


def results_json(
    *,
    dataset: str,
    mode: str,
    options: Mapping[str, Any],
    versions: Mapping[str, str],
    summaries: Sequence[Summary],
    peak_mb: Mapping[str, float],
    scores: Sequence[Sequence[Score]],
) -> dict[str, Any]:
    base = next((s.median_ms for s in summaries if s.extractor == "boilerstrip"), None)
    summary = {}
    for s in summaries:
        entry = asdict(s)
        entry["native"] = asdict(s.native(dataset))
        entry["peak_rss_mb"] = round(peak_mb.get(s.extractor, 0.0), 2)
        entry["median_ms_ratio_to_boilerstrip"] = s.median_ms / base if base and s.median_ms else None
        summary[s.extractor] = entry
    return {
        "dataset": dataset,
        "mode": mode,
        "n_pages": len(scores),
        "options": dict(options),
        "headline_metric": "shingle F1 (ScrapingHub)" if dataset in SHINGLE_DATASETS else "word F1 (WCXB)",
        "memory": MEMORY_NOTE,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "versions": dict(versions),
        "summary": summary,
        "pages": [
            {
                "id": row[0].page_id,
                "type": row[0].page_type,
                "scores": {s.extractor: _page_entry(s) for s in row},
            }
            for row in scores
            if row
        ],
    }


def page_entries_from_json(data: Mapping[str, Any], extractor: str) -> list[tuple[str, str, PRF, str | None]]:
    """(id, type, headline P/R/F1, error) per page of one extractor in a saved results file."""
    entries = []
    for page in data["pages"]:
        s = page["scores"].get(extractor)
        if s is None:
            continue
        if data["dataset"] in SHINGLE_DATASETS:
            c = Counts(*s["shingle_tp_fp_fn"])
            p, r = shingle_precision(c), shingle_recall(c)
            prf = PRF(p, r, harmonic(p, r))
        else:
            prf = PRF(s["p"], s["r"], s["f1"])
        entries.append((page["id"], page["type"], prf, s["error"]))
    return entries


def write_json(path: Path, data: Mapping[str, Any]) -> None:
    """Indented, except one line per page so that a 1,500-page run stays a small, diffable file."""
    head = json.dumps({k: v for k, v in data.items() if k != "pages"}, indent=1, ensure_ascii=False)
    pages = ",\n".join(
        json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in data.get("pages", [])
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{head[:-2]},\n "pages": [\n{pages}\n ]\n}}\n', encoding="utf-8")
