"""PLOVER event coding: who did what to whom, sentence by sentence, from spaCy's parse.

Triggers are verb lemmas with their particles, prepositions and objects ("call for", "impose
sanctions", "held talks") and event nouns that stand as what happened ("protests erupted",
"clashes killed"), looked up in `event_lexicon`. A trigger inside the complement of another
("agreed to *provide*", "urged Baku to *stop*") is the content of that one and not an event
of its own; a negated cooperative trigger is a refusal (REJECT); a promised or future one is
an intent to cooperate (AGREE), or a threat when it is hostile. The source is the subject (or
the agent of a passive, or the speaker of "X said" for speech acts), the target the object
or a prepositional object; both are expanded to their noun phrase and coded by `actors`.
A trigger in an "if"/"whether" clause is a hypothetical and no event; the complement of
"stop" flips cooperation into a sanction and violence into a ceasefire. Casualties, the
past-year anchoring of background and the date of the event's clause come from `event_facts`.

`find_events` returns the mentions of a parsed text; `event_records` turns them into the
`Event` records the extraction stores (dated against the publication date). See EVENTS.md
for the design, the scores and the known weaknesses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .actors import (
    RELATIVES, Actor, Context, find_actors, is_actor_head, match_name, reporter_of,
)
from .actors import token_lemma as _lemma
from .actors import verb_lemma as _verb_lemma
from .event_cues import (
    CIVILIAN_WORDS, CONTEXT_CUES, ENDING, EXPLOSIVES, HEAVY_WEAPONS, INTENT, INTENT_NOUNS, MILITARY_WORDS, OCCUR, REPORTING,
)
from .event_facts import casualties, date_span, in_anchored_clause, past_anchors
from .event_lexicon import COOPERATIVE, HOSTILE, LIGHT_VERBS, NOUNS, VERBS, VIOLENT, Rule
from .nlp import children_of, doc_text, entity_at, head_of, labels, lemmas, sentences, span_text, span_tokens, subtree_of

__all__ = ["Actor", "Event", "EventActor", "EventMention", "code_text", "event_records", "find_events", "reference_year"]


@dataclass(frozen=True)
class EventMention:
    type: str
    mode: str | None
    context: str | None
    source: Actor | None
    target: Actor | None
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    location: str | None
    dead: int | None
    injured: int | None
    background: bool
    reported: bool
    confidence: float
    date_start: int | None = None  # the DATE expression of the event's own clause, if any
    date_end: int | None = None


@dataclass(eq=False)
class _Cand:
    tok: Any  # the verb or noun the event hangs on
    type: str
    mode: str | None
    context: str | None
    weight: float
    noun: Any = None  # the object noun of a light verb ("held *talks*")
    extra: list = field(default_factory=list)  # particles and prepositions that belong to the trigger
    kind: str = "verb"
    strength: float = 0.0
    negated: bool = False
    intent: bool = False
    governor: "_Cand | None" = None
    inner: list = field(default_factory=list)
    subject_event: "_Cand | None" = None  # "clashes killed": the noun event that did it
    base_type: str = ""  # the lexicon's type, before negation and intent changed it
    modal_demand: bool = False  # "said China must drop barriers": the speaker demands
    conditional: bool = False  # inside an "if" clause: hypothetical
    stopped: bool = False  # the complement of "stop"/"halt": "will stop funding the WHO"
    segment: Any = None


# Dependencies through which a trigger is the content of the trigger above it.
_GOVERN_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "oprd", "dative", "acl", "attr", "advcl", "conj", "acomp"})
_STRICT_GOVERN = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "oprd", "dative", "attr", "acomp"})
_LOCATION_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "along", "around", "into"})
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_HEDGE_AUX = frozenset({"could", "may", "might"})
_READY = frozenset({"ready", "willing", "prepared", "determined", "eager", "set"})
_FIGHT_ONLY = frozenset({"clash", "fight", "battle", "skirmish", "shell", "bombard", "pound", "strafe", "invade",
                         "defeat", "repel", "repulse", "retake", "recapture", "overrun", "ambush", "firefight",
                         "gunfight", "shelling", "bombardment", "invasion", "airstrike", "fighting", "hostility"})
_NAME_ENTS = frozenset({"ORG", "LAW", "WORK_OF_ART", "FAC", "PRODUCT"})
_DEMAND_MODALS = frozenset({"must", "should"})
_STOP_VERBS = frozenset({"stop", "halt", "cease", "end", "suspend", "quit", "discontinue"})
_DEMAND_NOUNS = frozenset({"reminder", "warning", "demand", "statement", "message", "letter", "note", "insistence"})
_CASUALTY_TYPES = frozenset({"ASSAULT", "FIGHT", "PROTEST", "COERCE"})
_CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure", "injured", "wounded", "hurt"})
# "The agreement calls for forces to withdraw": a text's terms, not anybody's demand.
_DOCUMENT_NOUNS = frozenset({"agreement", "deal", "plan", "treaty", "accord", "resolution", "law", "bill", "proposal",
                             "pact", "constitution", "document", "draft", "measure", "legislation", "text", "framework"})


# --- trigger detection ------------------------------------------------------------------------


def _direct_object(verb):
    passive = None
    for child in children_of(verb):
        if child.dep_ == "dobj":
            return child
        if child.dep_ == "nsubjpass":
            passive = child
    return passive


def _cues(token) -> set[str]:
    """Lemmas that can complete a trigger: children, prepositional objects, the object's modifiers."""
    cues = set()
    for child in children_of(token):
        cues.add(_lemma(child))
        if child.dep_ in ("advcl", "ccomp"):
            cues.update(_lemma(m) for m in children_of(child) if m.dep_ == "mark")
        if child.dep_ in ("prep", "dobj", "prt", "oprd", "acomp", "nsubjpass", "agent"):
            for grand in children_of(child):
                if grand.dep_ in ("pobj", "amod", "compound", "acomp", "prt"):
                    cues.add(_lemma(grand))
                elif grand.dep_ == "prep" and child.dep_ in ("dobj", "nsubjpass"):  # "a state *of emergency*"
                    cues.update(_lemma(g) for g in children_of(grand) if g.dep_ == "pobj")
    return cues


