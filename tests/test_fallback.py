"""The fallback ladder end to end: when it relaxes the decision, and when it must not."""

from __future__ import annotations

import boilerstrip

HEADLINES = [
    "Council approves the new budget after a long night",
    "Storm warning issued for the northern coast this weekend",
    "Local team wins the regional final in extra time",
    "Museum reopens its east wing after two years of repairs",
    "Rail strike called off after talks with the ministry",
    "School meals to include more vegetables from spring",
    "Harbour bridge closed for inspection on Sunday morning",
    "New cycling lanes planned along the river promenade",
    "Farmers market moves to the old tram depot in May",
    "Hospital opens a second emergency ward next month",
    "Library extends its opening hours during the exams",
    "Airport expects record numbers over the holidays",
]


def short_article(og_type: str | None) -> str:
    meta = f'<meta property="og:type" content="{og_type}">' if og_type else ""
    links = "".join(f'<li><h3><a href="/n/{i}">{h}</a></h3></li>' for i, h in enumerate(HEADLINES))
    return (
        f"<html><head><title>Ferry timetable changes</title>{meta}</head><body>"
        "<article><h1>Ferry timetable changes</h1>"
        "<p>The island ferry will leave half an hour earlier on weekdays from Monday, the operator said, "
        "because the tide tables for the winter months force a change to the morning crossing.</p>"
        "<p>Passengers with season tickets do not need to do anything; the new departure times are "
        "posted at both piers and on the boards inside the terminal.</p></article>"
        f'<div class="most-read"><h2>Most read</h2><ul>{links}</ul></div>'
        "</body></html>"
    )


def test_a_short_article_does_not_take_on_the_link_lists_beside_it() -> None:
    r = boilerstrip.extract(short_article("article"))
    assert "tide tables for the winter months" in r.text
    assert not any(h in r.text for h in HEADLINES)
    assert not any(s.rule == "fallback.sparse" for v in r.blocks for s in v.signals)


def test_an_undeclared_page_of_short_items_is_still_judged_by_structure() -> None:
    r = boilerstrip.extract(short_article(None))
    assert any(s.rule == "fallback.sparse" for v in r.blocks for s in v.signals)
    assert sum(h in r.text for h in HEADLINES) >= len(HEADLINES) // 2
