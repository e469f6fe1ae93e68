"""Extraction CPU, one spaCy variant against another, and component by component: the probes behind BENCHMARKS.md's stop 16 and 17 figures.

    python scripts/extract_speed.py 5000 60 --runs 3                   # whole extraction, fast NER vs the model's
    python scripts/extract_speed.py 10000 800 --probe ner              # the recognizer alone, and docs that differ
    python scripts/extract_speed.py 6000 160 --runs 3 --probe parser   # the parser, batches of 4 vs 32
    python scripts/extract_speed.py 7000 200 --probe components        # CPU per article, component by component

The default probe starts one process per variant and run, taking turns; each cleans allsides
records START..START+COUNT, extracts the first 4 of them to load the model, lexicons and
gazetteer, then times `extract_articles` over all COUNT in process CPU seconds and prints a
digest of every extraction. The variants are compared by the median of their runs and must
give the same digest (identical entities, quotes, figures, dates, places, events).

`ner` parses the records once without entities, then runs the model's recognizer and the fast
decoder on copies of the same docs, timing each and counting docs whose entities or IOB tags
differ. `parser` parses the records up to the parser, then times the parser over copies in
chunks of 16 (as the extract workers get them) with batches of 4 and of 32, in turns, and
checks that the parses are the same. `components` cleans the records (English only), warms up on
4, then times the tokenizer, each pipeline component in turn over all the docs (the parser in
batches of 32, the rest of 4), and the extractors, each in ms per article, twice: with the
attribute stand-in's cache as the warm-up left it, and again warm. Run it with
OPENBLAS_NUM_THREADS=1, as the extract workers run.
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


def _records(start: int, count: int) -> list[str]:
    import gzip
    import json

    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [json.loads(line).get("text") or "" for line in itertools.islice(lines, start, start + count)]


def ner_probe(start: int, count: int) -> None:
    from newsfusion.extract.fast_ner import COMPONENT
    from newsfusion.extract.nlp import load_nlp

    nlp = load_nlp(())
    with nlp.select_pipes(disable=[COMPONENT]):
        bare = list(nlp.pipe(_records(start, count), batch_size=4))
    timed = {}
    for name, component in (("model", nlp.get_pipe("ner")), ("fast", nlp.get_pipe(COMPONENT))):
        docs = [doc.copy() for doc in bare]
        started = time.process_time()
        timed[name] = (list(component.pipe(docs, batch_size=4)), time.process_time() - started)

    def analysis(doc):
        return [(e.start, e.end, e.label_) for e in doc.ents], [t.ent_iob for t in doc]

    differ = sum(analysis(a) != analysis(b) for a, b in zip(timed["model"][0], timed["fast"][0]))
    entities = sum(len(doc.ents) for doc in timed["model"][0])
    print(f"{len(bare)} docs, {entities:,} entities: model's recognizer {timed['model'][1]:.1f} s, "
          f"fast decoder {timed['fast'][1]:.1f} s ({timed['fast'][1] / timed['model'][1]:.2f}x); {differ} docs differ")


def parser_probe(start: int, count: int, runs: int) -> None:
    from newsfusion.extract.nlp import load_nlp

    nlp = load_nlp(())
    before_parser = nlp.pipe_names[: nlp.pipe_names.index("parser")]
    docs = list(nlp.pipe(_records(start, count), batch_size=4, disable=[n for n in nlp.pipe_names if n not in before_parser]))
    parser = nlp.get_pipe("parser")
    seconds: dict[int, list[float]] = {4: [], 32: []}
    parses: dict[int, list] = {}
    for _ in range(runs):
        for batch in seconds:
            copies = [doc.copy() for doc in docs]
            started = time.process_time()
            out = [parsed for i in range(0, len(copies), 16) for parsed in parser.pipe(copies[i : i + 16], batch_size=batch)]
            seconds[batch].append(time.process_time() - started)
            parses.setdefault(batch, [[(t.head.i, t.dep_, t.is_sent_start) for t in doc] for doc in out])
    medians = {batch: statistics.median(values) for batch, values in seconds.items()}
    print(f"{len(docs)} docs, parser CPU median of {runs}: batches of 4 {medians[4]:.2f} s {[round(v, 2) for v in seconds[4]]}, "
          f"of 32 {medians[32]:.2f} s {[round(v, 2) for v in seconds[32]]} ({medians[32] / medians[4]:.2f}x); "
          f"parses {'identical' if parses[4] == parses[32] else 'DIFFER'}")


def components_probe(start: int, count: int) -> None:
    import newsfusion.extract as extract
    from newsfusion.clean import clean_document
    from newsfusion.extract.nlp import load_nlp
    from newsfusion.ingest import InputReader
    from newsfusion.settings import load_settings
    from newsfusion.types import Article

    settings, _ = load_settings({})
    documents = itertools.islice(InputReader(settings).read([CORPUS]), start, start + count)
    articles = [a for a in map(clean_document, documents) if isinstance(a, Article) and a.language in (None, "en")]
    extract.extract_articles(articles[:4])
    nlp = load_nlp(extract.DISABLED)
    texts = [a.text[: extract.MAX_CHARS] for a in articles]
    for label in ("first pass", "second pass"):
        started = time.process_time()
        docs = [nlp.make_doc(text) for text in texts]
        spent = {"tokenizer": time.process_time() - started}
        for name, component in nlp.pipeline:
            started = time.process_time()
            batch = extract.PARSER_BATCH if name == "parser" else extract.PIPE_BATCH
            docs = list(component.pipe(docs, batch_size=batch) if hasattr(component, "pipe") else map(component, docs))
            spent[name] = time.process_time() - started
        started = time.process_time()
        for article, doc in zip(articles, docs):
            extract._from_doc(article, doc, [])
        spent["extractors"] = time.process_time() - started
        total = sum(spent.values())
        print(f"{label}: {len(articles)} articles, {1000 * total / len(articles):.0f} ms each: "
              + ", ".join(f"{name} {1000 * seconds / len(articles):.1f}" for name, seconds in spent.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("start", type=int)
    parser.add_argument("count", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--probe", choices=["extract", "ner", "parser", "components"], default="extract")
    parser.add_argument("--child", choices=["model-ner", "fast-ner"])
    args = parser.parse_args()
    if args.probe == "ner":
        ner_probe(args.start, args.count)
        return
    if args.probe == "parser":
        parser_probe(args.start, args.count, args.runs)
        return
    if args.probe == "components":
        components_probe(args.start, args.count)
        return
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
