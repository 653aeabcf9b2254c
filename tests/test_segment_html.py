"""HTML segmentation: roles, levels, tables, code, hidden and skipped elements, links, landmarks, attrs."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from boilerstrip.model import Block
from boilerstrip.segment.html import segment_html, segment_html_streamed


def seg(html: str, answers: bool = True) -> list[Block]:
    return segment_html(LexborHTMLParser(html), answers=answers)


def texts(html: str, answers: bool = True) -> list[str]:
    return [b.text for b in seg(html, answers)]


def test_headings_have_their_levels() -> None:
    """h1-h6 become heading blocks with level 1-6."""
    blocks = seg("".join(f"<h{n}>Heading {n}</h{n}>" for n in range(1, 7)))
    assert [(b.role, b.level, b.text) for b in blocks] == [
        ("heading", n, f"Heading {n}") for n in range(1, 7)
    ]


def test_list_items_carry_nesting_depth() -> None:
    """List items are items whose level is their list nesting depth."""
    blocks = seg("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>")
    assert [(b.text, b.role, b.level) for b in blocks] == [
        ("a", "item", 1),
        ("b", "item", 2),
        ("c", "item", 3),
        ("d", "item", 1),
    ]


def test_paragraph_has_level_zero_and_tag() -> None:
    """A plain paragraph has role paragraph, its tag and level 0."""
    (b,) = seg("<p>Hello there.</p>")
    assert (b.role, b.tag, b.level, b.path) == ("paragraph", "p", 0, "body>p")


def test_data_table_rows_become_rows_with_cells() -> None:
    """Each row of a data table is one "row" block holding its cells."""
    blocks = seg(
        "<table><thead><tr><th>Name</th><th>Age</th></tr></thead>"
        "<tbody><tr><td>Ann</td><td>31</td></tr><tr><td>Bob</td><td></td></tr></tbody></table>"
    )
    assert [b.role for b in blocks] == ["row", "row", "row"]
    assert [b.cells for b in blocks] == [("Name", "Age"), ("Ann", "31"), ("Bob", "")]
    assert blocks[1].text == "Ann | 31"


def test_layout_table_cells_are_segmented_as_normal_blocks() -> None:
    """A table whose cells hold <p>/<div> is layout: its contents become ordinary blocks."""
    blocks = seg(
        "<table><tr><td><p>First paragraph.</p><div>Second box.</div></td>"
        "<td><p>Third paragraph.</p></td></tr></table>"
    )
    assert [(b.text, b.role) for b in blocks] == [
        ("First paragraph.", "paragraph"),
        ("Second box.", "paragraph"),
        ("Third paragraph.", "paragraph"),
    ]
    assert all(not b.cells for b in blocks)


def test_infobox_with_a_div_in_one_cell_stays_a_data_table() -> None:
    """A table of label | value rows whose image cell wraps its caption in a <div> is still data: its
    rows stay rows (the caption, a block inside a cell, is a block of its own)."""
    rows = "".join(f"<tr><th>Label {n}</th><td>value {n}</td></tr>" for n in range(6))
    blocks = seg(f'<table><tr><td colspan="2"><img src="a.jpg"><div>River at the bridge</div></td></tr>{rows}</table>')
    assert [b.role for b in blocks] == ["paragraph"] + ["row"] * 6
    assert blocks[1].cells == ("Label 0", "value 0")


def test_a_table_whose_cells_each_wrap_one_paragraph_is_a_data_table() -> None:
    """Docs generators (Sphinx) print every cell's text in one <p>: the rows are still rows of cells."""
    blocks = seg(
        "<table><thead><tr><th><p>Function</p></th><th><p>Result</p></th></tr></thead><tbody>"
        "<tr><td><p><a href='#chain'><code>chain()</code></a></p></td><td><p>one iterable after another</p></td></tr>"
        "<tr><td><p><code>count()</code></p></td><td><p>start, start+step, ...</p></td></tr></tbody></table>"
    )
    assert [b.role for b in blocks] == ["row", "row", "row"]
    assert [b.cells for b in blocks] == [
        ("Function", "Result"), ("chain()", "one iterable after another"), ("count()", "start, start+step, ...")
    ]


def test_a_cell_of_two_paragraphs_keeps_the_table_layout() -> None:
    """Only one <p> per cell reads as the cell's text: a cell of two paragraphs is a column of prose."""
    blocks = seg("<table><tr><td><p>First paragraph.</p><p>Second paragraph.</p></td><td><p>Side.</p></td></tr></table>")
    assert [(b.text, b.role) for b in blocks] == [
        ("First paragraph.", "paragraph"), ("Second paragraph.", "paragraph"), ("Side.", "paragraph")
    ]


