"""`eval extraction-seeds` and `eval quotes`: extraction against the seeds and the hand-labelled allsides articles.

extraction-seeds ingests the seed folder into a fresh store (the whole pipeline) and checks
expected.json: canonical entities and their variants, misspellings flagged, figures with
their value, qualifier and source, quotes with their speaker, and 003 dated 2021.

quotes cleans and extracts the 30 allsides articles of tests/golden/quotes-allsides.json.
Every span in quotation marks there is labelled, so precision is exact: a predicted direct
or partial quote that matches no labelled quote (or matches a span labelled as a mere term)
is a false positive. Matching is by text, since cleaning changes offsets. Speaker accuracy
is over matched quotes whose labelled speaker is known.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ..article_view import article_record
from ..clean import clean_document
from ..extract import extract_articles
from ..extract.gazetteer import fold
from ..ingest import InputReader
from ..ingest.records import document_from_record
from ..pipeline import Pipeline
from ..settings import load_settings
from ..store import Store
from ..types import Article
from .data import read_jsonl, require

# Names in expected.json's figure kinds, as the extractor names them.
FIGURE_KINDS = {"killed": "killed", "injured": "injured", "peacekeepers": "troops", "duration_days": "duration"}
_WORDS = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return set(_WORDS.findall(fold(text)))


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Names match when folded spellings agree closely or the gold name's last word is in the prediction."""
    if not predicted or not gold:
        return False
    a, b = fold(predicted).replace("’s", "").replace("'s", ""), fold(gold).replace("’s", "").replace("'s", "")
    if fuzz.token_set_ratio(a, b) >= 80:
        return True
    gold_words = b.split()
    stem = lambda word: word[:5]  # noqa: E731 - "Russia"/"Russian"
    return bool(gold_words) and stem(gold_words[-1]) in {stem(word) for word in a.split()} and len(gold_words[-1]) > 3


def same_quote(predicted: str, gold: str) -> bool:
    a, b = fold(predicted), fold(gold)
    if a in b or b in a:
        return True
    gold_tokens, predicted_tokens = _tokens(gold), _tokens(predicted)
    return bool(gold_tokens) and len(gold_tokens & predicted_tokens) / len(gold_tokens | predicted_tokens) >= 0.6


def evaluate_seed_extraction(seeds: Path) -> dict[str, Any]:
    expected = json.loads(require(seeds / "expected.json", "the seeds' expected.json").read_text(encoding="utf-8"))
    settings, _ = load_settings({}, environ={}, cwd=Path(tempfile.gettempdir()))
    misses: list[str] = []
    checks: dict[str, list[bool]] = {name: [] for name in ("entities", "variants", "misspellings", "figures", "figure_qualifiers", "figure_sources", "quotes", "quote_speakers")}
    with tempfile.TemporaryDirectory(prefix="newsfusion-eval-") as folder, Store(str(Path(folder) / "seeds.db")) as store:
        with Pipeline(store, settings) as pipeline:
            pipeline.run(InputReader(settings).read([str(path) for path in sorted(seeds.glob("*.txt"))]))
        articles = {source_id: article_record(store, source_id) for source_id in expected["articles"]}

    for entity in expected["entities"]:
        mentions = [
            e for source_id in entity["in"] for e in (articles[source_id] or {}).get("entities", []) + (articles[source_id] or {}).get("title_entities", [])
        ]
        canonicals = {fold(e["canonical"]) for e in mentions}
        ok = fold(entity["canonical"]) in canonicals
        checks["entities"].append(ok)
        if not ok:
            misses.append(f"entity {entity['canonical']}: canonicals found {sorted(canonicals)[:6]}")
        for variant in entity["variants"]:
            linked = any(e["text"] == variant and fold(e["canonical"]) == fold(entity["canonical"]) for e in mentions)
            checks["variants"].append(linked)
            if not linked:
                misses.append(f"variant {variant!r} not linked to {entity['canonical']}")
    for update in expected["updates_and_conflicts"]:
        if update["kind"] != "spelling":
            continue
        for value in update["values"]:
            entities = (articles[value["article"]] or {}).get("entities", []) + (articles[value["article"]] or {}).get("title_entities", [])
            if value["value"] == update["slot"]:
                continue
            flagged = any(e["text"] == value["value"] and fold(e["variant_of"] or "") == fold(update["slot"]) for e in entities)
            checks["misspellings"].append(flagged)
            if not flagged:
                misses.append(f"misspelling {value['value']!r} of {update['slot']} not flagged in {value['article']}")
    for figure in expected["figures"]:
        found = [f for f in (articles[figure["article"]] or {}).get("figures", []) if f["value"] == figure["value"] and f["counts"] == FIGURE_KINDS[figure["what"]]]
        checks["figures"].append(bool(found))
        if not found:
            misses.append(f"figure {figure['what']} {figure['value']} not found in {figure['article']}")
            continue
        if "qualifier" in figure:
            checks["figure_qualifiers"].append(found[0]["qualifier"] == figure["qualifier"])
        if "attributed_to" in figure:
            ok = same_speaker(found[0]["reported_by"], figure["attributed_to"])
            checks["figure_sources"].append(ok)
            if not ok:
                misses.append(f"figure {figure['value']} source {found[0]['reported_by']!r}, expected {figure['attributed_to']!r}")
    for quote in expected["quotes"]:
        found = [q for q in (articles[quote["article"]] or {}).get("quotes", []) if same_quote(q["text"], quote["text"])]
        checks["quotes"].append(bool(found))
        if not found:
            misses.append(f"quote not found in {quote['article']}: {quote['text'][:60]}")
            continue
        ok = same_speaker(found[0]["speaker"], quote["speaker"])
        checks["quote_speakers"].append(ok)
        if not ok:
            misses.append(f"quote speaker {found[0]['speaker']!r}, expected {quote['speaker']!r}: {quote['text'][:50]}")
    inferred = (articles["003_cd7ac7b8430c8331"] or {}).get("inferred_date") or {}
    dated_2021 = (inferred.get("start") or "").startswith("2021") and (inferred.get("end") or "").startswith("2021")
    metrics = {name: round(sum(values) / len(values), 4) for name, values in checks.items() if values}
    metrics["seed_003_dated_2021"] = 1.0 if dated_2021 else 0.0
    return {"metrics": metrics, "misses": misses}


