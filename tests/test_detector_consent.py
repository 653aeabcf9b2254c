"""ConsentDetector: cookie/consent banners and legal footers, in HTML and dumps, in ten languages."""

from __future__ import annotations

import pytest
from detector_scoring import html_blocks, scorer

from boilerstrip.detectors.consent import ConsentDetector
from boilerstrip.segment.text import segment_text

scores = scorer(ConsentDetector)


def html(body: str) -> dict[str, float]:
    return scores(html_blocks(body), "html")


def line(one: str) -> float:
    return scores(segment_text(one + "\n"), "text")[one]


def test_cmp_vendor_container() -> None:
    """Blocks inside a OneTrust / Cookiebot container are consent boilerplate whatever they say."""
    s = html('<div id="onetrust-banner-sdk"><p>Strictly Necessary</p></div>'
             '<div id="CybotCookiebotDialog"><p>Details</p></div>')  # fmt: skip
    assert s["Strictly Necessary"] <= -1.0 and s["Details"] <= -1.0


def test_bare_cookie_class_is_not_consent() -> None:
    """A recipe's 'cookie-recipe' class or a 'tag-cookies' post class says nothing about consent."""
    para = "Cream the butter and sugar until pale, then beat in the egg and fold in the flour and oats."
    s = html(f'<article class="post tag-cookies"><div class="cookie-recipe"><p>{para}</p></div></article>')
    assert s[para] == 0


def test_component_framework_classes_are_not_consent() -> None:
    """Component frameworks name every wrapper 'cmp-container', 'cmp-text': no evidence of a consent manager."""
    para = "Our engineers audit the network, train your staff and stay on call when an incident starts."
    s = html(f'<div class="cmp-container"><div class="cmp-banner"><div class="cmp-text"><p>{para}</p></div></div></div>')
    assert s[para] == 0


def test_banner_phrases_in_dump() -> None:
    """What banners say, as dump lines: 'We use cookies…', 'Manage preferences'."""
    assert line("We use cookies to improve your experience on our website.") <= -1.2
    assert line("Manage preferences") <= -1.0
    assert line("Accept all") <= -0.8


@pytest.mark.parametrize(
    "banner",
    [
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzererlebnis zu bieten.",
        "Nous utilisons des cookies pour améliorer votre expérience.",
        "Utilizamos cookies propias y de terceros.",
        "Utilizziamo i cookie per migliorare la tua esperienza.",
        "Este site utiliza cookies para melhorar a sua experiência.",
        "Wij gebruiken cookies om onze website te verbeteren.",
        "Мы используем файлы cookie для улучшения работы сайта.",
        "本网站使用cookie以改善您的体验。",
        "当サイトはクッキーを使用しています。",
    ],
)
def test_banner_phrases_multilingual(banner: str) -> None:
    """Cookie-banner sentences in de, fr, es, it, pt, nl, ru, zh, ja are flagged strongly."""
    assert line(banner) <= -1.0


def test_baking_cookies_paragraph_untouched() -> None:
    """A recipe line about cookies is not a banner."""
    assert line("Let the cookies cool on the tray for five minutes before moving them to a rack.") == 0


def test_privacy_law_article_untouched() -> None:
    """A long paragraph about privacy law that names 'privacy policy' and 'cookies' is content."""
    para = (
        "Regulators said the company's privacy policy failed to explain how cookies and other trackers were "
        "used, and that users who clicked to accept all had not been told that their data would be shared "
        "with advertisers. The ruling, which the firm intends to appeal, follows a two-year investigation by "
        "the data protection authority into how large platforms obtain consent, and it is expected to shape "
        "how smaller sites design their banners and terms of use in the months ahead, lawyers said on Monday."
    )
    assert len(para) > 400
    assert line(para) == 0


TCF_LINES = [
    "We and our 80 partners store and/or access information on a device, such as unique IDs in cookies, to process "
    "personal data. You may accept or manage your choices by clicking below.",
    "We and our partners process data to provide:",
    "Store and/or access information on a device 91 partners can use this purpose",
    "Create profiles for personalised advertising",
]


def test_consent_framework_purposes_in_a_dump() -> None:
    """A consent framework's standard purposes and vendor counts, printed as dump lines, are flagged whatever
    their length; the same text in an HTML paragraph is left to the banner's container classes."""
    assert all(line(t) <= -2.0 for t in TCF_LINES)
    got = html("".join(f"<p>{t}</p>" for t in TCF_LINES))
    assert not any(s <= -2.0 for s in got.values())


def test_a_long_consent_framework_explanation_outweighs_its_length() -> None:
    """A consent framework's opening explanation runs to hundreds of characters of sentences, which the evidence
    scores as prose (+2.1 for a long line with function words and a full stop); its hallmark outweighs that."""
    long_line = (
        "We and our 900 partners store and access personal data, like browsing data or unique identifiers, on your "
        "device. Selecting Allow all enables tracking technologies to support the purposes shown under we and our "
        "partners process data to provide. Selecting Reject all or withdrawing your consent will disable them. If "
        "trackers are disabled, some content and ads you see may not be as relevant to you. You can resurface this "
        "menu to change your choices or withdraw consent at any time by clicking the privacy settings link."
    )
    assert len(long_line) > 400 and line(long_line) <= -3.0


