"""The dedupe stage: exact and near-duplicate groups of syndicated copies.

`DuplicateIndex` is an incremental model (`predict_one` / `learn_one`). Exact copies are
found through the store's index of word-sequence hashes, at any age. Near copies are found
with MinHash LSH over the most recent `window` articles (syndicated copies follow their
original within hours, so the window bounds memory without losing them), then confirmed by
the estimated containment of the shorter text in the longer: a copy that lost its end, its
masthead or a few words still sits almost wholly inside its original, while two reports of
the same event that share a quote do not.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .bands import BandIndex
from .signature import NUM_PERMUTATIONS, Signature, containment, jaccard, minhash_from_bytes, signature

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["DuplicateIndex", "DuplicateMatch", "Signature", "signature"]

# Candidate generation: LSH finds pairs whose shingle sets have at least about this Jaccard
# similarity. A copy cut to half its length still has Jaccard 0.5 with its original.
LSH_JACCARD = 0.3
# A candidate is a copy when at least this share of the shorter text's shingles are in the
# longer one. Chosen from what syndication does (mastheads, a few edited words, a cut end
# leave 85-100% inside) versus what different reports share (a quote, a background
# paragraph: well under half).
MIN_CONTAINMENT = 0.8
# Texts with fewer shingles than this (about 25 words) are matched only when exactly equal.
MIN_SHINGLES = 20


@dataclass(frozen=True)
class DuplicateMatch:
    """The group an article joins and how close it is to the group's article it matched."""

    group_id: int
    matched_article: int
    similarity: float
    exact: bool


class DuplicateIndex:
    """Finds the duplicate group of each new article among earlier ones; state lives in the store."""

    def __init__(self, store: "Store", window: int):
        self._store = store
        self._window = window
        self._lsh: BandIndex | None = None
        # article id -> (signature values, shingle count, group id), oldest first
        self._recent: OrderedDict[int, tuple[np.ndarray, int, int]] = OrderedDict()

    def _index(self) -> BandIndex:
        if self._lsh is None:
            self._lsh = BandIndex(LSH_JACCARD, NUM_PERMUTATIONS)
            for article_id, group_id, shingles, data in self._store.recent_signatures(self._window):
                self._insert(article_id, minhash_from_bytes(data), shingles, group_id)
        return self._lsh

    def _insert(self, article_id: int, values: np.ndarray, shingles: int, group_id: int) -> None:
        assert self._lsh is not None
        self._lsh.insert(article_id, values)
        self._recent[article_id] = (values, shingles, group_id)
        while len(self._recent) > self._window:
            oldest, (oldest_values, _, _) = self._recent.popitem(last=False)
            self._lsh.remove(oldest, oldest_values)

    def _forget(self, article_id: int) -> None:
        if article_id in self._recent:
            values, _, _ = self._recent.pop(article_id)
            self._index().remove(article_id, values)

    def predict_one(self, fingerprint: Signature, exclude: int | None = None) -> DuplicateMatch | None:
        """The group this text belongs to, or None when it is the first of its kind."""
        exact = self._store.exact_duplicate(fingerprint.exact_hash, exclude)
        if exact is not None:
            article_id, group_id = exact
            return DuplicateMatch(group_id, article_id, 1.0, True)
        if fingerprint.minhash is None or fingerprint.shingles < MIN_SHINGLES:
            return None
        best: DuplicateMatch | None = None
        for candidate in self._index().query(fingerprint.minhash):
            if candidate == exclude:
                continue
            values, shingles, group_id = self._recent[candidate]
            if shingles < MIN_SHINGLES:
                continue
            share = containment(jaccard(fingerprint.minhash, values), fingerprint.shingles, shingles)
            if share >= MIN_CONTAINMENT and (best is None or (share, -candidate) > (best.similarity, -best.matched_article)):
                best = DuplicateMatch(group_id, candidate, round(share, 3), False)
        return best

    def learn_one(self, article_id: int, fingerprint: Signature, match: DuplicateMatch | None) -> int:
        """Record the article in its group (or a new one of its own); return the group id."""
        self._index()
        self._forget(article_id)
        group_id = match.group_id if match else article_id
        self._store.put_signature(
            article_id, group_id, fingerprint.exact_hash, fingerprint.shingles, fingerprint.minhash_bytes(), match.similarity if match else 1.0
        )
        if fingerprint.minhash is not None:
            self._insert(article_id, fingerprint.minhash, fingerprint.shingles, group_id)
        return group_id
