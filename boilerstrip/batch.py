"""Many documents: extract_many() streams results in input order, one failure never stops the rest.

With ``jobs=1`` and no ``timeout`` documents are extracted one by one in this
process. Otherwise a ``ProcessPoolExecutor`` of ``jobs`` workers does the work;
at most ``4 * jobs`` documents are in flight (submitted, or done and waiting for
an earlier one), so memory stays bounded however long the input is, and the
input iterable is consumed lazily.

A document that fails yields a :class:`Failure` in its place: its position in
the input, and the exception (``ExtractionTimeout`` when over the time limit).

Site models (``site_model=``, see sitemodel.SiteChoice): one model or a mapping
host -> model goes to each worker once, with the pipeline. Learned online (a
SiteModels), every page is learned here, in input order, from its source
(segmented here; outside the time limit), and goes to its worker with the counts
its extraction reads from the model as it was before the page: so the results
are those of one process learning page after page, whatever ``jobs``, at the
price of segmenting each page twice (once to learn, once to extract).

``timeout`` is enforced twice. In the worker, an interval timer interrupts the
extraction at the deadline (POSIX; the worker survives and takes the next
document). Code that cannot be interrupted (a long C call) is caught by the
parent: a document still unfinished well past its deadline (twice the limit
plus a second) has its worker pool killed and replaced, the document is
reported as timed out and the other documents in flight are resubmitted. A
worker that dies (out of memory, a crash) costs the documents in flight one
retry each; a document in flight at a second death is reported as failed.
"""

from __future__ import annotations

import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from .errors import ExtractionTimeout, InvalidOptionError
from .model import Result
from .pipeline import Pipeline
from .sitemodel import SiteChoice, SiteModel, SiteModels

#: documents in flight per worker
IN_FLIGHT_PER_JOB = 4
_POLL = 0.05


@dataclass(frozen=True, slots=True)
class Failure:
    """A document of a batch that could not be extracted: where it was in the input, and why."""

    #: 0-based position of the document in the input iterable
    index: int
    #: what went wrong: ExtractionTimeout for the time limit, else the exception extraction raised
    error: BaseException

    @property
    def reason(self) -> str:
        """One line for logs: ``"timeout: over the 5 s limit"``, ``"InvalidInputError: ..."``."""
        kind = "timeout" if isinstance(self.error, TimeoutError) else type(self.error).__name__
        return f"{kind}: {self.error}" if str(self.error) else kind


def extract_many(
    sources: Iterable[Any],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    kind: str | None = None,
    favor: float = 0.0,
    include_comments: bool = False,
    pipeline: Pipeline | None = None,
    site_model: SiteModel | Mapping[str, SiteModel] | SiteModels | None = None,
) -> Iterator[Result | Failure]:
    """Extract every source, yielding a Result or a Failure for each, in input order.

    ``sources``: an iterable (read lazily) of what ``extract`` accepts, or of
    ``(source, url)`` pairs. With ``jobs > 1`` or a ``timeout`` sources go to
    worker processes, so they must be ``str`` or ``bytes`` (a parsed tree cannot
    be sent; it fails as that item's Failure). ``timeout``: seconds per document.
    ``kind``, ``favor``, ``include_comments``, ``pipeline``: as for ``extract``.
    ``site_model``: one SiteModel for every page; a mapping host -> SiteModel (each
    page by the host of its url); or a SiteModels to learn online: each page is
    extracted with what its host's earlier pages in the input taught, then learned
    into it (the caller's object: it holds the models afterwards). Pages without a
    url get no model.
    """
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise InvalidOptionError(f"jobs must be a positive int, not {jobs!r}")
    if timeout is not None and not (isinstance(timeout, (int, float)) and timeout > 0):
        raise InvalidOptionError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    options = _Options(kind, favor, timeout, include_comments)
    sites = SiteChoice(site_model)
    # Built here, so forked workers inherit it instead of each building its own.
    chosen = pipeline or Pipeline.default()
    if jobs == 1 and timeout is None:
        return _serial(sources, chosen, options, sites)
    return _parallel(sources, jobs, chosen, options, sites)


@dataclass(frozen=True, slots=True)
class _Options:
    kind: str | None
    favor: float
    timeout: float | None
    include_comments: bool


def _split(item: Any) -> tuple[Any, str | None]:
    if isinstance(item, tuple) and len(item) == 2:
        return item[0], item[1]
    return item, None


def _one(pipeline: Pipeline, item: Any, options: _Options, model: SiteModel | None) -> Result:
    source, url = _split(item)
    return pipeline.extract(source, url=url, kind=options.kind, favor=options.favor, site_model=model,
                            include_comments=options.include_comments)  # fmt: skip


def _model_ahead(sites: SiteChoice, item: Any, options: _Options) -> SiteModel | None:
    """What the item is extracted with when models are learned online (learning it); else None."""
    if sites.online is None:
        return None  # the workers have the offline models already
    return sites.ahead(_split(item)[0], _url(item), options.kind)


def _serial(
    sources: Iterable[Any], pipeline: Pipeline, options: _Options, sites: SiteChoice
) -> Iterator[Result | Failure]:
    for i, item in enumerate(sources):
        try:
            # The same learning as in _parallel, so that jobs never changes a result.
            model = sites.ahead(_split(item)[0], _url(item), options.kind)
            yield _one(pipeline, item, options, model)
        except Exception as e:  # one document's failure is that document's answer, not the batch's
            yield Failure(i, e)


def _url(item: Any) -> str | None:
    url = _split(item)[1]
    return url if isinstance(url, str) else None


