"""Two probes behind figures in BENCHMARKS.md ("Which process holds the memory"), stop 15.

    python scripts/memory_probes.py main 6000     # main process RSS after N allsides articles, extraction off
    python scripts/memory_probes.py longest 4000  # extractor seconds on the longest of the first N articles

`main` ingests the first N allsides records into a temporary store with the default settings
but no extraction, and prints the main process's resident memory and its story counts.
`longest` times spaCy and then the extractors on the longest cleaned article among the first N,
after one warm-up article.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

CORPUS = "../shared/data/allsides-articles.jsonl.gz"


def _resident_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 2**20


def main_process(count: int) -> None:
    from newsfusion.ingest import InputReader
    from newsfusion.pipeline import Pipeline
    from newsfusion.settings import load_settings
    from newsfusion.store import Store

    settings, _ = load_settings({"extract": False})
    with tempfile.TemporaryDirectory() as folder:
        settings = replace(settings, db=str(Path(folder) / "probe.db"), offline=True)
        with Store(settings.db) as store, Pipeline(store, settings) as pipeline:
            items = itertools.islice(InputReader(settings).read([CORPUS]), count)
            started = time.process_time()
            summary = pipeline.run(items)
            print(f"{summary.seen} documents, main process {_resident_mb():.0f} MB, CPU {time.process_time() - started:.1f} s")


def longest(count: int) -> None:
    from newsfusion.clean import clean_document
    from newsfusion.extract import DISABLED, _from_doc
    from newsfusion.extract.nlp import load_nlp
    from newsfusion.ingest import InputReader
    from newsfusion.settings import load_settings
    from newsfusion.types import Article

    settings, _ = load_settings({})
    documents = itertools.islice(InputReader(settings).read([CORPUS]), count)
    articles = [a for a in map(clean_document, documents) if isinstance(a, Article)]
    article = max(articles, key=lambda a: len(a.text))
    nlp = load_nlp(DISABLED)
    _from_doc(articles[0], nlp(articles[0].text), [])  # the lexicons and gazetteer load on first use
    started = time.perf_counter()
    doc = nlp(article.text)
    parsed = time.perf_counter()
    _from_doc(article, doc, [])
    print(f"{len(article.text):,} characters: spaCy {parsed - started:.1f} s, extractors {time.perf_counter() - parsed:.1f} s")


if __name__ == "__main__":  # the pipeline's workers are spawned and import this module
    probe, size = sys.argv[1], int(sys.argv[2])
    {"main": main_process, "longest": longest}[probe](size)
