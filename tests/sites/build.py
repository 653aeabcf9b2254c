"""Writes the invented multi-page sites of tests/sites from their article data and two site templates.

    python -m tests.sites.build

Per host folder, per page: ``<slug>.html`` (the page), ``<slug>.txt`` (its text dump as a Common
Crawl WET record holds it: every text node on its own line, benchmarks/flatten.py style "c") and
``<slug>.expected.txt`` (the article's text alone: as in fixtures/, the headline is the page's title,
metadata, not text). The generated files are committed; tests read them,
and rebuilding must give the same bytes (tests/test_sitemodel.py checks).

The news and recipe templates carry what real sites repeat on every page: menus, a sidebar of teasers whose
headlines are other pages' (and sometimes the page's own), promo and newsletter boxes and a footer
written as prose, plus what they vary: dates, comment counts, the teasers' order. The shop's
product pages add what is hardest for a model: boilerplate that reads like the page's own text and
sits in its container (a delivery notice, the maker's bio), and suggestion cards that differ per page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.flatten import wet_text

from . import articles_gazette, articles_kitchen, articles_shop

ROOT = Path(__file__).parent
Article = dict[str, Any]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _pretty(date: str) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def _body(items: Sequence[Any]) -> str:
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(f"<p>{_e(item)}</p>")
        elif item[0] == "h2":
            out.append(f"<h2>{_e(item[1])}</h2>")
        else:
            lis = "".join(f"<li>{_e(x)}</li>" for x in item[1])
            out.append(f"<{item[0]}>{lis}</{item[0]}>")
    return "\n".join(out)


def expected(article: Article) -> str:
    """The article as extraction should give it: its paragraphs, list items on adjacent lines (the headline is
    ``metadata.title``, as in fixtures/README.md)."""
    parts: list[str] = []
    for item in article["body"]:
        if isinstance(item, str):
            parts.append(item)
        elif item[0] == "h2":
            parts.append(item[1])
        else:
            parts.append("\n".join(item[1]))
    return "\n\n".join(parts) + "\n"


def _teasers(articles: Sequence[Article], start: int, n: int) -> list[Article]:
    return [articles[(start + k) % len(articles)] for k in range(n)]


def gazette(articles: Sequence[Article], i: int) -> str:
    a = articles[i]
    most_read = "".join(
        f'<li><a href="/{t["slug"]}">{_e(t["headline"])}</a></li>' for t in _teasers(articles, 2 * i, 5)
    )
    related = "".join(
        f'<li><a href="/{t["slug"]}"><span class="kicker">{_e(t["section"])}</span> {_e(t["headline"])}</a></li>'
        for t in _teasers(articles, i + 1, 2)
    )
    sections = ["News", "Transport", "Business", "Community", "Education", "Sport", "Opinion", "What's on"]
    nav = "".join(f'<li><a href="/{s.lower()}">{_e(s)}</a></li>' for s in sections)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{_e(a["headline"])} | The Harbour Gazette</title>
<meta name="description" content="{_e(a["body"][0])}">
<meta property="og:site_name" content="The Harbour Gazette">
<meta name="author" content="{_e(a["author"])}">
<meta property="article:published_time" content="{a["date"]}T07:30:00+00:00">
<link rel="canonical" href="https://harbourgazette.example/{a["slug"]}">
</head>
<body>
<div class="top-bar"><span>Port Elmsworth's independent newspaper since 1884</span>
<a href="/subscribe">Subscribe</a> <a href="/login">Sign in</a></div>
<header class="site-header">
<a class="logo" href="/">The Harbour Gazette</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
<p class="weather">Tide tables and weather for the bay, updated every morning</p>
</header>
<div class="page">
<main class="content">
<article class="story">
<p class="story-kicker"><a href="/{a["section"].lower()}">{_e(a["section"])}</a></p>
<h1>{_e(a["headline"])}</h1>
<p class="byline">By <a href="/authors/{a["author"].lower().replace(" ", "-")}">{_e(a["author"])}</a>
<time datetime="{a["date"]}">{_pretty(a["date"])}</time></p>
{_body(a["body"])}
<div class="share">Share this story <a href="#">Email</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a></div>
</article>
<section class="related"><h2>More from the Gazette</h2><ul>{related}</ul></section>
</main>
<aside class="sidebar">
<section class="widget most-read"><h3>Most read</h3><ol>{most_read}</ol></section>
<section class="widget support"><h3>Support local journalism</h3>
<p>The Gazette has reported on the harbour, the council and the people of Port Elmsworth for more than a
century. A subscription costs less than a coffee a week and keeps our reporters at the council meetings,
in the courts and on the quayside.</p>
<p><a href="/subscribe">Become a subscriber</a></p></section>
<section class="widget newsletter"><h3>The Morning Tide</h3>
<p>Our free newsletter arrives before breakfast on weekdays, with the stories that matter in town, the
tide times and the weather for the weekend ahead.</p>
<form action="/newsletter"><input type="email" name="email" placeholder="Your email"><button>Sign up</button></form>
</section>
</aside>
</div>
<footer class="site-footer">
<p>The Harbour Gazette is published by Elmsworth Community Media, a not-for-profit company owned by its
readers. We follow the editors' code of practice, and complaints about our coverage can be sent to the
readers' editor, who answers every one within ten working days.</p>
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
<li><a href="/advertise">Advertise</a></li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul>
<p>&copy; 2025 Elmsworth Community Media, 14 Quay Street, Port Elmsworth</p>
</footer>
</body>
</html>
"""


