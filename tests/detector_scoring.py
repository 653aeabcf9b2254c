"""Shared helpers for detector tests: a detector's summed weight per block, from HTML or a dump."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from boilerstrip.detectors.base import Detector
from boilerstrip.model import Block, PageInfo
from boilerstrip.segment.html import segment_html
from boilerstrip.source import parse_html


def scorer(make: Callable[[], Detector]) -> Callable[[list[Block], str], dict[str, float]]:
    """A function giving each block's summed weight from ``make()``'s signals, which must all be negative."""

    def scores(blocks: list[Block], kind: str) -> dict[str, float]:
        detector = make()
        total: dict[int, float] = defaultdict(float)
        for s in detector.detect(blocks, PageInfo(kind=kind)):  # type: ignore[arg-type]
            assert s.rule.startswith(detector.name + ".") and s.weight < 0 and s.evidence
            total[s.block] += s.weight
        return {b.text: total[b.index] for b in blocks}

    return scores


def html_blocks(body: str) -> list[Block]:
    return segment_html(parse_html(f"<html><body>{body}</body></html>"))


def by_index(make: Callable[[], Detector]) -> tuple[
    Callable[[list[Block], PageInfo], dict[int, float]], Callable[[list[Block], PageInfo], dict[int, set[str]]]
]:
    """Two functions over ``make()``'s signals for a page: summed weight, and rule ids, per block index."""

    def weights(blocks: list[Block], page: PageInfo) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for s in make().detect(blocks, page):
            out[s.block] += s.weight
        return out

    def rules(blocks: list[Block], page: PageInfo) -> dict[int, set[str]]:
        out: dict[int, set[str]] = defaultdict(set)
        for s in make().detect(blocks, page):
            out[s.block].add(s.rule)
        return out

    return weights, rules


def first_index(blocks: list[Block], start: str) -> int:
    """The index of the first block whose text starts with ``start``."""
    return next(b.index for b in blocks if b.text.startswith(start))
