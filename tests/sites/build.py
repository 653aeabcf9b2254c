"""Writes the invented multi-page sites of tests/sites from their article data and two site templates.

    python -m tests.sites.build

Per host folder, per page: ``<slug>.html`` (the page), ``<slug>.txt`` (its text dump as a Common
Crawl WET record holds it: every text node on its own line, benchmarks/flatten.py style "c") and
``<slug>.expected.txt`` (the article alone). The generated files are committed; tests read them,
and rebuilding must give the same bytes (tests/test_sitemodel.py checks).

Both templates carry what real sites repeat on every page: menus, a sidebar of teasers whose
headlines are other pages' (and sometimes the page's own), promo and newsletter boxes and a footer
written as prose, plus what they vary: dates, comment counts, the teasers' order.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.flatten import wet_text

from . import articles_gazette, articles_kitchen

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
    """The article as extraction should give it: headline, then paragraphs; list items on adjacent lines."""
    parts = [article["headline"]]
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


SITES: dict[str, tuple[Sequence[Article], Callable[[Sequence[Article], int], str]]] = {
    "harbourgazette.example": (articles_gazette.ARTICLES, gazette),
    "fernleafkitchen.example": (articles_kitchen.ARTICLES, kitchen),
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
