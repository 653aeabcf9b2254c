"""Output formats from the kept blocks: Markdown and HTML goldens, each construct, escaping, JSON, options.

Golden cases live in tests/golden/<case>/ (source.html or source.txt, expected.md,
expected.html). A missing expected file fails; to rewrite them after a reviewed
change, run with BOILERSTRIP_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import render
from boilerstrip.model import Block, Label, Verdict

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())
UPDATE = os.environ.get("BOILERSTRIP_UPDATE_GOLDEN") == "1"


def source_of(case: Path) -> bytes:
    (src,) = [p for p in (case / "source.html", case / "source.txt") if p.exists()]
    return src.read_bytes()


#: expected-file infix -> the options it is rendered with
VARIANTS: dict[str, dict[str, bool]] = {
    "": {},
    ".links-images": {"include_links": True, "include_images": True},
}


@pytest.mark.parametrize(("case", "suffix"), [(c, v + s) for c in CASES for v in VARIANTS for s in (".md", ".html")],
                         ids=lambda x: x.name if isinstance(x, Path) else x)  # fmt: skip
def test_golden_formats(case: Path, suffix: str) -> None:
    """Markdown and HTML of each golden page, with the default options and with links and images, equal
    its expected files exactly. A page whose links and images change nothing kept has no variant file:
    its variant must then equal the default file."""
    r = boilerstrip.extract(source_of(case))
    variant, ext = (
        (suffix.rsplit(".", 1)[0], suffix.rsplit(".", 1)[1]) if suffix.count(".") > 1 else ("", suffix[1:])
    )
    options = VARIANTS[variant]
    got = (r.to_markdown(**options) if ext == "md" else r.to_html(**options)) + "\n"
    expected = case / f"expected{suffix}"
    default = case / f"expected.{ext}"
    if UPDATE:
        if variant and default.exists() and got == default.read_text(encoding="utf-8"):
            expected.unlink(missing_ok=True)
        else:
            expected.write_text(got, encoding="utf-8")
    if variant and not expected.exists():
        expected = default
    assert expected.exists(), f"{expected} is missing (BOILERSTRIP_UPDATE_GOLDEN=1 writes it)"
    assert got == expected.read_text(encoding="utf-8")


def test_golden_markdown_has_every_construct() -> None:
    """The HTML golden exercises headings, nested lists, a table, fenced code with a language and a quote."""
    md = (GOLDEN / "docs--install-guide" / "expected.md").read_text(encoding="utf-8")
    assert not md.startswith("# Installing")  # the h1 is the page title: metadata, not body
    for needle in ("## Before", "### Supported", "\n  - PostgreSQL", "\n   1. download",
                   "| --- |", "```bash\n", "> Tide predictions", ">\n> Check"):  # fmt: skip
        assert needle in md
    for boilerplate in ("Community", "cookies", "helpful", "Privacy"):
        assert boilerplate not in md


def test_golden_markdown_has_inline_markup_and_optional_links_and_images() -> None:
    """The blog golden has emphasis and code always; links and images only in its links-images variant;
    script links stay text; headings keep no emphasis in Markdown but do in HTML."""
    case = GOLDEN / "blog--inline-markup"
    md = (case / "expected.md").read_text(encoding="utf-8")
    full = (case / "expected.links-images.md").read_text(encoding="utf-8")
    html = (case / "expected.links-images.html").read_text(encoding="utf-8")
    for needle in ("**slow it down**", "*wake it gently*", "`height_mm`", "```python\n", "| --- |",
                   "\n   - 100 g of **whole rye** flour", "> A starter that smells of *nail varnish*"):  # fmt: skip
        assert needle in md and needle in full
    assert "[" not in md.replace("\\[", "") and "](" not in md
    assert "[notes on hydration](https://crumb.example/notes/hydration)" in full
    assert "[miller's revival guide](https://flour.example/guides/revival)" in full
    assert "![A jar of bubbly starter](https://crumb.example/img/starter-jar.jpg) A starter two hours" in full
    assert "show the chart" in full and "javascript" not in full
    assert "# Keeping a sourdough starter alive on holiday\n" in full and "## How long it keeps\n" in full
    assert "<h2>How long it <em>keeps</em></h2>" in html and '<img src="https://crumb.example/img/' in html
    for boilerplate in ("Recipes", "More notes", "Share", "cookie", "rights reserved"):
        assert boilerplate not in full


def v(i: int, text: str, role: str = "paragraph", label: Label = "content", **kw: object) -> Verdict:
    return Verdict(Block(index=i, text=text, role=role, **kw), label, label, 1.0)  # type: ignore[arg-type]


def items(*specs: tuple[str, int, str]) -> list[Verdict]:
    """List items as HTML segmentation makes them: (text, depth, list tag), sharing one outer list."""
    out = []
    for i, (text, depth, tag) in enumerate(specs):
        path = "body>" + ">".join(["ul>li"] * (depth - 1) + [f"{tag}>li"])
        n = len(path.split(">"))
        out.append(
            v(
                i,
                text,
                "item",
                level=depth,
                path=path,
                containers=tuple([1, 2, *range(100 + i * 10, 100 + i * 10 + n - 2)]),
            )
        )
    return out


def test_markdown_headings_by_level() -> None:
    """Headings get # times their level; a heading without a level is level 2; levels stop at 6."""
    out = render.markdown([v(0, "A", "heading", level=1), v(1, "B", "heading", level=3),
                           v(2, "C", "heading", level=0), v(3, "D", "heading", level=9)])  # fmt: skip
    assert out == "# A\n\n### B\n\n## C\n\n###### D"


