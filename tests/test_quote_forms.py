"""How real pages write who said what (issue 23), one table a form, in both scripts, on sentences
written for these tests.

Each row: the text, then the quotes expected in order as (content, speaker's name as written or None
for an unnamed source, kind); every other quote is a failure too. Layered reports add the outlet
that relays (``via``).
"""
import pytest

import h200claims

EX = h200claims.Extractor()


def quotes_of(text):
    r = EX.extract(text)
    names = {e.id: {m.text for m in e.mentions} for e in r.entities}

    def name(eid):
        return None if eid is None else max(names.get(eid, {eid}), key=len)

    for q in r.quotes:
        assert text[q.start:q.end] == q.text
    return [(q.text, name(q.speaker), q.kind, name(q.via)) for q in r.quotes]


def check(text, expected):
    got = quotes_of(text)
    assert [(c, k) for c, _, k, _ in got] == [(c, k) for c, _, k in expected], got
    for (c, who, _, _), (_, want, _) in zip(got, expected):
        assert (who is None) == (want is None) and (want is None or want in who), (c, who, want)


# 1. a direct quote split around its speaker, and the speaker after the quote ----------------------
SPLIT = [
    ("“我们会继续降价，”该公司副总裁王立强说，“但不会牺牲质量。”",
     [("我们会继续降价，", "王立强", "direct"), ("但不会牺牲质量。", "王立强", "direct")]),
    ("「訂單已經排到明年，」廠長陳志明說，「產線會再擴充一條。」",
     [("訂單已經排到明年，", "陳志明", "direct"), ("產線會再擴充一條。", "陳志明", "direct")]),
    ("“这不是终点，”李华表示，“而是新的起点。”",
     [("这不是终点，", "李华", "direct"), ("而是新的起点。", "李华", "direct")]),
    ("「我們不會退出中國市場。」執行長林建宏說。", [("我們不會退出中國市場。", "林建宏", "direct")]),
    ("“价格战没有赢家。”张国庆强调。", [("价格战没有赢家。", "张国庆", "direct")]),
    ("「關稅的影響會延續到明年。」經濟部長郭文彬表示。", [("關稅的影響會延續到明年。", "郭文彬", "direct")]),
    ("“明年的营收目标是增长两成。”在发布会上，周明远表示。", [("明年的营收目标是增长两成。", "周明远", "direct")]),
    ("「供應鏈已經穩定下來。」黃志強表示，第四季出貨將比上季增加一成。",
     [("供應鏈已經穩定下來。", "黃志強", "direct"), ("第四季出貨將比上季增加一成", "黃志強", "indirect")]),
]

# 2. a quote over several paragraphs: an opening mark with no closing one until a later paragraph -----
MULTI = [
    ("王大明昨天表示，公司今年將擴大招募。\n\n「我們需要更多工程師，特別是半導體設計人才。\n\n「明年的招募人數會比今年多一倍。」",
     [("公司今年將擴大招募", "王大明", "indirect"), ("我們需要更多工程師，特別是半導體設計人才", "王大明", "direct"),
      ("明年的招募人數會比今年多一倍。", "王大明", "direct")]),
    ("刘志军在会上说，工厂将在下月复工。\n\n“所有员工都会回到岗位，工资照常发放。”",
     [("工厂将在下月复工", "刘志军", "indirect"), ("所有员工都会回到岗位，工资照常发放。", "刘志军", "direct")]),
    ("林志明說：「我們已經準備好了，明年會推出三款新車。", [("我們已經準備好了，明年會推出三款新車", "林志明", "direct")]),
    ("陈晓东在发布会上说：“订单已经排到年底，产能还要再扩大", [("订单已经排到年底，产能还要再扩大", "陈晓东", "direct")]),
]

