"""The interleaved runner: worker processes, per-call timing, timeout and crash guards, text-mode inputs.

The adapters below live in this module and are named "module:Class", so spawned workers can import them.
"""

from __future__ import annotations

import os
import time

import pytest

from benchmarks.datasets import Page
from benchmarks.peers.base import Output, as_str
from benchmarks.runner import Runner, RunOptions, extractor_order, page_inputs, source_for


class Echo:
    """Reads text and HTML; returns what it was given, tagged with the kind."""

    name = "echo"
    accepts_text = True

    def extract(self, source: str | bytes, url: str | None, *, kind: str = "html") -> Output:
        return Output(f"{kind}|{as_str(source)}")


class HtmlOnly:
    """An HTML-only peer that misbehaves on request: hangs on "HANG", dies on "CRASH", raises on "RAISE"."""

    name = "htmlonly"
    accepts_text = False

    def extract(self, source: str | bytes, url: str | None, *, kind: str = "html") -> Output:
        text = as_str(source)
        if "HANG" in text:
            time.sleep(60)
        if "CRASH" in text:
            os._exit(3)
        if "RAISE" in text:
            raise ValueError("refused")
        return Output(f"{kind}|{text}", title="t")


ECHO = f"{__name__}:Echo"
HTML_ONLY = f"{__name__}:HtmlOnly"


def _page(page_id: str, html: str, kind: str = "html") -> Page:
    return Page(page_id, html.encode("utf-8"), "truth", source_kind=kind)  # type: ignore[arg-type]


def test_extractor_order_is_a_seeded_per_page_shuffle() -> None:
    """Each page's order is a permutation fixed by (seed, page id); pages differ."""
    names = ("a", "b", "c", "d", "e")
    assert extractor_order(names, 0, "p1") == extractor_order(names, 0, "p1")
    assert sorted(extractor_order(names, 0, "p1")) == list(names)
    orders = {tuple(extractor_order(names, 0, f"p{i}")) for i in range(20)}
    assert len(orders) > 5


def test_page_inputs_per_mode() -> None:
    """HTML mode passes the page; text mode flattens it; a text source is its own dump."""
    html_page = _page("h", "<p>Hello <b>you</b></p>")
    assert page_inputs(html_page, None) == (None, b"<p>Hello <b>you</b></p>")
    assert page_inputs(html_page, "b") == ("Hello you", b"")
    assert page_inputs(_page("t", "line one\nline two", "text"), None) == ("line one\nline two", b"")


def test_source_for_wraps_dumps_for_html_only_peers() -> None:
    """Text readers get the raw dump as kind "text"; HTML-only peers get it as escaped <p> lines."""
    assert source_for(True, "a<b\nc", b"") == ("a<b\nc", "text")
    wrapped, kind = source_for(False, "a<b\nc", b"")
    assert kind == "html" and "<p>a&lt;b</p>" in str(wrapped) and "<p>c</p>" in str(wrapped)
    assert source_for(False, None, b"<p>x</p>") == (b"<p>x</p>", "html")


def test_runner_interleaves_guards_and_restarts() -> None:
    """All extractors see every page; a hang times out, a crash and an exception are marked; work goes on."""
    pages = [
        _page("p1", "<p>one</p>"),
        _page("p2", "<p>HANG</p>"),
        _page("p3", "<p>CRASH</p>"),
        _page("p4", "<p>RAISE</p>"),
        _page("p5", "<p>five</p>"),
    ]
    options = RunOptions((ECHO, HTML_ONLY), timeout_s=1.5)
    with Runner(options) as runner:
        runs = list(runner.run(pages))
        peak = runner.peak_rss_mb()
    assert [r.page.id for r in runs] == ["p1", "p2", "p3", "p4", "p5"]
    assert all([c.extractor for c in r.calls] == [ECHO, HTML_ONLY] for r in runs)
    echo = [r.calls[0] for r in runs]
    assert all(c.error is None and c.seconds is not None for c in echo)
    assert echo[0].output.text == "html|<p>one</p>"
    other = [r.calls[1] for r in runs]
    assert [c.error for c in other][:3] == [None, "timeout", "crashed"]
    assert other[3].error == "ValueError: refused" and other[3].seconds is None
    assert other[4].error is None and other[4].output == Output("html|<p>five</p>", "t")
    assert set(peak) == {ECHO, HTML_ONLY} and all(v >= 0 for v in peak.values())


def test_runner_text_mode_and_parallel_lanes() -> None:
    """In text mode the text reader gets the dump, the HTML peer a wrapped dump; jobs=2 keeps page order."""
    pages = [_page(f"p{i}", f"<div>Item {i}</div><script>x()</script>") for i in range(6)]
    with Runner(RunOptions((ECHO, HTML_ONLY), text_mode="b", jobs=2)) as runner:
        runs = list(runner.run(pages))
    assert [r.page.id for r in runs] == [f"p{i}" for i in range(6)]
    echo, html_only = runs[3].calls
    assert echo.output.text == "text|Item 3"
    assert (
        html_only.output.text.startswith("html|<!DOCTYPE html>") and "<p>Item 3</p>" in html_only.output.text
    )


def test_worker_that_cannot_start_is_reported() -> None:
    """An adapter failing at start-up stops the run with its error, instead of scoring zeros."""
    with pytest.raises(RuntimeError, match="NoSuchClass"), Runner(RunOptions((f"{__name__}:NoSuchClass",))):
        pass
