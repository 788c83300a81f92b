"""Quotes on sentences we wrote ourselves, in both scripts."""
import pytest

from h200claims import to_simplified
from h200claims.testing import assert_extracts, extractor


def both(text):
    return [text, to_simplified(text)]


def speaker_name(result, quote):
    ent = {e.id: e for e in result.entities}.get(quote.speaker)
    return ent.mentions[0].text if ent else None


@pytest.mark.parametrize("text", both("豐禾科技執行長林柏安表示，公司將在新竹興建第二座工廠，預計兩年內完工。"))
def test_indirect_named_speaker(text):
    r = extractor().extract(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.kind == "indirect"
    assert q.cue == "表示"
    assert q.text.startswith("公司將在新竹") or q.text.startswith("公司将在新竹")
    assert not q.text.endswith("。")
    assert speaker_name(r, q) in ("林柏安",)


@pytest.mark.parametrize("text", both("研究員戴明哲指出，晶片需求將持續成長。他強調，供應鏈必須分散。"))
def test_pronoun_resolves_to_last_speaker(text):
    r = extractor().extract(text)
    assert [q.cue for q in r.quotes] == ["指出", "強調"] or [q.cue for q in r.quotes] == ["指出", "强调"]
    assert r.quotes[0].speaker == r.quotes[1].speaker is not None
    assert r.quotes[1].speaker_text in ("他",)


def test_pronoun_chain_across_paragraphs_and_two_speakers_in_one_paragraph():
    text = ("經濟學家方若華認為，利率將維持不變。她強調，通膨仍需觀察。分析師葛世平則指出，市場已提前反應。他說，資金仍在觀望。\n\n"
            "她說，通膨壓力仍在。\n\n"
            "他補充，投資人應保持謹慎。")
    r = extractor().extract(text)
    names = [speaker_name(r, q) for q in r.quotes]
    assert names == ["方若華", "方若華", "葛世平", "葛世平", "方若華", "葛世平"]


def test_direct_quote_with_colon_and_nested_marks():
    text = "外交部發言人林佳宜回應時表示：「我們注意到『所謂放寬』的報導。我們一貫主張互利共贏。」"
    r = extractor().extract(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.kind == "direct" and q.text.startswith("我們注意到『所謂放寬』") and q.text.endswith("互利共贏。")
    assert speaker_name(r, q) == "林佳宜"


def test_pronoun_colon_direct_quote():
    text = "台大教授邱文彥指出，兩岸關係趨緩。\n\n他說：『這不是短期就能改變的趨勢。』"
    r = extractor().extract(text)
    assert [q.kind for q in r.quotes] == ["indirect", "direct"]
    assert r.quotes[0].speaker == r.quotes[1].speaker


def test_speaker_after_the_quote():
    text = "「我們已經準備好量產了。」，華瑞半導體董事長吳啟明說。"
    r = extractor().extract(text)
    assert len(r.quotes) == 1 and r.quotes[0].kind == "direct"
    assert speaker_name(r, r.quotes[0]) == "吳啟明"


def test_quote_beside_paraphrase_gives_direct_and_indirect():
    text = "資深研究員柯立文警告，美國的優勢正在流失，「這是我們主動放棄的機會。」"
    r = extractor().extract(text)
    assert [q.kind for q in r.quotes] == ["indirect", "direct"]
    assert r.quotes[0].text == "美國的優勢正在流失"
    assert r.quotes[1].text == "這是我們主動放棄的機會。"
    assert r.quotes[0].end <= r.quotes[1].start


def test_quoted_term_is_not_a_quote():
    text = "外界稱這項政策為「小院高牆」，而「晶片四方聯盟」也引起關注。"
    r = extractor().extract(text)
    assert all(q.kind != "direct" for q in r.quotes)


@pytest.mark.parametrize("text", both("兩名知情人士透露，監管機構正在討論新的審批制度。"))
def test_unnamed_source_keeps_text_and_null_speaker(text):
    r = extractor().extract(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert q.speaker is None and q.speaker_text in ("兩名知情人士", "两名知情人士")


def test_relaying_outlet_is_via():
    text = "據《南華早報》報導，研究員孟繁星表示，新政策將在下個月生效。"
    r = extractor().extract(text)
    assert len(r.quotes) == 1
    q = r.quotes[0]
    assert speaker_name(r, q) == "孟繁星" and q.via == "scmp"


def test_outlet_own_report_is_the_speaker():
    text = "據彭博社報導，多家晶片廠已暫停對中國出貨。"
    r = extractor().extract(text)
    assert len(r.quotes) == 1 and r.quotes[0].speaker == "bloomberg"


def test_description_resolves_to_the_organisation():
    text = "華府智庫「科技前瞻研究院」發布報告。該智庫指出，算力差距將擴大。"
    r = extractor().extract(text)
    q = r.quotes[-1]
    assert q.speaker is not None and {e.id: e for e in r.entities}[q.speaker].label == "ORG"


def test_title_only_reference():
    text = "經濟部長簡世雄今天出席會議。\n\n部長表示，補助方案下週公布。"
    r = extractor().extract(text)
    q = r.quotes[-1]
    assert speaker_name(r, q) == "簡世雄"


def test_second_cue_in_one_sentence_starts_a_new_quote():
    text = "執行長黃仁勳強調，中國僅落後美國幾奈秒，強調兩國技術距離非常接近。"
    r = extractor().extract(text)
    assert [q.text for q in r.quotes] == ["中國僅落後美國幾奈秒", "兩國技術距離非常接近"]


def test_headline_attribution_resolves_to_the_quoted_expert():
    text = ("專家：半導體供應鏈將重組\n\n"
            "台灣大學教授邱志明表示，半導體供應鏈將在三年內重組，各國都在爭取產能。")
    r = extractor().extract(text)
    head = r.quotes[0]
    assert head.cue == "：" and head.text == "半導體供應鏈將重組"
    assert speaker_name(r, head) == "邱志明"


def test_non_speech_uses_of_cue_words_are_not_quotes():
    text = "他好不容易說服了董事會，並說明了新工廠的規劃，這項說法引起討論。"
    assert extractor().extract(text).quotes == []


def test_assert_extracts_helper_one_line():
    assert_extracts("盧特尼克表示，這類決定最終都會由總統裁定。",
                    quotes=[{"kind": "indirect", "speaker": "howard_lutnick", "cue": "表示"}])


@pytest.mark.parametrize("text", both("消息人士指，兩家公司均有意設立研發中心。分析師估計，市場規模將擴大。"))
def test_weak_cues_need_a_comma(text):
    r = extractor().extract(text)
    assert [q.cue for q in r.quotes] == [text[text.index("指")], text[text.index("估"):text.index("估") + 2]]


def test_weak_cue_without_comma_is_not_speech():
    assert extractor().extract("這項數據指向經濟放緩，專家估計值偏高。").quotes == []


def test_reporter_question_has_no_speaker():
    r = extractor().extract("有記者問：「貴國是否會調整出口政策？」")
    assert [(q.kind, q.speaker, q.cue) for q in r.quotes] == [("direct", None, "問")]


def test_a_quoted_sentence_carries_on_the_last_speaker_of_its_paragraph():
    text = "部長周文華表示，政策不會改變。「我們的立場非常清楚，也不會退讓。」她強調，談判仍在進行。"
    r = extractor().extract(text)
    kinds = [(q.kind, speaker_name(r, q)) for q in r.quotes]
    assert kinds == [("indirect", "周文華"), ("direct", "周文華"), ("indirect", "周文華")]


@pytest.mark.parametrize("text", both("據路透社援引三名消息人士報導，兩家公司已暫停出貨。"))
def test_relayed_unnamed_source(text):
    q = extractor().extract(text).quotes[0]
    assert (q.speaker, q.via) == (None, "reuters") and q.speaker_text.endswith(("消息人士",))


def test_passage_then_speaker_at_the_end_of_a_sentence_with_paraphrase():
    text = "議員林書豪指出，漏洞仍然存在，“這個漏洞必須堵上”，他說。"
    r = extractor().extract(text)
    assert [(q.kind, q.text) for q in r.quotes] == [("indirect", "漏洞仍然存在"), ("direct", "這個漏洞必須堵上")]
    assert r.quotes[0].speaker == r.quotes[1].speaker is not None


def test_analysis_says_in_a_headline_is_not_the_company():
    r = extractor().extract("台積電營收創新高 分析稱需求強勁")
    assert [(q.speaker, q.speaker_text, q.cue) for q in r.quotes] == [(None, "分析", "稱")]


def test_headline_style_clipped_cue():
    r = extractor().extract("晶片需求回溫 業者估明年營收成長兩成")
    assert [(q.speaker, q.speaker_text, q.cue, q.text) for q in r.quotes] == [(None, "業者", "估", "明年營收成長兩成")]


def test_a_named_report_and_its_later_mentions():
    text = "摩根士丹利最新報告指出，記憶體價格將回升。報告也提到，明年需求可望增加。"
    r = extractor().extract(text)
    assert [q.speaker for q in r.quotes] == ["morgan_stanley", "morgan_stanley"]
