"""Actors on sentences we wrote ourselves, naming people and bodies in no lexicon, in both scripts."""
import pytest

from conftest import read_seed, seed_names
from h200claims import Extractor, to_simplified
from h200claims.data import lexicon
from h200claims.tags.entity_rules import RULES
from h200claims.testing import extractor


def both(text):
    return [text, to_simplified(text)]


def mentions(text, **kw):
    ex = Extractor(**kw) if kw else extractor()
    return [(m.text, m.label) for m in ex.extract(text).mentions]


def test_lexicon_has_at_least_300_entities_with_unique_ids():
    entries = lexicon.entries()
    assert len(entries) >= 300
    assert len({e.id for e in entries}) == len(entries)


@pytest.mark.parametrize("text", both("川普與特朗普、Donald Trump是同一人，輝達又稱英偉達或NVIDIA。"))
def test_aliases_across_scripts_and_languages_group_into_one_entity(text):
    r = extractor().extract(text)
    by_id = {e.id: e for e in r.entities}
    assert len(by_id["trump"].mentions) == 3
    assert len(by_id["nvidia"].mentions) == 3
    assert "英伟达" in by_id["nvidia"].aliases or "英偉達" in by_id["nvidia"].aliases


@pytest.mark.parametrize("text", both("豐禾科技研究員戴明哲表示，晶片需求將持續成長。"))
def test_title_then_unknown_name(text):
    assert ("戴明哲", "PERSON") in [(m[0], m[1]) for m in mentions(text)]


@pytest.mark.parametrize("text", both("分析師Laura Kimball指出，資料中心投資大增。"))
def test_title_then_latin_name(text):
    assert ("Laura Kimball", "PERSON") in mentions(text)


@pytest.mark.parametrize("text", both("華府智庫「前瞻政策學會」（Forward Policy Society）資深研究員柯瑞斯（Drew Keris）直言，算力是關鍵。"))
def test_name_with_english_in_brackets_gives_two_mentions_of_one_entity(text):
    r = extractor().extract(text)
    people = [e for e in r.entities if e.label == "PERSON"]
    assert len(people) == 1 and {m.text for m in people[0].mentions} == {"柯瑞斯", "Drew Keris"}
    assert people[0].name == "Drew Keris" and people[0].id == "drew_keris"
    orgs = [e for e in r.entities if e.label == "ORG"]
    assert orgs and "Forward Policy Society" in {m.text for m in orgs[0].mentions}
    assert people[0].affiliation == orgs[0].id


@pytest.mark.parametrize("text", both("蘇文遠認為，政策將在明年調整。蘇文遠補充，企業應提早準備。"))
def test_name_before_speech_cue_and_its_repeats(text):
    got = [m for m in mentions(text) if m[1] == "PERSON"]
    assert len(got) == 2 and got[0][0] == got[1][0]


@pytest.mark.parametrize("text", both("高雄海洋科技大學與新竹半導體研究院共同成立區塊鏈發展委員會。"))
def test_organisation_suffixes(text):
    orgs = [m[0] for m in mentions(text) if m[1] == "ORG"]
    assert len(orgs) == 3


def test_parent_body_and_unit_are_two_mentions():
    got = mentions("美國商務部產業安全保障局今天公布新規。")
    assert got[:2] == [("美國商務部", "ORG"), ("產業安全保障局", "ORG")]


def test_country_prefix_attaches_to_the_body():
    assert ("美國聯邦眾議院", "ORG") in mentions("美國聯邦眾議院於12日通過法案。")


def test_longest_name_wins_and_fused_pairs_are_not_mentions():
    got = mentions("美國商務部長表示，中美關係與川習會都受關注，美中雙方仍在談。")
    assert ("美國商務部", "ORG") in got
    assert not any(t in ("中美", "美中", "川習會", "美", "中") for t, _ in got)


def test_one_character_countries_standing_alone():
    got = mentions("美考慮對中開放晶片出口，北京也希望赴美談判。")
    assert ("美", "GPE") in got and ("中", "GPE") in got and ("美", "GPE") in [g for g in got[1:]]


def test_modifier_use_is_still_a_mention():
    assert ("川普", "PERSON") in mentions("川普政府宣布放寬限制。")


