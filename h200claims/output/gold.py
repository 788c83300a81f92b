"""ArticleClaims -> the gold JSON format (docs/annotation.md)."""
from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from h200claims.text.script import to_simplified

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims

QUANTITY_KEYS = ("kind", "value", "unit", "approx", "bound", "low", "high", "from_value", "to_value")


def to_gold(result: "ArticleClaims") -> dict[str, Any]:
    about = {c.quantity.start: c.measure for c in result.claims if c.type == "quantity"}
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
             "about": about.get(q.start)}
            for q in result.quantities
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "speaker": q.speaker,
             "speaker_text": q.speaker_text, "cue": q.cue, "via": q.via}
            for q in result.quotes
        ],
    }