# 3. questions and answers: 問／答, 記者問, Q: / A:, 主持人 -------------------------------------------
INTERVIEW = [
    ("問：明年會不會再漲價？\n答：我們會視成本而定。",
     [("明年會不會再漲價", None, "indirect"), ("我們會視成本而定", None, "indirect")]),
    ("问：新工厂何时投产？\n答：预计明年第二季度。",
     [("新工厂何时投产", None, "indirect"), ("预计明年第二季度", None, "indirect")]),
    ("記者問：何時恢復供電？\n郭智輝：預計今晚可以恢復。",
     [("何時恢復供電", None, "indirect"), ("預計今晚可以恢復", "郭智輝", "indirect")]),
    ("Q: 公司會裁員嗎？\nA: 目前沒有裁員計畫，我們還在招人。",
     [("公司會裁員嗎", None, "indirect"), ("目前沒有裁員計畫，我們還在招人", None, "indirect")]),
    ("主持人：您怎麼看今年的經濟？\n林大成：我認為下半年會比上半年好。",
     [("您怎麼看今年的經濟", None, "indirect"), ("我認為下半年會比上半年好", "林大成", "indirect")]),
    ("主持人：房价还会跌吗？\n赵立新：短期内还有下行压力。",
     [("房价还会跌吗", None, "indirect"), ("短期内还有下行压力", "赵立新", "indirect")]),
    ("會後有記者問董事長吳啟明，公司會不會出售海外工廠？",
     [("公司會不會出售海外工廠", None, "indirect")]),
    ("“您觉得最难的时候过去了吗？”一位投资者向孙立平提问。\n“肯定的。”孙立平回答。",
     [("您觉得最难的时候过去了吗？", None, "direct"), ("肯定的。", "孙立平", "direct")]),
]

# 4. press conferences: 發言人…表示, 答記者問 -----------------------------------------------------------
PRESS = [
    ("公司發言人表示，將擴大在美投資。", [("將擴大在美投資", None, "indirect")]),
    ("外交部發言人林劍在例行記者會上表示，中方將採取必要措施。", [("中方將採取必要措施", "林劍", "indirect")]),
    ("商务部新闻发言人何亚东在答记者问时表示，中方对此表示坚决反对。", [("中方对此表示坚决反对", "何亚东", "indirect")]),
    ("海關總署新聞發言人呂大良表示，下半年外貿有壓力也有信心。", [("下半年外貿有壓力也有信心", "呂大良", "indirect")]),
    ("國防部發言人孫立方答記者問時表示，演習將按計畫進行。", [("演習將按計畫進行", "孫立方", "indirect")]),
    ("白宫发言人称，总统将于下周访问日本。", [("总统将于下周访问日本", None, "indirect")]),
    ("海关总署新闻发言人表示，下半年外贸有压力也有信心。在发布会上，海关总署新闻发言人、统计分析司司长吕大良解读了数据。",
     [("下半年外贸有压力也有信心", "吕大良", "indirect")]),
]

# 5. 告訴記者, 對…表示, 接受…專訪時說, 受訪時直言 ----------------------------------------------------------
TOLD = [
    ("張華告訴記者，工廠已經停工兩週。", [("工廠已經停工兩週", "張華", "indirect")]),
    ("王建国对记者说，今年的订单比去年少了三成。", [("今年的订单比去年少了三成", "王建国", "indirect")]),
    ("陳美玲對本報表示，她不會參加下屆選舉。", [("她不會參加下屆選舉", "陳美玲", "indirect")]),
    ("李明接受本報專訪時說，今年營收可望成長兩成。", [("今年營收可望成長兩成", "李明", "indirect")]),
    ("黄晓东接受新华社专访时表示，双方合作潜力巨大。", [("双方合作潜力巨大", "黄晓东", "indirect")]),
    ("王大同受訪時直言，油價上漲已壓縮獲利空間。", [("油價上漲已壓縮獲利空間", "王大同", "indirect")]),
    ("周立群受访时坦言，公司的现金流压力不小。", [("公司的现金流压力不小", "周立群", "indirect")]),
    ("林志豪在接受電視台訪問時說，新制度明年上路。", [("新制度明年上路", "林志豪", "indirect")]),
]

# 6. pseudonyms and unnamed, described speakers ----------------------------------------------------
UNNAMED = [
    ("張華（化名）告訴記者，工廠已經停工兩週。", [("工廠已經停工兩週", "張華", "indirect")]),
    ("一名不願具名的官員透露，內閣將在下月改組。", [("內閣將在下月改組", None, "indirect")]),
    ("一位不愿透露姓名的业内人士表示，降价潮还会持续。", [("降价潮还会持续", None, "indirect")]),
    ("一名在台北開早餐店的老闆說，蛋價一年漲了三成。", [("蛋價一年漲了三成", None, "indirect")]),
    ("知情人士透露，双方已就主要条款达成一致。", [("双方已就主要条款达成一致", None, "indirect")]),
    ("多名分析師認為，央行下月將維持利率不變。", [("央行下月將維持利率不變", None, "indirect")]),
    ("有员工抱怨，加班费已经三个月没有发放。", [("加班费已经三个月没有发放", None, "indirect")]),
]

