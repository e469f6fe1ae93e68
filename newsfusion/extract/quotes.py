"""Quotes and who said them: direct, partial and indirect, each with its cue verb and attribution.

Direct and partial quotes are the spans inside quotation marks that reproduce someone's
words; a short span in marks with no one saying it ("anti-terror", a film title) is a term,
not a quote. The speaker is the subject of the speech verb nearest the quote ("...," Blinken
said; Russia's foreign ministry said in a statement: "..."), or what "according to" names.
Pronouns and descriptions ("he", "the ministry", "his spokesman") are resolved to the last
fitting name before the quote; a surname becomes the full name used earlier in the article.
Indirect quotes are speech-verb sentences without marks ("X said that ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from .entities import Entity
from .nlp import sentence_at, sentences as all_sentences, doc_text

SPEECH_VERBS = frozenset(
    """say tell add state urge warn insist note explain ask reply declare claim write tweet announce argue stress
    emphasize emphasise accuse condemn demand confirm acknowledge admit respond conclude recall predict suggest deny
    testify quote caution complain vow pledge promise reiterate assert maintain contend disclose reveal remark allege
    exclaim shout chant continue""".split()
)
# Common nouns that can speak: a subject without a name must be one of these ("the ministry said").
SPEAKER_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official officials minister ministry president prime leader leaders authorities
    authority police government lawyer lawyers attorney attorneys prosecutor prosecutors judge court witness witnesses
    protester protesters demonstrators resident residents student students teacher source sources analyst analysts
    expert experts researcher researchers statement department office agency military army commander chief director
    secretary senator lawmaker lawmakers representative governor mayor candidate campaign spokesmen officer officers
    doctor doctors father mother son daughter wife husband friend friends neighbor neighbour neighbors group party
    organization organisation union company firm council committee administration white house kremlin embassy
    parliament report survey study poll woman man people member members chairman ceo founder executive
    investigators investigator rescuers survivor survivors victim victims relative relatives""".split()
)
# Verbs that attribute a short phrase to someone: X "called it" "a disgrace".
NAMING_VERBS = frozenset("call describe term dub brand label".split())
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "they": None, "it": None, "we": None, "i": None}
# Spans in marks with fewer words are terms, unless a naming or speech verb attributes them.
MIN_QUOTE_WORDS = 4
# A quote that opens its sentence with no attribution continues the previous quote's speaker
# when it starts within this many characters of it (a monologue over several paragraphs).
CONTINUATION_CHARS = 1500
# Subject phrases longer than this are clipped to their head's nearest words.
MAX_SPEAKER_WORDS = 10
_PAIRS = {"“": "”", '"': '"', "«": "»"}
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
    while index < len(text):
        opening = text[index]
        if opening in _PAIRS:
            closing = _PAIRS[opening]
            end = text.find(closing, index + 1)
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
            continue
        index += 1
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _is_title(words: Sequence[str]) -> bool:
    long_words = [word for word in words if len(word) > 3]
    return len(long_words) >= 2 and all(word[:1].isupper() for word in long_words)


def _speaker_phrase(token: Any) -> Any:
    """The subject phrase, without the clauses and quotes hanging off it."""
    keep = [t for t in token.subtree if t.dep_ not in {"relcl", "acl", "advcl", "punct"} or t.i == token.i]
    words = [t for t in keep if abs(t.i - token.i) <= MAX_SPEAKER_WORDS]
    return token.doc[min(t.i for t in words) : max(t.i for t in words) + 1]


def _entity_at(entities: Sequence[Entity], start: int, end: int, kinds: set[str]) -> Entity | None:
    for entity in entities:
        if entity.start >= start and entity.end <= end and entity.type in kinds:
            return entity
    return None


def _last_before(entities: Sequence[Entity], position: int, kinds: set[str], head: str | None = None) -> Entity | None:
    best = None
    for entity in entities:
        if entity.end <= position and entity.type in kinds and (head is None or head.lower() in entity.text.lower()):
            best = entity
    return best


def _full_name(name: str, entities: Sequence[Entity]) -> str:
    """A surname becomes the full name the article used for that person."""
    if len(name.split()) == 1:
        for entity in entities:
            if entity.type == "PERSON" and len(entity.text.split()) >= 2 and entity.text.split()[-1] == name:
                return entity.text
    return name


def can_speak(phrase: Any, entities: Sequence[Entity]) -> bool:
    """A subject that can say something: a name, a pronoun, or a noun for people or institutions."""
    if _entity_at(entities, phrase.start_char, phrase.end_char, {"PERSON", "ORG", "PLACE", "NORP"}) is not None:
        return True
    head = phrase.root
    return head.pos_ == "PROPN" or head.text.lower() in PRONOUNS or head.lemma_.lower() in SPEAKER_NOUNS or head.text.lower() in SPEAKER_NOUNS


