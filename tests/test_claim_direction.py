"""Which way a change goes and against what, on the quantity claim (the value stays as written)."""
from __future__ import annotations

import pytest

from h200claims import Extractor, to_simplified

# (sentence, quantity text, direction, basis)
TABLE = [
    ("台積電第三季營收年增22.3%，創下新高。", "22.3%", "up", "year_on_year"),
    ("毛利率季減1.2個百分點，低於預期。", "1.2個百分點", "down", "previous_period"),
    ("今年前十月出口同比下降了5.5%。", "5.5%", "down", "year_on_year"),
    ("上月進口環比增長約3%。", "約3%", "up", "previous_period"),
    ("營收較去年同期減少約12%。", "約12%", "down", "year_on_year"),
    ("公司將售價從1,500元上調至1,650元。", "1,500元上調至1,650元", "up", None),
    ("雙方差距從原本約10倍縮小至最多5倍。", "約10倍縮小至最多5倍", "down", None),
    ("分析師預估，明年獲利可望成長兩成。", "兩成", "up", None),
    ("該國人口約2300萬人。", "約2300萬人", None, None),
    ("這家工廠僱用了350名員工。", "350名員工", None, None),
]


@pytest.mark.parametrize("text,span,direction,basis", TABLE, ids=[r[1] for r in TABLE])
def test_direction_and_basis(text, span, direction, basis):
    for t, s in ((text, span), (to_simplified(text), to_simplified(span))):
        claims = [c for c in Extractor().extract(t, date="2025-12-10").claims if c.type == "quantity"]
        hit = next((c for c in claims if c.quantity.text == s), None)
        assert hit is not None, (t, [c.quantity.text for c in claims])
        assert (hit.direction, hit.basis) == (direction, basis), (t, hit.direction_text)
        if direction is not None:
            assert hit.quantity.value is None or hit.quantity.value > 0  # the value as written, positive
