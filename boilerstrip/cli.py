"""The `boilerstrip` command: clean text, JSON or the decision table of one page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import BoilerstripError
from .pipeline import extract


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip", description="Main content and metadata of a web page or a text dump of one."
    )
    p.add_argument("input", help="an HTML file or text dump, or - for standard input")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print text and metadata as JSON")
    out.add_argument("--explain", action="store_true", help="print every block with its label and signals")
    p.add_argument("--kind", choices=("html", "text"), help="skip sniffing: the input is HTML or a text dump")
    p.add_argument("--url", help="the page's URL, when known")
    p.add_argument("--blocks", action="store_true", help="with --json: include every block's verdict")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        data = sys.stdin.buffer.read() if args.input == "-" else Path(args.input).read_bytes()
    except OSError as e:
        print(f"boilerstrip: cannot read {args.input}: {e.strerror or e}", file=sys.stderr)
        return 2
    try:
        result = extract(data, url=args.url, kind=args.kind)
    except BoilerstripError as e:
        print(f"boilerstrip: {args.input}: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(result.to_json(blocks=args.blocks))
    elif args.explain:
        print(result.explain())
    else:
        print(result.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