# 7. the second cue starts a second quote ------------------------------------------------------------
SECOND = [
    ("市場人士分析，美元走弱的趨勢短期難改，並預估年底前將再跌3%。",
     [("美元走弱的趨勢短期難改", None, "indirect"), ("年底前將再跌3%", None, "indirect")]),
    ("王部长说，明年将调涨电价，但强调涨幅不会超过3%。",
     [("明年将调涨电价", "王部长", "indirect"), ("涨幅不会超过3%", "王部长", "indirect")]),
    ("陳建仁表示，政府已備妥預算，同時強調不會加稅。",
     [("政府已備妥預算", "陳建仁", "indirect"), ("不會加稅", "陳建仁", "indirect")]),
    ("李强指出，内需仍有潜力，并预计全年增长5%左右。",
     [("内需仍有潜力", "李强", "indirect"), ("全年增长5%左右", "李强", "indirect")]),
    ("林佳龍表示，外交部已啟動應變機制，並呼籲旅外國人留意安全。",
     [("外交部已啟動應變機制", "林佳龍", "indirect"), ("旅外國人留意安全", "林佳龍", "indirect")]),
    ("他表示，公司預估明年營收會成長。", [("公司預估明年營收會成長", None, "indirect")]),  # inside: 公司 is in the content
]

# 8. named speakers before a forecasting verb with no comma after it -------------------------------
BARE = [
    ("OECD預估2026年全球經濟成長持平。", [("2026年全球經濟成長持平", "OECD", "indirect")]),
    ("世界银行预计明年全球贸易将温和回升。", [("明年全球贸易将温和回升", "世界银行", "indirect")]),
    ("張忠謀相信半導體產業還會再成長十年。", [("半導體產業還會再成長十年", "張忠謀", "indirect")]),
    ("集資額預測亦上調，李志明表示，明年會更好。", [("明年會更好", "李志明", "indirect")]),
    # a body stating its own figures: X統計，… (a named speaker only; 根據統計，… is the article's voice)
    ("內政部統計，第二季的房價所得比十點六五倍。", [("第二季的房價所得比十點六五倍", "內政部", "indirect")]),
    ("国家统计局统计，上半年社会消费品零售总额增长5%。", [("上半年社会消费品零售总额增长5%", "国家统计局", "indirect")]),
    ("根據統計，最高的是臺北市。", []),
    ("根据统计，最高的是北京市。", []),
]


@pytest.mark.parametrize("text,expected", SPLIT + MULTI + INTERVIEW + PRESS + TOLD + UNNAMED + SECOND + BARE)
def test_form(text, expected):
    check(text, expected)


# 9. reported speech through several layers: the person speaks, the outlet relays (via) -------------
LAYERS = [
    ("彭博社報導，衛福部食藥署署長吳秀梅表示，將加強查驗進口食品。", "將加強查驗進口食品", "吳秀梅", "彭博社"),
    ("據《南華早報》報導，香港特首李家超表示，明年將推出新的住房政策。", "明年將推出新的住房政策", "李家超", "南華早報"),
    ("路透社报道，日本首相石破茂表示，日本将继续与美国谈判关税。", "日本将继续与美国谈判关税", "石破茂", "路透社"),
    ("新華社說，習近平表示，中方願與各國加強合作。", "中方願與各國加強合作", "習近平", "新華社"),
    ("《金融時報》引述兩名知情人士報導，蘋果正在評估新的供應商。", "蘋果正在評估新的供應商", None, "金融時報"),
    ("据彭博社报道，分析师平均预计苹果本季营收增长5%。", "苹果本季营收增长5%", None, "彭博社"),
]


