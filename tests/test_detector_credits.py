"""Unit tests of the credits detector: photo credits strongly, captions moderately."""

from __future__ import annotations

from detector_scoring import by_index, first_index, html_blocks

from boilerstrip.detectors.credits import CreditsDetector
from boilerstrip.model import Metadata, PageInfo
from boilerstrip.segment.text import segment_text

DUMP = """\
Harbour Wall Repairs to Begin in Spring

09:15 GMT 04.03.2024
© Northwire / Ana Castell / View the galleryWorkers inspect the damaged harbour wall at Port Aldwick after the January storms.
Workers inspect the damaged harbour wall at Port Aldwick after the January storms. - Coast Courier, 1920, 04.03.2024
© Northwire / Ana Castell
/
View the gallery
PORT ALDWICK - Repairs to the storm-damaged harbour wall will begin in April, the council said on Monday, after engineers found that two sections had moved by almost a metre.
A fishing boat moored at the quay. Archive photo - Coast Courier, 1920, 12.02.2024
The work is expected to take six months and will close the north quay to visitors until the autumn.
"""


_weights, _rules = by_index(CreditsDetector)
_html = html_blocks
_index = first_index


def test_dump_credit_lines_are_strongly_negative() -> None:
    """The credit, the separator, the gallery link and the glued credit+caption line are credits."""
    blocks = segment_text(DUMP)
    w = _weights(blocks, PageInfo(kind="text", metadata=Metadata(sitename="Coast Courier")))
    for start in ("© Northwire / Ana Castell / View", "© Northwire / Ana Castell", "/", "View the gallery"):
        i = next(
            b.index
            for b in blocks
            if b.text == start or (start.endswith("View") and b.text.startswith(start))
        )
        assert w[i] <= -1.0, start


def test_caption_copy_with_site_suffix() -> None:
    """A caption repeated with ' - <Site>, 1920, <date>' is flagged by the suffix rule."""
    blocks = segment_text(DUMP)
    page = PageInfo(kind="text", metadata=Metadata(sitename="Coast Courier"))
    rules = _rules(blocks, page)
    i = _index(blocks, "Workers inspect")
    assert "credits.caption-suffix" in rules[i]
    assert "credits.file-photo" in rules[_index(blocks, "A fishing boat")]


def test_caption_suffix_without_sitename() -> None:
    """Without a known site name, an image-size-and-date tail still marks the caption copy."""
    blocks = segment_text(DUMP)
    rules = _rules(blocks, PageInfo(kind="text"))
    assert "credits.caption-suffix" in rules[_index(blocks, "Workers inspect")]


def test_dump_paragraphs_and_header_untouched() -> None:
    """Article paragraphs, the headline and the date line of the dump get no credit signal."""
    blocks = segment_text(DUMP)
    w = _weights(blocks, PageInfo(kind="text", metadata=Metadata(sitename="Coast Courier")))
    for start in ("PORT ALDWICK", "The work is expected", "Harbour Wall Repairs", "09:15 GMT"):
        assert w.get(_index(blocks, start), 0.0) == 0.0, start


def test_agency_slash_credits() -> None:
    """Agency credits in credit position: 'AFP / John Doe', 'Reuters/Jane Roe', 'Photo by X/Getty Images'."""
    blocks = segment_text(
        "AFP / John Doe\nReuters/Jane Roe\n(Photo by Lena Park/Getty Images)\nEPA-EFE/Marco Bellini\nGetty Images\n"
    )
    w = _weights(blocks, PageInfo(kind="text"))
    assert all(w[b.index] <= -1.0 for b in blocks), w


def test_agency_inside_prose_is_not_a_credit() -> None:
    """A paragraph that says 'AFP reported that...' or a short sentence naming Reuters is not hit."""
    blocks = segment_text(
        "Officials told AFP reported that the talks had stalled, and Reuters later confirmed the account "
        "with two diplomats who asked not to be named because the negotiations were private.\n"
        "Reuters said the talks had failed.\n"
        "The photo by the river shows the old mill before the fire.\n"
    )
    assert _weights(blocks, PageInfo(kind="text")) == {}


def test_legal_footer_is_not_a_credit() -> None:
    """'© 2024 Site. All rights reserved' is the consent detector's, not a credit."""
    blocks = segment_text(
        "© 2024 Coast Courier Ltd. All rights reserved.\n© Coast Courier Media. All rights reserved.\n"
    )
    assert _weights(blocks, PageInfo(kind="text")) == {}


def test_system_requirement_lines_are_no_credits() -> None:
    """"Graphics:" and "Video:" open the lines of a requirements sheet; with "credit" or "source" they are credits."""
    blocks = segment_text(
        "Graphics: 2 GB VRAM, DirectX 11\nVideo: 1080p capture at 60 fps\n"
        "Graphic credit: Lena Hart\nVideo source: Harbour Cam\n"
    )
    w = _weights(blocks, PageInfo(kind="text"))
    assert [w.get(b.index, 0.0) <= -1.0 for b in blocks] == [False, False, True, True], w


def test_credit_labels_multilingual() -> None:
    """'Photo:', 'Foto:', 'Bild:', 'Crédit photo', 'Credit:', 'Image:' open credit lines."""
    blocks = segment_text(
        "Photo: Ana Castell\nFoto: dpa\nBild: Keystone\nCrédit photo : Jean Morel\nCredit: Ana Castell\n"
        "Image: Pexels\nPhoto by Tom Reyes on Unsplash\nФото: Иван Петров\n"
    )
    w = _weights(blocks, PageInfo(kind="text"))
    assert all(w[b.index] <= -1.0 for b in blocks), w


