"""The verb and noun pattern lexicons of the PLOVER event coder.

Written from the PLOVER event categories and their CAMEO ancestors (CAMEO's verb classes 03
"express intent to cooperate" through 20 "mass violence", as mapped to PLOVER's 18 types)
and from the language of wire news. Each entry is a lemma with an ordered tuple of rules;
the first rule whose conditions hold gives the event type, PLOVER mode and context.

A rule's conditions:
- `needs`: one of these lemmas is a child of the trigger (a particle or preposition: "call
  *for*", "pull *out*"; a complement: "hold X *responsible*") or the object of a
  preposition under it ("put under *arrest*", "go on *strike*"). For nouns: a modifier
  ("*hunger* strike", "*air* strikes").
- `obj`: the head lemma of the trigger's direct object (or its passive subject) is one of these.
- `noobj`: only when the trigger has no direct object.

Nothing here is a regular expression: look-ups are dict and set membership on lemmas.
"""

from __future__ import annotations

from dataclasses import dataclass

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "DISAPPROVE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "INVESTIGATE",
)
# Types whose future or promised form is a threat (CAMEO 13), not an intent to cooperate (03).
HOSTILE = frozenset({"ASSAULT", "FIGHT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN"})
# Types whose negation ("did not agree", "has not withdrawn") is a refusal (PLOVER REJECT).
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE"})
# Violence the coder decides between one-sided ASSAULT and FIGHT between armed forces.
VIOLENT = frozenset({"ASSAULT", "FIGHT"})


@dataclass(frozen=True)
class Rule:
    type: str | None  # None: the verb names no event in this use ("released a statement")
    mode: str | None = None
    context: str | None = None
    needs: frozenset[str] | None = None
    obj: frozenset[str] | None = None
    noobj: bool = False
    alone: bool = True  # nouns: may stand as an event by itself ("protests erupted")
    weight: float = 1.0


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def R(type_: str | None, mode: str | None = None, context: str | None = None, *, needs: str | None = None,
      obj: frozenset[str] | str | None = None, noobj: bool = False, alone: bool = True, weight: float = 1.0) -> Rule:
    if isinstance(obj, str):
        obj = _set(obj)
    return Rule(type_, mode, context, _set(needs) if needs else None, obj, noobj, alone, weight)


# --- object classes (head lemmas) ---------------------------------------------------------
AID_OBJ = _set(
    "aid assistance help relief food medicine supply loan grant credit fund funding money equipment "
    "shelter tent blanket water fuel vaccine donation package dollar million billion medical ration "
    "humanitarian support material good kg ton tonne consignment"
)
ARMS_OBJ = _set("weapon arm ammunition missile rifle gun munition tank jet helicopter")
TALK_OBJ = _set(
    "talk meeting consultation discussion negotiation summit conference session dialogue "
    "conversation call round visit contact mediation mission"
)
PROTEST_OBJ = _set("protest demonstration rally march strike sit sit-in vigil boycott walkout picket")
ATTACK_OBJ = _set(
    "attack offensive assault raid strike airstrike operation bombardment invasion incursion "
    "campaign counteroffensive onslaught"
)
INVESTIGATE_OBJ = _set("investigation inquiry enquiry probe review audit inspection")
AGREEMENT_OBJ = _set(
    "agreement accord deal treaty pact understanding consensus compromise settlement memorandum "
    "protocol contract convention arrangement"
)
CEASEFIRE_OBJ = _set("ceasefire cease-fire truce armistice cease")
SANCTION_OBJ = _set("sanction embargo boycott tariff duty")
TROOP_OBJ = _set(
    "troop soldier force army tank warship ship reinforcement unit battalion division brigade "
    "jet aircraft missile marine paratrooper vessel destroyer carrier fleet"
)
PEACEKEEPER_OBJ = _set("peacekeeper monitor observer")
# Withdrawing these is CAMEO 166 "expel or withdraw" (peacekeepers, inspectors, aid agencies): SANCTION.
WITHDRAWN_OBJ = PEACEKEEPER_OBJ | _set("inspector investigator agency")
RELATION_OBJ = _set("relation tie link contact")
PERSON_OBJ = _set(
    "prisoner hostage detainee captive soldier prisoner-of-war pow activist dissident leader journalist "
    "people man woman child civilian suspect worker student opposition"
)
PROPERTY_OBJ = _set("property land asset territory body remains ship aircraft vessel plane weapon arm equipment vehicle")
STATEMENT_OBJ = _set(
    "statement report figure data video photo document detail result list information footage "
    "communique picture image text record number"
)
HOSTILITY_OBJ = _set(
    "fighting hostility attack offensive operation bombing shelling fire violence bloodshed war "
    "aggression action assault raid strike campaign"
)
DIPLOMAT_OBJ = _set("diplomat ambassador envoy attache attaché consul observer inspector monitor staff mission")
PARTY_OBJ = _set("party group organization organisation movement newspaper paper publication rally demonstration protest")
TRADE_OBJ = _set("import export trade flight travel product good shipment")
RESTRICT_OBJ = _set("restriction ban limit control censorship curb")
PLACE_OBJ = _set("town city village territory area region province capital base position airport port hill")
ACCESS_OBJ = _set("access entry inspector peacekeeper monitor observer aid convoy refugee")
BORDER_OBJ = _set("border crossing airport road port airspace corridor checkpoint route")

# Verbs that undo a measure: lifting sanctions eases (RETREAT), repealing a law or a ban concedes,
# and revoking an agreement with another party downgrades relations (SANCTION).
REVOKE_RULES = (
    R("RETREAT", "ease", "economic", obj=SANCTION_OBJ),
    R("CONCEDE", "ease", "legal", obj=RESTRICT_OBJ | _set("law decree curfew measure order rule regulation")),
    R("SANCTION", "withdraw", "diplomatic", obj=AGREEMENT_OBJ),
)

