"""Bad input gets a typed error or a valid (possibly empty) Result: never a crash, a hang or garbled text.

tests/nasty/ holds small hand-made inputs (broken markup, controls, line endings,
pages in legacy encodings, declared right, wrong or not at all); big inputs are
generated here at run time. Inputs that could hang run in a forked child that is
killed at its time limit, so a regression fails the test instead of the suite.
"""

from __future__ import annotations

import io
import math
import multiprocessing
import pathlib
import re
import resource
import socket
import sys
import time
import tomllib
from collections.abc import Callable
from typing import Any

import lxml.etree
import lxml.html
import pytest
from selectolax.lexbor import LexborHTMLParser

import boilerstrip
import boilerstrip.pipeline
import boilerstrip.segment.html
from boilerstrip import BoilerstripError, ExtractionTimeout, InvalidInputError

NASTY = pathlib.Path(__file__).parent / "nasty"
INPUTS = sorted(p for p in NASTY.iterdir() if p.suffix in (".html", ".txt", ".xhtml"))
EXPECTED: dict[str, dict[str, Any]] = {
    **tomllib.loads((NASTY / "expected.toml").read_text("utf-8")),
    **tomllib.loads((NASTY / "expected-encodings.toml").read_text("utf-8")),
}
# Controls no output may hold: C0 but tab and newline, DEL, C1, and lone surrogates.
JUNK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
MOJIBAKE = re.compile("Ã[\x80-\xbf¡-ÿ]|Ð[\x80-\xbf]|â€|Â[\xa0-\xbf]")


def xfail(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason, strict=True)


# ---------------------------------------------------------------- a child process with a time limit


def _child(fn: Callable[[], Any], seconds: float, conn: Any) -> None:
    start = time.process_time()
    soft = math.ceil(start + seconds) + 1  # the kernel stops a child that runs away (SIGXCPU)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, soft + 5))
    try:
        value = fn()
        conn.send(("ok", value, time.process_time() - start))
    except BaseException as e:  # the parent re-raises it by name
        conn.send(("error", f"{type(e).__name__}: {e}"[:500], 0.0))


# A child still running after this many times its CPU budget in wall time is killed. The budget
# is on CPU time: on a busy machine (CI, shared cores) wall time counts other processes' work.
WALL_FACTOR = 6


