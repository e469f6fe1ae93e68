"""Who a speaker phrase names: the discourse a quote's attribution is read against.

News attribution points back. "He said" is the person the last sentences were about; "the
spokesman" is the one introduced as "a spokesman for the ministry" or "the spokesman, Ivan
Petrov"; "the statement said" is whoever issued the statement; "it said" is the institution
that last acted. `Discourse` lists, once per parsed article and in text order, the subject of
every clause outside quotation marks with the clause's role (a speech verb, a main clause,
an embedded clause) and resolves each pronoun and description against what came before it,
so chains ("X said ... He added ... he said") resolve link by link. Names mentioned inside
quotation marks are the speaker's words, not the narrative, and are never antecedents.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Sequence

from .entities import Entity
from .nlp import ancestors_of, children_of, doc_text, head_of, labels, lemmas, span_text, subtree_of, tokens

SPEECH_VERBS = frozenset(
    """say tell add state urge warn insist note explain ask reply declare claim write tweet announce argue stress
    emphasize emphasise accuse condemn demand confirm acknowledge admit respond conclude recall predict suggest deny
    testify quote caution complain vow pledge promise reiterate assert maintain contend disclose reveal remark allege
    exclaim shout chant continue report quip joke retort counter observe lament concede boast mention scream yell muse
    recount affirm plead spit snap clarify fume scoff sneer whisper mutter grumble gush marvel wonder inquire interject
    interrupt chide scold""".split()
)
# Verb + particle pairs that report speech: "pointed out", "fired back".
PHRASAL_SPEECH = frozenset({("point", "out"), ("fire", "back"), ("shoot", "back"), ("hit", "back"), ("lash", "out"), ("speak", "out")})
REPLY_VERBS = frozenset("reply respond retort counter answer".split())
# Verbs that attribute a phrase to their subject only when the phrase is in their clause:
# X "called it" "a disgrace", described Y as "evil", what X decried as "cruelty", the agency found "...".
NAMING_VERBS = frozenset("call describe term dub brand label".split())
CHARACTERISING_VERBS = NAMING_VERBS | frozenset("decry denounce hail praise celebrate dismiss characterize characterise find".split())
# Nouns of speech whose possessor is the speaker: his claim that "...", her warning of "...".
SPEECH_NOUNS = frozenset(
    "claim statement remark comment word warning promise pledge vow assertion description accusation argument threat demand".split()
)
# People by their role. Singular ones stand for one person ("he"), plural ones for a group ("they").
PERSON_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson official source aide adviser advisor lawyer attorney prosecutor judge witness
    protester protestor demonstrator resident student teacher analyst expert researcher economist commander chief director
    secretary senator lawmaker representative congressman congresswoman governor mayor candidate officer doctor nurse
    father mother son daughter wife husband brother sister parent friend neighbor neighbour man woman boy girl member
    chairman chairwoman ceo founder executive investigator rescuer survivor victim relative president minister leader
    professor author writer columnist commentator host anchor activist organizer organiser worker employee owner manager
    coach player actor actress singer star teenager diplomat ambassador envoy strategist pollster historian scientist
    pastor priest rabbi imam cleric veteran soldier agent detective sheriff critic supporter opponent voter patient
    passenger driver pilot defendant suspect""".split()
)
GROUP_NOUNS = frozenset("family people police authorities crowd audience staff team coalition couple residents".split())
INSTITUTION_NOUNS = frozenset(
    """ministry department office agency military army navy bureau commission embassy parliament congress senate house
    government administration campaign group party organization organisation union company firm council committee court
    board network newspaper university school district state county club church association foundation institute center
    centre regime kremlin""".split()
)
# People who hand out statements on someone else's behalf.
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
# Texts that "say" something on behalf of whoever issued them.
DOCUMENT_NOUNS = frozenset(
    """statement report letter video paper filing memo memorandum release post tweet message email ad advertisement website
    site text entry readout study survey poll document complaint lawsuit indictment ruling order transcript book column
    editorial resolution notice announcement version page""".split()
)
SPEAKER_NOUNS = PERSON_NOUNS | GROUP_NOUNS | INSTITUTION_NOUNS | DOCUMENT_NOUNS | frozenset(
    "sources analysts experts witnesses officials leaders lawmakers members relatives survivors victims white".split()
)
# Descriptions that stand for a person named earlier: "the Kansas Republican", "the actress".
PERSON_DESCRIPTORS = frozenset(
    """republican democrat senator lawmaker congressman congresswoman president minister official spokesman spokeswoman
    leader chairman chairwoman governor mayor candidate actress actor star singer player coach officer professor
    researcher analyst economist lawyer attorney judge prosecutor father mother woman man teenager student teacher
    witness doctor author writer executive founder host anchor""".split()
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
PRONOUNS = {"he": "PERSON", "she": "PERSON", "him": "PERSON", "her": "PERSON", "they": None, "them": None, "it": None, "we": None, "i": None}
_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_MALE = frozenset("man boy father son husband brother spokesman congressman chairman businessman king prince".split())
_FEMALE = frozenset("woman girl mother daughter wife sister spokeswoman congresswoman chairwoman businesswoman actress queen princess".split())
# Titles written before a name ("Mayor of London Sadiq Kahn", "Rep. Tim Huelskamp").
TITLES = frozenset("mayor president senator governor minister secretary chancellor rep. rep sen. sen gov. chairman chairwoman speaker judge".split())
_DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "its", "their"}
_INDEFINITE = {"a", "an", "another", "one", "some"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "rep", "rep.", "sen", "sen.", "gov", "gov.", "sir", "dame"}
# How far back (characters) a pronoun or description may reach for what it stands for.
PRONOUN_REACH = 1500
# A name that was neither a subject nor a speaker is a fallback antecedent only this close; "the
# ministry" with no organisation of that name stands for one named this close before it.
NEAR_REACH = 400
# Subject phrases longer than this are clipped to their head's nearest words.
MAX_SPEAKER_WORDS = 10