def _fits(rule: Rule, obj, cues: set[str]) -> bool:
    if rule.needs is not None and not (rule.needs & cues):
        return False
    if rule.obj is not None and (obj is None or (_lemma(obj) not in rule.obj and not any(
        c.dep_ == "compound" and _lemma(c) in rule.obj for c in children_of(obj)
    ))):
        return False
    return not (rule.noobj and obj is not None and obj.dep_ == "dobj")


def _noun_rule(noun) -> Rule | None:
    rules = NOUNS.get(_lemma(noun))
    if not rules:
        return None
    cues = {_lemma(child) for child in children_of(noun)}
    for rule in rules:
        if _fits(rule, None, cues):
            return rule
    return None


def _verb_candidate(tok) -> _Cand | None:
    lemma = _verb_lemma(tok)
    obj = _direct_object(tok)
    rules = VERBS.get(lemma)
    if rules:
        cues = _cues(tok)
        for rule in rules:
            if _fits(rule, obj, cues):
                if rule.type is None:
                    return None
                extra = [c for c in children_of(tok) if c.dep_ == "prt" or (
                    rule.needs and c.dep_ == "prep" and _lemma(c) in rule.needs and c.i - tok.i in (1, 2))]
                noun = obj if obj is not None and obj.dep_ == "dobj" and rule.obj is not None and obj.i > tok.i else None
                return _Cand(tok, rule.type, rule.mode, rule.context, rule.weight, noun=noun, extra=extra)
    if lemma in LIGHT_VERBS:
        nouns = [obj] if obj is not None else []
        nouns += [g for c in children_of(tok) if c.dep_ == "prep" and c.lower_ == "in" for g in children_of(c) if g.dep_ == "pobj"]
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            for word in [noun] + [c for c in children_of(noun) if c.dep_ == "compound"]:
                rule = _noun_rule(word)
                if rule is not None and rule.type is not None:
                    return _Cand(tok, rule.type, rule.mode, rule.context, rule.weight, noun=noun)
    return None


