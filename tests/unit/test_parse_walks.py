"""Walks up a parse tree end at its root.

spaCy makes a new Token object on every access, so `token.head is token` is never true, not
even at the root: a loop that stops on it never stops there. Found when an extract worker
hung for good on "The plan to attack the city in 2019." during a 10,000-article bench.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

from newsfusion.extract.event_facts import _past_tense, in_anchored_clause
from newsfusion.extract.nlp import load_nlp

PACKAGE = Path(__file__).resolve().parents[2] / "newsfusion"


def _with_deadline(seconds: int, function, *args):
    def give_up(signum, frame):
        raise TimeoutError(f"{function.__name__} did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        return function(*args)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_the_tense_of_a_verb_under_a_noun_root_is_found_and_the_walk_ends():
    doc = load_nlp()("The plan to attack the city in 2019.")
    attack = next(token for token in doc if token.text == "attack")
    assert attack.head.pos_ == "NOUN" and attack.head.dep_ == "ROOT"
    assert _with_deadline(10, _past_tense, attack) is False
    assert _with_deadline(10, in_anchored_clause, attack, set()) is False


def test_no_walk_compares_tokens_by_identity():
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"\b(\w+)\.head is (?:not )?\1\b", line)
    ]
    assert not offenders, f"compare token indices (.i), not identity: {offenders}"
