"""Dataset readers: each native layout, made up in a temporary folder, is detected and read lazily."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from benchmarks.datasets import open_dataset


def _gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def test_scrapinghub_layout(tmp_path: Path) -> None:
    """html/<id>.html.gz + ground-truth.json with articleBody and url."""
    truth = {
        "b2": {"articleBody": "Body two.", "url": "https://e.example/2"},
        "a1": {"articleBody": "Body one."},
    }
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    _gz(tmp_path / "html" / "a1.html.gz", "<p>Body one.</p>")
    _gz(tmp_path / "html" / "b2.html.gz", "<p>Body two.</p>")
    ds = open_dataset(tmp_path)
    assert (ds.name, ds.ids) == ("scrapinghub", ("a1", "b2"))
    first, second = ds.pages()
    assert (first.html, first.truth_text, first.url, first.page_type) == (
        b"<p>Body one.</p>",
        "Body one.",
        None,
        "article",
    )
    assert second.url == "https://e.example/2"


def _wcxb_truth(page_type: object, **gt: object) -> dict[str, object]:
    return {"url": "https://w.example/", "_internal": {"page_type": page_type}, "ground_truth": gt}


def test_wcxb_layout(tmp_path: Path) -> None:
    """ground-truth/NNNN.json: text, metadata, snippets, page type ("category" read as "collection")."""
    gt = tmp_path / "ground-truth"
    gt.mkdir()
    (gt / "0001.json").write_text(
        json.dumps(
            _wcxb_truth(
                {"primary": "forum"},
                title="T",
                author="A",
                publish_date="2025-01-02",
                main_content="Hello there.",
                **{"with": ["Hello"], "without": ["Login"]},
            )
        )
    )
    (gt / "0002.json").write_text(json.dumps(_wcxb_truth({"primary": "category"}, main_content="x")))
    (gt / "0003.json").write_text(json.dumps(_wcxb_truth("product", main_content=None)))
    for i in ("0001", "0002", "0003"):
        _gz(tmp_path / "html" / f"{i}.html.gz", "<p>page</p>")
    (tmp_path / "metadata.json").write_text("{}")
    ds = open_dataset(tmp_path)
    assert ds.name == "wcxb"
    p1, p2, p3 = ds.pages()
    assert (p1.page_type, p1.truth_text, p1.with_snippets, p1.without_snippets) == (
        "forum",
        "Hello there.",
        ("Hello",),
        ("Login",),
    )
    assert (p1.truth_meta.title, p1.truth_meta.author, p1.truth_meta.date) == ("T", "A", "2025-01-02")
    assert p2.page_type == "collection" and p2.truth_meta.author is None
    assert (p3.page_type, p3.truth_text) == ("product", "")


def _fixture(root: Path, name: str, source: str, kind: str | None = None, **meta: str) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / source).write_text("Hello world, this is a page.")
    (folder / "expected.txt").write_text("Hello world")
    expected: dict[str, object] = {"metadata": meta, "must_contain": ["Hello"], "must_not_contain": ["Menu"]}
    if kind:
        expected["kind"] = kind
    (folder / "expected.json").write_text(json.dumps(expected))


def test_fixtures_layout(tmp_path: Path) -> None:
    """<topic>--<slug>/ folders; topic is the page type; source.txt (or kind "text") makes a text page."""
    _fixture(tmp_path, "news--one", "source.html", "html", title="T", url="https://f.example/1")
    _fixture(tmp_path, "seed--dump", "source.txt", "text", date="2023-12-28T12:47:00+00:00")
    _fixture(tmp_path, "blog--nokind", "source.txt")
    (tmp_path / "not-a-fixture").mkdir()
    ds = open_dataset(tmp_path)
    assert (ds.name, ds.ids) == ("fixtures", ("blog--nokind", "news--one", "seed--dump"))
    nokind, news, seed = ds.pages()
    assert (news.page_type, news.source_kind, news.url, news.truth_meta.title) == (
        "news",
        "html",
        "https://f.example/1",
        "T",
    )
    assert (seed.source_kind, seed.truth_meta.date) == ("text", "2023-12-28T12:47:00+00:00")
    assert nokind.source_kind == "text"
    assert (news.with_snippets, news.without_snippets) == (("Hello",), ("Menu",))


def test_empty_fixtures_folder_is_an_empty_dataset(tmp_path: Path) -> None:
    """A fixtures/ folder with nothing in it yet reads as zero pages, not an error."""
    (tmp_path / "fixtures").mkdir()
    assert len(open_dataset(tmp_path / "fixtures")) == 0


def test_unknown_layout_is_an_error(tmp_path: Path) -> None:
    """A folder matching no layout is refused with a clear message."""
    with pytest.raises(ValueError, match="not a ScrapingHub"):
        open_dataset(tmp_path)


def test_limit_is_a_seeded_sample_in_id_order(tmp_path: Path) -> None:
    """--limit takes a reproducible random sample (not the first N, which may all share one type)."""
    for i in range(20):
        _fixture(tmp_path, f"t--{i:02d}", "source.html")
    a = open_dataset(tmp_path, limit=5, seed=3).ids
    assert a == open_dataset(tmp_path, limit=5, seed=3).ids
    assert list(a) == sorted(a) and len(a) == 5
    assert a != open_dataset(tmp_path, limit=5, seed=4).ids
    assert len(open_dataset(tmp_path, limit=50)) == 20