def _candidates(sent) -> tuple[list[_Cand], dict[int, _Cand]]:
    cands: list[_Cand] = []
    by_token: dict[int, _Cand] = {}
    kept = labels(sent.doc)
    for tok in span_tokens(sent):
        pos, dep = kept.pos[tok.i], kept.dep[tok.i]
        cand = None
        if (pos == "VERB" or (pos == "ADJ" and tok.tag_ == "VBN")) and dep != "amod":
            lemma = _verb_lemma(tok)
            if lemma in REPORTING and any(c.dep_ in ("ccomp", "parataxis") for c in children_of(tok)):
                cand = None  # "a rights group charged [that] ...": a report of the event inside
            elif lemma in VERBS or lemma in LIGHT_VERBS:
                cand = _verb_candidate(tok)
        elif pos in ("NOUN", "PROPN") and tok.lemma_.lower() in NOUNS and tok.ent_type_ not in _NAME_ENTS:
            rule = _noun_rule(tok)
            if rule is not None and rule.type is not None:
                cand = _Cand(tok, rule.type, rule.mode, rule.context, rule.weight, kind="noun" if rule.alone else "part")
        if pos in ("VERB", "AUX") and dep in ("ccomp", "acl", "relcl", "parataxis", "conj"):
            demand = _modal_demand(tok, cand)
            if demand is not None:
                cand = demand
        if cand is not None:
            cand.segment = sent
            cands.append(cand)
            by_token[tok.i] = cand
    # a light verb's or a trigger's object noun belongs to that trigger
    for cand in cands:
        if cand.kind == "verb":
            obj = cand.noun if cand.noun is not None else _direct_object(cand.tok)
            if obj is not None and obj.i in by_token and by_token[obj.i] is not cand and by_token[obj.i].kind != "verb":
                by_token[obj.i].governor = cand
                cand.inner.append(by_token[obj.i])
    return cands, by_token


def _modal_demand(tok, cand: _Cand | None) -> _Cand | None:
    """ "X said Y must do Z", "a reminder that Y must ...": X demands that Y does Z (CAMEO 10)."""
    modals = [c for c in children_of(tok) if c.dep_ == "aux" and c.lower_ in _DEMAND_MODALS]
    if not modals or any(c.dep_ == "neg" for c in children_of(tok)):
        return None
    clause = tok
    while clause.dep_ == "conj" and head_of(clause).i != clause.i:  # "told X there is ... and that Y must ..."
        clause = head_of(clause)
    head = head_of(clause) if clause.dep_ in ("ccomp", "acl", "relcl", "parataxis") else head_of(tok)
    if not ((head.pos_ in ("VERB", "AUX") and _verb_lemma(head) in REPORTING) or _lemma(head) in _DEMAND_NOUNS):
        return None
    demand = _Cand(tok, "DEMAND", None, cand.context if cand else None, 1.0, extra=modals)
    demand.modal_demand = True
    return demand


def _inanimate_agent(tok) -> bool:
    for child in children_of(tok):
        if child.dep_ == "agent":
            for grand in children_of(child):
                # "troops backed by artillery strikes": support given by a thing is no one's act
                if grand.dep_ == "pobj" and not is_actor_head(grand):
                    return True
    return False


def _inanimate_subject(tok) -> bool:
    """ "Authorizations that permitted the war", "the deal allows ...": a thing, not an actor, does it."""
    for child in children_of(tok):
        if child.dep_ == "nsubj":
            if child.lower_ in RELATIVES and tok.dep_ == "relcl":
                child = head_of(tok)
            named = any(c.pos_ == "PROPN" or c.ent_type_ for c in children_of(child) if c.dep_ in ("compound", "amod", "poss", "nmod"))
            return child.pos_ == "NOUN" and not named and not is_actor_head(child) and child.lemma_.lower() not in NOUNS
    return False


def _inverted_condition(verb) -> bool:
    """ "Should he want to ...", "Had they known ...": a condition written as an inverted auxiliary."""
    subject = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were") and c.i < subject.i for c in children_of(verb))


def _conditional(tok) -> bool:
    """Whether the trigger sits in an "if", "unless" or "whether" clause (a hypothetical, not an event).

    Climbs from the trigger (a verb, or the noun of "if war were to break out") through the
    clauses above it, so a trigger in the main clause of a conditional sentence stays real.
    """
    token = tok
    for _ in range(8):
        if token.dep_ in ("advcl", "ccomp", "csubj") and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless", "whether") for m in children_of(token)
        ):
            return True
        if _inverted_condition(token):
            return True
        if head_of(token).i == token.i:
            return False
        token = head_of(token)
    return False