def kitchen(articles: Sequence[Article], i: int) -> str:
    a = articles[i]
    comments = (3 * i + 2) % 17
    popular = "".join(
        f'<li><a href="/{t["slug"]}/">{_e(t["headline"])}</a></li>' for t in _teasers(articles, 6 - i, 4)
    )
    menu = ["Recipes", "Baking", "Suppers", "Soups", "Puddings", "About", "Contact"]
    nav = "".join(f'<li class="menu-item"><a href="/{m.lower()}/">{m}</a></li>' for m in menu)
    return f"""<!doctype html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{_e(a["headline"])} - Fernleaf Kitchen</title>
<meta property="og:title" content="{_e(a["headline"])}">
<meta property="og:site_name" content="Fernleaf Kitchen">
<meta property="article:published_time" content="{a["date"]}">
</head>
<body class="post-template-default single single-post postid-{101 + 7 * i} single-format-standard">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">Fernleaf Kitchen</a></p>
<p class="site-description">Seasonal home cooking from a small northern garden</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav}</ul></nav>
</header>
<div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{101 + 7 * i}" class="post type-post status-publish">
<header class="entry-header">
<h1 class="entry-title">{_e(a["headline"])}</h1>
<div class="entry-meta">Posted on <time datetime="{a["date"]}">{_pretty(a["date"])}</time> by
<a href="/author/{a["author"].split()[0].lower()}/">{_e(a["author"])}</a> &middot;
<a href="#comments">{comments} comments</a></div>
</header>
<div class="entry-content">
<p class="disclosure">This post may contain affiliate links. If you buy something through one of them we may
earn a small commission, at no extra cost to you, which helps keep the blog running.</p>
{_body(a["body"])}
<div class="recipe-note"><p>Made this recipe? Leave a comment below and tell us how it went.</p></div>
</div>
<footer class="entry-footer">Filed under <a href="/{a["section"].lower()}/">{_e(a["section"])}</a></footer>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<form id="commentform"><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form>
</div></div>
</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_text"><h2 class="widget-title">Hello, I'm Hattie</h2>
<div class="textwidget"><p>I cook, bake and grow vegetables in a small garden on the edge of the moors,
and I have shared the recipes my family actually eats here since 2014. Every recipe on the blog is tested
at least three times in an ordinary kitchen with an ordinary oven.</p></div></section>
<section class="widget widget_recent"><h2 class="widget-title">Popular recipes</h2><ul>{popular}</ul></section>
<section class="widget widget_book"><h2 class="widget-title">The Fernleaf cookbook</h2>
<p>Eighty seasonal recipes, half of them never published on the blog, with a whole chapter on preserving
what the garden gives you in a glut. Out now in paperback and as an e-book.</p>
<p><a href="/book/">Find out more</a></p></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">
<p>All recipes and photographs on this site are our own. Please do not republish them without asking
first; sharing a link with a short description is always welcome.</p>
<p>&copy; 2025 Fernleaf Kitchen &middot; <a href="/privacy/">Privacy policy</a> &middot;
<a href="/accessibility/">Accessibility</a></p>
</div></footer>
</div>
</body>
</html>
"""


