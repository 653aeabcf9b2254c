"""WidgetsDetector: share, subscribe, app, comment, login, paywall, ad and tool widgets."""

from __future__ import annotations

import pytest
from detector_scoring import html_blocks, scorer

import boilerstrip
from boilerstrip.detectors.navigation import NavigationDetector
from boilerstrip.detectors.widgets import WidgetsDetector
from boilerstrip.model import PageInfo
from boilerstrip.segment.text import segment_text

POST = (
    "I had the same skipping after fitting a new chain. It turned out the three middle sprockets were worn, "
    "so I replaced the cassette and it has been silent since."
)


scores = scorer(WidgetsDetector)


def html(body: str) -> dict[str, float]:
    return scores(html_blocks(body), "html")


def line(one: str) -> float:
    return scores(segment_text(one + "\n"), "text")[one]


def test_share_bar_text_and_class() -> None:
    """'Share on Facebook Share on X Email' and a share-class block are widgets."""
    assert line("Share on Facebook Share on X Email") <= -1.2
    assert line("Share this:") <= -1.2
    assert line("分享到：微信微博QQ空间") <= -1.2
    assert html('<div class="share-buttons"><p>Facebook</p></div>')["Facebook"] <= -1.5


def test_share_word_in_prose_untouched() -> None:
    """'Share prices fell…' starts with a share word but is news."""
    assert line("Share prices fell sharply on Monday") == 0


def test_a_sentence_asking_to_pass_the_story_on_is_a_widget() -> None:
    """'Like this story? Share it with a friend!' is sentence-shaped but a share prompt, in several
    languages; a sentence about friends sharing a flat is news."""
    assert line("Like this story? Share it with a friend!") <= -1.5
    assert line("Hat Ihnen der Text gefallen? Teilen Sie diesen Artikel!") <= -1.5
    assert line("¿Te ha gustado? Compártelo con tus amigos.") <= -1.5
    assert line("The two students share it with a friend from their old school.") == 0


def test_a_forms_trap_field_text_is_a_widget() -> None:
    """The hidden trap field of a form plugin prints 'This field is for validation purposes and should be left
    unchanged' when styles are lost."""
    assert line("This field is for validation purposes and should be left unchanged.") <= -2.0
    assert line("Leave this field empty") <= -2.0
    assert line("The committee left the validation rules unchanged for another year.") == 0


def test_subscribe_and_newsletter() -> None:
    """Subscribe buttons and newsletter prompts are widgets."""
    assert line("Subscribe") <= -1.0
    assert line("Subscribe from £1") <= -1.0
    assert line("Sign up for our newsletter") <= -1.2
    assert line("Enter your email address") <= -1.2


def test_a_mailing_lists_size_is_a_newsletter_pitch() -> None:
    """'Join 40,000 readers and get a new recipe every Sunday.' pitches a newsletter; joining without a
    count ('join the readers' panel') is prose."""
    assert line("Join 40,000 readers and get a new recipe every Sunday.") <= -1.2
    assert line("Join 12k+ other subscribers") <= -1.2
    assert line("Readers can join the readers' panel on the website.") == 0


def test_app_badges_glued_in_dumps() -> None:
    """Dumps glue app badges together: 'App StoreGoogle play'."""
    assert line("App StoreGoogle play") <= -1.2
    assert line("Download the app") <= -1.2


@pytest.mark.parametrize(
    "prompt",
    ["To participate in the discussion", "log in or register", "Leave a comment", "Sign in to comment",
     "0 comments", "4 thoughts on “Winter baking”", "Reply", "Report", "Load more", "loader",
     "Kommentare sind für diesen Artikel geschlossen.", "Laisser un commentaire", "Deja un comentario",
     "Оставить комментарий", "发表评论", "コメントを書く", "Tell us what YOU think...",
     "What do you think? Let us know in the comments below."],
)  # fmt: skip
def test_comment_prompts(prompt: str) -> None:
    """Comment-system prompts and buttons, in several languages, are strong evidence."""
    assert line(prompt) <= -1.0


def test_forum_post_in_comment_class_is_moderate() -> None:
    """A forum post inside 'comment-body' gets at most a moderate penalty, below a paragraph's +1."""
    s = html(f'<div class="comment-body"><div class="content"><p>{POST}</p></div></div>')
    assert -0.6 <= s[POST] < 0


def test_short_blocks_in_a_small_form_are_widgets() -> None:
    """A search box's or sign-up form's short lines inside a <form> are widget chrome."""
    s = html('<form><p>Search the site</p><p>Enter a keyword or two</p></form>')
    assert s["Search the site"] <= -0.5


def test_a_form_around_the_whole_thread_is_no_widget() -> None:
    """A moderation form that wraps every post of a thread leaves its short posts alone."""
    posts = "".join(
        f"<div class='post'><p>Reply {i}: I tried the new firmware on my board and the fan is quiet now.</p>"
        f"<p>{POST}</p></div>"
        for i in range(12)
    )
    s = html(f"<form action='/moderate'>{posts}</form>")
    assert s["Reply 3: I tried the new firmware on my board and the fan is quiet now."] == 0


