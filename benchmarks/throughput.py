"""Throughput: pages/s through each engine on the same input, on one core and on both.

    python -m benchmarks.throughput --dataset /work/shared/datasets/scrapinghub [--limit N] [--engines ...]

The dataset's pages are packed into a gzipped WARC under a temporary folder at run time (never into
the repository), then extracted by: a plain loop over ``boilerstrip.extract``; ``extract_many`` with
jobs 1 and 2; datatrove's LocalPipelineExecutor (WarcReader -> BoilerstripExtractor -> JsonlWriter)
with 1 and 2 tasks and workers; and the Spark job (``boilerstrip.integrations.spark``) on local[1]
and local[2]. Every engine reads the same WARC (the plain loop and extract_many read it with
FastWARC in this process) and its time is the whole run, reading and writing included; Spark's
session start is timed apart, since a cluster pays it once. An engine's overhead is its time over
the plain loop's at the same core count (for two cores: over half the plain loop, the ideal).
Results go to benchmarks/results/throughput.json.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import platform
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
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
# Each takes the WARC paths and a core count and returns (pages out, seconds, startup seconds).


def _plain(paths: list[Path], cores: int, out: Path) -> tuple[int, float, float]:
    """A loop over boilerstrip.extract in this process (one core only: it is the baseline)."""
    started = time.perf_counter()
    n = 0
    for path in paths:
        for url, payload, kind in read_warc(str(path)):
            boilerstrip.extract(payload, url=url, kind=kind)
            n += 1
    return n, time.perf_counter() - started, 0.0


def _extract_many(paths: list[Path], cores: int, out: Path) -> tuple[int, float, float]:
    """boilerstrip.extract_many(jobs=cores): in this process for one job, a process pool for more."""
    started = time.perf_counter()
    items = ((payload, url) for path in paths for url, payload, _ in read_warc(str(path)))
    n = sum(1 for r in boilerstrip.extract_many(items, jobs=cores) if not isinstance(r, boilerstrip.Failure))
    return n, time.perf_counter() - started, 0.0


def _datatrove(paths: list[Path], cores: int, out: Path) -> tuple[int, float, float]:
    """WarcReader -> BoilerstripExtractor -> JsonlWriter on LocalPipelineExecutor, tasks = workers = cores."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    from boilerstrip.integrations.datatrove import BoilerstripExtractor

    folder = paths[0].parent
    pipeline = [
        WarcReader(str(folder), glob_pattern="*.warc.gz"),
        BoilerstripExtractor(timeout=60.0),
        JsonlWriter(str(out / "docs"), compression=None),
    ]
    executor = LocalPipelineExecutor(pipeline, tasks=cores, workers=cores, logging_dir=str(out / "logs"))
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):  # datatrove logs every task to stderr
        executor.run()
    seconds = time.perf_counter() - started
    n = sum(1 for f in (out / "docs").glob("*.jsonl") for _ in f.open())
    return n, seconds, 0.0


def _spark(paths: list[Path], cores: int, out: Path, site_models: bool = False) -> tuple[int, float, float]:
    """The Spark job on local[cores], written as Parquet; the session start is timed apart."""
    from boilerstrip.integrations import spark as bs

    started = time.perf_counter()
    conf = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(2 * cores)}
    spark = bs.session(f"local[{cores}]", app="boilerstrip-throughput", config=conf)
    spark.sparkContext.setLogLevel("ERROR")
    spark.range(1).count()  # the JVM and the first Python worker are up
    startup = time.perf_counter() - started
    try:
        started = time.perf_counter()
        pages = bs.warc_pages(spark, [str(p) for p in paths])
        result, _ = bs.run(spark, pages, site_models=site_models, timeout=None)
        result.write.mode("overwrite").parquet(str(out / "pages"))
        seconds = time.perf_counter() - started
        n = spark.read.parquet(str(out / "pages")).count()
    finally:
        spark.stop()
    return n, seconds, startup


ENGINES: dict[str, Callable[[list[Path], int, Path], tuple[int, float, float]]] = {
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
    """Every engine at every core count, ``repeat`` rounds interleaved; the best round of each is kept."""
    with tempfile.TemporaryDirectory(prefix="boilerstrip-throughput-") as tmp:
        folder = Path(tmp) / "warc"
        folder.mkdir()
        n_pages, n_bytes = pack(dataset, folder, limit=limit)
        paths = sorted(folder.glob("*.warc.gz"))
        runs: dict[tuple[str, int], list[tuple[int, float, float]]] = {}
        for r in range(repeat):
            for name in engines:
                for cores in CORES.get(name, (1, 2)):
                    out = Path(tmp) / f"out-{r}-{name.replace(' ', '_')}-{cores}"
                    out.mkdir()
                    runs.setdefault((name, cores), []).append(ENGINES[name](paths, cores, out))
                    print(f"{name:20s} cores={cores} {runs[name, cores][-1][1]:7.2f} s", file=sys.stderr)
    return _summary(dataset, n_pages, n_bytes, runs, repeat)


def _summary(dataset: Path, n_pages: int, n_bytes: int, runs: dict[tuple[str, int], list[tuple[int, float, float]]],
             repeat: int) -> dict[str, Any]:  # fmt: skip
    plain = min(s for _, s, _ in runs[("plain loop", 1)]) if ("plain loop", 1) in runs else None
    rows = []
    for (name, cores), got in runs.items():
        seconds = min(s for _, s, _ in got)
        ideal = plain / cores if plain else None
        rows.append({
            "engine": name,
            "cores": cores,
            "pages_out": got[0][0],
            "seconds": round(seconds, 2),
            "pages_per_s": round(n_pages / seconds, 2),
            "overhead": round(seconds / ideal - 1, 3) if ideal else None,
            "startup_s": round(min(st for _, _, st in got), 2),
            "all_seconds": [round(s, 2) for _, s, _ in got],
        })  # fmt: skip
    return {
        "dataset": dataset.name,
        "pages": n_pages,
        "megabytes": round(n_bytes / 1e6, 1),
        "repeat": repeat,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), **_versions()},
        "note": "seconds: best of the rounds, reading and writing included; overhead: over the plain loop's "
        "time at one core, or over half of it at two (perfect scaling); startup_s: Spark's session start, "
        "paid once per job, not in seconds",
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


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table (docs/engines.md)."""
    lines = [
        "| engine | cores | pages/s | seconds | overhead vs plain loop | startup s |",
        "|---|---|---|---|---|---|",
    ]
    for r in results["runs"]:
        overhead = f"{r['overhead']:+.0%}" if r["overhead"] is not None else "–"
        startup = f"{r['startup_s']:.1f}" if r["startup_s"] else "–"
        lines.append(
            f"| {r['engine']} | {r['cores']} | {r['pages_per_s']:.1f} | {r['seconds']:.1f} | {overhead} | {startup} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.throughput", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--dataset", type=Path, required=True, help="a benchmark dataset folder (e.g. ScrapingHub)"
    )
    p.add_argument("--limit", type=int, help="a seeded sample of this many pages")
    p.add_argument("--engines", default=",".join(ENGINES), help="comma-separated, of: " + ", ".join(ENGINES))
    p.add_argument("--repeat", type=int, default=2, help="rounds; the best of each engine is kept")
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
