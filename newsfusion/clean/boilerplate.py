"""Line-level boilerplate removal for scraped article text.

Each line of a page is judged from cues that hold across outlets, not from a list of known
lines: what the line says (the patterns in `cues.py`), how it is laid out (short, no sentence
punctuation, title case, nothing but names), where it stands (above the story, under a
"Related" header, in the trailing run after the last paragraph), whether it shares words with
the story (a linked headline about something else shares none), whether it repeats another
line (a pull quote, a duplicated caption), and whether the same outlet printed it in earlier
articles. A line that reads as a paragraph of prose is kept unless a strong cue matches it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from rapidfuzz.distance import LCSseq
from wordfreq import zipf_frequency

from . import cues
from .credits import Credits, read_credit_line

# --- words ---------------------------------------------------------------------------------

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves says said say new one two three first last year years""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def content_words(text: str) -> set[str]:
    """Lower-cased words that carry meaning: no stopwords, no numbers, at least 3 letters."""
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) >= 3 and word not in STOPWORDS:
            words.add(word)
    return words


def topic_overlap(line: str, body_words: set[str]) -> float:
    """Share of a line's content words that also occur in the article body (1.0 for no words)."""
    words = content_words(line)
    if not words:
        return 1.0
    return len(words & body_words) / len(words)


# --- line shapes ---------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$|[\"”]$")
# A headline may end with a question, quoted or not: "... 'Who here is making promises?'"
_QUESTION_END = re.compile(r"\?[\"'”’]*\s*$")
# List items ("10) ...", "• ...") belong to whatever they are listed under.
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪◦⦁*–—-]\s|\(?\d{1,3}[.)]\s|[a-z][.)]\s)")


# Line shapes are asked for many times per line by the rules below; remember recent answers.
_CACHE = 8192


@lru_cache(maxsize=_CACHE)
def word_count(line: str) -> int:
    return len(line.split())


@lru_cache(maxsize=_CACHE)
def is_prose(line: str) -> bool:
    """A paragraph of running text: enough words and sentence punctuation."""
    words = word_count(line)
    return words >= 15 or (words >= 8 and bool(_SENTENCE_END.search(line)))


def is_headline_shaped(line: str) -> bool:
    """Short, and not ending like a sentence (a headline may end with a question mark)."""
    words = word_count(line)
    return 1 <= words <= 30 and (not _SENTENCE_END.search(line) or bool(_QUESTION_END.search(line)))


def is_title_case(line: str) -> bool:
    """Most longer words capitalised, as headlines are set by many outlets."""
    words = [word for word in re.findall(r"[^\W\d_][\w'’-]*", line) if len(word) >= 4]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


# --- thresholds ----------------------------------------------------------------------------

# Lines longer than this are never judged by the short-line cues.
SHORT_LINE_WORDS = 40
# Below this share of words shared with the story, a headline-shaped line at the top or in
# the tail is about something else (a masthead or a linked headline). Set from first
# principles: a line about the story shares at least a third of its content words with it.
MIN_TOPIC_OVERLAP = 1 / 3
# Lines printed in at least this many earlier articles of the same outlet are its template.
OUTLET_REPEAT_ARTICLES = 3
# Only lines this short are counted for outlet repetition: longer ones may be a story's own
# background paragraph, reprinted in its follow-ups.
OUTLET_LINE_MAX_WORDS = 20
# A headline linked under a "Read next" or "Related" header is at most this long; a longer
# line, or a long sentence, means the article has resumed.
LINKED_HEADLINE_MAX_WORDS = 30
LINKED_SENTENCE_MAX_WORDS = 15
# In the tail, a line this short that is not a sentence is a footer item ("Capital Media").
TAIL_FOOTER_MAX_WORDS = 3
# Author bios and sign-offs stand among the last lines of an article, or open an opinion piece.
BIO_WINDOW = 3
BIO_TOP_WINDOW = 2
# A bio can list a career: up to this many words.
BIO_MAX_WORDS = 150
# A sentence repeated inside a longer paragraph is a pull quote when it has at least this
# many words (shorter ones may be ordinary phrases).
PULL_QUOTE_MIN_WORDS = 8

CREDIT = "credit line (kept as metadata)"


