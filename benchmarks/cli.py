"""``python -m benchmarks run|worst|list``: argument parsing and the two commands."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import cast

from . import peers, report
from .datasets import Dataset, open_dataset
from .flatten import Style
from .runner import Runner, RunOptions
from .scoring import Score, score, summarise

RESULTS = Path(__file__).parent / "results"
REPO = Path(__file__).parents[1]


def _versions(names: tuple[str, ...]) -> dict[str, str]:
    """Installed versions; boilerstrip run from a checkout is identified by its commit (+ "-dirty")."""
    versions = {n: peers.version(n) for n in names}
    if versions.get("boilerstrip") == "unknown":
        try:
            described = subprocess.run(
                ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                capture_output=True,
                text=True,
                timeout=10,
                check=True,
            ).stdout.strip()
            versions["boilerstrip"] = f"git {described}"
        except (OSError, subprocess.SubprocessError):
            pass
    return versions


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dataset", type=Path, help="dataset folder (layout autodetected)")
    common.add_argument("--limit", type=int, help="a seeded random sample of N pages")
    common.add_argument(
        "--text-mode", choices=["a", "b", "c"], help="feed text dumps: a seed, b innerText, c WET"
    )
    common.add_argument("--timeout", type=float, default=30.0, help="seconds per call before it is killed")
    common.add_argument("--seed", type=int, default=0)
    run = sub.add_parser("run", parents=[common], help="all extractors, interleaved; tables, JSON, plots")
    run.add_argument("--extractors", help="comma-separated (default: every installed one)")
    run.add_argument(
        "--jobs",
        type=int,
        nargs="?",
        const=2,
        default=1,
        help="pages in parallel (bare --jobs: 2); timings get noisier",
    )
    run.add_argument("--tracemalloc", action="store_true", help="also tracemalloc peaks (slows Python code)")
    run.add_argument("--out", type=Path, default=RESULTS, help="results folder")
    run.add_argument("--no-plots", action="store_true")
    worst = sub.add_parser("worst", parents=[common], help="one extractor's worst pages")
    worst.add_argument("--extractor", default="boilerstrip")
    worst.add_argument("--n", type=int, default=20)
    worst.add_argument("--results", type=Path, help="read a saved results JSON instead of running")
    sub.add_parser("list", help="known extractors and whether each is installed")
    return parser


def _extractors(spec: str | None) -> tuple[str, ...]:
    names = tuple(n.strip() for n in spec.split(",") if n.strip()) if spec else tuple(peers.available())
    unknown = [n for n in names if n not in peers.ADAPTERS and ":" not in n]  # "module:Class" is ad hoc
    missing = [n for n in names if n in peers.ADAPTERS and n not in peers.available()]
    if unknown or missing:
        sys.exit(f"unknown extractors: {unknown}; not installed: {missing} (pip install -e '.[bench]')")
    return names


def _score_all(dataset: Dataset, options: RunOptions) -> tuple[list[list[Score]], dict[str, float], float]:
    rows: list[list[Score]] = []
    started = time.monotonic()
    with Runner(options) as runner:
        for i, page_run in enumerate(runner.run(dataset.pages()), 1):
            rows.append([score(page_run.page, call) for call in page_run.calls])
            if i % 25 == 0 or i == len(dataset):
                print(f"  {i}/{len(dataset)} pages, {time.monotonic() - started:.0f} s", file=sys.stderr)
        peak = runner.peak_rss_mb()
    return rows, peak, time.monotonic() - started


def cmd_run(args: argparse.Namespace) -> None:
    if args.dataset is None:
        sys.exit("run: --dataset is required")
    dataset = open_dataset(args.dataset, limit=args.limit, seed=args.seed)
    if not len(dataset):
        sys.exit(f"{args.dataset}: no pages")
    options = RunOptions(
        _extractors(args.extractors),
        cast(Style | None, args.text_mode),
        args.timeout,
        args.seed,
        args.jobs,
        args.tracemalloc,
    )
    mode = f"text-{args.text_mode}" if args.text_mode else "html"
    print(f"{dataset.name} ({len(dataset)} pages, {mode}): {', '.join(options.extractors)}", file=sys.stderr)
    versions = _versions(options.extractors)  # before the run: the library may change during it
    rows, peak, wall = _score_all(dataset, options)
    summaries = [
        summarise(n, [row[i] for row in rows], seed=args.seed) for i, n in enumerate(options.extractors)
    ]
    counts = Counter(row[0].page_type for row in rows)
    print(
        f"\n{dataset.name}, {mode}, {len(rows)} pages, headline metric: "
        f"{'shingle F1 (ScrapingHub)' if dataset.name == 'scrapinghub' else 'word F1 (WCXB)'}; "
        f"wall {wall:.0f} s, jobs={options.jobs}\n"
    )
    print(report.main_table(dataset.name, summaries, peak))
    if len(counts) > 1:
        print("\n" + report.type_table(summaries, counts))
    print(f"\n{report.MEMORY_NOTE}; ms ×bs = median ms / boilerstrip's median ms; fail = errors + timeouts.")
    stem = f"{dataset.name}-{mode}"
    opts = {
        "extractors": list(options.extractors),
        "limit": args.limit,
        "seed": args.seed,
        "jobs": options.jobs,
        "timeout_s": options.timeout_s,
        "tracemalloc": options.tracemalloc,
        "text_mode": args.text_mode,
    }
    report.write_json(
        args.out / f"{stem}.json",
        report.results_json(
            dataset=dataset.name,
            mode=mode,
            options=opts,
            versions=versions,
            summaries=summaries,
            peak_mb=peak,
            scores=rows,
        ),
    )
    if not args.no_plots:
        from . import plots  # matplotlib is a [bench] extra; runs with --no-plots work without it

        title = f"{dataset.name} ({len(rows)} pages, {mode})"
        plots.f1_vs_speed(dataset.name, title, summaries, args.out / f"{stem}-f1-speed.png")
        if len(counts) > 1:
            plots.f1_by_type(title, summaries, counts, args.out / f"{stem}-f1-types.png")
    print(f"results: {args.out / stem}.json", file=sys.stderr)


def cmd_worst(args: argparse.Namespace) -> None:
    if args.results:  # from a saved run: instant, but as good as the run was old
        data = json.loads(args.results.read_text("utf-8"))
        entries = report.page_entries_from_json(data, args.extractor)
    else:
        if args.dataset is None:
            sys.exit("worst: give --dataset (to run the extractor) or --results (a saved run)")
        dataset = open_dataset(args.dataset, limit=args.limit, seed=args.seed)
        text_mode = cast(Style | None, args.text_mode)
        options = RunOptions(_extractors(args.extractor), text_mode, args.timeout, args.seed)
        rows, _, _ = _score_all(dataset, options)
        entries = [(s.page_id, s.page_type, s.native(dataset.name), s.error) for s in (r[0] for r in rows)]
    entries.sort(key=lambda e: (e[2].f1, e[0]))
    table = [
        [pid, ptype, f"{m.f1:.3f}", f"{m.precision:.3f}", f"{m.recall:.3f}", (err or "").split(":")[0]]
        for pid, ptype, m, err in entries[: args.n]
    ]
    print(report.render(["id", "type", "F1", "P", "R", "error"], table))


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    if args.command == "list":
        installed = set(peers.available())
        for name in peers.ADAPTERS:
            print(
                f"{name:<12} {'installed ' + peers.version(name) if name in installed else 'not installed'}"
            )
    elif args.command == "run":
        cmd_run(args)
    else:
        cmd_worst(args)
