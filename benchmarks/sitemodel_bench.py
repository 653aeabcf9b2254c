"""What a site model adds: word precision/recall per host with and without boilerstrip.SiteModel.

    python -m benchmarks.sitemodel_bench --dataset tests/sites
    python -m benchmarks.sitemodel_bench --dataset /work/shared/datasets/wcxb --min-pages 6 --modes html,b,c

Pages are grouped by the host of their URL; hosts with fewer than ``--min-pages`` pages are left out.
Two ways of using a model are scored, both against the same extraction without one:

- ``learned``: the host's model has learned every page, the page itself included (a stream that
  learns each page, or a model fitted once over a crawl and then applied to it);
- ``held-out``: the model has learned every other page of the host, not this one.

Modes: ``html``; ``a``/``b``/``c``: the dump flattened from the HTML (benchmarks/flatten.py);
``dump``: the dump stored beside the page (tests/sites only). Speed: median milliseconds per page to
learn, and to extract without and with the model (interleaved per page); size: the saved model's bytes.
Only scores, counts and timings are printed, never page text. ``--per-page FILE`` also writes every
page's id, host, mode and scores as JSON (ids and numbers only), to compare two builds page by page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import boilerstrip

from .datasets import Page, open_dataset
from .flatten import flatten
from .metrics import word_prf

MODES = ("html", "a", "b", "c", "dump")


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    source: str | bytes
    kind: str
    truth: str
    url: str


@dataclass(slots=True)
class Tally:
    """Per-page scores of one (host, mode) for the three extractions, and timings."""

    scores: dict[str, list[tuple[float, float, float]]] = field(default_factory=lambda: defaultdict(list))
    learn_ms: list[float] = field(default_factory=list)
    #: learning an already extracted page's Result (its blocks reused: hashing only)
    learn_result_ms: list[float] = field(default_factory=list)
    plain_ms: list[float] = field(default_factory=list)
    model_ms: list[float] = field(default_factory=list)
    #: the template detector's own lap in the Result's timings
    detector_ms: list[float] = field(default_factory=list)
    #: page ids, in the order of the scores
    ids: list[str] = field(default_factory=list)
    model_bytes: int = 0
    template_blocks: int = 0
    #: truth lines (of 40 characters or more) the extraction without a model kept, and of those the learned one lost
    kept_lines: int = 0
    lost_lines: int = 0
    #: every truth line (any length) and how many come out whole as a line of the text, per variant: a
    #: recall that junk sharing a few words with the truth cannot raise (word recall can)
    truth_lines: int = 0
    found_lines: dict[str, int] = field(default_factory=lambda: defaultdict(int))


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def sites_pages(root: Path) -> list[Page]:
    """tests/sites layout: <host>/<slug>.html, <slug>.txt (its dump) and <slug>.expected.txt."""
    pages = []
    for html in sorted(root.glob("*/*.html")):
        slug, host = html.stem, html.parent.name
        truth = html.with_name(f"{slug}.expected.txt").read_text("utf-8")
        pages.append(Page(f"{host}/{slug}", html.read_bytes(), truth, url=f"https://{host}/{slug}"))
    return pages


def load_pages(root: Path) -> list[Page]:
    if any(root.glob("*/*.expected.txt")):
        return sites_pages(root)
    return list(open_dataset(root).pages())


def docs_of(page: Page, mode: str, root: Path) -> Doc | None:
    if page.url is None:
        return None
    if mode == "html":
        return Doc(page.id, page.html, "html", page.truth_text, page.url)
    if mode == "dump":
        dump = root / f"{page.id}.txt"
        if not dump.is_file():
            return None
        return Doc(page.id, dump.read_text("utf-8"), "text", page.truth_text, page.url)
    return Doc(page.id, flatten(page.html, mode), "text", page.truth_text, page.url)  # type: ignore[arg-type]


def run_host(docs: Sequence[Doc]) -> Tally:
    tally = Tally()
    full = boilerstrip.SiteModel()
    for d in docs:
        start = time.perf_counter()
        full.learn(d.source, kind=d.kind, url=d.url)
        tally.learn_ms.append(1000 * (time.perf_counter() - start))
    tally.model_bytes = len(full.to_bytes())
    plains = [boilerstrip.extract(d.source, kind=d.kind, url=d.url) for d in docs]
    again = boilerstrip.SiteModel()
    for plain in plains:
        start = time.perf_counter()
        again.learn(plain)
        tally.learn_result_ms.append(1000 * (time.perf_counter() - start))
    for i, (d, plain) in enumerate(zip(docs, plains, strict=True)):
        # Learning a Result reuses its blocks: the held-out models cost no parsing.
        others = boilerstrip.SiteModel.fit(r for j, r in enumerate(plains) if j != i)
        # Timed side by side, the order alternating per page, so a busy machine hits both alike.
        for with_model in (i % 2 == 0, i % 2 == 1):
            start = time.perf_counter()
            r = boilerstrip.extract(d.source, kind=d.kind, url=d.url, site_model=full if with_model else None)
            (tally.model_ms if with_model else tally.plain_ms).append(1000 * (time.perf_counter() - start))
            if with_model:
                learned = r
                tally.detector_ms.append(1000 * sum(t for step, t in r.timings if step == "template"))
        held = boilerstrip.extract(d.source, kind=d.kind, url=d.url, site_model=others)
        tally.template_blocks += sum(
            1 for v in learned.blocks if any(s.detector == "template" for s in v.signals)
        )
        lines = [x.strip() for x in d.truth.splitlines() if len(x.strip()) >= 40 and x.strip() in plain.text]
        tally.kept_lines += len(lines)
        tally.lost_lines += sum(x not in learned.text for x in lines)
        tally.ids.append(d.id)
        wanted = [x.strip() for x in d.truth.splitlines() if x.strip()]
        tally.truth_lines += len(wanted)
        for name, r in (("without", plain), ("learned", learned), ("held-out", held)):
            p = word_prf(r.text, d.truth)
            tally.scores[name].append((p.precision, p.recall, p.f1))
            out = {x.strip() for x in r.text.splitlines()}
            tally.found_lines[name] += sum(x in out for x in wanted)
    return tally


def _mean(rows: Sequence[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.fmean(c) for c in zip(*rows, strict=True)) if rows else (0.0, 0.0, 0.0)  # type: ignore[return-value]


def report(mode: str, tallies: dict[str, Tally]) -> list[str]:
    lines = [f"## mode {mode}: {len(tallies)} hosts, {sum(len(t.learn_ms) for t in tallies.values())} pages"]
    lines.append(f"{'host':28s} {'pages':>5s}  {'P/R/F1 without':>20s}  {'learned':>20s}  {'held-out':>20s}")
    every: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    for host, t in sorted(tallies.items()):
        cols = []
        for name in ("without", "learned", "held-out"):
            every[name].extend(t.scores[name])
            cols.append("{:.3f} {:.3f} {:.3f}".format(*_mean(t.scores[name])))
        lines.append(f"{host[:28]:28s} {len(t.learn_ms):5d}  {cols[0]:>20s}  {cols[1]:>20s}  {cols[2]:>20s}")
    cols = ["{:.3f} {:.3f} {:.3f}".format(*_mean(every[n])) for n in ("without", "learned", "held-out")]
    lines.append(
        f"{'all pages (mean)':28s} {len(every['without']):5d}  {cols[0]:>20s}  {cols[1]:>20s}  {cols[2]:>20s}"
    )
    learn = [x for t in tallies.values() for x in t.learn_ms]
    learn_result = [x for t in tallies.values() for x in t.learn_result_ms]
    detector = [x for t in tallies.values() for x in t.detector_ms]
    plain = [x for t in tallies.values() for x in t.plain_ms]
    model = [x for t in tallies.values() for x in t.model_ms]
    sizes = sorted(t.model_bytes for t in tallies.values())
    flagged = sum(t.template_blocks for t in tallies.values())
    kept, lost = sum(t.kept_lines for t in tallies.values()), sum(t.lost_lines for t in tallies.values())
    total = sum(t.truth_lines for t in tallies.values())
    found = {n: sum(t.found_lines[n] for t in tallies.values()) for n in ("without", "learned", "held-out")}
    ratio = statistics.median(m / p for m, p in zip(model, plain, strict=True))
    lines.append(
        f"median ms/page: learn {statistics.median(learn):.2f} (a Result: {statistics.median(learn_result):.2f}), extract {statistics.median(plain):.2f} without, "
        f"{statistics.median(model):.2f} with (median ratio per page x{ratio:.3f}; "
        f"the template detector's own step {statistics.median(detector):.2f}); "
        f"model file {sizes[0]}-{sizes[-1]} bytes (median {statistics.median(sizes):.0f}); "
        f"{flagged} blocks with the template signal; truth lines lost (learned): {lost} of {kept} kept without"
    )
    lines.append(
        f"truth lines found whole (line recall), of {total}: "
        + ", ".join(f"{n} {found[n]} ({found[n] / max(total, 1):.3f})" for n in found)
    )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.sitemodel_bench", description=__doc__.split("\n")[0]
    )
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--min-pages", type=int, default=6, help="hosts with fewer pages are left out")
    ap.add_argument("--modes", default=None, help=f"comma-separated, of {', '.join(MODES)}")
    ap.add_argument("--hosts", default=None, help="comma-separated hosts to run (default: all with enough pages)")
    ap.add_argument("--per-page", type=Path, default=None, help="also write per-page scores (JSON) here")
    args = ap.parse_args(argv)
    pages = load_pages(args.dataset)
    is_sites = any(args.dataset.glob("*/*.expected.txt"))
    modes = (
        args.modes.split(",") if args.modes else (["html", "dump", "b"] if is_sites else ["html", "b", "c"])
    )
    by_host: dict[str, list[Page]] = defaultdict(list)
    for p in pages:
        if p.url:
            by_host[host_of(p.url)].append(p)
    hosts = {h: ps for h, ps in by_host.items() if len(ps) >= args.min_pages}
    if args.hosts:
        hosts = {h: ps for h, ps in hosts.items() if h in args.hosts.split(",")}
    rows: list[dict[str, object]] = []
    for mode in modes:
        tallies = {}
        for host, ps in hosts.items():
            docs = [d for p in ps if (d := docs_of(p, mode, args.dataset)) is not None]
            if len(docs) >= args.min_pages:
                tallies[host] = run_host(docs)
        if tallies:
            print("\n".join(report(mode, tallies)), end="\n\n", flush=True)
        rows.extend(
            {"mode": mode, "host": host, "id": pid, **{name: list(t.scores[name][n]) for name in t.scores}}
            for host, t in tallies.items()
            for n, pid in enumerate(t.ids)
        )
    if args.per_page is not None:
        args.per_page.write_text(json.dumps(rows, indent=0), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
