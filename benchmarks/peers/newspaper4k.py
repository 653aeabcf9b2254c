"""newspaper4k: ``Article(url).download(input_html=...)`` then ``parse()``; no network, no images."""

from __future__ import annotations

import warnings
from typing import ClassVar

with warnings.catch_warnings():  # it warns at import that its optional nltk extra is missing
    warnings.simplefilter("ignore")
    import newspaper

from .base import Kind, Output, as_str, none_if_blank

_NO_URL = "https://example.invalid/article"  # Article needs a URL; the datasets may not have one


class Newspaper4k:
    name: ClassVar[str] = "newspaper4k"
    accepts_text: ClassVar[bool] = False

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        # fetch_images=False: otherwise it downloads images to pick a top image.
        article = newspaper.Article(url or _NO_URL, fetch_images=False)
        article.download(input_html=as_str(source))
        article.parse()
        date = article.publish_date.isoformat() if article.publish_date else None
        return Output(
            article.text or "", none_if_blank(article.title), none_if_blank(", ".join(article.authors)), date
        )
