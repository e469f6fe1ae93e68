"""The compact LSH band tables find what datasketch's MinHashLSH finds, in far less memory."""

import tracemalloc

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsfusion.dedupe import LSH_JACCARD
from newsfusion.dedupe.bands import BandIndex
from newsfusion.dedupe.signature import NUM_PERMUTATIONS, signature


def _signatures(count: int, seed: int) -> list[np.ndarray]:
    """Signatures in families: each family shares a random share of its values with its first."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count // 4):
        base = rng.integers(0, 2**32, NUM_PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
        out.append(base)
        for _ in range(3):
            variant = rng.integers(0, 2**32, NUM_PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
            keep = rng.random(NUM_PERMUTATIONS) < rng.uniform(0.0, 0.9)
            out.append(np.where(keep, base, variant).astype(np.uint32))
    return out


def test_candidates_are_those_of_datasketch():
    values = _signatures(400, seed=7)
    ours = BandIndex(LSH_JACCARD, NUM_PERMUTATIONS)
    theirs = MinHashLSH(threshold=LSH_JACCARD, num_perm=NUM_PERMUTATIONS)
    for article_id, v in enumerate(values):
        ours.insert(article_id, v)
        theirs.insert(article_id, MinHash(num_perm=NUM_PERMUTATIONS, hashvalues=v.astype(np.uint64), scheme="affine32"))
    found_pairs = 0
    for article_id, v in enumerate(values):
        expected = sorted(theirs.query(MinHash(num_perm=NUM_PERMUTATIONS, hashvalues=v.astype(np.uint64), scheme="affine32")))
        assert ours.query(v) == expected
        found_pairs += len(expected) - 1
    assert found_pairs > 100  # the families do meet


def test_removed_articles_are_no_longer_found():
    values = _signatures(40, seed=3)
    index = BandIndex(LSH_JACCARD, NUM_PERMUTATIONS)
    for article_id, v in enumerate(values):
        index.insert(article_id, v)
    index.insert(0, values[0])  # inserting twice changes nothing
    assert index.query(values[0]).count(0) == 1
    for article_id, v in enumerate(values):
        index.remove(article_id, v)
        assert article_id not in index.query(v)
    assert len(index) == 0


def test_real_texts_match_their_copies_only():
    text = "The ministry said on Tuesday that talks would resume in Geneva next week after a pause of three months. " * 3
    other = "Officials in Baku said the operation had ended and that the separatists had agreed to lay down their arms. " * 3
    index = BandIndex(LSH_JACCARD, NUM_PERMUTATIONS)
    index.insert(1, signature(text).minhash)
    index.insert(2, signature(other).minhash)
    assert index.query(signature("Reuters - " + text + " Source link").minhash) == [1]


def test_memory_per_article_stays_small():
    values = _signatures(2000, seed=11)
    tracemalloc.start()
    index = BandIndex(LSH_JACCARD, NUM_PERMUTATIONS)
    before, _ = tracemalloc.get_traced_memory()
    for article_id, v in enumerate(values, start=100_000):
        index.insert(article_id, v)
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # datasketch's own tables take about 11 KB per article for these parameters.
    assert (after - before) / len(values) < 4_000