SPEAKING, MAIN, OTHER = 2, 1, 0
_KEY = "newsfusion.discourse"
_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "dobj"})
# Verbs whose subject speaks whether or not the quote is in their clause ("find" needs it there).
_SPEAKING_CHARACTERISERS = CHARACTERISING_VERBS - {"find"}
_SPANS = "newsfusion.quoted_spans"


@dataclass(frozen=True)
class Mention:
    """Someone the narrative names or refers to: where, who (resolved), what kind, and in what role."""

    start: int
    end: int
    name: str
    kind: str  # person | group | org | unknown (a name of unknown type) | thing
    role: int  # SPEAKING (subject of a speech verb, "according to"), MAIN (main-clause subject), OTHER
    token: int  # index of the phrase's head token
    cue: str | None = None
    attribution: str | None = None
    gender: str | None = None  # m | f when the text shows it (he, she, Mr., Ms., mother, spokesman)


def speaker_phrase(token: Any) -> Any:
    """The subject phrase around `token`, without the relative clauses, participles and quotes hanging off it."""
    dropped: set[int] = set()
    for t in subtree_of(token):
        if t.i != token.i and t.dep_ in {"relcl", "acl", "advcl"} and t.i not in dropped:
            dropped.update(x.i for x in subtree_of(t))
    within = {t.i for t in subtree_of(token) if t.i not in dropped and t.text not in {"“", "”", '"'}}
    start = end = token.i
    while start - 1 in within and token.i - (start - 1) <= MAX_SPEAKER_WORDS:
        start -= 1
    while end + 1 in within and (end + 1) - token.i <= MAX_SPEAKER_WORDS:
        end += 1
    doc = token.doc
    kept = tokens(doc)
    while start < token.i and kept[start].is_punct:
        start += 1
    while end > token.i and kept[end].is_punct:
        end -= 1
    return doc[start : end + 1]


def is_speech_verb(token: Any) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    lemma = token.lemma_.lower()
    if lemma in SPEECH_VERBS:
        return True
    # The parser often makes the particle an adverb: "he fired back" (back: advmod).
    return any(child.dep_ in {"prt", "advmod"} and (lemma, child.lower_) in PHRASAL_SPEECH for child in children_of(token))