def test_a_table_of_few_rows_with_a_block_in_a_cell_is_layout() -> None:
    """Under DATA_MIN_ROWS rows, one cell holding a block makes the table layout, as before."""
    blocks = seg("<table><tr><td><div>Menu</div></td><td>Welcome to our page.</td></tr><tr><td>a</td><td>b</td></tr></table>")
    assert all(b.role != "row" for b in blocks)


def test_a_table_nesting_a_table_is_layout_however_many_rows() -> None:
    """A cell holding a table makes the outer table layout even when most rows are plain."""
    rows = "".join(f"<tr><td>Cell {n}</td><td>more {n}</td></tr>" for n in range(6))
    blocks = seg(f"<table><tr><td><table><tr><td>Inner</td></tr></table></td></tr>{rows}</table>")
    assert "row" not in {b.role for b in blocks[:1]}
    assert blocks[0].text == "Inner" and not blocks[0].cells


@pytest.mark.parametrize(
    "chrome",
    [
        '<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="?action=edit">edit</a>'
        '<span class="mw-editsection-bracket">]</span></span>',
        '<a class="headerlink" href="#history" title="Permanent link">\u00b6</a>',
        '<a class="header-anchor" href="#history">#</a>',
    ],
)
def test_heading_permalinks_and_edit_links_are_left_out(chrome: str) -> None:
    """Wiki and docs software's edit-section links and permalinks inside a heading are not its text."""
    (b,) = seg(f'<h2><span class="mw-headline" id="history">History</span>{chrome}</h2>')
    assert b.text == "History"


def test_citation_markers_are_left_out_of_the_sentence() -> None:
    """A MediaWiki footnote marker (<sup class="reference">) is not part of the paragraph's text."""
    (b,) = seg('<p>The mill worked until 1968<sup id="cite_ref-3" class="reference"><a href="#cite_note-3">[3]</a></sup>.</p>')
    assert b.text == "The mill worked until 1968."


def test_a_plain_sup_stays() -> None:
    """A superscript without the citation class (an exponent, an ordinal) stays in the text."""
    (b,) = seg("<p>The area is 312 km<sup>2</sup>.</p>")
    assert b.text == "The area is 312 km2."


def test_table_caption_is_a_caption() -> None:
    """A table's caption is a caption block before its rows."""
    blocks = seg("<table><caption>Prices</caption><tr><td>1</td><td>2</td></tr></table>")
    assert [(b.text, b.role) for b in blocks] == [("Prices", "caption"), ("1 | 2", "row")]


def test_cell_containing_a_pipe_stays_one_cell() -> None:
    """A data cell whose text contains ' | ' is still one cell."""
    (b,) = seg("<table><tr><td>a | b</td><td>c</td></tr></table>")
    assert b.cells == ("a | b", "c")


def test_cells_agree_with_row_text() -> None:
    """A row's text is its cells joined by ' | ', inline markup included."""
    (b,) = seg("<table><tr><td>Ann<b>Lee</b></td><td>x</td></tr></table>")
    assert b.text == " | ".join(b.cells)


def test_pre_keeps_newlines_and_language() -> None:
    """<pre> keeps its inner newlines and indentation, and class="language-x" gives lang."""
    (b,) = seg('<pre class="language-python">def f():\n    return 1\n</pre>')
    assert b.role == "code"
    assert b.text == "def f():\n    return 1"
    assert b.lang == "python"


def test_pre_highlight_source_class_gives_language() -> None:
    """GitHub's highlight-source-x class on <pre> gives lang too."""
    (b,) = seg('<div><pre class="highlight-source-js"><span>let a;</span>\n<span>let b;</span></pre></div>')
    assert (b.text, b.lang) == ("let a;\nlet b;", "js")


def test_code_inside_pre_gives_language() -> None:
    """<pre><code class="language-rust"> gives lang "rust"."""
    (b,) = seg('<pre><code class="language-rust">fn main() {}</code></pre>')
    assert b.role == "code"
    assert b.lang == "rust"


@pytest.mark.parametrize(
    "hidden",
    [
        "<p hidden>secret</p>",
        '<p aria-hidden="true">secret</p>',
        '<p style="display: none">secret</p>',
        '<div style="color:red; DISPLAY:NONE !important"><p>secret</p></div>',
        '<div style="visibility:hidden">secret</div>',
        "<span hidden>secret</span>",
    ],
)
def test_hidden_elements_are_skipped(hidden: str) -> None:
    """Elements hidden by attribute, aria-hidden or inline style give no text."""
    out = texts(f"<p>before</p>{hidden}<p>after</p>")
    assert out == ["before", "after"]


