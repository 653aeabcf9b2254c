"""Detectors, one module per kind of boilerplate or content evidence.

The default order is the order signals are gathered and explained in; the
decision sums them, so order changes only how explanations read.
"""

from __future__ import annotations

from .base import Detector, RuleDetector
from .consent import ConsentDetector
from .credits import CreditsDetector
from .echo import EchoDetector
from .evidence import EvidenceDetector
from .headlines import HeadlinesDetector
from .navigation import NavigationDetector
from .teasers import TeasersDetector
from .template import TemplateDetector
from .widgets import WidgetsDetector


def default_detectors() -> tuple[Detector, ...]:
    """Fresh instances of the shipped detectors, in the documented order."""
    return (
        EvidenceDetector(),
        EchoDetector(),
        NavigationDetector(),
        ConsentDetector(),
        WidgetsDetector(),
        CreditsDetector(),
        TeasersDetector(),
        HeadlinesDetector(),
        # silent until extract() is given a site model
        TemplateDetector(),
    )


__all__ = [
    "ConsentDetector",
    "CreditsDetector",
    "Detector",
    "EchoDetector",
    "EvidenceDetector",
    "HeadlinesDetector",
    "NavigationDetector",
    "RuleDetector",
    "TeasersDetector",
    "TemplateDetector",
    "WidgetsDetector",
    "default_detectors",
]
