"""Peer adapters: each runs on a small article page; skipped with a reason when its library is absent."""

from __future__ import annotations

import types
import warnings
from typing import Any

import pytest

from benchmarks import peers
from benchmarks.peers.base import Output, as_str, none_if_blank

P1 = (
    "The harbour authority said on Tuesday that the new breakwater would be finished before the winter "
    "storms, after two years of delays caused by a shortage of granite from the northern quarries."
)
P2 = (
    "Fishermen who moor their boats in the inner basin welcomed the news, although several said that the "
    "construction had already cost them a season of work and that compensation had been slow to arrive."
)
P3 = (
    "Engineers expect the structure to reduce wave heights inside the harbour by more than half, which "
    "should allow larger vessels to dock safely even when strong westerly winds are blowing in from the sea."
)
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Breakwater to be finished before winter | Coast Gazette</title>
<meta name="author" content="Mary Quay"><meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>Breakwater to be finished before winter</h1><p class="byline">By Mary Quay</p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p></article></main>
<footer><p>Copyright 2024 Coast Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def _require(name: str) -> None:
    lib = peers.ADAPTERS[name][2]
    with warnings.catch_warnings():  # peers' own import-time warnings are not ours to fail on
        warnings.simplefilter("ignore")
        pytest.importorskip(lib, reason=f"{lib} not installed (pip install -e '.[bench]')")


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize("name", [n for n in peers.ADAPTERS if n != "boilerstrip"])
def test_peer_extracts_article_text(name: str) -> None:
    """Every peer finds the article's paragraphs, from bytes and from str, and returns an Output."""
    _require(name)
    adapter = peers.load(name)
    assert adapter.name == name and not adapter.accepts_text
    for source in (PAGE.encode("utf-8"), PAGE):
        out = adapter.extract(source, "https://coast.example/news/breakwater")
        assert isinstance(out, Output)
        assert "shortage of granite" in out.text and "westerly winds" in out.text
        assert all(v is None or isinstance(v, str) for v in (out.title, out.author, out.date))


@pytest.mark.filterwarnings("ignore")
@pytest.mark.parametrize(
    "name", ["trafilatura", "newspaper4k", "goose3", "readability", "boilerpy3", "resiliparse"]
)
def test_peer_title_where_offered(name: str) -> None:
    """Peers that offer metadata return the page's title."""
    _require(name)
    out = peers.load(name).extract(PAGE, None)
    assert out.title and "Breakwater to be finished before winter" in out.title


@pytest.mark.filterwarnings("ignore")
def test_trafilatura_metadata() -> None:
    """trafilatura's bare_extraction gives author and date too."""
    _require("trafilatura")
    out = peers.load("trafilatura").extract(PAGE, "https://coast.example/news/breakwater")
    assert out.author == "Mary Quay"
    assert out.date == "2024-03-05"


def test_justext_stoplist_from_html_lang() -> None:
    """jusText gets the page's declared language, English when none or unknown."""
    _require("justext")
    from benchmarks.peers.justext import stoplist_name

    assert stoplist_name(b'<html lang="de-DE"><p>x</p>') == "German"
    assert stoplist_name(b"<html><p>x</p>") == "English"
    assert stoplist_name(b"<html lang='xx'>") == "English"


def test_boilerstrip_adapter_uses_public_extract(monkeypatch: pytest.MonkeyPatch) -> None:
    """The boilerstrip adapter calls boilerstrip.extract: HTML sniffed (kind None), dumps forced to text."""
    import boilerstrip

    calls: list[dict[str, Any]] = []

    def fake_extract(source: str | bytes, *, url: str | None = None, kind: str | None = None) -> Any:
        calls.append({"source": source, "url": url, "kind": kind})
        return types.SimpleNamespace(text="Body", title=" T ", author="", date="2024-03-05")

    monkeypatch.setattr(boilerstrip, "extract", fake_extract, raising=False)
    adapter = peers.load("boilerstrip")
    assert adapter.accepts_text
    assert adapter.extract(b"<p>x</p>", "https://u.example/") == Output("Body", "T", None, "2024-03-05")
    adapter.extract("line one\nline two", None, kind="text")
    assert [c["kind"] for c in calls] == [None, "text"]
    assert calls[0]["url"] == "https://u.example/"


def test_registry_loads_ad_hoc_adapters() -> None:
    """ "module:Class" names an adapter outside the registry; unknown names are a KeyError."""
    adapter = peers.load(f"{__name__}:Echo")
    assert adapter.extract(b"hello", None).text == "hello"
    with pytest.raises(KeyError):
        peers.load("no-such-peer")
    assert peers.version("no-such-peer") == "unknown"


def test_helpers() -> None:
    """Bytes decode as UTF-8 with replacement; blank metadata becomes None."""
    assert as_str("é".encode()) == "é" and as_str(b"\xff") == "\ufffd"
    assert none_if_blank("  ") is None and none_if_blank(" a ") == "a" and none_if_blank(None) is None


class Echo:
    name = "echo"
    accepts_text = True

    def extract(self, source: str | bytes, url: str | None, *, kind: str = "html") -> Output:
        return Output(as_str(source))
