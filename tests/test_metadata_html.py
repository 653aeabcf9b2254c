"""HTML metadata: each declaration source, their precedence, and the traps of USERS.md items 6, 7, 13, 14."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from boilerstrip.metadata.html import html_metadata
from boilerstrip.model import Metadata


def meta(html: str, url: str | None = None) -> Metadata:
    return html_metadata(LexborHTMLParser(html), url)


def ld(obj: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


ARTICLE = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Council approves the new bridge",
    "datePublished": "2023-12-28T12:47:00+01:00",
    "dateModified": "2023-12-29T08:00:00+01:00",
    "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
    "publisher": {"@type": "Organization", "name": "Example News", "logo": {"url": "https://x.com/logo.png"}},
    "image": {"@type": "ImageObject", "url": "https://x.com/bridge.jpg", "caption": "The bridge at dusk",
              "creditText": "Ann Lee"},
    "keywords": ["bridges", "council"],
    "articleSection": "Local",
    "description": "The council voted 7 to 2.",
    "inLanguage": "en-GB",
    "articleBody": "The council voted &amp; approved.\n\n<p>Work starts in May.</p>",
}


# ---------------------------------------------------------------- JSON-LD


def test_jsonld_article_fields() -> None:
    """Every field of a NewsArticle lands in the metadata."""
    m = meta(f"<html><head>{ld(ARTICLE)}</head><body></body></html>")
    assert m.title == "Council approves the new bridge"
    assert m.authors == ("Jane Doe", "John Roe")
    assert m.date == "2023-12-28T12:47:00+01:00"
    assert m.date_modified == "2023-12-29T08:00:00+01:00"
    assert m.sitename == "Example News"
    assert m.image == "https://x.com/bridge.jpg"
    assert m.image_caption == "The bridge at dusk"
    assert m.image_credit == "Ann Lee"
    assert m.tags == ("bridges", "council")
    assert m.categories == ("Local",)
    assert m.description == "The council voted 7 to 2."
    assert m.language == "en-GB"
    assert m.page_type == "article"
    assert m.body == "The council voted & approved.\nWork starts in May."
    assert "Council approves the new bridge" in m.values and "Jane Doe" in m.values


def test_jsonld_graph_with_id_references() -> None:
    """@graph shapes: the article is picked over WebSite/WebPage and its author @id is followed."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Example News"},
        {"@type": "WebPage", "@id": "#page", "name": "Bridge | Example News"},
        {"@type": ["Article", "NewsArticle"], "headline": "The bridge", "author": {"@id": "#jane"},
         "datePublished": "2023-12-28", "publisher": {"@id": "#org"}, "isPartOf": {"@id": "#page"}},
        {"@type": "Person", "@id": "#jane", "name": "Jane Doe", "url": "https://x.com/author/jane-doe"},
        {"@type": "Organization", "@id": "#org", "name": "Example Media"},
    ]}
    m = meta(f"<html><head>{ld(graph)}</head></html>")
    assert m.title == "The bridge"
    assert m.authors == ("Jane Doe",)
    assert m.sitename == "Example News"  # the WebSite's name: the publisher @id is followed below
    assert m.date == "2023-12-28"
    without_site = {"@context": "https://schema.org", "@graph": [x for x in graph["@graph"] if x["@type"] != "WebSite"]}
    assert meta(f"<html><head>{ld(without_site)}</head></html>").sitename == "Example Media"


def test_the_sites_own_name_comes_before_its_publisher() -> None:
    """A blog on a hosting platform declares the platform as publisher; og:site_name names the blog."""
    article = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Sourdough, third try",
               "publisher": {"@type": "Organization", "name": "Blogplatform"}}  # fmt: skip
    m = meta(f'<html><head><meta property="og:site_name" content="Flour Diary">{ld(article)}</head></html>')
    assert m.sitename == "Flour Diary"
    assert meta(f"<html><head>{ld(article)}</head></html>").sitename == "Blogplatform"


def test_jsonld_webpage_main_entity_and_several_scripts() -> None:
    """A WebPage whose mainEntity is the article, in a second script, still yields the article."""
    org = {"@context": "https://schema.org", "@type": "Organization", "name": "Org"}
    page = {"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "headline": "Post title",
                                               "author": "Jane Doe and John Roe"}}
    m = meta(f"<head>{ld(org)}{ld(page)}</head>")
    assert m.title == "Post title"
    assert m.authors == ("Jane Doe", "John Roe")


