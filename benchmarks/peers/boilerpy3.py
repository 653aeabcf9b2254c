"""BoilerPy3's ``ArticleExtractor``; ``get_doc`` gives the title beside the content."""

from __future__ import annotations

from typing import ClassVar

from boilerpy3 import extractors

from .base import Kind, Output, as_str, none_if_blank


class Boilerpy3:
    name: ClassVar[str] = "boilerpy3"
    accepts_text: ClassVar[bool] = False

    def __init__(self) -> None:
        self._extractor = extractors.ArticleExtractor(raise_on_failure=False)

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        doc = self._extractor.get_doc(as_str(source))
        return Output(doc.content or "", none_if_blank(doc.title))