def test_a_policy_in_a_dialog_is_no_page_content() -> None:
    """A privacy policy kept in a modal of the footer, longer than the product text, stays out; the product text is kept."""
    policy = "".join(
        f"<p>{i}. We process the personal information you give us when you place an order, create an account "
        "or write to us, and we keep it only as long as the law requires.</p>"
        for i in range(1, 13)
    )
    html = (
        "<html><head><script type='application/ld+json'>{\"@type\": \"Product\", \"name\": \"Wool runner\"}"
        "</script></head><body><nav><a href='/'>Shop</a> <a href='/men'>Men</a> <a href='/women'>Women</a></nav>"
        "<main><h1>Wool runner</h1><p>A light everyday shoe knitted from merino wool, with a cushioned sole made "
        "from sugarcane. It breathes in summer, keeps feet warm in winter and goes in the washing machine.</p>"
        "<p>Sizes 36 to 47, in six colours.</p></main><footer><a href='/privacy'>Privacy</a>"
        f"<div role='dialog' aria-label='Privacy policy'><h2>Privacy policy</h2>{policy}</div></footer></body></html>"
    )
    r = boilerstrip.extract(html, url="https://shop.example.com/products/wool-runner")
    assert "merino wool" in r.text
    assert "personal information" not in r.text


def test_paywall() -> None:
    """Paywall notices are widgets; the truncated article in 'paywall-fade' gets only a weak signal."""
    assert line("Subscribe to continue reading") <= -1.2
    assert line("This article is for subscribers only") <= -1.2
    s = html(f'<div class="paywall-fade"><p>{POST}</p></div>')
    assert -0.5 <= s[POST] < 0


@pytest.mark.parametrize(
    "label",
    [
        "Advertisement",
        "Anzeige",
        "Publicité",
        "Publicidad",
        "Pubblicità",
        "Sponsored",
        "Реклама",
        "广告",
        "広告",
    ],
)
def test_ad_labels(label: str) -> None:
    """Ad labels as whole blocks."""
    assert line(label) <= -1.2


@pytest.mark.parametrize("counter", ["Image 2 of 5", "Picture 1 of 1", "Slide 3 / 8", "Bild 2 von 6", "Imagen 1 de 4", "4/6"])
def test_gallery_counters(counter: str) -> None:
    """Where a gallery or carousel stands ("Image 2 of 5", "4/6") alone on its line is a widget's label."""
    assert line(counter) <= -1.6


@pytest.mark.parametrize("text", ["24/7", "1 of 2 reviewers found this helpful", "Image quality is 4 of 5 stars"])
def test_counts_in_words_are_no_gallery_counter(text: str) -> None:
    """A figure in words, or "24/7" (round the clock), is no gallery's position."""
    assert line(text) > -1.6


def test_help_text_in_a_popover_is_a_widget() -> None:
    """The explanation a badge or a delivery estimate opens on hover (a popover, a tooltip) is a widget;
    a class that only contains the word ('tooltipster', 'popoverish') is not."""
    help_text = "Top sellers have a record of shipping on time and replying to messages within a day."
    assert html(f'<div class="badge-popover"><p>{help_text}</p></div>')[help_text] <= -0.8
    assert html(f'<div class="tooltip-content"><p>{help_text}</p></div>')[help_text] <= -0.8
    assert html(f'<tool-tip><div class="tool-tip__content"><p>{help_text}</p></div></tool-tip>')[help_text] <= -0.8
    assert html(f'<div class="popoverish tooltipster"><p>{help_text}</p></div>')[help_text] == 0


def test_a_product_pages_popovers_stay_out() -> None:
    """On a product page, the help a seller badge and the delivery estimate open stays out; the description is kept."""
    html = (
        "<html><head><script type='application/ld+json'>{\"@type\": \"Product\", \"name\": \"Clay mug\"}"
        "</script></head><body><main><h1>Clay mug</h1><div class='seller'><span>Top seller</span>"
        "<div class='seller-popover'><p>Top sellers have a record of shipping on time and replying to messages "
        "within a day, and their orders rarely need a refund.</p></div></div>"
        "<div class='description'><p>A hand-thrown stoneware mug with a speckled glaze, holding about three "
        "hundred millilitres. Each one is shaped on the wheel, so the size and the glaze vary a little.</p>"
        "<p>Safe in the dishwasher and the microwave. Ships wrapped in recycled paper.</p></div>"
        "<div class='delivery'><span>Arrives in 5 to 9 days</span><div class='tooltip'><p>The date is estimated "
        "from the seller's processing time and the carrier's usual transit time to your address.</p></div></div>"
        "</main></body></html>"
    )
    r = boilerstrip.extract(html, url="https://shop.example.com/products/clay-mug")
    assert "speckled glaze" in r.text
    assert "replying to messages" not in r.text
    assert "carrier's usual transit" not in r.text


def test_ad_token_edges() -> None:
    """'ad' is matched as a whole class token only: 'ad-slot' yes, 'download' / 'head' / 'add-to-cart' no."""
    assert html('<div class="ad-slot"><p>Buy now</p></div>')["Buy now"] <= -0.8
    para = "The new model comes in three colours and ships with a charger."
    assert html(f'<div class="download head add-to-cart"><p>{para}</p></div>')[para] == 0


def test_tools_and_feedback() -> None:
    """Print, font-size, 'Was this helpful?', 'Edit this page' and reading time are widgets."""
    for text in (
        "Print",
        "Font size",
        "Was this helpful?",
        "Edit this page",
        "7 min read",
        "Lesedauer: 3 Minuten",
    ):
        assert line(text) <= -1.0, text


