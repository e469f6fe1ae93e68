"""Scores the PLOVER event coder on a gold standard record file (PLOVER GSR JSONL).

Each record is one sentence (`text`) with its gold `event` type and its `source` and
`target` actors (lists of {actorText, code, ...}, or "" when there is none). DOCUMENT records
are notes, not events, and are skipped. The coder's prediction for a record is its most
confident event in the text (the first of equals); a record with no event counts as wrong.

- `event_type_accuracy`: predicted type == gold event.
- `source_text_match`: the predicted source span shares a non-stopword token with a gold
  source's actorText; `source_code_match`: its code equals a gold source's code (literally,
  so "IGO" matches "IGO" and gold CAMEO-style codes such as "JAP" match nothing but "JAP");
  `source_match`: either. Where the gold has no source, the match is predicting none.
- the same three for the target.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w+", re.UNICODE)


def _stopwords() -> frozenset[str]:
    from ..extract.nlp import english_stopwords

    return english_stopwords() | {"s"}


def _words(text: str, stop: frozenset[str]) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in stop}


def _gold_actors(value: Any) -> list[dict]:
    if not value or not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict)]


def _actor_scores(predicted, gold: list[dict], stop: frozenset[str]) -> tuple[bool, bool]:
    """(text match, code match) of one predicted actor (or None) against the gold actors."""
    if not gold:
        return predicted is None, predicted is None
    if predicted is None:
        return False, False
    words = _words(predicted.text, stop)
    text_match = any(words & _words(str(a.get("actorText", "")), stop) for a in gold)
    code_match = predicted.code is not None and any(predicted.code == a.get("code") for a in gold)
    return text_match, code_match


def load_records(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            record = json.loads(line)
            if record.get("event") == "DOCUMENT" or not record.get("text"):
                continue
            records.append(record)
    return records


def best_event(events: list) -> Any:
    """The most confident event (the earliest of equals), or None."""
    best = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def evaluate_events(path: Path) -> dict:
    """{"metrics": {...}, "misses": ["id gold->predicted: sentence", ...]} on a PLOVER GSR file."""
    from ..extract.events import find_events
    from ..extract.nlp import load_nlp

    records = load_records(Path(path))
    nlp = load_nlp()
    stop = _stopwords()
    totals = dict.fromkeys(
        ("event_type", "source_text", "source_code", "source", "target_text", "target_code", "target"), 0
    )
    misses: list[str] = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        predicted = best_event(find_events(doc))
        gold_type = record["event"]
        predicted_type = predicted.type if predicted is not None else None
        if predicted_type == gold_type:
            totals["event_type"] += 1
        else:
            misses.append(f"{record.get('id', '?')} {gold_type}->{predicted_type}: {record['text'].strip()}")
        for role in ("source", "target"):
            actor = getattr(predicted, role) if predicted is not None else None
            text_match, code_match = _actor_scores(actor, _gold_actors(record.get(role)), stop)
            totals[f"{role}_text"] += text_match
            totals[f"{role}_code"] += code_match
            totals[role] += text_match or code_match
    n = len(records)

    def rate(key: str) -> float:
        return round(totals[key] / n, 4) if n else 0.0

    metrics = {
        "records": n,
        "event_type_accuracy": rate("event_type"),
        "source_text_match": rate("source_text"),
        "source_code_match": rate("source_code"),
        "source_match": rate("source"),
        "target_text_match": rate("target_text"),
        "target_code_match": rate("target_code"),
        "target_match": rate("target"),
    }
    return {"metrics": metrics, "misses": misses}


def main(argv: list[str] | None = None) -> int:
    """`python -m newsfusion.eval.events [FILE]`: print the metrics and the misses as JSON."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "data" / "plover-gsr-dev.jsonl"
    print(json.dumps(evaluate_events(path), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
