"""Forms the public NER sets (UNER GSD, MSRA) score that the pipeline used to lose against the CRF
alone: named places that are no political unit, and people the CRF doubts that LAC reads the same.
Sentences written for these tests, in both scripts."""
import pytest

from h200claims.pipeline import Extractor


@pytest.fixture(scope="module")
def ex():
    return Extractor()


def places(ex, text):
    return [m.text for m in ex.extract(text).mentions if m.label == "GPE"]


def people(ex, text):
    return [(m.text, m.rule) for m in ex.extract(text).mentions if m.label == "PERSON"]


@pytest.mark.parametrize("text, names", [
    ("遊客在玄武湖划船，也到紫金山散步。", ["玄武湖", "紫金山"]),
    ("游客在玄武湖划船，也到紫金山散步。", ["玄武湖", "紫金山"]),
    ("登山客週末湧入玉山，合歡山也有大批遊客。", ["玉山", "合歡山"]),
])
def test_named_places_that_are_no_political_unit_are_place_mentions(ex, text, names):
    assert places(ex, text) == names


@pytest.mark.parametrize("text", ["貨輪橫渡太平洋後抵達洛杉磯。", "货轮横渡太平洋后抵达洛杉矶。"])
def test_an_ocean_is_no_place_mention(ex, text):
    assert "太平洋" not in places(ex, text) and places(ex, text) == [text[-4:-1]]


@pytest.mark.parametrize("text, name", [
    ("朱熹晚年在福建講學，學生眾多。", "朱熹"),
    ("朱熹晚年在福建讲学，学生众多。", "朱熹"),
    ("列寧在莫斯科發表演說。", "列寧"),
    ("李白一生游历各地，留下许多诗篇。", "李白"),
])
def test_a_person_the_crf_doubts_and_lac_reads_the_same_is_a_person(ex, text, name):
    assert people(ex, text) == [(name, "model:lac_crf")]


def test_without_lac_the_doubted_person_stays_out(ex):
    assert people(Extractor(disable=["lac"]), "朱熹晚年在福建講學，學生眾多。") == []


def test_agreement_can_be_switched_off_in_the_settings():
    from h200claims import data

    lac = {**data.load_json("pipeline.json")["lac"], "agree_labels": {}}
    assert people(Extractor(lac=lac), "列寧在莫斯科發表演說。") == []


def test_doubted_names_pass_every_other_check():
    from h200claims import data
    from h200claims.doc import Doc
    from h200claims.tags.entity_model import SpanCheck, doubted

    cfg = data.load_json("pipeline.json")["model"]
    text = "他說約一成的人朱熹在國安"
    doc = Doc(text=text, view=text)
    check = SpanCheck(doc, cfg)
    assert doubted(check, 7, 9, "PER", 0.5) == "PERSON"  # a frequent word, unsure: a doubt
    assert doubted(check, 7, 9, "PER", 0.1) is None  # under the floor
    assert doubted(check, 2, 5, "PER", 0.5) is None  # 約一成 holds an amount: no person whatever LAC says
    assert doubted(check, 10, 12, "ORG", 0.5) is None  # 國安: a frequent word is no body, even if LAC agrees


@pytest.mark.parametrize("text, name", [("他在衡陽住了三年。", "衡陽"), ("他在衡阳住了三年。", "衡阳")])
def test_a_place_the_crf_doubts_and_lac_reads_the_same_is_a_place(ex, text, name):
    assert [(m.text, m.rule) for m in ex.extract(text).mentions if m.label == "GPE"] == [(name, "model:lac_crf")]


@pytest.mark.parametrize("text, name", [
    ("美國選手利平斯基獲得冠軍。", "利平斯基"),
    ("美国选手利平斯基获得冠军。", "利平斯基"),
    ("議員達文波特提出法案。", "達文波特"),
    ("议员达文波特提出法案。", "达文波特"),
])
def test_a_transliterated_name_keeps_its_first_character(ex, text, name):
    assert [p for p, _ in people(ex, text)] == [name]


def test_a_word_before_a_chinese_name_is_still_cut(ex):
    assert [p for p, _ in people(ex, "選委界江玉歡表示支持。")] == ["江玉歡"]


@pytest.mark.parametrize("text, word", [("卡拉膠是一種常見的食品添加劑。", "卡拉膠"), ("卡拉胶是一种常见的食品添加剂。", "卡拉胶")])
def test_an_unsure_crf_person_lac_reads_as_no_person_is_none(ex, text, word):
    assert people(Extractor(disable=["lac"]), text) == [(word, "model:crf")]  # the CRF alone, unsure
    assert people(ex, text) == []


def test_unconfirmed_people_only_where_lac_read_and_saw_no_person():
    from h200claims.doc import Doc
    from h200claims.tags.entity_lac import unconfirmed_people
    from h200claims.tags.entity_model import PEOPLE

    doc = Doc(text="甲乙丙丁戊己庚辛", view="甲乙丙丁戊己庚辛")
    doc.cache[PEOPLE] = {(0, 2): 0.7, (2, 4): 0.99, (4, 6): 0.7, (6, 8): 0.7}
    got = unconfirmed_people(doc, {"confirm_people_below": 0.95}, [(0, 6)], [(4, 5)])
    assert got == {(0, 2)}  # (2, 4) is sure, LAC sees a person at (4, 5), (6, 8) lies in no sentence LAC read
