"""Probes behind figures in BENCHMARKS.md ("Which process holds the memory", stops 15 and 17).

    python scripts/memory_probes.py main 6000     # main process RSS after N allsides articles, extraction off
    python scripts/memory_probes.py longest 4000  # extractor seconds on the longest of the first N articles
    python scripts/memory_probes.py worker 3200        # an extract worker's peak RSS over the first N articles, by variant
    python scripts/memory_probes.py worker 2600:3200 pieces pieces+mmap=1048576   # records 2600-3200, named variants

`main` ingests the first N allsides records into a temporary store with the default settings
but no extraction, and prints the main process's resident memory and its story counts.
`longest` times spaCy and then the extractors on the longest cleaned article among the first N,
after one warm-up article. `worker` runs, in one fresh process per variant, what an extract
worker does (`extract_lane.extract_many` over chunks of 16) on the cleaned articles of the given
records, in each variant named (`WORKER_VARIANTS` by default), and prints each variant's peak
resident memory, its CPU seconds, and how many articles' extractions differ from the first's.
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


# What `worker` compares when no variants are named: "pieces" is the default configuration,
# "whole" leaves long texts whole, "pieces+mmap=N" also fixes glibc's mmap threshold at N bytes,
# so every block above it is mapped on its own and handed back when freed (left alone, the
# threshold rises to the largest block freed so far, and later arrays come from the heap).
WORKER_VARIANTS = ("pieces", "whole", "pieces+mmap=131072")


def worker(span: str, variants: list[str], child: bool = False) -> None:
    first, _, last = span.rpartition(":")
    start, count = (int(first), int(last) - int(first)) if first else (0, int(last))
    if not child:  # one fresh process per variant, so peaks are not shared
        import json
        import subprocess

        runs = []
        for name in variants or WORKER_VARIANTS:
            output = subprocess.run([sys.executable, __file__, "worker", span, "--child", name], check=True, capture_output=True, text=True).stdout
            runs.append((name, json.loads(output.strip().splitlines()[-1])))
        reference = runs[0][1]["digests"]
        for name, figures in runs:
            differ = sum(a != b for a, b in zip(figures.pop("digests"), reference))
            print(f"{name:20s} {figures} extractions differing from the first variant's: {differ}")
        return
    variant = variants[0]
    import ctypes
    import hashlib
    import json
    import resource

    import newsfusion.extract as extract
    from newsfusion.clean import clean_document
    from newsfusion.ingest import InputReader
    from newsfusion.settings import load_settings
    from newsfusion.types import Article
    from newsfusion.extract_lane import extract_many
    from newsfusion.pools import chunks

    settings, _ = load_settings({})
    documents = itertools.islice(InputReader(settings).read([CORPUS]), start, start + count)
    articles = [a for a in map(clean_document, documents) if isinstance(a, Article)]
    if variant == "whole":
        extract.SEGMENT_CHARS = 10**9
    if "+mmap=" in variant:  # glibc's mallopt(M_MMAP_THRESHOLD = -3, N): fixed, so it never rises
        assert ctypes.CDLL("libc.so.6").mallopt(-3, int(variant.partition("+mmap=")[2])) == 1
    started = time.process_time()
    digests = []
    for chunk in chunks(articles):
        for result in extract_many(chunk)[0]:
            digests.append(hashlib.sha256(json.dumps(result.as_dict(), sort_keys=True, default=str).encode()).hexdigest()[:12])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    longest = max(len(a.text) for a in articles)
    print(json.dumps({"articles": len(articles), "longest_chars": longest, "peak_rss_mb": round(peak), "cpu_s": round(time.process_time() - started, 1), "digests": digests}))


if __name__ == "__main__":  # the pipeline's workers are spawned and import this module
    probe = sys.argv[1]
    if probe == "worker":
        child = "--child" in sys.argv
        worker(sys.argv[2], [arg for arg in sys.argv[3:] if arg != "--child"], child)
    else:
        {"main": main_process, "longest": longest}[probe](int(sys.argv[2]))
