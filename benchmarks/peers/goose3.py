"""Goose3: one ``Goose()`` reused, ``extract(raw_html=...)``; image fetching stays off (its default)."""

from __future__ import annotations

from typing import ClassVar

from goose3 import Goose

from .base import Kind, Output, as_str, none_if_blank


class Goose3:
    name: ClassVar[str] = "goose3"
    accepts_text: ClassVar[bool] = False

    def __init__(self) -> None:
        self._goose = Goose()

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        article = self._goose.extract(url=url, raw_html=as_str(source))
        return Output(
            article.cleaned_text or "",
            none_if_blank(article.title),
            none_if_blank(", ".join(article.authors)),
            none_if_blank(article.publish_date),
        )
