"""extract_many: input order, streaming with bounded look-ahead, per-item failures, timeouts, dead workers."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest
from selectolax.lexbor import LexborHTMLParser

import boilerstrip
from boilerstrip import Block, ExtractionTimeout, Failure, PageInfo, Pipeline, Result, Signal, extract_many
from boilerstrip.batch import IN_FLIGHT_PER_JOB

PROSE = "The council voted on Tuesday to approve the new bridge across the river, after a long debate."
FORKS = multiprocessing.get_start_method() == "fork"


def page(i: int, paragraphs: int = 1) -> str:
    body = "".join(f"<p>Doc {i}. {PROSE} Paragraph {n}.</p>" for n in range(paragraphs))
    return f"<html><body><article>{body}</article></body></html>"


def big_page() -> str:
    # Several seconds of work at today's speed: far over a 0.3 s limit.
    return (
        "<html><body>"
        + "".join(f"<div class=c{i}><p>{PROSE} {i}</p></div>" for i in range(6000))
        + "</body></html>"
    )


def texts(outcomes: Sequence[Result | Failure]) -> list[str]:
    return [o.text if isinstance(o, Result) else f"FAIL {o.index}" for o in outcomes]


def test_serial_results_are_in_input_order_and_equal_extract() -> None:
    """jobs=1 yields one Result per input, in order, equal to extract() on each."""
    sources = [page(i) for i in range(5)]
    got = list(extract_many(sources))
    assert [r.text for r in got if isinstance(r, Result)] == [boilerstrip.extract(s).text for s in sources]


def test_parallel_results_keep_input_order() -> None:
    """With worker processes, results come back in input order although later inputs finish first."""
    sources = [page(i, paragraphs=40 if i % 3 == 0 else 1) for i in range(14)]
    got = list(extract_many(sources, jobs=2))
    assert len(got) == 14
    for i, r in enumerate(got):
        assert isinstance(r, Result)
        assert r.text.startswith(f"Doc {i}.")


def test_failures_are_isolated_and_name_their_input() -> None:
    """A bad item yields a Failure with its index and error; items around it still succeed."""
    sources: list[Any] = [page(0), 42, page(2), None, page(4)]
    got = list(extract_many(sources))
    assert texts(got)[0].startswith("Doc 0.") and texts(got)[2].startswith("Doc 2.")
    assert [o.index for o in got if isinstance(o, Failure)] == [1, 3]
    bad = got[1]
    assert isinstance(bad, Failure) and isinstance(bad.error, boilerstrip.InvalidInputError)
    assert bad.reason.startswith("InvalidInputError: ")


def test_parallel_failures_are_isolated() -> None:
    """In worker processes too: a wrong type and an unpicklable tree fail alone."""
    sources: list[Any] = [page(0), 42, LexborHTMLParser(page(2)), page(3)]
    got = list(extract_many(sources, jobs=2))
    assert [type(o).__name__ for o in got] == ["Result", "Failure", "Failure", "Result"]
    assert [o.index for o in got if isinstance(o, Failure)] == [1, 2]


def test_source_url_pairs() -> None:
    """An item may be a (source, url) pair; the url reaches the metadata."""
    (r,) = extract_many([(page(0), "https://example.com/a")])
    assert isinstance(r, Result) and r.url == "https://example.com/a"


def test_input_is_read_lazily_with_bounded_look_ahead() -> None:
    """On an endless input, taking n results reads at most n + 4 x jobs items."""
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield page(i)

    got = list(itertools.islice(extract_many(endless(), jobs=2), 6))
    assert len(got) == 6
    assert pulled <= 6 + IN_FLIGHT_PER_JOB * 2
    pulled = 0
    assert len(list(itertools.islice(extract_many(endless()), 3))) == 3
    assert pulled == 3


@pytest.mark.parametrize("jobs", [1, 2])
def test_look_ahead_stays_bounded_all_along_a_stream(jobs: int) -> None:
    """At every result of a long stream, at most 4 x jobs items have been read ahead (none with jobs=1),
    so memory does not grow with the input's length; results still come in input order."""
    pulled = 0

    def stream() -> Iterator[str]:
        nonlocal pulled
        for i in range(60):
            pulled += 1
            yield page(i)

    window = IN_FLIGHT_PER_JOB * jobs if jobs > 1 else 0
    ahead = []
    for k, r in enumerate(extract_many(stream(), jobs=jobs)):
        assert isinstance(r, Result) and r.text.startswith(f"Doc {k}.")
        ahead.append(pulled - (k + 1))
    assert len(ahead) == 60 and max(ahead) <= window
    assert jobs == 1 or max(ahead) > 0  # the workers did read ahead: the bound is what holds it


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the in-worker timer needs POSIX setitimer")
def test_timeout_fails_only_the_slow_document() -> None:
    """A document over the time limit is a Failure(ExtractionTimeout); the others are extracted."""
    start = time.monotonic()
    got = list(extract_many([page(0), big_page(), page(2)], jobs=2, timeout=0.3))
    assert texts(got)[0].startswith("Doc 0.") and texts(got)[2].startswith("Doc 2.")
    slow = got[1]
    assert isinstance(slow, Failure) and isinstance(slow.error, ExtractionTimeout)
    assert slow.reason == "timeout: over the 0.3 s limit"
    assert time.monotonic() - start < 10


