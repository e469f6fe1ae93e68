"""`eval briefs`: the brief of the seeds' 2023 story against ../shared/seeds/expected.json.

The seeds are ingested into a fresh store with the default configuration; the story that
holds most of them is briefed. Scores, each a share of what expected.json lists:
- `claims_found`: corroborated claims for which a fact carries the claim's articles (those in
  the story) and shares at least two content words with it;
- `claims_independent_right`: of those, the ones whose independent-source count is right
  (articles in one duplicate group or crediting one wire agency count once);
- `update_found`: the death toll reported as an update, with both its values;
- `variants_found`: spelling variants of the story's articles flagged;
- `framing_found`: framing terms found under their outlet.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from ..brief import story_brief
from ..crosscheck.material import story_material
from ..crosscheck.sentences import stem, stopwords, words_of
from ..ingest import InputReader
from ..pipeline import Pipeline
from ..settings import load_settings
from ..store import Store
from .data import require


def _content(text: str) -> set[str]:
    stop = stopwords()
    return {stem(word) for word in words_of(text) if word not in stop and len(word) > 2}


def evaluate_seed_brief(seeds: Path) -> dict[str, Any]:
    expected = json.loads(require(seeds / "expected.json", "the seeds' expected.json").read_text(encoding="utf-8"))
    settings, _ = load_settings({}, environ={}, cwd=Path(tempfile.gettempdir()))
    misses: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newsfusion-eval-") as folder:
        with Store(str(Path(folder) / "briefs.db")) as store:
            with Pipeline(store, settings) as pipeline:
                pipeline.run(InputReader(settings).read(sorted(str(p) for p in seeds.glob("*.txt"))))
            story = max(store.stories(), key=lambda s: len(s["articles"]))
            brief = story_brief(store, story["id"])
            material = story_material(store, story["id"])
    assert brief is not None and material is not None
    members = set(story["articles"])

    found = right = 0
    claims = expected.get("corroborated_claims", [])
    for claim in claims:
        wanted = [a for a in claim["articles"] if a in members]
        match = next(
            (f for f in brief["facts"] if set(wanted) <= set(f["sources"]) and len(_content(claim["claim"]) & _content(f["text"])) >= 2),
            None,
        )
        if match is None:
            misses.append(f"claim not found: {claim['claim']} {wanted}")
            continue
        found += 1
        if match["independent_sources"] == material.independent(wanted):
            right += 1
        else:
            misses.append(f"claim {claim['claim']!r}: {match['independent_sources']} independent, expected {material.independent(wanted)}")

    updates = [u for u in expected.get("updates_and_conflicts", []) if u["kind"] == "update"]
    update_hits = 0
    for update in updates:
        values = {float(v["value"]) for v in update["values"]}
        if any(f["status"] == "updated" and values <= {float(v["value"]) for v in f["values"]} for f in brief["facts"]):
            update_hits += 1
        else:
            misses.append(f"update not found: {update['slot']}")

    spellings = [
        (u["slot"], v["value"], v["article"])
        for u in expected.get("updates_and_conflicts", [])
        if u["kind"] == "spelling"
        for v in u["values"]
        if v["value"] != u["slot"] and v["article"] in members
    ]
    variant_hits = 0
    for canonical, variant, article in spellings:
        if any(v["variant"] == variant and v["canonical"] == canonical and article in v["sources"] for v in brief["variants"]):
            variant_hits += 1
        else:
            misses.append(f"variant not flagged: {variant} -> {canonical} in {article}")

    framing = [f for f in expected.get("framing", []) if f["article"] in members]
    framing_hits = 0
    for item in framing:
        key = re.sub(r"\W+", "", item["term"].lower())[:8]
        if any(row["source_id"] == item["article"] and re.sub(r"\W+", "", row["term"].lower()).startswith(key[: max(5, len(key) - 3)]) for row in brief["framing"]):
            framing_hits += 1
        else:
            misses.append(f"framing term not found: {item['term']} in {item['article']}")

    def share(hits: int, total: int) -> float:
        return round(hits / total, 4) if total else 1.0

    return {
        "metrics": {
            "story_articles": len(members),
            "claims_found": share(found, len(claims)),
            "claims_independent_right": share(right, found),
            "update_found": share(update_hits, len(updates)),
            "variants_found": share(variant_hits, len(spellings)),
            "framing_found": share(framing_hits, len(framing)),
            "summary_sentences_cited": share(sum(1 for s in brief["summary"] if s["citations"]), len(brief["summary"])),
        },
        "misses": misses,
    }