def test_markdown_paragraphs_and_dropped_blocks() -> None:
    """Paragraphs are a blank line apart; boilerplate is left out."""
    out = render.markdown([v(0, "One."), v(1, "Menu", label="boilerplate"), v(2, "Two.")])
    assert out == "One.\n\nTwo."


def test_markdown_nested_lists_indent_under_their_parent() -> None:
    """Bullets indent two spaces under '- ', numbered items under 'N. ', and ordered lists count per parent."""
    out = render.markdown(
        items(("a", 1, "ul"), ("b", 2, "ol"), ("c", 2, "ol"), ("d", 3, "ul"), ("e", 1, "ul"))
    )
    assert out == "- a\n  1. b\n  2. c\n     - d\n- e"


def test_markdown_list_depth_never_jumps() -> None:
    """An item two levels deeper than the previous one (its parent dropped) nests one level only."""
    out = render.markdown(items(("a", 1, "ul"), ("deep", 3, "ul")))
    assert out == "- a\n  - deep"


def test_markdown_separate_lists_stay_separate() -> None:
    """Items of two different lists are two lists, a blank line apart."""
    a = v(0, "a", "item", level=1, path="body>ul>li", containers=(1, 2, 3))
    b = v(1, "b", "item", level=1, path="body>ul>li", containers=(1, 4, 5))
    assert render.markdown([a, b]) == "- a\n\n- b"


def test_markdown_table_first_row_is_header() -> None:
    """Consecutive rows make one GFM table; short rows are padded; pipes in cells are escaped."""
    rows = [
        v(0, "Name | Value", "row", cells=("Name", "Value"), path="body>table>tr", containers=(1, 2, 3)),
        v(1, "a | 1|2", "row", cells=("a", "1|2"), path="body>table>tr", containers=(1, 2, 4)),
        v(2, "b", "row", cells=("b",), path="body>table>tr", containers=(1, 2, 5)),
    ]
    assert render.markdown(rows) == "| Name | Value |\n| --- | --- |\n| a | 1\\|2 |\n| b |  |"


def test_markdown_two_tables_are_two_tables() -> None:
    """Rows of different tables do not merge."""
    a = v(0, "x", "row", cells=("x",), path="body>table>tr", containers=(1, 2, 3))
    b = v(1, "y", "row", cells=("y",), path="body>table>tr", containers=(1, 4, 5))
    assert render.markdown([a, b]) == "| x |\n| --- |\n\n| y |\n| --- |"


def test_markdown_code_is_fenced_with_its_language_and_not_escaped() -> None:
    """Code keeps its text verbatim inside a fence with the declared language."""
    out = render.markdown(
        [v(0, "a = b * c  # *not* emphasis", "code", lang="python", path="body>pre", containers=(1, 2))]
    )
    assert out == "```python\na = b * c  # *not* emphasis\n```"


def test_markdown_code_fence_outgrows_backticks_inside() -> None:
    """A fence is longer than any run of backticks in the code."""
    out = render.markdown([v(0, "echo ```", "code")])
    assert out == "````\necho ```\n````"


