"""NavigationDetector: menus, runs of menu lines, breadcrumbs, skip links, pagination, tables of contents."""

from __future__ import annotations

from detector_scoring import by_index, html_blocks, scorer

from boilerstrip.detectors.navigation import NavigationDetector
from boilerstrip.model import PageInfo
from boilerstrip.segment.text import segment_text

PARAGRAPH = (
    "The council approved the new cycle lane on Tuesday after a two-hour debate, with nine votes in favour "
    "and four against, and work is expected to start in the spring."
)


scores = scorer(NavigationDetector)
_weights, _rules = by_index(NavigationDetector)


def html(body: str) -> dict[str, float]:
    return scores(html_blocks(body), "html")


def text(dump: str) -> dict[str, float]:
    return scores(segment_text(dump), "text")


def test_dump_run_of_short_menu_lines() -> None:
    """Four or more short capitalised lines in a row are a menu; the paragraph after them is untouched."""
    s = text(f"World\nAmericas\nRussia\nEconomy\nScience & Tech\n{PARAGRAPH}\n")
    assert all(s[w] <= -0.6 for w in ("World", "Americas", "Russia", "Economy", "Science & Tech"))
    assert s[PARAGRAPH] == 0


def test_dump_two_short_lines_are_not_a_run() -> None:
    """A heading and a subheading are not a menu: runs need three lines."""
    s = text(f"Analysis\nMarkets rally\n{PARAGRAPH}\n")
    assert s["Analysis"] == 0 and s["Markets rally"] == 0


def test_dump_table_rows_and_lowercase_lines_break_runs() -> None:
    """Lines with digits or starting lower-case (table rows, code) are not menu entries."""
    s = text("ttl number 60\nbackend string memory\nvaryBy string[] []\nretries number 3\n")
    assert all(v == 0 for v in s.values())


def test_html_nav_landmark_and_menu_items() -> None:
    """Links inside <nav> get the landmark, class and run signals; the article paragraph none."""
    s = html(
        '<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li>'
        f'<li><a href="/s">Sport</a></li></ul></nav><article><p>{PARAGRAPH}</p></article>'
    )
    assert s["Home"] <= -2.0 and s["News"] <= -1.5 and s["Sport"] <= -1.5
    assert s[PARAGRAPH] == 0


def test_permalink_headings_are_no_menu_entries() -> None:
    """Headings wrapped in their own anchors, each above two linked terms, are a reference's sections, not a
    run of menu links; the same headings linking to other pages are."""
    def page(prefix: str) -> str:
        return "".join(
            f'<h2><a href="{prefix}{name.lower()}">{name}</a></h2><dl><dt><a href="/api/{name}">{name}()</a></dt>'
            f'<dt><a href="/api/{name}/all">{name}.all()</a></dt><dd><p>{PARAGRAPH}</p></dd></dl>'
            for name in ("Constructor", "Methods", "Events")
        )

    assert html(page("#"))["Methods"] == 0
    assert html(page("/api/"))["Methods"] < 0


def test_article_header_is_not_site_header() -> None:
    """An article's own <header> holds its h1; only the site header is navigation."""
    s = html(
        '<header class="site-header"><p>The Gazette</p></header>'
        f"<article><header><h1>Ferry returns</h1><p>By Jane Roe</p></header><p>{PARAGRAPH}</p></article>"
    )
    assert s["The Gazette"] < 0
    assert s["Ferry returns"] == 0 and s["By Jane Roe"] == 0


def test_a_shops_promo_bar_above_the_header_is_the_sites() -> None:
    """The rotating bar of offers over a shop's header ("promo-bar__slide", "promobar") is the site's header;
    a product's own "promo" box is not."""
    offer = "Free standard shipping on orders over 40 EUR. For details on rates and times, see our delivery page."
    s = html(
        f'<div class="promo-bar__wrapper"><div class="promo-bar__slide"><p>{offer}</p></div></div>'
        '<div class="promobar"><p>Spring sale: twenty percent off all sets this week.</p></div>'
        f'<main><div class="product-promo"><p>{PARAGRAPH}</p></div></main>'
    )
    assert s[offer] <= -0.6
    assert s["Spring sale: twenty percent off all sets this week."] <= -0.6
    assert s[PARAGRAPH] == 0


def test_site_footer_by_landmark_and_class_but_not_the_articles_own() -> None:
    """The page's foot is boilerplate by its <footer> or its class; an article's <footer> is left to others."""
    disclaimer = "Results vary with the starting point and effort; consult a physician before any programme."
    s = html(
        f"<article><p>{PARAGRAPH}</p><footer><p>Filed under Transport</p></footer></article>"
        f'<footer><p>Contact the newsroom</p></footer><div class="footer__copy"><p>{disclaimer}</p></div>'
    )
    assert s["Contact the newsroom"] <= -0.5
    assert s[disclaimer] <= -0.5
    assert s["Filed under Transport"] == 0 and s[PARAGRAPH] == 0


