"""Sentence-level paraphrase alignment across the articles of a story.

Two sentences say the same thing when their content words overlap enough, weighted by
how informative each word is in English news (wordfreq, the same weights the clusterer
uses) and how rare it is within the story: the story's own topic words ("Nagorno-Karabakh",
"Azerbaijan") are in every other sentence and say nothing about which claim a sentence makes,
while "Blinken", "telephone" and "Pashinyan" do.
The cosine threshold was set by reading aligned pairs of the seed articles, not tuned on a
score.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .sentences import Sentence

# Cosine of two sentences' weighted content words above which they state the same thing.
SAME_CLAIM = 0.35
# Above this they are near-repeats of each other (for summaries: never show both).
NEAR_REPEAT = 0.6


@dataclass
class Alignment:
    """Sentences of a story with their pairwise similarity (a sparse, symmetric matrix)."""

    sentences: list[Sentence]
    similarity: sparse.csr_matrix
    _by_source: dict[str, list[int]] | None = None

    def similar(self, index: int, threshold: float = SAME_CLAIM) -> list[tuple[int, float]]:
        """Other sentences at or above `threshold` similarity with sentence `index`, best first."""
        begin, end = self.similarity.indptr[index], self.similarity.indptr[index + 1]
        columns, values = self.similarity.indices[begin:end], self.similarity.data[begin:end]
        keep = (values >= threshold) & (columns != index)
        pairs = list(zip(columns[keep].tolist(), values[keep].tolist()))
        return sorted(pairs, key=lambda pair: (-pair[1], pair[0]))

    def score(self, a: int, b: int) -> float:
        # A search in the row's sorted columns: scipy's own indexing checks its arguments at
        # about 30 µs a call, and a story's claims and summary ask tens of thousands of times.
        begin, end = self.similarity.indptr[a], self.similarity.indptr[a + 1]
        position = begin + int(np.searchsorted(self.similarity.indices[begin:end], b))
        return float(self.similarity.data[position]) if position < end and self.similarity.indices[position] == b else 0.0

    def locate(self, source_id: str, offset: int) -> int | None:
        """The index of the article's sentence that holds a character offset (or ends just before it)."""
        if self._by_source is None:
            self._by_source = {}
            for index, sentence in enumerate(self.sentences):
                self._by_source.setdefault(sentence.source_id, []).append(index)
        indices = self._by_source.get(source_id, [])
        starts = [self.sentences[i].start for i in indices]
        position = bisect_right(starts, offset) - 1
        if position < 0:
            return None
        index = indices[position]
        return index if offset < self.sentences[index].end + 1 else None


def align(sentences: list[Sentence]) -> Alignment:
    """Pairwise cosine similarity of the sentences (only pairs that share a word are stored)."""
    weighted = [sentence.weights for sentence in sentences]
    frequency: dict[str, int] = {}
    for weights in weighted:
        for key in weights:
            frequency[key] = frequency.get(key, 0) + 1
    total = len(sentences) + 1
    vocabulary: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, weights in enumerate(weighted):
        for key, weight in weights.items():
            weight *= math.log(total / frequency[key])
            rows.append(row)
            cols.append(vocabulary.setdefault(key, len(vocabulary)))
            values.append(weight)
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(sentences), max(len(vocabulary), 1)), dtype=np.float64)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    matrix = sparse.diags(1.0 / norms) @ matrix
    similarity = (matrix @ matrix.T).tocsr()
    similarity.sort_indices()
    return Alignment(sentences, similarity)