class Saboteur:
    """A detector that kills its worker on CRASH and hangs past any timer on HANG."""

    name: ClassVar[str] = "saboteur"
    needs_dom: ClassVar[bool] = False

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        for b in blocks:
            if "CRASH" in b.text:
                os._exit(3)
            if "HANG" in b.text:
                signal.signal(signal.SIGALRM, signal.SIG_IGN)  # what a long C call amounts to
                time.sleep(60)
        return iter(())


@pytest.mark.skipif(not FORKS, reason="the test detector reaches workers by fork")
def test_dead_and_hung_workers_fail_their_document_only() -> None:
    """A worker that dies or hangs past the deadline costs only its own document; the batch goes on."""
    pipeline = Pipeline.default().with_detector(Saboteur())
    sources = [page(i) for i in range(8)]
    sources[2] = "<p>CRASH here</p>"
    sources[5] = "<p>HANG here</p>"
    start = time.monotonic()
    got = list(extract_many(sources, jobs=2, timeout=0.3, pipeline=pipeline))
    assert time.monotonic() - start < 20
    for i in (0, 1, 3, 4, 6, 7):
        assert texts(got)[i].startswith(f"Doc {i}."), texts(got)
    crashed, hung = got[2], got[5]
    assert isinstance(crashed, Failure) and "died" in crashed.reason
    assert isinstance(hung, Failure) and isinstance(hung.error, ExtractionTimeout)


def test_include_comments_keeps_a_comment_thread() -> None:
    """include_comments=True keeps comments that the comment-location rules drop by default."""
    comments = "Finally some good news for the east bank."
    html = (
        f"<html><body><article><h1>Bridge approved</h1><p>{PROSE} {PROSE}</p><p>{PROSE}</p></article>"
        f'<div id="disqus_thread"><div class="comment"><p>{comments}</p></div></div></body></html>'
    )
    (plain,) = extract_many([html])
    (kept,) = extract_many([html], include_comments=True)
    assert isinstance(plain, Result) and isinstance(kept, Result)
    assert comments not in plain.text
    assert comments in kept.text and PROSE in kept.text


def test_forum_posts_are_content_with_or_without_include_comments() -> None:
    """A forum thread's replies are its content: the default keeps them, and include_comments changes nothing."""
    folder = Path(__file__).parents[1] / "fixtures" / "forum--thread-replies"
    source = next(folder.glob("source.*")).read_bytes()
    replies = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["must_contain"]
    (plain,) = extract_many([source])
    (with_comments,) = extract_many([source], include_comments=True)
    assert isinstance(plain, Result) and isinstance(with_comments, Result)
    assert all(reply in plain.text for reply in replies)
    assert with_comments.text == plain.text


def test_include_comments_leaves_other_widgets_rules() -> None:
    """include_comments silences only the comment-location rules: the widgets detector's other rules still count."""
    from boilerstrip.pipeline import COMMENT_LOCATION_RULES

    html = '<html><body><p>Share this</p><div class="comments"><p>A comment.</p></div></body></html>'
    plain = boilerstrip.extract(html)
    r = boilerstrip.extract(html, include_comments=True)
    rules = {s.rule for v in r.blocks for s in v.signals}
    assert {s.rule for v in plain.blocks for s in v.signals} & set(COMMENT_LOCATION_RULES)
    assert not rules & set(COMMENT_LOCATION_RULES)
    assert any(rule.startswith("widgets.") for rule in rules)


def test_extract_and_extract_many_agree_on_include_comments() -> None:
    """One mechanism: extract(include_comments=True) and extract_many(include_comments=True) decide alike."""
    html = (
        f"<html><body><article><h1>Bridge approved</h1><p>{PROSE} {PROSE}</p></article>"
        '<section class="comments"><div class="comment"><p>About time, the ferry queue is an hour '
        "long every morning and the council knew it.</p></div></section></body></html>"
    )
    (many,) = extract_many([html], include_comments=True)
    one = boilerstrip.extract(html, include_comments=True)
    assert isinstance(many, Result)
    assert many.text == one.text and "ferry queue" in one.text
    assert "ferry queue" not in boilerstrip.extract(html).text


@pytest.mark.parametrize(("options", "match"), [({"jobs": 0}, "jobs"), ({"jobs": True}, "jobs"),
                                                ({"timeout": 0}, "timeout"), ({"timeout": -1.0}, "timeout")])  # fmt: skip
def test_bad_options_raise_at_once(options: dict[str, Any], match: str) -> None:
    """Misused options raise InvalidOptionError when extract_many is called, before any input is read."""
    with pytest.raises(boilerstrip.InvalidOptionError, match=match):
        extract_many(iter(()), **options)


