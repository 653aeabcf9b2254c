"""Resiliparse: parse once, ``extract_plain_text(tree, main_content=True)``; title from the tree."""

from __future__ import annotations

from typing import ClassVar

from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import detect_encoding
from resiliparse.parse.html import HTMLTree

from .base import Kind, Output, none_if_blank


class Resiliparse:
    name: ClassVar[str] = "resiliparse"
    accepts_text: ClassVar[bool] = False

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        if isinstance(source, bytes):
            tree = HTMLTree.parse_from_bytes(source, detect_encoding(source))
        else:
            tree = HTMLTree.parse(source)
        return Output(extract_plain_text(tree, main_content=True), none_if_blank(tree.title))
