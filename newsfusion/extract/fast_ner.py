"""The model's own NER network, decoded without testing every move at every token.

spaCy's entity recognizer is a greedy transition system (BILUO moves: Begin, In, Last, Unit
for each of 18 labels, plus Out). At each token it scores all 74 moves with the network and
then, in compiled code, asks each of the 74 whether it is valid in the current state before
taking the best valid one. On this CPU that validity scan is about 45% of the recognizer's
time (py-spy, 60 allsides articles): far more than the network itself.

Without preset entities (our docs never carry any) the valid moves depend on very little:

- outside an entity: Out; Unit of any label unless the token is whitespace; Begin of any
  label unless the token is whitespace, is the doc's last, or the next token starts a
  sentence;
- inside an entity of label L: In(L) unless this is the last token or the next one starts a
  sentence, and Last(L).

Outside an entity the network's input depends only on the current token (the entity slots
are padding), so the best valid move at every token is found for the whole doc at once with
one matrix product. Inside an entity only In(L) and Last(L) need scoring. The result is the
model's own greedy decision at every step: the same layers and weights, the same float32 sums
in the same order, ties to the lower-numbered move as spaCy's `arg_max_if_valid` does.
`tests/unit/test_nlp_fast_ner.py` checks the entities against the model's own recognizer.

`install(nlp)` swaps the component in only when `unsupported_reason` finds nothing it cannot
reproduce (another transition system, a beam, other feature templates, unseen classes);
docs that arrive with entities already set go to the model's own recognizer.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.tokens import Span
from spacy.util import minibatch

COMPONENT = "newsfusion_fast_ner"
NER = "ner"

_OUT, _BEGIN, _IN, _LAST, _UNIT = range(5)
_KINDS = {"O": _OUT, "B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT}


def _move(name: str) -> tuple[int, str]:
    if name == "O":
        return _OUT, ""
    prefix, _, label = name.partition("-")
    return _KINDS[prefix], label


def unsupported_reason(ner: Any) -> str:
    """Why `FastNER` could not reproduce this recognizer exactly ('' if it can)."""
    moves = getattr(ner, "moves", None)
    model = getattr(ner, "model", None)
    if moves is None or model is None or type(moves).__name__ != "BiluoPushDown":
        return "not a spaCy entity recognizer with BILUO moves"
    if getattr(ner, "cfg", {}).get("beam_width", 1) != 1:
        return "the recognizer decodes with a beam"
    try:
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        n_features, n_pieces = lower.get_dim("nF"), lower.get_dim("nP")
        unseen = model.attrs.get("unseen_classes") or set()
        has_upper = model.attrs.get("has_upper", True)
    except (KeyError, ValueError, AttributeError) as error:
        return f"unexpected model layout ({error})"
    if any(name.partition("-")[0] not in _KINDS for name in names):
        return "a move other than B, I, L, U and O"
    if n_features != 3 or n_pieces < 2 or not has_upper:
        return "feature templates or layers other than the BILUO model's"
    if unseen:
        return "the model has unseen classes"
    if upper.get_dim("nO") != len(names):
        return "the output layer does not match the moves"
    return ""


class FastNER:
    """Sets `doc.ents` exactly as the model's entity recognizer would, greedily, in less time."""

    def __init__(self, ner: Any) -> None:
        reason = unsupported_reason(ner)
        if reason:
            raise ValueError(f"{COMPONENT} cannot stand in for this recognizer: {reason}")
        self.ner = ner
        self.vocab = ner.vocab
        model = ner.model
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        upper = model.get_ref("upper")
        self.weights = numpy.ascontiguousarray(upper.get_param("W"), dtype="float32")
        self.bias = numpy.ascontiguousarray(upper.get_param("b"), dtype="float32")
        self.feature_bias = numpy.ascontiguousarray(self.lower.get_param("b"), dtype="float32")
        moves = [_move(ner.moves.get_class_name(i)) for i in range(ner.moves.n_moves)]
        self.kinds = [kind for kind, _ in moves]
        self.labels = [self.vocab.strings.add(label) if label else 0 for _, label in moves]
        self.out = self.kinds.index(_OUT)
        self.begin = numpy.array([kind == _BEGIN and label != 0 for kind, label in zip(self.kinds, self.labels)])
        self.unit = numpy.array([kind == _UNIT and label != 0 for kind, label in zip(self.kinds, self.labels)])
        self.in_of = {label: i for i, (kind, label) in enumerate(zip(self.kinds, self.labels)) if kind == _IN}
        self.last_of = {label: i for i, (kind, label) in enumerate(zip(self.kinds, self.labels)) if kind == _LAST}

    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Any, *, batch_size: int = 256) -> Any:
        """As spaCy's recognizer: batches sorted by length, predicted in quarters of the batch."""
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            by_length = sorted(batch, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from batch

    def _annotate(self, docs: list[Any]) -> None:
        preset, docs = _split(doc for doc in docs if len(doc))
        if preset:
            self.ner.set_annotations(preset, self.ner.predict(preset))
        if not docs:
            return
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)  # row 0: padding; row 1 + i: token i of the batch
        offset = 0
        for doc in docs:
            self._decode(doc, cached, offset)
            offset += len(doc)

    def _decode(self, doc: Any, cached: Any, offset: int) -> None:
        n = len(doc)
        rows = cached[offset + 1 : offset + 1 + n]  # (n, 3 features, hidden, pieces)
        padding = cached[0]
        attrs = doc.to_array([IS_SPACE, SENT_START]).astype("int64")
        is_space = attrs[:, 0] != 0
        starts_sentence = attrs[:, 1] == 1
        next_starts = numpy.ones(n, dtype=bool)  # the last token has no next: no Begin, no In
        next_starts[:-1] = starts_sentence[1:]
        # Outside an entity: features (token, padding, padding), summed in spaCy's order.
        unmaxed = ((rows[:, 0] + padding[1]) + padding[2]) + self.feature_bias
        scores = unmaxed.max(axis=2) @ self.weights.T
        scores += self.bias
        allowed = numpy.zeros(scores.shape, dtype=bool)
        allowed[:, self.out] = True
        allowed[~is_space] |= self.unit
        allowed[~is_space & ~next_starts] |= self.begin
        scores[~allowed] = -numpy.inf
        choice = scores.argmax(axis=1)  # the first of equal best, as spaCy's arg_max_if_valid
        entities = []
        kinds, labels, out = self.kinds, self.labels, self.out
        for t in numpy.flatnonzero(choice != out).tolist():
            if entities and t < entities[-1][1]:
                continue  # inside an entity taken below
            move = int(choice[t])
            if kinds[move] == _UNIT:
                entities.append((t, t + 1, labels[move]))
                continue
            start, label = t, labels[move]
            end = self._entity_end(rows, start, label, next_starts)
            entities.append((start, end, label))
        doc.set_ents([Span(doc, start, end, label=label) for start, end, label in entities], default="outside")

    def _entity_end(self, rows: Any, start: int, label: int, next_starts: Any) -> int:
        """Past the entity begun at `start`: at each token In(label) or Last(label), whichever scores higher."""
        in_move, last_move = self.in_of[label], self.last_of[label]
        pair = self.weights[[in_move, last_move]]
        pair_bias = self.bias[[in_move, last_move]]
        first = in_move < last_move
        t = start + 1
        while True:
            if next_starts[t]:
                return t + 1  # In is not allowed: Last
            # Inside: features (token, entity start, previous token), summed in spaCy's order.
            unmaxed = ((rows[t, 0] + rows[start, 1]) + rows[t - 1, 2]) + self.feature_bias
            score_in, score_last = unmaxed.max(axis=1) @ pair.T + pair_bias
            takes_in = score_in >= score_last if first else score_in > score_last
            if not takes_in:
                return t + 1
            t += 1


def _split(docs: Any) -> tuple[list[Any], list[Any]]:
    """The docs that arrive with entities already set, and the others."""
    preset: list[Any] = []
    bare: list[Any] = []
    for doc in docs:
        (preset if doc.to_array(ENT_IOB).any() else bare).append(doc)
    return preset, bare


def register() -> None:
    from spacy.language import Language

    if Language.has_factory(COMPONENT):
        return

    @Language.factory(COMPONENT)
    def make_fast_ner(nlp: Any, name: str) -> FastNER:
        return FastNER(nlp.get_pipe(NER))


def install(nlp: Any) -> bool:
    """Put the fast decoder in the recognizer's place; returns whether it did.

    The model's recognizer stays loaded (disabled): the decoder uses its layers and sends it
    any doc that arrives with entities already set.
    """
    if NER not in nlp.pipe_names or unsupported_reason(nlp.get_pipe(NER)):
        return False
    register()
    nlp.add_pipe(COMPONENT, after=NER)
    nlp.disable_pipe(NER)
    return True