def evaluate_quotes(golden: Path, corpus: Path) -> dict[str, Any]:
    labelled = json.loads(require(golden, "hand-labelled quotes (tests/golden/quotes-allsides.json)").read_text(encoding="utf-8"))["articles"]
    wanted = {article["id"] for article in labelled}
    records = {r["ID"]: r for r in read_jsonl(require(corpus, "the allsides corpus")) if r["ID"] in wanted}
    cleaned = {}
    for article in labelled:
        result = clean_document(document_from_record(records[article["id"]], "eval", 1, article["id"]))
        if isinstance(result, Article):
            cleaned[article["id"]] = result
    extracted = dict(zip(cleaned, extract_articles(list(cleaned.values()))))

    tp = fp = fn = 0
    speaker_checks: list[bool] = []
    figure_tp = figure_fp = figure_fn = 0
    misses: list[str] = []
    for article in labelled:
        extraction = extracted.get(article["id"])
        predicted = [q for q in (extraction.quotes if extraction else ()) if q.kind != "indirect"]
        gold_quotes = [q for q in article["quotes"] if q["is_quote"]]
        terms = [q for q in article["quotes"] if not q["is_quote"]]
        matched_gold: set[int] = set()
        for quote in predicted:
            match = next((i for i, g in enumerate(gold_quotes) if i not in matched_gold and same_quote(quote.text, g["text"])), None)
            if match is None:
                fp += 1
                kind = "a term, not a quote" if any(same_quote(quote.text, t["text"]) for t in terms) else "no such quote"
                misses.append(f"{article['id']} false quote ({kind}): {quote.text[:70]}")
                continue
            tp += 1
            matched_gold.add(match)
            gold = gold_quotes[match]
            if gold["speaker"]:
                ok = same_speaker(quote.speaker, gold["speaker"])
                speaker_checks.append(ok)
                if not ok:
                    misses.append(f"{article['id']} speaker {quote.speaker!r}, labelled {gold['speaker']!r}: {quote.text[:50]}")
        fn += len(gold_quotes) - len(matched_gold)
        predicted_figures = list(extraction.figures if extraction else ())
        gold_figures = list(article["figures"])
        used: set[int] = set()
        for figure in predicted_figures:
            match = next((i for i, g in enumerate(gold_figures) if i not in used and abs(g["value"] - figure.value) < 1e-6), None)
            if match is None:
                figure_fp += 1
            else:
                figure_tp += 1
                used.add(match)
        figure_fn += len(gold_figures) - len(used)
    ratio = lambda a, b: round(a / b, 4) if b else 1.0  # noqa: E731
    return {
        "metrics": {
            "quote_precision": ratio(tp, tp + fp),
            "quote_recall": ratio(tp, tp + fn),
            "speaker_accuracy": ratio(sum(speaker_checks), len(speaker_checks)),
            "figure_precision": ratio(figure_tp, figure_tp + figure_fp),
            "figure_recall": ratio(figure_tp, figure_tp + figure_fn),
            "articles": len(labelled),
            "labelled_quotes": tp + fn,
        },
        "misses": misses,
    }
