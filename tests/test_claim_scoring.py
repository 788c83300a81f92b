"""The claim layer of the gold format and its scoring (GUIDELINES: Claims)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from h200claims.evaluate.gold_spec import compile_spec
from h200claims.evaluate.score import measure_matches, score_article, score_claims

SHARED = ROOT.parent / "shared" / "gold"
TEXT = "鴻海表示，第3季營收年增8.1%。台積電營收則增加12%。"
SPEC = {
    "entities": [{"id": "foxconn", "label": "ORG", "surfaces": ["鴻海"]},
                 {"id": "tsmc", "label": "ORG", "surfaces": ["台積電"]}],
    "quantities": [{"text": "第3季", "kind": "date", "unit": None},
                   {"text": "8.1%", "kind": "percent", "value": 8.1, "unit": "%", "subject": "foxconn", "measure": "營收"},
                   {"text": "12%", "kind": "percent", "value": 12, "unit": "%", "subject": "tsmc", "measure": "營收"}],
    "quotes": [{"from": "第3季", "to": "8.1%", "kind": "indirect", "speaker": "foxconn", "speaker_text": "鴻海", "cue": "表示"}],
    "claims_annotated": True,
}


def gold() -> dict:
    return compile_spec(SPEC, TEXT, "a.txt")


def test_compile_derives_source_from_the_quote_that_holds_the_amount():
    g = gold()
    by_text = {q["text"]: q for q in g["quantities"]}
    assert by_text["8.1%"]["source"] == "foxconn"      # inside 鴻海's quote
    assert by_text["12%"]["source"] is None            # the article's own voice
    assert by_text["第3季"]["source"] is None           # a date carries no claim
    assert by_text["12%"]["subject"] == "tsmc" and by_text["8.1%"]["measure"] == "營收"
    assert g["claims_annotated"] is True


def test_a_perfect_prediction_scores_one_and_a_wrong_subject_costs_the_claim():
    g = gold()
    assert score_article(g, g)["claims"].f1 == 1.0
    pred = json.loads(json.dumps(g))
    pred["entities"] = [dict(e, id="P" + e["id"]) for e in pred["entities"]]  # ids differ between extractors
    pred["mentions"] = [dict(m, entity="P" + m["entity"]) for m in pred["mentions"]]
    for q in pred["quantities"]:
        for k in ("subject", "source"):
            q[k] = "P" + q[k] if q[k] else None
    assert score_claims(g, pred)["claims"].f1 == 1.0   # aligned through the mentions
    pred["quantities"][2]["subject"] = "Pfoxconn"      # 12% given to the wrong firm
    pred["quantities"][1]["measure"] = "收入"
    s = score_claims(g, pred)
    assert (s["claims"].tp, s["claims"].fp, s["claims"].fn) == (1, 1, 1)
    assert s["claim_subject"].f1 == 0.5 and s["claim_source"].f1 == 1.0
    assert s["claim_measure"].f1 == 0.5
    assert s["claim_subject"].misses[0]["field"] == "subject"


def test_gold_without_the_claim_layer_is_not_scored_on_claims():
    g = gold()
    del g["claims_annotated"]
    assert "claims" not in score_article(g, g)


@pytest.mark.parametrize("g, p, ok", [("營收", "營收", True), ("毛利率", "利率", True), ("營收", "营收", True),
                                      ("營收", "出口", False), ("營收", None, False)])
def test_measure_is_scored_leniently_in_the_simplified_view(g, p, ok):
    assert measure_matches(g, p) is ok


def test_to_gold_carries_subject_measure_and_source():
    import h200claims

    r = h200claims.extract("鴻海表示，鴻海第3季營收年增8.1%。")
    q = next(q for q in r.to_gold()["quantities"] if q["text"] == "8.1%")
    assert q["measure"] == "營收" and q["source"] is not None
    subject = next(e for e in r.entities if e.id == q["subject"])
    assert subject.label == "ORG" and subject.mentions[0].text == "鴻海"


def test_eval_prints_the_claim_rows_on_the_seeds():
    p = subprocess.run([sys.executable, "-m", "h200claims", "eval", "--gold", str(ROOT / "fixtures" / "gold"),
                        "--articles", str(ROOT / "fixtures" / "articles")], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    for row in ("claims ", "claim_subject", "claim_source", "claim_measure"):
        assert row in p.stdout


@pytest.mark.skipif(not (SHARED / "specs").exists(), reason="../shared/gold is not beside this checkout")
@pytest.mark.parametrize("name", ["000_e12bd51840db5040", "002_7cdbda35982f72d8"])
def test_the_project_compiler_agrees_with_the_guidelines_compiler(name, tmp_path):
    spec = SHARED / "specs" / f"{name}.spec.json"
    article = ROOT / "fixtures" / "articles" / f"{name}.txt"
    out = tmp_path / "g.json"
    p = subprocess.run([sys.executable, str(SHARED / "goldc.py"), "compile", str(spec), str(article), str(out)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout
    ours = compile_spec(json.loads(spec.read_text(encoding="utf-8")), article.read_text(encoding="utf-8"), article.name)
    assert ours == json.loads(out.read_text(encoding="utf-8"))