def test_typography_size_classes_are_no_font_size_tool() -> None:
    """A class that sets the text's size ("text-size-large", "u-font-size-h2", "font-size__md") is styling;
    a font-size control's own class still names the tool."""
    para = "We check your credit reports every day and alert you to any change within minutes."
    for cls in ("text-size-large", "u-font-size-h2 u-rich-text", "font-size__md", "is-tablet-text-size-small"):
        assert html(f'<div class="{cls}"><p>{para}</p></div>')[para] == 0, cls
    assert html(f'<div class="font-size"><p>{para}</p></div>')[para] < 0
    assert html(f'<div class="text-size-controls"><p>{para}</p></div>')[para] < 0


def test_print_in_code_is_untouched() -> None:
    """'print' on a line of code is data, not a tool button."""
    s = html("<pre>print</pre>")
    assert s["print"] == 0


def test_forum_profile_fields() -> None:
    """'Posts: 214' and 'Joined: Mon Jun 08, 2020' beside forum posts are widgets; 'Location: Town Hall' is not."""
    assert line("Posts: 214") <= -1.0
    assert line("Joined: Mon Jun 08, 2020 6:11 pm") <= -1.0
    assert line("Join Date: Jun 2024") <= -1.0
    assert line("Location: Town Hall") == 0
    assert line("Join date to be announced") == 0


def test_poster_card_count_and_join_date_on_one_line() -> None:
    """A poster's card printing its post count and join date on one line is a profile field; a sentence
    about posts and joining is not."""
    assert line("1,430 posts · Joined 2022") <= -1.0
    assert line("312 Beiträge | Dabei seit 2019") <= -1.0
    assert line("12 posts later I joined the club in 2019 and never left") == 0


def test_post_edit_notes() -> None:
    """Forum software's note under an edited post names the editor; a sentence about editing does not start so."""
    assert line("Last edited by riverbank; 03-12-2024 at 10:12 AM.") <= -1.2
    assert line("Edited January 29 by riverbank (see edit history)") <= -1.2
    assert line("Zuletzt bearbeitet von riverbank am 12.03.2024") <= -1.2
    assert line("Dernière édition par riverbank le 12 mars 2024") <= -1.2
    assert line("I edited the photo by hand before posting it.") == 0


def test_mobile_client_signature() -> None:
    """'Sent from my <device> using Tapatalk' under a post is the client's signature; 'Sent from Paris' is prose."""
    assert line("Sent from my SM-G991B using Tapatalk") <= -1.5
    assert line("Sent from my iPhone") <= -1.5
    assert line("Gesendet von iPhone mit Tapatalk") <= -1.5
    assert line("Sent from Paris, the letter took nine days to arrive.") == 0


def test_board_clock_and_thread_counters() -> None:
    """A board's time-zone footer and a thread's counters line are forum chrome; one count in a sentence is not."""
    assert line("All times are GMT +1. The time now is 14:01.") <= -1.2
    assert line("Alle Zeitangaben in WEZ +1. Es ist jetzt 14:01 Uhr.") <= -1.2
    assert line("1.3K views 15 replies 6 participants last post by riverbank Jan 8, 2026") <= -1.0
    assert line("12 Antworten · 340 Aufrufe") <= -1.0
    assert line("After 15 replies the thread went quiet for a month.") == 0


def test_login_prompt_in_place_of_a_reply_box() -> None:
    """'You must log in to answer this question' where a Q&A page's answer box would be is a prompt."""
    assert line("You must log in to answer this question.") <= -1.2
    assert line("Log in to reply") <= -1.2
    assert line("Connectez-vous pour répondre") <= -1.2


def test_sign_in_wall_buttons_and_terms() -> None:
    """A sign-in wall's third-party buttons and terms line are a widget; a sentence about signing in with a
    provider, or past the wall's length, is not."""
    assert line("Continue with Google") <= -1.2
    assert line("Continue with Email") <= -1.2
    assert line("By continuing, you agree to our Terms of Service and acknowledge our Privacy Policy.") <= -1.2
    assert line("Weiter mit Apple") <= -1.2
    assert line("We continued with the old router for a month before the replacement arrived.") == 0
    long = ("After the update I could no longer sign in with Google on the tablet, so I reset the app, cleared its "
            "cache, removed the account from the system settings and added it back twice before it worked.")
    assert line(long) == 0


def test_member_rank_beside_a_post() -> None:
    """A member's rank in the poster's card ("Well-known member") is a widget; the same words in the post are not."""
    s = html('<div class="message-userdetails"><h5 class="usertitle">Well-known member</h5></div>'
             '<div class="message-body"><p>Any well-known member can answer this.</p></div>')  # fmt: skip
    assert s["Well-known member"] <= -1.5
    assert s["Any well-known member can answer this."] == 0


def test_reaction_counts_under_posts() -> None:
    """A like button's tally printed as its own line ("7 Likes", "1 Like") is a widget; a sentence that
    starts with a count of likes is not."""
    assert line("7 Likes") <= -1.0
    assert line("1 Like") <= -1.0
    assert line("12 likes in one evening were enough for her") == 0


def test_forum_posting_permissions() -> None:
    """The posting-permissions box under a thread ("You may not post replies") is forum chrome; a post that
    says what its writer may not do is not."""
    assert line("You may not post new threads") <= -1.0
    assert line("You cannot reply to topics in this forum") <= -1.0
    assert line("Du darfst keine neuen Themen in diesem Forum erstellen") <= -1.0
    assert line("You may not park on the verge during the works") == 0


def test_article_paragraph_untouched() -> None:
    """A real paragraph that mentions subscribing and comments in prose is not a widget."""
    para = (
        "Readers who subscribe to the council's alerts will be told about closures, and residents can "
        "comment on the plans at the library until the end of the month, the transport officer said."
    )
    assert line(para) == 0


