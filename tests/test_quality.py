"""The package type-checks under mypy --strict and passes ruff: part of the suite, not a side job."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed (pip install '.[test]')")
def test_ruff_is_clean() -> None:
    """ruff reports nothing on the package, tests and benchmarks."""
    done = _run("ruff", "check", "boilerstrip", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_is_clean() -> None:
    """mypy --strict reports nothing on the package."""
    pytest.importorskip("mypy", reason="mypy is not installed (pip install '.[test]')")
    done = _run(sys.executable, "-m", "mypy", "--strict", "boilerstrip")
    assert done.returncode == 0, done.stdout + done.stderr