@pytest.mark.parametrize(
    ("cls", "shown"),
    [("d-none", False), ("badge d-none", False), ("d-none d-md-block", True), ("d-none lg:flex", True),
     ("d-md-none", True), ("tab-pane d-none", True)],
)
def test_a_frameworks_hiding_class_hides_at_every_width_only(cls: str, shown: bool) -> None:
    """Bootstrap's .d-none hides an element; with a token that shows it from some width up (.d-md-block,
    Tailwind's lg:flex) it is on screen on a desktop. .d-md-none alone hides nothing on a phone's width and
    is left alone; a tab pane stays an inactive tab."""
    out = texts(f'<p>before</p><div class="{cls}"><p>Sold out</p></div><p>after</p>')
    assert out == (["before", "Sold out", "after"] if shown else ["before", "after"])


@pytest.mark.parametrize("panel", ['<div role="tabpanel" hidden>', '<div role="tabpanel" style="display:none">'])
def test_inactive_tab_panels_are_shown(panel: str) -> None:
    """An inactive tab panel (the example in another language) is hidden only until its tab is clicked."""
    html = (
        '<div role="tablist"><button role="tab">curl</button><button role="tab">Python</button></div>'
        f'<div role="tabpanel"><pre>curl -X POST /v2/payouts</pre></div>{panel}<pre>client.payouts.create()</pre></div>'
    )
    assert texts(html)[-2:] == ["curl -X POST /v2/payouts", "client.payouts.create()"]


@pytest.mark.parametrize("panel", ['<div class="tab-pane fade" style="display:none">', '<div class="tabs-panel" hidden>'])
def test_inactive_tab_panes_marked_by_class_are_shown(panel: str) -> None:
    """A CSS framework's tab pane (Bootstrap's .tab-pane) without role="tabpanel" is an inactive tab too; a
    hidden element whose class only mentions tabs stays hidden."""
    html = (
        '<ul class="nav-tabs"><li>Overview</li><li>Specifications</li></ul><div class="tab-content">'
        f'<div class="tab-pane active"><p>A quiet fan.</p></div>{panel}<p>Core clock: 732 MHz</p></div></div>'
    )
    assert texts(html)[-2:] == ["A quiet fan.", "Core clock: 732 MHz"]
    assert texts('<div class="tab-panel-title" hidden><p>Specs</p></div><p>after</p>') == ["after"]


def test_a_carousels_off_screen_slides_are_shown_and_its_loop_copies_hidden() -> None:
    """A carousel's script marks each slide but the one on screen aria-hidden: the others are one swipe
    away. The copies it adds at each end to loop stay hidden, as does aria-hidden on anything else."""
    html = (
        '<div class="slick-track"><div class="slick-slide slick-cloned" aria-hidden="true"><p>Quote two.</p></div>'
        '<div class="slick-slide slick-current"><p>Quote one.</p></div>'
        '<div class="slick-slide" aria-hidden="true"><p>Quote two.</p></div></div>'
        '<div class="swiper-slide swiper-slide-duplicate" aria-hidden="true"><p>Copy.</p></div>'
        '<div class="banner" aria-hidden="true"><p>Decoration</p></div><p>after</p>'
    )
    assert texts(html) == ["Quote one.", "Quote two.", "after"]


@pytest.mark.parametrize(
    "panel",
    [
        '<div id="a1" role="region" aria-labelledby="h1" hidden>',
        '<div id="a1" role="region" aria-labelledby="h1" style="display:none">',
        '<div id="a1" role="region" aria-labelledby="h1" aria-hidden="true">',
        '<div id="a1" hidden="until-found">',
    ],
)
def test_closed_accordion_panels_are_shown(panel: str) -> None:
    """A closed accordion panel (a region labelled by its header button) is one click away, like a tab."""
    html = (
        '<h3><button id="h1" aria-expanded="false" aria-controls="a1">How long does delivery take?</button></h3>'
        f"{panel}<p>Parcels leave the workshop within two working days.</p></div>"
    )
    assert texts(html) == ["How long does delivery take?", "Parcels leave the workshop within two working days."]


def test_closed_accordion_sections_are_shown() -> None:
    """A <section> labelled by its header is a region by its tag: closed (aria-hidden, inert), it is an
    accordion panel too; a hidden section that no header labels stays hidden."""
    html = (
        '<h3><button id="h2" aria-expanded="false" aria-controls="p2">Workforce planning</button></h3>'
        '<section id="p2" aria-labelledby="h2" aria-hidden="true" inert><p>Schedules follow your ticket volume.</p>'
        "</section>"
    )
    assert texts(html) == ["Workforce planning", "Schedules follow your ticket volume."]
    assert texts('<p>one</p><section aria-hidden="true"><p>Sign up for our newsletter</p></section>') == ["one"]


