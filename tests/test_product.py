"""Product pages: their page type, their carousels of other products, their declared description."""

from __future__ import annotations

import boilerstrip
from boilerstrip.detectors.evidence import EvidenceDetector
from boilerstrip.metadata.html import html_metadata
from boilerstrip.model import Block, Metadata, PageInfo
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


def _card(name: str, price: str) -> str:
    return (
        f'<li class="tile"><h3><a href="/p/{name.split()[0].lower()}">{name}</a></h3>'
        f'<span class="tag">New in stock</span><span class="price">{price}</span></li>'
    )


CARDS = "".join(
    _card(n, p) for n, p in [
        ("Harbour Canvas Tote Bag Large", "$39.00"), ("Ridge Wool Beanie Hat Grey", "$22.00"),
        ("Summit Steel Water Bottle Matte", "$28.50"), ("Cabin Flannel Overshirt Red Check", "$64.00"),
        ("Canyon Leather Card Wallet Tan", "$31.00"),
    ]
)  # fmt: skip
PAGE = (
    "<html><head>{head}<title>Pine Camp Stool | Northwind Outfitters</title></head><body>"
    '<nav><a href="/">Home</a> <a href="/camp">Camp</a></nav><main>'
    '<h1>Pine Camp Stool</h1><div class="price">$45.00</div>'
    "<ul><li>Folds flat</li><li>Beech legs</li><li>Holds 120 kg</li></ul>"
    '<button>Add to cart</button></main><section class="more"><h2>More to explore</h2><ul>'
    + CARDS + "</ul></section><footer>Northwind Outfitters</footer></body></html>"
)  # fmt: skip


def test_carousel_of_priced_cards_goes_on_a_product_page() -> None:
    """Judged by structure, a product page's list of priced cards is other products, not the page."""
    product = boilerstrip.extract(PAGE.format(head='<meta property="og:type" content="product">'))
    assert product.page_type == "product"
    assert "Harbour Canvas Tote Bag Large" not in product.text
    assert any(s.rule == "fallback.carousel" for v in product.blocks for s in v.signals)


def test_same_cards_are_lifted_on_an_undeclared_page() -> None:
    """Without a product declaration the same list of cards is what the page is made of."""
    plain = boilerstrip.extract(PAGE.format(head=""))
    assert "Harbour Canvas Tote Bag Large" in plain.text
    assert not any(s.rule == "fallback.carousel" for v in plain.blocks for s in v.signals)


DESCRIPTION = "A folding stool of steamed beech with a waxed canvas seat, light enough to carry on a long walk."


def _described(page_type: str | None) -> bool:
    blocks = [
        Block(index=0, text="Pine Camp Stool", role="heading"),
        Block(index=1, text=DESCRIPTION + " Each one is finished by hand."),
    ]
    page = PageInfo(kind="html", metadata=Metadata(description=DESCRIPTION, page_type=page_type))
    return any(s.rule == "evidence.described" for s in EvidenceDetector().detect(blocks, page))


def test_declared_description_is_evidence_on_a_product_page() -> None:
    """The block that prints a product's declared description gets content evidence; an article's does not."""
    assert _described("product")
    assert not _described("article")
    assert not _described(None)


def _fine_print_page(page_type: str) -> str:
    ld = f'<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{page_type}","name":"Trail Lamp"}}</script>'
    own = (
        "The trail lamp gives four hundred lumens for six hours on one charge, weighs ninety grams and clips "
        "to any strap. Its beam switches between a wide flood for camp and a narrow spot for the path ahead. "
    )
    terms = (
        "Monthly pricing requires a qualifying credit account and is subject to approval by the lender."
    )
    return (
        f"<html><head>{ld}</head><body><main><h1>Trail lamp</h1><p>{own * 2}</p><p>{own}</p>"
        f'<div class="fine-print"><p>{terms}</p></div></main></body></html>'
    )


def test_fine_print_goes_on_a_product_page() -> None:
    """A product page's fine print (financing terms under the price) goes: the page type weighs the fine-print
    class more, as it does review markup; on a page that declares no product the same markup is judged as text."""
    product = boilerstrip.extract(_fine_print_page("Product"))
    plain = boilerstrip.extract(_fine_print_page("WebPage"))
    assert "four hundred lumens" in product.text and "four hundred lumens" in plain.text
    assert "qualifying credit account" not in product.text
    assert "qualifying credit account" in plain.text


