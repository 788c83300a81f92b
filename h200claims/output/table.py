"""Claims as a pandas DataFrame (pandas is optional: pip install 'h200claims[dataframe]')."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from h200claims.models import ArticleClaims


def claim_rows(result: "ArticleClaims") -> list[dict[str, Any]]:
    names = {e.id: e.name for e in result.entities}
    rows = []
    for c in result.claims:
        row: dict[str, Any] = {"source_file": result.source, "type": c.type, "start": c.evidence.start,
                               "end": c.evidence.end, "sentence": result.text[c.sentence.start:c.sentence.end]}
        if c.type == "quote":
            row.update(who=c.speaker, who_name=names.get(c.speaker or "", c.speaker_text), kind=c.kind,
                       content=c.content, cue=c.cue, via=c.via)
        else:
            q = c.quantity
            row.update(who=c.source, who_name=names.get(c.source or "", c.source_text or c.source), kind=q.kind,
                       content=q.text, value=q.value, unit=q.unit, approx=q.approx, bound=q.bound,
                       from_value=q.from_value, to_value=q.to_value, measure=c.measure, subject=c.subject,
                       comparison=c.comparison)
        rows.append(row)
    return rows


def to_dataframe(result: "ArticleClaims") -> Any:
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe() needs pandas: pip install 'h200claims[dataframe]'") from e
    return pd.DataFrame(claim_rows(result))
