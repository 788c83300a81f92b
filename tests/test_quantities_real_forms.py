"""Quantity forms met on scraped pages (issue 22), on sentences we wrote ourselves, in both scripts:
each row fails without the rule its comment names."""
import pytest

from h200claims.testing import extractor

N = None
# (sentence, quantity text, kind, value, unit)
FOUND = [
    # spaced_unit: ASCII numbers set off by spaces keep their unit
    ("金管會統計，代表案例為 2 家投信，均遭罰款。", "2 家投信", "count", 2, "投信"),
    ("金管会统计，代表案例为 2 家投信，均遭罚款。", "2 家投信", "count", 2, "投信"),
    ("公司表示，恐將連續 4 年未達標。", "4 年", "duration", 4, "year"),
    ("公司表示，恐将连续 4 年未达标。", "4 年", "duration", 4, "year"),
    ("董事長說，5 年內不會再增資。", "5 年", "duration", 5, "year"),
    ("董事长说，5 年内不会再增资。", "5 年", "duration", 5, "year"),
    # count_noun_classifiers: 輛 and 架 are units themselves, whatever noun follows
    ("該車廠上月交付了3654輛純電動車，同比大增。", "3654輛", "count", 3654, "輛"),
    ("该车厂上月交付了3654辆纯电动车，同比大增。", "3654辆", "count", 3654, "辆"),
    ("航空公司宣布訂購40架寬體客機，金額未公布。", "40架", "count", 40, "架"),
    ("航空公司宣布订购40架宽体客机，金额未公布。", "40架", "count", 40, "架"),
    # noun_before: no noun after the classifier, the noun right before the number is counted
    ("警方在現場扣得手機237支、電腦設備一批。", "237支", "count", 237, "手機"),
    ("警方在现场扣得手机237支、电脑设备一批。", "237支", "count", 237, "手机"),
    ("本月遭凍結的帳戶共3642個，金額尚在清查。", "3642個", "count", 3642, "帳戶"),
    ("本月遭冻结的账户共3642个，金额尚在清查。", "3642个", "count", 3642, "账户"),
    ("研究指出，成功重組的房企僅3家，其餘仍在談判。", "3家", "count", 3, "房企"),
    ("研究指出，成功重组的房企仅3家，其余仍在谈判。", "3家", "count", 3, "房企"),
    # ... but not a verb or a link word before it (則有), nor a trading verb (賣超)
    ("新增的業者則有309家、6409人。", "309家", "count", 309, "家"),
    ("新增的业者则有309家、6409人。", "309家", "count", 309, "家"),
    ("權值股昨遭外資賣超1萬7,749張，居冠。", "1萬7,749張", "count", 17749, "張"),
    ("权值股昨遭外资卖超1万7,749张，居冠。", "1万7,749张", "count", 17749, "张"),
    # bare_yuan places: 職總 and 人力部 are Singapore's; 少過 bounds like 低於
    ("職總與人力部表示，不少雇員薪資少過千元。", "少過千元", "money", 1000, "SGD"),
    ("职总与人力部表示，不少雇员薪资少过千元。", "少过千元", "money", 1000, "SGD"),
    # classifiers: 段 counts tiers
    ("電價分為3段級距，每段費率不同。", "3段", "count", 3, "段"),
    ("电价分为3段级距，每段费率不同。", "3段", "count", 3, "段"),
    # rest_of_word: 三|大航 (the segmenter joins 大 to its noun) counts 航
    ("國產客機的買家名單集齊國有三大航。", "三大航", "count", 3, "航"),
    ("国产客机的买家名单集齐国有三大航。", "三大航", "count", 3, "航"),
    # measure_units: data rates (Mbps, Gbps) are technical amounts
    ("其中300Mbps以上的用戶年增一成。", "300Mbps以上", "measure", 300, "Mbps"),
    ("其中300Mbps以上的用户年增一成。", "300Mbps以上", "measure", 300, "Mbps"),
    # count_noun_stops: a one-character verb ends the counted noun
    ("會議同意委派另外兩名成員入內協助。", "兩名成員", "count", 2, "成員"),
    ("会议同意委派另外两名成员入内协助。", "两名成员", "count", 2, "成员"),
    ("報告分三大門類看，製造業增幅最大。", "三大門類", "count", 3, "門類"),
    ("报告分三大门类看，制造业增幅最大。", "三大门类", "count", 3, "门类"),
    # ... nor a measure word (成交量 says what is measured)
    ("該股今日成交量8萬2,115張。", "8萬2,115張", "count", 82115, "張"),
    ("该股今日成交量8万2,115张。", "8万2,115张", "count", 82115, "张"),
    # scaled_count: a number in 萬 or 億 right before the noun it counts
    ("統計顯示，國內有15萬7500雇員月薪不足千元。", "15萬7500雇員", "count", 157500, "雇員"),
    ("统计显示，国内有15万7500雇员月薪不足千元。", "15万7500雇员", "count", 157500, "雇员"),
    ("該平台目前已有1000萬用戶。", "1000萬用戶", "count", 10_000_000, "用戶"),
    ("该平台目前已有1000万用户。", "1000万用户", "count", 10_000_000, "用户"),
    # a bare 億 before a currency is 1億 (億元罰單); a bare scale after 突破 is a number (突破萬輛)
    ("這是該局開出的首張億元罰單。", "億元", "money", 1e8, "TWD"),
    ("这是该局开出的首张亿元罚单。", "亿元", "money", 1e8, "CNY"),
    ("該車廠連續兩個月交付突破萬輛。", "萬輛", "count", 10000, "輛"),
    ("该车厂连续两个月交付突破万辆。", "万辆", "count", 10000, "辆"),
    # future_markers: a month in a clause that says 可能 or 等到 looks ahead (article of 2025-12-10)
    ("央行有可能在4月的會議研議升息。", "4月", "date", N, "2026-04"),
    ("央行有可能在4月的会议研议升息。", "4月", "date", N, "2026-04"),
    ("升息不一定須等到4月1日的調查結果。", "4月1日", "date", N, "2026-04-01"),
    ("升息不一定须等到4月1日的调查结果。", "4月1日", "date", N, "2026-04-01"),
    # after_first: 前三|季 is the first three quarters though the segmenter joins 前三
    ("受運輸帶動，公司前三季營收年增。", "三季", "duration", 3, "quarter"),
    ("受运输带动，公司前三季营收年增。", "三季", "duration", 3, "quarter"),
    # NUMBER: an ASCII comma after a word is a clause comma, not a thousands separator
    ("他指出,本地業務中,70%貸款涉及展延。", "70%", "percent", 70, "%"),
    ("他指出,本地业务中,70%贷款涉及展延。", "70%", "percent", 70, "%"),
    # NUMBER: 零 between digit sections (4億零90萬 = 400,900,000)
    ("集團逆轉上年同季的4億零90萬元淨虧。", "4億零90萬元", "money", 400_900_000, "TWD"),
    ("集团逆转上年同季的4亿零90万元净亏。", "4亿零90万元", "money", 400_900_000, "CNY"),
    # spaced_unit: a space after a scale (2474億 年增) starts a new word, no duration in years
    ("公司去年營收2474億 年增9%。", "2474億", "money", 2.474e11, "TWD"),
    ("公司去年营收2474亿 年增9%。", "2474亿", "money", 2.474e11, "CNY"),
    # date_more: 今（23）日 and 昨 (22) 日 (article of 2025-12-10), 民國 years
    ("金管會今（9）日公布裁罰案件。", "今（9）日", "date", N, "2025-12-09"),
    ("金管会今（9）日公布裁罚案件。", "今（9）日", "date", N, "2025-12-09"),
    ("台股昨 (8) 日收盤上漲。", "昨 (8) 日", "date", N, "2025-12-08"),
    ("台股昨 (8) 日收盘上涨。", "昨 (8) 日", "date", N, "2025-12-08"),
    ("該集團自民國103年至今經手金額龐大。", "民國103年", "date", N, "2014"),
    ("该集团自民国103年至今经手金额庞大。", "民国103年", "date", N, "2014"),
    ("新制自民國114年3月5日起實施。", "民國114年3月5日", "date", N, "2025-03-05"),
    # blocked(letter_before=False): a money unit after the number makes EPS4.77元 no model number
    ("公司去年淨利144.4億元、EPS4.77元，獲利年增。", "4.77元", "money", 4.77, "TWD"),
    ("公司去年净利144.4亿元、EPS4.77元，获利年增。", "4.77元", "money", 4.77, "CNY"),
    # bare_scale_money: a money word right after a number in 億 (近1800億結餘, 逾6億公帑)
    ("官員說，近1800億結餘仍屬高水平。", "近1800億", "money", 1.8e11, "TWD"),
    ("官员说，近1800亿结余仍属高水平。", "近1800亿", "money", 1.8e11, "CNY"),
    ("新方案每年可節省逾6億公帑。", "逾6億", "money", 6e8, "TWD"),
    # period_unit: a stretch of months that is a quarter is that quarter (and ∼ joins months)
    ("公司發表了第1季度(1∼3月份)的業績。", "1∼3月份", "date", N, "2025-Q1"),
    ("公司发表了第1季度(1∼3月份)的业绩。", "1∼3月份", "date", N, "2025-Q1"),
    ("公司4至6月營收成長兩成。", "4至6月", "date", N, "2025-Q2"),
    ("公司4至6月营收成长两成。", "4至6月", "date", N, "2025-Q2"),
    # PERIOD: 首三季 is the year's first three quarters, 首季 its first
    ("交易所今年首三季集資額全球第一。", "今年首三季", "date", N, "2025"),
    ("交易所今年首三季集资额全球第一。", "今年首三季", "date", N, "2025"),
    ("銀行今年首季資產質量穩定。", "今年首季", "date", N, "2025-Q1"),
    ("银行今年首季资产质量稳定。", "今年首季", "date", N, "2025-Q1"),
    # classifiers: a ton-kilometre or passenger-kilometre (吨公里, 人公里) is one unit of work, no mass
    ("全年貨運周轉量達2,450億噸公里。", "2,450億噸公里", "count", 2.45e11, "噸公里"),
    ("全年货运周转量达2450亿吨公里。", "2450亿吨公里", "count", 2.45e11, "吨公里"),
    ("铁路旅客周转量完成800亿人公里。", "800亿人公里", "count", 8e10, "人公里"),
    # ... but 兩 and Arabic digits count (兩次會議 is two meetings)
    ("董事會上月召開了兩次會議。", "兩次", "count", 2, "次"),
    ("董事会上月召开了3次会议。", "3次", "count", 3, "次"),
    # amount: a qualifier that ends a word (逼|近, 最|近) is no qualifier; the amount starts at its number
    ("今年出口總值已逼近6,000億美元。", "6,000億美元", "money", 6e11, "USD"),
    ("今年出口总值已逼近6,000亿美元。", "6,000亿美元", "money", 6e11, "USD"),
    # cent_units: an amount in cents alone (仙) is money in the bare currency, and says which it is where
    # nothing else does (Hong Kong's in Traditional script, Malaysia's in Simplified)
    ("電力公司宣布，基本電價上調3.5仙，至每度電98.2仙。", "98.2仙", "money", 0.982, "HKD"),
    ("电力公司宣布，基本电价上调3.5仙，至每度电98.2仙。", "98.2仙", "money", 0.982, "MYR"),
    ("巴士車費上調4仙後，乘客每月多付約12元。", "約12元", "money", 12, "HKD"),
    ("巴士车费上调4仙后，乘客每月多付约12元。", "约12元", "money", 12, "MYR"),
]

