"""`eval boilerplate`: line removal on the seed articles and on hand-labelled allsides lines.

Seeds: every `boilerplate_lines` entry of expected.json must be gone, every `must_keep`
sentence kept, credit lines moved to metadata, titles and credited agencies right.

Allsides: a removed line is a positive. Lines labelled boilerplate, credit or title should be
removed; content lines kept; lines labelled unsure are not scored. Each labelled article is
cleaned the way a stream would meet it: after the (up to) `PRIOR_ARTICLES` articles of the
same outlet that precede it in the corpus, so the outlet-template cue has its history.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..clean import OutletTemplates, clean_document, split_lines
from ..clean.outlets import template_names
from ..ingest.decode import decode_bytes
from ..ingest.records import document_from_record, document_from_text
from ..store import Store
from ..types import Article
from .data import read_jsonl, require

REMOVE_LABELS = {"boilerplate", "credit", "title"}
KEEP_LABELS = {"content"}
# Earlier articles of the same outlet cleaned before a labelled one, to give the template cue history.
PRIOR_ARTICLES = 30


def clean_seed(path: Path) -> Article:
    data = path.read_bytes()
    text, encoding = decode_bytes(data)
    result = clean_document(document_from_text(data, text, encoding, path.stem, str(path)))
    assert isinstance(result, Article), result
    return result


def _gone(line: str, article: Article) -> bool:
    """True when the line is no longer in the cleaned text (compared after the cleaner's own normalisation)."""
    kept = set(split_lines(article.text))
    normalised = split_lines(line)
    return not normalised or normalised[0] not in kept


def evaluate_seeds(seeds: Path) -> dict[str, Any]:
    """Scores on the five seed articles against expected.json."""
    expected = json.loads(require(seeds / "expected.json", "the seed articles' expected.json").read_text(encoding="utf-8"))
    counts: dict[str, list[bool]] = defaultdict(list)
    failures: list[str] = []
    for source_id, truth in expected["articles"].items():
        article = clean_seed(require(seeds / f"{source_id}.txt", "a seed article"))
        checks = {
            "seed_boilerplate_removed": [(line, _gone(line, article)) for line in truth.get("boilerplate_lines", [])],
            "seed_credit_lines_moved": [(line, _gone(line, article)) for line in truth.get("credit_lines", [])],
            "seed_must_keep_kept": [(line, line in article.text) for line in truth.get("must_keep", [])],
            "seed_titles": [(truth["title"], article.title == truth["title"])],
            "seed_agencies": [(str(truth["credited_agencies"]), sorted(article.credited_agencies) == sorted(truth["credited_agencies"]))],
        }
        for metric, results in checks.items():
            for what, ok in results:
                counts[metric].append(ok)
                if not ok:
                    failures.append(f"{source_id} {metric}: {what[:90]}")
    metrics = {metric: round(sum(oks) / len(oks), 4) for metric, oks in counts.items()}
    return {"metrics": metrics, "failures": failures}


def _golden_articles(goldens: list[Path]) -> dict[str, list[dict[str, Any]]]:
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for golden in goldens:
        for entry in read_jsonl(require(golden, "hand-labelled boilerplate lines (JSON lines)")):
            by_article[entry["id"]].append(entry)
    return by_article


def _names(record: dict[str, Any]) -> list[str]:
    """The names `OutletTemplates` counts a record's lines under (one empty name for a record with neither)."""
    return template_names(record.get("source"), record.get("url")) or [""]


def evaluate_allsides(goldens: list[Path], corpus: Path) -> dict[str, Any]:
    """Line-removal precision and recall on the hand-labelled allsides lines of the given files, overall and per part."""
    labelled = _golden_articles(goldens)
    records = list(read_jsonl(require(corpus, "the allsides corpus (allsides-articles.jsonl.gz)")))
    position = {record["ID"]: index for index, record in enumerate(records)}
    # The articles before each one that `OutletTemplates` counts under its names: same outlet, or same site.
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for name in _names(record):
            by_name[name].append(index)

    tp = fp = fn = tn = 0
    per_part: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    mistakes: list[dict[str, Any]] = []
    by_reason: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for article_id, entries in labelled.items():
        index = position[article_id]
        record = records[index]
        earlier = sorted({i for name in _names(record) for i in [k for k in by_name[name] if k < index][-PRIOR_ARTICLES:]})
        with tempfile.TemporaryDirectory(prefix="newsfusion-eval-") as folder, Store(str(Path(folder) / "eval.db")) as store:
            templates = OutletTemplates(store)
            for prior in earlier:
                cleaned = clean_document(document_from_record(records[prior], str(corpus), prior + 1, f"prior-{prior}"))
                if isinstance(cleaned, Article):
                    templates.apply(cleaned)
            article = clean_document(document_from_record(record, str(corpus), index + 1, article_id))
            if isinstance(article, Article):
                article = templates.apply(article)
        for entry in entries:
            if entry["label"] not in REMOVE_LABELS | KEEP_LABELS:
                continue
            removed = not isinstance(article, Article) or _gone(entry["line"], article)
            should = entry["label"] in REMOVE_LABELS
            part = per_part[str(entry.get("part", "?"))]
            part[0] += removed and should
            part[1] += removed and not should
            part[2] += should and not removed
            tp += removed and should
            fp += removed and not should
            fn += should and not removed
            tn += not removed and not should
            why = None
            if removed and isinstance(article, Article):
                why = next((item.reason for item in article.removed if split_lines(item.text) == split_lines(entry["line"])), None)
                by_reason[why or "?"][0 if should else 1] += 1
            if removed != should:
                why = next((item.reason for item in article.removed if split_lines(item.text) == split_lines(entry["line"])), None) if isinstance(article, Article) else article.code
                mistakes.append({"id": article_id, "part": entry.get("part"), "label": entry["label"], "kind": entry.get("kind"), "reason": why, "line": entry["line"][:160]})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "metrics": {
            "allsides_precision": round(precision, 4),
            "allsides_recall": round(recall, 4),
            "allsides_f1": round(f1, 4),
            "allsides_lines": tp + fp + fn + tn,
            "allsides_positives": tp + fn,
            **{
                f"allsides_part_{name.lower()}_{metric}": round(value, 4)
                for name, (ptp, pfp, pfn) in sorted(per_part.items())
                for metric, value in (
                    ("precision", ptp / (ptp + pfp) if ptp + pfp else 1.0),
                    ("recall", ptp / (ptp + pfn) if ptp + pfn else 1.0),
                )
            },
        },
        "mistakes": mistakes,
        "by_reason": {reason: {"right": right, "wrong": wrong} for reason, (right, wrong) in sorted(by_reason.items())},
    }
