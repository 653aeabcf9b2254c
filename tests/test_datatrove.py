"""boilerstrip's datatrove steps in a real datatrove pipeline (LocalPipelineExecutor) over WARC files built here."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove", reason="datatrove is not installed (pip install '.[test]')")
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from benchmarks.throughput import write_warc  # noqa: E402
from boilerstrip.integrations.datatrove import BoilerstripExtractor, BoilerstripTextFilter  # noqa: E402

MENU = ["Home", "Harbour", "Council", "Schools", "Weather", "Letters"]
COOKIE = "We use cookies to improve your experience. Accept all cookies or manage your cookie settings."
FOOTER = "© 2026 Lakeside Courier Media. All rights reserved. Privacy policy · Terms of use · Contact"

STORIES = [
    (
        "Ferry timetable changes from Monday",
        "Mara Lindqvist",
        "2026-03-02",
        [
            "The harbour authority confirmed on Friday that the morning ferry to the islands will leave twenty "
            "minutes earlier from Monday, after months of complaints from commuters who missed their trains.",
            "Skippers said the new departure lets the boat cross before the tide turns, which shortens the trip "
            "and saves fuel on the return leg, according to a note sent to season ticket holders.",
            "The evening sailings stay as they are, although the last boat on Sundays will now wait for the "
            "late bus from the station when it runs behind schedule by no more than ten minutes.",
        ],
    ),
    (
        "School kitchen garden wins regional prize",
        "Tomas Berglund",
        "2026-03-05",
        [
            "Pupils at the hill school have grown enough beans and potatoes this year to supply the canteen for "
            "three weeks, and the regional food council has given their garden its annual award.",
            "The teachers who started the project four years ago said the children now plan the beds themselves, "
            "keep a diary of the weather and weigh every harvest before it goes to the kitchen.",
            "Part of the prize money will pay for a small greenhouse, so that seedlings can be raised in spring "
            "instead of bought from the garden centre on the ring road.",
        ],
    ),
]


# A promo box inside the article on every page of the host: it reads like content, so only the
# host's other pages (a site model) can tell it is template.
PROMO = (
    "<h3>From the editor</h3><p>Independent local news depends on readers, and a small monthly "
    "contribution from you keeps every story on this site free for all of our neighbours.</p>"
)
PROMO_TEXT = "a small monthly contribution from you keeps every story on this site free"


def _page(title: str, author: str, date: str, paragraphs: list[str], promo: bool = False) -> str:
    menu = "".join(f'<li><a href="/{m.lower()}">{m}</a></li>' for m in MENU)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    if promo:
        body = body.replace("</p>", "</p>" + PROMO, 1)
    return (
        f"<!doctype html><html lang='en'><head><title>{title} | Lakeside Courier</title>"
        f"<meta name='author' content='{author}'><meta property='article:published_time' content='{date}'>"
        f"</head><body><div class='cookie-banner' id='consent'>{COOKIE} <button>Accept</button></div>"
        f"<header><nav class='main-menu'><ul>{menu}</ul></nav></header>"
        f"<main><article><h1>{title}</h1><p class='byline'>By {author}</p>{body}</article></main>"
        f"<footer class='site-footer'><p>{FOOTER}</p></footer></body></html>"
    )


def _run(tmp_path: Path, step: Any, name: str, tasks: int = 1) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run WarcReader -> step -> JsonlWriter over tmp_path/'in'; the written documents and the step's stats."""
    out, logs = tmp_path / f"out-{name}", tmp_path / f"logs-{name}"
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(tmp_path / "in")), step, JsonlWriter(str(out), compression=None)],
        tasks=tasks, workers=tasks, logging_dir=str(logs),
    )  # fmt: skip
    executor.run()
    docs = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text().splitlines()]
    stats = json.loads((logs / "stats.json").read_text())
    mine = next(s for s in stats if "boilerstrip" in s["name"])
    return sorted(docs, key=lambda d: d["metadata"]["url"]), mine["stats"]


def _count(stats: dict[str, Any], key: str) -> int:
    value = stats.get(key, 0)
    return int(value["total"] if isinstance(value, dict) else value)