def test_hidden_regions_without_a_header_stay_hidden() -> None:
    """A hidden region that names itself (a banner, a mega-menu panel) is not an accordion: it stays out."""
    html = '<p>one</p><div role="region" aria-label="Site message" hidden><p>Sale ends tonight</p></div>'
    assert texts(html) == ["one"]


def test_a_cards_second_link_kept_from_screen_readers_is_shown() -> None:
    """A link that is aria-hidden and out of the tab order (a card's excerpt linked to its item again, a
    duplicate for screen readers) is on screen: its text is kept; other aria-hidden elements stay out."""
    html = (
        '<h2><a href="/a/1">Ferry returns</a></h2><p><a href="/a/1" aria-hidden="true" tabindex="-1">'
        'The morning crossing is back.</a></p><p><span aria-hidden="true">icon</span>after</p>'
        '<p><a href="/a/2" aria-hidden="true">hidden link</a></p>'
    )
    assert texts(html) == ["Ferry returns", "The morning crossing is back.", "after"]


def test_aria_hidden_false_is_shown() -> None:
    """aria-hidden="false" does not hide."""
    assert texts('<p aria-hidden="false">shown</p>') == ["shown"]


def test_script_style_and_friends_are_skipped() -> None:
    """script, style, noscript, template, svg and form controls give no text."""
    html = (
        "<p>one</p><script>var a = 'x';</script><style>p { color: red }</style>"
        "<noscript>Enable JS</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>"
        "<select><option>opt</option></select><button>Click</button><p>two</p>"
    )
    assert texts(html) == ["one", "two"]


def test_inline_hidden_text_does_not_leak_into_the_paragraph() -> None:
    """A hidden span inside a paragraph is cut out of its text."""
    assert texts("<p>visible <span hidden>secret</span>text</p>") == ["visible text"]


def test_links_and_link_chars_are_counted() -> None:
    """links counts anchors with href; link_chars the characters of text inside links."""
    (b,) = seg('<p>See <a href="/x">this link</a> and <a href="/y">that</a> now.</p>')
    assert b.text == "See this link and that now."
    assert b.links == 2
    assert b.link_chars == len("this link") + len("that")
    assert b.link_density == pytest.approx(13 / len(b.text))


def test_anchor_without_href_is_link_text_but_not_a_link() -> None:
    """An <a> without href counts its characters but not as a link."""
    (b,) = seg("<p><a>name</a> words here</p>")
    assert (b.links, b.link_chars) == (0, 4)


def test_link_counts_do_not_leak_into_the_next_block() -> None:
    """Link counts reset at each block."""
    a, b = seg('<p><a href="/a">all link</a></p><p>no links here</p>')
    assert (a.links, a.link_chars) == (1, 8)
    assert (b.links, b.link_chars) == (0, 0)


def test_landmarks_from_tags() -> None:
    """nav, header, footer, aside, main, article, form and figure ancestors become landmarks."""
    blocks = seg(
        "<header><p>h</p></header><nav><p>n</p></nav><main><article><p>a</p></article></main>"
        "<aside><footer><p>af</p></footer></aside><form><p>f</p></form><figure><figcaption>c</figcaption></figure>"
    )
    got = {b.text: b.landmarks for b in blocks}
    assert got == {
        "h": {"header"},
        "n": {"nav"},
        "a": {"main", "article"},
        "af": {"aside", "footer"},
        "f": {"form"},
        "c": {"figure"},
    }
    assert blocks[-1].role == "caption"


@pytest.mark.parametrize(
    ("role", "landmark"),
    [
        ("navigation", "nav"),
        ("banner", "header"),
        ("contentinfo", "footer"),
        ("complementary", "aside"),
        ("main", "main"),
        ("article", "article"),
        ("search", "form"),
        ("menubar", "menu"),
        ("Navigation", "nav"),
    ],
)
def test_landmarks_from_aria_roles(role: str, landmark: str) -> None:
    """ARIA landmark roles on any element become landmarks."""
    (b,) = seg(f'<div role="{role}"><p>x</p></div>')
    assert b.landmarks == {landmark}


def test_sidebar_id_is_an_aside_landmark() -> None:
    """An element whose id is "sidebar" is the page's complementary landmark, however deep its text;
    ids that only contain the word are not."""
    deep = "".join(f'<div class="w{k}">' for k in range(12)) + "<p>widget text</p>" + "</div>" * 12
    a, b, c = seg(
        f'<div id="Sidebar">{deep}</div><div id="sidebar-toggle"><p>toggle</p></div>'
        '<div id="content-sidebar"><p>story</p></div>'
    )
    assert a.landmarks == {"aside"}
    assert b.landmarks == frozenset() and c.landmarks == frozenset()