@dataclass(frozen=True)
class LineVerdict:
    """One line of the input and whether it stays in the article; `reason` says why not."""

    line: str
    reason: str | None = None

    @property
    def keep(self) -> bool:
        return self.reason is None


@lru_cache(maxsize=_CACHE)
def normalise_line(line: str) -> str:
    """A line reduced to its words, to compare it with titles and with an outlet's other lines."""
    return " ".join(re.findall(r"\w+", line.lower()))


def _same_as_title(line: str, title: str | None) -> bool:
    if not title or len(line) > len(title) + 12:
        return False
    normalised = re.sub(r"(?:\s\d{1,3})+$", "", normalise_line(line))
    return bool(normalised) and normalised == normalise_line(title)


_TRIGGER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def line_cue(line: str) -> str | None:
    """The kind of page furniture a line's own words say it is, if any."""
    words = frozenset(_TRIGGER_WORD.findall(line.lower()))
    reason = cues.STRONG.first(line, words)
    if reason is None and word_count(line) <= SHORT_LINE_WORDS:
        reason = cues.SHORT.first(line, words)
    return reason


def classify_lines(
    lines: Sequence[str],
    title: str | None,
    credits: Credits,
    scraped: bool = True,
) -> list[LineVerdict]:
    """Judge every line; credit lines are recorded in `credits` as they are removed.

    `scraped` is False for text an HTML extractor produced (its headline is already out).
    Lines repeated across an outlet's articles are judged later, by `OutletTemplates`.
    """
    reasons: list[str | None] = []
    for line in lines:
        reason = line_cue(line)
        if reason is None and word_count(line) <= SHORT_LINE_WORDS and read_credit_line(line, credits):
            reason = CREDIT
        if reason is None and _same_as_title(line, title):
            reason = "headline repeated"
        reasons.append(reason)

    _judge_embeds(lines, reasons)
    _judge_polls(lines, reasons)
    _judge_repeated_captions(lines, reasons)
    _judge_figure_titles(lines, reasons)
    _judge_pull_quotes(lines, reasons)
    _judge_linked_headlines(lines, reasons)
    _judge_link_lists(lines, reasons)
    _judge_top(lines, reasons, title, scraped)
    prose = [index for index, line in enumerate(lines) if reasons[index] is None and is_prose(line)]
    if prose:
        _judge_name_lines(lines, reasons, prose)
        _judge_bios(lines, reasons, credits)
        _judge_tail(lines, reasons, prose, credits)
    return [LineVerdict(line, reason) for line, reason in zip(lines, reasons)]


# An embedded post's attribution line ("— Name (@handle) September 19, 2023") is this short.
ATTRIBUTION_MAX_WORDS = 15
# A post split over several lines is split into short ones; a longer line is the article's.
POST_LINE_MAX_WORDS = 30
EMBED = "social media embed"
_POST_MARK = re.compile(r"[@#]\w|https?://|pic\.twitter\.com")
# The article reporting what someone said or posted ("Maccoby wrote on Twitter that ...") is not the post.
_REPORTING = re.compile(r"\b(?:said|says|told|wrote|writes|tweeted|according|asked|added|explained)\b", re.IGNORECASE)


def _judge_embeds(lines: Sequence[str], reasons: list[str | None]) -> None:
    """An embedded post's text stands above its "— Name (@handle) date" attribution.

    The line just above a bare attribution line is the post. Shorter lines above that belong
    to the same post when the run reaches up to another embed, or when most of them carry
    handles, hashtags or links. Above an attribution that ends a line of the post's own text,
    reaching another embed is not enough: one of the lines must carry a handle, hashtag or
    link. Articles quoting a string of posts write their own lines between them ("As to who
    funds the Federalist, that is still unknown at this time."), each post whole on its line.
    The run stops at a line ending in a colon: the article's own lead-in ("They can be read below:").
    """
    for index in range(1, len(lines)):
        line = lines[index]
        if reasons[index] != EMBED or not cues.SOCIAL_ATTRIBUTION.search(line):
            continue
        top = index
        bare = line.lstrip().startswith(("—", "–", "-")) and word_count(line) <= ATTRIBUTION_MAX_WORDS
        if bare:
            if reasons[index - 1] is not None:
                continue
            reasons[index - 1] = EMBED
            top = index - 1
        run: list[int] = []
        above = top - 1
        while above >= 0 and (reasons[above] is not None and reasons[above] != EMBED or reasons[above] is None and _could_be_post_line(lines[above])):
            if reasons[above] is None:
                run.append(above)
            above -= 1
        bounded = above >= 0 and reasons[above] == EMBED
        marked = sum(bool(_POST_MARK.search(lines[member])) for member in run)
        if run and (bounded and (bare or marked) or 2 * marked >= len(run)):
            for member in run:
                reasons[member] = EMBED


