"""The tasks of `newsfusion eval`: each scores one stage on real data with the default configuration.

A task takes the parsed command line and returns `{task, data, metrics}` plus any detail
worth printing (the misses), which `--json` includes and the text output summarises.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable

from ..errors import UsageError
from .data import GOLDEN, require, shared_path


def _extraction(args: argparse.Namespace) -> dict[str, Any]:
    from ..clean import clean_document
    from ..ingest.records import document_from_html
    from ..types import Article
    from .extraction import evaluate_extraction

    folder = args.data or str(shared_path("data", "html-extraction-dev"))
    def extract(html: str, url: str) -> str:
        result = clean_document(document_from_html(html.encode("utf-8"), html, "utf-8", "page", url or "page", url=url or None))
        return result.text if isinstance(result, Article) else ""

    return {"task": "extraction", "data": folder, "metrics": evaluate_extraction(folder, extract)}


def _boilerplate(args: argparse.Namespace) -> dict[str, Any]:
    from .boilerplate import evaluate_allsides, evaluate_seeds

    seeds = shared_path("seeds") if args.seeds is None else args.seeds
    # By default every labelled file, in part order (A+B, then the held-out C, D, E); each part is also scored apart.
    parts = sorted(GOLDEN.glob("boilerplate-allsides*.jsonl"), key=lambda path: (path.stem.count("-"), path.name))
    goldens = [args.data] if args.data else [str(path) for path in parts]
    corpus = args.corpus or str(shared_path("data", "allsides-articles.jsonl.gz"))
    from pathlib import Path

    seed_result = evaluate_seeds(Path(seeds))
    allsides_result = evaluate_allsides([Path(golden) for golden in goldens], Path(corpus))
    return {
        "task": "boilerplate",
        "data": {"seeds": str(seeds), "golden": goldens, "corpus": corpus},
        "metrics": {**seed_result["metrics"], **allsides_result["metrics"]},
        "removals_by_reason": allsides_result["by_reason"],
        "misses": seed_result["failures"]
        + [f"{m['id']} {m['part']} [{m['label']}/{m['kind']}] removed as {m['reason']!r}: {m['line']}" for m in allsides_result["mistakes"]],
    }


def _dedupe(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .dedupe import evaluate_dedupe

    corpus = args.corpus or args.data or str(shared_path("data", "allsides-articles.jsonl.gz"))
    result = evaluate_dedupe(Path(corpus))
    return {"task": "dedupe", "data": corpus, "metrics": result["metrics"], "misses": result["misses"]}


def _clustering(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .clustering import evaluate_clustering

    data = args.data or str(shared_path("data", "ecbplus-dev.jsonl"))
    return {"task": "clustering", "data": data, **evaluate_clustering(Path(data))}


def _extraction_seeds(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .extraction_tasks import evaluate_seed_extraction

    seeds = args.seeds or args.data or str(shared_path("seeds"))
    return {"task": "extraction-seeds", "data": seeds, **evaluate_seed_extraction(Path(seeds))}


def _quotes(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .extraction_tasks import evaluate_quotes

    golden = args.data or str(GOLDEN / "quotes-allsides.json")
    corpus = args.corpus or str(shared_path("data", "allsides-articles.jsonl.gz"))
    return {"task": "quotes", "data": {"golden": golden, "corpus": corpus}, **evaluate_quotes(Path(golden), Path(corpus))}


def _summaries(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .summaries import evaluate_summaries

    data = args.data or str(shared_path("data", "multiling2011-en.jsonl"))
    return {"task": "summaries", "data": data, **evaluate_summaries(Path(data))}


def _briefs(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .briefs import evaluate_seed_brief

    seeds = args.seeds or args.data or str(shared_path("seeds"))
    return {"task": "briefs", "data": seeds, **evaluate_seed_brief(Path(seeds))}


def _events(args: argparse.Namespace) -> dict[str, Any]:
    from pathlib import Path

    from .events import evaluate_events

    data = args.data or str(shared_path("data", "plover-gsr-dev.jsonl"))
    require(data, "PLOVER gold-standard sentences as JSON lines (text, event, source, target)")
    return {"task": "events", "data": data, **evaluate_events(Path(data))}


TASKS: dict[str, tuple[Callable[[argparse.Namespace], dict[str, Any]], str]] = {
    "extraction": (_extraction, "HTML main-text extraction F1 on html-extraction-dev (--data DIR)"),
    "boilerplate": (_boilerplate, "boilerplate line removal on the seeds and hand-labelled allsides lines"),
    "clustering": (_clustering, "stories vs gold_event and threads vs gold_topic, BCubed and pairwise (--data FILE, default ECB+ dev)"),
    "extraction-seeds": (_extraction_seeds, "entities, variants, figures, quotes and dates against the seeds' expected.json"),
    "quotes": (_quotes, "quote precision, speaker accuracy and figures on 30 hand-labelled allsides articles"),
    "summaries": (_summaries, "ROUGE-1/2 recall of the brief's summary on MultiLing 2011 English (--data FILE)"),
    "briefs": (_briefs, "the 2023 seed story's brief against expected.json: claims, independent counts, update, variants, framing"),
    "events": (_events, "PLOVER event type, source and target actors against hand-coded sentences (--data FILE, default plover-gsr-dev)"),
    "dedupe": (_dedupe, "near-duplicate precision and recall on syndicated copies and hard negatives built from allsides"),
}


def run_task(name: str, args: argparse.Namespace) -> dict[str, Any]:
    if name not in TASKS:
        raise UsageError(f"unknown eval task {name!r}; choose one of {', '.join(sorted(TASKS))}")
    return TASKS[name][0](args)
