"""Widgets: share bars, newsletter/subscribe boxes, app badges, comment widgets and
login prompts, paywalls, ad labels, print/e-mail/font-size tools, page feedback.

The data rules (``rules/widgets.toml``) carry nearly everything: class tokens of
widget containers, and their labels and prompts in ten languages, anchored to the
whole block where a single word ("Reply", "Share", "Print") would also be prose.
Comment classes weigh only -0.5, because forum posts are content and some forum
software wraps them in "comment" classes; the strong comment evidence is the
prompts ("Leave a reply", "log in or register") on short blocks.

Structural checks (HTML only): ``widgets.landmark-form`` for short blocks inside a
<form> (comment forms, search boxes, sign-up forms) that holds little text; a form
that wraps pages of text (ASP.NET's page-wide form, a forum's moderation form
around every post) is the page, not a widget. ``widgets.landmark-dialog``
for modals (role="dialog"), ``widgets.landmark-comments`` for a comments landmark.
``widgets.post-comments`` for comments under posts (see _post_comments): unlike the comment
classes, it still counts on a thread, where the posts themselves are content.
``widgets.thread-tail`` (dumps) for the short lines after a thread's last reply prompt (see _dump_thread_tail),
``widgets.stamped-comment`` (dumps) for a Q&A page's comments signed "Commented <date>" (_dump_stamped_comments).
``widgets.author-bio`` for the blocks of an author's bio box (see _in_author_bio), and (HTML and dumps)
for a short paragraph that opens with the declared author's full name and a bio's verb.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import regex

from ..model import Block, PageInfo, Signal
from ..rules import load_table
from .base import RuleDetector


class WidgetsDetector(RuleDetector):
    """Flags share, subscribe, app, comment, login, paywall, ad and tool widgets."""

    name: ClassVar[str] = "widgets"

    def __init__(self, extra_rules: Iterable[Mapping[str, Any]] = ()) -> None:
        super().__init__(extra_rules)
        self.weights: Mapping[str, float] = {k: float(v) for k, v in load_table(self.name)["weights"].items()}
        self.form_max = int(self.params.get("form_max_chars", 200))
        self.form_wrap = int(self.params.get("form_wrap_chars", 2000))
        bio = load_table(self.name)["author_bio"]
        self.author_box = _names(bio["names"])
        self.bio_box = _names(bio["bio_names"])
        self.writer = regex.compile("|".join(bio["writer_words"]))
        self.bio_levels = int(bio["levels"])
        self.bio_max = int(bio["bio_max_chars"])
        labels = load_table(self.name)["thread_tail"]["side_labels"]
        self.side_label = regex.compile(rf"^\W{{0,2}}(?:{'|'.join(map(regex.escape, labels))})\W{{0,2}}$", regex.IGNORECASE)

    def detect(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        commented: set[int] = set()
        prompts: set[int] = set()
        profile: set[int] = set()
        for s in self.rule_signals(blocks, page):
            if s.rule == COMMENT_CLASS_RULE and s.weight <= COMMENT_NEAR:
                commented.add(s.block)
            elif s.rule == COMMENT_PROMPT_RULE:
                prompts.add(s.block)
            elif s.rule == PROFILE_FIELD_RULE:
                profile.add(s.block)
            yield s
        yield from self.structural(blocks, page)
        if page.kind == "text" and profile:
            yield from _dump_signatures(blocks, frozenset(profile), self.weights["dump_signature"])
        if page.kind == "text":
            yield from _dump_stamped_comments(blocks, self.weights["dump_stamped_comment"])
        if page.kind == "text" and prompts:
            yield from _dump_thread_tail(blocks, max(prompts), self.side_label, self.weights["dump_thread_tail"])
        if page.kind == "html" and commented:
            weights = (self.weights["post_comments"], self.weights["post_comments_signed"])
            yield from _post_comments(blocks, frozenset(commented), frozenset(prompts), weights)

    def structural(self, blocks: Sequence[Block], page: PageInfo) -> Iterator[Signal]:
        w = self.weights
        bio_names = self._bio_names(page)
        if page.kind != "html":
            # A dump has no bio box to see, but a bio still opens with the author's name: the writer's note
            # under a story is sentence-shaped prose that the region takes with it (WCXB-500 dumps: +.0005)
            yield from (self._bio_signal(b) for b in self._dump_bios(blocks, bio_names))
            return
        wrapped = _in_long_runs(blocks, "form", self.form_wrap)
        for b in blocks:
            if self._in_author_bio(b):
                yield Signal(b.index, w["author_bio"], "widgets.author-bio", "inside an author's bio box")
            elif self._opens_bio(b, bio_names):
                yield self._bio_signal(b)
            marks = b.landmarks
            if not marks:
                continue
            if "form" in marks and len(b.text) <= self.form_max and b.index not in wrapped:
                yield Signal(
                    b.index, w["landmark_form"], "widgets.landmark-form", "short block inside a <form>"
                )
            if "dialog" in marks:
                yield Signal(b.index, w["landmark_dialog"], "widgets.landmark-dialog", "inside a dialog")
            if "comments" in marks:
                yield Signal(b.index, w["landmark_comments"], "widgets.landmark-comments", "inside comments")

    def _bio_names(self, page: PageInfo) -> tuple[str, ...]:
        """The page's declared authors' full names, lower-cased, whose bio a paragraph may open."""
        return tuple(n.lower() for n in page.metadata.authors if len(n.split()) >= 2)

    def _opens_bio(self, b: Block, names: tuple[str, ...]) -> bool:
        """Whether the block is short and opens as a bio of one of ``names`` ("Dana Whitfield is a staff
        reporter ...", "About Dana Whitfield, ...")."""
        if not names or len(b.text) > self.bio_max:
            return False
        lower = b.text.lower()
        start = m.end() if (m := BIO_ABOUT.match(lower)) else 0
        return any(
            lower.startswith(n, at) and BIO_TAIL.match(lower, _past_repeat(lower, n, at + len(n))) is not None
            for n in names
            for at in {start, 0}
        )

    def _dump_bios(self, blocks: Sequence[Block], names: tuple[str, ...]) -> list[Block]:
        """A dump's bios: paragraphs that open with a declared author's name, and the one paragraph that opens
        with the name its box printed on a line just above it ("Ann Lee" or "By Ann Lee", then "Ann Lee is
        ..." or "Ann is ..."). Where several do (a team page's members), those are the page's text."""
        declared = [b for b in blocks if self._opens_bio(b, names)]
        seen = {b.index for b in declared}
        # the name lines first: most lines have none above them, and the bio's verb is then not searched
        heads = {k: m.group(1).lower() for k, h in enumerate(blocks) if len(h.text) <= BIO_HEAD_CHARS
                 and (m := BIO_HEAD.fullmatch(h.text.strip())) is not None}  # fmt: skip
        headed = [b for b in blocks if b.index not in seen and self._opens_headed_bio(heads, b)]
        return declared + headed if len(headed) == 1 else declared

    def _opens_headed_bio(self, heads: Mapping[int, str], b: Block) -> bool:
        """Whether a short paragraph opens as a bio of a name printed alone within BIO_HEAD_BLOCKS above it
        (``heads``: by position, the lower-cased names that lines print alone); by the first name alone only
        when it speaks of its person as "he" or "she"."""
        if len(b.text) > self.bio_max:
            return False
        above = [heads[k] for k in range(max(0, b.index - BIO_HEAD_BLOCKS), b.index) if k in heads]
        if not above or BIO_TAIL.search(b.text) is None:
            return False
        for full in above:
            if self._opens_bio(b, (full,)):
                return True
            if BIO_PRONOUN.search(b.text) and self._opens_bio(b, (full.split()[0],)):
                return True
        return False

    def _bio_signal(self, b: Block) -> Signal:
        return Signal(
            b.index, self.weights["author_bio"], "widgets.author-bio", "opens with the declared author's name, as a bio"
        )

    def _in_author_bio(self, b: Block) -> bool:
        """Whether a class name of the block's nearest classed elements names an author's bio box."""
        if "bio" not in b.attrs and "author" not in b.attrs:  # every name holds one: most blocks stop here
            return False
        near = " ".join(b.attr_levels[: self.bio_levels])
        if self.author_box.search(near):
            return True
        return self.bio_box.search(near) is not None and self.writer.search(near) is not None


def _past_repeat(lower: str, name: str, end: int) -> int:
    """Past the name printed again ("By Ann Lee Ann Lee is ..."): a dump glues a box's byline to its bio."""
    return end + 1 + len(name) if lower.startswith(" " + name, end) else end


def _names(alternatives: Iterable[str]) -> regex.Pattern[str]:
    """One pattern for whole class names (or their "_"/"-" parts) of the given shapes."""
    return regex.compile(r"(?<![^\s_-])(?:" + "|".join(alternatives) + r")(?![^\s_-])")


def _in_long_runs(blocks: Sequence[Block], landmark: str, min_chars: int) -> frozenset[int]:
    """Indexes of the blocks in runs of consecutive blocks inside ``landmark`` holding ``min_chars`` or more."""
    found: set[int] = set()
    run: list[Block] = []
    for b in (*blocks, None):
        if b is not None and landmark in b.landmarks:
            run.append(b)
            continue
        if sum(len(x.text) for x in run) >= min_chars:
            found.update(x.index for x in run)
        run = []
    return frozenset(found)


#: what may stand before the author's name at a bio's opening, and the verb after it (matched on
#: lower-cased text). The name itself is compared as text: a pattern compiled per page's authors cost
#: about a millisecond a page.
BIO_ABOUT = regex.compile(r"(?:about|by)\s+")
#: a bio box's heading in a dump: the name alone on its line, two to four capitalised words, perhaps after
#: "By" or "About" ("Ann Lee", "By Sam O'Brien"); within a few blocks above the bio (a role line between)
BIO_HEAD = regex.compile(r"(?i:(?:written\s+)?by\s+|about\s+)?(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})")
BIO_HEAD_CHARS = 60
BIO_HEAD_BLOCKS = 3
#: a bio opened by the first name alone ("Sam is the VP of ...") speaks of its person in the third person
BIO_PRONOUN = regex.compile(r"\b(?:he|she|his|her|him)\b", regex.I)
BIO_TAIL = regex.compile(
    rf"(?<![\s,]),?\s++(?:{'|'.join(load_table('widgets')['author_bio']['bio_verbs'])})\b", regex.IGNORECASE
)
COMMENT_CLASS_RULE = "widgets.comments-class"
COMMENT_PROMPT_RULE = "widgets.comment-prompt"
PROFILE_FIELD_RULE = "widgets.profile-field"
#: a comment class counts for _post_comments from this weight down: on the block or a few levels
#: above it; many levels up (a CSS-in-JS wrapper of a docs page's every step) it places nothing
COMMENT_NEAR = -0.2
#: a block of a post's or a comment's text: this long, mostly unlinked
POST_BODY_CHARS = 60
POST_BODY_LINKS = 0.5


def _post_comments(
    blocks: Sequence[Block], commented: frozenset[int], prompts: frozenset[int], weights: tuple[float, float]
) -> Iterator[Signal]:
    """Comment-marked blocks inside posts that each carry comments: the comments under a Q&A page's
    question and answers.

    Some forum software wraps every reply in comment classes, so on a thread comment markup
    is no evidence by itself (pipeline THREAD_SCALE). What sets the comments under posts apart
    is the repetition: two or more sibling elements (the question and the answers, or two
    answers) each hold both a post's own text, outside comment markup, and a comment: the
    text of one (comment-marked, as long as a post's sentence) or the prompt to write one
    ("Add a comment" in comment markup); other short blocks (a sign-up form's labels in a
    promo box that uses comment classes) do not count. A thread whose replies are comment-marked has one such element at most (the
    first post with the replies after it). Inside those elements every comment-marked block
    goes, also the commenters' names and the "Add a comment" links; a signed comment's text (_signed) weighs
    the second of ``weights``.
    """
    # per container: its children holding post text, and its children holding comments
    with_body: dict[int, set[int]] = defaultdict(set)
    with_comments: dict[int, set[int]] = defaultdict(set)
    for b in blocks:
        if b.index in commented and b.index in prompts:
            into = with_comments
        elif len(b.text) < POST_BODY_CHARS or b.link_density >= POST_BODY_LINKS:
            continue
        else:
            into = with_comments if b.index in commented else with_body
        cs = b.containers
        for d in range(len(cs) - 1):
            into[cs[d]].add(cs[d + 1])
    posts: set[int] = set()
    for c, kids in with_comments.items():
        both = kids & with_body.get(c, set())
        if len(both) >= 2:
            posts.update(both)
    if not posts:
        return
    for i in sorted(commented):
        if posts.isdisjoint(blocks[i].containers):
            continue
        if _signed(blocks, i):
            yield Signal(i, weights[1], "widgets.post-comments", "signed comment under one of several posts")
        else:
            yield Signal(i, weights[0], "widgets.post-comments", "comment under one of several posts that carry comments")


#: a comment's signature: within this many blocks after its text, in the text's own element, lines this short
SIGNER_LOOKAHEAD = 3
SIGNER_CHARS = 40


def _signed(blocks: Sequence[Block], i: int) -> bool:
    """Whether comment text ``i`` is signed: in its own element, a short link (the commenter) and a short line
    with digits (the time, or the name and time together) follow it."""
    b = blocks[i]
    if len(b.text) < POST_BODY_CHARS or not b.containers:
        return False
    own = b.containers[-1]
    after = [x for x in blocks[i + 1 : i + 1 + SIGNER_LOOKAHEAD] if own in x.containers and len(x.text) <= SIGNER_CHARS]
    name = any(x.links == 1 and x.link_density >= POST_BODY_LINKS for x in after)
    return name and any(any(c.isdigit() for c in x.text) for x in after)


#: a Q&A comment's stamp printed on a line of its own under it: the word, then its date ("Commented May 2, 2009
#: at 0:53"); a post's stamp says "answered" or "asked" and stays
_STAMP_WORD = r"(?:commented|kommentiert|commenté|comentado|commentato|gereageerd|прокомментировал\w*)"
COMMENT_STAMP = regex.compile(rf"^{_STAMP_WORD}\s+(?=[^\n]*\d).{{3,40}}$", regex.IGNORECASE)
COMMENT_STAMP_WORD = regex.compile(rf"^{_STAMP_WORD}$", regex.IGNORECASE)
#: the stamp's date on its own line: short, with a digit
STAMP_DATE = regex.compile(r"^(?=[^\n]*\d)[^\n]{3,40}$")
#: the commenter's name and the raw time between a comment and its stamp: this many lines of at most SIGNER_CHARS
STAMP_LOOKBACK = 4


def _dump_stamped_comments(blocks: Sequence[Block], weight: float) -> Iterator[Signal]:
    """In a text dump, the comments a Q&A page prints under its question and answers, each signed with a stamp.

    The dump's counterpart of the signed comments _post_comments finds by their markup: a comment's text, then
    its commenter's name (and the raw time) on short lines, then "Commented <date>". The stamp, the short lines
    and the text line above them go. Heard on threads only (pipeline.THREAD_ONLY_SCALE), where comment markup
    is silent and the posts' region takes the comments with it.
    """
    for b in blocks:
        end = b.index
        if COMMENT_STAMP_WORD.match(b.text) and end + 1 < len(blocks) and STAMP_DATE.match(blocks[end + 1].text):
            end += 1  # a WET dump prints the word and its date on lines of their own
        elif not COMMENT_STAMP.match(b.text):
            continue
        start = b.index
        while start > 0 and b.index - start < STAMP_LOOKBACK and len(blocks[start - 1].text) <= SIGNER_CHARS:
            start -= 1
        if start > 0 and not COMMENT_STAMP.match(blocks[start - 1].text):
            start -= 1  # the comment's text
        for i in range(start, end + 1):
            yield Signal(i, weight, "widgets.stamped-comment", "a Q&A comment, its signature and its stamp")


#: a line this long after the last reply prompt is a post (the prompt sat above the replies): the tail starts after it
DUMP_TAIL_POST_CHARS = 200


def _dump_thread_tail(blocks: Sequence[Block], prompt: int, side_label: regex.Pattern[str],
                      weight: float) -> Iterator[Signal]:  # fmt: skip
    """In a text dump, the short lines after the last reply prompt: the board's chrome under the thread.

    The prompt ("You must log in to answer this question.", "Post reply") is where the reply box
    sits, under the last post; what a dump prints after it is the side column (similar questions,
    the network's hot list, the site's blog) and the footer, all short lines the thread's region
    takes with it. Heard on threads only (pipeline.THREAD_ONLY_SCALE), as the HTML path's
    evidence.thread-tail: beside an article, the lines after "Leave a comment" are the comments.
    A long line after the prompt is a reply (the prompt sat above the replies) unless a side-column label
    ("Related threads") came before it: then it is the site's blurb or its disclaimer in the footer.
    """
    after = blocks[prompt + 1 :]
    side = next((k for k, b in enumerate(after) if side_label.match(b.text)), len(after))
    posts = [k for k, b in enumerate(after[:side]) if len(b.text) >= DUMP_TAIL_POST_CHARS]
    for b in after[posts[-1] + 1 if posts else 0 :]:
        yield Signal(b.index, weight, "widgets.thread-tail", "after the thread's last reply prompt")


#: a dump's signature is at most this many lines of at most this many characters...
SIGNATURE_LINES = 2
SIGNATURE_CHARS = 160
#: ...after profile fields that follow a post's own text: a line at least this long
SIGNATURE_POST_CHARS = 60


def _dump_signatures(blocks: Sequence[Block], profile: frozenset[int], weight: float) -> Iterator[Signal]:
    """In a text dump, the lines that close a paragraph after a post's profile fields: a signature.

    A forum that prints the poster's card after each post (name, rank, "Posts: 214",
    "Joined: ...") prints the signature under it, with no blank line between; a post body
    is set off by one. Only when the paragraph begins with the post's own text: where the
    card comes first ("Posts: 214" and then the post), the lines after it are the post.
    """
    groups: dict[int, list[Block]] = defaultdict(list)
    for b in blocks:
        if b.group >= 0:
            groups[b.group].append(b)
    for lines in groups.values():
        last = max((k for k, b in enumerate(lines) if b.index in profile), default=-1)
        tail = lines[last + 1 :]
        if last < 0 or not tail or len(tail) > SIGNATURE_LINES or any(len(b.text) > SIGNATURE_CHARS for b in tail):
            continue
        if len(lines[0].text) < SIGNATURE_POST_CHARS or lines[0].index in profile:
            continue
        for b in tail:
            yield Signal(b.index, weight, "widgets.signature-line", "closes a paragraph after a post's profile fields")


