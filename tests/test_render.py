"""Rendering kept blocks as text: paragraphs apart, items and rows together, dropped blocks gone."""

from __future__ import annotations

from boilerstrip import render
from boilerstrip.model import Block, Label, Verdict


def v(i: int, text: str, role: str = "paragraph", label: Label = "content", gap: bool = False) -> Verdict:
    return Verdict(Block(index=i, text=text, role=role, after_gap=gap), label, label, 1.0)


def test_paragraphs_are_joined_by_a_blank_line() -> None:
    """Consecutive paragraphs are separated by exactly one blank line."""
    assert render.text([v(0, "One."), v(1, "Two."), v(2, "Three.")]) == "One.\n\nTwo.\n\nThree."


def test_consecutive_items_are_joined_by_one_newline() -> None:
    """Adjacent list items stay on adjacent lines; the paragraph around them is a blank line away."""
    out = render.text([v(0, "Intro."), v(1, "a", "item"), v(2, "b", "item"), v(3, "c", "item"), v(4, "End.")])
    assert out == "Intro.\n\na\nb\nc\n\nEnd."


def test_consecutive_rows_are_joined_by_one_newline() -> None:
    """Table rows stay on adjacent lines."""
    assert render.text([v(0, "A | 1", "row"), v(1, "B | 2", "row")]) == "A | 1\nB | 2"


def test_item_then_row_are_apart() -> None:
    """An item followed by a row is not tight: different roles get a blank line."""
    assert render.text([v(0, "a", "item"), v(1, "B | 2", "row")]) == "a\n\nB | 2"


def test_gap_between_items_splits_lists() -> None:
    """An item after a blank line (two lists) starts a new paragraph."""
    assert render.text([v(0, "a", "item"), v(1, "b", "item", gap=True)]) == "a\n\nb"


def test_boilerplate_is_left_out() -> None:
    """Only kept blocks are rendered; a dropped block between items does not split them."""
    out = render.text(
        [
            v(0, "Menu", label="boilerplate"),
            v(1, "a", "item"),
            v(2, "Ad", label="boilerplate"),
            v(3, "b", "item"),
            v(4, "Footer", label="boilerplate"),
        ]
    )
    assert out == "a\nb"


def test_code_keeps_its_newlines() -> None:
    """A code block's own newlines are rendered as they are."""
    assert render.text([v(0, "Run:"), v(1, "a = 1\n  b = 2", "code")]) == "Run:\n\na = 1\n  b = 2"


def test_nothing_kept_is_empty_text() -> None:
    """No kept blocks render as the empty string."""
    assert render.text([]) == ""
    assert render.text([v(0, "Menu", label="boilerplate")]) == ""