# Descriptions that stand for a person named earlier: "the Kansas Republican", "the actress".
PERSON_DESCRIPTORS = frozenset(
    """republican democrat senator lawmaker congressman congresswoman president minister official spokesman spokeswoman
    leader chairman chairwoman governor mayor candidate actress actor star singer player coach officer professor
    researcher analyst economist lawyer attorney judge prosecutor father mother woman man teenager student teacher
    witness doctor author writer executive founder host anchor""".split()
)
# How far back (characters) a pronoun may reach for the last speaker it stands for.
PRONOUN_REACH = 1500


def _salient_person(doc: Any, entities: Sequence[Entity], position: int, previous_speaker: str | None, since: int = 0) -> str | None:
    """Who 'he', 'she' or 'the Republican' most likely is.

    A person who is the subject of a sentence after the last quote ("Mayor Sadiq Kahn described
    ... “London is ...,” he said") comes first; then the last speaker; then the last person
    who was a subject, or the last person named.
    """
    people = [entity for entity in entities if entity.type == "PERSON" and entity.end <= position]

    def subject(entity: Entity) -> bool:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}

    if previous_speaker:
        newer = next((e for e in reversed(people[-6:]) if e.start >= since and subject(e)), None)
        if newer is not None:
            return _full_name(newer.text, entities)
        return previous_speaker
    for entity in reversed(people[-6:]):
        if subject(entity):
            return _full_name(entity.text, entities)
    return _full_name(people[-1].text, entities) if people else None


def _resolve(phrase: Any, entities: Sequence[Entity], position: int, previous_speaker: str | None = None, since: int = 0) -> str | None:
    """Name the speaker: the entity inside the subject phrase, or the one a pronoun or description points back to."""
    start, end = phrase.start_char, phrase.end_char
    named = _entity_at(entities, start, end, {"PERSON"}) or _entity_at(entities, start, end, {"ORG"})
    head = phrase.root
    if named is not None:
        text = named.text
        if named.type == "PERSON":
            return _full_name(text, entities)
        # "Russia's foreign ministry": keep the whole phrase, it names the institution.
        return phrase.text if head.pos_ == "NOUN" else text
    lower = head.text.lower()
    if lower in PRONOUNS:
        if PRONOUNS[lower] == "PERSON":
            return _salient_person(phrase.doc, entities, position, previous_speaker, since)
        found = _last_before(entities, position, {"ORG", "PERSON", "PLACE"})
        return _full_name(found.text, entities) if found else None
    if head.pos_ == "NOUN" and phrase[0].lower_ == "the" and head.lemma_.lower() in PERSON_DESCRIPTORS:
        return _salient_person(phrase.doc, entities, position, None) or phrase.text
    if head.pos_ == "NOUN" and phrase[0].text.lower() in {"the", "his", "her", "its", "their"}:
        found = _last_before(entities, position, {"ORG"}, head.text) or None
        if found is not None:
            return found.text
    if head.pos_ == "PROPN":
        return _full_name(phrase.text, entities)
    return phrase.text


