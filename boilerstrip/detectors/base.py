"""What a detector is, and the shared base for detectors that mostly apply data rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, Protocol, runtime_checkable

from ..model import Block, PageInfo, Signal
from ..rules import Rule, compile_rules, load_rules, load_table
from ..rules.index import RuleIndex


@runtime_checkable
class Detector(Protocol):
    """Reads blocks and emits signals; never mutates blocks, the page or itself."""

    name: ClassVar[str]
    #: True when the detector only makes sense on HTML blocks (it is skipped on text dumps)
    needs_dom: ClassVar[bool]

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterable[Signal]: ...


class RuleDetector:
    """Applies the detector's data rules to every block, then its own structural checks.

    Subclasses set ``name`` and override :meth:`structural` for checks that are not
    a phrase or token match. ``extra_rules`` lets users add rules without touching
    the shipped data files.
    """

    name: ClassVar[str] = ""
    needs_dom: ClassVar[bool] = False

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        self.rules: tuple[Rule, ...] = load_rules(self.name) + compile_rules(self.name, extra_rules)
        self.params: Mapping[str, Any] = dict(load_table(self.name).get("params", {}))
        self.index = RuleIndex.build(
            self.rules, tuple(self.params.get("ignore_classes", ())), tuple(self.params.get("modifier_classes", ()))
        )

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        yield from self.rule_signals(blocks, page)
        yield from self.structural(blocks, page)

    def rule_signals(self, blocks: Sequence[Block], page: PageInfo | None = None) -> Iterator[Signal]:
        """The data rules' signals, block by block."""
        return self.index.signals(blocks, page)

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterable[Signal]:
        return ()
