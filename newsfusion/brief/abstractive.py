"""The optional abstractive summary: a language model rewrites the extractive summary, and only
sentences traced to the sentences they cite are kept.

The extractive summary stays the default. With `abstractive_url` set, its sentences are sent,
numbered [1], [2], ..., to an OpenAI-compatible chat-completions endpoint with the word budget,
and the model is asked to end every sentence with the numbers of the input sentences it draws
on ("[1][3]"). A sentence of the reply is kept only when all of these hold:

  (a) it names at least one input sentence by a bracketed number (the numbers inside it count
      as well as those at its end), every number it names is an input sentence, and it is a
      sentence: at least 4 words (as `split_sentences` counts them), not starting in lower case;
  (b) every figure in it is in the text it traces to: each digit group (thousands commas
      ignored, 6,500 = 6500) and each number word ("three", "thirty-two", "hundreds", "dozen";
      each word of "two hundred" on its own) has its value among that text's figures, written
      either way ("6-week" traces to "six-week", "32" to "thirty-two");
  (c) every capitalised word in it is a word of that text (case aside), except the first word
      when it is a stopword ("The", "On") and number words, which (b) checks;
  (d) at least SHARE_OF_CONTENT_STEMS of its content words (distinct stems of the words that
      are not stopwords, numbers or single letters) are stems of that text; a sentence with no
      content word is dropped.

Words are compared after `words_of` (lower case, possessives dropped) and hyphenated words
also as their parts ("Russia-brokered" traces to "brokered by Russia").

"That text" is the named input sentences together with the source sentences each of them cites
(its spans): what the kept sentence's citations point to. Kept sentences are also held to the
word budget, in order. A kept sentence cites the union of its named inputs' citations, carries
their spans, and is marked `rewritten: true` with `from`: the 0-based indices of its inputs in
`extractive_summary`. Dropped sentences are not shown, only counted in the note.

Whatever goes wrong (no answer, a timeout, an HTTP error, a reply that is not a chat completion,
or no sentence that survives the trace) leaves the extractive summary in place, with a one-line
note that says what happened and what to do.

The request is a POST of {model, messages, temperature: 0} to `{url}/chat/completions` (or to
the URL itself when it ends so), with `Authorization: Bearer $OPENAI_API_KEY` only when that
variable is set: the key is kept out of the settings, which `newsfusion config` prints.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Sequence

import httpx

from ..crosscheck.sentences import MIN_WORDS, cased_words_of, sentence_spans, stem, stopwords, words_of
from ..extract.event_cues import NUMBER_WORDS

# Chosen, not calibrated on any data: a rewrite may add a linking word or two that the sources
# lack ("meanwhile", "amid"), which 0.8 allows in a sentence of ten content words, while a claim
# the sources do not make brings several words of its own. (b) and (c) catch the figures and
# names that one word could change.
SHARE_OF_CONTENT_STEMS = 0.8

_MARKERS = re.compile(r"[ \t]*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\]")
# A sentence's end followed by its markers, not by another full stop ("U.S. [3]." stays as it is).
_MARKERS_AFTER_STOP = re.compile(r"([.!?]+[”\"’')]*)((?:[ \t]*\[\s*\d+(?:\s*[,;]\s*\d+)*\s*\])+)(?![ \t]*[.!?])")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-–—•*]|\d+[.)])[ \t]+", re.M)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# Number words: the event coder's table (one to ninety, dozen, hundred, thousand, million) with
# zero, the larger scales and the plurals ("hundreds") a rewrite may use.
_NUMBER_WORDS = {"zero": 0, **NUMBER_WORDS, "billion": 10**9, "trillion": 10**12}
_NUMBER_WORDS.update({word + "s": _NUMBER_WORDS[word] for word in ("dozen", "hundred", "thousand", "million", "billion", "trillion")})
_TENS = frozenset(word for word, value in _NUMBER_WORDS.items() if value in range(20, 100, 10))


@dataclass(frozen=True)
class RewriteOptions:
    """Where and how to ask for the rewrite (from the abstractive_* settings)."""

    url: str
    model: str = "default"
    timeout_s: float = 30.0
    api_key: str | None = None

    @classmethod
    def from_settings(cls, settings: Any) -> RewriteOptions | None:
        """The options of a run, or None when no abstractive_url is set (the default: extractive)."""
        if not settings.abstractive_url:
            return None
        key = os.environ.get("OPENAI_API_KEY") or None
        return cls(settings.abstractive_url, settings.abstractive_model, settings.abstractive_timeout_s, key)


@dataclass(frozen=True)
class Rewrite:
    """The summary a brief shows: the rewrite's kept sentences, or the extractive one it fell back to."""

    summary: list[dict[str, Any]]
    mode: str  # "abstractive" or "extractive"
    note: str


