"""Claims-stage component."""
from __future__ import annotations

from h200claims.claims.build import build_claims
from h200claims.doc import Doc
from h200claims.registry import component


@component("claims", requires=["entities"], assigns=["claims"])
def claims(doc: Doc) -> None:
    doc.claims = build_claims(doc)
