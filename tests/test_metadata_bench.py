"""The metadata benchmark's matching rules: each could fail, and the folded one forgives only typography."""

from __future__ import annotations

from benchmarks.metadata_bench import RULES, Truth, score


def test_folded_title_forgives_typographic_quotes_only() -> None:
    """A curly apostrophe matches the truth's straight one under folded, not under the runner's rule."""
    pred, truth = "We’ve tested nine kettles", "We've tested nine kettles"
    assert not RULES["runner"]["title"](pred, truth)
    assert RULES["folded"]["title"](pred, truth)
    assert not RULES["folded"]["title"]("We tested kettles", truth)


def test_strict_title_misses_a_kept_site_affix_that_runner_forgives() -> None:
    """The runner counts "Headline | Site" as right; strict does not."""
    assert RULES["runner"]["title"]("Tide tables explained | Harbour News", "Tide tables explained")
    assert not RULES["strict"]["title"]("Tide tables explained | Harbour News", "Tide tables explained")


def test_author_rules() -> None:
    """Strict wants the same set of authors; runner a token F1 of one half; missing is always a miss."""
    assert RULES["strict"]["author"]("By Ann Lee and Bo Chen", "Bo Chen, Ann Lee")
    assert not RULES["strict"]["author"]("Ann Lee", "Bo Chen, Ann Lee")
    assert RULES["runner"]["author"]("Ann Lee", "Ann Lee, MD")
    assert not RULES["runner"]["author"](None, "Ann Lee")


def test_score_counts_only_pages_whose_truth_has_the_field() -> None:
    """A page without a truth date is no date miss; the split is by odd and even ids."""
    truths = [Truth("0001", "A title here", None, "2024-01-02"), Truth("0002", "Other", "Ann Lee", None)]
    preds = {"boilerstrip": {"0001": {"title": "A title here", "date": "2024-01-02T10:00:00"},
                             "0002": {"title": "Wrong", "author": "Ann Lee"}}}
    out = score(truths, preds, "folded", "all")["boilerstrip"]
    assert out == {"title": (1, 2), "author": (1, 1), "date": (1, 1)}
    assert score(truths, preds, "folded", "odd")["boilerstrip"]["title"] == (1, 1)