def _has_condition(tok) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(c)) for c in children_of(tok))


def _negated(cand: _Cand) -> bool:
    tokens = [cand.tok] + ([cand.noun] if cand.noun is not None else [])
    for token in tokens:
        for child in children_of(token):
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no" and token is cand.noun):
                return True
    # "failed to agree", "did not agree" on an auxiliary head
    head = head_of(cand.tok)
    if cand.tok.dep_ == "xcomp" and _lemma(head) == "fail":
        return True
    return False


def _govern(cands: list[_Cand], by_token: dict[int, _Cand], sent) -> None:
    """Link each trigger to the trigger whose complement it is; note intent and negation."""
    conj_later = []
    for cand in cands:
        cand.negated = cand.negated or _negated(cand)
        if any(_lemma(c) in _FUTURE_AUX for c in children_of(cand.tok) if c.dep_ == "aux"):
            cand.intent = True
        if cand.governor is not None:
            continue
        token = cand.tok
        if cand.kind != "verb" and token.dep_ in ("nsubj", "nsubjpass") and head_of(token).pos_ in ("VERB", "AUX"):
            token = head_of(token)  # "[warning that] its operation will persist": the clause of the noun
            if any(_lemma(c) in _FUTURE_AUX for c in children_of(token) if c.dep_ == "aux"):
                cand.intent = True
        steps = 0
        while token.dep_ in _GOVERN_DEPS and head_of(token).i != token.i and steps < 8:
            dep = token.dep_
            head = head_of(token)
            steps += 1
            above = by_token.get(head.i)
            if above is not None and above is not cand:
                for_to = dep == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in children_of(token))
                if dep in _STRICT_GOVERN or for_to or (dep == "acl" and above.kind != "verb"):
                    cand.governor = above
                    above.inner.append(cand)
                elif dep == "conj":
                    conj_later.append((cand, above))
                break
            if dep == "advcl":
                break
            hl = _lemma(head)
            if hl in REPORTING and dep in ("ccomp", "xcomp", "conj"):
                break
            if dep == "xcomp" and (hl in INTENT or hl in _READY):
                cand.intent = True
            if dep == "xcomp" and hl == "fail":
                cand.negated = True
            if dep == "xcomp" and hl in _STOP_VERBS:
                cand.stopped = True
                if any(_lemma(c) in _FUTURE_AUX for c in children_of(head) if c.dep_ == "aux"):
                    cand.intent = True  # "will stop funding": the future is on the stop verb
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and head.i not in by_token:
                if hl in INTENT_NOUNS:
                    cand.intent = True
                else:
                    break
            token = head
    # "urged them to stop the bloodshed and stop hostilities": conjuncts share the governor
    for cand, above in conj_later:
        if above.governor is not None:
            cand.governor = above.governor
            above.governor.inner.append(cand)
        cand.intent = cand.intent or above.intent


def _resolve_types(cands: list[_Cand]) -> None:
    for cand in cands:
        if cand.governor is None:
            continue
        gov = cand.governor
        if gov.context is None and cand.context is not None:
            gov.context = cand.context
        if _lemma(gov.tok) in INTENT and cand.type in HOSTILE and gov.type == "AGREE":
            gov.type, gov.mode = "THREATEN", cand.mode  # "vowed to retaliate"


def _apply_modality(cand: _Cand) -> bool:
    """Negation, conditions and intent; False when the trigger names no event after all."""
    cand.base_type = cand.type
    if _conditional(cand.tok):
        cand.conditional = True
    if cand.stopped:
        # stopping cooperation is a sanction (CAMEO 16: "halt aid", "break off talks");
        # stopping violence is a ceasefire
        if cand.type in ("AID", "COOPERATE"):
            cand.type, cand.mode = "SANCTION", "discontinue"
        elif cand.type in ("CONSULT", "SUPPORT", "AGREE"):
            cand.type, cand.mode = "SANCTION", "withdraw"
        elif cand.type in VIOLENT:
            cand.type, cand.mode = "RETREAT", "ceasefire"
    if cand.kind == "verb" and cand.type in HOSTILE and cand.type != "THREATEN" and _has_condition(cand.tok):
        cand.type = "THREATEN"  # "may halt mediation if ...": a conditional hostile move is a threat
        return True
    if cand.negated:
        if cand.type in COOPERATIVE:
            cand.type, cand.mode = "REJECT", None
            return True
        return False
    if cand.intent and cand.type not in ("AGREE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"):
        if cand.type in HOSTILE:
            cand.type = "THREATEN"
        else:
            cand.type = "AGREE"
    return True


