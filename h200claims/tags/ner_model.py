"""The trained NER model: a linear-chain CRF over the characters of the Simplified view.

Why a CRF and not spaCy's ``ner``: measured here, a spaCy CNN NER (width 64, depth 2) runs at
21-28 kchar/s and reached MSRA F1 0.58 after 8 minutes, while this CRF (python-crfsuite, C++)
trains on all the data in well under an hour on 2 cores and tags at the speed the pipeline needs;
the figures are in ``docs/model_card.md``. The model is data (``data/models/ner.crfsuite``) plus a
config (``data/models/ner.json``), made by ``tools/train_ner.py``.

Features are the characters around each position and the jieba tokens our segmenter makes on the
same view (the same function at training and at run time, so train-time and run-time tokens
agree: a test checks it).

    >>> from h200claims.tags import ner_model
    >>> spans = ner_model.tag_sentence("美国商务部长卢特尼克表示")   # doctest: +SKIP
    >>> [(s, e, label) for s, e, label in spans]                  # doctest: +SKIP
    [(0, 5, 'ORG'), (6, 10, 'PER')]
"""
from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from h200claims import data

#: the labels the model emits (the external sets' own); the pipeline maps them to ours
LABELS = ("PER", "ORG", "LOC")


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """The shipped model's config: feature set, labels, training data (its card is in docs/)."""
    return data.load_json("models/ner.json")  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _char_sets() -> tuple[frozenset[str], frozenset[str]]:
    from h200claims.tags.entity_vocab import vocab

    voc = vocab()
    return voc.surnames, voc.translit


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "h"
    if ch.isdigit():
        return "d"
    if ch.isascii() and ch.isalpha():
        return "l"
    if ch.isspace():
        return "s"
    return "p"


def features(view: str, tokens: list[tuple[int, int]]) -> list[list[str]]:
    """One feature list per character of ``view`` (a sentence), from ``tokens`` that tile it.

    >>> f = features("王五说", [(0, 2), (2, 3)])
    >>> "c0=王" in f[0] and "wp=B2" in f[0] and "nw=说" in f[1]
    True
    """
    n = len(view)
    surnames, translit = _char_sets()
    chars = ["^", "^"] + [("0" if c.isdigit() else c) for c in view] + ["$", "$"]
    tok_of = [0] * n
    for k, (s, e) in enumerate(tokens):
        for i in range(s, e):
            tok_of[i] = k
    words = [view[s:e] for s, e in tokens]
    kinds = ["p"] + [_kind(ch) for ch in view] + ["$"]  # kinds[i + 1] is view[i]'s; '^' before reads as 'p'
    out = []
    for i in range(n):
        j = i + 2
        c_2, c_1, c0, c1, c2 = chars[j - 2], chars[j - 1], chars[j], chars[j + 1], chars[j + 2]
        k = tok_of[i]
        s, e = tokens[k]
        ln = e - s
        pos = "S" if ln == 1 else ("B" if i == s else ("E" if i == e - 1 else "M"))
        w = words[k]
        f = [
            "c0=" + c0, "c-1=" + c_1, "c1=" + c1, "c-2=" + c_2, "c2=" + c2,
            "b-1=" + c_1 + c0, "b0=" + c0 + c1, "b-2=" + c_2 + c_1, "b1=" + c1 + c2, "t=" + c_1 + c1,
            "wp=" + pos + str(min(ln, 4)),
            "w=" + (w if ln <= 6 else "<long>"),
            "pw=" + (words[k - 1] if k > 0 else "^"),
            "nw=" + (words[k + 1] if k + 1 < len(words) else "$"),
            "k=" + kinds[i] + kinds[i + 1] + kinds[i + 2],
        ]
        if view[i] in surnames:
            f.append("sur" + pos)
        if view[i] in translit:
            f.append("tr")
        out.append(f)
    return out


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) spans of a BIO tag sequence; a stray I- starts a span.

    >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or (t.startswith("I-") and t[2:] != label):
            if start >= 0:
                out.append((start, i, label))
                start, label = -1, ""
            if t != "O":
                start, label = i, t[2:]
    return out


_LOCAL = threading.local()


def _tagger() -> Any:
    """One pycrfsuite.Tagger per thread, opened on the shipped model file (lazily, once)."""
    tagger = getattr(_LOCAL, "tagger", None)
    if tagger is None:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        with data.as_file("models/" + config()["model_file"]) as p:
            tagger.open(str(p))
        _LOCAL.tagger = tagger
    return tagger


def tag_scored(view: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
    """(start, end, label, confidence) for each span the model finds in one sentence of the view;
    the confidence is the lowest marginal probability of the span's tags (the CRF's own)."""
    if not view:
        return []
    tagger = _tagger()
    tags = tagger.tag(features(view, tokens))
    return [(s, e, lab, min(tagger.marginal(tags[i], i) for i in range(s, e))) for s, e, lab in bio_spans(list(tags))]


def outside_probability(start: int, end: int) -> float:
    """After :func:`tag_scored` on a sentence: the lowest probability, over view[start:end] of that
    sentence, that the character is outside every name (``O``). High means the model is sure
    there is no name there."""
    tagger = _tagger()
    return min(tagger.marginal("O", i) for i in range(start, end))


def tag(view: str, tokens: list[tuple[int, int]], min_confidence: float = 0.0) -> list[tuple[int, int, str]]:
    """Entity spans the model finds in one sentence of the view, given its tokens, keeping those
    whose confidence (see :func:`tag_scored`) is at least ``min_confidence``."""
    return [(s, e, lab) for s, e, lab, conf in tag_scored(view, tokens) if conf >= min_confidence]


def tag_sentence(view: str) -> list[tuple[int, int, str]]:
    """Segment ``view`` with the default segmenter, then :func:`tag` it (for notebooks and tools)."""
    return tag(view, _default_segmenter()(view))


@lru_cache(maxsize=1)
def _default_segmenter() -> Any:
    from h200claims.tokens.segmenter import make_segmenter

    return make_segmenter("jieba")
