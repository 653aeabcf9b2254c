"""Run every extractor over the same pages, interleaved: page 1 through all extractors, then page 2...

The extractor order is shuffled per page with a seed derived from (seed, page id), so slow drifts of a noisy
machine (other jobs, thermal state) hit all extractors alike and speed ratios hold. With ``jobs`` > 1,
that many lanes (each its own set of worker processes) take pages concurrently: faster, noisier timings.
"""

from __future__ import annotations

import multiprocessing
import queue
import random
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from .datasets import Page
from .flatten import Style, flatten, wrap_html
from .peers import Kind
from .worker import Call, Worker


@dataclass(frozen=True, slots=True)
class RunOptions:
    extractors: tuple[str, ...]
    text_mode: Style | None = None
    timeout_s: float = 30.0
    seed: int = 0
    jobs: int = 1
    tracemalloc: bool = False


@dataclass(frozen=True, slots=True)
class PageRun:
    page: Page
    calls: tuple[Call, ...]  # in registry (options) order, whatever order they ran in


def page_inputs(page: Page, text_mode: Style | None) -> tuple[str | None, bytes]:
    """(text dump or None, HTML) for a page: dump from the source itself or from the flattener."""
    if page.source_kind == "text":
        return page.html.decode("utf-8", errors="replace"), b""
    if text_mode is not None:
        return flatten(page.html, text_mode), b""
    return None, page.html


def source_for(accepts_text: bool, dump: str | None, html: bytes) -> tuple[str | bytes, Kind]:
    """What an extractor is fed: the dump as text if it reads text, else the dump wrapped in HTML."""
    if dump is None:
        return html, "html"
    if accepts_text:
        return dump, "text"
    return wrap_html(dump), "html"


def extractor_order(names: Iterable[str], seed: int, page_id: str) -> list[str]:
    """This page's shuffled extractor order: fixed by (seed, page id), whatever ran before it."""
    order = list(names)
    random.Random(f"{seed}/{page_id}").shuffle(order)
    return order


class Runner:
    """Owns the worker processes; use as a context manager."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        self._lanes: queue.Queue[dict[str, Worker]] = queue.Queue()
        self._all: list[dict[str, Worker]] = []

    def __enter__(self) -> Runner:
        ctx = multiprocessing.get_context("spawn")
        for _ in range(max(1, self.options.jobs)):
            lane = {
                n: Worker(ctx, n, use_tracemalloc=self.options.tracemalloc) for n in self.options.extractors
            }
            self._all.append(lane)
            self._lanes.put(lane)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for lane in self._all:
            for worker in lane.values():
                worker.close()

    def peak_rss_mb(self) -> dict[str, float]:
        return {
            n: max(lane[n].peak_rss_growth for lane in self._all) / 2**20 for n in self.options.extractors
        }

    def run(self, pages: Iterable[Page]) -> Iterator[PageRun]:
        """PageRuns in page order."""
        if self.options.jobs <= 1:
            yield from map(self._run_page, pages)
            return
        window: list[Future[PageRun]] = []
        with ThreadPoolExecutor(max_workers=self.options.jobs) as pool:
            for page in pages:  # a bounded window, so pages are not all held in memory
                window.append(pool.submit(self._run_page, page))
                if len(window) >= 2 * self.options.jobs:
                    yield window.pop(0).result()
            for future in window:
                yield future.result()

    def _run_page(self, page: Page) -> PageRun:
        lane = self._lanes.get()
        try:
            dump, html = page_inputs(page, self.options.text_mode)
            order = extractor_order(self.options.extractors, self.options.seed, page.id)
            calls = {}
            for name in order:
                source, kind = source_for(lane[name].accepts_text, dump, html)
                calls[name] = lane[name].call(source, page.url, kind, self.options.timeout_s)
            return PageRun(page, tuple(calls[n] for n in self.options.extractors))
        finally:
            self._lanes.put(lane)
