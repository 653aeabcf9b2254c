"""Kept blocks -> output text.

Paragraphs are separated by one blank line; consecutive list items, table rows
and lines of one dump paragraph stay on adjacent lines, so structure survives
in plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Verdict

TIGHT = frozenset({"item", "row", "code"})  # consecutive code blocks are the lines of a dump's listing


def text(verdicts: Sequence[Verdict]) -> str:
    parts: list[str] = []
    prev = None
    for v in verdicts:
        if not v.kept:
            continue
        b = v.block
        if parts and prev is not None:
            tight = b.role in TIGHT and prev.role == b.role and not b.after_gap
            parts.append("\n" if tight else "\n\n")
        parts.append(b.text)
        prev = b
    return "".join(parts)