# --- verbs ----------------------------------------------------------------------------------
VERBS: dict[str, tuple[Rule, ...]] = {
    # AGREE: agreements and the intent to cooperate (CAMEO 03, 057)
    "agree": (R("AGREE"),),
    # signing a formal agreement is CAMEO 057, which PLOVER files under SUPPORT
    "sign": (R("SUPPORT", context="diplomatic"),),
    "ratify": (R("SUPPORT", context="diplomatic"),),
    "initial": (R("AGREE", obj=AGREEMENT_OBJ),),
    "accept": (
        R("CONCEDE", obj="demand condition term ultimatum resignation request"),
        R("AGREE"),
    ),
    "approve": (R("AGREE", obj=AGREEMENT_OBJ | _set("plan proposal resolution")), R("SUPPORT", weight=0.8)),
    "reach": (R("AGREE", obj=AGREEMENT_OBJ), R("RETREAT", "ceasefire", "military", obj=CEASEFIRE_OBJ)),
    "conclude": (R("AGREE", obj=AGREEMENT_OBJ), R("CONSULT", obj=TALK_OBJ)),
    "strike": (
        R("AGREE", obj=AGREEMENT_OBJ),
        R("FIGHT", obj=PLACE_OBJ | TROOP_OBJ | _set("target position convoy")),
        R("ASSAULT", obj=_set("civilian people village school hospital market bus")),
        R("PROTEST", "strike-gen", noobj=True, weight=0.8),
        R("FIGHT"),
    ),
    "pledge": (R("SUPPORT", obj="allegiance loyalty support backing solidarity"), R("AGREE")),
    "promise": (R("AGREE"),),
    "vow": (R("AGREE"),),
    "offer": (R("AGREE"),),
    "commit": (R("AGREE", needs="to"), R("AGREE", obj=_set("troop force fund money aid"))),
    "consent": (R("AGREE"),),
    "propose": (R("AGREE", weight=0.8),),
    "invite": (R("AGREE", "meet", "diplomatic", weight=0.8),),
    "settle": (R("AGREE", obj="dispute difference conflict issue"),),
    "guarantee": (R("AGREE", weight=0.8),),
    # CONSULT: meetings, visits, calls, negotiation (CAMEO 04)
    "meet": (
        R("CONCEDE", obj="demand condition request"),
        R(None, obj="objective goal target need deadline requirement standard expectation criterion criterium challenge end cost"),
        R("CONSULT", "visit"),
    ),
    "visit": (R("CONSULT", "visit"),),
    "host": (R("CONSULT", "host"),),
    "convene": (R("CONSULT", "multilateral"),),
    "receive": (R("RETREAT", "access", obj=_set("observer inspector monitor mission peacekeeper investigator")),
                R("CONSULT", "host", obj=_set("delegation minister envoy president leader visitor ambassador delegate prime")),),
    "welcome": (R("CONSULT", "host", obj=_set("delegation minister envoy president leader visitor delegate")), R("SUPPORT")),
    "discuss": (R("CONSULT"),),
    "negotiate": (R("CONSULT", context="diplomatic"),),
    "consult": (R("CONSULT"),),
    "confer": (R("CONSULT"),),
    "mediate": (R("CONSULT", "third-party", "diplomatic"),),
    "telephone": (R("CONSULT", "phone"),),
    "phone": (R("CONSULT", "phone"),),
    "talk": (R("CONSULT", needs="with to"),),
    "speak": (R("CONSULT", "phone", needs="telephone phone"), R("CONSULT", needs="with to", weight=0.8)),
    "call": (
        R("DEMAND", needs="for on upon"),
        R("CONCEDE", needs="off"),
        R("PROTEST", "strike-gen", obj=PROTEST_OBJ),
        R("CONSULT", "phone", obj=_set("president minister leader counterpart premier chancellor king"), weight=0.7),
    ),
    "travel": (R("CONSULT", "visit", needs="to", weight=0.6),),
    "fly": (R("AID", obj=AID_OBJ), R("CONSULT", "visit", needs="to", weight=0.6)),
    "arrive": (R("CONSULT", "visit", needs="in", weight=0.6),),
    # SUPPORT: praise, endorsement, recognition, diplomatic backing (CAMEO 05)
    "support": (R("SUPPORT"),),
    "back": (R("SUPPORT"),),
    "endorse": (R("SUPPORT"),),
    "praise": (R("SUPPORT"),),
    "hail": (R("SUPPORT"),),
    "commend": (R("SUPPORT"),),
    "applaud": (R("SUPPORT"),),
    "laud": (R("SUPPORT"),),
    "congratulate": (R("SUPPORT"),),
    "thank": (R("SUPPORT"),),
    "salute": (R("SUPPORT"),),
    "defend": (R("SUPPORT", weight=0.8),),
    "recognize": (R(None, needs="as", noobj=True), R("SUPPORT", context="diplomatic")),
    "recognise": (R(None, needs="as", noobj=True), R("SUPPORT", context="diplomatic")),
    "apologize": (R("SUPPORT"),),
    "apologise": (R("SUPPORT"),),
    "forgive": (R("SUPPORT"),),
    "side": (R("SUPPORT", needs="with"),),
    "rally": (R("SUPPORT", needs="behind around"), R("SUPPORT", obj="support"), R("PROTEST", "demo")),
    "reaffirm": (R("SUPPORT", obj="support commitment solidarity backing"), R("AGREE", weight=0.6)),
    "establish": (R("SUPPORT", "relations", "diplomatic", obj=RELATION_OBJ),),
    "restore": (R("SUPPORT", "relations", "diplomatic", obj=RELATION_OBJ),),
    "normalize": (R("SUPPORT", "relations", "diplomatic"),),
    "upgrade": (R("SUPPORT", "relations", "diplomatic", obj=RELATION_OBJ),),
    "improve": (R("SUPPORT", "relations", "diplomatic", obj=RELATION_OBJ),),
    "strengthen": (
        R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("presence deployment defence defense")),
        R("SUPPORT", "relations", "diplomatic", obj=RELATION_OBJ),
        R("COOPERATE", obj="cooperation"),
    ),
    "bolster": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("presence defence defense")), R("SUPPORT")),
    "boost": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("presence")), R("SUPPORT", obj=RELATION_OBJ)),
    "increase": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("presence")), R("AID", obj=AID_OBJ)),
    "normalise": (R("SUPPORT", "relations", "diplomatic"),),
    # COOPERATE: material cooperation (CAMEO 06)
    "cooperate": (R("COOPERATE"),),
    "co-operate": (R("COOPERATE"),),
    "collaborate": (R("COOPERATE"),),
    "coordinate": (R("COOPERATE"),),
    "extradite": (R("COOPERATE", context="legal"),),
    "share": (R("COOPERATE", "intelligence", obj="intelligence information data"), R("COOPERATE", obj="expertise technology experience know-how resource")),
    "join": (
        R("COOPERATE", obj="force coalition alliance effort"),
        R("PROTEST", "demo", obj=PROTEST_OBJ),
        R("CONSULT", obj=TALK_OBJ),
    ),
    "exchange": (
        R("RETREAT", "release", obj="prisoner hostage detainee body"),
        R("FIGHT", "firearms", obj="fire gunfire shot"),
        R("COOPERATE", obj="information intelligence data"),
        R("CONSULT", obj="view opinion message"),
        R("DISAPPROVE", obj="accusation charge"),
    ),
    # AID (CAMEO 07)
    "aid": (R("AID"),),
    "assist": (R("AID"),),
    "help": (R("AID", weight=0.8),),
    "donate": (R("AID"),),
    "contribute": (R("AID", "peacekeeping", obj=TROOP_OBJ | PEACEKEEPER_OBJ), R("AID")),
    "provide": (
        R(None, obj=STATEMENT_OBJ | _set("evidence update briefing coverage explanation reason")),
        R("AID", "military", "military", obj=ARMS_OBJ),
        R("AID", "peacekeeping", obj=PEACEKEEPER_OBJ | _set("protection security")),
        R("AID"),
    ),
    "supply": (R("AID", "military", "military", obj=ARMS_OBJ), R("AID")),
    "deliver": (R(None, obj=STATEMENT_OBJ | _set("speech address message letter verdict ultimatum")),
                R("AID", obj=AID_OBJ | ARMS_OBJ | _set("worth")), R("AID", noobj=True, weight=0.8)),
    "give": (
        R("CONCEDE", needs="in"),
        R("AID", obj=AID_OBJ),
        R("SUPPORT", obj="backing approval endorsement blessing"),
        R("THREATEN", obj="ultimatum warning"),
        R("RETREAT", "access", obj="permission access"),
    ),
    "grant": (
        R("AID", "asylum", "refugee", obj="asylum refuge sanctuary"),
        R("AID", obj=AID_OBJ),
        R("RETREAT", "access", obj="access permission visa"),
        R("SUPPORT", "recognition", "diplomatic", obj="recognition"),
        R("CONCEDE"),
    ),
    "send": (
        R("AID", "peacekeeping", obj=PEACEKEEPER_OBJ),
        R("INVESTIGATE", obj="inspector investigator expert"),
        R("MOBILIZE", "troops", "military", obj=TROOP_OBJ),
        R("AID", obj=AID_OBJ | ARMS_OBJ),
        R("CONSULT", "visit", obj="envoy delegation mission emissary minister representative"),
    ),
    "dispatch": (
        R("AID", "peacekeeping", obj=PEACEKEEPER_OBJ),
        R("INVESTIGATE", obj="inspector investigator expert"),
        R("MOBILIZE", "troops", "military", obj=TROOP_OBJ),
        R("AID", obj=AID_OBJ),
        R("CONSULT", "visit", obj="envoy delegation mission emissary"),
    ),
    "ship": (R("SANCTION", "expel", "military", needs="out", obj=WITHDRAWN_OBJ), R("RETREAT", "withdraw", "military", needs="out"),
             R("AID", obj=AID_OBJ | ARMS_OBJ)),
    "airlift": (R("AID"),),
    "fund": (R("AID", context="economic"),),
    "finance": (R("AID", context="economic"),),
    "lend": (R("AID", context="economic"),),
    "loan": (R("AID", context="economic"),),
    "rescue": (R("AID", context="humanitarian"),),
    "evacuate": (R("RETREAT", "withdraw", "military", obj=TROOP_OBJ), R("AID", context="humanitarian", weight=0.8)),
    "shelter": (R("AID", context="humanitarian"),),
    "protect": (R("AID", "peacekeeping", weight=0.6),),
    # CONCEDE: yielding to demands, easing dissent and political restrictions (CAMEO 08)
    "concede": (R("CONCEDE"),),
    "yield": (R("CONCEDE", needs="to"), R("CONCEDE", weight=0.6)),
    "accede": (R("CONCEDE"),),
    "comply": (R("CONCEDE"),),
    "bow": (R("CONCEDE", needs="to"),),
    "relent": (R("CONCEDE"),),
    "compromise": (R("CONCEDE"),),
    "cede": (R("CONCEDE"),),
    "resign": (R("CONCEDE", "leadership", "political"),),
    "step": (R("CONCEDE", "leadership", "political", needs="down aside"),),
    "quit": (R("CONCEDE", "leadership", "political", obj="post office job presidency government"),),
    "legalize": (R("CONCEDE", context="rights"),),
    "legalise": (R("CONCEDE", context="rights"),),
    "allow": (R("RETREAT", "access", obj=ACCESS_OBJ), R("CONCEDE", weight=0.6)),
    "permit": (R("RETREAT", "access", obj=ACCESS_OBJ), R("CONCEDE", weight=0.6)),
    "let": (R("RETREAT", "access", obj=ACCESS_OBJ),),
    # RETREAT: release, return, ease, access, ceasefire, withdrawal, disarmament
    "withdraw": (
        R("SANCTION", "expel", "military", obj=WITHDRAWN_OBJ),
        R("SANCTION", "withdraw", "diplomatic", obj=DIPLOMAT_OBJ | _set("recognition support aid funding cooperation backing")),
        R("SANCTION", "withdraw", "diplomatic", needs="talk negotiation treaty agreement accord process"),
        R("REJECT", obj="offer proposal bill plan candidacy"),
        R("RETREAT", "withdraw", "military"),
    ),
    "pull": (
        R("SANCTION", "expel", "military", needs="out", obj=WITHDRAWN_OBJ),
        R("SANCTION", "withdraw", "diplomatic", needs="talk negotiation treaty agreement accord"),
        R("RETREAT", "withdraw", "military", needs="out back"),
    ),
    "retreat": (R("RETREAT", "withdraw", "military"),),
    "release": (R(None, obj=STATEMENT_OBJ), R("RETREAT", "release", "legal"),),
    "free": (R("RETREAT", "release", "legal"),),
    "return": (R("RETREAT", "return", "legal", obj=PERSON_OBJ | PROPERTY_OBJ),),
    "hand": (
        R("RETREAT", "release", needs="over back", obj=PERSON_OBJ | PROPERTY_OBJ),
        R("CONCEDE", needs="over", obj="power control"),
        R("AID", needs="over out", obj=AID_OBJ),
    ),
    "repatriate": (R("RETREAT", "release", "legal"),),
    "pardon": (R("RETREAT", "release", "legal"),),
    "surrender": (R("RETREAT", "disarm", "military"),),
    "disarm": (R("RETREAT", "disarm", "military"),),
    "demobilize": (R("RETREAT", "disarm", "military"),),
    "demobilise": (R("RETREAT", "disarm", "military"),),
    "lay": (R("RETREAT", "disarm", "military", needs="down", obj="arm weapon"),),
    # easing economic sanctions or a blockade is RETREAT; easing administrative restrictions
    # (bans, curfews, emergency rule: CAMEO 081) is CONCEDE
    "lift": (
        R("RETREAT", "ease", "economic", obj=SANCTION_OBJ | _set("blockade siege")),
        R("CONCEDE", "ease", "legal", weight=0.9),
    ),
    "ease": (
        R("RETREAT", "ease", "economic", obj=SANCTION_OBJ | _set("blockade siege")),
        R("RETREAT", "ease", "military", obj="tension"),
        R("CONCEDE", "ease", "legal"),
    ),
    "relax": (R("RETREAT", "ease", "economic", obj=SANCTION_OBJ), R("CONCEDE", "ease")),
    "revoke": REVOKE_RULES,
    "repeal": REVOKE_RULES,
    "scrap": REVOKE_RULES,
    "abolish": REVOKE_RULES,
    "rescind": REVOKE_RULES,
    "annul": REVOKE_RULES,
    "cancel": (
        R("RETREAT", "ease", "economic", obj=SANCTION_OBJ),
        R("CONCEDE", "ease", "legal", obj=RESTRICT_OBJ | _set("law decree curfew measure order rule regulation")),
        R("CONCEDE", "ease", obj=PROTEST_OBJ),
        R("SANCTION", "withdraw", "diplomatic", obj=TALK_OBJ | AGREEMENT_OBJ | _set("trip exercise program programme")),
    ),
    "reopen": (R("RETREAT", "access", obj=BORDER_OBJ), R("CONSULT", obj=TALK_OBJ)),
    "open": (
        R("FIGHT", "firearms", "military", obj="fire"),
        R("INVESTIGATE", obj=INVESTIGATE_OBJ),
        R("CONSULT", obj=TALK_OBJ),
        R("RETREAT", "access", obj=BORDER_OBJ),
        R("SUPPORT", "relations", "diplomatic", obj="embassy consulate relation"),
    ),
    "cease": (R("RETREAT", "ceasefire", "military", obj=HOSTILITY_OBJ),),
    "halt": (
        R("SANCTION", "discontinue", obj=AID_OBJ),
        R("SANCTION", "withdraw", "diplomatic", obj=TALK_OBJ | RELATION_OBJ),
        R("RETREAT", "ceasefire", "military", obj=HOSTILITY_OBJ),
    ),
    "stop": (
        R("SANCTION", "discontinue", obj=AID_OBJ),
        R("SANCTION", "withdraw", "diplomatic", obj=TALK_OBJ),
        R("RETREAT", "ceasefire", "military", obj=HOSTILITY_OBJ),
    ),
    "end": (
        R("CONCEDE", "ease", obj=PROTEST_OBJ),
        R("RETREAT", "ceasefire", "military", obj=HOSTILITY_OBJ | _set("blockade siege occupation")),
        R("RETREAT", "ease", obj=SANCTION_OBJ | _set("curfew emergency")),
    ),
    "suspend": (
        R("SANCTION", "discontinue", obj=AID_OBJ),
        R("SANCTION", "withdraw", "diplomatic", obj=TALK_OBJ | RELATION_OBJ | _set("membership cooperation")),
        R("COERCE", "ban", "legal", obj=PARTY_OBJ | _set("license licence broadcast")),
        R("RETREAT", "ceasefire", "military", obj=HOSTILITY_OBJ),
    ),
    "de-escalate": (R("RETREAT", "ceasefire", "military"),),
    # DEMAND: demands and appeals (CAMEO 02, 10)
    "demand": (R("DEMAND"),),
    "urge": (R("DEMAND"),),
    "appeal": (R("DEMAND"),),
    "ask": (R("DEMAND"),),
    "request": (R("DEMAND"),),
    "press": (R("DEMAND", needs="for"), R("DEMAND", weight=0.7)),
    "pressure": (R("DEMAND"),),
    "pressurize": (R("DEMAND"),),
    "pressurise": (R("DEMAND"),),
    "insist": (R("DEMAND", needs="on"), R("DEMAND", weight=0.6)),
    "plead": (R("DEMAND"),),
    "implore": (R("DEMAND"),),
    "beg": (R("DEMAND"),),
    "exhort": (R("DEMAND"),),
    "petition": (R("DEMAND"),),
    "push": (R("DEMAND", needs="for"),),
    "lobby": (R("DEMAND"),),
    "seek": (R("DEMAND", obj=AID_OBJ | TALK_OBJ | _set("release withdrawal extradition asylum support clarification explanation compensation")),),
    "order": (R("DEMAND", weight=0.7),),
    # DISAPPROVE: criticism, accusation, official complaint, lawsuits and verdicts (CAMEO 11)
    "condemn": (R("DISAPPROVE"),),
    "criticize": (R("DISAPPROVE"),),
    "criticise": (R("DISAPPROVE"),),
    "denounce": (R("DISAPPROVE"),),
    "deplore": (R("DISAPPROVE"),),
    "decry": (R("DISAPPROVE"),),
    "slam": (R("DISAPPROVE"),),
    "lambaste": (R("DISAPPROVE"),),
    "blast": (R("DISAPPROVE", obj=None, weight=0.7),),
    "rebuke": (R("DISAPPROVE"),),
    "scold": (R("DISAPPROVE"),),
    "berate": (R("DISAPPROVE"),),
    "assail": (R("DISAPPROVE"),),
    "excoriate": (R("DISAPPROVE"),),
    "admonish": (R("DISAPPROVE"),),
    "upbraid": (R("DISAPPROVE"),),
    "deride": (R("DISAPPROVE"),),
    "reprimand": (R("DISAPPROVE"),),
    "censure": (R("DISAPPROVE"),),
    "castigate": (R("DISAPPROVE"),),
    "chide": (R("DISAPPROVE"),),
    "reproach": (R("DISAPPROVE"),),
    "accuse": (R("DISAPPROVE"),),
    "blame": (R("DISAPPROVE"),),
    "fault": (R("DISAPPROVE"),),
    "complain": (R("DISAPPROVE"),),
    "allege": (R("DISAPPROVE", weight=0.8),),
    "charge": (R("COERCE", "arrest", "legal", needs="with"), R("DISAPPROVE")),
    "object": (R("DISAPPROVE", needs="to"),),
    "regret": (R("DISAPPROVE", weight=0.7),),
    "lament": (R("DISAPPROVE", weight=0.7),),
    "summon": (R("DISAPPROVE", "complain", "diplomatic", obj=DIPLOMAT_OBJ), R("DEMAND", weight=0.6)),
    "sue": (R("DISAPPROVE", "lawsuit", "legal"),),
    "convict": (R("DISAPPROVE", "guilty", "legal"),),
    "hold": (
        R("DISAPPROVE", needs="responsible accountable liable culpable"),
        R("CONSULT", obj=TALK_OBJ),
        R("PROTEST", "demo", obj=PROTEST_OBJ),
        R("ASSAULT", "abduct", needs="hostage captive"),
        R("COERCE", "arrest", "legal", obj=PERSON_OBJ, needs="in custody incommunicado without"),
        R("INVESTIGATE", obj=INVESTIGATE_OBJ),
        R("MOBILIZE", "troops", "military", obj="exercise drill maneuver manoeuvre"),
    ),
    # REJECT (CAMEO 12)
    "reject": (R("REJECT"),),
    "refuse": (R("REJECT"),),
    "decline": (R("REJECT", obj=None), ),
    "deny": (R("SANCTION", "restrict", obj="entry visa access"), R("REJECT")),
    "rebuff": (R("REJECT"),),
    "dismiss": (R("REJECT", obj=_set("claim charge report accusation allegation demand call proposal offer plan idea criticism appeal")),),
    "veto": (R("REJECT", context="diplomatic"),),
    "spurn": (R("REJECT"),),
    "repudiate": (R("REJECT"),),
    "renounce": (R("REJECT"),),
    "rule": (R("REJECT", needs="out"),),
    "turn": (R("REJECT", needs="down"),),
    "snub": (R("REJECT"),),
    "refute": (R("REJECT"),),
    "oppose": (R("REJECT"),),
    "resist": (R("REJECT"),),
    "defy": (R("REJECT"),),
    "disregard": (R("REJECT"),),
    "ignore": (R("REJECT", weight=0.8),),
    "block": (
        R("REJECT", obj=_set("resolution bill plan proposal deal motion measure draft appointment nomination")),
        R("PROTEST", "obstruct", obj=_set("road highway street entrance railway bridge traffic access")),
        R("COERCE", "restrict", weight=0.7),
    ),
    # THREATEN (CAMEO 13)
    "threaten": (R("THREATEN"),),
    "warn": (R("THREATEN"),),
    "menace": (R("THREATEN"),),
    "intimidate": (R("THREATEN"),),
    "declare": (
        R("RETREAT", "ceasefire", "military", obj=CEASEFIRE_OBJ),
        R("COERCE", "curfew", "legal", obj="curfew"),
        R("COERCE", "martial-law", "legal", obj="emergency law"),
        R("COERCE", "martial-law", "legal", obj="state", needs="emergency siege"),
        R("THREATEN", "violence", "military", obj="war"),
    ),
    # PROTEST (CAMEO 14)
    # a protest lodged in words ("protested that ...") is disapproval, not a demonstration
    "protest": (R("DISAPPROVE", "complain", needs="that"), R("PROTEST", "demo")),
    "demonstrate": (R("PROTEST", "demo", noobj=True),),
    "march": (R("MOBILIZE", "troops", "military", needs="into"), R("PROTEST", "demo", weight=0.8)),
    "riot": (R("PROTEST", "riot"),),
    "picket": (R("PROTEST", "demo"),),
    "boycott": (R("PROTEST", "boycott"),),
    "rampage": (R("PROTEST", "riot"),),
    "mutiny": (R("PROTEST", "riot", "military"),),
    "go": (R("PROTEST", "strike-gen", needs="strike"),),
    "stage": (R("PROTEST", "demo", obj=PROTEST_OBJ), R("ASSAULT", obj=ATTACK_OBJ), R("MOBILIZE", "troops", obj="exercise drill")),
    "barricade": (R("PROTEST", "obstruct"),),
    # MOBILIZE (CAMEO 15)
    "mobilize": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("reservist reserve police militia")),
                 R("MOBILIZE", "troops", "military", noobj=True), R("SUPPORT", "rally")),
    "mobilise": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ | _set("reservist reserve police militia")),
                 R("MOBILIZE", "troops", "military", noobj=True), R("SUPPORT", "rally")),
    "deploy": (R("AID", "peacekeeping", obj=PEACEKEEPER_OBJ), R("MOBILIZE", "troops", "military")),
    "mass": (R("MOBILIZE", "troops", "military"),),
    "amass": (R("MOBILIZE", "troops", "military"),),
    "station": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ),),
    "reinforce": (R("MOBILIZE", "troops", "military"),),
    "muster": (R("MOBILIZE", "troops", "military"),),
    "concentrate": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ),),
    "move": (R("MOBILIZE", "troops", "military", obj=TROOP_OBJ),),
    "build": (R("MOBILIZE", "troops", "military", needs="up", obj=TROOP_OBJ | _set("presence force")),),
    "alert": (R("MOBILIZE", "troops", "military"),),
    "remain": (R("MOBILIZE", "troops", "military", needs="alert"),),
    "stay": (R("MOBILIZE", "troops", "military", needs="alert"),),
    "put": (
        R("MOBILIZE", "troops", "military", needs="alert"),
        R("COERCE", "arrest", "legal", needs="arrest detention custody trial"),
    ),
    "place": (
        R("MOBILIZE", "troops", "military", needs="alert"),
        R("COERCE", "arrest", "legal", needs="arrest detention custody"),
    ),
    # SANCTION (CAMEO 16)
    "sanction": (R("SANCTION", "restrict", "economic"),),
    "embargo": (R("SANCTION", "restrict", "economic"),),
    "impose": (
        R("SANCTION", "restrict", "economic", obj=SANCTION_OBJ),
        R("COERCE", "curfew", "legal", obj="curfew"),
        R("COERCE", "martial-law", "legal", obj="emergency law"),
        R("COERCE", "martial-law", "legal", obj="state", needs="emergency siege"),
        R("COERCE", "restrict", "military", obj="blockade siege"),
        R("COERCE", "restrict", "legal"),
    ),
    "expel": (
        R("SANCTION", "expel", "diplomatic", obj=DIPLOMAT_OBJ | _set("worker agency journalist correspondent")),
        R("COERCE", "deport", "legal"),
    ),
    "recall": (R("SANCTION", "withdraw", "diplomatic", obj=DIPLOMAT_OBJ),),
    "sever": (R("SANCTION", "withdraw", "diplomatic"),),
    "break": (R("SANCTION", "withdraw", "diplomatic", obj=RELATION_OBJ | TALK_OBJ),),
    "cut": (
        R("SANCTION", "withdraw", "diplomatic", obj=RELATION_OBJ),
        R("SANCTION", "discontinue", obj=AID_OBJ),
    ),
    "downgrade": (R("SANCTION", "withdraw", "diplomatic", obj=RELATION_OBJ),),
    "freeze": (R("SANCTION", "discontinue", "economic", obj=AID_OBJ | _set("asset account fund")),),
    "withhold": (R("SANCTION", "discontinue", obj=AID_OBJ),),
    "reduce": (R("SANCTION", "discontinue", obj=AID_OBJ), R("RETREAT", "withdraw", "military", obj=TROOP_OBJ | _set("presence"))),
    "curtail": (R("SANCTION", "discontinue", obj=AID_OBJ | RELATION_OBJ),),
    "slash": (R("SANCTION", "discontinue", obj=AID_OBJ),),
    "force": (R("SANCTION", "expel", "diplomatic", needs="out"),),
    "prohibit": (R("SANCTION", "discontinue", obj=AID_OBJ), R("SANCTION", "restrict", "economic", obj=TRADE_OBJ), R("COERCE", "ban", "legal")),
    "close": (
        R("SANCTION", "withdraw", "diplomatic", obj="embassy consulate mission"),
        R("COERCE", "restrict", obj=BORDER_OBJ | _set("newspaper university school office station paper")),
    ),
    "ban": (
        R("SANCTION", "discontinue", obj=AID_OBJ),
        R("SANCTION", "restrict", "economic", obj=TRADE_OBJ),
        R("COERCE", "ban", "legal"),
    ),
    # COERCE (CAMEO 17 and blockade/occupation)
    "arrest": (R("COERCE", "arrest", "legal"),),
    "detain": (R("COERCE", "arrest", "legal"),),
    "apprehend": (R("COERCE", "arrest", "legal"),),
    "jail": (R("COERCE", "arrest", "legal"),),
    "imprison": (R("COERCE", "arrest", "legal"),),
    "intern": (R("COERCE", "arrest", "legal"),),
    "nab": (R("COERCE", "arrest", "legal"),),
    "round": (R("COERCE", "arrest", "legal", needs="up"),),
    "indict": (R("DISAPPROVE", "accuse", "legal"),),
    "prosecute": (R("COERCE", "arrest", "legal"),),
    "sentence": (R("COERCE", "arrest", "legal"),),
    "seize": (R("COERCE", "confiscate"),),
    "confiscate": (R("COERCE", "confiscate", "legal"),),
    "impound": (R("COERCE", "confiscate", "legal"),),
    "expropriate": (R("COERCE", "confiscate", "economic"),),
    "nationalize": (R("COERCE", "confiscate", "economic"),),
    "deport": (R("COERCE", "deport", "legal"),),
    "evict": (R("COERCE", "deport", "legal"),),
    "banish": (R("COERCE", "deport", "legal"),),
    "exile": (R("COERCE", "deport", "legal"),),
    "censor": (R("COERCE", "censor", "legal"),),
    "outlaw": (R("COERCE", "ban", "legal"),),
    "dissolve": (R("COERCE", "ban", "legal", obj=PARTY_OBJ | _set("parliament assembly legislature council")),),
    "restrict": (R("COERCE", "restrict", "legal"),),
    "curb": (R("COERCE", "restrict", "legal"),),
    "occupy": (R("PROTEST", "obstruct", obj=_set("building office square embassy ministry")), R("COERCE", "occupy", "military")),
    "annex": (R("COERCE", "occupy", "military"),),
    "blockade": (R("COERCE", "restrict", "military"),),
    "besiege": (R("COERCE", "restrict", "military"),),
    "crack": (R("COERCE", "restrict", "legal", needs="down"),),
    "disperse": (R("COERCE", "restrict", "legal"),),
    "prevent": (R("COERCE", "restrict", "legal", obj=PROTEST_OBJ),),
    "thwart": (R("COERCE", "restrict", "legal", obj=PROTEST_OBJ),),
    "foil": (R("COERCE", "restrict", "legal", obj=PROTEST_OBJ),),
    "set": (R("COERCE", "destroy", obj="fire"), R("COERCE", "destroy", needs="ablaze alight fire")),
    "raid": (R("COERCE", "raid", "legal", obj=_set("office home house headquarters newspaper premise apartment")), R("FIGHT", weight=0.8)),
    "demolish": (R("COERCE", "destroy"),),
    "destroy": (R("COERCE", "destroy", obj=_set("house home building office property crop field village shop mosque church")),
                R("ASSAULT", weight=0.7)),
    "bulldoze": (R("COERCE", "destroy"),),
    "raze": (R("COERCE", "destroy"),),
    "take": (
        R("COERCE", "occupy", "military", obj="control"),
        R("ASSAULT", "abduct", obj="hostage captive"),
        R("CONCEDE", obj="step measure", weight=0.5),
    ),
    "capture": (R("COERCE", "arrest", obj=PERSON_OBJ | _set("suspect member official commander fighter rebel")),
                R("FIGHT", "occupy", "military")),
    # ASSAULT: one-sided and unconventional violence (CAMEO 18, 20)
    "kill": (R("ASSAULT"),),
    "murder": (R("ASSAULT"),),
    "assassinate": (R("ASSAULT", "assassinate"),),
    "massacre": (R("ASSAULT", "cleansing"),),
    "slaughter": (R("ASSAULT", "cleansing"),),
    "execute": (R("ASSAULT"),),
    "behead": (R("ASSAULT"),),
    "lynch": (R("ASSAULT", "beat"),),
    "abduct": (R("ASSAULT", "abduct"),),
    "kidnap": (R("ASSAULT", "abduct"),),
    "hijack": (R("ASSAULT", "abduct"),),
    "torture": (R("ASSAULT", "torture", "rights"),),
    "rape": (R("ASSAULT", "sexual"),),
    "beat": (R("ASSAULT", "beat"),),
    "stab": (R("ASSAULT", "beat"),),
    "maim": (R("ASSAULT", "beat"),),
    "mutilate": (R("ASSAULT", "beat"),),
    "poison": (R("ASSAULT"),),
    # destroying property is CAMEO 1712, under coercion
    "loot": (R("COERCE", "destroy"),),
    "torch": (R("COERCE", "destroy"),),
    "burn": (R("COERCE", "destroy", obj=_set("house home village church mosque building car shop office")),),
    "vandalize": (R("COERCE", "destroy"),),
    "deface": (R("COERCE", "destroy"),),
    "abuse": (
        R(None, obj="power office position authority privilege discretion trust system"),  # misuse, not violence
        R("ASSAULT", "sexual", needs="sexually"),
        R("ASSAULT", "beat"),
    ),
    "throw": (R("PROTEST", "riot", obj=_set("stone rock bottle brick molotov petrol firebomb")),),
    "blow": (R("ASSAULT", "explosives", needs="up"),),
    "detonate": (R("ASSAULT", "explosives"),),
    "bomb": (R("ASSAULT", "explosives"),),
    "shoot": (R("FIGHT", "heavy-weapons", "military", needs="down"), R("ASSAULT", "firearms")),
    "gun": (R("ASSAULT", "firearms", needs="down"),),
    "attack": (R("ASSAULT"),),
    "target": (R("ASSAULT", weight=0.7),),
    "ambush": (R("FIGHT", "firearms", "military"),),
    "wound": (R("ASSAULT"),),
    "injure": (R("ASSAULT", weight=0.8),),
    "hit": (R("ASSAULT", obj=PLACE_OBJ | TROOP_OBJ | _set("target civilian convoy"), weight=0.8),),
    "storm": (R("ASSAULT", weight=0.8),),
    "terrorize": (R("ASSAULT"),),
    "persecute": (R("ASSAULT", context="rights"),),
    # FIGHT: conventional military force (CAMEO 19)
    "fight": (R("FIGHT", "firearms", "military"),),
    "clash": (R("FIGHT", "firearms", "military"),),
    "battle": (R("FIGHT", "firearms", "military"),),
    "skirmish": (R("FIGHT", "firearms", "military"),),
    "shell": (R("FIGHT", "heavy-weapons", "military"),),
    "bombard": (R("FIGHT", "heavy-weapons", "military"),),
    "pound": (R("FIGHT", "heavy-weapons", "military"),),
    "strafe": (R("FIGHT", "heavy-weapons", "military"),),
    "invade": (R("FIGHT", "occupy", "military"),),
    "defeat": (
        R(None, needs="election vote race primary poll ballot referendum contest"),  # an election, not a battle
        R("REJECT", obj="bill measure motion amendment resolution proposal"),  # voted down
        R("FIGHT", context="military"),
    ),
    "repel": (R("FIGHT", context="military"),),
    "repulse": (R("FIGHT", context="military"),),
    "retake": (R("FIGHT", "occupy", "military"),),
    "regain": (R("FIGHT", "occupy", "military", obj=PLACE_OBJ | _set("control ground")),),
    "recapture": (R("FIGHT", "occupy", "military"),),
    "overrun": (R("FIGHT", "occupy", "military"),),
    "fire": (
        R(None, obj=_set("official minister chief coach employee manager director general aide")),
        R("FIGHT", "heavy-weapons", "military", obj=_set("missile rocket shell mortar artillery round grenade")),
        R("FIGHT", "firearms", "military", needs="on at upon into"),
    ),
    "launch": (R("FIGHT", "heavy-weapons", "military", obj="missile rocket airstrike"),),
    "violate": (R("FIGHT", "violence", "military", obj=CEASEFIRE_OBJ), R("REJECT", weight=0.7)),
    "breach": (R("FIGHT", "violence", "military", obj=CEASEFIRE_OBJ), R("REJECT", weight=0.7)),
    # INVESTIGATE (CAMEO 09)
    "investigate": (R("INVESTIGATE"),),
    "probe": (R("INVESTIGATE"),),
    "examine": (R("INVESTIGATE", weight=0.8),),
    "inspect": (R("INVESTIGATE"),),
    "inquire": (R("INVESTIGATE", needs="into"),),
    "enquire": (R("INVESTIGATE", needs="into"),),
    "look": (R("INVESTIGATE", needs="into"),),
    "audit": (R("INVESTIGATE"),),
    "scrutinize": (R("INVESTIGATE"),),
}