def test_a_content_class_name_outweighs_what_the_element_hosts() -> None:
    """class="article sc-ad-container": an article that hosts ad slots is the article, not an ad.

    A content name that itself holds the boilerplate word ("article-sidebar") vetoes nothing.
    """
    s = html(
        f'<div class="article sc-ad-container"><p>{POST}</p></div>'
        '<div class="sc-ad-container"><p>Advertise with the Gazette today</p></div>'
    )
    assert s[POST] == 0
    assert s["Advertise with the Gazette today"] < 0
    nav = scorer(NavigationDetector)(html_blocks('<div class="article-sidebar"><p>Popular tags</p></div>'), "html")
    assert nav["Popular tags"] < 0


def _qa_post(body: str, comments: list[str]) -> str:
    listed = "".join(f'<li class="comment"><div class="comment-body">{c}</div></li>' for c in comments)
    return (
        f'<div class="post-layout"><div class="postcell"><p>{body}</p></div>'
        f'<div class="comments"><ul class="comments-list">{listed}</ul>'
        '<a class="comments-link" href="#">Add a comment</a></div></div>'
    )


QUESTION = "My router drops the connection every evening around eight since the last firmware update. Why?"
ANSWER = "The update turned on a nightly channel scan; switch the scan off in the wireless settings and it stops."
COMMENT = "Did you try a factory reset before rolling back? That fixed the same thing for me last winter."


def test_comments_under_a_question_and_its_answers() -> None:
    """Comments under posts that each carry comments (a Q&A page) are marked as such, the posts are not."""
    page = (
        f'<div id="mainbar"><div class="question">{_qa_post(QUESTION, [COMMENT])}</div>'
        f'<div id="answers"><div class="answer">{_qa_post(ANSWER, [COMMENT + " Thanks."])}</div>'
        f'<div class="answer">{_qa_post(ANSWER + " Or roll back.", [])}</div></div></div>'
    )
    blocks = html_blocks(page)
    rules = {b.text: {s.rule for s in WidgetsDetector().detect(blocks, PageInfo(kind="html")) if s.block == b.index}
             for b in blocks}  # fmt: skip
    assert "widgets.post-comments" in rules[COMMENT] and "widgets.post-comments" in rules[COMMENT + " Thanks."]
    assert "widgets.post-comments" in rules["Add a comment"]
    assert not rules[QUESTION] and not rules[ANSWER]


def test_replies_in_comment_markup_are_no_comments_under_posts() -> None:
    """A thread whose replies sit in comment markup after a first post (one post with comments) is left alone,
    and so is a promo box whose sign-up form uses comment classes."""
    replies = "".join(f'<div class="comment"><p>{COMMENT} {k}</p></div>' for k in range(3))
    promo = (
        '<div class="promo"><p>Get instant access to lessons taught by experienced engineers in every field.</p>'
        '<form class="comment-form"><label>Type your email address</label></form></div>'
    )
    blocks = html_blocks(f'<div class="topic"><p>{QUESTION}</p><div class="comments">{replies}</div></div>{promo}')
    assert not any(s.rule == "widgets.post-comments" for s in WidgetsDetector().detect(blocks, PageInfo(kind="html")))


def test_dump_post_header_line() -> None:
    """A dump's forum post header ('Beitrag von NAME » date') is boilerplate; a sentence with '»' is not."""
    assert line("Beitrag von Gartenfreund_42 » Mo 3. Jun 2024, 18:22") <= -1.5
    assert line("Post by ferrygirl » Sat Feb 24, 2024 12:41 pm") <= -1.5
    assert line("Read the guide by the committee » it explains the rules in 2024 and later years.") == 0


def test_dump_signature_after_profile_fields() -> None:
    """In a dump, the line closing a paragraph after a post's profile fields is a signature; where the card
    comes first, the post after it is not."""
    after = segment_text(
        f"{ANSWER}\nobstwiese\nBeiträge: 4127\nRegistriert: Di 5. Jan 2010, 14:10\nStreuobst ist Artenschutz.\n\n"
    )
    signed = {b.text: s.rule for s in WidgetsDetector().detect(after, PageInfo(kind="text")) for b in after
              if s.block == b.index}  # fmt: skip
    assert signed.get("Streuobst ist Artenschutz.") == "widgets.signature-line"
    first = segment_text(f"obstwiese\nBeiträge: 4127\nRegistriert: Di 5. Jan 2010, 14:10\n{ANSWER}\n\n")
    assert not any(s.rule == "widgets.signature-line" for s in WidgetsDetector().detect(first, PageInfo(kind="text")))



def test_a_shops_buttons_and_list_controls_are_widgets() -> None:
    """'Add to cart', 'Quick view', 'Sort by: Featured' and 'In den Warenkorb' as short blocks are a shop's
    controls; a category named 'Air Filters' and a sentence that mentions adding to the cart are not."""
    for text in ("Add to Cart", "Quick view", "Sort by: Featured", "Clear all filters", "In den Warenkorb", "加入购物车",
                 "See details", "Sort Options", "View Options", "Sort & Filter"):
        assert line(text) <= -1.0, text
    assert line("Air Filters") == 0
    assert line("Sort") == 0 and line("Details") == 0
    assert line("Add to cart the spare filter and the descaler if you order before noon.") == 0