def test_jsonld_broken_json_is_tolerated() -> None:
    """Trailing commas, raw control characters, comments and CDATA around the JSON."""
    raw = ('<script type="application/ld+json">//<![CDATA[\n<!--\n{"@type": "Article", "headline": '
           '"Line\tone\x0b", "author": {"name": "Jane Doe",},}\n-->\n//]]></script>')
    m = meta(f"<head>{raw}</head>")
    assert m.title == "Line one"
    assert m.authors == ("Jane Doe",)


def test_jsonld_only_date() -> None:
    """A date declared only in JSON-LD is found (newspaper4k#518)."""
    m = meta(f"<head>{ld({'@type': 'BlogPosting', 'datePublished': '2021-03-04T05:06:07Z'})}</head>")
    assert m.date == "2021-03-04T05:06:07+00:00"


def test_jsonld_job_posting_date_posted() -> None:
    """A JobPosting's publication date is its datePosted (validThrough is when it closes)."""
    job = {"@type": "JobPosting", "title": "Night baker", "datePosted": "2024-02-03",
           "validThrough": "2024-03-31T23:59"}
    assert meta(f"<head>{ld(job)}</head><body><h1>Night baker</h1></body>").date == "2024-02-03"


def test_jsonld_html_description_yields_to_the_meta_description() -> None:
    """A description written in HTML is the entity's text: the meta description comes first, else it is stripped."""
    job = {"@type": "JobPosting", "title": "Night baker",
           "description": "<p>Bake our <b>sourdough</b>, 4 nights a week.</p><ul><li>Start at 2am</li></ul>"}
    head = f"<head>{ld(job)}"
    assert meta(f'{head}<meta name="description" content="We are hiring a night baker."></head>').description == (
        "We are hiring a night baker.")
    assert meta(f"{head}</head>").description == "Bake our sourdough, 4 nights a week. Start at 2am"
    # Naming an element is no markup: a docs page's description keeps it.
    docs = {"@type": "TechArticle", "description": "The <table> element holds rows of cells."}
    assert meta(f"<head>{ld(docs)}</head>").description == "The <table> element holds rows of cells."


def test_an_events_day_printed_on_its_page_is_no_publication_date() -> None:
    """The talk's time under the h1 is when the Event takes place; the page declares no date of its own."""
    event = {"@type": "Event", "name": "Bats at night", "startDate": "2026-05-14T11:30:00+01:00"}
    body = "<body><article><h1>Bats at night</h1><p>Thursday 14 May 2026, 11:30</p><p>A talk.</p></article></body>"
    assert meta(f"<head>{ld(event)}</head>{body}").date is None
    # A page that declares its own date keeps it, and without the Event the printed day is the dateline.
    dated = f'<head>{ld(event)}<meta property="article:published_time" content="2026-03-01T09:00:00+01:00"></head>'
    assert meta(f"{dated}{body}").date == "2026-03-01T09:00:00+01:00"
    assert meta(body).date is not None


def test_jsonld_page_types() -> None:
    """@type maps to a coarse page type."""
    cases = {"Product": "product", "Recipe": "recipe", "QAPage": "forum", "DiscussionForumPosting": "forum",
             "TechArticle": "documentation", "CollectionPage": "listing", "Service": "service"}
    for kind, expected in cases.items():
        assert meta(f"<head>{ld({'@type': kind, 'name': 'X thing'})}</head>").page_type == expected


def test_an_faq_question_makes_no_thread() -> None:
    """A Question that is one entry of a declared FAQPage types no page (a shop's category page answering its
    customers); a Question alone, or a QAPage's, is a thread."""
    question = {"@type": "Question", "name": "Which tent sleeps four?", "acceptedAnswer": {"@type": "Answer", "text": "A"}}
    faq = ld({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [question, {**question, "name": "Q2?"}]})
    crumbs = ld({"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Camp"}]})
    assert meta(f"<head>{crumbs}{faq}</head>").page_type is None
    assert meta(f"<head>{ld(question)}</head>").page_type == "forum"
    assert meta(f"<head>{ld({'@type': 'QAPage', 'mainEntity': question})}</head>").page_type == "forum"


