"""`eval extraction`: main-text extraction against the article-extraction-benchmark ground truth.

Scored as that benchmark scores it: shingles of 4 `\\w+` tokens are matched with their
multiplicities; each page's true/false positives and negatives are normalised to sum to 1 so
long pages weigh no more than short ones; precision is averaged over pages that predicted
anything, recall over pages that have a true body, and F1 is computed from the two means.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterator

from ..errors import UsageError

_TOKEN = re.compile(r"\w+", re.UNICODE)
SHINGLE_TOKENS = 4


def _shingles(text: str) -> Counter:
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - SHINGLE_TOKENS + 1)
    return Counter(tuple(tokens[i : i + SHINGLE_TOKENS]) for i in range(count) if tokens[i : i + SHINGLE_TOKENS])


def page_counts(true: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page's predicted body against its true body."""
    truth, guess = _shingles(true), _shingles(predicted)
    tp = fp = fn = 0.0
    for shingle in truth.keys() | guess.keys():
        t, p = truth.get(shingle, 0), guess.get(shingle, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def score_pages(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision, mean recall and F1 of the two means."""
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def load_pages(folder: str) -> Iterator[tuple[str, str, str, str]]:
    """(page id, url, html, true body) for every page of a benchmark folder."""
    root = Path(folder)
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        raise UsageError(f"{truth_path} not found; pass the benchmark folder holding ground-truth.json and html/")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        if not path.is_file():
            raise UsageError(f"{path} is missing; the benchmark folder is incomplete")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        yield page_id, truth[page_id].get("url") or "", html, truth[page_id].get("articleBody", "")


def evaluate_extraction(folder: str, extract: Callable[[str, str], str]) -> dict[str, Any]:
    """Score `extract(html, url) -> body text` on every page of the benchmark folder."""
    counts = [page_counts(body, extract(html, url)) for _, url, html, body in load_pages(folder)]
    metrics: dict[str, Any] = score_pages(counts)
    metrics["pages"] = len(counts)
    return metrics
