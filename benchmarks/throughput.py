"""Throughput: pages/s through each engine on the same input, on one core and on both.

    python -m benchmarks.throughput --dataset /work/shared/datasets/scrapinghub [--limit N] [--engines ...]

The dataset's pages are packed into two gzipped WARC files (so that two tasks get a file each) under
a temporary folder at run time, never into the repository. Then each engine extracts them: a plain
loop over ``boilerstrip.extract``; ``extract_many`` with jobs 1 and 2; datatrove's
LocalPipelineExecutor (WarcReader -> BoilerstripExtractor -> JsonlWriter) with 1 and 2 tasks and
workers; the Spark job (``boilerstrip.integrations.spark``, Parquet out) on local[1] and local[2],
without and with site models. Every engine reads the same WARCs (the plain loop and extract_many
with FastWARC in this process); time is the whole run, reading and writing included, and Spark's
session start is timed apart, since a job pays it once. Rounds are interleaved and medians kept.

Overhead, wall: an engine's time over the plain loop's at one core, or over half of it at two (the
ideal). Overhead, CPU: its CPU seconds (this process and all under it) over the plain loop's: on a
shared machine the CPU figure is the steadier one. Results: benchmarks/results/throughput.json.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import boilerstrip

from .datasets import open_dataset

WARC_DATE = "2026-01-01T00:00:00Z"


def warc_record(url: str, payload: bytes, *, rec_type: str = "response", mime: str = "text/html") -> bytes:
    """One WARC/1.0 record: a 'response' wraps the payload in an HTTP 200 header, a 'conversion' holds text."""
    if rec_type == "response":
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {mime}; charset=utf-8\r\nContent-Length: {len(payload)}\r\n\r\n"
        block, content_type = http.encode() + payload, "application/http; msgtype=response"
    else:
        block, content_type = payload, mime
    head = (
        f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: {WARC_DATE}\r\nWARC-Target-URI: {url}\r\nWARC-Identified-Payload-Type: {mime}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[tuple[str, bytes]], *, rec_type: str = "response") -> int:
    """Write (url, payload) pairs as a WARC, one gzip member per record as crawlers do; the record count."""
    mime = "text/html" if rec_type == "response" else "text/plain"
    n = 0
    with path.open("wb") as f:
        for url, payload in records:
            f.write(gzip.compress(warc_record(url, payload, rec_type=rec_type, mime=mime)))
            n += 1
    return n


def read_warc(path: str) -> Iterable[tuple[str | None, bytes, str | None]]:
    from boilerstrip.integrations.warc import read_warc as pages  # needs FastWARC (the warc extra)

    return pages(path)


# ---- the engines -------------------------------------------------------------------------------
# Each takes the WARC paths, a core count and a scratch folder and returns a Run. CPU seconds count
# this process and all under it: on a shared machine they say what an engine costs, where wall time
# also says what the other users left free.


@dataclass(frozen=True, slots=True)
class Run:
    pages_out: int
    seconds: float
    cpu_s: float
    startup_s: float = 0.0


_TICK = os.sysconf("SC_CLK_TCK")


def _own_cpu() -> float:
    """CPU seconds of this process and every process under it, live or reaped (the forkserver's
    pool workers, datatrove's sandboxes, Spark's JVM and its Python workers included)."""
    return _tree_cpu(os.getpid())


def _tree_cpu(root: int) -> float:
    """CPU seconds of a process tree (live processes, plus what they reaped), read from /proc."""
    parent: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parent[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = sum(int(f) for f in fields[11:15]) / _TICK  # utime stime cutime cstime
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(c for c, pp in parent.items() if pp == pid and c not in tree)
    return sum(cpu.get(pid, 0.0) for pid in tree)


def _plain(paths: list[Path], cores: int, out: Path) -> Run:
    """A loop over boilerstrip.extract in this process (one core only: it is the baseline)."""
    started, cpu = time.perf_counter(), _own_cpu()
    n = 0
    for path in paths:
        for url, payload, kind in read_warc(str(path)):
            boilerstrip.extract(payload, url=url, kind=kind)
            n += 1
    return Run(n, time.perf_counter() - started, _own_cpu() - cpu)


def _extract_many(paths: list[Path], cores: int, out: Path) -> Run:
    """boilerstrip.extract_many(jobs=cores): in this process for one job, a process pool for more."""
    started, cpu = time.perf_counter(), _own_cpu()
    items = ((payload, url) for path in paths for url, payload, _ in read_warc(str(path)))
    n = sum(1 for r in boilerstrip.extract_many(items, jobs=cores) if not isinstance(r, boilerstrip.Failure))
    return Run(n, time.perf_counter() - started, _own_cpu() - cpu)


def _datatrove(paths: list[Path], cores: int, out: Path) -> Run:
    """WarcReader -> BoilerstripExtractor -> JsonlWriter on LocalPipelineExecutor, tasks = workers = cores."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from boilerstrip.integrations.datatrove import BoilerstripExtractor

    pipeline = [
        WarcReader(str(paths[0].parent), glob_pattern="*.warc.gz"),
        BoilerstripExtractor(timeout=60.0),
        JsonlWriter(str(out / "docs"), compression=None),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=cores, workers=cores, logging_dir=str(out / "logs"))
    started, cpu = time.perf_counter(), _own_cpu()
    with contextlib.redirect_stderr(io.StringIO()):  # datatrove logs every task to stderr
        executor.run()
    seconds, cpu = time.perf_counter() - started, _own_cpu() - cpu
    n = sum(1 for f in (out / "docs").glob("*.jsonl") for _ in f.open())
    return Run(n, seconds, cpu)


