"""What an article is about, as one sparse vector for story clustering.

Three views go into one vector: content words weighted by how rare they are in English
(wordfreq's frequencies stand in for document frequencies, so the weights are right from the
first article of a stream and do not drift), the names of people, places and organisations
(capitalised phrases, weighted up: two reports of the same kind of event differ mostly in
who and where), and the figures and years that pin an event down. The headline counts
double and the lead counts more than the rest; background sentences ("In 2020, Azerbaijan
regained control...") count little, so an article's history does not pull it into an old story.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import get_frequency_dict

Vector = dict[str, float]

# The average length of a news article in tokens: turns a word's frequency in running text
# into the chance that an article contains it.
DOC_TOKENS = 500
# A word wordfreq has never seen is treated as this frequent (a rare name).
MIN_FREQUENCY = 1e-9
# Weights of the parts of an article, and of the kinds of feature. Set from what each part
# says about the event, not fitted to a data set: the headline states it, the lead retells
# it, background sentences recall older events; names and figures pick the event out among
# others of its kind.
TITLE_WEIGHT = 2.0
LEAD_WEIGHT = 1.5
BODY_WEIGHT = 1.0
BACKGROUND_WEIGHT = 0.3
LEAD_PARAGRAPHS = 3
NAME_BOOST = 2.0
NUMBER_IDF = 6.0
YEAR_IDF = 4.0
# Features kept per article vector: the rest carry little weight and cost time.
MAX_FEATURES = 150

_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"‘(])")
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# A sentence that opens by placing itself in the past: "In 2020, ...", "Since 1994 ...", "In the 1990s, ...".
_BACKGROUND_OPENING = re.compile(
    r"^\W*(?:in|since|after|during|before|until|back in|between|from|by)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?"
    r"(?:(?:19|20)\d\d|(?:19|20)\d0s)\b",
    re.IGNORECASE,
)
_NAME_CONNECTORS = {"of", "de", "del", "la", "le", "van", "von", "der", "al", "bin"}
# Capitalised words that are not names: titles and roles before a name, days and months.
_NOT_NAME = frozenset(
    """president prime minister secretary chancellor king queen prince senator sen rep governor gov mayor
    spokesman spokeswoman spokesperson general gen director chief judge justice minister foreign defence defense
    interior state deputy vice former acting ambassador commander colonel col sergeant officer official
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december mr mrs ms dr by""".split()
)
# A capitalised word this common in lower case ("The", "After") opens a sentence, not a name.
COMMON_WORD_FREQUENCY = 1e-5


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en", wordlist="best")


@lru_cache(maxsize=200_000)
def idf(word: str) -> float:
    """How much a word says about an article: -log of the chance an English article contains it."""
    frequency = max(_frequencies().get(word, 0.0), MIN_FREQUENCY)
    return -math.log(1.0 - math.exp(-DOC_TOKENS * frequency))


def _normalise(token: str) -> str:
    token = token.lower().replace("’", "'")
    return token[:-2] if token.endswith("'s") else token


@dataclass(frozen=True)
class ArticleFeatures:
    """An article's vector (unit length) and the names it mentions, for clustering and threads."""

    vector: Vector
    names: frozenset[str]


def is_background(sentence: str, latest_year: int | None) -> bool:
    """A sentence about an earlier time: it opens with a past date, or names a year before the article's latest."""
    if _BACKGROUND_OPENING.match(sentence):
        return True
    if latest_year is None:
        return False
    years = [int(token) for token in _TOKEN.findall(sentence) if _YEAR.match(token)]
    return bool(years) and max(years) < latest_year


def _sentences(paragraph: str) -> list[str]:
    return [sentence for sentence in _SENTENCE.split(paragraph) if sentence.strip()]


