"""Metadata accuracy (title, author, date) of boilerstrip, trafilatura and htmldate on the same pages.

``python -m benchmarks.metadata_bench --dataset PATH [--split even|odd|all] [--failures FIELD] [--text-mode a|b|c]``

Each field is scored over the pages whose truth has it (a page without a truth author is no author miss).
WCXB's upstream evaluator scores only ``main_content`` (word F1) and states no rule for its title, author
and publish_date fields, so these rule sets are ours, three of them, all in every table:

- ``default`` (``metamatch.py``, the same rule ``python -m benchmarks run`` reports; the targets are read
  against it): both sides NFKC-normalised, case-folded, typographic quotes and dashes folded to ASCII
  ("We’ve" = "We've": WCXB's truths write either), whitespace collapsed; then title equal, or the
  prediction containing the truth (a site name left on), or the truth containing the prediction with at
  least half its words; author token-set F1 >= 0.5 ("by" and "and" dropped); date the same calendar day;
- ``strict``: title equal after the same normalisation and trimming of punctuation at both ends (a kept
  site-name affix is a miss); author: the truth and the prediction, split into authors at ``;`` ``,``
  ``&`` ``|`` and " and ", hold the same set of authors, each compared as a set of lower-cased word
  tokens ("by" dropped; a "Doe, Jane" that splits into halves still matches when the whole token sets
  are equal);
- ``lenient``: title: one contains the other; author: they share a word token.

The truth's ``publish_date`` may be a date or a datetime: only its first ``YYYY-MM-DD`` counts.
Split ``odd``/``even`` is by the numeric page id: tune on odd ids, report even ids as held out.
trafilatura is called as the runner's adapter calls it (``bare_extraction``, metadata on, comments off);
htmldate as ``find_date(html, url=url, original_date=True)`` (the publication date, not the last
modification). Peer outputs do not change between runs, so they are cached (``--cache``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from .datasets import Dataset, Page, open_dataset
from .metamatch import author_match, date_match, normalise, title_match

FIELDS = ("title", "author", "date")
EXTRACTORS = ("boilerstrip", "trafilatura", "htmldate")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(r"\w+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:[;,&|]|\band\b)\s*", re.IGNORECASE)
_NOISE = frozenset({"by", "and"})

Prediction = dict[str, str | None]


# --------------------------------------------------------------------------- matching rules


def _norm(text: str) -> str:
    return _EDGE_PUNCT.sub("", normalise(text))


def title_strict(pred: str | None, truth: str) -> bool:
    p, t = _norm(pred or ""), _norm(truth)
    return bool(p) and p == t


def title_contains(pred: str | None, truth: str) -> bool:
    p, t = _norm(pred or ""), _norm(truth)
    return bool(p and t) and (p in t or t in p)


def _author_sets(text: str) -> tuple[set[frozenset[str]], frozenset[str]]:
    parts = set()
    for part in _AUTHOR_SPLIT.split(normalise(text)):
        words = frozenset(_WORD.findall(part)) - _NOISE
        if words:
            parts.add(words)
    return parts, frozenset().union(*parts) if parts else frozenset()


def author_strict(pred: str | None, truth: str) -> bool:
    (p, pw), (t, tw) = _author_sets(pred or ""), _author_sets(truth)
    return bool(p) and (p == t or pw == tw)


def author_overlap(pred: str | None, truth: str) -> bool:
    return bool(_author_sets(pred or "")[1] & _author_sets(truth)[1])


#: rule name -> field -> match(pred, truth)
RULES: dict[str, dict[str, Callable[[str | None, str], bool]]] = {
    "default": {"title": title_match, "author": author_match, "date": date_match},
    "strict": {"title": title_strict, "author": author_strict, "date": date_match},
    "lenient": {"title": title_contains, "author": author_overlap, "date": date_match},
}


# --------------------------------------------------------------------------- extractors


def _boilerstrip(page: Page, text_mode: str | None = None) -> Prediction:
    import boilerstrip

    source: str | bytes = page.html
    kind: str | None = None
    if text_mode:  # the page flattened to a dump the way scrapers hand it over (benchmarks.flatten)
        from .flatten import Style, flatten

        source, kind = flatten(page.html, cast(Style, text_mode)), "text"
    m = boilerstrip.extract(source, kind=kind, url=page.url).metadata
    return {"title": m.title, "author": m.author, "date": m.date}


def _trafilatura(page: Page) -> Prediction:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, include_comments=False)
    if doc is None:
        return {"title": None, "author": None, "date": None}
    return {"title": doc.title or None, "author": doc.author or None, "date": doc.date or None}


def _htmldate(page: Page) -> Prediction:
    import htmldate

    return {"date": htmldate.find_date(page.html, url=page.url, original_date=True)}


#: The peers, which read the HTML only (boilerstrip is called with the run's text mode).
_PEERS: dict[str, Callable[[Page], Prediction]] = {"trafilatura": _trafilatura, "htmldate": _htmldate}


@lru_cache(maxsize=2)
def _dataset(root: Path) -> Dataset:
    return open_dataset(root)


def _run_one(args: tuple[str, Path, str, str | None]) -> tuple[str, Prediction, float]:
    """One extractor on one page, read inside the worker so pages never cross processes."""
    name, root, page_id, text_mode = args
    page = _dataset(root)._load(page_id)
    start = time.perf_counter()
    try:
        out = _boilerstrip(page, text_mode) if name == "boilerstrip" else _PEERS[name](page)
    except Exception as exc:  # a peer's crash is its miss, not the benchmark's
        print(f"{name} {page.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
        out = {}
    return page.id, out, time.perf_counter() - start


def _version(name: str) -> str:
    if name == "boilerstrip":
        return "live"
    from importlib.metadata import version

    return version(name)


# --------------------------------------------------------------------------- aggregation


@dataclass(frozen=True, slots=True)
class Truth:
    id: str
    title: str | None
    author: str | None
    date: str | None


def _in_split(page_id: str, split: str) -> bool:
    if split == "all" or not page_id.isdigit():
        return True
    return (int(page_id) % 2 == 1) == (split == "odd")


def score(
    truths: Iterable[Truth], preds: dict[str, dict[str, Prediction]], rules: str, split: str
) -> dict[str, dict[str, tuple[int, int]]]:
    """{extractor: {field: (right, pages with that truth)}} for one rule set and split."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    chosen = [t for t in truths if _in_split(t.id, split)]
    for name, by_id in preds.items():
        row: dict[str, tuple[int, int]] = {}
        for fld in FIELDS:
            match = RULES[rules][fld]
            pages = [t for t in chosen if getattr(t, fld)]
            if name == "htmldate" and fld != "date":
                continue
            right = sum(match(by_id.get(t.id, {}).get(fld), getattr(t, fld)) for t in pages)
            row[fld] = (right, len(pages))
        out[name] = row
    return out


