"""Read a benchmark dataset in its native layout (autodetected) as a lazy sequence of ``Page``.

Layouts: ``scrapinghub`` (``html/<id>.html.gz`` + ``ground-truth.json``), ``wcxb`` (``html/NNNN.html.gz`` +
``ground-truth/NNNN.json`` + ``metadata.json``) and ``fixtures`` (``<topic>--<slug>/`` folders holding
``source.html`` or ``source.txt``, ``expected.txt`` and ``expected.json``). Pages are read (and decompressed)
one at a time, outside any timed region.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

SourceKind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class TruthMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    html: bytes  # the page source as stored: HTML, or a text dump when source_kind == "text"
    truth_text: str
    page_type: str = "article"
    truth_meta: TruthMeta = field(default_factory=TruthMeta)
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    url: str | None = None
    source_kind: SourceKind = "html"


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str  # the layout name, also used in result file names
    root: Path
    ids: tuple[str, ...]
    _load: Callable[[str], Page]

    def pages(self) -> Iterator[Page]:
        for page_id in self.ids:
            yield self._load(page_id)

    def __len__(self) -> int:
        return len(self.ids)


def open_dataset(root: Path, *, limit: int | None = None, seed: int = 0) -> Dataset:
    """The dataset at ``root``; with ``limit``, a seeded random sample of that many pages (in id order)."""
    name, ids, load = _detect(root)
    if limit is not None and limit < len(ids):
        ids = sorted(random.Random(seed).sample(ids, limit))
    return Dataset(name, root, tuple(ids), load)


def _detect(root: Path) -> tuple[str, list[str], Callable[[str], Page]]:
    if (root / "ground-truth.json").is_file() and (root / "html").is_dir():
        truths = json.loads((root / "ground-truth.json").read_text("utf-8"))
        return "scrapinghub", sorted(truths), partial(_scrapinghub, root, truths)
    if (root / "ground-truth").is_dir() and (root / "html").is_dir():
        ids = sorted(p.name.removesuffix(".json") for p in (root / "ground-truth").glob("*.json"))
        return "wcxb", ids, partial(_wcxb, root)
    if root.is_dir():
        ids = sorted(p.name for p in root.iterdir() if (p / "expected.txt").is_file())
        if ids or root.name == "fixtures":  # an empty fixtures/ folder is a valid, empty dataset
            return "fixtures", ids, partial(_fixture, root)
    raise ValueError(f"{root}: not a ScrapingHub, WCXB or fixtures layout")


def _scrapinghub(root: Path, truths: dict[str, Any], page_id: str) -> Page:
    truth = truths[page_id]
    html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
    return Page(page_id, html, truth.get("articleBody") or "", url=truth.get("url"))


def _wcxb(root: Path, page_id: str) -> Page:
    data: dict[str, Any] = json.loads((root / "ground-truth" / f"{page_id}.json").read_text("utf-8"))
    gt = data.get("ground_truth") or {}
    html = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
    return Page(
        page_id,
        html,
        gt.get("main_content") or "",
        _wcxb_type(data),
        TruthMeta(gt.get("title") or None, gt.get("author") or None, gt.get("publish_date") or None),
        tuple(gt.get("with") or ()),
        tuple(gt.get("without") or ()),
        data.get("url"),
    )


def _wcxb_type(data: dict[str, Any]) -> str:
    """Page type as upstream's evaluate.py reads it: ``_internal.page_type.primary``, "category" renamed."""
    pt = (data.get("_internal") or {}).get("page_type", {})
    kind = pt.get("primary", "article") if isinstance(pt, dict) else pt if isinstance(pt, str) else "article"
    return "collection" if kind == "category" else str(kind)


def _fixture(root: Path, page_id: str) -> Page:
    folder = root / page_id
    expected: dict[str, Any] = json.loads((folder / "expected.json").read_text("utf-8"))
    meta = expected.get("metadata") or {}
    kind = expected.get("kind")
    is_text = kind == "text" if kind in ("html", "text") else not (folder / "source.html").is_file()
    source = (folder / ("source.txt" if is_text else "source.html")).read_bytes()
    return Page(
        page_id,
        source,
        (folder / "expected.txt").read_text("utf-8"),
        page_id.split("--")[0],
        TruthMeta(meta.get("title") or None, meta.get("author") or None, meta.get("date") or None),
        tuple(expected.get("must_contain") or ()),
        tuple(expected.get("must_not_contain") or ()),
        expected.get("url") or meta.get("url"),
        "text" if is_text else "html",
    )
