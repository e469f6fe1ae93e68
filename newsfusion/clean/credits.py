"""Credit lines, bylines and datelines: who wrote or supplied an article, and where it was filed.

These lines leave the text but are never lost: they become `credited_agencies`, `byline`
and `dateline`. Agencies are recognised from the world's wire services (not from any one
story) and named in full, so "AP" and "Associated Press" count as one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Wire services, by canonical name, with the spellings they are credited under.
AGENCIES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Associated Press": ("Associated Press", "The Associated Press", "AP"),
    "Agence France-Presse": ("Agence France-Presse", "Agence France Presse", "AFP"),
    "Bloomberg": ("Bloomberg", "Bloomberg News"),
    "United Press International": ("United Press International", "UPI"),
    "Deutsche Presse-Agentur": ("Deutsche Presse-Agentur", "dpa", "DPA"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "TASS": ("TASS", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Kyodo News": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "Canadian Press": ("The Canadian Press", "Canadian Press"),
    "Australian Associated Press": ("Australian Associated Press", "AAP"),
    "Press Association": ("Press Association", "PA Media"),
    "CNN Wire": ("CNN Wire",),
}

_ALIAS_TO_AGENCY = {alias.lower(): name for name, aliases in AGENCIES.items() for alias in aliases}
# Longest aliases first, so "Associated Press" wins over "AP" inside it.
_ALIASES = sorted({alias for aliases in AGENCIES.values() for alias in aliases}, key=len, reverse=True)
_AGENCY_PATTERN = "|".join(re.escape(alias) for alias in _ALIASES)
_AGENCY_IN_TEXT = re.compile(rf"(?<![\w-])(?:{_AGENCY_PATTERN})(?![\w-])")
_DASH = r"[-–—]"

# "By Reuters", "by : Reuters", "By Lisa Mascaro and Andrew Taylor, Associated Press"
_BY_LINE = re.compile(r"^\s*by\s*:?\s+(?P<who>[^\n]{2,120})$", re.IGNORECASE)
# "Some information for this story provided by ...", "Reporting by X; Editing by Y", "Contributing: ..."
_CREDIT_LINE = re.compile(
    r"^\s*\(?\s*(?:(?:some\s+)?(?:information|material)\s+(?:for\s+this\s+(?:story|report|article)\s+)?"
    r"(?:was\s+)?(?:provided|supplied|contributed)\s+by|(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|"
    r"compiled\s+by|contributing\s*:|contributors?\s*:|source\s*:|with\s+(?:reporting|files)\s+from|"
    r"copyright\s+(?:\d{4}\s+)?|©\s*(?:\d{4}\s+)?|this\s+(?:story|report|article)\s+(?:was\s+)?(?:originally\s+)?"
    r"(?:published|produced|written)\s+(?:by|in\s+partnership)|"
    r"(?:the\s+)?(?:" + _AGENCY_PATTERN + r")\s+contributed)",
    re.IGNORECASE,
)
# "Fox News' Chad Pergram and The Associated Press contributed to this report", "X reported from Kabul."
_CONTRIBUTOR = re.compile(
    r"\b(?:also\s+)?(?:contributed|contributing)\s+(?:to\s+(?:this|the)\s+(?:report|story|article|post)|reporting|reports?\b)|"
    r"\breported (?:from|this (?:story|report) from) [A-Z]|\bcontains (?:material|reporting) from\b|"
    r"\bbased (?:in part )?on (?:wire(?: service)? reports|reporting by|reports from)\b|\bwith assistance (?:by|from)\b|"
    # "Information from The Associated Press was used in this report."
    r"^\W*(?:information|material|reporting) from\b.{1,80}\bwas used in (?:this|the) (?:report|story|article)\b",
    re.IGNORECASE,
)
# "Opinion columnist", "Staff Writer", "Senior Correspondent": the author's role, on a line of its own under the byline.
_ROLE_LINE = re.compile(
    r"^\s*(?!(?:a|an|the|my|our|your)\s)(?:[\w-]+\s){0,2}(?:columnist|contributor|correspondent|staff writer|reporter|writer|editor|"
    r"contributing editor|senior editor)s?\s*$",
    re.IGNORECASE,
)
# Credit lines are short; a long paragraph that mentions a contribution is part of the story.
MAX_CREDIT_WORDS = 60
# "Baku – AFP", "PARIS (AFP) -", "NEW YORK (Reuters) - ...", "(Reuters) – Washington ..."
_DATELINE_AGENCY = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,\s*[A-Z][A-Za-z.'’ -]{{1,30}}?)?)?\s*\(\s*(?P<agency>{_AGENCY_PATTERN})\s*\)\s*{_DASH}+\s*"
)
_PLACE_DASH_AGENCY = re.compile(rf"^\s*(?P<place>[A-Z][A-Za-z.'’ -]{{1,40}}?)\s*{_DASH}+\s*(?P<agency>{_AGENCY_PATTERN})\s*\.?\s*$")
# "WASHINGTON —" opening a paragraph: an all-caps place then a dash.
_DATELINE_CAPS = re.compile(rf"^\s*(?P<place>[A-Z][A-Z.'’ -]{{2,40}}(?:,\s*[A-Z][A-Za-z.]{{1,20}})?)\s*{_DASH}+\s+(?=\S)")
_TITLE_SUFFIX = re.compile(rf"\s+(?:by\s*:?\s*|[|{_DASH[1:-1]}]\s*|-\s+)(?P<who>{_AGENCY_PATTERN})\s*$", re.IGNORECASE)


@dataclass
class Credits:
    """What credit lines and datelines said about an article's sources."""

    agencies: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dateline: str | None = None

    def add_agency(self, name: str) -> None:
        if name not in self.agencies:
            self.agencies.append(name)