def test_markdown_dump_code_lines_are_one_block() -> None:
    """Consecutive code lines of a dump make one fenced block; a blank line inside is kept."""
    out = render.markdown(
        [v(0, "x = 1", "code"), v(1, "y = 2", "code"), v(2, "z = 3", "code", after_gap=True)]
    )
    assert out == "```\nx = 1\ny = 2\n\nz = 3\n```"


def test_markdown_dump_items_split_at_a_blank_line() -> None:
    """Dump items after a blank line start a new list; dump rows likewise a new table."""
    out = render.markdown([v(0, "a", "item"), v(1, "b", "item"), v(2, "c", "item", after_gap=True)])
    assert out == "- a\n- b\n\n- c"


def test_markdown_quote_paragraphs_share_one_blockquote() -> None:
    """Paragraphs of one blockquote stay in one quote, separated by an empty quoted line."""
    q = [v(0, "One.", "quote", path="body>blockquote>p", containers=(1, 2, 3)),
         v(1, "Two.", "quote", path="body>blockquote>p", containers=(1, 2, 4))]  # fmt: skip
    assert render.markdown(q) == "> One.\n>\n> Two."


@pytest.mark.parametrize(
    ("text", "md"),
    [
        ("# of votes counted", "\\# of votes counted"),
        ("- not a bullet", "\\- not a bullet"),
        ("+ plus", "\\+ plus"),
        ("1. not a list", "1\\. not a list"),
        ("2024) a year", "2024\\) a year"),
        ("> not a quote", "\\> not a quote"),
        ("---", "\\---"),
        ("3*4 and *stars*", "3\\*4 and \\*stars\\*"),
        ("snake_case stays, _edge_ goes", "snake_case stays, \\_edge\\_ goes"),
        ("__init__", "\\_\\_init\\_\\_"),
        ("a `tick` and [link](x)", "a \\`tick\\` and \\[link](x)"),
        ("<b>tag</b> and 1 < 2", "\\<b>tag\\</b> and 1 < 2"),
        ("&amp; stays &", "\\&amp; stays &"),
        ("back\\slash ~~strike~~", "back\\\\slash \\~\\~strike\\~\\~"),
        ("plain words, 5 - 3 = 2", "plain words, 5 - 3 = 2"),
    ],
)
def test_markdown_escapes_what_would_become_markup(text: str, md: str) -> None:
    """Text that Markdown would read as markup is escaped; ordinary text is left alone."""
    assert render.markdown([v(0, text)]) == md


def test_markdown_heading_trailing_hashes_are_escaped() -> None:
    """A heading ending in ' #' keeps its hash (it would be a closing sequence)."""
    assert render.markdown([v(0, "Issue #", "heading", level=2)]) == "## Issue \\#"


def test_include_tables_false_drops_rows_and_table_captions() -> None:
    """include_tables=False leaves out rows and table captions in text, Markdown and HTML; figure captions stay."""
    blocks = [
        v(0, "Intro."),
        v(1, "Prices", "caption", path="body>table>caption", containers=(1, 2, 3)),
        v(2, "a | 1", "row", cells=("a", "1"), path="body>table>tr", containers=(1, 2, 4)),
        v(3, "A photo.", "caption", path="body>figure>figcaption", containers=(1, 5, 6)),
    ]
    assert render.text(blocks, include_tables=False) == "Intro.\n\nA photo."
    assert render.markdown(blocks, include_tables=False) == "Intro.\n\nA photo."
    assert render.html(blocks, include_tables=False) == "<p>Intro.</p>\n<p>A photo.</p>"
    assert "| a | 1 |" in render.markdown(blocks)


def test_html_nests_lists_inside_items() -> None:
    """Nested lists open inside their parent <li> and close in order."""
    out = render.html(items(("a", 1, "ul"), ("b", 2, "ol"), ("c", 1, "ul")))
    assert out == "<ul><li>a<ol><li>b</li></ol></li><li>c</li></ul>"


def test_html_escapes_text_and_renders_each_role() -> None:
    """Text is escaped; headings, code with language, quotes and tables become their elements."""
    out = render.html([
        v(0, "Fish & <chips>", "heading", level=2),
        v(1, "if a < b:", "code", lang="python", path="body>pre", containers=(1, 2)),
        v(2, "Said.", "quote", path="body>blockquote>p", containers=(1, 3, 4)),
        v(3, "h", "row", cells=("h",), path="body>table>tr", containers=(1, 5, 6)),
        v(4, "d", "row", cells=("d",), path="body>table>tr", containers=(1, 5, 7)),
    ])  # fmt: skip
    assert out.split("\n") == [
        "<h2>Fish &amp; &lt;chips&gt;</h2>",
        '<pre><code class="language-python">if a &lt; b:</code></pre>',
        "<blockquote><p>Said.</p></blockquote>",
        "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>",
    ]


