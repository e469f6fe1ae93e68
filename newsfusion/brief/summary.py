"""An extractive multi-source summary in which every sentence cites its articles.

Sentences are chosen to cover the story's *concepts*: word bigrams (stemmed, not both
stopwords) weighted by how many independent sources use them, after Gillick and Favre's
concept-coverage summarizer (2009). A bigram that several sources share is a fact the
story is about; one that a single source uses is that source's detail. Sentences are
added greedily by uncovered concept weight per word until the word budget is spent, never
one that nearly repeats a chosen sentence. The chosen sentences are shown in the order of
their articles' arrival and their place in the article. Each cites its own article and
every other article with a sentence that says the same thing.

With one source every concept has weight one, so the summary is that article's lead:
its first sentences, which is what a single report's summary should be.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..cluster.features import is_background
from ..crosscheck.align import NEAR_REPEAT, SAME_CLAIM, Alignment

DEFAULT_WORDS = 120
# Sentences shorter than this say too little to summarise a story, longer ones are run-ons.
MIN_SENTENCE_WORDS = 8
MAX_SENTENCE_WORDS = 60


def min_concept_sources(groups: int) -> int:
    """Sources a bigram needs to count. Gillick and Favre kept those in 3 of 10 documents;
    small stories keep those in 2, and a single source keeps all."""
    if groups <= 1:
        return 1
    return 2 if groups < 8 else 3


@dataclass(frozen=True)
class SummarySentence:
    text: str
    source_id: str
    start: int
    end: int
    citations: tuple[str, ...]
    spans: tuple[dict[str, Any], ...]

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": list(self.citations), "spans": list(self.spans)}


def summarize(
    alignment: Alignment,
    groups: dict[str, str],
    order: dict[str, int],
    words: int = DEFAULT_WORDS,
    leads: dict[str, int] | None = None,
) -> list[SummarySentence]:
    """Choose sentences (indices into `alignment.sentences`) for a summary of at most `words` words.

    `groups` maps source_id to its independent-source group, `order` to its arrival order.
    `leads` optionally says how many leading sentences of an article are its title and dateline,
    which the single-source summary skips.
    """
    all_sentences = alignment.sentences
    sizes = [sentence.size for sentence in all_sentences]
    concepts = [sentence.bigrams for sentence in all_sentences]
    # A concept's weight is the number of independent sources that use it: the union of each
    # source's concepts, then counted over sources.
    by_group: dict[str, set[tuple[str, str]]] = {}
    for sentence, found in zip(all_sentences, concepts):
        by_group.setdefault(groups[sentence.source_id], set()).update(found)
    users: Counter[tuple[str, str]] = Counter()
    for found in by_group.values():
        users.update(found)
    group_count = len(set(groups.values()))
    floor = min_concept_sources(group_count)
    weight = {concept: sources for concept, sources in users.items() if sources >= floor}
    # Background ("In 2020, Azerbaijan regained ...") is not what happened: it stays out.
    eligible = [
        i
        for i, size in enumerate(sizes)
        if MIN_SENTENCE_WORDS <= size <= MAX_SENTENCE_WORDS and not is_background(all_sentences[i].text, None)
    ]

    chosen: list[int] = []
    spent = 0
    if group_count <= 1:
        skip = leads or {}
        for i in eligible:
            if all_sentences[i].index < skip.get(all_sentences[i].source_id, 0):
                continue
            if spent + sizes[i] > words:
                break
            chosen.append(i)
            spent += sizes[i]
    else:
        covered: set[tuple[str, str]] = set()

        def score(i: int) -> float:
            return sum(weight.get(concept, 0) for concept in concepts[i] - covered) / sizes[i]

        # Lazy greedy: a sentence's score only falls as concepts get covered, so a score
        # computed earlier is an upper bound, and only the top of the heap needs recomputing.
        heap = [(-score(i), i) for i in eligible]
        heapq.heapify(heap)
        while heap:
            bound, best = heapq.heappop(heap)
            if spent + sizes[best] > words:
                continue  # the budget only shrinks: it will never fit
            fresh = score(best)
            if fresh <= 0:
                continue
            if heap and -fresh > heap[0][0] or (heap and -fresh == heap[0][0] and heap[0][1] < best):
                heapq.heappush(heap, (-fresh, best))
                continue
            if any(alignment.score(best, other) >= NEAR_REPEAT for other in chosen):
                continue
            chosen.append(best)
            spent += sizes[best]
            covered |= concepts[best]
    chosen.sort(key=lambda i: (order[all_sentences[i].source_id], all_sentences[i].index))
    result = []
    for i in chosen:
        sentence = all_sentences[i]
        citations = [sentence.source_id]
        spans = [{"source_id": sentence.source_id, "start": sentence.start, "end": sentence.end}]
        for other, _ in alignment.similar(i, SAME_CLAIM):
            match = all_sentences[other]
            if match.source_id not in citations:
                citations.append(match.source_id)
                spans.append({"source_id": match.source_id, "start": match.start, "end": match.end})
        result.append(SummarySentence(sentence.text, sentence.source_id, sentence.start, sentence.end, tuple(citations), tuple(spans)))
    return result