def within(seconds: float, fn: Callable[[], Any]) -> Any:
    """fn() run in a forked child; fails when it takes more than ``seconds`` of CPU time, or raises."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fn, seconds, child), daemon=True)
    proc.start()
    child.close()  # the parent keeps no write end, so a child that dies is seen at once (EOF)
    try:
        if not parent.poll(seconds * WALL_FACTOR):
            pytest.fail(f"did not finish in {seconds * WALL_FACTOR} s of wall time")
        try:
            status, value, cpu = parent.recv()
        except EOFError:
            pytest.fail(f"stopped after more than {seconds} s of CPU time")
    finally:
        proc.kill()
        proc.join()
    assert status == "ok", value
    assert cpu < seconds, f"took {cpu:.1f} s of CPU time, more than {seconds} s"
    return value, cpu


def summary(r: boilerstrip.Result) -> dict[str, Any]:
    return {"text": r.text, "title": r.title, "blocks": [v.block.text for v in r.blocks], "kind": r.kind}


def assert_valid(r: boilerstrip.Result) -> None:
    """What every Result must be, whatever the input."""
    assert isinstance(r, boilerstrip.Result)
    assert isinstance(r.text, str)
    assert r.kind in ("html", "text")
    r.text.encode("utf-8")  # no lone surrogates
    assert not JUNK.search(r.text), JUNK.findall(r.text)
    for v in r.blocks:
        assert not JUNK.search(v.block.text), (v.block.text, JUNK.findall(v.block.text))
    assert r.to_json()
    assert isinstance(r.explain(), str)


# ---------------------------------------------------------------- the hand-made inputs

KNOWN_BAD_INPUTS: dict[str, str] = {}


@pytest.mark.parametrize(
    "path", [pytest.param(p, id=p.name, marks=xfail(KNOWN_BAD_INPUTS[p.name]) if p.name in KNOWN_BAD_INPUTS else ())
             for p in INPUTS]
)  # fmt: skip
def test_nasty_input_gives_a_valid_result(path: pathlib.Path) -> None:
    """Each nasty input, as bytes and as decoded str, yields a valid Result within a second or two of CPU."""
    data = path.read_bytes()
    start = time.process_time()
    r = boilerstrip.extract(data)
    assert time.process_time() - start < 2.0
    assert_valid(r)
    assert_valid(boilerstrip.extract(data.decode("utf-8", "replace")))
    assert boilerstrip.extract(data).to_json(blocks=True) == r.to_json(blocks=True)


def _blocks_text(r: boilerstrip.Result) -> str:
    return "\n".join(v.block.text for v in r.blocks)


KNOWN_BAD_EXPECTED: dict[str, str] = {}


@pytest.mark.parametrize(
    "name", [pytest.param(n, id=n, marks=xfail(KNOWN_BAD_EXPECTED[n]) if n in KNOWN_BAD_EXPECTED else ())
             for n in sorted(EXPECTED)]
)  # fmt: skip
def test_nasty_input_keeps_its_text_ungarbled(name: str) -> None:
    """The text each nasty input must yield (expected*.toml) is among its blocks, and nothing it must not."""
    want = EXPECTED[name]
    r = boilerstrip.extract((NASTY / name).read_bytes())
    found = _blocks_text(r)
    for snippet in want.get("contains", ()):
        assert snippet in found, (snippet, found[:500])
    for snippet in want.get("not_contains", ()):
        assert snippet not in r.text, snippet
    if "kind" in want:
        assert r.kind == want["kind"]
    assert not MOJIBAKE.search(found), MOJIBAKE.findall(found)[:5]
    assert "\ufffd" not in found or want.get("replacement_ok", False)


def test_every_nasty_input_has_expectations_or_is_listed() -> None:
    """Each file in tests/nasty/ has an entry in expected.toml or expected-encodings.toml."""
    assert {p.name for p in INPUTS} <= set(EXPECTED)


# ---------------------------------------------------------------- big inputs, generated here

PARA = "<p>The council met on Tuesday to discuss the new bridge over the river, and voted for it.</p>"


def _page(inner: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Big</title></head><body><article>{PARA}{inner}{PARA}</article></body></html>"


BIG = {
    "base64 image 8 MB": lambda: _page('<img src="data:image/png;base64,' + "iVBORw0KGgo" * 750_000 + '">'),
    "base64 in CSS 4 MB": lambda: _page("<style>.a{background:url(data:image/png;base64," + "QUJD" * 1_000_000 + ")}</style>"),
    "inline JSON 5 MB": lambda: _page('<script id="__NEXT_DATA__" type="application/json">{"a":['
                                      + '{"k":"v","n":[1,2,3]},' * 220_000 + "0]}</script>"),
    "JSON-LD 2 MB": lambda: _page('<script type="application/ld+json">{"@type":"Article","articleBody":"'
                                  + "word " * 400_000 + '"}</script>'),
    "JSON-LD nested 50k deep": lambda: _page('<script type="application/ld+json">' + '{"a":' * 50_000 + "1"
                                             + "}" * 50_000 + "</script>"),
    "attribute of 2 MB": lambda: _page('<div data-x="' + "x" * 2_000_000 + '">inside</div>'),
    "5,000 attributes": lambda: _page("<div " + " ".join(f'a{i}="{i}"' for i in range(5000)) + ">in</div>"),
    "class of 20,000 tokens": lambda: _page('<div class="' + " ".join(f"c{i}" for i in range(20_000)) + '">in</div>'),
    "5 MB line without spaces (html)": lambda: _page("<p>" + "a" * 5_000_000 + "</p>"),
    "1 MB of spaces in pre": lambda: _page("<pre>a" + " " * 1_000_000 + "b</pre>"),
    "100,000 links": lambda: _page("".join(f'<a href="/{i}">{i}</a>' for i in range(100_000))),
    "20,000 unclosed p": lambda: _page("<p>word " * 20_000),
    "20,000 misnested b/i": lambda: _page("<b><i>" * 10_000 + "text" + "</b></i>" * 10_000),
    "nested a 5,000": lambda: _page("<a href=/x>link " * 5_000),
    "deep span 100,000": lambda: _page("<span>" * 100_000 + "deep text"),
}  # fmt: skip
KNOWN_BAD_BIG: dict[str, str] = {}


@pytest.mark.parametrize(
    "name", [pytest.param(n, id=n, marks=xfail(KNOWN_BAD_BIG[n]) if n in KNOWN_BAD_BIG else ()) for n in BIG]
)
def test_big_input_gives_a_valid_result_in_time(name: str) -> None:
    """Megabytes of base64, JSON, attributes, links or one long line: a valid Result within 10 s."""
    build = BIG[name]
    out, _ = within(10.0, lambda: summary(boilerstrip.extract(build())))
    assert isinstance(out["text"], str)
    assert "The council met on Tuesday" in "\n".join(out["blocks"])


HANGS = {
    "<title> with 50,000 spaces": lambda: "<html><head><title>A" + " " * 50_000 + "b</title></head><body>"
    + PARA + "</body></html>",
    "text dump of 'a' * 100,000": lambda: "a" * 100_000,
    "text dump of 200,000 spaces then x": lambda: " " * 200_000 + "x",
    "text dump line with 100,000 spaces inside": lambda: "Title line\n\nword" + " " * 100_000 + "| end\n",
    "100,000-deep div nesting": lambda: "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000,
}  # fmt: skip
KNOWN_HANGS: dict[str, str] = {}


@pytest.mark.parametrize(
    "name", [pytest.param(n, id=n, marks=xfail(KNOWN_HANGS[n]) if n in KNOWN_HANGS else ()) for n in HANGS]
)
def test_no_hang_on_hostile_document(name: str) -> None:
    """Documents that make quadratic code crawl finish within 3 s (in a child process that is killed)."""
    build = HANGS[name]
    out, _ = within(3.0, lambda: summary(boilerstrip.extract(build())))
    assert isinstance(out["text"], str)


@pytest.mark.parametrize("depth", [1_000, 3_000])
@pytest.mark.parametrize("tag", ["div", "span", "b", "li", "blockquote", "section"])
def test_deep_nesting_never_raises_recursion_error(tag: str, depth: int) -> None:
    """Thousands of nested elements yield a valid Result holding the innermost text, as str and as a tree."""
    html = f"<html><body>{f'<{tag}>' * depth}The innermost text of a very deep page.{f'</{tag}>' * depth}"
    r = boilerstrip.extract(html)
    assert_valid(r)
    assert "The innermost text of a very deep page." in _blocks_text(r)
    assert boilerstrip.extract(LexborHTMLParser(html)).text == r.text


def test_deep_lxml_tree_never_raises_recursion_error() -> None:
    """A 3,000-deep tree built with lxml (which its own parser would refuse) is read without recursion."""
    root = lxml.etree.Element("html")
    node = lxml.etree.SubElement(root, "body")
    for _ in range(3_000):
        node = lxml.etree.SubElement(node, "div")
    node.text = "The innermost text of a very deep lxml tree."
    r = boilerstrip.extract(root)
    assert "The innermost text of a very deep lxml tree." in _blocks_text(r)
    assert len(root.xpath("//div")) == 3_000  # untouched


def test_deep_jsonld_never_raises_recursion_error() -> None:
    """JSON-LD nested deeper than Python's recursion limit is skipped, not fatal."""
    depth = sys.getrecursionlimit() * 2
    ld = '{"@type":"Article","headline":"Deep","x":' + "[" * depth + "]" * depth + "}"
    r = boilerstrip.extract(
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>{PARA}</body></html>'
    )
    assert_valid(r)