def is_reply_verb(token: Any) -> bool:
    """"replied", "shot back": the speaker answers someone, so is not the one who spoke last."""
    lemma = token.lemma_.lower()
    return lemma in REPLY_VERBS or any(
        child.dep_ in {"prt", "advmod"} and child.lower_ == "back" and (lemma, "back") in PHRASAL_SPEECH for child in children_of(token)
    )


def _adjacent_name(verb: Any) -> Any:
    """A subjectless speech verb's misparsed subject: the name right after it ("replied Elder") or before it."""
    doc = verb.doc
    for index in (verb.i + 1, verb.i - 1):
        if 0 <= index < len(doc) and doc[index].pos_ == "PROPN" and doc[index].is_sent_start is not True:
            token = doc[index]
            while token.dep_ == "compound" and head_of(token).pos_ == "PROPN" and head_of(token).i != token.i:
                token = head_of(token)
            return token
    return None


def _absolute_subject(verb: Any) -> Any:
    """"with the Grand Mufti, Ibrahim Abu Mohamed, saying ...": the noun phrase the gerund follows."""
    if verb.tag_ != "VBG":
        return None
    index = verb.i - 1
    while index >= 0 and verb.doc[index].is_punct:
        index -= 1
    if index < 0:
        return None
    token = verb.doc[index]
    for _ in range(4):
        if token.dep_ == "pobj" and head_of(token).lower_ == "with":
            return token
        if token.dep_ not in {"appos", "compound", "flat"} or head_of(token).i == token.i:
            return None
        token = head_of(token)
    return None


def _nearest_subject(verb: Any) -> Any:
    """The verb's subject; when the parser gave it several, the one nearest the verb.

    A misparse can hang two subjects on one verb: in 'the expulsions meant "...," Ushakov said'
    both "expulsions" and "Ushakov" are subjects of "said", and in '"... [and] he could,"
    Rep. Steve Cohen told CNN' so are "[" and "Cohen". Punctuation is never the subject.
    """
    subjects = [child for child in children_of(verb) if child.dep_ in {"nsubj", "nsubjpass"} and not child.is_punct]
    return min(subjects, key=lambda child: abs(child.i - verb.i)) if subjects else None


def subject_of(verb: Any) -> Any:
    """The verb's subject; for "..., urging X" the subject of the verb it hangs from; for "leading him to conclude" the object."""
    original = verb
    for _ in range(3):
        subject = _nearest_subject(verb)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and head_of(verb).i != verb.i:
                return head_of(verb)  # "the governor, John Bel Edwards, who said": the one the clause is about
            return subject
        if verb.i == original.i:
            absolute = _absolute_subject(verb)
            if absolute is not None:
                return absolute
        if verb.dep_ == "xcomp" and head_of(verb).i != verb.i:
            controller = next((child for child in children_of(head_of(verb)) if child.dep_ == "dobj"), None)
            if controller is not None:
                return controller  # object control: "leading him to conclude", "urged her to say"
        if verb.dep_ == "acl" and head_of(verb).pos_ in {"NOUN", "PROPN"}:
            noun = head_of(verb)
            if noun.lemma_.lower() not in DOCUMENT_NOUNS and (noun.pos_ == "PROPN" or noun.lemma_.lower() in SPEAKER_NOUNS):
                return noun  # "the ministry, saying ..."
            if head_of(noun).i == noun.i:
                break
            verb = head_of(noun)  # "issued a statement urging": the statement's issuer
            continue
        if verb.dep_ not in {"advcl", "xcomp", "conj", "acl"} or head_of(verb).i == verb.i:
            break
        verb = head_of(verb)
    return _adjacent_name(original) if is_speech_verb(original) else None


