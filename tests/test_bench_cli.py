"""End to end: ``python -m benchmarks run`` and ``worst`` on a tiny made-up dataset, with ad hoc adapters."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from benchmarks.cli import main
from benchmarks.peers.base import Output, as_str

SECRET = "zebra quartz nimbus"  # page text that must never reach the results


class FirstLine:
    """Returns the first line of a page's text, with a title; a stand-in that needs no library."""

    name = "firstline"
    accepts_text = True

    def extract(self, source: str | bytes, url: str | None, *, kind: str = "html") -> Output:
        from benchmarks.flatten import inner_text

        text = as_str(source) if kind == "text" else inner_text(source)
        return Output(text.split("\n")[0], title="Alpha page")


def _dataset(root: Path) -> Path:
    for name, body, truth in (
        ("news--alpha", f"<p>{SECRET} alpha words</p><p>menu</p>", f"{SECRET} alpha words"),
        ("blog--beta", "<p>nav links</p><p>beta body text here</p>", "beta body text here"),
    ):
        folder = root / "fixtures" / name
        folder.mkdir(parents=True)
        (folder / "source.html").write_text(f"<html><body>{body}</body></html>")
        (folder / "expected.txt").write_text(truth)
        (folder / "expected.json").write_text(
            json.dumps(
                {
                    "kind": "html",
                    "metadata": {"title": "Alpha page"},
                    "must_contain": ["alpha"],
                    "must_not_contain": ["menu"],
                }
            )
        )
    return root / "fixtures"


def test_run_writes_tables_json_and_plots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The table lists every extractor; the JSON holds scores, ids and timings, and no page text."""
    data, out = _dataset(tmp_path), tmp_path / "results"
    plots = importlib.util.find_spec("matplotlib") is not None
    spec = f"{__name__}:FirstLine"
    main(
        [
            "run",
            "--dataset",
            str(data),
            "--extractors",
            spec,
            "--out",
            str(out),
            *([] if plots else ["--no-plots"]),
        ]
    )
    table = capsys.readouterr().out
    assert spec in table and "F1" in table and "med ms" in table and "word F1 by type" in table
    raw = (out / "fixtures-html.json").read_text()
    assert SECRET not in raw and "beta body" not in raw
    result = json.loads(raw)
    assert result["dataset"] == "fixtures" and result["n_pages"] == 2
    s = result["summary"][spec]
    assert s["title_acc"] == 1.0 and s["pages"] == 2 and s["failures"] == 0
    assert s["native"]["f1"] == pytest.approx(0.5)  # alpha exact, beta gets the nav line only
    assert {p["id"] for p in result["pages"]} == {"news--alpha", "blog--beta"}
    main(["worst", "--results", str(out / "fixtures-html.json"), "--extractor", spec])
    assert capsys.readouterr().out.split("\n")[2].startswith("blog--beta")  # read back, worst first
    if plots:
        assert (out / "fixtures-html-f1-speed.png").stat().st_size > 0
        assert (out / "fixtures-html-f1-types.png").stat().st_size > 0


def test_worst_lists_lowest_pages_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`worst` prints id, type, F1, P, R, the worst page on top."""
    main(["worst", "--dataset", str(_dataset(tmp_path)), "--extractor", f"{__name__}:FirstLine", "--n", "5"])
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[0].split()[:5] == ["id", "type", "F1", "P", "R"]
    assert lines[2].startswith("blog--beta") and lines[3].startswith("news--alpha")


def test_unknown_extractor_exits(tmp_path: Path) -> None:
    """A misspelt extractor stops the run before any work."""
    with pytest.raises(SystemExit, match="unknown extractors"):
        main(["run", "--dataset", str(_dataset(tmp_path)), "--extractors", "nope"])