def test_sidebar_class_word_is_an_aside_landmark() -> None:
    """A class word "sidebar" or "widget-area" makes the element an aside landmark; "has-sidebar" does not."""
    a, b, c = seg(
        '<div class="col Sidebar"><p>w</p></div><div class="widget-area"><p>x</p></div>'
        '<div class="has-sidebar sidebar-open"><p>story</p></div>'
    )
    assert a.landmarks == {"aside"} and b.landmarks == {"aside"}
    assert c.landmarks == frozenset()


def test_attrs_nearest_first_excluding_html_and_body() -> None:
    """attrs holds id and class of the block and its ancestors, nearest first, lower-cased, not html/body."""
    (b,) = seg(
        '<html class="js"><body id="page" class="home"><div id="Wrap" class="Outer">'
        '<section class="inner"><p class="para lead">x</p></section></div></body></html>'
    )
    assert b.attrs == "para lead inner wrap outer"
    assert "home" not in b.attrs and "page" not in b.attrs and "js" not in b.attrs


def test_containers_nest_outermost_first() -> None:
    """Blocks in one container share its id as a prefix of their containers."""
    a, b, c = seg("<div><p>a</p><p>b</p></div><div><p>c</p></div>")
    assert a.containers[:-1] == b.containers[:-1]
    assert a.containers[-1] != b.containers[-1]
    assert c.containers[1] != a.containers[1]
    assert a.containers[0] == c.containers[0]


def test_br_splits_blocks() -> None:
    """<br> ends a block: each line becomes its own block with the element's role."""
    blocks = seg("<p>line one<br>line two<br/>line three</p><ul><li>x<br>y</li></ul>")
    assert [(b.text, b.role) for b in blocks] == [
        ("line one", "paragraph"),
        ("line two", "paragraph"),
        ("line three", "paragraph"),
        ("x", "item"),
        ("y", "item"),
    ]


def test_whitespace_is_normalised_outside_pre() -> None:
    """Runs of whitespace collapse to one space outside <pre>."""
    assert texts("<p>  a\n\n   b\t c  </p>") == ["a b c"]


def test_blockquote_paragraph_is_a_quote() -> None:
    """A paragraph inside a blockquote has role quote."""
    (b,) = seg("<blockquote><p>Quoted text.</p></blockquote>")
    assert b.role == "quote"


def test_inline_elements_join_their_block() -> None:
    """Inline markup stays in one block with the surrounding text."""
    assert texts("<p>Some <b>bold</b>, <i>italic</i> and <span>span</span> text.</p>") == [
        "Some bold, italic and span text."
    ]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<h3><a href="/p/1"><span class="brand">TRAILCO</span><span class="name">Ridge Runner 3 Shoes</span></a></h3>',
         "TRAILCO Ridge Runner 3 Shoes"),
        ('<div class="tags"><a href="/t/rpg">Adventure</a><a href="/t/coop">Co-op</a><!-- x --><a href="/t/pvp">Strategy</a></div>',
         "Adventure Co-op Strategy"),
        ("<p><span>Maria</span><span><b>Ortega</b></span> wrote it</p>", "Maria Ortega wrote it"),
    ],
)
def test_inline_elements_side_by_side_are_set_apart_before_a_capital(html: str, text: str) -> None:
    """Two inline elements with nothing between them, the second opening with a capital after a word: a space."""
    assert texts(html) == [text]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ('<p><span class="drop">T</span><span>Here</span> it was</p>', "THere it was"),
        ("<p>un<b>Believ</b>able</p>", "unBelievable"),
        ("<p>The formula CO<sub>2</sub><span>Emissions</span></p>", "The formula CO2Emissions"),
        ("<p><span>price</span><span>list</span> and <b>bold</b> <i>Text</i></p>", "pricelist and bold Text"),
        ('<p><span>$</span><span>19</span><span>.99</span></p>', "$19.99"),
    ],
)
def test_inline_elements_that_make_one_word_stay_glued(html: str, text: str) -> None:
    """A one-letter piece, text after plain text, sub/superscripts, no capital or a figure: no space added."""
    assert texts(html) == [text]


def test_inline_elements_set_apart_keep_their_spans_and_order() -> None:
    """The space that sets two glued links apart is part of the second one's text, not a piece of its own:
    each link still marks exactly its words, in order, with few spans and with many (one-pass offsets)."""
    (few,) = seg('<p><a href="/a">Forest</a><a href="/b"><b>Night</b> Owl</a> and more</p>')
    assert few.text == "Forest Night Owl and more"
    assert marked(few) == [("link", "Forest", "/a"), ("link", "Night Owl", "/b"), ("strong", "Night", "")]
    tags = [f"Tag{i}" for i in range(20)]
    (many,) = seg('<div class="tags">' + "".join(f'<a href="/t/{t}">{t}</a>' for t in tags) + "</div>")
    assert many.text == " ".join(tags)
    assert marked(many) == [("link", t, f"/t/{t}") for t in tags]