def test_book_title_outlet():
    got = mentions("據《東亞經濟日報》報導，出口將增加。")
    assert ("東亞經濟日報", "ORG") in got


def test_surname_title_back_reference():
    r = extractor().extract("輝達執行長黃仁勳抵達台北。黃執行長隨後出席記者會。")
    huang = {e.id: e for e in r.entities}["jensen_huang"]
    assert [m.text for m in huang.mentions] == ["黃仁勳", "黃執行長"]


def test_title_and_affiliation_from_the_body_before_the_title():
    r = extractor().extract("美國商務部長盧特尼克今天表示，談判仍在進行。")
    lut = {e.id: e for e in r.entities}["howard_lutnick"]
    assert lut.affiliation == "us_commerce" and lut.titles


def test_model_finds_a_name_the_rules_miss():
    text = "在昨天的會議上林志明表示，公司將擴大投資。"
    assert ("林志明", "PERSON") not in mentions(text, disable=["model"])
    got = extractor().extract(text).mentions
    assert [(m.text, m.rule) for m in got] == [("林志明", "model:crf")]


def test_common_words_are_not_names():
    got = mentions("文件指出，公司表示將調整。記者問，總統於十二月九日宣布。")
    assert not any(lbl == "PERSON" for _, lbl in got)


@pytest.mark.parametrize("name", seed_names())
def test_simplified_seed_gives_the_same_entities_at_the_same_offsets(name):
    trad = read_seed(name)
    a = extractor().extract(trad)
    b = extractor().extract(to_simplified(trad))
    assert [(m.start, m.end, m.label, m.entity) for m in a.mentions] == \
        [(m.start, m.end, m.label, m.entity) for m in b.mentions]


def test_every_rule_can_be_called_alone():
    doc = extractor().run(extractor().make_doc("研究員戴明哲表示，美國商務部將公布新規。"))
    for name, fn in RULES.items():
        doc.candidates = []
        out = fn(doc)
        assert all(c.rule.startswith(name.split(":")[0]) or c.rule.startswith("model") for c in out)


def test_media_name_over_two_tokens():
    assert ("南山財經網", "ORG") in mentions("南山財經網今天報導，晶片出口增加。")


def test_place_prefix_attaches_to_a_body_and_keeps_identity_honest():
    r = extractor().extract("北韓國防部與韓國產業通商資源部今天發表聲明。")
    spans = [(m.text, m.label) for m in r.mentions]
    assert ("北韓國防部", "ORG") in spans and ("韓國產業通商資源部", "ORG") in spans
    ids = {m.text: m.entity for m in r.mentions}
    assert ids["北韓國防部"] != "taiwan_mnd" and ids["韓國產業通商資源部"] == "korea_motie"


@pytest.mark.parametrize("text", both("豐田汽車社長佐藤恆治在記者會上表示，公司將擴大投資。"))
def test_japanese_name_after_a_title(text):
    assert [m for m in mentions(text) if m[1] == "PERSON"][0][0] in ("佐藤恆治", "佐藤恒治")


def test_a_ministry_named_by_one_dictionary_word():
    assert ("財政部", "ORG") in mentions("財政部今天表示，預算將增加。")


def test_dictionary_words_after_a_title_are_not_names():
    assert not [m for m in mentions("法案已獲得12名參議員連署，多位教授支持。") if m[1] == "PERSON"]


def test_ambiguous_one_character_names_are_left_alone():
    got = mentions("財務長在法說會上表示，英文版與德文版將同步推出，印製成本增加。")
    assert not [m for m in got if m[1] == "GPE"]


@pytest.mark.parametrize("text", both("巴基斯坦外交部發言人說，秘魯國防部與肯亞財政部也已表態。"))
def test_any_country_prefix_attaches_to_a_ministry(text):
    orgs = [t for t, lbl in mentions(text) if lbl == "ORG"]
    assert [o[-3:] for o in orgs] == [to_simplified(x) if text == to_simplified(text) else x for x in ("外交部", "國防部", "財政部")]
    assert [o[:-3] for o in orgs] == [to_simplified(x) if text == to_simplified(text) else x for x in ("巴基斯坦", "秘魯", "肯亞")]


@pytest.mark.parametrize("text", both("微軟公司與英特爾集團合作，Rapidus公司也將跟進。"))
def test_company_suffix_is_part_of_a_han_company_name(text):
    got = [t for t, lbl in mentions(text) if lbl == "ORG"]
    assert got[0].endswith("公司") and got[1][-2:] in ("集團", "集团") and got[2] == "Rapidus"


def test_country_and_common_words_ending_in_a_kind_of_body_is_a_description():
    got = mentions("多家中國科技公司表示反對，北京監管機構要求整改。")
    assert ("中國", "GPE") in got and ("北京", "GPE") in got and not any(lbl == "ORG" for _, lbl in got)


def test_a_place_with_a_named_body_after_it_is_one_name():
    got = mentions("印尼國家警察總部表示，以色列特拉維夫法院將審理此案。")
    assert [t for t, lbl in got if lbl == "ORG"] == ["印尼國家警察總部", "以色列特拉維夫法院"]


def test_world_places_beyond_the_core_list():
    got = [t for t, lbl in mentions("代表團訪問了阿根廷、哈薩克與紐西蘭，之後轉往胡志明市。") if lbl == "GPE"]
    assert got == ["阿根廷", "哈薩克", "紐西蘭", "胡志明市"]


@pytest.mark.parametrize("text", both("本田汽車與野村證券合作，日產汽車的股價也上漲。"))
def test_an_industry_word_after_a_company_name_is_part_of_it(text):
    orgs = [t for t, lbl in mentions(text) if lbl == "ORG"]
    assert [o[:2] for o in orgs] == [to_simplified(x) if text == to_simplified(text) else x for x in ("本田", "野村", "日產")]
    assert all(len(o) == 4 for o in orgs), orgs


def test_the_sun_and_overseas_are_no_places():
    got = mentions("太陽能板的出口增加，海外與國內市場都在成長，地球暖化仍是隱憂。")
    assert not any(lbl == "GPE" for _, lbl in got), got


@pytest.mark.parametrize("text", both("現代汽車社長張宏正此前在論壇上表示，將擴大投資。") + both("公司董事長金明正此前表示，將擴大投資。"))
def test_a_name_after_a_title_keeps_its_last_character(text):
    assert any(t[-1] == "正" and len(t) == 3 for t, lbl in mentions(text) if lbl == "PERSON"), mentions(text)


@pytest.mark.parametrize("text", both("知名研究員陸文清在節目上表示，需求正在回溫。") + both("資深分析師陸志遠在臉書發文指出，股價被低估。"))
def test_a_surname_name_after_a_title_is_not_vetoed_by_the_model(text):
    assert any(len(t) == 3 and t[0] in "陸陆" for t, lbl in mentions(text) if lbl == "PERSON"), mentions(text)


def test_bodies_of_macau_and_malaysia():
    got = [t for t, lbl in mentions("經濟財政司與行政法務司聯合公布，馬來西亞投資、貿易及工業部也回應。") if lbl == "ORG"]
    assert got == ["經濟財政司", "行政法務司", "馬來西亞投資、貿易及工業部"]


@pytest.mark.parametrize("text", both("一些專家和學者指出，記者馬不停蹄地走訪各地，總統和總理都出席。"))
def test_a_title_then_a_word_is_no_name(text):
    assert not any(lbl == "PERSON" for _, lbl in mentions(text)), mentions(text)


@pytest.mark.parametrize("text", both("成本約一成，Performance比去年好。"))
def test_an_amount_or_a_mixed_run_is_no_person(text):
    assert not any(lbl == "PERSON" for _, lbl in mentions(text)), mentions(text)


@pytest.mark.parametrize("text,orgs", [
    ("鴻海科技集團今天宣布擴大投資。", ["鴻海科技集團"]),
    ("台積電科技論壇今天登場，聯電半導體製程也受關注。", ["台積電", "聯電"]),
    ("三星電子執行長表示，野村證券分析師也出席。", ["三星電子", "野村證券"]),
])
def test_company_words_join_the_name_only_where_no_noun_follows(text, orgs):
    for t in both(text):
        got = [x for x, lbl in mentions(t) if lbl == "ORG"]
        assert got == [to_simplified(o) if t != text else o for o in orgs], got