def test_figcaption_is_moderate_and_credit_strong() -> None:
    """A figcaption gets a moderate signal; one with a glued 'Photo:' credit a strong one."""
    blocks = _html(
        "<article><figure><img src='a.jpg'><figcaption>The quay at dawn.</figcaption></figure>"
        "<figure><img src='b.jpg'><figcaption>The quay at night. <span>Photo: Ana Castell / Coast Courier"
        "</span></figcaption></figure><p>The harbour wall will be repaired in April, the council said.</p></article>"
    )
    w = _weights(blocks, PageInfo(kind="html"))
    assert -1.0 < w[_index(blocks, "The quay at dawn")] < 0
    assert w[_index(blocks, "The quay at night")] <= -1.5
    assert _index(blocks, "The harbour wall") not in w


def test_credit_class_tokens() -> None:
    """Class tokens image-credit and wp-caption mark credits and captions; a paragraph elsewhere is untouched."""
    blocks = _html(
        "<div class='wp-caption'><p class='wp-caption-text'>Boats in the outer harbour</p>"
        "<p class='image-credit'>Ana Castell</p></div><p>Repairs begin in April.</p>"
    )
    w = _weights(blocks, PageInfo(kind="html"))
    assert w[_index(blocks, "Boats")] < 0
    assert w[_index(blocks, "Ana Castell")] <= -0.8
    assert _index(blocks, "Repairs") not in w


def test_gallery_link_kinds() -> None:
    """'Open the full gallery', 'Go to the photo bank', 'Zur Bildergalerie' are gallery links."""
    blocks = segment_text(
        "Open the full gallery\nGo to the photo bank\nSee the image bank\nZur Bildergalerie\n"
    )
    rules = _rules(blocks, PageInfo(kind="text"))
    assert all("credits.gallery-link" in rules[b.index] for b in blocks)


def test_caption_echo_without_suffix() -> None:
    """The caption printed again after a glued credit line, without suffix, is flagged as an echo."""
    caption = "Fishing boats wait out the storm inside the breakwater at Port Aldwick."
    blocks = segment_text(
        f"© Northwire / Ana Castell / View the gallery{caption}\n{caption}\nThe storm passed.\n"
    )
    rules = _rules(blocks, PageInfo(kind="text"))
    assert "credits.caption-echo" in rules[1]
    assert 2 not in rules


def test_rule_ids_and_evidence() -> None:
    """Every signal carries a credits.* rule id and a non-empty evidence string."""
    blocks = segment_text(DUMP)
    for s in CreditsDetector().detect(blocks, PageInfo(kind="text")):
        assert s.rule.startswith("credits.") and s.evidence and s.weight < 0


def test_extra_agencies_and_rules() -> None:
    """Users extend the agency list and the rules by construction, not by mutation."""
    blocks = segment_text("Ana Castell / Northwire\nNorthwire\n")
    d = CreditsDetector(agencies=["Northwire"])
    assert {s.block for s in d.detect(blocks, PageInfo(kind="text")) if s.rule == "credits.agency"} == {0, 1}
    assert not any(
        s.rule == "credits.agency" for s in CreditsDetector().detect(blocks, PageInfo(kind="text"))
    )


def test_a_caption_with_its_credit_is_a_captioned_picture() -> None:
    """A caption (by markup) ending in a parenthesised credit, or with its credit line beside it, is
    marked credits.captioned; a caption-classed standfirst without a credit, and prose ending in an
    agency's name in brackets, are not."""
    blocks = _html(
        "<figure><img src='a.jpg'><figcaption>Dredgers work in the eastern channel of the harbour on Tuesday, "
        "March 4, 2024. (AP Photo/Ana Castell) more</figcaption></figure>"
        "<ul class='gallery'><li><div class='caption'>Ferries wait for the tide at the north quay before the "
        "morning crossing.</div><div class='caption'>Photo: Tom Reyes, Reuters</div></li></ul>"
        "<p class='caption-standfirst'>The board voted to dredge the channel before the ferry season begins.</p>"
        "<p>The ferry operator will pay a quarter of the cost of the work, officials said (Reuters)</p>"
    )
    rules = _rules(blocks, PageInfo(kind="html"))
    assert "credits.captioned" in rules[_index(blocks, "Dredgers work")]
    assert "credits.captioned" in rules[_index(blocks, "Ferries wait")]
    assert "credits.captioned" not in rules[_index(blocks, "The board voted")]
    assert "credits.captioned" not in rules[_index(blocks, "The ferry operator")]


def test_a_linked_figure_of_three_blocks_or_more_is_a_card_not_a_caption() -> None:
    """A shop card wrapped in a <figure> (its linked name, a subtitle, a price) has no caption; a picture's own
    text does, and so does a figure of three unlinked blocks (a photo with its caption and notes)."""
    card = (
        "<figure class='product-card'><img src='{n}.jpg'><a href='/p/{n}'><div>Ridge Runner {n}</div></a>"
        "<div>Men's Trail Running Shoes</div><div>$1{n}0</div></figure>"
    )
    blocks = _html(
        "<main><div class='grid'>" + "".join(card.format(n=n) for n in range(1, 4)) + "</div>"
        "<figure><img src='q.jpg'><p>The quay at dawn, before the market opens.</p></figure>"
        "<figure><img src='r.jpg'><figcaption>Boats at the north quay.</figcaption><p>Photo archive</p>"
        "<p>Taken in 1950</p></figure></main>"
    )
    rules = _rules(blocks, PageInfo(kind="html"))
    for start in ("Ridge Runner 2", "Men's Trail", "$120"):
        assert "credits.caption" not in rules[_index(blocks, start)], start
    assert "credits.caption" in rules[_index(blocks, "The quay at dawn")]
    assert "credits.caption" in rules[_index(blocks, "Boats at the north quay")]
    assert "credits.caption" in rules[_index(blocks, "Taken in 1950")]