def test_comment_location_rules_exist() -> None:
    """Every rule id include_comments or a page type rescales is one a detector emits (a rename would
    silently break it)."""
    from pathlib import Path

    from boilerstrip.pipeline import COMMENT_LOCATION_RULES, PAGE_TYPE_SCALE, UNDECLARED_HTML_SCALE

    package = Path(boilerstrip.__file__).parent
    sources = [*(package / "rules").glob("*.toml"), *(package / "detectors").glob("*.py")]
    shipped = "".join(p.read_text(encoding="utf-8") for p in sources)
    scales = (*PAGE_TYPE_SCALE.values(), UNDECLARED_HTML_SCALE)
    for rule in (*COMMENT_LOCATION_RULES, *(r for scale in scales for r in scale)):
        assert f'"{rule}"' in shipped, rule


# ---------------------------------------------------------------- site models

SITES = Path(__file__).parent / "sites"
GAZETTE, KITCHEN = "harbourgazette.example", "fernleafkitchen.example"


def site_pages(host: str) -> list[tuple[str, str]]:
    """(html, url) of every page of one of the invented hosts in tests/sites."""
    return [
        (p.read_text("utf-8"), f"https://{host}/{p.stem}") for p in sorted((SITES / host).glob("*.html"))
    ]


def mixed() -> list[tuple[str, str]]:
    """The two hosts' pages interleaved, as a crawl would give them."""
    a, b = site_pages(GAZETTE), site_pages(KITCHEN)
    return [x for pair in itertools.zip_longest(a, b) for x in pair if x is not None]


def templated(r: Result | Failure) -> int:
    assert isinstance(r, Result)
    return sum(1 for v in r.blocks if any(s.detector == "template" for s in v.signals))


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_site_model_serves_every_page(jobs: int) -> None:
    """site_model=SiteModel: every page is extracted as extract(site_model=) would, and the template is heard."""
    pages = site_pages(KITCHEN)  # its HTML pages lose a promo box to the model (the gazette's lose nothing)
    model = boilerstrip.SiteModel.fit(pages)
    got = list(extract_many(pages, jobs=jobs, site_model=model))
    assert texts(got) == [boilerstrip.extract(s, url=u, site_model=model).text for s, u in pages]
    assert all(templated(r) > 0 for r in got)
    assert texts(got) != texts(list(extract_many(pages)))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_mapping_gives_each_page_its_hosts_model(jobs: int) -> None:
    """site_model={host: model}: pages of that host (any "www." or port) use it; other hosts' pages none."""
    model = boilerstrip.SiteModel.fit(site_pages(GAZETTE))
    pages = [(s, u.replace("https://", "https://www.")) for s, u in mixed()]
    got = list(extract_many(pages, jobs=jobs, site_model={GAZETTE: model}))
    assert [templated(r) > 0 for r in got] == [GAZETTE in u for _, u in pages]


def online_reference(pages: Sequence[tuple[str, str]]) -> list[str]:
    """Page after page: each extracted with what its host's earlier pages taught, then learned."""
    models: dict[str, boilerstrip.SiteModel] = {}
    out = []
    for s, u in pages:
        model = models.setdefault(u.split("/")[2], boilerstrip.SiteModel())
        out.append(boilerstrip.extract(s, url=u, site_model=model if model.pages else None).text)
        model.learn(s, url=u)
    return out


@pytest.mark.parametrize(("jobs", "timeout"), [(1, None), (2, None), (1, 30.0), (2, 30.0)])
def test_online_learning_is_that_of_one_stream_whatever_the_workers(jobs: int, timeout: float | None) -> None:
    """site_model=SiteModels(): results as if one process learned page after page in input order, at any jobs."""
    pages = mixed()
    learned = boilerstrip.SiteModels()
    got = list(extract_many(pages, jobs=jobs, timeout=timeout, site_model=learned))
    assert texts(got) == online_reference(pages)
    # Too few pages learned at first: no signal; later pages of each host hear their template.
    counts = [templated(r) for r in got]
    assert counts[:2] == [0, 0] and all(c > 0 for c in counts[-4:])
    assert sorted(learned.hosts) == sorted([GAZETTE, KITCHEN])
    model = learned.get(GAZETTE)
    assert model is not None and model.pages == len(site_pages(GAZETTE))


def test_online_pages_without_a_url_teach_nothing() -> None:
    """A page without a url is extracted without a model and learned into none."""
    pages = site_pages(GAZETTE)
    learned = boilerstrip.SiteModels()
    got = list(extract_many([s for s, _ in pages], site_model=learned))
    assert len(learned) == 0 and all(templated(r) == 0 for r in got)


def test_a_bad_site_model_raises_at_once() -> None:
    """site_model of the wrong type (or a mapping to something else) raises InvalidInputError when called."""
    with pytest.raises(boilerstrip.InvalidInputError, match="site_model"):
        extract_many(iter(()), site_model="host.bsm")  # type: ignore[arg-type]
    with pytest.raises(boilerstrip.InvalidInputError, match="SiteModels"):
        extract_many(iter(()), site_model={"example.org": None})  # type: ignore[dict-item]
