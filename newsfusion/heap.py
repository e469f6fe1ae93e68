"""Keeping a long-running process's loaded heap out of the garbage collector's sight.

Python's full collections walk every object the collector tracks. In a worker or server that
has loaded a model, lexicons or gazetteers, which live as long as the process, that is most of
the heap, walked again and again for nothing. `freeze_loaded` moves everything alive at its
first call out of the collector's sight for good (`gc.freeze`); call it once the process has
done one unit of its work, so what that work loads lazily is frozen too. Frozen objects are
still freed by reference counting; only cycles among them would stay.
"""

from __future__ import annotations

import gc

_state = {"frozen": False}


def freeze_loaded() -> bool:
    """Collect, then freeze what is alive, the first time it is called in a process; True when it froze now."""
    if _state["frozen"]:
        return False
    gc.collect()
    gc.freeze()
    _state["frozen"] = True
    return True
