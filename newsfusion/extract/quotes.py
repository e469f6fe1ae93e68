"""Quotes and who said them: direct, partial and indirect, each with its cue verb and attribution.

Direct and partial quotes are the spans inside quotation marks that reproduce someone's
words; a short span in marks with no one saying it ("anti-terror", a film title) is a term,
not a quote. The speaker is the subject of the speech verb nearest the quote ("...," Blinken
said; Russia's foreign ministry said in a statement: "..."), or what "according to" names.
Characterising verbs ("described him as", "what she called") and nouns of speech ("his claim
that") attribute a phrase in their clause; a sentence ending in a colon introduces the quote
after it; a quote with no attribution takes the speaker the narrative introduced since the last
quote ("X told ABC that ...") or runs on from the last one. Pronouns, descriptions and texts
("he", "the spokesman", "the statement said") are resolved by speakers.Discourse.
Indirect quotes are speech-verb sentences without marks ("X said that ...").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any, Sequence

from .entities import Entity
from .normalize import acronym_of
from .nlp import ancestors_of, children_of, doc_text, head_of, labels, sentence_at, span_text, span_tokens, tokens
from .nlp import sentences as all_sentences
from .speakers import (
    CHARACTERISING_VERBS,
    DOCUMENT_NOUNS,
    MAX_SPEAKER_WORDS,
    NAMING_VERBS,
    PERSON_DESCRIPTORS,
    PRONOUN_REACH,
    PRONOUNS,
    SPEAKER_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    can_speak,
    discourse,
    is_reply_verb,
    is_speech_verb,
    speaker_phrase,
    subject_of,
)

__all__ = [
    "PERSON_DESCRIPTORS", "PRONOUNS", "PRONOUN_REACH", "SPEAKER_NOUNS", "SPEECH_VERBS", "MAX_SPEAKER_WORDS",
    "Quote", "can_speak", "find_quotes", "quoted_spans",
]
# Spans in marks with fewer words are terms, unless a naming or speech verb attributes them.
MIN_QUOTE_WORDS = 4
# A quote that opens its sentence with no attribution continues the previous quote's speaker
# when it starts within this many characters of it (a monologue over several paragraphs).
CONTINUATION_CHARS = 1500
# A round-up's credit line under its excerpts ("Geoff Ramsey, Washington Post"): how many quoted
# paragraphs it may close, and how long it and its outlet part may be.
CREDIT_SEARCH_PARAGRAPHS = 6
CREDIT_MAX_WORDS = 16
CREDIT_MAX_OUTLET_WORDS = 6
_CREDIT_CONNECTORS = frozenset({"of", "the", "and", "&", "for", "on", "at", "in"})
# A speaker written as an acronym: "EPA", "U.N.", "NOAA".
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$")
# What may stand between an excerpt's closing mark and a credit on the same line.
_CREDIT_DASH = re.compile(r"[”\"’']*[ \t]*[—–―-][ \t]*")
# A naming verb this many characters or fewer before a quote names it even outside its clause.
NAMING_GAP = 25
_PAIRS = {"“": "”", '"': '"', "«": "»"}
# Any opening mark: the scan jumps from one to the next instead of stepping through every character.
_OPENING = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_SENTENCE_END = re.compile(r"[.!?…]$")


@dataclass(frozen=True)
class Quote:
    """A quote: its words (a span of the text), kind, speaker and the words that attribute it."""

    text: str
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker: str | None
    cue: str | None
    attribution: str | None


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks; a quote runs at most to its paragraph's end."""
    spans = []
    index = 0
    while (found := _OPENING.search(text, index)) is not None:
        index = found.start()
        opening = text[index]
        end = text.find(_PAIRS[opening], index + 1)
        paragraph_end = text.find("\n", index + 1)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        if end < 0 or end > paragraph_end:
            end = paragraph_end  # the quote goes on in the next paragraph, which reopens it
            if end - index > 1 and opening == "“":
                spans.append((index + 1, end))
            index = end
            continue
        if end > index + 1:
            spans.append((index + 1, end))
        index = end + 1
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _is_title(words: Sequence[str]) -> bool:
    long_words = [word for word in words if len(word) > 3]
    return len(long_words) >= 2 and all(word[:1].isupper() for word in long_words)


# The names other modules (figures) use for the attribution helpers.
_speaker_phrase = speaker_phrase
_subject_of = subject_of


def _resolve(phrase: Any, entities: Sequence[Entity], position: int = 0, previous_speaker: str | None = None, since: int = 0) -> str | None:
    """Name the speaker a subject phrase stands for (see speakers.Discourse.resolve); None when nothing fits."""
    found = discourse(phrase.doc, entities).resolve(phrase)
    return found[0] if found else None


