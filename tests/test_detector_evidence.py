"""The evidence detector: length, sentence shape, stopword density, link density, language guess."""

from __future__ import annotations

import pytest

from boilerstrip import extract
from boilerstrip.detectors.evidence import (
    EvidenceDetector,
    effective_length,
    function_density,
    guess_language,
)
from boilerstrip.model import Block, PageInfo

EVIDENCE = EvidenceDetector()
PROSE = (
    "The morning ferry left the harbour at seven o'clock on Tuesday, the first crossing since the service "
    "was suspended for the winter storms in November, and a small crowd gathered on the quay to watch it go."
)
LONG_PROSE = PROSE + " " + PROSE.replace("morning", "evening") + " " + PROSE.replace("Tuesday", "Friday")


def judge(block: Block, page: PageInfo | None = None) -> dict[str, float]:
    return {s.rule: s.weight for s in EVIDENCE.detect([block], page or PageInfo(kind="html"))}


def test_prose_paragraph_gets_positive_evidence() -> None:
    """A medium-length English sentence paragraph gets length, sentence and stopword evidence."""
    got = judge(Block(index=0, text=PROSE))
    assert set(got) == {"evidence.medium", "evidence.sentence", "evidence.stopwords"}
    assert sum(got.values()) > 1.0


def test_long_prose_gets_the_strongest_length_evidence() -> None:
    """A block of 400+ characters is evidence.long, not medium."""
    got = judge(Block(index=0, text=LONG_PROSE))
    assert "evidence.long" in got and "evidence.medium" not in got
    assert got["evidence.long"] > 1.0


def test_short_block_is_short() -> None:
    """A short paragraph (under 40 characters) gets negative evidence.short."""
    got = judge(Block(index=0, text="Home"))
    assert got == {"evidence.short": pytest.approx(-0.4)}


@pytest.mark.parametrize("role", ["heading", "item", "row"])
def test_short_headings_items_rows_are_not_punished(role: str) -> None:
    """Headings, list items and table rows are short by nature: no evidence.short."""
    assert "evidence.short" not in judge(Block(index=0, text="Ingredients", role=role))


def test_text_without_sentence_punctuation_or_stopwords() -> None:
    """A 40+ character run of keywords without punctuation is no-sentence and no-stopwords."""
    got = judge(Block(index=0, text="ferries island transport harbour timetable winter storms"))
    assert got["evidence.no-sentence"] < 0
    assert got["evidence.no-stopwords"] < 0


def test_link_dense_block_is_negative() -> None:
    """A block that is mostly link text gets evidence.links, more negative the denser it is."""
    text = "Home News Sport Weather Culture Travel"
    dense = judge(Block(index=0, text=text, link_chars=len(text), links=6))
    half = judge(Block(index=0, text=text, link_chars=len(text) // 2 + 1, links=3))
    sparse = judge(Block(index=0, text=text, link_chars=5, links=1))
    assert dense["evidence.links"] < half["evidence.links"] < 0
    assert "evidence.links" not in sparse


def test_a_heading_that_is_its_own_anchor_is_no_link() -> None:
    """A docs heading wrapped in a link to its own section ("#events") is a permalink: no evidence.links;
    a heading linking elsewhere, or to the bare "#" of a script's toggle, still is link text."""
    text = "Instance properties"

    def heading(target: str) -> Block:
        return Block(index=0, text=text, role="heading", level=2, link_chars=len(text), links=1,
                     spans=((0, len(text), "link", target, ""),))  # fmt: skip

    assert heading("#instance-properties").permalink
    assert "evidence.links" not in judge(heading("#instance-properties"))
    assert "evidence.links" in judge(heading("/docs/api/properties"))
    assert "evidence.links" in judge(heading("#"))
    item = Block(index=0, text=text, role="item", link_chars=len(text), links=1,
                 spans=((0, len(text), "link", "#instance-properties", ""),))  # fmt: skip
    assert "evidence.links" in judge(item)  # a table of contents' entry links into the page too: still a link


def test_code_gets_only_code_evidence() -> None:
    """A code block gets evidence.code and nothing about prose."""
    got = judge(Block(index=0, text="def double(x):\n    return x * 2", role="code"))
    assert got == {"evidence.code": pytest.approx(0.6)}
    assert judge(Block(index=0, text="x = 1", role="code")) == {}


def test_leaked_image_data_is_no_prose() -> None:
    """A slider's settings printed as text (image addresses, sizes, a user name) get no prose evidence, only
    a strong negative; a docs sentence naming two page addresses is prose."""
    leaked = (
        "https://cdn.example.org/uploads/2024/03/harbour-wall-01.jpg 1200 676 editor "
        "https://cdn.example.org/uploads/2024/03/harbour-wall-02.jpg editor2024-03-04 09:15:00 Harbour wall repairs begin"
    )
    assert judge(Block(index=0, text=leaked)) == {"evidence.image-addresses": pytest.approx(-1.5)}
    docs = (
        "For example, if your tunnel console shows Forwarding https://1abc-203-0-113-7.tunnel.example.app, "
        "enter https://1abc-203-0-113-7.tunnel.example.app/sms in the webhook field."
    )
    assert "evidence.image-addresses" not in judge(Block(index=0, text=docs))


def test_signals_point_at_their_blocks() -> None:
    """Each signal names the index of the block it judges."""
    bs = [Block(index=0, text="Home"), Block(index=1, text=PROSE)]
    signals = list(EVIDENCE.detect(bs, PageInfo(kind="text")))
    assert {s.block for s in signals if s.weight < 0} == {0}
    assert {s.block for s in signals if s.weight > 0} == {1}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (PROSE, "en"),
        ("Der Hund und die Katze sind nicht im Haus, aber der Vogel ist auf dem Dach.", "de"),
        ("Le chien et le chat ne sont pas dans la maison, mais l'oiseau est sur le toit.", "fr"),
        ("El perro y el gato no están en la casa, pero el pájaro está sobre el techo.", "es"),
        ("Собака и кошка не в доме, а птица на крыше, как и вчера.", "ru"),
        ("中华人民共和国国务院今天发布了关于进一步加强环境保护工作的通知。" * 10, "zh"),
        ("日本語のテキストです。東京は晴れています。" * 20, "ja"),
        ("대한민국의 수도는 서울입니다. 오늘은 날씨가 맑습니다." * 20, "ko"),
    ],
)
def test_guess_language(text: str, lang: str) -> None:
    """The page language is the stoplist (or script) with most hits."""
    assert guess_language([Block(index=0, text=text)]) == lang


