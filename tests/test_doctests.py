"""The docstring examples of the public API run, and say what they show."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["h200claims", "h200claims.pipeline", "h200claims.models", "h200claims.text.read", "h200claims.text.page_date",
           "h200claims.data.lexicon", "h200claims.registry", "h200claims.tags.entity_merge", "h200claims.tags.entity_rules", "h200claims.tags.entity_movers", "h200claims.tags.entity_aliases", "h200claims.tags.entity_vocab",
           "h200claims.tags.entity_model", "h200claims.tags.entity_relabel", "h200claims.tags.entity_units", "h200claims.tags.entity_edges", "h200claims.tags.entity_markets", "h200claims.tags.entity_latin", "h200claims.tags.entity_lists", "h200claims.tags.entity_products", "h200claims.tags.ner_model", "h200claims.evaluate.ner_sets",
           "h200claims.evaluate.ner_score", "h200claims.evaluate.ner_eval", "h200claims.tags.quantity_grammar",
           "h200claims.tags.quantity_rules", "h200claims.tags.quantity_dates", "h200claims.tags.quantity_nouns", "h200claims.tags.quantity_fiscal",
           "h200claims.claims.measure", "h200claims.claims.subject", "h200claims.claims.comparison",
           "h200claims.evaluate.gold_spec", "h200claims.output.html", "h200claims.text.script",
           "h200claims.tags.quote_speakers", "h200claims.tags.quote_words", "h200claims.corpus.identity", "h200claims.corpus.rows",
           "h200claims.corpus.schema", "h200claims.corpus.batch", "h200claims.corpus.store", "h200claims.corpus.query"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(name)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL
    res = doctest.testmod(mod, optionflags=flags, verbose=False)
    assert res.failed == 0
    if name in ("h200claims", "h200claims.pipeline", "h200claims.models", "h200claims.text.read"):
        assert res.attempted > 0