# Words that can attribute a quote; any other token is skipped without a look at its parse.
_CUE_WORDS = SPEECH_VERBS | CHARACTERISING_VERBS | SPEECH_NOUNS | {"quote", "read", "according"}


def _inside(char: int, spans: Sequence[tuple[int, int]], starts: Sequence[int]) -> bool:
    index = bisect_right(starts, char) - 1
    return index >= 0 and spans[index][0] <= char < spans[index][1]


def _cue_for(
    sentence: Any, quote_start: int, quote_end: int, entities: Sequence[Entity] = (), quote_spans: Sequence[tuple[int, int]] = ()
) -> tuple[Any, Any] | None:
    """The speech verb of the sentence that governs the quote, with its subject (or 'according to' object).

    A subject inside quotation marks is never the speaker: in 'Smith said "we can all put
    ourselves there," adding, "..."' the parser may make the first quote the subject of "adding".
    Verbs that only characterise ("described him as", "what he called", "the agency found") and
    nouns of speech ("his claim that ...") attribute the quote only when it is in their clause.
    """
    best = None
    # The doc's kept tokens (nlp.py): a sentence walked through spaCy makes a new Token per word.
    words = span_tokens(sentence)
    quoted = [t for t in words if quote_start <= t.idx < quote_end][:3]
    starts = [start for start, _ in quote_spans]
    quoted_ancestors: set[int] | None = None
    for token in words:
        if quote_start <= token.idx < quote_end or _inside(token.idx, quote_spans, starts):
            continue
        lemma = token.lemma_.lower()
        if lemma not in _CUE_WORDS and not (token.pos_ in {"VERB", "AUX"} and any(child.dep_ in {"prt", "advmod"} for child in children_of(token))):
            continue
        if quoted_ancestors is None:
            quoted_ancestors = {ancestor.i for t in quoted for ancestor in ancestors_of(t)}
        # A verb whose clause holds the quote ("urging X to '...'") wins over one that only stands near it.
        governs = token.i in quoted_ancestors
        subject = None
        if lemma == "quote" and token.pos_ == "VERB":
            # "The Guardian quoted her as saying": the one quoted is the speaker.
            subject = next((child for child in children_of(token) if child.dep_ == "dobj"), None) or subject_of(token)
        elif is_speech_verb(token):
            subject = subject_of(token)
        elif token.pos_ in {"VERB", "AUX"} and lemma in CHARACTERISING_VERBS and (
            governs or (lemma in NAMING_VERBS and 0 < quote_start - token.idx <= NAMING_GAP)
        ):
            # "as Ann Coulter calls it, the 'browning of America'": a naming verb just before the phrase.
            subject = subject_of(token)
        elif token.pos_ in {"VERB", "AUX"} and lemma == "read":
            # "the statement reads", "the first version read:": a text says what it reads.
            subject = subject_of(token)
            if subject is None or subject.lemma_.lower() not in DOCUMENT_NOUNS:
                continue
        elif token.pos_ == "NOUN" and lemma in SPEECH_NOUNS and governs:
            subject = next((child for child in children_of(token) if child.dep_ == "poss"), None)
        elif token.lower_ == "according" and token.i + 1 < len(token.doc) and tokens(token.doc)[token.i + 1].lower_ == "to":
            subject = next((child for child in children_of(tokens(token.doc)[token.i + 1]) if child.dep_ == "pobj"), None)
        if subject is None or quote_start <= subject.idx < quote_end or not can_speak(speaker_phrase(subject), entities):
            continue
        if _inside(subject.idx, quote_spans, starts):
            if token.dep_ in {"advcl", "xcomp", "conj"} and head_of(token).i != token.i:
                # ", adding, '...'": the speaker is the subject of the verb the clause hangs from.
                subject = subject_of(head_of(token))
            if subject is None or _inside(subject.idx, quote_spans, starts):
                continue
        distance = min(abs(token.idx - quote_end), abs(quote_start - token.idx))
        rank = (0 if governs else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, token, subject)
    return (best[1], best[2]) if best else None


def _adjacent_cue(doc: Any, sentence: Any, entities: Sequence[Entity], spans: list[tuple[int, int]], last: Any = None) -> tuple[Any, Any] | None:
    """Attribution in the sentence before ("Fleming said:", "As Greider pointed out:") or a short one after ("he added.").

    `sentence` is the one the quote opens in, `last` the one it closes in (the same by default):
    '"... What crime was committed?" Portnoy asked.' is attributed after its last sentence.
    """
    sentences = all_sentences(doc)
    index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), None)
    if index is None:
        return None
    last_index = index if last is None else next((i for i in range(index, len(sentences)) if sentences[i].start == last.start), index)

    def has_quote(candidate: Any) -> bool:
        return any(candidate.start_char <= start < candidate.end_char for start, _ in spans)

    if index > 0:
        previous = sentences[index - 1]
        introduces = span_text(previous).rstrip().endswith(":")
        if introduces or not has_quote(previous):
            found = _cue_for(previous, previous.end_char, previous.end_char, entities, spans)
            if found is not None and (introduces or span_text(previous).rstrip().endswith(("said.", "says."))):
                return found
            if introduces:
                # A sentence that ends in a colon introduces the quote: its subject speaks, whatever the verb.
                subject = subject_of(previous.root)
                if subject is not None and can_speak(speaker_phrase(subject), entities):
                    return previous.root, subject
    if last_index + 1 < len(sentences):
        following = sentences[last_index + 1]
        if len(following) <= 8 and not has_quote(following):
            return _cue_for(following, following.start_char, following.start_char, entities)
    return None


