"""Quotes as scraped pages write them, on sentences written for this table (both scripts):
(text, quote content starts with, speaker's first mention text or None, cue)."""
from __future__ import annotations

import pytest

from h200claims.testing import extractor

ROWS = [
    ("“我们会继续降价，”该公司副总裁王立强说，“但不会牺牲质量。”", "我们会继续降价", "王立强", "说"),
    ("“我们会继续降价，”该公司副总裁王立强说，“但不会牺牲质量。”", "但不会牺牲质量", "王立强", "说"),
    ("公司發言人表示，\n將擴大在美投資。", "將擴大在美投資", None, "表示"),
    ("台積電董事長魏哲家接受專訪。\n問：明年會不會再漲價？ 答：我們會視成本而定。", "明年會不會再漲價", None, "："),
    ("台積電董事長魏哲家接受專訪。\n問：明年會不會再漲價？ 答：我們會視成本而定。", "我們會視成本而定", "魏哲家", "："),
    ("彭博社報導，衛福部食藥署署長吳秀梅表示，將加強查驗。", "將加強查驗", "吳秀梅", "表示"),
    ("張華（化名）告訴記者，工廠已經停工兩週。", "工廠已經停工兩週", "張華", "告訴記者"),
    ("據勞動部統計，明年約有173萬名勞工受惠。", "明年約有173萬名勞工受惠", "勞動部", "統計"),
    ("记者从中国人民银行获悉：将设立科技创新再贷款。", "将设立科技创新再贷款", "中国人民银行", "获悉"),
    ("根據歐盟執委會數據，出口增加20%。", "出口增加20%", "歐盟執委會", "數據"),
    ("台中地檢署破獲水房。檢方說明，U盾外型類似隨身碟。", "U盾外型類似隨身碟", "台中地檢署", "說明"),
    ("馬銀行總裁阿都法立表示，今年資產質量沒有壓力。\n\n“算上特別救濟基金計劃，我們今年首5個月提供了貸款。",
     "算上特別救濟基金計劃", "阿都法立", None),
    ("央行总裁潘功胜表示，货币政策将保持宽松。\n\n“我们有足够的政策空间，”\n\n另一方面，股市上涨。",
     "我们有足够的政策空间", "潘功胜", None),
]


@pytest.mark.parametrize("text, content, speaker, cue", ROWS, ids=[r[1][:8] for r in ROWS])
def test_scraped_quote(text, content, speaker, cue):
    r = extractor().extract(text)
    q = next((q for q in r.quotes if q.text.startswith(content)), None)
    assert q is not None, [x.text for x in r.quotes]
    ents = {e.id: e for e in r.entities}
    assert (ents[q.speaker].mentions[0].text if q.speaker in ents else None) == speaker
    assert q.cue == cue


def test_relayed_quote_names_the_outlet_in_via():
    r = extractor().extract("彭博社報導，衛福部食藥署署長吳秀梅表示，將加強查驗。")
    (q,) = r.quotes
    assert {e.id: e for e in r.entities}[q.via].mentions[0].text == "彭博社"


@pytest.mark.parametrize("text", [
    "台積電營收年增20%。王大明表示，營收很好。\n\n延伸閱讀：\n川普表示，將對中國加稅。",
    "台積電營收年增20%。王大明表示，營收很好。\n下載商業週報APP，掌握第一手財經新聞",
    "台積電營收年增20%。王大明表示，營收很好。\n本文由財訊授權轉載",
])
def test_related_headlines_and_promos_are_no_body(text):
    r = extractor().extract(text)
    assert [q.text for q in r.quotes] == ["營收很好"]
    assert r.body[-1][1] <= text.index("\n")


def test_a_reporters_credit_is_no_person():
    r = extractor().extract("本报讯（记者 周立新）国家统计局今天公布数据。\n王大明表示，经济很好。")
    assert "周立新" not in {m.text for e in r.entities for m in e.mentions}



@pytest.mark.parametrize("line", ["新股上市 |", "https://p.dw.com/p/4ooW9", "更新時間:2020/01/06 14:29", "(完) 【编辑:张子怡】",
                                  "德勤合夥人歐振興（左）與呂志宏出席記者會"])
def test_page_furniture_is_no_body(line):
    text = "台積電今天公布財報，營收年增20%，王大明表示，營收很好，明年還會更好。\n" + line + "\n鴻海公布營收，年增10%，李小華表示，前景樂觀，明年持續成長。"
    r = extractor().extract(text)
    s = text.index(line)
    assert not any(a < s + len(line) and s < b for a, b in r.body), r.body


def test_an_agency_credit_and_editor_initials_are_trimmed():
    text = "台積電今天公布財報，營收年增20%，王大明表示，營收很好，明年還會更好。美聯社\n鴻海公布營收，年增10%，前景樂觀。(cl)"
    r = extractor().extract(text)
    kept = "".join(text[a:b] for a, b in r.body)
    assert "美聯社" not in kept and "(cl)" not in kept


def test_several_stories_in_one_file_keep_every_story():
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent / "fixtures"
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "reporting" / "articles").glob("*.txt"))[:6]]
    texts = [t.split(" ", 2)[2] if t.startswith(" date ") else t for t in texts]  # one date line at most
    joined = "\n\n責任編輯：王小明\n\n".join(texts)
    together = extractor().extract(joined)
    apart = sum(len(extractor().extract(t).claims) for t in texts)
    assert len(together.claims) >= 0.9 * apart, (len(together.claims), apart)


def test_a_text_whose_body_keeps_little_says_so():
    text = "台積電營收年增20%，王大明表示，營收很好，明年還會更好。\n責任編輯：王小明\n延伸閱讀\n" + \
        "\n".join(f"相關新聞：某某公司宣布擴大投資計畫第{i}則" for i in range(300))
    r = extractor().extract(text)
    assert any("body keeps" in w for w in r.warnings), r.warnings


@pytest.mark.parametrize("text", ["小明說：「我很好。」", "小明说：“我很好。”"])
def test_a_speaker_no_rule_knows_still_speaks(text):
    (q,) = extractor().extract(text).quotes
    assert (q.text, q.speaker, q.speaker_text) == ("我很好。", None, "小明")


def test_a_forecast_as_a_noun_is_no_cue():
    assert not extractor().extract("德勤再上調全年預測至最多2800億元。").quotes


def test_an_html_page_keeps_its_article_and_drops_the_aside():
    from h200claims.text.read import html_to_text
    page = ("<html><body><nav>首頁 | 財經</nav><article><h1>台積電營收創新高</h1><p>台積電今天公布營收，年增20%。</p>"
            "<p>董事長魏哲家表示，明年營收將持續成長。</p></article><aside><h3>延伸閱讀</h3><ul><li>川普表示，將對中國加稅"
            "</li></ul></aside><footer>版權所有</footer></body></html>")
    text = html_to_text(page)
    assert "魏哲家表示" in text and "川普" not in text and "首頁" not in text and "版權" not in text
    r = extractor().extract(text)
    assert [q.text for q in r.quotes] == ["明年營收將持續成長"] and "魏哲家" in r.quotes[0].speaker_text
