"""Output identity across a change: record what boilerstrip returns on a fixed set of pages, then compare.

For refactors and speed work, where the output must not move at all. Per page it keeps the text, the
public metadata, every verdict's labels and score, and the sorted (block, rule, weight) signals (their
evidence strings apart, so a reworded explanation is told from a changed decision)::

    python -m benchmarks.identity save /tmp/before.json.gz     # on the untouched tree
    python -m benchmarks.identity check /tmp/before.json.gz    # after the change: lists every difference

Pages: every ScrapingHub page, every ``--wcxb-step``-th WCXB page (sorted ids), the fixtures, and text
dumps (flatten.py styles a and c) of ``--dumps`` of those pages. Nothing of a page's text is written
anywhere but the output file, which belongs in /tmp, never in the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import boilerstrip

from .datasets import open_dataset
from .flatten import flatten

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def pages(
    datasets: Path, wcxb_step: int, dumps: int
) -> Iterator[tuple[str, bytes | str, str | None, str | None]]:
    """(key, source, url, kind) for every page of the set, in a fixed order."""
    html_pages: list[tuple[str, bytes, str | None]] = []
    for name, step in (("scrapinghub", 1), ("wcxb", wcxb_step)):
        root = datasets / name
        if not root.is_dir():
            continue
        ds = open_dataset(root)
        for p in replace(ds, ids=ds.ids[::step]).pages():
            html_pages.append((f"{name}/{p.id}", p.html, p.url))
    for key, html, url in html_pages:
        yield key, html, url, None
    for p in open_dataset(FIXTURES).pages():
        yield f"fixtures/{p.id}", p.html, p.url, p.source_kind
    stride = max(len(html_pages) // dumps, 1) if dumps else 0
    for key, html, url in html_pages[::stride][:dumps] if dumps else ():
        for style in ("a", "c"):
            yield f"{key}#{style}", flatten(html, style), url, "text"


def record(source: bytes | str, url: str | None, kind: str | None) -> dict[str, Any]:
    r = boilerstrip.extract(source, url=url, kind=kind)
    d = r.to_dict()
    signals = sorted((s.block, s.rule, s.weight) for v in r.blocks for s in v.signals)
    evidence = sorted((s.block, s.rule, s.weight, s.evidence) for v in r.blocks for s in v.signals)
    return {
        "text": r.text,
        "metadata": {k: v for k, v in d.items() if k != "text"},
        "labels": [(v.label, v.first_label, round(v.score, 9)) for v in r.blocks],
        "blocks": [_block(v.block) for v in r.blocks],
        "signals": [list(s) for s in signals],
        "evidence": [list(e) for e in evidence],
    }


def _block(block: boilerstrip.Block) -> list[Any]:
    values = [getattr(block, f.name) for f in fields(block)]
    return [sorted(v) if isinstance(v, frozenset) else v for v in values]


def _differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out = []
    for field in ("text", "metadata", "labels", "blocks", "signals", "evidence"):
        a, b = old.get(field), json.loads(json.dumps(new[field]))
        if a != b:
            if isinstance(a, list) and isinstance(b, list):
                sa, sb = {json.dumps(x) for x in a}, {json.dumps(x) for x in b}
                gone, came = sorted(sa - sb)[:3], sorted(sb - sa)[:3]
                out.append(f"{field}: {len(a)} -> {len(b)} entries; gone {gone} came {came}")
            else:
                out.append(f"{field} differs")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.identity", description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    ap.add_argument("--wcxb-step", type=int, default=3)
    ap.add_argument("--dumps", type=int, default=60, help="pages whose text dumps (styles a and c) are added")
    args = ap.parse_args(argv)
    if args.action == "save":
        saved = {
            key: record(src, url, kind)
            for key, src, url, kind in pages(args.datasets, args.wcxb_step, args.dumps)
        }
        with gzip.open(args.file, "wt", encoding="utf-8") as f:
            json.dump(saved, f, ensure_ascii=False)
        print(f"{len(saved)} pages recorded in {args.file}")
        return 0
    with gzip.open(args.file, "rt", encoding="utf-8") as f:
        before = json.load(f)
    differ = 0
    for key, src, url, kind in pages(args.datasets, args.wcxb_step, args.dumps):
        if key not in before:
            print(f"{key}: not in {args.file}")
            differ += 1
            continue
        diffs = _differences(before[key], record(src, url, kind))
        if diffs:
            differ += 1
            print(f"{key}:\n  " + "\n  ".join(diffs))
    print(f"{len(before)} pages, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