def test_breadcrumb_text_and_class() -> None:
    """'Home › News › Local' is a breadcrumb by its shape, in a dump as in HTML."""
    assert text("Home › News › Local\n")["Home › News › Local"] <= -0.9
    assert text("Home / Blog\n")["Home / Blog"] <= -0.9
    s = html('<ol class="breadcrumbs"><li>Guides</li></ol>')
    assert s["Guides"] <= -0.9


def test_sentence_with_arrow_is_not_a_breadcrumb() -> None:
    """Prose that mentions 'home' and uses a slash is not a breadcrumb."""
    line = "Prices rose 3% in March, and/or fell in April, the home office said."
    assert text(line + "\n")[line] == 0


def test_skip_link_and_pagination_phrases() -> None:
    """'Skip to content', 'Older posts', 'Page 2 of 9' and '1 2 3 … Next' are navigation."""
    s = text("Skip to main content\nOlder posts\nPage 2 of 9\n1 2 3 … 10 Next\n")
    assert all(v <= -1.0 for v in s.values())


def test_pagination_words_only_as_whole_block() -> None:
    """'Next, the committee voted…' starts with a pagination word but is prose."""
    line = "Next, the committee voted to delay the decision until the spring."
    assert text(line + "\n")[line] == 0


def test_listing_controls_as_whole_blocks() -> None:
    """A grid's result count and sort and page-size controls are its chrome; a sentence about results is not."""
    controls = ["Items 1-24 of 123", "Showing all 12 results", "Sort by", "Set Descending Direction", "24 per page",
                "You're currently reading page 1", "Trier par"]  # fmt: skip
    s = html("".join(f"<p>{c}</p>" for c in controls) + f"<p>{PARAGRAPH}</p>")
    assert all(s[c] <= -1.0 for c in controls)
    line = "Showing 12 of the 40 results the survey returned, the study found a clear trend."
    assert html(f"<p>{line}</p>")[line] == 0


def test_multilingual_menu_words() -> None:
    """Menu-only labels in other languages: Startseite, Accueil, Главная, 首页, ホーム."""
    s = text("Startseite\n\nAccueil\n\nГлавная\n\n首页\n\nホーム\n")
    assert all(v <= -1.0 for v in s.values())


def test_table_of_contents_not_article_headings() -> None:
    """A toc's links are navigation; the same headings inside the article are not."""
    s = html(
        '<div class="table-of-contents"><p>On this page</p><ul><li><a href="#a">Setup</a></li>'
        '<li><a href="#b">Usage</a></li><li><a href="#c">Limits</a></li></ul></div>'
        f"<article><h2>Setup guide</h2><p>{PARAGRAPH}</p></article>"
    )
    assert s["On this page"] <= -1.0 and s["Setup"] < 0 and s["Usage"] < 0
    assert s["Setup guide"] == 0 and s[PARAGRAPH] == 0


def test_toc_class_skips_sentences() -> None:
    """A toc class wrapping a page's sections (a jump-menu component) marks its list, not its prose."""
    s = html(
        '<div class="cmp-table-of-contents"><ul><li><a href="#a">Setup</a></li></ul>'
        f"<section><p>{PARAGRAPH}</p></section></div>"
    )
    assert s["Setup"] < 0 and s[PARAGRAPH] == 0


def test_link_dense_block() -> None:
    """A block made of several short links is a link list; a paragraph with one link is not."""
    s = html(
        '<div><a href="/a">Docs</a> <a href="/b">API</a> <a href="/c">Blog</a> <a href="/d">Forum</a></div>'
        f'<p>{PARAGRAPH} <a href="/x">More</a></p>'
    )
    assert s["Docs API Blog Forum"] <= -0.9
    assert s[f"{PARAGRAPH} More"] == 0


def test_taxonomy_classes_are_ignored() -> None:
    """WordPress 'category-menu' on a restaurant post does not make it a menu."""
    s = html(f'<article class="post category-menu tag-navigation has-sidebar"><p>{PARAGRAPH}</p></article>')
    assert s[PARAGRAPH] == 0


def test_aside_is_weaker_than_nav() -> None:
    """An aside alone is weak evidence: less than a paragraph's content weight."""
    s = html(f"<aside><p>{PARAGRAPH}</p></aside>")
    assert -0.6 < s[PARAGRAPH] < 0


def test_detector_is_pure_and_repeatable() -> None:
    """Running twice on the same blocks gives the same signals and leaves the blocks unchanged."""
    blocks = segment_text("World\nAmericas\nRussia\n")
    before = list(blocks)
    d = NavigationDetector()
    assert list(d.detect(blocks, PageInfo(kind="text"))) == list(d.detect(blocks, PageInfo(kind="text")))
    assert blocks == before