def test_a_cards_review_prompt_is_a_rating_widget() -> None:
    """'Be the first to review this product' and 'No reviews yet' under a shop card are its rating widget."""
    assert line("Be the first to review this product") <= -1.0
    assert line("No reviews yet") <= -1.0
    assert line("She was the first to review the new law before the committee voted on it in March.") == 0


BIO = (
    "Dana Whitfield is a staff reporter covering transport and city hall. She joined the paper in 2016 "
    "after eight years at a regional news agency."
)


def test_author_bio_box() -> None:
    """The blocks of an author's bio box ("author-bio", "author-box__text", "contributor-bio", "author-container",
    "author-block", "author-tagline") are widgets,
    its prose too; a bio class far up (a page wrapper), a speaker's bio and "biology" in a class name are not."""
    s = html(
        f'<div class="author-bio"><h4>Dana Whitfield</h4><p>{BIO}</p></div>'
        '<div class="elementor-author-box__text"><p>Written by our editors.</p></div>'
        '<section class="contributor-bio__content"><div>Staff reporter</div></section>'
        '<div class="biology-notes"><p>Cells divide by mitosis in most tissues.</p></div>'
        '<div class="author-bio"><div class="a"><div class="b"><div class="c"><div class="d">'
        "<p>Deep inside a wrapper.</p></div></div></div></div></div>"
        '<div class="speaker"><p class="speaker__bio">She teaches an evening class on bats.</p></div>'
        '<div class="post-author-container"><p>Sam Ortiz writes about rail and buses.</p></div>'
        '<div class="td-author-block"><span class="author-tagline">Night editor</span></div>'
    )
    assert s[BIO] <= -3.0 and s["Dana Whitfield"] <= -3.0
    assert s["Sam Ortiz writes about rail and buses."] <= -3.0 and s["Night editor"] <= -3.0
    assert s["Written by our editors."] <= -3.0 and s["Staff reporter"] <= -3.0
    assert s["Cells divide by mitosis in most tissues."] == 0
    assert s["Deep inside a wrapper."] == 0
    assert s["She teaches an evening class on bats."] == 0


def _with_bio(head: str) -> str:
    story = "".join(
        f"<p>The council voted on Tuesday to close the old bridge to traffic for the {n} time, and engineers "
        "said repairs to the piers would take most of the summer, with buses sent the long way round.</p>"
        for n in ("first", "second", "third", "fourth")
    )
    return (
        f"<html><head>{head}</head><body><article><h1>Bridge closes again</h1>{story}"
        f'<div class="author-bio"><p>{BIO}</p></div></article></body></html>'
    )


def test_author_bio_goes_from_an_article_but_stays_on_a_product_page() -> None:
    """Under a story the writer's bio goes; on a declared product page (a maker's bio) the rule is silent."""
    assert "Dana Whitfield" not in boilerstrip.extract(_with_bio("")).text
    product = '<script type="application/ld+json">{"@type": "Product", "name": "Bridge"}</script>'
    r = boilerstrip.extract(_with_bio(product))
    assert not any(s.rule == "widgets.author-bio" and s.weight for v in r.blocks for s in v.signals)


def test_a_bio_with_no_box_opens_with_the_declared_authors_name() -> None:
    """A short paragraph opening with the declared author's full name and a bio verb is the bio, box or not;
    the same name inside a sentence of the story, or a bio of someone else, is not."""
    author = '<meta name="author" content="Dana Whitfield">'
    page = _with_bio(author).replace('<div class="author-bio">', "<div>")
    r = boilerstrip.extract(page)
    bio = [v for v in r.blocks if v.block.text == BIO]
    assert bio and any(s.rule == "widgets.author-bio" and s.weight < 0 for s in bio[0].signals)
    assert "Dana Whitfield" not in r.text and "The council voted" in r.text
    # the name in capitals, or after "About", opens the same bio
    for opening in ("DANA WHITFIELD is", "About Dana Whitfield, is"):
        r = boilerstrip.extract(page.replace("Dana Whitfield is", opening))
        assert "Whitfield" not in r.text and "The council voted" in r.text
    quoted = page.replace(BIO, "Engineers told Dana Whitfield is a name they trust, the mayor said.")
    other = page.replace(BIO, "Marta Ruiz is a staff reporter covering schools and the county courts.")
    for html_page in (quoted, other, _with_bio("").replace('<div class="author-bio">', "<div>")):
        r = boilerstrip.extract(html_page)
        assert not any(s.rule == "widgets.author-bio" for v in r.blocks for s in v.signals)


def _dump_with_bio(bio: str) -> str:
    story = "\n\n".join(
        f"The council voted on Tuesday to close the old bridge to traffic for the {n} time, and engineers said "
        "repairs to the piers would take most of the summer, with buses sent the long way round."
        for n in ("first", "second", "third", "fourth")
    )
    return f"Bridge closes again\n\nBy Dana Whitfield\n\n{story}\n\n{bio}\n\nMore from the city desk\n"


def test_a_dumped_bio_opens_with_the_bylined_authors_name() -> None:
    """In a text dump too the writer's note under the story goes when it opens with the byline's full name and
    a bio verb; a line naming someone else, or the author inside a sentence of the story, stays."""
    r = boilerstrip.extract(_dump_with_bio(BIO), kind="text")
    assert r.authors == ("Dana Whitfield",) and BIO not in r.text and "the fourth time" in r.text
    for line_ in (
        "Marta Ruiz is a staff reporter covering schools and the county courts.",
        "Engineers told Dana Whitfield that the piers had been patched twice since the last closure.",
    ):
        r = boilerstrip.extract(_dump_with_bio(line_), kind="text")
        assert line_ in r.text
        assert not any(s.rule == "widgets.author-bio" for v in r.blocks for s in v.signals)


