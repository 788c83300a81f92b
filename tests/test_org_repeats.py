"""An organisation named once is found again where the article names it bare or by its short form
(tags/entity_aliases.py), both scripts; a short form that is a common word is not."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor


def mentions_of(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in extractor().extract(text).mentions]


@pytest.mark.parametrize("text, short", [
    ("大華銀行公布業績。大華第三季核心淨利增加5%。", "大華"),
    ("大华银行公布业绩。大华第三季核心净利增加5%。", "大华"),
    ("香港快運全年載客量錄得700萬人次。快運12月載客量78萬人次。", "快運"),
    ("香港快运全年载客量录得700万人次。快运12月载客量78万人次。", "快运"),
    ("星展集團今天公布財報。星展第三季淨利創新高。", "星展"),
])
def test_a_short_form_is_the_organisation(text, short):
    got = mentions_of(text)
    full = got[0]
    assert (short, full[1]) in got and full[0] != short


def test_a_company_named_with_its_industry_word_is_found_bare():
    got = mentions_of("零跑汽車公布交付數據。零跑表示，芯片短缺影響產能。")
    assert got == [("零跑汽車", got[0][1]), ("零跑", got[0][1])]


@pytest.mark.parametrize("text, word", [
    ("統一企業今天公布財報。市場統一看好後市。", "統一"),   # a common word is no short form
    ("理想汽車公布交付數據。這是理想的結果。", "理想"),
])
def test_a_common_word_is_no_short_form(text, word):
    assert word not in [t for t, _ in mentions_of(text)]


@pytest.mark.parametrize("text", ["大華銀行公布業績。大華府地區房價上漲。", "星展銀行公布業績。新星展開巡演。"])
def test_a_short_form_across_a_word_edge_is_not_taken(text):
    assert [t for t, _ in mentions_of(text)][1:] in ([], ["華府"])


@pytest.mark.parametrize("text, short", [
    ("新加坡航空公司（SIA）公布業績。新航第一季營收大增202%。", "新航"),   # stem's first + industry's first
    ("新加坡航空公司(SIA)公布业绩。新航第一季营收大增202%。", "新航"),
    ("長江電力公司公布業績。長電第三季營收增長5%。", "長電"),
    ("日本航空公司宣布裁員。日航將裁員千人。", "日航"),                  # a name found on its own joins
])
def test_the_abbreviation_of_place_and_industry_is_the_organisation(text, short):
    got = mentions_of(text)
    assert (short, got[0][1]) in got


def test_an_english_alias_never_takes_a_lexicon_entrys_id():
    # SIA is also the lexicon's Semiconductor Industry Association: the airline must not become it
    ids = {e for _, e in mentions_of("新加坡航空公司（SIA）公布業績。")}
    assert ids and "sia" not in ids


def test_a_kind_of_company_after_a_place_is_no_short_form():
    got = mentions_of("新加坡航空公司公布業績，多家航空公司跟進。")
    assert "航空公司" not in [t for t, _ in got]


@pytest.mark.parametrize("text", ["中華電信今天公布財報。中華電去年營收成長3.9%。", "中华电信今天公布财报。中华电去年营收增长3.9%。"])
def test_a_name_but_its_last_characters_is_the_same_organisation(text):
    got = mentions_of(text)
    assert len(got) == 2 and got[0][1] == got[1][1]


def test_a_longer_body_named_after_an_organisation_stays_apart():
    got = mentions_of("中國銀行發布報告。中國銀行業協會表示。")
    assert len({e for _, e in got}) >= 2 or all(t == "中國銀行" for t, _ in got)
