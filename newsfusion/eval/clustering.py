"""`eval clustering`: stories against gold events, threads against gold topics.

The file is ingested in its own order into a fresh store with the default configuration,
exactly as `newsfusion ingest FILE` would. Scores are BCubed precision, recall and F1 (per
article, averaged) and pairwise precision, recall and F1 (over pairs of articles). Articles
that were rejected or not clustered count as clusters of their own.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any, Hashable

from ..ingest import InputReader
from ..pipeline import Pipeline
from ..settings import load_settings
from ..store import Store
from .data import read_jsonl, require


def bcubed(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> dict[str, float]:
    """BCubed precision, recall and F1 of a clustering of the gold items."""
    by_predicted: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for item in gold:
        by_predicted[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        shared = len(by_predicted[predicted[item]] & by_gold[gold[item]])
        precision += shared / len(by_predicted[predicted[item]])
        recall += shared / len(by_gold[gold[item]])
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4), "bcubed_f1": round(f1, 4)}


def pairwise(predicted: dict[str, Hashable], gold: dict[str, Hashable]) -> dict[str, float]:
    """Pairwise precision, recall and F1: is each pair of items together in both clusterings?"""
    tp = fp = fn = 0
    for a, b in combinations(sorted(gold), 2):
        together, should = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += together and should
        fp += together and not should
        fn += should and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairwise_precision": round(precision, 4), "pairwise_recall": round(recall, 4), "pairwise_f1": round(f1, 4)}


def evaluate_clustering(path: Path, event_key: str = "gold_event", topic_key: str = "gold_topic") -> dict[str, Any]:
    require(path, "JSON lines with gold_event (and optionally gold_topic) labels")
    records = list(read_jsonl(path))
    gold_events = {str(record["id"]): record[event_key] for record in records}
    gold_topics = {str(record["id"]): record[topic_key] for record in records if record.get(topic_key) is not None}
    settings, _ = load_settings({"extract": False}, environ={}, cwd=Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix="newsfusion-eval-") as folder:
        with Store(str(Path(folder) / "clustering.db")) as store:
            with Pipeline(store, settings) as pipeline:
                summary = pipeline.run(InputReader(settings).read([str(path)]))
            assignments = {row["source_id"]: row for row in store.story_assignments()}
            stories = len({row["story_id"] for row in assignments.values()})
    stories_of = {item: assignments[item]["story_id"] if item in assignments else f"alone:{item}" for item in gold_events}
    metrics: dict[str, Any] = {**bcubed(stories_of, gold_events), **pairwise(stories_of, gold_events)}
    if gold_topics:
        threads_of = {item: assignments[item]["thread_id"] if item in assignments else f"alone:{item}" for item in gold_topics}
        metrics.update({f"thread_{name}": value for name, value in {**bcubed(threads_of, gold_topics), **pairwise(threads_of, gold_topics)}.items()})
    metrics.update(
        {
            "articles": len(gold_events),
            "clustered": len(assignments),
            "rejected": summary.rejected,
            "stories": stories,
            "gold_events": len(set(gold_events.values())),
        }
    )
    return {"metrics": metrics}
