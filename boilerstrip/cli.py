"""The `boilerstrip` command: one page or a batch of them, as text, Markdown, JSON, JSONL or HTML.

INPUT is a file, a directory (walked recursively for known suffixes), a glob,
``-`` for standard input, a JSONL file (one document per line in a named field)
or a WARC file (with the ``warc`` extra). Documents go through
``boilerstrip.extract_many``, so ``--jobs`` and ``--timeout`` apply to all.

A bad input (unreadable, undecodable, over the time limit) is reported on
stderr with its reason and counted in the closing summary; every other input is
still written. Exit status: 0 all written, 1 some inputs failed, 2 usage error
(a bad option, or an INPUT that names no file).
"""

from __future__ import annotations

import argparse
import glob
import gzip
import importlib
import json
import os
import sys
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, cast

from . import Failure, Result, extract_many
from .integrations.warc import is_page

FORMATS = ("text", "markdown", "json", "jsonl", "html")
OUTPUT_SUFFIX = {"text": ".txt", "markdown": ".md", "json": ".json", "jsonl": ".json", "html": ".html",
                 "explain": ".txt"}  # fmt: skip
#: suffixes a directory walk picks up (each also with .gz); files named explicitly are read whatever their name
DOC_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Doc:
    """One document to extract, or the reason it could not be read."""

    name: str  # for messages: "a/b.html", "x.jsonl:12", "crawl.warc.gz#3"
    out: str  # output path under --output-dir, without the format's suffix
    data: str | bytes | None = None
    url: str | None = None
    error: str | None = None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Main content and metadata of web pages and text dumps of them.",
        epilog="Exit status: 0 every input written, 1 some inputs failed, 2 usage error.",
    )
    p.add_argument("input", nargs="+", metavar="INPUT",
                   help="file, directory (recursive), glob, - for stdin, JSONL or WARC file")  # fmt: skip
    out = p.add_mutually_exclusive_group()
    out.add_argument("--format", "-f", choices=FORMATS, help="output format (default: text)")
    out.add_argument("--json", action="store_true", help="same as --format json")
    out.add_argument("--explain", action="store_true", help="print every block with its label and signals")
    p.add_argument("--output-dir", "-o", metavar="DIR", help="write one file per input under DIR")
    p.add_argument("--kind", choices=("html", "text"), help="skip sniffing: inputs are HTML or text dumps")
    p.add_argument("--url", help="URL of documents that carry none (JSONL and WARC records bring their own)")
    p.add_argument("--favor", type=float, default=0.0, metavar="F",
                   help="precision/recall: < 0 keeps less, > 0 keeps more (about -1..1; default 0)")  # fmt: skip
    p.add_argument("--no-tables", dest="include_tables", action="store_false", help="leave tables out")
    p.add_argument("--include-links", action="store_true", help="with markdown/html: keep links")
    p.add_argument("--include-images", action="store_true", help="with markdown/html: keep images")
    p.add_argument("--include-comments", action="store_true",
                   help="keep comment threads (forum posts are content either way)")  # fmt: skip
    p.add_argument("--blocks", action="store_true", help="with json/jsonl: include every block's verdict")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N",
                   help="worker processes (0: one per CPU; default 1)")  # fmt: skip
    p.add_argument("--timeout", type=_seconds, metavar="S", help="give up on a document after S seconds")
    p.add_argument("--input-format", choices=("auto", "doc", "jsonl", "warc"), default="auto",
                   help="how to read inputs; auto goes by suffix (.jsonl, .warc, .warc.gz)")  # fmt: skip
    p.add_argument(
        "--jsonl-field", default="html", metavar="NAME", help="JSONL field holding the page (html)"
    )
    p.add_argument(
        "--jsonl-url-field", default="url", metavar="NAME", help="JSONL field holding its URL (url)"
    )
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress bar on batches")
    return p


