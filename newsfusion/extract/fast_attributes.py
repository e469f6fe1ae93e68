"""A faster stand-in for the model's `attribute_ruler` + `lemmatizer`, with identical output.

The two components set each token's POS, MORPH and LEMMA (and, for a few patterns, TAG and
DEP). In en_core_web_sm they cost about a fifth of the pipeline's time, mostly in Python:
the ruler runs a Matcher of ~180 patterns over every token and then sets attributes match
by match; the lemmatizer walks every token again.

Nearly all the ruler's patterns are one token long, so what they do to a token depends
only on that token: its text (which fixes LOWER and IS_SPACE), TAG and DEP, plus whatever
POS/MORPH/LEMMA it already had. The rule lemmatizer in turn reads only the token's text,
POS and MORPH. So both components together are a function of

    (ORTH, TAG, DEP, POS, MORPH, LEMMA) before the ruler  ->  (TAG, DEP, POS, MORPH, LEMMA) after

for every token that no multi-token pattern ("gon na", "let 's", expletive + "be", ...)
touches. DEP enters only through the patterns' DEP conditions ("nsubj", "IN aux/auxpass",
"NOT_IN det/quantmod", ...), so the signature holds the DEP's *class* (which of those
conditions it meets) instead of the DEP itself, and the token keeps its own DEP unless a
pattern sets one: "Britain" as a compound or an appos is one signature, not two (300
allsides articles fill 36,230 entries instead of 50,097). This component caches that
function: a token whose signature was seen before is
written straight from the cache; a new signature is worked out with spaCy's own Matcher
(on a one-token span, with the ruler's own one-token patterns) and the model's own
lemmatizer object, then cached. Tokens hit by a multi-token pattern (found by a Matcher
holding only those few patterns) are worked out the same way but not cached, since their
result depends on their neighbours. Matches are applied in pattern order, later patterns
overriding earlier ones, exactly as `AttributeRuler.set_annotations` does.

Two more costs are cut, with the same output. The rule lemmatizer's word index is made of
sets instead of the model's lists (`_index_as_sets`: a word not seen before cost a scan of
57,528 nouns per suffix rule). The multi-token patterns run only over a window where a match
can start (`_multi_matches`) instead of the Matcher walking every token of every article.
With a fresh cache, over 300 allsides articles, the component went from about 25 to about 9 ms
an article (BENCHMARKS.md, stop 19).

`install(nlp)` swaps the component in when the ruler's patterns and the lemmatizer are of
the kinds above; otherwise it leaves the pipeline as it was.
"""

from __future__ import annotations

import re
from typing import Any

COMPONENT = "newsfusion_fast_attributes"
RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
# Past this many cached signatures the cache is emptied and refilled (bounds memory in a
# long-running process: an entry is about 170 bytes; 150 articles fill ~30,000).
MAX_CACHE = 200_000
# The bytes of one signature row: (ORTH, TAG, DEP class, POS, MORPH, LEMMA), uint64 each.
KEY_BYTES = 6 * 8
# A result row: (TAG, DEP, POS, MORPH, LEMMA, whether a pattern set the DEP).
RESULT_COLUMNS = 6


def _ids() -> tuple[int, int, int, int, int, int]:
    from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

    return ORTH, TAG, DEP, POS, MORPH, LEMMA