@pytest.fixture
def html_warc(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    records = [(f"https://courier.example/news/{i}", _page(*s).encode()) for i, s in enumerate(STORIES)]
    # a page with no main text: the extractor drops it
    records.append(("https://courier.example/menu", _page("Menu", "", "", []).encode()))
    write_warc(tmp_path / "in" / "crawl.warc.gz", records)
    return tmp_path


def test_extractor_pipeline_writes_clean_text_and_metadata(html_warc: Path) -> None:
    """WarcReader -> BoilerstripExtractor -> JsonlWriter keeps each article's text, drops its chrome, adds metadata."""
    docs, stats = _run(html_warc, BoilerstripExtractor(timeout=10.0), "html")
    assert [d["metadata"]["url"] for d in docs] == [f"https://courier.example/news/{i}" for i in range(2)]
    for doc, (title, author, date, paragraphs) in zip(docs, STORIES, strict=True):
        for p in paragraphs:
            assert p in doc["text"]
        for chrome in (COOKIE, FOOTER, "Weather"):
            assert chrome not in doc["text"]
        meta = doc["metadata"]["boilerstrip"]
        assert (meta["title"], meta["author"], meta["date"][:10]) == (title, author, date)
        assert meta["language"] == "en"
        assert meta["kind"] == "html" and meta["partial"] is False
        # WarcReader's own metadata is kept beside ours, not overwritten (its date is the crawl date)
        assert doc["metadata"]["date"] and doc["metadata"]["url"].startswith("https://courier.example/")
    assert (_count(stats, "total"), _count(stats, "forwarded"), _count(stats, "dropped")) == (3, 2, 1)


def test_extractor_runs_the_same_in_two_worker_processes(html_warc: Path) -> None:
    """With two tasks in two worker processes (pickled steps, forkserver) the output is the same documents."""
    (html_warc / "in" / "more.warc.gz").write_bytes((html_warc / "in" / "crawl.warc.gz").read_bytes())
    docs, stats = _run(html_warc, BoilerstripExtractor(timeout=10.0), "two", tasks=2)
    assert len(docs) == 4 and _count(stats, "forwarded") == 4
    # sorted by URL, so each page's two copies (one per task) are neighbours
    assert [d["text"] for d in docs[0::2]] == [d["text"] for d in docs[1::2]]
    assert {d["metadata"]["url"] for d in docs} == {f"https://courier.example/news/{i}" for i in range(2)}


class _StallsOnMarker(BoilerstripExtractor):  # type: ignore[misc]
    """Hangs (longer than the timeout) on one page, as a pathological page would."""

    def extract_record(self, text: str, url: str | None) -> tuple[str, dict[str, Any]]:
        if url and url.endswith("/0"):
            time.sleep(120)
        return super().extract_record(text, url)


def test_extractor_timeout_drops_only_the_stalled_document(html_warc: Path) -> None:
    """The hard timeout kills the sandbox on the stalled page; the next pages get a fresh one and pass."""
    started = time.monotonic()
    # 6 s: ample for the pages that do not stall, also on a loaded machine
    docs, stats = _run(html_warc, _StallsOnMarker(timeout=6.0), "timeout")
    assert time.monotonic() - started < 90
    assert [d["metadata"]["url"] for d in docs] == ["https://courier.example/news/1"], stats
    assert _count(stats, "timeout") == 1


def _series() -> list[tuple[str, bytes]]:
    """Seven pages of one host, each its own story, each with the promo box after its first paragraph."""
    places = [
        "the quay",
        "the old mill",
        "the market square",
        "the lido",
        "the chapel",
        "the depot",
        "the orchard",
    ]
    pages = []
    for i, place in enumerate(places):
        paragraphs = [
            f"Volunteers spent the weekend restoring {place}, which had been closed to visitors since the storm.",
            f"The work at {place} was paid for by a local trust, whose chair thanked everyone who gave their time.",
            f"Visitors will be able to return to {place} from next month, when the paths have been resurfaced.",
        ]
        html = _page(f"Restoring {place}", "Ines Aalto", "2026-04-0" + str(i + 1), paragraphs, promo=True)
        pages.append((f"https://courier.example/local/{i}", html.encode()))
    return pages


def test_extractor_learns_site_models_online_per_task(tmp_path: Path) -> None:
    """learn_sites: early pages of a host keep the promo (too few pages learned); once learned, it goes."""
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "crawl.warc.gz", _series())
    docs, _ = _run(tmp_path, BoilerstripExtractor(timeout=10.0, learn_sites=True), "online")
    assert len(docs) == 7
    texts = [d["text"] for d in docs]
    assert PROMO_TEXT in texts[0] and PROMO_TEXT not in texts[-1]
    assert all("Volunteers spent the weekend restoring" in t for t in texts)
    plain, _ = _run(tmp_path, BoilerstripExtractor(timeout=10.0), "plain")
    assert all(PROMO_TEXT in d["text"] for d in plain)  # without a model the promo reads as content


