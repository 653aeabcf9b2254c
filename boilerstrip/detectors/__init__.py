"""Detectors, one module per kind of boilerplate or content evidence.

The default order is the order signals are gathered and explained in; the
decision sums them, so order changes only how explanations read.
"""

from __future__ import annotations

from .base import Detector, RuleDetector
from .echo import EchoDetector
from .evidence import EvidenceDetector


def default_detectors() -> tuple[Detector, ...]:
    """Fresh instances of the shipped detectors, in the documented order."""
    return (
        EvidenceDetector(),
        EchoDetector(),
    )


__all__ = ["Detector", "RuleDetector", "default_detectors", "EvidenceDetector", "EchoDetector"]
