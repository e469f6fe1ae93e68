"""The spaCy model multiplies matrices through numpy's BLAS (extract/nlp.py, GEMM_THROUGH_NUMPY);
its analyses must be exactly those of the same model running on blis."""

from __future__ import annotations

import pytest

from newsfusion.extract.nlp import MODEL_PACKAGES, load_nlp

TEXT = (
    "Azerbaijan launched what it called anti-terrorist measures in Nagorno-Karabakh on Tuesday, "
    "and Armenia's prime minister Nikol Pashinyan said 32 people had been killed.\n\n"
    "\u201cWe will not be drawn into hostilities,\u201d he told the cabinet in Yerevan, as the "
    "European Union and the United States called for an immediate halt. Russia's peacekeepers, "
    "about 2,000 of them since 2020, said they had evacuated 2,261 civilians."
)


def _analyses(nlp):
    doc = nlp(TEXT)
    return (
        [(token.tag_, token.dep_, token.head.i, token.lemma_) for token in doc],
        [(entity.start, entity.end, entity.label_) for entity in doc.ents],
    )


def _model_on_blis():
    import spacy
    from thinc.api import use_ops

    for name in MODEL_PACKAGES:
        try:
            with use_ops("numpy", use_blis=True):
                return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy model installed")


def test_every_layer_multiplies_through_numpy():
    nlp = load_nlp(())
    for name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model.ops, "use_blis"):
            assert model.ops.use_blis is False, name


def test_same_tags_parse_lemmas_and_entities_as_on_blis():
    ours = load_nlp((), fast_attributes=False)
    assert _analyses(ours) == _analyses(_model_on_blis())
