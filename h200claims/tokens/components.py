"""Token-stage pipeline component."""
from __future__ import annotations

from h200claims.doc import Doc
from h200claims.registry import component
from h200claims.tokens.segmenter import Segmenter, make_segmenter

_SEGMENTERS: dict[tuple[str, str | None, bool, tuple[str, ...]], Segmenter] = {}


def segmenter_for(doc: Doc) -> Segmenter:
    key = (doc.settings["segmenter"], doc.settings["pkuseg_model"], doc.settings["hmm"], doc.lexicon.key)
    if key not in _SEGMENTERS:
        _SEGMENTERS[key] = make_segmenter(*key)
    return _SEGMENTERS[key]


@component("tokens", requires=["paragraphs"], assigns=["tokens"])
def tokens(doc: Doc) -> None:
    """Segment the body paragraphs (in the view) into tokens with original offsets."""
    seg = segmenter_for(doc)
    out: list[tuple[int, int]] = []
    for a, b in doc.paragraphs:
        out.extend((a + s, a + e) for s, e in seg(doc.view[a:b]))
    doc.set_tokens(out)