def test_a_dumped_bio_box_opens_with_the_name_printed_above_it() -> None:
    """With no declared author, a dump's bio box still shows: its name alone on a line (or "By <name>"), then a
    paragraph opening with that name, or the first name when it says "he" or "she"; on a page where several
    paragraphs open so (a team's members) they stay, as does a first name with no pronoun."""
    def bios(tail: str) -> list[str]:
        page = _dump_with_bio(tail).replace("By Dana Whitfield\n\n", "", 1)
        r = boilerstrip.extract(page, kind="text")
        assert "the fourth time" in r.text and ("By " in tail or r.authors == ())
        return [v.block.text for v in r.blocks if any(s.rule == "widgets.author-bio" for s in v.signals)]

    assert bios(f"Dana Whitfield\n\nStaff reporter\n\n{BIO}") == [BIO]
    first = BIO.replace("Dana Whitfield is", "Dana is")
    assert bios(f"By Dana Whitfield\n\n{first}") == [first]
    assert bios(f"Dana Whitfield\n\n{first.replace('She joined', 'The desk was set up')}") == []
    team = "Marta Ruiz\n\nMarta Ruiz is the news editor and has run the desk since 2019, after a decade in radio."
    assert bios(f"Dana Whitfield\n\n{BIO}\n\n{team}") == []
    assert bios(f"Dana Whitfield\n\nStaff reporter\n\nUnrelated\n\nArchive\n\nMore\n\n{BIO}") == []


def test_a_forms_status_messages_and_consent_line_in_a_dump() -> None:
    """A dump prints what a form shows only after a submit or a bad field, and its consent line to marketing
    texts; a story's sentences about submissions and text messages are prose, and HTML blocks are not judged."""
    assert line("Thank you! Your submission has been received!") <= -1.5
    assert line("Oops! Something went wrong while submitting the form.") <= -1.5
    assert line("Please enter a valid email.") <= -1.5 and line("Dieses Feld ist ein Pflichtfeld.") <= -1.5
    consent = (
        "I agree to receive recurring automated marketing text messages (e.g. cart reminders) at the phone "
        "number provided. Consent is not a condition to purchase. Msg & data rates may apply. Reply STOP to cancel."
    )
    assert line(consent) <= -2.0
    assert line("I am happy to receive messages from third parties about courses near me") <= -2.0
    assert line("By signing up I agree to share my data with the organisers.") <= -2.0
    assert line("You agree to receive messages from us once you open an account.") == 0
    assert line("Applicants said the submission portal went down twice before the deadline on Friday.") == 0
    assert line("Parents agreed to receive text messages from the school when buses run late.") == 0
    assert html("<p>Please enter a valid email.</p>")["Please enter a valid email."] == 0


def test_a_dumped_session_dialog() -> None:
    """A dump prints the dialog a site shows before it logs an idle reader out; a story about a session of
    parliament that will end is prose."""
    assert line("Your session is about to expire!") <= -1.5 and line("Stay signed in to enjoy all your benefits.") <= -1.5
    assert line("Please use the escape key to dismiss this modal dialog") <= -1.5
    assert line("The parliamentary session will end in June, the speaker said.") == 0


def test_follow_us_on_social_closing_lines() -> None:
    """'Follow @desk on Twitter for the latest' and 'Follow our coverage at https://…' send the reader away;
    a story's sentence about followers on Twitter is prose."""
    assert line("Follow @metrodesk on Twitter to keep up with the latest from the newsroom.") <= -1.2
    assert line("Follow our full coverage of the election at https://example.com/election") <= -1.2
    assert line("Folgen Sie der Redaktion auf Instagram und Facebook.") <= -1.2
    assert line("The mayor has 40,000 followers on Twitter and posts every morning.") == 0


def test_support_appeals_at_the_end_of_a_story() -> None:
    """'If you enjoyed this article, support our journalism' asks for money; a story about members does not."""
    assert line("If you enjoyed this article, please consider supporting us with a small monthly gift.") <= -1.5
    assert line("Become a member and read without limits.") <= -1.5
    assert line("Se você gostou deste artigo, compartilhe com seus amigos.") <= -1.5
    assert line("Forty residents became members of the allotment society this spring.") == 0


def test_comment_policy_notices() -> None:
    """'We are moderating all comments' and 'comments that break the rules will not be published' are the
    comment section's house rules; a story about content moderation is prose."""
    assert line("Note: we are moderating all comments for a few days because of spam.") <= -1.5
    assert line("Comments that insult other readers will not be published.") <= -1.5
    assert line("Comentários ofensivos não serão publicados.") <= -1.5
    assert line("The platform hired 200 moderators to review posts in the run-up to the election.") == 0


@pytest.mark.parametrize(
    "label",
    ["FREE shipping", "Ships from BG", "Available for Shipping or Pickup", "$69.99 | SHIPS FREE", "Free Delivery",
     "Versandkostenfrei", "Livraison gratuite", "Envío gratis", "送料無料"],
)  # fmt: skip
def test_shipping_labels(label: str) -> None:
    """A shop's delivery terms as the whole block are a widget's label."""
    assert line(label) <= -1.0


def test_a_sentence_about_delivery_is_no_shipping_label() -> None:
    """Prose that speaks of free delivery is untouched: the rule is anchored on the whole block."""
    assert line("We offer free shipping on every order over fifty pounds, sent the same day.") > -1.0


