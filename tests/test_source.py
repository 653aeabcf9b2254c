"""Decoding bytes (BOMs, declared and misdeclared charsets, detection) and sniffing HTML from dumps."""

from __future__ import annotations

import codecs
import time

import lxml.html
import pytest
from selectolax.lexbor import LexborHTMLParser

from boilerstrip.source import (
    MAX_DEPTH,
    STARTS_LIKE_MARKUP,
    cap_depth,
    check_kind,
    clean_block_text,
    clean_controls,
    clean_pieces,
    decode,
    parse_html,
    parsed_tree,
    sniff_kind,
    to_text,
)

TEXT = "Grüße aus Köln: naïve café, 25 € — “quoted”."
RUSSIAN = "Привет, мир! Это проверка кодировки страницы."
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy."
JAPANESE = "日本語のテキストです。東京は晴れています。"
CHINESE = "中华人民共和国国务院今天发布了关于进一步加强环境保护工作的通知。" * 20
KOREAN = "대한민국의 수도는 서울입니다. 오늘은 날씨가 맑습니다."


def page(body: str, charset: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


def test_utf8_bom_is_stripped() -> None:
    """A UTF-8 byte-order mark is used and dropped."""
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom(bom: bytes, codec: str) -> None:
    """UTF-16 with a byte-order mark decodes in either byte order."""
    assert decode(bom + page(TEXT, "utf-16").encode(codec)) == page(TEXT, "utf-16")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(codec: str) -> None:
    """UTF-16 without a byte-order mark is recognised by where its zero bytes fall."""
    html = page(TEXT, "utf-16")
    assert decode(html.encode(codec)) == html


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [RUSSIAN, JAPANESE, TEXT], ids=["ru", "ja", "de"])
def test_wide_encodings_without_bom_in_any_script(codec: str, text: str) -> None:
    """UTF-16/32 without a BOM decodes as a page and as a dump, for Cyrillic (all bytes under 0x80) too."""
    html = page(text, "utf-16")
    assert decode(html.encode(codec)) == html
    dump = f"{text}\n\n{text}\nHome | News\n"
    assert decode(dump.encode(codec)) == dump


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_almost_no_ascii(codec: str) -> None:
    """A CJK dump in UTF-16 with only line breaks for ASCII (too few zeros to count on) still decodes."""
    dump = (JAPANESE + "一番の最新情報。\n") * 6
    assert decode(dump.encode(codec)) == dump


def test_stray_nuls_in_utf8_are_not_utf16() -> None:
    """A UTF-8 page with a few NUL bytes, all on one side, stays UTF-8 (its NULs then go)."""
    html = page(TEXT, "utf-8").replace("<p>", "<p>\x00x\x00")
    data = html.encode("utf-8")
    assert data.index(b"\x00") % 2 == (data.rindex(b"\x00")) % 2
    assert to_text(data) == html.replace("\x00", "")


@pytest.mark.parametrize("charset", ["iso-8859-1", "windows-1252", "windows-1251", "Shift_JIS", "gb2312"])
def test_valid_utf8_beats_a_wrong_declaration(charset: str) -> None:
    """Bytes that are valid multi-byte UTF-8 are UTF-8, whatever the page declares (no 'KÃ¶ln')."""
    for text in (TEXT, RUSSIAN, JAPANESE):
        html = page(text, charset)
        assert decode(html.encode("utf-8")) == html


def test_declared_seven_bit_charset_on_ascii_bytes() -> None:
    """ISO-2022-JP is all ASCII bytes: its declaration is the only way to read it."""
    html = page(JAPANESE, "iso-2022-jp")
    assert decode(html.encode("iso-2022-jp")) == html


def test_mostly_valid_utf8_stays_utf8() -> None:
    """UTF-8 with a few bad bytes is UTF-8: a lone bad byte reads as windows-1252, longer damage is U+FFFD."""
    good = "<p>Grüße aus Köln, schöne Straße.</p>\n<p>Ein Café für 25 €.</p>\n<p>Zum Schluss: “Tschüß”.</p>\n"
    data = (
        good.encode()
        + b"<p>caf\xe9 au lait, \x93quoted\x94 and na\xc3\xafve</p>\n<p>cut \xe2\x82 and \xc0\xaf.</p>"
    )
    out = decode(data)
    assert out.startswith(good)
    assert "<p>café au lait, “quoted” and naïve</p>" in out
    assert "<p>cut \ufffd and \ufffd\ufffd.</p>" in out


