"""Threads: the posts are the content, the short ones too; the chrome around each post is not."""

from __future__ import annotations

import boilerstrip
from boilerstrip.detectors.evidence import EvidenceDetector
from boilerstrip.model import Block, PageInfo

THREAD_URL = "https://forum.example.org/threads/which-projector-for-a-dark-room.4417/"
POSTS = [
    ("lumenhead", "Moving into a house with a basement den and I want a projector for films at night. The walls are "
                  "painted dark grey already and the screen would be about three metres from the sofa."),
    ("greyscale", "How bright does it need to be if no light gets in at all?"),
    ("lumenhead", "No windows down there, so it is properly dark once the door is shut."),
    ("vintagevalve", "oled i think"),
    ("greyscale", "Then almost anything with a decent contrast ratio will do, and a laser light source saves you the "
                  "lamp changes every couple of years. I would spend the money on the screen before anything else."),
    ("hushmode", "Watch the fan noise. In a small room a loud fan ruins the quiet scenes more than a dim picture does, "
                 "so check the decibel figure in eco mode rather than the brochure's best case."),
]  # fmt: skip


def _card(name: str, k: int) -> str:
    """A poster's card, the post's header and its reaction bar, as XenForo-style boards print them."""
    return (
        f"<div class='message-user'><h4 class='message-name'><a href='/members/{name}.{k}/'>{name}</a></h4>"
        "<h5 class='userTitle'>Active Member</h5>"
        f"<dl class='pairs'><dt>Joined</dt><dd>Mar {k + 1}, 2019</dd></dl>"
        f"<dl class='pairs'><dt>Messages</dt><dd>{120 * k + 31}</dd></dl>"
        f"<dl class='pairs'><dt>Reaction score</dt><dd>{40 * k + 7}</dd></dl></div>"
        f"<header class='message-attribution'><ul><li><a href='/posts/{k}/'>Sep {k + 2}, 2024</a></li>"
        f"<li><a href='/posts/{k}/share'>#{k + 1}</a></li></ul></header>"
    )


def thread_page(posts: list[tuple[str, str]], signature: str = "") -> str:
    messages = "".join(
        f"<article class='message'>{_card(name, k)}<div class='message-content'>"
        f"<div class='bbWrapper message-body'>{text}</div>"
        + (f"<aside class='message-signature'><div class='bbWrapper'>{signature}</div></aside>" if signature else "")
        + "<footer class='message-footer'><a href='#'>Like</a> <a href='#'>Quote</a> <a href='#'>Reply</a>"
        "</footer></div></article>"
        for k, (name, text) in enumerate(posts)
    )
    return (
        "<html><head><title>Which projector for a dark room?</title></head><body>"
        "<nav><a href='/'>Forums</a> <a href='/whats-new/'>What's new</a> <a href='/login'>Log in</a></nav>"
        f"<h1>Which projector for a dark room?</h1><div class='block-body'>{messages}</div>"
        "<footer><a href='/terms'>Terms and rules</a> <a href='/privacy'>Privacy policy</a></footer></body></html>"
    )


def test_a_short_post_between_posters_cards_is_kept() -> None:
    """A post of three words between two posters' cards (name, title, counts, dates) is a post: its place is
    where the thread's other posts print their bodies (evidence.post-body)."""
    r = boilerstrip.extract(thread_page(POSTS), url=THREAD_URL)
    assert "oled i think" in r.text
    assert "How bright does it need to be" in r.text and "Watch the fan noise" in r.text
    assert "Reaction score" not in r.text and "Terms and rules" not in r.text
    lifted = [v for v in r.blocks if any(s.rule == "evidence.post-body" for s in v.signals)]
    assert {v.block.text for v in lifted} >= {"oled i think", "How bright does it need to be if no light gets in at all?"}


def test_the_same_page_off_a_thread_hears_no_post_bodies() -> None:
    """The post-body lift is heard on threads only: off one the same shape is an article's comment section."""
    r = boilerstrip.extract(thread_page(POSTS), url="https://www.example.org/home-cinema/projectors")
    assert all(s.weight == 0.0 for v in r.blocks for s in v.signals if s.rule == "evidence.post-body")


def test_signatures_are_not_the_posts_place() -> None:
    """Every post carries the same signature, sentence-shaped and long enough to be prose; the posts' place is
    the one holding more prose, so the signature is not lifted."""
    signature = "Epson in the den, an old Sony in the loft, and far too many cables in the drawer under the stairs."
    r = boilerstrip.extract(thread_page(POSTS, signature), url=THREAD_URL)
    lifted = {v.block.text for v in r.blocks if any(s.rule == "evidence.post-body" for s in v.signals)}
    assert "oled i think" in lifted and signature not in lifted


