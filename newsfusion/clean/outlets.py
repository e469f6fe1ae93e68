"""Each outlet's page template: the short lines it prints in article after article.

"Story Continued Below", a masthead, a sign-off: such lines show up in many articles of one
outlet. Counts live in the store (so a restart remembers them) and are read before an article
is cleaned; the article's own lines are counted after it, so the result depends only on
what arrived earlier.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from ..types import Article, RemovedText
from .boilerplate import OUTLET_LINE_MAX_WORDS, OUTLET_REPEAT_ARTICLES, is_headline_shaped, is_prose, normalise_line, word_count
from .metadata import outlet_from_url

TEMPLATE_REASON = "repeated in the outlet's other articles"

if TYPE_CHECKING:
    from ..store import Store


def line_key(normalised: str) -> int:
    """A signed 64-bit key for a normalised line (SQLite integers are signed)."""
    return int.from_bytes(hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def countable_lines(lines: Iterable[str]) -> dict[str, int]:
    """The short lines of an article worth counting, normalised, mapped to their keys."""
    found = {}
    for line in lines:
        if word_count(line) <= OUTLET_LINE_MAX_WORDS:
            normalised = normalise_line(line)
            if normalised:
                found[normalised] = line_key(normalised)
    return found


# A recurring section heading asks the question its section answers: "What are the details?",
# "Why there's debate", "What we know". It is the outlet's format, but what follows is the story.
_QUESTION_HEADING = re.compile(r"^\W*(?:what|why|how|who|when|where)\b", re.IGNORECASE)
SECTION_HEADING_MAX_WORDS = 6


def _section_question(lines: list[str], position: int) -> bool:
    """A short question (or wh- phrase) heading the paragraph of prose right under it."""
    line = lines[position].strip()
    return (
        word_count(line) <= SECTION_HEADING_MAX_WORDS
        and (line.endswith("?") or bool(_QUESTION_HEADING.match(line)))
        and position + 1 < len(lines)
        and is_prose(lines[position + 1])
    )


# A sentence of this many words or fewer ("Right.", "Wow.", "Thank you.") is a reply in a
# transcript, which a site's transcripts all print; furniture is longer or unpunctuated.
SHORT_REPLY_WORDS = 2


def _short_reply(line: str) -> bool:
    return word_count(line) <= SHORT_REPLY_WORDS and not is_headline_shaped(line)


def template_names(outlet: str | None, url: str | None) -> list[str]:
    """Under whose name an article's lines are counted: its outlet, and its URL's site when that differs.

    A site prints its furniture under every byline: the allsides `source` of a column is
    often its writer ("S.E. Cupp", "Jesse Jackson"), while the page is the Chicago Sun-Times'.
    A wire service prints its own on every site that runs its copy ("EDITOR'S NOTE — A look
    at the veracity of claims by political figures." under the Associated Press).
    """
    return list(dict.fromkeys(name for name in (outlet, outlet_from_url(url)) if name))


class OutletTemplates:
    """Removes an outlet's (or a site's) template lines from its articles, in arrival order, and counts their lines.

    Counts of the batch in flight are held in memory until `write()` stores them.
    """

    def __init__(self, store: "Store"):
        self._store = store
        self._pending: Counter[tuple[str, int]] = Counter()

    def counts(self, outlet: str, keys: dict[str, int]) -> dict[str, int]:
        """In how many earlier articles of `outlet` each normalised line was printed."""
        stored = self._store.outlet_line_counts(outlet, keys.values())
        return {normalised: stored.get(key, 0) + self._pending.get((outlet, key), 0) for normalised, key in keys.items()}

    def apply(self, article: Article) -> Article:
        """The article without the lines its outlet or its site printed in earlier articles; then count its lines."""
        names = template_names(article.outlet, article.url)
        if not names:
            return article
        kept = article.text.split("\n\n")
        every_line = kept + [item.text for item in article.removed]
        keys = countable_lines(every_line)
        counted = countable_lines(kept)
        counts: dict[str, int] = {}
        for name in names:
            for normalised, count in self.counts(name, counted).items():
                counts[normalised] = max(counts.get(normalised, 0), count)
        template = {
            line
            for position, line in enumerate(kept)
            if counts.get(normalise_line(line), 0) >= OUTLET_REPEAT_ARTICLES
            and not _section_question(kept, position)
            and not _short_reply(line)
        }
        for name in names:
            for key in set(keys.values()):
                self._pending[(name, key)] += 1
        if not template or len(template) == len(kept):
            return article
        removed = tuple(RemovedText(line, TEMPLATE_REASON) for line in kept if line in template)
        return replace(
            article,
            text="\n\n".join(line for line in kept if line not in template),
            removed=article.removed + removed,
        )

    def write(self) -> None:
        """Write the pending counts (inside the caller's write transaction), then forget them."""
        if self._pending:
            self._store.add_outlet_lines(dict(self._pending))
        self._pending.clear()