def _spark(paths: list[Path], cores: int, out: Path, site_models: bool = False) -> Run:
    """The Spark job on local[cores], written as Parquet; the session start is timed apart."""
    from boilerstrip.integrations import spark as bs

    started = time.perf_counter()
    conf = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(2 * cores)}
    spark = bs.session(f"local[{cores}]", app="boilerstrip-throughput", config=conf)
    spark.sparkContext.setLogLevel("ERROR")
    spark.range(1).count()  # the JVM and the first Python worker are up
    startup = time.perf_counter() - started
    try:
        started, cpu = time.perf_counter(), _own_cpu()
        pages = bs.warc_pages(spark, [str(p) for p in paths])
        result, _ = bs.run(spark, pages, site_models=site_models, timeout=None)
        result.write.mode("overwrite").parquet(str(out / "pages"))
        seconds, cpu = time.perf_counter() - started, _own_cpu() - cpu
        n = spark.read.parquet(str(out / "pages")).count()
    finally:
        spark.stop()
    return Run(n, seconds, cpu, startup)


ENGINES: dict[str, Callable[[list[Path], int, Path], Run]] = {
    "plain loop": _plain,
    "extract_many": _extract_many,
    "datatrove": _datatrove,
    "spark": _spark,
    "spark + site models": partial(_spark, site_models=True),
}
#: the core counts each engine runs at (the plain loop is one core by construction)
CORES = {"plain loop": (1,)}


def pack(dataset: Path, folder: Path, *, limit: int | None, files: int = 2) -> tuple[int, int]:
    """The dataset's pages as ``files`` WARCs in ``folder`` (dealt round-robin, so tasks get equal shares)."""
    pages = list(open_dataset(dataset, limit=limit).pages())
    for i in range(files):
        share = pages[i::files]
        write_warc(
            folder / f"part-{i}.warc.gz", ((p.url or f"https://page.invalid/{p.id}", p.html) for p in share)
        )
    return len(pages), sum(len(p.html) for p in pages)


