"""The echo detector: printed values, dates alone, declared values, repeats and concatenations."""

from __future__ import annotations

import pytest

from boilerstrip.detectors.echo import EchoDetector
from boilerstrip.model import Block, Metadata, PageInfo
from boilerstrip.segment.html import segment_html
from boilerstrip.source import parse_html

ECHO = EchoDetector()
PARAS = [
    "The morning ferry left the harbour at seven o'clock on Tuesday, the first crossing since the service "
    "was suspended for the winter storms in November last year, and a small crowd gathered on the quay to "
    "watch it go out past the lighthouse. Some of them had waited on the cold stones since before dawn, wrapped in blankets.",
    "Passengers said they were glad to see the boat back, and the operator said it would run four "
    "crossings a day until the end of the summer season in September, with a fifth crossing on Saturdays "
    "when the weekend market is held in the square. Tickets will cost the same as they did last year, "
    "the operator added.",
    "The island council has asked the operator to add an evening crossing on Fridays, so that people who "
    "work on the mainland can come home for the weekend without having to stay overnight in the town or "
    "pay for a water taxi across the bay. A decision on the new timetable is expected early in May, "
    "before the tourists arrive.",
]


def blocks(*texts: str, role: str = "paragraph") -> list[Block]:
    return [Block(index=i, text=t, role=role) for i, t in enumerate(texts)]


def rules_by_block(bs: list[Block], meta: Metadata | None = None) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for s in ECHO.detect(bs, PageInfo(kind="html", metadata=meta or Metadata())):
        out.setdefault(s.block, set()).add(s.rule)
    return out


def test_paragraphs_are_long_enough() -> None:
    """The sample paragraphs exceed the 300-character concatenation floor, so twins are tested too."""
    assert all(len(p) > 300 for p in PARAS)


@pytest.mark.parametrize(
    "line",
    [
        "https://example.com/news/ferry-returns.html",
        "//cdn.example.com/img/ferry.jpg",
        "www.example.com",
        "desk@example.com",
        "+44 20 7946 0000",
        "252",
        "-3.5",
        "12.5 %",
        "true",
        "null",
        "/html/head/meta[@name='og:title']/@content",
    ],
)
def test_bare_values_are_flagged(line: str) -> None:
    """A URL, e-mail, phone, number, boolean or XPath alone on a line is echo.bare-value."""
    assert "echo.bare-value" in rules_by_block(blocks(line)).get(0, set())


@pytest.mark.parametrize(
    "line",
    [
        "2024-03-05",
        "2024-03-05T09:30:00Z",
        "05.03.2024",
        "March 5, 2024",
        "5 March 2024 10:00",
        "Tuesday, 5 March 2024",
        "Updated: 2024-03-05 10:00",
        "Last edited: Mar 5, 2024",
        "3 hours ago",
        "vor 2 Stunden",
        "2024年3月5日",
    ],
)
def test_date_only_lines_are_flagged(line: str) -> None:
    """A date or time alone on a line is echo.date-line."""
    assert "echo.date-line" in rules_by_block(blocks(line)).get(0, set())


@pytest.mark.parametrize(
    "line",
    [
        "The ferry returns on 5 March 2024 after the storms.",
        "Visit https://example.com for the timetable.",
        "The number 252 is the route.",
        "Read more",
        "Last edited by the moderator on 5 March 2024 to fix the link.",
        PARAS[0],
    ],
)
def test_prose_with_values_is_not_flagged(line: str) -> None:
    """Sentences that merely contain a URL, number or date get no echo signal."""
    assert rules_by_block(blocks(line)) == {}


@pytest.mark.parametrize("line", ["Chapter 5", "Step 3", "Season 2", "Top 10 Tips"])
def test_word_and_number_headings_are_not_dates(line: str) -> None:
    """A heading like "Step 3" is not a date line."""
    assert "echo.date-line" not in rules_by_block(blocks(line, role="heading")).get(0, set())


def test_title_repeated_is_flagged() -> None:
    """A block equal to the declared title (ignoring case and punctuation) is echo.title."""
    meta = Metadata(title="Ferry Service Returns!")
    got = rules_by_block(blocks("ferry service returns", PARAS[0]), meta)
    assert got == {0: {"echo.title"}}