def find_quotes(doc: Any, entities: Sequence[Entity]) -> list[Quote]:
    """The quotes of a parsed article, in text order."""
    text = doc_text(doc)
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    agents = discourse(doc, entities)
    quoted_spans_cache = agents.quoted
    previous_speaker: tuple[str, str | None, str | None, int] | None = None
    previous_end = 0
    previous_from_document = False
    speaker_by_cue: dict[int, str | None] = {}
    for start, end in quoted_spans_cache:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_at(doc, span.start)
        # A quote of several sentences is attributed before its first or after its last:
        # read every sentence it touches, from the one it opens in to the one it closes in.
        closing = doc.char_span(max(start, end - 1), min(len(text), end + 1), alignment_mode="expand")
        last_sentence = sentence_at(doc, closing.start) if closing is not None else sentence
        region = doc[sentence.start : max(last_sentence.end, sentence.end)]
        words = text[start:end].split()
        cue_and_subject = _cue_for(region, start, end, entities, quoted_spans_cache)
        if cue_and_subject is None:
            cue_and_subject = _adjacent_cue(doc, sentence, entities, quoted_spans_cache, last_sentence)
        before = text[max(sentence.start_char, start - 40) : start].lower()
        after = text[end + 1 : end + 3].lstrip()
        # X "called it" "a disgrace": the phrase is theirs only when it ends the clause, not when
        # it qualifies a noun ("what it called an 'anti-terrorist' operation").
        named = any(re.search(rf"\b{verb}\w*\b", before) for verb in NAMING_VERBS) and (not after or not after[0].isalnum())
        if len(words) < MIN_QUOTE_WORDS and not named:
            continue  # a term in quotation marks
        if _is_title(words) and cue_and_subject is None:
            continue  # the title of a work, a slogan
        opens_sentence = text[sentence.start_char : start].strip(" “\"'(‘") == ""
        after_lead_in = text[max(0, start - 3) : start - 1].rstrip().endswith((":", ","))
        kind = "direct" if opens_sentence or after_lead_in or (len(words) >= 5 and _SENTENCE_END.search(text[start:end].rstrip(",” "))) else "partial"
        speaker = cue = attribution = credited = None
        if cue_and_subject is not None:
            verb, subject = cue_and_subject
            phrase = speaker_phrase(subject)
            speaker = _resolve(phrase, entities, start)
            pronoun = phrase.root.lower_ if len(phrase) == 1 else None
            if verb.i in speaker_by_cue:
                speaker = speaker_by_cue[verb.i]  # '"...," he fired back. "..."': one cue, one speaker
            elif previous_speaker is not None and start - previous_speaker[3] < CONTINUATION_CHARS:
                if pronoun in {"he", "she"} and speaker == previous_speaker[0] and is_reply_verb(verb):
                    # '"...," he fired back': the one answering, not the one who spoke last.
                    other = agents.antecedent(phrase.start_char, {"person", "unknown"}, "m" if pronoun == "he" else "f", exclude=speaker)
                    speaker = other.name if other is not None else speaker
                elif pronoun == "it" and previous_from_document:
                    speaker = previous_speaker[0]  # 'the statement said. "...," it said': the same statement
            previous_from_document = phrase.root.lemma_.lower() in DOCUMENT_NOUNS
            speaker_by_cue[verb.i] = speaker
            cue = verb.text if verb.lower_ != "according" else "according to"
            lo, hi = min(phrase.start, verb.i), max(phrase.end, verb.i + 1)
            attribution = span_text(doc[lo:hi])
        elif opens_sentence:
            # No attribution of its own: a credit line under it names its writer (a round-up's
            # excerpt); else a speaker the narrative introduced since the last quote ("Hastings
            # told ABC radio that ...") says it; else the quote runs on from the last one.
            credited = _credit_line(text, end, entities)
            if credited is not None:
                speaker, attribution = credited
            elif (introduced := agents.speaker_between(max(previous_end, start - CONTINUATION_CHARS), start)) is not None:
                speaker, cue, attribution = introduced.name, introduced.cue, introduced.attribution
            elif previous_speaker is not None and start - previous_speaker[3] < CONTINUATION_CHARS:
                speaker, cue, attribution, _ = previous_speaker
        if credited is not None:
            previous_speaker = None  # the credit line closes its writer's excerpts: the next quote is another's
        elif speaker:
            previous_speaker = (speaker, cue, attribution, end)
        previous_end = end
        quotes.append(Quote(text[start:end], start, end, kind, speaker, cue, attribution))
        covered.append((sentence.start_char, sentence.end_char))
    quotes.extend(_indirect_quotes(doc, entities, covered))
    return sorted(_spelled_out(quotes, entities), key=lambda quote: quote.start)


