"""readability-lxml: ``Document(html).summary()``, then the summary's visible text."""

from __future__ import annotations

from typing import ClassVar

from readability import Document

from ..flatten import inner_text
from .base import Kind, Output, as_str, none_if_blank


class Readability:
    name: ClassVar[str] = "readability"
    accepts_text: ClassVar[bool] = False

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        doc = Document(as_str(source), url=url)
        # summary() returns cleaned HTML; its innerText-like rendering keeps paragraph breaks.
        return Output(inner_text(doc.summary(html_partial=True)), none_if_blank(doc.title()))