def test_inline_elements_in_code_stay_glued() -> None:
    """Highlighted code is verbatim: two spans side by side get no space."""
    (b,) = seg('<pre><span class="n">self</span><span class="nc">Parser</span>()</pre>')
    assert b.text == "selfParser()"


def test_text_between_blocks_is_its_own_block() -> None:
    """Loose text in a div around child blocks is split at the block boundaries."""
    assert texts("<div>intro<p>para</p>outro</div>") == ["intro", "para", "outro"]


def test_indices_are_sequential() -> None:
    """Block indices are 0..n-1 in document order."""
    blocks = seg("<h1>t</h1><p>a</p><ul><li>b</li></ul><table><tr><td>c</td></tr></table>")
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert all(b.line == -1 and b.group == -1 for b in blocks)


def test_empty_document_has_no_blocks() -> None:
    """A document without visible text gives no blocks."""
    assert seg("") == []
    assert seg("<html><head><title>t</title></head><body>  </body></html>") == []


def test_tree_is_not_modified() -> None:
    """segment_html leaves its tree's HTML unchanged."""
    tree = LexborHTMLParser('<div><p hidden>x</p><script>y</script><p>z <a href="#">q</a></p></div>')
    before = tree.html
    seg_blocks = segment_html(tree)
    assert [b.text for b in seg_blocks] == ["z q"]
    assert tree.html == before


def test_link_chars_count_spaces_between_a_links_text_nodes() -> None:
    """Link text split over inline elements counts its spaces: <a>foo <b>bar</b></a> is 7 characters."""
    (b,) = seg('<p><a href="/x">foo <b>bar</b></a> baz</p>')
    assert (b.text, b.link_chars) == ("foo bar baz", 7)


# --- inline spans ---------------------------------------------------------------------------------


def marked(b: Block) -> list[tuple[str, str, str]]:
    """Each span of a block as (kind, the text it covers, target)."""
    return [(kind, b.text[start:end], target) for start, end, kind, target, _alt in b.spans]


def test_emphasis_code_and_links_become_spans_of_the_text() -> None:
    """strong/b, em/i, code/kbd and a[href] are spans over the block's text; nested ones nest, outer first."""
    (b,) = seg('<p>Use <b>bold</b>, <em>em</em>, <kbd>Ctrl</kbd> and <a href="/doc">the <i>docs</i></a>.</p>')
    assert b.text == "Use bold, em, Ctrl and the docs."
    assert marked(b) == [("strong", "bold", ""), ("em", "em", ""), ("code", "Ctrl", ""),
                         ("link", "the docs", "/doc"), ("em", "docs", "")]  # fmt: skip


def test_spans_follow_white_space_normalisation() -> None:
    """Offsets are into the normalised text: runs of white space inside, before or after a span collapse."""
    (b,) = seg("<p>\n  one   <strong>\n two\t three  </strong>   four<b></b>  <em> </em>five</p>")
    assert b.text == "one two three four five"
    assert marked(b) == [("strong", "two three", "")]


def test_a_span_over_words_glued_to_its_neighbours() -> None:
    """A span inside a word covers just its part of the word."""
    (b,) = seg("<p>un<b>believ</b>able</p>")
    assert marked(b) == [("strong", "believ", "")]


def test_links_without_href_are_no_spans_but_script_urls_are_kept_for_render() -> None:
    """An anchor without href marks nothing; an href is kept as written (render decides what it can link)."""
    (b,) = seg('<p><a name="x">anchor</a> and <a href="javascript:go()">script</a></p>')
    assert marked(b) == [("link", "script", "javascript:go()")]


def test_an_inline_element_around_blocks_is_cut_at_each_block() -> None:
    """A link wrapping block elements (a teaser card) marks its part of each block."""
    blocks = seg('<div><a href="/story">Kicker<h3>Title</h3><p>Lead text</p></a> tail</div>')
    assert [(b.text, marked(b)) for b in blocks] == [
        ("Kicker", [("link", "Kicker", "/story")]),
        ("Title", [("link", "Title", "/story")]),
        ("Lead text", [("link", "Lead text", "/story")]),
        ("tail", []),
    ]


def test_an_image_is_a_zero_width_span_where_it_stood() -> None:
    """An image splits its paragraph like <br> and marks the start of the text after it, with src and alt."""
    blocks = seg('<p>Before <img src="/a.png" alt=" A  lake "> after</p>')
    assert [b.text for b in blocks] == ["Before", "after"]
    assert blocks[0].spans == () and blocks[1].spans == ((0, 0, "image", "/a.png", "A lake"),)


