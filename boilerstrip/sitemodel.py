"""Site models: which blocks recur across the pages of one host, learned online in bounded memory.

    m = SiteModel()
    for page in pages_of_one_host:
        m.learn(page, url=url)             # or a Result: m.learn(extract(page), url=url)
    r = extract(page, site_model=m)        # recurring blocks get the "template" signal
    m.save("host.bsm"); m = SiteModel.load("host.bsm")

Counts are pages per block fingerprint (detectors/template.py defines the
fingerprint). Memory is bounded by ``max_entries`` counted fingerprints, kept with
the Misra-Gries frequent-items rule: when the table outgrows the bound, every
count drops by the median count and those at zero go. Template blocks are the
frequent ones, so they stay; each count is at most ``undercount`` below the truth,
and ``undercount`` is at most (fingerprints counted) / ``max_entries``: about 1 % of
the pages learned with the default bound and a few hundred blocks a page. Counts
only ever err low, so a model under pressure loses template signals, never adds
false ones.

A SiteModel is one host's. It learns from one thread at a time (reading it while
another thread learns is safe; two learning at once is not). Nothing is cached
outside the object, and only save() and load() touch the filesystem.
"""

from __future__ import annotations

import os
import struct
import zlib
from array import array
from collections.abc import Iterable, Mapping
from sys import byteorder
from typing import Any
from urllib.parse import urlsplit

from .detectors.template import fingerprints
from .errors import BoilerstripError, InvalidInputError, InvalidOptionError
from .model import Block, Kind, Result
from .segment.html import segment_html
from .segment.prelude import mark_prelude
from .segment.text import segment_text
from .source import check_kind, parse_html, parsed_tree, sniff_kind, to_text

MAGIC = b"BSSM"
VERSION = 1
DEFAULT_MAX_ENTRIES = 20_000
# magic, version, max_entries, html pages, text pages, undercount, host length, entries
_HEADER = struct.Struct("<4sHIIIQHI")