def test_microdata_forum_post_makes_a_thread() -> None:
    """Forum software without JSON-LD marks a post with a DiscussionForumPosting itemtype: the page is a thread,
    over a theme's og:type "article"; an FAQ's microdata Question and Answer type no page."""
    post = ('<div itemscope itemtype="https://schema.org/DiscussionForumPosting"><span itemprop="author">reefkeeper'
            '</span><div itemprop="text"><p>Which filter do you run on a sixty litre tank?</p></div></div>')
    og = '<meta property="og:type" content="article">'
    assert meta(f"<head>{og}</head><body>{post}</body>").page_type == "forum"
    faq = ('<div itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">Do you ship abroad?</h3>'
           '<div itemscope itemtype="https://schema.org/Answer"><p itemprop="text">Yes.</p></div></div>')
    assert meta(f"<body>{faq}</body>").page_type is None


def test_theme_default_og_article_on_a_webpage_is_no_article() -> None:
    """og:type "article" beside a bare WebPage declaration names no type, unless og says when the post was published."""
    page = ld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Payroll services", "dateModified": "2024-02-01"},
        {"@type": "WebSite", "name": "Example Advisors"},
    ]})  # fmt: skip
    og = '<meta property="og:type" content="article">'
    modified = '<meta property="article:modified_time" content="2024-02-01T10:00:00+00:00">'
    published = '<meta property="article:published_time" content="2024-01-05T10:00:00+00:00">'
    assert meta(f"<head>{og}{modified}{page}</head>").page_type is None
    assert meta(f"<head>{og}{published}{page}</head>").page_type == "article"
    assert meta(f"<head>{og}</head>").page_type == "article"
    claim = ld({"@type": "ClaimReview", "claimReviewed": "The bridge will close", "reviewRating": {"ratingValue": 1}})
    assert meta(f"<head>{og}{page}{claim}</head>").page_type == "article"


def test_jsonld_image_list_and_string_keywords() -> None:
    """image as a list of strings; keywords as one comma-separated string."""
    obj = {"@type": "Article", "image": ["/a.jpg", "/b.jpg"], "keywords": "tea, coffee,  water "}
    m = meta(f"<head>{ld(obj)}</head>", "https://x.com/story")
    assert m.image == "https://x.com/a.jpg"
    assert m.tags == ("tea", "coffee", "water")


def test_jsonld_article_body_is_the_fallback_text() -> None:
    """articleBody survives when the visible page hides the text (trafilatura#99)."""
    obj = {"@type": "Article", "articleBody": "First&nbsp;paragraph.   Second   one."}
    assert meta(ld(obj)).body == "First paragraph. Second one."


# ---------------------------------------------------------------- meta tags


OG = """<html lang="en"><head><title>Council approves the new bridge | Example News</title>
<meta property="og:title" content="Council approves the new bridge">
<meta property="og:site_name" content="Example News">
<meta property="og:description" content="The council voted.">
<meta property="og:image" content="/img/bridge.jpg">
<meta property="og:image:alt" content="The bridge">
<meta property="og:type" content="article">
<meta property="og:url" content="https://example.com/bridge">
<meta property="article:published_time" content="2023-12-28T12:47:00+01:00">
<meta property="article:modified_time" content="2023-12-29T08:00:00Z">
<meta property="article:tag" content="bridges"><meta property="article:tag" content="council">
<meta property="article:section" content="Local">
<meta name="author" content="Jane Doe">
</head><body><h1>Council approves the new bridge</h1></body></html>"""


def test_opengraph() -> None:
    """OpenGraph and article:* tags fill the metadata."""
    m = meta(OG, "https://example.com/bridge?utm=1")
    assert m.title == "Council approves the new bridge"
    assert m.sitename == "Example News"
    assert m.description == "The council voted."
    assert m.image == "https://example.com/img/bridge.jpg"
    assert m.image_caption == "The bridge"
    assert m.page_type == "article"
    assert m.url == "https://example.com/bridge"
    assert m.date == "2023-12-28T12:47:00+01:00"
    assert m.date_modified == "2023-12-29T08:00:00+00:00"
    assert m.tags == ("bridges", "council")
    assert m.categories == ("Local",)
    assert m.authors == ("Jane Doe",)
    assert m.language == "en"


def test_twitter_card() -> None:
    """Twitter cards are used when OpenGraph is absent."""
    m = meta('<meta name="twitter:title" content="Tweeted title"><meta name="twitter:image" content="https://x/i.png">'
             '<meta name="twitter:description" content="Desc here">')
    assert (m.title, m.image, m.description) == ("Tweeted title", "https://x/i.png", "Desc here")