# --- worker processes -----------------------------------------------------------------------------

# The worker's pipeline and offline site models, set once per worker process by _init_worker:
# building (or unpickling) them per document would cost more than many extractions.
_worker_state: list[tuple[Pipeline, SiteChoice]] = []


def _init_worker(pipeline: Pipeline, sites: SiteChoice) -> None:
    _worker_state[:] = [(pipeline, sites)]


def _on_alarm(signum: int, frame: Any) -> None:
    raise ExtractionTimeout("over the time limit")


def _work(item: Any, options: _Options, ahead: SiteModel | None) -> Result:
    timer = options.timeout is not None and hasattr(signal, "setitimer")
    if timer and options.timeout is not None:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, options.timeout)
    start = time.monotonic()
    try:
        pipeline, sites = _worker_state[0]
        result = _one(pipeline, item, options, ahead if ahead is not None else sites.model_for(_url(item)))
        if options.timeout is not None and time.monotonic() - start > options.timeout:
            # The alarm can land where Python only prints an exception and goes on (a finalizer run by the
            # garbage collector): the document is over its limit all the same.
            raise ExtractionTimeout("over the time limit")
        return result
    except ExtractionTimeout:
        raise ExtractionTimeout(f"over the {options.timeout:g} s limit") from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)


@dataclass(slots=True)
class _Task:
    index: int
    item: Any
    future: Future[Result]
    #: online site models: the counts the item's extraction reads, taken when it was submitted
    ahead: SiteModel | None = None
    attempts: int = 1
    #: when the task was first seen running (monotonic seconds), for the hard deadline
    started: float | None = field(default=None)


class _Pool:
    """A ProcessPoolExecutor that can be killed and replaced when a worker hangs or dies."""

    def __init__(self, jobs: int, pipeline: Pipeline, sites: SiteChoice) -> None:
        self.jobs = jobs
        self.pipeline = pipeline
        self.sites = sites.offline()
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, initializer=_init_worker, initargs=(self.pipeline, self.sites))

    def submit(self, item: Any, ahead: SiteModel | None, options: _Options) -> Future[Result]:
        try:
            return self.executor.submit(_work, item, options, ahead)
        except BrokenProcessPool:
            self.replace()
            return self.executor.submit(_work, item, options, ahead)

    def replace(self, kill: bool = False) -> None:
        old = self.executor
        processes = list(old._processes.values()) if kill and old._processes else []
        old.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.kill()
        for p in processes:
            p.join()
        self.executor = self._new()

    def close(self, grace: float | None) -> None:
        """Let the workers finish their current documents, killing those still busy after ``grace`` s."""
        old = self.executor
        processes = list(old._processes.values()) if old._processes else []
        old.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.join(grace)
            if p.is_alive():
                p.kill()
                p.join()


def _parallel(
    sources: Iterable[Any], jobs: int, pipeline: Pipeline, options: _Options, sites: SiteChoice
) -> Iterator[Result | Failure]:
    pool = _Pool(jobs, pipeline, sites)
    window = IN_FLIGHT_PER_JOB * jobs
    inflight: deque[_Task] = deque()
    items = enumerate(sources)
    try:
        while True:
            while len(inflight) < window:
                nxt = next(items, None)
                if nxt is None:
                    break
                ahead = _model_ahead(sites, nxt[1], options)
                inflight.append(_Task(nxt[0], nxt[1], pool.submit(nxt[1], ahead, options), ahead))
            if not inflight:
                return
            outcome = _settle(inflight, pool, options)
            if outcome is not None:
                inflight.popleft()
                yield outcome
    finally:
        pool.close(None if options.timeout is None else _hard_limit(options.timeout))


def _hard_limit(timeout: float) -> float:
    # Generous: a task is seen "running" when it is queued for a worker, possibly behind another one.
    return 2 * timeout + 1.0


def _settle(inflight: deque[_Task], pool: _Pool, options: _Options) -> Result | Failure | None:
    """The oldest task's outcome, or None when the pool had to be replaced (and the tasks resubmitted)."""
    head = inflight[0]
    if options.timeout is None:
        wait_futures([head.future])
    else:
        hard = _hard_limit(options.timeout)
        while not head.future.done():
            wait_futures([head.future], timeout=_POLL)
            now = time.monotonic()
            if head.started is None and head.future.running():
                head.started = now
            if head.started is not None and now - head.started > hard and not head.future.done():
                _resubmit(inflight, pool, options, kill=True)
                return Failure(head.index, ExtractionTimeout(f"over the {options.timeout:g} s limit"))
    error = head.future.exception()
    if error is None:
        return head.future.result()
    if isinstance(error, BrokenProcessPool):
        if head.attempts >= 2:
            _resubmit(inflight, pool, options, kill=False)
            return Failure(head.index, BrokenProcessPool("the worker process died twice on this document"))
        for t in inflight:
            t.attempts += 1
        _resubmit(inflight, pool, options, kill=False, keep_head=True)
        return None
    return Failure(head.index, error)


def _resubmit(
    inflight: deque[_Task], pool: _Pool, options: _Options, *, kill: bool, keep_head: bool = False
) -> None:
    """Replace the pool and resubmit the tasks in flight that did not finish (the head only if kept)."""
    pool.replace(kill=kill)
    for n, t in enumerate(inflight):
        if n == 0 and not keep_head:
            continue
        f = t.future
        if n == 0 or not f.done() or f.cancelled() or isinstance(f.exception(), BrokenProcessPool):
            t.future = pool.submit(t.item, t.ahead, options)
            t.started = None