def test_closing_contact_and_citation_lines() -> None:
    """The writer's address at a story's end and a how-to-cite notice are widgets; a story saying someone
    was reached at a place, or citing a paper, is prose."""
    assert line("Email Moira Kettleby at mkettleby@harbour-news.example or follow her @moirak.") <= -1.2
    assert line("Have a tip? Moira Kettleby may be reached at mk@harbour-news.example. Follow her on Mastodon.") <= -1.2
    cite = (
        "Citation: Harbour wall repairs to begin in spring (2024, March 4) retrieved 5 March 2024 from "
        "https://news.example.org/2024-03-harbour-wall.html"
    )
    assert line(cite) <= -1.2
    assert line("The harbour master could not be reached at the quay on Monday, his office said.") == 0.0
    assert line("Citation counts for the survey rose after it was retrieved from the archive in 2019.") == 0.0
    assert line("Email us at help@harbour-news.example to get started!") == 0.0


def test_script_notices_and_share_entry_labels() -> None:
    """A script widget's 'requires JavaScript' notice and 'Share this entry' labels are widgets; a story
    about JavaScript is prose."""
    assert line("This slideshow requires JavaScript.") <= -1.2
    assert line("Bitte aktivieren Sie JavaScript, um die Kommentare zu sehen.") <= -1.2
    assert line("Share this entry") <= -1.0
    assert line("Share this on WhatsApp") <= -1.0
    prose = "The new site requires JavaScript only for its map, the council said, so readers on old phones can still use it."
    assert line(prose) == 0.0


def test_a_media_elements_fallback_text_is_a_widget() -> None:
    """The text inside a <video> or <audio> that only a browser without the element shows, which a dump of every
    text node prints beside the player, is a widget, in several languages; a story's longer sentence on browser
    support is prose."""
    assert line("Your browser does not support the video tag.") <= -1.5
    assert line("Your browser does not support the audio element.") <= -1.5
    assert line("Ihr Browser unterstützt kein HTML5-Video.") <= -1.5
    assert line("Votre navigateur ne prend pas en charge la lecture de vidéos.") <= -1.5
    prose = ("The old office computers run a browser that does not support the video calls, so the council staff "
             "meet in person on Mondays.")
    assert line(prose) == 0.0


def test_a_dumped_forms_required_field_labels_go() -> None:
    """A contact form printed into a dump leaves its field labels, marked as required, as lines of their own;
    they go, while the page's sentences stay."""
    dump = (
        "Book a studio visit\n\n"
        "We show the kilns and the glazing room every Saturday morning, and groups of up to eight are welcome.\n\n"
        "Full Name(Required)\nEmail *\nPhone (Required)\nPreferred date\n"
    )
    r = boilerstrip.extract(dump, kind="text")
    assert "glazing room every Saturday" in r.text
    for label in ("Full Name(Required)", "Email *", "Phone (Required)"):
        assert label not in r.text
    assert [b.role for b in segment_text("Email(Required)\nprint(total)\n")] == ["line", "code"]


@pytest.mark.parametrize(
    ("text", "gate"),
    [
        ("Join to see EXIF info for this image (if available)", True),
        ("You must log in or register to view this attachment.", True),
        ("Registriere dich, um die Bilder zu sehen.", True),
        ("Connectez-vous pour voir les pièces jointes", True),
        ("Join to see the world, the brochure said, and I did.", False),  # a clause follows: prose
        ("We had to join to see the show.", False),  # not at the start
    ],
)
def test_members_only_prompts_in_posts(text: str, gate: bool) -> None:
    """A board's members-only prompt set into a post (what a guest may not see) is a widget; prose is not."""
    got = html(f"<article><p>{POST}</p><p>{text}</p></article>")
    assert (got.get(text, 0.0) <= -2.0) is gate


SIGNED_ANSWER = (
    "Sort in place with list.sort(key=str.lower). The sorted() function returns a new list and leaves the one you "
    "passed in as it was, so printing the old name shows the old order every time you run the script."
)
SIGNED_COMMENT = (
    "Worth adding that str.casefold is the better key when the names are not all plain ASCII letters, since lower() "
    "leaves some characters alone that casefold maps, and a German sharp s sorts where you expect it only with "
    "casefold. For a list of a few hundred names either is fast enough that you will never notice the difference."
)


def _qa_page(signed: bool) -> str:
    """A Q&A thread: a question and two answers, each with comments; signed ones carry their commenter and time."""

    def comment(k: int, text: str) -> str:
        sign = (f'<div class="comment-signer">– <a class="comment-user" href="/users/{k}">user{k}</a></div>'
                f'<span class="comment-date">May {k + 2}, 2009 at 3:{k + 10}</span>') if signed else ""  # fmt: skip
        return f'<li class="comment"><div class="comment-body"><span class="comment-copy">{text}</span>{sign}</div></li>'

    def post(kind: str, text: str, comments: list[str]) -> str:
        items = "".join(comment(k, c) for k, c in enumerate(comments))
        return (f'<div class="{kind}"><div class="postcell"><p>{text}</p></div><div class="comments"><ul>{items}</ul>'
                '<a class="comments-link" href="#">Add a comment</a></div></div>')  # fmt: skip

    return (
        '<html><body><div id="mainbar">'
        + post("question", "Why does my list keep its old order after I call sorted() on it with a key?",
               ["Which Python version is this on?", "Can you show the whole loop?"])
        + '<div id="answers">'
        + post("answer", SIGNED_ANSWER, ["Does this work on tuples too?", SIGNED_COMMENT, "Yes, any iterable."])
        + post("answer", "Or assign the result back: names = sorted(names, key=str.lower) gives you the new order.",
               ["Thanks, assigning it back was what I had forgotten.", "Same mistake here last week."])
        + "</div></div></body></html>"
    )  # fmt: skip


