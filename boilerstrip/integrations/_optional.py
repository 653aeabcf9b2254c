"""One clear error for an engine that is not installed, naming the extra that installs it."""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtraError(ImportError):
    """An optional engine (datatrove, pyspark) is not installed; the message names the extra."""


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise MissingExtraError telling to ``pip install 'boilerstrip[extra]'``."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtraError(
            f"{module} is needed for boilerstrip.integrations ({e}): pip install 'boilerstrip[{extra}]'"
        ) from e
