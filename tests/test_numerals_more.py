"""Numeral forms beyond the basic ones (issue 17): 廿/卅, financial digits, 點 decimals, the spoken
shorthand 三萬五; sentences of our own, both scripts."""
from __future__ import annotations

import pytest

from h200claims import Extractor, to_simplified
from h200claims.tags.numbers import chinese_to_number

TABLE = [
    ("該黨支持度約百分之廿八。", "約百分之廿八", "percent", 28.0),
    ("工程延宕卅年。", "卅年", "duration", 30.0),
    ("此案涉及金額壹佰伍拾萬元。", "壹佰伍拾萬元", "money", 1_500_000.0),
    ("公司去年出貨三萬五台伺服器。", "三萬五台伺服器", "count", 35_000.0),
    ("參與的人數約兩千六人。", "約兩千六人", "count", 2_600.0),
    ("失業率增長了零點五個百分點。", "零點五個百分點", "percent", 0.5),
]


def quantity_in_both_scripts(text, span, date=None):
    """The quantity spanning ``span`` in ``text`` and in its Simplified twin (asserted found)."""
    for t, s in ((text, span), (to_simplified(text), to_simplified(span))):
        qs = Extractor().extract(t, date=date).quantities
        hit = next((q for q in qs if q.text == s), None)
        assert hit is not None, (t, [q.text for q in qs])
        yield t, hit


@pytest.mark.parametrize("text,span,kind,value", TABLE, ids=[r[1] for r in TABLE])
def test_numeral_forms_in_sentences(text, span, kind, value):
    for _, hit in quantity_in_both_scripts(text, span, date="2025-12-10"):
        assert (hit.kind, hit.value) == (kind, value)


@pytest.mark.parametrize("numeral,value", [("一百零二", 102), ("两千零六", 2006), ("一万零五", 10005), ("十五", 15),
                                           ("一百二十万三", 1_203_000), ("壹拾万零叁仟肆佰伍拾叁", 103_453),
                                           ("一七二零点一三四", 1720.134), ("廿一", 21)])
def test_chinese_to_number(numeral, value):
    assert chinese_to_number(numeral) == pytest.approx(value)


def test_financial_look_alikes_stay_words():
    r = Extractor().extract("陸方官員表示，參加會議的代表將討論關稅。")
    assert r.quantities == []
    assert "陸方" in [m.text for m in r.mentions]


@pytest.mark.parametrize("text,span,value,unit", [
    ("台股外資持股比重約2成。", "約2成", 20.0, "%"),
    ("去年有9.5成的訂單來自美國。", "9.5成", 95.0, "%"),
    ("預計三成半的企業受影響。", "三成半", 35.0, "%"),
    ("只有半成的受訪者反對。", "半成", 5.0, "%"),
    ("這是百分之百的成功。", "百分之百", 100.0, "%"),
    ("兌換1.0092瑞士法郎。", "1.0092瑞士法郎", 1.0092, "CHF"),
    ("一碗麵要60泰銖。", "60泰銖", 60.0, "THB"),
])
def test_more_percentages_and_currencies(text, span, value, unit):
    for t, hit in quantity_in_both_scripts(text, span):
        assert (hit.value, hit.unit) == (value, unit), (t, hit)


def test_cheng_as_part_of_a_word_is_not_a_percentage():
    assert Extractor().extract("公司2成員表示反對。").quantities == []


@pytest.mark.parametrize("text,span,value,unit", [
    ("台積電28奈米製程產能滿載。", "28奈米", 28.0, "nm"),
    ("新建一座12吋晶圓廠。", "12吋", 12.0, "in"),
    ("累積降雨量達800毫米。", "800毫米", 800.0, "mm"),
    ("陣風每秒48公尺。", "每秒48公尺", 48.0, "m/s"),
    ("年產1.1萬噸鋼材。", "1.1萬噸", 11_000.0, "t"),
    ("裝機容量5GW。", "5GW", 5.0, "GW"),
    ("記憶體為32GB。", "32GB", 32.0, "GB"),
    ("氣溫攝氏35度。", "攝氏35度", 35.0, "°C"),
    ("高鐵時速300公里。", "時速300公里", 300.0, "km/h"),
])
def test_measures(text, span, value, unit):
    for t, hit in quantity_in_both_scripts(text, span):
        assert (hit.kind, hit.value, hit.unit) == ("measure", value, unit), (t, hit)


def test_figurative_degrees_are_not_measures():
    assert [q for q in Extractor().extract("政策出現180度轉彎。").quantities if q.kind == "measure"] == []


