"""Site models: learning a host's recurring blocks, the template signal, bounds, the file format, hosts."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sites import build  # tests/sites: tests/ is on sys.path under pytest

import boilerstrip
from benchmarks.metrics import word_prf
from boilerstrip import InvalidInputError, InvalidOptionError, Pipeline, Result, SiteModel, SiteModels
from boilerstrip.detectors import template
from boilerstrip.sitemodel import MAGIC

SITES = Path(__file__).parent / "sites"
GAZETTE, KITCHEN = "harbourgazette.example", "fernleafkitchen.example"
SHOP = "saltmarshpottery.example"  # boilerplate that reads like the product's own text, in its container
ROOT = Path(__file__).parents[1]


def site(host: str, suffix: str) -> list[tuple[str, str, str]]:
    """(source, url, expected text) of every page of a host: suffix ".html" or ".txt" (its WET-style dump)."""
    out = []
    for path in sorted((SITES / host).glob(f"*{suffix}")):
        if path.name.endswith(".expected.txt"):
            continue
        slug = path.name.removesuffix(suffix)
        expected = (SITES / host / f"{slug}.expected.txt").read_text("utf-8")
        out.append((path.read_text("utf-8"), f"https://{host}/{slug}", expected))
    return out


def kind_of(suffix: str) -> str:
    return "html" if suffix == ".html" else "text"


def fitted(host: str, suffix: str) -> SiteModel:
    return SiteModel.fit([(s, u) for s, u, _ in site(host, suffix)], kind=kind_of(suffix))


def template_texts(r: Result) -> list[str]:
    return [v.block.text for v in r.blocks if any(s.rule in template.RULES for s in v.signals)]


def paragraphs(expected: str) -> list[str]:
    return [p.strip() for p in expected.split("\n\n") if p.strip()]


# ---------------------------------------------------------------- the fixtures themselves


def test_sites_are_what_the_builder_writes() -> None:
    """tests/sites holds exactly the builder's output: no page was edited by hand after it was built."""
    built = build.pages()
    assert len(built) >= 2 * 6 * 3
    for path, text in built.items():
        assert path.read_text("utf-8") == text, (
            f"{path} differs from build.py's output: run python -m tests.sites.build"
        )


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_sites_have_enough_pages(suffix: str) -> None:
    """At least three hosts of six or more pages, in HTML and as dumps."""
    for host in (GAZETTE, KITCHEN, SHOP):
        assert len(site(host, suffix)) >= 6


# ---------------------------------------------------------------- what the signal does


