"""Writes the encoded pages of tests/nasty/ (enc--*.html); run once, commit the small files.

The same article text in each language is encoded with its legacy charsets,
once declaring the charset in a <meta> and once declaring nothing, plus the
UTF-16/UTF-32 forms with and without a byte-order mark. EXPECTED.toml says
which sentence must come out of each file ungarbled.

    python tests/nasty/make_encoded.py
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

HERE = Path(__file__).parent

TEXTS = {
    "ja": (
        "東京の朝",
        "東京では今朝、冷たい雨が降り続き、多くの通勤客が駅で足止めされました。気象庁によると、"
        "雨は午後には止む見込みですが、夜にかけて再び強まるおそれがあるということです。",
        "駅の係員は、乗客に対して時間に余裕を持って行動するよう呼びかけていました。"
        "市内の学校の一部では、始業時間を一時間遅らせる措置が取られました。",
    ),
    "zh-hans": (
        "城市新闻",
        "今天上午，市政府召开新闻发布会，宣布将在明年春天之前完成老城区的道路改造工程。"
        "负责人表示，施工期间将尽量减少对居民日常生活的影响。",
        "许多居民对这一计划表示欢迎，但也有人担心施工会影响附近商店的生意。"
        "市政府承诺会定期公布工程进度，并听取市民的意见。",
    ),
    "zh-hant": (
        "港口消息",
        "今天早上，港口管理局宣佈新的渡輪航線將於下個月正式啟用，往返兩島的時間將縮短一半。"
        "當地居民對此表示歡迎，認為這將大大方便他們的日常出行。",
        "管理局的發言人說，新航線在試運行期間表現良好，乘客的反應也非常積極。"
        "票價將與現有航線保持一致，學生和長者可以享受優惠。",
    ),
    "ko": (
        "항구 소식",
        "오늘 아침 항구 관리청은 다음 달부터 새로운 여객선 노선을 운행한다고 발표했습니다. "
        "두 섬을 오가는 시간이 절반으로 줄어들 것으로 보입니다.",
        "주민들은 이번 결정을 환영하며 일상생활이 훨씬 편리해질 것이라고 말했습니다. "
        "요금은 기존 노선과 같게 유지되며 학생과 노인은 할인을 받을 수 있습니다.",
    ),
    "ru": (
        "Новости города",
        "Сегодня утром городской совет объявил, что ремонт старого моста через реку будет завершён "
        "до конца осени. По словам мэра, движение по мосту откроется уже в октябре.",
        "Жители окрестных улиц встретили новость с облегчением: объезд занимал у них почти час. "
        "Подрядчик обещает работать без выходных, чтобы успеть в срок.",
    ),
    "cs": (
        "Zprávy z města",
        "Městská rada dnes ráno oznámila, že oprava starého mostu přes řeku bude dokončena do konce "
        "podzimu. Podle starosty se most pro dopravu otevře už v říjnu.",
        "Obyvatelé okolních ulic přijali zprávu s úlevou, protože objížďka jim zabírala téměř hodinu. "
        "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    ),
    "pl": (
        "Wiadomości z miasta",
        "Rada miasta ogłosiła dziś rano, że remont starego mostu na rzece zakończy się przed końcem "
        "jesieni. Według burmistrza ruch na moście zostanie przywrócony już w październiku.",
        "Mieszkańcy pobliskich ulic przyjęli wiadomość z ulgą, bo objazd zajmował im prawie godzinę. "
        "Zażółć gęślą jaźń, mówią dzieci w szkole.",
    ),
    "de": (
        "Nachrichten aus Köln",
        "Der Stadtrat hat heute Morgen angekündigt, dass die Sanierung der alten Brücke über den Fluss "
        "bis Ende Herbst abgeschlossen sein wird. Die Kosten liegen bei 25 € pro Einwohner.",
        "Die Anwohner der umliegenden Straßen reagierten erleichtert, denn der Umweg kostete sie fast "
        "eine Stunde. „Endlich“, sagte eine Ärztin aus der Nachbarschaft – sie fährt täglich darüber.",
    ),
    # ISO-8859-1 has neither € nor „“: the same news in what it can encode.
    "de-latin": (
        "Nachrichten aus Köln",
        "Der Stadtrat hat heute Morgen angekündigt, dass die Sanierung der alten Brücke über den Fluss "
        "bis Ende Herbst abgeschlossen sein wird. Die Kosten liegen bei 25 Euro pro Einwohner.",
        "Die Anwohner der umliegenden Straßen reagierten erleichtert, denn der Umweg kostete sie fast "
        "eine Stunde. «Endlich», sagte eine Ärztin aus der Nachbarschaft, die täglich darüber fährt.",
    ),
    "el": (
        "Ειδήσεις της πόλης",
        "Το δημοτικό συμβούλιο ανακοίνωσε σήμερα το πρωί ότι η επισκευή της παλιάς γέφυρας πάνω από "
        "το ποτάμι θα ολοκληρωθεί μέχρι το τέλος του φθινοπώρου.",
        "Οι κάτοικοι των γύρω δρόμων υποδέχτηκαν την είδηση με ανακούφιση, γιατί η παράκαμψη τους "
        "έπαιρνε σχεδόν μία ώρα.",
    ),
}

# (file stem, language, codec used to encode, label written in <meta> or None)
LEGACY = [
    ("shift_jis", "ja", "shift_jis", "Shift_JIS"),
    ("euc-jp", "ja", "euc_jp", "EUC-JP"),
    ("gb18030", "zh-hans", "gb18030", "GB18030"),
    ("gb2312", "zh-hans", "gb2312", "gb2312"),
    ("big5", "zh-hant", "big5", "Big5"),
    ("euc-kr", "ko", "euc_kr", "EUC-KR"),
    ("windows-1250", "cs", "cp1250", "windows-1250"),
    ("iso-8859-2", "pl", "iso8859_2", "ISO-8859-2"),
    ("windows-1251", "ru", "cp1251", "windows-1251"),
    ("koi8-r", "ru", "koi8_r", "KOI8-R"),
    ("iso-8859-5", "ru", "iso8859_5", "ISO-8859-5"),
    ("windows-1252", "de", "cp1252", "windows-1252"),
    ("iso-8859-1", "de-latin", "latin_1", "ISO-8859-1"),
    ("iso-8859-15", "de-latin", "iso8859_15", "ISO-8859-15"),
    ("iso-8859-7", "el", "iso8859_7", "ISO-8859-7"),
]
# (file stem, language, codec the bytes are in, label the page wrongly declares)
MISDECLARED = [
    ("says-utf8-is-cp1251", "ru", "cp1251", "utf-8"),
    ("says-utf8-is-shift_jis", "ja", "shift_jis", "utf-8"),
    ("says-latin1-is-utf8", "de", "utf-8", "iso-8859-1"),
    ("says-cp1252-is-utf8", "ru", "utf-8", "windows-1252"),
    ("says-shift_jis-is-utf8", "ja", "utf-8", "Shift_JIS"),
    ("says-gb2312-is-big5", "zh-hant", "big5", "gb2312"),
    ("says-utf16-is-utf8", "de", "utf-8", "utf-16"),
    ("says-nonsense-is-cp1251", "ru", "cp1251", "x-user-defined-nonsense"),
]
UNICODE = [
    ("utf-8-bom", "ru", "utf-8", codecs.BOM_UTF8),
    ("utf-16le-bom", "ru", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16be-bom", "ru", "utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-16le-nobom", "ru", "utf-16-le", b""),
    ("utf-16be-nobom", "ru", "utf-16-be", b""),
    ("utf-32le-bom", "ru", "utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32be-bom", "ru", "utf-32-be", codecs.BOM_UTF32_BE),
    ("utf-32le-nobom", "ru", "utf-32-le", b""),
    ("utf-32be-nobom", "ru", "utf-32-be", b""),
]


def page(lang: str, charset: str | None) -> str:
    title, first, second = TEXTS[lang]
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang.split("-")[0]}"><head>{meta}<title>{title}</title></head>\n<body>\n'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>\n'
        f"<article><h1>{title}</h1>\n<p>{first}</p>\n<p>{second}</p>\n</article>\n</body></html>\n"
    )


def first_sentence(text: str) -> str:
    for end in ("。", ". "):
        if end in text:
            return text.split(end)[0]
    return text


def expectation(name: str, lang: str, how: str) -> str:
    title, first, _ = TEXTS[lang]
    return f"[{json.dumps(name)}]\nhow = {json.dumps(how)}\ncontains = {json.dumps([title, first_sentence(first)], ensure_ascii=False)}\n"


def main() -> None:
    expected = ["# Written by make_encoded.py: the text each encoded page must yield, ungarbled.\n"]
    for stem, lang, codec, label in LEGACY:
        expected.append(expectation(f"enc--{stem}-declared.html", lang, f"{codec}, declared {label}"))
        expected.append(expectation(f"enc--{stem}-undeclared.html", lang, f"{codec}, undeclared"))
    for stem, lang, codec, label in MISDECLARED:
        expected.append(expectation(f"enc--{stem}.html", lang, f"{codec}, wrongly declared {label}"))
    for stem, lang, codec, bom in UNICODE:
        expected.append(
            expectation(f"enc--{stem}.html", lang, f"{codec}, {'with' if bom else 'without'} BOM")
        )
    (HERE / "expected-encodings.toml").write_text("\n".join(expected), encoding="utf-8")
    for stem, lang, codec, label in LEGACY:
        (HERE / f"enc--{stem}-declared.html").write_bytes(page(lang, label).encode(codec))
        (HERE / f"enc--{stem}-undeclared.html").write_bytes(page(lang, None).encode(codec))
    for stem, lang, codec, label in MISDECLARED:
        (HERE / f"enc--{stem}.html").write_bytes(page(lang, label).encode(codec))
    for stem, lang, codec, bom in UNICODE:
        (HERE / f"enc--{stem}.html").write_bytes(bom + page(lang, None).encode(codec))


if __name__ == "__main__":
    main()
