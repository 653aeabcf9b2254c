"""boilerstrip as a PySpark job, with one site model per host (``pip install 'boilerstrip[spark]'``).

    python -m boilerstrip.integrations.spark crawl/*.warc.gz --output out/ [--models-out models/]
    spark-submit --master yarn -m boilerstrip.integrations.spark ...   # see docs/engines.md

In Python, over a DataFrame with ``url`` and ``html`` columns (``html`` str or bytes; an optional
``kind`` column holds "html", "text" or null to sniff):

    from boilerstrip.integrations import spark as bs
    models = bs.fit_models(pages)                  # host, pages, model: one row per host
    out = bs.extract_pages(pages, models)          # url, host, text, metadata columns, site_pages, error

The job runs in two passes. ``fit_models`` samples up to ``fit_pages`` pages of each host
(aggregateByKey keeps at most that many per host on each side of the shuffle, so memory is bounded
however large a host is) and fits that host's SiteModel on them; hosts with fewer than
``min_pages`` pages get none, since the template detector needs several pages to say anything.
``extract_pages`` joins every page to its host's model (models are small: their bytes travel, not
the object) and extracts the pages partition by partition with ``mapPartitions``. A page only ever
meets its own host's model. ``models`` can be written (``--models-out``) and read back
(``--models-in``) to fit once and extract many crawls later.

Extraction in Spark has no hard time limit per page: boilerstrip's own budget (``timeout``, checked
between steps) stops slow pages early, decided on partial signals (``partial`` is true).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import boilerstrip
from boilerstrip.detectors.template import MIN_PAGES
from boilerstrip.sitemodel import host_of

from ._optional import MissingExtraError
from .records import METADATA_FIELDS, metadata_of
from .warc import read_warc

try:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import types as T
except ImportError as e:  # the engine is an optional extra
    raise MissingExtraError(
        f"boilerstrip.integrations.spark needs pyspark ({e}): pip install 'boilerstrip[spark]'"
    ) from e

__all__ = ["OUTPUT_SCHEMA", "MODEL_SCHEMA", "warc_pages", "fit_models", "extract_pages", "run", "main"]

#: pages of a host that its model is fitted on at most (a random sample when the host has more)
FIT_PAGES = 200
PAGE_SCHEMA = T.StructType(
    [
        T.StructField("url", T.StringType(), True),
        T.StructField("html", T.BinaryType(), True),
        T.StructField("kind", T.StringType(), True),
    ]
)
MODEL_SCHEMA = T.StructType(
    [
        T.StructField("host", T.StringType(), False),
        T.StructField("pages", T.IntegerType(), False),
        T.StructField("model", T.BinaryType(), False),
    ]
)
_META_TYPES: dict[str, T.DataType] = {
    "authors": T.ArrayType(T.StringType()),
    "tags": T.ArrayType(T.StringType()),
    "partial": T.BooleanType(),
}
OUTPUT_SCHEMA = T.StructType(
    [
        T.StructField("url", T.StringType(), True),
        T.StructField("host", T.StringType(), True),
        T.StructField("text", T.StringType(), False),
        *(T.StructField(name, _META_TYPES.get(name, T.StringType()), True) for name in METADATA_FIELDS),
        T.StructField("site_pages", T.IntegerType(), False),
        T.StructField("error", T.StringType(), True),
    ]
)

# ---- records -----------------------------------------------------------------------------------


def warc_pages(spark: SparkSession, paths: Sequence[str]) -> DataFrame:
    """A (url, html, kind) DataFrame of the pages in WARC files, one Spark task per file.

    Paths must be readable where the executors run (a shared or local filesystem).
    """
    rdd = spark.sparkContext.parallelize(list(paths), max(1, len(paths))).flatMap(read_warc)
    return spark.createDataFrame(rdd, PAGE_SCHEMA)


def _host(url: Any) -> str:
    """The site-model host of a URL; "" for a missing or broken one (such pages get no model)."""
    if not isinstance(url, str):
        return ""
    try:
        return host_of(url)
    except boilerstrip.BoilerstripError:
        return ""


# ---- pass 1: one model per host ----------------------------------------------------------------


def _keep_sample(limit: int) -> tuple[Any, Any]:
    # The first `limit` pages of a host met on each side of the shuffle, then the first `limit` of
    # those: bounded per host, and plenty for template counts, which need a share of pages, not all.
    def add(acc: list[Any], page: Any) -> list[Any]:
        if len(acc) < limit:
            acc.append(page)
        return acc

    def merge(a: list[Any], b: list[Any]) -> list[Any]:
        return (a + b)[:limit]

    return add, merge


def fit_host(host: str, pages: Iterable[tuple[Any, str | None]]) -> bytes:
    """A SiteModel fitted on one host's (html, kind) pages, as to_bytes(); pages it cannot read are skipped."""
    model = boilerstrip.SiteModel(host=host)
    for html, kind in pages:
        if html is None:
            continue
        try:
            model.learn(html, kind=kind)
        except Exception:  # one unreadable page must not fail the Spark task fitting its whole host
            continue
    return model.to_bytes()