@pytest.mark.parametrize(
    "source",
    [
        "<p>bad \ud800 surrogate and \udfff another, in a paragraph of text.</p>",
        "A dump line with a lone \udc80 surrogate in the middle of its words.\n",
    ],
    ids=["html", "text"],
)  # fmt: skip
def test_lone_surrogates_in_str_input(source: str) -> None:
    """A str holding lone surrogates (from a bad decode upstream) gives a valid, encodable Result."""
    assert_valid(boilerstrip.extract(source))


@pytest.mark.parametrize("kind", ["html", "text"])
def test_nul_only_and_empty_inputs(kind: str) -> None:
    """Empty, NUL-only, BOM-only and white-space-only inputs give an empty Result of the asked kind."""
    for source in ("", b"", "\x00" * 1000, b"\x00" * 1001, b"\xef\xbb\xbf", b"\xff\xfe", " \n\t\r\n" * 100):
        r = boilerstrip.extract(source, kind=kind)
        assert_valid(r)
        assert r.text == "" and r.kind == kind


def test_str_and_bytes_subclasses_bytearray_and_memoryview() -> None:
    """str/bytes subclasses, bytearray and memoryview read like str and bytes."""

    class S(str):
        pass

    class B(bytes):
        pass

    html = (
        "<html><body><article>"
        + "".join(PARA.replace("Tuesday", d) for d in ("Monday", "Friday"))
        + "</article></body></html>"
    )
    want = boilerstrip.extract(html).text
    assert want
    for source in (S(html), B(html.encode()), bytearray(html.encode()), memoryview(html.encode())):
        assert boilerstrip.extract(source).text == want


