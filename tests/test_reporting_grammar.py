"""The reporting grammar of issue 16, one table a class, on sentences written for these tests.

Each row: the text, then the quotes expected as (content, speaker's name as written or None for
an unnamed source, kind); every other quote is a failure too.
"""
import pytest

import h200claims

EX = h200claims.Extractor()


def quotes_of(text):
    r = EX.extract(text)
    names = {e.id: {m.text for m in e.mentions} for e in r.entities}
    out = []
    for q in r.quotes:
        who = None
        if q.speaker is not None:
            who = next(iter(sorted(names.get(q.speaker, {q.speaker}), key=len, reverse=True)))
        out.append((q.text, who, q.kind))
    return out


def check(text, expected):
    got = quotes_of(text)
    assert [(c, k) for c, _, k in got] == [(c, k) for c, _, k in expected], got
    for (c, who, _), (_, want, _) in zip(got, expected):
        assert (who is None) == (want is None) and (want is None or want in (who or "")), (c, who, want)


# 1. cues the lexicon lacked ---------------------------------------------------------------------
CUES = [
    ("環保團體呼籲，政府應盡快公布減碳時程。", [("政府應盡快公布減碳時程", None, "indirect")]),
    ("交通部長陳世凱敦促，各縣市加快改善路口設計。", [("各縣市加快改善路口設計", "陳世凱", "indirect")]),
    ("券商評估，新制上路後每年可增加約20億元稅收。", [("新制上路後每年可增加約20億元稅收", None, "indirect")]),
    ("多數投資者擔心，利率維持高檔將拖累房市。", [("利率維持高檔將拖累房市", None, "indirect")]),
    ("王建民在個人網誌上寫道，球隊重建需要耐心。", [("球隊重建需要耐心", "王建民", "indirect")]),
    ("海關總署公布的數據顯示，上月出口年增12%。", [("上月出口年增12%", "海關總署", "indirect")]),
    ("记者从国家统计局了解到，四季度调查将于下周启动。", [("四季度调查将于下周启动", "国家统计局", "indirect")]),
    ("不少買家認為，房價仍有下跌空間。", [("房價仍有下跌空間", None, "indirect")]),
    ("外界解讀為，北京有意緩和兩岸關係。", [("北京有意緩和兩岸關係", None, "indirect")]),
    ("鴻海董事長劉揚偉坦言，電動車業務短期內難以獲利。", [("電動車業務短期內難以獲利", "劉揚偉", "indirect")]),
]

# 2. a second cue starts a second quote ---------------------------------------------------------
SPLITS = [
    ("王部長說，明年將調漲電價，但強調漲幅不會超過3%。",
     [("明年將調漲電價", "王部長", "indirect"), ("漲幅不會超過3%", "王部長", "indirect")]),
    ("林佳龍表示，外交部已啟動應變機制，並呼籲旅外國人留意安全。",
     [("外交部已啟動應變機制", "林佳龍", "indirect"), ("旅外國人留意安全", "林佳龍", "indirect")]),
]

# 3. outlets and relays -------------------------------------------------------------------------
OUTLETS = [
    ("《華爾街日報》3日報導，白宮正研擬新的關稅方案。", [("白宮正研擬新的關稅方案", "華爾街日報", "indirect")]),
    ("彭博社報導，蘋果考慮將更多產能移往印度。", [("蘋果考慮將更多產能移往印度", "彭博社", "indirect")]),
    ("據路透社報導，他們主張延後表決。", [("延後表決", None, "indirect")]),
    ("媒體報導，該公司將裁員千人。", []),
]

# 4. unnamed collective speakers ----------------------------------------------------------------
COLLECTIVE = [
    ("市場普遍認為，央行年內還會再降息一次。", [("央行年內還會再降息一次", None, "indirect")]),
    ("業界普遍預期，記憶體價格下半年將止跌。", [("記憶體價格下半年將止跌", None, "indirect")]),
    ("台灣投資人擔心，美國關稅將衝擊出口。", [("美國關稅將衝擊出口", None, "indirect")]),
]

# 5. the subject carried to a later direct quote ------------------------------------------------
SUBJECT = [
    ("李大同董事長昨天出席年會，並說「今年是轉型關鍵的一年」。", [("今年是轉型關鍵的一年", "李大同", "direct")]),
]

# 6. reporters' questions -----------------------------------------------------------------------
QUESTIONS = [
    ("記者問：「新制何時上路？」", [("新制何時上路？", None, "direct")]),
    ("有記者提問稱，新制是否會延後實施。", [("新制是否會延後實施", None, "indirect")]),
]

# round 2: more verbs, addressees, posts, names fused with the cue
MORE = [
    ("工商總會促請，政府延長電費補貼。", [("政府延長電費補貼", "工商總會", "indirect")]),
    ("經濟部長龔明鑫相信，台灣出口動能可延續到年底。", [("台灣出口動能可延續到年底", "龔明鑫", "indirect")]),
    ("鴻海今天發出聲明澄清，墨西哥新廠進度正常。", [("墨西哥新廠進度正常", "鴻海", "indirect")]),
    ("一名國務院官員向路透社表示，談判仍在進行。", [("談判仍在進行", None, "indirect")]),
    ("立委林俊宪在臉書發文指出，預算不應再被凍結。", [("預算不應再被凍結", "林俊宪", "indirect")]),
    ("王建明说，新工厂将在年底投产。", [("新工厂将在年底投产", "王建明", "indirect")]),
    ("業內人士分析認為，價格戰短期內不會結束。", [("價格戰短期內不會結束", None, "indirect")]),
    ("公司澄清：出貨正常", [("出貨正常", None, "indirect")]),
]

