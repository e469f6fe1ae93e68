"""Figures: a number with what it counts, how it is qualified, who gave it and when.

Numbers are read in digits ("2,000", "$200 million", "81%") and in words ("four soldiers
and two civilians", "six-week war"). What a number counts comes from the words around it
(its noun, the verb or adjective that governs it: "27 people had been killed", "more than
200 injured", "left at least 32 people dead"). Numbers joined by "and" under one count are
summed; a number after "including" is part of the one before. A figure in a background
sentence (an earlier war's toll) is marked as background.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from ..cluster.features import is_background
from .quotes import SPEECH_VERBS, _resolve, _speaker_phrase, _subject_of, can_speak
from .nlp import children_of, doc_text, head_of, labels, sentence_at, span_text
from .nlp import tokens as doc_tokens

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
# Category -> words that say what a number counts. Order matters: casualties before people.
CATEGORIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("killed", frozenset("kill killed killing dead death deaths die died dying fatalities fatality toll lives bodies massacre slain murdered".split())),
    ("injured", frozenset("injure injured injuring injuries injury wound wounded hurt casualties".split())),
    ("displaced", frozenset("displace displaced evacuate evacuated refugees refugee homeless flee fled fleeing asylum".split())),
    ("arrested", frozenset("arrest arrested arrests detain detained detainees charged jailed imprisoned prisoners custody".split())),
    ("troops", frozenset("troops soldiers peacekeepers peacekeeping personnel servicemen marines sailors forces fighters strong militants police officers".split())),
    ("money", frozenset("dollars dollar euros euro pounds yuan yen rubles roubles rupees usd eur gbp $ € £ budget cost funding aid".split())),
    ("percent", frozenset("percent per % percentage".split())),
    ("duration", frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade decades".split())),
    ("people", frozenset("people persons civilians residents protesters demonstrators voters workers students children women men migrants families victims passengers".split())),
)
_QUALIFIERS = (
    ("at least", "at least"), ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("fewer than", "fewer than"), ("less than", "fewer than"), ("under", "fewer than"), ("up to", "up to"),
    ("as many as", "up to"), ("about", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"),
    ("some", "about"), ("an estimated", "about"), ("nearly", "nearly"), ("almost", "nearly"), ("close to", "nearly"),
)
_HISTORY = re.compile(
    r"\b(?:last year|previous(?:ly)?|earlier war|decades? (?:ago|earlier)|former|in the \d{4}s|(?:19|20)\d\d war|"
    r"(?:\w+-)?(?:week|day|month|year)s? (?:war|conflict))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# A token that starts with a digit (or a dollar sign and one) is a number; compiled once, as
# every token of an article is tried against it.
_DIGIT_START = re.compile(r"^\$?\d")
# The upper end of a range after a number: "20-30", "20 to 30", "1,000 – 2,500". It must hold
# a digit: "5 - ..." or "3 to, ..." are not ranges (a bare "," once stopped an article's extraction).
_RANGE_END = re.compile(r"\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?)")
_MONTHS = frozenset("january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split())


@dataclass(frozen=True)
class Figure:
    """A number in the text and what it stands for."""

    value: float
    counts: str
    text: str
    start: int
    end: int
    qualifier: str | None = None
    unit: str | None = None
    value_max: float | None = None
    reported_by: str | None = None
    when: str | None = None
    background: bool = False
    part_of_previous: bool = False


def parse_number(tokens: Sequence[Any]) -> float | None:
    """The value of a number written in digits or words ("2,000", "6.1", "twenty-five", "200 million")."""
    value = None
    for token in tokens:
        word = token.lower_.replace(",", "")
        hyphenated = re.fullmatch(r"(\$?\d+(?:\.\d+)?|[a-z]+)-(?:strong|day|week|month|year|hour)s?(?:-old)?", word)
        if hyphenated:
            word = hyphenated.group(1)
        if re.fullmatch(r"\$?\d+(?:\.\d+)?", word):
            value = float(word.lstrip("$"))
        elif word in _SCALES and value is not None:
            value *= _SCALES[word]
        elif "-" in word and all(part in _WORD_NUMBERS for part in word.split("-")):
            value = float(sum(_WORD_NUMBERS[part] for part in word.split("-")))
        elif word in _WORD_NUMBERS:
            number = _WORD_NUMBERS[word]
            value = float(number) if value is None else (value * number if number == 100 else value + number)
    return value


def _number_tokens(token: Any) -> list[Any]:
    """The token and the number words right after it that belong to the same number ("200 million")."""
    tokens = [token]
    index = token.i + 1
    while index < len(token.doc) and (token.doc[index].lower_ in _SCALES or token.doc[index].lower_ in _WORD_NUMBERS):
        tokens.append(token.doc[index])
        index += 1
    return tokens


_CASUALTY = ("killed", "injured", "displaced", "arrested")


def _keyword_category(token: Any) -> tuple[str, str] | None:
    for category, keys in CATEGORIES:
        if token.lower_ in keys or token.lemma_.lower() in keys:
            return category, token.lower_
    return None


def _category(number: Any, last: Any) -> tuple[str | None, str | None]:
    """What a number counts, and its unit for money and durations.

    The words read are the number's syntactic chain (its noun, the verb or adjective over
    that noun) and the two words right after it. A casualty word anywhere in that chain
    wins over the noun: in "killed four soldiers", the soldiers are the dead.
    """
    doc = number.doc
    text_after = doc_text(doc)[last.idx + len(last.text) : last.idx + len(last.text) + 12].lower()
    if text_after.startswith(("%", " percent", " per cent")):
        return "percent", None
    before = doc_text(doc)[max(0, number.idx - 1) : number.idx]
    if before.strip() and before in "$€£":
        return "money", {"$": "USD", "€": "EUR", "£": "GBP"}[before]
    compound = re.match(r"-(day|week|month|year|hour)s?\b", text_after) or re.search(r"-(day|week|month|year|hour)s?$", number.lower_)
    if compound:
        return "duration", compound.group(1) + "s"
    if re.match(r"-strong\b", text_after) or number.lower_.endswith("-strong"):
        return "troops", None
    chain = [head_of(number), head_of(head_of(number)), head_of(head_of(head_of(number)))]
    chain += [child for child in children_of(head_of(number)) if child.dep_ in {"amod", "acomp", "oprd", "xcomp", "advcl", "appos"}]
    following = [doc[i] for i in range(last.i + 1, min(last.i + 3, sentence_at(doc, number.i).end))]
    found = [hit for hit in (_keyword_category(t) for t in chain + following if t.i != number.i) if hit]
    if not found:
        return None, None
    casualty = next((hit for hit in found if hit[0] in _CASUALTY), None)
    category, word = casualty or found[0]
    if category == "duration":
        return "duration", word if word.endswith("s") else word + "s"
    if category == "money":
        return "money", {"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "yen": "JPY"}.get(word)
    return category, None


def _qualifier(number: Any) -> tuple[str | None, int]:
    """The qualifier before a number and where it starts."""
    before = doc_text(number.doc)[max(sentence_at(number.doc, number.i).start_char, number.idx - 20) : number.idx].lower()
    for phrase, normalised in _QUALIFIERS:
        if before.rstrip().endswith(phrase):
            return normalised, number.idx - (len(before) - before.rstrip().rfind(phrase))
    return None, number.idx


def _is_date_part(token: Any) -> bool:
    if _YEAR.match(token.text):  # "2020", but not "2,000"
        return True
    neighbours = {token.doc[i].lower_.strip(".") for i in (token.i - 1, token.i + 1) if 0 <= i < len(token.doc)}
    return bool(neighbours & _MONTHS) or (token.ent_type_ == "TIME")


def _reporter(sentence: Any, entities: Sequence[Any]) -> str | None:
    words = doc_tokens(sentence.doc)
    for token in words[sentence.start : sentence.end]:
        if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB":
            subject = _subject_of(token)
            if subject is not None and can_speak(_speaker_phrase(subject), entities):
                return _resolve(_speaker_phrase(subject), entities, sentence.start_char)
        if token.lower_ == "according" and token.i + 1 < len(words) and words[token.i + 1].lower_ == "to":
            target = next((child for child in children_of(words[token.i + 1]) if child.dep_ == "pobj"), None)
            if target is not None:
                return _resolve(_speaker_phrase(target), entities, sentence.start_char)
    return None


def find_figures(doc: Any, entities: Sequence[Any], dates: Sequence[Any] = ()) -> list[Figure]:
    """The figures of a parsed article, in text order."""
    text = doc_text(doc)
    kept = labels(doc)
    years = [int(word) for word in kept.text if _YEAR.match(word)]
    latest_year = max(years) if years else None
    figures: list[Figure] = []
    skip_until = -1
    for token, word, lower in zip(doc_tokens(doc), kept.text, kept.lower):
        if token.i <= skip_until:
            continue
        numeric = token.like_num or lower in _WORD_NUMBERS or _DIGIT_START.match(word) or (
            "-" in lower and lower.split("-")[0] in _WORD_NUMBERS
        )
        if not numeric:
            continue
        if lower in {"one", "a"} and head_of(token).pos_ != "NOUN":
            continue  # "one of the", "one day": rarely a count worth keeping
        if _is_date_part(token):
            continue
        tokens = _number_tokens(token)
        skip_until = tokens[-1].i
        value = parse_number(tokens)
        if value is None:
            continue
        last = tokens[-1]
        counts, unit = _category(token, last)
        if counts is None:
            continue
        value_max = None
        after = text[last.idx + len(last.text) : last.idx + len(last.text) + 12]
        range_match = _RANGE_END.match(after)
        end = last.idx + len(last.text)
        if range_match:
            value_max = float(range_match.group(1).replace(",", ""))
            end += range_match.end()
        qualifier, start = _qualifier(token)
        head = head_of(token) if head_of(token).i > last.i else None
        if head is not None and head.i - last.i <= 3:
            end = max(end, head.idx + len(head.text))
        sentence = sentence_at(doc, token.i)
        # The figure's own words are not its date: spaCy tags "six-week" as a DATE, and the
        # sentence's "in 2020" is what dates a "six-week conflict".
        when = next((d.text for d in dates if sentence.start_char <= d.start < sentence.end_char and not start <= d.start < end), None)
        sentence_text = span_text(sentence)
        background = is_background(sentence_text, latest_year) or bool(_HISTORY.search(sentence_text))
        part = any(t.lower_ in {"including", "among"} for t in doc[max(sentence.start, token.i - 3) : token.i])
        figures.append(
            Figure(value, counts, text[start:end], start, end, qualifier, unit, value_max, _reporter(sentence, entities), when, background, part)
        )
    return _sum_coordinated(doc, figures)


def _sum_coordinated(doc: Any, figures: list[Figure]) -> list[Figure]:
    """'four soldiers and two civilians' killed: one figure of 6."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        between = doc_text(doc)[previous.end : figure.start] if previous else ""
        if (
            previous is not None
            and previous.counts == figure.counts
            and figure.counts in {"killed", "injured", "displaced", "arrested", "people"}
            and re.fullmatch(r"\s*(?:\w+\s+)?(?:and|,)\s*", between)
            and not figure.part_of_previous
        ):
            merged[-1] = Figure(
                previous.value + figure.value,
                previous.counts,
                doc_text(doc)[previous.start : figure.end],
                previous.start,
                figure.end,
                previous.qualifier,
                previous.unit,
                None,
                previous.reported_by,
                previous.when,
                previous.background,
                previous.part_of_previous,
            )
        else:
            merged.append(figure)
    return merged
