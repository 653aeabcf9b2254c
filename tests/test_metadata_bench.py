"""The metadata benchmark's matching rules: each could fail, and the default one forgives typography only."""

from __future__ import annotations

from benchmarks.metadata_bench import RULES, Truth, score


def test_default_title_forgives_typographic_quotes_only() -> None:
    """A curly apostrophe or an en dash matches the truth's ASCII one; other words do not."""
    pred, truth = "We’ve tested nine kettles – and one won", "We've tested nine kettles - and one won"
    assert RULES["default"]["title"](pred, truth)
    assert RULES["strict"]["title"](pred, truth)
    assert not RULES["default"]["title"]("We tested kettles", truth)


def test_the_runner_and_the_metadata_benchmark_share_one_rule() -> None:
    """``python -m benchmarks run`` scores with metamatch, which is the benchmark's default rule set."""
    from benchmarks import metamatch, scoring

    assert RULES["default"]["title"] is metamatch.title_match is scoring.title_match
    assert set(RULES) == {"default", "strict", "lenient"}


def test_strict_title_misses_a_kept_site_affix_that_runner_forgives() -> None:
    """The default rule counts "Headline | Site" as right; strict does not."""
    assert RULES["default"]["title"]("Tide tables explained | Harbour News", "Tide tables explained")
    assert not RULES["strict"]["title"]("Tide tables explained | Harbour News", "Tide tables explained")


def test_author_rules() -> None:
    """Strict wants the same set of authors; default a token F1 of one half; missing is always a miss."""
    assert RULES["strict"]["author"]("By Ann Lee and Bo Chen", "Bo Chen, Ann Lee")
    assert not RULES["strict"]["author"]("Ann Lee", "Bo Chen, Ann Lee")
    assert RULES["default"]["author"]("Ann Lee", "Ann Lee, MD")
    assert not RULES["default"]["author"](None, "Ann Lee")


def test_score_counts_only_pages_whose_truth_has_the_field() -> None:
    """A page without a truth date is no date miss; the split is by odd and even ids."""
    truths = [Truth("0001", "A title here", None, "2024-01-02"), Truth("0002", "Other", "Ann Lee", None)]
    preds = {"boilerstrip": {"0001": {"title": "A title here", "date": "2024-01-02T10:00:00"},
                             "0002": {"title": "Wrong", "author": "Ann Lee"}}}
    out = score(truths, preds, "default", "all")["boilerstrip"]
    assert out == {"title": (1, 2), "author": (1, 1), "date": (1, 1)}
    assert score(truths, preds, "default", "odd")["boilerstrip"]["title"] == (1, 1)