def test_dublin_core_and_citation() -> None:
    """DC.* / dcterms.* and citation_* (one author per tag, "Last, First")."""
    m = meta('<meta name="citation_title" content="On bridges">'
             '<meta name="citation_author" content="Doe, Jane">'
             '<meta name="citation_author" content="Roe, John">'
             '<meta name="citation_publication_date" content="2023/12/28">'
             '<meta name="DC.language" content="de_DE"><meta name="dcterms.license" content="CC-BY-4.0">')
    assert m.title == "On bridges"
    assert m.authors == ("Jane Doe", "John Roe")
    assert m.date == "2023-12-28"
    assert m.language == "de-DE"
    assert m.license == "CC-BY-4.0"
    dc = meta('<meta name="DC.title" content="DC title"><meta name="DC.creator" content="Ann Lee">'
              '<meta name="dcterms.issued" content="2022-01-02">'
              '<meta name="dcterms.modified" content="2022-02-03">')
    assert (dc.title, dc.authors) == ("DC title", ("Ann Lee",))
    assert (dc.date, dc.date_modified) == ("2022-01-02", "2022-02-03")


def test_unix_timestamp_in_meta() -> None:
    """A unix timestamp in a date meta tag is read as UTC."""
    assert meta('<meta name="publish-date" content="1703767620">').date == "2023-12-28T12:47:00+00:00"


def test_language_sources() -> None:
    """<html lang>, http-equiv content-language and og:locale, in that order."""
    assert meta('<html lang="pt-br"><meta property="og:locale" content="en_US">').language == "pt-BR"
    assert meta('<meta http-equiv="content-language" content="fr">').language == "fr"
    assert meta('<meta property="og:locale" content="en_EN">').language == "en"


def test_canonical_beats_og_url_and_argument() -> None:
    """A relative canonical link is resolved against the fetch URL."""
    m = meta('<link rel="canonical" href="/a/b"><meta property="og:url" content="https://x.com/og">',
             "https://x.com/a/b?ref=1")
    assert m.url == "https://x.com/a/b"
    assert meta("<p>x</p>", "https://x.com/p").url == "https://x.com/p"


def test_license_link() -> None:
    """rel=license declares the license."""
    assert meta('<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>').license == (
        "https://creativecommons.org/licenses/by/4.0/")


def test_values_collect_declared_strings() -> None:
    """values holds every distinct meta content and JSON-LD leaf of 3+ characters."""
    m = meta(OG + ld({"@type": "Article", "alternativeHeadline": "An echo", "x": "ab"}))
    assert "The council voted." in m.values and "An echo" in m.values
    assert "ab" not in m.values
    assert len(m.values) == len(set(m.values))


# ---------------------------------------------------------------- title


def test_title_prefers_the_one_agreeing_with_h1() -> None:
    """og:title is an SEO variant; the <title> that matches the h1 wins."""
    m = meta('<title>The real headline | Site</title><meta property="og:title" content="Click here now">'
             '<meta property="og:site_name" content="Site"><body><h1>The real headline</h1></body>')
    assert m.title == "The real headline"


def test_title_cleaned_and_h1_fallback() -> None:
    """<title> loses the site suffix; with nothing declared the h1 is the title."""
    title = meta("<title>Story of the day - Example</title>", "https://www.example.com/x").title
    assert title == "Story of the day"
    assert meta("<body><article><h1>Only an h1</h1></article></body>").title == "Only an h1"


def test_title_h1_drops_an_unknown_affix() -> None:
    """An unknown site suffix is dropped when the h1 is the title's first segment."""
    m = meta('<title>Turning off the status LED - Tinker Boards Forum</title>'
             "<body><main><h1>Turning off the status LED</h1></main></body>")
    assert m.title == "Turning off the status LED"


def test_title_unconfirmed_h1_that_rewrites_the_declared_title() -> None:
    """A visible headline sharing half its words with an SEO og:title beats it."""
    m = meta('<meta property="og:title" content="We tested nine kettles: the best of 2024">'
             "<body><article><h1>We tested nine kettles for a month</h1></article></body>")
    assert m.title == "We tested nine kettles for a month"


def test_title_h1_tagline_loses_to_the_declared_title() -> None:
    """A marketing h1 about something else than the declared title is not the page's title."""
    m = meta('<meta property="og:title" content="Harbour Rowing Club membership">'
             "<body><main><h1>Feel the water under your oars</h1></main></body>")
    assert m.title == "Harbour Rowing Club membership"


