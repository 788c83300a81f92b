"""Actors of any beat on sentences written for this table, in both scripts: units of government
bodies, companies' short and long names, generic short forms, listed companies of the mainland."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor


def mentions(text):
    return [(m.text, m.label) for m in extractor().extract(text).mentions]


@pytest.mark.parametrize("text, units", [
    ("財政部關務署台中關昨天查獲走私晶片。", ["關務署", "台中關"]),
    ("财政部关务署台中关昨天查获走私芯片。", ["关务署", "台中关"]),
    ("內政部移民署今天表示，逾期居留人數增加。", ["移民署"]),
    ("衛福部食藥署副署長說明檢驗結果。", ["食藥署"]),
    ("交通部公路局長陳文瑞表示，將加強稽查。", ["公路局"]),
    ("海關總署新聞發言人、綜合業務司司長王令浚表示，出口成長。", ["綜合業務司"]),
    ("海关总署新闻发言人、综合业务司司长王令浚表示，出口增长。", ["综合业务司"]),
])
def test_named_units_of_a_body(text, units):
    got = mentions(text)
    for u in units:
        assert (u, "ORG") in got


@pytest.mark.parametrize("text", [
    "經濟部則說，將與勞動部一同研議相關配套。",
    "两国在东盟峰会上签署协定。",
    "金管會銀行局副局長表示，罰款增加。",
    "財政部長今天表示，稅收超徵。",
])
def test_no_unit_out_of_a_common_word_or_a_title(text):
    got = [t for t, label in mentions(text) if label == "ORG"]
    assert not any(t.endswith(("相關", "簽署", "签署", "副局")) for t in got) and "長今天" not in "".join(got)


@pytest.mark.parametrize("text, name", [
    ("勞動部昨召開年度基本工資審議委員會，決議調漲。", "基本工資審議委員會"),
    ("劳动部昨天召开基本工资审议委员会，决议调涨。", "基本工资审议委员会"),
])
def test_an_organisation_name_starts_after_a_time_word_and_its_verb(text, name):
    assert (name, "ORG") in mentions(text)


@pytest.mark.parametrize("text, name, industry", [
    ("國泰人壽昨天宣布加薪，國泰航空則否。", "國泰人壽", "國泰航空"),
    ("国泰人寿昨天宣布加薪，国泰航空则否。", "国泰人寿", "国泰航空"),
])
def test_a_short_form_shared_by_two_companies_goes_by_the_longer_name(text, name, industry):
    r = extractor().extract(text)
    by_text = {m.text: m.entity for m in r.mentions}
    assert by_text[name] != by_text[industry] == "cathay_pacific"


@pytest.mark.parametrize("text, name", [
    ("金管會表示，國泰世華銀行與富邦產險遭罰。", "國泰世華銀行"),
    ("金管会表示，国泰世华银行与富邦产险遭罚。", "国泰世华银行"),
])
def test_a_listed_short_name_heads_a_longer_company_name(text, name):
    r = extractor().extract(text)
    (m,) = [m for m in r.mentions if m.text == name]
    assert m.label == "ORG" and m.entity != "cathay_pacific"


@pytest.mark.parametrize("text, name", [
    ("保險業裁罰包括宏泰產險因理賠缺失遭罰，以及台新銀行因催收異常遭罰。", "台新銀行"),
    ("保险业裁罚包括宏泰产险因理赔缺失遭罚，以及台新银行因催收异常遭罚。", "台新银行"),
    ("保險業裁罰包括宏泰產險因理賠缺失遭罰。", "宏泰產險"),
])
def test_a_company_name_starts_after_a_conjunction(text, name):
    assert (name, "ORG") in mentions(text)


@pytest.mark.parametrize("text, short", [
    ("晶宏半導體董事長表示，晶宏今年將擴產。", "晶宏"),
    ("晶宏半导体董事长表示，晶宏今年将扩产。", "晶宏"),
])
def test_a_companys_own_name_is_no_person(text, short):
    r = extractor().extract(text)
    orgs = [e for e in r.entities if e.label == "ORG"]
    assert len(orgs) == 1 and short in [m.text for m in orgs[0].mentions]
    assert not [e for e in r.entities if e.label == "PERSON"]


@pytest.mark.parametrize("text", ["13家金控10月獲利成長，金控獲利王是富邦金。", "13家金控10月获利成长，金控获利王是富邦金。"])
def test_a_company_word_alone_is_no_one(text):
    assert not [m for m in extractor().extract(text).mentions if m.text == "金控"]


@pytest.mark.parametrize("text, bank", [
    ("日本銀行總裁表示，央行將維持利率不變。", "boj"),
    ("日本银行总裁表示，央行将维持利率不变。", "boj"),
    ("央行今天宣布降息，中國人民銀行並調降存款準備率。", "pboc"),
    ("央行今天宣布降息，中国人民银行并调降存款准备率。", "pboc"),
    ("央行理監事會今天決議不升息。", "taiwan_cbc"),
])
def test_a_central_banks_generic_short_form_goes_by_the_bank_the_article_names(text, bank):
    r = extractor().extract(text)
    assert [m.entity for m in r.mentions if m.text == "央行"] == [bank]


@pytest.mark.parametrize("text", ["華南銀行董事會今天通過增資案，華南銀行(HNCB)股價上漲。",
                                  "华南银行董事会今天通过增资案，华南银行(HNCB)股价上涨。"])
def test_a_companys_board_is_the_company_and_its_alias_one_entity(text):
    r = extractor().extract(text)
    assert not [m for m in r.mentions if "董事" in m.text]
    assert len([e for e in r.entities if e.label == "ORG"]) == 1


@pytest.mark.parametrize("text, name", [
    ("证监会对江苏舜天出具行政处罚决定书。", "江苏舜天"),
    ("證監會對江蘇舜天出具行政處罰決定書。", "江蘇舜天"),
    ("证监会对*ST中利出具行政处罚决定书。", "*ST中利"),
    ("隆基绿能(601012.SH)、天合光能(688599.SH)公布业绩。", "天合光能"),
])
def test_mainland_listed_companies_by_their_short_names(text, name):
    r = extractor().extract(text)
    (m,) = [m for m in r.mentions if m.text == name]
    assert m.label == "ORG" and m.entity.startswith("cn_")


def test_word_shaped_listed_names_are_left_out():
    from h200claims.data import lexicon
    names = lexicon.default().view_names
    assert "新产业" not in names and "江苏舜天" in names


@pytest.mark.parametrize("text", ["歐盟執委會今天宣布，歐盟將提高關稅。", "欧盟执委会今天宣布，欧盟将提高关税。"])
def test_the_eu_is_an_organisation(text):
    assert ("歐盟" if "歐" in text else "欧盟", "ORG") in mentions(text)


@pytest.mark.parametrize("text, name", [
    ("載貨量增長逾9%。張凱詩指，需求增加。", "張凱詩"),
    ("载货量增长逾9%。张凯诗指，需求增加。", "张凯诗"),
    ("已起訴集團首腦韓俞彤等80人。", "韓俞彤"),
    ("已起诉集团首脑韩俞彤等80人。", "韩俞彤"),
    ("選委界江玉芬質疑政府。", "江玉芬"),
    ("选委界江玉芬质疑政府。", "江玉芬"),
    ("美國財政部長斯科特·貝森特舉行會晤。", "斯科特·貝森特"),
])
def test_person_names_get_the_edges_a_name_has(text, name):
    assert (name, "PERSON") in mentions(text)


@pytest.mark.parametrize("text, not_name", [("記者會上，王明笑稱，你看我像很慌嗎。", "王明笑"),
                                            ("記者會上，王明又說，需求很強。", "王明又")])
def test_a_word_between_name_and_verb_is_no_given_name(text, not_name):
    assert not_name not in [t for t, _ in mentions(text)]


@pytest.mark.parametrize("text, name, alone", [
    ("碧源中國宣布債務重組生效。碧源中國股價大漲，碧源表示滿意。", "碧源中國", "碧源"),
    ("碧源中国宣布债务重组生效。碧源中国股价大涨，碧源表示满意。", "碧源中国", "碧源"),
])
def test_a_company_written_with_its_market_is_one_org(text, name, alone):
    r = extractor().extract(text)
    got = {m.text: (m.label, m.entity) for m in r.mentions}
    assert got[name][0] == got[alone][0] == "ORG" and got[name][1] == got[alone][1]


@pytest.mark.parametrize("text", ["華府將更多中國科技公司列入黑名單。", "几辈人都到过中国。", "規定並明定中國所能獲得的晶片數量。",
                                  "晶片效能可能遠超中國國產晶片。", "这使中国在亚洲地区的作用更大。", "他訪問中國，並與中國官員會面。"])
def test_words_before_a_country_are_no_company(text):
    assert not [m for m in extractor().extract(text).mentions if m.label == "ORG"]


@pytest.mark.parametrize("text", ["印尼隊當前正處新老交替時期。", "巴解與哈馬斯重新站在一條戰線上。",
                                  "鲁宾在国会一个委员会的听证会上说，经济很好。", "會議在曼谷聯合國會議中心開幕。"])
def test_no_unit_after_a_team_a_numeral_or_before_a_facility(text):
    got = [m.text for m in extractor().extract(text).mentions if m.rule == "org_unit"]
    assert not got


@pytest.mark.parametrize("text, name, label", [
    ("訂單來自一家名為Harbor Capital的投資公司。", "Harbor Capital", "ORG"),
    ("订单来自一家名为Harbor Capital的投资公司。", "Harbor Capital", "ORG"),
    ("由Messrs. Baker & Lowe（貝嘉律師行）之Peter Chan（陳志明）出任接管人。", "Baker & Lowe", "ORG"),
    ("由Messrs. Baker & Lowe（贝嘉律师行）之Peter Chan（陈志明）出任接管人。", "Peter Chan", "PERSON"),
    ("衛生部長(Ong Ye Kung)表示，病例下降。", "Ong Ye Kung", "PERSON"),
])
def test_latin_names_inside_chinese_text(text, name, label):
    assert (name, label) in mentions(text)


def test_an_english_name_and_its_bracketed_chinese_name_are_one_entity():
    r = extractor().extract("由Messrs. Baker & Lowe（貝嘉律師行）之Peter Chan（陳志明）出任接管人。")
    ids = {m.text: m.entity for m in r.mentions}
    assert ids["Baker & Lowe"] == ids["貝嘉律師行"] and ids["Peter Chan"] == ids["陳志明"]


@pytest.mark.parametrize("text, name", [
    ("市場監管總局對長城順達（以下簡稱長城順達）罰款。總局依法對長城順達處以罰款。", "長城順達"),
    ("市场监管总局对长城顺达（以下简称长城顺达）罚款。总局依法对长城顺达处以罚款。", "长城顺达"),
])
def test_a_name_never_ends_in_the_first_character_of_a_verb(text, name):
    assert not [t for t, _ in mentions(text) if t.endswith(("處", "处"))]


def test_a_body_before_a_verb_keeps_its_last_character():
    assert ("國防部", "ORG") in mentions("國防部部署飛彈，國防部表示將加強戒備。")


def test_verb_tail_cuts_a_models_name_before_a_verb_when_the_short_name_is_written_too():
    from h200claims.doc import MentionCandidate
    from h200claims.pipeline import Extractor
    from h200claims.tags.entity_edges import verb_tail
    ex = Extractor()
    text = "總局表示，長城順達已被調查。總局對長城順達處以罰款。"
    doc = ex.run(ex.make_doc(text))
    s = text.rindex("長城順達")
    assert verb_tail(doc, MentionCandidate(s, s + 5, "ORG", "model:crf", "name:x")) == s + 4
    alone = ex.run(ex.make_doc("總局對長城順達處以罰款。"))
    assert verb_tail(alone, MentionCandidate(3, 8, "ORG", "model:crf", "name:x")) == 8


@pytest.mark.parametrize("text, expected", [
    ("法人表示，開年以來台股量能顯著增加。", []),
    ("法人表示，开年以来台股量能显著增加。", []),
    ("金管會今 (23) 日公布裁罰。", []),
    ("实施人数也是全台最多。", ["台"]),
    ("實施人數也是全臺最多。", ["臺"]),
    ("全日都下雨。", []),
    ("擴大對華科技管制。", ["華"]),
])
def test_one_character_countries(text, expected):
    assert [m.text for m in extractor().extract(text).mentions if m.rule == "one_char_country"] == expected


@pytest.mark.parametrize("text, name, eid", [
    ("穆迪今天調降該國評級，惠譽則維持不變。", "穆迪", "cc_moody_s"),
    ("穆迪今天调降该国评级，另一家机构「惠誉」则维持不变。", "惠誉", "cc_fitch"),
    ("國新辦今天舉行記者會，介紹經濟數據。", "國新辦", "cc_state_council_information_office_of_the_people_s_republic_of_china"),
    ("国新办今天举行记者会，介绍经济数据。", "国新办", "cc_state_council_information_office_of_the_people_s_republic_of_china"),
    ("歐佩克決定減產，油價上漲。", "歐佩克", "cc_organization_of_the_petroleum_exporting_countries"),
])
def test_organisations_cc_cedict_names(text, name, eid):
    (m,) = [m for m in extractor().extract(text).mentions if m.text == name]
    assert m.label == "ORG" and m.entity == eid


def test_cc_cedict_names_in_both_scripts_are_one_entity_and_no_dateline():
    r = extractor().extract("國務院新聞辦公室今天表示，国新办将举行发布会。")
    assert len({m.entity for m in r.mentions}) == 1
    assert not extractor().extract("中新社北京7月5日電 記者報導，證監會發布消息。").mentions[0].entity == "cc_nec"


@pytest.mark.parametrize("text", ["經初步清查，涉案水房集團自民國103年至今經手金額龐大。",
                                  "经初步清查，涉案水房集团自民国103年至今经手金额庞大。"])
def test_a_generic_head_makes_a_description_not_a_name(text):
    assert not [m for m in extractor().extract(text).mentions if m.label == "ORG"]


@pytest.mark.parametrize("text, name", [
    ("另外，國泰貨運全年載貨量超過160萬噸。", "國泰貨運"),
    ("另外，国泰货运全年载货量超过160万吨。", "国泰货运"),
    ("去年國泰航空及澳門快運合共接載乘客逾千萬人次。", "澳門快運"),
])
def test_a_period_or_total_word_closes_a_company_name(text, name):
    assert (name, "ORG") in mentions(text)


@pytest.mark.parametrize("text, names", [
    ("蔚來、小鵬、理想、哪吒等車企公布交付數據。", ["理想", "哪吒"]),
    ("蔚来、小鹏、理想、哪吒等车企公布交付数据。", ["理想", "哪吒"]),
    ("證監會依法對上海超日、易事特、青鳥華光、皖江物流、承德大路等案件作出處罰。", ["上海超日", "青鳥華光", "承德大路"]),
    ("证监会依法对上海超日、易事特、青鸟华光、皖江物流、承德大路等案件作出处罚。", ["上海超日", "青鸟华光", "承德大路"]),
])
def test_items_listed_with_companies_are_companies(text, names):
    got = mentions(text)
    for n in names:
        assert (n, "ORG") in got


@pytest.mark.parametrize("text", ["台積電、聯發科、研究人員、學者都出席。", "台積電、聯發科與張忠謀都出席。",
                                  "美國、日本、荷蘭與台積電都表態。"])
def test_descriptions_people_and_places_in_a_list_stay_as_they_are(text):
    r = extractor().extract(text)
    assert not [m for m in r.mentions if m.rule == "listed_company"]
    assert all(m.label != "ORG" for m in r.mentions if m.text in ("張忠謀", "美國", "日本", "荷蘭"))


@pytest.mark.parametrize("text, code", [
    ("南航訂購100架C919飛機。", "C919"), ("南航订购100架C919飞机。", "C919"),
    ("華航明年將迎接5架787新機。", "787"), ("波音787客機交付延後。", "787"),
])
def test_model_codes_are_products(text, code):
    assert (code, "PRODUCT") in mentions(text)


@pytest.mark.parametrize("text", ["2025年營收成長3600萬元。", "世界衛生組織191個成員國出席。", "海航182航班延誤。"])
def test_years_counts_and_flights_are_no_products(text):
    assert not [m for m in extractor().extract(text).mentions if m.label == "PRODUCT"]


@pytest.mark.parametrize("text, name", [("中華電信、台灣大哥大與遠傳電信全年營收成長。", "遠傳電信"),
                                        ("中华电信、台湾大哥大与远传电信全年营收成长。", "远传电信")])
def test_a_company_name_never_starts_with_a_conjunction(text, name):
    got = [t for t, label in mentions(text) if label == "ORG"]
    assert name in got and not any(t.startswith(("與", "与")) for t in got)