# --- type refinements -------------------------------------------------------------------------


def _refine(cand: _Cand, source: Actor | None, target: Actor | None, sent) -> None:
    """ASSAULT or FIGHT, a government's protest, a clash of protesters with police, a military strike."""
    lemma = _lemma(cand.tok)
    src_words = set(source.text.lower().split()) if source else set()
    tgt_words = set(target.text.lower().split()) if target else set()
    tgt_lemmas = {w.rstrip("s") for w in tgt_words} | tgt_words
    src_lemmas = {w.rstrip("s") for w in src_words} | src_words
    if cand.type == "PROTEST" and lemma == "protest" and cand.kind == "verb":
        if any(c.dep_ in ("ccomp",) for c in children_of(cand.tok)) or (cand.tok.dep_ in ("acl", "parataxis") and cand.tok.tag_ == "VBD"):
            cand.type, cand.mode = "DISAPPROVE", "complain"  # "..., a rights group protested"
            return
        if source is None:
            return
        if source.sector in ("GOV", "IGO") or (source.code and source.sector is None and source.text.split()[0][:1].isupper()):
            cand.type, cand.mode = "DISAPPROVE", None
        return
    struck = lemma == "strike" or (cand.noun is not None and _lemma(cand.noun) == "strike")
    if cand.type == "PROTEST" and struck and cand.mode == "strike-gen":
        # "warplanes conducted fresh strikes", "the army struck": a military strike, not a walkout
        if (source and source.sector in ("MIL", "REB", "GOV")) or src_lemmas & HEAVY_WEAPONS:
            cand.type, cand.mode = "FIGHT", "heavy-weapons"
        return
    if cand.type not in VIOLENT:
        return
    sectors = {a.sector for a in (source, target) if a is not None}
    if lemma in ("clash",) or (cand.subject_event is not None and _lemma(cand.subject_event.tok) == "clash"):
        if "CVL" in sectors or {"protester", "demonstrator"} & (src_lemmas | tgt_lemmas):
            cand.type, cand.mode = "PROTEST", "riot"
        return
    anchor = cand.subject_event.tok if cand.subject_event is not None else cand.tok
    if _lemma(anchor) in _FIGHT_ONLY or cand.type == "FIGHT" and lemma not in ("attack", "strike", "raid", "hit"):
        cand.type = "FIGHT"
        return
    nearby = {_lemma(t) for t in subtree_of(anchor)} | src_lemmas
    if lemma in ("kill", "wound", "injure", "bomb", "attack") and nearby & EXPLOSIVES or _lemma(anchor) in ("explosion", "blast", "bombing"):
        cand.type = "ASSAULT"
        cand.mode = "suicide-attack" if "suicide" in nearby else "explosives"
        return
    if nearby & HEAVY_WEAPONS:  # conventional military means: artillery, aircraft, tanks
        cand.type, cand.mode = "FIGHT", cand.mode or "heavy-weapons"
        return
    if tgt_lemmas & CIVILIAN_WORDS or (target is not None and target.sector == "CVL"):
        cand.type = "ASSAULT"
        return
    if tgt_lemmas & MILITARY_WORDS or (target is not None and target.sector in ("MIL", "REB", "POL")):
        cand.type = "FIGHT"
        return
    if source is not None and source.sector == "MIL":
        cand.type = "FIGHT"
        return
    if source is not None and target is not None and source.code and target.code and source.sector != "REB" and source.code != target.code:
        cand.type = "FIGHT"
        return
    cand.type = "ASSAULT"


def _context(cand: _Cand, lemmas: set[str]) -> str | None:
    for name, words in CONTEXT_CUES:
        if words & lemmas:
            return name
    return cand.context


# --- sentence facts ---------------------------------------------------------------------------