@pytest.mark.parametrize(
    ("codec", "text"),
    [("cp1252", TEXT), ("cp1251", RUSSIAN), ("shift_jis", JAPANESE), ("euc-jp", JAPANESE), ("gb2312", CHINESE),
     ("big5", "港口管理局宣佈新的渡輪航線將於下個月正式啟用"), ("euc-kr", KOREAN), ("iso-8859-2", CZECH)],
)  # fmt: skip
def test_legacy_pages_are_not_taken_for_broken_utf8(codec: str, text: str) -> None:
    """A legacy page whose text runs are mostly not UTF-8 is left to its declaration, not read as UTF-8."""
    html = page(text, codec)
    assert text in decode(html.encode(codec))


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("windows-1252", TEXT),
        ("Shift_JIS", JAPANESE),
        ("KOI8-R", RUSSIAN),
        ("EUC-KR", KOREAN),
        ("ISO-8859-2", CZECH),
        ("GB2312", CHINESE[:200]),
    ],
)
def test_declared_charset_is_used(charset: str, text: str) -> None:
    """The charset a <meta> declares decodes the page."""
    html = page(text, charset)
    assert text in decode(html.encode(charset))


def test_xml_declaration_encoding_is_used() -> None:
    """An <?xml encoding=...?> declaration decodes the page."""
    doc = f'<?xml version="1.0" encoding="koi8-r"?><html><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode(doc.encode("koi8-r"))


def test_gb2312_after_a_long_ascii_prefix_without_declaration() -> None:
    """Undeclared GB2312 whose first 20+ KB are ASCII markup is still decoded as Chinese."""
    markup = "".join(
        f'<div class="nav-item-{i}"><a href="/section/{i}">link {i}</a></div>\n' for i in range(400)
    )
    assert len(markup) > 20_000
    html = f"<html><head><title>x</title></head><body>{markup}<p>{CHINESE}</p></body></html>"
    out = decode(html.encode("gb2312"))
    assert CHINESE in out
    assert out.startswith("<html>")


@pytest.mark.parametrize(
    ("codec", "text"),
    [("koi8-r", RUSSIAN * 3), ("cp1251", RUSSIAN * 3), ("shift_jis", JAPANESE * 3), ("euc-kr", KOREAN * 3)],
)
def test_undeclared_legacy_charset_after_long_markup(codec: str, text: str) -> None:
    """Undeclared legacy charsets are detected from the text, not from the markup that precedes it."""
    markup = "".join(f'<li class="menu-{i}"><a href="/s/{i}">item {i}</a></li>\n' for i in range(300))
    html = f"<html><body><ul>{markup}</ul><p>{text}</p></body></html>"
    assert text in decode(html.encode(codec))


def test_gb2312_declared_after_long_ascii_prefix() -> None:
    """Declared GB2312 with a long ASCII prefix decodes to the Chinese text."""
    markup = "<!-- " + "x" * 25_000 + " -->"
    html = f'<html><head><meta charset="gb2312">{markup}</head><body><p>{CHINESE}</p></body></html>'
    assert CHINESE in decode(html.encode("gb2312"))


def test_declared_utf8_but_bytes_are_cp1252() -> None:
    """A page that says utf-8 but is cp1252 still decodes readably."""
    html = page(TEXT, "utf-8")
    out = decode(html.encode("cp1252"))
    assert "Grüße aus Köln" in out
    assert "café" in out
    assert "\ufffd" not in out


def test_declared_utf16_but_bytes_are_utf8() -> None:
    """A UTF-8 page whose meta says utf-16 is read as UTF-8 (bytes win)."""
    html = page(TEXT, "utf-16")
    assert decode(html.encode("utf-8")) == html


def test_unknown_declared_charset_falls_back() -> None:
    """A declared charset nobody knows falls back to UTF-8."""
    html = page(TEXT, "x-no-such-charset")
    assert decode(html.encode("utf-8")) == html


def test_invalid_utf8_never_raises() -> None:
    """Bytes that are not valid UTF-8 (and declare nothing) decode to some text without raising."""
    data = b"<p>caf\xe9 \xff\xfe\xfa na\xefve</p>" + bytes(range(128, 256))
    out = decode(data)
    assert isinstance(out, str)
    assert out.startswith("<p>caf")
    assert "na" in out


def test_plain_utf8_round_trips() -> None:
    """Undeclared UTF-8 decodes exactly."""
    for s in (TEXT, RUSSIAN, JAPANESE, CHINESE, KOREAN, CZECH):
        assert decode(s.encode("utf-8")) == s


def test_nul_and_control_characters_are_removed() -> None:
    """NULs and C0 controls are dropped; tab and newlines stay; vertical tab and form feed become newlines."""
    raw = "a\x00b\x01c\x08d\te\nf\r\ng\x0bh\x0ci\x1fj\x7fk\ufeffl"
    want = "abcd\te\nf\r\ng\nh\nijkl"
    assert clean_controls(raw) == want
    assert to_text(raw.encode("utf-8")) == want
    assert to_text(raw) == want


