"""assert_extracts: one-line checks for rule writers.

    assert_extracts("盧特尼克表示，…", quotes=[{"text": "…", "speaker_text": "盧特尼克"}])

Each expected item is a dict of fields; an item matches an extracted one when every given
field is equal (floats within 0.5%). Extra extracted items are allowed unless ``exact=True``.
"""
from __future__ import annotations

from typing import Any

from h200claims import ArticleClaims, Extractor
from h200claims.pipeline import default_extractor


def extractor() -> Extractor:
    """The shared default extractor (dictionaries loaded once per process)."""
    return default_extractor()


def _eq(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None:
            return a is b
        return abs(float(a) - float(b)) <= 0.005 * max(abs(float(a)), abs(float(b)), 1e-9)
    return a == b


def _matches(item: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(_eq(item.get(k), v) for k, v in want.items())


def assert_extracts(text: str, *, date: str | None = None, exact: bool = False, **expected: list[dict[str, Any]]) -> ArticleClaims:
    result = extractor().extract(text, date=date)
    got = {
        "quantities": [q.model_dump() for q in result.quantities],
        "quotes": [q.model_dump() for q in result.quotes],
        "mentions": [m.model_dump() for m in result.mentions],
        "entities": [e.model_dump(exclude={"mentions"}) for e in result.entities],
        "claims": [c.model_dump() for c in result.claims],
    }
    for group, wants in expected.items():
        items = got[group]
        for want in wants:
            assert any(_matches(i, want) for i in items), f"{group}: no match for {want}\n got: {items}"
        if exact:
            assert len(items) == len(wants), f"{group}: expected {len(wants)} items, got {len(items)}: {items}"
    return result