def test_title_faq_question_is_not_the_title() -> None:
    """An FAQ page's first question, picked as JSON-LD main entity, ranks after og:title."""
    faq = ld({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
        {"@type": "Question", "name": "How long does a survey take?",
         "acceptedAnswer": {"@type": "Answer", "text": "A day."}}]})
    m = meta(f'<meta property="og:title" content="Land surveys for homeowners">{faq}'
             "<body><main><h1>We measure twice</h1></main></body>")
    assert m.title == "Land surveys for homeowners"


def test_title_forum_suffix_holding_the_host_name() -> None:
    """A trailing segment that holds the host's name is the site's, even undeclared."""
    m = meta("<title>Fan noise after the update - Quietbox Forums</title><body><p>x</p></body>",
             url="https://forums.quietbox.example/t/123")
    assert m.title == "Fan noise after the update"


def test_title_home_page_keeps_its_leading_brand() -> None:
    """On a front page "Brand: what it does" is the title; elsewhere the brand prefix goes."""
    page = ('<meta property="og:site_name" content="Lumenkit">'
            "<title>Lumenkit: Lighting plans for small studios</title><body><p>x</p></body>")
    assert meta(page, url="https://lumenkit.example/").title == "Lumenkit: Lighting plans for small studios"
    assert meta(page, url="https://lumenkit.example/plans/studio").title == "Lighting plans for small studios"


def test_title_logo_h1_is_the_site_not_the_title() -> None:
    """A blog-name h1 that the <title> carries as its affix is never the title."""
    logo = "<body><header><h1>Quiet Circuits Notebook</h1></header><h2>Post</h2></body>"
    after = meta(f"<title>Soldering a tiny clock | Quiet Circuits Notebook</title>{logo}")
    assert after.title == "Soldering a tiny clock"
    before = meta('<title>Quiet Circuits Notebook: Soldering a tiny clock</title>'
                  f'<meta property="og:title" content="Soldering a tiny clock">{logo}')
    assert before.title == "Soldering a tiny clock"


def test_title_truncated_og_and_listing_h1s() -> None:
    """A truncated og:title yields to the full h1; a listing's teaser h1s never become the title."""
    m = meta('<meta property="og:title" content="Why the night bus timetable changed...">'
             "<body><h1>Why the night bus timetable changed in March</h1></body>")
    assert m.title == "Why the night bus timetable changed in March"
    teasers = "".join(f"<article><h1>Teaser headline number {i} here</h1></article>" for i in range(3))
    listing = meta(f'<meta property="og:title" content="Regional news"><body>{teasers}</body>')
    assert listing.title == "Regional news"


def test_title_h1_in_page_builder_wrappers() -> None:
    """Wrapper classes like "elementor-widget-container" or "show-sidebar" on <main> do not hide the h1."""
    m = meta('<meta property="og:title" content="Ten knots for sailors | Harbour Club">'
             '<body><main class="show-sidebar"><div class="elementor-widget-container">'
             "<h1>Ten knots for sailors</h1></div></main></body>")
    assert m.title == "Ten knots for sailors"


def test_microdata() -> None:
    """itemprop headline, author>name and datePublished."""
    m = meta('<body><div itemscope itemtype="https://schema.org/Article">'
             '<h1 itemprop="headline">Micro title</h1>'
             '<span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span>'
             '<time itemprop="datePublished" datetime="2020-05-06T07:08:09+02:00">May 6</time></div></body>')
    assert (m.title, m.authors, m.date) == ("Micro title", ("Ann Lee",), "2020-05-06T07:08:09+02:00")


# ---------------------------------------------------------------- dates (USERS.md item 6)


def test_related_post_time_is_not_the_date() -> None:
    """A related story's <time> is never the page's date (defuddle#295)."""
    html = """<body><article><header><h1>Main story</h1></header><p>Text.</p>
    <aside class="related"><h3>Older</h3><time datetime="2019-01-01">Jan 1</time></aside></article>
    <section class="comments"><time datetime="2024-01-05">later</time></section></body>"""
    assert meta(html).date is None


def test_time_next_to_h1_is_the_date() -> None:
    """The <time> in the article header is taken, not one in a related list before it."""
    html = """<body><div class="related-posts"><time datetime="2019-01-01">x</time></div>
    <article><header><h1>Main story</h1><p class="meta">
    <time datetime="2023-12-28T12:47:00+01:00">Dec 28</time></p></header><p>Text.</p></article></body>"""
    assert meta(html).date == "2023-12-28T12:47:00+01:00"