def host_of(url: str) -> str:
    """The host a URL belongs to for site models: lower-cased, port and a leading "www." dropped."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError as e:
        raise InvalidOptionError(f"url {url!r} is not a URL: {e}") from None
    return host[4:] if host.startswith("www.") else host


class SiteModel:
    """Recurring blocks of one host's pages: learn pages, then pass it to extract(site_model=)."""

    __slots__ = ("max_entries", "host", "_counts", "_pages", "_undercount")

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES, *, host: str | None = None) -> None:
        if isinstance(max_entries, bool) or not isinstance(max_entries, int):
            raise InvalidInputError(f"max_entries must be an int, not {type(max_entries).__name__}")
        if not 16 <= max_entries < 2**32:
            raise InvalidOptionError(f"max_entries must be between 16 and 2**32 - 1, not {max_entries}")
        self.max_entries = max_entries
        #: the host learned from (taken from the first url given), or None
        self.host = host
        self._counts: dict[int, int] = {}
        self._pages: dict[Kind, int] = {"html": 0, "text": 0}
        self._undercount = 0

    def __repr__(self) -> str:
        return f"SiteModel(host={self.host!r}, pages={self.pages}, entries={len(self._counts)})"

    @property
    def pages(self) -> int:
        """Pages learned so far, HTML and text dumps together."""
        return self._pages["html"] + self._pages["text"]

    @property
    def entries(self) -> int:
        """Fingerprints held now (at most ``max_entries``)."""
        return len(self._counts)

    @property
    def undercount(self) -> int:
        """The most any count may be below the true number of pages (see the module docstring)."""
        return self._undercount

    def pages_of(self, kind: Kind) -> int:
        """Pages learned of one kind: HTML blocks and dump lines have different fingerprints."""
        return self._pages[kind]

    def count(self, fingerprint: int) -> int:
        """Pages the fingerprint was counted on (never more than the truth)."""
        return self._counts.get(fingerprint, 0)

    def learn(self, source: Any, *, kind: str | None = None, url: str | None = None) -> None:
        """Count one page's block fingerprints: HTML or a text dump (str, bytes, parsed tree), or a Result.

        Learning a Result reuses its blocks, so a stream extracts each page once and
        learns it after: ``r = extract(p, url=u, site_model=m); m.learn(r, url=u)``.
        A ``url`` of another host than the model's raises InvalidOptionError. (A
        Result's own url is not used: it may be a canonical URL on another host.)
        """
        if isinstance(source, Result):
            blocks, chosen = [v.block for v in source.blocks], source.kind
        else:
            blocks, chosen = _segment(source, check_kind(kind))
        if url is not None:
            self._check_host(url)
        self._add({fp for fps in fingerprints(blocks, chosen) for fp in fps}, chosen)

    def _add(self, seen: set[int], kind: Kind) -> None:
        self._pages[kind] += 1
        counts = self._counts
        for fp in seen:
            counts[fp] = counts.get(fp, 0) + 1
        if len(counts) > self.max_entries:
            self._prune()

    def merge(self, other: SiteModel) -> None:
        """Add another model's counts of the same host to this one (e.g. models fitted per partition).

        Misra-Gries summaries merge by adding counts and pruning again, and the
        undercounts add up, so the bound of the module docstring still holds.
        """
        if not isinstance(other, SiteModel):
            raise InvalidInputError(f"merge takes a SiteModel, not {type(other).__name__}")
        if other is self:
            raise InvalidOptionError("a site model cannot merge itself")
        if self.host and other.host and self.host != other.host:
            raise InvalidOptionError(f"the site model of {other.host!r} merged into that of {self.host!r}")
        self.host = self.host or other.host
        counts = self._counts
        for fp, c in other._counts.items():
            counts[fp] = counts.get(fp, 0) + c
        for kind, n in other._pages.items():
            self._pages[kind] += n
        self._undercount += other._undercount
        while len(self._counts) > self.max_entries:
            self._prune()

    def _subset(self, fps: Iterable[int]) -> SiteModel:
        """A copy holding only the counts of ``fps``: all the detector reads of the page they are from."""
        part = SiteModel(self.max_entries, host=self.host)
        part._counts = {fp: c for fp in fps if (c := self._counts.get(fp, 0))}
        part._pages = dict(self._pages)
        part._undercount = self._undercount
        return part

    def _check_host(self, url: str) -> None:
        if not isinstance(url, str):
            raise InvalidInputError(f"url must be a str or None, not {type(url).__name__}")
        host = host_of(url)
        if not host:
            return
        if self.host is None:
            self.host = host
        elif host != self.host:
            raise InvalidOptionError(f"a page of {host!r} given to the site model of {self.host!r}")

    def _prune(self) -> None:
        # Misra-Gries in batches: subtracting the median from more than max_entries counts
        # removes more than median * max_entries increments, so the undercount stays below
        # increments / max_entries, and at least half the table goes at once (amortised O(1)).
        counts = self._counts
        cut = sorted(counts.values())[len(counts) // 2]
        self._counts = {fp: c - cut for fp, c in counts.items() if c > cut}
        self._undercount += cut

    @classmethod
    def fit(
        cls, sources: Iterable[Any], *, max_entries: int = DEFAULT_MAX_ENTRIES, kind: str | None = None
    ) -> SiteModel:
        """A model learned from ``sources``: pages, Results, or (page, url) pairs."""
        model = cls(max_entries)
        for item in sources:
            if isinstance(item, tuple) and len(item) == 2:
                model.learn(item[0], kind=kind, url=item[1])
            else:
                model.learn(item, kind=kind)
        return model

    def to_bytes(self, *, min_count: int = 2) -> bytes:
        """The model as a small versioned binary file (no pickle); counts below ``min_count`` are left out.

        Left-out counts are at most ``min_count - 1`` pages and the undercount grows by
        that much; the default drops fingerprints seen once, most of any model, which
        the detector could never use (it wants ``min_other_pages`` besides the page).
        """
        kept = sorted((fp, c) for fp, c in self._counts.items() if c >= min_count)
        host = (self.host or "").encode("utf-8")
        undercount = self._undercount + (max(0, min_count - 1) if len(kept) < len(self._counts) else 0)
        head = _HEADER.pack(MAGIC, VERSION, self.max_entries, self._pages["html"], self._pages["text"],
                            undercount, len(host), len(kept))  # fmt: skip
        keys = array("Q", (fp for fp, _ in kept))
        values = array("I", (min(c, 2**32 - 1) for _, c in kept))
        if byteorder == "big":
            keys.byteswap()
            values.byteswap()
        body = head + host + keys.tobytes() + values.tobytes()
        return body + struct.pack("<I", zlib.crc32(body))

    @classmethod
    def from_bytes(cls, data: bytes) -> SiteModel:
        """A model from to_bytes() output; InvalidOptionError when the data is not one (or is damaged)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise InvalidInputError(f"from_bytes takes bytes, not {type(data).__name__}")
        data = bytes(data)
        if len(data) < _HEADER.size + 4 or data[:4] != MAGIC:
            raise InvalidOptionError("not a boilerstrip site model")
        magic, version, max_entries, html, text, undercount, host_len, n = _HEADER.unpack_from(data)
        if version != VERSION:
            raise InvalidOptionError(f"site model format version {version}; this boilerstrip reads {VERSION}")
        end = _HEADER.size + host_len + 12 * n
        if len(data) != end + 4 or struct.unpack_from("<I", data, end)[0] != zlib.crc32(data[:end]):
            raise InvalidOptionError("site model data is truncated or damaged")
        at = _HEADER.size + host_len
        keys, values = array("Q"), array("I")
        keys.frombytes(data[at : at + 8 * n])
        values.frombytes(data[at + 8 * n : end])
        if byteorder == "big":
            keys.byteswap()
            values.byteswap()
        model = cls(max_entries, host=data[_HEADER.size : at].decode("utf-8") or None)
        model._counts = dict(zip(keys, values, strict=True))
        model._pages = {"html": html, "text": text}
        model._undercount = undercount
        return model

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write to_bytes() to ``path``."""
        with open(path, "wb") as f:
            f.write(self.to_bytes())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SiteModel:
        """A model saved by save()."""
        with open(path, "rb") as f:
            return cls.from_bytes(f.read())


def _segment(source: Any, kind: Kind | None) -> tuple[list[Block], Kind]:
    """The blocks extract() would judge, segmented the same way (see Pipeline._front_end)."""
    tree = parsed_tree(source)
    if tree is None:
        if not isinstance(source, (str, bytes)):
            raise InvalidInputError(
                f"cannot learn from {type(source).__name__}: give str, bytes, a tree or a Result"
            )
        text = to_text(source)
        kind = kind or sniff_kind(text)
        if kind == "text":
            return mark_prelude(segment_text(text)), "text"
        tree = parse_html(text)
    return segment_html(tree), "html"


class SiteModels:
    """One SiteModel per host for a stream of pages of many hosts, at most ``max_hosts`` of them.

    The host is taken from each page's url ("www." and the port dropped). When a new
    host would exceed ``max_hosts``, the host learned from least recently is
    forgotten, so memory stays under ``max_hosts`` models of ``max_entries`` each.
    Hosts never share counts.
    """

    __slots__ = ("max_hosts", "max_entries", "_models")

    def __init__(self, max_hosts: int = 64, *, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        if isinstance(max_hosts, bool) or not isinstance(max_hosts, int):
            raise InvalidInputError(f"max_hosts must be an int, not {type(max_hosts).__name__}")
        if max_hosts < 1:
            raise InvalidOptionError(f"max_hosts must be at least 1, not {max_hosts}")
        SiteModel(max_entries)  # checks max_entries once, here, not at the first page
        self.max_hosts = max_hosts
        self.max_entries = max_entries
        self._models: dict[str, SiteModel] = {}

    def __len__(self) -> int:
        return len(self._models)

    def __contains__(self, url_or_host: object) -> bool:
        return isinstance(url_or_host, str) and _host_key(url_or_host) in self._models

    @property
    def hosts(self) -> tuple[str, ...]:
        """Hosts held now, least recently learned first."""
        return tuple(self._models)

    def get(self, url: str) -> SiteModel | None:
        """The model of the url's host (a bare host works too), or None when none was learned."""
        return self._models.get(_host_key(url))

    def learn(self, source: Any, *, url: str, kind: str | None = None) -> SiteModel:
        """Learn a page into its host's model (made when new) and return that model."""
        model = self._slot(url)
        model.learn(source, kind=kind, url=url if model.host else None)
        return model

    def _slot(self, url: str) -> SiteModel:
        """The url's host's model, made when new (forgetting the least recent host) and marked most recent."""
        if not isinstance(url, str):
            raise InvalidInputError(f"url must be a str, not {type(url).__name__}")
        host = _host_key(url)
        model = self._models.pop(host, None)
        if model is None:
            model = SiteModel(self.max_entries, host=host or None)
            while len(self._models) >= self.max_hosts:
                del self._models[next(iter(self._models))]
        self._models[host] = model  # (re)inserted last: dict order is recency
        return model


def _host_key(url_or_host: str) -> str:
    return host_of(url_or_host if "//" in url_or_host else f"//{url_or_host}")


class SiteChoice:
    """Which site model each page of a stream is extracted with, as batch and engine steps choose it.

    ``models``: None (no model); one SiteModel (every page); a mapping host -> SiteModel
    (fitted offline; each page by its url's host); or a SiteModels, learned online: each
    page is extracted with what its host's earlier pages taught, then learned into it.
    A page without a url, or with one naming no host, gets no model and teaches nothing.
    """

    __slots__ = ("single", "models", "online")

    def __init__(self, models: SiteModel | Mapping[str, SiteModel] | SiteModels | None = None) -> None:
        self.single = models if isinstance(models, SiteModel) else None
        self.online = models if isinstance(models, SiteModels) else None
        self.models: dict[str, SiteModel] | None = None
        if isinstance(models, Mapping):
            self.models = {_host_key(h): _checked(m) for h, m in models.items()}
        elif models is not None and self.single is None and self.online is None:
            raise InvalidInputError(
                f"site_model must be a SiteModel, a mapping of hosts to them, a SiteModels or None, "
                f"not {type(models).__name__}"
            )

    def offline(self) -> SiteChoice:
        """This choice without its online models (what worker processes are given once)."""
        return self if self.online is None else SiteChoice()

    def model_for(self, url: str | None) -> SiteModel | None:
        """The model to extract the url's page with, or None (no model for it, no url, a broken url)."""
        if self.single is not None:
            return self.single
        if not url:
            return None
        try:
            if self.online is not None:
                return self.online.get(url)
            return self.models.get(_host_key(url)) if self.models is not None else None
        except BoilerstripError:  # a broken url names no host: no model
            return None

    def learned(self, result: Result, url: str | None) -> None:
        """Online: learn an extracted page into its host's model, reusing its blocks; else a no-op."""
        if self.online is None or not url:
            return
        try:
            self.online.learn(result, url=url)
        except BoilerstripError:  # a broken url cannot name a host to learn for
            return

    def ahead(self, source: Any, url: str | None, kind: str | None) -> SiteModel | None:
        """Online: the page's model as it is before the page, cut to the page's own lookups; then learn it.

        The page is learned from its source, segmented here, before it is extracted
        (anywhere, by anyone): so a batch can learn in input order in one process and
        send each page to a worker process with only the counts its extraction reads,
        not the whole model. Offline, model_for(url).
        """
        if self.online is None:
            return self.model_for(url)
        if not url:
            return None
        try:
            blocks, chosen = _segment(source, check_kind(kind))
            fps = [fp for triple in fingerprints(blocks, chosen) for fp in triple]
            before = self.online.get(url)
            model = self.online._slot(url)
        except BoilerstripError:  # unreadable (its extraction will say why) or a broken url
            return None
        view = before._subset(fps) if before is not None else None
        model._add(set(fps), chosen)
        return view


def _checked(model: object) -> SiteModel:
    if not isinstance(model, SiteModel):
        raise InvalidInputError(
            f"a site model mapping's values must be SiteModels, not {type(model).__name__}"
        )
    return model