def _location(cand: _Cand, spans: list[tuple[int, int]]) -> str | None:
    doc = cand.tok.doc
    sent = cand.segment

    def place(token) -> str | None:
        if token.ent_type_ not in ("GPE", "LOC", "FAC") and match_name([token], 0) is None:
            return None
        for start, end in spans:
            if start <= token.idx < end:
                return None
        ent = entity_at(doc, token.i)
        return ent.text if ent is not None else token.text

    clause = cand.tok
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head_of(clause).i != clause.i:
        clause = head_of(clause)
    # The doc's kept tokens and tree (nlp.py): these walks cover whole clauses and sentences,
    # and spaCy's own would make a new Token for every word and every head.
    deps = labels(doc).dep
    for root in (cand.tok, clause):
        for token in subtree_of(root):
            if deps[token.i] == "pobj" and head_of(token).lower_ in _LOCATION_PREPS:
                found = place(token)
                if found:
                    return found
    for token in span_tokens(sent):
        if deps[token.i] == "pobj" and head_of(token).lower_ in _LOCATION_PREPS and head_of(head_of(token)).pos_ in ("VERB", "AUX"):
            found = place(token)
            if found:
                return found
    return None


def _confidence(cand: _Cand, source: Actor | None, target: Actor | None) -> float:
    tok = cand.tok
    if cand.kind == "verb":
        dep = tok.dep_
        if dep == "ROOT" or (dep in ("ccomp", "parataxis") and _lemma(head_of(tok)) in REPORTING):
            base = 0.9
        elif dep == "conj" and (head_of(tok).dep_ == "ROOT" or _lemma(head_of(head_of(tok))) in REPORTING):
            base = 0.85
        elif dep == "advcl" and any(c.lower_ in ("while", "whereas") for c in children_of(tok) if c.dep_ == "mark"):
            base = 0.85
        elif dep in ("advcl", "xcomp", "ccomp", "conj"):
            base = 0.65
        elif dep in ("relcl", "acl", "amod"):
            base = 0.45
        else:
            base = 0.6
    else:
        base = cand.strength
    score = base * cand.weight
    if source is not None:
        score += 0.05 if source.code else 0.02
    if target is not None:
        score += 0.03
    if any(_lemma(c) in _HEDGE_AUX for c in children_of(tok) if c.dep_ == "aux"):
        score *= 0.8
    if cand.conditional:
        score *= 0.4
    return round(max(0.0, min(1.0, score)), 3)


def _noun_strength(cand: _Cand, by_token: dict[int, _Cand]) -> float:
    tok = cand.tok
    dep, head = tok.dep_, head_of(tok)
    if dep in ("nsubj", "nsubjpass") and _lemma(head) in OCCUR:
        return 0.75
    if dep == "ROOT":
        return 0.7
    if dep == "conj" and head.i in by_token and by_token[head.i].strength >= 0.7:
        return by_token[head.i].strength
    if dep in ("nsubj", "nsubjpass", "attr"):
        return 0.5
    return 0.3


def _trigger_tokens(cand: _Cand) -> list:
    tokens = [cand.tok] + list(cand.extra)
    if cand.noun is not None:
        tokens.append(cand.noun)
    if cand.subject_event is not None:
        tokens.append(cand.subject_event.tok)
    if cand.negated:
        tokens.extend(c for c in children_of(cand.tok) if c.dep_ in ("neg", "aux") and (c.dep_ == "neg" or c.i < cand.tok.i))
    return sorted(tokens, key=lambda t: t.i)


# --- the coder --------------------------------------------------------------------------------