def test_guess_language_none_without_words() -> None:
    """Numbers alone give no language."""
    assert guess_language([Block(index=0, text="12345 67890")]) is None
    assert guess_language([]) is None


def test_page_language_is_used_for_short_blocks() -> None:
    """A German page's short German sentence is judged with the German stoplist."""
    text = "Der Rat hat am Dienstag über die neue Brücke abgestimmt und sie genehmigt."
    de = {
        s.rule for s in EVIDENCE.detect([Block(index=0, text=text)], PageInfo(kind="html", language="de-DE"))
    }
    assert "evidence.stopwords" in de
    assert function_density(text, "de") > function_density(text, "en")


def test_function_density_cjk() -> None:
    """For Chinese the function characters take the stopwords' place."""
    assert function_density("我的书在桌子上。", "zh") > 0.2
    assert function_density("no cjk here", "zh") == 0.0
    assert function_density("", "en") == 0.0


def test_effective_length_counts_cjk_heavier() -> None:
    """A CJK character counts as three; Latin letters as one."""
    assert effective_length("abc") == 3
    assert effective_length("中文字") == 9
    assert effective_length("ab中") == 5


def test_chinese_paragraph_is_content_evidence() -> None:
    """A 60-character Chinese paragraph reaches medium length and prose evidence."""
    text = "中华人民共和国国务院今天发布了关于进一步加强环境保护工作的通知，要求各地认真落实。" * 2
    got = {s.rule for s in EVIDENCE.detect([Block(index=0, text=text)], PageInfo(kind="html", language="zh"))}
    assert {"evidence.medium", "evidence.sentence", "evidence.stopwords"} <= got


ARABIC_PROSE = (
    "قالت الشركة في بيان إن المحطة الجديدة ستبدأ العمل في الربيع المقبل، وإن الطاقة التي تنتجها "
    "ستكفي لتحلية المياه لأكثر من مئتي ألف أسرة في المنطقة خلال السنوات الأولى."
)


@pytest.mark.parametrize("lang", ["ar", "ar-EG", None])
def test_arabic_prose_is_measured_against_arabic_function_words(lang: str | None) -> None:
    """Declared or guessed, Arabic prose is measured against Arabic function words, and is not thin in them
    (measured against English, every Arabic paragraph was)."""
    got = judge(Block(index=0, text=ARABIC_PROSE), PageInfo(kind="html", language=lang))
    assert "evidence.no-stopwords" not in got
    assert function_density(ARABIC_PROSE, "ar") > 0.15
    assert guess_language([Block(index=0, text=ARABIC_PROSE)]) == "ar"