class FastAttributes:
    """Does what the model's attribute ruler followed by its lemmatizer do, with a cache."""

    def __init__(self, ruler: Any, lemmatizer: Any | None) -> None:
        from spacy.matcher import Matcher

        reason = unsupported_reason(ruler, lemmatizer)
        if reason:
            raise ValueError(f"{COMPONENT} cannot stand in for this pipeline: {reason}")
        ORTH, TAG, DEP, POS, MORPH, LEMMA = _ids()
        self.vocab = ruler.vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.single = Matcher(self.vocab)
        self.multi = Matcher(self.vocab)
        self.has_multi = False
        self.multi_width = 0  # tokens in the longest multi-token pattern
        first_specs: list[dict[str, Any]] = []
        self.number_of: dict[int, int] = {}  # matcher key hash -> pattern number (= ruler attr id)
        for number, entry in enumerate(ruler.patterns):
            key = str(number)
            singles = [pattern for pattern in entry["patterns"] if len(pattern) == 1]
            multis = [pattern for pattern in entry["patterns"] if len(pattern) != 1]
            if singles:
                self.single.add(key, singles)
            if multis:
                self.multi.add(key, multis)
                self.has_multi = True
                self.multi_width = max([self.multi_width] + [len(pattern) for pattern in multis])
                first_specs += [pattern[0] for pattern in multis]
            self.number_of[self.vocab.strings.add(key)] = number
        # The DEP conditions of the one-token patterns; a DEP's class is which of them it meets.
        self.dep_conditions = [spec["DEP"] for entry in ruler.patterns for pattern in entry["patterns"] if len(pattern) == 1 for spec in pattern if "DEP" in spec]
        self.dep_class: dict[int, int] = {}  # DEP hash -> its class (a bit per condition met)
        self.class_dep: dict[int, int] = {}  # class -> a DEP hash of that class, for scratch docs
        # The ruler's normalised attributes: {attr id: int value}, MORPH already a morphology key.
        self.updates = [dict(attrs) for attrs in ruler.attrs]
        self.indices = list(ruler.indices)
        self.TAG, self.DEP, self.POS, self.MORPH, self.LEMMA = TAG, DEP, POS, MORPH, LEMMA
        self.read_columns = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
        self.write_columns = [TAG, DEP, POS, MORPH, LEMMA]
        self.cache: dict[bytes, bytes] = {}  # a signature's row -> its result row, as uint64 bytes
        # Where a multi-token match can start: a token whose LOWER or DEP meets its first token's
        # condition on that attribute (None: some pattern's first token has neither, so anywhere).
        self.first_conditions = _start_conditions(first_specs)
        self.can_start: dict[str, dict[int, bool]] = {"LOWER": {}, "DEP": {}}  # attr -> value -> meets a start condition
        _index_as_sets(lemmatizer)

    def __call__(self, doc: Any) -> Any:
        import numpy

        if len(doc) == 0:
            return doc
        # Read everything before writing anything: the ruler matches all patterns against the
        # doc as the parser left it, then sets attributes.
        array = numpy.ascontiguousarray(doc.to_array(self.read_columns), dtype=numpy.uint64)
        deps = array[:, 2].copy()
        signature = array.copy()
        signature[:, 2] = self._dep_classes(deps)
        targets = self._multi_targets(doc, array[:, 2]) if self.has_multi else {}
        cache = self.cache
        # Keys and results are the rows' bytes: an entry takes about 170 bytes instead of the
        # 560 of two tuples of Python ints (the cache holds up to MAX_CACHE entries per worker).
        # A fixed-width bytes view drops trailing zero bytes, which keeps distinct rows distinct.
        keys = signature.view(f"S{KEY_BYTES}").ravel().tolist()
        results = [cache.get(key) for key in keys]
        if None in results:
            if len(cache) > MAX_CACHE:
                cache.clear()
            first_row: dict[bytes, int] = {}
            for i, (key, result) in enumerate(zip(keys, results)):
                if result is None and key not in first_row:
                    first_row[key] = i
            signatures = [tuple(signature[i].tolist()) for i in first_row.values()]
            worked = self._work_out_new(signatures)
            cache.update(zip(first_row, (numpy.array(values, dtype=numpy.uint64).tobytes() for values in worked)))
            results = [cache[key] for key in keys]
        for i, numbers in targets.items():
            values = self._work_out_in_place(doc, i, array[i].tolist(), numbers)
            results[i] = numpy.array(values, dtype=numpy.uint64).tobytes()
        rows = numpy.frombuffer(b"".join(results), dtype=numpy.uint64).reshape(len(keys), RESULT_COLUMNS)
        out = rows[:, :5].copy()
        out[:, 1] = numpy.where(rows[:, 5] != 0, rows[:, 1], deps)  # a token keeps its DEP unless a pattern set one
        doc.from_array(self.write_columns, out)
        return doc

    def _dep_classes(self, deps: Any) -> Any:
        """Each DEP's class: a bit for each of the patterns' DEP conditions it meets (plus one, so no class is 0)."""
        import numpy

        values, inverse = numpy.unique(deps, return_inverse=True)
        classes = numpy.array([self._dep_class_of(int(value)) for value in values], dtype=numpy.uint64)
        return classes[inverse]

    def _dep_class_of(self, dep: int) -> int:
        found = self.dep_class.get(dep)
        if found is None:
            text = self.vocab.strings[dep] if dep else ""
            found = 1 + sum(1 << k for k, condition in enumerate(self.dep_conditions) if _meets(condition, text))
            self.dep_class[dep] = found
            self.class_dep.setdefault(found, dep)
        return found

    def _multi_targets(self, doc: Any, deps: Any) -> dict[int, list[int]]:
        """Token index -> numbers of the multi-token patterns whose match sets that token.

        The Matcher walks every token of the doc for the eight multi-token patterns, about a
        quarter of this component's time on a warm cache; it now runs only over a window at
        each token where a match can start (usually none or a few per article), and finds
        the same matches.
        """
        targets: dict[int, list[int]] = {}
        for match_id, start, end in self._multi_matches(doc, deps):
            number = self.number_of[match_id]
            index = self.indices[number]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute ruler pattern {number}: index {index} outside its match {start}:{end}")
            targets.setdefault(target, []).append(number)
        return targets

    def _multi_matches(self, doc: Any, deps: Any) -> list[tuple[int, int, int]]:
        if self.first_conditions is None:
            return list(self.multi(doc, allow_missing=True, as_spans=False))
        import numpy
        from spacy.attrs import LOWER

        starts = self._meeting("LOWER", doc.to_array([LOWER]).ravel()) | self._meeting("DEP", deps)
        found: set[tuple[int, int, int]] = set()
        for i in numpy.flatnonzero(starts).tolist():
            window = doc[i : min(len(doc), i + self.multi_width)]
            # a window's matches are counted from its first token; only those starting there are new
            found.update((match_id, i, i + end) for match_id, start, end in self.multi(window, allow_missing=True, as_spans=False) if start == 0)
        return sorted(found, key=lambda match: (match[1], match[2], match[0]))

    def _meeting(self, attr: str, values: Any) -> Any:
        """Whether each value (a hash of `attr`) meets some multi-token pattern's start condition on `attr`."""
        import numpy

        conditions = [condition for name, condition in self.first_conditions or () if name == attr]
        if not conditions:
            return numpy.zeros(len(values), dtype=bool)
        known = self.can_start[attr]
        if len(known) > MAX_CACHE:
            known.clear()
        unique, inverse = numpy.unique(values, return_inverse=True)
        flags = []
        for value in unique.tolist():
            flag = known.get(value)
            if flag is None:
                text = self.vocab.strings[value] if value else ""
                flag = known[value] = any(_meets(condition, text) for condition in conditions)
            flags.append(flag)
        return numpy.array(flags, dtype=bool)[inverse.ravel()]

    def _work_out_new(self, keys: list[tuple[int, ...]]) -> list[tuple[int, int, int, int, int]]:
        """Results for signatures not seen before, worked out on a scratch doc of one token each.

        The one-token patterns see only their own token, so matching them over a doc made of
        these tokens (same text, hence same LOWER and IS_SPACE; same TAG, DEP and prior
        POS/MORPH/LEMMA) finds exactly what the ruler finds for each of them in its article.
        """
        import numpy
        from spacy.tokens import Doc

        strings = self.vocab.strings
        # Each signature's DEP class stands for any DEP of that class: the patterns cannot tell them apart.
        keys = [(key[0], key[1], self.class_dep[key[2]], *key[3:]) for key in keys]
        scratch = Doc(self.vocab, words=[strings[key[0]] for key in keys], spaces=[False] * len(keys))
        scratch.from_array(self.write_columns, numpy.array([key[1:] for key in keys], dtype=numpy.uint64).reshape(len(keys), 5))
        numbers: list[list[int]] = [[] for _ in keys]
        for match_id, start, _end in self.single(scratch, allow_missing=True, as_spans=False):
            numbers[start].append(self.number_of[match_id])
        return [self._apply(scratch[j], key, found) for j, (key, found) in enumerate(zip(keys, numbers))]

    def _work_out_in_place(self, doc: Any, i: int, row: list[int], extra: list[int]) -> tuple[int, int, int, int, int]:
        """The result for a token some multi-token pattern sets: its one-token matches plus those."""
        found = [self.number_of[match_id] for match_id, _s, _e in self.single(doc[i : i + 1], allow_missing=True, as_spans=False)]
        return self._apply(doc[i], tuple(row), found + list(extra))

    def _apply(self, token: Any, key: tuple[int, ...], numbers: list[int]) -> tuple[int, int, int, int, int, int]:
        """(TAG, DEP, POS, MORPH, LEMMA, DEP set) after applying the matched patterns and then the lemmatizer.

        `token` must carry the signature `key` (ORTH, TAG, DEP, POS, MORPH, LEMMA); its POS and
        MORPH are overwritten so the lemmatizer reads them as the ruler would leave them.
        """
        _orth, tag, dep, pos, morph, lemma = key
        values = {self.TAG: tag, self.DEP: dep, self.POS: pos, self.MORPH: morph, self.LEMMA: lemma}
        dep_set = 0
        for number in sorted(numbers):  # later patterns take precedence, as in AttributeRuler.match
            values.update(self.updates[number])
            dep_set |= self.DEP in self.updates[number]
        lemmatizer = self.lemmatizer
        if lemmatizer is not None and (lemmatizer.overwrite or values[self.LEMMA] == 0):
            token.pos = values[self.POS]
            token.set_morph(values[self.MORPH] or None)
            text = lemmatizer.lemmatize(token)[0]
            # Permanent: the cached hash must stay resolvable after any memory zone ends.
            values[self.LEMMA] = self.vocab.strings.add(text, allow_transient=False)
        return values[self.TAG], values[self.DEP], values[self.POS], values[self.MORPH], values[self.LEMMA], dep_set


