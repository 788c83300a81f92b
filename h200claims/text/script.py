"""The matching view: Simplified script, half-width digits and letters, same length as the input.

Every character of the input maps to exactly one character of the view, so an offset found in
the view is an offset in the original. Lexicons, cue words and patterns are written once, in
Simplified script with ASCII digits, and serve both scripts.
"""
from __future__ import annotations

import unicodedata

from functools import lru_cache

from h200claims import data


@lru_cache(maxsize=1)
def table() -> dict[int, str]:
    """str.translate table: Traditional -> Simplified, full-width ASCII and small forms -> ASCII."""
    t: dict[int, str] = {ord(src): dst for src, dst in data.read_tsv("t2s.tsv")}
    for cp in range(0xFF01, 0xFF5F):  # ！..～ full-width forms
        t[cp] = chr(cp - 0xFEE0)
    for cp in range(0xFE50, 0xFE6C):  # small forms: ﹒ is a decimal point in 9﹒3萬 (Macau and HK pages)
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1:
            t[cp] = folded
    return t


def simplified_view(text: str) -> str:
    """The view used for matching; ``len(view) == len(text)`` always."""
    view = text.translate(table())
    assert len(view) == len(text)
    return view


def to_simplified(text: str) -> str:
    """Traditional -> Simplified only (no width folding): for users and tests that convert articles."""
    t = {k: v for k, v in table().items() if not (0xFF01 <= k < 0xFF5F or 0xFE50 <= k < 0xFE6C)}
    return text.translate(t)


def is_traditional(text: str, head: int = 2000) -> bool:
    """Whether an article is written in Traditional script: more than 5 (or 5% of) the Han
    characters of its first ``head`` characters change in the Simplified view.

    >>> is_traditional("輝達執行長黃仁勳表示"), is_traditional("英伟达首席执行官黄仁勋表示")
    (True, False)
    """
    view = simplified_view(text[:head])
    han = [(a, b) for a, b in zip(text[:head], view) if "\u4e00" <= a <= "\u9fff"]
    changed = sum(1 for a, b in han if a != b)
    return changed > 5 or bool(han and changed / len(han) >= 0.05)