def test_product_h1_naming_the_product_is_no_echo() -> None:
    """On a product page the h1 repeating the title is the product's name; its other copies are echoes."""
    meta = Metadata(title="Trail Lamp 400", page_type="product")
    bs = [
        Block(index=0, text="Trail Lamp 400", role="heading", tag="h1"),
        Block(index=1, text="Trail Lamp 400", role="item", tag="li"),
        Block(index=2, text=PARAS[0], tag="p"),
    ]
    assert rules_by_block(bs, meta).get(0, set()) == set()
    assert "echo.title" in rules_by_block(bs, meta)[1]
    # an article's headline is still the title's echo
    assert "echo.title" in rules_by_block(bs, Metadata(title="Trail Lamp 400", page_type="article"))[0]


def test_declared_publisher_line_is_flagged() -> None:
    """A line equal to a declared value or the site name is echo.declared."""
    meta = Metadata(sitename="Harbor Gazette", values=("Harbor Gazette Ltd, 1 Quay Street",))
    got = rules_by_block(blocks("Harbor Gazette", "Harbor Gazette Ltd, 1 Quay Street", PARAS[0]), meta)
    assert got == {0: {"echo.declared"}, 1: {"echo.declared"}}


def test_repeated_publisher_line_is_flagged() -> None:
    """A publisher block printed twice is flagged on its second occurrence only."""
    bs = blocks(
        "Harbor Gazette Ltd, 1 Quay Street, Port Ellen",
        PARAS[0],
        "Harbor Gazette Ltd, 1 Quay Street, Port Ellen",
    )
    assert rules_by_block(bs) == {2: {"echo.repeat"}}


def test_line_occurring_three_times_is_flagged_everywhere() -> None:
    """A short line occurring three or more times is echo.repeated on every copy."""
    bs = blocks("Share this", PARAS[0], "Share this", PARAS[1], "Share this")
    assert rules_by_block(bs) == {0: {"echo.repeated"}, 2: {"echo.repeated"}, 4: {"echo.repeated"}}


def test_prose_line_printed_three_times_keeps_its_first_copy() -> None:
    """A carousel slide a page prints three times (per layout, cloned at the ends): the first copy is no
    echo.repeated, the later ones still are; a linked line of the same length stays a repeat everywhere."""
    slide = "Plan every shift in one place and see who is on call at a glance."
    bs = blocks(slide, PARAS[0], slide, PARAS[1], slide)
    assert rules_by_block(bs) == {2: {"echo.repeated"}, 4: {"echo.repeated"}}
    linked = [Block(index=i, text=t, role="paragraph", link_chars=len(t) if t == slide else 0)
              for i, t in enumerate((slide, PARAS[0], slide, PARAS[1], slide))]  # fmt: skip
    assert rules_by_block(linked) == {0: {"echo.repeated"}, 2: {"echo.repeated"}, 4: {"echo.repeated"}}


def test_repeated_rows_and_items_are_not_repeats() -> None:
    """Equal table rows are legitimate and are not flagged."""
    bs = blocks("yes | yes", "yes | yes", role="row")
    assert rules_by_block(bs) == {}


def test_concatenation_is_flagged_not_its_parts() -> None:
    """One long line concatenating three paragraphs is echo.concatenation; the paragraphs are not flagged."""
    bs = blocks(*PARAS, " ".join(PARAS))
    assert rules_by_block(bs) == {3: {"echo.concatenation"}}


def test_concatenation_before_its_parts_is_flagged() -> None:
    """A JSON-LD articleBody printed before the visible paragraphs is flagged the same way."""
    bs = blocks(" ".join(PARAS), *PARAS)
    assert rules_by_block(bs) == {0: {"echo.concatenation"}}


def test_concatenation_printed_twice_is_flagged_both_times() -> None:
    """A WET-like dump prints a declared body twice (hidden and visible copy): each copy is still a
    concatenation of the paragraphs, though each has the other as an exact twin."""
    joined = " ".join(PARAS)
    bs = blocks(*PARAS, joined, "Related stories", joined)
    assert rules_by_block(bs) == {3: {"echo.concatenation"}, 5: {"echo.concatenation", "echo.repeat"}}


