"""What a new user trips over in the first hour (issue 13's numbered problems), each a test."""
from __future__ import annotations

import pytest

from h200claims import Extractor, H200ClaimsInputError, read_file

PARA = "王大明表示，公司今年營收將成長兩成，並在高雄設立新廠，投資金額約新台幣50億元。"


def test_a_repeated_paragraph_keeps_its_first_occurrence():
    r = Extractor().extract(f"{PARA}\n\n李小華指出，市場需求仍然強勁。\n\n{PARA}")
    assert len([q for q in r.quotes if q.text.startswith("公司今年")]) == 1
    assert r.quotes[0].start < 10 and r.warnings == []


def test_an_empty_body_with_prose_carries_a_warning():
    lines = "\n".join(f"海峽兩岸經貿交流協會今日舉行記者會第{i % 2}場" for i in range(12))
    r = Extractor().extract(lines)
    assert r.body == [] and len(r.warnings) == 1 and "no article body" in r.warnings[0]


def test_unknown_names_in_the_article_script_with_stable_ids():
    trad = Extractor().extract("央行總裁楊金龍表示，今年經濟成長率將達3%。楊金龍強調，通膨壓力仍在。")
    simp = Extractor().extract("央行总裁杨金龙表示，今年经济成长率将达3%。杨金龙强调，通胀压力仍在。")
    t = next(e for e in trad.entities if e.label == "PERSON")
    s = next(e for e in simp.entities if e.label == "PERSON")
    assert (t.name, s.name) == ("楊金龍", "杨金龙")
    assert t.id == s.id


def test_shift_jis_is_refused_naming_the_encodings(tmp_path):
    f = tmp_path / "ja.txt"
    f.write_bytes("私は日本語を話します。東京は大きな都市です。今日は天気がいいですね。".encode("shift_jis"))
    with pytest.raises(H200ClaimsInputError) as e:
        read_file(f)
    assert "ja.txt" in str(e.value) and "gb18030" in str(e.value) and "big5" in str(e.value)


@pytest.mark.parametrize("enc", ["big5", "gb18030"])
def test_legacy_chinese_encodings_still_read(tmp_path, enc):
    text = "美國商務部長表示，晶片出口將增加。" if enc == "big5" else "美国商务部长表示，芯片出口将增加。"
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(enc))
    assert read_file(f) == text


def test_a_bad_date_is_a_clear_error():
    with pytest.raises(H200ClaimsInputError, match="not a calendar date"):
        Extractor().extract(PARA, date="2025-13-45")
    with pytest.raises(H200ClaimsInputError, match="not a calendar date"):
        Extractor().extract(PARA, date="yesterday")
    assert Extractor().extract(PARA, date="2025-12-10").date == "2025-12-10"


@pytest.mark.parametrize("text,date,quantity,unit", [
    ("新聞中心 時間：2026-03-16 來源：本站\n\n商務部3日表示，將在下月公布新規。", "2026-03-16", "3日", "2026-03-03"),
    ("2025-12-09 10:17\n\n經濟部8日指出，出口訂單將持續成長。", "2025-12-09", "8日", "2025-12-08"),
])
def test_page_publication_time_is_the_article_date(text, date, quantity, unit):
    r = Extractor().extract(text)
    assert r.date == date
    assert [(q.text, q.unit) for q in r.quantities if q.kind == "date"] == [(quantity, unit)]


def test_a_date_in_the_prose_is_not_the_page_date():
    assert Extractor().extract("他在2025年12月9日表示，出口將增加。").date is None