def test_an_image_before_a_caption_goes_with_the_caption() -> None:
    """A figure's image, followed only by white space, is carried to the next block (its caption)."""
    (cap,) = seg('<figure>\n <img data-src="/lazy.jpg">\n <figcaption>The harbour</figcaption></figure>')
    assert cap.spans == ((0, 0, "image", "/lazy.jpg", ""),)


def test_code_blocks_have_no_spans() -> None:
    """Inside <pre> everything is verbatim code: no spans, and no image carried past it."""
    blocks = seg('<pre><code class="language-sh">run <b>x</b> <img src="i.png"></code></pre><p>next</p>')
    assert [(b.role, b.text, b.spans) for b in blocks] == [("code", "run x ", ()), ("paragraph", "next", ())]


def test_many_spans_in_one_block_have_the_same_offsets_either_way() -> None:
    """A block with more spans than PREFIX_SPANS (measured in one pass) marks exactly each link's text."""
    html = "<p>" + " ".join(f'<a href="/{i}"> item\n{i} </a>,' for i in range(30)) + "</p>"
    (b,) = seg(html)
    assert marked(b) == [("link", f"item {i}", f"/{i}") for i in range(30)]


def test_spans_leave_the_text_and_links_unchanged() -> None:
    """The same markup without inline tags gives the same blocks but for their spans."""
    tagged = '<ul><li><a href="/a">A <b>b</b></a></li><li>c <i>d</i></li></ul><p>x<code>y</code>z</p>'
    plain = "<ul><li>A b</li><li>c d</li></ul><p>xyz</p>"
    got, want = seg(tagged), seg(plain)
    assert [b.text for b in got] == [b.text for b in want]
    assert [b.spans != () for b in got] == [True, True, True]


def test_deep_elements_get_the_same_attrs_containers_and_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Elements deeper than EAGER_DEPTH build attrs, containers and path from their parents when they
    make a block: the blocks are exactly those of building them at every level."""
    import boilerstrip.segment.html as segment

    levels = "".join(f'<div class="l{i}" id="d{i}">' if i % 3 else "<section>" for i in range(40))
    html = (
        f"<main>{levels}<p>deep <a href='/x'>text</a></p><ul><li>item<ul><li>inner</li></ul></li></ul>"
        "<table><tr><th>h</th></tr><tr><td>c</td></tr></table>" + "</div>" * 40 + "<p>after</p></main>"
    )
    eager = seg(html)
    monkeypatch.setattr(segment, "EAGER_DEPTH", 3)
    lazy = seg(html)
    assert lazy == eager and len(eager) == 6
    assert eager[0].path.count(">") == 42 and len(eager[0].containers) == 43  # body, main, 40 levels, p
    assert eager[0].attrs.split()[:2] == ["d38", "l38"]


def test_a_block_keeps_at_most_max_spans_and_each_is_exact() -> None:
    """A paragraph of more links than MAX_SPANS (no prose) keeps the first MAX_SPANS, each over its own text;
    its text and link counts are unchanged."""
    from boilerstrip.segment.html import MAX_SPANS

    n = MAX_SPANS + 500
    (b,) = seg("<p>" + "".join(f'<a href="/{i}">w{i}</a>' for i in range(n)) + "</p>")
    assert b.links == n and b.link_chars == len(b.text) == sum(len(f"w{i}") for i in range(n))
    assert len(b.spans) == MAX_SPANS
    assert marked(b) == [("link", f"w{i}", f"/{i}") for i in range(MAX_SPANS)]


@pytest.mark.parametrize("hidden", ['style="visibility:hidden" height="0"', 'style="display: none"', "hidden"])
def test_closed_answers_under_questions_are_shown(hidden: str) -> None:
    """A hidden element right after a question is its closed answer (an FAQ accordion without ARIA roles):
    one click away, so it is walked; a hidden element after anything else stays hidden."""
    faq = (
        '<div class="faq"><div class="q"><div>Can I change my plan later?</div><div></div></div>'
        f'<div {hidden}><p>Yes, switch plans at any time from the billing page.</p></div></div>'
    )
    assert texts(faq) == ["Can I change my plan later?", "Yes, switch plans at any time from the billing page."]
    menu = f'<ul><li><a href="/plans">Plans</a><ul {hidden}><li><a href="/plans/team">Team</a></li></ul></li></ul>'
    assert texts(menu) == ["Plans"]
    assert texts(faq, answers=False) == ["Can I change my plan later?"]


@pytest.mark.parametrize("hidden", ['aria-hidden="true"', "hidden", 'style="display:none"'])
def test_accordion_panels_opened_by_a_heading_button_are_shown(hidden: str) -> None:
    """A closed panel that a button in a heading controls (the WAI-ARIA accordion) or a closed disclosure
    button outside the menus controls is walked: a shop category's buying guide, one click away; a panel a
    menu's toggle opens stays hidden, as does the accordion's panel when closed answers are not asked for."""
    guide = (
        '<h3><button aria-expanded="false" aria-controls="guide-1">How to choose a tent</button></h3>'
        f'<div style="max-height:0px"><div id="guide-1" {hidden}><p>Count the sleepers, then add one for gear.</p>'
        "</div></div>"
    )
    assert texts(guide) == ["How to choose a tent", "Count the sleepers, then add one for gear."]
    assert texts(guide, answers=False) == ["How to choose a tent"]
    menu = (
        '<nav><button aria-expanded="false" aria-controls="menu-1">Shop</button>'
        f'<ul id="menu-1" {hidden}><li><a href="/tents">Tents</a></li></ul><p>Free returns</p></nav>'
    )
    assert texts(menu) == ["Free returns"]
    details = (
        '<p>Boiler servicing for homes and small offices.</p>'
        '<button aria-expanded="false" aria-controls="more-1">What a service covers</button>'
        f'<div id="more-1" {hidden}><p>Flue check, pressure test and a written safety record.</p></div>'
    )
    assert texts(details) == ["Boiler servicing for homes and small offices.",
                              "Flue check, pressure test and a written safety record."]


def _streamed(body: str, chunks: str) -> str:
    return f"<html><body><main>{body}</main><footer><p>Contact the desk</p></footer>{chunks}</body></html>"


def streamed_texts(html: str) -> tuple[list[str], bool]:
    blocks, moved = segment_html_streamed(LexborHTMLParser(html))
    return [b.text for b in blocks], moved


TIDES = _streamed(
    "<h1>Tide tables, explained</h1><p>High water comes twice a day.</p>"
    '<!--$?--><template id="B:a"></template><div class="skeleton">Loading article...</div><!--/$-->'
    "<p>Tables are printed each spring.</p>",
    '<div hidden id="S:c"><p>The moon pulls the sea toward it.</p><template id="P:d"></template></div>'
    '<script>$RC("B:a","S:c")</script>'
    '<div hidden id="S:d"><p>The sun adds a smaller pull.</p></div><script>$RS("S:d","P:d")</script>',
)


def test_streamed_chunks_are_read_in_place_of_their_placeholder() -> None:
    """A chunk React streams later (hidden <div id="S:n">, moved by $RC/$RS) is read where the page's script
    puts it: in place of its placeholder, with the boundary's fallback gone, chunks nested in chunks too."""
    assert streamed_texts(TIDES) == (
        [
            "Tide tables, explained",
            "High water comes twice a day.",
            "The moon pulls the sea toward it.",
            "The sun adds a smaller pull.",
            "Tables are printed each spring.",
            "Contact the desk",
        ],
        True,
    )
    assert texts(TIDES) == [
        "Tide tables, explained", "High water comes twice a day.", "Loading article...",
        "Tables are printed each spring.", "Contact the desk",
    ]  # fmt: skip


