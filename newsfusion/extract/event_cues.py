"""Word classes the PLOVER event coder reads around a trigger, beside the trigger lexicons.

Reporting, intent and occurrence verbs decide whether an event is reported, promised or
happening; violence words decide ASSAULT against FIGHT and the PLOVER mode; context cues
give the PLOVER context; casualty and number words read "killed 27 people". All are lemma
sets: look-ups are set membership, nothing here is a pattern over whole sentences.
"""

from __future__ import annotations


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Verbs whose clausal complement is what somebody said: the event inside is reported.
REPORTING = _set(
    "say tell report state claim add note confirm announce charge allege quote explain write insist assert "
    "declare reveal disclose indicate suggest believe think estimate acknowledge admit reiterate "
    "stress emphasize emphasise underline argue contend maintain"
)
# Verbs of promising, planning and readiness: with a hostile complement they threaten.
INTENT = _set("promise pledge vow offer plan intend swear undertake prepare decide commit resolve aim")
# Nouns of intent: "announced plans to hold a rally", "expressed readiness to stop".
INTENT_NOUNS = _set("plan intention readiness willingness decision promise pledge commitment offer intent")
# An event noun as subject of these is an event that happened ("protests erupted").
OCCUR = _set(
    "erupt break continue rage resume intensify spread escalate occur happen take begin start "
    "kill leave wound injure flare turn hit rock shake claim go spill last enter persist "
    "destroy damage force drive displace prompt trigger spark cause paralyze paralyse"
)
# The subject of these ending verbs is violence that stopped ("the fighting ended").
ENDING = _set("end stop cease halt subside die")
# Words marking one-sided violence against unarmed people (ASSAULT rather than FIGHT).
CIVILIAN_WORDS = _set(
    "civilian villager resident people worshipper passenger pilgrim tourist student child woman "
    "refugee journalist worker farmer family protester demonstrator bystander shopper patient "
    "school hospital market mosque church bus home house village camp wedding funeral crowd "
    "teacher doctor nurse man men aid"
)
# Words marking armed opponents or military targets (FIGHT).
MILITARY_WORDS = _set(
    "soldier troop army force military position base convoy rebel guerrilla militant insurgent "
    "fighter militia garrison outpost stronghold tank artillery unit checkpoint barracks "
    "separatist positions target frontline front line"
)
HEAVY_WEAPONS = _set(
    "artillery tank warplane jet missile rocket mortar helicopter gunship aircraft airstrike air "
    "drone shell howitzer bomber navy warship cannon"
)
EXPLOSIVES = _set("bomb car-bomb explosive grenade landmine mine device ied suicide bomber dynamite")

# Context cues (lemma -> PLOVER context), tried in this order when the rule gave none.
CONTEXT_CUES: tuple[tuple[str, frozenset[str]], ...] = (
    ("cbrn", _set("nuclear chemical biological radiological uranium plutonium enrichment")),
    ("cyber", _set("cyber cyberattack hacker hack malware")),
    ("terrorism", _set("terrorist terrorism suicide bomber bombing")),
    ("refugee", _set("refugee asylum displaced")),
    ("election", _set("election vote ballot poll electoral candidate")),
    ("rights", _set("right freedom torture")),
    ("legal", _set("court law legal trial judge prosecutor crime criminal police arrest jail prison charge")),
    ("economic", _set("trade economic economy tariff investment loan export import market currency debt bank")),
    ("resource", _set("water energy oil gas pipeline resource")),
    ("humanitarian", _set("humanitarian food medicine relief")),
    ("military", _set("troop army military soldier weapon missile tank ceasefire cease-fire truce peacekeeper war "
                      "artillery offensive warplane navy exercise")),
    ("diplomatic", _set("diplomatic ambassador embassy envoy talk relation diplomat summit negotiation treaty")),
    ("political", _set("parliament party government political opposition president")),
)

# Casualty words: lemmas (and a few inflected forms the lemmatizer leaves alone).
KILL_WORDS = _set("kill dead die death killed slay massacre murder")
WOUND_WORDS = _set("wound injure injured wounded hurt injury")
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen".split()
    )
}
NUMBER_WORDS.update({w: 10 * (k + 2) for k, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
NUMBER_WORDS.update({"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12})
NUMBER_WORDS.pop("zero")
# Phrases that put a sentence in the past (history, not the news of the day).
PAST_MARKERS = (
    "years later", "years ago", "decades ago", "decades later", "years earlier", "in the past,", "at the time,",
    "back in 19", "back in 20", "months later", "a decade ago", "centuries ago",
)