def test_a_link_preview_card_in_a_post_is_not_the_post() -> None:
    """The card a board prints under a pasted link (the linked page's title, summary and host) is that page's
    text; the post that pasted it is kept."""
    card = ("<aside class='onebox allowlistedgeneric'><header class='source'><a href='https://reviews.example.net/'>"
            "reviews.example.net</a></header><article class='onebox-body'><h3><a href='https://reviews.example.net/"
            "p/4'>Projector brightness explained for home cinema rooms</a></h3><p>Our lab measured fourteen "
            "projectors in a room with no windows and compared what their lumen ratings promise with the light "
            "that reaches the screen.</p></article></aside>")
    posts = [POSTS[0], ("greyscale", f"<p>This helped me pick one last year.</p>{card}"), *POSTS[2:]]
    r = boilerstrip.extract(thread_page(posts), url=THREAD_URL)
    assert "This helped me pick one last year." in r.text and "oled i think" in r.text
    assert "Our lab measured fourteen projectors" not in r.text


def _block(i: int, text: str, post: int, where: tuple[str, ...] = ("bbwrapper", "message-body")) -> Block:
    return Block(index=i, text=text, attrs=" ".join(where), attr_levels=where, containers=(1, 10 + post),
                 path="body>div>article>div>div")  # fmt: skip


def test_post_bodies_need_three_posts_of_prose() -> None:
    """Two posts of prose beside a short one are too few to call a place the thread's posts; with a third the
    short one is lifted, and so are the others under POST_SHORT_CHARS, but not a post long enough on its own."""
    prose = "I rolled back to the previous firmware from the support page and it has been stable for days since."
    two = [_block(0, prose, 0), _block(1, "Same here.", 1), _block(2, prose.replace("days", "weeks"), 2)]
    three = [*two, _block(3, prose + " " + prose.replace("firmware", "version"), 3)]
    page = PageInfo(kind="html")

    def lifted(blocks: list[Block]) -> set[int]:
        return {s.block for s in EvidenceDetector().detect(blocks, page) if s.rule == "evidence.post-body"}

    assert lifted(two) == set()
    assert lifted(three) == {0, 1, 2}
    elsewhere = [*two, _block(3, prose, 3, ("sidebar", "widget"))]
    assert lifted(elsewhere) == set()


def test_a_title_shaped_post_under_its_date_is_no_teaser() -> None:
    """A reply without a full stop right under its post's date ("Bang on the money except the asking price") has a
    teaser's shape; on a thread that shape is no evidence (pipeline.THREAD_SCALE), and the post is kept."""
    posts = [*POSTS[:3], ("vintagevalve", "Bang on the money except the asking price"), *POSTS[4:]]
    r = boilerstrip.extract(thread_page(posts), url=THREAD_URL)
    (post,) = [v for v in r.blocks if v.block.text.startswith("Bang on the money")]
    assert post.kept
    assert not any(s.rule == "teasers.shape" and s.weight for s in post.signals)


def test_a_machine_summary_and_similar_threads_are_not_the_thread() -> None:
    """A generated summary box above the posts (widgets.ai-summary-class) and the "Similar threads" list under
    them (teasers.label) go; the posts stay."""
    summary = (
        "<div class='block ai-summary'><h3>Discussion overview</h3><div class='ai-summary-body'>"
        "<p>The discussion revolves around choosing a projector for a dark basement room, with participants "
        "weighing brightness, contrast, fan noise and the cost of the screen against each other.</p></div></div>"
    )
    similar = (
        "<div class='block'><h3>Similar threads</h3><ul>"
        + "".join(f"<li><a href='/threads/{k}/'>Best budget projector for a bright living room {k}</a></li>"
                  for k in range(4))  # fmt: skip
        + "</ul></div>"
    )
    page = thread_page(POSTS).replace("<div class='block-body'>", summary + "<div class='block-body'>", 1)
    page = page.replace("<footer><a href='/terms'>", similar + "<footer><a href='/terms'>", 1)
    r = boilerstrip.extract(page, url=THREAD_URL)
    assert "The discussion revolves around" not in r.text
    assert "Similar threads" not in r.text and "bright living room" not in r.text
    assert "Watch the fan noise" in r.text and "oled i think" in r.text


def _with_tail(page: str, tail: str) -> str:
    """The thread page with ``tail`` printed after the last post, inside the thread's container."""
    return page.replace("</div><footer><a href='/terms'>", f"{tail}</div><footer><a href='/terms'>")


TAIL = ("<div class='block-outer'><p>You can reply once you have an account.</p>"
        "<p>Find more threads like this one here.</p></div>")  # fmt: skip


def test_the_boards_lines_after_the_last_post_are_not_a_post() -> None:
    """Sentence-shaped lines after the thread's last post, outside it (the reply box's prompt, the "more threads"
    line) are the board's chrome (evidence.thread-tail); the last post itself is kept."""
    r = boilerstrip.extract(_with_tail(thread_page(POSTS), TAIL), url=THREAD_URL)
    assert "Watch the fan noise" in r.text and "oled i think" in r.text
    assert "You can reply once" not in r.text and "Find more threads like this one" not in r.text


