"""What an amount measures (claims/measure.py), on sentences written for these tests, both scripts:
each row names the rule it exercises, and each rule's rows fail with that rule switched off."""
from __future__ import annotations

import pytest

from h200claims import Extractor, QuantityClaim
from h200claims.testing import extractor

# (rule, text, amount, measure)
ROWS = [
    # the noun a classifier counts after a maker's name is more specific than a listed noun before it
    ("measure_counted", "這筆訂單包含了20架空客A350客機。", "20架", "客機"),
    ("measure_counted", "这笔订单包括30架波音737客机。", "30架", "客机"),
    # the words right after the amount, where no light verb alone stands before it
    ("measure_following", "台塑去年認列30億元損失。", "30億元", "損失"),
    ("measure_following", "该集团80亿美元境外债务已全部清偿。", "80亿美元", "境外债务"),
    ("measure_following", "華為今年完成12宗併購。", "12宗", "併購"),
    ("measure_following", "警方上月进行了3次扫黑行动。", "3次", "扫黑行动"),
    ("measure_following", "新制上路後，全台約有三萬名員工受惠。", "三萬名員工", "受惠"),
    ("measure_following", "新规实施后，全国约有三万名员工受惠。", "三万名员工", "受惠"),
    ("measure_following", "兩家公司一小時談妥50億元合併案。", "50億元", "合併案"),
    # a forecast word (原預測) passes the measure on as a change word does, when the owner is the same
    ("inherit_within_sentence", "鴻海淨利上調至500億元（原預測為450億元）。", "450億元", "淨利"),
    ("inherit_within_sentence", "小米净利润上调至200亿元(原预测为180亿元)。", "180亿元", "净利润"),
    # a clause that names nothing measured, or only a change word: the measure noun of an earlier clause
    ("measure_earlier_clause", "台股加權指數早盤走高，終場大跌300點。", "300點", "加權指數"),
    ("measure_earlier_clause", "上证指数早盘走高,尾盘大跌30点。", "30点", "上证指数"),
    ("measure_earlier_clause", "該市房價所得比居全國之冠，達12倍。", "12倍", "房價所得比"),
    ("measure_earlier_clause", "该市旅客人数持续攀升，上月达到50万人次。", "50万人次", "旅客人数"),
    # ... after the amount before it: the nearest named measure (淨利, not 營收)
    ("measure_earlier_clause", "該公司營收達100億元，淨利則表現亮眼，大增30%。", "30%", "淨利"),
    ("measure_earlier_clause", "该公司营收达100亿元,净利则表现亮眼,大增30%。", "30%", "净利"),
    # ... before the measure of the amount before it, which names another thing (住宅用電)
    ("measure_earlier_clause", "會議決議微調各級距單價，其中住宅用電700度以下，每度調漲0.1元。", "0.1元", "單價"),
    ("measure_earlier_clause", "会议决定调整各档单价,其中居民用电200度以下,每度调涨0.1元。", "0.1元", "单价"),
]

# a verb before the amount that is no light verb carries it; a reporting verb, a change word or a
# stop word after the amount names nothing measured
KEPT = [
    ("蔚來上月交付5000輛ES8車型。", "5000輛", "交付"),
    ("蔚来上月交付5000辆ES8车型。", "5000辆", "交付"),
    ("張勇當年決定離開，隨後投入3億元創業。", "3億元", "投入"),
    ("據兩名知情人士透露，鴻海將在印度設廠。", "兩名知情人士", None),
    ("据两名知情人士透露，鸿海将在印度设厂。", "两名知情人士", None),
    ("美方將抽取25%的分潤，較去年的15%明顯提高。", "15%", "分潤"),
    ("這些措施將在三年之後全面實施。", "三年", None),
    ("该计划为期5年以来成效显著。", "5年", None),
]


# a noun after 的 that only says where the amount stands (水準, 新高點, 走勢) is no measure (處於 links);
# a verb is never read inside an amount (1924億令|吉), nor with 每 (每|度)
KEPT += [
    ("該行資本適足率處於15%的舒適水準。", "15%", "資本適足率"),
    ("该行资本充足率处于15%的较高水平。", "15%", "资本充足率"),
    ("出口規模創下了3兆元的新高點。", "3兆元", "出口規模"),
    ("歐元逆轉前市貶值0.5%的走勢。", "0.5%", "貶值"),
    ("該行存款共有2090億令吉，較上年同期的1924億令吉增長8.6%。", "8.6%", "存款"),
    ("该行存款共有2090亿令吉,较上年同期的1924亿令吉增长8.6%。", "8.6%", "存款"),
    ("住宅用電每月700度以下，每度調漲0.1元。", "0.1元", "調漲"),
    ("居民用电每月200度以下,每度调涨0.1元。", "0.1元", "调涨"),
]

