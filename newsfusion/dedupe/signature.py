"""What two copies of one article share: the normalised word sequence and its MinHash.

Words are lower-cased `\\w+` tokens, so punctuation, quote styles and spacing do not
matter. Exact copies share the hash of the whole word sequence; near copies share most
of their 5-word shingles, which MinHash estimates without comparing texts.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

SHINGLE_WORDS = 5
NUM_PERMUTATIONS = 128
_SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Signature:
    """An article's duplicate-detection fingerprint."""

    exact_hash: str
    shingles: int
    minhash: np.ndarray | None  # None when the text is too short for shingles

    def minhash_bytes(self) -> bytes | None:
        return None if self.minhash is None else self.minhash.astype("<u4").tobytes()


def _crc32(data: bytes) -> int:
    # A fast, stable 32-bit hash: Python's own hash() changes between processes.
    return zlib.crc32(data)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=NUM_PERMUTATIONS, seed=1, scheme=_SCHEME).permutations


def minhash_from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)


def signature(text: str) -> Signature:
    """The fingerprint of an article's text."""
    words = _WORD.findall(text.lower())
    exact = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}
    if not shingles:
        return Signature(exact, 0, None)
    sketch = MinHash(num_perm=NUM_PERMUTATIONS, permutations=_permutations(), scheme=_SCHEME, hashfunc=_crc32)
    sketch.update_batch(list(shingles))
    return Signature(exact, len(shingles), sketch.hashvalues.astype(np.uint32))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of two shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard_estimate: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger, derived from Jaccard and the set sizes."""
    if not size_a or not size_b:
        return 0.0
    shared = jaccard_estimate * (size_a + size_b) / (1 + jaccard_estimate)
    return min(1.0, shared / min(size_a, size_b))
