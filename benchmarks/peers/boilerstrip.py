"""boilerstrip itself, through its public face only."""

from __future__ import annotations

from typing import ClassVar

import boilerstrip

from .base import Kind, Output, none_if_blank


class Boilerstrip:
    name: ClassVar[str] = "boilerstrip"
    accepts_text: ClassVar[bool] = True

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        # HTML pages go in as a user would pass them (front-end sniffed); text dumps are forced.
        r = boilerstrip.extract(source, url=url, kind="text" if kind == "text" else None)
        return Output(r.text or "", none_if_blank(r.title), none_if_blank(r.author), none_if_blank(r.date))
