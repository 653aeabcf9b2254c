"""jusText with the stoplist of the page's declared language (English when unknown)."""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import ClassVar

import justext

from .base import Kind, Output

# ISO 639-1 code -> jusText stoplist name, for the languages the datasets hold most.
_STOPLISTS = MappingProxyType(
    {
        "en": "English",
        "de": "German",
        "fr": "French",
        "es": "Spanish",
        "it": "Italian",
        "pt": "Portuguese",
        "nl": "Dutch",
        "ru": "Russian",
        "pl": "Polish",
        "cs": "Czech",
        "sv": "Swedish",
        "da": "Danish",
        "no": "Norwegian_Bokmal",
        "nb": "Norwegian_Bokmal",
        "fi": "Finnish",
        "tr": "Turkish",
        "uk": "Ukrainian",
        "el": "Greek",
        "hu": "Hungarian",
        "ro": "Romanian",
        "id": "Indonesian",
        "vi": "Vietnamese",
        "ko": "Korean",
        "ar": "Arabic",
    }
)
_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)


def stoplist_name(html: bytes) -> str:
    """The jusText stoplist for the ``<html lang>`` of a page, English when unknown."""
    m = _LANG.search(html[:4096])
    return _STOPLISTS.get(m.group(1).decode().lower(), "English") if m else "English"


class Justext:
    name: ClassVar[str] = "justext"
    accepts_text: ClassVar[bool] = False

    def extract(self, source: str | bytes, url: str | None, *, kind: Kind = "html") -> Output:
        raw = source.encode("utf-8") if isinstance(source, str) else source
        paragraphs = justext.justext(raw, justext.get_stoplist(stoplist_name(raw)))
        return Output("\n\n".join(p.text for p in paragraphs if not p.is_boilerplate))