# measure_low: two measures joined are one range (text, span, low, high, unit)
RANGES = [
    ("每月用電701度至1000度者，每度調漲0.2元。", "701度至1000度", 701, 1000, "kWh"),
    ("每月用电701度至1000度者，每度调涨0.2元。", "701度至1000度", 701, 1000, "kWh"),
    ("新站距離市區3至5公里。", "3至5公里", 3, 5, "km"),
    ("新站距离市区3至5公里。", "3至5公里", 3, 5, "km"),
]

ABSENT = [
    # spaced_unit: a classifier that starts a longer word is no unit (台灣 is one word)
    ("名單上共有 16 台灣廠商參展。", "16 台"),
    ("名单上共有 16 台湾厂商参展。", "16 台"),
    # VAGUE_DIGITS: 數億元 has no value, and its 億元 is no 1億
    ("他的身家數億元。", "億元"),
    ("他的身家数亿元。", "亿元"),
    # one_after: 前一年 is the year before, a relative date like 去年
    ("公司純益較前一年同期減少26.1%。", "一年"),
    ("公司纯益较前一年同期减少26.1%。", "一年"),
    # decimal_point: 一四六點四八 is one number, no count of 點
    ("房價指數升至一四六點四八，創新高。", "一四六點"),
    ("房价指数升至一四六点四八，创新高。", "一四六点"),
    # 年度 names a (fiscal) year: 27年度 is no duration of 27 years
    ("政府預計在2026至27年度錄得盈餘。", "27年"),
    ("政府预计在2026至27年度录得盈余。", "27年"),
    # is_rank: 前3名, 前十名, 前三大 are ranks, not counts
    ("外資今天賣超前3名依序為友達、群創。", "3名"),
    ("外资今天卖超前3名依序为友达、群创。", "3名"),
    ("投信賣超前十名依序為旺宏、華新。", "十名"),
    ("投信卖超前十名依序为旺宏、华新。", "十名"),
    ("保險業今年前三大裁罰都與理賠有關。", "三大"),
    ("保险业今年前三大裁罚都与理赔有关。", "三大"),
    # not_after at the unit: a session's ordinal written without 第 (十四屆, 二次會議) is no count
    ("代表們出席十四屆全國人大二次會議。", "十四屆"),
    ("代表们出席十四届全国人大二次会议。", "十四届"),
    ("代表們出席十四屆全國人大二次會議。", "二次"),
    ("代表们出席十四届全国人大二次会议。", "二次"),
    # cent_units: 仙 after a numeral word is no money (八仙), nor where the bare currency has no cents
    ("這幅八仙過海圖拍出高價。", "八仙"),
    ("这幅八仙过海图拍出高价。", "八仙"),
    ("以新台幣計價的商品每件漲3仙。", "3仙"),
    ("以人民币计价的商品每件涨3仙。", "3仙"),
]


