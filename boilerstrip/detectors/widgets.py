"""Widgets: share bars, newsletter/subscribe boxes, app badges, comment widgets and
login prompts, paywalls, ad labels, print/e-mail/font-size tools, page feedback.

The data rules (``rules/widgets.toml``) carry nearly everything: class tokens of
widget containers, and their labels and prompts in ten languages, anchored to the
whole block where a single word ("Reply", "Share", "Print") would also be prose.
Comment classes weigh only -0.5, because forum posts are content and some forum
software wraps them in "comment" classes; the strong comment evidence is the
prompts ("Leave a reply", "log in or register") on short blocks.

Structural checks (HTML only): ``widgets.landmark-form`` for short blocks inside a
<form> (comment forms, search boxes, sign-up forms) that holds little text; a form
that wraps pages of text (ASP.NET's page-wide form, a forum's moderation form
around every post) is the page, not a widget. ``widgets.landmark-dialog``
for modals (role="dialog"), ``widgets.landmark-comments`` for a comments landmark.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .base import RuleDetector


class WidgetsDetector(RuleDetector):
    """Flags share, subscribe, app, comment, login, paywall, ad and tool widgets."""

    name: ClassVar[str] = "widgets"

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(extra_rules)
        self.weights: Mapping[str, float] = {k: float(v) for k, v in load_table(self.name)["weights"].items()}
        self.form_max = int(self.params.get("form_max_chars", 200))
        self.form_wrap = int(self.params.get("form_wrap_chars", 2000))

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        if page.kind != "html":
            return
        w = self.weights
        wrapped = _in_long_runs(blocks, "form", self.form_wrap)
        for b in blocks:
            marks = b.landmarks
            if not marks:
                continue
            if "form" in marks and len(b.text) <= self.form_max and b.index not in wrapped:
                yield Signal(
                    b.index, w["landmark_form"], "widgets.landmark-form", "short block inside a <form>"
                )
            if "dialog" in marks:
                yield Signal(b.index, w["landmark_dialog"], "widgets.landmark-dialog", "inside a dialog")
            if "comments" in marks:
                yield Signal(b.index, w["landmark_comments"], "widgets.landmark-comments", "inside comments")


def _in_long_runs(blocks: Sequence[Block], landmark: str, min_chars: int) -> frozenset[int]:
    """Indexes of the blocks in runs of consecutive blocks inside ``landmark`` holding ``min_chars`` or more."""
    found: set[int] = set()
    run: list[Block] = []
    for b in (*blocks, None):
        if b is not None and landmark in b.landmarks:
            run.append(b)
            continue
        if sum(len(x.text) for x in run) >= min_chars:
            found.update(x.index for x in run)
        run = []
    return frozenset(found)