def _spelled_out(quotes: list[Quote], entities: Sequence[Entity]) -> list[Quote]:
    """Speakers written as an acronym the article spells out elsewhere ("EPA"), under their full name
    ("Environmental Protection Agency"), when exactly one organisation of the article fits it."""
    names = {entity.text for entity in entities if entity.type == "ORG" and len(entity.text.split()) >= 2}
    found: dict[str, str | None] = {}
    result = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker and _ACRONYM.match(speaker):
            if speaker not in found:
                fits = [name for name in names if acronym_of(speaker, name)]
                found[speaker] = fits[0] if len(fits) == 1 else None
            if found[speaker]:
                quote = replace(quote, speaker=found[speaker])
        result.append(quote)
    return result


def _credit_line(text: str, end: int, entities: Sequence[Entity]) -> tuple[str, str] | None:
    """(speaker, the line) when the quote ending at `end` is an excerpt credited on its own line below.

    Opinion round-ups quote a columnist in one or more paragraphs, each in quotation marks, and
    credit them on the line under the last one ("Geoff Ramsey, Washington Post") or after a dash
    on the quote's own line ('"..." — Tiana Lowe, Washington Examiner'). Under the quote, its
    paragraph must end with it and every paragraph down to the credit must be quoted too. The
    credit is short, "NAMES, OUTLET", opens with a person the article's entities name, has no
    sentence ending, and its outlet part is capitalised words.
    """
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    rest = text[end:line_end]
    dash = _CREDIT_DASH.match(rest)
    if dash is not None:  # '"..." — Tiana Lowe, Washington Examiner': the credit on the quote's own line
        return _credit(text, end + dash.end(), line_end, entities)
    if line_end == len(text) or rest.strip(" ”\"’'.…"):
        return None  # the paragraph goes on after the quote
    for _ in range(CREDIT_SEARCH_PARAGRAPHS):
        start = line_end
        while start < len(text) and text[start] in "\n \t":
            start += 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end == -1 else line_end
        line = text[start:line_end].rstrip()
        if not line:
            return None
        if line[0] in _PAIRS:
            continue  # the next excerpt of the same writer
        return _credit(text, start, line_end, entities)
    return None


def _credit(text: str, start: int, end: int, entities: Sequence[Entity]) -> tuple[str, str] | None:
    """(names, the credit) when text[start:end] is a credit "NAMES, OUTLET" opening with a named person."""
    line = text[start:end].rstrip()
    names, comma, outlet = line.rpartition(", ")
    if not comma or len(line.split()) > CREDIT_MAX_WORDS or line[-1] in ".!?:;”\"" or len(outlet.split()) > CREDIT_MAX_OUTLET_WORDS:
        return None
    if not all(word[:1].isupper() or word.lower() in _CREDIT_CONNECTORS for word in outlet.split()):
        return None
    if not any(entity.type == "PERSON" and entity.start == start and entity.end <= start + len(names) for entity in entities):
        return None
    return names.strip(), line


def _indirect_quotes(doc: Any, entities: Sequence[Entity], covered: list[tuple[int, int]]) -> list[Quote]:
    """'X said (that) ...' without quotation marks: the reported clause, attributed."""
    found = []
    kept = labels(doc)
    for sentence in all_sentences(doc):
        if any(start <= sentence.start_char < end for start, end in covered):
            continue
        for token in span_tokens(sentence):
            if kept.lemma[token.i] not in {"say", "tell", "warn", "announce", "insist", "claim", "state", "add"} or kept.pos[token.i] != "VERB":
                continue
            clause = next((child for child in children_of(token) if child.dep_ == "ccomp"), None)
            subject = next((child for child in children_of(token) if child.dep_ == "nsubj"), None)
            if clause is None or subject is None:
                continue
            span = doc[clause.left_edge.i : clause.right_edge.i + 1]
            if len(span) < MIN_QUOTE_WORDS:
                continue
            phrase = speaker_phrase(subject)
            found.append(
                Quote(
                    span_text(span),
                    span.start_char,
                    span.end_char,
                    "indirect",
                    _resolve(phrase, entities, sentence.start_char),
                    token.text,
                    span_text(doc[min(phrase.start, token.i) : max(phrase.end, token.i + 1)]),
                )
            )
            break
    return found
