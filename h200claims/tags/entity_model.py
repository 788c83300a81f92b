"""The trained model in the loop: the CRF tagger (``ner_model``) proposes names in every sentence.

Its spans become candidates with the rule ``model:crf``; the merge policy (``entity_merge``)
decides where they may stand beside the lexicon's and the rules'. The external sets' labels map to
ours through ``model`` in ``data/pipeline.json``: PER → PERSON, ORG → ORG, and LOC → GPE only for
places that are political units (a name ending in a natural-feature or building word, 山, 河,
機場, is not one).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from h200claims.doc import Doc, MentionCandidate
from h200claims.tags import ner_model
from h200claims.tags.entity_rules import rule
from h200claims.tags.entity_vocab import name_key
from h200claims.text.script import simplified_view as v

RULE = "model:crf"


@lru_cache(maxsize=4)
def _not_gpe(endings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v(x) for x in endings)


@lru_cache(maxsize=1)
def _currencies() -> tuple[str, ...]:
    """Currency names (新台幣, 美元) from the number grammar's data: amounts, not names."""
    from h200claims import data

    cfg = data.load_json("quantities.json")
    return tuple(sorted({v(c) for c in list(cfg["currencies_pre"]) + list(cfg["currencies_post"])}, key=len))


def map_label(label: str, name: str, cfg: dict[str, Any]) -> str | None:
    """Our label for a model span, or None to drop it.

    >>> cfg = {"labels": {"PER": "PERSON", "LOC": "GPE"}, "not_gpe_endings": ["山", "機場"], "min_chars": 2}
    >>> map_label("LOC", "阿里山", cfg), map_label("LOC", "慕尼黑", cfg), map_label("PER", "王", cfg)
    (None, 'GPE', None)
    >>> map_label("ORG", "新台幣", {"labels": {"ORG": "ORG"}, "not_gpe_endings": [], "min_chars": 2}) is None
    True
    """
    ours = cfg["labels"].get(label)
    if ours is None or len(name) < cfg["min_chars"]:
        return None
    if ours == "GPE" and name.endswith(_not_gpe(tuple(cfg["not_gpe_endings"]))):
        return None
    if v(name).endswith(_currencies()):
        return None
    return ours


def _tiling(tokens: list[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """Tokens of [s, e) relative to s, with any gap filled by one-character tokens."""
    out: list[tuple[int, int]] = []
    pos = s
    for a, b in tokens:
        out.extend((i - s, i - s + 1) for i in range(pos, a))
        out.append((a - s, b - s))
        pos = b
    out.extend((i - s, i - s + 1) for i in range(pos, e))
    return out


@rule("model")
def model_names(doc: Doc) -> list[MentionCandidate]:
    cfg = doc.settings["model"]
    out = []
    view = doc.view
    for s, e in doc.sentences:
        sent = view[s:e]
        if not any("\u4e00" <= ch <= "\u9fff" for ch in sent):
            continue
        for a, b, label in ner_model.tag(sent, _tiling(doc.tokens_in(s, e), s, e)):
            name = sent[a:b].strip()
            ours = map_label(label, name, cfg)
            if ours is not None and name == sent[a:b]:
                out.append(MentionCandidate(s + a, s + b, ours, RULE, name_key(name), priority=0))
    return out