def test_hidden_chunks_no_script_moves_stay_hidden() -> None:
    """Without the script call that moves it, or with its placeholder outside the main or article
    landmark, a hidden S:n div is hidden text like any other, and the placeholder keeps its fallback."""
    html = _streamed(
        '<p>One.</p><!--$?--><template id="B:0"></template><p>Still loading</p><!--/$-->',
        '<div hidden id="S:0"><p>Never shown.</p></div><script>window.x = 1</script>',
    )
    assert streamed_texts(html) == (["One.", "Still loading", "Contact the desk"], False)
    outside = TIDES.replace("<main>", "<div>").replace("</main>", "</div>")
    assert "The moon pulls the sea toward it." not in streamed_texts(outside)[0]


def test_escaped_terminal_colours_in_a_code_block_are_no_text() -> None:
    """Terminal output converted to HTML and printed escaped in a <pre> (for a script to render) reads as
    its text; one escaped <font> in an HTML lesson, and other tags, stay as written."""
    console = (
        "<pre><code>$ &lt;font color=&quot;#4E9A06&quot;&gt;make&lt;/font&gt; test\n"
        "&lt;span style=&quot;background-color:#007166&quot;&gt;&lt;font color=&quot;#D3D7CF&quot;&gt; OK "
        "&lt;/font&gt;&lt;/span&gt;  &lt;b&gt;12&lt;/b&gt; passed</code></pre>"
    )
    assert texts(console) == ["$ make test\n OK   12 passed"]
    lesson = "<pre>&lt;p&gt;&lt;font color=&quot;#ff0000&quot;&gt;&lt;b&gt;Red&lt;/b&gt;&lt;/font&gt;&lt;/p&gt;</pre>"
    assert texts(lesson) == ['<p><font color="#ff0000"><b>Red</b></font></p>']
