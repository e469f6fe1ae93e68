"""Build demo/wikinews-2005-2010.jsonl, the bundled sample corpus, from the MultiLing 2011 set.

The MultiLing 2011 English pilot set holds 100 WikiNews articles (CC BY 3.0) in 10 story
clusters. Each article opens with its headline and the date WikiNews published it. This
script writes one contract JSON record per article (id, source, title, published, text),
in publication order, so the demo ingests them as a stream would have delivered them.

    python scripts/build_demo_corpus.py ../shared/data/multiling2011-en.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

# WikiNews prints its publication date near the top: "Saturday, January 8, 2005" or "December 29, 2004".
DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}")

OUT = Path(__file__).resolve().parent.parent / "demo" / "wikinews-2005-2010.jsonl"


def main(source: str) -> None:
    records = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            topic = json.loads(line)
            for doc in topic["docs"]:
                lines = doc["text"].strip().split("\n")
                title = lines[0].strip()
                body = "\n".join(lines[1:]).strip()
                found = DATE.search("\n".join(body.split("\n")[:4]))
                if found is None:
                    raise SystemExit(f"{doc['doc_id']}: no publication date near the top")
                published = datetime.strptime(found.group(0), "%B %d, %Y").date().isoformat()
                records.append(
                    {
                        "id": "wikinews-" + doc["doc_id"].split(".")[0],
                        "source": "Wikinews",
                        "title": title,
                        "published": published,
                        "text": body,
                        "licence": "CC BY 3.0, MultiLing 2011 pilot data set (WikiNews)",
                    }
                )
    records.sort(key=lambda record: (record["published"], record["id"]))
    OUT.parent.mkdir(exist_ok=True)
    with OUT.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/multiling2011-en.jsonl")
