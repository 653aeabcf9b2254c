"""The public face: exported names, frozen model, typed errors, pipeline edits, plug-ins, trees."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar

import lxml.html
import pytest
from selectolax.lexbor import LexborHTMLParser

import boilerstrip
import boilerstrip.pipeline
from boilerstrip import Block, Metadata, PageInfo, Pipeline, Result, Signal, Verdict

DOCUMENTED = {
    "extract",
    "extract_many",
    "Failure",
    "Pipeline",
    "SiteModel",
    "SiteModels",
    "Tunables",
    "Detector",
    "RuleDetector",
    "Result",
    "Block",
    "Signal",
    "Verdict",
    "Metadata",
    "PageInfo",
    "BoilerstripError",
    "InvalidInputError",
    "InvalidOptionError",
    "DetectorError",
    "ExtractionTimeout",
    "__version__",
}

PROSE = (
    "The council voted on Tuesday to approve the new bridge across the river, after a long debate "
    "that lasted most of the evening and ended with a vote of seven to two."
)
PROSE2 = (
    "Work on the bridge is expected to start in the spring and it will take about two years to "
    "finish, the mayor said in a statement to the press on Wednesday morning."
)
PAGE = (
    "<html><head><title>Council approves the bridge</title></head><body>"
    '<nav class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>'
    f"<article><h1>Council approves the bridge</h1><p>{PROSE}</p><p>{PROSE2}</p></article>"
    '<footer><a href="/about">About us</a> <a href="/legal">Legal</a></footer>'
    "</body></html>"
)


class KeepMe:
    """A custom detector: strong content evidence for blocks containing KEEPME."""

    name: ClassVar[str] = "keepme"
    needs_dom: ClassVar[bool] = False

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        for b in blocks:
            if "KEEPME" in b.text:
                yield Signal(b.index, 5.0, "keepme.marker", "contains KEEPME")


def test_all_is_exactly_the_documented_set() -> None:
    """boilerstrip exports exactly the documented names, each of them defined."""
    assert set(boilerstrip.__all__) == DOCUMENTED
    assert len(boilerstrip.__all__) == len(DOCUMENTED)
    for name in DOCUMENTED:
        assert hasattr(boilerstrip, name)


@pytest.mark.parametrize(
    ("obj", "field"),
    [
        (Block(index=0, text="x"), "text"),
        (Signal(0, 1.0, "x.y", "z"), "weight"),
        (Verdict(Block(index=0, text="x"), "content", "content", 1.0), "label"),
        (Metadata(), "title"),
        (boilerstrip.extract("<p>Some text here.</p>"), "text"),
    ],
)
def test_model_objects_are_frozen(obj: Any, field: str) -> None:
    """Assigning to a field of any model object raises FrozenInstanceError."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, None)


@pytest.mark.parametrize("source", [42, None, ["<p>a</p>"], object(), 3.5, {"html": "<p>a</p>"}])
def test_wrong_source_types_raise_invalid_input(source: Any) -> None:
    """A source that is not str, bytes or a parsed tree raises InvalidInputError (a TypeError)."""
    with pytest.raises(boilerstrip.InvalidInputError) as info:
        boilerstrip.extract(source)
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, boilerstrip.BoilerstripError)


def test_wrong_url_type_raises_invalid_input() -> None:
    """A url that is not a str raises InvalidInputError."""
    with pytest.raises(boilerstrip.InvalidInputError):
        boilerstrip.extract("<p>hi</p>", url=42)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["HTML", "markdown", "", "txt"])
def test_bad_kind_raises_invalid_option(kind: str) -> None:
    """An unknown kind raises InvalidOptionError, which is a ValueError."""
    with pytest.raises(boilerstrip.InvalidOptionError) as info:
        boilerstrip.extract("<p>hi</p>", kind=kind)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, boilerstrip.BoilerstripError)


@pytest.mark.parametrize(
    "source",
    [
        "",
        b"",
        "   \n\t  \n",
        b"\n\n",
        "<script>var a = 1;</script>",
        "<html><body><script>x()</script></body></html>",
    ],
)
def test_empty_input_gives_empty_result(source: str | bytes) -> None:
    """Empty, blank or script-only input gives a Result with empty text, not an error."""
    r = boilerstrip.extract(source)
    assert isinstance(r, Result)
    assert r.text == ""
    assert r.kind in ("html", "text")
    assert all(not v.kept for v in r.blocks)


def test_without_removes_a_detector() -> None:
    """Pipeline.without drops the named detector and leaves the original pipeline alone."""
    p = Pipeline.default()
    assert "echo" in p.names
    q = p.without("echo")
    assert "echo" not in q.names
    assert "echo" in p.names
    r = boilerstrip.extract(PAGE, pipeline=q)
    assert not any(s.detector == "echo" for v in r.blocks for s in v.signals)


def test_without_unknown_name_raises_detector_error() -> None:
    """Removing a detector that does not exist raises DetectorError."""
    with pytest.raises(boilerstrip.DetectorError):
        Pipeline.default().without("no-such-detector")


