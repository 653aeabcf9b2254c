"""Product pages: their page type, their carousels of other products, their declared description."""

from __future__ import annotations

from boilerstrip.metadata.html import html_metadata
from boilerstrip.model import Metadata
from boilerstrip.source import parse_html


def _meta(head: str, body: str = "<h1>Trail Lamp</h1>") -> Metadata:
    return html_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_faq_question_does_not_outrank_the_product() -> None:
    """A product page's FAQ (FAQPage of Questions) leaves the page a product, not a forum thread."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":'
        '[{"@type":"Question","name":"Is it waterproof?","acceptedAnswer":{"@type":"Answer","text":"Yes."}}]}'
        '</script><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",'
        '"name":"Trail Lamp","offers":{"@type":"Offer","price":"24.00"}}</script>'
    )
    assert _meta(ld).page_type == "product"


def test_question_of_a_qa_page_is_still_a_thread() -> None:
    """A QAPage's one Question keeps the page a forum thread."""
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":'
        '{"@type":"Question","name":"Why does my lamp flicker?","answerCount":2}}</script>'
    )
    assert _meta(ld).page_type == "forum"


def test_og_product_after_a_theme_article() -> None:
    """og:type printed twice, a theme's "article" then a shop's "product": the page is a product."""
    head = '<meta property="og:type" content="article"><meta property="og:type" content="og:product">'
    assert _meta(head).page_type == "product"


def test_og_product_group_is_no_product() -> None:
    """og:type "product.group" (a shop's collection page) names no single product."""
    assert _meta('<meta property="og:type" content="product.group">').page_type is None