def test_long_cookie_explanation_in_a_dump() -> None:
    """A consent dialog's long explanation of its cookies, one dump line past the banner rules' length limit."""
    text = (
        "These cookies may be set through our site by our advertising partners. They may be used by those "
        "companies to build a profile of your interests and show you relevant adverts on other sites. They do not "
        "store directly personal information, but are based on uniquely identifying your browser and internet "
        "device. If you do not allow these cookies, you will experience less targeted advertising, and some of "
        "the features of the site may not work as they should when you come back to it later."
    )
    assert len(text) > 400
    assert line(text) <= -2.0


def test_short_news_sentence_naming_a_policy_untouched() -> None:
    """'The firm rewrote its privacy policy.' is a sentence, not a footer link."""
    assert line("The firm quietly rewrote its privacy policy last week.") == 0


def test_a_page_licence_line_is_footer_however_sentence_shaped() -> None:
    """The licence line under a docs or wiki page ('the content of this page is licensed under ...') is the
    site's footer, long and sentence-shaped as it is; a book's own 'This work is licensed' and prose that
    mentions a licence are not."""
    for text in (
        "Except as otherwise noted, the content of this page is licensed under the Creative Commons Attribution "
        "4.0 License, and code samples are licensed under the Apache 2.0 License. For details, see the Site Policies.",
        "This page is licensed under the Python Software Foundation License Version 2.",
        "Text is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.",
        "Der Inhalt dieser Seite ist lizenziert unter CC BY 4.0.",
    ):
        assert line(text) <= -2.5, text
    for text in (
        "This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.",
        "The library is licensed under the MIT licence, so you can use it in commercial projects as well.",
    ):
        assert line(text) == 0, text


def test_copyright_lines() -> None:
    """'© 2024 …', 'Copyright (c) 2019', 'All rights reserved' and their translations are legal footer."""
    for text in (
        "© 2024 Harbour Gazette Media Ltd. All rights reserved.",
        "Copyright (c) 2019 Example Corp",
        "Alle Rechte vorbehalten.",
        "Tous droits réservés",
        "Todos los derechos reservados",
        "Все права защищены",
        "版权所有",
    ):
        assert line(text) <= -1.2, text


@pytest.mark.parametrize(
    "link",
    ["Privacy Policy", "Terms of Use", "Impressum", "Datenschutz", "Mentions légales", "Aviso legal",
     "Note legali", "Política de privacidade", "Privacybeleid", "Политика конфиденциальности", "隐私政策",
     "利用規約", "プライバシーポリシー"],
)  # fmt: skip
def test_legal_links(link: str) -> None:
    """Legal page names as footer links, in ten languages."""
    assert line(link) <= -1.0


def test_legal_word_row_and_age_mark() -> None:
    """'Privacy | Terms' footer rows and an '18+' mark are flagged."""
    assert line("Privacy | Terms") <= -1.0
    assert line("18+") < 0


def test_powered_by_footer_but_not_caption() -> None:
    """'Proudly powered by WordPress' is footer; 'a bus powered by hydrogen' is a caption."""
    assert line("Proudly powered by WordPress") < 0
    assert line("A city bus powered by hydrogen") == 0


def test_fine_print_under_an_offer_is_legal_boilerplate() -> None:
    """Financing terms and '* Results may vary' notes live in fine-print / footnote / disclaimer wrappers."""
    terms = "** Financing available to qualified customers, subject to credit approval and a minimum term."
    s = html(f'<ol class="footnotes"><li class="footnote-2">{terms}</li></ol>')
    assert s[terms] <= -0.6


def test_reprint_notices_and_affiliate_commissions() -> None:
    """A syndicated story's reprint notice and an 'affiliate commission' disclosure are fine print; a story
    about commissions is not."""
    assert line("This copy is for your personal, non-commercial use only. To order copies, contact us.") <= -1.2
    assert line("The publisher may earn an affiliate commission if you buy through links on this page.") <= -1.6
    assert line("The council set up a commission to look into the use of the old quarry.") == 0


def test_a_notice_forbidding_copies_is_fine_print_in_several_languages() -> None:
    """'No part may be reproduced without the written permission' closes an archived story; a story
    that reports a court ruling on reproduction is not one."""
    notice = (
        "This document is subject to copyright. Apart from any fair dealing for the purpose of private study or "
        "research, no part may be reproduced without the written permission. The content is provided for "
        "information purposes only."
    )
    assert line(notice) <= -2.0
    assert line("Les textes de ce site sont protégés : toute reproduction est interdite sans accord.") <= -1.5
    assert line("Prohibida su reproducción total o parcial sin autorización del editor.") <= -1.5
    assert line("Nachdruck von Texten und Fotos nur mit schriftlicher Genehmigung der Redaktion.") <= -1.5
    assert line("The court ruled that the museum's photographs of old paintings may be reproduced freely.") == 0


