"""What every extractor adapter looks like: a name, an ``extract`` call and its ``Output``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

Kind = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Output:
    """What an extractor returned for one page; metadata fields are None when it offers none."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


class Extractor(Protocol):
    """One adapter per library, called the way its documentation recommends for article text."""

    name: ClassVar[str]
    accepts_text: ClassVar[bool]  # True only for extractors with a plain-text front-end

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output: ...


def as_str(source: str | bytes) -> str:
    """Decode page bytes for peers that want ``str`` (the datasets are UTF-8)."""
    return source if isinstance(source, str) else source.decode("utf-8", errors="replace")


def none_if_blank(value: object) -> str | None:
    """Normalise a peer's optional metadata value to a stripped string or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
