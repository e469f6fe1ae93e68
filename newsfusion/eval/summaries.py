"""`eval summaries`: ROUGE recall of the brief's summary on MultiLing 2011 English.

Each topic's ten WikiNews articles are summarised as one story (each article its own
independent source) to a little over the length of the reference summaries; it is cut to each
reference's length in words and scored with the `rouge-score` package (Porter stemming),
ROUGE-1 and ROUGE-2 recall averaged over the references and then the topics, the way the
MultiLing 2011 figures in ../shared/data/multiling2011-ENGLISH_ROUGE-*.csv were reported.
"""

from __future__ import annotations

import json
from pathlib import Path
from statistics import mean
from typing import Any

from ..brief.summary import MAX_SENTENCE_WORDS, summarize
from ..crosscheck.align import align
from ..crosscheck.sentences import split_sentences
from .data import require


def summarize_documents(documents: list[dict[str, Any]], words: int) -> str:
    """The summary text of a set of {doc_id, text} documents, each its own source."""
    sentences = [s for document in documents for s in split_sentences(document["doc_id"], document["text"])]
    alignment = align(sentences)
    groups = {document["doc_id"]: document["doc_id"] for document in documents}
    order = {document["doc_id"]: index for index, document in enumerate(documents)}
    return " ".join(item.text for item in summarize(alignment, groups, order, words))


def evaluate_summaries(path: Path) -> dict[str, Any]:
    from rouge_score import rouge_scorer

    require(path, "MultiLing JSON lines: {topic, docs: [{doc_id, text}], references: {name: text}}")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    per_topic = []
    with open(path, encoding="utf-8") as handle:
        topics = [json.loads(line) for line in handle if line.strip()]
    for topic in topics:
        references = list(topic["references"].values())
        length = round(mean(len(reference.split()) for reference in references))
        # Ask for one sentence more than fits, then cut at the reference's length: the usual
        # length-limited ROUGE setting (DUC/TAC "-l"), so no budget is left unused.
        summary = summarize_documents(topic["docs"], length + MAX_SENTENCE_WORDS)
        scores = {"rouge1": [], "rouge2": []}
        for reference in references:
            cut = " ".join(summary.split()[: len(reference.split())])
            result = scorer.score(reference, cut)
            for name in scores:
                scores[name].append(result[name].recall)
        per_topic.append({"topic": topic["topic"], "words": len(summary.split()), **{name: mean(v) for name, v in scores.items()}})
    return {
        "metrics": {
            "topics": len(per_topic),
            "rouge1_recall": round(mean(t["rouge1"] for t in per_topic), 4),
            "rouge2_recall": round(mean(t["rouge2"] for t in per_topic), 4),
        },
        "topics": per_topic,
    }
