"""Word segmenters. Each runs on the matching view and returns (start, end) spans that tile the text.

jieba (default) loads the project's lexicon as its user dictionary; pkuseg (spacy-pkuseg) takes a
model path the user gives. Because the view has the length of the original, token offsets are
offsets into the original text, and a Traditional article and its Simplified twin get the same
tokens.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from h200claims.data import lexicon


class Segmenter(Protocol):
    name: str

    def __call__(self, view: str) -> list[tuple[int, int]]: ...


class JiebaSegmenter:
    name = "jieba"

    def __init__(self, hmm: bool = False) -> None:
        self.hmm = hmm
        self.tok = _jieba_tokenizer()

    def __call__(self, view: str) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.tok.tokenize(view, HMM=self.hmm)]


@lru_cache(maxsize=1)
def _jieba_tokenizer():  # type: ignore[no-untyped-def]
    """One jieba tokenizer per process, with the lexicon's names added as words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for name in lexicon.view_names():
        if len(name) > 1:
            tok.add_word(name, freq=max(tok.suggest_freq(name, tune=False), 1000))
    return tok


class PkusegSegmenter:
    name = "pkuseg"

    def __init__(self, model: str | Path) -> None:
        import spacy_pkuseg

        if not Path(model).exists():
            raise FileNotFoundError(f"pkuseg model not found: {model}")
        self.seg = spacy_pkuseg.pkuseg(model_name=str(model), user_dict=None)

    def __call__(self, view: str) -> list[tuple[int, int]]:
        return align(view, self.seg.cut(view))


def align(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` in ``text``, in order; skipped characters become tokens of their own."""
    out: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        i = text.find(w, pos)
        if i < 0:
            continue
        out.extend((k, k + 1) for k in range(pos, i) if not text[k].isspace())
        out.extend(_gap(text, pos, i))
        out.append((i, i + len(w)))
        pos = i + len(w)
    out.extend(_gap(text, pos, len(text)))
    out.extend((k, k + 1) for k in range(pos, len(text)) if not text[k].isspace())
    return sorted(set(out))


def _gap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Whitespace between words as one token, so tokens tile the text."""
    return [(a, b)] if b > a and text[a:b].isspace() else []


def make_segmenter(name: str = "jieba", model: str | Path | None = None, hmm: bool = False) -> Segmenter:
    if name == "jieba":
        return JiebaSegmenter(hmm=hmm)
    if name == "pkuseg":
        if model is None:
            raise ValueError("segmenter='pkuseg' needs pkuseg_model=<path to a trained model>")
        return PkusegSegmenter(model)
    raise ValueError(f"unknown segmenter {name!r} (jieba or pkuseg)")