# link words: 會, 共計 and the adverbs before a change word (略, 溫和: change_adverbs)
KEPT += [
    ("該公司存款餘額會增至500億元。", "500億元", "存款餘額"),
    ("该公司存款余额会增至500亿元。", "500亿元", "存款余额"),
    ("兩家公司的違約金共計500萬元。", "500萬元", "違約金"),
    ("两家公司的违约金共计500万元。", "500万元", "违约金"),
    ("該公司乘客運載率略降至80%。", "80%", "乘客運載率"),
    ("该公司客座率略降至80%。", "80%", "客座率"),
    ("明年鋼需將溫和成長至18億公噸。", "18億公噸", "鋼需"),
]

# words that only point at what was named are no measure (兩者合計: not_measures); a light verb right
# after the amount is passed over (87%獲得|超額認購); a gloss in brackets links a measure to its amount
KEPT += [
    ("月薪與時薪調整後，兩者合計約三十萬名勞工受惠。", "約三十萬名勞工", "受惠"),
    ("月薪与时薪调整后,两者合计约三十万名劳工受惠。", "约三十万名劳工", "受惠"),
    ("新股上市首日，當中87%獲得超額認購。", "87%", "超額"),
    ("新股上市首日,当中87%获得超额认购。", "87%", "超额"),
    ("該行普通股權益第一類資本(CET1)提高至14.5%。", "14.5%", "資本"),
    ("该行核心一级资本充足率（CET1）提高至12.5%。", "12.5%", "资本充足率"),
    ("晶片股同步走強，寒武紀（Cambricon）漲逾1%。", "逾1%", "漲"),
    ("芯片股同步走强,寒武纪(Cambricon)涨逾1%。", "逾1%", "涨"),
]

# a share of a population (population_nouns) measures what that share does; a share of a thing, the thing
KEPT += [
    ("調查顯示，約有6成的企業適用新制。", "6成", "適用新制"),
    ("调查显示,约有6成的员工可申请补贴。", "6成", "申请补贴"),
    ("今年有95%的新股獲超額認購。", "95%", "超額"),
    ("美方將抽取25%的分潤給該公司。", "25%", "分潤"),
    ("該公司出售40%的股份給鴻海。", "40%", "股份"),
]

# a share verb alone (占) names nothing an amount after it could take on: its change word stays
KEPT += [
    ("其中新加坡占50億令吉，較去年的45億令吉上升11%。", "11%", "上升"),
    ("其中新加坡占50亿令吉,较去年的45亿令吉上升11%。", "11%", "上升"),
]

# basis_phrases: the period a change is measured against links the measure to it (較前一季度, 比2019年同期);
# a light verb (完成) before the amount only says it was done: the nouns before it name the measure;
# a market report's level verbs (高見, 低見: measure_link_words) link too
KEPT += [
    ("該市零售額較上一季度增長2.5%。", "2.5%", "零售額"),
    ("该市零售额较前一季度增长2.5%。", "2.5%", "零售额"),
    ("該市客流量較2019年同期增長15%。", "15%", "客流量"),
    ("该市客流量比2019年同期增长15%。", "15%", "客流量"),
    ("該港口貨物吞吐量完成3.2億噸。", "3.2億噸", "港口貨物吞吐量"),
    ("该港口货物吞吐量完成3.2亿吨。", "3.2亿吨", "港口货物吞吐量"),
    ("該股股價午後反彈，高見12.5元。", "12.5元", "股價"),
    ("该股股价午后反弹,高见12.5元。", "12.5元", "股价"),
    # ... and where no noun of the sentence names what stands there, the level verb is the measure (level_verbs)
    ("該股曾急挫12%，收報3.25元。", "3.25元", "收報"),
    ("该股曾急挫12%,收报3.25元。", "3.25元", "收报"),
    ("該股曾挫8%，低見1.2元。", "1.2元", "低見"),
    # a word whose last two characters are a noun is a noun (國內|航線: is_noun), so a light verb yields to it
    ("今年國內航線完成1.6億人次。", "1.6億人次", "國內航線"),
    ("今年国内航线完成1.6亿人次。", "1.6亿人次", "国内航线"),
    # the unit an amount is per (每度電, 每股: per_unit) links it to its measure; so do 估計 and 被估計
    ("該公司的燃料調整費為每度電38.5仙。", "38.5仙", "燃料調整費"),
    ("该公司的燃料调整费为每度电38.5仙。", "38.5仙", "燃料调整费"),
    ("該公司末期股息每股0.8元。", "0.8元", "股息"),
    ("该公司末期股息每股0.8元。", "0.8元", "股息"),
    ("該國第二季經濟被估計較上季增長0.8%。", "0.8%", "經濟"),
    ("该国第二季度经济被估计较上季度增长0.8%。", "0.8%", "经济"),
]

