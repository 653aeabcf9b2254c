"""boilerstrip: the main content and metadata of web pages and plain-text page dumps.

    >>> import boilerstrip
    >>> r = boilerstrip.extract("<html><body><nav>Home | News</nav><p>Real text.</p></body></html>")

See README.md for the pipeline, its detectors and how to add one.
"""

from __future__ import annotations

from .batch import Failure, extract_many
from .decide import Tunables
from .detectors.base import Detector, RuleDetector
from .errors import (
    BoilerstripError,
    DetectorError,
    ExtractionTimeout,
    InvalidInputError,
    InvalidOptionError,
)
from .model import Block, Metadata, PageInfo, Result, Signal, Verdict
from .pipeline import Pipeline, extract
from .sitemodel import SiteModel, SiteModels

__version__ = "0.1.0"

__all__ = [
    "extract",
    "extract_many",
    "Failure",
    "Pipeline",
    "SiteModel",
    "SiteModels",
    "Tunables",
    "Detector",
    "RuleDetector",
    "Result",
    "Block",
    "Signal",
    "Verdict",
    "Metadata",
    "PageInfo",
    "BoilerstripError",
    "InvalidInputError",
    "InvalidOptionError",
    "DetectorError",
    "ExtractionTimeout",
    "__version__",
]
