"""What a line of page furniture says: the cue patterns of the boilerplate classifier.

Each pattern names a kind of furniture that web news pages share across outlets (advertising
markers, cookie banners, sharing and follow widgets, newsletter promotions, photo credits,
video player residue, disclaimers, author bios, links to other stories). None lists the lines
of a particular site. `STRONG_CUES` are safe on a line of any length; `SHORT_CUES` only on
short lines, since a paragraph of prose may mention the same words in passing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

I = re.IGNORECASE

AD_MARKER = re.compile(
    r"^(?:[\W_]*(?:advertisement|advertising|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|ad|ads))+[\W_]*$", I
)
COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|agree|privacy|experience|opt[- ]out|browser|settings)\b", I)
COMMENTS = re.compile(
    r"^[\W_]*(?:leave a (?:reply|comment)|post a comment|add (?:a )?comment|comments?|\d+\s+comments?|show comments|"
    r"view comments|join the (?:discussion|conversation)|sound off|send (?:questions|comments|feedback)(?:\s?/\s?comments)? to the editors?|you must be logged in to post a comment.*|cancel reply|"
    r"comment policy)[\W_]*$|\bcomments? policy\b|\bbefore commenting\b",
    I,
)
# Whole lines that are navigation, sharing, section labels or player controls.
NAVIGATION = re.compile(
    r"^[\W_]*(?:read (?:more|next|previous|also|full (?:story|article))|now read|previous (?:article|post|story)|"
    r"next (?:article|post|story)|source link|source|related(?: (?:articles?|stories|posts|news|coverage|content|topics|links|videos?))?|"
    r"recent (?:stories|posts|articles|news)|"
    r"more|more (?:from|on|stories|news)\b.*|see also|also read|trending(?: now)?|most (?:popular|read|viewed)|"
    r"recommended(?: for you)?|you (?:may|might) (?:also )?(?:like|be interested in)|don'?t miss|back to top|"
    r"skip to (?:main )?content|home|menu|search|story highlights.*|about the authors?|"
    r"share(?: this(?: (?:article|story|post))?)?(?: on \w+)?|tweet|email|print|whatsapp|facebook|twitter|linkedin|"
    r"share(?: this)?\s*:(?:\W*(?:twitter|facebook|email|linkedin|reddit|whatsapp|pinterest|print|more|tumblr|pocket))+|"
    r"read (?:related|more)(?: [\w'’]+){0,3} (?:coverage|stories|articles)|"
    r"pinterest|reddit|telegram|copy link|follow(?: us)?(?: on \w+(?: \w+)?)?|subscribe(?: now)?|sign (?:up|in)|log ?in|"
    r"click here.*|continue reading.*|story continue[sd] below(?: (?:this |the )?(?:advertisement|ad))?|article continues (?:below|after advertisement)|"
    r"continue reading below|scroll (?:down )?to continue.*|watch(?: now| live| the video)?|listen(?: now)?|"
    r"play(?: video)?|video|photos?|gallery|view gallery|slideshow(?: \(\d+ images?\))?|tags?:.*|topics?:.*|"
    r"filed under:?.*|posted in:?.*|show caption|hide caption|enlarge this image|toggle caption|image|loading\W*|"
    r"close|opinion|analysis|commentary|editorial|op-ed|exclusive|breaking(?: news)?|analysis\s*/\s*opinion|"
    r"developing(?: story)?|top stories|latest news|editor'?s picks?|(?:download )?(?:the )?(?:pdf|full report)|download|"
    r"dig deeper|go deeper|further reading|learn more|for more information|like this:?(?: like)?(?: loading\W*)?|[x×✕]|"
    r"(?:the )?latest from (?:the )?[\w.&'’-]+(?: [\w.&'’-]+){0,3}|"
    r"(?:\d+\s*pages?,?\s*)?\d+(?:\.\d+)?\s*(?:kb|mb))[\W_]*$",
    I,
)
# A navigation word, then a linked headline on the same line: "Read more: Protesters in ...".
NAVIGATION_PREFIX = re.compile(
    r"^[\W_]*(?:read(?: (?:more|also|next|this))?|also read|related(?: (?:article|story|news|coverage|content))?|"
    r"see (?:also|more)|more|recommended|watch|listen|click here|read the full (?:story|article)|must read|"
    r"don'?t miss|trending|photos?|video|gallery|opinion|for (?:subscribers|members)|subscriber exclusive|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)|go deeper|dig deeper|keep reading)\s*(?:[:|>»–—-]|\.{3}|…)\s*\S|"
    # "Related Articles State regulators probe ...": the header and the first linked headline run together.
    r"^\W*related (?:articles?|stories|posts|coverage|links|headlines)\s+(?-i:[A-Z])|"
    r"^\W*also on [\w.-]+\.[a-z]{2,}\b|^\(\s*(?:photos?|video|related|see also|read more|also on [^:()]{2,30})\s*:.*\)\W*$|"
    r"^[A-Z][\w'’ ]{2,40}:[A-Z][a-z]|\bread more\W*$|"
    r"\[(?:video|pictures?|photos?|gallery|insight|reaction|poll|latest|live|revealed|analysis|update|watch|listen)\]\W*$",
    I,
)
# A header under which the lines that follow are links to other stories, or highlights.
NAV_HEADER = re.compile(
    r"^[\W_]*(?:read (?:more|next|previous|also)|now read|related(?: \w+)?|more (?:from|on|stories|news)\b.*|see also|"
    r"also read|recommended(?: for you)?|trending(?: now)?|most (?:popular|read)|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|previous (?:article|post)|next (?:article|post)|"
    r"top stories|latest news|editor'?s picks?|story highlights|dig deeper|go deeper|further reading|learn more|"
    r"more (?:coverage|reading))[\W_]*$|^\W*story highlights\b|^\W*related (?:articles?|stories|posts|coverage|links)\s+(?-i:[A-Z])",
    I,
)
# The attribution an embedded post ends with: "— Daily Caller (@DailyCaller) April 30, 2020".
SOCIAL_ATTRIBUTION = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*\w+\s+\d{1,2},\s*\d{4}\s*$")
SOCIAL = re.compile(
    r"pic\.twitter\.com/|twitter\.com/\w+/status|instagram\.com/p/|\ba post shared by\b|\bview this post on instagram\b|"
    r"[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*\w+\s+\d{1,2},\s*\d{4}\s*$|"
    r"\bfollow (?:us|@\w+) on (?:twitter|facebook|instagram|google news|telegram)\b|^google news\b.*\bfollow\b|"
    r"^\W*follow\s+@\w+|"
    # An embedded Facebook post ends with its author and day: "... Posted by Jose Lugo on Wednesday, April 1, 2015".
    r"\bposted by [^.!?]{1,80}? on (?:mon|tues|wednes|thurs|fri|satur|sun)day,? [a-z]{3,9}\.? \d{1,2},? \d{4}\s*$",
    I,
)
# Promotion of the outlet's newsletter, membership or app. Strong when the words can only be
# a promotion; the looser "sign up for ..." is judged on short lines only (an article about a
# streaming service may well tell readers to sign up for a trial).
NEWSLETTER = re.compile(
    r"\b(?:delivered (?:straight |right )?to your inbox|(?:right |straight )?(?:in|to) your inbox\b.{0,40}\b(?:subscribe|sign ?up|newsletter)|"
    r"by signing up,? you agree|sign up to receive|click to subscribe|\bthis site is protected by recaptcha\b|"
    r"(?:sign up|subscribe) (?:for|to) (?:our|the) [\w' ]{0,40}newsletters?|get (?:our|the) [\w' ]{0,40}newsletter|"
    r"privacy policy and terms|support (?:our|independent) journalism|already a subscriber|"
    r"(?:register|sign up|subscribe) (?:for|to)\b.{0,60}\bnewsletter|\bour (?:free )?(?:daily|weekly|morning|evening|nightly) newsletter|"
    r"you(?:'ve| have) (?:reached|read) your (?:free )?(?:article )?limit|(?:meet|hit|land in|arrive in) your inbox|"
    # Appeals for money or sign-ups: "Our articles are free to read, but not free to report",
    # "please consider buying us a cup of coffee", "Sign up for free news alerts from ...".
    r"free to read,? but not free to (?:report|produce|make|write)|support (?:local|quality|nonprofit|non-profit) journalism|"
    r"consider (?:buying us a (?:cup of )?coffee|making a (?:donation|contribution)|donating|supporting (?:us|our work)|"
    r"becoming a (?:member|patron|supporter|subscriber))|sign up for (?:our )?(?:free )?(?:\w+ )?(?:alerts|email updates)|"
    # "Get The Times of Israel's Daily Edition by email and never miss our top stories", "Support Accountability Journalism".
    r"^\W*support (?:[\w-]+ ){0,2}journalism\b)",
    I,
)
# "Get The Times of Israel's Daily Edition by email and never miss our top stories", "Help us keep government
# accountable by making a donation today."
MISS_OR_DONATE = re.compile(
    r"\bby e-?mail and never miss\b|^\W*help us\b[^.]{0,80}\bby (?:making a (?:tax-deductible )?(?:donation|contribution)|donating)\b", I
)
# "Your subscription to the Atlanta Journal-Constitution funds in-depth reporting ...".
SUBSCRIPTION_FUNDS = re.compile(r"^\W*your (?:subscription|membership|support)\b(?: (?:to|of|for) [^.]{1,60}?)? (?:funds|supports|makes|pays for|helps)\b", I)
PROMOTION = re.compile(
    r"^\W*(?:sign up|subscribe|register|join us|download (?:our|the) app|get the app|create (?:a free|an) account|"
    r"become a (?:member|subscriber)|donate|support us|want more (?:from|of)\b|want to (?:see|read|learn|know) more\b|"
    r"check out (?:all|our|the|more)\b)|"
    r"^\W*follow\b.{0,60}\bon (?:twitter|facebook|instagram|youtube|tiktok|linkedin|telegram|whatsapp)\b|"
    r"\b(?:share (?:it|this)(?: story| article)? with (?:a friend|your friends)|like this (?:story|article)\?|"
    r"tell us what you think|let us know (?:what you think|in the comments)|have your say|check (?:this|it) out:|"
    r"click here for more (?:information|details)|use (?:the )?(?:promo )?code\W+\w+|\d+ issues for|"
    r"limited[- ]period offer|t&c apply|by clicking here|share your (?:photos|videos|stor(?:y|ies))|"
    r"download [\w ]{1,30} (?:for|on) (?:your )?(?:iphone|android|ios)|as an interest to stay up to date|"
    r"(?:complete|full|more) coverage (?:of|on)\b|read or share this story)\b|"
    # "For more information about the lab's work, visit: http://...": a pointer elsewhere.
    r"^\W*for more (?:information|details|about|on)\b[^.]{0,120}\b(?:visit|go to|see)\b\W*(?:https?://|www\.|[\w-]+\.(?:com|org|edu|gov)\b)|"
    r"^(?:[\w'’&-]+\s){0,4}(?:newsletter|podcast)s?\W*$|"
    # "While you're at it, take a listen to our companion podcast: ..."
    r"\b(?:listen|tune in|subscribe) to our (?:[\w-]+ ){0,2}podcast\b",
    I,
)
# A pitch for paid access: "Enjoying this article? Click here to subscribe for full access. Just $5 a
# month.", "Get Your First Month of Unlimited Access for Free ...". Judged on short lines only.
SUBSCRIPTION_PITCH = re.compile(
    r"\bclick here to (?:subscribe|sign up|join|donate|support|become a (?:member|subscriber|supporter))\b|"
    r"\benjoying (?:this|our) (?:article|story|content|coverage|reporting|journalism)\?|"
    r"\b(?:unlimited|full|digital|premium) access\b.{0,80}?(?:\bfor free\b|\$\d)|"
    r"^\W*(?:subscribe|join|become a (?:member|subscriber))\b.{0,80}?\$\d|\b(?:just|only) \$\d+(?:\.\d{2})? (?:a|per) (?:month|year|week)\W*$",
    I,
)
# An appeal to the reader that asks for an action: a hook ("Want more stories like this?", "Like
# what you're reading?", "Don't miss another post.", "Already subscribe?") and a request (sign
# up, subscribe, donate, support, join). Not in a quotation or a reported statement.
READER_APPEAL = re.compile(
    r"^(?!.*[\"“”])(?!.*\b(?:said|says|told)\b)"
    r"(?=.*(?:\bwant more\b|\blike what you(?:'|’)?(?:re| are) (?:reading|seeing|hearing)\b|\bdon(?:'|’)?t miss (?:another|a single|an?|our|the next)\b|"
    r"\benjoy(?:ed|ing)? (?:this|our|reading)\b|\balready (?:a )?(?:subscribe|subscriber|member)|\bif you (?:value|enjoy(?:ed)?|liked?|appreciated?)\b|"
    r"\b(?:sign up|donate|subscribe|join) (?:here|now|today)\b|\bjoin our (?:[\w'’-]+ ){0,3}(?:membership|community|group|network|program|mailing list)\b))"
    r"(?=.*\b(?:subscribe|sign up|donate|donation|support|join|register|become a (?:member|subscriber|supporter))\b)",
    I,
)
# A newsletter's name opening a line, then its pitch: "Diplomat Brief Weekly Newsletter N Get first-read access ...".
NEWSLETTER_NAME = re.compile(r"^(?:[A-Z][\w'’&-]*\s){1,4}Newsletter\b(?!\s(?:is|was|has|had|said|says|reported)\b)")
# "(c) 2020 Jane Roe", "(c) Getty Images": a copyright mark, not the third item of a list ("(c) Value perceptions: ...").
_C_MARK = r"\(c\)\s(?=\d{4}|(?-i:[A-Z][\w.&'’-]*)(?:\s(?-i:[A-Z][\w.&'’-]*)){0,4}\W*$)"
CAPTION = re.compile(
    rf"^\s*(?:©|{_C_MARK}|photo(?:graph)?\s*:|image\s*:|credit\s*:|pictured\s*:|file photo\b|"
    # "Image from Pew Research Center.", "(photo courtesy of the campaign)": where a picture came from.
    r"\(?\s*(?:image|photo|picture|graphic|illustration)s?\s(?:from|courtesy(?: of)?|via)\s+(?:the\s)?(?-i:[A-Z])|"
    r"image (?:source|copyright|caption)\b|file\s*[-–—:]\s|photo (?:source|credit)\b|(?:featured )?image credit\b|"
    # "Heading image: United States Capitol. Public domain via Wikimedia Commons.", "Buy Photo ...".
    r"(?:heading|header|featured|top|lead|main|cover) (?:image|photo)\s*:|\b(?:via|courtesy of) wikimedia commons\W*$|buy photo\b|"
    # "The featured image is “Mother and Child” (1883) by Christian Krohg ..."
    r"the (?:featured|header|cover|top|lead) (?:image|photo|picture|illustration) (?:is|shows)\b|"
    # "Courtesy photo", "Screenshot of the agency's chart showing ...": where a picture came from.
    r"(?:courtesy|contributed|submitted|file|staff) photo\W*$|(?:an? )?screen(?:shot|grab| capture)s?\s(?:of|from|via)\b|"
    r"(?:figure|fig\.|chart|graph|map|table|exhibit)\s*\d+[a-z]?\s*(?:[:.–—-]|$))|"
    # A chart's title and note, ending in its source: "... Source: United States International Trade Commission".
    r"\bsource:\s[A-Z][^.!?:]{2,80}$|^\W*sources?\s*:\s*(?-i:[A-Z])[^?]*$|"
    r"\b(?:getty images|ap photo|afp via getty|afp photo|reuters/[A-Z][a-z]+|epa-efe|shutterstock|"
    r"toggle caption|enlarge this image|hide caption|show caption|photo by [A-Z][a-z]+ (?:[A-Z]\.\s)?[A-Z][a-z]+|"
    r"\((?:reuters|ap|afp|getty)(?: file)? photo\s*:)",
    I,
)
# A photographer's credit in the shapes wire and newspaper captions use: "REUTERS/Dado Ruvic",
# "(Cliff Owen/AP)", "| John Shinkle/POLITICO", "Trevor Hughes/USA TODAY". Captions can be long,
# so these count on a line of any length.
PHOTO_CREDIT = re.compile(
    r"\b[A-Z]{2,}/[A-Z][a-z]+ [A-Z][a-z]+(?:/[A-Z]\w+)*\s*$|"
    r"\((?:[A-Z][\w.'’ -]+/)+[A-Z][\w.'’ &-]+\)\s*$|\|\s*[A-Z][\w.'’ -]+/[A-Z][\w.'’ &-]+|"
    # "... to parliament [File: Khalid al-Mousily/ Reuters]": the credit in square brackets.
    r"\[(?:File:\s?)?[A-Z][\w.'’ -]+/\s?[A-Z][\w.'’ &-]+\]\s*$|"
    # "Photo by: Soeren Stache/picture-alliance/dpa/AP Images".
    r"\bPhoto(?:graph)? by:?\s[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+\s?/\s?[\w-]|"
    r"\b[A-Z][a-z]+(?: [A-Z][\w'’-]+)+\s?/\s?(?:[A-Z]{2,}[\w ]*|Getty Images|Reuters|Bloomberg)\s*$|"
    r"\b(?:Image copyright|Image caption|Media caption|Credit\.\.\.)\s|"
    # "... in Seattle, July 1, 2020. Courtesy Lindsay Hartwell": a credit after the caption's last sentence.
    r"\.\s(?:Courtesy(?: of)?|Photo(?:graph)?(?: by)?:?)\s(?:the\s)?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’&-]*){0,4}\s*$|"
    # A caption that ends with its credit in brackets: "(Reuters photo: Jonathan Ernst)", "(AP file photo)".
    r"\((?:[A-Z][\w.'’&-]*\s)*(?:[Ff]ile\s)?[Pp]hoto(?:graph)?s?(?::\s*[^()]+)?\)\s*$|"
    # "Brian Tseng/Civil Beat", "Jane Doe/The Washington Post": a line that is only a name and an outlet.
    # "Ben Kothe / BuzzFeed News; NIAID": more sources after a semicolon.
    r"^\W*[A-Z][\w'’-]+(?: [A-Z][\w.'’-]*){1,3}\s?/\s?(?:[A-Z][\w.'’&-]*)(?: [A-Z][\w.'’&-]*){0,4}(?:;\s?[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,4})*\W*$"
)
# A caption's credit at its end: "... in Delaware County, Pennsylvania. © Human Rights Watch", "... on
# February 11, 2020. GEOFF FORESTER—Monitor staff".
END_CREDIT = re.compile(r"\s©\s?(?:\d{4}\s)?[A-Z][\w.&'’ -]{2,40}\s*$|\b[A-Z]{2,}(?: [A-Z]{2,})+\s?[—–-]\s?[A-Z][\w ]{2,30} staff\s*$")
# How wire captions and galleries open: "In this March 7, 2016, photo, Republican presidential
# candidate Donald Trump speaks ...", "In this undated handout image ...", "Open this photo in gallery".
CAPTION_OPENER = re.compile(
    r"^\W*In (?:this|these|a|an) (?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?|\d{4}|undated|handout|file|aerial|family|courtesy),? )+"
    r"(?:file |handout )?(?:photos?|images?|pictures?|photographs?|video (?:image|still|frame)s?|frame grabs?)\b|"
    r"^\W*[Oo]pen this (?:photo|image|picture) in (?:the )?gallery\b"
)
# "Figure 3", "Chart 2", "Table 1A": a figure's number alone on its line; its title is the line under it.
FIGURE_LABEL = re.compile(r"^\W*(?:figure|fig\.|chart|graph|map|table|exhibit)\s*\d+[a-z]?\W*$", I)
# A caption with no credit describes the picture in the present tense, with the day it was taken:
# "Clinton addresses a campaign rally in Cleveland on November 6", "Demonstrators gather ... in
# Rome, Sept. 7, 2011", "Joanna Maxon, left, waves ...". Stories tell the news in the past tense
# and quote people; a line with a quotation mark, "said" or "will" is not a caption.
_SCENE_ONE = (
    r"speaks|addresses|arrives|attends|listens|looks on|smiles|waves|gestures|walks|delivers remarks|talks|leaves|departs|"
    r"enters|poses|greets|shakes hands|reacts|testifies|prays|celebrates|boards|pauses|distributes|waits|lifts off|"
    r"participates|hugs|embraces|kneels|wears|watches|cheers|applauds|(?:is|are) (?:seen|shown|pictured|silhouetted|photographed)"
)
_SCENE_MANY = (
    r"gather|march|rally|wait|stand|hold|wave|chant|pray|walk|line up|take part|demonstrate|protest|cheer|listen|look on|"
    r"arrive|attend|react|pose|celebrate|hug|greet|wear|watch"
)
_PEOPLE = (
    r"(?i:people|supporters|protesters|protestors|demonstrators|students|officials|lawmakers|members|workers|voters|attendees|"
    r"delegates|children|residents|women|men|crowds?|troops|soldiers|officers|police|firefighters|volunteers|activists|fans|"
    r"guests|passengers|customers|shoppers|families|migrants|refugees|worshippers|mourners|participants|senators|leaders|agents)"
)
# The subject ends in a name (not a pronoun or a sentence's opening word), a bracket, or a position ("Maxon, left,").
_NOT_SUBJECT = (
    r"(?:He|She|It|We|They|This|That|These|Those|There|I|The|A|An|In|On|At|Outside|Inside|After|Before|During|Since|When|"
    r"While|If|As|But|And|Or|So|Its|His|Her|Their|Our|Your|My|Both|All|Some|Many|Most|Few|Several)"
)
_NAME_END = rf"(?!{_NOT_SUBJECT}\b)[A-Z][\w.'’-]*(?<!['’]s)"
_POSITION = r",\s(?:left|right|center|centre|front|back|rear|top|bottom|\d{1,3}),"
_DAY = r"(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)"
_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
# Someone in the picture doing something, near the start of a line that quotes and reports nobody.
_SCENE = (
    rf"^(?!(?:\S+\s+){{70}})(?!.*[\"“”])(?!.*\b(?:[Ss]aid|[Ss]ays|[Tt]old|[Aa]ccording|[Ww]ill|[Ww]ould)\b)(?:\S+\s+){{0,20}}?"
    rf"(?:(?:{_NAME_END}(?:,[^,\"“”]{{1,80}},)?|\)|{_POSITION})\s(?:{_SCENE_ONE})|(?:{_PEOPLE}(?:\s[^\"“”.,]{{1,80}},){{0,2}}|\)|{_POSITION})\s(?:{_SCENE_MANY}))(?![\w-])"
)
CAPTION_SCENE = re.compile(rf"{_SCENE}.*\b(?:{_DAY}|{_MONTH_DAY}|in (?:a|this) (?:\d{{4}} )?(?:undated |handout |file )*photo)")
# The same description of a picture without its date: only trusted on a line printed twice (`boilerplate._judge_repeated_captions`).
CAPTION_SCENE_UNDATED = re.compile(_SCENE)
# "Joanna Maxon, left, and her wife, Tonya Minton": who stands where in the picture.
CAPTION_POSITION = re.compile(
    r"^(?!(?:\S+\s+){40})(?!.*[\"“”]).*[A-Z][\w'’-]+(?:,\s(?:left|right|center|centre|second from (?:left|right)|far (?:left|right)|"
    r"top|bottom|front|rear),|\s\((?:left|right|center|centre)\))\s"
)
TIMESTAMP = re.compile(
    r"^\s*(?:(?:originally |first )?(?:published|posted)|updated|revised|modified|last (?:updated|modified|revised)(?: on)?)\s*:?\s*[\w ,:./-]{4,60}$|"
    r"^\s*\d{1,2}:\d{2}\s*(?:am|pm)?\s*(?:et|gmt|utc|bst|edt|est)?\b[\w ,:/-]{0,40}$|"
    r"^\s*\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?) ago\W*$|^\s*\d+\s*min(?:ute)?s?\s+read(?: time)?(?:\W+share)?\W*$|"
    # "8/13/2018", "UPDATED": a date or an update marker alone on its line.
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s*$|^\W*(?:updated|published)\W*$",
    I,
)
PLAYER = re.compile(
    # CNN's player labels are set in capitals: "must watch" in lower case is a sentence's.
    r"media playback is unsupported|(?-i:\bJUST WATCHED\b|\bMUST WATCH\b|\bMust Watch\b)|\breplay more videos\b|"
    r"\blisten to (?:this )?article\b|\bcopy this code to your (?:website|site|blog)\b|\bautoplay autoplay\b|\bshare this (?:article|gallery|slideshow|video)\b|\bwatch the latest video\b|"
    r"\bthis (?:form|page|video|content) requires javascript\b|\benable javascript to (?:watch|view|play|see)\b|\bpowered by [A-Z]\w+\W*$|\bshow hide\b|"
    r"^\W*watch\b.{0,30}\bvideos?\s*:?\s*$|^\W*now playing\s*:",
    I,
)
# A clip's running time closing its caption: "... after Rudy Gobert tests positive for the coronavirus. (4:29)".
VIDEO_DURATION = re.compile(r"\(\d{1,2}:\d{2}\)\s*$")
# A broadcast transcript's tease before a break: "When we come back, a fiery session of the U.S. Senate."
BROADCAST_BREAK = re.compile(r"(?:^|[.!?]\s+)when we come back\b|\b(?:we['’]ll be (?:right )?back|stay with us)\W*$", I)
# A reader poll: "Vote Now:", "Take our poll"; the question beside it goes with it (`boilerplate._judge_polls`).
POLL = re.compile(r"^[\W_]*(?:vote(?: now| here| below)?|take (?:our|the|this) (?:quick )?(?:poll|survey)|cast your vote|(?:reader )?poll)[\W_]*$", I)
# "This article tagged under: Obamacare": the page's topic tags.
TAGS_LINE = re.compile(r"^\W*(?:this )?(?:article|story|post|entry) (?:was |is )?tagged\b|^\W*tagged(?: under| with| as)?\s*:", I)
# "Click the play button above to listen to this story."
PLAY_BUTTON = re.compile(r"\b(?:click|press|tap) (?:the )?play(?: button)?\b.{0,30}\bto (?:listen|watch|hear)\b", I)
# "CLOSE" opening a line is a video player's close button (case matters: "close" is a word).
PLAYER_CLOSE = re.compile(r"^CLOSE\b")
DISCLAIMER = re.compile(
    r"\b(?:opinions?|views?) expressed (?:by|in|here)\b|\bviews expressed are (?:his|her|their|my) own\b|"
    r"\bdo(?:es)? not (?:necessarily )?(?:reflect|represent) the (?:views?|opinions?|positions?|policy)\b|"
    r"\bviews of the authors?\b.{0,40}\bnot\b|\b(?:first|originally) (?:published|appeared|ran) (?:in|on|at|by)\b|"
    r"\breprinted (?:by|with (?:the )?permission)\b|\bmay not be (?:reproduced|republished|redistributed|copied)\b|"
    r"\bpermission is (?:given|granted) to\b|\bmade possible (?:by|through) (?:a |the )?(?:grant|generous|support)|"
    r"\b(?:supported|funded|sponsored|underwritten) (?:in part )?by (?:a )?grant\b|^\W*acknowledge?ments?\s*:|"
    r"\btranscript (?:has been|was) (?:automatically |machine[- ])?generated\b|^\W*corrections?(?: and clarifications?)?\s*:|"
    r"\bthis is a developing story\b|\ba revised version of this\b|\bcommitted to truth and accuracy\b|"
    r"\b(?:read|see) our editorial standards\b|^\W*editor['’]?s note\s*:|"
    r"\bthis (?:story|article|report|post|piece) (?:is|was) (?:part of|produced (?:by|in)|a collaboration)\b|"
    # "This article appears in the August 20 issue of ...", "Disclosure: The university is a financial supporter of ...".
    r"\bthis (?:(?:article|story|essay|piece|column) )?appears in the\b.{0,60}\bissue\b|^\W*disclosures?\s*:|"
    # "This piece is also featured in Axios.", "This column was cross-posted at ...": printed elsewhere too.
    r"^\W*this (?:article|story|essay|piece|column|post|op-ed) (?:is |was )?(?:also )?(?:featured|cross-?posted) (?:in|on|at|by)\b|"
    # A book excerpt's note: "... by Dick Morris and Eileen McGann, published by arrangement with All Points Books".
    r"\bpublished by arrangement with\b",
    I,
)
# "This archived news story is available only for your personal, non-commercial use.", "For permission to
# reprint for commercial uses, ... contact the Center", "Feel free to distribute or cite this material, but please credit ...".
USE_TERMS = re.compile(
    r"\bfor (?:your )?personal,? non-?commercial use\b|\bfor permission to (?:reprint|republish|reproduce)\b|"
    r"\bfeel free to (?:distribute|share|republish|reprint|cite)\b[^.]{0,60}\b(?:credit|attribut)",
    I,
)
# Correction and update notes, when the line opens with one: "The original version of this essay
# misidentified ...", "Update: This piece has been updated to reflect that ...", "The list will be
# updated as more reports come in.", "(Correction to my April 27 column: ...)". A paragraph that
# ends with such a note is the story's.
CORRECTION_NOTE = re.compile(
    r"^(?:[\W_]*(?:(?:updated?|correction|clarification|note|editor['’]?s note|corrections? (?:&|and) (?:clarifications?|amplifications?))"
    r"\b[^:]{0,40}:\s*)?(?:(?:an?|the) (?:earlier|previous|original|prior) version of this|"
    r"this (?:story|article|report|post|piece|essay|column|op-ed) (?:has been|was) (?:updated|corrected|revised|amended)|"
    r"(?:this|the) (?:list|story|article|post|page|report) will be updated)\b|"
    r"\W*corrections? (?:to|on|for) [^:]{1,40}:)",
    I,
)
# "Got information about border wall contracts?", "Have a tip?", "We'd like to hear from you": a call for tips.
TIP_REQUEST = re.compile(
    r"^\W*(?:got|have|know) (?:a |any |some )?(?:news )?(?:tips?|information|info)\b[^.!]{0,80}\?\W*$|\bwe(?:'|’)?d like to hear from you\b", I
)
SOURCE_NOTE = re.compile(
    # "This article is based on the new book ...", "This story is adapted from ...": where the piece comes from.
    r"^\W*this (?:story|article|report|post|piece|essay|column) (?:is|was) (?:based on|adapted from|excerpted from|an excerpt from)\b|"
    # "The following excerpt is from Rogue Spooks ...", "The following is an excerpt from Ezra Klein's new book ...":
    # a publication's excerpt (an excerpt of a speech the story quotes is the story's).
    r"^\W*the following (?:is )?(?:an? )?(?:adapted )?(?:excerpt|passage|chapter)s? (?:is |was )?(?:from|of|adapted)\b"
    r"(?=.*\b(?:book|memoir|novel|newsletter|published|imprint)\b)|"
    # "Excerpted from the new book The People vs. Tech ... Published by Dutton, an imprint of ...".
    r"^\W*(?:excerpted|adapted) from (?:the )?(?:new |forthcoming |upcoming )?book\b|\bpublished by [A-Z][\w&'’ ]{1,40}, an imprint of\b|"
    # "This research was sponsored by ...": a funding acknowledgement.
    r"^\W*this (?:research|study|report|work|project|publication|analysis) was (?:sponsored|funded|supported|underwritten|commissioned)\b",
    I,
)
# A teaser for an opinion piece: "Romney won on substance, optics, demeanor and emotion, the author writes."
TEASER = re.compile(
    r",\s(?:the )?(?:author|writer|columnist)s? (?:writes|argues|says|contends|warns)\.|"
    # "As the first female Green Beret is expected to graduate ..., the author of this commentary notes that ..."
    r"\bthe (?:author|writer) of this (?:commentary|column|op-ed|essay|piece|article) (?:notes|writes|argues|says|contends|warns)\b",
    I,
)
AUTHOR_CONTACT = re.compile(
    r"\b(?:can|may) be (?:reached|contacted) at\b|\bhave a (?:news )?tip\?|"
    r"\bfollow (?:him|her|them|me) (?:on (?:twitter|facebook|instagram|linkedin)\b|at @\w)|\be-?mail (?:him|her|them|me) at\b|"
    r"\bwrite to [A-Z][\w.'’ -]+ at\b|\b[\w.+-]+@[\w-]+\.[a-z]{2,}(?:\.[a-z]{2,})?\b|^\W*author\s*:|"
    r"\bfollow [A-Z][\w.'’ -]{2,40} on (?:twitter|facebook|instagram)\b|\bon twitter @\w+\W*$|^\W*@\w{2,30}\W*$",
    I,
)
# Shortcodes, template tags and script a content system left in the text.
MARKUP_RESIDUE = re.compile(
    r"^\s*\[/?[a-z_]+(?:\s+[a-z_]+\s*=[^\]]*)*\]|\{\{.*\}\}|<\w+[^>]*>\s*$|^\s*<(?:iframe|script|embed|object)\b|\bvar \w+\s*=|\bfunction\s*\(|\.push\(\[|\}\);\s*$", I
)
# A whole line in square brackets, as editors insert a note or a promotion into the text:
# "[You're smart and curious about the world. ... You can get our highlights each weekend.]"
EDITOR_INSERT = re.compile(r"^\s*\[(?=(?:[^\]]*\s){5})[^\[\]]+\]\W*$")
# "Watch RAFIKI online on Amazon Prime here!", "Read the full report here.", and "See the survey
# questions and methodology for this analysis, or access the dataset.": a call to follow a link.
CALL_TO_ACTION = re.compile(
    r"\byou can (?:do so|register|sign up)\b[^.!?]{0,40}\bhere\s*[!.]?\s*$|"
    r"^\W*(?:watch|read|listen to|stream|buy|order|download|get|see|find|view)\b[^.!?]{0,80}\bhere\s*[!.]?\s*$|"
    # "Time to play the Trump card! Get your bumper stickers right here, right now!": a shop's pitch.
    r"(?:^|[.!?]\s+)(?:get|grab|buy|order) your\b[^.!?]{0,100}\bright here\b|"
    r"^\W*(?:see|read|view|download|access|explore)\s(?:the|our)\s[^.]{0,60}\b(?:methodology|topline|questionnaire|dataset|data set|data tool)\b",
    I,
)
# "Download this issue brief (pdf)", "View the brief in your web browser (Scribd)": a document's download links.
DOWNLOAD_WIDGET = re.compile(r"^\W*(?:download|view|read|open)\b[^.]{0,60}\((?:pdf|scribd|\d+(?:\.\d+)?\s?[km]b)\)\W*$", I)
BARE_LINK = re.compile(
    r"^\W*(?:(?:iphone|android|ios|app store|google play)\s*:\s*)?(?:https?://|www\.)\S+\W*$|\burl for this (?:post|story|article)\b", I
)
# A line of dots ("...", ". . .") is a writer's pause, not a section break: the labelled parts hold
# five such lines, all content.
SEPARATOR = re.compile(r"^(?![\s.…]+$)[\W_]{3,}$|^\s*[*#~]\s*$")

# "Analysis: The debate exposed a rift", "Stimulus money fraud:Feds arrest 2 men": a short label,
# a colon, a headline. Several in a row are a list of links.
LABELLED_HEADLINE = re.compile(r"^[A-Z][\w'’ .]{1,30}:\s?[A-Z'\"‘“]")
# A headline of another story set in capitals, as some outlets list them between paragraphs.
ALL_CAPS_HEADLINE = re.compile(r"^(?=(?:\S+\s+){5})[^a-z|]*[A-Z]{3,}[^a-z|]*$")
# "– Jayme Deerwester": a dash and a name, signing a section.
DASHED_NAME = re.compile(r"^\s*[–—-]\s*(?:[A-Z][\w'’-]+\.?\s?){2,4}$")

@dataclass(frozen=True)
class Cue:
    """A cue pattern, with the words (or characters) a line must hold for the pattern to be tried.

    The triggers are a cheap filter: testing a set of words is far faster than running a
    large pattern over every line of prose, and no line without them can match.
    """

    reason: str
    pattern: re.Pattern[str]
    words: frozenset[str] = frozenset()
    chars: str = ""
    # A second set of which the line must hold a word too (a caption's verb and its date).
    also: frozenset[str] = frozenset()

    def matches(self, line: str, words: frozenset[str]) -> bool:
        if (self.words or self.chars) and words.isdisjoint(self.words) and not any(ch in line for ch in self.chars):
            return False
        if self.also and words.isdisjoint(self.also):
            return False
        return bool(self.pattern.search(line))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


class CueList:
    """Cues in their order, indexed by trigger word and character.

    `first` gives what `next(cue.reason for cue in cues if cue.matches(line, words))` gives,
    but finds the cues a line triggers through the index (a few dictionary lookups for the
    line's words) instead of testing every cue's triggers in turn on every line.
    """

    def __init__(self, cues: tuple[Cue, ...]):
        self.cues = cues
        self.untriggered = frozenset(i for i, cue in enumerate(cues) if not (cue.words or cue.chars))
        by_word: dict[str, set[int]] = {}
        by_char: dict[str, set[int]] = {}
        for i, cue in enumerate(cues):
            for word in cue.words:
                by_word.setdefault(word, set()).add(i)
            for char in cue.chars:
                by_char.setdefault(char, set()).add(i)
        self.by_word = {word: frozenset(found) for word, found in by_word.items()}
        self.trigger_words = frozenset(by_word)
        self.by_char = tuple((char, frozenset(found)) for char, found in by_char.items())

    def first(self, line: str, words: frozenset[str]) -> str | None:
        """The reason of the first cue, in order, that matches the line (`words`: its trigger words)."""
        tried = set(self.untriggered)
        for word in words & self.trigger_words:
            tried |= self.by_word[word]
        for char, found in self.by_char:
            if char in line:
                tried |= found
        for i in sorted(tried):
            cue = self.cues[i]
            if cue.also and words.isdisjoint(cue.also):
                continue
            if cue.pattern.search(line):
                return cue.reason
        return None


STRONG_CUES: tuple[Cue, ...] = (
    Cue("photo caption or credit", re.compile(rf"^\s*(?:©|{_C_MARK}|copyright\s+©?\s*\d{{4}}\b)", I), _words("copyright c"), "©"),
    Cue("photo caption or credit", PHOTO_CREDIT, _words("image media credit photo courtesy photograph"), "/"),
    Cue("photo caption or credit", END_CREDIT, _words("staff"), "©"),
    Cue("video or audio player", PLAYER_CLOSE, _words("close")),
    Cue("separator", SEPARATOR),
    Cue(
        "photo caption or credit",
        CAPTION_SCENE,
        _words(" ".join(re.findall(r"[a-z]+", _SCENE_ONE + "|" + _SCENE_MANY))),
        also=_words(
            "monday tuesday wednesday thursday friday saturday sunday jan feb mar apr may jun jul aug sep sept oct nov dec "
            "january february march april june july august september october november december photo"
        ),
    ),
    Cue("photo caption or credit", CAPTION_POSITION, _words("left right center centre top bottom front rear")),
    Cue("photo caption or credit", CAPTION_OPENER, _words("photo photos image images picture pictures photograph photographs video frame")),
    Cue(
        "disclaimer or publishing note",
        SOURCE_NOTE,
        _words("based adapted excerpted excerpt sponsored funded supported underwritten commissioned imprint"),
        also=_words("this following excerpted adapted imprint"),
    ),
    Cue("link to another article", TEASER, _words("writes argues says contends warns notes"), also=_words("author writer columnist authors writers columnists")),
    Cue("advertising marker", AD_MARKER, _words("advertisement advertising sponsored paid promoted content ad ads post")),
    Cue("cookie notice", COOKIES, _words("cookie cookies")),
    Cue("comment prompt", COMMENTS, _words("reply comment comments discussion conversation logged commenting policy sound send")),
    Cue("social media embed", SOCIAL, _words("pic twitter instagram post posted follow google com"), "@"),
    Cue(
        "newsletter or subscription promotion",
        NEWSLETTER,
        _words(
            "inbox signing receive subscribe newsletter newsletters policy journalism subscriber limit free consider alerts updates recaptcha"
        ),
    ),
    Cue("newsletter or subscription promotion", MISS_OR_DONATE, _words("miss donation donating contribution")),
    Cue("newsletter or subscription promotion", SUBSCRIPTION_FUNDS, _words("subscription membership support"), also=_words("your")),
    Cue("video or audio player", PLAYER, _words("playback watched watch replay listen share javascript powered hide video videos copy autoplay now playing enable")),
    Cue("video or audio player", PLAY_BUTTON, _words("play"), also=_words("click press tap")),
    Cue(
        "disclaimer or publishing note",
        DISCLAIMER,
        _words(
            "expressed reflect represent views published appeared ran reprinted reproduced republished redistributed copied "
            "permission possible grant acknowledgments acknowledgements acknowledgment acknowledgement transcript "
            "corrections correction developing revised accuracy standards note part produced collaboration editor appears "
            "disclosure disclosures featured crossposted cross-posted arrangement"
        ),
    ),
    Cue("disclaimer or publishing note", USE_TERMS, _words("non-commercial noncommercial reprint republish reproduce distribute cite")),
    Cue(
        "disclaimer or publishing note",
        CORRECTION_NOTE,
        _words("version updated corrected revised amended correction corrections"),
    ),
)
POLL_REASON = "reader poll"
SHORT_CUES: tuple[Cue, ...] = (
    Cue(POLL_REASON, POLL, _words("vote poll survey")),
    Cue("navigation", NAVIGATION),
    Cue("navigation", TAGS_LINE, _words("tagged")),
    Cue("video or audio player", VIDEO_DURATION, chars=")"),
    Cue("video or audio player", BROADCAST_BREAK, _words("when back stay")),
    Cue("newsletter or subscription promotion", SUBSCRIPTION_PITCH, _words("click enjoying access subscribe join become just only")),
    Cue("newsletter or subscription promotion", NEWSLETTER_NAME, chars="N"),
    Cue(
        "newsletter or subscription promotion",
        READER_APPEAL,
        _words("want like liked don enjoy enjoyed enjoying already if sign donate subscribe join"),
        also=_words("subscribe sign donate donation support join register become"),
    ),
    Cue(
        "link to another article",
        NAVIGATION_PREFIX,
        _words("read also related see more recommended watch listen click must don trending photo photos video gallery opinion subscribers members subscriber may might go dig keep"),
        ":[(",
    ),
    Cue(
        "photo caption or credit",
        CAPTION,
        _words("photo photograph image credit pictured file figure fig chart graph map table exhibit getty ap afp reuters epa shutterstock caption enlarge source sources screenshot screenshots screengrab screen commons"),
        "©/",
    ),
    Cue("timestamp", TIMESTAMP, _words("published updated posted revised modified last ago min mins minute minutes read"), ":/"),
    Cue(
        "newsletter or subscription promotion",
        PROMOTION,
        _words(
            "sign subscribe register join download app create become donate support want check follow share like tell let "
            "have click use code issues limited t clicking coverage read newsletter newsletters podcast podcasts interest iphone android "
            "visit"
        ),
    ),
    Cue("markup residue", MARKUP_RESIDUE, _words("var function"), "[{<}"),
    # "191129193729541": an image's or an embed's id left alone on a line.
    Cue("markup residue", re.compile(r"^\s*\d{9,}\s*$")),
    Cue("author contact", AUTHOR_CONTACT, _words("reached contacted tip follow email e-mail mail write author twitter"), "@"),
    Cue("author contact", TIP_REQUEST, _words("tip tips information info hear")),
    Cue("bare link", BARE_LINK, _words("url http https www")),
    Cue("navigation", DOWNLOAD_WIDGET, _words("download view read open")),
    # "James Damore vs. Google: Class Action Lawsuit by TechCrunch on Scribd": a document viewer's title bar.
    Cue("embedded document", re.compile(r"\bon scribd\W*$|\bdocumentcloud\b", I), _words("scribd documentcloud")),
    Cue("newsletter or subscription promotion", CALL_TO_ACTION, _words("here methodology topline questionnaire dataset data")),
    Cue("editor's note or promotion", EDITOR_INSERT, chars="["),
    Cue("headline of another story", ALL_CAPS_HEADLINE),
    Cue("byline", DASHED_NAME),
)

# "Clarence Page is a columnist for ...", "Andrew C. McCarthy (@x) is a senior fellow at ...": a
# full name (not a pronoun, not "Mr. Smith" as the story would call someone), then a role.
_PERSON = r"(?!(?:It|This|That|There|The|He|She|They|We|You|Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\b)(?:[A-Z][\w'’-]+|(?:[A-Z]\.){2,3})(?:\s(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
_ROLE = (
    r"(?i:columnist|contributor|correspondent|reporter|writer|editor|author|professor|fellow|lecturer|researcher|"
    r"analyst|director|founder|co-founder|president|chair|chairman|chairwoman|chief executive|host|commentator|journalist|"
    r"attorney|lawyer|economist|scholar|student|partner|counsel|veteran|contributing|blogger|historian|classicist|"
    r"adviser|advisor|strategist|consultant)"
)
# Words that start a new clause: the role after them is someone else's ("... has been eager to
# withdraw, but General Mark Milley, chairman of ...").
_NOT_CLAUSE = r"(?!(?i:but|to|who|that|which|when|while|after|before|because|if)\b)"
AUTHOR_BIO = re.compile(
    rf"^[\W_]*(?:(?i:author|about the authors?)\s*:\s*)?{_PERSON}(?:\s\(@\w+\))?(?:,\s\d{{2}},)?,?\s"
    # "... is a columnist for ...", "... teaches physical chemistry at the University of ..."
    rf"(?:(?:is|was|has been|serves as)\s(?:{_NOT_CLAUSE}[\w'’.-]+,?\s){{0,8}}?{_ROLE}\b|(?:teaches|lectures|studies)\s(?:[\w'’./-]+,?\s){{0,6}}?(?:at|in)\s)|"
    # "Jane Doe, a junior at Ohio State University, is a longtime resident of ...": the role in an apposition.
    # The sentence goes on with another role ("... is a professor of ...", "... is the author of ..."),
    # not with news about the person ("..., the director of the agency, is under investigation").
    rf"^[\W_]*{_PERSON},\s(?:an?|the)\s(?:[\w'’.-]+\s){{0,4}}?(?:{_ROLE}|freshman|sophomore|junior|senior|graduate)\b[^,]{{0,80}},\s"
    rf"is\s(?:an?|the)\s(?:[\w'’.-]+\s){{0,4}}?(?:{_ROLE}|resident|author)\b|"
    # "Jane Doe (@handle) served as ...": a name with its handle in brackets introduces the writer.
    rf"^[\W_]*{_PERSON}\s\(@\w+\)\s(?:is|was|served|serves|has|writes|teaches|worked|works)\b|"
    # "Jane Doe (@handle) lives in Baltimore, where she writes about law.": where the writer lives and works.
    rf"^[\W_]*{_PERSON}(?:\s\(@\w+\))?\s(?:lives|is based) in\s[^.]{{1,60}}?\b(?:where|and)\s(?:she|he|they)\s(?:writes|works|teaches|reports)\b|"
    # "Sloane is a writer in Arlington, Virginia.": a writer's bio may give one name only.
    rf"^[\W_]*(?!(?:It|This|That|There|The|He|She|They|We|You|I)\b)[A-Z][a-z'’-]+\sis\san?\s(?:(?!(?:of|the|to|with|for|by)\b)[\w'’-]+,?\s){{0,6}}?"
    rf"(?:writer|columnist|contributor|journalist|blogger|freelancer|graduate)\b|"
    # "A guest columnist for POLITICO, Joe Scarborough hosts ...": the role first, then the name.
    rf"^[\W_]*(?:An?|The)\s(?:[\w'’.-]+\s){{0,4}}?{_ROLE}\s(?:for|at|with|of)\s[^,]{{2,60}},\s{_PERSON}\s(?:is|was|hosts|writes|has)\b|"
    # "By Dr. Clarke Rountree, chairman of the Communication Arts Department at ...": a byline that goes on into a bio.
    rf"^\W*By\s(?:Dr\.\s|Prof\.\s)?{_PERSON},\s(?:an?\s|the\s)?(?:[\w'’.-]+\s){{0,3}}?{_ROLE}\b|"
    # "Andrew P. Napolitano, a former judge of the Superior Court of New Jersey, is a regular contributor to The Washington Times."
    rf"^[\W_]*{_PERSON},\s[^,]{{3,100}},\sis\s(?:an?|the)\s(?:(?:regular|frequent|contributing|senior|weekly|monthly|guest|occasional)\s)*"
    rf"(?:contributor|columnist|writer|editor|fellow)\s(?:to|for|at|with|of)\b|"
    # "Pariser, who coined the phrase filter bubble ..., is a fellow at the New America Foundation. @elipariser":
    # a role, and the writer's handle closing the line.
    rf"^[\W_]*[A-Z][\w'’-]+(?:\s[A-Z][\w'’.-]+){{0,3}},\s[^.]{{3,160}},\sis\s(?:an?|the)\s(?:[\w'’.-]+\s){{0,4}}?{_ROLE}\b.*\s@\w+\W*$"
)
# "John Glynn is a psychologist from Ireland.", "Jane Roe is a qualified geologist who ...": a profession
# straight after "is a". A story introduces people this way too, so only the last line of the story counts.
_PROFESSION = (
    r"(?i:judge|minister|pastor|rabbi|priest|scientist|physician|surgeon|engineer|novelist|activist|diplomat|ambassador|"
    r"speechwriter|[a-z]+ologist|psychiatrist|physicist|chemist|nurse|teacher|entrepreneur|investor|administrator|"
    r"executive|manager|accountant|farmer|retiree|resident|homemaker|pilot|firefighter|police officer)"
)
PROFESSION_BIO = re.compile(
    rf"^[\W_]*{_PERSON}(?:,\s[^,]{{1,60}},)?\s(?:is|was)\s(?:an?|the)\s(?:(?!who\b|that\b)[\w'’-]+\s){{0,4}}?{_PROFESSION}\b"
)
# A bio set in brackets, with the writer's title: "(The Rev. Elijah R. Zehyoue is an ordained Baptist
# minister and director of programs ...)". The bracket and the title are taken off before AUTHOR_BIO.
BRACKETED_BIO = re.compile(r"^\W*\(\s*(?:(?:The )?(?:Rev(?:erend)?\.?|Rt\. Rev\.|Dr\.|Prof\.|Rabbi|Father|Sister|Imam|Pastor)\s+)?(.+?)\s*\)\W*$")
# "Rand Paul is a Republican senator from Kentucky.", "Rep. Mike Rogers is an Alabama Republican.",
# "Sen. Brian Schatz is a Democrat from Hawaii. Sen. Lisa Murkowski is a Republican from Alaska.":
# the lawmaker who wrote an op-ed, one whole short sentence each (a news line goes on: "... who has
# twice changed parties", "... after Sanders left the race").
_LAWMAKER = (
    rf"(?:(?:Sen|Rep|Gov)\.\s|(?:Senator|Representative|Congressman|Congresswoman)\s)?{_PERSON}(?:\s\([A-Z]-[\w. ]+\)|,\s[A-Z]-[\w.]+,)?\s"
    r"is\san?\s(?:former\s|retired\s)?(?:[A-Z][a-z]+\s){0,2}(?:Republican|Democrat|Democratic|independent)"
    r"(?:\s(?:senator|representative|congressman|congresswoman|governor|member of the [A-Z][\w.]*(?:\s(?:of\s)?[A-Z][\w.]*){0,5}))?"
    r"(?:\sfrom\s[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?\."
)
# "Mitch McConnell is U.S. Senate Majority Leader.", "Mike Pompeo is the U.S. Secretary of State.": an office by its title.
_OFFICE_HOLDER = (
    rf"{_PERSON}\sis\s(?:the\s)?(?:[A-Z][\w.]*\s){{0,4}}"
    r"(?:Leader|Speaker|Whip|Secretary|Governor|Senator|Mayor|Ambassador|Attorney General|Chairman|Chairwoman|Chair)"
    r"(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w.]*(?:\s(?:of\s|the\s)?[A-Z][\w.]*){0,4})?\."
)
LAWMAKER_BIO = re.compile(rf"^[\W_]*(?:{_LAWMAKER}|{_OFFICE_HOLDER})(?:\s+(?:{_LAWMAKER}|{_OFFICE_HOLDER}))*\s*$")
# "Ascom is a global solutions provider ...", "ProPublica is a nonprofit newsroom that ...",
# "About the Hoover Institution: ...": the publisher's or a company's standard description.
ORGANISATION_BIO = re.compile(
    r"^[\W_]*(?:about (?:the )?[A-Z][\w.&'’ -]{1,50}:\s*)?(?:the )?[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,5},?"
    r"(?:\s[^.]{0,80},)?\s(?:is|are)\s(?:a|an|the|one of the)\s(?:[\w'’-]+\s){0,4}?"
    r"(?:provider|company|organi[sz]ation|newsroom|institution|cent(?:er|re)|firm|group|agency|network|publisher|"
    r"foundation|think tank|nonprofit|non-profit|corporation|association|institute|outlet|platform|source)\b",
    I,
)
# A line that is nothing but a date, as pages print their publication date: "Saturday, January 1, 2005".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE_LINE = re.compile(
    rf"^\W*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+\d{{1,2}}:\d{{2}}\s*(?:am|pm)?(?:\s*[a-z]{{2,4}})?)?\W*$",
    I,
)
# A line that is nothing but names: a byline or a photo credit ("John Bacon", "Doug Stanglin and Ken Alltucker").
_NAME = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?:\s(?:[A-Z][\w'’-]*\.?|[A-Z]\.|de|van|von|der|da|al|bin|Jr\.?|Sr\.?)){1,3}"
# "By Hans Kristensen", "by a 5th CD constituent of Rep. Tom Garrett's": a byline, capitalised or not.
BY_LINE = re.compile(r"^\s*by\s+\S", I)
NAMES_ONLY = re.compile(rf"^[\W_]*{_NAME}(?:(?:,\s*|\s+and\s+|\s*&\s*){_NAME})*(?:\s*[–—-]\s*{_NAME})?[\W_]*$")
# "Ray La Raja – University of Massachusetts Amherst": an author's name and affiliation.
NAME_AFFILIATION = re.compile(
    rf"^[\W_]*{_NAME}\s*[–—-]\s*[A-Z][\w.'’&-]*(?:,?\s(?:of|the|and|for|at|in|[A-Z][\w.'’&-]*)){{0,8}}[\W_]*$"
)


STRONG = CueList(STRONG_CUES)
SHORT = CueList(SHORT_CUES)