QA_URL = "https://answers.example.net/questions/77/why-does-my-list-keep-its-order"


def test_a_signed_comment_as_long_as_a_paragraph_goes() -> None:
    """A comment under an answer as long as a paragraph, signed in its own element with its commenter's link and
    time as Q&A software signs every comment, goes with the short ones (widgets.post-comments, the signed weight);
    the answer stays, and include_comments keeps the comment."""
    text = boilerstrip.extract(_qa_page(signed=True), url=QA_URL).text
    assert SIGNED_ANSWER in text and "Why does my list keep its old order" in text
    assert SIGNED_COMMENT not in text
    assert SIGNED_COMMENT in boilerstrip.extract(_qa_page(signed=True), url=QA_URL, include_comments=True).text


def test_only_a_signed_comment_weighs_the_signed_weight() -> None:
    """The same comment with no commenter and time after it weighs the plain post-comments weight, less."""
    def weight(signed: bool) -> float:
        r = boilerstrip.extract(_qa_page(signed), url=QA_URL)
        v = next(v for v in r.blocks if v.block.text == SIGNED_COMMENT)
        return next(s.weight for s in v.signals if s.rule == "widgets.post-comments")

    assert weight(signed=True) < weight(signed=False) < 0


def test_a_dumped_line_of_the_pages_own_markup() -> None:
    """A dump prints a "Republish this story" box's textarea as one long line of the story's HTML: it goes; a
    short line showing a tag or two, as a docs page's sample does, and the story's own prose are not judged."""
    para = "<p>The council voted on Tuesday to close the old bridge to traffic, and engineers said repairs would last.</p> "
    markup = "<h1>Bridge closes again</h1> " + para * 12
    assert line(markup.strip()) <= -3.0
    assert line('Wrap the title in <h1 class="title">Bridge</h1> and the body in <p> tags.') == 0
    assert line(" ".join(["The council voted on Tuesday to close the old bridge to traffic again."] * 20)) == 0


@pytest.mark.parametrize(
    ("text", "chrome"),
    [
        ("Reactions: Harbourmaster, tealfox and 4 others", True),
        ("Reaktionen: Kranich und Bergfink", True),
        ("Click to expand...", True),
        ("Zum Vergrößern anklicken....", True),
        ("Reactions to the new firmware were mixed, so I waited a week.", False),  # prose about reactions
        ("#12", False),  # a post's bare number: a listing's ranks print the same
    ],
)
def test_forum_post_chrome_lines_in_a_dump(text: str, chrome: bool) -> None:
    """The reaction list and the quote expander forum software prints around each post are widgets in a dump."""
    assert (line(text) <= -1.2) is chrome


STORY = [
    "The county opened three new reading rooms this spring, and librarians say attendance has doubled since March.",
    "Volunteers from the high school run the evening sessions, which draw parents as well as children.",
    "The council will decide in June whether to fund a fourth room on the east side of town.",
]
APPEAL = [
    "Since you read to the end, we have a small favor to ask.",
    "Every dollar you give before December 31 will be matched, so please consider what you can spare.",
    "Donate today",
    "Republish this story",
    "Republish our articles for free, online or in print, under a Creative Commons license.",
    "This work is licensed under a Creative Commons Attribution-NoDerivatives 4.0 International License.",
]


def test_a_dumps_donation_appeal_and_republish_box_after_the_story_go() -> None:
    """In a dump, a newsroom's fundraising appeal and its "Republish this story" licence box after the story are
    sentence-shaped lines the region would carry on with; they go, the story stays. A story about a charity's
    donations, a photo credited 'via Creative Commons' and HTML paragraphs are untouched."""
    for text in APPEAL:
        assert line(text) <= -3.0, text
    assert line("The charity said donations rose by a third after the flood appeal in the spring.") == 0
    assert line("A photo of the old mill, via Creative Commons, hangs in the town hall.") == 0
    assert html(f"<article><p>{APPEAL[0]}</p></article>").get(APPEAL[0], 0.0) == 0
    result = boilerstrip.extract("\n\n".join([*STORY, *APPEAL]) + "\n", kind="text")
    assert all(p in result.text for p in STORY)
    assert not any(a in result.text for a in APPEAL)


def test_a_dumps_membership_badges_are_boilerplate_but_a_quote_or_an_obituary_is_not() -> None:
    """A site's membership lines printed by a dump ('I'm proud to be a member of ...', 'Proud member of ...') are
    badges; a quoted speaker's pride and an obituary's past tense are the story's."""
    for text in ("I'm proud to be a member of the Regional Guild of Portrait Photographers.",
                 "Proud member of the Lakeside Chamber of Commerce", "We are proud partners of the river trust.",
                 "Stolzes Mitglied im Verband der Fotografen", "Fier membre de l'association des guides"):
        assert line(text) <= -2.0, text
    assert line("“I'm proud to be a member of this team,” the coach said after the final.") == 0
    assert line("He was a proud member of the volunteer fire brigade for forty years.") == 0
    assert html("<article><p>I'm proud to be a member of the guild.</p></article>").get(
        "I'm proud to be a member of the guild.", 0.0) == 0
