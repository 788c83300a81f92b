"""Text-stage pipeline components: body, paragraphs and sentences."""
from __future__ import annotations

from h200claims.doc import Doc
from h200claims.registry import component
from h200claims.text.body import detect_body
from h200claims.text.segment import paragraphs, sentences


@component("body", assigns=["body"])
def body(doc: Doc) -> None:
    doc.body = detect_body(doc.view, doc.content_start)


@component("whole_body", assigns=["body"])
def whole_body(doc: Doc) -> None:
    """The whole text is the body (text already clean: a sentence, a paragraph, an NER test set)."""
    doc.body = [(doc.content_start, len(doc.text))] if len(doc.text) > doc.content_start else []


@component("sentences", requires=["body"], assigns=["paragraphs", "sentences"])
def split_sentences(doc: Doc) -> None:
    doc.paragraphs = paragraphs(doc.text, doc.body)
    doc.sentences = [s for p in doc.paragraphs for s in sentences(doc.text, p)]