class Discourse:
    """The article's agents in text order, each resolved against those before it."""

    def __init__(self, doc: Any, entities: Sequence[Entity]) -> None:
        from .quotes import quoted_spans  # quotes imports this module

        text = doc_text(doc)
        cached = doc.user_data.get(_SPANS)
        if cached is None or cached[0] is not text:
            cached = (text, quoted_spans(text))
            doc.user_data[_SPANS] = cached
        self.doc = doc
        self.entities = sorted(entities, key=lambda e: e.start)
        self._entity_starts = [e.start for e in self.entities]
        self.quoted = cached[1]
        self._quoted_starts = [start for start, _ in self.quoted]
        self.mentions: list[Mention] = []
        self.by_token: dict[int, Mention] = {}
        self.genders: dict[str, str] = {}  # name -> m | f, learnt from the pronouns and titles used for it
        for entity in self.entities:
            if entity.type == "PERSON" and not self.in_quote(entity.start):
                span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
                if span is not None:
                    self.mentions.append(Mention(entity.start, entity.end, self.full_name(entity.text), "person", OTHER, span.root.i))
        self.nouns: dict[str, list[int]] = {}  # lemma -> indices of the nouns outside quotes, in order
        lower_lemmas = lemmas(doc)
        kept = labels(doc)
        for token, pos, dep in zip(tokens(doc), kept.pos, kept.dep):
            if pos in {"NOUN", "PROPN"} and not self.in_quote(token.idx):
                self.nouns.setdefault(lower_lemmas[token.i], []).append(token.i)
            if dep not in _ROLE_DEPS:
                continue
            role = self._role(token)
            if role is None or self.in_quote(token.idx):
                continue
            phrase = speaker_phrase(token)
            found = self.resolve(phrase)
            if found is None:
                continue
            name, kind = found
            verb = head_of(token)
            cue = verb.text if role == SPEAKING and verb.i != token.i else None
            lo, hi = min(phrase.start, verb.i), max(phrase.end, verb.i + 1)
            gender = self._gender_of(phrase)
            if gender is not None and kind in {"person", "unknown"}:
                self.genders.setdefault(name, gender)
            mention = Mention(phrase.start_char, phrase.end_char, name, kind, role, token.i, cue, span_text(doc[lo:hi]), gender)
            self.mentions.append(mention)
            self.by_token[token.i] = mention

    # -- the roles subjects play -------------------------------------------------------------
    def _role(self, token: Any) -> int | None:
        dep = token.dep_
        head = head_of(token)
        if dep in {"nsubj", "nsubjpass"}:
            verb = head
            if verb.lemma_.lower() == "quote":
                return OTHER  # "the newspaper quoted her mother": the one quoted speaks
            if is_speech_verb(verb) or verb.lemma_.lower() in _SPEAKING_CHARACTERISERS:
                return SPEAKING
            # The subject of what someone is reported to have said ("affirmed that Londoners would ...")
            # is not the one the narrative is about; any other clause's subject is.
            if any(is_speech_verb(ancestor) for ancestor in ancestors_of(verb)):
                return OTHER
            return MAIN
        kept = tokens(token.doc)
        if dep == "pobj" and head.lower_ == "to" and head.i > 0 and kept[head.i - 1].lower_ == "according":
            return SPEAKING
        if dep == "dobj":
            verb = head
            if verb.lemma_.lower() == "quote" or any(c.dep_ == "xcomp" and is_speech_verb(c) for c in children_of(verb)):
                return SPEAKING  # "quoted her as saying", "leading him to conclude"
        if dep == "pobj" and head.lower_ == "with" and any(is_speech_verb(t) and getattr(_absolute_subject(t), "i", -1) == token.i for t in kept[token.i + 1 : token.i + 8]):
            return SPEAKING
        return None

    # -- lookups -------------------------------------------------------------------------------
    def in_quote(self, char: int) -> bool:
        index = bisect_right(self._quoted_starts, char) - 1
        return index >= 0 and self.quoted[index][0] <= char < self.quoted[index][1]

    def entity_at(self, token: Any) -> Entity | None:
        index = bisect_right(self._entity_starts, token.idx) - 1
        for entity in self.entities[max(0, index - 2) : index + 1]:
            if entity.start <= token.idx < entity.end:
                return entity
        return None

    def full_name(self, name: str) -> str:
        """A surname becomes the full name the article used for that person."""
        words = name.split()
        if len(words) == 1:
            for entity in self.entities:
                if entity.type == "PERSON" and len(entity.text.split()) >= 2 and entity.text.split()[-1] == name:
                    return entity.text
            for mention in getattr(self, "mentions", ()):
                if mention.kind in {"person", "unknown"} and len(mention.name.split()) >= 2 and mention.name.split()[-1] == name:
                    return mention.name
        return name

    def antecedent(
        self, position: int, kinds: set[str], gender: str | None = None, strict: bool = False, exclude: str | None = None
    ) -> Mention | None:
        """What a pronoun at `position` stands for: the last subject or speaker of a fitting kind and gender
        before it (at most PRONOUN_REACH back), else a name of that kind just before it (NEAR_REACH)."""
        best = near = None
        for mention in self.mentions:
            if mention.end > position or position - mention.start > PRONOUN_REACH or mention.kind not in kinds or mention.name == exclude:
                continue
            known = mention.gender or self.genders.get(mention.name)
            if gender is not None and (known != gender if strict else known not in {None, gender}):
                continue
            if mention.role >= MAIN:
                if best is None or mention.start > best.start:
                    best = mention
            elif position - mention.start <= NEAR_REACH and (near is None or mention.start > near.start):
                near = mention
        return best or near

    def speaker_between(self, start: int, end: int) -> Mention | None:
        """The last speaker the narrative introduced between two positions ("X told ABC that ...")."""
        found = [m for m in self.mentions if m.role == SPEAKING and start <= m.start and m.end <= end and m.kind != "thing"]
        return max(found, key=lambda m: m.start) if found else None

    # -- resolution ----------------------------------------------------------------------------
    def _named(self, head: Any, phrase: Any = None) -> Any:
        """The token that names the phrase: the head, an appositive name ("the minister, Panos Kammenos"),
        or the person a title names ("Mayor of London Sadiq Kahn", "President Barack Obama himself")."""
        for child in children_of(head):
            entity = self.entity_at(child) if child.dep_ == "appos" else None
            if entity is not None and entity.type == "PERSON":
                return child  # "Australia's Grand Mufti, Ibrahim Abu Mohamed": the person, not the office
        if self.entity_at(head) is not None and head.pos_ != "PRON":
            return head
        if head.pos_ == "PROPN":
            for token in phrase if phrase is not None else ():
                entity = self.entity_at(token)
                if entity is not None and entity.type == "PERSON":
                    return token
            return head
        for child in children_of(head):
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or self.entity_at(child) is not None):
                return child
        return None

    def _title_holder(self, head: Any, phrase: Any) -> Any:
        """"Mayor of London Sadiq Kahn": a title heading the phrase, with no person entity in it, is held by its last name."""
        if head.pos_ != "PROPN" or head.lemma_.lower() not in PERSON_DESCRIPTORS | TITLES:
            return None
        if any((entity := self.entity_at(token)) is not None and entity.type == "PERSON" for token in phrase):
            return None
        names = [token for token in phrase if token.i > head.i and token.pos_ == "PROPN"]
        return names[-1] if names else None

    def _propn_name(self, token: Any) -> str:
        words = [t for t in subtree_of(token) if t.i <= token.i and t.pos_ == "PROPN" and t.dep_ in {"compound", "flat"} or t.i == token.i]
        words = [t for t in words if t.i >= token.i - 4]
        while words and words[0].lower_ in _HONORIFICS:
            words = words[1:]
        return " ".join(t.text for t in words) or token.text

    def resolve(self, phrase: Any) -> tuple[str, str] | None:
        """(name, kind) of what a subject phrase refers to, or None when it refers to nothing the article names."""
        head = phrase.root
        lower = head.lower_
        position = phrase.start_char
        if lower in PRONOUNS or head.pos_ == "PRON":
            if lower in _PERSON_PRONOUNS:
                found = self.antecedent(position, {"person", "unknown"}, "m" if lower in {"he", "him"} else "f")
            elif lower in {"they", "them"}:
                found = self.antecedent(position, {"group", "org"})
            elif lower == "it":
                found = self.antecedent(position, {"org"})
            else:
                return None  # I, we, you outside quotes: the writer or the reader
            return (found.name, found.kind) if found else None
        lemma = head.lemma_.lower()
        first = tokens(phrase.doc)[phrase.start].lower_  # phrase[0] would make a new Token
        definite = first in _DEFINITE or any(child.dep_ == "poss" for child in children_of(head))
        descriptor = definite and lemma in PERSON_DESCRIPTORS and head.tag_ in {"NN", "NNP"}
        named = None if descriptor and head.pos_ == "PROPN" and self.entity_at(head) is None else self._named(head, phrase)
        holder = self._title_holder(head, phrase)
        if holder is not None:
            surname = self.full_name(holder.text)
            return (surname if surname != holder.text else self._propn_name(holder)), "person"
        if named is not None and not (descriptor and named.i == head.i and head.pos_ != "PROPN"):
            entity = self.entity_at(named)
            if entity is not None and entity.type == "PERSON":
                return self.full_name(entity.text), "person"
            if named.dep_ == "appos" and head_of(named).i == head.i and lemma in PERSON_NOUNS:
                # "the defence minister, Panos Kammenos": a person, whatever type the tagger gave the name.
                return self.full_name(entity.text if entity is not None else self._propn_name(named)), "person"
            if entity is not None:
                # "Russia's foreign ministry": keep the whole phrase, it names the institution.
                return (span_text(phrase) if head.pos_ == "NOUN" else entity.text), "org"
            return self.full_name(self._propn_name(named)), "unknown"
        kind = self.kind_of(head)
        if definite and kind in {"person", "group", "org"} and lemma not in DOCUMENT_NOUNS:
            found = self._same_head(head, position)
            if found is not None:
                return found
        if lemma in DOCUMENT_NOUNS:
            issuer = self._issuer(head)
            return issuer if issuer is not None else (span_text(phrase), "org")
        if definite and lemma in INSTITUTION_NOUNS and any(child.dep_ == "poss" for child in children_of(head)):
            return span_text(phrase), "org"  # "the first lady's office", "Trump's campaign": the phrase names it
        if definite and lemma in INSTITUTION_NOUNS:
            found_entity = self._institution(head, position)
            if found_entity is not None:
                return found_entity.text, "org"
        if descriptor and kind == "person":
            # "the Kansas Republican" is the last person in view; "the man" only a man the text showed as one.
            gender = self._gender_of(phrase)
            person = self.antecedent(position, {"person", "unknown"}, gender, strict=gender is not None)
            if person is not None:
                return person.name, person.kind
        return span_text(phrase), kind

    @staticmethod
    def _gender_of(phrase: Any) -> str | None:
        head = phrase.root
        lower, lemma = head.lower_, head.lemma_.lower()
        first = tokens(phrase.doc)[phrase.start].lower_
        if lower in {"he", "him"} or lemma in _MALE or first in {"mr", "mr."}:
            return "m"
        if lower in {"she", "her"} or lemma in _FEMALE or first in {"mrs", "mrs.", "ms", "ms."}:
            return "f"
        return None

    def kind_of(self, head: Any) -> str:
        lemma = head.lemma_.lower()
        if lemma in PERSON_NOUNS:
            return "person" if head.tag_ in {"NN", "NNP"} else "group"
        if lemma in GROUP_NOUNS or head.lower_ in GROUP_NOUNS:
            return "group"
        if lemma in INSTITUTION_NOUNS or lemma in DOCUMENT_NOUNS:
            return "org"
        return "thing"

    def _same_head(self, head: Any, position: int) -> tuple[str, str] | None:
        """'the spokesman' -> the earlier 'a spokesman for the ministry' or 'the spokesman, Ivan Petrov'."""
        lemma = head.lemma_.lower()
        doc = self.doc
        for index in reversed(self.nouns.get(lemma, ())):
            if index >= head.i:
                continue
            token = doc[index]
            if position - token.idx > PRONOUN_REACH * 2:
                break
            named = None
            if token.dep_ == "appos" and (head_of(token).pos_ == "PROPN" or self.entity_at(head_of(token)) is not None):
                named = head_of(token)  # "Sadie Rodriguez, the mother of Shana Fisher"
            elif token.dep_ == "compound" and head_of(token).pos_ == "PROPN":
                named = head_of(token)  # "Senator Susan Collins" is "the senator"
            else:
                named = self._named(token) if token.pos_ == "NOUN" else None
            if named is not None:
                entity = self.entity_at(named)
                if entity is not None and entity.type == "PERSON":
                    return self.full_name(entity.text), "person"
                return self.full_name(self._propn_name(named)), ("org" if entity is not None else "unknown")
            phrase = speaker_phrase(token)
            if phrase[0].lower_ in _INDEFINITE or (phrase[0].lower_ not in _DEFINITE and len(phrase) > 1):
                return span_text(phrase), self.kind_of(token)  # "the aide" -> "a Biden aide"; "the lawyers" -> "Sayoc's lawyers"
        return None

    def _issuer(self, head: Any) -> tuple[str, str] | None:
        """'the statement said' -> whoever issued, released or argued in that statement before."""
        lemmas = {head.lemma_.lower()} | {c.lemma_.lower() for c in children_of(head) if c.dep_ == "compound"}
        doc = self.doc
        earlier = sorted({i for lemma in lemmas for i in self.nouns.get(lemma, ()) if i < head.i}, reverse=True)
        for index in earlier:
            token = doc[index]
            if head.idx - token.idx > PRONOUN_REACH:
                break
            if token.pos_ != "NOUN" or token.dep_ == "compound":
                continue
            if token.i in self.by_token and self.by_token[token.i].kind != "thing":
                mention = self.by_token[token.i]
                return mention.name, mention.kind
            verb = head_of(token) if token.dep_ == "dobj" else head_of(head_of(token)) if token.dep_ == "pobj" else None
            if verb is None or verb.pos_ not in {"VERB", "AUX"}:
                continue
            subject = next((child for child in children_of(verb) if child.dep_ == "nsubj"), None)
            employer = self._represented(subject)
            if employer is not None:
                return employer
            mention = self.by_token.get(subject.i) if subject is not None else None
            if mention is not None and mention.kind != "thing":
                return mention.name, mention.kind
        return None

    def _represented(self, token: Any) -> tuple[str, str] | None:
        """"Pence's spokeswoman provided a statement": a statement a spokesperson hands out is their employer's."""
        if token is None or token.lemma_.lower() not in SPOKESPEOPLE:
            return None
        owner = next((child for child in children_of(token) if child.dep_ == "poss"), None)
        if owner is None:
            return None
        found = self.resolve(self.doc[owner.left_edge.i : owner.i + 1])
        return found if found is not None and found[1] in {"person", "unknown", "org"} else None

    def _institution(self, head: Any, position: int) -> Entity | None:
        """'the ministry' -> the organisation of that name, else the one named in this or the last sentence."""
        word = head.text.lower()
        named = [e for e in self.entities if e.type == "ORG" and e.end <= position and word in e.text.lower()]
        if named:
            return named[-1]
        near = [e for e in self.entities if e.type == "ORG" and e.end <= position and position - e.start <= NEAR_REACH and not self.in_quote(e.start)]
        return near[-1] if near else None


def discourse(doc: Any, entities: Sequence[Entity]) -> Discourse:
    """The article's discourse, built once per doc and entity list."""
    cached = doc.user_data.get(_KEY)
    if cached is not None and cached[0] is entities:
        return cached[1]
    built = Discourse(doc, entities)
    doc.user_data[_KEY] = (entities, built)
    return built


def can_speak(phrase: Any, entities: Sequence[Entity]) -> bool:
    """A subject that can say something: a name, a pronoun, or a noun for people, institutions or their texts."""
    head = phrase.root
    if head.lower_ in PRONOUNS or head.pos_ == "PROPN":
        return True
    for entity in entities:
        if entity.start <= head.idx < entity.end and entity.type in {"PERSON", "ORG", "PLACE", "NORP"}:
            return True
    if head.text[:1].isupper() and any(entity.type == "PERSON" and head.text in entity.text.split() for entity in entities):
        return True  # a person's name the tagger took for a common noun ("Trump later said")
    if any(child.dep_ == "appos" and child.pos_ == "PROPN" for child in children_of(head)):
        return True
    return head.lemma_.lower() in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS
