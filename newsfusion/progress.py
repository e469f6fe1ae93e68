"""A progress display for long runs: a live line on a terminal, nothing when piped."""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .pipeline import IngestSummary

# Redrawing more often than this costs more than it tells.
_REFRESH_S = 0.2


@contextmanager
def ingest_progress(enabled: bool | None = None) -> Iterator[Callable[[IngestSummary], None] | None]:
    """Yield a callback that shows the running counts, or None when stderr is not a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    console = Console(stderr=True)
    started = time.perf_counter()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        refresh_per_second=1 / _REFRESH_S,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def update(summary: IngestSummary) -> None:
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(
                task,
                description=(
                    f"ingesting: {summary.seen:,} seen, {summary.ingested:,} new, "
                    f"{summary.rejected:,} rejected, {summary.seen / elapsed:,.0f}/s"
                ),
            )

        yield update