def fit_models(pages: DataFrame, *, fit_pages: int = FIT_PAGES, min_pages: int = MIN_PAGES) -> DataFrame:
    """(host, pages, model) for each host with at least ``min_pages`` pages; model is SiteModel.to_bytes()."""
    add, merge = _keep_sample(fit_pages)
    sampled: Any = (  # pyspark's RDD types cannot follow aggregateByKey's lambdas
        pages.select("url", "html", "kind")
        .rdd.map(lambda r: (_host(r[0]), (r[1], r[2])))
        .filter(lambda kv: bool(kv[0]))
        .aggregateByKey([], add, merge)
        .filter(lambda kv: len(kv[1]) >= min_pages)
    )
    models = sampled.map(lambda kv: (kv[0], len(kv[1]), fit_host(kv[0], kv[1])))
    return pages.sparkSession.createDataFrame(models, MODEL_SCHEMA)


# ---- pass 2: extraction with the host's model --------------------------------------------------


def extract_partition(
    rows: Iterable[tuple[str, tuple[tuple[Any, Any, Any], tuple[int, bytes] | None]]],
    *,
    favor: float = 0.0,
    timeout: float | None = None,
    output_format: str = "text",
    include_comments: bool = False,
) -> Iterator[tuple[Any, ...]]:
    """Extract joined (host, ((url, html, kind), (pages, model) or None)) rows; one output row each.

    Rows of a host arrive together after the join, so each host's model is decoded once per
    run of its rows; only the current host's model is held.
    """
    current: str | None = None
    model: boilerstrip.SiteModel | None = None
    site_pages = 0
    for host, ((url, html, kind), fitted) in rows:
        if host != current:
            current, site_pages = host, fitted[0] if fitted else 0
            model = boilerstrip.SiteModel.from_bytes(fitted[1]) if fitted else None
        yield _one(url, host, html, kind, model, site_pages, favor, timeout, output_format, include_comments)


def _one(url: Any, host: str, html: Any, kind: Any, model: boilerstrip.SiteModel | None, site_pages: int,
         favor: float, timeout: float | None, output_format: str,
         include_comments: bool) -> tuple[Any, ...]:  # fmt: skip
    try:
        result = boilerstrip.extract(
            html if html is not None else b"",
            url=url,
            kind=kind,
            favor=favor,
            timeout=timeout,
            site_model=model,
            include_comments=include_comments,
        )
    except Exception as e:  # one bad page never fails a Spark task: it gets an error row
        empty = dict.fromkeys(METADATA_FIELDS)
        return (url, host or None, "", *empty.values(), site_pages, f"{type(e).__name__}: {e}")
    text = result.to_markdown() if output_format == "markdown" else result.text
    return (url, host or None, text, *metadata_of(result).values(), site_pages, None)


def extract_pages(
    pages: DataFrame,
    models: DataFrame | None = None,
    *,
    favor: float = 0.0,
    timeout: float | None = 5.0,
    output_format: str = "text",
    include_comments: bool = False,
) -> DataFrame:
    """One OUTPUT_SCHEMA row per page: its text and metadata, extracted with its host's model if any."""
    if output_format not in ("text", "markdown"):
        raise boilerstrip.InvalidOptionError(
            f"output_format must be 'text' or 'markdown', not {output_format!r}"
        )
    keyed: Any = pages.select("url", "html", "kind").rdd.map(lambda r: (_host(r[0]), (r[0], r[1], r[2])))
    if models is None:
        joined: Any = keyed.mapValues(lambda page: (page, None))
    else:
        fitted = models.select("host", "pages", "model").rdd.map(lambda r: (r[0], (r[1], bytes(r[2]))))
        joined = keyed.leftOuterJoin(fitted)
    out = joined.mapPartitions(
        lambda rows: extract_partition(rows, favor=favor, timeout=timeout, output_format=output_format,
                                       include_comments=include_comments)  # fmt: skip
    )
    return pages.sparkSession.createDataFrame(out, OUTPUT_SCHEMA)