def table(truths: list[Truth], preds: dict[str, dict[str, Prediction]]) -> str:
    lines = ["| split | rules | extractor | title | author | date |", "|---|---|---|---|---|---|"]
    for split in ("even", "odd", "all"):
        for rules in RULES:
            for name, row in score(truths, preds, rules, split).items():
                cells = []
                for fld in FIELDS:
                    if fld in row:
                        right, n = row[fld]
                        cells.append(f"{right / n:.3f} ({right}/{n})" if n else "-")
                    else:
                        cells.append("-")
                lines.append(f"| {split} | {rules} | {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def failures(
    truths: list[Truth], preds: dict[str, dict[str, Prediction]], fld: str, rules: str, split: str
) -> Iterator[str]:
    """boilerstrip's misses on one field, with trafilatura's answer beside it."""
    for t in truths:
        want = getattr(t, fld)
        if not want or not _in_split(t.id, split):
            continue
        got = preds["boilerstrip"].get(t.id, {}).get(fld)
        if not RULES[rules][fld](got, want):
            peer = preds.get("trafilatura", {}).get(t.id, {}).get(fld)
            mark = "T" if peer and RULES[rules][fld](peer, want) else " "
            yield f"{t.id} {mark} want={want!r}\n      got={got!r}\n     traf={peer!r}"


# --------------------------------------------------------------------------- command


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return data
    except (OSError, ValueError):
        return {}


def run(
    root: Path, extractors: list[str], jobs: int, cache: Path | None, text_mode: str | None = None
) -> tuple[list[Truth], dict[str, Any]]:
    dataset = open_dataset(root)
    stored = _load_cache(cache) if cache else {}
    preds: dict[str, dict[str, Prediction]] = {}
    truths: list[Truth] = []
    todo: list[tuple[str, Path, str, str | None]] = []
    for page in dataset.pages():
        tm = page.truth_meta
        truths.append(Truth(page.id, tm.title, tm.author, tm.date))
        for name in extractors:
            key = f"{name}@{_version(name)}"
            if page.id in stored.get(key, {}):
                preds.setdefault(name, {})[page.id] = stored[key][page.id]
            else:
                todo.append((name, root, page.id, text_mode))
    spent: dict[str, float] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for (name, *_), (page_id, out, secs) in zip(todo, pool.map(_run_one, todo, chunksize=8), strict=True):
            preds.setdefault(name, {})[page_id] = out
            spent[name] = spent.get(name, 0.0) + secs
            if name != "boilerstrip":
                stored.setdefault(f"{name}@{_version(name)}", {})[page_id] = out
    if cache and any(n != "boilerstrip" for n, *_ in todo):
        cache.write_text(json.dumps(stored), "utf-8")
    for name, secs in spent.items():
        print(f"{name}: {secs:.1f} s over the pages run", file=sys.stderr)
    return truths, preds


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.metadata_bench", description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", type=Path, required=True)
    ap.add_argument("--split", choices=("even", "odd", "all"), default="all",
                    help="which page ids --failures lists (the table shows all three)")
    ap.add_argument("--extractors", default=",".join(EXTRACTORS))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/boilerstrip-metadata-bench-cache.json"),
                    help="peer outputs by version and page id")
    ap.add_argument("--failures", choices=FIELDS, help="list boilerstrip's misses on this field")
    ap.add_argument("--rules", choices=tuple(RULES), default="default", help="rules for --failures")
    ap.add_argument("--text-mode", choices=("a", "b", "c"),
                    help="boilerstrip reads each page flattened to a dump (a seed, b innerText, c WET); the peers"
                         " read the HTML, so their rows are the HTML reference")
    args = ap.parse_args(argv)
    names = [n for n in args.extractors.split(",") if n]
    truths, preds = run(args.dataset, names, args.jobs, args.cache, args.text_mode)
    if args.failures:
        for line in failures(truths, preds, args.failures, args.rules, args.split):
            print(line)
        return
    print(table(truths, preds))


if __name__ == "__main__":
    main()