@pytest.mark.parametrize("text,content,speaker,via", LAYERS)
def test_layered_report(text, content, speaker, via):
    got = quotes_of(text)
    assert [c for c, _, _, _ in got] == [content], got
    _, who, _, through = got[0]
    assert (who is None) == (speaker is None) and (speaker is None or speaker in who), got
    assert through is not None and via in through, got


# 10. text as scraped: line breaks inside a sentence, full-width digits -------------------------------
#: pages that wrap every line at a fixed width (24 characters here), in the middle of words
WRAPPED_TRAD = ("豐禾科技董事長林志豪昨天表示，新廠預計在明年第\n二季完工，屆時產能將提升三成，員工人數也會增加\n"
                "約五百人，公司並將投入研發經費開發新一代車用晶\n片。")
WRAPPED_SIMP = ("李国华表示,新厂预计在明年第二季度完工,届时产能将\n提升三成,员工人数也会增加约五百人,公司还将投入研\n"
                "发经费开发新一代车用芯片,预计后年开始量产并供应\n海外客户。")
SCRAPED = [
    ("公司發言人表示，\n\n將擴大在美投資。", [("將擴大在美投資", None, "indirect")]),
    ("經濟部長郭文彬表示，\n明年電價不會調漲。", [("明年電價不會調漲", "郭文彬", "indirect")]),
    ("澳門旅遊局局長文綺華表示,暑假是傳統旅遊旺季,截至目前\n,酒店平均入住率達八成五。", [("暑假是傳統旅遊旺季,截至目前\n,酒店平均入住率達八成五", "文綺華", "indirect")]),
    (WRAPPED_TRAD, [(WRAPPED_TRAD[WRAPPED_TRAD.index("，") + 1:-1], "林志豪", "indirect")]),
    (WRAPPED_SIMP, [(WRAPPED_SIMP[WRAPPED_SIMP.index(",") + 1:-1], "李国华", "indirect")]),
    ("陳志明表示，今年營收預計成長１５％，明年將再擴產。", [("今年營收預計成長１５％，明年將再擴產", "陳志明", "indirect")]),
    ("王立强说，公司第３季度净利润达到２．５亿元。", [("公司第３季度净利润达到２．５亿元", "王立强", "indirect")]),
    ("「今年出口可望成長１０％。」經濟部長郭文彬說。", [("今年出口可望成長１０％。", "郭文彬", "direct")]),
    ("一名不願具名的官員說：「預算會在１２月前送出。」", [("預算會在１２月前送出。", None, "direct")]),
]

# 11. titles and descriptions that stand for a speaker named before ---------------------------------
RESOLVED = [
    ("經濟部長郭文彬昨天表示，電價將凍漲。他並指出，工業用電會另案研議。",
     [("電價將凍漲", "郭文彬", "indirect"), ("工業用電會另案研議", "郭文彬", "indirect")]),
    ("台積電昨天公布財報。公司指出，先進製程需求強勁。", [("先進製程需求強勁", "台積電", "indirect")]),
    ("比亚迪发布三季报。集团表示，海外销量将继续增长。", [("海外销量将继续增长", "比亚迪", "indirect")]),
    ("鴻海昨天召開法說會，它指出，AI伺服器出貨將倍增。", [("AI伺服器出貨將倍增", "鴻海", "indirect")]),
    ("經濟部長郭智輝昨天表示，電價將凍漲。該部長並指出，工業用電會另案研議。",
     [("電價將凍漲", "郭智輝", "indirect"), ("工業用電會另案研議", "郭智輝", "indirect")]),
    ("美國國務卿魯比奧表示，美方重視與盟友的合作。該國務卿強調，台海和平至關重要。",
     [("美方重視與盟友的合作", "魯比奧", "indirect"), ("台海和平至關重要", "魯比奧", "indirect")]),
    ("英伟达首席执行官黄仁勋表示，公司将继续投资中国。这位首席执行官还说，中国市场非常重要。",
     [("公司将继续投资中国", "黄仁勋", "indirect"), ("中国市场非常重要", "黄仁勋", "indirect")]),
    ("不過他也替台電抱屈，認為台電是一家價格無法自己決定的公司。",
     [("台電是一家價格無法自己決定的公司", None, "indirect")]),
]


@pytest.mark.parametrize("text,expected", SCRAPED + RESOLVED)
def test_scraped_and_resolved(text, expected):
    check(text, expected)
