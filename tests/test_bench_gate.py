"""Quality gate: boilerstrip over the golden fixtures must stay at or above the floors in floors.toml."""

from __future__ import annotations

import json
import statistics
import tomllib
from pathlib import Path

import pytest

import boilerstrip
from benchmarks.datasets import open_dataset
from benchmarks.metrics import word_prf

REPO = Path(__file__).parents[1]
FIXTURES = REPO / "fixtures"
FLOORS = REPO / "benchmarks" / "floors.toml"


def _known_gate_failure(fixture_id: str) -> bool:
    """A fixture whose expected.json lists "gate" among its known failures (see tests/test_golden.py)."""
    spec = FIXTURES / fixture_id / "expected.json"
    return spec.exists() and "gate" in json.loads(spec.read_text("utf-8")).get("known_failures", {})


def _word_f1_per_fixture() -> dict[str, float]:
    dataset = open_dataset(FIXTURES)
    if not len(dataset):
        pytest.skip("fixtures/ holds no fixtures yet")
    scores = {}
    for page in dataset.pages():
        if _known_gate_failure(page.id):
            continue
        source: str | bytes = page.html.decode("utf-8") if page.source_kind == "text" else page.html
        kind = "text" if page.source_kind == "text" else None
        result = boilerstrip.extract(source, url=page.url, kind=kind)
        scores[page.id] = word_prf(result.text, page.truth_text).f1
    return scores


def test_fixture_word_f1_meets_floors() -> None:
    """Mean and minimum word F1 over fixtures/ are at least the pinned floors."""
    floors = tomllib.loads(FLOORS.read_text("utf-8"))["fixtures"]
    scores = _word_f1_per_fixture()
    worst = sorted(scores.items(), key=lambda kv: kv[1])[:5]
    detail = ", ".join(f"{k}={v:.3f}" for k, v in worst)
    assert statistics.fmean(scores.values()) >= floors["mean_word_f1"], f"mean below floor; worst: {detail}"
    assert min(scores.values()) >= floors["min_word_f1"], f"min below floor; worst: {detail}"


def test_floors_are_sane() -> None:
    """Floors are fractions, and the minimum floor never exceeds the mean floor."""
    floors = tomllib.loads(FLOORS.read_text("utf-8"))["fixtures"]
    assert 0.0 <= floors["min_word_f1"] <= floors["mean_word_f1"] <= 1.0