SHEET_DESCRIPTION = (
    "A merino crew that breathes on the climb and keeps you warm on the ridge, cut long in the back for the pack."
)


def _sheet_page(page_type: str) -> str:
    ld = (
        f'<script type="application/ld+json">{{"@context":"https://schema.org","@type":"{page_type}",'
        f'"name":"Ridge Merino Crew","description":"{SHEET_DESCRIPTION}"}}</script>'
    )
    menu = "".join(f'<li><a href="/c/{w}">{w.title()}</a></li>' for w in ("tops", "layers", "socks", "sale"))
    return (
        f"<html><head>{ld}</head><body>"
        f'<div class="drawer" role="dialog" aria-modal="true"><nav><ul>{menu}</ul></nav>'
        '<p>Sign up for early access to new colours</p></div>'
        '<main><div class="gallery"><p>Swipe through the pictures of this product to zoom in on the weave.</p></div>'
        '<div class="buy"><h1>Ridge Merino Crew</h1><span class="price">$68.00</span>'
        '<button>Add to bag</button></div>'
        '<section class="accordion"><button><h5>Description</h5></button>'
        '<div class="sheet" role="dialog" aria-modal="false"><h5>Description</h5><button>Close</button>'
        f'<div class="sheet-content"><p><strong>BUILT FOR THE LONG WAY UP</strong></p><p>{SHEET_DESCRIPTION}</p>'
        "<ul><li>Regular fit</li><li>Flatlock seams</li><li>Thumb loops</li><li>100% merino wool</li>"
        "<li>Model is 180 cm and wears M</li><li>SKU: RMC-0420</li></ul></div></div></section></main>"
        "<footer><p>Free returns within 30 days</p></footer></body></html>"
    )


def test_description_in_a_sheet_is_the_product_text() -> None:
    """A product's declared description printed in a sheet (role="dialog") is kept with its heading and feature
    list; the menu drawer beside it stays out. Without a product declaration the sheet is a dialog as before."""
    product = boilerstrip.extract(_sheet_page("Product"))
    assert SHEET_DESCRIPTION in product.text
    assert "Flatlock seams" in product.text and "SKU: RMC-0420" in product.text
    assert "Sign up for early access" not in product.text
    assert any(s.rule == "evidence.described-sheet" for v in product.blocks for s in v.signals)
    plain = boilerstrip.extract(_sheet_page("WebPage"))
    assert not any(s.rule == "evidence.described-sheet" for v in plain.blocks for s in v.signals)


def _shop_page(priced: bool) -> str:
    """An undeclared shop page: a grid of cards (priced or not), a blurb, and a carousel of customer reviews."""
    cards = "".join(
        f"<li><a href='/p/{k}'><h3>Handmade walnut serving board no. {k}</h3></a>"
        f"<span>{f'${20 + k}.00' if priced else 'In stock'}</span></li>"
        for k in range(6)
    )
    reviews = "".join(
        f"<div class='review'><p>{t}</p><p>Verified buyer</p></div>"
        for t in (
            "I bought two of these boards for my sister and they arrived well packed and smelling of oil.",
            "The grain on mine is even nicer than in the photos and it has not warped after months of use.",
            "Shipping took a little longer than promised, but the maker answered every question I sent him.",
        )
    )
    return (
        "<html><head><title>Serving boards</title></head><body><main><h1>Serving boards</h1>"
        "<p>Every board in this collection is cut from a single slab of walnut, oiled by hand and finished "
        "in our workshop, so no two of them look quite the same on your table.</p>"
        f"<ul class='grid'>{cards}</ul><section class='reviews'><h2>What customers say</h2>{reviews}</section>"
        "</main></body></html>"
    )


def test_reviews_beside_priced_cards_weigh_as_on_a_product_page() -> None:
    """A page that declares no type but sells (a list of priced cards) weighs its reviews as a product page does
    (pipeline.SHOP_REVIEW_SCALE): they are other people's opinions beside the shop's items, which stay."""
    r = boilerstrip.extract(_shop_page(priced=True))
    assert "cut from a single slab of walnut" in r.text and "serving board no. 3" in r.text
    assert "arrived well packed" not in r.text and "has not warped" not in r.text
    # Without prices the page shows no sign of selling: its reviews weigh as anywhere else, and this prose stays.
    assert "arrived well packed" in boilerstrip.extract(_shop_page(priced=False)).text
