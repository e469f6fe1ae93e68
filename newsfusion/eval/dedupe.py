"""`eval dedupe`: near-duplicate precision and recall on pairs built from real allsides articles.

Positives: a real article and a syndicated copy of it made with the edits syndication makes,
several at once: another outlet's masthead and page furniture, a headline suffix, a cut end,
re-broken paragraphs, an agency dateline, spelling and quote-style changes, a dropped
sentence. Hard negatives: two real articles from different outlets, on the same topic and
published within three days, that quote the same words (at least six inside quotation
marks) yet are different texts (less than half of the shorter one's word 5-grams in the
other, counted exactly). Every article goes through the whole pipeline into a fresh store,
in a fixed order, with the default configuration; a pair is predicted duplicate when both
land in one duplicate group.
"""

from __future__ import annotations

import random
import re
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ..ingest.records import document_from_record
from ..pipeline import Pipeline
from ..settings import load_settings
from ..store import Store
from .data import read_jsonl, require

SEED = 2026
MIN_CHARS = 1500
QUOTE = re.compile(r"[\"“]([^\"“”]{20,300})[\"”]")
MIN_QUOTE_WORDS = 6
NEGATIVE_MAX_CONTAINMENT = 0.5
NEGATIVE_MAX_DAYS = 3

_SPELLINGS = [("recognized", "recognised"), ("organization", "organisation"), ("percent", "per cent"), ("center", "centre"),
              ("defense", "defence"), ("favor", "favour"), ("program", "programme"), ("color", "colour")]
_FURNITURE = ["Advertisement", "Share this article", "Follow us on Twitter", "Read more: {headline}", "Sign up for our newsletter",
              "Related: {headline}", "Comments", "© 2024 {outlet}. All rights reserved."]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}