def _index_as_sets(lemmatizer: Any | None) -> None:
    """Make the rule lemmatizer's word index sets, as it reads them.

    `Lemmatizer.rule_lemmatize` asks `form in index` for each suffix rule that fits a word,
    and the model ships each part of speech's index as a list (57,528 nouns in en_core_web_sm):
    a scan of the list per rule, nine tenths of the time this component spends on a word it
    has not seen. A set answers the same question at once.
    """
    if lemmatizer is None or getattr(lemmatizer, "mode", None) != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        if isinstance(table[key], list):
            table[key] = frozenset(table[key])


def _start_conditions(first_specs: list[dict[str, Any]]) -> list[tuple[str, Any]] | None:
    """For each multi-token pattern, one condition on LOWER or DEP its first token must meet.

    None when some pattern's first token has no such condition that `_meets` can read: then
    a match could start anywhere.
    """
    conditions = []
    for spec in first_specs:
        usable = [(attr, spec[attr]) for attr in ("LOWER", "DEP") if attr in spec and _readable(spec[attr])]
        if not usable:
            return None
        conditions.append(usable[0])
    return conditions


def _readable(condition: Any) -> bool:
    return isinstance(condition, str) or (isinstance(condition, dict) and bool(condition) and set(condition) <= {"IN", "NOT_IN", "REGEX"})