class _NoRewrite(Exception):
    """The endpoint gave no usable reply; the message says why and what to do."""


def chat_completions_url(url: str) -> str:
    """The chat-completions address: a base URL (http://host:8080/v1) gains /chat/completions."""
    url = url.rstrip("/")
    return url if url.endswith("/chat/completions") else url + "/chat/completions"


def prompt_messages(sentences: Sequence[str], words: int) -> list[dict[str, str]]:
    """The chat messages asking for a shorter rewrite that names its input sentences."""
    numbered = "\n".join(f"[{i}] {text}" for i, text in enumerate(sentences, 1))
    return [
        {"role": "system", "content": "You shorten news summaries. You add nothing that the numbered sentences do not say."},
        {
            "role": "user",
            "content": f"Rewrite these numbered sentences from news reports as a shorter summary of at most {words} words.\n"
            "Use only the facts, names, numbers and dates in the sentences, and keep who said what.\n"
            "End every sentence with the numbers of the sentences it draws on, in brackets, e.g. [1][3].\n"
            "Reply with the summary only.\n\n" + numbered,
        },
    ]


def _ask(options: RewriteOptions, messages: list[dict[str, str]]) -> str:
    """POST the chat completion; the reply's text, or _NoRewrite saying what went wrong."""
    url = chat_completions_url(options.url)
    headers = {"Authorization": f"Bearer {options.api_key}"} if options.api_key else {}
    body = {"model": options.model, "messages": messages, "temperature": 0}
    try:
        response = httpx.post(url, json=body, headers=headers, timeout=options.timeout_s)
    except httpx.TimeoutException:
        raise _NoRewrite(f"{url} did not answer within {options.timeout_s:g} s; raise --abstractive-timeout-s or use a faster model") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        raise _NoRewrite(f"could not reach {url} ({reason}); start the server or correct --abstractive-url") from None
    if not response.is_success:
        raise _NoRewrite(f"{url} answered HTTP {response.status_code}; check --abstractive-url, --abstractive-model and the server's log")
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        content = None
    if not isinstance(content, str):
        raise _NoRewrite(
            f"{url} did not reply with chat-completion JSON (choices[0].message.content); "
            "give the base URL of an OpenAI-compatible API, such as http://127.0.0.1:8080/v1"
        )
    return content


def parse_reply(reply: str) -> list[tuple[str, tuple[int, ...]]]:
    """The reply's sentences, without their bracketed numbers, each with the (1-based) numbers it names.

    A marker after the full stop ("... Wednesday. [1][3]") is moved before it first, so that it
    stays with its sentence; list bullets and list numbers at the start of a line are dropped.
    """
    text = _LIST_ITEM.sub("", reply)
    text = _MARKERS_AFTER_STOP.sub(r"\2\1", text)
    found = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        numbers = tuple(int(n) for marker in _MARKERS.findall(sentence) for n in re.findall(r"\d+", marker))
        plain = " ".join(_MARKERS.sub("", sentence).split())
        if plain.endswith("..") and not plain.endswith("..."):
            plain = plain[:-1]  # "... the U.S. [3]."
        if plain:
            found.append((plain, numbers))
    return found


def _parts(tokens: Sequence[str]) -> list[str]:
    """Hyphenated words as their parts ("six-week" -> "six", "week"): a rewrite may join or part them."""
    return [part for token in tokens for part in token.split("-") if part]


def _figures(words: Sequence[str]) -> set[Any]:
    """The values of the numbers among lower-case words (`words_of`): digit groups and number words."""
    values: set[Any] = set()
    for word in words:
        if word[0].isdigit():
            plain = word.replace(",", "") if _THOUSANDS.fullmatch(word) else word
            try:
                values.add(Decimal(plain))
            except InvalidOperation:
                values.add(word)  # "3,5": kept as written, so the sources must write it so too
            continue
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in _TENS and _NUMBER_WORDS.get(parts[1], 10) < 10:
            values.add(_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]])  # "thirty-two"
        else:
            values.update(_NUMBER_WORDS[part] for part in parts if part in _NUMBER_WORDS)
    return values


