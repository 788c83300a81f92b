"""spaCy over our tokens: a `zh` Language whose tokenizer is our segmenter.

``nlp = spacy_nlp()`` gives a blank spaCy Chinese pipeline; ``nlp(text)`` and ``nlp.pipe(texts)``
make Docs whose tokens are the segmenter's, over the original text, so Matcher, Span and
displacy work on them.
"""
from __future__ import annotations

from typing import Any

from h200claims.text.script import simplified_view
from h200claims.tokens.segmenter import Segmenter, make_segmenter


class SegmenterTokenizer:
    def __init__(self, vocab: Any, segmenter: Segmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str) -> Any:
        return make_doc(self.vocab, text, self.segmenter(simplified_view(text)))

    # spaCy serialisation hooks: the segmenter is rebuilt from its own data
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> "SegmenterTokenizer":
        return self


def make_doc(vocab: Any, text: str, spans: list[tuple[int, int]]) -> Any:
    """A spaCy Doc over ``text`` with exactly the given token spans (which tile the text)."""
    from spacy.tokens import Doc

    words = [text[s:e] for s, e in spans]
    return Doc(vocab, words=words, spaces=[False] * len(words))


def spacy_nlp(segmenter: Segmenter | None = None) -> Any:
    import spacy

    nlp = spacy.blank("zh")
    nlp.tokenizer = SegmenterTokenizer(nlp.vocab, segmenter or make_segmenter())
    return nlp
