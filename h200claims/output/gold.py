"""ArticleClaims -> the gold JSON format (docs/annotation.md)."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from h200claims.text.script import to_simplified

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims

QUANTITY_KEYS = ("kind", "value", "unit", "approx", "bound", "low", "high", "from_value", "to_value")


def to_gold(result: "ArticleClaims") -> dict[str, Any]:
    claims = {c.quantity.start: c for c in result.claims if c.type == "quantity"}
    return {
        "article": result.source.rsplit("/", 1)[-1] if result.source else None,
        "sha256": hashlib.sha256(result.text.encode("utf-8")).hexdigest(),
        "date": result.date,
        "body": [list(r) for r in result.body],
        "entities": [
            {"id": e.id, "label": e.label, "canonical": e.name if e.name.isascii() else to_simplified(e.name), "titles": list(e.titles),
             "affiliation": e.affiliation}
            for e in result.entities
        ],
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "entity": m.entity, "label": m.label}
            for m in result.mentions
        ],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, **{k: getattr(q, k) for k in QUANTITY_KEYS},
             **_claim_fields(claims.get(q.start))}
            for q in result.quantities
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
             "speaker_text": q.speaker_text, "cue": q.cue, "via": q.via}
            for q in result.quotes
        ],
    }


def _claim_fields(claim: Any) -> dict[str, Any]:
    """A quantity's claim layer in the gold format: the article's own voice is a null source."""
    if claim is None:  # dates carry no claim
        return {"about": None, "subject": None, "source": None, "measure": None}
    source = None if claim.source == "article" else claim.source
    return {"about": claim.measure, "subject": claim.subject, "source": source, "measure": claim.measure}