class _Trace:
    """What a text offers to trace a sentence to: its words (whole and in parts), their stems, its figures."""

    def __init__(self, text: str):
        tokens = words_of(text)
        parts = _parts(tokens)
        self.words = set(tokens) | set(parts)
        self.stems = {stem(word) for word in self.words}
        self.figures = _figures(tokens)


def untraced(sentence: str, text: str) -> str | None:
    """Why the sentence does not trace to the text (rules b to d of the module docstring), or None when it does."""
    trace = _Trace(text)
    tokens = words_of(sentence)
    if not _figures(tokens) <= trace.figures:
        return "untraced number"
    stop = stopwords()
    for i, word in enumerate(_parts(cased_words_of(sentence))):
        lower = word.lower()
        if not word[0].isupper() or lower in _NUMBER_WORDS or (i == 0 and lower in stop):
            continue
        if lower not in trace.words:
            return "untraced capitalised word"
    content = {stem(word) for word in _parts(tokens) if word not in stop and len(word) > 1 and not word[0].isdigit() and word not in _NUMBER_WORDS}
    if not content or len(content & trace.stems) < SHARE_OF_CONTENT_STEMS * len(content):
        return "untraced words"
    return None


def _check(text: str, numbers: tuple[int, ...], cited_texts: Sequence[Sequence[str]]) -> str | None:
    """Why a reply sentence is dropped (rules a to d), or None when it is kept."""
    if not numbers:
        return "unmarked"
    if any(not 1 <= n <= len(cited_texts) for n in numbers):
        return "unknown input"
    if len(words_of(text)) < MIN_WORDS or text[0].islower():
        return "fragment"
    return untraced(text, "\n".join(t for n in sorted(set(numbers)) for t in cited_texts[n - 1]))


def _kept(text: str, numbers: tuple[int, ...], summary: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A kept sentence: the union of its inputs' citations and spans."""
    indices = sorted({n - 1 for n in numbers})
    citations: list[str] = []
    spans: list[dict[str, Any]] = []
    for i in indices:
        citations += [source for source in summary[i]["citations"] if source not in citations]
        spans += [span for span in summary[i]["spans"] if span not in spans]
    return {"text": text, "citations": citations, "spans": spans, "rewritten": True, "from": indices}


def _dropped(reasons: Counter[str]) -> str:
    return ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])))


def rewrite_summary(
    summary: Sequence[dict[str, Any]], cited_texts: Sequence[Sequence[str]], words: int, options: RewriteOptions
) -> Rewrite:
    """Ask for the rewrite of an extractive summary and keep what traces.

    `summary` holds the extractive sentences ({text, citations, spans}); `cited_texts[i]` the
    texts of the source sentences summary[i] cites, its own first. Never raises for the
    endpoint's sake: every failure falls back to the extractive summary with a note.
    """
    extractive = list(summary)
    where = f"{options.model} at {chat_completions_url(options.url)}"
    if not extractive:
        return Rewrite(extractive, "extractive", "abstractive rewrite not asked for: the extractive summary is empty, so there is nothing to rewrite")
    try:
        reply = _ask(options, prompt_messages([item["text"] for item in extractive], words))
    except _NoRewrite as exc:
        return Rewrite(extractive, "extractive", f"abstractive rewrite not used: {exc}; the extractive summary is shown")
    kept: list[dict[str, Any]] = []
    reasons: Counter[str] = Counter()
    spent = 0
    sentences = parse_reply(reply)
    for text, numbers in sentences:
        reason = _check(text, numbers, cited_texts)
        if reason is None and spent + len(text.split()) > words:
            reason = "over the word budget"
        if reason:
            reasons[reason] += 1
            continue
        kept.append(_kept(text, numbers, extractive))
        spent += len(text.split())
    if not kept:
        if not sentences:
            why = f"{where} replied with no text"
        else:
            why = f"none of the {len(sentences)} sentences {where} wrote traced to the sentences they cite ({_dropped(reasons)})"
        return Rewrite(extractive, "extractive", f"abstractive rewrite not used: {why}; try another model; the extractive summary is shown")
    note = f"rewritten by {where}: {len(kept)} of {len(sentences)} sentences kept"
    if reasons:
        note += f" (dropped: {_dropped(reasons)})"
    return Rewrite(kept, "abstractive", note)