def test_a_code_listing_joining_the_snippets_before_it_is_no_concatenation() -> None:
    """A tutorial shows its code piece by piece, then the whole file: the listing is content, not a copy."""
    parts = [
        "def load(path):\n    with open(path) as f:\n        return json.load(f)\n" * 3,
        "def save(path, data):\n    with open(path, 'w') as f:\n        json.dump(data, f, indent=2)\n" * 3,
    ]
    bs = blocks(*parts, "\n".join(parts), role="code")
    assert "echo.concatenation" not in rules_by_block(bs).get(2, set())
    # the same text as prose is a concatenation
    assert "echo.concatenation" in rules_by_block(blocks(*parts, "\n".join(parts))).get(2, set())


def test_paragraph_twice_beside_a_concatenation_is_a_part() -> None:
    """A paragraph printed twice beside a line concatenating it is a part of that line, not a concatenation."""
    bs = blocks(*PARAS, PARAS[0], " ".join(PARAS))
    assert rules_by_block(bs) == {3: {"echo.repeat"}, 4: {"echo.concatenation"}}


def test_article_twice_flags_only_the_second_copy() -> None:
    """A page carrying the same article twice gets echo.repeat on the second copy only."""
    bs = blocks("Ferry service returns", *PARAS, "Comments", "Ferry service returns", *PARAS)
    assert rules_by_block(bs) == {i: {"echo.repeat"} for i in range(5, 9)}


def test_prelude_lines_are_flagged() -> None:
    """Blocks marked as the dump's metadata prelude get echo.prelude."""
    bs = [Block(index=0, text="Harbor Gazette", role="meta"), Block(index=1, text=PARAS[0], role="line")]
    signals = list(ECHO.detect(bs, PageInfo(kind="text")))
    assert [(s.block, s.rule) for s in signals] == [(0, "echo.prelude")]
    assert signals[0].weight < 0


def test_all_echo_signals_are_negative_and_named() -> None:
    """Every echo signal argues for boilerplate and carries an echo.* rule id and evidence."""
    bs = blocks("https://example.com/", "2024-03-05", *PARAS, " ".join(PARAS), PARAS[0])
    signals = list(ECHO.detect(bs, PageInfo(kind="html", metadata=Metadata(title="x"))))
    assert signals
    assert all(s.weight < 0 and s.rule.startswith("echo.") and s.evidence for s in signals)


def test_detect_does_not_mutate_blocks() -> None:
    """detect leaves its input blocks equal to what they were."""
    bs = blocks(*PARAS, " ".join(PARAS))
    copy = list(bs)
    list(ECHO.detect(bs, PageInfo(kind="html")))
    assert bs == copy


def dump_rules(lines: list[str]) -> dict[int, set[str]]:
    """The echo rules that hear each line of a dump made of ``lines``."""
    bs = [Block(index=i, text=t, role="line") for i, t in enumerate(lines)]
    got: dict[int, set[str]] = {}
    for s in ECHO.detect(bs, PageInfo(kind="text", metadata=Metadata())):
        got.setdefault(s.block, set()).add(s.rule)
    return got


def test_comment_bylines_and_the_comments_between_them() -> None:
    """In a dump, "<name> says:" bylines are flagged, and so are the lines between two of them; the last
    comment (nothing marks its end) and a forum quote header ("<name> said:") are left alone."""
    lines = [
        PARAS[0],
        "harbourwatcher says:",
        "3 May 2024 at 6:44 am",
        "About time the ferry was back.",
        "Jo Smith on 3 May 2024 at 7:02 am said:",
        "The evening crossing would help a lot of us.",
        "Old Salt says:",
        "See you on the quay.",
        "Captain said:",
    ]
    got = dump_rules(lines)
    assert {i for i, r in got.items() if "echo.comment-byline" in r} == {1, 4, 6}
    assert {i for i, r in got.items() if "echo.comment-text" in r} == {2, 3, 5}
    assert 0 not in got and 7 not in got and 8 not in got


