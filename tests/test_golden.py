"""Golden tests: every fixture folder's expected text, snippets, metadata and removals.

expected.txt is the hand-written ideal; the extracted text must reach a word-F1
floor against it (1.0, i.e. exact, for fixtures whose expected.json says
"exact": true). Snippets and metadata are checked exactly.

A fixture may list ``known_failures``: check name ("text", "snippets", "metadata",
"removed_by", "gate") -> why boilerstrip still fails it. Such a check is a strict
xfail: it must still fail, and the day it passes the suite says so, and the entry
goes. Written-blind probe fixtures keep their honest expectations this way.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import boilerstrip

FIXTURES = Path(__file__).parents[1] / "fixtures"
DIRS = sorted(p for p in FIXTURES.iterdir() if p.is_dir()) if FIXTURES.is_dir() else []
DEFAULT_FLOOR = 0.80
WORD = re.compile(r"\w+")


def word_f1(got: str, want: str) -> float:
    g, w = Counter(WORD.findall(got.lower())), Counter(WORD.findall(want.lower()))
    if not g and not w:
        return 1.0
    common = sum((g & w).values())
    if not common:
        return 0.0
    p, r = common / sum(g.values()), common / sum(w.values())
    return 2 * p * r / (p + r)


def load(folder: Path) -> tuple[bytes, str, dict[str, Any]]:
    sources = [p for p in (folder / "source.html", folder / "source.txt") if p.exists()]
    assert len(sources) == 1, f"{folder.name}: needs exactly one source.html or source.txt"
    for name in ("expected.txt", "expected.json"):
        assert (folder / name).exists(), f"{folder.name}: {name} is missing"
    spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return sources[0].read_bytes(), (folder / "expected.txt").read_text(encoding="utf-8"), spec


@pytest.fixture(scope="module")
def results() -> dict[str, boilerstrip.Result]:
    out = {}
    for d in DIRS:
        source, _, spec = load(d)
        out[d.name] = boilerstrip.extract(source, kind=spec.get("kind"))
    return out


CHECKS = ("text", "snippets", "metadata", "removed_by", "gate")


def expect_known_failure(request: pytest.FixtureRequest, spec: dict[str, Any], check: str) -> None:
    """Mark this check a strict xfail when the fixture lists it among its known failures."""
    why = spec.get("known_failures", {}).get(check)
    if why:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"known failure: {why}"))


def test_there_are_enough_fixtures() -> None:
    """At least 20 golden cases exist."""
    assert len(DIRS) >= 20


@pytest.mark.parametrize("folder", DIRS, ids=[d.name for d in DIRS])
def test_text(folder: Path, results: dict[str, boilerstrip.Result], request: pytest.FixtureRequest) -> None:
    """The extracted text matches expected.txt (exactly, or above the fixture's F1 floor)."""
    _, expected, spec = load(folder)
    expect_known_failure(request, spec, "text")
    got = results[folder.name].text
    if spec.get("exact"):
        assert got == expected.strip()
    else:
        floor = spec.get("min_f1", DEFAULT_FLOOR)
        assert word_f1(got, expected) >= floor, f"F1 {word_f1(got, expected):.3f} < {floor}\n{got}"


@pytest.mark.parametrize("folder", DIRS, ids=[d.name for d in DIRS])
def test_snippets(folder: Path, results: dict[str, boilerstrip.Result], request: pytest.FixtureRequest) -> None:
    """Every must_contain snippet is kept and every must_not_contain snippet is dropped."""
    _, _, spec = load(folder)
    expect_known_failure(request, spec, "snippets")
    got = results[folder.name].text
    missing = [s for s in spec.get("must_contain", ()) if s not in got]
    leaked = [s for s in spec.get("must_not_contain", ()) if s in got]
    assert not missing and not leaked, f"missing={missing} leaked={leaked}"


@pytest.mark.parametrize("folder", DIRS, ids=[d.name for d in DIRS])
def test_metadata(folder: Path, results: dict[str, boilerstrip.Result], request: pytest.FixtureRequest) -> None:
    """Each metadata field the fixture declares comes out exactly."""
    _, _, spec = load(folder)
    expect_known_failure(request, spec, "metadata")
    meta = results[folder.name].to_dict()
    wrong = {}
    for key, want in spec.get("metadata", {}).items():
        got = meta.get(key)
        if isinstance(want, list):
            got = list(got or ())
        if got != want:
            wrong[key] = (got, want)
    assert not wrong, wrong


@pytest.mark.parametrize("folder", DIRS, ids=[d.name for d in DIRS])
def test_removed_by(folder: Path, results: dict[str, boilerstrip.Result], request: pytest.FixtureRequest) -> None:
    """Each named snippet's block is dropped, with a negative signal from the named detector."""
    _, _, spec = load(folder)
    expect_known_failure(request, spec, "removed_by")
    verdicts = results[folder.name].blocks
    problems = []
    for snippet, detector in spec.get("removed_by", {}).items():
        # A snippet no block holds was dropped by segmentation (buttons, hidden markup): removed too.
        for v in (v for v in verdicts if snippet in v.block.text):
            if v.kept or not any(s.detector == detector and s.weight < 0 for s in v.signals):
                problems.append(f"{snippet!r}: kept={v.kept}, detectors={sorted({s.detector for s in v.signals})}")
    assert not problems, problems


@pytest.mark.parametrize("folder", DIRS, ids=[d.name for d in DIRS])
def test_known_failures_name_checks_with_a_reason(folder: Path) -> None:
    """A known failure names one of the checks and says why it fails."""
    _, _, spec = load(folder)
    for check, why in spec.get("known_failures", {}).items():
        assert check in CHECKS and isinstance(why, str) and len(why) > 20, (check, why)