def _could_be_post_line(line: str) -> bool:
    return word_count(line) <= POST_LINE_MAX_WORDS and not line.rstrip().endswith(":") and not _REPORTING.search(line)


# A poll's question is a short line beside its "Vote Now" button.
POLL_QUESTION_MAX_WORDS = 25


def _judge_polls(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The question of a reader poll stands next to its "Vote Now:" line: "Do You Approve Or Disapprove ...?"."""
    for index, reason in enumerate(reasons):
        if reason != cues.POLL_REASON:
            continue
        for beside in (index - 1, index + 1):
            if (
                0 <= beside < len(lines)
                and reasons[beside] is None
                and lines[beside].rstrip().endswith("?")
                and word_count(lines[beside]) <= POLL_QUESTION_MAX_WORDS
            ):
                reasons[beside] = cues.POLL_REASON


# A caption printed twice in a row is at least this long; shorter repeated lines may be a list's.
REPEATED_CAPTION_MIN_WORDS = 15


def _judge_repeated_captions(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A paragraph printed twice in a row: a photo gallery's caption, as scrapes of AP and CNN pages carry them.

    The second copy always goes. The first goes too when the page has two such pairs (a
    gallery) or the line describes a picture ("Rand Paul, right, speaks as ..."). Otherwise a
    scraper doubled a paragraph of the story, and one copy stays.
    """
    pairs = [
        index
        for index in range(1, len(lines))
        if lines[index] == lines[index - 1] and reasons[index] is None and word_count(lines[index]) >= REPEATED_CAPTION_MIN_WORDS
    ]
    gallery = len(pairs) >= 2
    for index in pairs:
        reasons[index] = "caption repeated"
        if reasons[index - 1] is None and (gallery or cues.CAPTION_SCENE_UNDATED.search(lines[index - 1]) or cues.CAPTION_POSITION.search(lines[index - 1])):
            reasons[index - 1] = "caption repeated"


# A pull quote reworded from its paragraph keeps at least this share of its words, in order,
# and has at least this many content words (fewer may be a common phrase).
PULL_QUOTE_MIN_SHARE = 0.8
PULL_QUOTE_MIN_CONTENT_WORDS = 5
# A quotation standing alone counts from this many words; the paragraph it repeats is longer by at least this many.
PULL_QUOTE_QUOTED_MIN_WORDS = 5
PULL_QUOTE_SOURCE_EXTRA_WORDS = 5
# "“It feels like a collision is inevitable.”": a line that is one quotation.
_QUOTED_LINE = re.compile(r"^\s*[\"“‘'][^\"“”]+[\"”’']\s*$")


# A figure's title is a heading's length.
FIGURE_TITLE_MAX_WORDS = 15


def _judge_figure_titles(lines: Sequence[str], reasons: list[str | None]) -> None:
    """The line under a figure's number ("Figure 3") is the figure's title, when it is a heading and not a sentence."""
    for index in range(1, len(lines)):
        line = lines[index]
        if (
            reasons[index] is None
            and reasons[index - 1] is not None
            and cues.FIGURE_LABEL.match(lines[index - 1])
            and word_count(line) <= FIGURE_TITLE_MAX_WORDS
            and not _SENTENCE_END.search(line)
        ):
            reasons[index] = "photo caption or credit"


def _judge_pull_quotes(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A pull quote repeats, as a line of its own, a sentence that stands inside a longer paragraph.

    Identical lines are left alone: lists (a meal plan, a schedule) repeat lines on purpose.
    Shorter quotations, and display lines (in quotation marks, or with no full stop) reworded
    a little, count only when the paragraph they repeat stands *above* them: a subheading
    quotes or sums up the section under it ("'May I call you brother?'", "On Saturday, August
    16, the governor sets a curfew in Ferguson"), never the one before. Reworded means most of
    the line's words stand in order in one stretch of that paragraph ("... the biggest FTC fine
    in history increased ..." against "... the biggest FTC fine in United States history increased ...").
    """
    normalised = [normalise_line(line) for line in lines]
    joined = "\n".join(normalised)
    # Prose paragraphs as (index, words, their tokens, the set of them), made once and only if needed.
    paragraphs: list[tuple[int, int, list[str], frozenset[str]]] | None = None
    for index, text in enumerate(normalised):
        line = lines[index]
        if reasons[index] is not None or not text:
            continue
        words = word_count(line)
        sentence = _SENTENCE_END.search(line) is not None
        # Found more often in the article than as whole lines of its own: it stands inside another line.
        if words >= PULL_QUOTE_MIN_WORDS and sentence and joined.count(text) > normalised.count(text):
            reasons[index] = "pull quote (repeats the article)"
            continue
        if words < PULL_QUOTE_QUOTED_MIN_WORDS or words > LINKED_HEADLINE_MAX_WORDS:
            continue
        quoted = _QUOTED_LINE.match(line) is not None
        if sentence and not quoted:
            continue
        if paragraphs is None:
            paragraphs = [
                (other, word_count(lines[other]), tokens, frozenset(tokens))
                for other in range(len(lines))
                if is_prose(lines[other])
                for tokens in (normalised[other].split(),)
            ]
        # The paragraph it was drawn from stands above, is prose, and is longer: a list item
        # repeated as a subheading is not one.
        above = [entry for entry in paragraphs if entry[0] < index and entry[1] >= words + PULL_QUOTE_SOURCE_EXTRA_WORDS]
        if quoted and any(text in normalised[other] for other, *_ in above):
            reasons[index] = "pull quote (repeats the article)"
        elif words >= PULL_QUOTE_MIN_WORDS and len(content_words(line)) >= PULL_QUOTE_MIN_CONTENT_WORDS:
            tokens = text.split()
            if any(_reworded_in(tokens, paragraph, vocabulary) for _, _, paragraph, vocabulary in above):
                reasons[index] = "pull quote (repeats the article)"


def _reworded_in(tokens: list[str], paragraph: list[str], vocabulary: frozenset[str]) -> bool:
    """Whether at least `PULL_QUOTE_MIN_SHARE` of `tokens` stand in order within one short stretch of `paragraph`."""
    need = PULL_QUOTE_MIN_SHARE * len(tokens)
    if sum(token in vocabulary for token in tokens) < need:
        return False
    span = int(len(tokens) * 1.5) + 1
    starts = [position for position, token in enumerate(paragraph) if token == tokens[0] or token == tokens[1]]
    return any(LCSseq.similarity(tokens, paragraph[start : start + span]) >= need for start in starts)


def _judge_linked_headlines(lines: Sequence[str], reasons: list[str | None]) -> None:
    """Lines listed under a navigation header ("Read Next", "Related news:") are links to other articles."""
    under_header = False
    for index, line in enumerate(lines):
        if reasons[index] is not None:
            under_header = bool(cues.NAV_HEADER.match(line)) or (under_header and reasons[index] != CREDIT)
            continue
        if not under_header:
            continue
        words = word_count(line)
        if words <= LINKED_HEADLINE_MAX_WORDS and (not _SENTENCE_END.search(line) or words <= LINKED_SENTENCE_MAX_WORDS):
            reasons[index] = "linked headline"
        else:
            under_header = False


# Headlines in lists of links run to about this many words; list items of a recipe or a
# schedule are told apart by their figures.
LINK_MAX_WORDS = 16


# Reasons of lines that link to other stories: a headline-shaped line beside one is another link.
_LINK_REASONS = frozenset({"link to another article", "linked headline", "list of links to other stories", "headline of another story"})


def _is_link_like(line: str) -> bool:
    """Shaped like a linked headline: a few words, capitalised, no figures, no sentence or list punctuation.

    A label before a colon ("Analysis: ...", "Donald Trump: ...") is not counted in the length.
    """
    label = cues.LABELLED_HEADLINE.match(line)
    words = word_count(line) - (word_count(line[: line.index(":")]) if label else 0)
    return (
        4 <= words <= LINK_MAX_WORDS
        and is_headline_shaped(line)
        and line[:1].isupper()
        and line.rstrip()[-1:].isalnum() | line.rstrip().endswith(("'", "’", '"', "”"))
        and not any(ch.isdigit() for ch in line)
        and "|" not in line
        and not _LIST_ITEM.match(line)
    )


# An introduction that announces links ("Here are links to more of the coverage we have:").
_LINKS_ANNOUNCED = re.compile(r"\b(?:links?|coverage|stories|articles|headlines|reading|related|more (?:from|on))\b", re.IGNORECASE)


def _introduces_a_list(lines: Sequence[str], reasons: list[str | None], index: int) -> bool:
    """The line above is a kept paragraph ending in a colon, and it does not announce links."""
    above = lines[index - 1] if index > 0 else ""
    return (
        index > 0
        and reasons[index - 1] is None
        and is_prose(above)
        and above.rstrip().endswith(":")
        and not _LINKS_ANNOUNCED.search(above)
    )


def _judge_link_lists(lines: Sequence[str], reasons: list[str | None]) -> None:
    """A run of headline-shaped lines inside the story is a list of links to other stories.

    In a run, every line but the last is followed by another headline, so none of them is a
    subheading (a subheading is followed by its paragraph); the last stays unless the run is
    at the end. Runs above the first paragraph are the article's own headline and deck.
    """
    seen_prose = False
    index = 0
    while index < len(lines):
        if reasons[index] is None and is_prose(lines[index]) and not _is_link_like(lines[index]):
            seen_prose = True
        labelled_run = (
            reasons[index] is None
            and cues.LABELLED_HEADLINE.match(lines[index])
            and index + 1 < len(lines)
            and reasons[index + 1] is None
            and cues.LABELLED_HEADLINE.match(lines[index + 1])
        )
        if not (seen_prose or labelled_run) or reasons[index] is not None or not _is_link_like(lines[index]):
            index += 1
            continue
        if _introduces_a_list(lines, reasons, index):
            # A paragraph that ends in a colon introduces the lines under it (a song's verse, the
            # points of a plan, the witnesses called): they are the story's, however headline-shaped.
            while index < len(lines) and (reasons[index] is not None or _is_link_like(lines[index])):
                index += 1
            continue
        run = [index]
        following = index + 1
        while following < len(lines) and (reasons[following] is not None or _is_link_like(lines[following])):
            if reasons[following] is None:
                run.append(following)
            following += 1
        # One labelled headline ("Analysis: ...") beside a line already judged a link is one too.
        beside_link = any(reasons[k] in _LINK_REASONS for k in range(max(index - 1, 0), following))
        if len(run) == 1 and beside_link and cues.LABELLED_HEADLINE.match(lines[index]):
            reasons[index] = "list of links to other stories"
        elif len(run) >= 2:
            at_end = following >= len(lines) or bool(cues.LABELLED_HEADLINE.match(lines[run[-1]]))
            for member in run if at_end else run[:-1]:
                reasons[member] = "list of links to other stories"
        index = following


def _judge_top(lines: Sequence[str], reasons: list[str | None], title: str | None, scraped: bool) -> None:
    """Above the story: the page's own headline when it differs from the given title, bylines, mastheads.

    The headline rule applies to scraped text only: an HTML extractor has already taken the
    page's headline out of the body.
    """
    top = [index for index, reason in enumerate(reasons) if reason is None][:2]
    for position, index in enumerate(top):
        line = lines[index]
        if is_prose(line):
            break
        if cues.DATE_LINE.match(line):
            reasons[index] = "date line (kept as metadata)"
        elif cues.NAMES_ONLY.match(line) and word_count(line) <= 12 and not line.rstrip().endswith(":"):
            reasons[index] = "byline or masthead"
        elif cues.BY_LINE.match(line) and word_count(line) <= 12 and not _SENTENCE_END.search(line):
            reasons[index] = CREDIT
        elif (
            position == 0
            and scraped
            and title
            and is_title_case(line)
            and is_headline_shaped(line)
            and word_count(line) <= 20
            # under a section break ("***") it heads a section of the story
            and not (index > 0 and reasons[index - 1] == "separator")
        ):
            reasons[index] = "headline (the page's own)"


# "Sean Langan", "Aaron Carroll": a person's name, two or three words, nothing else.
_PERSON_NAME = re.compile(r"^(?!(?:The|A|An|Our|My|Why|How|What|New|More)\b)(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?|[A-Z]\.)(?:\s(?:[A-Z]\.|[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)){1,2}$")
# A word at least this frequent in English (wordfreq's Zipf scale: about 30 in a million words) is a
# common word; a line of nothing but such words ("Final Thoughts", "Bottom Line") is not a name.
COMMON_WORD_ZIPF = 4.5
# A subheading naming a person is followed by paragraphs about that person; these many are looked at.
NAME_LINE_FOLLOWING = 2


@lru_cache(maxsize=20_000)
def _common_word(word: str) -> bool:
    return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


def _judge_name_lines(lines: Sequence[str], reasons: list[str | None], prose: list[int]) -> None:
    """A person's name alone between two paragraphs credits a photo or the author's picture.

    A subheading can look like a name ("Status Quo", "Bernie Sanders" over a section about
    him), so the line goes only if none of its words is used in lower case in the article (a
    phrase's words are), it stands between two paragraphs, and either its name is not in the
    paragraphs under it or it stands more than once (a photographer credited under each picture).
    """
    candidates = [
        index
        for index in range(prose[0] + 1, prose[-1])
        if reasons[index] is None
        and _PERSON_NAME.match(lines[index].strip())
        and is_prose(lines[index - 1])
        and is_prose(lines[index + 1])
    ]
    if not candidates:
        return
    lower_words = set(re.findall(r"\b[a-z][\w'’-]*", " ".join(lines)))
    for index in candidates:
        name = lines[index].strip()
        parts = {part.lower() for part in re.findall(r"[\w'’-]+", name)}
        if parts & lower_words or all(map(_common_word, parts)):
            continue  # words the story uses, or common words ("Final Thoughts"): a heading, not a name
        following = [lines[i] for i in prose if i > index][:NAME_LINE_FOLLOWING]
        repeated = sum(line.strip() == name for line in lines) > 1
        if repeated or not any(parts & set(re.findall(r"\w+", paragraph.lower())) for paragraph in following):
            reasons[index] = "photo or author credit"


def _judge_bios(lines: Sequence[str], reasons: list[str | None], credits: Credits) -> None:
    """The author's bio or sign-off among the last lines: "Clarence Page is a columnist for ..."."""
    kept = [index for index, reason in enumerate(reasons) if reason is None]
    for index in kept[:BIO_TOP_WINDOW] + kept[-BIO_WINDOW:]:
        if word_count(lines[index]) > BIO_MAX_WORDS:
            continue
        bracketed = cues.BRACKETED_BIO.match(lines[index])
        text = bracketed.group(1) if bracketed else lines[index]
        if cues.AUTHOR_BIO.match(text) or (index == kept[-1] and cues.PROFESSION_BIO.match(text)):
            reasons[index] = "author bio"
    for index in kept[-BIO_WINDOW:]:
        if reasons[index] is not None:
            continue
        if cues.LAWMAKER_BIO.match(lines[index]):
            reasons[index] = "author bio"
        elif cues.ORGANISATION_BIO.match(lines[index]) and word_count(lines[index]) <= 120:
            reasons[index] = "publisher or company description"


def _judge_tail(lines: Sequence[str], reasons: list[str | None], prose: list[int], credits: Credits) -> None:
    """Walk back from the end of the page: the trailing run of furniture after the story goes.

    The run goes on through lines already removed, bylines and footer items ("Capital
    Media"), and headlines of other stories, and stops at the first line that belongs to the
    story, so a short line followed by more of the story (a price list, a subheading) stays.
    A line that speaks to the reader, wedged between two footer items (a tip request between
    its header and its form), goes even when it reads as prose.
    """
    body_words: set[str] | None = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if reasons[index] is not None:
            continue
        if _between_footer_items(lines, reasons, index):
            reasons[index] = "page footer (between footer items)"
            continue
        if is_prose(line) or _LIST_ITEM.match(line) or line.rstrip().endswith(":") or any(ch.isdigit() for ch in line):
            return
        if _signs_off_a_letter(lines, reasons, index):
            return  # "Sincerely," and the name under it end a letter the story prints
        if (cues.NAMES_ONLY.match(line) or cues.NAME_AFFILIATION.match(line)) and word_count(line) <= 12:
            reasons[index] = "byline or footer"
            credits.bylines.append(line.strip(" –—-"))
        elif word_count(line) <= TAIL_FOOTER_MAX_WORDS and not _SENTENCE_END.search(line):
            reasons[index] = "page footer"
        elif is_headline_shaped(line):
            if body_words is None:
                body_words = set().union(*(content_words(lines[i]) for i in prose if reasons[i] is None))
            if topic_overlap(line, body_words) >= MIN_TOPIC_OVERLAP:
                return
            reasons[index] = "unrelated headline"
        else:
            return


# "Sincerely,", "Yours truly", "Best regards,": a letter's closing (open letters, letters to an editor).
_VALEDICTION = re.compile(
    r"^\W*(?:sincerely(?: yours)?|yours (?:truly|sincerely|faithfully)|respectfully(?: yours)?|(?:best |warm |kind )?regards|"
    r"with (?:love|gratitude|respect)|in solidarity|cordially)\W*$",
    re.IGNORECASE,
)
# A letter's signature under its closing: a name, a role, a place, a few words each.
SIGNATURE_LINES = 2
SIGNATURE_MAX_WORDS = 8


def _signs_off_a_letter(lines: Sequence[str], reasons: list[str | None], index: int) -> bool:
    """The line is a letter's closing, or one of the short signature lines right under it."""
    if _VALEDICTION.match(lines[index]):
        return True
    if word_count(lines[index]) > SIGNATURE_MAX_WORDS:
        return False
    above = [i for i in range(index - 1, -1, -1) if reasons[i] is None][:SIGNATURE_LINES]
    for position, i in enumerate(above):
        if _VALEDICTION.match(lines[i]):
            return all(word_count(lines[k]) <= SIGNATURE_MAX_WORDS for k in above[:position])
    return False


# What stands after the story: a line wedged between two of these at the end of the page is one too.
_FOOTER_REASONS = frozenset(
    {
        "newsletter or subscription promotion", "author contact", "comment prompt", "navigation", "author bio",
        "disclaimer or publishing note", "publisher or company description", "video or audio player", "bare link",
        "link to another article", "linked headline", "editor's note or promotion", "page footer (between footer items)",
    }
)
# A line longer than this is not wedged furniture but the story's last paragraph.
FOOTER_ITEM_MAX_WORDS = 60


_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)


def _between_footer_items(lines: Sequence[str], reasons: list[str | None], index: int) -> bool:
    """In the trailing run, a short line that speaks to the reader, with footer items on both sides of it.

    Footer items are promotions, notes and links, not credits or captions. Some outlets put
    a promotion before the story's last paragraph, so the line must address the reader
    ("Do you work for a company that ...? We'd like to hear from you.") as furniture does.
    """
    return (
        0 < index < len(lines) - 1
        and word_count(lines[index]) <= FOOTER_ITEM_MAX_WORDS
        and not _LIST_ITEM.match(lines[index])
        and bool(_READER.search(lines[index]))
        and reasons[index - 1] in _FOOTER_REASONS
        and reasons[index + 1] in _FOOTER_REASONS
    )


def find_title_and_masthead(lines: Sequence[str]) -> tuple[int | None, list[int]]:
    """For a scraped text with no title given: the index of its headline and of any masthead lines above it.

    The headline is the first headline-sized line at the top that shares words with the prose
    below it; short lines above it that share none are the site's masthead.
    """
    if not lines:
        return None, []
    prose_words = [content_words(line) if is_prose(line) else set() for line in lines]
    masthead: list[int] = []
    for index, line in enumerate(lines[:4]):
        if word_count(line) > 30:
            break
        below = set().union(*prose_words[index + 1 :])
        if topic_overlap(line, below) >= MIN_TOPIC_OVERLAP:
            return index, masthead
        if word_count(line) <= 8 and not is_prose(line):
            masthead.append(index)
        else:
            break
    return 0, []