@pytest.mark.parametrize("suffix", [".html", ".txt"])
@pytest.mark.parametrize("host", [GAZETTE, KITCHEN, SHOP])
def test_site_model_raises_precision_and_keeps_every_paragraph(host: str, suffix: str) -> None:
    """With the host's model, word precision rises on every host and no expected paragraph kept without it is lost."""
    model = fitted(host, suffix)
    before, after = [], []
    for source, url, expected in site(host, suffix):
        plain = boilerstrip.extract(source, kind=kind_of(suffix), url=url)
        with_model = boilerstrip.extract(source, kind=kind_of(suffix), url=url, site_model=model)
        before.append(word_prf(plain.text, expected))
        after.append(word_prf(with_model.text, expected))
        for para in paragraphs(expected):
            if para in plain.text:
                assert para in with_model.text, f"{url}: lost {para[:60]!r}"
    p0 = sum(x.precision for x in before) / len(before)
    p1 = sum(x.precision for x in after) / len(after)
    r0 = sum(x.recall for x in before) / len(before)
    r1 = sum(x.recall for x in after) / len(after)
    assert p1 >= p0
    assert p1 == 1.0 or p1 >= p0 + 0.05
    assert r1 >= r0


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_recurring_prose_of_the_template_is_marked_and_dropped(suffix: str) -> None:
    """Sidebar promo, newsletter pitch and footer paragraphs recur on every page: template, and out of the text."""
    model = fitted(GAZETTE, suffix)
    source, url, _ = site(GAZETTE, suffix)[0]
    r = boilerstrip.extract(source, kind=kind_of(suffix), url=url, site_model=model)
    marked = " ".join(template_texts(r))
    for words in ("A subscription costs less than a coffee", "Our free newsletter arrives", "not-for-profit"):
        assert words in marked
        assert words not in r.text
    assert "template.recurring" in r.explain()


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_pages_headline_shown_as_a_teaser_elsewhere_is_not_template(suffix: str) -> None:
    """A headline that other pages list under "Most read" stays unmarked on its own page (structure or neighbours)."""
    pages = site(GAZETTE, suffix)
    model = fitted(GAZETTE, suffix)
    checked = 0
    for source, url, _ in pages:
        headline = boilerstrip.extract(source, kind=kind_of(suffix), url=url).metadata.title or ""
        assert headline, url
        elsewhere = sum(headline in other for other, u, _ in pages if u != url)
        if elsewhere < 4:
            continue  # the case needs a headline on most other pages
        checked += 1
        r = boilerstrip.extract(source, kind=kind_of(suffix), url=url, site_model=model)
        own = [v for v in r.blocks if v.block.text == headline]
        assert own, url
        # The page's own headline (the first occurrence on a news page) carries no template signal.
        assert not any(s.rule == template.RULE for s in own[0].signals), url
    assert checked >= 2


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_heading_recurring_over_each_pages_own_list_stays(suffix: str) -> None:
    """ "Ingredients" heads every recipe, but over that recipe's list: not template, and kept."""
    model = fitted(KITCHEN, suffix)
    recipes = 0
    for source, url, _ in site(KITCHEN, suffix):
        r = boilerstrip.extract(source, kind=kind_of(suffix), url=url, site_model=model)
        heads = [v for v in r.blocks if v.block.text in ("Ingredients", "Method")]
        recipes += bool(heads)
        assert not any(s.rule == template.RULE for v in heads for s in v.signals)
        assert all(v.kept for v in heads)
    assert recipes >= 6  # the heading recurs on most pages: the case is real


def test_long_recurring_block_between_a_pages_own_paragraphs_is_template() -> None:
    """A disclosure paragraph inside every post's body recurs beside unique text, yet is long: template."""
    model = fitted(KITCHEN, ".html")
    source, url, _ = site(KITCHEN, ".html")[2]
    r = boilerstrip.extract(source, url=url, site_model=model)
    assert any(t.startswith("This post may contain affiliate links") for t in template_texts(r))
    assert "affiliate links" not in r.text


# An invented blog of seven posts, as innerText-like dumps: each post's headline is listed
# under "Popular posts" on the others, and a site-wide disclosure sits between the headline
# and the post's first paragraph.
_POSTS = [
    ("Walking the old canal towpath in winter", "The towpath is quiet after the first frost"),
    ("Why the orchard on the green needs new trees", "Half the apple trees planted in the fifties"),
    ("A weekend of repairs at the lifeboat station", "Volunteers spent two days on the slipway"),
    ("How the allotment waiting list got so long", "There are now ninety names on the list"),
    ("The bakery that opens at four in the morning", "The ovens are lit long before the street wakes"),
    ("Counting swifts from the church tower", "Every June a dozen of us climb the tower"),
    ("What the flood taught the high street", "Three shops have still not reopened"),
]
_DISCLOSURE = (
    "Some links on this blog are affiliate links: if you buy through one we may earn a small commission, "
    "at no cost to you."
)


def _post(i: int) -> str:
    headline, opening = _POSTS[i]
    own = [f"{opening}, and post {i} tells it in sentence {k} of its own, with words no other post shares."
           for k in range(4)]  # fmt: skip
    popular = [_POSTS[(i + k) % len(_POSTS)][0] for k in range(1, 5)]
    return "\n".join(
        ["Skip to content", "Home", "Walks", "Village", "About", headline, _DISCLOSURE, *own,
         "Popular posts", *popular, "Copyright the Village Notebook", "Privacy"]
    )  # fmt: skip


