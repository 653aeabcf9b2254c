"""Throughput: pages/s through each engine on the same input, on one core and on both.

    python -m benchmarks.throughput --dataset /work/shared/datasets/scrapinghub [--limit N] [--engines ...]

The dataset's pages are packed into a gzipped WARC under a temporary folder at run time (never into
the repository), then extracted by: a plain loop over ``boilerstrip.extract``; ``extract_many`` with
jobs 1 and 2; datatrove's LocalPipelineExecutor (WarcReader -> BoilerstripExtractor -> JsonlWriter)
with 1 and 2 tasks and workers; and the Spark job (``boilerstrip.integrations.spark``) on local[1]
and local[2]. Every engine reads the same WARC (the plain loop and extract_many read it with
FastWARC in this process) and its time is the whole run, reading and writing included; Spark's
session start is timed apart, since a cluster pays it once. An engine's overhead is its time over
the plain loop's at the same core count (for two cores: over half the plain loop, the ideal).
Results go to benchmarks/results/throughput.json.
"""

from __future__ import annotations

import gzip
import uuid
from collections.abc import Iterable
from pathlib import Path

WARC_DATE = "2026-01-01T00:00:00Z"


def warc_record(url: str, payload: bytes, *, rec_type: str = "response", mime: str = "text/html") -> bytes:
    """One WARC/1.0 record: a 'response' wraps the payload in an HTTP 200 header, a 'conversion' holds text."""
    if rec_type == "response":
        http = f"HTTP/1.1 200 OK\r\nContent-Type: {mime}; charset=utf-8\r\nContent-Length: {len(payload)}\r\n\r\n"
        block, content_type = http.encode() + payload, "application/http; msgtype=response"
    else:
        block, content_type = payload, mime
    head = (
        f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: {WARC_DATE}\r\nWARC-Target-URI: {url}\r\nWARC-Identified-Payload-Type: {mime}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path: Path, records: Iterable[tuple[str, bytes]], *, rec_type: str = "response") -> int:
    """Write (url, payload) pairs as a WARC, one gzip member per record as crawlers do; the record count."""
    mime = "text/html" if rec_type == "response" else "text/plain"
    n = 0
    with path.open("wb") as f:
        for url, payload in records:
            f.write(gzip.compress(warc_record(url, payload, rec_type=rec_type, mime=mime)))
            n += 1
    return n
