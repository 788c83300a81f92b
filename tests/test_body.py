import pytest

from conftest import read_gold, read_seed, seed_names
from h200claims.text.body import detect_body
from h200claims.text.read import date_line_end
from h200claims.text.script import simplified_view


@pytest.mark.parametrize("name", seed_names())
def test_seed_body_matches_gold(name):
    text = read_seed(name)
    got = detect_body(simplified_view(text), date_line_end(text))
    gold = read_gold(name)["body"]
    assert len(got) == len(gold)
    for (a, b), (ga, gb) in zip(got, gold):
        assert abs(a - ga) <= 3 and abs(b - gb) <= 3


SCRAPED = """ date 2025-03-02 財經
新創公司宣布擴廠　執行長：三年內翻倍

▲豐禾科技執行長林柏安出席記者會。（圖／記者王小明攝）

記者陳大華／台北報導

豐禾科技執行長林柏安今天表示，公司將在新竹興建第二座工廠，總投資約新台幣30億元，預計兩年內完工。他說，這座工廠將讓產能翻倍。

新廠明年動工

林柏安指出，新廠將採用自動化產線，並雇用約500名員工，主要生產車用晶片。

延伸閱讀
豐禾科技股價大漲　法人看好
林柏安：人才是最大挑戰
"""


def test_scraped_article_of_our_own():
    view = simplified_view(SCRAPED)
    ranges = detect_body(view, date_line_end(SCRAPED))
    parts = [SCRAPED[a:b] for a, b in ranges]
    assert parts[0] == "新創公司宣布擴廠　執行長：三年內翻倍"
    assert parts[1].startswith("豐禾科技執行長林柏安今天表示") and parts[1].endswith("主要生產車用晶片。")
    assert len(parts) == 2
    joined = "".join(parts)
    for boiler in ("財經", "▲", "記者陳大華", "延伸閱讀", "股價大漲"):
        assert boiler not in joined


def test_related_headline_list_without_marker_ends_the_body():
    text = ("某部會今天宣布新政策，將從明年起實施，官員表示這項政策影響深遠，各界高度關注後續發展。\n"
            "第二段內容繼續說明政策細節，包括補助金額與申請方式，預計將有數千家企業受惠於此。\n"
            "颱風明天登陸\n股市大漲三百點\n名人婚禮今登場\n新手機開賣\n")
    ranges = detect_body(simplified_view(text))
    assert text[ranges[-1][0]:ranges[-1][1]].endswith("預計將有數千家企業受惠於此。")


def test_inline_byline_and_dateline_are_cut_from_the_first_paragraph():
    for text, first in [("〔記者王大同／高雄報導〕經濟部今天宣布，將提供新的補助方案，協助中小企業轉型升級，預計明年上路。", "經濟部今天宣布"),
                        ("新华社上海5月3日电 上海市政府今天宣布，将提供新的补助方案，协助中小企业转型升级，预计明年实施。", "上海市政府今天宣布"),
                        ("中新社 上海5月3日电 (记者 王大同)上海市政府今天宣布，将提供新的补助方案，协助中小企业转型升级。", "上海市政府今天宣布"),
                        ("中新社 上海5月3日電 (記者 王大同)上海市政府今天宣布，將提供新的補助方案，協助中小企業轉型升級。", "上海市政府今天宣布")]:
        ranges = detect_body(simplified_view(text))
        assert text[ranges[0][0]:].startswith(first)


def test_source_tag_dateline():
    text = "科技日报讯 5月3日，某公司发布新一代芯片，性能较上一代提升两倍，预计明年量产并供应全球客户。"
    ranges = detect_body(simplified_view(text))
    assert text[ranges[0][0]:].startswith("5月3日")


def test_a_one_sentence_lede_between_title_and_prose_is_body():
    text = ("歐洲電池新規上路，車廠如何應對？\n\n"
            "歐盟執委會上週公布的電池護照細則，讓車廠忙了起來。\n\n"
            "業界人士指出，新規要求每顆電池記錄原料來源與碳足跡，中小供應商的合規成本將大幅增加，部分廠商已開始調整。\n")
    ranges = detect_body(simplified_view(text))
    got = "".join(text[s:e] for s, e in ranges)
    assert got.startswith("歐洲電池新規上路") and "電池護照細則" in got


def test_an_outlet_name_alone_on_a_line_is_a_byline_and_the_title_stays():
    text = ("豐田上季淨利減少　關稅衝擊擴大\n\n日經中文網\n\n"
            "豐田汽車公布的財報顯示，上一季合併淨利比上年同期明顯減少，美國加徵關稅使該季營業利益大幅下滑，公司表示將調整定價策略。\n")
    got = [text[s:e] for s, e in detect_body(simplified_view(text))]
    assert got[0] == "豐田上季淨利減少　關稅衝擊擴大" and not any("日經" in g for g in got)


def test_a_risk_disclaimer_ends_the_body():
    text = ("截至收盘，沪指报3412点，涨0.86%，两市成交额约1.2万亿元，较上一交易日明显放量，半导体板块领涨，市场情绪修复。\n\n"
            "风险提示：本文不构成投资建议。\n")
    got = "".join(text[s:e] for s, e in detect_body(simplified_view(text)))
    assert got.endswith("市场情绪修复。")


@pytest.mark.parametrize("script", ["trad", "simp"])
def test_a_section_label_and_timestamps_between_title_and_text_leave_the_title(script):
    page = ("Copyright © 2026 Example Daily Ltd. All rights reserved.\n\n"
            "港股全年成交額創新高 分析師料明年再升一成\n\n"
            "財經新聞\n"
            "更新時間：09:15 2026-01-02 HKT\n"
            "發佈時間：08:30 2026-01-02 HKT\n\n"
            "港交所今日公布，去年全年平均每日成交額達2500億港元，按年上升三成，創歷史新高，多家券商表示明年仍然樂觀。\n")
    if script == "simp":
        page = simplified_view(page)
    got = [page[s:e] for s, e in detect_body(simplified_view(page))]
    assert got[0].startswith(("港股全年成交額", "港股全年成交额")) and not any(x.startswith(("財經", "财经", "更新", "發佈", "发布")) for x in got)
