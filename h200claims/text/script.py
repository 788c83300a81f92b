"""The matching view: Simplified script, half-width digits and letters, same length as the input.

Every character of the input maps to exactly one character of the view, so an offset found in
the view is an offset in the original. Lexicons, cue words and patterns are written once, in
Simplified script with ASCII digits, and serve both scripts.
"""
from __future__ import annotations

from functools import lru_cache

from h200claims import data


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """str.translate table: Traditional -> Simplified, full-width ASCII -> ASCII."""
    t: dict[int, str] = {ord(src): dst for src, dst in data.read_tsv("t2s.tsv")}
    for cp in range(0xFF01, 0xFF5F):  # ！..～ full-width forms
        t[cp] = chr(cp - 0xFEE0)
    return t


def simplified_view(text: str) -> str:
    """The view used for matching; ``len(view) == len(text)`` always."""
    view = text.translate(table())
    assert len(view) == len(text)
    return view


def to_simplified(text: str) -> str:
    """Traditional -> Simplified only (no width folding): for users and tests that convert articles."""
    t = {k: v for k, v in table().items() if not 0xFF01 <= k < 0xFF5F}
    return text.translate(t)
