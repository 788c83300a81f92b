"""A market report's movers (tags/entity_movers.py): companies named by the move of their shares,
and what markets move that is no company. Sentences written for these tests, in both scripts."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor
from h200claims.text.script import to_simplified


def orgs(text: str) -> list[str]:
    return [m.text for m in extractor().extract(text).mentions if m.label == "ORG"]


MOVERS = [
    ("藍籌股方面，東岸光電收市跌3.8%表現最差。", ["東岸光電"]),
    ("北辰旅遊則逆市反彈2.1%，是表現最好的藍籌。", ["北辰旅遊"]),
    ("內房股受壓，遠航置業及南港發展跌2%。", ["遠航置業", "南港發展"]),
    ("宏遠精工曾挫12%，低見1.05元。", ["宏遠精工"]),
    ("科技股偏軟，鼎新網絡、華聯軟件各跌1.5%。", ["鼎新網絡", "華聯軟件"]),
    ("收市報1.06元。東岸光電股價今早跌穿8元，創15年新低。", ["東岸光電"]),
]
NOT_MOVERS = [
    "恒指跌1.2%，國指跌1.5%，大市成交額跌8%。",
    "公司營收按年上升15%，淨利同比上升8%。",
    "出口跌5%，房價升3%。",
    "電費每度調升3.2仙，金價跌1%。",
]


@pytest.mark.parametrize("text, names", MOVERS + [(to_simplified(t), [to_simplified(n) for n in ns]) for t, ns in MOVERS])
def test_a_mover_is_a_company(text, names):
    found = orgs(text)
    for n in names:
        assert n in found, found


@pytest.mark.parametrize("text", NOT_MOVERS + [to_simplified(t) for t in NOT_MOVERS])
def test_what_markets_move_is_no_company(text):
    assert not [m for m in extractor().extract(text).mentions if m.rule == "stock_mover"]
