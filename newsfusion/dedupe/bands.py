"""The LSH band tables of the duplicate index, kept compact.

Banding as datasketch's `MinHashLSH` does it, with its band count and width for the same
threshold: a signature is cut into `b` bands of `r` values, and two articles are candidates
when any band is equal. datasketch's in-memory tables keep, for every band of every
article, a bytes key and a set: 10.3 KB per article, 517 MB for the default 50,000-article
window (measured with tracemalloc). Here a bucket is the band's hash mapped to an article id
(a list only when several share it): 2.9 KB per article. A hash collision can only add
a candidate, and every candidate is confirmed on the signatures themselves.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from datasketch import MinHashLSH

Bucket = int | list[int]


@lru_cache(maxsize=8)
def band_ranges(threshold: float, num_perm: int) -> tuple[tuple[int, int], ...]:
    """The (start, end) byte offsets of each band in a uint32 signature, as datasketch bands it."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return tuple((start * 4, end * 4) for start, end in lsh.hashranges)


class BandIndex:
    """Article ids by the bands of their MinHash signatures (uint32 values)."""

    def __init__(self, threshold: float, num_perm: int):
        self._ranges = band_ranges(threshold, num_perm)
        self._tables: list[dict[int, Bucket]] = [{} for _ in self._ranges]

    def _keys(self, values: np.ndarray) -> list[int]:
        data = np.ascontiguousarray(values, dtype=np.uint32).tobytes()
        return [hash(data[start:end]) for start, end in self._ranges]

    def insert(self, article_id: int, values: np.ndarray) -> None:
        for table, key in zip(self._tables, self._keys(values)):
            bucket = table.get(key)
            if bucket is None:
                table[key] = article_id
            elif isinstance(bucket, list):
                if article_id not in bucket:
                    bucket.append(article_id)
            elif bucket != article_id:
                table[key] = [bucket, article_id]

    def remove(self, article_id: int, values: np.ndarray) -> None:
        for table, key in zip(self._tables, self._keys(values)):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, list):
                if article_id in bucket:
                    bucket.remove(article_id)
                if len(bucket) == 1:
                    table[key] = bucket[0]
                elif not bucket:
                    del table[key]
            elif bucket == article_id:
                del table[key]

    def query(self, values: np.ndarray) -> list[int]:
        """The ids sharing at least one band with these values, lowest first."""
        found: set[int] = set()
        for table, key in zip(self._tables, self._keys(values)):
            bucket = table.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, list):
                found.update(bucket)
            else:
                found.add(bucket)
        return sorted(found)

    def __len__(self) -> int:
        """The number of buckets in use (for tests and diagnostics)."""
        return sum(len(table) for table in self._tables)