def test_reweighted_unknown_name_raises_detector_error() -> None:
    """Reweighting a detector that does not exist raises DetectorError."""
    with pytest.raises(boilerstrip.DetectorError):
        Pipeline.default().reweighted(nonesuch=1.0)


def test_with_detector_signals_appear_and_change_the_outcome() -> None:
    """A custom detector's signals reach the verdicts and can keep a block that would be dropped."""
    page = PAGE.replace("<footer>", "<footer><p>KEEPME</p>")
    plain = boilerstrip.extract(page)
    assert "KEEPME" not in plain.text
    p = Pipeline.default().with_detector(KeepMe())
    assert p.names[-1] == "keepme"
    r = boilerstrip.extract(page, pipeline=p)
    assert "KEEPME" in r.text
    marked = [v for v in r.blocks if "KEEPME" in v.block.text]
    assert marked and all(any(s.rule == "keepme.marker" for s in v.signals) for v in marked)


def test_with_detector_before_places_it() -> None:
    """with_detector(before=...) inserts the detector ahead of the named one."""
    p = Pipeline.default().with_detector(KeepMe(), before="echo")
    assert p.names.index("keepme") == p.names.index("echo") - 1


def test_duplicate_detector_names_raise() -> None:
    """A pipeline with two detectors of one name raises DetectorError."""
    with pytest.raises(boilerstrip.DetectorError):
        Pipeline((KeepMe(), KeepMe()))


def test_reweighted_zero_switches_echo_off() -> None:
    """reweighted(echo=0) removes every echo signal from the verdicts."""
    with_echo = boilerstrip.extract(PAGE)
    assert any(s.detector == "echo" for v in with_echo.blocks for s in v.signals)
    r = boilerstrip.extract(PAGE, pipeline=Pipeline.default().reweighted(echo=0))
    assert not any(s.detector == "echo" for v in r.blocks for s in v.signals)


def test_pipeline_shared_between_threads_gives_identical_results() -> None:
    """One Pipeline used from 4 threads for 50 extractions gives one and the same result."""
    p = Pipeline.default()
    sources = [PAGE, PAGE.encode("utf-8"), f"Title\n\n{PROSE}\n\n{PROSE2}\n"] * 17
    sources = sources[:50]
    expected = {i: p.extract(s).text for i, s in enumerate(sources[:3])}
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda s: p.extract(s).text, sources))
    assert texts == [expected[i % 3] for i in range(50)]


class _FakeEntryPoint:
    name = "keepme-plugin"

    def load(self) -> type[KeepMe]:
        return KeepMe


@pytest.fixture
def fresh_default() -> Iterator[None]:
    boilerstrip.pipeline._default.cache_clear()
    yield
    boilerstrip.pipeline._default.cache_clear()


def test_entry_point_plugins_are_loaded(monkeypatch: pytest.MonkeyPatch, fresh_default: None) -> None:
    """Pipeline.default(plugins=True) adds detectors from the boilerstrip.detectors entry points."""
    groups: list[str] = []

    def fake_entry_points(*, group: str) -> list[_FakeEntryPoint]:
        groups.append(group)
        return [_FakeEntryPoint()]

    monkeypatch.setattr(boilerstrip.pipeline, "entry_points", fake_entry_points)
    p = Pipeline.default(plugins=True)
    assert "keepme" in p.names
    assert groups == ["boilerstrip.detectors"]
    assert "keepme" not in Pipeline.default(plugins=False).names


def test_entry_point_that_is_no_detector_raises(monkeypatch: pytest.MonkeyPatch, fresh_default: None) -> None:
    """An entry point loading something that is not a detector raises DetectorError."""

    class Bad:
        name = "bad"

        def load(self) -> object:
            return 42

    monkeypatch.setattr(boilerstrip.pipeline, "entry_points", lambda *, group: [Bad()])
    with pytest.raises(boilerstrip.DetectorError):
        Pipeline.default(plugins=True)


def test_explain_lists_every_block_with_its_label() -> None:
    """Result.explain() has one row per block showing its index, label and text start."""
    r = boilerstrip.extract(PAGE)
    table = r.explain()
    rows = [line for line in table.splitlines()[1:] if line[:3].strip().isdigit()]
    assert len(rows) == len(r.blocks) >= 4
    for row, v in zip(rows, r.blocks, strict=True):
        assert int(row[:3]) == v.block.index
        assert v.label in row
        assert v.block.text[:10] in row
    assert {v.label for v in r.blocks} == {"content", "boilerplate"}


def test_explain_only_filters_labels() -> None:
    """explain(only="content") lists only the kept blocks."""
    r = boilerstrip.extract(PAGE)
    rows = [line for line in r.explain(only="content").splitlines()[1:] if line[:3].strip().isdigit()]
    assert len(rows) == sum(v.kept for v in r.blocks)