def test_a_language_without_a_list_gets_no_function_word_judgement() -> None:
    """Georgian prose, declared, has no list here: measured against English it would look like a menu."""
    text = "დილის ბორანი ნავსადგურიდან შვიდ საათზე გავიდა, ზამთრის ქარიშხლების შემდეგ პირველი რეისი."
    got = judge(Block(index=0, text=text), PageInfo(kind="html", language="ka"))
    assert "evidence.no-stopwords" not in got and "evidence.stopwords" not in got
    assert got["evidence.sentence"] > 0


@pytest.mark.parametrize(("code", "text"), [
    ("nb", "Fergen gikk fra havna klokka sju på tirsdag, og det var den første turen etter at den ble stengt."),
    ("in", "Kapal feri itu berangkat dari pelabuhan pada pukul tujuh, dan ini adalah perjalanan yang pertama."),
])  # fmt: skip
def test_other_codes_of_a_listed_language_use_its_list(code: str, text: str) -> None:
    """nb (Norwegian Bokmål) and in (old code of Indonesian) use the lists of no and id."""
    got = judge(Block(index=0, text=text), PageInfo(kind="html", language=code))
    assert got.get("evidence.stopwords", 0) > 0


@pytest.mark.parametrize(
    ("text", "role", "heard"),
    [
        ("harbourwatcher said:", "quote", True),
        ("Old Salt wrote:", "quote", True),
        ("Kapitän Jo schrieb:", "quote", True),
        ("On 3/5/2024 at 7:29 PM, harbourwatcher said:", "quote", False),  # the dated form: not this header
        ("harbourwatcher said:", "paragraph", False),  # outside a quote box
        ("The harbour master, asked about the delay at the quay on Tuesday, said:", "quote", False),
    ],
)
def test_quote_headers(text: str, role: str, heard: bool) -> None:
    """A quote box's "<name> said:" line (per language) is content evidence; other lines ending so are not."""
    got = judge(Block(index=0, text=text, role=role))
    assert ("evidence.quote-header" in got) is heard
    if heard:
        assert got["evidence.quote-header"] > 0


TILES = (
    "Ticketing Route every request to the right agent.Messaging Answer customers on the channels they use."
    "Help center Publish answers that customers find themselves.Voice Take calls in the same workspace."
)


def tile_block(**kw: object) -> Block:
    return Block(index=0, text=TILES, link_chars=len(TILES), links=4, **kw)  # type: ignore[arg-type]


def test_a_grid_of_described_link_tiles_is_half_a_link_list() -> None:
    """Linked tiles printed as one block (each link a title and its describing sentence) keep half the
    link penalty; a menu of the same density, or the tiles in a nav or footer landmark, keep all of it."""
    tiles = judge(tile_block())
    assert "evidence.links" not in tiles
    full = -0.6 - 1.4 * 1.0
    assert tiles["evidence.described-links"] == pytest.approx(full / 2)
    menu = "Ticketing Messaging Help center Voice Analytics Pricing"
    assert judge(Block(index=0, text=menu, link_chars=len(menu), links=6))["evidence.links"] == pytest.approx(full)
    for landmark in ("nav", "footer"):
        got = judge(tile_block(landmarks=frozenset({landmark})))
        assert got["evidence.links"] == pytest.approx(full)
    # related headlines run together: long links, but no sentence ends between them
    heads = "Council votes on the new harbour budget | Ferry crossings resume after the winter storms | Storm damage costs rise"
    got = judge(Block(index=0, text=heads + ".", link_chars=len(heads), links=3))
    assert "evidence.described-links" not in got


TILE_PAGE = """<html><head><title>Customer service software</title></head><body>
<header><nav><ul><li><a href="/a">Products</a></li><li><a href="/b">Pricing</a></li><li><a href="/c">Company</a></li></ul></nav></header>
<main><h1>Customer service software</h1>
<p>Bring every conversation with your customers into one place, so that your team can answer them quickly and
keep the whole history of each request in view.</p>
<h2>Explore service capabilities</h2>
<div class="linkgroup"><a href="/t"><span>Ticketing</span><span>Route requests automatically.</span></a><a
href="/m"><span>Messaging</span><span>Answer customers anywhere.</span></a><a href="/h"><span>Help center</span><span>Publish
your helpful answers.</span></a></div>
<h2>Quality service, made simple</h2>
<p>Give your agents a single workspace with complete customer views and predefined responses, and give your
managers the reports they need to see where the queue is growing.</p></main>
<footer><p><a href="/p">Privacy</a> <a href="/t">Terms</a></p></footer></body></html>"""


def test_a_service_page_keeps_its_grid_of_linked_tiles() -> None:
    """The tiles between a service page's sections are its text (at the full link penalty they went); the
    menu above them stays out."""
    text = extract(TILE_PAGE).text
    assert "Route requests automatically." in text and "Publish your helpful answers." in text
    assert "Pricing" not in text
