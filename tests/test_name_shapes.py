"""Shapes that are no names, or not the whole of one: a plant or park after a place or a name
(tags/entity_edges.facility_names), and a one-character verb a headline glues to a three-character
name (entity_edges.edge_at). Sentences written for these tests, in both scripts."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in extractor().extract(text).mentions]


@pytest.mark.parametrize("text, facility, place", [
    ("聯電在新加坡廠擴產，預計明年完工。", "新加坡廠", "新加坡"),
    ("联电在新加坡厂扩产，预计明年完工。", "新加坡厂", "新加坡"),
    ("華邦電宣布高雄科學園區新廠動工，總投資約新台幣3000億元。", "高雄科學園區", "高雄"),
    ("华邦电宣布高雄科学园区新厂动工，总投资约3000亿元。", "高雄科学园区", "高雄"),
    ("台積電表示，日本熊本晶圓廠的良率已經追上台灣。", "熊本晶圓廠", None),
    ("台积电表示，日本熊本晶圆厂的良率已经追上台湾。", "熊本晶圆厂", None),
])
def test_a_plant_or_park_is_no_org(text, facility, place):
    found = mentions(text)
    assert not any(facility in t and label == "ORG" for t, label in found), found
    if place:
        assert (place, "GPE") in found, found


@pytest.mark.parametrize("text, person", [
    ("立委林志強說，漁民生計受影響。林志強促政府盡快補助漁民", "林志強"),
    ("立委林志强说，渔民生计受影响。林志强促政府尽快补助渔民", "林志强"),
    ("議員陳國華表示，將提案修法。陳國華冀當局盡快公布細節", "陳國華"),
    ("议员陈国华表示，将提案修法。陈国华冀当局尽快公布细节", "陈国华"),
])
def test_a_headline_verb_is_no_part_of_the_name(text, person):
    people = [t for t, label in mentions(text) if label == "PERSON"]
    assert people and all(t == person for t in people), people


@pytest.mark.parametrize("text, four, three", [
    ("細節仍不明陳國華冀當局盡快公布", "陳國華冀", "陳國華"),
    ("细节仍不明陈国华冀当局尽快公布", "陈国华冀", "陈国华"),
    ("漁民生計受影響林志強促政府補助", "林志強促", "林志強"),
    ("渔民生计受影响林志强促政府补助", "林志强促", "林志强"),
])
def test_a_model_name_loses_the_headline_verb_glued_to_it(text, four, three):
    from h200claims.doc import MentionCandidate
    from h200claims.tags.entity_edges import edge_at

    ex = extractor()
    doc = ex.run(ex.make_doc(text))
    s = text.index(four)
    assert edge_at(doc, MentionCandidate(s, s + 4, "PERSON", "model:crf", "name:x")) == (s, s + 3)


@pytest.mark.parametrize("text, name", [("歐陽娜娜說，新片下月上映。", "歐陽娜娜"), ("欧阳娜娜说，新片下月上映。", "欧阳娜娜")])
def test_a_compound_surname_keeps_four_characters(text, name):
    from h200claims.doc import MentionCandidate
    from h200claims.tags.entity_edges import edge_at

    ex = extractor()
    doc = ex.run(ex.make_doc(text))
    assert edge_at(doc, MentionCandidate(0, 4, "PERSON", "model:crf", "name:x")) == (0, 4)


@pytest.mark.parametrize("text, body, person", [
    ("運輸及物流局長林世雄表示，將檢討公共交通票價。", "運輸及物流局", "林世雄"),
    ("运输及物流局长林世雄表示，将检讨公共交通票价。", "运输及物流局", "林世雄"),
    ("文化體育及旅遊局長楊潤雄強調，活動將如期舉行。", "文化體育及旅遊局", "楊潤雄"),
    ("文化体育及旅游局长杨润雄强调，活动将如期举行。", "文化体育及旅游局", "杨润雄"),
    ("副總理兼財政及經濟發展部長王大明表示，預算將平衡。", "財政及經濟發展部", "王大明"),
    ("副总理兼财政及经济发展部长王大明表示，预算将平衡。", "财政及经济发展部", "王大明"),
])
def test_a_body_fused_with_its_heads_title_is_a_name(text, body, person):
    found = mentions(text)
    assert (body, "ORG") in found and (person, "PERSON") in found, found


@pytest.mark.parametrize("text", ["警察局長王大明表示，將加強巡邏。", "警察局长王大明表示，将加强巡逻。",
                                  "我國衛生部長王大明表示，將加強防疫。"])
def test_a_generic_or_our_countrys_body_is_not_made_a_name_by_a_title(text):
    assert not any(label == "ORG" and t.startswith(("警察", "我國", "我国")) for t, label in mentions(text))


@pytest.mark.parametrize("text", ["中鋼表示，鋼價將上漲。", "中钢表示，钢价将上涨。", "中再保也遭到裁罰。", "中再保也遭到裁罚。"])
def test_a_one_character_country_before_another_single_character_is_a_name_in_pieces(text):
    assert not any(m.rule == "one_char_country" for m in extractor().extract(text).mentions)


@pytest.mark.parametrize("text, place", [("美將對進口鋼鐵加徵關稅。", "美"), ("美将对进口钢铁加征关税。", "美"),
                                         ("陸擬擴大進口。", "陸"), ("陆拟扩大进口。", "陆"),
                                         ("新規上路，台廠出貨可望回溫。", "台"), ("新规上路，台厂出货可望回温。", "台"),
                                         ("美拋出新方案，市場反應冷淡。", "美"), ("美抛出新方案，市场反应冷淡。", "美")])
def test_a_one_character_country_before_a_function_word_stays(text, place):
    assert (place, "GPE") in mentions(text)


def test_a_model_span_across_a_space_or_bracket_is_no_name():
    from h200claims.tags.entity_model import NAME_CHARS

    assert NAME_CHARS.fullmatch("中評社") and NAME_CHARS.fullmatch("霍華德·盧特尼克")
    assert not NAME_CHARS.fullmatch("中評社 資料照） 中評社") and not NAME_CHARS.fullmatch("台積電（")


@pytest.mark.parametrize("text, name", [("卓里機械廠去年底進行了股份制改造。", "卓里機械廠"), ("卓里机械厂去年底进行了股份制改造。", "卓里机械厂")])
def test_an_enterprise_named_for_its_trade_keeps_its_factory_word(text, name):
    from h200claims.doc import MentionCandidate
    from h200claims.tags.entity_edges import facility_names

    ex = extractor()
    doc = ex.run(ex.make_doc(text))
    m = MentionCandidate(0, len(name), "ORG", "model:crf", "name:x")
    assert facility_names(doc, [m]) == [m]


def test_a_model_railway_is_the_place_it_is_named_for():
    from h200claims.doc import MentionCandidate
    from h200claims.tags.entity_edges import facility_names

    for text, place in [("平涼至慶陽鐵路今年開工。", "慶陽"), ("平凉至庆阳铁路今年开工。", "庆阳")]:
        ex = extractor()
        doc = ex.run(ex.make_doc(text))
        s = text.index(place)
        out = facility_names(doc, [MentionCandidate(s, s + 4, "GPE", "model:crf", "name:x")])
        assert [(text[m.start:m.end], m.label) for m in out] == [(place, "GPE")]


@pytest.mark.parametrize("text, body", [("證期局主秘王大明表示，今年裁罰35件。", "證期局"), ("证期局主秘王大明表示，今年裁罚35件。", "证期局")])
def test_a_two_character_abbreviation_and_a_bureau_is_a_name(text, body):
    assert (body, "ORG") in mentions(text)


@pytest.mark.parametrize("text", ["該分局表示，將加強巡邏。", "该分局表示，将加强巡逻。"])
def test_a_generic_unit_is_no_name(text):
    assert not any(label == "ORG" for _, label in mentions(text))
