"""Amounts as scraped pages write them, on sentences written for this table (both scripts)."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor

ROWS = [
    # text, amount as written, kind, value (or (low, high) or ('from', from, to)), unit
    ("全國約二四七萬名勞工受惠。", "約二四七萬名勞工", "count", 2_470_000, "勞工"),
    ("月薪為二萬九五○○元。", "二萬九五○○元", "money", 29_500, "TWD"),
    ("成交量6萬1,332張。", "6萬1,332張", "count", 61_332, "張"),
    ("罰鍰合計1 億 3428 萬元。", "1 億 3428 萬元", "money", 134_280_000, "TWD"),
    ("约7成3的受访者支持。", "约7成3", "percent", 73, "%"),
    ("公司成立80週年。", "80週年", "duration", 80, "year"),
    ("共裁罰 11 件，其中銀行 2 件。", "11 件", "count", 11, "件"),
    ("旅客逾9﹒3萬人次。", "逾9﹒3萬人次", "count", 93_000, "人次"),
    ("經濟成長率由3.05%上修至4.56%。", "3.05%上修至4.56%", "percent", ("from", 3.05, 4.56), "%"),
    ("基本工資從2萬8590元，調漲為2萬9500元。", "2萬8590元，調漲為2萬9500元", "money", ("from", 28_590, 29_500), "TWD"),
    ("明年资本支出约2至3亿美元。", "约2至3亿美元", "money", (2e8, 3e8), "USD"),
    ("约三到五成的企业。", "约三到五成", "percent", (30, 50), "%"),
    ("澳門博彩監察協調局公布，澳門全年賭收2474億，按年增9%。", "2474億", "money", 247_400_000_000, "MOP"),
    ("恒地（0012）旗下紅磡項目套現逾60億元。", "逾60億元", "money", 6e9, "HKD"),  # a Hong Kong stock code
    ("二季度分别达到9.76万亿和10.34万亿元。", "9.76万亿", "money", 9.76e12, "CNY"),  # joined to a money amount
    ("兩國分別投資3億和5億美元。", "3億", "money", 3e8, "USD"),
    ("中鋼（2002）9月營收243.85億元。", "243.85億元", "money", 2.4385e10, "TWD"),  # a Taiwan one
    ("人民银行表示，外汇储备近3.2万亿，环比上升。", "近3.2万亿", "money", 3.2e12, "CNY"),
    ("項目全盤241伙，已售出8伙。", "241伙", "count", 241, "伙"),
    ("今年共有66宗新股上市。", "66宗", "count", 66, "宗"),
    ("被告被判處七年六個月徒刑。", "七年六個月", "duration", 7.5, "year"),
    ("他向四十餘名投資人吸金約1.2億元。", "約1.2億元", "money", 1.2e8, "TWD"),
    ("他向四十餘名投資人吸金約1.2億元。", "四十餘名投資人", "count", 40, "投資人"),  # 吸金 is the verb
    ("共有5080名被害人財損超過157億元。", "5080名被害人", "count", 5080, "被害人"),
    ("公司共有30名员工月薪3万元。", "30名员工", "count", 30, "员工"),
    ("現場扣得銀聯卡350張以及大量電腦設備。", "350張", "count", 350, "張"),  # a conjunction ends it
    ("五家企业全部陷入亏损。", "五家企业", "count", 5, "企业"),
    ("共有參佰零壹名員工受影響。", "參佰零壹名員工", "count", 301, "員工"),
    ("補助十八至三十萬日元。", "十八至三十萬日元", "money", (1.8e5, 3e5), "JPY"),
    ("资本额4千5百万元。", "4千5百万元", "money", 4.5e7, "CNY"),  # digits each with its unit
    ("資本額3億5千萬元。", "3億5千萬元", "money", 3.5e8, "TWD"),
    ("罚款4万5千元。", "4万5千元", "money", 4.5e4, "CNY"),
    ("损失十几万元。", "十几万元", "money", 1e5, "CNY"),  # 幾: the round value, approx
    ("約有二十幾萬人參加。", "二十幾萬人", "count", 2e5, "人"),
    ("车费十块三毛。", "十块三毛", "money", 10.3, "CNY"),  # 塊 with its tenths
    ("门票三块五。", "三块五", "money", 3.5, "CNY"),
    ("約兩到三千人參加。", "約兩到三千人", "count", (2000, 3000), "人"),
    ("罰款1萬元--5萬元。", "1萬元--5萬元", "money", (1e4, 5e4), "TWD"),
    ("利率上調25點子。", "25點子", "percent", 25, "bp"),
    ("定存利率3厘。", "3厘", "percent", 3, "%"),
    ("減息25個基點。", "25個基點", "percent", 25, "bp"),
    ("股息率5巴仙。", "5巴仙", "percent", 5, "%"),
    ("每月用電700度以下。", "700度以下", "measure", 700, "kWh"),
    ("四口之家每月用電約700度。", "約700度", "measure", 700, "kWh"),  # 度 with 用電 in its sentence
    ("700度以下用戶每月電費將增加70元。", "700度以下", "measure", 700, "kWh"),
    ("确保月用电量1500千瓦时或以下的家庭。", "1500千瓦时", "measure", 1500, "kWh"),  # 千瓦時 is no 千
    ("装机容量5万千瓦。", "5万千瓦", "measure", 50_000, "kW"),
]


@pytest.mark.parametrize("text, date, said, unit", [
    ("公司預計9月完工。", "2026-06-10", "9月", "2026-09"),
    ("新規將於2月中旬生效。", "2025-12-10", "2月中旬", "2026-02"),
    ("輝達在4月被迫停止出貨。", "2025-12-10", "4月", "2025-04"),
    ("公司12月營收創新高。", "2026-01-10", "12月", "2025-12"),
    ("新廠預計2027至2028年量產。", "2026-01-10", "2027至2028年", "2027/2028"),
    ("新制9月將開始實施。", "2026-06-10", "9月", "2026-09"),  # a date right before 將 looks ahead
    ("新制3月起将实施。", "2025-11-10", "3月", "2026-03"),
    ("新站4月將軍澳線啟用。", "2026-06-10", "4月", "2026-04"),  # the 將 of 將軍澳 is no 將
    ("票價10月即將調漲。", "2026-06-10", "10月", "2026-10"),
    ("今年前 8 月共裁罰 20 件。", "2025-09-23", "今年前 8 月", "2025"),  # months from the year's start
    ("前10个月累计交付10万辆。", "2021-11-02", "前10个月", "2021"),
    ("2024年1至8月出口成長。", "2025-01-10", "2024年1至8月", "2024"),
    ("1月份-7月份，工业增加值增长3.8%。", "2023-08-15", "1月份-7月份", "2023"),
])
def test_dates_read_by_the_articles_date(text, date, said, unit):
    q = next(q for q in extractor().extract(text, date=date).quantities if q.text == said)
    assert (q.kind, q.unit) == ("date", unit)


@pytest.mark.parametrize("text, said, kind, value, unit", ROWS, ids=[r[1] for r in ROWS])
def test_scraped_amount(text, said, kind, value, unit):
    q = next((q for q in extractor().extract(text).quantities if q.text == said), None)
    assert q is not None, [x.text for x in extractor().extract(text).quantities]
    assert (q.kind, q.unit) == (kind, unit)
    if isinstance(value, tuple) and value[0] == "from":
        assert (q.from_value, q.to_value) == pytest.approx(value[1:])
    elif isinstance(value, tuple):
        assert (q.low, q.high) == pytest.approx(value)
    else:
        assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["中國人口14億，居世界前列。", "全球用戶逾10億，持續增加。", "16 台灣廠商參展。"])
def test_no_money_or_count_without_its_signal(text):
    kinds = {(q.text, q.kind) for q in extractor().extract(text).quantities}
    assert not any(k in ("money", "count") for _, k in kinds), kinds