def test_c1_controls_become_windows_1252_and_nel_stays() -> None:
    """U+0080-U+009F are read as the windows-1252 punctuation they stand for; NEL stays a line break."""
    assert (
        clean_controls("\x93quoted\x94 \x96 caf\x80 x\x81y line\x85next") == "“quoted” – caf€ xy line\x85next"
    )
    assert to_text("\x93hi\x94".encode()) == "“hi”"


def test_lone_surrogates_are_replaced_and_pairs_joined() -> None:
    """A lone surrogate becomes U+FFFD; a surrogate pair left unjoined upstream becomes its character."""
    out = clean_controls("a\ud800b\udfffc \ud83d\ude00")
    assert out == "a\ufffdb\ufffdc 😀"
    out.encode("utf-8")


def test_clean_block_text_handles_what_references_decode_to() -> None:
    """Controls from character references (&#1; &#x7f; &#13;) go; a CR inside <pre> breaks the line."""
    assert clean_block_text("a\x01b\x7fc") == "abc"
    assert clean_block_text("line one\r\nline two\rthree\x85four") == "line one\nline two\nthree\nfour"
    s = "plain block text, nothing to clean"
    assert clean_block_text(s) is s


def test_clean_pieces_cleans_each_piece_only_when_needed() -> None:
    """A block's pieces come back as the same list when clean; otherwise each piece is cleaned."""
    clean = ["plain ", "text"]
    assert clean_pieces(clean) == (clean, "plain text") and clean_pieces(clean)[0] is clean
    assert clean_pieces(["a\x7f", "b", "\x01c"]) == (["a", "b", "c"], "abc")


def test_clean_text_is_returned_unchanged() -> None:
    """Text with no controls comes back as the same object."""
    s = "plain text\nwith lines\tand tabs"
    assert clean_controls(s) is s


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>hi</p></body></html>",
        "  \n<!doctype html>\n<html lang=en>",
        "<html><head><title>x</title></head></html>",
        "<!-- saved from url=(0042)https://example.com/ -->\n<html><body>x</body></html>",
        "<!-- a --> <!-- b -->\n<div class='x'>hello</div>",
        "<p>hi</p>",
        "<div>one</div><div>two</div>",
        '<?xml version="1.0"?><html></html>',
        "<meta charset=utf-8><p>Text</p>",
        "</div></p></span></td></tr></table>\n<p>Text after stray end tags.</p>",
        "\n</section>\n<p>hi</p>",
    ],
)
def test_sniff_kind_html(text: str) -> None:
    """Markup is sniffed as HTML, with or without a doctype, after comments, as a fragment."""
    assert sniff_kind(text) == "html"


def test_sniff_kind_html_with_a_text_preamble() -> None:
    """A document with some stray text before dense markup is still HTML."""
    body = "<div><p>para</p><p>para</p><span>x</span></div>" * 20
    assert sniff_kind("Saved page\n" + body) == "html"


@pytest.mark.parametrize(
    "text",
    [
        "Just some plain lines\nof a text dump\n\nwith paragraphs.",
        "I love this recipe <3 and so do my kids.\nMake it again tomorrow.",
        "If a < b and b > c then nothing follows about a and c.\nSecond line.",
        "# A markdown title\n\nSome *emphasis* and a [link](https://example.com).\n\n- item one\n- item two",
        "Home\nNews\nSport\n\nThe council met on Tuesday.",
        "x <y> z is written in angle brackets in this prose line, which is not markup.",
        "",
    ],
)
def test_sniff_kind_text(text: str) -> None:
    """Plain dumps, markdown and prose mentioning < or <3 are sniffed as text."""
    assert sniff_kind(text) == "text"


def test_sniff_kind_after_many_comments_is_linear() -> None:
    """Thousands of empty comments before a non-tag are read once each (each ends at its first -->)."""
    start = time.perf_counter()
    assert STARTS_LIKE_MARKUP.match("<!---->" * 5000 + "plain text") is None
    assert time.perf_counter() - start < 0.5
    assert sniff_kind("<!-- a --><!-- b -->\n<p>x</p>") == "html"


def test_sniff_kind_text_quoting_one_tag_in_a_long_dump() -> None:
    """A long dump that mentions a tag or two in prose is still text."""
    dump = ("This paragraph explains the web. " * 30 + "\n\n") * 5
    dump += "Use the <p> element for paragraphs and <br> for breaks and <div> for boxes.\n"
    assert sniff_kind(dump) == "text"


@pytest.mark.parametrize("kind", [None, "html", "text"])
def test_check_kind_accepts_known(kind: str | None) -> None:
    """check_kind passes None, 'html' and 'text' through."""
    assert check_kind(kind) == kind


def test_parsed_tree_controls_are_cleaned_like_str_input() -> None:
    """A selectolax or lxml tree holding control characters reads like the same page as a str."""
    html = "<html><body><p>new\x01 bridge\x1f</p></body></html>"
    for tree in (LexborHTMLParser(html), lxml.html.document_fromstring("<p>new bridge</p>")):
        ours = parsed_tree(tree)
        assert ours is not None and ours.body is not None
        assert ours.body.text() == "new bridge"


