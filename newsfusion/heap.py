"""Keeping a long-running process's loaded heap out of the garbage collector's sight.

Python's full collections walk every object the collector tracks. In a worker or server that
has loaded a model, lexicons or gazetteers, which live as long as the process, that is most of
the heap, walked again and again for nothing. `freeze_loaded` moves everything alive at its
first call out of the collector's sight for good (`gc.freeze`); call it once the process has
done one unit of its work, so what that work loads lazily is frozen too. Frozen objects are
still freed by reference counting; only cycles among them would stay.
"""

from __future__ import annotations

import ctypes
import gc
from functools import lru_cache
from typing import Callable

_state = {"frozen": False}


def freeze_loaded() -> bool:
    """Collect, then freeze what is alive, the first time it is called in a process; True when it froze now."""
    if _state["frozen"]:
        return False
    gc.collect()
    gc.freeze()
    _state["frozen"] = True
    return True


@lru_cache(maxsize=1)
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where the C library is not glibc."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


def trim_heap() -> None:
    """Collect, then hand the heap glibc keeps for reuse back to the system (after a large one-off load)."""
    gc.collect()
    trim = malloc_trim()
    if trim is not None:
        trim(0)
