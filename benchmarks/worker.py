"""One extractor in its own process, so a hung or crashed peer can be killed and restarted.

Timing is taken inside the worker around the adapter call alone (parsing included; reading, decompressing
and the pipe excluded). Memory: the worker's peak RSS (``ru_maxrss``) less its RSS after import and warm-up,
i.e. how far extraction pushed the process's high-water mark; optionally also tracemalloc's per-call peak
(Python allocations only, and it slows Python code, so timings taken with it are not comparable).
"""

from __future__ import annotations

import contextlib
import os
import resource
import time
import tracemalloc
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext, SpawnProcess

from . import peers
from .peers import Kind, Output

_WARMUP = (
    b"<html><head><title>w</title></head><body><p>"
    + b"Warm up the extractor once. " * 20
    + b"</p></body></html>"
)
_STARTUP_TIMEOUT_S = 180.0


@dataclass(frozen=True, slots=True)
class Call:
    extractor: str
    output: Output
    seconds: float | None  # None when the call failed
    error: str | None = None  # "timeout", "crashed" or the exception, when it failed
    tracemalloc_peak: int | None = None


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _serve(conn: Connection, name: str, use_tracemalloc: bool) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # peers log and print per page; keep the terminal for the report
    os.dup2(devnull, 2)
    try:
        adapter = peers.load(name)
        adapter.extract(_WARMUP, None)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", (_rss_bytes(), adapter.accepts_text)))
    while (msg := conn.recv()) is not None:
        source, url, kind = msg
        if use_tracemalloc:
            tracemalloc.start()
        error, out, t0 = None, Output(""), time.perf_counter()
        try:
            out = adapter.extract(source, url, kind=kind)
        except Exception as exc:  # noqa: BLE001 - a peer failing on a page is a result, not a crash
            error = f"{type(exc).__name__}: {exc}"[:300]
        seconds = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1] if use_tracemalloc else None
        tracemalloc.stop()
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        conn.send(((out.text, out.title, out.author, out.date), seconds, error, peak, maxrss))


class Worker:
    """Parent-side handle on one extractor process; restarts it after a timeout or a crash."""

    def __init__(self, ctx: SpawnContext, name: str, *, use_tracemalloc: bool = False) -> None:
        self.name = name
        self._ctx = ctx
        self._tm = use_tracemalloc
        self.peak_rss_growth = 0  # bytes, max over the worker's incarnations
        self.accepts_text = False
        self._start()

    def _start(self) -> None:
        self._conn, child = self._ctx.Pipe()
        self._proc: SpawnProcess = self._ctx.Process(
            target=_serve, args=(child, self.name, self._tm), daemon=True
        )
        self._proc.start()
        child.close()
        if not self._conn.poll(_STARTUP_TIMEOUT_S):
            self.close()
            raise RuntimeError(f"{self.name}: worker did not start")
        status, value = self._conn.recv()
        if status != "ready":
            self.close()
            raise RuntimeError(f"{self.name}: {value}")
        self._baseline, self.accepts_text = value

    def call(self, source: str | bytes, url: str | None, kind: Kind, timeout_s: float) -> Call:
        try:
            self._conn.send((source, url, kind))
            if not self._conn.poll(timeout_s):
                return self._fail("timeout")
            fields, seconds, error, peak, maxrss = self._conn.recv()
        except (EOFError, OSError):
            return self._fail("crashed")
        self.peak_rss_growth = max(self.peak_rss_growth, maxrss - self._baseline)
        return Call(self.name, Output(*fields), None if error else seconds, error, peak)

    def _fail(self, why: str) -> Call:
        self.close()
        self._start()
        return Call(self.name, Output(""), None, why)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._proc.join(timeout=2)
        if self._proc.is_alive():
            self._proc.kill()
            self._proc.join()
        self._conn.close()