# ---------------------------------------------------------------- wrong argument types

WRONG_SOURCES = [None, 1, 1.5, True, [], ["<p>x</p>"], {}, object(), pathlib.Path("page.html"),
                 io.BytesIO(b"<p>x</p>"), io.StringIO("<p>x</p>"), iter(["<p>x</p>"]), 3j]  # fmt: skip


@pytest.mark.parametrize("source", WRONG_SOURCES, ids=lambda s: type(s).__name__)
def test_wrong_source_type_raises_invalid_input(source: Any) -> None:
    """A source of the wrong type raises InvalidInputError, a BoilerstripError and a TypeError."""
    with pytest.raises(InvalidInputError) as info:
        boilerstrip.extract(source)
    assert isinstance(info.value, BoilerstripError) and isinstance(info.value, TypeError)


WRONG_OPTIONS: list[tuple[dict[str, Any], type[Exception]]] = [
    ({"url": 5}, TypeError),
    ({"url": b"https://example.com/"}, TypeError),
    ({"kind": "pdf"}, ValueError),
    ({"timeout": "5"}, TypeError),
    ({"timeout": True}, TypeError),
    ({"timeout": -1}, ValueError),
    ({"timeout": 0}, ValueError),
    ({"timeout": math.nan}, ValueError),
    ({"on_timeout": "ignore"}, ValueError),
]
WRONG_OPTIONS_KNOWN = [
    pytest.param({"kind": 5}, TypeError),
    pytest.param({"favor": "more"}, TypeError),
    pytest.param({"favor": math.nan}, ValueError),
    pytest.param({"pipeline": "default"}, TypeError),
    pytest.param({"url": "http://[::1"}, ValueError),
]  # fmt: skip


@pytest.mark.parametrize(("options", "builtin"), [*WRONG_OPTIONS, *WRONG_OPTIONS_KNOWN], ids=str)
def test_wrong_option_raises_typed_error(options: dict[str, Any], builtin: type[Exception]) -> None:
    """A wrong option raises a BoilerstripError that is also the matching builtin (TypeError, ValueError)."""
    html = "<html><body>" + PARA + "</body></html>"
    with pytest.raises(BoilerstripError) as info:
        boilerstrip.extract(html, **options)
    assert isinstance(info.value, builtin)


# ---------------------------------------------------------------- no network, no filesystem

_WATCHING: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _WATCHING and (event in ("open", "os.listdir", "os.scandir", "subprocess.Popen", "os.system", "urllib.Request")
                      or event.startswith("socket.")):  # fmt: skip
        _WATCHING.append(f"{event} {args!r:.200}")


sys.addaudithook(_audit)  # audit hooks cannot be removed; it only records while a test watches


def test_no_network_and_no_filesystem_during_extraction() -> None:
    """Extracting pages full of URLs, file paths, frames and imports opens no file and no socket."""
    pages = [
        '<html><head><link rel="stylesheet" href="https://example.com/a.css"><base href="file:///etc/">'
        '<script src="http://example.com/x.js"></script><meta http-equiv="refresh" content="0; url=http://a.b/">'
        '</head><body><iframe src="https://example.com/"></iframe><img src="/etc/passwd"><p>Read '
        '<a href="file:///etc/passwd">this</a> and <a href="http://localhost:1/">that</a>.</p>'
        '<object data="x.swf"></object><link rel="import" href="a.html">' + PARA + "</body></html>",
        '<frameset><frame src="file:///etc/hosts"><frame src="http://example.com/"></frameset>',
        "/etc/passwd",
        str(pathlib.Path(__file__)),
        "https://example.com/page.html",
    ]
    boilerstrip.extract(pages[0])  # warm up: lazy imports may read files, extraction may not
    boilerstrip.extract(b"\xa4\xa4\xa4\xe5 caf\xe9")
    _WATCHING.append("watching")
    try:
        for p in pages:
            r = boilerstrip.extract(p, url="https://example.com/")
            assert "root:" not in r.text
            boilerstrip.extract(p.encode("cp1252", "replace"))
    finally:
        events = _WATCHING[1:]
        _WATCHING.clear()
    assert events == []
    assert socket.socket is not None


