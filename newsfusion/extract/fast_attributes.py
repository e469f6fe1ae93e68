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
touches. This component caches that function: a token whose signature was seen before is
written straight from the cache; a new signature is worked out with spaCy's own Matcher
(on a one-token span, with the ruler's own one-token patterns) and the model's own
lemmatizer object, then cached. Tokens hit by a multi-token pattern (found by a Matcher
holding only those few patterns) are worked out the same way but not cached, since their
result depends on their neighbours. Matches are applied in pattern order, later patterns
overriding earlier ones, exactly as `AttributeRuler.set_annotations` does.

`install(nlp)` swaps the component in when the ruler's patterns and the lemmatizer are of
the kinds above; otherwise it leaves the pipeline as it was.
"""

from __future__ import annotations

from typing import Any

COMPONENT = "newsfusion_fast_attributes"
RULER = "attribute_ruler"
LEMMATIZER = "lemmatizer"
# Past this many cached signatures the cache is emptied and refilled (bounds memory in a
# long-running process: an entry is about 170 bytes; 150 articles fill ~30,000).
MAX_CACHE = 200_000
# The bytes of one signature row: (ORTH, TAG, DEP, POS, MORPH, LEMMA), uint64 each.
KEY_BYTES = 6 * 8


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
            self.number_of[self.vocab.strings.add(key)] = number
        # The ruler's normalised attributes: {attr id: int value}, MORPH already a morphology key.
        self.updates = [dict(attrs) for attrs in ruler.attrs]
        self.indices = list(ruler.indices)
        self.TAG, self.DEP, self.POS, self.MORPH, self.LEMMA = TAG, DEP, POS, MORPH, LEMMA
        self.read_columns = [ORTH, TAG, DEP, POS, MORPH, LEMMA]
        self.write_columns = [TAG, DEP, POS, MORPH, LEMMA]
        self.cache: dict[bytes, bytes] = {}  # a signature's row -> its result row, as uint64 bytes

    def __call__(self, doc: Any) -> Any:
        import numpy

        if len(doc) == 0:
            return doc
        # Read everything before writing anything: the ruler matches all patterns against the
        # doc as the parser left it, then sets attributes.
        array = numpy.ascontiguousarray(doc.to_array(self.read_columns), dtype=numpy.uint64)
        targets = self._multi_targets(doc) if self.has_multi else {}
        cache = self.cache
        # Keys and results are the rows' bytes: an entry takes about 170 bytes instead of the
        # 560 of two tuples of Python ints (the cache holds up to MAX_CACHE entries per worker).
        # A fixed-width bytes view drops trailing zero bytes, which keeps distinct rows distinct.
        keys = array.view(f"S{KEY_BYTES}").ravel().tolist()
        results = [cache.get(key) for key in keys]
        if None in results:
            if len(cache) > MAX_CACHE:
                cache.clear()
            first_row: dict[bytes, int] = {}
            for i, (key, result) in enumerate(zip(keys, results)):
                if result is None and key not in first_row:
                    first_row[key] = i
            signatures = [tuple(array[i].tolist()) for i in first_row.values()]
            worked = self._work_out_new(signatures)
            cache.update(zip(first_row, (numpy.array(values, dtype=numpy.uint64).tobytes() for values in worked)))
            results = [cache[key] for key in keys]
        for i, numbers in targets.items():
            values = self._work_out_in_place(doc, i, array[i].tolist(), numbers)
            results[i] = numpy.array(values, dtype=numpy.uint64).tobytes()
        doc.from_array(self.write_columns, numpy.frombuffer(b"".join(results), dtype=numpy.uint64).reshape(len(keys), 5))
        return doc

    def _multi_targets(self, doc: Any) -> dict[int, list[int]]:
        """Token index -> numbers of the multi-token patterns whose match sets that token."""
        targets: dict[int, list[int]] = {}
        for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
            number = self.number_of[match_id]
            index = self.indices[number]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute ruler pattern {number}: index {index} outside its match {start}:{end}")
            targets.setdefault(target, []).append(number)
        return targets

    def _work_out_new(self, keys: list[tuple[int, ...]]) -> list[tuple[int, int, int, int, int]]:
        """Results for signatures not seen before, worked out on a scratch doc of one token each.

        The one-token patterns see only their own token, so matching them over a doc made of
        these tokens (same text, hence same LOWER and IS_SPACE; same TAG, DEP and prior
        POS/MORPH/LEMMA) finds exactly what the ruler finds for each of them in its article.
        """
        import numpy
        from spacy.tokens import Doc

        strings = self.vocab.strings
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

    def _apply(self, token: Any, key: tuple[int, ...], numbers: list[int]) -> tuple[int, int, int, int, int]:
        """(TAG, DEP, POS, MORPH, LEMMA) after applying the matched patterns and then the lemmatizer.

        `token` must carry the signature `key` (ORTH, TAG, DEP, POS, MORPH, LEMMA); its POS and
        MORPH are overwritten so the lemmatizer reads them as the ruler would leave them.
        """
        _orth, tag, dep, pos, morph, lemma = key
        values = {self.TAG: tag, self.DEP: dep, self.POS: pos, self.MORPH: morph, self.LEMMA: lemma}
        for number in sorted(numbers):  # later patterns take precedence, as in AttributeRuler.match
            values.update(self.updates[number])
        lemmatizer = self.lemmatizer
        if lemmatizer is not None and (lemmatizer.overwrite or values[self.LEMMA] == 0):
            token.pos = values[self.POS]
            token.set_morph(values[self.MORPH] or None)
            text = lemmatizer.lemmatize(token)[0]
            # Permanent: the cached hash must stay resolvable after any memory zone ends.
            values[self.LEMMA] = self.vocab.strings.add(text, allow_transient=False)
        return values[self.TAG], values[self.DEP], values[self.POS], values[self.MORPH], values[self.LEMMA]


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
