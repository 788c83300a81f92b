"""Company names in forms no lexicon lists (sentences written for these tests, both scripts):
a dictionary word made of a name and an industry word (tags/entity_companies.one_word_company), a
longer company the model reads from a lexicon short name (entities.model_company_from), and an
abbreviation in brackets after the name (entity_aliases.paren_short_forms)."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor
from h200claims.text.script import to_simplified


def orgs(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in extractor().extract(text).mentions if m.label == "ORG"]


ONE_WORD = [("新光人壽昨天表示，將全面檢討理賠流程。", "新光人壽"), ("華新水泥宣布，明年起調漲售價。", "華新水泥")]


@pytest.mark.parametrize("text, name", ONE_WORD + [(to_simplified(t), to_simplified(n)) for t, n in ONE_WORD])
def test_a_dictionary_company_word_is_a_company(text, name):
    assert name in [t for t, _ in orgs(text)]


@pytest.mark.parametrize("text", ["工傷保險將擴大適用，待業保險也會調整。", "工伤保险将扩大适用，待业保险也会调整。"])
def test_a_kind_of_insurance_is_no_company(text):
    assert orgs(text) == []


PAREN = ["國泰世紀產險（國泰產）昨天遭到裁罰，金管會指出，國泰產的核保作業有缺失。"]


@pytest.mark.parametrize("text", PAREN + [to_simplified(t) for t in PAREN])
def test_a_bracketed_abbreviation_and_its_repeats_are_the_company(text):
    found = orgs(text)
    full = [e for t, e in found if t in ("國泰世紀產險", "国泰世纪产险")]
    assert full, found
    shorts = [e for t, e in found if t in ("國泰產", "国泰产")]
    assert len(shorts) == 2 and set(shorts) == set(full), found
    assert not any(t in ("國泰", "国泰") for t, _ in found), found


INDUSTRY = [("部長指出，日本汽車產業面臨轉型。事實證明：日本汽車沒有倒下！", "日本"),
            ("部長指出，台灣面板產業面臨轉型。事實證明：台灣面板沒有倒下！", "台灣")]


@pytest.mark.parametrize("text, place", INDUSTRY + [(to_simplified(t), to_simplified(p)) for t, p in INDUSTRY])
def test_a_place_and_industry_the_article_calls_an_industry_is_no_company(text, place):
    found = [(m.text, m.label) for m in extractor().extract(text).mentions]
    assert found.count((place, "GPE")) == 2 and not any(label == "ORG" for _, label in found), found


@pytest.mark.parametrize("text", ["台灣人壽表示，將推出新保單。", "台湾人寿表示，将推出新保单。"])
def test_a_place_and_industry_the_article_does_not_call_an_industry_stays_a_company(text):
    assert [m.label for m in extractor().extract(text).mentions] == ["ORG"]


ALIAS = ["東方海運集團有限公司（下稱「東運集團」）數據顯示，一季度貨運量成長9.9%。東運集團表示，將擴大船隊。"]


@pytest.mark.parametrize("text", ALIAS + [to_simplified(t) for t in ALIAS])
def test_an_alias_given_in_brackets_is_the_company_and_no_quote(text):
    r = extractor().extract(text)
    full = [m.entity for m in r.mentions if m.text.endswith(("有限公司",))]
    short = [m.entity for m in r.mentions if m.text in ("東運集團", "东运集团")]
    assert full and len(short) == 2 and set(short) == set(full), [(m.text, m.entity) for m in r.mentions]
    assert all(q.cue not in ("稱", "称") for q in r.quotes), [(q.text, q.cue) for q in r.quotes]
    assert {q.speaker for q in r.quotes} == set(full)