def test_comment_bylines_split_over_lines_in_a_wet_dump() -> None:
    """A WET-like dump prints each text node of a byline on its own line ("<name>" / "says:", "<name>" /
    "on" / "<date>" / "said:"): the lines are one byline, and what stands between two bylines is a comment.
    A forum quote header split so ("Captain" / "said:", bare "said:" opens quoted text) is not."""
    lines = [
        PARAS[0],
        "harbourwatcher",
        "says:",
        "About time the ferry was back.",
        "Jo Smith",
        "on",
        "3 May 2024 at 7:02 am",
        "said:",
        "The evening crossing would help a lot of us.",
        "Captain",
        "said:",
    ]
    got = dump_rules(lines)
    assert {i for i, r in got.items() if "echo.comment-byline" in r} == {1, 2, 4, 5, 6, 7}
    assert {i for i, r in got.items() if "echo.comment-text" in r} == {3}
    assert not {"echo.comment-byline", "echo.comment-text"} & (got.get(9, set()) | got.get(10, set()))


def test_split_bylines_stay_within_a_paragraph() -> None:
    """A blank line between a name and "says:" ends the byline: the two lines are not joined."""
    bs = [
        Block(index=0, text="Harbour notes", role="line"),
        Block(index=1, text="says:", role="line", after_gap=True),
    ]
    assert all("echo.comment-byline" not in r for r in (s.rule for s in ECHO.detect(bs, PageInfo(kind="text", metadata=Metadata()))))


def test_comment_text_only_on_dumps() -> None:
    """HTML keeps comments in their thread's container: the lines between bylines are not judged by position."""
    bs = blocks("harbourwatcher says:", "About time the ferry was back.", "Old Salt says:")
    assert all("echo.comment-text" not in r for r in rules_by_block(bs).values())


def test_escaped_markup_is_a_printed_source_value() -> None:
    """A line holding escaped tags ("&lt;p&gt;") is HTML source printed raw, not visible text; code that
    shows escaping, and a line that merely mentions one "&lt;", are left alone."""
    raw = "Welcome to the harbour. &lt;div class=&quot;pic&quot;&gt;&lt;img src=&quot;x.jpg&quot; /&gt;&lt;/div&gt; The ferry left at seven."
    bs = [
        Block(index=0, text=raw, role="line"),
        Block(index=1, text="Markup('&lt;blink&gt;hacker&lt;/blink&gt;')", role="code"),
        Block(index=2, text="Use &lt; and &gt; to write the signs in HTML.", role="line"),
    ]
    got = rules_by_block(bs)
    assert "echo.escaped-markup" in got[0]
    assert all("echo.escaped-markup" not in got.get(i, set()) for i in (1, 2))


def _cards(label_links: bool = False, label: str = "p", value: str = "p") -> list[Block]:
    """Three product cards, each: name, "Weight:", its weight, "Features:", its features."""
    items = [
        ("Trail Runner 2", "310 g", "Breathable mesh upper, rock plate, and a grippy lugged outsole"),
        ("Road Glide", "255 g", "A soft foam midsole with a rocker shape for long easy miles"),
        ("Fell Racer", "280 g", "Deep studs and a narrow last that holds the foot on steep ground"),
    ]
    out: list[Block] = []
    for name, weight, features in items:
        for text, tag in ((name, "h3"), ("Weight:", label), (weight, value), ("Features:", label), (features, value)):
            link = len(text) if label_links and text.endswith(":") else 0
            out.append(
                Block(index=len(out), text=text, tag=tag, path=f"body>main>div>{tag}", link_chars=link, links=bool(link))
            )
    return out


def test_labels_of_a_record_template_are_not_repeats() -> None:
    """Labels recurring in each card ("Weight:", "Features:"), each card with its own values, are structure."""
    assert rules_by_block(_cards()) == {}


def test_linked_labels_in_each_card_are_still_repeats() -> None:
    """The same shape made of links (a "Read more" and a "Share" in each teaser) stays echo.repeated."""
    got = rules_by_block(_cards(label_links=True))
    assert {i for i, r in got.items() if "echo.repeated" in r} == {1, 3, 6, 8, 11, 13}


def test_labels_of_a_widget_markup_are_still_repeats() -> None:
    """The same shape in div/dt markup (a poster's "Joined:" / "Messages:" box over each post) stays flagged."""
    got = rules_by_block(_cards(label="dt", value="dd"))
    assert {i for i, r in got.items() if "echo.repeated" in r} == {1, 3, 6, 8, 11, 13}


