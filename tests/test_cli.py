"""The boilerstrip command: text, --json, --explain, stdin, and errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from boilerstrip.cli import main

PROSE = (
    "The council voted on Tuesday to approve the new bridge across the river, after a long debate "
    "that lasted most of the evening and ended with a vote of seven to two."
)
PAGE = (
    "<html><head><title>Council approves the bridge</title></head><body>"
    '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>'
    f"<article><p>{PROSE}</p></article></body></html>"
)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_prints_the_text(page_file: Path) -> None:
    """`python -m boilerstrip FILE` prints the main text and exits 0."""
    proc = run(str(page_file))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert PROSE in out
    assert "Sport" not in out


def test_json_has_text_and_title(page_file: Path) -> None:
    """--json prints a JSON object with the text and the title."""
    proc = run("--json", str(page_file))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert PROSE in data["text"]
    assert data["title"] == "Council approves the bridge"
    assert "blocks" not in data


def test_json_blocks(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json --blocks includes every block's verdict."""
    assert main(["--json", "--blocks", str(page_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {b["label"] for b in data["blocks"]} == {"content", "boilerplate"}


def test_explain_prints_a_table(page_file: Path) -> None:
    """--explain prints the decision table with a header and labelled rows."""
    proc = run("--explain", str(page_file))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode("utf-8").splitlines()
    assert lines[0].split()[:3] == ["#", "label", "score"]
    assert any("boilerplate" in line and "Home" in line for line in lines)
    assert any("content" in line and "The council" in line for line in lines)


def test_dash_reads_stdin() -> None:
    """`-` reads the document from standard input."""
    proc = run("-", stdin=PAGE.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert PROSE in proc.stdout.decode("utf-8")


def test_kind_text_from_stdin() -> None:
    """--kind text treats markup-looking input as a dump."""
    proc = run("--kind", "text", "-", stdin=f"<p>{PROSE}</p>".encode())
    assert proc.returncode == 0, proc.stderr
    assert "<p>" in proc.stdout.decode("utf-8")


def test_missing_file_exits_2_with_a_message(tmp_path: Path) -> None:
    """A file that does not exist exits with status 2 and says so on stderr."""
    missing = tmp_path / "nope.html"
    proc = run(str(missing))
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8")
    assert "boilerstrip" in err and "nope.html" in err


def test_json_and_explain_are_exclusive(page_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json and --explain together are a usage error (exit 2)."""
    with pytest.raises(SystemExit) as info:
        main(["--json", "--explain", str(page_file)])
    assert info.value.code == 2
    assert "not allowed" in capsys.readouterr().err