def test_timezone_kept_when_another_source_has_it() -> None:
    """JSON-LD gives the day, og: the same day with time and zone: the zone is kept (newspaper4k#429)."""
    html = (ld({"@type": "Article", "datePublished": "2023-12-28"})
            + '<meta property="article:published_time" content="2023-12-28T12:47:00-05:00">')
    assert meta(html).date == "2023-12-28T12:47:00-05:00"


def test_url_date_is_last_resort() -> None:
    """With nothing declared, a date in the URL is used."""
    assert meta("<p>x</p>", "https://x.com/2023/12/28/story").date == "2023-12-28"
    declared = meta('<meta name="date" content="2022-02-02"><p>x</p>', "https://x.com/2023/12/28/s")
    assert declared.date == "2022-02-02"


# ---------------------------------------------------------------- authors (USERS.md item 7)


def test_article_author_url_is_not_a_name() -> None:
    """article:author holding a profile URL yields no URL; a real name elsewhere wins (readability#938)."""
    html = ('<meta property="article:author" content="https://www.facebook.com/janedoe">'
            '<body><article><h1>Story</h1><p class="byline">By <a rel="author" href="/u/1">Jane Doe</a></p>'
            "</article></body>")
    assert meta(html).authors == ("Jane Doe",)
    only_url = '<meta property="article:author" content="https://x.com/author/john-roe/">'
    assert meta(only_url).authors == ("John Roe",)
    assert meta('<meta property="article:author" content="https://facebook.com/x">').authors == ()


def test_relative_time_before_name() -> None:
    """ "Hours Ago Devin Dwyer" is Devin Dwyer (newspaper4k#180)."""
    html = '<body><article><h1>Story</h1><div class="byline">3 Hours Ago Devin Dwyer</div></article></body>'
    assert meta(html).authors == ("Devin Dwyer",)


def test_several_authors_stay_several() -> None:
    """One meta author listing several names gives several authors (readability#153)."""
    assert meta('<meta name="author" content="Jane Doe, John Roe and Ann Lee">').authors == (
        "Jane Doe", "John Roe", "Ann Lee")


def test_photo_credit_is_not_a_byline() -> None:
    """A photo credit near the headline is skipped for the real byline."""
    html = """<body><article><header><h1>Story</h1>
    <figure><figcaption class="credit author">Photo: Reuters/Ann Lee</figcaption></figure>
    <div class="article-author">By Jane Doe</div></header></article></body>"""
    assert meta(html).authors == ("Jane Doe",)


def test_comment_author_is_not_the_author() -> None:
    """Names in the comments or the sidebar are no byline."""
    html = """<body><article><h1>Story</h1><p>Text</p>
    <div class="comments"><span class="comment-author">Troll Person</span></div></article>
    <aside><span class="author">Side Person</span></aside></body>"""
    assert meta(html).authors == ()


# ---------------------------------------------------------------- robustness


def test_empty_and_garbage_pages() -> None:
    """No declarations means an empty Metadata, never an exception (USERS.md item 13)."""
    assert meta("") == Metadata(url=None)
    assert meta("<script type='application/ld+json'>{{{not json</script>").title is None
    deep = "[" * 100_000 + "]" * 100_000
    assert meta(f"<script type='application/ld+json'>{deep}</script>").title is None


def test_tree_is_not_mutated() -> None:
    """The caller's tree is read only."""
    tree = LexborHTMLParser(OG + ld(ARTICLE))
    before = tree.html
    html_metadata(tree, "https://example.com/")
    assert tree.html == before


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_never_raises_on_any_string(html: str) -> None:
    """Any string parsed by lexbor gives a Metadata."""
    assert isinstance(meta(html, "https://example.com/a"), Metadata)