# ---------------------------------------------------------------- the time budget

ARTICLE = ("<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article>"
           + "".join(PARA.replace("river", f"river number {i}") for i in range(40)) + "</article></body></html>")  # fmt: skip


class _Slow:
    """A detector that takes a while and says nothing."""

    name = "slow"
    needs_dom = False

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def detect(self, blocks: Any, page: Any) -> list[Any]:
        time.sleep(self.seconds)
        return []


#: the slow detector's sleep and the budget: the steps before it (parse, segment, evidence) must end well
#: inside the budget even on a loaded machine, or the budget runs out before the slow detector is reached
SLOW, BUDGET = 0.6, 0.3


def test_timeout_none_and_generous_change_nothing() -> None:
    """No budget, or one far above the need, gives the same result."""
    plain = boilerstrip.extract(ARTICLE)
    assert boilerstrip.extract(ARTICLE, timeout=60).to_json(blocks=True) == plain.to_json(blocks=True)
    assert not any(step == "timeout" for step, _ in plain.timings)


def test_timeout_raise_raises_extraction_timeout() -> None:
    """on_timeout="raise": a budget that runs out raises ExtractionTimeout, a TimeoutError."""
    pipe = boilerstrip.Pipeline.default().with_detector(_Slow(SLOW), before="navigation")
    with pytest.raises(ExtractionTimeout) as info:
        pipe.extract(ARTICLE, timeout=BUDGET, on_timeout="raise")
    assert isinstance(info.value, TimeoutError) and isinstance(info.value, BoilerstripError)
    assert "slow" in str(info.value)


def test_timeout_partial_returns_what_was_found_so_far() -> None:
    """on_timeout="partial" (the default) stops after the detector that overran and decides on its signals."""
    pipe = boilerstrip.Pipeline.default().with_detector(_Slow(SLOW), before="navigation")
    start = time.perf_counter()
    r = pipe.extract(ARTICLE, timeout=BUDGET)
    assert time.perf_counter() - start < SLOW + 1.0
    steps = [step for step, _ in r.timings]
    assert "timeout" in steps
    assert "slow" in steps and "navigation" not in steps and "teasers" not in steps
    assert_valid(r)
    assert "The council met on Tuesday" in r.text  # the evidence detector ran: the article is kept
    rules = {s.rule.split(".")[0] for v in r.blocks for s in v.signals}
    assert "navigation" not in rules and "evidence" in rules


def test_timeout_partial_when_nothing_was_found() -> None:
    """A budget that runs out during decoding gives an empty but valid Result."""
    r = boilerstrip.extract(ARTICLE.encode() * 200, timeout=1e-9)
    assert_valid(r)
    assert r.text == "" and r.blocks == ()
    with pytest.raises(ExtractionTimeout):
        boilerstrip.extract(ARTICLE.encode() * 200, timeout=1e-9, on_timeout="raise")


def _cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


@pytest.mark.parametrize("kind", ["html", "text"])
def test_timeout_bounds_a_big_document(kind: str) -> None:
    """A big document with a small budget comes back well before the full extraction would."""
    words = "the council voted on the new bridge over the river"
    lines = [f"Line {i}: {words}, and {i % 7} residents asked questions." for i in range(3_000)]
    source = "".join(f"<p>{x}</p>" for x in lines) if kind == "html" else "\n".join(lines)
    # CPU time, best of a few runs: on a loaded machine the wall clock of either run says little about
    # the other, and one garbage-collector pass late in a long test session can double one run.
    full = min(_cpu(lambda: boilerstrip.extract(source, kind=kind)) for _ in range(2))
    r = boilerstrip.extract(source, kind=kind, timeout=0.02)
    partial = min(_cpu(lambda: boilerstrip.extract(source, kind=kind, timeout=0.02)) for _ in range(3))
    assert partial < 0.75 * full
    assert_valid(r)
    assert any(step == "timeout" for step, _ in r.timings)