def test_a_disclosure_between_a_headline_and_the_text_does_not_cut_the_headline_off() -> None:
    """A recurring block set among a page's own lines is dropped, and the region sees through it: the headline above stays."""
    pages = [(_post(i), f"https://notebook.example/post-{i}") for i in range(len(_POSTS))]
    model = SiteModel.fit(pages, kind="text")
    for i, (source, url) in enumerate(pages):
        r = boilerstrip.extract(source, kind="text", url=url, site_model=model)
        headline = _POSTS[i][0]
        inserted = [v for v in r.blocks if v.block.text == _DISCLOSURE]
        assert [s.rule for v in inserted for s in v.signals if s.detector == "template"] == [
            template.INSERTED_RULE
        ]
        assert _DISCLOSURE not in r.text
        assert headline in r.text.splitlines(), url
        assert "Popular posts" not in r.text and "Privacy" not in r.text


def test_a_page_learned_and_extracted_counts_once_for_its_own_text() -> None:
    """Learning the page itself (even twice: a revisit) does not make its own paragraphs recurrent."""
    pages = site(GAZETTE, ".html")
    source, url, expected = pages[0]
    once = SiteModel.fit([(s, u) for s, u, _ in pages])
    twice = SiteModel.fit([(s, u) for s, u, _ in pages] + [(source, url)])
    for model in (once, twice):
        marked = template_texts(boilerstrip.extract(source, url=url, site_model=model))
        assert marked  # the template is found...
        assert not set(paragraphs(expected)) & set(marked)  # ...and none of the page's own text
    # Learned once, the page's own paragraphs are on no other page: weak content evidence.
    r = boilerstrip.extract(source, url=url, site_model=once)
    unique = {v.block.text for v in r.blocks if any(s.rule == template.UNIQUE_RULE for s in v.signals)}
    assert set(paragraphs(expected)[1:]) <= unique


def test_a_tiny_model_gives_no_signal() -> None:
    """Below min_pages pages learned, the template detector says nothing at all."""
    pages = site(GAZETTE, ".html")
    small = SiteModel.fit([(s, u) for s, u, _ in pages[: template.MIN_PAGES - 1]])
    source, url, _ = pages[0]
    r = boilerstrip.extract(source, url=url, site_model=small)
    assert not any(s.detector == "template" for v in r.blocks for s in v.signals)
    assert r.text == boilerstrip.extract(source, url=url).text


def test_a_model_of_html_pages_says_nothing_about_dumps() -> None:
    """HTML blocks and dump lines have different fingerprints; pages are counted per kind."""
    model = fitted(GAZETTE, ".html")
    assert model.pages_of("html") == model.pages == len(site(GAZETTE, ".html"))
    assert model.pages_of("text") == 0
    source, url, _ = site(GAZETTE, ".txt")[0]
    r = boilerstrip.extract(source, kind="text", url=url, site_model=model)
    assert not any(s.detector == "template" for v in r.blocks for s in v.signals)


def test_online_learning_from_results_equals_learning_from_sources() -> None:
    """Learning each page's Result (no second parse) counts what learning its source counts."""
    from_sources, from_results = SiteModel(), SiteModel()
    for source, url, _ in site(KITCHEN, ".html"):
        r = boilerstrip.extract(source, url=url, site_model=from_results)
        from_results.learn(r, url=url)
        from_sources.learn(source, url=url)
    assert from_results.to_bytes(min_count=1) == from_sources.to_bytes(min_count=1)
    assert from_results.host == KITCHEN