def test_to_json_round_trips() -> None:
    """to_json parses back with the text and every public metadata key."""
    r = boilerstrip.extract(PAGE, url="https://example.com/bridge")
    data = json.loads(r.to_json())
    assert data["text"] == r.text
    public = {f.name for f in dataclasses.fields(Metadata)} - {"body", "values"}
    assert public | {"text", "author"} == set(data)
    assert data["title"] == r.title
    assert data["url"] == r.url
    with_blocks = json.loads(r.to_json(blocks=True))
    assert [b["label"] for b in with_blocks["blocks"]] == [v.label for v in r.blocks]


def test_str_bytes_and_parsed_trees_give_the_same_text() -> None:
    """str, bytes, a selectolax tree and an lxml tree of one page give one text."""
    expected = boilerstrip.extract(PAGE).text
    assert PROSE in expected
    assert boilerstrip.extract(PAGE.encode("utf-8")).text == expected
    assert boilerstrip.extract(LexborHTMLParser(PAGE)).text == expected
    assert boilerstrip.extract(lxml.html.document_fromstring(PAGE)).text == expected
    assert boilerstrip.extract(lxml.html.document_fromstring(PAGE).getroottree()).text == expected


def test_callers_trees_are_not_mutated() -> None:
    """Extracting from a parsed tree leaves the caller's tree exactly as it was."""
    page = PAGE.replace("<body>", "<body><script>var x = 1;</script><style>p{}</style>")
    tree = LexborHTMLParser(page)
    before = tree.html
    boilerstrip.extract(tree)
    assert tree.html == before
    doc = lxml.html.document_fromstring(page)
    before_lxml = lxml.html.tostring(doc)
    boilerstrip.extract(doc)
    assert lxml.html.tostring(doc) == before_lxml


def test_result_exposes_metadata_flat() -> None:
    """Result.title and friends read through to the metadata."""
    r = boilerstrip.extract(PAGE, url="https://example.com/bridge")
    assert r.title == r.metadata.title
    assert r.url == r.metadata.url == "https://example.com/bridge"
    assert r.kind == "html"


def test_every_metadata_field_is_on_the_result() -> None:
    """Each public Metadata field (not the evidence-only body and values) reads through flat on Result."""
    md = Metadata(title="T", authors=("A B",), date="2024-01-02", date_modified="2024-01-03", description="D",
                  sitename="S", language="en", url="https://e.com/x", image="https://e.com/i.jpg",
                  image_caption="C", image_credit="K", tags=("t",), categories=("c",), page_type="article",
                  license="https://creativecommons.org/licenses/by/4.0/")  # fmt: skip
    r = Result("", md, (), "html")
    for f in dataclasses.fields(Metadata):
        if f.name in ("body", "values"):
            continue
        assert getattr(r, f.name) == getattr(md, f.name), f.name


def test_include_comments_must_be_a_bool() -> None:
    """A truthy string is no answer to "keep the comments?": it is refused, not guessed."""
    with pytest.raises(boilerstrip.InvalidInputError, match="include_comments"):
        boilerstrip.extract("<p>x</p>", include_comments="yes")  # type: ignore[arg-type]


def test_comments_under_answers_go_unless_comments_are_included() -> None:
    """On a Q&A thread the comments under an answer go (widgets.post-comments); include_comments keeps them."""
    answer = "Sort in place with list.sort(key=str.lower); sorted() returns a new list and leaves yours as it was."
    comment = "Worth adding that str.casefold is the better key when the names are not all plain ASCII letters."

    def post(kind: str, text: str, comments: str) -> str:
        return (
            f'<div class="{kind}"><div class="postcell"><p>{text}</p></div><div class="comments">'
            f'<ul><li class="comment"><div class="comment-body">{comments}</div></li></ul>'
            '<a class="comments-link" href="#">Add a comment</a></div></div>'
        )

    html = (
        '<html><body><div id="mainbar">'
        + post("question", "Why does my list keep its old order after I call sorted() on it with a key?", comment[:60] + "?")
        + '<div id="answers">' + post("answer", answer, comment) + post("answer", answer.upper(), comment.upper())
        + "</div></div></body></html>"
    )  # fmt: skip
    url = "https://answers.example.net/questions/77/why-does-my-list-keep-its-order"
    assert answer in boilerstrip.extract(html, url=url).text
    assert comment not in boilerstrip.extract(html, url=url).text
    assert comment in boilerstrip.extract(html, url=url, include_comments=True).text


def test_a_tuned_rule_scale_wins_over_the_page_types_own() -> None:
    """A user's rule factor is kept on every page type; the pipeline's comment factors only add to it."""
    html = (
        "<html><body><article><p>" + "The council approved the new bridge after a long debate. " * 8
        + '</p></article><div class="comments"><p>A comment on the bridge.</p></div></body></html>'
    )
    silenced = Pipeline.default().tuned(rule_scale=(("widgets.comments-class", 0.0),))
    rules = {s.rule for v in boilerstrip.extract(html, pipeline=silenced).blocks for s in v.signals}
    default = {s.rule for v in boilerstrip.extract(html).blocks for s in v.signals}
    assert "widgets.comments-class" in default
    assert "widgets.comments-class" not in rules