def _jobs(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return n or os.cpu_count() or 1


def _seconds(value: str) -> float:
    s = float(value)
    if not s > 0:
        raise argparse.ArgumentTypeError("must be a positive number of seconds")
    return s


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    fmt = "explain" if args.explain else "json" if args.json else args.format or "text"
    missing = [a for a in args.input if not _names_something(a)]
    for a in missing:
        what = "no file matches" if GLOB_CHARS & set(a) else "no such file or directory"
        print(f"boilerstrip: {a}: {what}", file=sys.stderr)
    if missing:
        return 2
    run = _Run(args, fmt)
    try:
        run.all(_documents(args))
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, like other filters.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return 1 if run.failed else 0


def _names_something(arg: str) -> bool:
    if arg == "-" or os.path.lexists(arg):
        return True
    return bool(GLOB_CHARS & set(arg)) and next(glob.iglob(arg, recursive=True), None) is not None


class _Run:
    """One invocation's output side: writing results, reporting failures, the summary."""

    def __init__(self, args: argparse.Namespace, fmt: str) -> None:
        self.args = args
        self.fmt = fmt
        self.written = 0
        self.failed = 0
        self.timeouts = 0
        self.used: set[str] = set()
        self.bar: Any = None
        if args.progress and sys.stderr.isatty() and _is_batch(args):
            self.bar = _progress_bar()

    def all(self, docs: Iterable[Doc]) -> None:
        pending: deque[Doc] = deque()

        def sources() -> Iterator[tuple[str | bytes, str | None]]:
            for doc in docs:
                if doc.error is not None or doc.data is None:
                    self.fail(doc, doc.error or "nothing to read")
                    continue
                pending.append(doc)
                yield doc.data, doc.url or self.args.url

        outcomes = extract_many(
            sources(), jobs=self.args.jobs, timeout=self.args.timeout, kind=self.args.kind,
            favor=self.args.favor, include_comments=self.args.include_comments,
        )  # fmt: skip
        try:
            for outcome in outcomes:
                doc = pending.popleft()
                if isinstance(outcome, Failure):
                    self.timeouts += isinstance(outcome.error, TimeoutError)
                    self.fail(doc, outcome.reason)
                else:
                    self.write(doc, outcome)
        finally:
            if self.bar is not None:
                self.bar.close()
        total = self.written + self.failed
        if total != 1 or self.failed:
            timed = f" ({self.timeouts} over the time limit)" if self.timeouts else ""
            self.say(f"boilerstrip: {total} inputs, {self.written} written, {self.failed} failed{timed}")

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def fail(self, doc: Doc, reason: str) -> None:
        self.failed += 1
        self.say(f"boilerstrip: {doc.name}: {reason}")
        self._tick()

    def write(self, doc: Doc, result: Result) -> None:
        body = _render(result, self.fmt, self.args, doc.name)
        if self.args.output_dir is None:
            sys.stdout.write(body + "\n")
            sys.stdout.flush()
        else:
            try:
                self._write_file(doc, body)
            except OSError as e:
                self.fail(doc, f"cannot write: {e.strerror or e}")
                return
        self.written += 1
        self._tick()

    def _write_file(self, doc: Doc, body: str) -> None:
        # Two inputs that map to one name (a/x.html and b/x.html named explicitly) get x.txt and x-2.txt.
        suffix = OUTPUT_SUFFIX[self.fmt]
        rel, n = doc.out + suffix, 1
        while rel in self.used:
            n += 1
            rel = f"{doc.out}-{n}{suffix}"
        self.used.add(rel)
        path = Path(self.args.output_dir) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body + "\n", encoding="utf-8")

    def _tick(self) -> None:
        if self.bar is not None:
            self.bar.update(1)


def _render(result: Result, fmt: str, args: argparse.Namespace, name: str) -> str:
    tables = args.include_tables
    inline = {"include_links": args.include_links, "include_images": args.include_images}
    if fmt == "markdown":
        return result.to_markdown(include_tables=tables, **inline)
    if fmt == "html":
        return result.to_html(include_tables=tables, document=True, **inline)
    if fmt in ("json", "jsonl"):
        record = {"input": name, **result.to_dict(blocks=args.blocks, include_tables=tables)}
        return json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None)
    if fmt == "explain":
        return result.explain()
    return result.to_text(include_tables=tables)


def _is_batch(args: argparse.Namespace) -> bool:
    if len(args.input) > 1 or args.input_format in ("jsonl", "warc"):
        return True
    arg = args.input[0]
    return arg != "-" and (
        os.path.isdir(arg) or not os.path.lexists(arg) or _reader(arg, "auto") is not _read_doc
    )


def _progress_bar() -> Any:
    try:
        tqdm = importlib.import_module("tqdm")
    except ImportError:  # the bar is optional: pip install 'boilerstrip[progress]'
        return None
    return tqdm.tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True)


# --- inputs ---------------------------------------------------------------------------------------


def _documents(args: argparse.Namespace) -> Iterator[Doc]:
    for arg in args.input:
        if arg == "-":
            yield from _read_stdin(args)
        elif os.path.isdir(arg):
            yield from _walk(arg, args)
        elif os.path.lexists(arg):
            yield from _read_path(arg, os.path.basename(arg), args)
        else:
            for match in sorted(glob.glob(arg, recursive=True)):
                if os.path.isdir(match):
                    yield from _walk(match, args)
                else:
                    yield from _read_path(match, os.path.basename(match), args)


def _walk(top: str, args: argparse.Namespace) -> Iterator[Doc]:
    for root, dirs, files in os.walk(top, onerror=None):
        dirs.sort()
        for f in sorted(files):
            name = f.lower().removesuffix(".gz")
            if name.endswith(DOC_SUFFIXES + JSONL_SUFFIXES + (".warc",)):
                path = os.path.join(root, f)
                yield from _read_path(path, os.path.relpath(path, top), args)


