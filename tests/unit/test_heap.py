"""`heap.freeze_loaded`: the first call freezes what is alive, later calls do nothing (run in a fresh process,
so the test process's own heap is left alone)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import gc
from newsfusion.heap import freeze_loaded
kept = [[i] for i in range(1000)]
assert gc.get_freeze_count() == 0
assert freeze_loaded() is True
frozen = gc.get_freeze_count()
assert frozen >= 1000, frozen
more = [[i] for i in range(1000)]
assert freeze_loaded() is False and gc.get_freeze_count() == frozen
print("ok")
"""


def test_the_first_call_freezes_what_is_alive_and_later_ones_nothing():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