def test_a_post_after_the_last_one_in_place_ends_no_tail_before_it() -> None:
    """A post the posts' place missed (another layout's) is prose after the last post: the tail starts after it, so
    neither it nor a short line beside it is marked; a footer's copyright line is no such post."""
    missed = ("<div class='reply-nested'><div class='text'>Same here.</div><div class='text'>Mine sits on a shelf at "
              "the back and the fan is the only thing I ever hear in a quiet scene.</div></div>")  # fmt: skip
    r = boilerstrip.extract(_with_tail(thread_page(POSTS), missed), url=THREAD_URL)
    tail = {v.block.text for v in r.blocks if any(s.rule == "evidence.thread-tail" for s in v.signals)}
    assert not tail & {"Same here.", "Mine sits on a shelf at the back and the fan is the only thing I ever hear in a "
                       "quiet scene."}  # fmt: skip
    footer = "<footer><p>Forum software copyright 2024 by its makers and licensed to the owners of this board.</p></footer>"
    r = boilerstrip.extract(_with_tail(thread_page(POSTS), TAIL + footer), url=THREAD_URL)
    assert "You can reply once" not in r.text


def test_a_sentence_shaped_signature_under_every_post_is_dropped() -> None:
    """A member's signature is sentence-shaped prose; on a thread its markup weighs more (pipeline.SIGNATURE_SCALE)
    than that shape, so it goes while the posts above it stay."""
    signature = "Epson in the den, an old Sony in the loft, and far too many cables in the drawer under the stairs."
    r = boilerstrip.extract(thread_page(POSTS, signature), url=THREAD_URL)
    assert "Watch the fan noise" in r.text and "oled i think" in r.text
    assert signature not in r.text


def wet_thread(posts: list[tuple[str, str]]) -> str:
    """The thread printed as a WET record prints it: every text node on a line of its own, no blank lines."""
    out = ["Forums", "What's new", "Log in", "Which projector for a dark room?"]
    for k, (name, text) in enumerate(posts):
        out += [name, "Active Member", "Joined", f"Mar {k + 1}, 2019", "Messages", str(120 * k + 31),
                f"Sep {k + 2}, 2024", f"#{k + 1}", "Add to quote", text, "Like", "Quote", "Reply", "Share", "Report"]
    return "\n".join([*out, "Terms and rules", "Privacy policy"])


def test_a_wet_dump_of_a_thread_keeps_every_post() -> None:
    """Printed one text node a line, each post stands among a dozen lines of its frame (name, counts, date,
    buttons); those lines recur with every post, so the thread's region steps over them and takes the posts
    after the first (decide.post_frames), while the frame itself goes."""
    r = boilerstrip.extract(wet_thread(POSTS), url=THREAD_URL, kind="text")
    for _, text in POSTS:
        if len(text) > 40:
            assert text in r.text
    assert "Add to quote" not in r.text and "Terms and rules" not in r.text


def _quoting(name: str, quoted: str, reply: str) -> str:
    """A reply that quotes another post in a XenForo-style quote box: a linked "<name> said:" over the words."""
    return (
        f"<blockquote class='bbCodeBlock bbCodeBlock--quote'><div class='bbCodeBlock-title'>"
        f"<a href='/goto/post?id=1' class='bbCodeBlock-sourceJump'>{name} said:</a></div>"
        f"<div class='bbCodeBlock-content'><div class='bbCodeBlock-expandContent'>{quoted}</div></div>"
        f"</blockquote>{reply}"
    )


def test_a_quote_header_in_a_reply_is_kept() -> None:
    """A reply's "<name> said:" over the words it quotes is the reply's own line, though it is a link and the
    same header stands over each quote of that post (evidence.quote-header); the poster's card is not kept."""
    quoted = "How bright does it need to be if no light gets in at all?"
    posts = [*POSTS[:4], ("lumenhead", _quoting("greyscale", quoted, "None at all, it is a basement.")),
             ("hushmode", _quoting("greyscale", quoted, "Dark rooms forgive a dim lamp.")), *POSTS[4:]]  # fmt: skip
    r = boilerstrip.extract(thread_page(posts), url=THREAD_URL)
    assert r.text.count("greyscale said:") == 2
    assert "None at all, it is a basement." in r.text and "Reaction score" not in r.text