def test_carrier_terms_under_a_phone_form_are_fine_print() -> None:
    """'Message and data rates may apply. Reply STOP to opt out' is the carriers' wording; a story about
    phone bills is not it."""
    assert line("Message & data rates may apply. Reply STOP to opt out of further messaging.") <= -1.5
    assert line("Reply HELP for more information. You can reply STOP to opt-out of further messaging.") <= -1.5
    assert line("Roaming charges rose again this year, and data rates for visitors doubled.") == 0


def test_a_first_person_affiliate_disclosure() -> None:
    """'I may earn a commission' discloses affiliate links as 'we may earn a commission' does."""
    assert line("Please note: if you buy through a link on this site, I may earn a commission at no cost to you.") <= -1.6


def test_a_footer_disclaimer_in_a_dump_is_fine_print() -> None:
    """A dump's lines of legal formulas (trademark notices, the supplement label's health statement, not medical
    or investment advice) are fine print, in several languages, when the page holds two or more; one trademark
    line alone (a product page's, amid its description), a story's sentence about a brand, and the notices on an
    HTML page (its footer's frame tells them there) are left alone."""
    notices = [
        "Widgetphone and the Widget logo are registered trademarks of Example Devices Inc. in the United States.",
        "*These statements have not been evaluated by the Food and Drug Administration. This product is not "
        "intended to diagnose, treat, cure, or prevent any disease.",
        "The articles on this site are for informational purposes only and do not replace a visit to your doctor.",
        "Past performance is not indicative of future results, and the value of your savings can go down as well as up.",
        "Beispielfon ist eine eingetragene Marke der Beispiel GmbH.",
        "Exemplo é uma marca registrada da Exemplo Ltda.",
    ]
    story = "The court ruled that the shoe maker's stripes were not a trademark at all, and the case ended."
    got = scores(segment_text("\n".join([story, *notices]) + "\n"), "text")
    assert all(got[n] <= -2.0 for n in notices) and got[story] == 0
    assert line(notices[0]) == 0
    body = "".join(f"<p>{n}</p>" for n in notices)
    assert not any(html(body).values())


def test_a_dumped_sites_standing_disclaimer() -> None:
    """A dump prints a site's standing disclaimer as a sentence-shaped line: its hallmark wording marks it; a
    story's advice to see a doctor, a sentence about a disclaimer and an HTML paragraph are not judged so."""
    assert line("This post is not intended to replace the advice of a medical professional. Always ask a doctor.") <= -3.0
    assert line("The contents of this website are for educational purposes only and are not personal advice.") <= -3.0
    assert line("Past performance is not a guarantee of future results. All investments involve risk.") <= -3.0
    assert line("We accept no responsibility for anything you experience as a result of the information here.") <= -3.0
    assert line("Diese Informationen stellen keine Rechtsberatung dar.") <= -3.0
    assert line("Keep in mind that it is best to consult a healthcare provider before taking a supplement.") == 0
    assert line("Disclaimer: the views of the experts quoted here are their own, the editors said on Monday.") == 0
    assert html("<p>Past performance is not a guarantee of future results.</p>")[
        "Past performance is not a guarantee of future results."] == 0


def test_a_dumped_legal_strip_on_one_long_line() -> None:
    """A dump prints a footer's legal links and its copyright as one long line, beyond the limits of the short
    legal-link and copyright rules; a story's sentence about a privacy policy stays, as does an HTML block."""
    links = " - ".join(["About Us", "Privacy Policy", "Sitemap", "Terms of Use", "Imprint", "Careers", "Press"] * 4)
    strip = f"{links} © 2010-2025 Example Group. All rights reserved."
    assert len(strip) > 250 and line(strip) <= -2.0
    story = ("The regulator said the new privacy policy of the ride-hailing firm broke the law, and the firm's lawyers "
             "said on Monday they would appeal the ruling before the end of the month in the high court in the capital.")
    assert line(story) == 0
    assert html(f"<p>{strip}</p>")[strip] > -2.0


def test_a_shops_note_on_its_product_data_is_fine_print() -> None:
    """The note a shop prints under every item ('read labels, warnings and directions', 'do not rely solely on
    the information') is boilerplate in HTML too, however sentence-like; a description's own advice is not."""
    note = (
        "Packaging and ingredients may change without notice and may differ from what is pictured here. We "
        "recommend that you do not rely solely on the information presented and that you always read labels, "
        "warnings, and directions before using or consuming a product."
    )
    assert html(f"<p>{note}</p>")[note] <= -3.0
    advice = "Shake well and read the directions on the tin before you mix the first batch of paint."
    assert html(f"<p>{advice}</p>")[advice] == 0