def _sentence_events(sent, ctx: Context, ref_year: int | None) -> list[EventMention]:
    cands, by_token = _candidates(sent)
    if not cands:
        return []
    ctx.segment = sent
    # "clashes killed", "explosions that killed": a violent verb whose subject is a violent noun
    for cand in cands:
        if cand.kind != "verb" or cand.type not in VIOLENT:
            continue
        for child in children_of(cand.tok):
            if child.dep_ == "nsubj" and child.lower_ in RELATIVES and cand.tok.dep_ == "relcl":
                child = head_of(cand.tok)
            elif child.dep_ != "nsubj":
                continue
            noun = by_token.get(child.i)
            if noun is not None and noun.kind != "verb" and noun.type in VIOLENT:
                cand.type, cand.mode = noun.type, noun.mode or cand.mode
                cand.subject_event = noun
                noun.governor = cand
    _govern(cands, by_token, sent)
    _resolve_types(cands)
    out: list[tuple[_Cand, Actor | None, Actor | None]] = []
    for cand in cands:
        if cand.governor is not None or cand.kind == "part":
            continue
        if cand.kind == "noun":
            cand.strength = _noun_strength(cand, by_token)
            head = head_of(cand.tok)
            if cand.tok.dep_ == "nsubj" and _lemma(head) in ENDING and cand.type in VIOLENT:
                cand.type, cand.mode, cand.extra = "RETREAT", "ceasefire", [head]
                cand.strength = 0.75
        if not _apply_modality(cand):
            continue
        if cand.kind == "verb" and cand.type == "DEMAND" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENT_NOUNS for c in children_of(cand.tok)
        ):
            continue
        if cand.conditional and cand.type != "THREATEN":
            continue  # "if Obama vetoes the bill", "whether Cuba would allow": hypotheticals are not events
        if cand.kind == "verb" and cand.type in COOPERATIVE and (_inanimate_agent(cand.tok) or _inanimate_subject(cand.tok)):
            continue
        source, target = find_actors(cand, ctx)
        _refine(cand, source, target, sent)
        out.append((cand, source, target))
    strong = [item for item in out if item[0].kind == "verb" or item[0].strength >= 0.5]
    chosen = strong or out[:1]
    if not chosen:
        return []
    # "the fighting left 32 dead and 200 injured", "shelled Juba, killing 20": the casualty word
    # counts the victims of the violence the sentence names; it is not another event
    named = [item for item in chosen if item[0].type in VIOLENT and _lemma(item[0].tok) not in _CASUALTY_LEMMAS]
    if named:
        chosen = [item for item in chosen if not (item[0].type in VIOLENT and _lemma(item[0].tok) in _CASUALTY_LEMMAS
                                                  and item[0].subject_event is None)]
    sentence_lemmas = set(lemmas(sent.doc)[sent.start : sent.end])
    dead, injured = casualties(sent)
    whole_past, anchored = past_anchors(sent, ref_year)
    events = []
    for cand, source, target in chosen:
        trig = _trigger_tokens(cand)
        spans = [(a.start, a.end) for a in (source, target) if a is not None]
        violent = cand.type in _CASUALTY_TYPES
        when = date_span(trig, sent)
        events.append(
            EventMention(
                type=cand.type,
                mode=cand.mode,
                context=_context(cand, sentence_lemmas),
                source=source,
                target=target,
                trigger=doc_text(sent.doc)[trig[0].idx : trig[-1].idx + len(trig[-1].text)],
                trigger_start=trig[0].idx,
                trigger_end=trig[-1].idx + len(trig[-1].text),
                sentence=span_text(sent),
                sentence_start=sent.start_char,
                sentence_end=sent.end_char,
                location=_location(cand, spans),
                dead=dead if violent else None,
                injured=injured if violent else None,
                background=whole_past or in_anchored_clause(cand.tok, anchored),
                reported=reporter_of(cand.tok) is not None or _according_to(sent),
                confidence=_confidence(cand, source, target),
                date_start=when[0] if when else None,
                date_end=when[1] if when else None,
            )
        )
    return events


def _according_to(sent) -> bool:
    kept = span_tokens(sent)
    for k, token in enumerate(kept):
        if token.lower_ == "according" and k + 1 < len(kept) and kept[k + 1].lower_ == "to":
            return True
        if token.lower_ in ("reportedly", "allegedly"):
            return True
    return False


def _segments(doc):
    """The doc's sentences, cut again at line breaks (headlines and paragraphs run together)."""
    text = doc_text(doc)
    for sent in sentences(doc):
        start = sent.start
        if "\n" not in text[sent.start_char : sent.end_char]:
            yield doc[start : sent.end]  # no line break inside (the common case): not cut
            continue
        for tok in span_tokens(sent):
            if tok.is_space and "\n" in tok.text:
                if start < tok.i:
                    yield doc[start : tok.i]
                start = tok.i + 1
            elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
                yield doc[start : tok.i + 1]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def find_events(doc, ref_year: int | None = None) -> list[EventMention]:
    """All PLOVER events in a spaCy Doc (offsets relative to doc.text), in text order.

    `ref_year`, when known (the article's publication year), keeps sentences anchored in that
    year or later from being flagged as background.
    """
    ctx = Context()
    events: list[EventMention] = []
    for segment in _segments(doc):
        events.extend(_sentence_events(segment, ctx, ref_year))
    events.sort(key=lambda e: (e.trigger_start, -e.confidence))
    return events