# Verbs that name an event only through their object noun ("held talks", "launched an
# offensive", "expressed concern"); tried after their own rules, if any.
LIGHT_VERBS = _set(
    "hold launch stage conduct carry make take give reach open begin start issue express lodge file mount wage "
    "unleash initiate undertake announce declare resume continue organize organise lead step intensify escalate "
    "renew call set order sign impose extend voice register deliver seek complete finish tighten strengthen "
    "expand enforce speed accelerate engage maintain keep"
)

# --- nouns ----------------------------------------------------------------------------------
# `alone=False`: the noun is an event only as the object of a light verb ("expressed concern").
NOUNS: dict[str, tuple[Rule, ...]] = {
    "agreement": (R("AGREE"),), "accord": (R("AGREE"),), "deal": (R("AGREE", weight=0.8),),
    "treaty": (R("AGREE", context="diplomatic"),), "pact": (R("AGREE"),), "consensus": (R("AGREE"),),
    "compromise": (R("AGREE"),), "settlement": (R("AGREE", needs="peace political negotiated final diplomatic lasting", weight=0.8),), "memorandum": (R("AGREE"),),
    "pledge": (R("AGREE", alone=False),), "promise": (R("AGREE", alone=False),),
    "readiness": (R("AGREE", alone=False),), "welcome": (R("CONSULT", "host", alone=False),),
    "cleansing": (R("ASSAULT", "cleansing"),), "genocide": (R("ASSAULT", "cleansing"),),
    "willingness": (R("AGREE", alone=False),),
    "commitment": (R("AGREE", alone=False),), "offer": (R("AGREE", alone=False),),
    "talk": (R("CONSULT", context="diplomatic"),), "negotiation": (R("CONSULT", context="diplomatic"),),
    "meeting": (R("CONSULT"),), "summit": (R("CONSULT", context="diplomatic"),),
    "consultation": (R("CONSULT"),), "visit": (R("CONSULT", "visit"),), "conversation": (R("CONSULT", alone=False),),
    "discussion": (R("CONSULT"),), "dialogue": (R("CONSULT"),), "mediation": (R("CONSULT", "third-party"),),
    "call": (R("DEMAND", needs="for"), R("CONSULT", "phone", needs="phone telephone", alone=False),
             R("CONSULT", "phone", alone=False, weight=0.6)),
    "support": (R("SUPPORT", alone=False),), "solidarity": (R("SUPPORT", alone=False),),
    "praise": (R("SUPPORT", alone=False),), "backing": (R("SUPPORT", alone=False),),
    "sympathy": (R("SUPPORT", alone=False),), "recognition": (R("SUPPORT", alone=False),),
    "apology": (R("SUPPORT", alone=False),), "condolence": (R("SUPPORT", alone=False),),
    "cooperation": (R("COOPERATE"),), "exercise": (R("MOBILIZE", "troops", "military", needs="military naval war"),),
    "aid": (R("AID"),), "assistance": (R("AID"),), "relief": (R("AID", alone=False),),
    "asylum": (R("AID", "asylum", "refugee", alone=False),), "loan": (R("AID", "economic", alone=False),),
    "concession": (R("CONCEDE"),), "resignation": (R("CONCEDE", "leadership", "political"),),
    "ceasefire": (R("RETREAT", "ceasefire", "military"),), "cease-fire": (R("RETREAT", "ceasefire", "military"),),
    "truce": (R("RETREAT", "ceasefire", "military"),), "armistice": (R("RETREAT", "ceasefire", "military"),),
    "withdrawal": (R("RETREAT", "withdraw", "military"),), "pullout": (R("RETREAT", "withdraw", "military"),),
    "pull-out": (R("RETREAT", "withdraw", "military"),), "release": (R("RETREAT", "release", "legal", weight=0.8),),
    "amnesty": (R("CONCEDE", context="legal"),), "disarmament": (R("RETREAT", "disarm", "military"),),
    "surrender": (R("RETREAT", "disarm", "military"),),
    "demand": (R("DEMAND"),), "appeal": (R("DEMAND"),), "plea": (R("DEMAND"),), "request": (R("DEMAND", alone=False),),
    "ultimatum": (R("THREATEN"),),
    "condemnation": (R("DISAPPROVE"),), "criticism": (R("DISAPPROVE"),), "accusation": (R("DISAPPROVE"),),
    "allegation": (R("DISAPPROVE", weight=0.7),), "complaint": (R("DISAPPROVE"),), "lawsuit": (R("DISAPPROVE", "lawsuit", "legal"),),
    "concern": (R("DISAPPROVE", alone=False),), "regret": (R("DISAPPROVE", alone=False),),
    "outrage": (R("DISAPPROVE", alone=False),), "alarm": (R("DISAPPROVE", alone=False),),
    "dismay": (R("DISAPPROVE", alone=False),), "indignation": (R("DISAPPROVE", alone=False),),
    "disappointment": (R("DISAPPROVE", alone=False),), "displeasure": (R("DISAPPROVE", alone=False),),
    "objection": (R("DISAPPROVE", alone=False),), "reservation": (R("DISAPPROVE", alone=False),),
    "rejection": (R("REJECT"),), "refusal": (R("REJECT"),), "veto": (R("REJECT"),), "denial": (R("REJECT", alone=False),),
    "threat": (R("THREATEN"),), "warning": (R("THREATEN"),),
    "protest": (R("PROTEST", "demo"),), "demonstration": (R("PROTEST", "demo"),), "rally": (R("PROTEST", "demo"),),
    "march": (R("PROTEST", "demo", weight=0.7),), "riot": (R("PROTEST", "riot"),), "unrest": (R("PROTEST", "riot", weight=0.7),),
    "sit-in": (R("PROTEST", "demo"),), "vigil": (R("PROTEST", "demo", weight=0.7),), "boycott": (R("PROTEST", "boycott"),),
    "walkout": (R("PROTEST", "strike-gen"),), "blockade": (R("COERCE", "restrict", "military"),),
    "strike": (
        R("PROTEST", "strike-hun", needs="hunger"),
        R("FIGHT", "heavy-weapons", "military", needs="air missile drone artillery military rocket aerial preemptive retaliatory nuclear"),
        R("PROTEST", "strike-gen", needs="general worker labor labour nationwide national teacher doctor miner"),
        R("PROTEST", "strike-gen", weight=0.7),
    ),
    "airstrike": (R("FIGHT", "heavy-weapons", "military"),), "air-strike": (R("FIGHT", "heavy-weapons", "military"),),
    "sanction": (R("SANCTION", "restrict", "economic"),), "embargo": (R("SANCTION", "restrict", "economic"),),
    "expulsion": (R("SANCTION", "expel", "diplomatic"),),
    "deployment": (R("AID", "peacekeeping", needs="peacekeeper peacekeeping"), R("MOBILIZE", "troops", "military")),
    "mobilization": (R("MOBILIZE", "troops", "military"),), "mobilisation": (R("MOBILIZE", "troops", "military"),),
    "build-up": (R("MOBILIZE", "troops", "military"),), "buildup": (R("MOBILIZE", "troops", "military"),),
    "arrest": (R("COERCE", "arrest", "legal"),), "detention": (R("COERCE", "arrest", "legal"),),
    "crackdown": (R("COERCE", "restrict", "legal"),), "curfew": (R("COERCE", "curfew", "legal"),),
    "siege": (R("COERCE", "restrict", "military"),), "occupation": (R("COERCE", "occupy", "military", weight=0.6),),
    "deportation": (R("COERCE", "deport", "legal"),), "ban": (R("COERCE", "ban", "legal"),),
    "censorship": (R("COERCE", "censor", "legal"),), "raid": (R("COERCE", "raid", weight=0.8),),
    "attack": (R("ASSAULT"),), "bombing": (R("ASSAULT", "explosives"),), "explosion": (R("ASSAULT", "explosives"),),
    "blast": (R("ASSAULT", "explosives"),), "bomb": (R("ASSAULT", "explosives", alone=False),),
    "massacre": (R("ASSAULT", "cleansing"),), "killing": (R("ASSAULT"),), "assassination": (R("ASSAULT", "assassinate"),),
    "kidnapping": (R("ASSAULT", "abduct"),), "abduction": (R("ASSAULT", "abduct"),), "hijacking": (R("ASSAULT", "abduct"),),
    "torture": (R("ASSAULT", "torture", "rights"),), "shooting": (R("ASSAULT", "firearms"),), "ambush": (R("FIGHT", "firearms"),),
    "revenge": (R("ASSAULT", alone=False),),
    "fire": (R("RETREAT", "ceasefire", "military", needs="cease"),
             R("FIGHT", "heavy-weapons", "military", needs="artillery rocket mortar tank cannon missile", alone=False),
             R("FIGHT", "firearms", "military", alone=False)),
    "gunfire": (R("FIGHT", "firearms", "military"),), "retaliation": (R("ASSAULT", alone=False),), "reprisal": (R("ASSAULT", alone=False),),
    "clash": (R("FIGHT", "firearms", "military"),), "fighting": (R("FIGHT", "firearms", "military"),),
    "battle": (R("FIGHT", "firearms", "military"),), "firefight": (R("FIGHT", "firearms", "military"),),
    "gunfight": (R("FIGHT", "firearms", "military"),), "skirmish": (R("FIGHT", "firearms", "military"),),
    "offensive": (R("FIGHT", context="military"),), "shelling": (R("FIGHT", "heavy-weapons", "military"),),
    "bombardment": (R("FIGHT", "heavy-weapons", "military"),), "invasion": (R("FIGHT", "occupy", "military"),),
    "incursion": (R("FIGHT", context="military"),), "hostility": (R("FIGHT", context="military", weight=0.7),),
    "war": (R(None, needs="trade price tariff currency culture cold word bidding"), R("FIGHT", context="military", weight=0.6),), "aggression": (R("FIGHT", context="military", weight=0.6),),
    "operation": (R("FIGHT", context="military", needs="military anti terror terrorist counterinsurgency ground air offensive punitive"),),
    "investigation": (R("INVESTIGATE"),), "inquiry": (R("INVESTIGATE"),), "enquiry": (R("INVESTIGATE"),),
    "probe": (R("INVESTIGATE"),),
}