def test_models_fitted_apart_merge_into_the_model_fitted_at_once() -> None:
    """Merging per-partition models of one host gives the counts of one model of all its pages; hosts stay apart."""
    pages = [(s, u) for s, u, _ in site(GAZETTE, ".txt")]
    left, right = SiteModel.fit(pages[:3], kind="text"), SiteModel.fit(pages[3:], kind="text")
    left.merge(right)
    assert left.to_bytes(min_count=1) == SiteModel.fit(pages, kind="text").to_bytes(min_count=1)
    small = SiteModel(max_entries=16)
    small.merge(left)
    assert small.entries <= 16 and small.pages == left.pages and small.undercount > 0
    with pytest.raises(InvalidOptionError):
        left.merge(fitted(KITCHEN, ".txt"))


# ---------------------------------------------------------------- pipeline edits


def test_the_template_detector_is_removable_and_reweightable() -> None:
    """without("template") ignores the model; reweighted scales its signals; the default detector is silent."""
    model = fitted(GAZETTE, ".html")
    source, url, _ = site(GAZETTE, ".html")[1]
    plain = boilerstrip.extract(source, url=url)
    assert not any(s.detector == "template" for v in plain.blocks for s in v.signals)
    full = boilerstrip.extract(source, url=url, site_model=model)
    off = Pipeline.default().without("template").extract(source, url=url, site_model=model)
    assert off.text == plain.text
    zero = Pipeline.default().reweighted(template=0.0).extract(source, url=url, site_model=model)
    assert zero.text == plain.text
    half = Pipeline.default().reweighted(template=0.5).extract(source, url=url, site_model=model)
    score = {v.block.index: v.score for v in full.blocks}
    for v in half.blocks:
        signal = [s for s in v.signals if s.rule == template.RULE]
        if signal and not any(s.detector == "region" for s in v.signals):
            assert v.score == pytest.approx(score[v.block.index] - 0.5 * signal[0].weight)


def test_wrong_site_model_types_raise() -> None:
    """site_model must be a site model; learn takes pages; sizes are ints in range."""
    with pytest.raises(InvalidInputError):
        boilerstrip.extract("<p>x</p>", site_model=object())  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError):
        SiteModel().learn(12)
    with pytest.raises(InvalidInputError):
        SiteModel("big")  # type: ignore[arg-type]
    with pytest.raises(InvalidOptionError):
        SiteModel(0)
    with pytest.raises(InvalidOptionError):
        SiteModels(0)


# ---------------------------------------------------------------- memory bound


def _synthetic_page(rng: random.Random, n: int) -> str:
    menu = ["Home", "World", "Business", "Culture", "Contact us"]
    footer = ["Copyright Example Media", "Terms of use", "Privacy"]
    own = [f"Line {n} {rng.getrandbits(48):x} of a story that is this page's alone." for _ in range(30)]
    return "\n".join(menu + own + footer)


def test_memory_stays_bounded_and_counts_err_low_within_the_bound() -> None:
    """Past max_entries the table is pruned: never larger, template kept, each count low by at most undercount."""
    rng = random.Random(7)
    model = SiteModel(max_entries=600)
    increments = 0
    for n in range(200):
        page = _synthetic_page(rng, n)
        model.learn(page, kind="text")
        increments += 3 * len(page.splitlines())  # three fingerprints a line, every one new or distinct
        assert model.entries <= 600
    assert model.undercount > 0  # the bound was reached
    assert model.undercount <= increments / 600
    r = boilerstrip.extract(_synthetic_page(rng, 999), kind="text", site_model=model)
    marked = template_texts(r)
    assert "Business" in marked and "Terms of use" in marked
    assert not any(t.startswith("Line 999") for t in marked)
    for fp in (fps[0] for fps in template.fingerprints([v.block for v in r.blocks], "text")):
        assert model.count(fp) <= 200


# ---------------------------------------------------------------- the file