@pytest.mark.parametrize("text,span,value,approx,unit,bound", [
    ("公司獲得250 萬美元投資。", "250 萬美元", 2_500_000.0, False, "USD", None),
    ("今年銷量達8 萬輛。", "8 萬輛", 80_000.0, False, "輛", None),
    ("營收約二．四億元。", "約二．四億元", 240_000_000.0, True, None, None),
    ("去年出貨300多萬台。", "300多萬台", 3_000_000.0, True, "台", None),
    ("加權指數收在2萬0450點。", "2萬0450點", 20_450.0, False, "點", None),
    ("四家銀行合計持有三成股份。", "四家銀行", 4.0, False, "銀行", None),
    ("每月賣出500輛以上。", "500輛以上", 500.0, False, "輛", "gt"),
    ("營收成長兩倍多。", "兩倍多", 2.0, True, "x", None),
])
def test_scraped_spacing_inner_approx_and_units(text, span, value, approx, unit, bound):
    for _, hit in quantity_in_both_scripts(text, span):
        assert (hit.value, hit.approx, hit.bound) == (value, approx, bound)
        if unit is not None:
            assert hit.unit in (unit, to_simplified(unit))


@pytest.mark.parametrize("text,currency", [
    ("港府宣布，每名香港居民可獲發5000元消費券，香港經濟可望回暖。", "HKD"),
    ("行政院宣布每人普發6000元，台灣民眾下月可領取。", "TWD"),
    ("国务院宣布每人补贴500元。", "CNY"),
    ("新加坡政府宣布每户可获500元，新加坡国会昨通过。", "SGD"),
    ("這項補助以港元計，每人最多可領3000元。", "HKD"),
])
def test_a_bare_yuan_follows_the_article(text, currency):
    money = [q for q in Extractor().extract(text).quantities if q.kind == "money"]
    assert money and money[-1].unit == currency


# ---- issue 17, this round: subunits, symbols, full-width commas, URLs, ill-formed numerals --------
import pytest as _pytest  # noqa: E402

from h200claims import Extractor as _Extractor  # noqa: E402

_EX = _Extractor()


def _amounts(text):
    return [(q.text, q.value, q.unit) for q in _EX.extract(text).quantities]


@_pytest.mark.parametrize("text,expected", [
    ("這杯咖啡賣八元五角。", [("八元五角", 8.5, "TWD")]),
    ("车票要12元3角5分。", [("12元3角5分", 12.35, "CNY")]),
    ("每股派息2港元5仙。", [("2港元5仙", 2.05, "HKD")]),
    ("一張郵票一美元又二十美分。", [("一美元又二十美分", 1.2, "USD")]),
    ("他花了300元5分鐘後離開。", [("300元", 300.0, "TWD"), ("5分鐘", 5.0, "minute")]),
])
def test_money_with_smaller_units(text, expected):
    assert _amounts(text) == expected


@_pytest.mark.parametrize("text,expected", [
    ("售價￥4,999，比去年便宜。", [("￥4,999", 4999.0, "CNY")]),
    ("門票NT$1,500。", [("NT$1,500", 1500.0, "TWD")]),
    ("成本約€30萬。", [("約€30萬", 300000.0, "EUR")]),
    ("租金HK$2.5萬一個月。", [("HK$2.5萬", 25000.0, "HKD")]),
])
def test_currency_symbols_before_a_number(text, expected):
    got = _amounts(text)
    assert got[:1] == expected, got


def test_a_fullwidth_comma_is_punctuation_between_ascii_digits():
    assert [q[0] for q in _amounts("他表示，25%的客戶同意，12吋晶圓產能增加。")] == ["25%", "12吋"]
    assert _amounts("報價20，300元。") == [("300元", 300.0, "TWD")]  # 20 alone has no unit
    assert _amounts("共１２，３４５家廠商。")[0][1] == 12345.0


def test_no_amount_inside_a_url():
    assert _amounts("詳見 https://example.com/a?p=30%25&y=2020 的說明。") == []


def test_an_ill_formed_numeral_ends_where_it_stops_being_one():
    assert _amounts("收盤價的百分之七十百分位。") == [("百分之七十", 70.0, "%")]


@_pytest.mark.parametrize("text,noun", [
    ("已有三家跨國企業有意擴大投資。", "跨國企業"),
    ("兩家內地企業表達進駐意向。", "家"),  # 內地 is a name: the count keeps its classifier
    ("兩名美國官員表示反對。", "名"),
    ("五名官員表示反對。", "官員"),
])
def test_the_counted_noun_stops_at_a_verb(text, noun):
    assert _amounts(text)[0][2] == noun


@_pytest.mark.parametrize("text,expected", [
    ("溢利按年上升11%至70億港元。", [("11%", "percent"), ("70億港元", "money")]),  # two amounts, not a range
    ("資金已連續5日淨流入。", [("5日", "duration")]),
    ("已連續5個交易日上漲。", [("5個交易日", "duration")]),
    ("首期投資約30億澳門元。", [("約30億澳門元", "money")]),
])
def test_kinds_this_round(text, expected):
    assert [(q.text, q.kind) for q in _EX.extract(text).quantities] == expected


