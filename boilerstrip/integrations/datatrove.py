"""boilerstrip as datatrove pipeline steps (``pip install 'boilerstrip[datatrove]'``).

``BoilerstripExtractor`` replaces datatrove's Trafilatura step: HTML documents (as WarcReader yields
them) become clean text, and boilerstrip's metadata goes into ``document.metadata["boilerstrip"]``.
``BoilerstripTextFilter`` does the same for documents whose text is already flat (WET records,
innerText dumps): it reads the text as a dump, keeps the main text and drops documents with none.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from boilerstrip.integrations.datatrove import BoilerstripExtractor

    LocalPipelineExecutor(pipeline=[
        WarcReader("crawl/", glob_pattern="*.warc.gz"),
        BoilerstripExtractor(timeout=2.0),
        JsonlWriter("out/"),
    ], tasks=4).run()

Both are plain PipelineSteps, so the Slurm and Ray executors run them unchanged (they are pickled
with the pipeline; nothing is shared between tasks).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import boilerstrip
from boilerstrip.sitemodel import SiteChoice

from ._optional import MissingExtraError
from .records import metadata_of

try:
    from datatrove.data import Document
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # the engine is an optional extra
    raise MissingExtraError(
        f"boilerstrip.integrations.datatrove needs datatrove ({e}): pip install 'boilerstrip[datatrove]'"
    ) from e

__all__ = ["BoilerstripExtractor", "BoilerstripTextFilter"]

#: share of the step's hard timeout given to boilerstrip as its own (soft) budget: a slow page then
#: comes back decided on the signals found so far instead of being killed and dropped at the deadline
SOFT_BUDGET_SHARE = 0.8


class BoilerstripExtractor(BaseExtractor):  # type: ignore[misc]  # datatrove ships no type information
    """HTML documents -> boilerstrip's clean text, with its metadata under ``metadata[metadata_key]``.

    ``timeout`` is the hard limit per document, enforced as every datatrove extractor does it (the
    extraction runs in a sandbox process that is killed at the deadline; the document is dropped and
    counted as ``timeout``). boilerstrip also gets ``SOFT_BUDGET_SHARE`` of it as its own budget, so
    most slow pages come back decided on partial signals (counted as ``partial``) rather than lost.
    Documents with no main text are dropped (counted as ``dropped``), as with datatrove's extractors.

    Site models (``boilerstrip.SiteModel``: blocks recurring across a host's pages are template):
    ``site_models`` maps hosts to models fitted offline; ``learn_sites=True`` learns them online from
    the pages this task meets (at most ``max_hosts`` hosts held). Online models live in the sandbox
    process, so a page killed at the timeout costs its task the models learned so far.
    """

    name = "🧽 boilerstrip"
    _warned_error: bool  # set by BaseExtractor.__init__

    def __init__(
        self,
        *,
        timeout: float = 1.0,
        kind: str | None = None,
        favor: float = 0.0,
        include_comments: bool = False,
        output_format: str = "text",
        metadata_key: str = "boilerstrip",
        site_models: Mapping[str, boilerstrip.SiteModel] | None = None,
        learn_sites: bool = False,
        max_hosts: int = 64,
    ) -> None:
        super().__init__(timeout)
        self.sites = _site_choice(site_models, learn_sites, max_hosts)
        if output_format not in ("text", "markdown"):
            raise boilerstrip.InvalidOptionError(
                f"output_format must be 'text' or 'markdown', not {output_format!r}"
            )
        self.kind = kind
        self.favor = favor
        self.include_comments = include_comments
        self.output_format = output_format
        self.metadata_key = metadata_key

    def extract(self, text: str) -> str:
        """The clean text of one page (BaseExtractor's contract; ``run`` also keeps the metadata)."""
        return self.extract_record(text, None)[0]

    def extract_record(self, text: str, url: str | None) -> tuple[str, dict[str, Any]]:
        """Clean text and boilerstrip's metadata of one page; runs inside the sandbox process."""
        result = boilerstrip.extract(
            text,
            url=url,
            kind=self.kind,
            favor=self.favor,
            include_comments=self.include_comments,
            timeout=self.timeout * SOFT_BUDGET_SHARE,
            site_model=self.sites.model_for(url),
        )
        self.sites.learned(result, url)
        body = result.to_markdown() if self.output_format == "markdown" else result.text
        return body, metadata_of(result)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        """BaseExtractor.run, with the page's URL passed in and the metadata kept on the document."""
        # The warm-up call must match extract_record's arguments: the sandbox unpacks tuples.
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    outcome = self._sandboxed(sandbox, doc)
                if outcome is None:
                    continue
                doc.text, meta = outcome
                if meta["partial"]:
                    self.stat_update("partial")
                if doc.text:
                    doc.metadata[self.metadata_key] = meta
                    self.stat_update(StatHints.forwarded)
                    self.update_doc_stats(doc)
                    yield doc
                else:
                    self.stat_update(StatHints.dropped)

    def _sandboxed(self, sandbox: Any, doc: Document) -> tuple[str, dict[str, Any]] | None:
        # The same outcomes and counters as BaseExtractor.run, so datatrove's stats read the same.
        url = doc.metadata.get("url")
        try:
            outcome: tuple[str, dict[str, Any]] = sandbox.process_document(
                (doc.text, url if isinstance(url, str) else None), self.extract_record
            )
        except TimeoutError:
            self.stat_update("timeout")
            return None
        except EOFError:  # the sandbox process died (out of memory): a new one takes the next document
            self.stat_update("broken_process")
            return None
        except Exception as e:  # one bad document never stops a shard; counted, and logged once
            self.stat_update("clean_error")
            if not self._warned_error:
                from datatrove.utils.logging import logger

                logger.warning(f'boilerstrip: "{e}" while extracting a document; skipped (logged once)')
                self._warned_error = True
            return None
        self.stat_update("extracted")
        return outcome


class BoilerstripTextFilter(BaseFilter):  # type: ignore[misc]  # datatrove ships no type information
    """Flat-text documents (WET records, innerText dumps) -> their main text; drops those with none.

    The text is read as a page dump (``kind="text"``): menu runs, cookie and legal lines, share and
    subscribe lines, teaser lists and metadata preludes go; ``document.text`` becomes the kept text
    and boilerstrip's metadata goes under ``metadata[metadata_key]``. A document with no main text is
    dropped with the reason ``no_main_text`` (written to ``exclusion_writer`` if one is given).
    ``site_models`` and ``learn_sites`` as for BoilerstripExtractor; dumps gain most from them, since
    every page of a host repeats the same menu and footer lines.
    """

    name = "🧽 boilerstrip text"

    def __init__(
        self,
        *,
        favor: float = 0.0,
        timeout: float | None = 1.0,
        metadata_key: str = "boilerstrip",
        exclusion_writer: Any = None,
        site_models: Mapping[str, boilerstrip.SiteModel] | None = None,
        learn_sites: bool = False,
        max_hosts: int = 64,
    ) -> None:
        super().__init__(exclusion_writer)
        self.sites = _site_choice(site_models, learn_sites, max_hosts)
        self.favor = favor
        self.timeout = timeout
        self.metadata_key = metadata_key

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Keep the document with its text cleaned, or drop it when no main text is left."""
        url = doc.metadata.get("url")
        url = url if isinstance(url, str) else None
        # A dump is segmented line by line, so a soft budget suffices: no single step is slow.
        result = boilerstrip.extract(
            doc.text,
            url=url,
            kind="text",
            favor=self.favor,
            timeout=self.timeout,
            site_model=self.sites.model_for(url),
        )
        self.sites.learned(result, url)
        if not result.text:
            return False, "no_main_text"
        doc.text = result.text
        doc.metadata[self.metadata_key] = metadata_of(result)
        return True


def _site_choice(
    models: Mapping[str, boilerstrip.SiteModel] | None, learn: bool, max_hosts: int
) -> SiteChoice:
    """Offline models, or online ones learned from the task's pages (the step's models are its own)."""
    if models is not None and learn:
        raise boilerstrip.InvalidOptionError("give site_models (fitted offline) or learn_sites, not both")
    return SiteChoice(boilerstrip.SiteModels(max_hosts) if learn else models)