def test_bytes_round_trip_and_save_load(tmp_path: Path) -> None:
    """to_bytes/from_bytes and save/load keep what extraction reads; the format is ours, versioned, not pickle."""
    model = fitted(GAZETTE, ".txt")
    data = model.to_bytes()
    assert data[:4] == MAGIC and b"pickle" not in data and data[4:6] == b"\x01\x00"
    back = SiteModel.from_bytes(data)
    assert back.to_bytes() == data
    assert back.pages == model.pages and back.host == GAZETTE
    source, url, _ = site(GAZETTE, ".txt")[3]
    want = boilerstrip.extract(source, kind="text", url=url, site_model=model)
    assert boilerstrip.extract(source, kind="text", url=url, site_model=back).blocks == want.blocks
    path = tmp_path / "gazette.bsm"
    model.save(path)
    assert path.read_bytes() == data
    assert SiteModel.load(path).to_bytes() == data
    assert len(data) < 2_000  # the seven pages' template, not every block they had


def test_models_pickle_for_worker_processes() -> None:
    """Engines ship models to workers by pickling the step: a model (and SiteModels) pickles whole."""
    model = fitted(KITCHEN, ".html")
    models = SiteModels()
    models.learn(site(GAZETTE, ".html")[0][0], url=site(GAZETTE, ".html")[0][1])
    assert pickle.loads(pickle.dumps(model)).to_bytes(min_count=1) == model.to_bytes(min_count=1)
    assert pickle.loads(pickle.dumps(models)).hosts == (GAZETTE,)


def test_damaged_or_foreign_bytes_are_refused() -> None:
    """Another format, another version, a truncated or altered file: InvalidOptionError, never a wrong model."""
    data = fitted(KITCHEN, ".html").to_bytes()
    for bad in (
        b"",
        b"PK\x03\x04" + data[4:],
        data[:4] + b"\x02\x00" + data[6:],
        data[:-9],
        data[:-5] + b"x" + data[-4:],
    ):
        with pytest.raises(InvalidOptionError):
            SiteModel.from_bytes(bad)
    with pytest.raises(InvalidInputError):
        SiteModel.from_bytes("BSSM")  # type: ignore[arg-type]