def test_extractor_uses_offline_models_of_the_pages_own_host_only(tmp_path: Path) -> None:
    """site_models={host: model}: the host's pages lose the promo; another host's page with it keeps it."""
    import boilerstrip

    series = _series()
    model = boilerstrip.SiteModel.fit((html, url) for url, html in series)
    other = ("https://gazette.example/local/1", _page(*STORIES[0], promo=True).encode())
    (tmp_path / "in").mkdir()
    write_warc(tmp_path / "in" / "crawl.warc.gz", [*series, other])
    step = BoilerstripExtractor(timeout=10.0, site_models={"courier.example": model})
    docs, _ = _run(tmp_path, step, "offline")
    by_host = {d["metadata"]["url"]: d["text"] for d in docs}
    assert len(by_host) == 8
    assert all(PROMO_TEXT not in t for u, t in by_host.items() if "courier.example" in u)
    assert PROMO_TEXT in by_host[other[0]]


def _dump(title: str, author: str, date: str, paragraphs: list[str]) -> str:
    """A WET-like flattening of _page(): every line of the page, chrome included."""
    return "\n".join([COOKIE, "Accept", *MENU, title, f"By {author}", *paragraphs, FOOTER])


def test_text_filter_cleans_wet_records_and_drops_empty_ones(tmp_path: Path) -> None:
    """WarcReader (WET conversion records) -> BoilerstripTextFilter keeps the story lines, drops the chrome lines."""
    (tmp_path / "in").mkdir()
    records = [(f"https://courier.example/news/{i}", _dump(*s).encode()) for i, s in enumerate(STORIES)]
    records.append(("https://courier.example/menu", "\n".join(MENU).encode()))
    write_warc(tmp_path / "in" / "crawl.warc.wet.gz", records, rec_type="conversion")
    docs, stats = _run(tmp_path, BoilerstripTextFilter(), "wet")
    assert len(docs) == 2
    for doc, (_, _, _, paragraphs) in zip(docs, STORIES, strict=True):
        assert all(p in doc["text"] for p in paragraphs)
        assert COOKIE not in doc["text"] and FOOTER not in doc["text"]
        assert not set(doc["text"].splitlines()) & set(MENU)
        assert doc["metadata"]["boilerstrip"]["kind"] == "text"
    assert _count(stats, "dropped") == 1 and _count(stats, "dropped_no_main_text") == 1


def test_boilerstrip_imports_no_engine_and_a_missing_engine_names_its_extra() -> None:
    """`import boilerstrip` loads no engine; an engine module without its engine says which extra to install."""
    code = (
        "import sys; import boilerstrip; assert 'datatrove' not in sys.modules and 'pyspark' not in sys.modules\n"
        "sys.modules['datatrove'] = sys.modules['pyspark'] = None\n"
        "for name in ('datatrove', 'spark'):\n"
        "    try:\n        __import__('boilerstrip.integrations.' + name)\n"
        "    except ImportError as e:\n        print(e)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (
        "pip install 'boilerstrip[datatrove]'" in done.stdout
        and "pip install 'boilerstrip[spark]'" in done.stdout
    )