def shop(articles: Sequence[Article], i: int) -> str:
    """A small shop's product page: the shop-wide delivery notice and the potter's bio sit inside the
    product's own container, read like its text and are on every page; the suggestions differ per page."""
    a = articles[i]
    stock = (5 * i + 3) % 9 + 1
    also = "".join(
        f'<li class="card"><a href="/products/{t["slug"]}"><h3>{_e(t["headline"])}</h3></a>'
        f'<p class="card-blurb">{_e(t["blurb"])}</p><p class="price">{t["price"]}</p></li>'
        for t in _teasers(articles, i + 1, 3)
    )
    shelves = ["Mugs", "Bowls", "Plates", "Vases", "Teapots", "Planters", "Gift cards", "Seconds"]
    nav = "".join(f'<li><a href="/collections/{s.lower().replace(" ", "-")}">{_e(s)}</a></li>' for s in shelves)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{_e(a["headline"])} &ndash; Saltmarsh Pottery</title>
<meta property="og:type" content="product">
<meta property="og:title" content="{_e(a["headline"])}">
<meta property="og:site_name" content="Saltmarsh Pottery">
<meta name="description" content="{_e(a["blurb"])}">
</head>
<body class="template-product">
<div class="announcement-bar"><p>Free UK delivery on orders over £60</p></div>
<header class="site-header">
<a class="site-logo" href="/">Saltmarsh Pottery</a>
<nav class="site-nav"><ul>{nav}</ul></nav>
<div class="header-icons"><a href="/search">Search</a> <a href="/account">Account</a> <a href="/cart">Basket (0)</a></div>
</header>
<main id="MainContent">
<nav class="breadcrumbs"><a href="/">Home</a> / <a href="/collections/{a["section"].lower().replace(" ", "-")}">{_e(a["section"])}</a></nav>
<div class="product">
<div class="product-media"><img src="/img/{a["slug"]}-1.jpg" alt="{_e(a["headline"])}"></div>
<div class="product-info">
<h1 class="product-title">{_e(a["headline"])}</h1>
<p class="product-price">{a["price"]}</p>
<p class="stock">Only {stock} left in stock</p>
<form action="/cart/add"><button type="submit">Add to basket</button></form>
<div class="product-notice"><p>Every piece is made by hand in our workshop on the edge of the salt marsh, so
colours and sizes vary a little from the photographs. Orders are packed in recycled paper and sent within
five working days, and anything can be returned unused within thirty days for a full refund.</p></div>
<div class="product-description">
{_body(a["body"])}
</div>
<div class="maker-bio"><h2>About the potter</h2>
<p>Saltmarsh Pottery is the workshop of one potter and an apprentice, working from a converted boat shed
since 2011. Every piece is thrown, trimmed, glazed and fired on site, and the seconds that do not pass
inspection are sold at the workshop door twice a year.</p></div>
</div>
</div>
<section class="related-products"><h2>You may also like</h2><ul class="cards">{also}</ul></section>
</main>
<section class="newsletter"><h2>Letters from the workshop</h2>
<p>Once a month we write about what is coming out of the kiln, the next open studio day and the occasional
glaze experiment that went wrong. No offers you did not ask for, and you can unsubscribe at any time.</p>
<form action="/contact#newsletter"><input type="email" name="email" placeholder="Email"><button>Subscribe</button></form>
</section>
<footer class="site-footer">
<ul><li><a href="/pages/delivery">Delivery</a></li><li><a href="/pages/returns">Returns</a></li>
<li><a href="/pages/wholesale">Wholesale</a></li><li><a href="/pages/contact">Contact</a></li></ul>
<p>Saltmarsh Pottery, The Boat Shed, Marsh Lane. Registered in England, company number 07700000.</p>
<p>&copy; 2025 Saltmarsh Pottery</p>
</footer>
</body>
</html>
"""


SITES: dict[str, tuple[Sequence[Article], Callable[[Sequence[Article], int], str]]] = {
    "harbourgazette.example": (articles_gazette.ARTICLES, gazette),
    "fernleafkitchen.example": (articles_kitchen.ARTICLES, kitchen),
    "saltmarshpottery.example": (articles_shop.ARTICLES, shop),
}


def pages() -> dict[Path, str]:
    """Every file of tests/sites the builder writes, by path, with its text."""
    out: dict[Path, str] = {}
    for host, (articles, render) in SITES.items():
        for i, a in enumerate(articles):
            page = render(articles, i)
            out[ROOT / host / f"{a['slug']}.html"] = page
            out[ROOT / host / f"{a['slug']}.txt"] = wet_text(page) + "\n"
            out[ROOT / host / f"{a['slug']}.expected.txt"] = expected(a)
    return out


def main() -> None:
    for path, text in pages().items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")


if __name__ == "__main__":
    main()