def code_text(text: str, ref_year: int | None = None) -> list[EventMention]:
    """Convenience: parse with newsfusion.extract.nlp.load_nlp() and call find_events."""
    from .nlp import load_nlp

    return find_events(load_nlp()(text), ref_year)


# --- the extraction record --------------------------------------------------------------------


@dataclass(frozen=True)
class EventActor:
    """One side of an event as stored: the span as written, its code and sector, and its members."""

    text: str
    code: str | None  # ISO 3166 alpha-3, "IGO", or None
    sector: str | None
    start: int
    end: int
    parts: tuple[tuple[str, str | None], ...] = ()  # "Russia and Pope Francis": (("Russia", "RUS"), ("Pope Francis", "VAT"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "code": self.code, "sector": self.sector, "start": self.start, "end": self.end,
            "parts": [{"text": text, "code": code} for text, code in self.parts],
        }


_NO_ACTOR = {"text": None, "code": None, "sector": None, "start": None, "end": None, "parts": []}


@dataclass(frozen=True)
class Event:
    """One coded event mention of an article, with spans into the article text (the `events` of an extraction).

    `start`/`end` are the sentence's span. `date` is the resolved date of the expression in the
    event's own clause (`date_basis` "text"), else the publication date for news of the day
    (`date_basis` "published"), else None (background with no date of its own).
    """

    sentence: str
    start: int
    end: int
    type: str
    mode: str | None
    context: str | None
    source: EventActor | None
    target: EventActor | None
    trigger: str
    trigger_start: int
    trigger_end: int
    location: str | None
    date: str | None
    date_text: str | None
    date_basis: str | None
    dead: int | None
    injured: int | None
    background: bool
    reported_speech: bool
    confidence: float

    def as_dict(self) -> dict[str, Any]:
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["source"] = self.source.as_dict() if self.source else dict(_NO_ACTOR)
        record["target"] = self.target.as_dict() if self.target else dict(_NO_ACTOR)
        return record


def _event_actor(actor: Actor | None) -> EventActor | None:
    if actor is None:
        return None
    return EventActor(actor.text, actor.code, actor.sector, actor.start, actor.end, actor.parts)


def reference_year(published: str | None, inferred: dict[str, Any] | None = None) -> int | None:
    """The year an article was written in, for background: its publication date, else an inferred
    timeframe that ends within one year ("last year's war" dates 003 to 2021). A timeframe that is only
    a floor ("2020 or later") gives no year: any past year then counts as background.
    """
    inferred = inferred or {}
    start, end = inferred.get("start") or "", inferred.get("end") or ""
    for value in (published, end if start[:4] == end[:4] else None):
        if value and len(value) >= 4 and value[:4].isdigit():
            return int(value[:4])
    return None


def event_records(mentions: list[EventMention], dates: list[Any], published: str | None) -> list[Event]:
    """The extraction records of an article's event mentions, dated with its resolved DateMentions."""
    by_start = {mention.start: mention for mention in dates}
    day = published[:10] if published and len(published) >= 10 else None
    records = []
    for mention in mentions:
        date = date_text = basis = None
        found = by_start.get(mention.date_start) if mention.date_start is not None else None
        if found is not None:
            date_text = found.text  # kept when it cannot be resolved ("Wednesday" with no publication date)
        if found is not None and found.resolved:
            date, basis = found.resolved, "text"
        elif not mention.background and day:
            date, basis = day, "published"
        records.append(
            Event(
                sentence=mention.sentence, start=mention.sentence_start, end=mention.sentence_end, type=mention.type,
                mode=mention.mode, context=mention.context, source=_event_actor(mention.source),
                target=_event_actor(mention.target), trigger=mention.trigger, trigger_start=mention.trigger_start,
                trigger_end=mention.trigger_end, location=mention.location, date=date, date_text=date_text,
                date_basis=basis, dead=mention.dead, injured=mention.injured, background=mention.background,
                reported_speech=mention.reported, confidence=mention.confidence,
            )
        )
    return records