def _names(sentence: str) -> list[str]:
    """Capitalised phrases: "Nikol Pashinyan", "United Nations Security Council", "Betty Ford Center".

    Titles ("President", "Prime Minister") and days are left out; punctuation and a
    possessive end a name ("Armenia's Prime Minister" gives "Armenia").
    """
    names: list[str] = []
    current: list[str] = []

    def close() -> None:
        if current:
            names.append(" ".join(current))
        current.clear()

    matches = list(_TOKEN.finditer(sentence))
    tokens = [match.group(0) for match in matches]
    sentence_start = {0}
    for index, token in enumerate(tokens):
        if index and sentence[matches[index - 1].end() : matches[index].start()].strip():
            close()  # punctuation between the words
        lower = token.lower()
        possessive = lower.endswith(("'s", "’s"))
        bare = token[:-2] if possessive else token
        capitalised = bare[:1].isupper() and len(bare) > 1 and not bare.isdigit()
        if capitalised and bare.lower() in _NOT_NAME:
            capitalised = False
        if capitalised and index in sentence_start and _frequencies().get(bare.lower(), 0.0) > COMMON_WORD_FREQUENCY:
            capitalised = False  # "The", "After": an ordinary word opening a sentence
        if capitalised:
            current.append(bare)
            if possessive:
                close()
        elif current and lower in _NAME_CONNECTORS and index + 1 < len(tokens) and tokens[index + 1][:1].isupper():
            current.append(lower)
        else:
            close()
    close()
    return [name for name in names if name.split()[-1] not in _NAME_CONNECTORS]


def article_features(title: str | None, text: str) -> ArticleFeatures:
    """The clustering vector of an article."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    years_in_text = [int(token) for token in _TOKEN.findall(text) if _YEAR.match(token)]
    latest_year = max(years_in_text) if years_in_text else None

    counts: Counter[str] = Counter()
    name_words: set[str] = set()
    names: Counter[str] = Counter()
    parts = [(title or "", TITLE_WEIGHT)] + [
        (paragraph, LEAD_WEIGHT if index < LEAD_PARAGRAPHS else BODY_WEIGHT) for index, paragraph in enumerate(paragraphs)
    ]
    for part, weight in parts:
        for sentence in _sentences(part):
            factor = weight * (BACKGROUND_WEIGHT if is_background(sentence, latest_year) else 1.0)
            tokens = _TOKEN.findall(sentence)
            for name in _names(sentence):
                names[name] += factor
                name_words.update(_normalise(word) for word in name.split() if word[:1].isupper())
            for token in tokens:
                if token[0].isdigit():
                    plain = token.replace(",", "")
                    if _YEAR.match(plain):
                        counts["@" + plain] += factor
                    elif len(plain) >= 2:
                        counts["#" + plain] += factor
                else:
                    word = _normalise(token)
                    if len(word) >= 2:
                        counts[word] += factor

    weights: Vector = {}
    for feature, count in counts.items():
        tf = 1.0 + math.log(count) if count >= 1 else count
        if feature[0] == "@":
            weight = tf * YEAR_IDF
        elif feature[0] == "#":
            weight = tf * NUMBER_IDF
        else:
            weight = tf * idf(feature) * (NAME_BOOST if feature in name_words else 1.0)
        if weight > 0:
            weights[feature] = weight
    for name, count in names.items():
        words = [_normalise(word) for word in name.split() if word[:1].isupper()]
        if len(words) >= 2:
            tf = 1.0 + math.log(count) if count >= 1 else count
            weights["~" + " ".join(words)] = tf * NAME_BOOST * sum(idf(word) for word in words) / len(words)
    top = dict(sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MAX_FEATURES])
    norm = math.sqrt(sum(value * value for value in top.values())) or 1.0
    return ArticleFeatures({key: value / norm for key, value in top.items()}, frozenset(name_words))


def dot(a: Vector, b: Vector) -> float:
    """The dot product of two sparse vectors.

    The shared keys are found by a set intersection (in C), and `fsum` adds their products
    exactly, so the result does not depend on the order the intersection comes out in.
    """
    return math.fsum([a[key] * b[key] for key in a.keys() & b.keys()])