def _stem(rel: str) -> str:
    low = rel.lower()
    for suffix in (".gz", *WARC_SUFFIXES, *JSONL_SUFFIXES, *DOC_SUFFIXES):
        if low.endswith(suffix):
            rel, low = rel[: -len(suffix)], low[: -len(suffix)]
    return rel or "document"


Reader = Callable[[str, IO[bytes], str, argparse.Namespace], Iterator[Doc]]


def _reader(path: str, forced: str) -> Reader:
    low = path.lower()
    if forced == "warc" or (forced == "auto" and low.endswith(WARC_SUFFIXES)):
        return _read_warc
    if forced == "jsonl" or (forced == "auto" and low.removesuffix(".gz").endswith(JSONL_SUFFIXES)):
        return _read_jsonl
    return _read_doc


def _read_path(path: str, rel: str, args: argparse.Namespace) -> Iterator[Doc]:
    reader = _reader(path, args.input_format)
    try:
        raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed below, after the lazy reader is done
    except OSError as e:
        yield Doc(path, _stem(rel), error=f"unreadable: {e.strerror or e}")
        return
    with raw:
        unzip = path.lower().endswith(".gz") and reader is not _read_warc  # fastwarc unpacks by itself
        stream = cast(IO[bytes], gzip.GzipFile(fileobj=raw)) if unzip else raw
        yield from reader(path, stream, _stem(rel), args)


def _read_stdin(args: argparse.Namespace) -> Iterator[Doc]:
    reader = _reader("-", args.input_format)
    yield from reader("-", sys.stdin.buffer, "stdin", args)


def _read_doc(name: str, stream: IO[bytes], out: str, args: argparse.Namespace) -> Iterator[Doc]:
    try:
        data = stream.read()
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield Doc(name, out, error=f"undecodable: bad gzip data ({e})")
        return
    except OSError as e:
        yield Doc(name, out, error=f"unreadable: {e.strerror or e}")
        return
    yield Doc(name, out, data)


def _read_jsonl(name: str, stream: IO[bytes], out: str, args: argparse.Namespace) -> Iterator[Doc]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):  # noqa: B007 - number reports where a read error hit
            if not line.strip():
                continue
            yield _jsonl_doc(f"{name}:{number}", f"{out}.{number}", line, args)
    except (gzip.BadGzipFile, EOFError, zlib.error) as e:
        yield Doc(f"{name}:{number + 1}", f"{out}.{number + 1}", error=f"undecodable: bad gzip data ({e})")
    except OSError as e:
        yield Doc(f"{name}:{number + 1}", f"{out}.{number + 1}", error=f"unreadable: {e.strerror or e}")


def _jsonl_doc(name: str, out: str, line: bytes, args: argparse.Namespace) -> Doc:
    try:
        record = json.loads(line)
    except ValueError as e:
        return Doc(name, out, error=f"undecodable: not JSON ({e})")
    if not isinstance(record, dict):
        return Doc(name, out, error="undecodable: the line is not a JSON object")
    page = record.get(args.jsonl_field)
    if not isinstance(page, str):
        what = "no" if page is None else "a non-string"
        return Doc(name, out, error=f"undecodable: {what} {args.jsonl_field!r} field")
    url = record.get(args.jsonl_url_field)
    return Doc(name, out, page, url if isinstance(url, str) else None)


def _read_warc(name: str, stream: IO[bytes], out: str, args: argparse.Namespace) -> Iterator[Doc]:
    """Response, resource and conversion (WET) records holding HTML or text, one document each."""
    try:
        warc = importlib.import_module("fastwarc.warc")  # an optional extra, so imported only here
    except ImportError:
        yield Doc(name, out, error="WARC input needs FastWARC: pip install 'boilerstrip[warc]'")
        return
    kinds = warc.WarcRecordType.response | warc.WarcRecordType.resource | warc.WarcRecordType.conversion
    n = seen = 0
    try:
        # Every record is read (not only the page kinds), so that a file with none at all is reported.
        for record in warc.ArchiveIterator(stream, parse_http=True):
            seen += 1
            if not record.record_type & kinds:
                continue
            n += 1
            if not is_page(record):
                continue
            url = record.headers.get("WARC-Target-URI")
            yield Doc(f"{name}#{n}", f"{out}.{n}", record.reader.read(), url or None)
    except Exception as e:  # FastWARC raises plain exceptions on broken archives
        yield Doc(f"{name}#{n + 1}", f"{out}.{n + 1}", error=f"undecodable: broken WARC ({e})")
        return
    if not seen:
        yield Doc(name, out, error="undecodable: no WARC records")


if __name__ == "__main__":
    raise SystemExit(main())
