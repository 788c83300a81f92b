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


@pytest.mark.parametrize("text, name", [("外資賣超華新與金像電。", "華新"), ("玉山金董事長黃男州表示，獲利很好。", "玉山金"),
                                        ("賣超前3名依序為友達6萬張。", "友達")])
def test_listed_companies_by_their_short_names(text, name):
    ent = next(e for e in extractor().extract(text).entities if any(m.text == name for m in e.mentions))
    assert ent.label == "ORG" and ent.id.startswith("tw_")


@pytest.mark.parametrize("text, not_name", [("現代汽車社長張宏正此前表示，將擴大投資。", "宏正"),
                                            ("台積電營收達新台幣9,870億元。", "達新")])
def test_a_listed_short_name_is_no_piece_of_another_word(text, not_name):
    assert not_name not in [m.text for m in extractor().extract(text).mentions]


def test_whole_word_lexicon_entries_stay_out_of_the_tokenizer():
    from h200claims.data import lexicon
    lex = lexicon.default()
    listed = [e for e in lex.entries if e.whole_word]
    assert len(listed) > 1000 and all(e.source.endswith(("tw_listed.tsv", "cn_listed.tsv", "cedict_orgs.tsv")) for e in listed)
    from h200claims.tokens.segmenter import _jieba_tokenizer
    assert _jieba_tokenizer().FREQ.get("宏正") is None


def test_a_company_named_in_full_then_short_is_one_actor():
    r = extractor().extract("零跑汽車公布交付量。零跑表示，產能受限。")
    (ent,) = [e for e in r.entities if e.label == "ORG"]
    assert [m.text for m in ent.mentions] == ["零跑汽車", "零跑"] and r.quotes[0].speaker == ent.id


@pytest.mark.parametrize("text, name, mentions", [
    ("台北地檢署起訴賴俊廷，賴男涉嫌詐欺。", "賴俊廷", ["賴俊廷", "賴男"]),
    ("警方逮捕林姓男子，林男供稱缺錢，林志明則否認。", "林志明", ["林姓男子", "林男", "林志明"]),
    ("瑞銀證券分析師歐偉傑表示，台股將上漲。歐偉傑又指，外資將回流。", "歐偉傑", ["歐偉傑", "歐偉傑"]),
    ("金管會主委彭金隆昨（3）日表示，將檢討規定。", "彭金隆", ["彭金隆"]),
])
def test_people_by_surname_repeat_and_time_words(text, name, mentions):
    r = extractor().extract(text)
    ent = next(e for e in r.entities if any(m.text == name for m in e.mentions))
    assert ent.label == "PERSON" and [m.text for m in ent.mentions] == mentions


def test_a_surname_reference_with_no_named_person_is_no_actor():
    assert not [e for e in extractor().extract("警方逮捕陳姓男子，陳男供稱缺錢。").entities if e.label == "PERSON"]


@pytest.mark.parametrize("text", ["新航把營業盈利的優良表現歸功於集團積極檢討業務。", "政策有助於強化上市公司治理。"])
def test_a_clause_before_a_kind_of_body_is_no_name(text):
    assert not [e for e in extractor().extract(text).entities if e.label == "ORG"]


def test_an_organisation_in_full_and_by_its_own_name_is_one_actor():
    r = extractor().extract("星展集團第三季淨利創新高。星展星期一公布業績，星展淨利年增16%。")
    orgs = [e for e in r.entities if e.label == "ORG"]
    assert len(orgs) == 1 and {m.text for m in orgs[0].mentions} <= {"星展集團", "星展"}


def test_a_lexicon_short_form_of_another_body_stays_apart():
    r = extractor().extract("國泰航空宣布增班，國泰人壽則公布獲利。")
    ids = {e.id for e in r.entities if e.label == "ORG"}
    assert len(ids) >= 2


@pytest.mark.parametrize("text, name", [("国家银行总裁拿督斯里阿都拉昔表示，经济将稳步增长。", "阿都拉昔"),
                                        ("首相拿督斯里安华强调，不会加重人民负担。", "安华")])
def test_an_honorific_is_no_part_of_the_name_and_names_a_person(text, name):
    r = extractor().extract(text)
    (q,) = r.quotes
    assert [m.text for e in r.entities if e.id == q.speaker for m in e.mentions] == [name]
