"""Time and peak memory of boilerstrip.extract against input size: is the growth linear?

    python -m benchmarks.scaling                 # every family, full sizes; writes results/scaling.{json,md,png}
    python -m benchmarks.scaling --quick         # small sizes only (a minute)
    python -m benchmarks.scaling --family dump   # one family

Families (each a generator of one document of a given size):

- ``html``: a realistic page (nav, article paragraphs with links, teasers, footer) grown to N kilobytes
- ``depth``: N nested ``<div>`` elements around one paragraph
- ``elements``: N elements, ten inline elements (spans, links, emphasis) per paragraph
- ``line``: one line of N kilobytes without a space, as HTML and as a text dump
- ``dump``: a text dump of N lines (prose, menus, blank lines, a prelude)

Each point runs in a fresh child process, forked after the default pipeline is
built (so one point's garbage or leak cannot bias the next, and no point pays for
compiling the rules), twice: once for wall time and peak RSS, once under
tracemalloc for the peak of Python allocations (skipped above TRACE_UP_TO seconds:
tracemalloc triples the time, and RSS already gives the peak). A point over the CPU time
limit (``--limit``) or out of memory (MEMORY_CAP of address space) is recorded as such and ends its
family: larger sizes would only take longer. Both wall time and the child's CPU time
are kept; the ``exponent`` column is the local slope log(t2/t1)/log(n2/n1) of CPU time
between neighbouring sizes (the machine is shared: wall time also counts other
people's work): about 1 is linear, 2 quadratic (below 1 at small sizes, where fixed
costs dominate).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import platform
import resource
import signal
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import boilerstrip

RESULTS = Path(__file__).parent / "results"
_PROSE = (
    "the council met on tuesday to discuss a new bridge over the river and residents of the village asked "
    "whether the ferry would keep running through the winter while the works went on"
)
WORDS = _PROSE.split(" ")


def _sentence(i: int, n: int = 14) -> str:
    ws = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)]
    return " ".join(ws).capitalize() + f" {i}."


def html_page(kb: int) -> str:
    """A news-like page of about ``kb`` kilobytes: sections of paragraphs, link lists and boilerplate."""
    head = (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Scaling | Site</title>"
        '<meta property="og:title" content="Scaling"></head><body><header class="site-header"><nav class="menu">'
        + "".join(f'<a href="/s/{i}">Section {i}</a>' for i in range(12))
        + '</nav></header><main><article class="post"><h1>Scaling</h1>'
    )
    tail = (
        '</article></main><footer class="footer"><p>© Site. All rights reserved.</p></footer></body></html>'
    )
    parts, size, i = [head], len(head) + len(tail), 0
    target = kb * 1024
    while size < target:
        if i % 10 == 9:
            chunk = '<aside class="related"><h3>Related</h3><ul>' + "".join(
                f'<li><a href="/a/{i}-{k}">{_sentence(i + k, 6)}</a></li>' for k in range(4)
            ) + "</ul></aside>"  # fmt: skip
        elif i % 10 == 4:
            chunk = f"<h2>{_sentence(i, 5)}</h2>"
        else:
            chunk = f'<p>{_sentence(i)} <a href="/x/{i}">{_sentence(i + 1, 3)}</a> {_sentence(i + 2)}</p>'
        parts.append(chunk)
        size += len(chunk)
        i += 1
    parts.append(tail)
    return "".join(parts)


def deep(depth: int) -> str:
    """``depth`` nested divs around one paragraph."""
    return (
        f"<html><body>{'<div>' * depth}<p>{_sentence(1)} {_sentence(2)}</p>{'</div>' * depth}</body></html>"
    )


def elements(count: int) -> str:
    """``count`` elements: paragraphs of nine inline elements each (a paragraph counts too)."""
    paras = []
    for i in range(max(1, count // 10)):
        inner = "".join(
            f"<{t}>{WORDS[(i + k) % len(WORDS)]}</{t}> "
            for k, t in enumerate(("span", "b", "i", "em", "strong", "span", "a", "code", "span"))
        )
        paras.append(f"<p>{inner}{_sentence(i, 6)}</p>")
    return "<html><body><article>" + "".join(paras) + "</article></body></html>"


def long_line_html(kb: int) -> str:
    return "<html><body><p>" + "a" * (kb * 1024) + "</p></body></html>"


def long_line_text(kb: int) -> str:
    return "Title of the dump\n\n" + "a" * (kb * 1024) + "\n"


def dump(lines: int) -> str:
    """A text dump of ``lines`` lines: a short prelude, then menus, paragraphs and blank lines."""
    out = [
        "https://example.com/a/scaling",
        "2024-05-01T10:00:00Z",
        "news",
        "en_US",
        "scaling, bridges, rivers",
    ]
    i = 0
    while len(out) < lines:
        k = i % 12
        out.append(_sentence(i, 24) if k < 8 else ("" if k == 8 else ["Home", "News", "Sport"][k - 9]))
        i += 1
    return "\n".join(out[:lines])


@dataclass(frozen=True)
class Family:
    name: str
    unit: str
    build: Callable[[int], str]
    sizes: tuple[int, ...]
    quick: tuple[int, ...]
    kind: str | None = None


FAMILIES = (
    Family("html", "KB", html_page, (10, 100, 1_000, 10_000, 50_000), (10, 100, 1_000)),
    Family("depth", "levels", deep, (1_000, 3_000, 10_000, 30_000, 100_000), (300, 1_000, 3_000)),
    Family("elements", "elements", elements, (1_000, 10_000, 100_000, 1_000_000), (1_000, 10_000, 30_000)),
    Family("line-html", "KB", long_line_html, (10, 100, 1_000, 5_000), (10, 100, 1_000)),
    Family("line-text", "KB", long_line_text, (10, 100, 1_000, 5_000), (10, 100, 1_000), "text"),
    Family("dump", "lines", dump, (1_000, 10_000, 100_000, 500_000), (1_000, 3_000, 10_000), "text"),
)


@dataclass
class Point:
    family: str
    unit: str
    size: int
    chars: int
    seconds: float | None
    cpu_seconds: float | None
    peak_rss_mb: float | None
    peak_python_mb: float | None
    blocks: int | None
    status: str  # "ok", "timeout", "error: ..."
    exponent: float | None = None


#: untraced CPU seconds above which a point gets no tracemalloc run
TRACE_UP_TO = 10.0
#: a point still running after this many times its CPU limit in wall time is given up
WALL_FACTOR = 10
#: address-space cap of a measuring child: a quadratic point fails alone instead of swapping the machine
MEMORY_CAP = 6 * 2**30


def _measure(family: str, size: int, traced: bool, limit: float, conn: Any) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    try:
        fam = next(f for f in FAMILIES if f.name == family)
        source = fam.build(size)
        before = resource.getrusage(resource.RUSAGE_SELF)
        cpu_before = before.ru_utime + before.ru_stime
        # The limit is on CPU time: on a shared machine wall time also counts other people's work.
        soft = math.ceil(cpu_before + limit)
        resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 10))
        if traced:
            tracemalloc.start()
        start = time.perf_counter()
        r = boilerstrip.extract(source, kind=fam.kind)
        seconds = time.perf_counter() - start
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        peak = tracemalloc.get_traced_memory()[1] if traced else 0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
        cpu_seconds = cpu.ru_utime + cpu.ru_stime - cpu_before
        conn.send(("ok", (len(source), seconds, cpu_seconds, rss, peak / 2**20, len(r.blocks))))
    except MemoryError:
        conn.send(("out of memory", None))
    except BaseException as e:
        conn.send((f"error: {type(e).__name__}: {e}"[:200], None))


def _child(family: str, size: int, traced: bool, limit: float) -> tuple[str, Any]:
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_measure, args=(family, size, traced, limit, child), daemon=True)
    proc.start()
    child.close()  # the parent keeps no write end, so a child that dies is seen at once (EOF)
    try:
        if not parent.poll(WALL_FACTOR * limit):
            return "timeout (wall)", None
        status, got = parent.recv()
        return status, got
    except EOFError:
        proc.join()
        if proc.exitcode == -signal.SIGXCPU:
            return "timeout", None
        return f"error: child died (exit {proc.exitcode})", None
    finally:
        proc.kill()
        proc.join()


def run_family(fam: Family, sizes: tuple[int, ...], limit: float, log: Callable[[str], None]) -> list[Point]:
    points: list[Point] = []
    for size in sizes:
        status, got = _child(fam.name, size, False, limit)
        if status != "ok":
            points.append(Point(fam.name, fam.unit, size, 0, None, None, None, None, None, status))
            log(f"{fam.name:10s} {size:>9,} {fam.unit:8s} {status}")
            break
        chars, seconds, cpu_seconds, rss, _, blocks = got
        peak = None
        if cpu_seconds <= TRACE_UP_TO:
            traced_status, traced = _child(fam.name, size, True, max(limit, 4 * cpu_seconds + 10))
            peak = traced[4] if traced_status == "ok" else None
        points.append(Point(fam.name, fam.unit, size, chars, seconds, cpu_seconds, rss, peak, blocks, "ok"))
        log(f"{fam.name:10s} {size:>9,} {fam.unit:8s} {seconds:9.3f} s  cpu {cpu_seconds:9.3f} s  rss {rss:8.1f} MB  "
            f"python peak {peak if peak is not None else float('nan'):8.1f} MB  {blocks:>8,} blocks")  # fmt: skip
    for a, b in zip(points, points[1:], strict=False):
        ta, tb = _time(a), _time(b)
        if ta and tb and b.status == "ok":
            b.exponent = round(math.log(tb / ta) / math.log(b.size / a.size), 2)
    return points


def table(points: list[Point]) -> str:
    rows = ["| family | size | chars | wall (s) | CPU (s) | exponent | peak RSS (MB) | peak Python (MB) | blocks | status |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    for p in points:
        rows.append(
            f"| {p.family} | {p.size:,} {p.unit} | {p.chars:,} | "
            + (f"{p.seconds:.3f}" if p.seconds is not None else "-")
            + " | "
            + (f"{p.cpu_seconds:.3f}" if p.cpu_seconds is not None else "-")
            + f" | {p.exponent if p.exponent is not None else '-'} | "
            + (f"{p.peak_rss_mb:.0f}" if p.peak_rss_mb is not None else "-")
            + " | "
            + (f"{p.peak_python_mb:.1f}" if p.peak_python_mb is not None else "-")
            + f" | {p.blocks if p.blocks is not None else '-'} | {p.status} |"
        )
    return "\n".join(rows)


def _time(p: Point) -> float | None:
    """CPU time, or wall time for points measured before CPU time was recorded."""
    return p.cpu_seconds if p.cpu_seconds is not None else p.seconds


def plot(points: list[Point], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(13, 5.5))
    for name in dict.fromkeys(p.family for p in points):
        ok = [p for p in points if p.family == name and p.status == "ok"]
        if not ok:
            continue
        xs = [p.chars for p in ok]
        ax_t.plot(xs, [_time(p) for p in ok], "o-", label=name)
        traced = [p for p in ok if p.peak_python_mb is not None]
        ax_m.plot([p.chars for p in traced], [p.peak_python_mb for p in traced], "o-", label=name)
        for p in points:
            if p.family == name and p.status != "ok":
                ax_t.annotate(f"{name}: {p.status.split(':')[0]} at {p.size:,} {p.unit}", (xs[-1], _time(ok[-1])),
                              fontsize=7, xytext=(5, -10), textcoords="offset points")  # fmt: skip
    all_x = [p.chars for p in points if p.status == "ok"]
    if all_x:
        lo, hi = min(all_x), max(all_x)
        for ax, at in ((ax_t, 1e-6), (ax_m, 1e-5)):
            ax.plot([lo, hi], [at * lo / 1000, at * hi / 1000], "k:", linewidth=1, label="slope 1 (linear)")
            ax.plot([lo, hi / 10], [at * lo / 1000, at * lo / 1000 * (hi / 10 / lo) ** 2], "r:", linewidth=1,
                    label="slope 2 (quadratic)")  # fmt: skip
    for ax, label in ((ax_t, "CPU time (s)"), (ax_m, "peak Python allocations (MB, tracemalloc)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("input size (characters)")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
    ax_t.legend(fontsize=8)
    ax_t.set_title("boilerstrip.extract: time against input size")
    ax_m.set_title("peak memory against input size")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scaling", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes only")
    ap.add_argument(
        "--family", action="append", choices=[f.name for f in FAMILIES], help="only these families"
    )
    ap.add_argument(
        "--limit", type=float, default=240.0, help="CPU seconds per point before it counts as a timeout"
    )
    ap.add_argument("--note", default="", help="a line saved with the results (what was measured)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="directory for scaling.json and scaling.png")
    args = ap.parse_args(argv)
    chosen = [f for f in FAMILIES if not args.family or f.name in args.family]
    boilerstrip.extract("<p>warm up</p>")  # children are forked with the default pipeline built
    points: list[Point] = []
    for fam in chosen:
        points += run_family(
            fam, fam.quick if args.quick else fam.sizes, args.limit, lambda s: print(s, flush=True)
        )
    print()
    print(table(points))
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {"python": platform.python_version(), "machine": platform.machine(), "limit_s": args.limit,
            "quick": args.quick, "boilerstrip": getattr(boilerstrip, "__version__", None), "note": args.note}  # fmt: skip
    stem = "scaling-quick" if args.quick else "scaling"
    (args.out / f"{stem}.json").write_text(
        json.dumps({"meta": meta, "points": [asdict(p) for p in points]}, indent=1)
    )
    header = f"# Scaling: time and peak memory against input size\n\n`python -m benchmarks.scaling`. {args.note}\n\n"
    (args.out / f"{stem}.md").write_text(header + table(points) + "\n")
    plot(points, args.out / f"{stem}.png")
    print(f"\nwrote {args.out / stem}.json, .md and .png")


if __name__ == "__main__":
    main()
