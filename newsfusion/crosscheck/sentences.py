"""Sentences with their character spans, and the content words that compare them.

The splitter is a rule-based one: the cross-check runs over whole stories on every
refresh, and the parsed documents of the extract stage are not kept. It splits paragraphs
(lines) at sentence-final punctuation followed by a capital, a digit or an opening quote,
except after abbreviations ("U.S.", "Gen.", "Jan.") and initials.

A story's brief is rebuilt each time an article joins it, from the same articles as before
plus the new one. So a process keeps the sentences of the articles it split last
(`SPLIT_CACHE_ARTICLES` of them), and each sentence keeps the word weights the alignment
asks of it and the bigrams the summary asks of it: while the cache still holds the others,
a rebuild splits and weighs only the new article. Most briefs are a story's first or second
build, so the gain is modest (BENCHMARKS.md).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cached_property, lru_cache

import Stemmer

from ..cluster.features import idf
from ..extract.nlp import english_stopwords

_BOUNDARY = re.compile(r"[.!?][”\"’')\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?|\d+(?:[.,]\d+)*")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen sen rep gov lt col maj capt sgt st jr sr no nos vs inc corp co ltd dept est approx fig
    jan feb mar apr aug sep sept oct nov dec mt ft rev prof pres adm cmdr""".split()
)
_INITIALS = re.compile(r"(?:^|\s|[(“\"])(?:[A-Za-z]\.)+$")
_BULLETS = frozenset("•·▪◦*")
# A sentence needs this many words to be one (datelines and captions are shorter).
MIN_WORDS = 4
# Articles whose sentences a process keeps, most recently split first. A story rebuilt as it
# grows reads its earlier articles again. An allsides article's sentences with their weights
# take about 100 kB (tracemalloc over records 3,500-3,999, words interned), so this holds
# about 50 MB.
SPLIT_CACHE_ARTICLES = 512


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: where it is, and what it says in comparable words."""

    source_id: str
    index: int  # position in the article
    start: int
    end: int
    text: str
    words: tuple[str, ...]  # stemmed words, stopwords included, in order
    content: frozenset[str]  # stemmed content words and numbers
    tokens: tuple[str, ...] = ()  # the lower-case words themselves (`words_of`), in order

    @cached_property
    def weights(self) -> dict[str, float]:
        """Stemmed content word -> how informative it is in English news (numbers weigh 2).

        The alignment's sentence vector before the story's own rarity is applied.
        """
        stop = stopwords()
        weights: dict[str, float] = {}
        for token in self.tokens or words_of(self.text):
            if token in stop or (len(token) < 2 and not token.isdigit()):
                continue
            key = stem(token)
            weight = 2.0 if token.isdigit() else idf(token)
            weights[key] = max(weights.get(key, 0.0), weight)
        return weights

    @cached_property
    def bigrams(self) -> frozenset[tuple[str, str]]:
        """Stemmed word bigrams whose words are not both stopwords: the summary's concepts."""
        stop = stopwords()
        stopped = [token in stop for token in self.tokens]  # `words` holds the stems of `tokens`, one for one
        pairs = zip(self.words, self.words[1:])
        return frozenset(pair for pair, first, second in zip(pairs, stopped, stopped[1:]) if not (first and second))

    @cached_property
    def size(self) -> int:
        """Words as a reader counts them (split at spaces)."""
        return len(self.text.split())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return english_stopwords() | {"s", "said", "says", "say", "told", "also", "would", "could", "according"}


# Snowball's English stemmer (Porter2, the revision of Porter's algorithm Snowball recommends),
# in C through PyStemmer. nltk's Porter stemmer did this before; importing it loads nltk's
# package, scipy.stats among it, about 60 MB in every process that builds briefs.
_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def words_of(text: str) -> list[str]:
    """Lower-case word tokens with possessives dropped."""
    return [token.lower() for token in cased_words_of(text)]


def cased_words_of(text: str) -> list[str]:
    """Word tokens in their own case (to tell names from common words), possessives dropped."""
    tokens = []
    for token in _WORD.findall(text):
        token = token.replace("’", "'")
        if token.lower().endswith("'s"):
            token = token[:-2]
        tokens.append(token)
    return tokens


def _ends_with_abbreviation(before: str) -> bool:
    if _INITIALS.search(before):
        return True
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    return last.rstrip(".").lower().lstrip("(“\"") in _ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text, paragraph by paragraph."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for match in _BOUNDARY.finditer(line):
            if _ends_with_abbreviation(line[start : match.start() + 1]):
                continue
            end = match.end() - len(match.group(0)) + len(match.group(0).rstrip())
            if line[start:end].strip():
                spans.append((offset + start, offset + end))
            start = match.end()
        if line[start:].strip():
            spans.append((offset + start, offset + len(line.rstrip())))
        offset += len(line) + 1
    # Trim leading spaces and list bullets ("• The Armenian government reported ...") from each span.
    trimmed = []
    for start, end in spans:
        while start < end and (text[start].isspace() or text[start] in _BULLETS):
            start += 1
        if start < end:
            trimmed.append((start, end))
    return trimmed


def split_sentences(source_id: str, text: str, min_words: int = MIN_WORDS) -> list[Sentence]:
    """The article's sentences of at least `min_words` words."""
    return list(_split_sentences(source_id, text, min_words))


@lru_cache(maxsize=SPLIT_CACHE_ARTICLES)
def _split_sentences(source_id: str, text: str, min_words: int) -> tuple[Sentence, ...]:
    stop = stopwords()
    sentences = []
    for start, end in sentence_spans(text):
        body = text[start:end]
        # Interned: the same words recur in every article the cache holds (a third less memory).
        tokens = [sys.intern(token) for token in words_of(body)]
        if len(tokens) < min_words:
            continue
        stems = tuple(map(stem, tokens))
        content = frozenset(s for token, s in zip(tokens, stems) if token not in stop and (len(token) > 1 or token.isdigit()))
        sentences.append(Sentence(source_id, len(sentences), start, end, body, stems, content, tuple(tokens)))
    return tuple(sentences)
