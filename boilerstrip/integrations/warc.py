"""The pages of a WARC file, for engines that read WARCs themselves (the Spark job, the benchmark)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ._optional import require

#: HTTP content types read as pages; anything else (images, scripts, style sheets, feeds) is skipped
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_page(record: Any) -> bool:
    """Whether a FastWARC record of a page kind holds a page: not a redirect, an error or an image."""
    if not record.is_http:
        return True
    ctype = (record.http_headers.get("Content-Type") or "").lower().lstrip()
    status = record.http_headers.status_code or 200
    return 200 <= status < 300 and (not ctype or ctype.startswith(PAGE_TYPES))


def read_warc(path: str) -> Iterator[tuple[str | None, bytes, str | None]]:
    """(url, payload, kind) of a WARC file's pages: HTML/text responses and resources, WET conversions.

    Redirects, errors and non-pages are skipped; a WET conversion is a text dump (kind "text"),
    anything else is left to boilerstrip's sniffing (kind None). Needs FastWARC (the warc extra).
    """
    warc = require("fastwarc.warc", "warc")
    kinds = warc.WarcRecordType.response | warc.WarcRecordType.resource | warc.WarcRecordType.conversion
    with open(path, "rb") as stream:
        for record in warc.ArchiveIterator(stream, record_types=kinds, parse_http=True):
            if not is_page(record):
                continue
            kind = "text" if record.record_type == warc.WarcRecordType.conversion else None
            yield record.headers.get("WARC-Target-URI") or None, record.reader.read(), kind
