"""Quantities: a table of expressions we wrote ourselves, in both scripts, and a property test."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from h200claims import to_simplified
from h200claims.testing import extractor

N = None
# (sentence, quantity text, kind, value, unit, approx, bound, low, high, from, to)
TABLE = [
    ("該公司營收成長25%，優於預期。", "25%", "percent", 25, "%", False, N, N, N, N, N),
    ("該公司營收成長２５％，優於預期。", "２５％", "percent", 25, "%", False, N, N, N, N, N),
    ("利潤率約為12.5%左右。", "12.5%左右", "percent", 12.5, "%", True, N, N, N, N, N),
    ("失業率已跌破到4%以下了。", "4%以下", "percent", 4, "%", False, "lt", N, N, N, N),
    ("股價上漲逾3%，創下新高。", "逾3%", "percent", 3, "%", False, "gt", N, N, N, N),
    ("市占率超過30%，居業界之冠。", "超過30%", "percent", 30, "%", False, "gt", N, N, N, N),
    ("支持率不到20%，創新低。", "不到20%", "percent", 20, "%", False, "lt", N, N, N, N),
    ("關稅最多15%，由總統決定。", "最多15%", "percent", 15, "%", False, "le", N, N, N, N),
    ("折扣至少10%，即日起實施。", "至少10%", "percent", 10, "%", False, "ge", N, N, N, N),
    ("出口比重占百分之四十，相當可觀。", "百分之四十", "percent", 40, "%", False, N, N, N, N, N),
    ("出口比重占百分之二十五點。", "百分之二十五", "percent", 25, "%", False, N, N, N, N, N),
    ("晶片有一半銷往海外市場。", "一半", "percent", 50, "%", False, N, N, N, N, N),
    ("營收有兩成來自中國市場。", "兩成", "percent", 20, "%", False, N, N, N, N, N),
    ("营收有两成来自中国市场。", "两成", "percent", 20, "%", False, N, N, N, N, N),
    ("市場有五成的機率降息。", "五成", "percent", 50, "%", False, N, N, N, N, N),
    ("市占率達四成六，穩居第一。", "四成六", "percent", 46, "%", False, N, N, N, N, N),
    ("稅率由15%提高至25%，引發反彈。", "15%提高至25%", "percent", 25, "%", False, N, N, N, 15, 25),
    ("税率由15%提高至25%，引发反弹。", "15%提高至25%", "percent", 25, "%", False, N, N, N, 15, 25),
    ("比例從30%降到20%，幅度不小。", "30%降到20%", "percent", 20, "%", False, N, N, N, 30, 20),
    ("預估利率在15%-25%之間。", "15%-25%", "percent", N, "%", False, N, 15, 25, N, N),
    ("新晶片效能是舊款的6倍。", "6倍", "multiple", 6, "x", False, N, N, N, N, N),
    ("新芯片性能是旧款的六倍。", "六倍", "multiple", 6, "x", False, N, N, N, N, N),
    ("新晶片效能約為舊款的3倍。", "3倍", "multiple", 3, "x", True, N, N, N, N, N),
    ("兩國差距從原本約10倍縮小至最多5倍。", "約10倍縮小至最多5倍", "multiple", 5, "x", True, "le", N, N, 10, 5),
    ("两国差距从原本约10倍缩小至最多5倍。", "约10倍缩小至最多5倍", "multiple", 5, "x", True, "le", N, N, 10, 5),
    ("差距由8倍擴大到12倍，令人擔憂。", "8倍擴大到12倍", "multiple", 12, "x", False, N, N, N, 8, 12),
    ("速度提升了1.5倍以上。", "1.5倍以上", "multiple", 1.5, "x", False, "gt", N, N, N, N),
    ("公司募得5000萬美元，準備擴廠。", "5000萬美元", "money", 50_000_000, "USD", False, N, N, N, N, N),
    ("公司募得5000万美元，准备扩厂。", "5000万美元", "money", 50_000_000, "USD", False, N, N, N, N, N),
    ("總投資約新台幣16.2億元，預計明年完工。", "約新台幣16.2億元", "money", 1_620_000_000, "TWD", True, N, N, N, N, N),
    ("總投資約台幣3千億元，規模空前。", "約台幣3千億元", "money", 300_000_000_000, "TWD", True, N, N, N, N, N),
    ("罰款超過1.6億美元，創下紀錄。", "超過1.6億美元", "money", 160_000_000, "USD", False, "gt", N, N, N, N),
    ("罰款达人民币三千五百万元，创下纪录。", "人民币三千五百万元", "money", 35_000_000, "CNY", False, N, N, N, N, N),
    ("這筆交易價值5,000美元。", "5,000美元", "money", 5000, "USD", False, N, N, N, N, N),
    ("這筆交易價值５０００美元。", "５０００美元", "money", 5000, "USD", False, N, N, N, N, N),
    ("公司花費數十億美元研發新品。", "數十億美元", "money", N, "USD", True, N, N, N, N, N),
    ("市值蒸發了兩千億港元。", "兩千億港元", "money", 200_000_000_000, "HKD", False, N, N, N, N, N),
    ("補助金額為300萬日圓。", "300萬日圓", "money", 3_000_000, "JPY", False, N, N, N, N, N),
    ("這項計畫耗資20億歐元。", "20億歐元", "money", 2_000_000_000, "EUR", False, N, N, N, N, N),
    ("這款手機售價5999元，下週開賣。", "5999元", "money", 5999, "TWD", False, N, N, N, N, N),
    ("这款手机售价5999元，下周开卖。", "5999元", "money", 5999, "CNY", False, N, N, N, N, N),
    ("美國領先中國2到3年，差距正在縮小。", "2到3年", "duration", N, "year", False, N, 2, 3, N, N),
    ("美国领先中国二到三年，差距正在缩小。", "二到三年", "duration", N, "year", False, N, 2, 3, N, N),
    ("預計需要3至6個月才能完成。", "3至6個月", "duration", N, "month", False, N, 3, 6, N, N),
    ("法案要求在未來30個月內全面禁售。", "30個月", "duration", 30, "month", False, N, N, N, N, N),
    ("差距已縮小到不到1年。", "不到1年", "duration", 1, "year", False, "lt", N, N, N, N),
    ("消息曝光不到一天就引發熱議。", "不到一天", "duration", 1, "day", False, "lt", N, N, N, N),
    ("工程將持續兩週。", "兩週", "duration", 2, "week", False, N, N, N, N, N),
    ("他工作了12小時才休息。", "12小時", "duration", 12, "hour", False, N, N, N, N, N),
    ("會議進行了45分鐘。", "45分鐘", "duration", 45, "minute", False, N, N, N, N, N),
    ("中國僅落後美國幾奈秒。", "幾奈秒", "duration", N, "nanosecond", True, N, N, N, N, N),
    ("未來幾年差距可能擴大。", "幾年", "duration", N, "year", True, N, N, N, N, N),
    ("他今年四十三歲，是公司最年輕的主管。", "四十三歲", "duration", 43, "year", False, N, N, N, N, N),
    ("該公司已連續3季虧損。", "3季", "duration", 3, "quarter", False, N, N, N, N, N),
    ("他已在公司服務20多年。", "20多年", "duration", 20, "year", True, N, N, N, N, N),
    ("美國與8個盟友共同推動倡議。", "8個盟友", "count", 8, "盟友", False, N, N, N, N, N),
    ("美国与8个盟友共同推动倡议。", "8个盟友", "count", 8, "盟友", False, N, N, N, N, N),
    ("兩名知情人士透露此事。", "兩名知情人士", "count", 2, "知情人士", False, N, N, N, N, N),
    ("台商投資突破6200家，創下新高。", "6200家", "count", 6200, "家", False, N, N, N, N, N),
    ("台商投資逾6200家，創下新高。", "逾6200家", "count", 6200, "家", False, "gt", N, N, N, N),
    ("公司裁員約500名員工。", "約500名員工", "count", 500, "員工", True, N, N, N, N, N),
    ("工廠共有三千五百名員工。", "三千五百名員工", "count", 3500, "員工", False, N, N, N, N, N),
    ("該國有一百二十家供應商。", "一百二十家供應商", "count", 120, "供應商", False, N, N, N, N, N),
    ("活動吸引了近千人參加。", "近千人", "count", 1000, "人", True, N, N, N, N, N),
    ("新晶片將於2027年第4季量產。", "2027年第4季", "date", N, "2027-Q4", False, N, N, N, N, N),
    ("新芯片将于2027年第四季量产。", "2027年第四季", "date", N, "2027-Q4", False, N, N, N, N, N),
    ("總統於12月9日宣布此事。", "12月9日", "date", N, "2025-12-09", False, N, N, N, N, N),
    ("總統於十二月九日宣布此事。", "十二月九日", "date", N, "2025-12-09", False, N, N, N, N, N),
    ("優勢在2024年底已縮小。", "2024年底", "date", N, "2024", False, N, N, N, N, N),
    ("公司在2025 年初宣布擴產。", "2025 年初", "date", N, "2025", False, N, N, N, N, N),
    ("川普計劃於明年4月訪問中國。", "明年4月", "date", N, "2026-04", False, N, N, N, N, N),
    ("公司去年9月推出新品。", "去年9月", "date", N, "2024-09", False, N, N, N, N, N),
    ("峰會在去年10月底舉行。", "去年10月底", "date", N, "2024-10", False, N, N, N, N, N),
    ("法案於8日通過。", "8日", "date", N, "2025-12-08", False, N, N, N, N, N),
    ("法案於2025年10月30日通過。", "2025年10月30日", "date", N, "2025-10-30", False, N, N, N, N, N),
    ("新規將於2月中旬生效。", "2月中旬", "date", N, "2026-02", False, N, N, N, N, N),  # 將: the next February
    ("公司10月份的營收創新高。", "10月份", "date", N, "2025-10", False, N, N, N, N, N),
    ("三成的受訪者支持新政策。", "三成", "percent", 30, "%", False, N, N, N, N, N),
    ("股價下跌了百分之3.5。", "百分之3.5", "percent", 3.5, "%", False, N, N, N, N, N),
    ("公司預計3年內上市。", "3年", "duration", 3, "year", False, N, N, N, N, N),
    ("新台幣1,200萬元的補助已核發。", "新台幣1,200萬元", "money", 12_000_000, "TWD", False, N, N, N, N, N),
    ("員工人數逾千人，仍在增加。", "逾千人", "count", 1000, "人", False, "gt", N, N, N, N),
    ("这家公司在全球有一百二十个据点。", "一百二十个据点", "count", 120, "据点", False, N, N, N, N, N),
]

NOT_QUANTITIES = [
    "輝達H200晶片與華為昇騰910C晶片效能相近。",
    "這是1種精心設計的陷阱，也是1個新的生態系。",
    "兩國關係緊張，2黨都表示反對。",
    "他在第1任期內推動了下1個5年規劃。",
    "中共四中全會通過文件，第一研究所發表報告。",
    "今年與明年都將是關鍵年，上個月公司多次開會。",
    "公司週四宣布，周一開始實施。",
    "他一直在兩難之中，一定要做出選擇。",
    "多位專家多年來多次示警。",
]


@pytest.mark.parametrize("row", TABLE, ids=[r[1] for r in TABLE])
def test_expression_table(row):
    text, span, kind, value, unit, approx, bound, low, high, fv, tv = row
    result = extractor().extract(text, date="2025-12-10")
    hits = [q for q in result.quantities if q.text == span]
    assert hits, f"{span!r} not found in {[q.text for q in result.quantities]}"
    q = hits[0]
    assert text[q.start:q.end] == span
    assert (q.kind, q.unit, q.approx, q.bound) == (kind, unit, approx, bound)
    for got, want in ((q.value, value), (q.low, low), (q.high, high), (q.from_value, fv), (q.to_value, tv)):
        assert (got is None and want is None) or (got is not None and want is not None and abs(got - want) <= 1e-6 * max(1, abs(want)))
    assert q.rule


def test_table_is_large_and_covers_both_scripts():
    assert len(TABLE) >= 80
    assert sum(1 for r in TABLE if r[0] != to_simplified(r[0])) >= 40  # Traditional rows


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_exclusions(text):
    assert extractor().extract(text, date="2025-12-10").quantities == []


def test_date_without_article_date_is_null():
    q = extractor().extract("總統於12月9日宣布此事。").quantities[0]
    assert q.kind == "date" and q.unit is None


def test_dates_follow_the_article_date():
    q = extractor().extract("法案於12日通過。", date="2026-01-15").quantities[0]
    assert q.unit == "2026-01-12"
    q = extractor().extract("法案於30日通過。", date="2026-01-15").quantities[0]
    assert q.unit == "2025-12-30"


def test_distant_bound_stays_outside_the_span():
    qs = extractor().extract("數量不得超過美國客戶銷售總量的一半。").quantities
    assert [(q.text, q.value, q.bound) for q in qs] == [("一半", 50, "le")]


def test_numbers_inside_names_are_not_quantities():
    qs = extractor().extract("七大工業國集團與三星電子今天宣布合作計畫。").quantities
    assert qs == []


# ---------------------------------------------------------------- property test

CN_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int, two: str = "二") -> str:
    """Write 0 <= n < 10**12 in Chinese numerals (the inverse our parser must undo)."""
    if n == 0:
        return "零"

    def four(x: int) -> str:
        out, zero = "", False
        for unit, div in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d = x // div % 10
            if d:
                if zero:
                    out += "零"
                out += (two if d == 2 and unit in ("千", "百") else CN_DIGITS[d]) + unit
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for unit, div in (("億", 10**8), ("萬", 10**4), ("", 1)):
        x = n // div % 10**4
        if x:
            s = four(x)
            if parts and x < 1000:
                s = "零" + s
            parts.append(s + unit)
        elif parts and n % div:
            pass
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=2, max_value=10**11), two=st.sampled_from(["二", "兩", "两"]),
       frame=st.sampled_from(["公司共有{}家供應商。", "报告称有{}名员工受影响。", "去年出貨{}台伺服器，創新高。"]))
def test_chinese_numerals_round_trip(n, two, frame):
    text = frame.format(to_chinese(n, two))
    qs = extractor().extract(text).quantities
    assert len(qs) == 1, (text, qs)
    assert qs[0].value == n, text


@settings(max_examples=150, deadline=None)
@given(base=st.integers(min_value=1, max_value=9999), frac=st.integers(min_value=0, max_value=9),
       scale=st.sampled_from([("萬", 10**4), ("万", 10**4), ("億", 10**8), ("亿", 10**8), ("", 1)]),
       cur=st.sampled_from([("美元", "USD"), ("港元", "HKD"), ("歐元", "EUR")]), full=st.booleans())
def test_digits_with_scales_round_trip(base, frac, scale, cur, full):
    num = f"{base}.{frac}" if frac else str(base)
    if full:
        num = num.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."})
    text = f"這筆交易金額為{num}{scale[0]}{cur[0]}，市場關注。"
    qs = extractor().extract(text).quantities
    assert len(qs) == 1, (text, qs)
    want = (base + frac / 10) * scale[1]
    assert qs[0].kind == "money" and qs[0].unit == cur[1]
    assert abs(qs[0].value - want) <= 1e-6 * want


def test_relative_year_quarter_and_nouns_after_other_classifiers():
    qs = {q.text: q for q in extractor().extract("新规最快于今年第二季度公布，每年最多采购5万颗先进芯片。", date="2026-03-18").quantities}
    assert qs["今年第二季度"].unit == "2026-Q2"
    assert qs["5万颗先进芯片"].value == 50000 and qs["5万颗先进芯片"].unit == "先进芯片"


def test_range_of_tenths():
    q = extractor().extract("出口將減少兩成至三成。").quantities[0]
    assert (q.text, q.kind, q.low, q.high, q.value) == ("兩成至三成", "percent", 20, 30, None)


def test_process_nodes_and_lengths_are_measures_not_counts():
    qs = extractor().extract("公司將量產3奈米晶片，工廠距離市區20公里。").quantities
    assert [(q.text, q.kind, q.unit) for q in qs] == [("3奈米", "measure", "nm"), ("20公里", "measure", "km")]


def test_fractions_and_quarters_without_a_year():
    qs = {q.text: q for q in extractor().extract("約三分之一的晶片經第三國轉運，二季度出口下滑。", date="2026-07-03").quantities}
    assert qs["約三分之一"].value == pytest.approx(33.333, rel=1e-3) and qs["約三分之一"].approx
    assert qs["二季度"].unit == "2026-Q2"
    assert extractor().extract("公司已連續3季度虧損。").quantities[0].kind == "duration"


def test_day_of_last_month_and_counted_noun_before_a_verb():
    qs = {q.text: q for q in extractor().extract("小組已在上月28日成立，超過3000家企業客戶使用該平台。", date="2026-01-10").quantities}
    assert qs["上月28日"].unit == "2025-12-28"
    assert qs["超過3000家企業客戶"].unit == "企業客戶" and qs["超過3000家企業客戶"].bound == "gt"


def test_trillions_compound_numbers_and_money_ranges():
    qs = {q.text: q for q in extractor().extract("營收介於新台幣1兆元至1兆300億元之間，並募資3億5000萬美元。", date="2026-10-15").quantities}
    r = qs["新台幣1兆元至1兆300億元"]
    assert (r.kind, r.unit, r.low, r.high) == ("money", "TWD", 1e12, 1.03e12)
    assert qs["3億5000萬美元"].value == 350_000_000


def test_quarter_without_year_and_first_n_quarters():
    qs = {q.text: q for q in extractor().extract("公司第三季獲利創高，前三季度累計投資增加。", date="2026-10-15").quantities}
    assert qs["第三季"].unit == "2026-Q3"
    assert qs["三季度"].kind == "duration" and qs["三季度"].value == 3