_FRAGMENTS = st.sampled_from([
    '<script type="application/ld+json">', "</script>", '{"@type":', '"Article"', '"author":', "[", "]", "{",
    "}", ",", '"@graph":', '{"@id": "#a"}', '"datePublished": "2023-1', "<meta property='og:title' content='",
    "'>", "<h1>", "</h1>", "<time datetime='", "<article>", '"name": "Jane Doe"', "<title>", "null", "1e999",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_never_raises_on_metadata_shaped_garbage(html: str) -> None:
    """Fragments of JSON-LD and meta markup glued at random never raise."""
    assert isinstance(meta(html), Metadata)


def test_meta_after_a_broken_head_is_read() -> None:
    """A stray element in <head> pushes the rest into <body>; those meta tags still count."""
    html = ('<html><head><img src="pixel.gif"><meta property="og:title" content="Late title">'
            '<link rel="canonical" href="https://x.com/late"></head><body><p>x</p></body></html>')
    m = meta(html)
    assert (m.title, m.url) == ("Late title", "https://x.com/late")


def test_dateline_right_after_h1() -> None:
    """With nothing declared, a short dateline following the h1 gives the date."""
    html = ('<body><div id="content"><h1>Results</h1><p class="meta">Posted by the secretary · 8 April 2024</p>'
            "<p>Long text that mentions 21 April as a deadline.</p></div></body>")
    assert meta(html).date == "2024-04-08"


def test_ideographic_space_kept_in_titles() -> None:
    """CJK titles keep U+3000 between phrases."""
    assert meta('<meta property="og:title" content="終電を繰り下げ\u3000観光客の増加受け">').title == (
        "終電を繰り下げ\u3000観光客の増加受け")


# ---------------------------------------------------------------- date fallbacks


def test_date_bare_span_beside_the_byline() -> None:
    """A date that is an element's whole text in the article header counts; a teaser's elsewhere does not."""
    m = meta('<body><article><div><h1>Harbour wall repaired</h1><p><a href="/author/ann-lee">Ann Lee</a></p>'
             '<span class="muted">Nov 21, 2018</span></div><p>Body text.</p></article>'
             '<aside class="related"><span>Jan 2, 2020</span></aside></body>')
    assert m.date == "2018-11-21"


def test_date_dateline_corrects_a_utc_timestamp_but_not_with_the_update() -> None:
    """The visible dateline wins when it is the local day of a UTC timestamp; a shown update stays the modification."""
    html = ('<head><meta property="article:published_time" content="2025-12-19T02:41:00+00:00"></head>'
            '<body><article><h1>Night market opens</h1><time datetime="2025-12-18">18 December 2025</time>'
            "</article></body>")
    assert meta(html).date == "2025-12-18"
    updated = ('<head><meta property="article:published_time" content="2019-08-11T10:00:00-05:00">'
               '<meta property="article:modified_time" content="2025-11-21T09:00:00-05:00"></head>'
               "<body><article><h1>Best bikes for hills</h1><p>Updated November 21, 2025</p></article></body>")
    assert (meta(updated).date, meta(updated).date_modified) == ("2019-08-11T10:00:00-05:00",
                                                                 "2025-11-21T09:00:00-05:00")
    same = ('<head><meta property="article:published_time" content="2025-12-19T12:00:00+00:00"></head>'
            '<body><article><h1>Night market opens</h1><time>20 December 2025</time></article></body>')
    assert meta(same).date == "2025-12-19T12:00:00+00:00"


def test_date_from_app_state_and_modified_as_last_resort() -> None:
    """Inline app state's publishedDate is read; a page dated only by its update gets that date."""
    state = '<script>window.__STATE__={"post":{"publishedDate":"2019-08-16T00:00:00.000Z"}}</script>'
    assert meta(f"<body>{state}<h1>Gym basics</h1></body>").date == "2019-08-16T00:00:00+00:00"
    only = meta('<meta property="og:updated_time" content="2025-07-27T00:28:47-07:00">')
    assert (only.date, only.date_modified) == ("2025-07-27T00:28:47-07:00", "2025-07-27T00:28:47-07:00")


def test_date_in_the_articles_own_aside_but_not_a_sidebar() -> None:
    """A <time> in a short <aside> within the article is the post's; one in a sidebar aside is a teaser's."""
    own = meta("<body><article><aside><time datetime='2021-06-06'>June 6, 2021</time></aside>"
               "<h2>Notes on rebasing</h2><p>Text of the post.</p></article></body>")
    assert own.date == "2021-06-06"
    sidebar = meta("<body><article><h2>Notes on rebasing</h2><p>Text.</p></article>"
                   "<aside><time datetime='2021-06-06'>June 6, 2021</time></aside></body>")
    assert sidebar.date is None


def test_date_from_builder_widgets_abbr_titles_and_date_headings() -> None:
    """Page-builder "widget" wrappers do not hide a date; <abbr title> and a date heading are read."""
    widget = meta('<body><div class="elementor-widget-container"><ul><li><span class="post-info__item--type-date">'
                  "<time>December 3, 2025</time></span></li></ul></div><p>Body.</p></body>")
    assert widget.date == "2025-12-03"
    abbr = meta("<body><span><abbr itemprop='datePublished' title='2025-12-19T15:18:00-05:00'>Dec 19</abbr>"
                "</span></body>")
    assert abbr.date == "2025-12-19T15:18:00-05:00"
    heading = meta("<body><h3><span>news | </span>February 01, 2022</h3><h2>Plant based</h2><p>Text.</p></body>")
    assert heading.date == "2022-02-01"


def test_byline_staff_links_and_byline_below_the_story() -> None:
    """Several /staff/ links in one byline are several authors; a byline after the story is still read."""
    m = meta('<body><article><div><h1>Rail bridges plan approved</h1><div class="bylines">By '
             '<a href="/staff/ann-lee">Ann Lee</a> and <a href="/staff/bo-chen">Bo Chen</a></div></div>'
             "</article></body>")
    assert m.authors == ("Ann Lee", "Bo Chen")
    below = meta('<body><main><h1>Tide tables explained</h1><p>Story text.</p></main>'
                 '<div class="post-author">Written by Mara Quist</div>'
                 '<aside class="related"><span class="author">Other Writer</span></aside></body>')
    assert below.authors == ("Mara Quist",)


def test_h1_in_an_article_under_a_sidebar_layout_class() -> None:
    """An h1 inside <article> is the headline (its dateline counts) even when a wrapper's class names a sidebar."""
    m = meta("<body><section class='blog blog--sidebar-right'>"
             "<article><div class='article__header'><h1>The best home gym for any budget</h1>"
             "<span>Jan 22, 2025</span></div><p>A bench, a rack and two adjustable dumbbells go a long way.</p>"
             "</article></section></body>")
    assert m.title == "The best home gym for any budget"
    assert m.date == "2025-01-22"


def test_jsonld_top_level_array_graph_object_and_prefixed_types() -> None:
    """A script holding an array, an @graph that is one object, and @type names with a vocabulary prefix."""
    array = [{"@type": "WebSite", "name": "Tide Times"},
             {"@type": "http://schema.org/NewsArticle", "headline": "Spring tides return",
              "author": [{"@type": "Person", "name": "Ann Lee"}, "Bo Chen"], "datePublished": "2024-04-02"}]
    m = meta(f"<head>{ld(array)}</head>")
    assert (m.title, m.authors, m.date, m.sitename) == ("Spring tides return", ("Ann Lee", "Bo Chen"),
                                                         "2024-04-02", "Tide Times")
    graph = {"@context": "https://schema.org", "@graph": {"@type": "schema:BlogPosting", "headline": "Neap tides",
                                                          "author": {"@type": "Person", "name": "Cy Dee"}}}
    m = meta(f"<head>{ld(graph)}</head>")
    assert (m.title, m.authors, m.page_type) == ("Neap tides", ("Cy Dee",), "article")


def test_jsonld_nested_main_entity_of_a_webpage_in_a_graph() -> None:
    """An article nested as a WebPage's mainEntity inside @graph is the main entity; its publisher is the site."""
    graph = {"@graph": [{"@type": "WebPage", "name": "Tides | Tide Times", "mainEntity": {
        "@type": "Article", "headline": "Tides explained", "dateModified": "2024-05-01T10:00:00Z",
        "publisher": {"@type": "Organization", "name": "Tide Times"}}}]}
    m = meta(f"<head>{ld(graph)}</head>")
    assert (m.title, m.sitename, m.date_modified) == ("Tides explained", "Tide Times", "2024-05-01T10:00:00+00:00")


def test_tags_from_rel_tag_links_when_none_are_declared() -> None:
    """Links marked rel="tag" are the page's tags; category links and a sidebar's tag cloud are not."""
    html = (
        "<html><body><article><p>Sorting strings without regard to case.</p><footer>"
        '<a href="/t/python" rel="tag">python</a> <a href="/t/sorting" rel="tag">sorting</a>'
        '<a href="/c/howto" rel="category tag">How-to</a></footer></article>'
        '<aside><a href="/t/rust" rel="tag">rust</a></aside></body></html>'
    )
    assert meta(html).tags == ("python", "sorting")
    declared = html.replace("<html>", '<html><head><meta name="keywords" content="strings, case"></head>')
    assert meta(declared).tags == ("strings", "case")