def agencies_in(text: str) -> list[str]:
    """Canonical names of the wire agencies named in a credit text, in order of mention."""
    found: list[str] = []
    for match in _AGENCY_IN_TEXT.finditer(text):
        name = _ALIAS_TO_AGENCY[match.group(0).lower()]
        if name not in found:
            found.append(name)
    return found


def _is_short_name_list(text: str) -> bool:
    """True for what follows "By" in a byline: a few capitalised names, not a sentence."""
    words = text.replace(",", " ").split()
    if text.strip().lower() in _ALIAS_TO_AGENCY:
        return True
    return 1 <= len(words) <= 12 and words[0][:1].isupper() and not text.rstrip().endswith((".", "?", "!", ":"))


def read_credit_line(line: str, credits: Credits) -> bool:
    """If `line` is a credit line (byline, agency credit, place–agency dateline), record it and say so."""
    stripped = line.strip()
    match = _PLACE_DASH_AGENCY.match(stripped)
    if match:
        credits.add_agency(_ALIAS_TO_AGENCY[match.group("agency").lower()])
        if credits.dateline is None:
            credits.dateline = match.group("place").strip()
        return True
    match = _BY_LINE.match(stripped)
    if match and _is_short_name_list(match.group("who")):
        who = match.group("who").strip()
        named_agencies = agencies_in(who)
        for agency in named_agencies:
            credits.add_agency(agency)
        remainder = _AGENCY_IN_TEXT.sub("", who).strip(" ,;:-–—")
        if remainder:
            credits.bylines.append(remainder)
        return True
    if (_CREDIT_LINE.match(stripped) or _CONTRIBUTOR.search(stripped)) and len(stripped.split()) <= MAX_CREDIT_WORDS:
        for agency in agencies_in(stripped):
            credits.add_agency(agency)
        return True
    if _ROLE_LINE.match(stripped) and stripped[:1].isupper():
        return True
    if stripped.lower().strip("()") in _ALIAS_TO_AGENCY:
        credits.add_agency(_ALIAS_TO_AGENCY[stripped.lower().strip("()")])
        return True
    return False


def read_dateline(paragraph: str, credits: Credits) -> None:
    """Record the dateline and agency that open a paragraph ("NEW YORK (Reuters) - ..."); the text stays."""
    match = _DATELINE_AGENCY.match(paragraph)
    if match:
        credits.add_agency(_ALIAS_TO_AGENCY[match.group("agency").lower()])
        place = (match.group("place") or "").strip(" ,")
        if place and credits.dateline is None:
            credits.dateline = place
        return
    match = _DATELINE_CAPS.match(paragraph)
    if match and credits.dateline is None:
        credits.dateline = match.group("place").strip()


def strip_title_credit(title: str, credits: Credits) -> str:
    """Remove a trailing agency credit from a headline ("... ceasefire By Reuters") and record it."""
    match = _TITLE_SUFFIX.search(title)
    if not match:
        return title
    credits.add_agency(_ALIAS_TO_AGENCY[match.group("who").lower()])
    return title[: match.start()].rstrip(" |-–—:")