def _subject_of(verb: Any) -> Any:
    """The verb's subject, or, for "..., urging X" or "issued a statement urging", the subject of the verb it hangs from."""
    for _ in range(3):
        subject = next((child for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ not in {"advcl", "xcomp", "conj", "acl"} or verb.head is verb:
            return subject
        verb = verb.head
    return None


def _cue_for(
    sentence: Any, quote_start: int, quote_end: int, entities: Sequence[Entity] = (), quote_spans: Sequence[tuple[int, int]] = ()
) -> tuple[Any, Any] | None:
    """The speech verb of the sentence that governs the quote, with its subject (or 'according to' object).

    A subject inside quotation marks is never the speaker: in 'Smith said "we can all put
    ourselves there," adding, "..."' the parser may make the first quote the subject of "adding".
    """
    best = None
    for token in sentence:
        if quote_start <= token.idx < quote_end:
            continue
        subject = None
        if token.lemma_ == "quote" and token.pos_ == "VERB":
            # "The Guardian quoted her as saying": the one quoted is the speaker.
            subject = next((child for child in token.children if child.dep_ == "dobj"), None) or _subject_of(token)
        elif token.lemma_ in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}:
            subject = _subject_of(token)
        elif token.lower_ == "according" and token.nbor(1).lower_ == "to" if token.i + 1 < len(token.doc) else False:
            subject = next((child for child in token.nbor(1).children if child.dep_ == "pobj"), None)
        if subject is None or quote_start <= subject.idx < quote_end or not can_speak(_speaker_phrase(subject), entities):
            continue
        if any(start <= subject.idx < end for start, end in quote_spans):
            if token.dep_ in {"advcl", "xcomp", "conj"} and token.head is not token:
                # ", adding, '...'": the speaker is the subject of the verb the clause hangs from.
                subject = _subject_of(token.head)
            if subject is None or any(start <= subject.idx < end for start, end in quote_spans):
                continue
        quoted = [t for t in sentence if quote_start <= t.idx < quote_end]
        # A verb whose clause holds the quote ("urging X to '...'") wins over one that only stands near it.
        governs = any(token in t.ancestors for t in quoted[:3])
        distance = min(abs(token.idx - quote_end), abs(quote_start - token.idx))
        rank = (0 if governs else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, token, subject)
    return (best[1], best[2]) if best else None


def _adjacent_cue(doc: Any, sentence: Any, entities: Sequence[Entity], spans: list[tuple[int, int]]) -> tuple[Any, Any] | None:
    """Attribution in the sentence before ("Fleming said:") or a short one after ("he added.")."""
    sentences = all_sentences(doc)
    index = next((i for i, s in enumerate(sentences) if s.start == sentence.start), None)
    if index is None:
        return None

    def has_quote(candidate: Any) -> bool:
        return any(candidate.start_char <= start < candidate.end_char for start, _ in spans)

    if index > 0:
        previous = sentences[index - 1]
        if previous.text.rstrip().endswith(":") or not has_quote(previous):
            found = _cue_for(previous, previous.end_char, previous.end_char, entities)
            if found is not None and previous.text.rstrip().endswith((":", "said.", "says.")) or (
                found is not None and previous.text.rstrip().endswith(":")
            ):
                return found
    if index + 1 < len(sentences):
        following = sentences[index + 1]
        if len(following) <= 8 and not has_quote(following):
            return _cue_for(following, following.start_char, following.start_char, entities)
    return None


def find_quotes(doc: Any, entities: Sequence[Entity]) -> list[Quote]:
    """The quotes of a parsed article, in text order."""
    text = doc_text(doc)
    quotes: list[Quote] = []
    covered: list[tuple[int, int]] = []
    quoted_spans_cache = quoted_spans(text)
    previous_speaker: tuple[str, str | None, str | None, int] | None = None
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
            cue_and_subject = _adjacent_cue(doc, sentence, entities, quoted_spans_cache)
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
        speaker = cue = attribution = None
        if cue_and_subject is not None:
            verb, subject = cue_and_subject
            phrase = _speaker_phrase(subject)
            recent = previous_speaker[0] if previous_speaker is not None and start - previous_speaker[3] < PRONOUN_REACH else None
            speaker = _resolve(phrase, entities, start, recent, previous_speaker[3] if previous_speaker is not None else 0)
            cue = verb.text if verb.lower_ != "according" else "according to"
            lo, hi = min(phrase.start, verb.i), max(phrase.end, verb.i + 1)
            attribution = doc[lo:hi].text
        elif previous_speaker is not None and start - previous_speaker[3] < CONTINUATION_CHARS and opens_sentence:
            speaker, cue, attribution, _ = previous_speaker  # a quote running on from the previous one
        if speaker:
            previous_speaker = (speaker, cue, attribution, end)
        quotes.append(Quote(text[start:end], start, end, kind, speaker, cue, attribution))
        covered.append((sentence.start_char, sentence.end_char))
    quotes.extend(_indirect_quotes(doc, entities, covered))
    return sorted(quotes, key=lambda quote: quote.start)


def _indirect_quotes(doc: Any, entities: Sequence[Entity], covered: list[tuple[int, int]]) -> list[Quote]:
    """'X said (that) ...' without quotation marks: the reported clause, attributed."""
    found = []
    for sentence in all_sentences(doc):
        if any(start <= sentence.start_char < end for start, end in covered):
            continue
        for token in sentence:
            if token.lemma_ not in {"say", "tell", "warn", "announce", "insist", "claim", "state", "add"} or token.pos_ != "VERB":
                continue
            clause = next((child for child in token.children if child.dep_ == "ccomp"), None)
            subject = next((child for child in token.children if child.dep_ == "nsubj"), None)
            if clause is None or subject is None:
                continue
            span = doc[clause.left_edge.i : clause.right_edge.i + 1]
            if len(span) < MIN_QUOTE_WORDS:
                continue
            phrase = _speaker_phrase(subject)
            found.append(
                Quote(
                    span.text,
                    span.start_char,
                    span.end_char,
                    "indirect",
                    _resolve(phrase, entities, sentence.start_char),
                    token.text,
                    doc[min(phrase.start, token.i) : max(phrase.end, token.i + 1)].text,
                )
            )
            break
    return found
