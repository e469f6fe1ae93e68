"""Facts about an event's sentence: casualty counts, whether it recounts the past, and its date.

`casualties` reads "killed 27 people", "left at least 32 dead and more than 200 injured";
`past_anchors` finds the clauses a past year anchors ("In the 1990s, Armenia defeated ..."),
so an event there is background and not the news of the day; `date_span` finds the date
expression that belongs to an event's own clause ("called on Wednesday for ...").
"""

from __future__ import annotations

from .event_cues import KILL_WORDS, NUMBER_WORDS, PAST_MARKERS, WOUND_WORDS
from .nlp import children_of, entities_in, head_of, lemmas, span_text, span_tokens, subtree_of
from .nlp import tokens as doc_tokens


def _number(token) -> int | None:
    """The integer a number token (with its compound parts: "three hundred", "6,500") spells."""
    parts = [t for t in subtree_of(token) if t.like_num or t.lower_ in NUMBER_WORDS] or [token]
    if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return None
    total, current = 0, 0
    for part in parts:
        text = part.lower_.replace(",", "")
        if text.isdigit():
            current += int(text)
            continue
        try:
            current += int(float(text))
            continue
        except ValueError:
            pass
        for piece in text.split("-"):
            value = NUMBER_WORDS.get(piece)
            if value is None:
                return None
            if value in (100, 1000, 1_000_000):
                current = max(current, 1) * value
                if value > 100:
                    total, current = total + current, 0
            else:
                current += value
    value = total + current
    return value if 0 < value < 10_000_000 else None


def _count_of(token) -> int | None:
    """How many people a noun or number token counts: "27 people", "three", "more than 200"."""
    if token is None:
        return None
    if token.like_num or token.lower_ in NUMBER_WORDS:
        return _number(token)
    for child in children_of(token):
        if child.dep_ == "nummod":
            return _number(child)
    return None


def casualties(sent) -> tuple[int | None, int | None]:
    """(dead, injured) the sentence reports: "killed 27 people", "left 32 dead and 200 injured"."""
    found = {"dead": None, "injured": None}
    lower_lemmas = lemmas(sent.doc)
    for token in span_tokens(sent):
        lemma = lower_lemmas[token.i]
        kind = "dead" if lemma in KILL_WORDS or token.lower_ in KILL_WORDS else (
            "injured" if lemma in WOUND_WORDS or token.lower_ in WOUND_WORDS else None)
        if kind is None:
            continue
        count = None
        for child in children_of(token):
            if child.dep_ in ("dobj", "nsubjpass", "nsubj") and not (lemma == "kill" and child.dep_ == "nsubj"):
                count = _count_of(child)
                if count is not None:
                    # "killed four soldiers and two civilians"
                    for conj in children_of(child):
                        if conj.dep_ == "conj" and not conj.like_num:
                            count += _count_of(conj) or 0
                    break
        if count is None and token.dep_ in ("amod", "acomp", "oprd", "conj", "xcomp", "ccomp"):
            count = _count_of(head_of(token)) if token.dep_ == "amod" else None
            if count is None:  # "left at least 32 people dead": the number before it
                for k in range(token.i - 1, max(sent.start, token.i - 5) - 1, -1):
                    other = doc_tokens(sent.doc)[k]
                    if other.like_num or other.dep_ == "nummod":
                        count = _count_of(other)
                        break
                    if other.pos_ == "VERB":
                        break
        if count is not None and (found[kind] is None or count > found[kind]):
            found[kind] = count
    return found["dead"], found["injured"]


def _year_in(text: str) -> int | None:
    for word in text.replace("'", " ").replace("’", " ").split():
        digits = word.rstrip("s,.")
        if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
            return int(digits)
    return None


def past_anchors(sent, ref_year: int | None = None) -> tuple[bool, set[int]]:
    """Where the sentence recounts the past: (whole sentence?, token indices anchored in a past year).

    A phrase such as "years later" puts the whole sentence in the past. A past year
    ("In 2020, ...", "in the 1990s") anchors only the past-tense clause it modifies, so in
    "called on all parties to respect the agreements reached in November 2020" the call is
    news and only "reached" is history. A year naming a thing ("the 2020 war") anchors that
    noun alone; "the 2020 ceasefire agreement" as the object of a present verb stays news.
    """
    lowered = span_text(sent).lower()
    if any(marker in lowered for marker in PAST_MARKERS):
        return True, set()
    anchored: set[int] = set()
    for ent in entities_in(sent):
        if ent.label_ != "DATE":
            continue
        year = _year_in(ent.text)
        if year is None or (ref_year is not None and year >= ref_year):
            continue
        head = ent.root
        while head.dep_ in ("pobj", "prep", "nummod", "compound", "amod", "npadvmod", "det") and head_of(head).i != head.i:
            if head.dep_ in ("nummod", "compound", "amod") and head_of(head).pos_ == "NOUN":
                noun = head_of(head)
                anchored.add(noun.i)  # "the 2020 war": that war is history
                if noun.dep_ == "pobj" and head_of(noun).lower_ in ("after", "during", "in") and head_of(head_of(noun)).pos_ in ("VERB", "AUX"):
                    head = head_of(head_of(noun))  # "after the 2020 war, Yerevan was forced ...": anchors the clause
                    break
                head = None
                break
            head = head_of(head)
            if head.pos_ == "NOUN":
                anchored.add(head.i)  # "a war in 2020"
        if head is not None and head.pos_ in ("VERB", "AUX") and _past_tense(head):
            anchored.add(head.i)
            if head.dep_ in ("acl", "relcl"):  # "the agreement signed in November 2020": that agreement too
                anchored.add(head_of(head).i)
    return False, anchored


def _past_tense(verb) -> bool:
    """Whether a verb's clause is in the past; an infinitive or gerund takes the tense of the verb above it."""
    for _ in range(4):
        if verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in children_of(verb) if c.dep_ in ("aux", "auxpass")):
            return True
        if verb.tag_ not in ("VB", "VBG") or head_of(verb).i == verb.i:
            return False
        verb = head_of(verb)
        while verb.pos_ not in ("VERB", "AUX") and head_of(verb).i != verb.i:  # "an attempt to attack": up to the verb
            verb = head_of(verb)
    return False


def in_anchored_clause(token, anchored: set[int]) -> bool:
    """Whether the token or a head above it (its clause, the clause that clause belongs to) is anchored."""
    for _ in range(12):
        if token.i in anchored:
            return True
        if head_of(token).i == token.i:
            return False
        token = head_of(token)
    return False


def date_span(tokens, sent) -> tuple[int, int] | None:
    """(start, end) characters of the date expression that modifies the event's own clause, or None.

    `tokens` are the trigger's tokens (the verb, or the noun and its light verb). A DATE entity
    belongs to the event when climbing from it through prepositions and modifiers reaches one
    of them before any other verb: "called early on Wednesday" and "the fighting on Tuesday"
    do, "respect the agreements reached in November 2020" does not date the call.
    """
    targets = {t.i for t in tokens}
    for ent in entities_in(sent):
        if ent.label_ != "DATE":
            continue
        token = ent.root
        for _ in range(6):
            if token.i in targets:
                return ent.start_char, ent.end_char
            if token.pos_ in ("VERB", "AUX") and token is not ent.root:
                if token.dep_ in ("acl", "relcl") and head_of(token).i in targets:
                    return ent.start_char, ent.end_char  # "the agreement signed in November 2020"
                break
            if head_of(token).i == token.i:
                break
            token = head_of(token)
    return None
