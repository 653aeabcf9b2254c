"""The text-mode flatteners on small inline pages."""

from __future__ import annotations

import pytest

from benchmarks.flatten import flatten, inner_text, seed_dump, wet_text, wrap_html

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Page title</title>
<meta property="og:title" content="OG title"><meta name="description" content="A  description.">
<meta name="viewport" content="width=device-width">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Headline",
 "wordCount": 42, "isFree": true, "author": [{"name": "Ann Author"}], "image": null}</script>
<script type="application/ld+json">{broken</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<h1>Big   headline</h1><p>First <b>bold</b> words<br>after break</p><p>Second paragraph.</p>
<div hidden>Hidden text</div><span style="display:none">Invisible</span>
<pre>line one
line two</pre><table><tr><td>cell a</td><td>cell b</td></tr></table>
<script>var tracking = 1;</script><footer>Footer links</footer></body></html>"""


def test_seed_dump_header_then_blocks() -> None:
    """JSON-LD leaves depth-first, then meta contents, a blank line, then one visible block per line."""
    assert seed_dump(PAGE).split("\n") == [
        "NewsArticle", "Headline", "42", "true", "Ann Author",
        "OG title", "A description.",
        "",
        "Home About", "Big headline", "First bold words", "after break", "Second paragraph.",
        "line one", "line two", "cell a cell b", "Footer links",
    ]  # fmt: skip


def test_seed_dump_without_structured_data_has_no_blank_header() -> None:
    """No JSON-LD and no meta: just the visible lines."""
    assert seed_dump("<p>Only text</p>") == "Only text"


def test_inner_text_blocks_and_paragraph_gaps() -> None:
    """Blocks on their own lines, a blank line around each <p>; script, style and hidden dropped."""
    text = inner_text(PAGE)
    assert text.split("\n") == [
        "Home About", "Big headline", "", "First bold words", "after break", "", "Second paragraph.", "",
        "line one", "line two", "cell a cell b", "Footer links",
    ]  # fmt: skip
    for gone in ("Hidden text", "Invisible", "tracking", "color: red", "Page title", "OG title"):
        assert gone not in text


def test_wet_text_every_text_node_on_its_line() -> None:
    """Every text node, whitespace-collapsed, nav/footer/hidden kept, script and style dropped."""
    lines = wet_text(PAGE).split("\n")
    assert lines[:4] == ["Page title", "Home", "About", "Big headline"]
    assert lines[4:8] == ["First", "bold", "words", "after break"]
    assert "Hidden text" in lines and "Invisible" in lines and "Footer links" in lines
    assert not any("tracking" in line or "color" in line for line in lines)


def test_flatten_dispatches_and_accepts_bytes() -> None:
    """flatten(style) is the matching function; bytes are read as UTF-8."""
    raw = PAGE.encode("utf-8")
    assert flatten(raw, "a") == seed_dump(PAGE)
    assert flatten(raw, "b") == inner_text(PAGE)
    assert flatten(raw, "c") == wet_text(PAGE)
    with pytest.raises(ValueError):
        flatten(PAGE, "z")  # type: ignore[arg-type]


def test_wrap_html_escapes_each_line_into_a_paragraph() -> None:
    """Each non-empty line becomes one escaped <p>; blank lines vanish; the text round-trips."""
    html = wrap_html("a < b & c\n\n  \nsecond")
    assert "<p>a &lt; b &amp; c</p>" in html and "<p>second</p>" in html
    assert html.count("<p>") == 2
    assert inner_text(html) == "a < b & c\n\nsecond"


def test_deep_nesting_does_not_recurse() -> None:
    """A pathologically deep tree flattens without hitting the recursion limit."""
    page = "<div>" * 3000 + "deep" + "</div>" * 3000
    assert inner_text(page) == "deep"
    assert wet_text(page) == "deep"
