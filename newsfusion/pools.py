"""What both worker pools share: how their processes start, how many there are, how work is cut.

Kept apart from the work itself so that a worker imports only what its own pool runs: an
extract worker needs spaCy and the extractors, not the cleaner's or the duplicate index's
libraries (datasketch brings scipy.integrate: the largest extract worker fell by about 37 MB
when it stopped importing them, BENCHMARKS.md, stop 18).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Callable

# Documents sent to a worker per task: large enough to amortise the hand-over, small enough
# to keep both workers busy on a batch of a few hundred.
CHUNK_SIZE = 16
# Batches smaller than this are handled in-process: starting workers costs about a second
# (several for the extract workers, which load the spaCy model).
MIN_POOL_BATCH = 32
# Seconds between a worker's checks that the main process is still there.
PARENT_CHECK_S = 1.0


def start_worker() -> None:
    """A worker: Ctrl-C left to the main process, and an exit when the main process is gone.

    A terminal sends SIGINT to the whole process group, and a worker dying mid-batch would
    lose the batch that `newsfusion watch` means to finish on Ctrl-C. A main process killed
    outright (`kill -9`) cannot stop its workers, which would otherwise wait on its queue for
    ever, holding their memory.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()

    def exit_with_parent() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(1)

    threading.Thread(target=exit_with_parent, name="exit-with-parent", daemon=True).start()


def worker_count(setting: int) -> int:
    """The number of worker processes: the setting, or one per CPU when it is 0."""
    return setting if setting > 0 else (os.cpu_count() or 1)


def spawn_pool(workers: int, initializer: Callable[[], None] = start_worker) -> ProcessPoolExecutor:
    # One BLAS thread per worker: the workers already fill the cores, and two processes each
    # running a BLAS thread per core spend their time waiting on each other (spaCy's NER ran
    # 1.5x slower so). Spawned workers inherit this.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # spawn, not fork: the main process holds SQLite connections and threads.
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=initializer)


def pool_pids(executor: ProcessPoolExecutor | None) -> list[int]:
    """The process ids of a pool's workers (none before it starts)."""
    processes = getattr(executor, "_processes", None) or {}
    return sorted(processes)


def chunks(items: list, size: int = CHUNK_SIZE) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]