# round 3: existential and unnamed phrases, 在X看來, a speaker after a passage with no comma
ROUND3 = [
    ("但也有人擔憂，補助恐排擠其他預算。", [("補助恐排擠其他預算", None, "indirect")]),
    ("有觀點認為，央行不會再升息。", [("央行不會再升息", None, "indirect")]),
    ("某外資分析師對記者表示，台股短線偏弱。", [("台股短線偏弱", None, "indirect")]),
    ("一名在高雄經營民宿的業者說，旅客明顯減少。", [("旅客明顯減少", None, "indirect")]),
    ("在多位經濟學者看來，通膨壓力已經緩解。", [("通膨壓力已經緩解", None, "indirect")]),
    ("「我們不會放棄這個市場。」她說。", [("我們不會放棄這個市場。", None, "direct")]),
    ("根據商務部發布的新聞稿，新規將於下月生效。", [("新規將於下月生效", "商務部", "indirect")]),
    ("根據白宮的備忘錄，關稅暫緩實施。", [("關稅暫緩實施", "白宮", "indirect")]),
]

# 8. false quotes -------------------------------------------------------------------------------
FALSE = [
    ("第三季營收表現符合預期。", []),
    ("這項數據顯示需求回溫。", []),
    ("這顯示，市場信心仍然不足。", []),
    ("AI晶片：下一個兵家必爭之地", []),
    ("兩國共同推動的「綠色航運」倡議，即是合作的成果。", []),
    ("他在會中提出的建議，獲得多數支持。", []),
]


@pytest.mark.parametrize("text,expected", CUES + SPLITS + OUTLETS + COLLECTIVE + SUBJECT + QUESTIONS + MORE + ROUND3 + FALSE)
def test_reporting_grammar(text, expected):
    check(text, expected)


# 7. 他 / 她 is the last person who spoke, not the last person named ------------------------------
def test_pronoun_follows_the_last_speaker_not_the_last_name():
    text = ("陳一新表示，政策方向不會改變。林二木隨即反駁，指控政府說一套做一套。"
            "陳一新在受訪時說，林二木的說法並不公平。他也透露，政府下週將公布細節。")
    got = quotes_of(text)
    assert [g[1] for g in got] == ["陳一新", "林二木", "陳一新", "陳一新"], got


def test_pronoun_after_a_person_only_named_is_the_speaker():
    text = "張三表示，計畫會如期推動。對於李四日前提出的質疑，他回應說，相關數字都已公開。"
    got = quotes_of(text)
    assert got[-1][0] == "相關數字都已公開" and got[-1][1] == "張三", got


# interviews and labelled headlines -------------------------------------------------------------
def test_a_pronoun_after_an_introduced_subject():
    text = "中研院院士李遠哲今天出席論壇。他在致詞時表示，能源轉型不能再等。"
    got = quotes_of(text)
    assert got == [("能源轉型不能再等", "李遠哲", "indirect")], got


def test_interview_turns():
    text = ("專訪｜經濟學者吳中書：降息空間有限\n\n記者：您怎麼看今年的經濟成長？\n\n"
            "吳中書：出口表現不錯，但內需偏弱。\n\n記者：央行會降息嗎？\n\n吳中書：空間有限。")
    got = quotes_of(text)
    assert got == [("降息空間有限", "吳中書", "indirect"), ("您怎麼看今年的經濟成長", None, "indirect"),
                   ("出口表現不錯，但內需偏弱", "吳中書", "indirect"), ("央行會降息嗎", None, "indirect"),
                   ("空間有限", "吳中書", "indirect")], got


def test_a_headline_title_resolves_to_the_person_holding_it():
    text = "台電年度記者會 總經理：夏季供電無虞\n\n台電總經理王耀庭表示，今夏備轉容量率可維持在10%以上。"
    got = quotes_of(text)
    assert got[0] == ("夏季供電無虞", "王耀庭", "indirect"), got


def test_courts_speak_through_their_panel_and_judgment():
    text = ("台中地方法院今天宣判。合議庭在判決中指出，被告犯後坦承犯行，態度良好。"
            "判決書寫道，被告「已與被害人和解」。")
    got = quotes_of(text)
    assert [(g[1], g[2]) for g in got] == [("台中地方法院", "indirect"), ("台中地方法院", "indirect")], got


def test_the_head_of_a_possessive_phrase_speaks():
    got = quotes_of("張男的委任律師李文華說，將提起上訴。")
    assert got == [("將提起上訴", "李文華", "indirect")], got


def test_a_dateline_with_a_reporter_credit_is_not_the_body():
    r = EX.extract("新华社上海5月3日电（记者王小明）上海市统计局3日表示，一季度工业产值同比增长5%。")
    assert r.quotes[0].speaker_text.startswith("上海市统计局")
    assert r.body[0][0] == r.text.index("上海市统计局")