def run(
    spark: SparkSession,
    pages: DataFrame,
    *,
    site_models: bool = True,
    models: DataFrame | None = None,
    fit_pages: int = FIT_PAGES,
    **options: Any,
) -> tuple[DataFrame, DataFrame | None]:
    """The whole job: fit (unless ``models`` are given or ``site_models`` is off), then extract."""
    if site_models and models is None:
        models = fit_models(pages, fit_pages=fit_pages).cache()
    return extract_pages(pages, models if site_models else None, **options), models


# ---- command line ------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m boilerstrip.integrations.spark",
        description="Extract main text and metadata from WARC files (or a Parquet/JSON table of url, html) "
        "with PySpark, one site model per host.",
    )
    p.add_argument("input", nargs="+", help="WARC files (.warc, .warc.gz), or with --input-format a table")
    p.add_argument("--input-format", choices=("warc", "parquet", "json"), default="warc",
                   help="parquet/json: a table with url and html columns (and optionally kind)")  # fmt: skip
    p.add_argument("--output", required=True, help="output folder")
    p.add_argument("--output-format", choices=("parquet", "json"), default="parquet")
    p.add_argument("--text-format", choices=("text", "markdown"), default="text")
    p.add_argument("--no-site-models", action="store_true", help="extract each page on its own")
    p.add_argument("--models-in", help="site models written by an earlier --models-out (Parquet)")
    p.add_argument("--models-out", help="write the fitted site models here (Parquet: host, pages, model)")
    p.add_argument("--fit-pages", type=int, default=FIT_PAGES, help="pages per host to fit on (at most)")
    p.add_argument("--favor", type=float, default=0.0, help="< 0 keeps less, > 0 keeps more")
    p.add_argument("--include-comments", action="store_true", help="keep comment threads")
    p.add_argument("--timeout", type=float, default=5.0, help="boilerstrip's time budget per page, seconds")
    p.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    return p


def session(
    master: str | None = None, app: str = "boilerstrip", config: Mapping[str, str] | None = None
) -> SparkSession:
    """A SparkSession whose local Python workers run this interpreter and import this boilerstrip.

    (Workers started on this machine inherit the environment; on a cluster, install boilerstrip
    on the executors or ship it with ``--py-files``.)
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    here = os.path.dirname(os.path.dirname(os.path.abspath(boilerstrip.__file__)))
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if here not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([here, *filter(None, paths)])
    builder = SparkSession.builder.appName(app)
    for key, value in (config or {}).items():
        builder = builder.config(key, value)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def main(argv: Sequence[str] | None = None, *, spark: SparkSession | None = None) -> int:
    """Command-line entry: read, fit, extract, write; prints one summary line.

    With ``spark``, the job runs in that session and leaves it open; else it makes one and stops it.
    """
    args = _parser().parse_args(argv)
    own = spark is None
    spark = spark or session(args.master)
    try:
        if args.input_format == "warc":
            pages = warc_pages(spark, [os.path.abspath(p) for p in args.input])
        else:
            table = spark.read.format(args.input_format).load(args.input)
            kind = "kind" if "kind" in table.columns else "CAST(NULL AS STRING) AS kind"
            pages = table.selectExpr("url", "html", kind)
        models = spark.read.parquet(args.models_in) if args.models_in else None
        out, models = run(
            spark, pages, site_models=not args.no_site_models, models=models, fit_pages=args.fit_pages,
            favor=args.favor, timeout=args.timeout, output_format=args.text_format,
            include_comments=args.include_comments,
        )  # fmt: skip
        if args.models_out and models is not None:
            models.write.mode("overwrite").parquet(args.models_out)
        out.write.mode("overwrite").format(args.output_format).save(args.output)
        written = spark.read.format(args.output_format).load(args.output)
        print(f"boilerstrip: {written.count()} pages written to {args.output}", file=sys.stderr)
    finally:
        if own:
            spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