def test_a_weekday_ends_the_counted_noun():
    assert _amounts("兩位知情人士週三表示，計畫延後。")[0][2] == "知情人士"


def test_a_place_in_a_currency_name_is_no_mention():
    r = _EX.extract("投資約30億澳門元，澳門經濟受惠。")
    assert [m.text for m in r.mentions] == ["澳門"] and r.quantities[0].unit == "MOP"


@_pytest.mark.parametrize("text,expected", [
    ("成長百 分 之 2。", [("百 分 之 2", 2.0, "%")]),
    ("下降六   個 百 分點。", [("六   個 百 分點", 6.0, "pp")]),
])
def test_percentages_written_spaced_out(text, expected):
    assert _amounts(text) == expected


# ---------------------------------------------------------------- this round's forms (issue 17)

ROUND = [
    # text, span, kind, value, low, high, approx
    ("報告顯示，受訪者中一 百 五 十 人表示支持。", "一 百 五 十 人", "count", 150.0, None, None, False),
    ("利率調升四點 五個百分點。", "四點 五個百分點", "percent", 4.5, None, None, False),
    ("營業利益年減-22.2%，創十年新低。", "-22.2%", "percent", -22.2, None, None, False),
    ("淨利率由正轉為负3%。", "负3%", "percent", -3.0, None, None, False),
    ("政府預算總額達四十九兆九千五百九十二億元。", "四十九兆九千五百九十二億元", "money", 49_959_200_000_000.0, None, None, False),
    ("票價只要9佰日元。", "9佰日元", "money", 900.0, None, None, False),
    ("一杯咖啡十塊錢。", "十塊錢", "money", 10.0, None, None, False),
    ("帳戶餘額為 3500 美元。", "3500 美元", "money", 3500.0, None, None, False),
    ("已有十幾家銀行跟進。", "十幾家銀行", "count", 10.0, None, None, True),
    ("現場聚集了三四百名抗議者。", "三四百名抗議者", "count", None, 300.0, 400.0, True),
    ("倆人都同意這項安排。", "倆人", "count", 2.0, None, None, False),
    ("工期還要一兩個月。", "一兩個月", "duration", None, 1.0, 2.0, True),
    ("有七八成的民眾贊成。", "七八成", "percent", None, 70.0, 80.0, True),
    ("失業率上升了二三十個百分點的說法並不可信。", "二三十個百分點", "percent", None, 20.0, 30.0, True),
]


@pytest.mark.parametrize("text,span,kind,value,low,high,approx", ROUND, ids=[r[1] for r in ROUND])
def test_this_rounds_numeral_forms(text, span, kind, value, low, high, approx):
    for t, hit in quantity_in_both_scripts(text, span):
        assert (hit.kind, hit.value, hit.low, hit.high, hit.approx) == (kind, value, low, high, approx), t


@pytest.mark.parametrize("text", ["新冠肺炎COVID-19疫情延燒。", "2024-2025年的預算已通過。", "三五成群的遊客湧入。",
                                  "他買了三塊蛋糕。", "一二線城市房價上漲。"])
def test_this_rounds_look_alikes_are_not_these_amounts(text):
    qs = Extractor().extract(text).quantities
    assert not any((q.value is not None and q.value < 0) or q.kind in ("money", "percent") or q.low is not None
                   for q in qs), [(q.text, q.kind, q.value) for q in qs]


from hypothesis import assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_quantities import to_chinese  # noqa: E402

FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹貳參肆伍陸柒捌玖拾佰仟")


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=2, max_value=10**7), spaced=st.booleans(), financial=st.booleans())
def test_spaced_and_financial_numerals_round_trip(n, spaced, financial):
    assume(not financial or n >= 10)  # a lone 參 or 陸 is a word (參加, 大陸), left out by design
    numeral = to_chinese(n)
    if financial:
        numeral = numeral.translate(FINANCIAL)
    if spaced and not financial:  # PDFs space out plain numerals; financial ones are written whole
        numeral = " ".join(numeral)
    text = f"公司表示，共有{numeral}名員工受影響。"
    qs = Extractor().extract(text).quantities
    assert len(qs) == 1 and qs[0].value == n, (text, [(q.text, q.value) for q in qs])


@settings(max_examples=60, deadline=None)
@given(d=st.integers(min_value=2, max_value=8), unit=st.sampled_from([("十", 10), ("百", 100), ("千", 1000), ("萬", 10**4)]))
def test_numeral_pairs_round_trip_as_ranges(d, unit):
    digits = "零一二三四五六七八九"
    text = f"現場約有{digits[d]}{digits[d + 1]}{unit[0]}人參加。"
    q = Extractor().extract(text).quantities[0]
    assert (q.value, q.low, q.high, q.approx) == (None, d * unit[1], (d + 1) * unit[1], True), text


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(min_value=1, max_value=99), frac=st.integers(min_value=0, max_value=9),
       sign=st.sampled_from(["-", "负", "－"]))
