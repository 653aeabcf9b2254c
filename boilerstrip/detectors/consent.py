"""Consent: cookie/consent banners and legal footers.

Everything here is data (``rules/consent.toml``): consent-manager vendor classes,
generic banner classes, what banners say, copyright lines, legal page names
(en, de, fr, es, it, pt, nl, ru, zh, ja). The text rules look at short blocks
only, and legal page names skip sentence-shaped blocks, because prose about
privacy law names the same things; see the notes at the top of the data file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from ..model import Block, PageInfo, Signal
from .base import RuleDetector

#: the fine print of a footer states several legal formulas (consent.disclaimer); one alone is a product
#: page's trademark line amid its description, where flagged it cut the page's region in two (WCXB-500
#: dumps a, tuned third: a game's store page lost its system requirements)
DISCLAIMER = "consent.disclaimer"
DISCLAIMER_MIN_LINES = 2


class ConsentDetector(RuleDetector):
    """Flags cookie/consent banners and the legal strip of page footers."""

    name: ClassVar[str] = "consent"

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        signals = list(self.rule_signals(blocks, page))
        fine_print = len({s.block for s in signals if s.rule == DISCLAIMER}) >= DISCLAIMER_MIN_LINES
        yield from (s for s in signals if fine_print or s.rule != DISCLAIMER)
        yield from self.structural(blocks, page)