def test_html_document_has_title_language_and_canonical() -> None:
    """to_html(document=True) is a whole page with charset, title, language and canonical URL."""
    r = boilerstrip.extract("<html lang='de'><head><title>A & B</title></head><body><p>Ein Satz mit genug "
                            "Wörtern, damit er als Inhalt gilt, und noch ein paar mehr dazu.</p></body></html>",
                            url="https://example.com/a")  # fmt: skip
    page = r.to_html(document=True)
    assert page.startswith('<!DOCTYPE html>\n<html lang="de">')
    assert "<title>A &amp; B</title>" in page and 'href="https://example.com/a"' in page
    assert "<article>\n<p>Ein Satz" in page and page.endswith("</html>")


def test_to_text_is_result_text() -> None:
    """Result.to_text() is exactly Result.text for every golden page; without tables it drops rows only."""
    for case in CASES:
        r = boilerstrip.extract(source_of(case))
        assert r.to_text() == r.text == render.text(r.blocks)
        assert len(r.to_text(include_tables=False)) < len(r.text)


def test_json_has_text_metadata_and_optional_blocks() -> None:
    """to_json carries text and metadata; with blocks, every block's role, level, label and signals."""
    r = boilerstrip.extract(source_of(GOLDEN / "docs--install-guide"))
    data = json.loads(r.to_json())
    assert data["text"] == r.text and data["title"] == r.title and "blocks" not in data
    full = json.loads(r.to_json(blocks=True, include_tables=False))
    assert "Debian 12" not in full["text"]
    assert len(full["blocks"]) == len(r.blocks)
    first = full["blocks"][0]
    assert {"index", "text", "role", "level", "label", "first_label", "score", "signals"} <= set(first)
    assert all({"rule", "weight", "evidence"} == set(s) for b in full["blocks"] for s in b["signals"])


def test_result_methods_match_render() -> None:
    """Result.to_markdown/to_html are render.markdown/html over the result's verdicts."""
    r = boilerstrip.extract(source_of(GOLDEN / "dump--release-notes"))
    assert r.to_markdown() == render.markdown(r.blocks)
    assert r.to_html() == render.html(r.blocks)
    assert r.to_markdown(include_tables=False) == render.markdown(r.blocks, include_tables=False)


def spans(
    i: int, text: str, *marks: tuple[str, str, str, str], role: str = "paragraph", **kw: object
) -> Verdict:
    """A block whose spans cover the first occurrence of each mark's text: (text, kind, target, alt)."""
    found = []
    for part, kind, target, alt in marks:
        start = text.index(part)
        found.append((start, start if kind == "image" else start + len(part), kind, target, alt))
    found.sort(key=lambda sp: (sp[0], -sp[1]))
    return v(i, text, role, spans=tuple(found), **kw)


def test_markdown_emphasis_and_code_always_links_and_images_when_asked() -> None:
    """strong, em and code render by default; links and images only with include_links/include_images."""
    b = spans(0, "Say hello to the docs now", ("hello", "strong", "", ""), ("to", "em", "", ""),
              ("the docs", "link", "/d", ""), ("now", "code", "", ""), ("Say", "image", "/i.png", "Wave"))  # fmt: skip
    assert render.markdown([b]) == "Say **hello** *to* the docs `now`"
    assert render.markdown([b], include_links=True) == "Say **hello** *to* [the docs](/d) `now`"
    assert render.markdown([b], include_images=True) == "![Wave](/i.png) Say **hello** *to* the docs `now`"


def test_markdown_spans_nest_and_text_around_them_stays_escaped() -> None:
    """A link around emphasis nests; '*' in the text stays escaped, ']' in link text and alt too."""
    b = spans(0, "a*b [x] see *it* here", ("see *it*", "link", "/p", ""), ("*it*", "em", "", ""))
    assert render.markdown([b], include_links=True) == "a\\*b \\[x] [see *\\*it\\**](/p) here"


