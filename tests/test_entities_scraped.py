"""Organisations of any beat, by their shape, on sentences written for this table (both scripts)."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor


@pytest.mark.parametrize("text, name", [
    ("晶宏半導體表示，第四季營收將季減5%。", "晶宏半導體"),
    ("台灣人壽因違規遭罰720萬元。", "台灣人壽"),
    ("零跑汽车表示，交付量创新高。", "零跑汽车"),
    ("晶澳科技虧損擴大。", "晶澳科技"),
])
def test_unknown_companies_by_their_shape(text, name):
    r = extractor().extract(text)
    assert (name, "ORG") in [(m.text, m.label) for m in r.mentions]


@pytest.mark.parametrize("text", ["台灣半導體產業成長。", "電動汽車銷量大增。", "日本汽車出口增加。", "中國科技公司紛紛跟進。"])
def test_industries_and_kinds_of_company_are_no_company(text):
    assert not [m for m in extractor().extract(text).mentions if m.label == "ORG"]