def test_an_ad_managers_unit_between_posts_is_no_post() -> None:
    """A board's ad-manager add-on prints its text units between posts (a title link, an offer in ad copy's
    terse sentences) in samItem boxes: that box is an ad slot (widgets.ad-class), the posts around it stay."""
    offer = "Double rewards for business owners! Sign up today with code SAVE20 and unlock 20,000 bonus points."
    unit = (
        "<div class='samTextUnit samDisplayFlexbox'><div class='samItem samItemBanner'><div class='samItemContent'>"
        "<div class='samItemTitle'><a href='https://pay.example.com/'>Triple points on your spend!</a></div>"
        f"<div class='samItemDescription'>{offer}</div></div></div></div>"
    )
    page = thread_page(POSTS).replace("</article><article", "</article>" + unit + "<article", 1)
    r = boilerstrip.extract(page, url=THREAD_URL)
    assert offer not in r.text
    assert "Moving into a house" in r.text and "How bright does it need to be" in r.text


SIDE_COLUMN = [
    "Linked",
    "Which projector lens shift do I need for a ceiling mount?",
    "Is a grey screen worth it in a room with no windows?",
    "How far from the wall should a short throw projector sit?",
    "Hot Network Questions",
    "Why does my amplifier hum only when the projector is on?",
    "Can a laser projector burn in like an old plasma panel?",
]


def test_a_dumps_lines_after_the_last_reply_prompt_are_not_the_thread() -> None:
    """A Q&A dump: the posts, the reply box's login prompt, then the side column's similar questions, one short
    line each; after the last prompt and the last post-long line they are the board's chrome, not posts."""
    posts = "\n\n".join(f"{name}\n{text}" for name, text in POSTS)
    dump = f"Which projector for a dark room?\n\n{posts}\n\nYou must log in to answer this question.\n\n"
    r = boilerstrip.extract(dump + "\n".join(SIDE_COLUMN) + "\n", url=THREAD_URL, kind="text")
    assert "Watch the fan noise" in r.text and "properly dark once the door is shut" in r.text
    assert not any(line in r.text for line in SIDE_COLUMN)


QA_URL = "https://answers.example.net/questions/4417/which-projector-for-a-dark-room"
COMMENTS = [
    ("greyscale", "Does the room have a door you can close, or is it open to the stairs?"),
    ("hushmode", "Worth checking whether the ceiling is high enough for a mount before buying anything."),
]


def _qa_dump(wet: bool) -> str:
    """A Q&A page as a dump prints it: the question and each answer, each answer's comments under it, each comment
    signed with its commenter and stamped ("Commented <date>"; a WET dump prints the word and the date apart)."""
    out = ["Which projector for a dark room?"]
    for k, (name, text) in enumerate(POSTS[:3] + POSTS[4:]):
        out += [text, f"answered Mar {k + 1}, 2024 at 9:1{k}", name]
        for who, comment in COMMENTS:
            stamp = ["Commented", f"Mar {k + 2}, 2024 at 10:0{k}"] if wet else [f"Commented Mar {k + 2}, 2024 at 10:0{k}"]
            out += [comment, who, f"2024-03-0{k + 2} 10:0{k}:00Z", *stamp]
    return "\n".join(out) + "\n"


def test_a_dumps_stamped_comments_under_answers_are_not_posts() -> None:
    """Each comment under a Q&A page's answers, signed and stamped "Commented <date>", goes with its signature;
    the answers stay, in an innerText dump and in a WET one alike."""
    for wet in (False, True):
        r = boilerstrip.extract(_qa_dump(wet), url=QA_URL, kind="text")
        assert "Watch the fan noise" in r.text and "laser light source saves you" in r.text
        assert not any(comment in r.text for _, comment in COMMENTS)



SITE_FOOTER = [
    "Related threads",
    "Which screen gain suits a room with no windows?",
    "Projector fan noise in eco mode",
    "This community is a place for home cinema fans to talk about projectors, screens, sound systems and the rooms "
    "they build around them, from their first setups in a spare bedroom to dedicated theatres with acoustic panels.",
    "Terms of Use",
    "When you buy through links on this site we may earn a commission, which helps pay for the servers and keeps the "
    "forum free to read for everyone who drops by with a question about their own room and their own projector.",
]


def test_a_dumps_side_column_after_the_reply_prompt_goes_though_it_holds_long_lines() -> None:
    """After the last reply prompt a board's related-threads box, its blurb and its footer's disclaimer follow: the
    long lines after the side column's label are the footer, not replies, so the tail still starts at the prompt."""
    posts = "\n\n".join(f"{name}\n{text}" for name, text in POSTS)
    dump = f"Which projector for a dark room?\n\n{posts}\n\nPost Reply\n\n" + "\n".join(SITE_FOOTER) + "\n"
    r = boilerstrip.extract(dump, url=THREAD_URL, kind="text")
    assert "Watch the fan noise" in r.text and "properly dark once the door is shut" in r.text
    tail = [v.block.text for v in r.blocks if any(s.rule == "widgets.thread-tail" for s in v.signals)]
    assert tail == SITE_FOOTER