def test_markdown_link_targets_resolve_and_are_encoded() -> None:
    """Relative targets resolve against base_url; spaces and parentheses are percent-encoded."""
    b = spans(0, "one two", ("one", "link", "../a b (1).html", ""), ("two", "link", "#top", ""))
    out = render.markdown([b], include_links=True, base_url="https://example.com/x/y/")
    assert out == "[one](https://example.com/x/a%20b%20%281%29.html) [two](https://example.com/x/y/#top)"
    assert render.markdown([b], include_links=True) == "[one](../a%20b%20%281%29.html) [two](#top)"


def test_script_and_empty_links_stay_text() -> None:
    """javascript: and bare '#' links are not followable: their text is rendered without a link."""
    b = spans(0, "run jump", ("run", "link", " JavaScript:go()", ""), ("jump", "link", "#", ""))
    assert render.markdown([b], include_links=True) == "run jump"
    assert render.html([b], include_links=True) == "<p>run jump</p>"


def test_markdown_code_span_is_verbatim_and_fenced_past_its_backticks() -> None:
    """A code span's text is not escaped, spans inside it are dropped, and its fence outgrows its backticks."""
    b = spans(0, "use a`*b*` now", ("a`*b*`", "code", "", ""), ("*b*", "em", "", ""))
    assert render.markdown([b]) == "use `` a`*b*` `` now"


def test_markdown_same_kind_inside_itself_is_dropped() -> None:
    """<b><strong>x</strong></b> is one strong span, not '****x****'."""
    b = spans(0, "very bold", ("very bold", "strong", "", ""), ("bold", "strong", "", ""))
    assert render.markdown([b]) == "**very bold**"


def test_markdown_headings_have_no_emphasis_but_links_and_lists_have_spans() -> None:
    """A heading drops emphasis (noise there) but keeps a link; list items and quotes keep both."""
    h = spans(
        0, "Big news today", ("Big", "strong", "", ""), ("news", "link", "/n", ""), role="heading", level=2
    )
    li = spans(
        1, "an item", ("item", "em", "", ""), role="item", level=1, path="body>ul>li", containers=(1, 2, 3)
    )
    q = spans(2, "quoted words", ("quoted", "strong", "", ""), role="quote", path="body>blockquote>p",
              containers=(1, 4, 5))  # fmt: skip
    assert (
        render.markdown([h, li, q], include_links=True)
        == "## Big [news](/n) today\n\n- an *item*\n\n> **quoted** words"
    )


def test_markdown_line_start_escape_still_applies_with_spans() -> None:
    """A paragraph starting like a list item stays a paragraph when it has spans."""
    b = spans(0, "1. first of all", ("first", "em", "", ""))
    assert render.markdown([b]) == "1\\. *first* of all"


def test_html_inline_elements_and_attributes_are_escaped() -> None:
    """HTML renders spans as elements; attribute values and text are escaped; links and images on request."""
    b = spans(0, "a <b> link and x", ("<b>", "code", "", ""), ("link", "link", '/q?a="1"&b', ""),
              ("x", "strong", "", ""), ("a", "image", "/i.png", 'say "hi"'))  # fmt: skip
    assert render.html([b]) == "<p>a <code>&lt;b&gt;</code> link and <strong>x</strong></p>"
    assert render.html([b], include_links=True, include_images=True) == (
        '<p><img src="/i.png" alt="say &quot;hi&quot;"> a <code>&lt;b&gt;</code> '
        '<a href="/q?a=&quot;1&quot;&amp;b">link</a> and <strong>x</strong></p>'
    )


def test_spans_never_change_plain_text() -> None:
    """render.text ignores spans: the text of a block with spans is the text of the block without them."""
    b = spans(0, "Say hello to the docs", ("hello", "strong", "", ""), ("the docs", "link", "/d", ""))
    assert render.text([b]) == render.text([v(0, "Say hello to the docs")]) == "Say hello to the docs"


def test_json_blocks_carry_their_spans() -> None:
    """to_json(blocks=True) lists each block's spans with start, end, kind, target and alt."""
    r = boilerstrip.extract(source_of(GOLDEN / "blog--inline-markup"))
    data = json.loads(r.to_json(blocks=True))
    marked = [
        (b["text"][s["start"] : s["end"]], s["kind"], s["target"]) for b in data["blocks"] for s in b["spans"]
    ]
    assert ("notes on hydration", "link", "/notes/hydration") in marked
    assert ("slow it down", "strong", "") in marked
    assert any(kind == "image" and target == "/img/starter-jar.jpg" for _, kind, target in marked)
    assert "spans" not in json.loads(r.to_json())
