"""The benchmark metrics on small hand-made examples, edge cases as in the upstream evaluation scripts."""

from __future__ import annotations

import pytest

from benchmarks.metamatch import author_match, date_match, title_match
from benchmarks.metrics import (
    Counts,
    exact_match,
    shingle_counts,
    shingle_precision,
    shingle_prf,
    shingle_recall,
    shingle_summary,
    shingles,
    snippets_absent,
    snippets_found,
    tokens,
    word_prf,
)

TRUTH = "the quick brown fox jumps over the lazy dog"  # 9 tokens -> 6 shingles


def test_tokens_are_unicode_words() -> None:
    """\\w+ keeps accented and non-Latin words whole and drops punctuation."""
    assert tokens("Ça va? Привет, мир! 東京 x_y") == ["Ça", "va", "Привет", "мир", "東京", "x_y"]


def test_shingles_of_short_text_is_one_short_shingle() -> None:
    """Fewer than 4 tokens make a single shingle of all of them; no tokens make none."""
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}
    assert sum(shingles(TRUTH).values()) == 6


def test_shingle_counts_perfect_and_normalised() -> None:
    """A perfect prediction is all TP; counts sum to 1 so long pages do not weigh more."""
    assert shingle_counts(TRUTH, TRUTH) == Counts(1.0, 0.0, 0.0)
    c = shingle_counts(TRUTH, TRUTH + " and then it runs away")  # 5 extra shingles
    assert c.tp + c.fp + c.fn == pytest.approx(1.0)
    assert (c.tp, c.fp, c.fn) == pytest.approx((6 / 11, 5 / 11, 0.0))
    assert shingle_precision(c) == pytest.approx(6 / 11)
    assert shingle_recall(c) == 1.0


def test_shingle_counts_are_multisets() -> None:
    """A repeated passage in the prediction counts its extra copies as false positives."""
    c = shingle_counts("a b c d", "a b c d a b c d")  # truth 1 shingle, prediction 5 (1 matches)
    assert (c.tp, c.fp, c.fn) == pytest.approx((1 / 5, 4 / 5, 0.0))


def test_shingle_tokens_are_case_sensitive() -> None:
    """Upstream does not lower-case: a case change breaks the shingle."""
    assert shingle_counts("One two three four", "one two three four").tp == 0.0


def test_empty_prediction_costs_recall_only() -> None:
    """An empty prediction has TP+FP = 0: left out of mean precision, recall 0."""
    pages = [shingle_counts(TRUTH, TRUTH), shingle_counts(TRUTH, "")]
    m = shingle_prf(pages)
    assert m.precision == 1.0
    assert m.recall == 0.5
    assert m.f1 == pytest.approx(2 / 3)


def test_empty_truth_costs_precision_only() -> None:
    """A page with an empty truth and a prediction has TP+FN = 0: precision 0, left out of recall."""
    c = shingle_counts("", "some words here now")
    assert (shingle_precision(c), c.tp + c.fn) == (0.0, 0.0)
    m = shingle_prf([shingle_counts(TRUTH, TRUTH), c])
    assert (m.precision, m.recall) == (0.5, 1.0)


def test_both_empty_counts_nowhere() -> None:
    """Both sides empty: all-zero counts, precision/recall 1 by definition, yet excluded from both means."""
    c = shingle_counts("", "")
    assert c == Counts(0.0, 0.0, 0.0)
    assert shingle_precision(c) == shingle_recall(c) == 1.0
    m = shingle_prf([c, shingle_counts(TRUTH, "")])
    assert (m.precision, m.recall) == (0.0, 0.0)


def test_exact_match_compares_token_sequences() -> None:
    """Accuracy ignores whitespace and punctuation but not order or case."""
    assert exact_match("Hello, world!\n\nBye.", "Hello world Bye")
    assert not exact_match("hello world", "world hello")
    assert not exact_match("Hello", "hello")


def test_shingle_summary_bootstrap_is_seeded() -> None:
    """Same seed, same spread; the point estimates do not depend on the bootstrap."""
    pages = [
        shingle_counts(TRUTH, TRUTH),
        shingle_counts(TRUTH, "the quick brown fox"),
        shingle_counts(TRUTH, ""),
    ]
    exact = [True, False, False]
    a = shingle_summary(pages, exact, n_bootstrap=200, seed=1)
    assert a == shingle_summary(pages, exact, n_bootstrap=200, seed=1)
    assert a.accuracy == pytest.approx(1 / 3)
    assert a.f1 == pytest.approx(shingle_prf(pages).f1)
    assert a.f1_std > 0


def test_shingle_summary_of_nothing() -> None:
    """No pages: zeros, not an exception."""
    assert shingle_summary([], [], n_bootstrap=10).f1 == 0.0


def test_word_prf_lowercases_and_counts_multisets() -> None:
    """WCXB: lower-cased token multisets; duplicates beyond the truth's count are not overlap."""
    m = word_prf("The the THE cat", "the cat sat")
    assert (m.precision, m.recall) == (2 / 4, 2 / 3)
    assert m.f1 == pytest.approx(2 * (0.5 * 2 / 3) / (0.5 + 2 / 3))


def test_word_prf_edge_cases() -> None:
    """Empty truth: 1 if the prediction is empty too, else 0; empty prediction: 0."""
    assert word_prf("", "").f1 == 1.0
    assert word_prf("...", "").f1 == 1.0  # no tokens counts as empty
    assert word_prf("words", "").f1 == 0.0
    assert word_prf("", "words").f1 == 0.0
    assert word_prf("a b", "c d").f1 == 0.0


def test_snippets_found_and_absent() -> None:
    """Case-insensitive substrings; a page listing no snippets scores 1.0 on both rates."""
    text = "Main Story text.\nMore text"
    assert snippets_found(text, ["main story", "missing bit"]) == 0.5
    assert snippets_found(text, []) == 1.0
    assert snippets_absent(text, ["MORE TEXT", "cookie banner", "sign up", "menu"]) == 0.75
    assert snippets_absent(text, []) == 1.0


def test_snippets_are_not_whitespace_normalised() -> None:
    """As upstream: only case is normalised, so a line break inside a snippet is a miss."""
    assert snippets_found("story\ntext", ["story text"]) == 0.0


def test_title_match_rules() -> None:
    """Equality after case/space normalisation, a site suffix, or a truncation keeping half the words."""
    truth = "China Ready to Enhance Mutual Trust"
    assert title_match("china  ready to enhance\nmutual trust", truth)
    assert title_match("China Ready to Enhance Mutual Trust | Sputnik International", truth)
    assert title_match("China Ready to Enhance", truth)
    assert not title_match("China", truth)
    assert not title_match(None, truth)
    assert not title_match("", truth)


def test_author_match_rules() -> None:
    """Token-set F1 >= 0.5, "by" and "and" ignored."""
    assert author_match("By Jane Doe", "Jane Doe")
    assert author_match("Jane Doe and John Roe", "Jane Doe")
    assert not author_match("Staff Reporter", "Jane Doe")
    assert not author_match("Jane Doe, John Roe, Ann Poe, Bob Loe", "Jane Doe")
    assert not author_match(None, "Jane Doe")


def test_date_match_same_calendar_day() -> None:
    """Only the date part as written counts; times and zones are ignored."""
    assert date_match("2023-12-28T12:47:00+00:00", "2023-12-28")
    assert date_match("2023-12-28", "2023-12-28T23:59-05:00")
    assert not date_match("2023-12-27", "2023-12-28")
    assert not date_match("December 28, 2023", "2023-12-28")
    assert not date_match(None, "2023-12-28")