def test_copied_records_without_own_values_are_still_repeats() -> None:
    """Records that are copies of one another (a menu printed three times) have no values of their own."""
    menu = ["Weight:", "Features:"]
    bs = [Block(index=i, text=t, tag="p", path="body>div>p") for i, t in enumerate(menu * 3)]
    assert all("echo.repeated" in r for r in rules_by_block(bs).values()) and len(rules_by_block(bs)) == 6


def test_dump_lines_are_no_template() -> None:
    """A dump has no tag paths and no links to tell labels from menu entries: its repeats stay flagged."""
    bs = [Block(index=b.index, text=b.text, role="line", tag=b.tag, path=b.path) for b in _cards()]
    got = {s.block for s in ECHO.detect(bs, PageInfo(kind="text", metadata=Metadata())) if s.rule == "echo.repeated"}
    assert got == {1, 3, 6, 8, 11, 13}


def test_a_shortened_copy_of_a_paragraph_is_a_near_copy() -> None:
    """A responsive page's shortened copy of its intro is a near copy of the full version, which stays; a
    version of the same length with a word changed (the next price tier's description) is no copy."""
    full = PARAS[0] + " " + PARAS[1]
    changed = full.replace("harbour", "harbor")
    assert rules_by_block(blocks(PARAS[0], full, changed)) == {0: {"echo.near-copy"}}


def test_the_parts_of_a_concatenation_are_no_near_copies() -> None:
    """Two paragraphs and one line joining them: the line is the concatenation, the paragraphs stay."""
    bs = blocks(PARAS[0], PARAS[1], PARAS[0] + " " + PARAS[1])
    assert rules_by_block(bs) == {2: {"echo.concatenation"}}


def test_a_paragraph_the_dump_prelude_prints_longer_is_no_near_copy() -> None:
    """A dump's prelude value (an FAQ answer in JSON-LD) holding a visible paragraph and more is metadata, not a
    longer version of the page's text: the paragraph is not flagged."""
    bs = [Block(index=0, text=PARAS[0] + " " + PARAS[1], role="meta"), Block(index=1, text=PARAS[0], role="line")]
    signals = list(ECHO.detect(bs, PageInfo(kind="text")))
    assert [(s.block, s.rule) for s in signals] == [(0, "echo.prelude")]