def test_utility_class_syntax_is_not_a_name() -> None:
    """'lg:mr-[--sidebar-width]' styles a column; it does not say the column is a sidebar."""
    s = html(f'<div class="relative lg:mr-[--sidebar-width]"><p>{PARAGRAPH}</p></div>'
             '<div class="sidebar"><p>Popular this week</p></div>')  # fmt: skip
    assert s[PARAGRAPH] == 0
    assert s["Popular this week"] < 0


def test_layout_names_of_columns_are_not_a_sidebar() -> None:
    """'content-sidebar-wrap' arranges the article and its sidebar; it marks neither."""
    s = html(f'<div class="content-sidebar-wrap"><main><p>{PARAGRAPH}</p></main>'
             '<div class="sidebar"><p>Popular this week</p></div></div>')  # fmt: skip
    assert s[PARAGRAPH] == 0
    assert s["Popular this week"] < 0


def test_side_modifier_of_a_component_is_not_a_sidebar() -> None:
    """'x-feature x-sidebar-left' lays a feature block out with its side column on the left: the block is
    no sidebar. A lone 'sidebar-left' or 'x-sidebar-left' without a sibling name of its namespace is one."""
    s = html(f'<div class="x-feature x-sidebar-left item"><p>{PARAGRAPH}</p></div>'
             '<div class="x-sidebar-left"><p>Popular this week</p></div>'
             '<div id="sidebar-left" class="sidebar-left"><p>Recent comments</p></div>')  # fmt: skip
    assert s[PARAGRAPH] == 0
    assert s["Popular this week"] < 0 and s["Recent comments"] < 0


def test_facet_entries_with_counts() -> None:
    """A filter's entries with their counts are navigation; an item that only mentions a bracketed number is not."""
    s = html(
        '<form><ul><li><label><input type="checkbox"> Cast iron (11)</label></li>'
        '<li><label><input type="checkbox"> 0.5 to 1 litre (15)</label></li></ul></form>'
        "<ul><li>Stir in the flour (about 200 g) and leave the dough to rest for an hour.</li></ul>"
    )
    assert s["Cast iron (11)"] <= -1.0 and s["0.5 to 1 litre (15)"] <= -1.0
    assert s["Stir in the flour (about 200 g) and leave the dough to rest for an hour."] == 0


def test_mediawiki_chrome_classes_mark_notice_tagline_hatnote_and_categories() -> None:
    """MediaWiki's site notice, tagline, hatnote, printfooter and category links are navigation; the
    article's paragraph beside them is not."""
    s = html(
        '<div id="siteNotice"><div>Join the photo contest before 15 December!</div></div>'
        '<div id="siteSub">From the Valley Wiki, the free regional encyclopedia</div>'
        '<div class="mw-parser-output"><div role="note" class="hatnote">This article is about the river.</div>'
        f"<p>{PARAGRAPH}</p></div>"
        '<div class="printfooter">Retrieved from the wiki</div>'
        '<div id="catlinks" class="catlinks"><a href="/c">Rivers of the valley</a></div>'
    )
    for chrome in ("Join the photo contest before 15 December!", "From the Valley Wiki, the free regional encyclopedia",
                   "This article is about the river.", "Retrieved from the wiki", "Rivers of the valley"):  # fmt: skip
        assert s[chrome] <= -0.9, chrome
    assert s[PARAGRAPH] == 0


def _inline_listed(dump: str) -> list[str]:
    blocks = segment_text(dump)
    rules, weights = _rules(blocks, PageInfo(kind="text")), _weights(blocks, PageInfo(kind="text"))
    assert all(weights[b.index] == 0 for b in blocks)  # weightless: only the sparse step counts it
    return [b.text for b in blocks if "navigation.inline-list" in rules[b.index]]


def test_dump_link_list_printed_inline_with_commas() -> None:
    """Six or more menu-like entries joined by commas on one line are an inline link list."""
    footer = "Help Centre, Returns & Refunds, Report Abuse, Accessibility, Transparency (EU), Recalls"
    assert _inline_listed(f"Help\n{footer}\n{PARAGRAPH}\n") == [footer]


def test_sentences_and_short_lists_are_not_inline_lists() -> None:
    """Five entries, a sentence with commas, or lower-case entries (an ingredient list) are not one."""
    dump = (
        "Oslo, Bergen, Trondheim, Stavanger, Tromsø\n"
        "We visited Oslo, Bergen, Trondheim, Stavanger, Tromsø and Bodø, then flew home.\n"
        "Water, sugar, salt, yeast, olive oil, rosemary\n"
    )
    assert _inline_listed(dump) == []


def test_dump_link_list_one_entry_a_line_between_separators() -> None:
    """A WET dump prints each link on its own line with the commas between them as lines of their own."""
    entries = ["Help Centre", "Returns & Refunds", "Report Abuse", "Accessibility", "Transparency", "Recalls"]
    listed = _inline_listed("Help\n" + "\n,\n".join(entries) + f"\n{PARAGRAPH}\n")
    assert listed == [e for entry in entries for e in (entry, ",")][:-1]
    assert _inline_listed("\n,\n".join(entries[:5]) + "\n") == []