def _meets(condition: Any, value: str) -> bool:
    """Whether a string attribute meets a token pattern's condition on it: a value, or {"IN"|"NOT_IN"|"REGEX": ...}.

    REGEX is searched, as spaCy's Matcher does.
    """
    if isinstance(condition, str):
        return value == condition
    for operator, operand in condition.items():
        if operator == "IN" and value not in operand:
            return False
        if operator == "NOT_IN" and value in operand:
            return False
        if operator == "REGEX" and not re.search(operand, value):
            return False
    return True


def unsupported_reason(ruler: Any, lemmatizer: Any | None) -> str:
    """Why `FastAttributes` could not reproduce these components exactly ('' if it can)."""
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    if getattr(ruler, "matcher", None) is None or not hasattr(ruler, "attrs") or not hasattr(ruler, "indices"):
        return "the ruler is not a spaCy AttributeRuler"
    for number, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list):
                return f"pattern {number} is not a token-pattern list"
            for spec in pattern:
                if "OP" in spec or "op" in spec:
                    return f"pattern {number} uses an operator"
                if "_" in spec:
                    return f"pattern {number} reads an extension attribute"
                condition = spec.get("DEP")
                if condition is not None and not isinstance(condition, str) and not (
                    isinstance(condition, dict) and set(condition) <= {"IN", "NOT_IN"}
                ):
                    return f"pattern {number} has a DEP condition other than a value, IN or NOT_IN"
            if len(pattern) == 1 and entry["index"] not in (0, -1):
                return f"one-token pattern {number} has index {entry['index']}"
        if not set(ruler.attrs[number]) <= {TAG, DEP, POS, MORPH, LEMMA}:
            return f"pattern {number} sets attributes other than TAG/DEP/POS/MORPH/LEMMA"
    if lemmatizer is not None:
        if getattr(lemmatizer, "mode", None) not in ("rule", "lookup"):
            return "the lemmatizer is not in rule or lookup mode"
        if not hasattr(lemmatizer, "lemmatize") or not hasattr(lemmatizer, "overwrite"):
            return "the lemmatizer is not a spaCy Lemmatizer"
    return ""


def register() -> None:
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT)
    def make_fast_attributes(nlp: Any, name: str) -> FastAttributes:
        return FastAttributes(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))


def install(nlp: Any) -> bool:
    """Replace an active attribute_ruler + lemmatizer pair with the cached component.

    Returns whether it did; the pipeline is left untouched when either component is
    disabled or absent, or when `unsupported_reason` finds something it cannot reproduce.
    """
    if RULER not in nlp.pipe_names or LEMMATIZER not in nlp.pipe_names:
        return False
    names = nlp.pipe_names
    if names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False  # something between them could read the ruler's output before lemmas exist
    if unsupported_reason(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER)):
        return False
    register()
    nlp.add_pipe(COMPONENT, before=RULER)
    nlp.remove_pipe(RULER)
    nlp.remove_pipe(LEMMATIZER)
    return True
