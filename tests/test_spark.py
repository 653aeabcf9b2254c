"""The PySpark job in local[2] mode: site models fitted per host, pages extracted with their own host's model."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[test]')")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Java is not installed: Spark needs a JVM (Java 17 or 21) to run", allow_module_level=True)

from benchmarks.throughput import write_warc  # noqa: E402
from boilerstrip.integrations import spark as bs  # noqa: E402

# A promo box (a heading and a paragraph) inside the article, on every page of one host: prose that
# reads like content, so only the host's other pages can tell it is template. The other host prints
# it on one page only.
PROMO = (
    "Our newsroom is funded by readers like you, and every monthly contribution keeps local reporting "
    "free to read for everyone in the valley."
)
PROMO_HEADING = "Support local reporting"
TOPICS = ["bridge repairs", "library hours", "bus routes", "market stalls", "river levels", "park benches"]


def _page(topic: str, i: int, promo: bool) -> str:
    paras = [
        f"The council discussed {topic} on Tuesday evening, and residents filled the hall to hear item {i}.",
        f"Officials said the work on {topic} would begin next spring, after a consultation with {100 + i} replies.",
        f"Several speakers asked how {topic} would be paid for, and the treasurer promised a full breakdown soon.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paras)
    if promo:
        body = body.replace("</p><p>Several", f"</p><h3>{PROMO_HEADING}</h3><p>{PROMO}</p><p>Several")
    return f"<html><head><title>{topic.title()}</title></head><body><main><article><h1>{topic.title()}</h1>{body}</article></main></body></html>"


def _pages() -> list[tuple[str, bytes]]:
    """Two hosts of six pages: the promo on every page of the first, on page 3 only of the second."""
    first = [(f"https://www.valley.example/{i}", _page(t, i, True).encode()) for i, t in enumerate(TOPICS)]
    second = [(f"https://hill.example/{i}", _page(t, i, i == 3).encode()) for i, t in enumerate(TOPICS)]
    return first + second


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    # Small data: two shuffle partitions and no web UI keep each stage and the start short.
    quick = {
        "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
        "spark.ui.enabled": "false",
    }
    session = bs.session("local[2]", app="boilerstrip-tests", config=quick)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def pages(spark: Any) -> Any:
    rows = [(url, html, None) for url, html in _pages()]
    return spark.createDataFrame(rows, bs.PAGE_SCHEMA).repartition(2)


def _by_url(df: Any) -> dict[str, Any]:
    return {r["url"]: r for r in df.collect()}


def test_each_host_gets_its_own_model_and_no_cross_talk(spark: Any, pages: Any) -> None:
    """The first host's model drops its recurring promo; the second host's page with the promo once keeps it."""
    models = bs.fit_models(pages)
    assert {r["host"]: r["pages"] for r in models.collect()} == {"valley.example": 6, "hill.example": 6}
    out = _by_url(bs.extract_pages(pages, models))
    assert len(out) == 12 and all(r["error"] is None and r["site_pages"] == 6 for r in out.values())
    for i, topic in enumerate(TOPICS):
        first, second = out[f"https://www.valley.example/{i}"], out[f"https://hill.example/{i}"]
        assert PROMO not in first["text"] and f"residents filled the hall to hear item {i}" in first["text"]
        assert (PROMO in second["text"]) == (i == 3)
        assert (first["host"], second["host"], first["title"], first["kind"]) == (
            "valley.example", "hill.example", topic.title(), "html",
        )  # fmt: skip


def test_without_site_models_the_promo_stays(spark: Any, pages: Any) -> None:
    """Page by page the promo reads as content: what drops it above is the host's model, nothing else."""
    out, models = bs.run(spark, pages, site_models=False)
    assert models is None
    rows = out.collect()
    assert all(r["site_pages"] == 0 for r in rows)
    assert sum(PROMO in r["text"] for r in rows) == 7


def test_command_line_over_a_warc_writes_models_and_pages(spark: Any, tmp_path: Path) -> None:
    """main() reads a WARC (one task per file), writes the per-host models and the extracted pages."""
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, _pages())
    argv = [str(warc), "--output", str(tmp_path / "out"), "--output-format", "json",
            "--models-out", str(tmp_path / "models")]  # fmt: skip
    assert bs.main(argv, spark=spark) == 0
    out = _by_url(spark.read.json(str(tmp_path / "out")))
    assert len(out) == 12 and PROMO not in out["https://www.valley.example/0"]["text"]
    assert PROMO in out["https://hill.example/3"]["text"]
    saved = spark.read.parquet(str(tmp_path / "models"))
    assert sorted(r["host"] for r in saved.collect()) == ["hill.example", "valley.example"]
    # the saved models load back as SiteModels of their host
    import boilerstrip

    loaded = {r["host"]: boilerstrip.SiteModel.from_bytes(bytes(r["model"])) for r in saved.collect()}
    assert loaded["valley.example"].host == "valley.example" and loaded["valley.example"].pages == 6


def test_help_runs_without_a_spark_session() -> None:
    """`python -m boilerstrip.integrations.spark --help` documents the job and starts no JVM."""
    done = subprocess.run(
        [sys.executable, "-m", "boilerstrip.integrations.spark", "--help"],
        capture_output=True, text=True, timeout=60, cwd=Path(__file__).parents[1],
    )  # fmt: skip
    assert done.returncode == 0 and "--models-out" in done.stdout and "site model" in done.stdout