# words of data/claims.json: change words (回落, 加快) that pass the measure on, measure nouns (指數, 國民所得)
DATA_WORDS = [
    ("全国工业增加值同比增长3.8%,比上月回落0.1个百分点。", "0.1个百分点", "全国工业增加值", "down"),
    ("工業生產指數年增3%，比上月加快0.5個百分點。", "0.5個百分點", "工業生產指數", "up"),
    ("南韓當時經濟發達，人均國民所得達1萬美元。", "1萬美元", "國民所得", None),
    ("该市居民消费价格指数达102点。", "102点", "居民消费价格指数", None),
    ("拍板月薪三萬元，調幅百分之三。", "百分之三", "調幅", None),  # 調幅 is a measure, not the links 調|幅
    ("最终确定月薪三万元,调幅百分之三。", "百分之三", "调幅", None),
    ("全年集資額預測亦上調至300億元。", "300億元", "集資額預測", "up"),  # 亦 links as 也 does
    ("全年融资额预测亦上调至300亿元。", "300亿元", "融资额预测", "up"),
    # build.restates: an amount after 或 gives the one before it another way: its measure and direction
    ("道瓊指數收報30,500點，跌300點或0.98%。", "0.98%", "指數", "down"),
    ("道琼指数收报30,500点,跌300点或0.98%。", "0.98%", "指数", "down"),
    ("該公司淨利減少3億元或12%。", "12%", "淨利", "down"),
    ("该公司净利减少3亿元或12%。", "12%", "净利", "down"),
    # 挫, 急挫 (direction_down) are falls: a change word, and the amount's direction
    ("該股午後急挫8%。", "8%", "急挫", "down"),
    ("该股盘中一度挫5%。", "5%", "挫", "down"),
]


def claim_of(result, amount):
    return next(c for c in result.claims if isinstance(c, QuantityClaim) and c.quantity.text == amount)


@pytest.mark.parametrize("rule, text, amount, measure", ROWS, ids=[f"{r[0]}-{r[2]}" for r in ROWS])
def test_measure_rule(rule, text, amount, measure):
    c = claim_of(extractor().extract(text), amount)
    assert (c.measure, c.measure_rule) == (measure, rule)
    assert claim_of(Extractor(disable=[rule]).extract(text), amount).measure != measure


@pytest.mark.parametrize("text, amount, measure", KEPT, ids=[r[1] for r in KEPT])
def test_measure_kept(text, amount, measure):
    assert claim_of(extractor().extract(text), amount).measure == measure


@pytest.mark.parametrize("text, amount, measure, direction", DATA_WORDS, ids=[r[1] for r in DATA_WORDS])
def test_measure_data_words(text, amount, measure, direction):
    c = claim_of(extractor().extract(text), amount)
    assert (c.measure, c.direction) == (measure, direction)


def test_the_rows_cover_both_scripts():
    from h200claims.text.script import is_traditional
    for rule in {r[0] for r in ROWS}:
        texts = [r[1] for r in ROWS if r[0] == rule]
        assert any(map(is_traditional, texts)) and not all(map(is_traditional, texts)), rule


@pytest.mark.parametrize("text, amount", [("聯發科第3季淨利達1,234億元，年增39%。", "39%"),
                                          ("联发科第三季度净利达1234亿元,同比增长39%。", "39%")])
def test_an_earlier_clause_with_an_amount_is_left_to_inheritance(text, amount):
    off = Extractor(disable=["inherit_within_sentence"]).extract(text)
    assert claim_of(off, amount).measure is None
    assert claim_of(extractor().extract(text), amount).measure in ("淨利", "净利")
