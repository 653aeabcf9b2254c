"""The registry of extractor adapters: one small module each; adding a peer is one module and one line."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
from types import MappingProxyType

from .base import Extractor, Kind, Output

__all__ = ["ADAPTERS", "Extractor", "Kind", "Output", "available", "load", "version"]

# name -> (adapter module in this package, its class, the library's import name, its distribution name)
ADAPTERS = MappingProxyType(
    {
        "boilerstrip": ("boilerstrip", "Boilerstrip", "boilerstrip", "boilerstrip"),
        "trafilatura": ("trafilatura", "Trafilatura", "trafilatura", "trafilatura"),
        "readability": ("readability", "Readability", "readability", "readability-lxml"),
        "justext": ("justext", "Justext", "justext", "justext"),
        "resiliparse": ("resiliparse", "Resiliparse", "resiliparse", "resiliparse"),
        "boilerpy3": ("boilerpy3", "Boilerpy3", "boilerpy3", "boilerpy3"),
        "newspaper4k": ("newspaper4k", "Newspaper4k", "newspaper", "newspaper4k"),
        "goose3": ("goose3", "Goose3", "goose3", "goose3"),
    }
)


def available() -> list[str]:
    """Names of the adapters whose library is installed, in registry order."""
    return [name for name, spec in ADAPTERS.items() if importlib.util.find_spec(spec[2]) is not None]


def version(name: str) -> str:
    """The installed version of the library behind adapter ``name`` ("unknown" for a source checkout)."""
    if name not in ADAPTERS:
        return "unknown"
    try:
        return importlib.metadata.version(ADAPTERS[name][3])
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def load(name: str) -> Extractor:
    """A fresh adapter: a registered name, or ``"package.module:Class"`` for an adapter kept elsewhere.

    Raises KeyError for an unknown name and ImportError when the library is not installed.
    """
    if ":" in name:
        module_path, class_name = name.split(":", 1)
    else:
        module_name, class_name, _, _ = ADAPTERS[name]
        module_path = f"{__name__}.{module_name}"
    adapter: Extractor = getattr(importlib.import_module(module_path), class_name)()
    return adapter
