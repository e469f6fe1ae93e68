"""Where the evaluation data lives, and reading it.

The real data sets are not part of the project: they sit in `../shared` beside a checkout.
Every task takes an explicit path too, and says where it looked when a file is missing.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import UsageError

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
GOLDEN = PROJECT_ROOT / "tests" / "golden"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, looked for beside the project checkout, then beside the current folder."""
    for base in (PROJECT_ROOT.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return PROJECT_ROOT.parent.joinpath("shared", *parts)


def require(path: str | Path, what: str) -> Path:
    """The path, or a UsageError naming what it should hold and how to pass another."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path} not found: it should hold {what}; pass its location with --data")
    return path


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a .jsonl or .jsonl.gz file."""
    path = Path(path)
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
        for line in handle:
            if line.strip():
                yield json.loads(line)