def test_parsed_tree_is_none_for_str_and_bytes() -> None:
    """str and bytes are not trees."""
    assert parsed_tree("<p>x</p>") is None
    assert parsed_tree(b"<p>x</p>") is None


# Void tags that nest nothing: they make a test page big enough to be scanned at a small limit.
PADDING = "<br>" * 100


def test_cap_depth_leaves_ordinary_pages_alone() -> None:
    """A page nesting less than MAX_DEPTH deep comes back as the same object."""
    html = (
        "<html><body>"
        + "<div><section><ul><li><span><b>x</b></span></li></ul></section></div>" * 500
        + "</body>"
    )
    assert cap_depth(html) is html
    flat = "<p>para" * 2000 + "<li>item" * 2000 + "<br><img src=x>" * 2000 + "<a href=/>link" * 2000
    assert cap_depth(flat) is flat


@pytest.mark.parametrize("tag", ["div", "span", "blockquote", "ul", "font"])
def test_cap_depth_bounds_deep_nesting_and_keeps_the_text(tag: str) -> None:
    """100,000 nested elements are cut to MAX_DEPTH quickly; their text stays, and the tree parses fast."""
    html = (
        "<html><body>" + f"<{tag} class=x>" * 100_000 + "deep text" + f"</{tag}>" * 100_000 + "<p>after</p>"
    )
    start = time.perf_counter()
    tree = parse_html(html)
    assert time.perf_counter() - start < 5.0  # a minute and more without the cap
    out = cap_depth(html)
    assert out.count(f"<{tag} class=x>") == MAX_DEPTH
    assert out.count(f"</{tag}>") == MAX_DEPTH
    assert tree.body is not None and tree.body.text() == "deep textafter"


def test_cap_depth_skips_comments_and_raw_text() -> None:
    """Start tags inside comments and scripts nest nothing; end tags there close nothing."""
    inner = "<div>" * 300
    html = f"<body><!-- {inner} --><script>var s = '{inner}';</script><textarea>{inner}</textarea><p>x</p>"
    assert cap_depth(html, limit=10) is html
    hidden_closers = "<div>" * 20 + "<script>'" + "</div>" * 20 + "'</script>" + "text" + PADDING
    assert cap_depth(hidden_closers, limit=10).count("<div>") == 10


def test_cap_depth_end_tags_close_what_they_name() -> None:
    """An end tag closes its element and those inside it; a stray end tag closes nothing."""
    html = "<div><span><b>" * 4 + "x" + "</div>" * 4 + "</i></i>" + "<div>" * 3 + "y" + PADDING
    assert cap_depth(html, limit=12) is html  # never more than 12 open: each </div> closes a span and a b too
    cut = "<div><span><b>" * 2 + "<div>x" + "</div>" * 3 + "</i></i>" + "<div>" * 3 + "y" + PADDING
    assert cap_depth(html, limit=7) == cut
    deep = "<div>" * 5 + "</i>" * 50 + "<div>" * 5 + "z" + "</div>" * 10 + PADDING
    assert cap_depth(deep, limit=8) == "<div>" * 5 + "</i>" * 50 + "<div>" * 3 + "z" + "</div>" * 8 + PADDING


def test_cap_depth_skips_small_pages_and_keeps_broken_tags_local() -> None:
    """A page of at most 8 * limit tags is not scanned; a dropped tag with no ">" ends at the next "<"."""
    small = "<div>" * 80
    assert cap_depth(small, limit=10) is small
    broken = "<div>" * 10 + "<div class=x text<p>kept</p>" + PADDING
    assert cap_depth(broken, limit=10) == "<div>" * 10 + "<p>kept</p>" + PADDING


def test_declared_double_byte_charset_read_as_another_one() -> None:
    """Big5 declared as gb2312 (which GB18030 reads without an error, into other characters) is read as Big5."""
    text = "港口管理局宣佈新的渡輪航線將於下個月正式啟用，往返兩島的時間將縮短一半。當地居民對此表示歡迎。"
    assert text in decode(page(text, "gb2312").encode("big5"))
    assert CHINESE in decode(page(CHINESE, "gb2312").encode("gb2312"))  # a right declaration stays


def test_undeclared_iso_8859_2_reads_as_polish() -> None:
    """Of the single-byte readings without odd characters, the one whose letters fit a language wins."""
    text = "Rada miasta ogłosiła dziś rano, że remont starego mostu zakończy się jesienią. Zażółć gęślą jaźń."
    html = f"<html><body><p>{text}</p><p>{text}</p></body></html>"
    assert text in decode(html.encode("iso-8859-2"))