def test_fingerprints_do_not_depend_on_the_process() -> None:
    """Fingerprints are the same in another interpreter with another hash seed (models are saved and loaded)."""
    code = (
        "from boilerstrip.detectors.template import fingerprints; from boilerstrip.model import Block; "
        "print(fingerprints([Block(0, 'Home', path='body>nav'), Block(1, 'About us', path='body>nav')], {kind!r}))"
    )
    for kind in ("html", "text"):
        blocks = [
            boilerstrip.Block(0, "Home", path="body>nav"),
            boilerstrip.Block(1, "About us", path="body>nav"),
        ]
        here = template.fingerprints(blocks, kind)  # type: ignore[arg-type]
        # Five, not six: "Home" then "About us" is one adjacency, looked up by both blocks.
        assert len({fp for fps in here for fp in fps}) == 5
        done = subprocess.run(
            [sys.executable, "-c", code.format(kind=kind)], cwd=ROOT, capture_output=True, text=True,
            env={"PYTHONHASHSEED": "123"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == str(here)


# ---------------------------------------------------------------- hosts


def test_a_model_refuses_pages_of_another_host() -> None:
    """No cross-talk: a SiteModel is one host's ("www." and port aside)."""
    model = SiteModel()
    model.learn("<p>a</p>", url="https://www.Example.org:8443/a")
    model.learn("<p>b</p>", url="http://example.org/b")
    assert model.host == "example.org"
    with pytest.raises(InvalidOptionError):
        model.learn("<p>c</p>", url="https://other.example/c")
    assert model.pages == 2


def test_site_models_keep_hosts_apart_and_bounded() -> None:
    """SiteModels routes pages by host, never mixes counts, and forgets the least recently learned host."""
    models = SiteModels(max_hosts=2)
    for source, url, _ in site(GAZETTE, ".html"):
        models.learn(source, url=url)
    for source, url, _ in site(KITCHEN, ".html"):
        models.learn(source, url=url)
    gazette = models.get(f"https://{GAZETTE}/any")
    assert gazette is not None and gazette.pages == len(site(GAZETTE, ".html"))
    assert gazette.to_bytes() == fitted(GAZETTE, ".html").to_bytes()
    assert models.hosts == (GAZETTE, KITCHEN) and KITCHEN in models
    models.learn("<p>x</p>", url="https://third.example/")
    assert models.hosts == (KITCHEN, "third.example") and len(models) == 2
    assert models.get(GAZETTE) is None


def test_learning_and_extracting_touch_no_file() -> None:
    """Only save() and load() use the filesystem: learning, fitting and extracting open nothing."""
    pages = site(KITCHEN, ".html")
    code = (
        "import sys, boilerstrip\n"
        "pages = [(open(p).read(), u) for p, u in eval(sys.argv[1])]\n"
        "boilerstrip.extract('<p>warm up</p>')\n"
        "seen = []\n"
        "sys.addaudithook(lambda e, a: seen.append(e) if e in ('open', 'os.listdir', 'os.scandir') else None)\n"
        "m = boilerstrip.SiteModel.fit(pages)\n"
        "ms = boilerstrip.SiteModels(); [ms.learn(s, url=u) for s, u in pages]\n"
        "b = boilerstrip.SiteModel.from_bytes(m.to_bytes())\n"
        "[boilerstrip.extract(s, url=u, site_model=b) for s, u in pages]\n"
        "print(len(seen))\n"
    )
    arg = repr([(str(SITES / KITCHEN / f"{u.rsplit('/', 1)[1]}.html"), u) for _, u, _ in pages])
    done = subprocess.run([sys.executable, "-c", code, arg], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"


# ---------------------------------------------------------------- the lift and the main region


def _product_page() -> tuple[list[boilerstrip.Block], list[boilerstrip.Signal]]:
    """A product column (container 2) inside a page wrapper (1) holding ten widgets unique to the page."""
    from boilerstrip import Block, Signal

    blocks = [Block(i, "Made by hand in a small workshop. " * 12, containers=(1, 2)) for i in range(2)]
    blocks += [Block(i, "A widget only this page has, e.g. its own offers. " * 6, containers=(1, 3 + i))
               for i in range(2, 12)]  # fmt: skip
    signals = [Signal(b.index, 1.0, "evidence.test", "prose") for b in blocks[:2]]
    signals += [Signal(b.index, -0.2, "evidence.test", "linked") for b in blocks[2:]]
    signals += [Signal(b.index, template.UNIQUE_WEIGHT, template.UNIQUE_RULE, "unique") for b in blocks]
    return blocks, signals


def test_the_lift_of_unique_blocks_does_not_make_the_wrapper_the_region() -> None:
    """template.unique on every block: the product column stays the region; the wrapper's widgets stay out."""
    from boilerstrip.decide import Tunables, decide

    blocks, signals = _product_page()
    verdicts = decide(blocks, signals, {}, Tunables())
    assert [v.kept for v in verdicts] == [True] * 2 + [False] * 10
    # The same scores heard as ordinary evidence (no site model) do widen the region: the cap is the model's.
    plain = [boilerstrip.Signal(s.block, s.weight, "evidence.lift", "") if s.detector == "template" else s
             for s in signals]  # fmt: skip
    assert all(v.kept for v in decide(blocks, plain, {}, Tunables()))


def test_a_page_the_model_alone_takes_under_the_limit_is_not_tried_sparse() -> None:
    """HTML: when only the model's marks take the first pass under the sparse limit, no sparse retry."""
    from boilerstrip.decide import SPARSE_MAX_KEPT, Tunables, decide, fallback, kept_words

    words = "the workshop fires its kiln twice a month and glazes each piece by hand "
    blocks = [boilerstrip.Block(i, words * 4, containers=(1, 2)) for i in range(12)]
    signals = [boilerstrip.Signal(b.index, 1.0, "prose.test", "prose") for b in blocks]
    # The model marks most of them (a shop-wide box recurring on every page).
    signals += [boilerstrip.Signal(b.index, -1.5, template.RULE, "recurring") for b in blocks[:9]]
    first = decide(blocks, signals, {}, Tunables())
    assert kept_words(first) < SPARSE_MAX_KEPT <= kept_words(decide(blocks, signals, {"template": 0.0}, Tunables()))
    after = fallback(blocks, signals, first, boilerstrip.Metadata(), {}, Tunables())
    assert not any(s.rule == "fallback.sparse" for v in after for s in v.signals)
    assert [v.kept for v in after] == [v.kept for v in first]


def test_a_page_the_model_alone_takes_over_the_limit_is_still_tried_sparse() -> None:
    """The converse: the model's lift of a listing's own items carries the first pass over the sparse
    limit; the page still takes the structure step it takes without the model, the model heard there."""
    from boilerstrip.decide import SPARSE_MAX_KEPT, Tunables, decide, fallback, kept_words

    blocks = [boilerstrip.Block(i, f"Trail pack number {i} with rain cover", containers=(1, 2)) for i in range(40)]
    signals = [boilerstrip.Signal(b.index, -0.3, "evidence.test", "short") for b in blocks]
    signals += [boilerstrip.Signal(b.index, 1.0, "evidence.test", "a sentence") for b in blocks[:3]]
    signals += [boilerstrip.Signal(b.index, template.UNIQUE_WEIGHT, template.UNIQUE_RULE, "unique")
                for b in blocks[:36]]  # fmt: skip
    # Four items recur on every page of the host (a badge): the model marks them.
    signals += [boilerstrip.Signal(b.index, -1.5, template.RULE, "recurring") for b in blocks[36:]]
    first = decide(blocks, signals, {}, Tunables())
    assert kept_words(decide(blocks, signals, {"template": 0.0}, Tunables())) < SPARSE_MAX_KEPT <= kept_words(first)
    after = fallback(blocks, signals, first, boilerstrip.Metadata(), {}, Tunables())
    assert all(any(s.rule == "fallback.sparse" for s in v.signals) for v in after)
    # The structure step keeps the items and still hears the model's marks.
    assert [v.kept for v in after] == [True] * 36 + [False] * 4


def test_the_lift_brings_back_nothing_outside_the_region() -> None:
    """A promo unique to the page, beside the article and just under the line there, stays out with the model."""
    from boilerstrip.decide import Tunables, decide

    blocks = [boilerstrip.Block(i, "The kiln is fired twice a month and each glaze is mixed by hand. " * 5,
                                containers=(1, 2)) for i in range(6)]  # fmt: skip
    blocks.append(boilerstrip.Block(6, "Our spring sale ends on Sunday: every planter is a third off.", containers=(1, 3)))
    blocks += [boilerstrip.Block(i, "Shop all planters", containers=(1, 3)) for i in range(7, 10)]
    signals = [boilerstrip.Signal(b.index, 2.0, "evidence.test", "prose") for b in blocks[:6]]
    signals.append(boilerstrip.Signal(6, 0.9, "evidence.test", "a sentence"))
    signals += [boilerstrip.Signal(i, -2.0, "navigation.test", "menu") for i in range(7, 10)]
    signals += [boilerstrip.Signal(b.index, template.UNIQUE_WEIGHT, template.UNIQUE_RULE, "unique")
                for b in blocks[:7]]  # fmt: skip
    plain = decide(blocks, signals, {"template": 0.0}, Tunables())
    lifted = decide(blocks, signals, {}, Tunables())
    assert [v.kept for v in plain] == [True] * 6 + [False] * 4
    assert [v.kept for v in lifted] == [v.kept for v in plain]
    assert lifted[6].score == plain[6].score
    # Inside the region the lift is heard.
    assert all(a.score > b.score for a, b in zip(lifted[:6], plain[:6], strict=True))
