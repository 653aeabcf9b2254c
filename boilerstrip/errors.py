"""Errors boilerstrip raises; each leaf also subclasses the matching builtin.

    BoilerstripError
     ├── InvalidInputError (TypeError)      source of a type extract() cannot read
     ├── InvalidOptionError (ValueError)    an option out of its range or unknown
     ├── DetectorError (ValueError)         a pipeline edit names no detector, or a detector is malformed
     └── ExtractionTimeout (TimeoutError)   the time budget ran out and partial results were refused

Empty or content-less input is not an error: it yields an empty Result.
"""

from __future__ import annotations


class BoilerstripError(Exception):
    """Base of every error boilerstrip raises on purpose."""


class InvalidInputError(BoilerstripError, TypeError):
    """The source is of a type extract() cannot read."""


class InvalidOptionError(BoilerstripError, ValueError):
    """An option is unknown or out of its range."""


class DetectorError(BoilerstripError, ValueError):
    """A pipeline edit names no known detector, or a detector is malformed."""


class ExtractionTimeout(BoilerstripError, TimeoutError):
    """The per-document time budget ran out."""
