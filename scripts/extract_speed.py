"""Extraction CPU per article, one spaCy variant against another, in fresh processes taking turns.

    python scripts/extract_speed.py 5000 60 --runs 3    # fast NER decoder vs the model's own

Each run starts one process per variant; each cleans allsides records START..START+COUNT,
extracts the first 4 of them to load the model, lexicons and gazetteer, then times
`extract_articles` over all COUNT in process CPU seconds and prints a digest of every
extraction. The variants are compared by the median of their runs
and must give the same digest (identical entities, quotes, figures, dates, places, events).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import statistics
import subprocess
import sys
import time

CORPUS = "../shared/data/allsides-articles.jsonl.gz"


def child(start: int, count: int, variant: str) -> None:
    import functools

    import newsfusion.extract as extract
    from newsfusion.clean import clean_document
    from newsfusion.extract.nlp import load_nlp
    from newsfusion.ingest import InputReader
    from newsfusion.settings import load_settings
    from newsfusion.types import Article

    if variant == "model-ner":
        extract.load_nlp = functools.partial(load_nlp, fast_ner=False)
    settings, _ = load_settings({})
    documents = itertools.islice(InputReader(settings).read([CORPUS]), start, start + count)
    articles = [a for a in map(clean_document, documents) if isinstance(a, Article)]
    extract.extract_articles(articles[:4])
    started = time.process_time()
    results = extract.extract_articles(articles)
    seconds = time.process_time() - started
    digest = hashlib.sha256(json.dumps([r.as_dict() for r in results], sort_keys=True, default=str).encode()).hexdigest()
    print(json.dumps({"variant": variant, "articles": len(articles), "cpu_s": round(seconds, 2), "digest": digest[:16]}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("start", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["model-ner", "fast-ner"])
    args = parser.parse_args()
    if args.child:
        child(args.start, args.count, args.child)
        return
    seconds: dict[str, list[float]] = {"model-ner": [], "fast-ner": []}
    digests: set[str] = set()
    for run in range(args.runs):
        for variant in seconds:
            command = [sys.executable, __file__, str(args.start), str(args.count), "--child", variant]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            seconds[variant].append(row["cpu_s"])
            digests.add(row["digest"])
            print(f"run {run + 1}: {variant} {row['cpu_s']} s over {row['articles']} articles, digest {row['digest']}", flush=True)
    medians = {variant: statistics.median(values) for variant, values in seconds.items()}
    print(f"medians: model NER {medians['model-ner']} s, fast NER {medians['fast-ner']} s "
          f"({medians['fast-ner'] / medians['model-ner']:.2f}x); outputs {'identical' if len(digests) == 1 else 'DIFFER'}")


if __name__ == "__main__":
    main()