def measure(dataset: Path, *, limit: int | None, engines: list[str], repeat: int) -> dict[str, Any]:
    """Every engine at every core count, ``repeat`` rounds interleaved; medians of the rounds."""
    with tempfile.TemporaryDirectory(prefix="boilerstrip-throughput-") as tmp:
        folder = Path(tmp) / "warc"
        folder.mkdir()
        n_pages, n_bytes = pack(dataset, folder, limit=limit)
        paths = sorted(folder.glob("*.warc.gz"))
        # Untimed warm-up: the first extraction in a process pays one-time costs (imports, rule
        # files, pattern compilation) that would otherwise land on whichever engine runs first.
        for url, payload, kind in itertools.islice(read_warc(str(paths[0])), 5):
            boilerstrip.extract(payload, url=url, kind=kind)
        runs: dict[tuple[str, int], list[tuple[Run, float]]] = {}
        for r in range(repeat):
            for name in engines:
                for cores in CORES.get(name, (1, 2)):
                    out = Path(tmp) / f"out-{r}-{name.replace(' ', '_')}-{cores}"
                    out.mkdir()
                    run = ENGINES[name](paths, cores, out)
                    # the machine is shared: the 1-minute load average beside each run says how shared
                    runs.setdefault((name, cores), []).append((run, os.getloadavg()[0]))
                    print(
                        f"{name:20s} cores={cores} {run.seconds:7.2f} s {run.cpu_s:7.2f} cpu s",
                        file=sys.stderr,
                    )
    return _summary(dataset, n_pages, n_bytes, runs, repeat)


def _summary(dataset: Path, n_pages: int, n_bytes: int, runs: dict[tuple[str, int], list[tuple[Run, float]]],
             repeat: int) -> dict[str, Any]:  # fmt: skip
    base = runs.get(("plain loop", 1))
    plain_s = statistics.median(r.seconds for r, _ in base) if base else None
    plain_cpu = statistics.median(r.cpu_s for r, _ in base) if base else None
    rows = []
    for (name, cores), got in runs.items():
        seconds = statistics.median(r.seconds for r, _ in got)
        cpu = statistics.median(r.cpu_s for r, _ in got)
        rows.append({
            "engine": name,
            "cores": cores,
            "pages_out": got[0][0].pages_out,
            "seconds": round(seconds, 2),
            "pages_per_s": round(n_pages / seconds, 2),
            "cpu_s": round(cpu, 2),
            "pages_per_cpu_s": round(n_pages / cpu, 2),
            # wall: over the plain loop's time at one core, or over half of it at two (perfect scaling)
            "overhead_wall": round(seconds * cores / plain_s - 1, 3) if plain_s else None,
            "overhead_cpu": round(cpu / plain_cpu - 1, 3) if plain_cpu else None,
            "startup_s": round(statistics.median(r.startup_s for r, _ in got), 2),
            "load_avg": [round(load, 1) for _, load in got],
            "all_seconds": [round(r.seconds, 2) for r, _ in got],
        })  # fmt: skip
    return {
        "dataset": dataset.name,
        "pages": n_pages,
        "megabytes": round(n_bytes / 1e6, 1),
        "repeat": repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), **_versions()},
        "note": "medians of the rounds, reading and writing included; overhead_wall: time over the plain "
        "loop's at one core, or over half of it at two (perfect scaling); overhead_cpu: CPU seconds over "
        "the plain loop's (this process, its children, Spark's JVM and Python workers); startup_s: Spark's "
        "session start, paid once per job and not in seconds; load_avg: the machine's 1-minute load after "
        "each round (2 cores, shared)",
        "runs": rows,
    }


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("datatrove", "pyspark", "fastwarc"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def _pct(value: float | None) -> str:
    return f"{value:+.0%}" if value is not None else "–"


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table (docs/engines.md)."""
    lines = [
        "| engine | cores | pages per CPU s | CPU overhead | pages/s (wall) | wall overhead | startup s |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results["runs"]:
        startup = f"{r['startup_s']:.1f}" if r["startup_s"] else "–"
        lines.append(
            f"| {r['engine']} | {r['cores']} | {r['pages_per_cpu_s']:.1f} | {_pct(r['overhead_cpu'])} | "
            f"{r['pages_per_s']:.1f} | {_pct(r['overhead_wall'])} | {startup} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--dataset", type=Path, required=True, help="a benchmark dataset folder (e.g. ScrapingHub)"
    )
    p.add_argument("--limit", type=int, help="a seeded sample of this many pages")
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of: " + ", ".join(ENGINES))
    p.add_argument("--repeat", type=int, default=3, help="rounds, interleaved; medians are reported")
    p.add_argument("--output", type=Path, default=Path(__file__).parent / "results" / "throughput.json")
    args = p.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        p.error(f"unknown engines: {', '.join(unknown)}")
    results = measure(args.dataset, limit=args.limit, engines=engines, repeat=args.repeat)
    results["command"] = "python -m benchmarks.throughput " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