def test_negative_percentages_round_trip(whole, frac, sign):
    num = f"{whole}.{frac}" if frac else str(whole)
    text = f"該公司營收年增率為{sign}{num}%，市場震驚。"
    qs = [q for q in Extractor().extract(text).quantities if q.kind == "percent"]
    assert len(qs) == 1 and qs[0].value == pytest.approx(-(whole + frac / 10)), text


@pytest.mark.parametrize("text,expected", [
    ("上證指數年增12%。", [("12%", "percent", 12.0)]),                  # 指數 is the word: no 數年
    ("2025年中超聯賽開幕。", [("2025年", "date", None)]),               # 中超 is the word: no 年中
    ("統一三家公司的系統。", [("三家公司", "count", 3.0)]),              # 統一 is the word: 三家, not 一三家
    ("上百家企業參展，上萬台機器運轉。", [("上百家企業", "count", 100.0), ("上萬台機器", "count", 10000.0)]),
])
def test_a_number_inside_a_word_is_not_read(text, expected):
    for t in (text, to_simplified(text)):
        got = [(q.text, q.kind, q.value) for q in Extractor().extract(t).quantities]
        assert got == [(to_simplified(s) if t != text else s, k, val) for s, k, val in expected], t


@pytest.mark.parametrize("text,currency,how", [
    ("（中央社記者王明／台北3日電）\n\n市府宣布每人發放5000元補助。", "TWD", "outlet: 中央社"),
    ("（明報）\n\n政府宣布派發5000元電子消費券，市民反應熱烈。", "HKD", "outlet: 明报"),
    ("港元匯率穩定，政府派發5000元。", "HKD", "currency word: 港元"),
    ("公司宣佈每股將發放0.5元現金股利。", "TWD", "script: Traditional"),
    ("公司宣布每股将发放0.5元现金股利。", "CNY", "script: Simplified"),
])
def test_a_bare_yuan_says_how_its_currency_was_chosen(text, currency, how):
    q = [q for q in Extractor().extract(text).quantities if q.kind == "money"][0]
    assert (q.unit, q.currency_from) == (currency, how)
    named = Extractor().extract("公司市值達5000億美元。").quantities[0]
    assert named.currency_from is None


@pytest.mark.parametrize("text,expected", [
    ("電廠新機組容量為130萬瓩，另一座為50千瓩。", [("130萬瓩", "measure", 1_300_000.0, "kW"), ("50千瓩", "measure", 50_000.0, "kW")]),
    ("全台用電達3萬8500百萬瓩。", [("3萬8500百萬瓩", "measure", 38_500.0, "MW")]),
    ("基金規模已達近千億元，目標是上萬億元。", [("近千億元", "money", 1e11, "TWD"), ("上萬億元", "money", 1e12, "TWD")]),
    ("該公司推出8層HBM與16層HBM。", [("8層", "count", 8.0, "層"), ("16層", "count", 16.0, "層")]),
    ("比上一季增加，同一天另一家公司也宣布，每一位員工加薪。", []),
])
def test_units_scales_and_determiners(text, expected):
    got = [(q.text, q.kind, q.value, q.unit) for q in Extractor().extract(text).quantities]
    assert got == expected


@pytest.mark.parametrize("text,expected", [
    ("市長九日宣布，新制將從廿一日起實施，三日內完成登記。", [("九日", "2026-03-09"), ("廿一日", "2026-02-21")]),
    ("委員會十日表示，一百二十日後再議，一日之內可完成。", [("十日", "2026-03-10")]),
    ("報告於三十日公布，31日再審。", [("三十日", "2026-03-30"), ("31日", "2026-03-31")]),  # there is no 30 February
    ("會議於17 日舉行，日方也將出席。", [("17 日", "2026-03-17")]),  # 日 after a number is no Japan
])
def test_days_of_the_month_in_chinese_numerals_and_impossible_days(text, expected):
    r = Extractor().extract(text, date="2026-03-20")
    assert [(q.text, q.unit) for q in r.quantities if q.kind == "date"] == expected
    assert not any(m.text == "日" for m in r.mentions)


@pytest.mark.parametrize("text,expected", [
    ("去年該公司出貨百萬台，營收達千億元。", [("百萬台", "count", 1e6), ("千億元", "money", 1e11)]),
    ("千萬不要相信，百萬富翁也一樣。", []),
])
def test_a_scale_with_no_digit(text, expected):
    assert [(q.text, q.kind, q.value) for q in Extractor().extract(text).quantities] == expected
