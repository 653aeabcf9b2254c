"""PNG plots (matplotlib, Agg): F1 against median ms/page, and F1 per page type as grouped bars."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

from .scoring import Summary  # noqa: E402


def f1_vs_speed(dataset: str, title: str, summaries: Sequence[Summary], path: Path) -> None:
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for s in summaries:
        if s.median_ms is None:
            continue
        own = s.extractor == "boilerstrip"
        ax.scatter(
            s.median_ms, s.native(dataset).f1, s=70 if own else 40, color="tab:red" if own else "tab:blue"
        )
        ax.annotate(
            s.extractor,
            (s.median_ms, s.native(dataset).f1),
            textcoords="offset points",
            xytext=(5, 4),
            fontsize=8,
            fontweight="bold" if own else "normal",
        )
    ax.set_xscale("log")
    ax.set_xlabel("median ms per page (log scale)")
    ax.set_ylabel("F1")
    ax.set_title(title, fontsize=10)
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def f1_by_type(title: str, summaries: Sequence[Summary], counts: Mapping[str, int], path: Path) -> None:
    types = sorted(counts, key=lambda t: (-counts[t], t))
    width = 0.8 / max(1, len(summaries))
    fig, ax = plt.subplots(figsize=(max(7.0, 1.3 * len(types)), 4.5), dpi=110)
    for i, s in enumerate(summaries):
        xs = [j + (i - (len(summaries) - 1) / 2) * width for j in range(len(types))]
        ax.bar(
            xs,
            [s.per_type_f1.get(t, 0.0) for t in types],
            width,
            label=s.extractor,
            edgecolor="black" if s.extractor == "boilerstrip" else None,
        )
    ax.set_xticks(range(len(types)), [f"{t}\n({counts[t]})" for t in types], fontsize=8)
    ax.set_ylabel("word F1")
    ax.set_ylim(0, 1)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncol=4, loc="lower right")
    ax.grid(True, axis="y", alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