@pytest.mark.parametrize("text, span, kind, value, unit", FOUND)
def test_found(text, span, kind, value, unit):
    qs = {q.text: q for q in extractor().extract(text, date="2025-12-10").quantities}
    assert span in qs, (text, list(qs))
    q = qs[span]
    assert (q.kind, q.value, q.unit) == (kind, value, unit)


@pytest.mark.parametrize("text, span", ABSENT)
def test_absent(text, span):
    texts = [q.text for q in extractor().extract(text, date="2025-12-10").quantities]
    assert not any(t.startswith(span) for t in texts), texts


@pytest.mark.parametrize("text, span, low, high, unit", RANGES)
def test_measure_ranges(text, span, low, high, unit):
    qs = {q.text: q for q in extractor().extract(text, date="2025-12-10").quantities}
    assert span in qs, (text, list(qs))
    q = qs[span]
    assert (q.kind, q.value, q.low, q.high, q.unit) == ("measure", None, low, high, unit)


# fiscal: fiscal years and quarters, moved to the calendar by the tie the article writes
FISCAL = [
    ("集團在截至今年6月底的2023財年第一季轉虧為盈，2022財年第四季仍虧損，第一季營收大增。", "2022-07-29",
     [("2023財年第一季", "2022-Q2"), ("2022財年第四季", "2022-Q1"), ("第一季", "2022-Q2")]),
    ("集团在截至今年6月底的2023财年第一季转亏为盈，2022财年第四季仍亏损，第一季营收大增。", "2022-07-29",
     [("2023财年第一季", "2022-Q2"), ("2022财年第四季", "2022-Q1"), ("第一季", "2022-Q2")]),
    ("該行會在2020財政年次季認列損失，展望2021財政年，淨利將回升。", "2020-05-29",
     [("2020財政年次季", "2020-Q2"), ("2021財政年", "2021")]),
    ("该行会在2020财政年次季认列损失，展望2021财政年，净利将回升。", "2020-05-29",
     [("2020财政年次季", "2020-Q2"), ("2021财政年", "2021")]),
    ("公司第一季營收成長，預計2023財年可轉虧為盈。", "2022-05-10",  # no tie: calendar quarters
     [("第一季", "2022-Q1"), ("2023財年", "2023")]),
]


@pytest.mark.parametrize("text, date, expected", FISCAL)
def test_fiscal_dates(text, date, expected):
    got = [(q.text, q.unit) for q in extractor().extract(text, date=date).quantities if q.kind == "date"]
    assert [g for g in got if g[0] in dict(expected)] == expected


def test_wire_dateline_sets_the_month_and_is_no_amount():
    """_article_ym / is_dateline: a page published later than its dateline dates bare days by it."""
    for text in ("中新社 北京7月5日電 (記者 陳康亮)據中國證監會5日發布的消息，證監會處罰5家公司。",
                 "中新社 北京7月5日电 (记者 陈康亮)据中国证监会5日发布的消息，证监会处罚5家公司。"):
        got = [(q.text, q.unit) for q in extractor().extract(text, date="2024-11-23").quantities if q.kind == "date"]
        assert got == [("5日", "2024-07-05")]