def exact_containment(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def syndicated_copy(record: dict[str, Any], other_outlet: str, other_headline: str, rng: random.Random) -> tuple[dict[str, Any], list[str]]:
    """A copy of `record` as another site would carry it, and the names of the edits made."""
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    title = record.get("title") or ""
    edits: list[str] = []
    choices = ["masthead", "suffix", "truncate", "rebreak", "dateline", "spelling", "drop_sentence", "quotes"]
    chosen = [edit for edit in choices if rng.random() < 0.5] or [rng.choice(choices)]
    if "truncate" in chosen and len(paragraphs) >= 4:
        keep = max(2, int(len(paragraphs) * rng.uniform(0.55, 0.9)))
        paragraphs = paragraphs[:keep] + ["Continue reading"]
        edits.append("truncate")
    if "drop_sentence" in chosen and len(paragraphs) >= 3:
        index = rng.randrange(1, len(paragraphs))
        sentences = re.split(r"(?<=[.!?])\s+", paragraphs[index])
        if len(sentences) > 1:
            sentences.pop(rng.randrange(len(sentences)))
            paragraphs[index] = " ".join(sentences)
            edits.append("drop_sentence")
    if "rebreak" in chosen and len(paragraphs) >= 3:
        index = rng.randrange(len(paragraphs) - 1)
        paragraphs[index : index + 2] = [paragraphs[index] + " " + paragraphs[index + 1]]
        edits.append("rebreak")
    text = "\n\n".join(paragraphs)
    if "spelling" in chosen:
        for american, british in _SPELLINGS:
            text = re.sub(rf"\b{american}\b", british, text)
        edits.append("spelling")
    if "quotes" in chosen:
        text = text.replace("“", '"').replace("”", '"').replace("’", "'")
        edits.append("quotes")
    if "dateline" in chosen:
        text = "(Reuters) - " + text
        edits.append("dateline")
    if "masthead" in chosen:
        furniture = [line.format(headline=other_headline, outlet=other_outlet) for line in rng.sample(_FURNITURE, 3)]
        text = "\n\n".join([other_outlet, furniture[0], text, furniture[1], furniture[2]])
        edits.append("masthead")
    if "suffix" in chosen:
        title = f"{title} | {other_outlet}"
        edits.append("suffix")
    copy = {"id": record["ID"] + "-copy", "source": other_outlet, "title": title, "date": record.get("date"), "text": text}
    return copy, edits


def build_pairs(corpus: Path, positives: int, negatives: int) -> tuple[list[tuple[dict, dict, list[str]]], list[tuple[dict, dict]]]:
    """The positive (original, copy, edits) and hard negative (a, b) pairs, reproducibly."""
    records = [r for r in read_jsonl(corpus) if len(r.get("text") or "") >= MIN_CHARS]
    rng = random.Random(SEED)
    outlets = sorted({r["source"] for r in records if r.get("source")})

    originals = rng.sample(records, positives)
    positive_pairs = []
    for record in originals:
        other = rng.choice([o for o in outlets if o != record.get("source")][:200])
        headline = rng.choice(records).get("title") or "Other news"
        copy, edits = syndicated_copy(record, other, headline, rng)
        positive_pairs.append((record, copy, edits))

    by_quote: dict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        for quote in {q.strip() for q in QUOTE.findall(record["text"])}:
            if len(quote.split()) >= MIN_QUOTE_WORDS:
                by_quote[quote.lower()].append(index)
    used = {id(r) for r, _, _ in positive_pairs}
    candidates = set()
    for members in by_quote.values():
        if 2 <= len(members) <= 20:
            for i in members:
                for j in members:
                    if i < j:
                        candidates.add((i, j))
    negative_pairs = []
    for i, j in sorted(candidates, key=lambda pair: rng.random()):
        a, b = records[i], records[j]
        if id(a) in used or id(b) in used or a.get("source") == b.get("source") or a.get("topic") != b.get("topic"):
            continue
        day_a, day_b = _parse_day(a.get("date")), _parse_day(b.get("date"))
        if day_a is None or day_b is None or abs((day_a - day_b).days) > NEGATIVE_MAX_DAYS:
            continue
        if exact_containment(a["text"], b["text"]) >= NEGATIVE_MAX_CONTAINMENT:
            continue
        negative_pairs.append((a, b))
        used.update({id(a), id(b)})
        if len(negative_pairs) >= negatives:
            break
    return positive_pairs, negative_pairs


def evaluate_dedupe(corpus: Path, positives: int = 300, negatives: int = 300) -> dict[str, Any]:
    require(corpus, "the allsides corpus (allsides-articles.jsonl.gz)")
    positive_pairs, negative_pairs = build_pairs(corpus, positives, negatives)
    order: list[dict[str, Any]] = []
    for original, copy, _ in positive_pairs:
        order += [original, copy]
    for a, b in negative_pairs:
        order += [a, b]
    settings, _ = load_settings({"extract": False}, environ={}, cwd=Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix="newsfusion-eval-") as folder:
        with Store(str(Path(folder) / "dedupe.db")) as store:
            documents = (document_from_record(record, "eval", number, record.get("ID") or record["id"]) for number, record in enumerate(order, 1))
            with Pipeline(store, settings) as pipeline:
                pipeline.run(documents)
            groups = {row["source_id"]: row["group_id"] for row in store.group_ids()}

    def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
        ga, gb = groups.get(a.get("ID") or a["id"]), groups.get(b.get("ID") or b["id"])
        return ga is not None and ga == gb

    found = [same(original, copy) for original, copy, _ in positive_pairs]
    false_merges = [same(a, b) for a, b in negative_pairs]
    tp, fn, fp = sum(found), len(found) - sum(found), sum(false_merges)
    by_edit: dict[str, list[bool]] = defaultdict(list)
    for (_, _, edits), ok in zip(positive_pairs, found):
        for edit in edits:
            by_edit[edit].append(ok)
    misses = [f"copy not grouped ({', '.join(edits)}): {original['ID']} {original.get('title')}" for (original, _, edits), ok in zip(positive_pairs, found) if not ok]
    misses += [f"false merge: {a['ID']} ({a.get('source')}) ~ {b['ID']} ({b.get('source')})" for (a, b), bad in zip(negative_pairs, false_merges) if bad]
    return {
        "metrics": {
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
            "positive_pairs": len(positive_pairs),
            "negative_pairs": len(negative_pairs),
            **{f"recall_{edit}": round(sum(oks) / len(oks), 4) for edit, oks in sorted(by_edit.items())},
        },
        "misses": misses,
    }