def _heading_rules(body: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The echo rules heard by each heading and by each other block of a page, by text."""
    bs = segment_html(parse_html(f"<html><body>{body}</body></html>"))
    got = rules_by_block(bs)
    headings: dict[str, set[str]] = {}
    others: dict[str, set[str]] = {}
    for b in bs:
        (headings if b.role == "heading" else others).setdefault(b.text, set()).update(got.get(b.index, set()))
    return headings, others


SPHINX_TOC = (
    '<nav class="toc"><p>On this page</p><ul>'
    '<li><a href="#installing">Installing</a></li><li><a href="#configuration">Configuration</a></li></ul></nav>'
)
REPEATS = {"echo.repeat", "echo.repeated"}


def test_a_section_heading_its_toc_entry_points_at_is_the_original() -> None:
    """A Sphinx-like page lists its sections in a TOC before them: the headings those entries point at
    ("#<id>" of the section around the heading, or of the heading itself) are no repeats (the TOC is
    left to the navigation detector)."""
    headings, others = _heading_rules(
        SPHINX_TOC + '<main><section id="installing"><h2>Installing<a class="headerlink" href="#installing">¶</a></h2>'
        f"<p>{PARAS[0]}</p></section>"
        f'<h2 id="configuration"><a href="#configuration">Configuration</a></h2><p>{PARAS[1]}</p></main>'
    )
    assert not headings["Installing"] & REPEATS and not headings["Configuration"] & REPEATS
    assert others["Installing"] == set()  # the first copy: a repeat mark falls on later ones only


def test_a_heading_no_link_points_at_is_still_a_repeat() -> None:
    """Without an anchor to it, the same heading after the same TOC is a repeat; so is an h2 repeating a
    menu link to another page ("Pricing" in the header, "Pricing" over a box)."""
    headings, _ = _heading_rules(SPHINX_TOC + f"<h2>Installing</h2><p>{PARAS[0]}</p>")
    assert headings["Installing"] & REPEATS
    headings, _ = _heading_rules(
        '<nav><ul><li><a href="/pricing">Pricing</a></li><li><a href="/about">About</a></li></ul></nav>'
        f'<main><h2 id="plans">Pricing</h2><p>{PARAS[0]}</p></main>'
    )
    assert headings["Pricing"] & REPEATS


def test_a_page_h1_that_only_links_repeat_is_the_original() -> None:
    """A Docusaurus-like sidebar and next/previous links name the current page: its <h1> is not flagged,
    the links are; an h1 that a plain line repeats too (a sticky header printing it) is still a repeat."""
    sidebar = '<aside><ul><li><a href="/docs/intro">Intro</a></li><li><a href="/docs/hooks">Writing hooks</a></li></ul></aside>'
    pager = '<nav class="pagination"><a href="/docs/hooks">Writing hooks</a></nav>'
    headings, others = _heading_rules(sidebar + f"<article><h1>Writing hooks</h1><p>{PARAS[0]}</p></article>" + pager)
    assert not headings["Writing hooks"] & REPEATS and others["Writing hooks"] & REPEATS
    headings, _ = _heading_rules(
        f'<div class="sticky"><p>Writing hooks</p></div>{sidebar}<h1>Writing hooks</h1><p>{PARAS[0]}</p>'
    )
    assert headings["Writing hooks"] & REPEATS
    headings, _ = _heading_rules(sidebar + f"<article><h2>Writing hooks</h2><p>{PARAS[0]}</p></article>" + pager)
    assert headings["Writing hooks"] & REPEATS  # an h2 is a section's name, which a link elsewhere may share


MKDOCS_PAGE = """<html><head><title>Harbourline documentation</title></head><body>
<header class="md-header"><a href="/">Harbourline</a><div class="md-search">Search</div></header>
<nav class="md-nav md-nav--primary"><ul>
<li><a href="/start/">Getting started</a></li><li><a href="/guide/caching/">Caching</a></li>
<li><a href="/guide/queues/">Queues</a></li><li><a href="/guide/limits/">Rate limits</a></li></ul></nav>
<nav class="md-nav md-nav--secondary"><label>Table of contents</label><ul>
<li><a href="#choosing-a-backend">Choosing a backend</a></li><li><a href="#expiry">Expiry</a></li>
<li><a href="#invalidation">Invalidation</a></li><li><a href="#methods">Methods</a></li></ul></nav>
<aside class="sidebar"><details open><summary>Methods</summary><ul><li><a href="/api/get">Cache.get()</a></li>
<li><a href="/api/forget">Cache.forget()</a></li></ul></details></aside>
<article class="md-content__inner">
<h1 id="caching">Caching<a class="headerlink" href="#caching">¶</a></h1>
<p>Harbourline keeps the answers of slow calls in a cache, so that the next request for the same key is
served from memory instead of from the upstream service, which is both faster and cheaper.</p>
<h2 id="choosing-a-backend">Choosing a backend<a class="headerlink" href="#choosing-a-backend">¶</a></h2>
<p>The in-process backend needs no setup and suits a single worker; when several workers share the load,
point them at the same Redis instance so that one worker's answer serves the others as well.</p>
<pre><code>cache = Cache(backend="redis", url="redis://localhost:6379/0")</code></pre>
<h2 id="expiry">Expiry<a class="headerlink" href="#expiry">¶</a></h2>
<p>Every entry carries a time to live. When it runs out the entry is dropped, and the next call goes to the
upstream service again and stores the fresh answer for another period of the same length.</p>
<h2 id="invalidation">Invalidation<a class="headerlink" href="#invalidation">¶</a></h2>
<p>Call <code>cache.forget(key)</code> after a write that makes the stored answer wrong; a whole namespace
can be cleared at once with <code>cache.clear(prefix)</code> when a deploy changes the data model.</p>
<h2 id="methods">Methods<a class="headerlink" href="#methods">¶</a></h2>
<dl><dt><a href="/api/get"><code>Cache.get()</code></a></dt><dd>Returns the stored answer for a key, or None
when the key has expired or was never stored, so that the caller can fetch it from upstream.</dd>
<dt><a href="/api/forget"><code>Cache.forget()</code></a></dt><dd>Drops one key at once, whatever its time to
live, so that the next call for it goes to the upstream service and stores a fresh answer.</dd></dl>
</article>
<nav class="md-footer"><a href="/start/">Previous: Getting started</a><a href="/guide/queues/">Next: Queues</a></nav>
<footer><p>The content of this page is licensed under the Creative Commons Attribution 4.0 License, and code
samples are licensed under the Apache 2.0 License.</p></footer>
</body></html>"""


def test_a_docs_page_keeps_the_section_headings_its_toc_lists() -> None:
    """End to end on an MkDocs-like page: the section headings a TOC points at (one also a sidebar's group
    label, over a list of linked API terms) come out with their text; the TOC, the nav and the licence
    footer do not."""
    from boilerstrip import extract

    lines = extract(MKDOCS_PAGE).text.splitlines()
    for heading in ("Caching", "Choosing a backend", "Expiry", "Invalidation", "Methods"):
        assert lines.count(heading) == 1, heading
    assert "Table of contents" not in lines and "Queues" not in lines
    assert not any("licensed under" in line for line in lines)


def _dumped_contents(sections: list[str], texts: list[str]) -> list[Block]:
    """A dumped page: a table of contents naming each section, then each section's heading and text."""
    lines = ["Contents", *sections]
    for heading, text in zip(sections, texts, strict=True):
        lines += [heading, text]
    return [Block(index=i, text=t, role="line") for i, t in enumerate(lines)]


def test_a_dumped_table_of_contents_is_the_copy_of_its_headings() -> None:
    """In a dump, the entries of a table of contents are the repeats, not the headings after them: each
    entry's second copy follows in the same order, with its section's text in between."""
    sections = ["The crossing", "The timetable", "The evening service"]
    got = dump_rules([b.text for b in _dumped_contents(sections, PARAS)])
    assert {i for i, r in got.items() if "echo.repeat" in r} == {1, 2, 3}
    assert not any(r & {"echo.repeat", "echo.repeated"} for i, r in got.items() if i > 3)


def test_a_menu_printed_twice_is_no_table_of_contents() -> None:
    """A menu printed twice (desktop and mobile) or a teaser list's titles with a line of blurb each have
    no section text between the copies: the later copies stay repeats."""
    sections = ["Ferries", "Timetables", "Fares"]
    got = dump_rules(["Menu", *sections, PARAS[0], *sections])
    assert {i for i, r in got.items() if "echo.repeat" in r} == {5, 6, 7}
    blurbs = ["Four crossings a day all summer.", "Fridays get a late boat.", "Same price as last year."]
    got = dump_rules([b.text for b in _dumped_contents(sections, blurbs)])
    assert {i for i, r in got.items() if "echo.repeat" in r} == {4, 6, 8}


def test_a_post_the_replies_quote_is_the_original_in_a_dump() -> None:
    """In a dumped thread a reply quotes a post under "<name> said:": the post's line is printed three times
    (the post and two quotes), so it passes for a repeated label; its copy under no quote header is the post
    (echo.quoted), the quoted copies stay repeats. A line also printed outside a quote is no such post."""
    post = "Took the early ferry again today and the crossing was smooth all the way over."
    lines = [
        "harbourwatcher",
        post,
        "Old Salt said:",
        post,
        "Glad to hear it, the winter crossings were rough.",
        "Jo Smith said:",
        post,
        "Same for me on Tuesday morning.",
        "Please log in to reply to this thread now.",
        "Please log in to reply to this thread now.",
        "Please log in to reply to this thread now.",
    ]
    got = dump_rules(lines)
    assert "echo.quoted" in got[1] and "echo.repeated" not in got[1]
    assert "echo.repeated" in got[3] and "echo.repeated" in got[6]
    assert not any("echo.quoted" in got.get(i, set()) for i in (3, 6, 8, 9, 10))
    # HTML has quote boxes: the rule is the dump's
    html = {s.rule for s in ECHO.detect(blocks(*lines), PageInfo(kind="html", metadata=Metadata()))}
    assert "echo.quoted" not in html
