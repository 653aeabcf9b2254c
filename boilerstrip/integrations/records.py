"""What every engine step writes beside the text: one flat metadata record with a fixed set of keys.

The keys are the same for every document (absent values are None or empty lists), so columnar
writers (Parquet, a Spark schema) get one stable schema whatever the page declared.
"""

from __future__ import annotations

from typing import Any

from boilerstrip import Result

#: the keys of metadata_of(); a fixed order, also the Spark schema's
METADATA_FIELDS = (
    "title",
    "author",
    "authors",
    "date",
    "description",
    "sitename",
    "language",
    "tags",
    "page_type",
    "kind",
    "partial",
)


def metadata_of(result: Result) -> dict[str, Any]:
    """The record for one result; ``partial`` says boilerstrip's time budget ran out on it."""
    meta = result.metadata
    return {
        "title": meta.title,
        "author": meta.author,
        "authors": list(meta.authors),
        "date": meta.date,
        "description": meta.description,
        "sitename": meta.sitename,
        "language": result.language,
        "tags": list(meta.tags),
        "page_type": meta.page_type,
        "kind": result.kind,
        "partial": any(step == "timeout" for step, _ in result.timings),
    }
